//! Beyond a verdict (issue 13), searched and worded in a Web Worker, so that neither the search nor
//! its words' code is in the app's first load. For each service of the answers:
//!
//! - **what would change it**: for an outcome the person cannot apply for (or must check with the
//!   provider), the smallest sets of changes to their own answers that make it possible, each with its
//!   threshold, the condition it meets and a "Change this answer" button (`data-question`, which the
//!   app turns into a link straight to the question); the conditions that rest on facts nobody can
//!   change, said as such and never suggested; the first day one may apply (a campaign that opens);
//!   for "could not tell", which single answer settles it and how (`tekser_rules::whatif`);
//! - **the best moment to apply**: one sentence (apply today before the provider closes, through this
//!   channel, to have the result on that day) when it gives a sooner result than the moment the person
//!   gave, a way to apply that closes soon, and the soonest result day for the calendar
//!   (`tekser_rules::timing`);
//! - **a change of the rules within 90 days** that changes something for this person: from which day,
//!   and what (`tekser_rules::changes::upcoming`).
//!
//! [`beyond`] gives them as JSON: `{ms, services: {<service>: {upcoming, settle, whatif, best,
//! soonest}}}`, each part a piece of HTML (words from the texts, every value escaped; no script, no
//! inline style) or absent, `soonest` a `YYYY-MM-DD`. The app's native tests call it too
//! (`web/tests/words.rs`).

use chrono::NaiveDate;
use serde_json::{Map, Value as Json};
use std::fmt::Write;
use tekser_rules::changes::{Diff, FeeTerms, What};
use tekser_rules::data::{Provenance, Provision};
use tekser_rules::report::{Status, Verdict};
use tekser_rules::timing::{Moment, Timing};
use tekser_rules::whatif::{Change, WhatIf};
use tekser_rules::{evaluate, Answers, Context, Lang, Outcome};

/// How far ahead a change of the rules is announced.
pub const UPCOMING_DAYS: u64 = 90;

/// The three searches for the answers on a day.
pub struct Found {
    pub whatif: Vec<WhatIf>,
    pub timing: Vec<Timing>,
    pub upcoming: Option<Diff>,
}

/// Searches all three for `answers` on `as_of` (the day the person decides on).
pub fn search(answers: &Answers, as_of: NaiveDate) -> Found {
    Found {
        whatif: tekser_rules::whatif::search(answers, as_of),
        timing: tekser_rules::timing::timing(answers, as_of),
        upcoming: tekser_rules::changes::upcoming(answers, as_of, UPCOMING_DAYS),
    }
}

/// The answers file's text (the app's, without details) and the day (`YYYY-MM-DD`), searched and
/// worded in `lang`, as JSON; `ms` is the search's time as `clock` measures it. `None` for a file or
/// day it cannot read.
pub fn beyond(answers: &str, as_of: &str, lang: Lang, clock: impl Fn() -> f64) -> Option<String> {
    let answers: Answers = serde_json::from_str(answers).ok()?;
    let day: NaiveDate = as_of.parse().ok().filter(|d| tekser_rules::answers::bounds::AS_OF.contains(d))?;
    let started = clock();
    let found = search(&answers, day);
    let ms = clock() - started;
    Some(worded(&found, &evaluate(&answers, &Context { as_of: day }).outcomes, lang, ms))
}

/// The search's findings for each outcome, worded in `lang`, as the JSON [`beyond`] gives.
pub fn worded(found: &Found, outcomes: &[Outcome], lang: Lang, ms: f64) -> String {
    let mut services = Map::new();
    for o in outcomes {
        services.insert(o.service.code().to_string(), Json::Object(parts(found, o, lang)));
    }
    serde_json::json!({ "ms": ms, "services": services }).to_string()
}

/// The pieces of one outcome, by name.
pub fn parts(found: &Found, o: &Outcome, lang: Lang) -> Map<String, Json> {
    let mut m = Map::new();
    let mut put = |k: &str, html: String| {
        if !html.is_empty() {
            m.insert(k.into(), Json::String(html));
        }
    };
    put("upcoming", upcoming(found, o, lang));
    put("settle", settle(found, o, lang));
    put("whatif", what_would_change_it(found, o, lang));
    put("best", best_moment(found, o, lang));
    if let Some(d) = soonest(found, o) {
        m.insert("soonest".into(), Json::String(d.to_string()));
    }
    m
}

