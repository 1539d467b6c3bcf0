//! The application bundle, made on the device by a separate WebAssembly module: the `tekser-bundle`
//! crate (PDF, ZIP, QR and the font) runs in a Web Worker (`bundle-worker/`, built by Trunk as a
//! `data-type="worker"` asset) that is fetched only when the person presses Download, so the first
//! load does not carry it and the page stays responsive while it builds.
//!
//! The app's side is this module only: it starts the worker from [`WORKER`], waits for its "ready",
//! posts the request (the answers file's text with the details, the as-of date, the language and the
//! page's address) and receives the ZIP's bytes and file name, reporting each step ([`Progress`]).
//! The worker is kept for a second Download and ended by [`forget`] (a kiosk's "Finish and clear", the
//! idle timeout, "Start again"), so no detail stays in its memory for the next person. A plain
//! `web_sys::Worker` with structured-clone messages (two strings in, bytes out) rather than
//! `gloo-worker`, whose codec and registrar would add to the first load for no gain.

use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The worker's script (`web/bundle-worker.js`, copied by Trunk beside the worker's JS and WASM).
pub const WORKER: &str = "./bundle-worker.js";

/// What the worker builds from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// The answers file's text, details included (`state::to_json`).
    pub answers: String,
    /// The date the rules apply, `YYYY-MM-DD`.
    pub as_of: String,
    /// The bundle's language code.
    pub lang: &'static str,
    /// The page's address, for the results link in the checklist.
    pub base: String,
}

/// Where a Download stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Progress {
    /// Fetching and starting the bundle module.
    Loading,
    /// The module is running: making the files.
    Building,
    /// Offered as a download: the ZIP's file name.
    Done(String),
    /// The module could not be fetched or started (network off).
    LoadFailed,
    /// The module ran and refused (its message, for the console; the person reads a translated one).
    BuildFailed(String),
}

struct Running {
    worker: web_sys::Worker,
    ready: bool,
    /// The request waiting for "ready".
    pending: Option<Request>,
    // Kept alive as long as the worker.
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static RUNNING: RefCell<Option<Running>> = const { RefCell::new(None) };
    static REPORT: RefCell<Option<yew::Callback<Progress>>> = const { RefCell::new(None) };
}

fn report(p: Progress) {
    let cb = REPORT.with(|r| r.borrow().clone());
    if let Some(cb) = cb {
        cb.emit(p);
    }
}

/// Builds the bundle for `request`, reporting each step to `on_progress`; a finished bundle is offered
/// as a download (a Blob URL: nothing is sent anywhere).
pub fn build(request: Request, on_progress: yew::Callback<Progress>) {
    REPORT.with(|r| *r.borrow_mut() = Some(on_progress));
    let started = RUNNING.with(|r| r.borrow().is_some());
    if !started {
        report(Progress::Loading);
        match start() {
            Some(running) => RUNNING.with(|r| *r.borrow_mut() = Some(running)),
            None => return report(Progress::LoadFailed),
        }
    }
    RUNNING.with(|r| {
        let mut r = r.borrow_mut();
        let Some(running) = r.as_mut() else { return };
        if running.ready {
            post(&running.worker, &request);
        } else {
            running.pending = Some(request);
        }
    });
}

/// Ends the worker (and with it whatever its memory held); the next Download starts a new one.
pub fn forget() {
    if let Some(running) = RUNNING.with(|r| r.borrow_mut().take()) {
        running.worker.terminate();
    }
    REPORT.with(|r| *r.borrow_mut() = None);
}

fn start() -> Option<Running> {
    let worker = web_sys::Worker::new(WORKER).ok()?;
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|e: web_sys::MessageEvent| on_message(e.data()));
    // The script could not be fetched or failed to start: the worker is dropped, a new Download tries again.
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| {
        e.prevent_default();
        forget_quietly();
        report(Progress::LoadFailed);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(Running { worker, ready: false, pending: None, _on_message: on_message, _on_error: on_error })
}

fn forget_quietly() {
    if let Some(running) = RUNNING.with(|r| r.borrow_mut().take()) {
        running.worker.terminate();
    }
}

fn post(worker: &web_sys::Worker, request: &Request) {
    let o = js_sys::Object::new();
    for (k, v) in [("answers", request.answers.as_str()), ("asOf", &request.as_of), ("lang", request.lang), ("base", &request.base)] {
        let _ = js_sys::Reflect::set(&o, &k.into(), &v.into());
    }
    report(Progress::Building);
    if worker.post_message(&o).is_err() {
        report(Progress::BuildFailed("postMessage".into()));
    }
}

fn field(o: &JsValue, k: &str) -> Option<JsValue> {
    js_sys::Reflect::get(o, &k.into()).ok().filter(|v| !v.is_undefined())
}

/// The worker's messages: `"ready"`, `{name, zip}`, `{error}` or `{load}` (its module failed to start).
fn on_message(data: JsValue) {
    if data.as_string().as_deref() == Some("ready") {
        let pending = RUNNING.with(|r| {
            let mut r = r.borrow_mut();
            let running = r.as_mut()?;
            running.ready = true;
            running.pending.take().map(|p| (running.worker.clone(), p))
        });
        if let Some((worker, request)) = pending {
            post(&worker, &request);
        }
        return;
    }
    if field(&data, "load").is_some() {
        forget_quietly();
        return report(Progress::LoadFailed);
    }
    if let Some(e) = field(&data, "error") {
        let message = e.as_string().unwrap_or_default();
        web_sys::console::error_1(&format!("bundle: {message}").into());
        return report(Progress::BuildFailed(message));
    }
    let name = field(&data, "name").and_then(|n| n.as_string());
    let zip = field(&data, "zip").and_then(|z| z.dyn_into::<js_sys::Uint8Array>().ok());
    match (name, zip) {
        (Some(name), Some(zip)) => {
            crate::pages::results::download_bytes(&name, &zip, "application/zip");
            report(Progress::Done(name));
        }
        _ => report(Progress::BuildFailed("no ZIP in the reply".into())),
    }
}
