//! # tekser-js: the rules as a JavaScript library
//!
//! The functions a page or a Node program calls, compiled to WebAssembly by `scripts/js-lib` into
//! an npm-style package (`target/js-lib/tekser/`). Glue only: every rule, text and date comes from
//! `tekser-rules`, and the answers are read and worded as `tekser check` reads and words a file.
//!
//! - `evaluate(answers, { asOf, lang, compact })`: the report, the very value `tekser check --format
//!   json` prints (the same `Serialize`), as a plain object; with `compact: true`, what `--format
//!   json-compact` prints (each citation by its id, the citations once in `citations`);
//! - `validate(answers, { asOf, lang })`: the bad answers, each with its field and translated message;
//! - `questions(answers, { asOf, lang })`: the facts still to ask, in interview order, with their
//!   words, kinds and options;
//! - `schema()`, `edition()`, `calendar(year, lang)`, and `text(key, lang)`: the words of any code
//!   a report holds.
//!
//! Plain objects in and out (`Serializer::json_compatible`: maps become objects, `None` `null`).
//! A bad input is thrown as an `Error` whose `field` names the answer or option (`null`: the whole
//! input) and, for answers the rules refuse, whose `errors` lists each. Nothing is stored and
//! nothing is sent: the library has no IO. The TypeScript declarations are `types.d.ts`.

mod read;

use chrono::Datelike;
use read::{Fault, Options};
use serde::Serialize;
use tekser_rules::answers::{all_fields, FieldKind, InputError};
use tekser_rules::input::{bad_answers, input_error};
use tekser_rules::{calendar as cal, text, Answers, Context, Lang, Report};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// A plain JS value (objects, not `Map`s; `null` for a missing value).
fn to_js<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// A thrown `Error` with its `field` (and, for refused answers, `errors`).
fn thrown(f: Fault, errors: Option<JsValue>) -> JsValue {
    let e = js_sys::Error::new(&f.message);
    let field = f.field.as_deref().map_or(JsValue::NULL, JsValue::from_str);
    let _ = js_sys::Reflect::set(&e, &"field".into(), &field);
    if let Some(list) = errors {
        let _ = js_sys::Reflect::set(&e, &"errors".into(), &list);
    }
    e.into()
}

/// One bad answer as `validate` lists it.
#[derive(Serialize)]
struct FieldError {
    field: Option<String>,
    message: String,
    /// The rules' own kind of error (`date_in_future`, `too_large`, …) and its numbers; `null` for
    /// an answer that could not be read at all.
    kind: Option<tekser_rules::answers::InputErrorKind>,
}

impl FieldError {
    fn of(e: &InputError, lang: Lang) -> FieldError {
        FieldError { field: Some(e.field.to_string()), message: input_error(e, lang), kind: Some(e.kind.clone()) }
    }
}

/// The answers read and checked for the day, or the fault to throw. The report's day is the one
/// `tekser check` would use.
fn checked(answers: &JsValue, o: Options) -> Result<(Answers, chrono::NaiveDate), JsValue> {
    let a = read::answers(answers, o.lang).map_err(|f| thrown(f, None))?;
    let (day, errors) = read::day_and_errors(&a, o.as_of, read::today_utc5(), o.lang).map_err(|f| thrown(f, None))?;
    if let Some(first) = errors.first() {
        let lines: Vec<String> = errors.iter().map(|e| format!("  {}", input_error(e, o.lang))).collect();
        let message = format!("{}\n{}", bad_answers(errors.len(), o.lang), lines.join("\n"));
        let list: Vec<FieldError> = errors.iter().map(|e| FieldError::of(e, o.lang)).collect();
        return Err(thrown(Fault { field: Some(first.field.to_string()), message }, Some(to_js(&list)?)));
    }
    Ok((a, day))
}

fn report(answers: &JsValue, o: Options) -> Result<Report, JsValue> {
    let (a, as_of) = checked(answers, o)?;
    Ok(tekser_rules::evaluate(&a, &Context { as_of }))
}

