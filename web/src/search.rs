//! The search beyond a verdict (what would change it, the best moment, a coming change of the rules),
//! searched and worded by a separate WebAssembly module in a Web Worker (`beyond-worker/`, built by
//! Trunk as a `data-type="worker"` asset) that the page fetches when it first shows the results: its
//! code (the rules' search and the words' code) stays out of the first load.
//!
//! The app's side is this module: it starts the worker from [`WORKER`] once, posts the latest request
//! (the answers file's text without details, the day and the language; the worker's script holds it
//! until its module runs) and hands the reply, read by `Beyond::read`, to the page that asked; a reply
//! to an older request is dropped. Each search's time (measured in the worker, the search alone) is
//! appended to `window.__tekserBeyond` for the browser tests. The worker keeps nothing between
//! messages but the texts; [`forget`] ends it ("Start again", a kiosk's "Finish and clear").

use crate::components::beyond::Beyond;
use std::cell::RefCell;
use std::rc::Rc;
use tekser_rules::Lang;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The worker's script (`web/beyond-worker.js`, copied by Trunk beside the worker's JS and WASM).
pub const WORKER: &str = "./beyond-worker.js";

struct Running {
    worker: web_sys::Worker,
    // Kept alive as long as the worker.
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

/// The latest request: its number, its language, and who gets the answer.
struct Latest {
    id: u32,
    lang: Lang,
    reply: yew::Callback<Rc<Beyond>>,
}

thread_local! {
    static RUNNING: RefCell<Option<Running>> = const { RefCell::new(None) };
    static LATEST: RefCell<Option<Latest>> = const { RefCell::new(None) };
}

/// Searches for the answers file `answers` on `as_of` (`YYYY-MM-DD`), worded in `lang`; `reply` gets
/// the result (never, when the module cannot be fetched: the results then show without these parts).
pub fn search(answers: String, as_of: String, lang: Lang, reply: yew::Callback<Rc<Beyond>>) {
    let id = LATEST.with(|l| l.borrow().as_ref().map_or(1, |l| l.id + 1));
    LATEST.with(|l| *l.borrow_mut() = Some(Latest { id, lang, reply }));
    if RUNNING.with(|r| r.borrow().is_none()) {
        let Some(running) = start() else { return };
        RUNNING.with(|r| *r.borrow_mut() = Some(running));
    }
    let message = js_sys::Object::new();
    for (k, v) in
        [("id", JsValue::from(id)), ("answers", answers.into()), ("asOf", as_of.into()), ("lang", crate::i18n::lang_code(lang).into())]
    {
        let _ = js_sys::Reflect::set(&message, &k.into(), &v);
    }
    RUNNING.with(|r| r.borrow().as_ref().map(|r| r.worker.post_message(&message)));
}

/// Ends the worker and forgets the request.
pub fn forget() {
    if let Some(running) = RUNNING.with(|r| r.borrow_mut().take()) {
        running.worker.terminate();
    }
    LATEST.with(|l| *l.borrow_mut() = None);
}

fn start() -> Option<Running> {
    let worker = web_sys::Worker::new(WORKER).ok()?;
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|e: web_sys::MessageEvent| on_message(e.data()));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    Some(Running { worker, _on_message: on_message })
}

fn field(o: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(o, &k.into()).unwrap_or(JsValue::UNDEFINED)
}

/// The worker's messages: `{id, json}`, `{id, error}` or `{load}` (its module failed to start: ended,
/// so the next results page tries again).
fn on_message(data: JsValue) {
    if !field(&data, "load").is_undefined() {
        if let Some(running) = RUNNING.with(|r| r.borrow_mut().take()) {
            running.worker.terminate();
        }
        return;
    }
    let id = field(&data, "id").as_f64().map(|x| x as u32);
    let latest = LATEST.with(|l| l.borrow().as_ref().filter(|l| Some(l.id) == id).map(|l| (l.lang, l.reply.clone())));
    let (Some((lang, reply)), Some(json)) = (latest, field(&data, "json").as_string()) else { return };
    let Some(found) = Beyond::read(&json, lang) else { return };
    record(found.ms);
    reply.emit(Rc::new(found));
}

/// Appends the search's time (milliseconds) to `window.__tekserBeyond`.
fn record(ms: f64) {
    let Some(w) = web_sys::window() else { return };
    let key = JsValue::from_str("__tekserBeyond");
    let list = js_sys::Reflect::get(&w, &key).ok().filter(|v| v.is_object()).unwrap_or_else(|| js_sys::Array::new().into());
    list.unchecked_ref::<js_sys::Array>().push(&JsValue::from_f64(ms));
    let _ = js_sys::Reflect::set(&w, &key, &list);
}
