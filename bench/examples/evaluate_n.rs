//! Evaluates the all-four example answers N times, for callgrind: instruction counts are repeatable
//! on a loaded machine where nanoseconds are not.
//!
//! ```text
//! cargo build --release -p tekser-bench --example evaluate_n
//! valgrind --tool=callgrind target/release/examples/evaluate_n registration 1000
//! callgrind_annotate callgrind.out.<pid>
//! ```
//!
//! The first argument is a service code (`phc`, `medical_licence`, `trp`, `registration`) or `all`;
//! the second the number of evaluations; a third, `reuse`, evaluates into one report each time
//! (`evaluate_into`, as a search does) instead of a new one. The answers are parsed once, before
//! the loop.

use std::hint::black_box;
use tekser_rules::{evaluate, evaluate_into, Answers, Context, Service};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let which = args.first().map(String::as_str).unwrap_or("registration");
    let n: u32 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let mut answers: Answers = serde_json::from_str(include_str!("../../examples/all-four.json")).expect("example parses");
    if which != "all" {
        let s = Service::ALL.into_iter().find(|s| s.code() == which).expect("a service code or all");
        answers.services = Some(vec![s]);
    }
    let ctx = Context { as_of: chrono::NaiveDate::from_ymd_opt(2026, 3, 20).expect("valid date") };
    let reuse = args.get(2).is_some_and(|a| a == "reuse");
    let mut report = evaluate(&answers, &ctx);
    let mut reasons = 0;
    for _ in 0..n {
        if reuse {
            evaluate_into(black_box(&answers), black_box(&ctx), &mut report);
        } else {
            report = evaluate(black_box(&answers), black_box(&ctx));
        }
        reasons += black_box(&report).outcomes.iter().map(|o| o.reasons.len()).sum::<usize>();
    }
    println!("{n} evaluations of {which}: {reasons} reasons");
}
