//! Setting answers one field at a time (what the app does) gives the same answers as serde reading a file.

use tekser_rules::answers::set::{SetError, Value};
use tekser_rules::answers::{all_fields, FieldKind};
use tekser_rules::Answers;

/// A value of the field's kind (the first option of a choice).
fn sample(kind: FieldKind) -> Value {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    match kind {
        FieldKind::Bool => Value::Bool(true),
        FieldKind::Date => Value::Date(day),
        FieldKind::Time => Value::Time(chrono::NaiveTime::from_hms_opt(9, 30, 0).unwrap()),
        FieldKind::Int => Value::Int(2),
        FieldKind::Number => Value::Number(48.5),
        FieldKind::Text | FieldKind::Iin | FieldKind::Bin | FieldKind::Country => Value::Text("061211600012".into()),
        FieldKind::Choice(o) => Value::Text(o[0].into()),
        FieldKind::Many(o) => Value::List(vec![o[0].into()]),
    }
}

#[test]
fn every_field_can_be_set_and_each_lands_in_its_own_place() {
    let mut seen = Vec::new();
    for f in all_fields() {
        let mut a = Answers::default();
        a.set(f.path, sample(f.kind)).unwrap_or_else(|e| panic!("{}: {e:?}", f.path));
        assert_ne!(a, Answers::default(), "{} changed nothing", f.path);
        assert!(!seen.contains(&a), "{} landed where another field did", f.path);
        seen.push(a);
    }
}

#[test]
fn a_wrong_path_kind_or_option_is_refused() {
    let mut a = Answers::default();
    assert_eq!(a.set("person.shoe_size", Value::Int(44)), Err(SetError::UnknownField));
    assert_eq!(a.set("nowhere", Value::Int(44)), Err(SetError::UnknownField));
    assert_eq!(a.set("person.date_of_birth", Value::Int(44)), Err(SetError::WrongKind));
    assert_eq!(a.set("person.status", Value::Text("martian".into())), Err(SetError::UnknownOption));
    assert_eq!(a.set("trp.employer_household_permits", Value::Int(-1)), Err(SetError::OutOfRange));
    assert_eq!(a.set_services(&["phc", "tax"]), Err(SetError::UnknownOption));
    assert_eq!(a, Answers::default(), "nothing refused was kept");
}

/// The answers of a JSON file, set one field at a time.
fn set_one_by_one(json: &serde_json::Value) -> Answers {
    let mut a = Answers::default();
    for (section, fields) in json.as_object().unwrap() {
        if section == "services" {
            let codes: Vec<&str> = fields.as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
            a.set_services(&codes).unwrap();
            continue;
        }
        for (name, v) in fields.as_object().unwrap() {
            let path = format!("{section}.{name}");
            let kind = all_fields().find(|f| f.path == path).unwrap_or_else(|| panic!("{path}: no such field")).kind;
            let value = match (kind, v) {
                (FieldKind::Bool, serde_json::Value::Bool(b)) => Value::Bool(*b),
                (FieldKind::Date, serde_json::Value::String(s)) => Value::Date(s.parse().unwrap()),
                (FieldKind::Time, serde_json::Value::String(s)) => Value::Time(s.parse().unwrap()),
                (FieldKind::Int, n) => Value::Int(n.as_i64().unwrap()),
                (FieldKind::Number, n) => Value::Number(n.as_f64().unwrap()),
                (FieldKind::Many(_), serde_json::Value::Array(items)) => {
                    Value::List(items.iter().map(|i| i.as_str().unwrap().to_string()).collect())
                }
                (_, serde_json::Value::String(s)) => Value::Text(s.clone()),
                (k, v) => panic!("{path}: {v} is not a {k:?}"),
            };
            a.set(&path, value).unwrap_or_else(|e| panic!("{path}: {e:?}"));
        }
    }
    a
}

#[test]
fn the_examples_set_one_answer_at_a_time_equal_what_serde_reads() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
    let mut n = 0;
    // Answers files only (`examples/js/` is the JavaScript library's example page).
    for path in std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "json")) {
        let text = std::fs::read_to_string(&path).unwrap();
        let by_serde: Answers = serde_json::from_str(&text).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(set_one_by_one(&json), by_serde, "{}", path.display());
        n += 1;
    }
    assert!(n >= 5, "{n} examples");
}
