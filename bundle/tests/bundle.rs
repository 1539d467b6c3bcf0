//! The bundle built from every example in `examples/` (with a set of details in Kazakh added) in
//! each language: the ZIP holds exactly the expected files; `pdftotext` of every PDF holds the filled
//! values, Kazakh letters included; `zbarimg` reads the results link from a rendering of the
//! checklist, with no detail in it; the same request gives the same bytes; `answers.json` loads back
//! through the app's reader to the same answers and details. The first page of each PDF is rendered
//! to `target/bundle-pages/<example>-<lang>/` for review.
//!
//! Needs poppler-utils and zbar-tools (`scripts/web-tools` installs them).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use tekser_bundle::{build, input, Bundle, Request};
use tekser_rules::Lang;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
const BASE: &str = "https://tekser.example/app/";
const LANGS: [(Lang, &str); 3] = [(Lang::Kk, "kk"), (Lang::Ru, "ru"), (Lang::En, "en")];

/// Details for every form, with the Kazakh letters Ә Ғ Қ Ң Ө Ұ Ү Һ І among them.
const DETAILS: &str = r#"{
  "applicant": {"full_name": "Әлібек Құрманұлы Ғабитов", "iin": "850305400120",
    "address": "010000, Астана қ., Қабанбай батыр даңғылы 11, 45 пәтер", "email": "alibek@mail.kz",
    "phone": "+7 701 234 56 78", "passport_name": "ALIBEK KURMANULY", "passport_number": "N12345678",
    "nationality": "Өзбекстан"},
  "entity": {"name": "«Шұғыла Һәм Іңкәр» ЖШС", "location": "Алматы қ.", "bin": "750620300115",
    "address": "050000, Алматы қ., Әуезов ауданы, Жандосов көшесі 5", "head_name": "Нұрлан Өтегенұлы"},
  "licence": {"licensor": "Астана қаласының денсаулық сақтау басқармасы",
    "activity": "Амбулаториялық-емханалық көмек: алғашқы медициналық-санитариялық көмек", "paper_copy": "yes",
    "fax": "8 7172 55 55 55", "bank_account": "KZ12 3456 7890 1234 5678, Халық Банкі",
    "object_address": "010000, Астана қ., Сарыарқа ауданы, Бөгенбай батыр даңғылы 20", "sheets_attached": "12",
    "licence_number": "KZ55LAA00012345", "licence_date": "15.03.2021"},
  "phc": {"organisation": "№ 4 қалалық емхана"},
  "registration": {"owner_name": "Гүлнар Әбенова", "owner_iin": "921115400353", "region": "Астана қаласы",
    "address": "Сығанақ көшесі 18, 7 пәтер", "period": "тұрақты"},
  "trp": {"host": "Әл-Фараби атындағы Қазақ ұлттық университеті", "address": "Алматы қ., Әл-Фараби даңғылы 71",
    "period": "бір жыл"}
}"#;

/// The files each example's bundle holds, in order.
fn expected(example: &str) -> Vec<&'static str> {
    let service: &[&str] = match example {
        "all-four" => &[
            "phc/checklist.pdf",
            "phc/checklist.html",
            "phc/phc-application.pdf",
            "phc/portal.pdf",
            "medical_licence/checklist.pdf",
            "medical_licence/checklist.html",
            "medical_licence/licence-appendix-2.pdf",
            "medical_licence/portal.pdf",
            "registration/checklist.pdf",
            "registration/checklist.html",
            "registration/registration-consent.pdf",
            "registration/portal.pdf",
        ],
        "medical-licence" => &[
            "medical_licence/checklist.pdf",
            "medical_licence/checklist.html",
            "medical_licence/licence-appendix-3.pdf",
            "medical_licence/portal.pdf",
        ],
        "phc" => &["phc/checklist.pdf", "phc/checklist.html", "phc/phc-application.pdf", "phc/portal.pdf"],
        "registration-astana" => &[
            "registration/checklist.pdf",
            "registration/checklist.html",
            "registration/registration-consent.pdf",
            "registration/portal.pdf",
        ],
        "trp" => &["trp/checklist.pdf", "trp/checklist.html", "trp/trp-questionnaire.pdf", "trp/portal.pdf"],
        other => panic!("no expected files for the example {other}"),
    };
    let mut all = vec!["README.txt"];
    all.extend_from_slice(service);
    all.extend(["answers.json", "result.json", "LICENSE-DejaVu.txt"]);
    all
}

