//! Building the application bundle natively: all four services checked on the all-four example
//! (`examples/all-four.json`) with a full set of details and a base URL (so the checklists carry the
//! QR code), in Kazakh — the forms, portal sheets and checklists of the three services the person may
//! apply for (the temporary residence permit is not for a citizen), answers.json, result.json and the
//! ZIP. The request's text is made once, outside the measurement.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use tekser_bundle::{build, Request};
use tekser_rules::Lang;

const DETAILS: &str = r#"{"applicant": {"full_name": "Әлібек Құрманұлы Ғабитов", "address": "010000, Астана қ., Қабанбай батыр даңғылы 11, 45 пәтер",
  "email": "alibek@mail.kz", "phone": "+7 701 234 56 78"},
  "licence": {"licensor": "Астана қаласының денсаулық сақтау басқармасы", "activity": "Амбулаториялық-емханалық көмек",
  "paper_copy": "yes", "bank_account": "KZ12 3456 7890 1234 5678, Халық Банкі", "object_address": "Астана қ., Бөгенбай батыр даңғылы 20",
  "sheets_attached": "12"},
  "phc": {"organisation": "№ 4 қалалық емхана"},
  "registration": {"owner_name": "Гүлнар Әбенова", "owner_iin": "921115400353", "region": "Астана қаласы", "address": "Сығанақ көшесі 18, 7 пәтер"}}"#;

fn full_bundle(c: &mut Criterion) {
    let mut v: serde_json::Value = serde_json::from_str(include_str!("../../examples/all-four.json")).expect("example parses");
    v["details"] = serde_json::from_str(DETAILS).expect("details parse");
    let req = Request {
        answers: v.to_string(),
        as_of: chrono::NaiveDate::from_ymd_opt(2026, 3, 20).expect("valid date"),
        lang: Lang::Kk,
        base_url: Some("https://tekser.example/".into()),
    };
    let b = build(&req).expect("the bundle builds");
    eprintln!("bundle: {} files, ZIP {} bytes", b.files.len(), b.zip.len());
    c.bench_function("bundle of all four services (three forms, portal sheets, checklists, ZIP)", |bench| {
        bench.iter(|| build(black_box(&req)))
    });
}

criterion_group!(benches, full_bundle);
criterion_main!(benches);
