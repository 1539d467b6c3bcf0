//! The bad-input catalogue, `tests/bad-input.toml`: every case runs through the real path it names —
//! the `tekser` binary, the app's answers-file loader, or the app's URL fragment and the page it opens
//! — in Kazakh, Russian and English. Each must show its translated message (no text keys, no parser
//! English in kk or ru, nothing echoed at length), lose no other answer, and report the bad value on
//! its question. `docs/bad-input.md` is written from what the cases showed: the test fails when it is
//! stale, and `TEKSER_BLESS=1 cargo test -p tekser-cli --test bad_input` rewrites it.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Stdio};
use std::rc::Rc;
use tekser_rules::Lang;
use tekser_web::state::{from_fragment, from_json, Action, Screen, State};
use yew::Reducible;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
const LANGS: [(Lang, &str); 3] = [(Lang::Kk, "kk"), (Lang::Ru, "ru"), (Lang::En, "en")];
/// "Today" for the app's paths, and the CLI's `--as-of` unless a case gives its own arguments.
const TODAY: &str = "2026-03-02";
/// No line the person reads is longer: a 10 MB input is never echoed back.
const MAX_LINE: usize = 600;
/// Words of serde's and the CLI's English that must not reach a Kazakh or Russian reader.
const ENGLISH: &[&str] = &[
    "invalid",
    "expected",
    "unknown",
    "missing",
    "line ",
    "column",
    "error",
    "trailing",
    "recursion",
    "bad answer",
    "must",
    "not a",
    "valid",
    "did not",
];

#[derive(Deserialize)]
struct Catalogue {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    id: String,
    via: Via,
    what: String,
    input: String,
    #[serde(default)]
    repeat: BTreeMap<String, (String, usize)>,
    #[serde(default)]
    encoding: Option<String>,
    #[serde(default)]
    args: Option<Vec<String>>,
    #[serde(default)]
    question: Option<String>,
    #[serde(default)]
    keeps: Vec<String>,
    kk: String,
    ru: String,
    en: String,
}

#[derive(Clone, Copy, Deserialize, PartialEq)]
#[serde(rename_all = "lowercase")]
enum Via {
    Cli,
    File,
    Url,
}

impl Case {
    /// The input as bytes, its `{name}` placeholders expanded.
    fn bytes(&self) -> Vec<u8> {
        let mut text = self.input.clone();
        for (name, (piece, times)) in &self.repeat {
            text = text.replace(&format!("{{{name}}}"), &piece.repeat(*times));
        }
        match self.encoding.as_deref() {
            None => text.into_bytes(),
            Some("utf-16le") => [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect(),
            Some(other) => panic!("{}: unknown encoding {other}", self.id),
        }
    }

    fn expected(&self, lang: Lang) -> &str {
        match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
            Lang::En => &self.en,
        }
    }

    /// The input as the doc shows it: short, placeholders named.
    fn shown_input(&self) -> String {
        let mut s = self.input.replace('\u{feff}', "U+FEFF ");
        if s.chars().count() > 120 {
            s = s.chars().take(120).collect::<String>() + "…";
        }
        let mut out = format!("`{s}`");
        for (name, (piece, times)) in &self.repeat {
            out.push_str(&format!(", `{{{name}}}` = `{piece}` × {times}"));
        }
        if let Some(e) = &self.encoding {
            out.push_str(&format!(", written as {e} with a byte-order mark"));
        }
        out
    }
}

/// What the person saw, and where.
struct Seen {
    lines: Vec<String>,
    /// The questions the messages were shown on (file and URL).
    on: Vec<&'static str>,
    /// The app's state afterwards (file and URL), to check that nothing else was lost.
    state: Option<State>,
    /// The CLI did not exit as bad input should.
    fault: Option<String>,
}

fn today() -> chrono::NaiveDate {
    TODAY.parse().unwrap()
}