/// The report for the answers: one outcome per service asked for (all four when none is), each with
/// its verdict, reasons and citations, missing facts, channels, documents, fee, deadline, timeline,
/// refusal grounds and limits, and the rules' edition. Throws on bad answers or options.
#[wasm_bindgen(skip_typescript)]
pub fn evaluate(answers: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let o = read::options(options).map_err(|f| thrown(f, None))?;
    let compact = o.compact;
    let report = report(answers, o)?;
    if compact {
        to_js(&tekser_rules::compact::Compact(&report))
    } else {
        to_js(&report)
    }
}

/// Every bad answer, each with its field and message in the language asked for: one when the
/// answers cannot be read at all (their shape, a value of the wrong kind, an unknown question),
/// else all that the rules refuse for the day. Empty when the answers can be evaluated. Throws only
/// on bad options.
#[wasm_bindgen(skip_typescript)]
pub fn validate(answers: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let o = read::options(options).map_err(|f| thrown(f, None))?;
    let list: Vec<FieldError> = match read::answers(answers, o.lang) {
        Err(f) => vec![FieldError { field: f.field, message: f.message, kind: None }],
        Ok(a) => match read::day_and_errors(&a, o.as_of, read::today_utc5(), o.lang) {
            Err(f) => return Err(thrown(f, None)),
            Ok((_, errors)) => errors.iter().map(|e| FieldError::of(e, o.lang)).collect(),
        },
    };
    to_js(&list)
}

/// A question still to ask.
#[derive(Serialize)]
struct Question {
    field: &'static str,
    /// `bool`, `date`, `time`, `int`, `number`, `text`, `iin`, `bin`, `country`, `choice`, `many`.
    kind: &'static str,
    question: String,
    hint: Option<&'static str>,
    /// The options of a choice, in order, with their words; empty for other kinds.
    options: Vec<Choice>,
}

#[derive(Serialize)]
struct Choice {
    code: &'static str,
    text: String,
}

fn kind_name(k: FieldKind) -> (&'static str, &'static [&'static str]) {
    match k {
        FieldKind::Bool => ("bool", &[]),
        FieldKind::Date => ("date", &[]),
        FieldKind::Time => ("time", &[]),
        FieldKind::Int => ("int", &[]),
        FieldKind::Number => ("number", &[]),
        FieldKind::Text => ("text", &[]),
        FieldKind::Iin => ("iin", &[]),
        FieldKind::Bin => ("bin", &[]),
        FieldKind::Country => ("country", &[]),
        FieldKind::Choice(o) => ("choice", o),
        FieldKind::Many(o) => ("many", o),
    }
}

/// The questions still to ask for the answers, in interview order, each with its field, kind,
/// words, hint and options in the language asked for. Empty when nothing is left to ask. Throws on
/// bad answers or options.
#[wasm_bindgen(skip_typescript)]
pub fn questions(answers: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let o = read::options(options).map_err(|f| thrown(f, None))?;
    let (a, as_of) = checked(answers, o)?;
    let report = tekser_rules::evaluate(&a, &Context { as_of });
    let list: Vec<Question> = tekser_rules::answers::to_ask(&report, &a, |p| a.answered(p))
        .into_iter()
        .filter_map(|path| all_fields().find(|f| f.path == path))
        .map(|f| {
            let (kind, opts) = kind_name(f.kind);
            Question {
                field: f.path,
                kind,
                question: text::word(&format!("question.{}", f.path), o.lang),
                hint: text::text(&format!("hint.{}", f.path), o.lang),
                options: opts.iter().map(|c| Choice { code: c, text: text::word(&format!("option.{}.{c}", f.path), o.lang) }).collect(),
            }
        })
        .collect();
    to_js(&list)
}

/// The words of a text key in the language asked for (`kk` by default): every code of a report is
/// one (`service.<service>`, `verdict.<verdict>`, `reason.<code>`, `doc.<code>`, `question.<field>`,
/// …; `crate/data/README.md` lists them). `null` for a key without a text.
#[wasm_bindgen(js_name = text, skip_typescript)]
pub fn words(key: &str, lang: &JsValue) -> Result<JsValue, JsValue> {
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"lang".into(), lang);
    let o = read::options(&opts).map_err(|f| thrown(f, None))?;
    Ok(text::text(key, o.lang).map_or(JsValue::NULL, JsValue::from_str))
}

