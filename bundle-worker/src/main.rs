//! The application bundle's WebAssembly module, run in a Web Worker: the app (`web/src/bundle.rs`)
//! starts it from `web/bundle-worker.js` only when the person presses Download, so the PDF, ZIP and QR
//! code and the font (`tekser-bundle`) are never part of the first load.
//!
//! Messages: the worker says `"ready"` once its module runs; the app then posts `{answers, asOf,
//! lang, base}` (the answers file's text with its details, `YYYY-MM-DD`, `kk|ru|en`, the page's
//! address) and gets back `{name, zip, ms}` (the ZIP's file name and bytes, the build's time in
//! milliseconds) or `{error}` (the bundle's own message). The bytes are the same as `tekser bundle`'s
//! for the same file, date, language and address ([`request`] reads the message the way the CLI reads
//! its arguments). It keeps nothing between messages.

use tekser_rules::Lang;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The bundle request a message describes; a missing or bad date is the 1st of January 1970 (the
/// bundle then finds no rules in force and says so), a missing language Kazakh, an empty address none.
fn request(answers: String, as_of: &str, lang: &str, base: &str) -> tekser_bundle::Request {
    tekser_bundle::Request {
        answers,
        as_of: as_of.parse().unwrap_or_default(),
        lang: Lang::parse(lang).unwrap_or(Lang::Kk),
        base_url: (!base.is_empty()).then(|| base.to_string()),
    }
}

fn text(o: &JsValue, key: &str) -> String {
    js_sys::Reflect::get(o, &key.into()).ok().and_then(|v| v.as_string()).unwrap_or_default()
}

fn set(o: &js_sys::Object, key: &str, v: &JsValue) {
    let _ = js_sys::Reflect::set(o, &key.into(), v);
}

/// Builds the bundle a message asks for and replies (the ZIP's buffer transferred, not copied).
fn on_message(scope: &web_sys::DedicatedWorkerGlobalScope, data: JsValue) {
    let req = request(text(&data, "answers"), &text(&data, "asOf"), &text(&data, "lang"), &text(&data, "base"));
    let clock = scope.performance();
    let started = clock.as_ref().map_or(0.0, |p| p.now());
    let reply = js_sys::Object::new();
    match tekser_bundle::build(&req) {
        Ok(bundle) => {
            let ms = clock.as_ref().map_or(0.0, |p| p.now()) - started;
            let zip = js_sys::Uint8Array::from(bundle.zip.as_slice());
            set(&reply, "name", &bundle.name.into());
            set(&reply, "zip", &zip);
            set(&reply, "ms", &ms.into());
            let _ = scope.post_message_with_transfer(&reply, &js_sys::Array::of1(&zip.buffer()));
        }
        Err(e) => {
            set(&reply, "error", &e.message(req.lang).into());
            let _ = scope.post_message(&reply);
        }
    }
}

fn main() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let handler = {
        let scope = scope.clone();
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| on_message(&scope, e.data()))
    };
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    handler.forget();
    let _ = scope.post_message(&"ready".into());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_reads_as_the_cli_reads_its_arguments() {
        let r = request("{}".into(), "2026-03-02", "ru", "https://example.kz/");
        assert_eq!(r.as_of, chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
        assert_eq!((r.lang, r.base_url.as_deref()), (Lang::Ru, Some("https://example.kz/")));
        let r = request("{}".into(), "yesterday", "xx", "");
        assert_eq!((r.as_of, r.lang, r.base_url), (chrono::NaiveDate::default(), Lang::Kk, None));
    }
}