fn t(key: &str, lang: Lang) -> String {
    tekser_rules::text::word(key, lang)
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn code<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// "9 January 2026", as the app writes it.
pub fn long_date(d: NaiveDate, lang: Lang) -> String {
    tekser_rules::text::long_date(d, lang, |k| t(k, lang))
}

fn long_date_weekday(d: NaiveDate, lang: Lang) -> String {
    tekser_rules::text::long_date_weekday(d, lang, |k| t(k, lang))
}

/// A number as the app writes it: the decimal comma in kk and ru.
fn number(x: f64, lang: Lang) -> String {
    tekser_rules::text::decimal_in(x, lang)
}

fn tenge(n: i64, lang: Lang) -> String {
    let digits = n.abs().to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('\u{a0}');
        }
        grouped.push(c);
    }
    let sign = if n < 0 { "-" } else { "" };
    match lang {
        Lang::En => format!("{sign}₸{}", grouped.replace('\u{a0}', ",")),
        _ => format!("{sign}{grouped}\u{a0}₸"),
    }
}

/// A provision, as the app's citations name it (its words stay in the app's own citations).
fn cite(p: &Provision, lang: Lang) -> String {
    let ed =
        p.act.edition_date.filter(|d| Some(*d) != p.act.date).map(|d| format!(" ({})", tekser_rules::text::dmy(d))).unwrap_or_default();
    let label = format!("{}, {}{ed}", tekser_rules::text::source_label(p.act, lang), p.unit.get(lang));
    let mark = if p.provenance == Provenance::Source {
        String::new()
    } else {
        let class = if p.provenance == Provenance::Unverified { "prov unverified" } else { "prov" };
        format!(" <span class=\"{class}\">{}</span>", esc(&t(&format!("provenance.{}", code(&p.provenance)), lang)))
    };
    format!(
        "<details class=\"cite\"><summary>{}{mark}</summary><p class=\"act-title\">{} — {}</p></details>",
        esc(&label),
        esc(p.act.title.get(lang)),
        esc(p.act.edition.get(lang))
    )
}

/// A button the app turns into a link to the question (`data-question`), as "Answer it".
fn to_question(path: &str, label: &str, lang: Lang) -> String {
    format!(
        "<button type=\"button\" class=\"link\" data-question=\"{}\">{}<span class=\"visually-hidden\">: {}</span></button>",
        esc(path),
        esc(label),
        esc(&t(&format!("question.{path}"), lang))
    )
}

/// A sentence that ends on a date written with a full stop ("26 марта 2026 г."): one full stop.
fn sentence(s: &str) -> String {
    s.replace("..", ".")
}

fn h3(text: &str) -> String {
    format!("<h3>{}</h3>", esc(text))
}

/// The new answer in words, numbers and days as the page writes them.
fn answer(c: &Change, lang: Lang) -> String {
    c.words(lang, |x| number(x, lang), |d| long_date(d, lang))
}

/// One change: the question, its new answer, and the button to change it.
fn changed(c: &Change, lang: Lang) -> String {
    let question = t(&format!("question.{}", c.field), lang);
    format!(
        "<span class=\"change\">{} — <strong>{}</strong> {}</span>",
        esc(question.trim_end_matches(['?', ':'])),
        esc(&answer(c, lang)),
        to_question(c.field, &t("whatif.change_answer", lang), lang)
    )
}

fn reasons(list: &[(&'static str, &'static Provision)], class: &str, prefix: &str, lang: Lang) -> String {
    if list.is_empty() {
        return String::new();
    }
    let mut s = format!("<ul class=\"{class}\">");
    for (reason, p) in list {
        let _ = write!(s, "<li>{}{}{}</li>", esc(prefix), esc(&t(&format!("reason.{reason}"), lang)), cite(p, lang));
    }
    s + "</ul>"
}

