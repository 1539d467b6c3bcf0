//! Builds the all-four example's bundle N times (default 1), for a profiler: `valgrind --tool=callgrind
//! target/release/examples/build_n 1`. The request is the criterion benchmark's (bench/benches/bundle.rs)
//! without the details.

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(1);
    let req = tekser_bundle::Request {
        answers: include_str!("../../examples/all-four.json").to_string(),
        as_of: chrono::NaiveDate::from_ymd_opt(2026, 3, 20).expect("valid date"),
        lang: tekser_rules::Lang::Kk,
        base_url: Some("https://tekser.example/".into()),
    };
    let mut size = 0;
    for _ in 0..n {
        let b = tekser_bundle::build(&req).expect("the bundle builds");
        size = b.zip.len();
        for (name, bytes) in &b.files {
            if n == 1 {
                eprintln!("{name}: {} bytes", bytes.len());
            }
        }
    }
    eprintln!("ZIP {size} bytes");
}
