//! What comes in from JavaScript: the options (`asOf`, `lang`) and the answers, a plain object or a
//! JSON text, read by the same rules as `tekser check` reads a file.
//!
//! An object goes through `serde_json::Value` (serde-wasm-bindgen reads only a struct's known
//! fields, so an unknown question would pass unseen), then into [`Answers`] naming the path of the
//! first fault (`tekser_rules::input::fault`, the CLI's words). A number that JSON cannot hold
//! (`NaN`, `Infinity`) would become `null` on the way: it is looked for and named instead. An object
//! nested deeper than a file may be (or holding itself) is refused first.
//! Every fault is a [`Fault`]: the field it is on (none for the whole input) and its message.

use chrono::NaiveDate;
use serde_json::Value;
use tekser_rules::answers::{bounds, InputError};
use tekser_rules::input::{fault, list_message, list_not_object};
use tekser_rules::{text, Answers, Lang};
use wasm_bindgen::{JsCast, JsValue};

/// A problem with what was passed in: the field it is on and its message, in the language asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Fault {
    /// An answer's path (`person.iin`, `phc.categories[1]`), an option (`asOf`, `lang`, `year`), or
    /// `None` for the whole input.
    pub field: Option<String>,
    pub message: String,
}

impl Fault {
    fn on(field: &str, message: String) -> Fault {
        Fault { field: Some(field.to_string()), message }
    }
}

/// The options every call takes: `{ asOf: "YYYY-MM-DD", lang: "kk" | "ru" | "en" }`, both optional.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    pub as_of: Option<NaiveDate>,
    pub lang: Lang,
    /// `evaluate` returns the compact report (`tekser check --format json-compact`).
    pub compact: bool,
}

/// The options from a JS object (`undefined` and `null` give the defaults: Kazakh, no date).
pub fn options(v: &JsValue) -> Result<Options, Fault> {
    let get = |name: &str| js_sys::Reflect::get(v, &JsValue::from_str(name)).ok().filter(|x| !x.is_undefined() && !x.is_null());
    let lang = match get("lang") {
        None => Lang::Kk,
        Some(l) => l.as_string().as_deref().and_then(Lang::parse).ok_or_else(|| lang_fault(&l))?,
    };
    let as_of = match get("asOf") {
        None => None,
        Some(d) => Some(date(&d).ok_or_else(|| Fault::on("asOf", format!("asOf: {}", text::word("input_file.expected.date", lang))))?),
    };
    let compact = match get("compact") {
        None => false,
        Some(c) => c.as_bool().ok_or_else(|| Fault::on("compact", format!("compact: {}", text::word("input_file.expected.bool", lang))))?,
    };
    Ok(Options { as_of, lang, compact })
}

/// An unknown language cannot be answered in itself: the message is in all three.
fn lang_fault(got: &JsValue) -> Fault {
    let said = got.as_string().map(|s| format!(" {:?}", tekser_rules::input::short(&s, 20))).unwrap_or_default();
    let each = Lang::ALL.map(|l| text::word("input_file.expected.choice", l).replace("{options}", "kk, ru, en"));
    Fault::on("lang", format!("lang{said}: {}", each.join(" / ")))
}

/// A day from `"YYYY-MM-DD"` or a JS `Date` (its day in UTC).
fn date(v: &JsValue) -> Option<NaiveDate> {
    if let Some(s) = v.as_string() {
        return NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
    }
    let d = v.dyn_ref::<js_sys::Date>()?;
    let ms = d.get_time();
    ms.is_finite().then(|| chrono::DateTime::from_timestamp_millis(ms as i64)).flatten().map(|t| t.date_naive())
}

/// Today in Kazakhstan (UTC+5), from the browser's or Node's clock: the rules never read one.
pub fn today_utc5() -> NaiveDate {
    let ms = js_sys::Date::now() + 5.0 * 3_600_000.0;
    chrono::DateTime::from_timestamp_millis(ms as i64).map(|t| t.date_naive()).unwrap_or_default()
}

