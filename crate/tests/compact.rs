//! The compact JSON of a report (`tekser_rules::compact`): every citation by its id plus one table
//! of them. Over every scenario in `tests/scenarios/` and every example answers file, the compact
//! form expands to exactly the full form (`tekser check --format json`), cites nothing missing from
//! its table, holds nothing in the table that is not cited, and is smaller (each provision once). Afterwards, citations
//! serialise in full again.

use serde::Deserialize;
use serde_json::{Map, Value};
use std::path::PathBuf;
use tekser_rules::compact::Compact;
use tekser_rules::{evaluate, Answers, Context, Report};

#[derive(Deserialize)]
struct Scenario {
    name: String,
    as_of: chrono::NaiveDate,
    answers: Answers,
}

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// Every scenario, then every example answers file (on 20.03.2026), as (name, report).
fn reports() -> Vec<(String, Report)> {
    let mut all = Vec::new();
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(root().join("tests/scenarios")).expect("tests/scenarios").map(|e| e.expect("entry").path()).collect();
    files.sort();
    for path in files.iter().filter(|p| p.extension().is_some_and(|x| x == "yaml")) {
        let list: Vec<Scenario> = serde_yaml::from_str(&std::fs::read_to_string(path).expect("read")).expect("scenarios");
        all.extend(list.into_iter().map(|s| (s.name, evaluate(&s.answers, &Context { as_of: s.as_of }))));
    }
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 3, 20).expect("a day");
    for e in std::fs::read_dir(root().join("examples")).expect("examples") {
        let path = e.expect("entry").path();
        if path.extension().is_some_and(|x| x == "json") {
            let a: Answers = serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("an answers file");
            all.push((path.display().to_string(), evaluate(&a, &Context { as_of })));
        }
    }
    all
}

/// Replaces every `"citation": "<id>"` by the table's entry, and drops the table; records each id used.
fn expand(v: &mut Value, table: &Map<String, Value>, used: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                match x {
                    Value::String(id) if k == "citation" => {
                        used.push(id.clone());
                        *x = table.get(id.as_str()).unwrap_or_else(|| panic!("{id} is not in the table")).clone();
                    }
                    _ => expand(x, table, used),
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| expand(x, table, used)),
        _ => {}
    }
}

#[test]
fn the_compact_form_expands_to_exactly_the_full_form() {
    let all = reports();
    assert!(all.len() > 100, "{} reports", all.len());
    let (mut full_bytes, mut compact_bytes) = (0, 0);
    for (name, report) in &all {
        let full_text = serde_json::to_string_pretty(report).expect("serialises");
        let compact_text = serde_json::to_string_pretty(&Compact(report)).expect("serialises");
        let full: Value = serde_json::from_str(&full_text).expect("JSON");
        let mut compact: Value = serde_json::from_str(&compact_text).expect("JSON");
        let Some(Value::Object(table)) = compact.as_object_mut().and_then(|m| m.remove("citations")) else {
            panic!("{name}: no citations table")
        };
        let mut used = vec![];
        expand(&mut compact, &table, &mut used);
        assert_eq!(compact, full, "{name}: the compact form does not expand to the full one");
        used.sort();
        used.dedup();
        let mut listed: Vec<String> = table.keys().cloned().collect();
        listed.sort();
        assert_eq!(used, listed, "{name}: the table lists exactly the provisions cited");
        assert!(compact_text.len() < full_text.len() || used.is_empty(), "{name}: {} ≥ {} bytes", compact_text.len(), full_text.len());
        full_bytes += full_text.len();
        compact_bytes += compact_text.len();
    }
    println!("{} reports: full JSON {full_bytes} B, compact {compact_bytes} B", all.len());
    // Serialising a compact report leaves nothing behind: a report serialises in full afterwards.
    let (_, report) = &all[0];
    let again: Value = serde_json::to_value(report).expect("serialises");
    let first = &again["outcomes"][0]["reasons"][0]["citation"];
    assert!(first.is_object() && first["id"].is_string(), "{first}");
}

#[test]
fn the_example_report_is_smaller_compact_and_cites_each_provision_once() {
    let a: Answers = serde_json::from_str(&std::fs::read_to_string(root().join("examples/all-four.json")).expect("read")).expect("answers");
    let report = evaluate(&a, &Context { as_of: chrono::NaiveDate::from_ymd_opt(2026, 3, 20).expect("a day") });
    let full = serde_json::to_string(&report).expect("serialises");
    let compact = serde_json::to_string(&Compact(&report)).expect("serialises");
    println!("examples/all-four.json on 20.03.2026: full {} B, compact {} B", full.len(), compact.len());
    assert!(compact.len() < full.len(), "compact {} B, full {} B", compact.len(), full.len());
    // Each provision is written out once in the compact form (its table entry), where the full form
    // repeats it wherever it is cited.
    let written = |json: &str, id: &str| json.matches(&format!("{{\"id\":\"{id}\",")).count();
    let ids: Vec<&str> = tekser_rules::data::PROVISIONS.iter().map(|p| p.id).filter(|id| written(&full, id) > 0).collect();
    assert!(ids.len() > 50, "{} provisions cited", ids.len());
    assert!(ids.iter().any(|id| written(&full, id) > 1), "some provision is cited twice");
    for id in ids {
        assert_eq!(written(&compact, id), 1, "{id}");
    }
}
