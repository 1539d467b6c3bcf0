//! Reading an answers file: its encoding, its shape and the messages that name the place of a fault.
//!
//! The whole input must be one JSON object of the answers' schema: a UTF-8 byte-order mark is
//! skipped, UTF-16 gets its own message, data after the object and a list (`[…]`) anywhere an
//! object belongs are refused naming the place, and a value of the wrong kind names its field and
//! what the field takes (`person.status`: one of citizen, kandas, …). Every message is in the
//! chosen language (`input_file.*` texts); serde's own words, in English, follow in brackets with
//! the line and column.
//!
//! The person's details (`tekser_rules::details`) are one more top-level object, `"details":
//! {"applicant": {"full_name": "…"}, …}`: each a text (a number is taken as its digits), kept as
//! written; an unknown detail or a group that is not an object is refused, naming it.

use serde_json::Value;
use tekser_rules::answers::{all_fields, FieldKind};
use tekser_rules::{Answers, Details, Lang};

fn t(key: &str, lang: Lang) -> String {
    tekser_rules::text(key, lang).unwrap_or(key).to_string()
}

/// The text of the bytes read: without a UTF-8 byte-order mark; UTF-16 and other encodings refused.
pub fn decode(bytes: &[u8], lang: Lang) -> Result<&str, String> {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) || bytes.iter().take(4).any(|b| *b == 0);
    if utf16 {
        return Err(t("input_file.utf16", lang));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|_| t("input_file.not_utf8", lang))
}

/// Parses answers, naming the place of the first problem (a field path, or a line and column).
#[cfg(test)]
pub fn parse_answers(text: &str, lang: Lang) -> Result<Answers, String> {
    parse_file(text, lang).map(|(a, _)| a)
}

/// Parses an answers file with its details, naming the place of the first problem.
pub fn parse_file(text: &str, lang: Lang) -> Result<(Answers, Details), String> {
    let head = t("input_error.parse", lang);
    // The details are taken out first; the rest is read as the answers' schema. (Then a fault's line
    // and column are those of the file without its details; its field path is the same.)
    if let Ok(Value::Object(mut root)) = serde_json::from_str::<Value>(text) {
        if let Some(d) = root.remove("details") {
            let details = parse_details(&d, lang).map_err(|e| format!("{head}: {e}"))?;
            let rest = serde_json::to_string_pretty(&Value::Object(root)).unwrap_or_default();
            return Ok((parse_answers_only(&rest, lang)?, details));
        }
    }
    Ok((parse_answers_only(text, lang)?, Details::default()))
}

/// The `details` object: groups of texts by field.
fn parse_details(v: &Value, lang: Lang) -> Result<Details, String> {
    let mut details = Details::default();
    let groups = match v {
        Value::Object(groups) => groups,
        Value::Null => return Ok(details),
        _ => return Err(format!("{} details", t("ui.file_not_section", lang))),
    };
    for (group, fields) in groups {
        let Value::Object(fields) = fields else {
            return Err(format!("{} details.{}", t("ui.file_not_section", lang), short(group, 60)));
        };
        for (name, x) in fields {
            let path = format!("{group}.{name}");
            let raw = match x {
                Value::Null => continue,
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                _ => return Err(format!("details.{}: {}", short(&path, 60), t("input_file.expected.text", lang))),
            };
            details.set(&path, &raw).map_err(|_| format!("{} details.{}", t("ui.file_unknown_field", lang), short(&path, 60)))?;
        }
    }
    Ok(details)
}

