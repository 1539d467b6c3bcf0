//! The "what would change it" search (`whatif::search`) for all four services at once, on answers
//! where each service needs a search: the PHC attachment outside its campaign with a clinic outside
//! the person's unit (no single change: pairs), the licence with the qualification not met and the
//! fee unpaid, registration in Astana over the norm with no exception (thresholds by bisection), and
//! a TRP still missing facts (the answers that settle them). The budget is 10 ms for all
//! four in headless Chromium; this is the native figure.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use tekser_rules::answers::set::Value;
use tekser_rules::{Answers, Service};

fn hard_case() -> Answers {
    let mut a: Answers = serde_json::from_str(include_str!("../../examples/all-four.json")).expect("example parses");
    let t = |s: &str| Value::Text(s.to_string());
    let changes = [
        ("phc.reason", t("campaign")),
        ("phc.organisation_in_residence_unit", Value::Bool(false)),
        ("licence.meets_qualification_requirements", Value::Bool(false)),
        ("licence.fee_paid", Value::Bool(false)),
        ("registration.registered_count", Value::Int(6)),
        ("registration.relation_to_owner", t("none")),
        ("registration.fulltime_student_in_astana", Value::Bool(false)),
    ];
    for (path, v) in changes {
        a.set(path, v).expect("a valid answer");
    }
    a.services = Some(Service::ALL.to_vec());
    a
}

fn search(c: &mut Criterion) {
    let answers = hard_case();
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 3, 20).expect("valid date");
    let found = tekser_rules::whatif::search(&answers, as_of);
    assert_eq!(found.len(), 4, "every service needs a search: {found:?}");
    c.bench_function("whatif: all four services", |b| b.iter(|| tekser_rules::whatif::search(black_box(&answers), black_box(as_of))));
}

criterion_group!(benches, search);
criterion_main!(benches);