/// The answers from a plain object or a JSON text, every fault named as `tekser check` names it.
pub fn answers(v: &JsValue, lang: Lang) -> Result<Answers, Fault> {
    let head = text::word("input_error.parse", lang);
    let value: Value = match v.as_string() {
        Some(s) => serde_json::from_str(s.strip_prefix('\u{feff}').unwrap_or(&s)).map_err(|e| Fault {
            field: None,
            message: format!("{head}: {}", fault(".", &e.to_string(), Some((e.line(), e.column())), lang)),
        })?,
        None if too_deep(v, 0) => {
            return Err(Fault { field: None, message: format!("{head}: {}", fault(".", "recursion limit exceeded", None, lang)) })
        }
        None => serde_wasm_bindgen::from_value(v.clone())
            .map_err(|e| Fault { field: None, message: format!("{head}: {}", fault(".", &e.to_string(), None, lang)) })?,
    };
    if let Some(path) = list_not_object(&value, "") {
        return Err(Fault { field: (!path.is_empty()).then_some(path.clone()), message: list_message(&path, lang) });
    }
    let answers: Answers = serde_path_to_error::deserialize(&value).map_err(|e| {
        let path = e.path().to_string();
        let field = (path != ".").then(|| path.clone());
        Fault { field, message: format!("{head}: {}", fault(&path, &e.inner().to_string(), None, lang)) }
    })?;
    if v.as_string().is_none() {
        if let Some(path) = not_a_json_number(v, "") {
            let message = format!("{head}: {}", fault(&path, "not a finite number", None, lang));
            return Err(Fault { field: Some(path), message });
        }
    }
    Ok(answers)
}

/// How deep an object may nest: serde_json's limit for a text, so an object is held to what a file is
/// (the answers nest three deep). A deeper object, or one that holds itself, is refused before it is
/// walked any further.
const MAX_DEPTH: usize = 128;

fn too_deep(v: &JsValue, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return true;
    }
    if !v.is_object() {
        return false;
    }
    let values = js_sys::Object::values(v.unchecked_ref());
    values.iter().any(|x| too_deep(&x, depth + 1))
}

/// The path of the first number JSON cannot hold (`NaN`, `±Infinity`) in an object or list.
fn not_a_json_number(v: &JsValue, path: &str) -> Option<String> {
    if let Some(n) = v.as_f64() {
        return (!n.is_finite()).then(|| path.to_string());
    }
    if let Some(list) = v.dyn_ref::<js_sys::Array>() {
        return list.iter().enumerate().find_map(|(i, x)| not_a_json_number(&x, &format!("{path}[{i}]")));
    }
    if v.is_object() {
        let entries = js_sys::Object::entries(v.unchecked_ref());
        return entries.iter().find_map(|pair| {
            let pair: js_sys::Array = pair.unchecked_into();
            let key = pair.get(0).as_string().unwrap_or_default();
            not_a_json_number(&pair.get(1), &if path.is_empty() { key } else { format!("{path}.{key}") })
        });
    }
    None
}

/// The day a check is made for, and the bad answers for it, as `tekser check` decides them: the
/// day asked for (which must lie in the bounds), else the application date, else today; without a
/// day asked for, the application date's own error names it (not `as_of`).
pub fn day_and_errors(a: &Answers, as_of: Option<NaiveDate>, today: NaiveDate, lang: Lang) -> Result<(NaiveDate, Vec<InputError>), Fault> {
    if let Some(Err(e)) = as_of.map(bounds::check_as_of) {
        return Err(Fault::on("asOf", format!("asOf: {}", e.kind.message(lang))));
    }
    let day = as_of.or(a.application.date).unwrap_or(today);
    let errors = a.validate(day).into_iter().filter(|e| e.field != "as_of" || a.application.date.is_none()).collect();
    Ok((day, errors))
}
