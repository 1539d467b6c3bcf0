//! `tekser-fuzz`: a seeded, reproducible fuzz driver on stable Rust (no cargo-fuzz, no nightly).
//!
//! Each case starts from a seed answer set (`examples/`, the scenarios) and, by its own generator
//! (a pure function of the run's seed and the case number), goes through one target: typed
//! answers through `validate` and `evaluate`; an answers file as text through serde (the CLI) and
//! `from_json` (the app); a URL fragment through `from_fragment`; or one raw answer through
//! `parse_raw`. What each target promises is in `check.rs`; a panic is a failure too.
//!
//! ```text
//! tekser-fuzz [--seed N] [--execs N | --seconds S] [--case N]
//! ```
//!
//! Prints the executions, the rate and the failures; each failure with its seed, case and input, so
//! `--seed S --case N` replays it. Exit status 1 when anything failed, 2 on bad usage.

mod check;
mod corpus;
mod gen;
mod rng;

use rng::Rng;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::process::ExitCode;
use std::time::{Duration, Instant};

struct Args {
    seed: u64,
    execs: Option<u64>,
    seconds: Option<u64>,
    case: Option<u64>,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args { seed: 1, execs: None, seconds: None, case: None };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut num = || it.next().and_then(|v| v.parse::<u64>().ok()).ok_or(format!("{flag} needs a number"));
        match flag.as_str() {
            "--seed" => a.seed = num()?,
            "--execs" => a.execs = Some(num()?),
            "--seconds" => a.seconds = Some(num()?),
            "--case" => a.case = Some(num()?),
            _ => return Err(format!("unknown argument {flag}\nusage: tekser-fuzz [--seed N] [--execs N | --seconds S] [--case N]")),
        }
    }
    if a.execs.is_none() && a.seconds.is_none() {
        a.seconds = Some(10);
    }
    Ok(a)
}

/// One case: the target it went through, its input in words, and the promises it broke.
struct Case {
    target: &'static str,
    input: String,
    broken: Vec<String>,
}

fn run_case(seeds: &[corpus::Seed], seed: u64, case: u64) -> Case {
    let mut r = Rng::for_case(seed, case);
    let s = r.pick(seeds);
    let as_of = if r.one_in(3) { s.as_of.unwrap_or_else(|| gen::as_of(&mut r)) } else { gen::as_of(&mut r) };
    let today = gen::as_of(&mut r);
    // Words every message and evaluates twice now and then (they cost more than the rest).
    let deep = r.one_in(16);
    let mut input = format!("seed answers {:?}; as_of {as_of}; today {today}; ", s.name);
    let (target, run): (&'static str, Box<dyn FnOnce() -> Vec<String>>) = match r.below(8) {
        0..=2 => {
            let v = gen::mutate_json(&mut r, &s.answers, as_of);
            input.push_str(&format!("answers {v}"));
            let typed = serde_json::from_value::<tekser_rules::Answers>(v).unwrap_or_default();
            ("answers", Box::new(move || check::answers(&typed, as_of, deep)))
        }
        3..=4 => {
            let v = gen::mutate_json(&mut r, &s.answers, as_of);
            let text = gen::file_text(&mut r, &v);
            input.push_str(&format!("file {text:?}"));
            ("file", Box::new(move || check::file(&text, as_of, today, deep)))
        }
        5..=6 => {
            let base = match tekser_web::state::from_json(&s.answers.to_string()) {
                Ok(l) => tekser_web::state::to_link(&tekser_web::state::State { services: l.services, raw: l.raw, ..Default::default() })
                    .unwrap_or_default(),
                Err(_) => "#/check?lang=en".to_string(),
            };
            let frag = gen::fragment(&mut r, &base, as_of);
            input.push_str(&format!("fragment {frag:?}"));
            ("fragment", Box::new(move || check::fragment(&frag, today, deep)))
        }
        _ => {
            let f = gen::field(&mut r);
            let value = gen::raw(&mut r, f, as_of);
            input.push_str(&format!("raw {} = {value:?}", f.path));
            ("raw", Box::new(move || check::raw(f.path, &value, today)))
        }
    };
    let broken = match catch_unwind(AssertUnwindSafe(run)) {
        Ok(b) => b,
        Err(p) => {
            let msg = p.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| p.downcast_ref::<String>().cloned()).unwrap_or_default();
            vec![format!("panicked: {msg}")]
        }
    };
    Case { target, input, broken }
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("tekser-fuzz: {e}");
            return ExitCode::from(2);
        }
    };
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let seeds = match corpus::load(&root) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("tekser-fuzz: {e}");
            return ExitCode::from(2);
        }
    };
    // Panics are counted and reported with their input, not printed as they happen.
    std::panic::set_hook(Box::new(|_| {}));
    let start = Instant::now();
    let cases: Box<dyn Iterator<Item = u64>> = match args.case {
        Some(c) => Box::new(std::iter::once(c)),
        None => Box::new(0..args.execs.unwrap_or(u64::MAX)),
    };
    let deadline = args.seconds.map(|s| start + Duration::from_secs(s));
    let (mut execs, mut failures) = (0u64, 0u64);
    let mut by_target = std::collections::BTreeMap::<&str, u64>::new();
    for case in cases {
        if execs.is_multiple_of(256) && deadline.is_some_and(|d| Instant::now() >= d) {
            break;
        }
        let c = run_case(&seeds, args.seed, case);
        execs += 1;
        *by_target.entry(c.target).or_default() += 1;
        if !c.broken.is_empty() {
            failures += 1;
            if failures <= 10 {
                println!("FAIL seed {} case {case} ({}):\n  input: {}\n  broken: {:#?}", args.seed, c.target, c.input, c.broken);
            }
        }
        if args.case.is_some() {
            println!("case {case} ({}): {}", c.target, c.input);
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "tekser-fuzz: seed {}, {} seeds, {execs} executions in {secs:.1} s ({:.0}/s), {failures} failures; by target {by_target:?}",
        args.seed,
        seeds.len(),
        execs as f64 / secs.max(1e-9)
    );
    if failures > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