/// "What would change this": for an outcome that is not eligible, leaves a condition to the provider
/// or finds no way open. Nothing for a service that does not apply to the person.
fn what_would_change_it(f: &Found, o: &Outcome, lang: Lang) -> String {
    if !matches!(o.verdict, Verdict::NotEligible | Verdict::CheckWithProvider | Verdict::NoChannelOpen) {
        return String::new();
    }
    let Some(w) = f.whatif.iter().find(|w| w.service == o.service) else { return String::new() };
    let opens = f.timing.iter().find(|x| x.service == o.service).and_then(|x| x.opens_on);
    let mut s = h3(&t("whatif.heading", lang));
    if let Some(d) = opens {
        let _ = write!(
            s,
            "<p class=\"opens\"><strong>{}</strong></p>",
            esc(&sentence(&t("timing.opens", lang).replace("{date}", &long_date(d, lang))))
        );
    }
    if !w.suggestions.is_empty() {
        let _ = write!(s, "<p>{}</p><ul class=\"suggestions\">", esc(&t("whatif.if", lang)));
        for sug in &w.suggestions {
            let changes: Vec<String> = sug.changes.iter().map(|c| changed(c, lang)).collect();
            s.push_str("<li>");
            s.push_str(&changes.join(&format!(" {} ", esc(&t("whatif.and", lang)))));
            if sug.verdict != Verdict::Eligible {
                let _ = write!(s, " <span class=\"then\">({})</span>", esc(&t(&format!("verdict.{}", code(&sug.verdict)), lang)));
            }
            s.push_str(&reasons(&sug.satisfies, "meets", &format!("{}: ", t("whatif.satisfies", lang)), lang));
            s.push_str("</li>");
        }
        s.push_str("</ul>");
    }
    if !w.fixed.is_empty() {
        let _ = write!(s, "<p>{}</p>", esc(&t("whatif.fixed", lang)));
        // Named only: each is a reason the page shows just above ("Why", or what to check with the
        // provider), with its citation.
        s.push_str("<ul class=\"fixed\">");
        for (reason, _) in &w.fixed {
            let _ = write!(s, "<li>{}</li>", esc(&t(&format!("reason.{reason}"), lang)));
        }
        s.push_str("</ul>");
        // "What to do instead" follows a refusal; for a condition left to the provider, say it here.
        if w.suggestions.is_empty() && o.verdict == Verdict::CheckWithProvider {
            let _ = write!(s, "<p>{}</p>", esc(&t(&format!("instead.help.{}", o.service.code()), lang)));
        }
    }
    if w.suggestions.is_empty() && w.fixed.is_empty() && opens.is_none() {
        let _ = write!(s, "<p>{}</p>", esc(&t("whatif.none", lang)));
    }
    s
}

/// "Could not tell": which single answer settles it, with its button, and the verdict each answer
/// to it gives.
fn settle(f: &Found, o: &Outcome, lang: Lang) -> String {
    if o.verdict != Verdict::NeedsInfo {
        return String::new();
    }
    let Some(w) = f.whatif.iter().find(|w| w.service == o.service) else { return String::new() };
    let mut s = String::new();
    for x in &w.settle {
        let _ = write!(
            s,
            "<p>{} <strong>{}</strong> {}</p><ul class=\"settle-answers\">",
            esc(&t("whatif.settle", lang)),
            esc(&t(&format!("question.{}", x.field), lang)),
            to_question(x.field, &t("ui.answer_it", lang), lang)
        );
        for (c, v) in &x.answers {
            let _ = write!(s, "<li>{} → {}</li>", esc(&answer(c, lang)), esc(&t(&format!("verdict.{}", code(v)), lang)));
        }
        s.push_str("</ul>");
    }
    s
}

/// "The soonest: apply today before 18:00 through … to have the result by …", and a way to apply
/// open today that closes soon.
fn best_moment(f: &Found, o: &Outcome, lang: Lang) -> String {
    let Some(x) = f.timing.iter().find(|x| x.service == o.service).filter(|_| o.verdict.may_apply()) else { return String::new() };
    let channel = |c| t(&format!("channel.{}", code(&c)), lang);
    let when = |m: &Moment| {
        let time = format!("{:02}:{:02}", m.closes / 60, m.closes % 60);
        t(&format!("timing.when.{}", code(&m.when)), lang).replace("{time}", &time).replace("{date}", &long_date(m.day, lang))
    };
    let mut s = String::new();
    // Said when it helps: the person's own moment (the day, hours and channel they gave) gives a later
    // result, or they gave none.
    let own = o.deadline.as_ref().map(|d| d.result_on);
    if let Some(m) = x.earliest.as_ref().filter(|m| own.is_none_or(|own| m.result_on < own)) {
        let best = t("timing.best", lang)
            .replace("{when}", &when(m))
            .replace("{channel}", &channel(m.channel))
            .replace("{result}", &long_date_weekday(m.result_on, lang));
        // Its provision is the result day's, cited under "When will I get an answer".
        let _ = write!(s, "<p><strong>{}</strong></p>", esc(&sentence(&best)));
    }
    for (c, last, p) in &x.closing {
        let line = t("timing.closing", lang).replace("{channel}", &channel(*c)).replace("{date}", &long_date(*last, lang));
        let _ = write!(s, "<p class=\"closing\">{}{}</p>", esc(&sentence(&line)), cite(p, lang));
    }
    s
}

/// The soonest result day of a service the person may apply for.
fn soonest(f: &Found, o: &Outcome) -> Option<NaiveDate> {
    f.timing.iter().find(|x| x.service == o.service && o.verdict.may_apply()).and_then(|x| x.earliest.as_ref()).map(|m| m.result_on)
}

