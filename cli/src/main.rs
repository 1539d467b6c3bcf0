//! `tekser`: the command line over the rules crate. Glue only: no rule logic lives here.
//!
//! Exit codes: 0 = done; 2 = bad input or usage (the message names the field and the problem);
//! 1 = the output could not be written (e.g. a full disk). A reader that closes standard output
//! early (`tekser quotes | head`) ends the output quietly: the status is the one the command had.

mod input;
mod render;

use chrono::NaiveDate;
use std::io::Write;
use std::process::ExitCode;
use tekser_rules::{evaluate, Answers, Context, Lang};

const USAGE: &str = "usage:
  tekser check ANSWERS.json [--as-of YYYY-MM-DD] [--lang kk|ru|en] [--format json|json-compact|text]
  tekser bundle ANSWERS.json [--as-of YYYY-MM-DD] [--lang kk|ru|en] [--base URL] [-o OUT.zip]
  tekser diff ANSWERS.json --from YYYY-MM-DD --to YYYY-MM-DD [--lang kk|ru|en] [--format json|text]
  tekser whatif ANSWERS.json [--as-of YYYY-MM-DD] [--lang kk|ru|en] [--format json|text]
  tekser when ANSWERS.json [--as-of YYYY-MM-DD] [--lang kk|ru|en] [--format json|text]
  tekser rules [--as-of YYYY-MM-DD] [--lang kk|ru|en] [--format md|dot] [--service phc|medical_licence|trp|registration]
  tekser rules --format html --out DIR [--as-of YYYY-MM-DD]
  tekser calendar YEAR [--lang kk|ru|en]
  tekser schema
  tekser quotes
  tekser texts [--lang kk|ru|en]
  tekser form-texts [--lang kk|ru|en]

