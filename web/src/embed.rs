//! # Embed mode and the host protocol, version 1
//!
//! Another site (the egov portal) may show the app in an `<iframe>` of its own page
//! (`#/start?embed=1`, `docs/embedding.md`). Embedded, the app draws no header or footer of its own,
//! its top heading is at the level the host page names (`&h=2`, [`h`]), and the answers stay in memory
//! only, as on a kiosk (`State::embed`). It talks to the host page with `postMessage`, in messages that
//! are plain objects carrying `tekser: 1` (the protocol's version) and a `type`:
//!
//! - host → app: `prefill` (answers as in an answers file, language, services, as-of date) and `reset`
//!   ([`parse`] reads and validates them into a [`HostMessage`]);
//! - app → host ([`AppMessage`]): `ready`, `height` (when the page's height changes, so that the frame
//!   fits it), `outcome` (when the person reaches the results: services, verdicts, reason codes, the
//!   rules edition and the day; never an answer or a detail, [`outcome`]) and `error` (a message that
//!   could not be used, or answers that cannot be used, each naming its field).
//!
//! Only messages from the host page (the frame's parent) whose origin is on the deployment's allow-list
//! (`embed.json` beside `index.html`, [`allow_list`]) are read; any other is ignored without an answer.
//! The app writes to the host's origin only, never to `"*"`. Everything here but the glue at the end
//! (fetching the allow-list, listening, posting, watching the height) is pure and tested natively.

use crate::state::{FileError, Loaded, State};
use chrono::NaiveDate;
use serde_json::{Map, Value};
use std::cell::{Cell, RefCell};
use tekser_rules::report::Status;
use tekser_rules::{Lang, Service};

/// The version of the protocol this app speaks (the `tekser` key of every message).
pub const VERSION: u64 = 1;

/// The allow-list's file, beside `index.html`: `{"origins": ["https://egov.kz", …]}`.
pub const ALLOW_LIST: &str = "embed.json";

// ------------------------------------------------------------------ the top heading

thread_local! {
    /// The level of the screens' top heading, less one: 0 unless the host page sets it.
    static SHIFT: Cell<u8> = const { Cell::new(0) };
}

/// Sets the level of every screen's top heading (1 to 6): what [`h`] counts from.
pub fn set_heading(level: u8) {
    SHIFT.with(|s| s.set(level.clamp(1, 6) - 1));
}

/// The heading element of `level` on a screen (1 its title, 2 a part of it, …), moved down as the host
/// page asks ([`set_heading`]); never past `h6`.
pub fn h(level: u8) -> &'static str {
    const TAGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];
    TAGS[usize::from((level.max(1) - 1 + SHIFT.with(Cell::get)).min(5))]
}

/// The attributes a heading may carry besides its level.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Heading {
    pub id: Option<yew::AttrValue>,
    pub class: Option<&'static str>,
    /// Focusable by script (`tabindex="-1"`): a screen's title, focused when the screen opens.
    pub focus: bool,
}

/// A heading at `level` of a screen ([`h`]). One function for every heading of the app: a dynamic
/// tag costs the WASM far more at each place it is written than a call does.
pub fn heading(level: u8, a: Heading, children: yew::Html) -> yew::Html {
    yew::html! { <@{h(level)} id={a.id} class={a.class} tabindex={a.focus.then_some("-1")}>{ children }</@> }
}

/// A screen's title: its top heading, focused when the screen opens.
pub fn title(children: yew::Html) -> yew::Html {
    heading(1, Heading { focus: true, ..Heading::default() }, children)
}

// ------------------------------------------------------------------ the allow-list

/// The origins of `embed.json` (`{"origins": [...]}`): each an exact origin, `https://egov.kz` or
/// `http://localhost:8080` (scheme, host and port, no path, no wildcard). Anything else in the file
/// is left out, and a file that cannot be read allows nothing.
pub fn allow_list(text: &str) -> Vec<String> {
    let Ok(Value::Object(root)) = serde_json::from_str::<Value>(text) else { return Vec::new() };
    let Some(Value::Array(origins)) = root.get("origins") else { return Vec::new() };
    origins.iter().filter_map(Value::as_str).filter(|o| is_origin(o)).map(str::to_string).collect()
}