/// An example with the details added.
struct Case {
    name: String,
    text: String,
    as_of: chrono::NaiveDate,
}

fn cases() -> Vec<Case> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(format!("{ROOT}/examples"))
        .expect("examples/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    let details: serde_json::Value = serde_json::from_str(DETAILS).expect("the details are JSON");
    names
        .iter()
        .map(|p| {
            let mut v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(p).expect("example")).expect("example is JSON");
            v["details"] = details.clone();
            let as_of = v["application"]["date"]
                .as_str()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .unwrap_or_else(|| chrono::NaiveDate::from_ymd_opt(2026, 3, 2).expect("a day"));
            let name = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
            Case { name, text: serde_json::to_string_pretty(&v).expect("JSON"), as_of }
        })
        .collect()
}

fn request(c: &Case, lang: Lang) -> Request {
    Request { answers: c.text.clone(), as_of: c.as_of, lang, base_url: Some(BASE.into()) }
}

/// Every (example, language) bundle, built once for all tests.
fn bundles() -> &'static Vec<(Case, Lang, &'static str, Bundle)> {
    static ALL: OnceLock<Vec<(Case, Lang, &'static str, Bundle)>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut all = Vec::new();
        for c in cases() {
            for (lang, code) in LANGS {
                let b = build(&request(&c, lang)).unwrap_or_else(|e| panic!("{} {code}: {e:?}", c.name));
                all.push((Case { name: c.name.clone(), text: c.text.clone(), as_of: c.as_of }, lang, code, b));
            }
        }
        all
    })
}

/// The files of a ZIP, by name, in order.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP");
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).expect("a file");
            let mut b = Vec::new();
            f.read_to_end(&mut b).expect("read");
            (f.name().map(|n| n.to_string()).unwrap_or_default(), b)
        })
        .collect()
}

/// A folder under `target/` for this case's files.
fn dir(kind: &str, c: &Case, lang: &str) -> PathBuf {
    let d = Path::new(ROOT).join("target").join(kind).join(format!("{}-{lang}", c.name));
    std::fs::create_dir_all(&d).expect("target folder");
    d
}

fn run(cmd: &mut Command) -> std::process::Output {
    cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e} (run scripts/web-tools)"))
}

/// The text of a PDF, white space collapsed.
fn pdf_text(path: &Path) -> String {
    let out = run(Command::new("pdftotext").arg("-enc").arg("UTF-8").arg(path).arg("-"));
    assert!(out.status.success(), "pdftotext {}: {}", path.display(), String::from_utf8_lossy(&out.stderr));
    collapse(&String::from_utf8_lossy(&out.stdout))
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_zip_holds_exactly_the_expected_files_and_its_name_says_the_services_and_day() {
    for (c, _, code, b) in bundles() {
        let names: Vec<String> = unzip(&b.zip).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, expected(&c.name), "{} {code}", c.name);
        let listed: Vec<&str> = b.files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(listed, names, "the files listed are those zipped");
        assert!(b.name.starts_with("tekser-") && b.name.ends_with(&format!("{}.zip", c.as_of)), "{}", b.name);
    }
}

