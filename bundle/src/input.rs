//! Reading an answers file leniently: a bad or unknown value is left blank, never an error. Only
//! text that is not a JSON object is refused.
//!
//! Each known answer is set by its field path (`Answers::set`) from the JSON value its kind takes;
//! one that does not fit, or that `Answers::validate` reports (a bad IIN, a date out of range, two
//! answers that conflict), is left out of the rules. The details (`"details"`) are kept as written.
//! What the file held is kept too, for `answers.json` (every known answer and detail as given, so
//! the app reports a bad one on its question) and for the results link (the answers as raw text,
//! never a detail).

use chrono::{NaiveDate, NaiveTime};
use serde_json::{Map, Value as Json};
use tekser_rules::answers::set::Value;
use tekser_rules::answers::{all_fields, Field, FieldKind};
use tekser_rules::report::Service;
use tekser_rules::{Answers, Details};

/// An answers file as read.
#[derive(Clone, Debug, Default)]
pub struct Input {
    /// The answers the rules take: bad ones left out.
    pub answers: Answers,
    pub details: Details,
    /// The services named (all four when none is).
    pub services: Vec<Service>,
    /// Every known answer as raw text, in interview order: booleans `yes`/`no`, lists joined by
    /// commas, the rest as written.
    pub pairs: Vec<(&'static str, String)>,
    /// The known answers and details as the file gave them (`answers.json`).
    pub file: Map<String, Json>,
}

/// The serde code of a service.
pub fn service_code(s: Service) -> &'static str {
    s.code()
}

/// Reads the file's text; `None` when it is not a JSON object.
pub fn read(text: &str, as_of: NaiveDate) -> Option<Input> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Ok(Json::Object(root)) = serde_json::from_str::<Json>(text) else { return None };
    let mut input = Input { services: Service::ALL.to_vec(), ..Input::default() };
    if let Some(v) = root.get("services") {
        let codes: Vec<&Json> = match v {
            Json::Array(items) => items.iter().collect(),
            one => vec![one],
        };
        let chosen: Vec<Service> =
            Service::ALL.into_iter().filter(|s| codes.iter().any(|c| c.as_str() == Some(service_code(*s)))).collect();
        if !chosen.is_empty() {
            input.services = chosen;
        }
        input.file.insert("services".into(), v.clone());
    }
    let mut given: Vec<(&'static Field, &Json)> = Vec::new();
    for f in all_fields() {
        let (section, name) = f.path.split_once('.').unwrap_or(("", f.path));
        if let Some(x) = root.get(section).and_then(|s| s.get(name)).filter(|x| !x.is_null()) {
            given.push((f, x));
            input.pairs.push((f.path, raw(x)));
            if let Json::Object(m) = input.file.entry(section).or_insert_with(|| Json::Object(Map::new())) {
                m.insert(name.to_string(), x.clone());
            }
        }
    }
    if let Some(Json::Object(groups)) = root.get("details") {
        for (group, fields) in groups {
            let Json::Object(fields) = fields else { continue };
            for (name, x) in fields {
                let raw = match x {
                    Json::Null => continue,
                    Json::String(s) => s.clone(),
                    other => other.to_string(),
                };
                let _ = input.details.set(&format!("{group}.{name}"), &raw);
            }
        }
        if !input.details.is_empty() {
            input.file.insert("details".into(), serde_json::to_value(&input.details).unwrap_or_default());
        }
    }
    input.answers = answers(&given, &input.services, &[]);
    // What `validate` reports is left out, then the answers are set again without it.
    let bad: Vec<&str> = input.answers.validate(as_of).iter().map(|e| e.field).collect();
    if !bad.is_empty() {
        input.answers = answers(&given, &input.services, &bad);
    }
    Some(input)
}

fn answers(given: &[(&'static Field, &Json)], services: &[Service], skip: &[&str]) -> Answers {
    let mut a = Answers { services: Some(services.to_vec()), ..Answers::default() };
    for (f, x) in given {
        if skip.contains(&f.path) {
            continue;
        }
        if let Some(v) = value(f.kind, x) {
            let _ = a.set(f.path, v);
        }
    }
    a
}

/// The typed value of a JSON value for a field of `kind`, if it fits.
fn value(kind: FieldKind, x: &Json) -> Option<Value> {
    match (kind, x) {
        (FieldKind::Bool, Json::Bool(b)) => Some(Value::Bool(*b)),
        (FieldKind::Date, Json::String(s)) => NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok().map(Value::Date),
        (FieldKind::Time, Json::String(s)) => {
            let s = s.trim();
            NaiveTime::parse_from_str(s, "%H:%M").or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S")).ok().map(Value::Time)
        }
        (FieldKind::Int, Json::Number(n)) => n.as_i64().map(Value::Int),
        (FieldKind::Number, Json::Number(n)) => n.as_f64().filter(|v| v.is_finite()).map(Value::Number),
        (FieldKind::Text | FieldKind::Iin | FieldKind::Bin | FieldKind::Country | FieldKind::Choice(_), Json::String(s)) => {
            Some(Value::Text(s.clone()))
        }
        (FieldKind::Many(_), Json::Array(items)) => {
            items.iter().map(|i| i.as_str().map(str::to_string)).collect::<Option<Vec<_>>>().map(Value::List)
        }
        _ => None,
    }
}

/// A JSON value as the raw text its question would take (as the app reads a file).
fn raw(x: &Json) -> String {
    match x {
        Json::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
        Json::String(s) => s.clone(),
        Json::Array(items) if items.iter().all(Json::is_string) => items.iter().filter_map(Json::as_str).collect::<Vec<_>>().join(","),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 20).unwrap_or_default()
    }

    #[test]
    fn a_bad_or_unknown_value_is_left_blank() {
        let text = r#"{"services": ["phc", "mars"], "person": {"status": "martian", "iin": "123", "date_of_birth": "1990-04-12"},
            "phc": {"changes_this_year": "many", "categories": ["pensioner"]}, "planet": {"x": 1},
            "details": {"applicant": {"full_name": "Әлібек", "shoe_size": 42}, "owner": "x"}}"#;
        let i = read(text, day()).unwrap();
        assert_eq!(i.services, vec![Service::Phc]);
        assert_eq!(i.answers.person.status, None);
        assert_eq!(i.answers.person.iin, None, "a bad IIN is left out of the rules");
        assert_eq!(i.answers.person.date_of_birth, NaiveDate::from_ymd_opt(1990, 4, 12));
        assert_eq!(i.answers.phc.changes_this_year, None);
        assert_eq!(i.details.get("applicant.full_name"), Some("Әлібек"));
        assert!(i.pairs.contains(&("person.iin", "123".to_string())), "the link keeps the answer as written");
        assert!(i.pairs.contains(&("phc.categories", "pensioner".to_string())));
        assert!(i.file.get("planet").is_none() && i.file["person"]["status"] == "martian");
        assert!(read("[1, 2]", day()).is_none() && read("not json", day()).is_none());
    }
}
