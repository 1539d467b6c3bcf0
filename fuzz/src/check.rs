//! The targets and what each promises, whatever the input: the rules (`validate`, `evaluate` and
//! `tekser_rules::invariants`), the app's answers files (`from_json`, `to_json`), its URL fragment
//! (`from_fragment`, `to_fragment`), its raw-value parsing (`parse_raw`) and the host page's
//! `prefill` of embed mode (`embed::parse`). A returned line is a broken promise; a panic is caught
//! by the driver and counted as one.

use chrono::NaiveDate;
use tekser_rules::answers::bounds;
use tekser_rules::invariants::report_violations;
use tekser_rules::{evaluate, Answers, Context, Lang};
use tekser_web::state::{self, State};

/// Answers as of a day: bad answers are reported and then, as a person would after reading the
/// messages, left out; the rest is evaluated and every invariant must hold. `deep` also evaluates
/// twice and words every message.
pub fn answers(a: &Answers, as_of: NaiveDate, deep: bool) -> Vec<String> {
    let mut broken = Vec::new();
    let errors = a.validate(as_of);
    let report = evaluate(a, &Context { as_of });
    let mut v = report_violations(a, as_of, &report);
    if !errors.is_empty() {
        // Bad answers or a day out of bounds: only the report's shape is promised.
        v.retain(|x| x.starts_with("outcomes for") || x.starts_with("edition") || x.starts_with("report as of"));
    }
    broken.extend(v);
    if deep {
        if evaluate(a, &Context { as_of }) != report {
            broken.push("the same input gave another report".into());
        }
        for lang in [Lang::Kk, Lang::Ru, Lang::En] {
            for e in &errors {
                let m = e.kind.message(lang);
                if m.is_empty() || m.contains('{') || m.starts_with("input_error.") {
                    broken.push(format!("{}: untranslated message {m:?}", e.field));
                }
            }
            for l in report.outcomes.iter().flat_map(|o| &o.limits) {
                if l.message(lang).starts_with("limit.") {
                    broken.push(format!("untranslated limit {l:?}"));
                }
            }
        }
    }
    if !errors.is_empty() && bounds::AS_OF.contains(&as_of) {
        let good = without_bad_answers(a.clone(), as_of);
        broken.extend(report_violations(&good, as_of, &evaluate(&good, &Context { as_of })));
    }
    broken
}

/// `a` without every answer `validate` names (a conflict names one of its two answers).
fn without_bad_answers(mut a: Answers, day: NaiveDate) -> Answers {
    for _ in 0..64 {
        let errors = a.validate(day);
        let Some(e) = errors.iter().find(|e| e.field.contains('.')) else { return a };
        let Ok(mut json) = serde_json::to_value(&a) else { return a };
        let (section, name) = e.field.split_once('.').unwrap_or_default();
        if let Some(m) = json.get_mut(section).and_then(|s| s.as_object_mut()) {
            m.remove(name);
        }
        match serde_json::from_value(json) {
            Ok(x) => a = x,
            Err(_) => return a,
        }
    }
    a
}

/// An answers file: read as the CLI reads it (serde) and as the app loads it (`from_json`).
pub fn file(text: &str, as_of: NaiveDate, today: NaiveDate, deep: bool) -> Vec<String> {
    let mut broken = Vec::new();
    if let Ok(a) = serde_json::from_str::<Answers>(text) {
        broken.extend(answers(&a, as_of, deep));
    }
    if let Ok(l) = state::from_json(text) {
        let s = State { services: l.services, raw: l.raw, ..State::default() };
        // A bad answer is kept as written (nothing in a file is lost) and reported on its question.
        let reported: Vec<&str> = s.problems(today).into_iter().map(|(p, _)| p).collect();
        for path in s.raw.keys() {
            if !s.answered(path) && !reported.contains(path) {
                broken.push(format!("from_json loaded {path}, which neither counts as answered nor is reported"));
            }
        }
        broken.extend(app_state(&s, today, deep));
    }
    broken.extend(prefill(text, today));
    broken
}

