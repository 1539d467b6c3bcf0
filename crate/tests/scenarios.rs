//! Runs every scenario in `tests/scenarios/*.yaml` (OpenFisca style: tests as data) and enforces
//! the coverage gate: each reason code must be produced both `met` and `not_met`, and each
//! document must be produced, by some scenario.
//!
//! A scenario's expected values are worked out by hand from the source it names, never copied
//! from the program's output. Every key under `expect.<service>` is optional; what is given is
//! checked exactly (lists as sets, except `missing`, whose order is the interview order).

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use tekser_rules::data::PROVISIONS;
use tekser_rules::report::{Outcome, Status};
use tekser_rules::{evaluate, Answers, Context};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    name: String,
    /// The provision id the scenario checks (must exist in data/provisions).
    provision: String,
    as_of: chrono::NaiveDate,
    answers: Answers,
    expect: BTreeMap<String, Expect>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Expect {
    verdict: Option<String>,
    case: Option<String>,
    /// Reason code → met | not_met | unknown; the codes listed must be present with that status.
    #[serde(default)]
    reasons: BTreeMap<String, String>,
    /// Reason codes that must not be produced at all.
    #[serde(default)]
    absent_reasons: Vec<String>,
    missing: Option<Vec<String>>,
    /// Facts that would refine the checklist or channels, in interview order.
    refine: Option<Vec<String>>,
    documents: Option<Vec<String>>,
    /// Documents shown but obtained from state information systems.
    documents_from_state: Option<Vec<String>>,
    /// Channels through which the person may apply (available ones).
    channels: Option<Vec<String>>,
    fee_mci: Option<f64>,
    fee_tenge: Option<i64>,
    /// `true`: no amount in tenge can be given (e.g. the MCI of the day is not set).
    #[serde(default)]
    no_tenge: bool,
    /// Document code → the `because` code it must carry.
    #[serde(default)]
    document_because: BTreeMap<String, String>,
    free: Option<bool>,
    registered_on: Option<chrono::NaiveDate>,
    /// `true`: the outcome must give no deadline (e.g. the channel does not offer the service).
    #[serde(default)]
    no_deadline: bool,
    result_on: Option<chrono::NaiveDate>,
    refusal_grounds: Option<Vec<String>>,
    notes: Option<Vec<String>>,
    /// Limit kinds that must be reported (others may be too).
    #[serde(default)]
    limits: Vec<String>,
    /// Milestone code → last day.
    #[serde(default)]
    timeline: BTreeMap<String, chrono::NaiveDate>,
    /// Steps still to take before applying (reason codes of role `step` not met or unknown).
    to_do: Option<Vec<String>>,
    /// Appeal lines shown (codes).
    appeal: Option<Vec<String>>,
    /// The values reported as unverified (`Limit::Unverified { what }`), exactly.
    unverified: Option<Vec<String>>,
    /// Reason code → the id of the provision it must cite (the paragraph that decides it here).
    #[serde(default)]
    citations: BTreeMap<String, String>,
    /// Acts applied (ids), and acts only mentioned (ids).
    acts: Option<Vec<String>>,
    mentioned: Option<Vec<String>>,
}

fn scenario_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/scenarios");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "yaml")).collect();
    files.sort();
    files
}

fn load() -> Vec<(String, Scenario)> {
    let mut all = Vec::new();
    for f in scenario_files() {
        let text = std::fs::read_to_string(&f).unwrap();
        let list: Vec<Scenario> = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let file = f.file_name().unwrap().to_string_lossy().to_string();
        all.extend(list.into_iter().map(|s| (file.clone(), s)));
    }
    all
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).unwrap().as_str().map(str::to_string).unwrap_or_else(|| serde_json::to_string(v).unwrap())
}

fn set<'a>(it: impl Iterator<Item = &'a str>) -> BTreeSet<String> {
    it.map(str::to_string).collect()
}