/// Is `s` an origin as a browser writes `MessageEvent.origin`: `http` or `https`, `://`, a host name or
/// IPv4 address, and perhaps `:port`; nothing after it. (An IPv6 address is not taken.)
pub fn is_origin(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once("://") else { return false };
    let (host, port) = rest.split_once(':').unwrap_or((rest, "0"));
    let port_ok = !port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit());
    let host_ok = !host.is_empty()
        && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        && !host.starts_with('.')
        && !host.contains("..");
    matches!(scheme, "http" | "https") && host_ok && port_ok
}

// ------------------------------------------------------------------ host → app

/// A message of the host page, read and validated ([`parse`]).
#[derive(Clone, Debug, PartialEq)]
pub enum HostMessage {
    /// Pre-fill the check: whatever is given, nothing else.
    Prefill(Prefill),
    /// Forget the answers and the as-of date, back to the start page (the language stays).
    Reset,
}

/// What a `prefill` sets.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prefill {
    /// The language of the page.
    pub lang: Option<Lang>,
    /// The day the rules are applied on, instead of the device's today.
    pub as_of: Option<NaiveDate>,
    /// The services and answers, read as an answers file is (`state::from_object`), the message's
    /// `services` over the answers' own. None when the message gives neither: the interview stays.
    pub answers: Option<Loaded>,
}

/// Why a message of the host page cannot be used: the `error` sent back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// `malformed`, `unsupported_version`, `unknown_type`, `bad_value` or `details_refused`.
    pub code: &'static str,
    /// The key of the message at fault (`lang`, `answers.details`), if one is.
    pub field: Option<String>,
    /// What is wrong, in English, for the host page's developers.
    pub message: &'static str,
    /// The message's `type`, when it has one that is a string.
    pub in_reply_to: Option<String>,
}

fn refuse(code: &'static str, field: Option<&str>, message: &'static str) -> Refusal {
    Refusal { code, field: field.map(str::to_string), message, in_reply_to: None }
}

/// Reads a message of the host page (its data as JSON): a [`HostMessage`], or why it cannot be used.
/// Strict: an unknown key, a value of the wrong kind or an unknown language, service or day refuses
/// the whole message, so that nothing is half done; a `"details"` object in the answers too (the
/// protocol pre-fills eligibility answers only, never a person's details).
pub fn parse(data: &Value) -> Result<HostMessage, Refusal> {
    let Value::Object(m) = data else { return Err(refuse("malformed", None, "a message is an object")) };
    let kind = m.get("type").and_then(Value::as_str);
    let reply = |mut r: Refusal| {
        r.in_reply_to = kind.map(str::to_string);
        r
    };
    match m.get("tekser") {
        None => return Err(reply(refuse("malformed", Some("tekser"), "no protocol version (tekser: 1)"))),
        Some(v) if v.as_u64() != Some(VERSION) => {
            return Err(reply(refuse("unsupported_version", Some("tekser"), "this app speaks version 1")))
        }
        Some(_) => {}
    }
    let allowed: &[&str] = match kind {
        Some("prefill") => &["tekser", "type", "lang", "services", "as_of", "answers"],
        Some("reset") => &["tekser", "type"],
        Some(_) => return Err(reply(refuse("unknown_type", Some("type"), "the types are prefill and reset"))),
        None => return Err(reply(refuse("malformed", Some("type"), "no type"))),
    };
    if let Some(k) = m.keys().find(|k| !allowed.contains(&k.as_str())) {
        return Err(reply(refuse("malformed", Some(k), "a key this type does not take")));
    }
    if kind == Some("reset") {
        return Ok(HostMessage::Reset);
    }
    prefill(m).map(HostMessage::Prefill).map_err(reply)
}

