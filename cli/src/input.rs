//! Why an answers file cannot be used, in the person's language. serde's errors are English and name
//! a path; here they become the texts the app shows for the same problem (`input_error.*`,
//! `ui.file_*`), naming the question by its field path and its words.

use crate::render::on_question;
use tekser_rules::answers::{all_fields, FieldKind};
use tekser_rules::Lang;

fn t(key: &str, lang: Lang) -> String {
    tekser_rules::text(key, lang).unwrap_or(key).to_string()
}

/// At most 60 characters of what the file holds: a 10 MB name is not echoed back.
fn short(s: &str) -> String {
    match s.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

/// What an answer to a question of this kind looks like in the file.
fn kind_message(kind: FieldKind, lang: Lang) -> String {
    match kind {
        FieldKind::Date => format!("{} (YYYY-MM-DD)", t("input_error.date", lang)),
        FieldKind::Time => t("input_error.time", lang),
        FieldKind::Int => t("input_error.whole_number", lang),
        FieldKind::Number => t("input_error.number", lang),
        FieldKind::Bool => t("input_error.yes_no", lang),
        FieldKind::Choice(opts) | FieldKind::Many(opts) => format!("{}: {}", t("input_error.choice", lang), opts.join(", ")),
        FieldKind::Text | FieldKind::Iin | FieldKind::Bin | FieldKind::Country => t("input_error.text", lang),
    }
}

/// The message for a file serde could not read into answers: `path` is where it stopped (`.` for the
/// whole file, `phc.categories[1]` for an item of a list).
pub fn parse_error(path: &str, e: &serde_json::Error, lang: Lang) -> String {
    let msg = e.to_string();
    let between_backticks = |prefix: &str| msg.strip_prefix(prefix).and_then(|rest| rest.split('`').next()).map(str::to_string);
    let field_path = path.split('[').next().unwrap_or(path);
    let is_section = |s: &str| s == "services" || all_fields().any(|f| f.path.split_once('.').is_some_and(|(sec, _)| sec == s));
    let body = if let Some(f) = all_fields().find(|f| f.path == field_path) {
        on_question(f.path, &kind_message(f.kind, lang), lang)
    } else if let Some(name) = between_backticks("unknown field `") {
        let full = if path == "." {
            name
        } else if path.ends_with(&name) {
            path.to_string()
        } else {
            format!("{path}.{name}")
        };
        format!("{} {}", t("ui.file_unknown_field", lang), short(&full))
    } else if field_path == "services" && path != "services" {
        let code = between_backticks("unknown variant `").unwrap_or_else(|| path.to_string());
        format!("{} {}", t("ui.file_unknown_service", lang), short(&code))
    } else if is_section(field_path) {
        format!("{} {field_path}", t("ui.file_not_section", lang))
    } else if e.line() > 0 {
        let at = t("input_error.at", lang).replace("{line}", &e.line().to_string()).replace("{column}", &e.column().to_string());
        format!("{} ({at})", t("ui.file_not_answers", lang))
    } else {
        t("ui.file_not_answers", lang)
    };
    format!("{}: {body}", t("input_error.parse", lang))
}
