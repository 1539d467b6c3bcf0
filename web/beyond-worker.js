// The search beyond a verdict in a Web Worker (web/src/search.rs starts it when the results first show):
// loads wasm-bindgen's glue for the tekser-beyond-worker module and the module, fetches a language's texts
// once (the app's own texts-<lang>.json), and answers each {id, answers, asOf, lang} with {id, json} or
// {id, error}. If the module cannot be fetched or started, it says so ({load}); the results then show
// without these sections.
importScripts('./tekser-beyond-worker.js');
const ready = wasm_bindgen({ module_or_path: './tekser-beyond-worker_bg.wasm' });
ready.catch((e) => postMessage({ load: String(e) }));
const texts = {};
onmessage = async (e) => {
  const { id, answers, asOf, lang } = e.data;
  try {
    await ready;
    texts[lang] ??= fetch(`./texts-${lang}.json`).then((r) => r.text());
    const json = wasm_bindgen.words(answers, asOf, lang, await texts[lang]);
    postMessage(json === undefined ? { id, error: 'unreadable answers, day or language' } : { id, json });
  } catch (err) {
    postMessage({ id, error: String(err) });
  }
};