fn prefill(m: &Map<String, Value>) -> Result<Prefill, Refusal> {
    let lang = match m.get("lang") {
        None => None,
        Some(v) => Some(v.as_str().and_then(Lang::parse).ok_or_else(|| refuse("bad_value", Some("lang"), "kk, ru or en"))?),
    };
    let as_of = match m.get("as_of") {
        None => None,
        Some(v) => Some(
            v.as_str()
                .and_then(iso_date)
                .filter(|d| tekser_rules::answers::bounds::AS_OF.contains(d))
                .ok_or_else(|| refuse("bad_value", Some("as_of"), "a day YYYY-MM-DD from 2000-01-01 to 2100-12-31"))?,
        ),
    };
    let services = match m.get("services") {
        None => None,
        Some(v) => {
            Some(services(v).ok_or_else(|| refuse("bad_value", Some("services"), "a list of phc, medical_licence, trp, registration"))?)
        }
    };
    let answers = match m.get("answers") {
        None => None,
        Some(Value::Object(a)) if a.contains_key("details") => {
            return Err(refuse("details_refused", Some("answers.details"), "personal details are not pre-filled"))
        }
        Some(Value::Object(a)) => Some(crate::state::from_object(a)),
        Some(_) => return Err(refuse("bad_value", Some("answers"), "an object, as in an answers file")),
    };
    let answers = match (answers, services) {
        (None, None) => None,
        (a, s) => {
            let mut a = a.unwrap_or(Loaded { services: Service::ALL.to_vec(), ..Loaded::default() });
            if let Some(s) = s {
                a.services = s;
            }
            Some(a)
        }
    };
    Ok(Prefill { lang, as_of, answers })
}

/// A list of service codes, in the app's order; empty means all four, as on the start page.
fn services(v: &Value) -> Option<Vec<Service>> {
    let codes = v.as_array()?;
    let mut chosen = Vec::new();
    for c in codes {
        chosen.push(Service::ALL.into_iter().find(|s| c.as_str() == Some(s.code()))?);
    }
    Some(if chosen.is_empty() { Service::ALL.to_vec() } else { Service::ALL.into_iter().filter(|s| chosen.contains(s)).collect() })
}

/// `YYYY-MM-DD`, strictly.
fn iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).filter(|x| x.bytes().all(|c| c.is_ascii_digit()))?.parse::<u32>().ok();
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

/// The answers of a prefill that cannot be used, each naming its field, in `lang`: those its question
/// would report (`State::problems`) and what no question takes (an unknown field or service).
pub fn problems(loaded: &Loaded, lang: Lang, today: NaiveDate) -> Vec<Problem> {
    let s = State { lang, services: loaded.services.clone(), raw: loaded.raw.clone(), ..State::default() };
    let on_questions = s.problems(today).into_iter().map(|(path, message)| Problem { field: path.to_string(), message });
    let skipped = loaded.skipped.iter().map(|n| Problem {
        field: match n {
            FileError::UnknownField(p) | FileError::NotSection(p) => p.clone(),
            FileError::UnknownService(_) => "services".into(),
            FileError::NotAnswers | FileError::NotUtf8 => String::new(),
        },
        message: n.message(lang),
    });
    on_questions.chain(skipped).collect()
}

// ------------------------------------------------------------------ app → host

/// One answer that cannot be used: its field path and what is wrong, in the page's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    pub message: String,
}

/// One service's result as the results page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceResult {
    /// `phc`, `medical_licence`, `trp` or `registration`.
    pub service: &'static str,
    /// `eligible`, `not_eligible`, `not_applicable`, `needs_info`, `check_with_provider`, `no_channel_open`.
    pub verdict: String,
    /// The conditions that decide the verdict (`reason.<code>`), each with its status: `met`,
    /// `not_met` or `unknown`.
    pub reasons: Vec<(&'static str, String)>,
    /// The questions still to answer for a verdict (field paths), when it is `needs_info`.
    pub missing: Vec<&'static str>,
}