fn run_cli(case: &Case, lang: &str) -> Seen {
    let mut args = vec!["check".to_string(), "-".into(), "--lang".into(), lang.into()];
    args.extend(case.args.clone().unwrap_or_else(|| vec!["--as-of".into(), TODAY.into()]));
    let mut child = Command::new(env!("CARGO_BIN_EXE_tekser"))
        .args(&args)
        .current_dir(ROOT)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let bytes = case.bytes();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        // The binary may stop reading early; a broken pipe here is not the test's concern.
        let _ = stdin.write_all(&bytes);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let fault = if out.status.code() != Some(2) || !out.stdout.is_empty() || stderr.contains("panicked") {
        Some(format!("exit status {:?} (2 expected), {} bytes on stdout (none expected)", out.status.code(), out.stdout.len()))
    } else {
        None
    };
    Seen { lines: stderr.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect(), on: vec![], state: None, fault }
}

fn run_file(case: &Case, lang: Lang) -> Seen {
    // What the browser's File.text() gives: the bytes read as UTF-8, bad sequences replaced.
    let text = String::from_utf8_lossy(&case.bytes()).into_owned();
    match from_json(&text) {
        Err(e) => Seen { lines: vec![e.alert(lang)], on: vec![], state: None, fault: None },
        Ok(loaded) => {
            let s = Rc::new(State { lang, ..State::default() }).reduce(Action::Load(loaded));
            assert_eq!(s.screen, Screen::Check, "{}: a loaded file shows \"Check your answers\"", case.id);
            summary(&s)
        }
    }
}

fn run_url(case: &Case, lang: &str) -> Seen {
    let input = String::from_utf8(case.bytes()).unwrap();
    let frag = format!("{input}{}lang={lang}", if input.contains('?') { '&' } else { '?' });
    let s = from_fragment(&frag);
    match s.screen {
        Screen::Question(path) => {
            Seen { lines: s.opening_error(today()).into_iter().collect(), on: vec![path], state: Some(s), fault: None }
        }
        Screen::Check | Screen::Results => summary(&s),
        // The welcome and start pages, "Is this right?", the details step (its URL names the page
        // only) and operator mode (which takes no answer from a URL) report nothing.
        Screen::Welcome | Screen::Start | Screen::Confirm(_) | Screen::Details(_) | Screen::Application | Screen::Operator => {
            Seen { lines: vec![], on: vec![], state: Some(s), fault: None }
        }
    }
}

/// The problems summary of "Check your answers" and the results.
fn summary(s: &State) -> Seen {
    let lines = s.summary(today());
    Seen {
        on: lines.iter().filter_map(|(p, _)| *p).collect(),
        lines: lines.into_iter().map(|(_, l)| l).collect(),
        state: Some(s.clone()),
        fault: None,
    }
}

fn run(case: &Case, lang: Lang, code: &str) -> Seen {
    match case.via {
        Via::Cli => run_cli(case, code),
        Via::File => run_file(case, lang),
        Via::Url => run_url(case, code),
    }
}

/// Every way a case can fail, for one language.
fn check(case: &Case, lang: Lang, code: &str, seen: &Seen) -> Vec<String> {
    let mut bad = Vec::new();
    let all = seen.lines.join("\n");
    let id = &case.id;
    if let Some(f) = &seen.fault {
        bad.push(format!("{id} [{code}]: {f}\n{all}"));
    }
    if !all.contains(case.expected(lang)) {
        bad.push(format!("{id} [{code}]: expected {:?} in what the person sees:\n{all}", case.expected(lang)));
    }
    for key in ["ui.", "input_error.", "question.", "option.", "verdict."] {
        if all.contains(key) {
            bad.push(format!("{id} [{code}]: a text key ({key}…) in\n{all}"));
        }
    }
    if lang != Lang::En {
        let lower = all.to_lowercase();
        for w in ENGLISH.iter().filter(|w| lower.contains(*w)) {
            bad.push(format!("{id} [{code}]: English ({w:?}) in\n{all}"));
        }
    }
    if let Some(l) = seen.lines.iter().find(|l| l.chars().count() > MAX_LINE) {
        bad.push(format!("{id} [{code}]: a line of {} characters", l.chars().count()));
    }
    if let Some(q) = &case.question {
        if !seen.on.iter().any(|p| p == q) {
            bad.push(format!("{id} [{code}]: not reported on {q} (on {:?})", seen.on));
        }
    }
    if case.via != Via::Cli && !case.keeps.is_empty() {
        match &seen.state {
            None => bad.push(format!("{id} [{code}]: nothing was loaded, yet {:?} should be kept", case.keeps)),
            Some(s) => {
                for k in case.keeps.iter().filter(|k| !s.answered(k)) {
                    bad.push(format!("{id} [{code}]: the answer to {k} was lost"));
                }
            }
        }
    }
    bad
}

