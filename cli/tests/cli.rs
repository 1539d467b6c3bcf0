//! The `tekser` binary end to end: exit codes, messages that name the field, every subcommand.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn tekser(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tekser"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(s) = stdin {
        child.stdin.take().unwrap().write_all(s.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn every_example_checks_in_every_language_and_format() {
    let examples: Vec<_> = (std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples")).unwrap().map(|e| e.unwrap().path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert!(!examples.is_empty());
    for ex in examples {
        let path = ex.to_string_lossy().to_string();
        for lang in ["kk", "ru", "en"] {
            let o = tekser(&["check", &path, "--lang", lang, "--format", "text"], None);
            assert!(o.status.success(), "{path} {lang}: {}", stderr(&o));
            assert!(!stdout(&o).contains("reason."), "{path} {lang}: an untranslated key in\n{}", stdout(&o));
        }
        let o = tekser(&["check", &path], None);
        let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(report["edition"]["hash"].as_str().unwrap().len(), 64);
    }
}

#[test]
fn a_wrong_iin_exits_2_naming_the_field_in_the_chosen_language() {
    let o = tekser(&["check", "-", "--lang", "ru"], Some(r#"{"person": {"iin": "061211600013"}}"#));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("person.iin") && stderr(&o).contains("контрольная"), "{}", stderr(&o));
}

#[test]
fn malformed_json_and_unknown_fields_exit_2_naming_the_field() {
    let o = tekser(&["check", "-"], Some(r#"{"person": {"date_of_birth": "1990-02-30"}}"#));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("person.date_of_birth"), "{}", stderr(&o));
    let o = tekser(&["check", "-"], Some(r#"{"person": {"age": 30}}"#));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("age"), "{}", stderr(&o));
    let o = tekser(&["check", "-"], Some("not json"));
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_date_of_birth_after_as_of_is_bad_input() {
    let o = tekser(&["check", "-", "--as-of", "2026-01-01", "--lang", "en"], Some(r#"{"person": {"date_of_birth": "2026-06-01"}}"#));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("person.date_of_birth"), "{}", stderr(&o));
}

#[test]
fn dates_out_of_range_exit_2_naming_the_field_and_the_bounds() {
    for (input, field) in [
        (r#"{"application": {"date": "+262142-12-21"}}"#, "application.date"),
        (r#"{"application": {"date": "+262142-12-30"}, "person": {"date_of_birth": "-262143-01-01"}}"#, "application.date"),
        (r#"{"person": {"date_of_birth": "0000-01-01"}}"#, "person.date_of_birth"),
        (r#"{"registration": {"stay_until": "9999-12-31"}}"#, "registration.stay_until"),
    ] {
        let o = tekser(&["check", "-", "--lang", "en"], Some(input));
        assert_eq!(o.status.code(), Some(2), "{input}: {}", stderr(&o));
        assert!(stderr(&o).contains(field) && stderr(&o).contains("The date must be between"), "{input}: {}", stderr(&o));
    }
    let o = tekser(&["check", "-", "--as-of", "2022-08-06"], Some(r#"{"application": {"date": "-262143-01-01"}}"#));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("application.date"), "{}", stderr(&o));
    let o = tekser(&["check", "-", "--as-of", "9999-01-01", "--lang", "ru"], Some("{}"));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--as-of") && stderr(&o).contains("31.12.2100"), "{}", stderr(&o));
}

#[test]
fn a_closed_standard_output_ends_quietly_and_a_full_disk_exits_1() {
    for args in [&["quotes"][..], &["check", "examples/all-four.json"], &["calendar", "2026"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tekser"))
            .args(args)
            .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).is_empty(), "{args:?}: {}", stderr(&o));
    }
    if let Ok(full) = std::fs::File::create("/dev/full") {
        let o = Command::new(env!("CARGO_BIN_EXE_tekser"))
            .args(["quotes"])
            .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
            .stdout(full)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(stderr(&o).contains("standard output") && !stderr(&o).contains("panicked"), "{}", stderr(&o));
    }
}

#[test]
fn the_input_is_one_json_object_in_utf8() {
    for (input, place) in [("{}{}", "line 1, column 3"), ("[]", "the whole file"), (r#"{"person": []}"#, "`person`")] {
        let o = tekser(&["check", "-", "--lang", "en"], Some(input));
        assert_eq!(o.status.code(), Some(2), "{input}");
        assert!(stderr(&o).contains(place), "{input}: {}", stderr(&o));
    }
    let o = tekser(&["check", "-", "--as-of", "2026-03-02"], Some("\u{feff}{\"person\": {\"status\": \"citizen\"}}"));
    assert!(o.status.success(), "a byte-order mark is skipped: {}", stderr(&o));
    let mut child = Command::new(env!("CARGO_BIN_EXE_tekser"))
        .args(["check", "-", "--lang", "ru"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("{}".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    child.stdin.take().unwrap().write_all(&utf16).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("UTF-16") && stderr(&o).contains("UTF-8"), "{}", stderr(&o));
}

#[test]
fn an_empty_list_of_services_checks_all_four() {
    let o = tekser(&["check", "-", "--as-of", "2026-03-02"], Some(r#"{"services": []}"#));
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(report["outcomes"].as_array().unwrap().len(), 4);
}

#[test]
fn as_of_comes_from_the_flag_or_the_application_date() {
    let o = tekser(&["check", "-", "--as-of", "2025-05-05"], Some("{}"));
    assert!(stdout(&o).contains("\"as_of\": \"2025-05-05\""));
    let o = tekser(&["check", "-"], Some(r#"{"application": {"date": "2026-02-02"}}"#));
    assert!(stdout(&o).contains("\"as_of\": \"2026-02-02\""));
}

#[test]
fn calendar_lists_moved_days_and_transfer_orders() {
    let o = tekser(&["calendar", "2025", "--lang", "en"], None);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("2025-01-03") && out.contains("2025-01-05") && out.contains("2025-03-25"), "{out}");
    let o = tekser(&["calendar", "2031"], None);
    assert!(o.status.success());
    assert!(stdout(&o).starts_with('#'), "a year beyond the data is flagged");
    assert_eq!(tekser(&["calendar", "next"], None).status.code(), Some(2));
}

#[test]
fn schema_is_a_json_schema_of_the_answers() {
    let o = tekser(&["schema"], None);
    let schema: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(schema["title"], "Answers");
    for section in ["person", "application", "phc", "licence", "trp", "registration"] {
        assert!(schema["properties"][section].is_object(), "{section}");
    }
}

#[test]
fn quotes_hold_every_provision_with_its_words() {
    let o = tekser(&["quotes"], None);
    let quotes: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(quotes.len(), tekser_rules::data::PROVISIONS.len());
    for p in tekser_rules::data::PROVISIONS {
        assert_eq!(quotes[p.id]["quote"], p.quote, "{}", p.id);
    }
    assert!(quotes.values().all(|q| q["quote"].as_str().is_some_and(|s| !s.is_empty())), "no provision without words");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(tekser(&[], None).status.code(), Some(2));
    assert_eq!(tekser(&["check"], None).status.code(), Some(2));
    assert_eq!(tekser(&["check", "x.json", "--format", "pdf"], None).status.code(), Some(2));
    assert_eq!(tekser(&["check", "does-not-exist.json"], None).status.code(), Some(2));
}

#[test]
fn diff_says_what_the_end_of_the_pilot_changes_in_every_language() {
    let file = "examples/registration-astana.json";
    for lang in ["kk", "ru", "en"] {
        let o = tekser(&["diff", file, "--from", "2026-06-30", "--to", "2026-07-01", "--lang", lang, "--format", "text"], None);
        assert!(o.status.success(), "{lang}: {}", stderr(&o));
        let out = stdout(&o);
        assert!(out.contains("30.06.2026") && out.contains("01.07.2026"), "{out}");
        assert!(!out.contains("change.") && !out.contains("channel.") && !out.contains("doc."), "{lang}: an untranslated key in\n{out}");
        assert!(out.contains("500/НҚ"), "{lang}: the pilot cited\n{out}");
    }
    let o = tekser(&["diff", file, "--from", "2026-06-30", "--to", "2026-07-01"], None);
    let diff: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let kinds: Vec<&str> = diff["changes"].as_array().unwrap().iter().map(|c| c["what"]["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"channel_closes") && kinds.contains(&"channel_opens"), "{kinds:?}");
    // The same day twice: nothing changes, said in words.
    let o = tekser(&["diff", file, "--from", "2026-03-02", "--to", "2026-03-02", "--lang", "en", "--format", "text"], None);
    assert!(stdout(&o).contains("Nothing changes for you."), "{}", stdout(&o));
    // --from and --to are both needed, and each is a day the rules cover.
    assert_eq!(tekser(&["diff", file, "--from", "2026-06-30"], None).status.code(), Some(2));
    assert_eq!(tekser(&["diff", file, "--from", "2026-06-31", "--to", "2026-07-01"], None).status.code(), Some(2));
    assert_eq!(tekser(&["diff", file, "--from", "1990-01-01", "--to", "2026-07-01"], None).status.code(), Some(2));
}

#[test]
fn whatif_and_when_answer_in_every_language_without_a_key_showing() {
    // The PHC example, applying on 2 March 2026: outside the campaign.
    let phc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/phc.json")).unwrap().replace("2026-09-04", "2026-03-02");
    for lang in ["kk", "ru", "en"] {
        let o = tekser(&["whatif", "-", "--lang", lang, "--format", "text"], Some(&phc));
        assert!(o.status.success(), "{lang}: {}", stderr(&o));
        let out = stdout(&o);
        assert!(out.contains("01.09.2026"), "{lang}: the campaign's first day\n{out}");
        assert!(!out.contains("whatif.") && !out.contains("question.") && !out.contains("reason."), "{lang}: a key in\n{out}");
        let o = tekser(&["when", "examples/all-four.json", "--as-of", "2026-03-20", "--lang", lang, "--format", "text"], None);
        assert!(o.status.success(), "{lang}: {}", stderr(&o));
        let out = stdout(&o);
        assert!(out.contains("26.03.2026") && out.contains("18:00"), "{lang}: the PHC's soonest result\n{out}");
        assert!(!out.contains("timing.") && !out.contains("channel.") && !out.contains("verdict."), "{lang}: a key in\n{out}");
    }
    let o = tekser(&["when", "-", "--as-of", "2026-03-02"], Some(&phc));
    let timing: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(timing[0]["opens_on"], "2026-09-01");
    let o = tekser(&["whatif", "-"], Some(&phc));
    let found: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(found[0]["suggestions"].as_array().unwrap().iter().any(|s| s["changes"][0]["to"] == "2026-09-01"));
    assert_eq!(tekser(&["when", "examples/phc.json", "--as-of", "1999-01-01"], None).status.code(), Some(2));
    assert_eq!(tekser(&["whatif"], None).status.code(), Some(2));
}

/// docs/rules.md and docs/rules/*.dot are what `tekser rules` writes for the day they name, and each
/// SVG was rendered from its graph (Graphviz copies the graph's hash comment into it): run
/// `scripts/docs` after changing a rule.
#[test]
fn the_rules_map_in_docs_is_fresh() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let md = std::fs::read_to_string(format!("{root}/docs/rules.md")).expect("docs/rules.md (scripts/docs)");
    let day = md.split("--as-of ").nth(1).and_then(|s| s.get(..10)).expect("the day the map names");
    let o = tekser(&["rules", "--as-of", day, "--lang", "en", "--format", "md"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o) == md, "docs/rules.md is stale: run scripts/docs {day}");
    for service in ["phc", "medical_licence", "trp", "registration"] {
        let dot = std::fs::read_to_string(format!("{root}/docs/rules/{service}.dot")).expect("the graph");
        let o = tekser(&["rules", "--as-of", day, "--lang", "en", "--format", "dot", "--service", service], None);
        assert!(stdout(&o) == dot, "docs/rules/{service}.dot is stale: run scripts/docs {day}");
        let hash = dot.split("tekser-rules-map ").nth(1).and_then(|s| s.get(..16)).expect("the graph's hash");
        let svg = std::fs::read_to_string(format!("{root}/docs/rules/{service}.svg")).expect("the rendering");
        assert!(
            svg.contains(hash) && svg.contains("<svg"),
            "docs/rules/{service}.svg was not rendered from its graph: run scripts/docs {day}"
        );
    }
    // Every condition of every service is in the map, with its provision.
    let codes: Vec<&str> =
        tekser_rules::text::language(tekser_rules::Lang::En).into_iter().filter_map(|(k, _)| k.strip_prefix("reason.")).collect();
    assert!(codes.len() >= 40 && codes.iter().all(|c| md.contains(&format!("(`{c}`)"))), "a condition missing from the map");
    assert_eq!(tekser(&["rules", "--format", "dot"], None).status.code(), Some(2), "a graph is of one service");
}

/// The map of rules for people (`rules --format html --out DIR`): one page per service and language,
/// in that language, under its own policy, each condition of the service in words with no code, field
/// name or placeholder, and no English in kk or ru; the style sheet beside them.
#[test]
fn the_rules_map_pages_are_written_per_service_and_language() {
    let dir = std::env::temp_dir().join(format!("tekser-rules-html-{}", std::process::id()));
    let out = dir.to_str().unwrap();
    let o = tekser(&["rules", "--format", "html", "--out", out, "--as-of", "2026-03-02"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 12, "{}", stdout(&o));
    assert!(std::fs::read_to_string(dir.join("map.css")).unwrap().contains("table"));
    for service in ["phc", "medical_licence", "trp", "registration"] {
        for lang in ["kk", "ru", "en"] {
            let page = std::fs::read_to_string(dir.join(format!("{service}.{lang}.html"))).unwrap();
            assert!(page.contains(&format!("<html lang=\"{lang}\">")), "{service} {lang}");
            assert!(page.contains("http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'"));
            assert!(!page.contains("<script") && !page.contains("style=\""), "{service} {lang}: no script, no inline style");
            assert!(page.contains("02.03.2026"), "the rules' day");
            let rows = page.matches("<tr><td").count();
            assert!(rows >= 5, "{service} {lang}: {rows} conditions");
            let words: String =
                page.split("<body>").nth(1).unwrap().split(['<', '>']).enumerate().filter(|(i, _)| i % 2 == 0).map(|(_, s)| s).collect();
            for bad in [&format!("{service}."), "reg.", "phc.", "licence.", "{", "question.", "reason."] {
                assert!(!words.contains(bad), "{service} {lang}: {bad:?} in what a person reads");
            }
            if lang != "en" {
                let lang = tekser_rules::Lang::parse(lang).unwrap();
                assert_eq!(tekser_rules::text::unreadable(&words, lang), Vec::<String>::new(), "{service}");
            }
        }
    }
    assert_eq!(tekser(&["rules", "--format", "html"], None).status.code(), Some(2), "--out is needed");
    let _ = std::fs::remove_dir_all(dir);
}
