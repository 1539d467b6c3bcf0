//! Every scenario's and every example's answers with the day to evaluate them on, for the tests that
//! render all of them (the CLI's text and the app's words). Included with `#[path]`; each includer
//! depends on `serde_yaml`, `serde_json`, `chrono` and `tekser_rules`.

use tekser_rules::Answers;

/// `(name, answers, as_of)` for each scenario in `tests/scenarios/` and each file in `examples/`
/// (an example is evaluated on its application day, else 2026-03-02).
pub fn cases() -> Vec<(String, Answers, chrono::NaiveDate)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let dir = |d: &str| {
        // Answers files only (`examples/js/` is the JavaScript library's example page).
        let mut v: Vec<_> = (std::fs::read_dir(format!("{root}/{d}")).unwrap().map(|e| e.unwrap().path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json" || x == "yaml"))
            .collect();
        v.sort();
        v
    };
    let mut out = Vec::new();
    for f in dir("tests/scenarios") {
        let list: Vec<serde_yaml::Value> = serde_yaml::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        for s in list {
            let name = format!("{}: {}", f.display(), s["name"].as_str().unwrap_or("?"));
            out.push((name, serde_yaml::from_value(s["answers"].clone()).unwrap(), serde_yaml::from_value(s["as_of"].clone()).unwrap()));
        }
    }
    for f in dir("examples") {
        let answers: Answers = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        let as_of = answers.application.date.unwrap_or(chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
        out.push((f.display().to_string(), answers, as_of));
    }
    assert!(out.len() > 50, "scenarios and examples are found");
    out
}