fn parse_answers_only(text: &str, lang: Lang) -> Result<Answers, String> {
    let head = t("input_error.parse", lang);
    // A list where an object belongs would be read by serde as the object's fields in order.
    if let Ok(v) = serde_json::from_str::<Value>(text) {
        if let Some(path) = list_not_object(&v, "") {
            let place = if path.is_empty() { t("input_file.whole_file", lang) } else { format!("`{path}`") };
            return Err(format!("{head}: {}", t("input_file.list_not_object", lang).replace("{path}", &place)));
        }
    }
    let de = &mut serde_json::Deserializer::from_str(text);
    let answers: Answers =
        serde_path_to_error::deserialize(&mut *de).map_err(|e| format!("{head}: {}", fault(&e.path().to_string(), e.inner(), lang)))?;
    de.end().map_err(|e| {
        let where_ = t("input_file.trailing", lang).replace("{line}", &e.line().to_string()).replace("{column}", &e.column().to_string());
        format!("{head}: {where_}")
    })?;
    Ok(answers)
}

/// At most `max` characters of what the file or serde says: a 10 MB value is not echoed back.
fn short(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

/// What is wrong where serde stopped (`path`: `.` for the whole file, `phc.categories[1]` for an item
/// of a list), in the person's language: the question by its path and words and what it takes, an
/// unknown question or service, a section that is not a group of answers, or the line and column of
/// text that is not JSON. In English, serde's own words follow in brackets.
fn fault(path: &str, e: &serde_json::Error, lang: Lang) -> String {
    let msg = e.to_string();
    let between_backticks = |prefix: &str| msg.strip_prefix(prefix).and_then(|rest| rest.split('`').next()).map(str::to_string);
    let field_path = path.split('[').next().unwrap_or(path);
    let is_section = |s: &str| all_fields().any(|f| f.path.split_once('.').is_some_and(|(sec, _)| sec == s));
    let body = if let Some(f) = all_fields().find(|f| f.path == field_path) {
        crate::render::on_question(path, &expected(f.path, lang).unwrap_or_default(), lang)
    } else if let Some(name) = between_backticks("unknown field `") {
        let full = if path == "." {
            name
        } else if path.ends_with(&name) {
            path.to_string()
        } else {
            format!("{path}.{name}")
        };
        format!("{} {}", t("ui.file_unknown_field", lang), short(&full, 60))
    } else if field_path == "services" {
        let code = between_backticks("unknown variant `").map(|c| format!(" {}", short(&c, 60))).unwrap_or_default();
        format!("{}{code}; {}", t("ui.file_unknown_service", lang), expected("services", lang).unwrap_or_default())
    } else if is_section(field_path) {
        format!("{} {field_path}", t("ui.file_not_section", lang))
    } else if e.line() > 0 {
        let at = t("input_error.at", lang).replace("{line}", &e.line().to_string()).replace("{column}", &e.column().to_string());
        format!("{} ({at})", t("ui.file_not_answers", lang))
    } else {
        t("ui.file_not_answers", lang)
    };
    match lang {
        Lang::En => format!("{body} ({})", short(&msg, 160)),
        _ => body,
    }
}

/// The path of the first list that stands where the schema has an object or a single value: lists
/// belong only to `services` and to the many-choice questions.
fn list_not_object(v: &Value, path: &str) -> Option<String> {
    match v {
        Value::Array(items) => {
            let many = path == "services" || all_fields().any(|f| f.path == path && matches!(f.kind, FieldKind::Many(_)));
            if !many {
                return Some(path.to_string());
            }
            items.iter().enumerate().find_map(|(i, x)| list_not_object(x, &format!("{path}[{i}]")))
        }
        Value::Object(m) => {
            m.iter().find_map(|(k, x)| list_not_object(x, &if path.is_empty() { k.clone() } else { format!("{path}.{k}") }))
        }
        _ => None,
    }
}

/// What the field at `path` takes, in words (`phc.categories[0]` is an item of `phc.categories`).
fn expected(path: &str, lang: Lang) -> Option<String> {
    let path = path.split('[').next().unwrap_or(path);
    if path == "services" {
        let codes = ["phc", "medical_licence", "trp", "registration"].join(", ");
        return Some(t("input_file.expected.many", lang).replace("{options}", &codes));
    }
    let f = all_fields().find(|f| f.path == path)?;
    let (key, options) = match f.kind {
        FieldKind::Bool => ("bool", None),
        FieldKind::Date => ("date", None),
        FieldKind::Time => ("time", None),
        FieldKind::Int => ("int", None),
        FieldKind::Number => ("number", None),
        FieldKind::Text | FieldKind::Iin | FieldKind::Bin | FieldKind::Country => ("text", None),
        FieldKind::Choice(o) => ("choice", Some(o)),
        FieldKind::Many(o) => ("many", Some(o)),
    };
    let text = t(&format!("input_file.expected.{key}"), lang);
    Some(options.map(|o| text.replace("{options}", &o.join(", "))).unwrap_or(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_object_only() {
        let e = parse_answers("{}{}", Lang::En).unwrap_err();
        assert!(e.contains("line 1, column 3"), "{e}");
        assert!(parse_answers("{} \n\t", Lang::En).is_ok(), "white space after the object is fine");
        for (text, place) in [
            ("[]", "the whole file"),
            (r#"{"person": []}"#, "`person`"),
            (r#"[["citizen"]]"#, "the whole file"),
            (r#"{"phc": {"categories": [[]]}}"#, "`phc.categories[0]`"),
            (r#"{"person": {"status": ["citizen"]}}"#, "`person.status`"),
        ] {
            let e = parse_answers(text, Lang::En).unwrap_err();
            assert!(e.contains(place) && e.contains("list"), "{text}: {e}");
        }
        assert!(parse_answers(r#"{"services": ["phc"], "phc": {"categories": ["pensioner"]}}"#, Lang::En).is_ok());
    }

    #[test]
    fn a_value_of_the_wrong_kind_says_what_the_field_takes() {
        let e = parse_answers(r#"{"person": {"status": 5}}"#, Lang::En).unwrap_err();
        assert!(e.contains("person.status") && e.contains("citizen, kandas"), "{e}");
        let e = parse_answers(r#"{"registration": {"area_total_m2": NaN}}"#, Lang::Ru).unwrap_err();
        assert!(e.contains("registration.area_total_m2") && e.contains("число"), "{e}");
        let e = parse_answers(r#"{"phc": {"categories": ["pensioner", 7]}}"#, Lang::En).unwrap_err();
        assert!(e.contains("phc.categories[1]") && e.contains("pensioner, disability"), "{e}");
    }

    #[test]
    fn details_are_one_more_object_kept_as_written() {
        let text = r#"{"services": ["phc"], "details": {"applicant": {"full_name": "Әлібек", "phone": "not a phone"}, "licence": {"sheets_attached": 3}}}"#;
        let (a, d) = parse_file(text, Lang::En).unwrap();
        assert_eq!(a.services.as_deref(), Some(&[tekser_rules::Service::Phc][..]));
        assert_eq!(
            (d.get("applicant.full_name"), d.get("applicant.phone"), d.get("licence.sheets_attached")),
            (Some("Әлібек"), Some("not a phone"), Some("3"))
        );
        let e = parse_file(r#"{"details": {"applicant": {"shoe_size": "42"}}}"#, Lang::En).unwrap_err();
        assert!(e.contains("details.applicant.shoe_size"), "{e}");
        let e = parse_file(r#"{"details": {"applicant": "Әлібек"}}"#, Lang::Ru).unwrap_err();
        assert!(e.contains("details.applicant"), "{e}");
        let e = parse_file(r#"{"details": {}, "person": {"status": 5}}"#, Lang::En).unwrap_err();
        assert!(e.contains("person.status"), "the answers are still checked: {e}");
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_utf16_is_named() {
        assert_eq!(decode(b"\xEF\xBB\xBF{}", Lang::En), Ok("{}"));
        for bytes in [&b"\xFF\xFE{\x00}\x00"[..], b"\xFE\xFF\x00{\x00}", b"{\x00}\x00"] {
            assert!(decode(bytes, Lang::En).unwrap_err().contains("UTF-16"));
        }
        assert!(decode(b"{\"a\xFF\"}", Lang::Kk).unwrap_err().contains("UTF-8"));
    }
}