fn check(o: &Outcome, e: &Expect) -> Vec<String> {
    let mut errs = Vec::new();
    let mut eq = |what: &str, got: String, want: String| {
        if got != want {
            errs.push(format!("{what}: got {got}, want {want}"));
        }
    };
    if let Some(v) = &e.verdict {
        eq("verdict", json(&o.verdict), v.clone());
    }
    if let Some(t) = &e.to_do {
        eq(
            "to_do",
            format!("{:?}", set(o.reasons.iter().filter(|r| r.to_do()).map(|r| r.code))),
            format!("{:?}", set(t.iter().map(String::as_str))),
        );
    }
    if let Some(t) = &e.appeal {
        eq("appeal", format!("{:?}", set(o.appeal.iter().map(|w| w.code))), format!("{:?}", set(t.iter().map(String::as_str))));
    }
    if let Some(t) = &e.acts {
        eq("acts", format!("{:?}", set(o.editions().iter().map(|e| e.act))), format!("{:?}", set(t.iter().map(String::as_str))));
    }
    if let Some(t) = &e.mentioned {
        eq("mentioned", format!("{:?}", set(o.mentioned().iter().map(|e| e.act))), format!("{:?}", set(t.iter().map(String::as_str))));
    }
    if let Some(c) = &e.case {
        eq("case", o.case.to_string(), c.clone());
    }
    for (code, status) in &e.reasons {
        let got = o.reasons.iter().find(|r| r.code == code).map(|r| json(&r.status)).unwrap_or_else(|| "absent".into());
        eq(&format!("reason {code}"), got, status.clone());
    }
    for (code, id) in &e.citations {
        let got = o.reasons.iter().find(|r| r.code == code).map_or("absent", |r| r.citation.id);
        eq(&format!("citation of {code}"), got.to_string(), id.clone());
    }
    for code in &e.absent_reasons {
        let got = o.reasons.iter().find(|r| r.code == code).map(|r| json(&r.status)).unwrap_or_else(|| "absent".into());
        eq(&format!("reason {code}"), got, "absent".into());
    }
    if let Some(m) = &e.missing {
        eq("missing", format!("{:?}", o.missing), format!("{m:?}"));
    }
    if let Some(r) = &e.refine {
        eq("refine", format!("{:?}", o.refine), format!("{r:?}"));
    }
    if let Some(d) = &e.documents {
        eq(
            "documents",
            format!("{:?}", set(o.documents.iter().filter(|d| !d.from_state_systems).map(|d| d.code))),
            format!("{:?}", set(d.iter().map(String::as_str))),
        );
    }
    if let Some(d) = &e.documents_from_state {
        eq(
            "documents_from_state",
            format!("{:?}", set(o.documents.iter().filter(|d| d.from_state_systems).map(|d| d.code))),
            format!("{:?}", set(d.iter().map(String::as_str))),
        );
    }
    if let Some(c) = &e.channels {
        let got: BTreeSet<String> = o.channels.iter().filter(|c| c.available).map(|c| json(&c.channel)).collect();
        eq("channels", format!("{got:?}"), format!("{:?}", set(c.iter().map(String::as_str))));
    }
    if let Some(m) = e.fee_mci {
        eq("fee_mci", format!("{:?}", o.fee.as_ref().map(|f| f.mci_multiple)), format!("{:?}", Some(m)));
    }
    if let Some(t) = e.fee_tenge {
        eq("fee_tenge", format!("{:?}", o.fee.as_ref().and_then(|f| f.tenge)), format!("{:?}", Some(t)));
    }
    if e.no_tenge {
        eq("fee_tenge", format!("{:?}", o.fee.as_ref().and_then(|f| f.tenge)), "None".into());
    }
    for (code, because) in &e.document_because {
        let got = o.documents.iter().find(|d| d.code == code).map(|d| d.because).unwrap_or("absent");
        eq(&format!("document {code} because"), got.to_string(), because.clone());
    }
    if let Some(f) = e.free {
        eq("free", format!("{:?}", o.fee.as_ref().map(|x| x.free)), format!("{:?}", Some(f)));
    }
    if e.no_deadline {
        eq("deadline", format!("{:?}", o.deadline.as_ref().map(|d| d.result_on)), "None".into());
    }
    if let Some(d) = e.registered_on {
        eq("registered_on", format!("{:?}", o.deadline.as_ref().map(|x| x.registered_on)), format!("{:?}", Some(d)));
    }
    if let Some(d) = e.result_on {
        eq("result_on", format!("{:?}", o.deadline.as_ref().map(|x| x.result_on)), format!("{:?}", Some(d)));
    }
    if let Some(r) = &e.refusal_grounds {
        eq(
            "refusal_grounds",
            format!("{:?}", set(o.refusal_grounds.iter().map(|w| w.code))),
            format!("{:?}", set(r.iter().map(String::as_str))),
        );
    }
    if let Some(n) = &e.notes {
        eq("notes", format!("{:?}", set(o.notes.iter().map(|w| w.code))), format!("{:?}", set(n.iter().map(String::as_str))));
    }
    if let Some(u) = &e.unverified {
        let got = set(o.limits.iter().filter_map(|l| match l {
            tekser_rules::report::Limit::Unverified { what } => Some(*what),
            _ => None,
        }));
        eq("unverified", format!("{got:?}"), format!("{:?}", set(u.iter().map(String::as_str))));
    }
    for l in &e.limits {
        let kinds: Vec<String> = o.limits.iter().map(|x| serde_json::to_value(x).unwrap()["kind"].as_str().unwrap().to_string()).collect();
        if !kinds.contains(l) {
            errs.push(format!("limit {l}: got {kinds:?}"));
        }
    }
    for (code, day) in &e.timeline {
        let got = o.timeline.iter().find(|m| m.code == code).and_then(|m| m.by);
        if got != Some(*day) {
            errs.push(format!("timeline {code}: got {got:?}, want {day}"));
        }
    }
    errs
}