#[test]
fn every_pdf_holds_the_filled_values_kazakh_letters_included() {
    let details = tekser_bundle::input::read(&cases()[0].text, cases()[0].as_of).expect("read").details;
    assert!(details.validate().is_empty(), "the test's details are all valid: {:?}", details.validate());
    for (c, lang, code, b) in bundles() {
        let out = dir("bundle-test", c, code);
        let input = input::read(&c.text, c.as_of).expect("read");
        for (name, bytes) in unzip(&b.zip).iter().filter(|(n, _)| n.ends_with(".pdf")) {
            let path = out.join(name.replace('/', "-"));
            std::fs::write(&path, bytes).expect("write");
            let text = pdf_text(&path);
            let form = tekser_rules::details::FORMS.iter().find(|f| name.ends_with(&tekser_bundle::forms::file_name(f)));
            let fields: Vec<&str> = match (form, name.ends_with("portal.pdf")) {
                (Some(f), _) => f.fields.to_vec(),
                (None, true) => {
                    let service = name.split('/').next().unwrap_or_default();
                    let s = tekser_rules::Service::ALL.into_iter().find(|s| input::service_code(*s) == service).expect("a service");
                    let all = tekser_rules::details::forms_for(s, &input.answers);
                    let online: Vec<_> = all.iter().filter(|f| tekser_bundle::forms::is_online(f)).collect();
                    let forms = if online.is_empty() { all.iter().collect() } else { online };
                    forms.iter().flat_map(|f| f.fields.iter().copied()).filter(|p| *p != "licence.paper_copy").collect()
                }
                (None, false) => {
                    assert!(text.contains(&collapse(&tekser_rules::text::word("ui.screening_notice", *lang))), "{name}: {text}");
                    Vec::new()
                }
            };
            for path in fields {
                let v = match path {
                    "licence.paper_copy" => "X".to_string(),
                    "licence.sheets_attached" => "12".to_string(),
                    p => tekser_bundle::forms::value(p, &input).unwrap_or_else(|| panic!("{p} has a value")),
                };
                assert!(text.contains(&collapse(&v)), "{} {code} {name}: {path} = {v:?} not in {text}", c.name);
            }
            if form.is_some() {
                assert!(text.chars().any(|ch| "ӘҒҚҢӨҰҮҺІәғқңөұүһі".contains(ch)), "{name}: Kazakh letters");
            }
        }
    }
}

