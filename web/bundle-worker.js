// The bundle module's Web Worker script (web/src/bundle.rs starts it when the person presses Download):
// loads wasm-bindgen's glue for the tekser-bundle-worker module, then the module itself, which posts
// "ready" once it runs. If the module cannot be fetched or started, it says so ({load}) instead of
// leaving the page waiting.
importScripts('./tekser-bundle-worker.js');
wasm_bindgen({ module_or_path: './tekser-bundle-worker_bg.wasm' }).catch((e) => postMessage({ load: String(e) }));
