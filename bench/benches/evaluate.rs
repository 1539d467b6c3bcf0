//! Evaluating all four services on the all-four example answers (`examples/all-four.json`), and
//! each service alone on the same answers: each into a new report (`evaluate`), and into one report
//! used again (`evaluate_into`, as a search does: no allocation after the first). The answers are
//! parsed once, outside the measurement: the rules themselves parse nothing.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use tekser_rules::{evaluate, evaluate_into, Answers, Context, Service};

fn all_four(c: &mut Criterion) {
    let answers: Answers = serde_json::from_str(include_str!("../../examples/all-four.json")).expect("example parses");
    let ctx = Context { as_of: tekser_rules::report::Date::from_ymd_opt(2026, 3, 20).expect("valid date") };
    let cases = std::iter::once(("all four services".to_string(), answers.clone()))
        .chain(Service::ALL.map(|s| (format!("{s:?} alone"), Answers { services: Some(vec![s]), ..answers.clone() })));
    for (name, a) in cases {
        c.bench_function(&format!("evaluate {name}"), |b| b.iter(|| evaluate(black_box(&a), black_box(&ctx))));
        let mut report = evaluate(&a, &ctx);
        c.bench_function(&format!("evaluate_into {name}"), |b| {
            b.iter(|| evaluate_into(black_box(&a), black_box(&ctx), black_box(&mut report)))
        });
    }
}

criterion_group!(benches, all_four);
criterion_main!(benches);