#[test]
fn the_checklist_s_qr_code_is_the_results_link_and_carries_no_detail() {
    for (c, lang, code, b) in bundles().iter().filter(|(_, l, _, _)| *l == Lang::Ru) {
        let out = dir("bundle-test", c, code);
        let input = input::read(&c.text, c.as_of).expect("read");
        let link = tekser_rules::link::results_link(BASE, *lang, &input.services, input.pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert!(link.starts_with(&format!("{BASE}#/results?lang=ru&s=")), "{link}");
        // Every detail long enough to be told apart from an answer's code (not "yes", not "12").
        for (_, v) in input.details.iter().filter(|(_, v)| v.chars().count() > 4) {
            assert!(!link.contains(v) && !link.contains(&v.replace(' ', "%20")), "a detail in the link: {v}");
        }
        for (name, bytes) in unzip(&b.zip).iter().filter(|(n, _)| n.ends_with("checklist.pdf")) {
            let pdf = out.join(name.replace('/', "-"));
            std::fs::write(&pdf, bytes).expect("write");
            let prefix = out.join(format!("qr-{}", name.replace('/', "-").trim_end_matches(".pdf")));
            let r = run(Command::new("pdftoppm").args(["-r", "200", "-png"]).arg(&pdf).arg(&prefix));
            assert!(r.status.success(), "pdftoppm: {}", String::from_utf8_lossy(&r.stderr));
            let mut decoded = Vec::new();
            for png in std::fs::read_dir(&out).expect("dir").filter_map(|e| e.ok().map(|e| e.path())) {
                if png.to_string_lossy().starts_with(&*prefix.to_string_lossy()) && png.extension().is_some_and(|x| x == "png") {
                    let z = run(Command::new("zbarimg").args(["--raw", "-q"]).arg(&png));
                    decoded.extend(String::from_utf8_lossy(&z.stdout).lines().map(str::to_string));
                }
            }
            assert_eq!(decoded, vec![link.clone()], "{} {name}", c.name);
        }
        let html =
            String::from_utf8(unzip(&b.zip).into_iter().find(|(n, _)| n.ends_with("checklist.html")).expect("html").1).expect("UTF-8");
        assert!(html.contains("<svg role=\"img\"") && html.starts_with("<!DOCTYPE html>") && html.contains("lang=\"ru\""));
    }
}

#[test]
fn the_same_request_gives_the_same_bytes() {
    for c in cases().iter().take(2) {
        let (a, b) = (build(&request(c, Lang::Kk)).expect("a"), build(&request(c, Lang::Kk)).expect("b"));
        assert!(a.zip == b.zip, "{}: two builds differ", c.name);
    }
    let (_, _, _, first) = &bundles()[0];
    let pdf = &first.files.iter().find(|(n, _)| n.ends_with(".pdf")).expect("a PDF").1;
    let text = String::from_utf8_lossy(pdf);
    assert!(text.contains("/Lang") && text.contains("/StructTreeRoot"), "tagged, with its language");
}

#[test]
fn answers_json_loads_back_in_the_app_to_the_same_answers_and_details() {
    use tekser_web::state::{from_json, State};
    for (c, _, code, b) in bundles().iter().filter(|(_, l, _, _)| *l == Lang::En) {
        let saved = String::from_utf8(b.files.iter().find(|(n, _)| n == "answers.json").expect("answers.json").1.clone()).expect("UTF-8");
        let back = from_json(&saved).unwrap_or_else(|e| panic!("{} {code}: {e:?}", c.name));
        let original = from_json(&c.text).expect("the example loads");
        assert_eq!(back, original, "{}: the app reads the same raw answers, services and details", c.name);
        assert!(back.skipped.is_empty(), "{:?}", back.skipped);
        let input = input::read(&c.text, c.as_of).expect("read");
        assert_eq!(back.details, input.details);
        let state = State { raw: back.raw.clone(), services: back.services.clone(), ..State::default() };
        assert_eq!(state.answers(), input.answers, "{}: the same answers", c.name);
    }
}

#[test]
fn the_first_page_of_every_pdf_is_rendered_for_review() {
    for (c, _, code, b) in bundles() {
        let out = dir("bundle-pages", c, code);
        for (name, bytes) in b.files.iter().filter(|(n, _)| n.ends_with(".pdf")) {
            let file = name.replace('/', "-");
            let pdf = out.join(&file);
            std::fs::write(&pdf, bytes).expect("write");
            let prefix = out.join(file.trim_end_matches(".pdf"));
            let r = run(Command::new("pdftoppm").args(["-r", "60", "-png", "-singlefile", "-f", "1", "-l", "1"]).arg(&pdf).arg(&prefix));
            assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
            std::fs::remove_file(&pdf).expect("remove");
        }
    }
}

/// Hand-made bad files: each builds (blanks where a value is bad), none panics.
#[test]
fn bad_and_missing_values_give_blanks_never_an_error() {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).expect("a day");
    let files = [
        "{}",
        r#"{"services": "phc"}"#,
        r#"{"services": [7, null, "mars"], "person": "citizen"}"#,
        r#"{"person": {"status": "martian", "iin": "12", "date_of_birth": "1990-02-30"}, "application": {"date": "9999-01-01", "time": "25:99"}}"#,
        r#"{"registration": {"area_total_m2": -1e308, "registered_count": -4, "arrival_date": [1]}, "licence": {"studies_completed_year": 99999999999}}"#,
        r#"{"details": {"applicant": {"full_name": "漢字 \u0007 <b>", "phone": "call me", "email": "@"}, "entity": [1], "licence": {"sheets_attached": "many"}}}"#,
        r#"{"details": "x", "phc": {"categories": ["pensioner", 3]}}"#,
    ];
    for f in files {
        for (lang, _) in LANGS {
            let b = build(&Request { answers: f.into(), as_of: day, lang, base_url: Some(BASE.into()) })
                .unwrap_or_else(|e| panic!("{f}: {e:?}"));
            assert!(b.files.iter().any(|(n, _)| n == "answers.json"), "{f}");
        }
    }
    // Nothing answered: every service still needs information, so no service's files are in.
    let empty = build(&Request { answers: "{}".into(), as_of: day, lang: Lang::En, base_url: None }).expect("builds");
    let folders = ["phc/", "medical_licence/", "trp/", "registration/"];
    assert!(
        empty.files.iter().all(|(n, _)| !folders.iter().any(|f| n.starts_with(f))),
        "{:?}",
        empty.files.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    // A person who may apply for the PHC attachment (examples/phc.json) with those bad details: the
    // bundle holds files only for a service the person may apply for.
    let mut phc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{ROOT}/examples/phc.json")).expect("examples/phc.json")).expect("JSON");
    phc["details"] = serde_json::from_str::<serde_json::Value>(files[5]).expect("JSON")["details"].clone();
    let bad_phone = build(&Request { answers: phc.to_string(), as_of: day, lang: Lang::En, base_url: None }).expect("builds");
    let form = &bad_phone.files.iter().find(|(n, _)| n == "phc/phc-application.pdf").expect("the PHC form").1;
    let path = std::env::temp_dir().join("tekser-bad-phone.pdf");
    std::fs::write(&path, form).expect("write");
    let text = pdf_text(&path);
    assert!(!text.contains("call me") && text.contains("? ?"), "a bad phone is a blank, a character the font lacks a ?: {text}");
    for not_object in ["", "[]", "\"answers\"", "{", "null"] {
        assert_eq!(
            build(&Request { answers: not_object.into(), as_of: day, lang: Lang::Kk, base_url: None }),
            Err(tekser_bundle::Error::NotAnswers)
        );
    }
}

mod generated {
    use super::*;
    use proptest::prelude::*;

    /// A JSON value of any kind, small.
    fn value() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<f64>().prop_map(|x| serde_json::Number::from_f64(x).map_or(serde_json::Value::Null, serde_json::Value::Number)),
            ".{0,24}".prop_map(serde_json::Value::from),
            prop::sample::select(vec!["yes", "citizen", "2026-03-02", "12:30", "pensioner", "+7 701 234 56 78", "940140000385"])
                .prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(2, 8, 3, |inner| prop::collection::vec(inner, 0..3).prop_map(serde_json::Value::from))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
        /// Any value at any known answer or detail gives a bundle, never a panic.
        #[test]
        fn any_value_anywhere_gives_a_bundle(
            picks in prop::collection::vec((0usize..200, value()), 1..6),
            service in prop::sample::select(vec!["phc", "medical_licence", "trp", "registration"]),
        ) {
            let answer_paths: Vec<&str> = tekser_rules::answers::all_fields().map(|f| f.path).collect();
            let detail_paths: Vec<&str> = tekser_rules::details::FIELDS.iter().map(|f| f.path).collect();
            let mut root = serde_json::json!({"services": [service], "details": {}});
            for (i, v) in picks {
                let (target, path) = if i % 2 == 0 {
                    (&mut root, answer_paths[i / 2 % answer_paths.len()])
                } else {
                    (&mut root["details"], detail_paths[i / 2 % detail_paths.len()])
                };
                let (section, name) = path.split_once('.').unwrap_or(("", path));
                if !target[section].is_object() {
                    target[section] = serde_json::json!({});
                }
                target[section][name] = v;
            }
            let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).expect("a day");
            let b = build(&Request { answers: root.to_string(), as_of: day, lang: Lang::Ru, base_url: Some(BASE.into()) });
            prop_assert!(b.is_ok(), "{root}: {b:?}");
        }
    }
}