/// A file's object as the answers of a host page's `prefill` (embed mode): refused (whole) only for
/// a `"details"` object; otherwise read exactly as the file is, and every answer the app would
/// report named among the problems sent back.
pub fn prefill(text: &str, today: NaiveDate) -> Vec<String> {
    use tekser_web::embed::{parse, problems, HostMessage};
    let Ok(serde_json::Value::Object(answers)) = serde_json::from_str::<serde_json::Value>(text) else { return Vec::new() };
    let details = answers.contains_key("details");
    let msg = serde_json::json!({"tekser": 1, "type": "prefill", "answers": answers});
    match parse(&msg) {
        Err(r) if details && r.code == "details_refused" => Vec::new(),
        Ok(HostMessage::Prefill(p)) if !details => {
            let Some(l) = p.answers else { return vec!["a prefill with answers gave none".into()] };
            let mut broken = Vec::new();
            if let Ok(file) = state::from_json(text) {
                if (&file.services, &file.raw, &file.skipped) != (&l.services, &l.raw, &l.skipped) {
                    broken.push("a prefill read the answers otherwise than the file".into());
                }
            }
            let named: Vec<String> = problems(&l, Lang::En, today).into_iter().map(|p| p.field).collect();
            let s = State { services: l.services.clone(), raw: l.raw.clone(), ..State::default() };
            for (path, _) in s.problems(today) {
                if !named.iter().any(|n| n == path) {
                    broken.push(format!("a prefill's bad answer {path} is not named in its error"));
                }
            }
            broken
        }
        other => vec![format!("prefill of a file's object (details: {details}) gave {other:?}")],
    }
}

/// A URL fragment, as the app reads it on load and on back/forward.
pub fn fragment(frag: &str, today: NaiveDate, deep: bool) -> Vec<String> {
    app_state(&state::from_fragment(frag), today, deep)
}

/// One raw answer typed into its question.
pub fn raw(path: &'static str, value: &str, today: NaiveDate) -> Vec<String> {
    let mut broken = Vec::new();
    let Some(f) = state::field(path) else { return vec![format!("{path} is not a field")] };
    if let Ok(Some(v)) = state::parse_raw(f, value) {
        if let Err(e) = Answers::default().set(path, v.clone()) {
            broken.push(format!("parse_raw accepts {v:?} for {path}, set refuses it: {e:?}"));
        }
    }
    let s = State { raw: [(f.path, value.trim().to_string())].into_iter().collect(), ..State::default() };
    broken.extend(kept(&s));
    let _ = s.questions(today);
    broken
}

/// What the app promises of a state: every answer it counts as given is in the typed answers; the
/// fragment and the answers file it writes give the same answers back; no question it asks is
/// answered already; and the typed answers keep the rules' invariants.
fn app_state(s: &State, today: NaiveDate, deep: bool) -> Vec<String> {
    let mut broken = kept(s);
    let a = s.answers();
    let back = state::to_link(s).map(|l| state::from_fragment(&l)).unwrap_or_else(|| s.clone());
    if back.answers() != a {
        broken.push("the link with answers the app writes gives other answers back".into());
    }
    match state::from_json(&state::to_json(s)) {
        Ok(l) => {
            let loaded = State { services: l.services, raw: l.raw, ..State::default() };
            if !same_answers(&loaded.answers(), &a) {
                broken.push("the answers file the app writes loads back to other answers".into());
            }
        }
        Err(e) => broken.push(format!("the answers file the app writes does not load: {e:?}")),
    }
    if deep {
        for q in s.questions(today) {
            if s.answered(q) {
                broken.push(format!("asks {q}, already answered"));
            }
        }
    }
    broken.extend(answers(&a, s.as_of(today), deep));
    broken
}

/// The same answers, numbers equal to 12 significant digits: serde_json (without its
/// `float_roundtrip` feature) may read a number with more digits than an f64 holds one unit in the
/// last place off, and such a number is never a valid answer (areas are refused past 100 000).
fn same_answers(a: &Answers, b: &Answers) -> bool {
    fn close(x: &serde_json::Value, y: &serde_json::Value) -> bool {
        use serde_json::Value::*;
        match (x, y) {
            (Number(m), Number(n)) => match (m.as_f64(), n.as_f64()) {
                (Some(p), Some(q)) => p == q || ((p - q) / p.abs().max(q.abs())).abs() < 1e-12,
                _ => m == n,
            },
            (Array(m), Array(n)) => m.len() == n.len() && m.iter().zip(n).all(|(p, q)| close(p, q)),
            (Object(m), Object(n)) => m.len() == n.len() && m.iter().all(|(k, p)| n.get(k).is_some_and(|q| close(p, q))),
            _ => x == y,
        }
    }
    a == b || close(&serde_json::to_value(a).unwrap_or_default(), &serde_json::to_value(b).unwrap_or_default())
}

/// Every raw answer the app takes as a value ("don't know" is none) is set in the typed answers.
fn kept(s: &State) -> Vec<String> {
    let a = s.answers();
    let value = |p: &str, r: &str| matches!(state::field(p).map(|f| state::parse_raw(f, r)), Some(Ok(Some(_))));
    (s.raw.iter())
        .filter(|(p, r)| value(p, r) && !a.answered(p))
        .map(|(p, r)| format!("{p} = {r:?} counts as answered but is not in the answers"))
        .collect()
}
