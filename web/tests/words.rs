//! The app's words for every scenario and every example, rendered natively (Yew's server-side
//! renderer) in kk, ru and en: what a person reads holds no text key, no `{placeholder}`, no
//! English in kk or ru beyond proper names, and no heading that repeats itself. The start page, with
//! its per-service "where to apply", is read the same way.

use std::rc::Rc;
use tekser_rules::{evaluate, Context, Lang};
use tekser_web::components::outcome::{OutcomeView, Props};
use tekser_web::state::State;
use tekser_web::PageProps;
use yew::LocalServerRenderer;

#[path = "../../tests/support/cases.rs"]
mod support;
use support::cases;

/// The text a person reads: tags dropped (attributes too), entities decoded, one line per block.
fn visible(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push('\n');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

fn render<C: yew::BaseComponent>(props: C::Properties) -> String {
    visible(&futures::executor::block_on(LocalServerRenderer::<C>::with_props(props).hydratable(false).render()))
}

#[test]
fn every_outcome_reads_without_keys_english_or_repeats() {
    let mut problems = std::collections::BTreeSet::new();
    tekser_rules::text::take_missing();
    for (name, answers, as_of) in cases() {
        let report = evaluate(&answers, &Context { as_of });
        for lang in Lang::ALL {
            for o in &report.outcomes {
                let text = render::<OutcomeView>(Props {
                    outcome: o.clone(),
                    lang,
                    dispatch: Default::default(),
                    chosen: None,
                    on_missing: None,
                    beyond: None,
                });
                for k in tekser_rules::text::take_missing() {
                    problems.insert(format!("missing text {k} ({name})"));
                }
                for p in tekser_rules::text::unreadable(&text, lang) {
                    problems.insert(format!("{p} ({name})"));
                }
                let verdict = tekser_rules::text::word(&format!("verdict.{}", tekser_web::i18n::code(&o.verdict)), lang);
                assert!(text.contains(&verdict), "the outcome is rendered: {text}");
                let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
                if lines.len() > 1 && lines[0] == lines[1] {
                    problems.insert(format!("the heading is said twice: {} ({name})", lines[0]));
                }
            }
        }
    }
    let list: Vec<String> = problems.into_iter().collect();
    assert!(list.is_empty(), "{} problems:\n{}", list.len(), list.join("\n"));
}

/// The same, with what lies beyond each verdict rendered (`components/beyond.rs`): what would change
/// it, what settles "could not tell", the best moment, a coming change of the rules (each case also
/// seen from 1 June 2026, a month before the electronic pilot ends) and the link to the map.
#[test]
fn what_lies_beyond_each_verdict_reads_without_keys_or_english() {
    use tekser_web::components::beyond::Beyond;
    let mut problems = std::collections::BTreeSet::new();
    let mut seen = std::collections::BTreeSet::new();
    tekser_rules::text::take_missing();
    let june = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    for (name, answers, as_of) in cases() {
        for day in [as_of, june] {
            let mut a = answers.clone();
            if day == june {
                a.application.date = Some(june);
            }
            let report = evaluate(&a, &Context { as_of: day });
            let found = tekser_beyond_worker::search(&a, day);
            for lang in Lang::ALL {
                // As the page gets it: the worker's JSON, read by the app.
                let json = tekser_beyond_worker::worded(&found, &report.outcomes, lang, 0.0);
                let beyond = Rc::new(Beyond::read(&json, lang).expect("the worker's JSON reads"));
                for o in &report.outcomes {
                    let props = Props {
                        outcome: o.clone(),
                        lang,
                        dispatch: Default::default(),
                        chosen: None,
                        on_missing: None,
                        beyond: Some(beyond.clone()),
                    };
                    let text = render::<OutcomeView>(props);
                    for k in tekser_rules::text::take_missing() {
                        problems.insert(format!("missing text {k} ({name})"));
                    }
                    for p in tekser_rules::text::unreadable(&text, lang) {
                        problems.insert(format!("{p} ({name})"));
                    }
                    for (key, section) in [
                        ("whatif.heading", "what would change it"),
                        ("whatif.settle", "what settles it"),
                        ("timing.soonest_day", "the soonest result day"),
                        ("ui.rules_map", "the map"),
                    ] {
                        if text.contains(&tekser_rules::text::word(key, lang).replace("{date}", "")) {
                            seen.insert(section);
                        }
                    }
                    if found.upcoming.as_ref().is_some_and(|d| d.changes.iter().any(|c| c.service == o.service)) {
                        let head = tekser_rules::text::word("change.upcoming", lang);
                        assert!(
                            text.contains(head.split("{date}").last().unwrap_or_default().trim()),
                            "the coming change is said ({name}): {text}"
                        );
                        seen.insert("a coming change");
                    }
                }
            }
        }
    }
    let list: Vec<String> = problems.into_iter().collect();
    assert!(list.is_empty(), "{} problems:\n{}", list.len(), list.join("\n"));
    assert_eq!(seen.len(), 5, "every section is rendered by some case: {seen:?}");
}

#[test]
fn the_start_page_reads_in_every_language_and_says_where_to_apply() {
    for kiosk in [false, true] {
        for lang in Lang::ALL {
            let state = Rc::new(State { lang, kiosk, ..State::default() });
            let text = render::<tekser_web::pages::start::StartPage>(PageProps { state, dispatch: Default::default() });
            assert_eq!(tekser_rules::text::take_missing(), Vec::<String>::new());
            assert_eq!(tekser_rules::text::unreadable(&text, lang), Vec::<String>::new(), "{text}");
            assert!(text.contains(&tekser_rules::text::word("ui.where_to_apply", lang)));
        }
    }
    // The rules' channels, not a general claim: no ЦОН for PHC, the portal only for the licence.
    let phc = tekser_web::pages::start::where_to_apply(Lang::Ru).into_iter().find(|w| w.0.contains("ПМСП")).unwrap();
    assert!(!phc.1.contains("ЦОН") && phc.1.contains("организация ПМСП") && phc.2.contains("ЦОН"), "{phc:?}");
    let licence = tekser_web::pages::start::where_to_apply(Lang::En).into_iter().find(|w| w.0.contains("Licence")).unwrap();
    assert!(licence.1.contains("elicense.kz") && !licence.1.contains("ЦОН") && licence.2.contains("ЦОН"), "{licence:?}");
}

#[test]
fn check_your_answers_and_the_results_read_for_every_example() {
    use tekser_web::state::{from_json, Screen};
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
    // Answers files only (`examples/js/` is the JavaScript library's example page).
    let mut files: Vec<_> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    files.sort();
    assert!(!files.is_empty());
    tekser_rules::text::take_missing();
    let mut problems = Vec::new();
    for f in files {
        let loaded = from_json(&std::fs::read_to_string(&f).unwrap()).unwrap_or_else(|e| panic!("{}: {e:?}", f.display()));
        assert!(loaded.skipped.is_empty(), "{}: skipped {:?}", f.display(), loaded.skipped);
        let (services, raw) = (loaded.services, loaded.raw);
        for lang in Lang::ALL {
            for screen in [Screen::Check, Screen::Results] {
                let state =
                    Rc::new(State { lang, screen: screen.clone(), services: services.clone(), raw: raw.clone(), ..State::default() });
                let props = PageProps { state, dispatch: Default::default() };
                let text = match screen {
                    Screen::Check => render::<tekser_web::pages::check::CheckPage>(props),
                    _ => render::<tekser_web::pages::results::ResultsPage>(props),
                };
                assert!(text.contains(&tekser_rules::text::word(
                    if screen == Screen::Check { "ui.check_title" } else { "ui.results_title" },
                    lang
                )));
                let found = tekser_rules::text::take_missing().into_iter().chain(tekser_rules::text::unreadable(&text, lang));
                problems.extend(found.map(|p| format!("{} {lang:?} {screen:?}: {p}", f.display())));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn operator_mode_reads_in_every_language_for_every_example_and_service() {
    use tekser_web::state::{from_json, Screen};
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
    let mut files: Vec<_> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    files.sort();
    tekser_rules::text::take_missing();
    let mut problems = Vec::new();
    let mut read = 0;
    for f in files {
        let raw = from_json(&std::fs::read_to_string(&f).unwrap()).unwrap().raw;
        for lang in Lang::ALL {
            for services in [vec![]].into_iter().chain(tekser_rules::Service::ALL.map(|s| vec![s])) {
                let picked = !services.is_empty();
                let state =
                    Rc::new(State { lang, operator: true, screen: Screen::Operator, services, raw: raw.clone(), ..State::default() });
                let text = render::<tekser_web::pages::operator::OperatorPage>(PageProps { state, dispatch: Default::default() });
                assert!(text.contains(&tekser_rules::text::word("operator.title", lang)), "{text}");
                assert!(text.contains(&tekser_rules::text::word("operator.next_person", lang)));
                // Before a service is picked, the page asks for one; after, it shows the outcome.
                assert_eq!(text.contains(&tekser_rules::text::word("operator.pick_first", lang)), !picked, "{text}");
                let found = tekser_rules::text::take_missing().into_iter().chain(tekser_rules::text::unreadable(&text, lang));
                problems.extend(found.map(|p| format!("{} {lang:?}: {p}", f.display())));
                read += 1;
            }
        }
    }
    assert!(read >= 15, "{read}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