/// A change of the rules within 90 days that changes something for this person: from which day, and
/// what — the verdict, a condition, a document, a way to apply, the fee, the term.
fn upcoming(f: &Found, o: &Outcome, lang: Lang) -> String {
    let Some(d) = &f.upcoming else { return String::new() };
    let mine: Vec<_> = d.changes.iter().filter(|c| c.service == o.service).collect();
    if mine.is_empty() {
        return String::new();
    }
    let status = |x: &Option<Status>| match x {
        Some(s) => t(&format!("status.{}", code(s)), lang),
        None => t("change.not_checked", lang),
    };
    let fee = |f: &FeeTerms| match (f.free, f.tenge) {
        (true, _) => t("change.free", lang),
        (false, Some(x)) => format!("{} ({} {})", tenge(x, lang), number(f.mci_multiple, lang), t("ui.mci", lang)),
        (false, None) => format!("{} {}", number(f.mci_multiple, lang), t("ui.mci", lang)),
    };
    let pair = |key: &str, from: String, to: String| t(key, lang).replace("{from}", &from).replace("{to}", &to);
    let channel = |c| t(&format!("channel.{}", code(c)), lang);
    let mut s = format!(
        "<div class=\"panel upcoming\" role=\"note\">{}<ul>",
        h3(&t("change.upcoming", lang).replace("{date}", &long_date(d.to, lang)))
    );
    for c in mine {
        let line = match &c.what {
            What::Verdict { from, to } => {
                pair("change.verdict", t(&format!("verdict.{}", code(from)), lang), t(&format!("verdict.{}", code(to)), lang))
            }
            What::Condition { code: reason, from, to } => {
                pair("change.condition", status(from), status(to)).replace("{reason}", &t(&format!("reason.{reason}"), lang))
            }
            What::DocumentAdded { code: doc } => t("change.document_added", lang).replace("{doc}", &t(&format!("doc.{doc}"), lang)),
            What::DocumentDropped { code: doc } => t("change.document_dropped", lang).replace("{doc}", &t(&format!("doc.{doc}"), lang)),
            What::ChannelOpens { channel: c } => t("change.channel_opens", lang).replace("{channel}", &channel(c)),
            What::ChannelCloses { channel: c } => t("change.channel_closes", lang).replace("{channel}", &channel(c)),
            What::Fee { from, to } => pair("change.fee", fee(from), fee(to)),
            What::Term { from, to } => {
                let n = |x: u32| tekser_rules::text::count(x.into(), "working_day", lang);
                pair("change.term", n(*from), n(*to))
            }
        };
        let _ = write!(s, "<li>{}{}</li>", esc(&line), cite(c.citation, lang));
    }
    s + "</ul></div>"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answers_file_and_a_day_give_each_services_parts() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/phc.json"))
            .unwrap()
            .replace("2026-09-04", "2026-03-02");
        let found: Json = serde_json::from_str(&beyond(&text, "2026-03-02", Lang::En, || 0.0).unwrap()).unwrap();
        let whatif = found["services"]["phc"]["whatif"].as_str().unwrap();
        assert!(whatif.contains("You can apply from 1 September 2026."), "{whatif}");
        assert!(whatif.contains("data-question=\"application.date\""), "{whatif}");
        assert_eq!(beyond("{", "2026-03-02", Lang::En, || 0.0), None);
        assert_eq!(beyond(&text, "1999-01-01", Lang::En, || 0.0), None, "a day outside the calendar's years");
        assert_eq!(beyond(&text, "yesterday", Lang::En, || 0.0), None);
    }

    #[test]
    fn conditions_nothing_can_change_are_named_without_their_citations_again() {
        // Each is a reason the page shows just above with its citation: here only its name.
        let mut blocks = 0;
        let example = |name: &str| std::fs::read_to_string(format!("{}/../examples/{name}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
        // Astana's norm per person not met (50 m², 3 registered, not a relative): the relation to the
        // owner decides too, and the person cannot change it.
        let astana = example("registration-astana")
            .replace("48.5", "50")
            .replace("\"grandchild\"", "\"none\"")
            .replace("\"outsider_registered\": false", "\"outsider_registered\": false, \"fulltime_student_in_astana\": false");
        let files = ["all-four", "medical-licence", "phc", "registration-astana", "trp"].map(example);
        for text in files.iter().chain([&astana]) {
            for day in ["2026-03-02", "2026-12-01"] {
                let found: Json = serde_json::from_str(&beyond(text, day, Lang::Ru, || 0.0).unwrap()).unwrap();
                for (_, parts) in found["services"].as_object().unwrap() {
                    let whatif = parts["whatif"].as_str().unwrap_or("");
                    if let Some(at) = whatif.find("<ul class=\"fixed\">") {
                        let block = &whatif[at..at + whatif[at..].find("</ul>").unwrap()];
                        assert!(!block.contains("<details"), "{block}");
                        assert!(block.contains("<li>"), "{block}");
                        blocks += 1;
                    }
                }
            }
        }
        assert!(blocks > 0, "no example has a condition nothing can change");
    }

    #[test]
    fn values_are_escaped() {
        assert_eq!(esc("<a href=\"x\">&</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
    }
}
