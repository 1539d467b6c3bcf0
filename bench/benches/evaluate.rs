//! Evaluating all four services on the all-four example answers (`examples/all-four.json`).
//! The answers are parsed once, outside the measurement: the rules themselves parse nothing.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use tekser_rules::{evaluate, Answers, Context};

fn all_four(c: &mut Criterion) {
    let answers: Answers = serde_json::from_str(include_str!("../../examples/all-four.json")).expect("example parses");
    let ctx = Context { as_of: chrono_date(2026, 3, 20) };
    c.bench_function("evaluate all four services", |b| b.iter(|| evaluate(black_box(&answers), black_box(&ctx))));
}

fn chrono_date(y: i32, m: u32, d: u32) -> tekser_rules::report::Date {
    tekser_rules::report::Date::from_ymd_opt(y, m, d).expect("valid date")
}

criterion_group!(benches, all_four);
criterion_main!(benches);