/// A message to the host page. Written out by [`AppMessage::to_value`] (by hand rather than with
/// serde's derive, which would cost the first load more bytes than the messages are worth).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppMessage {
    /// The app runs and listens.
    Ready { lang: &'static str },
    /// The page's height in CSS pixels, whole (rounded up): the frame fits it without scrollbars.
    Height { height: u32 },
    /// The results the person sees.
    Outcome { lang: &'static str, as_of: String, results: Vec<ServiceResult> },
    /// A message that could not be used ([`Refusal`]), or answers of a prefill that cannot be (code
    /// `invalid_answers`, with `problems`).
    Error { code: &'static str, field: Option<String>, message: String, in_reply_to: Option<String>, problems: Vec<Problem> },
}

impl AppMessage {
    /// The message as the object posted: `tekser` (the version), `type`, and its own keys. `ready`
    /// and `outcome` carry the rules edition (`{"id", "hash"}`).
    pub fn to_value(&self) -> Value {
        let mut m = Map::new();
        m.insert("tekser".into(), VERSION.into());
        let mut put = |k: &str, v: Value| drop(m.insert(k.into(), v));
        let edition = || {
            let e = tekser_rules::report::edition();
            let mut o = Map::new();
            o.insert("id".into(), e.id.into());
            o.insert("hash".into(), e.hash.into());
            Value::Object(o)
        };
        match self {
            AppMessage::Ready { lang } => {
                put("type", "ready".into());
                put("lang", (*lang).into());
                put("edition", edition());
            }
            AppMessage::Height { height } => {
                put("type", "height".into());
                put("height", (*height).into());
            }
            AppMessage::Outcome { lang, as_of, results } => {
                put("type", "outcome".into());
                put("lang", (*lang).into());
                put("as_of", as_of.as_str().into());
                put("edition", edition());
                put("results", results.iter().map(ServiceResult::to_value).collect());
            }
            AppMessage::Error { code, field, message, in_reply_to, problems } => {
                put("type", "error".into());
                put("code", (*code).into());
                put("message", message.as_str().into());
                if let Some(f) = field {
                    put("field", f.as_str().into());
                }
                if let Some(t) = in_reply_to {
                    put("in_reply_to", t.as_str().into());
                }
                if !problems.is_empty() {
                    put("problems", problems.iter().map(|p| pair("field", &p.field, "message", &p.message)).collect());
                }
            }
        }
        Value::Object(m)
    }

    /// [`Self::to_value`] as JSON text.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.to_value()).unwrap_or_default()
    }
}

/// `{k1: v1, k2: v2}`.
fn pair(k1: &str, v1: &str, k2: &str, v2: &str) -> Value {
    let mut o = Map::new();
    o.insert(k1.into(), v1.into());
    o.insert(k2.into(), v2.into());
    Value::Object(o)
}

impl ServiceResult {
    fn to_value(&self) -> Value {
        let mut o = Map::new();
        o.insert("service".into(), self.service.into());
        o.insert("verdict".into(), self.verdict.as_str().into());
        o.insert("reasons".into(), self.reasons.iter().map(|(c, s)| pair("code", c, "status", s)).collect());
        o.insert("missing".into(), self.missing.iter().map(|p| Value::from(*p)).collect());
        Value::Object(o)
    }
}

impl From<Refusal> for AppMessage {
    fn from(r: Refusal) -> Self {
        AppMessage::Error { code: r.code, field: r.field, message: r.message.into(), in_reply_to: r.in_reply_to, problems: Vec::new() }
    }
}

/// The `error` for a prefill whose answers (some of them) cannot be used.
pub fn invalid_answers(problems: Vec<Problem>) -> AppMessage {
    AppMessage::Error {
        code: "invalid_answers",
        field: problems.first().map(|p| p.field.clone()),
        message: "answers that cannot be used, each shown on its question".into(),
        in_reply_to: Some("prefill".into()),
        problems,
    }
}

/// `ready`, in the page's language.
pub fn ready(lang: Lang) -> AppMessage {
    AppMessage::Ready { lang: lang.code() }
}

/// What leaves the frame when the person reaches the results: for each service checked, the verdict
/// and the conditions that decide it, with their status, and the questions still open; the day the
/// rules were applied on and their edition. All of it is on the results page (the conditions met
/// folded under one line). Never an answer, a detail, a date or an amount derived from them.
pub fn outcome(s: &State, today: NaiveDate) -> AppMessage {
    let as_of = s.as_of(today);
    let report = tekser_rules::evaluate(&s.answers(), &tekser_rules::Context { as_of });
    let results = report
        .outcomes
        .iter()
        .map(|o| ServiceResult {
            service: o.service.code(),
            verdict: crate::i18n::code(&o.verdict),
            reasons: o.reasons.iter().filter(|r| r.decides()).map(|r| (r.code, status(r.status))).collect(),
            missing: o.missing.clone(),
        })
        .collect();
    AppMessage::Outcome { lang: s.lang.code(), as_of: as_of.to_string(), results }
}

fn status(s: Status) -> String {
    crate::i18n::code(&s)
}

// ------------------------------------------------------------------ the glue (browser only)

thread_local! {
    /// The allow-list, once fetched.
    static ORIGINS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// The host page's origin, once it has sent a message from an allowed origin.
    static HOST: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The page's language, for the words of `invalid_answers`.
    static LANG: Cell<Lang> = const { Cell::new(Lang::Kk) };
    /// The last height and outcome sent (posted again only when they change).
    static HEIGHT: Cell<u32> = const { Cell::new(0) };
    static OUTCOME: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The state shown, for an outcome due before the allow-list arrived.
    static SHOWN: RefCell<Option<State>> = const { RefCell::new(None) };
}

/// The origin of a URL (`https://egov.kz/services?x` → `https://egov.kz`), if it has one.
pub fn origin_of(url: &str) -> Option<&str> {
    let (scheme, rest) = url.split_once("://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let origin = &url[..scheme.len() + 3 + end];
    is_origin(origin).then_some(origin)
}

/// Where messages to the host page go, of the allowed origins: the host's own once it has written;
/// before that, the parent page's origin as the browser tells it (`location.ancestorOrigins`, else
/// the referrer) when it is allowed, and none when it is not; when the browser tells neither, every
/// allowed origin (it delivers a message only where the parent's origin is the one named).
pub fn targets(allowed: &[String], host: Option<&str>, parent: Option<&str>) -> Vec<String> {
    match (host, parent) {
        (Some(h), _) => vec![h.to_string()],
        (None, Some(p)) => allowed.iter().filter(|o| *o == p).cloned().collect(),
        (None, None) => allowed.to_vec(),
    }
}

/// The parent page's origin, as far as the browser says.
fn parent_origin() -> Option<String> {
    let location = gloo_utils::window().location();
    let ancestors = js_sys::Reflect::get(&location, &"ancestorOrigins".into()).ok().filter(|a| a.is_object());
    if let Some(first) = ancestors.and_then(|a| js_sys::Reflect::get_u32(&a, 0).ok()).and_then(|o| o.as_string()) {
        return Some(first);
    }
    let referrer = gloo_utils::document().referrer();
    origin_of(&referrer).map(str::to_string)
}

/// Posts a message to the host page, to the origins of [`targets`]. Nothing when the app is not in a
/// frame.
fn post(msg: &AppMessage) {
    let w = gloo_utils::window();
    let Ok(Some(parent)) = w.parent() else { return };
    if parent == w {
        return;
    }
    let Ok(data) = js_sys::JSON::parse(&msg.to_json()) else { return };
    let host = HOST.with(|h| h.borrow().clone());
    let to = ORIGINS.with(|o| targets(&o.borrow(), host.as_deref(), parent_origin().as_deref()));
    for origin in to {
        let _ = parent.post_message(&data, &origin);
    }
}

/// Starts embed mode: fetches the allow-list, then listens to the host page, says `ready` and reports
/// the page's height. `dispatch` carries out the host's messages as the app's own actions.
pub fn start(dispatch: yew::Callback<crate::state::Action>) {
    wasm_bindgen_futures::spawn_local(async move {
        let list = crate::texts::fetch_text(ALLOW_LIST).await.map(|t| allow_list(&t)).unwrap_or_default();
        ORIGINS.with(|o| *o.borrow_mut() = list);
        gloo_events::EventListener::new(&gloo_utils::window(), "message", move |e| {
            let e: &web_sys::MessageEvent = wasm_bindgen::JsCast::unchecked_ref(e);
            receive(e, &dispatch);
        })
        .forget();
        post(&ready(LANG.with(Cell::get)));
        watch_height();
        if let Some(s) = SHOWN.with(|s| s.borrow().clone()) {
            follow(&s);
        }
    });
}

/// A message event: read only when it comes from the parent window and an allowed origin.
fn receive(e: &web_sys::MessageEvent, dispatch: &yew::Callback<crate::state::Action>) {
    use crate::state::Action;
    let w = gloo_utils::window();
    let from_parent = match (e.source(), w.parent()) {
        (Some(src), Ok(Some(parent))) => parent != w && js_sys::Object::is(&src, &parent),
        _ => false,
    };
    let origin = e.origin();
    if !from_parent || !ORIGINS.with(|o| o.borrow().contains(&origin)) {
        return;
    }
    HOST.with(|h| *h.borrow_mut() = Some(origin));
    let data = js_sys::JSON::stringify(&e.data()).ok().and_then(|s| s.as_string()).and_then(|s| serde_json::from_str(&s).ok());
    let msg = data.as_ref().map(parse).unwrap_or_else(|| Err(refuse("malformed", None, "a message is an object")));
    match msg {
        Err(r) => post(&r.into()),
        Ok(HostMessage::Reset) => {
            crate::set_day(None);
            dispatch.emit(Action::Reset);
        }
        Ok(HostMessage::Prefill(p)) => {
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let lang = p.lang.unwrap_or_else(|| LANG.with(Cell::get));
                // The words of the problems, and of the page, in the language asked for.
                let _ = crate::texts::ensure(lang).await;
                if p.as_of.is_some() {
                    crate::set_day(p.as_of);
                }
                if p.lang.is_some() {
                    dispatch.emit(Action::SetLang(lang));
                }
                if let Some(loaded) = p.answers {
                    let problems = problems(&loaded, lang, crate::today());
                    dispatch.emit(Action::Prefill(loaded));
                    if !problems.is_empty() {
                        post(&invalid_answers(problems));
                    }
                }
            });
        }
    }
}

