//! Reading an answers file: its encoding, its shape and the messages that name the place of a fault.
//!
//! The whole input must be one JSON object of the answers' schema: a UTF-8 byte-order mark is
//! skipped, UTF-16 gets its own message, data after the object and a list (`[…]`) anywhere an
//! object belongs are refused naming the place, and a value of the wrong kind names its field and
//! what the field takes (`person.status`: one of citizen, kandas, …). Every message is in the
//! chosen language (`input_file.*` texts); serde's own words, in English, follow in brackets with
//! the line and column.

use serde_json::Value;
use tekser_rules::input::{fault, list_message, list_not_object};
use tekser_rules::{Answers, Lang};

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
pub fn parse_answers(text: &str, lang: Lang) -> Result<Answers, String> {
    let head = t("input_error.parse", lang);
    // A list where an object belongs would be read by serde as the object's fields in order.
    if let Ok(v) = serde_json::from_str::<Value>(text) {
        if let Some(path) = list_not_object(&v, "") {
            return Err(list_message(&path, lang));
        }
    }
    let de = &mut serde_json::Deserializer::from_str(text);
    let answers: Answers =
        serde_path_to_error::deserialize(&mut *de).map_err(|e| format!("{head}: {}", fault_at(&e.path().to_string(), e.inner(), lang)))?;
    de.end().map_err(|e| {
        let where_ = t("input_file.trailing", lang).replace("{line}", &e.line().to_string()).replace("{column}", &e.column().to_string());
        format!("{head}: {where_}")
    })?;
    Ok(answers)
}

/// [`fault`] with serde_json's line and column (none for a fault found after the text was read).
fn fault_at(path: &str, e: &serde_json::Error, lang: Lang) -> String {
    fault(path, &e.to_string(), (e.line() > 0).then(|| (e.line(), e.column())), lang)
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
    fn a_byte_order_mark_is_skipped_and_utf16_is_named() {
        assert_eq!(decode(b"\xEF\xBB\xBF{}", Lang::En), Ok("{}"));
        for bytes in [&b"\xFF\xFE{\x00}\x00"[..], b"\xFE\xFF\x00{\x00}", b"{\x00}\x00"] {
            assert!(decode(bytes, Lang::En).unwrap_err().contains("UTF-16"));
        }
        assert!(decode(b"{\"a\xFF\"}", Lang::Kk).unwrap_err().contains("UTF-8"));
    }
}
