//! The words for bad input, shared by every reader of answers (the CLI's `tekser check`, the
//! JavaScript library `tekser-js`): where a reader stopped, said in the person's language.
//!
//! A fault names its question by its field path and its words (`person.status «…»: expected one of
//! citizen, kandas, …`), an unknown question or service, a section that is not a group of answers,
//! or the line and column of text that is not JSON. In English, serde's own words follow in
//! brackets. [`input_error`] and [`bad_answers`] word what [`crate::Answers::validate`] finds.
//! With the `json` feature, [`list_not_object`] finds a list where the schema has an object.

use crate::answers::{all_fields, FieldKind, InputError};
use crate::text::word as t;
use crate::Lang;

/// `person.iin «IIN (12 digits)»: message`, with each language's quotation marks.
/// (`phc.categories[1]`, an item of a list, is shown as such and named by its question.)
pub fn on_question(path: &str, message: &str, lang: Lang) -> String {
    let q = t(&format!("question.{}", path.split('[').next().unwrap_or(path)), lang);
    format!("{path} {}", t("ui.problem_on", lang).replace("{q}", &q).replace("{e}", message))
}

/// A bad answer found by `Answers::validate`.
pub fn input_error(e: &InputError, lang: Lang) -> String {
    on_question(e.field, &e.kind.message(lang), lang)
}

/// The heading over the bad answers `validate` found.
pub fn bad_answers(n: usize, lang: Lang) -> String {
    t("input_error.bad_answers", lang).replace("{n}", &n.to_string())
}

/// At most `max` characters of what the file or serde says: a 10 MB value is not echoed back.
pub fn short(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

/// What is wrong where serde stopped (`path`: `.` for the whole input, `phc.categories[1]` for an
/// item of a list; `msg`: serde's message; `at`: its line and column in a text, if it has them), in
/// the person's language: the question by its path and words and what it takes, an unknown question
/// or service, a section that is not a group of answers, or the line and column of text that is not
/// JSON. In English, serde's own words follow in brackets.
pub fn fault(path: &str, msg: &str, at: Option<(usize, usize)>, lang: Lang) -> String {
    let between_backticks = |prefix: &str| msg.strip_prefix(prefix).and_then(|rest| rest.split('`').next()).map(str::to_string);
    let field_path = path.split('[').next().unwrap_or(path);
    let is_section = |s: &str| all_fields().any(|f| f.path.split_once('.').is_some_and(|(sec, _)| sec == s));
    let body = if let Some(f) = all_fields().find(|f| f.path == field_path) {
        on_question(path, &expected(f.path, lang).unwrap_or_default(), lang)
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
    } else if let Some((line, column)) = at {
        let at = t("input_error.at", lang).replace("{line}", &line.to_string()).replace("{column}", &column.to_string());
        format!("{} ({at})", t("ui.file_not_answers", lang))
    } else {
        t("ui.file_not_answers", lang)
    };
    match lang {
        Lang::En => format!("{body} ({})", short(msg, 160)),
        _ => body,
    }
}

/// What the field at `path` takes, in words (`phc.categories[0]` is an item of `phc.categories`).
pub fn expected(path: &str, lang: Lang) -> Option<String> {
    let path = path.split('[').next().unwrap_or(path);
    if path == "services" {
        let codes = crate::Service::ALL.map(crate::Service::code).join(", ");
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

/// The path of the first list that stands where the schema has an object or a single value: lists
/// belong only to `services` and to the many-choice questions. (A list where an object belongs
/// would be read by serde as the object's fields in order.)
#[cfg(feature = "json")]
pub fn list_not_object(v: &serde_json::Value, path: &str) -> Option<String> {
    use serde_json::Value;
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

/// The message for a list found by [`list_not_object`] at `path` (`""`: the whole input).
pub fn list_message(path: &str, lang: Lang) -> String {
    let place = if path.is_empty() { t("input_file.whole_file", lang) } else { format!("`{path}`") };
    format!("{}: {}", t("input_error.parse", lang), t("input_file.list_not_object", lang).replace("{path}", &place))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fault_on_a_question_names_it_and_what_it_takes() {
        let e = fault("person.status", "invalid type: integer `5`, expected …", None, Lang::En);
        assert!(
            e.starts_with("person.status “") && e.contains("citizen, kandas") && e.ends_with("(invalid type: integer `5`, expected …)"),
            "{e}"
        );
        let e = fault(".", "unknown field `persn`, expected one of …", None, Lang::Ru);
        assert_eq!(e, format!("{} persn", t("ui.file_unknown_field", Lang::Ru)));
        let e = fault(".", "expected value", Some((3, 7)), Lang::Kk);
        assert!(e.contains('3') && e.contains('7') && e.starts_with(&t("ui.file_not_answers", Lang::Kk)), "{e}");
        assert_eq!(short("абвгд", 3), "абв…");
        assert!(list_message("", Lang::En).contains("the whole file"));
    }
}