/// The JSON Schema of an answers object (what `tekser schema` prints).
#[wasm_bindgen(skip_typescript)]
pub fn schema() -> Result<JsValue, JsValue> {
    to_js(&schemars::schema_for!(Answers))
}

/// The rules' edition: an id and the SHA-256 of all rule data (as in every report).
#[wasm_bindgen(skip_typescript)]
pub fn edition() -> Result<JsValue, JsValue> {
    to_js(&tekser_rules::report::edition())
}

/// The years `calendar` answers for: those `tekser calendar` takes.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// A year's calendar.
#[derive(Serialize)]
struct Calendar {
    year: i32,
    /// Whether the data hold this year's holidays and transfer orders; if not, the days are those
    /// the law fixes and a transfer order could still change them.
    published: bool,
    working_days: u32,
    days: Vec<SpecialDay>,
}

#[derive(Serialize)]
struct SpecialDay {
    date: chrono::NaiveDate,
    weekday: String,
    working: bool,
    why: cal::Why,
    reason: String,
}

/// The special days of a year (holidays, moved days off, transfer days, weekends made working; not
/// the ordinary weekends), each with its reason in words, and the number of working days (five-day
/// week). Throws for a year outside 1900–2100 (as `tekser calendar`) or an unknown language.
#[wasm_bindgen(skip_typescript)]
pub fn calendar(year: &JsValue, lang: &JsValue) -> Result<JsValue, JsValue> {
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"lang".into(), lang);
    let o = read::options(&opts).map_err(|f| thrown(f, None))?;
    let (min, max) = (YEARS.start(), YEARS.end());
    let year = year.as_f64().filter(|y| y.fract() == 0.0 && (f64::from(*min)..=f64::from(*max)).contains(y)).map(|y| y as i32);
    let year = year.ok_or_else(|| {
        let words = text::word("input_error.year", o.lang).replace("{min}", &min.to_string()).replace("{max}", &max.to_string());
        let message = format!("year: {words}");
        thrown(Fault { field: Some("year".into()), message }, None)
    })?;
    let days = cal::special_days(year)
        .into_iter()
        .map(|d| SpecialDay {
            date: d.date,
            weekday: text::word(&format!("weekday.{}", d.date.format("%a").to_string().to_lowercase()), o.lang),
            working: cal::is_working_day(d.date),
            why: d.why,
            reason: d.why.words(o.lang),
        })
        .collect();
    let every_day = chrono::NaiveDate::from_ymd_opt(year, 1, 1).into_iter().flat_map(|d| d.iter_days()).take_while(|d| d.year() == year);
    let working_days = every_day.filter(|d| cal::is_working_day(*d)).count() as u32;
    to_js(&Calendar { year, published: cal::year_published(year), working_days, days })
}

/// For the benchmark only (`bench/wasm/evaluate.mjs`), not part of the library's API: evaluates the
/// answers `times` times inside WebAssembly (read and checked once) and returns the number of
/// reasons of the last report, so the rules' own time is measured apart from turning a report
/// into JavaScript objects. With `reuse`, each evaluation goes into the same report
/// (`evaluate_into`, as a search does), otherwise into a new one.
#[wasm_bindgen(js_name = benchEvaluate, skip_typescript)]
pub fn bench_evaluate(answers: &JsValue, options: &JsValue, times: u32, reuse: bool) -> Result<u32, JsValue> {
    let o = read::options(options).map_err(|f| thrown(f, None))?;
    let (a, as_of) = checked(answers, o)?;
    let ctx = Context { as_of };
    let mut report = tekser_rules::evaluate(&a, &ctx);
    for _ in 0..times {
        if reuse {
            tekser_rules::evaluate_into(core::hint::black_box(&a), &ctx, &mut report);
        } else {
            report = tekser_rules::evaluate(core::hint::black_box(&a), &ctx);
        }
    }
    let reasons = report.outcomes.iter().map(|o| o.reasons.len()).sum::<usize>();
    Ok(u32::try_from(reasons).unwrap_or(u32::MAX))
}
