//! The search beyond a verdict in a Web Worker (`tekser_beyond_worker`): the app (`web/src/search.rs`)
//! starts `web/beyond-worker.js` when it first shows the results, so neither the search's code nor its
//! words' code is part of the first load, and the page stays responsive while it runs.
//!
//! The worker script takes `{id, answers, asOf, lang}` (a number the app matches the reply by, the
//! answers file's text without details, `YYYY-MM-DD`, `kk|ru|en`), fetches that language's texts once
//! (`texts-<lang>.json`, the app's own) and calls [`words`]; it replies `{id, json}` (the JSON of
//! `tekser_beyond_worker::beyond`) or `{id, error}`, and `{load}` when the module cannot start. It
//! keeps nothing between messages but the texts.

use tekser_rules::Lang;
use wasm_bindgen::prelude::*;

/// The search for the answers file on the day, worded in `lang` with `texts` (the language's texts
/// file, installed the first time); `None` for answers, a day or a language it cannot read.
#[wasm_bindgen]
pub fn words(answers: &str, as_of: &str, lang: &str, texts: &str) -> Option<String> {
    let lang = Lang::parse(lang)?;
    if !tekser_rules::text::has_language(lang) {
        let all: serde_json::Value = serde_json::from_str(texts).ok()?;
        let pairs = all.as_object()?.iter().filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())));
        tekser_rules::text::install(lang, pairs.collect::<Vec<_>>());
    }
    let clock = js_sys::global().unchecked_into::<web_sys::WorkerGlobalScope>().performance();
    tekser_beyond_worker::beyond(answers, as_of, lang, || clock.as_ref().map_or(0.0, |p| p.now()))
}

fn main() {}
