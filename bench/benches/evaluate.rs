//! Evaluating all four services on the all-four example answers (`examples/all-four.json`), and
//! each service alone on the same answers. The answers are parsed once, outside the measurement:
//! the rules themselves parse nothing.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use tekser_rules::{evaluate, Answers, Context, Service};

fn all_four(c: &mut Criterion) {
    let answers: Answers = serde_json::from_str(include_str!("../../examples/all-four.json")).expect("example parses");
    let ctx = Context { as_of: tekser_rules::report::Date::from_ymd_opt(2026, 3, 20).expect("valid date") };
    c.bench_function("evaluate all four services", |b| b.iter(|| evaluate(black_box(&answers), black_box(&ctx))));
    for s in Service::ALL {
        let one = Answers { services: Some(vec![s]), ..answers.clone() };
        c.bench_function(&format!("evaluate {s:?} alone"), |b| b.iter(|| evaluate(black_box(&one), black_box(&ctx))));
    }
}

criterion_group!(benches, all_four);
criterion_main!(benches);