#[test]
fn scenarios_pass_and_cover_every_reason_and_document() {
    let scenarios = load();
    let mut failures = Vec::new();
    let mut produced: BTreeSet<(String, &'static str)> = BTreeSet::new();
    let mut docs: BTreeSet<String> = BTreeSet::new();
    let mut names = BTreeSet::new();
    let mut keys: BTreeSet<String> = BTreeSet::new();
    for (file, s) in &scenarios {
        if !names.insert(s.name.clone()) {
            failures.push(format!("{file}: duplicate scenario name {:?}", s.name));
        }
        if !PROVISIONS.iter().any(|p| p.id == s.provision) {
            failures.push(format!("{file}: {:?} names unknown provision {}", s.name, s.provision));
        }
        let report = evaluate(&s.answers, &Context { as_of: s.as_of });
        assert!(s.answers.validate(s.as_of).is_empty(), "{file}: {:?} has invalid answers: {:?}", s.name, s.answers.validate(s.as_of));
        for o in &report.outcomes {
            for r in &o.reasons {
                let st = match r.status {
                    Status::Met => "met",
                    Status::NotMet => "not_met",
                    Status::Unknown => continue,
                };
                produced.insert((r.code.to_string(), st));
            }
            docs.extend(o.documents.iter().map(|d| d.code.to_string()));
            keys.extend(text_keys(o));
            for v in tekser_rules::invariants::violations(&s.answers, o, s.as_of) {
                failures.push(format!("{file}: {:?}: invariant: {v}", s.name));
            }
        }
        for (service, e) in &s.expect {
            let Some(o) = report.outcomes.iter().find(|o| json(&o.service) == *service) else {
                failures.push(format!("{file}: {:?}: no outcome for {service}", s.name));
                continue;
            };
            for err in check(o, e) {
                failures.push(format!("{file}: {:?} [{service}]: {err}", s.name));
            }
        }
    }
    assert!(failures.is_empty(), "{} scenario failures:\n{}", failures.len(), failures.join("\n"));

    let untranslated: Vec<&String> = keys.iter().filter(|k| tekser_rules::text::texts(k).is_none()).collect();
    assert!(untranslated.is_empty(), "text keys produced by the rules but missing in data/texts: {untranslated:?}");

    // The coverage gate. The universe is the set of text keys: every reason has `reason.<code>`,
    // every document `doc.<code>` (the texts test checks that every produced code has one).
    let mut uncovered = Vec::new();
    for (key, _) in tekser_rules::data::TEXTS {
        if let Some(code) = key.strip_prefix("reason.") {
            for st in ["met", "not_met"] {
                if !produced.contains(&(code.to_string(), st)) {
                    uncovered.push(format!("reason {code} is never {st}"));
                }
            }
        } else if let Some(code) = key.strip_prefix("doc.") {
            if !docs.contains(code) {
                uncovered.push(format!("document {code} is never produced"));
            }
        }
    }
    assert!(uncovered.is_empty(), "coverage gate: {} gaps:\n{}", uncovered.len(), uncovered.join("\n"));
    eprintln!("{} scenarios passed; {} (reason, status) pairs and {} documents covered", scenarios.len(), produced.len(), docs.len());
}

#[test]
fn there_are_at_least_eighty_scenarios() {
    let n = load().len();
    assert!(n >= 80, "only {n} scenarios");
}

/// Every text key an outcome needs to be shown.
fn text_keys(o: &Outcome) -> Vec<String> {
    let mut k = vec![format!("service.{}", json(&o.service)), format!("case.{}", o.case), format!("verdict.{}", json(&o.verdict))];
    k.extend(o.reasons.iter().map(|r| format!("reason.{}", r.code)));
    k.extend(o.reasons.iter().filter(|r| r.role == tekser_rules::report::Role::Step).map(|r| format!("todo.{}", r.code)));
    k.extend(o.appeal.iter().map(|w| format!("appeal.{}", w.code)));
    k.extend(o.documents.iter().flat_map(|d| [format!("doc.{}", d.code), format!("because.{}", d.because)]));
    k.extend(o.channels.iter().flat_map(|c| [format!("channel.{}", json(&c.channel)), format!("channel_why.{}", c.why)]));
    k.extend(o.refusal_grounds.iter().map(|w| format!("warning.{}", w.code)));
    k.extend(o.notes.iter().map(|w| format!("note.{}", w.code)));
    k.extend(o.timeline.iter().map(|m| format!("milestone.{}", m.code)));
    k.extend(o.deadline.iter().map(|d| format!("convention.{}", d.convention)));
    k.extend(o.limits.iter().map(|l| format!("limit.{}", serde_json::to_value(l).unwrap()["kind"].as_str().unwrap())));
    k
}

/// The invariants of an outcome (`tekser_rules::invariants`) over generated answers: every field
/// answered or not at random with a value of its kind (options, booleans, dates around the day,
/// small and edge numbers), for random days from 2021 to 2028 (days before the data begin are the hardening tests' concern). Seeded: a failure names its seed.
#[test]
fn invariants_hold_over_generated_answers() {
    use tekser_rules::answers::set::Value;
    use tekser_rules::answers::{all_fields, FieldKind};
    let mut seed: u64 = 0x7e55_e12d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let start = chrono::NaiveDate::from_ymd_opt(2021, 1, 1).unwrap();
    let mut failures = Vec::new();
    for case in 0..20_000 {
        let as_of = start + chrono::Days::new(next() % (8 * 366));
        let mut a = Answers::default();
        for f in all_fields() {
            if next() % 3 == 0 {
                continue;
            }
            let day = |n: u64| as_of - chrono::Days::new(n % 40_000) + chrono::Days::new(n % 400);
            let v = match f.kind {
                FieldKind::Bool => Value::Bool(next() % 2 == 0),
                FieldKind::Date => Value::Date(day(next())),
                FieldKind::Time => Value::Time(chrono::NaiveTime::from_hms_opt((next() % 24) as u32, (next() % 60) as u32, 0).unwrap()),
                FieldKind::Int => Value::Int([0, 1, 2, 3, 4, 5, 6, 2014, 2015, 2016][(next() % 10) as usize]),
                FieldKind::Number => Value::Number([0.0, 14.9, 15.0, 30.0, 45.0, 60.5, 300.0][(next() % 7) as usize]),
                FieldKind::Choice(o) => Value::Text(o[(next() % o.len() as u64) as usize].to_string()),
                FieldKind::Many(o) => Value::List(o.iter().filter(|_| next() % 3 == 0).map(|x| x.to_string()).collect()),
                FieldKind::Country => Value::Text(["KAZ", "RUS", "UZB", "DEU", "CHN", "stateless"][(next() % 6) as usize].into()),
                FieldKind::Iin | FieldKind::Bin | FieldKind::Text => continue,
            };
            let _ = a.set(f.path, v);
        }
        if !a.validate(as_of).is_empty() {
            continue;
        }
        let report = evaluate(&a, &Context { as_of });
        for o in &report.outcomes {
            for v in tekser_rules::invariants::violations(&a, o, as_of) {
                failures.push(format!("case {case} as of {as_of}: {v}\n  answers: {}", serde_json::to_string(&a).unwrap()));
            }
        }
        if failures.len() > 20 {
            break;
        }
    }
    assert!(failures.is_empty(), "{} invariant failures:\n{}", failures.len(), failures.join("\n"));
}