`quotes` writes the words of every provision as JSON ({id: {quote, quote_en, note}}): the web app
fetches this file (quotes.json) when a citation is opened, so its WASM leaves them out. `texts` writes
one language's texts as JSON ({key: text}), which the web app fetches for the language shown;
`form-texts` the words of the details pages and 'Your application', fetched when a person first
prepares an application.
`bundle` writes the application bundle (the filled forms and the checklist as PDF, the checklist as
HTML, answers.json, result.json, README.txt) as one ZIP, by default named after the services and the
day in the current folder; --base is the app's address, for the QR code of the results link on the
checklist. ANSWERS.json may be '-' for standard input. --as-of defaults to the application date in the
answers, else today (UTC+5). --lang defaults to kk, --format to json. json-compact (check only) writes
each citation as its provision id and the citations once, by id, in a table `citations` at the end.
`diff` says what differs for the person between applying on one day and on another under the rules of
each day (the verdict, a condition, a document, a channel, the fee, the term), each with its provision;
the answers' own application date is replaced by each day, and what the data do not cover on the later
day is listed apart.
`whatif` says, for each outcome that is not eligible, the smallest sets of changes to the answers a person
can change that would make it eligible (each checked against the rules, with the conditions it meets), the
conditions that rest on facts they cannot change, and for an outcome that needs information, the answers
that settle it.
`when` says, for a person deciding on --as-of (default today), the result day of each service if they apply
today within or after working hours, tomorrow, or on the next working day, through each open channel, and
the soonest; the first day they may apply when they may not today; a channel that closes within 90 days.
`rules` draws the map of every rule from the rules themselves (each service evaluated on a fixed sample
of answer sets): per service, every condition with the facts it uses, the provisions it cites and what
it can lead to, as Markdown (default) or, for one --service, a Graphviz graph (docs/rules.md and
docs/rules/*.svg are made with it by scripts/docs), or as one HTML page per service and language for people
(`--format html --out DIR`: DIR/<service>.<lang>.html and DIR/map.css; the app links them from its results).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => match write_out(std::io::stdout().lock(), &out) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                let _ = writeln!(std::io::stderr(), "tekser: standard output: {e}");
                ExitCode::from(1)
            }
        },
        Err(msg) => {
            // Never panics, even on a closed standard error.
            let _ = writeln!(std::io::stderr(), "tekser: {msg}");
            ExitCode::from(2)
        }
    }
}

/// Writes the output; a reader that has gone away (broken pipe) is not an error.
fn write_out(mut w: impl Write, out: &str) -> std::io::Result<()> {
    match w.write_all(out.as_bytes()).and_then(|()| w.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r,
    }
}

/// The parsed command line: what was typed, validated, nothing resolved yet.
#[derive(Debug, PartialEq)]
enum Command {
    Check { file: String, as_of: Option<NaiveDate>, lang: Lang, json: bool, compact: bool },
    Bundle { file: String, as_of: Option<NaiveDate>, lang: Lang, base: Option<String>, out: Option<String> },
    Diff { file: String, from: NaiveDate, to: NaiveDate, lang: Lang, json: bool },
    WhatIf { file: String, as_of: Option<NaiveDate>, lang: Lang, json: bool },
    When { file: String, as_of: Option<NaiveDate>, lang: Lang, json: bool },
    Rules { as_of: Option<NaiveDate>, lang: Lang, dot: Option<tekser_rules::Service> },
    RulesHtml { as_of: Option<NaiveDate>, out: String },
    Calendar { year: i32, lang: Lang },
    Schema,
    Quotes,
    Texts { lang: Lang },
    FormTexts { lang: Lang },
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    let (cmd, rest) = args.split_first().ok_or_else(|| USAGE.to_string())?;
    let mut positional = Vec::new();
    let (mut as_of, mut lang, mut json, mut compact) = (None, Lang::Kk, true, false);
    let (mut base, mut out) = (None, None);
    let (mut from, mut to) = (None, None);
    let (mut graph, mut html, mut service) = (false, false, None);
    let day =
        |flag: &str, v: String| NaiveDate::parse_from_str(&v, "%Y-%m-%d").map_err(|_| format!("{flag}: {v:?} is not a date (YYYY-MM-DD)"));
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        let mut value = |flag: &str| it.next().cloned().ok_or(format!("{flag} needs a value\n\n{USAGE}"));
        match a.as_str() {
            "--as-of" => {
                let v = value("--as-of")?;
                as_of = Some(NaiveDate::parse_from_str(&v, "%Y-%m-%d").map_err(|_| format!("--as-of: {v:?} is not a date (YYYY-MM-DD)"))?);
            }
            "--lang" => {
                let v = value("--lang")?;
                lang = Lang::parse(&v).ok_or(format!("--lang: {v:?} is not one of kk, ru, en"))?;
            }
            "--format" => {
                let v = value("--format")?;
                json = match v.as_str() {
                    "json" => true,
                    "json-compact" => {
                        compact = true;
                        true
                    }
                    "text" | "md" => false,
                    "dot" => {
                        graph = true;
                        false
                    }
                    "html" => {
                        html = true;
                        false
                    }
                    _ => return Err(format!("--format: {v:?} is not one of json, text (json-compact for check, md, dot, html for rules)")),
                };
            }
            "--from" => from = Some(day("--from", value("--from")?)?),
            "--to" => to = Some(day("--to", value("--to")?)?),
            "--base" => base = Some(value("--base")?),
            "--service" => {
                let v = value("--service")?;
                service = Some(
                    tekser_rules::Service::ALL
                        .into_iter()
                        .find(|s| s.code() == v)
                        .ok_or(format!("--service: {v:?} is not one of phc, medical_licence, trp, registration"))?,
                );
            }
            "-o" | "--out" => out = Some(value("-o")?),
            "-h" | "--help" => return Err(USAGE.to_string()),
            f if f.starts_with("--") => return Err(format!("unknown option {f}\n\n{USAGE}")),
            p => positional.push(p.to_string()),
        }
    }
    if compact && cmd != "check" {
        return Err(format!("--format json-compact is for check only\n\n{USAGE}"));
    }
    match (cmd.as_str(), positional.as_slice()) {
        ("check", [file]) => Ok(Command::Check { file: file.clone(), as_of, lang, json, compact }),
        ("bundle", [file]) => Ok(Command::Bundle { file: file.clone(), as_of, lang, base, out }),
        ("rules", []) if html => match out {
            Some(out) => Ok(Command::RulesHtml { as_of, out }),
            None => Err(format!("rules --format html needs --out DIR\n\n{USAGE}")),
        },
        ("rules", []) => match (graph, service) {
            (false, _) => Ok(Command::Rules { as_of, lang, dot: None }),
            (true, Some(s)) => Ok(Command::Rules { as_of, lang, dot: Some(s) }),
            (true, None) => Err(format!("rules --format dot needs --service\n\n{USAGE}")),
        },
        ("when", [file]) => Ok(Command::When { file: file.clone(), as_of, lang, json }),
        ("whatif", [file]) => Ok(Command::WhatIf { file: file.clone(), as_of, lang, json }),
        ("diff", [file]) => match (from, to) {
            (Some(from), Some(to)) => Ok(Command::Diff { file: file.clone(), from, to, lang, json }),
            _ => Err(format!("diff needs --from and --to\n\n{USAGE}")),
        },
        ("calendar", [year]) => {
            let year =
                year.parse().ok().filter(|y| (1900..=2100).contains(y)).ok_or(format!("calendar: {year:?} is not a year (1900–2100)"))?;
            Ok(Command::Calendar { year, lang })
        }
        ("schema", []) => Ok(Command::Schema),
        ("quotes", []) => Ok(Command::Quotes),
        ("texts", []) => Ok(Command::Texts { lang }),
        ("form-texts", []) => Ok(Command::FormTexts { lang }),
        _ => Err(USAGE.to_string()),
    }
}

fn run(args: &[String]) -> Result<String, String> {
    match parse_args(args)? {
        Command::Schema => Ok(serde_json::to_string_pretty(&schemars::schema_for!(Answers)).expect("schema serialises") + "\n"),
        Command::Quotes => Ok(quotes()),
        Command::Texts { lang } => Ok(texts(lang)),
        Command::FormTexts { lang } => Ok(form_texts(lang)),
        Command::Calendar { year, lang } => Ok(render::calendar(year, lang)),
        Command::Bundle { file, as_of, lang, base, out } => bundle(&file, as_of, lang, base, out),
        Command::WhatIf { file, as_of, lang, json } => {
            let answers = answers_file(&file, lang)?;
            check_day("--as-of", as_of, lang)?;
            let as_of = as_of.or(answers.application.date).unwrap_or_else(today_utc5);
            let found = tekser_rules::whatif::search(&answers, as_of);
            Ok(if json { serde_json::to_string_pretty(&found).expect("serialises") + "\n" } else { render::whatif(&found, lang) })
        }
        Command::Rules { as_of, lang, dot } => {
            check_day("--as-of", as_of, lang)?;
            let day = as_of.unwrap_or_else(today_utc5);
            let maps = tekser_rules::map::map(day);
            Ok(match dot {
                None => render::rules_md(&maps, day, lang),
                Some(s) => render::rules_dot(maps.iter().find(|m| m.service == s).expect("every service is mapped"), day, lang),
            })
        }
        Command::RulesHtml { as_of, out } => {
            check_day("--as-of", as_of, Lang::En)?;
            let day = as_of.unwrap_or_else(today_utc5);
            let maps = tekser_rules::map::map(day);
            std::fs::create_dir_all(&out).map_err(|e| format!("{out}: {e}"))?;
            let write = |name: String, text: &str| {
                let path = std::path::Path::new(&out).join(name);
                std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
            };
            write("map.css".into(), render::RULES_CSS)?;
            let mut listed = String::new();
            for m in &maps {
                for lang in Lang::ALL {
                    let name = format!("{}.{}.html", m.service.code(), lang.code());
                    write(name.clone(), &render::rules_html(m, day, lang))?;
                    listed.push_str(&format!("{out}/{name}\n"));
                }
            }
            Ok(listed)
        }
        Command::When { file, as_of, lang, json } => {
            let answers = answers_file(&file, lang)?;
            check_day("--as-of", as_of, lang)?;
            let today = as_of.unwrap_or_else(today_utc5);
            let found = tekser_rules::timing::timing(&answers, today);
            Ok(if json { serde_json::to_string_pretty(&found).expect("serialises") + "\n" } else { render::timing(&found, lang) })
        }
        Command::Diff { file, from, to, lang, json } => {
            let answers = answers_file(&file, lang)?;
            check_day("--from", Some(from), lang)?;
            check_day("--to", Some(to), lang)?;
            let diff = tekser_rules::changes::between(&answers, from, to);
            Ok(if json { serde_json::to_string_pretty(&diff).expect("a diff serialises") + "\n" } else { render::diff(&diff, lang) })
        }
        Command::Check { file, as_of, lang, json, compact } => {
            let answers = answers_file(&file, lang)?;
            check_day("--as-of", as_of, lang)?;
            let as_of = as_of.or(answers.application.date).unwrap_or_else(today_utc5);
            // Without --as-of the day is the application date: its own error names it.
            let errors: Vec<_> =
                answers.validate(as_of).into_iter().filter(|e| e.field != "as_of" || answers.application.date.is_none()).collect();
            if !errors.is_empty() {
                let lines: Vec<String> = errors.iter().map(|e| format!("  {}", render::input_error(e, lang))).collect();
                return Err(format!("{file}: {}\n{}", render::bad_answers(errors.len(), lang), lines.join("\n")));
            }
            let report = evaluate(&answers, &Context { as_of });
            Ok(match (json, compact) {
                (true, false) => serde_json::to_string_pretty(&report).expect("report serialises") + "\n",
                (true, true) => serde_json::to_string_pretty(&tekser_rules::compact::Compact(&report)).expect("report serialises") + "\n",
                (false, _) => render::report(&report, lang),
            })
        }
    }
}

/// The texts of the bundle's files only (the PDFs' and the README's words, `data/texts/bundle.toml`):
/// the bundle's own WASM module has them compiled in, so the app's texts file leaves them out and the
/// first load stays small.
const BUNDLE_ONLY: &[&str] = &["bundle.", "form59."];

/// The words of the details pages and "Your application" (`texts-<lang>-forms.json`), which the app
/// fetches when a person first prepares an application; "Prepare my application" itself, on the
/// results page, stays with the first texts.
fn is_forms_text(key: &str) -> bool {
    key.starts_with("details.") || (key.starts_with("bundle_web.") && key != "bundle_web.prepare")
}

/// Texts the app does not show: the command line's words for an answers file it cannot read, the
/// map of rules (its pages are written at build time, `rules --format html`), and the words of
/// `tekser whatif`, `when` and `diff` that only their text output uses (the results page shows the
/// rest).
const CLI_ONLY: &[&str] =
    &["input_file.", "map.", "whatif.title", "timing.row", "timing.no_term", "change.title", "change.none", "change.unknown"];

/// One language's texts as JSON, those `keep` picks.
fn texts_where(lang: Lang, keep: impl Fn(&str) -> bool) -> String {
    let all: serde_json::Map<String, serde_json::Value> = tekser_rules::text::language(lang)
        .into_iter()
        .filter(|(k, _)| keep(k))
        .map(|(k, v)| (k.to_string(), serde_json::Value::from(v)))
        .collect();
    serde_json::to_string(&all).expect("texts serialise") + "\n"
}

/// Every text of one language by key that the app shows first (the app's texts-<lang>.json: its WASM
/// carries no texts), without [`BUNDLE_ONLY`], the forms' words ([`form_texts`]) and [`CLI_ONLY`].
fn texts(lang: Lang) -> String {
    texts_where(lang, |k| !BUNDLE_ONLY.iter().chain(CLI_ONLY).any(|p| k.starts_with(p)) && !is_forms_text(k))
}

/// The forms' words of one language (the app's texts-<lang>-forms.json).
fn form_texts(lang: Lang) -> String {
    texts_where(lang, is_forms_text)
}

/// Every provision's words by id (the app's quotes.json).
fn quotes() -> String {
    let all: serde_json::Map<String, serde_json::Value> = (tekser_rules::data::PROVISIONS.iter())
        .map(|p| (p.id.to_string(), serde_json::json!({ "quote": p.quote, "quote_en": p.quote_en, "note": p.note })))
        .collect();
    serde_json::to_string(&all).expect("quotes serialise") + "\n"
}

/// Builds the bundle and writes its ZIP; says where and what it holds. The answers are read as the
/// app reads a file: a bad value is a blank on the forms, not an error.
fn bundle(file: &str, as_of: Option<NaiveDate>, lang: Lang, base: Option<String>, out: Option<String>) -> Result<String, String> {
    let bytes = read(file)?;
    let text = input::decode(&bytes, lang).map_err(|e| format!("{file}: {e}"))?;
    check_day("--as-of", as_of, lang)?;
    let today = today_utc5();
    let as_of = as_of.unwrap_or_else(|| {
        let dated = tekser_bundle::input::read(text, today).and_then(|i| i.answers.application.date);
        dated.filter(|d| tekser_rules::answers::bounds::check_as_of(*d).is_ok()).unwrap_or(today)
    });
    let req = tekser_bundle::Request { answers: text.to_string(), as_of, lang, base_url: base };
    let b = tekser_bundle::build(&req).map_err(|e| format!("{file}: {}", e.message(lang)))?;
    let out = out.unwrap_or_else(|| b.name.clone());
    std::fs::write(&out, &b.zip).map_err(|e| format!("{out}: {e}"))?;
    let mut s = format!("{out} ({} bytes)\n", b.zip.len());
    for (name, bytes) in &b.files {
        s.push_str(&format!("  {name} ({} bytes)\n", bytes.len()));
    }
    Ok(s)
}

/// An answers file (or standard input for `-`), read as `tekser check` reads it.
fn answers_file(file: &str, lang: Lang) -> Result<Answers, String> {
    let bytes = read(file)?;
    Ok(input::decode(&bytes, lang).and_then(|text| input::parse_file(text, lang)).map_err(|e| format!("{file}: {e}"))?.0)
}

/// A day given on the command line (`flag`) is one the rules can be evaluated on.
fn check_day(flag: &str, day: Option<NaiveDate>, lang: Lang) -> Result<(), String> {
    match day.map(tekser_rules::answers::bounds::check_as_of) {
        Some(Err(e)) => Err(format!("{flag}: {}", e.kind.message(lang))),
        _ => Ok(()),
    }
}

fn read(file: &str) -> Result<Vec<u8>, String> {
    if file == "-" {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut s).map_err(|e| format!("standard input: {e}"))?;
        Ok(s)
    } else {
        std::fs::read(file).map_err(|e| format!("{file}: {e}"))
    }
}

/// Today in Kazakhstan (UTC+5): the CLI may read the clock, the rules never do.
fn today_utc5() -> NaiveDate {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let days = (secs + 5 * 3600) / 86_400;
    NaiveDate::from_ymd_opt(1970, 1, 1).unwrap() + chrono::Days::new(days)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_apps_texts_leave_out_the_bundles_files_words_and_the_forms_come_apart() {
        let keys_of = |json: String| -> Vec<String> {
            let v: serde_json::Value = serde_json::from_str(&json).unwrap();
            v.as_object().unwrap().keys().cloned().collect()
        };
        let first = keys_of(super::texts(tekser_rules::Lang::Kk));
        let forms = keys_of(super::form_texts(tekser_rules::Lang::Kk));
        assert!(!first.iter().chain(&forms).any(|k| k.starts_with("bundle.") || k.starts_with("form59.") || k.starts_with("input_file.")));
        for k in ["bundle_web.prepare", "ui.continue"] {
            assert!(first.iter().any(|x| x == k), "{k}");
        }
        for k in ["bundle_web.download", "details.field.applicant.full_name"] {
            assert!(forms.iter().any(|x| x == k) && !first.iter().any(|x| x == k), "{k}");
        }
        assert!(forms.iter().all(|k| !first.contains(k)));
        assert!(
            tekser_rules::text::language(tekser_rules::Lang::Kk).iter().any(|(k, _)| k.starts_with("bundle.")),
            "the bundle's texts exist"
        );
    }

    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn parses_check_with_every_flag() {
        let c = parse_args(&args("check a.json --as-of 2026-03-02 --lang ru --format text")).unwrap();
        assert_eq!(
            c,
            Command::Check {
                file: "a.json".into(),
                as_of: NaiveDate::from_ymd_opt(2026, 3, 2),
                lang: Lang::Ru,
                json: false,
                compact: false
            }
        );
        let c = parse_args(&args("check a.json --format json-compact")).unwrap();
        assert!(matches!(c, Command::Check { json: true, compact: true, .. }), "{c:?}");
        assert!(parse_args(&args("whatif a.json --format json-compact")).unwrap_err().contains("check only"));
    }

    #[test]
    fn rejects_bad_flags_with_a_message_naming_them() {
        assert!(parse_args(&args("check a.json --lang de")).unwrap_err().contains("--lang"));
        assert!(parse_args(&args("check a.json --as-of 2026-02-30")).unwrap_err().contains("--as-of"));
        assert!(parse_args(&args("calendar twenty")).unwrap_err().contains("calendar"));
        assert!(parse_args(&args("frobnicate")).is_err());
    }

    #[test]
    fn a_type_error_names_the_field() {
        let e = input::parse_file(r#"{"person": {"date_of_birth": "2026-02-30"}}"#, Lang::En).unwrap_err();
        assert!(e.contains("person.date_of_birth"), "{e}");
        let e = input::parse_file(r#"{"person": {"statuss": "citizen"}}"#, Lang::En).unwrap_err();
        assert!(e.contains("statuss"), "{e}");
    }

    #[test]
    fn a_reader_gone_away_is_not_an_error_but_a_full_disk_is() {
        struct Gone(std::io::ErrorKind);
        impl Write for Gone {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(self.0.into())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        assert!(write_out(Gone(std::io::ErrorKind::BrokenPipe), "report").is_ok());
        assert!(write_out(Gone(std::io::ErrorKind::StorageFull), "report").is_err());
    }
}