/// Reports the page's height whenever it changes (a `ResizeObserver` on the root element).
fn watch_height() {
    use wasm_bindgen::closure::Closure;
    let Some(root) = gloo_utils::document().document_element() else { return };
    let measured = root.clone();
    let changed = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil() as u32;
        if HEIGHT.with(|h| h.replace(height)) != height {
            post(&AppMessage::Height { height });
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(wasm_bindgen::JsCast::unchecked_ref(changed.as_ref())) {
        observer.observe(&root);
        // It watches for the life of the page.
        std::mem::forget(observer);
    }
    changed.forget();
}

/// Follows the state shown: its language, and the outcome when the person is on the results (sent
/// on arriving there, and again when what it says changes).
pub fn follow(s: &State) {
    LANG.with(|l| l.set(s.lang));
    SHOWN.with(|x| *x.borrow_mut() = Some(s.clone()));
    if s.screen != crate::state::Screen::Results {
        OUTCOME.with(|o| *o.borrow_mut() = None);
        return;
    }
    if ORIGINS.with(|o| o.borrow().is_empty()) {
        return;
    }
    let msg = outcome(s, crate::today());
    let json = msg.to_json();
    if OUTCOME.with(|o| o.borrow().as_deref() != Some(json.as_str())) {
        OUTCOME.with(|o| *o.borrow_mut() = Some(json));
        post(&msg);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn refusal(v: Value) -> (&'static str, Option<String>, Option<String>) {
        let r = parse(&v).unwrap_err();
        (r.code, r.field, r.in_reply_to)
    }

    #[test]
    fn the_allow_list_holds_exact_origins_only() {
        let text = r#"{"origins": ["https://egov.kz", "http://localhost:8080", "https://egov.kz/path", "*", "https://*.egov.kz",
            "egov.kz", "ftp://egov.kz", "https://egov.kz:", "https://egov.kz:99999999", 7, "http://127.0.0.1:41000"]}"#;
        assert_eq!(allow_list(text), ["https://egov.kz", "http://localhost:8080", "http://127.0.0.1:41000"]);
        assert!(allow_list("").is_empty() && allow_list("[]").is_empty() && allow_list(r#"{"origins":"https://egov.kz"}"#).is_empty());
    }

    #[test]
    fn messages_go_to_the_host_page_only() {
        let allowed = vec!["https://egov.kz".to_string(), "https://www.egov.kz".to_string()];
        assert_eq!(origin_of("https://www.egov.kz/services/check?x=1#y"), Some("https://www.egov.kz"));
        assert_eq!(origin_of("http://localhost:8081"), Some("http://localhost:8081"));
        assert_eq!((origin_of(""), origin_of("about:blank")), (None, None));
        assert_eq!(targets(&allowed, None, Some("https://www.egov.kz")), ["https://www.egov.kz"]);
        assert!(targets(&allowed, None, Some("https://evil.example")).is_empty(), "a parent not on the list hears nothing");
        assert_eq!(targets(&allowed, None, None), allowed, "the browser delivers only to the parent's own origin");
        assert_eq!(targets(&allowed, Some("https://egov.kz"), Some("https://www.egov.kz")), ["https://egov.kz"]);
        assert!(targets(&[], None, None).is_empty());
    }

    #[test]
    fn a_prefill_reads_answers_as_a_file_and_the_services_language_and_day() {
        let msg = json!({"tekser": 1, "type": "prefill", "lang": "ru", "as_of": "2026-03-02", "services": ["trp", "phc"],
            "answers": {"services": ["registration"], "person": {"status": "citizen", "date_of_birth": "1990-01-31"}}});
        let Ok(HostMessage::Prefill(p)) = parse(&msg) else { panic!("{:?}", parse(&msg)) };
        assert_eq!(p.lang, Some(Lang::Ru));
        assert_eq!(p.as_of, Some(day(2026, 3, 2)));
        let a = p.answers.unwrap();
        assert_eq!(a.services, vec![Service::Phc, Service::Trp], "the message's services, in the app's order");
        assert_eq!(a.raw.get("person.date_of_birth").map(String::as_str), Some("1990-01-31"));
        // The same paths and values as a file, and as a link.
        let file = crate::state::from_json(&msg["answers"].to_string()).unwrap();
        assert_eq!(a.raw, file.raw);
        let link = crate::state::from_fragment("#/check?person.status=citizen&person.date_of_birth=1990-01-31");
        assert_eq!(a.raw, link.raw);
        // Only a language: the interview stays as it is.
        let Ok(HostMessage::Prefill(p)) = parse(&json!({"tekser": 1, "type": "prefill", "lang": "en"})) else { panic!() };
        assert_eq!((p.lang, p.answers), (Some(Lang::En), None));
        assert_eq!(parse(&json!({"tekser": 1, "type": "reset"})), Ok(HostMessage::Reset));
    }

    #[test]
    fn a_message_that_cannot_be_used_is_refused_whole_and_named() {
        let t = |ty: &str| Some(ty.to_string());
        assert_eq!(refusal(json!("prefill")), ("malformed", None, None));
        assert_eq!(refusal(json!({"type": "prefill"})), ("malformed", Some("tekser".into()), t("prefill")));
        assert_eq!(refusal(json!({"tekser": 2, "type": "prefill"})), ("unsupported_version", Some("tekser".into()), t("prefill")));
        assert_eq!(refusal(json!({"tekser": "1", "type": "reset"})).0, "unsupported_version");
        assert_eq!(refusal(json!({"tekser": 1, "type": "submit"})), ("unknown_type", Some("type".into()), t("submit")));
        assert_eq!(refusal(json!({"tekser": 1})), ("malformed", Some("type".into()), None));
        assert_eq!(refusal(json!({"tekser": 1, "type": "prefill", "answer": {}})), ("malformed", Some("answer".into()), t("prefill")));
        assert_eq!(refusal(json!({"tekser": 1, "type": "reset", "lang": "kk"})).1, Some("lang".into()));
        assert_eq!(refusal(json!({"tekser": 1, "type": "prefill", "lang": "de"})).1, Some("lang".into()));
        assert_eq!(refusal(json!({"tekser": 1, "type": "prefill", "services": ["phc", "visa"]})).1, Some("services".into()));
        assert_eq!(refusal(json!({"tekser": 1, "type": "prefill", "services": "phc"})).1, Some("services".into()));
        for day in ["2026-3-2", "02.03.2026", "2026-02-30", "1999-12-31", "2101-01-01", "２０２６-03-02"] {
            assert_eq!(refusal(json!({"tekser": 1, "type": "prefill", "as_of": day})).1, Some("as_of".into()), "{day}");
        }
        assert_eq!(refusal(json!({"tekser": 1, "type": "prefill", "answers": []})).1, Some("answers".into()));
        let details = json!({"tekser": 1, "type": "prefill", "answers": {"person": {"status": "citizen"}, "details": {}}});
        assert_eq!(refusal(details), ("details_refused", Some("answers.details".into()), t("prefill")));
    }

    #[test]
    fn bad_answers_are_kept_and_named_in_the_language_asked_for() {
        let msg =
            json!({"tekser": 1, "type": "prefill", "answers": {"person": {"status": "alien", "shoe": 42, "date_of_birth": "1990-01-31"}}});
        let Ok(HostMessage::Prefill(p)) = parse(&msg) else { panic!() };
        let loaded = p.answers.unwrap();
        assert_eq!(loaded.raw.get("person.status").map(String::as_str), Some("alien"), "kept as given, as from a file");
        let found = problems(&loaded, Lang::En, day(2026, 3, 2));
        assert_eq!(found.iter().map(|p| p.field.as_str()).collect::<Vec<_>>(), ["person.status", "person.shoe"]);
        assert!(found.iter().all(|p| !p.message.is_empty() && !p.message.contains("input_error")), "{found:?}");
        let ru = problems(&loaded, Lang::Ru, day(2026, 3, 2));
        assert_ne!(found[0].message, ru[0].message, "in the language of the page");
        let msg: Value = serde_json::from_str(&invalid_answers(found).to_json()).unwrap();
        assert_eq!((msg["tekser"].as_u64(), msg["type"].as_str(), msg["code"].as_str()), (Some(1), Some("error"), Some("invalid_answers")));
        assert_eq!(msg["field"], "person.status");
    }

    #[test]
    fn a_prefill_goes_on_with_the_interview_or_to_check_your_answers_when_something_is_wrong() {
        use crate::state::{Action, Screen};
        use yew::Reducible;
        let apply = |answers: Value| {
            let Ok(HostMessage::Prefill(p)) = parse(&json!({"tekser": 1, "type": "prefill", "services": ["phc"], "answers": answers}))
            else {
                panic!()
            };
            let s = State {
                embed: true,
                heading: 2,
                lang: Lang::En,
                raw: [("trp.subtype", "study".into())].into_iter().collect(),
                ..State::default()
            };
            (*std::rc::Rc::new(s).reduce(Action::Prefill(p.answers.unwrap()))).clone()
        };
        let s = apply(json!({"person": {"status": "citizen"}}));
        assert!(matches!(s.screen, Screen::Question(_)), "{:?}", s.screen);
        assert!((s.embed, s.heading, s.lang) == (true, 2, Lang::En) && !s.raw.contains_key("trp.subtype"), "the answers replaced");
        assert_eq!(apply(json!({"person": {"status": "alien"}})).screen, Screen::Check);
        assert_eq!(apply(json!({"person": {"shoe": 1}})).screen, Screen::Check);
    }

    #[test]
    fn the_outcome_carries_verdicts_and_reason_codes_and_never_an_answer() {
        let loaded = crate::state::from_json(include_str!("../../examples/all-four.json")).unwrap();
        let s = State { raw: loaded.raw.clone(), services: loaded.services, ..State::default() };
        let json = outcome(&s, day(2026, 3, 2)).to_json();
        let v: Value = serde_json::from_str(&json).unwrap();
        assert_eq!((v["tekser"].as_u64(), v["type"].as_str()), (Some(1), Some("outcome")));
        assert_eq!(v["edition"]["hash"], tekser_rules::report::edition().hash);
        assert_eq!(v["results"].as_array().unwrap().len(), 4);
        let first = &v["results"][0];
        assert!(first["verdict"].as_str().is_some_and(|x| !x.is_empty()));
        assert!(first["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| ["met", "not_met", "unknown"].contains(&r["status"].as_str().unwrap())));
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["as_of", "edition", "lang", "results", "tekser", "type"]);
        // The results' day is the application day when one is given (as the results page says).
        assert_eq!(v["as_of"], "2026-03-20");
        for (path, raw) in loaded.raw.iter().filter(|(p, _)| **p != "application.date") {
            // Codes and paths may name a fact; a value given never appears.
            if raw.len() > 3 && !["yes", "no"].contains(&raw.as_str()) {
                assert!(!json.contains(&format!("\"{raw}\"")) && !json.contains(&format!(":{raw}")), "{path}={raw} in {json}");
            }
        }
    }

    #[test]
    fn headings_move_down_as_the_host_asks() {
        assert_eq!((h(1), h(2)), ("h1", "h2"));
        set_heading(3);
        assert_eq!((h(1), h(2), h(4), h(6)), ("h3", "h4", "h6", "h6"));
        set_heading(0);
        assert_eq!(h(1), "h1");
    }

    #[test]
    fn height_and_ready_messages() {
        let height: Value = serde_json::from_str(&AppMessage::Height { height: 812 }.to_json()).unwrap();
        assert_eq!(height, serde_json::json!({"tekser": 1, "type": "height", "height": 812}));
        let v: Value = serde_json::from_str(&ready(Lang::Ru).to_json()).unwrap();
        assert_eq!((v["type"].as_str(), v["lang"].as_str()), (Some("ready"), Some("ru")));
    }
}