fn catalogue() -> Catalogue {
    let text = std::fs::read_to_string(format!("{ROOT}/tests/bad-input.toml")).unwrap();
    toml::from_str(&text).unwrap()
}

fn where_(via: Via) -> &'static str {
    match via {
        Via::Cli => "the command line (`tekser check`)",
        Via::File => "an answers file loaded in the app",
        Via::Url => "the app's URL fragment",
    }
}

#[test]
fn every_bad_input_shows_its_translated_message_on_its_question_and_loses_nothing() {
    let cat = catalogue();
    assert!(cat.case.len() >= 30, "at least 30 cases");
    for via in [Via::Cli, Via::File, Via::Url] {
        assert!(cat.case.iter().filter(|c| c.via == via).count() >= 10, "at least 10 cases through {}", where_(via));
    }
    let mut ids = std::collections::BTreeSet::new();
    let mut bad = Vec::new();
    let mut doc = String::from(
        "# Bad input\n\n\
         What a person sees for each bad input, in Kazakh, Russian and English. Written by \
         `cli/tests/bad_input.rs` from the catalogue `tests/bad-input.toml`, running each case through the real \
         path: the `tekser` binary (`check - --as-of 2026-03-02`, exit status 2), the app's answers-file loader \
         and \"Check your answers\", or the app opened at a URL fragment (the question's page, or the summary \
         of \"Check your answers\" and the results). Do not edit: `TEKSER_BLESS=1 cargo test -p tekser-cli \
         --test bad_input` rewrites it, and the test fails when it is stale.\n\n\
         In the app nothing is lost: the other answers stay, and the bad value is kept as written and \
         reported on its question until it is corrected.\n",
    );
    for (n, case) in cat.case.iter().enumerate() {
        assert!(ids.insert(case.id.clone()), "duplicate id {}", case.id);
        let mut what = case.what.clone();
        if let Some(first) = what.get(..1) {
            what.replace_range(..1, &first.to_uppercase());
        }
        doc.push_str(&format!("\n## {}. {what}\n\nThrough {}: {}", n + 1, where_(case.via), case.shown_input()));
        if let Some(q) = &case.question {
            doc.push_str(&format!("; shown on the question `{q}`"));
        }
        doc.push_str(&format!(" (case `{}`).\n\n", case.id));
        for (lang, code) in LANGS {
            let seen = run(case, lang, code);
            bad.extend(check(case, lang, code, &seen));
            let shown = if seen.lines.is_empty() { "(nothing)".to_string() } else { seen.lines.join(" / ") };
            doc.push_str(&format!("- {code}: {shown}\n"));
        }
    }
    let path = format!("{ROOT}/docs/bad-input.md");
    if std::env::var_os("TEKSER_BLESS").is_some() {
        std::fs::write(&path, &doc).unwrap();
    }
    assert!(bad.is_empty(), "{} problem(s):\n\n{}", bad.len(), bad.join("\n\n"));
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(on_disk == doc, "docs/bad-input.md is stale: run TEKSER_BLESS=1 cargo test -p tekser-cli --test bad_input");
}
