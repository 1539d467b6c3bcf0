//! Beyond a verdict (issue 13), on the results page, each beside the outcome it concerns:
//!
//! - **what would change it**: for an outcome the person cannot apply for (or must check with the
//!   provider), the smallest sets of changes to their own answers that make it possible, each with
//!   its threshold, the condition it meets and a link straight to the question; the conditions that
//!   rest on facts nobody can change, said plainly and never suggested; for "could not tell", which
//!   single answer settles it and how (`tekser_rules::whatif`);
//! - **the best moment to apply**: one sentence near "what to do next" (apply today before the
//!   provider closes, through this channel, to have the result on that day), the soonest result day
//!   marked on the result's calendar, the first day one may apply (a campaign that opens) and a way
//!   to apply that closes soon (`tekser_rules::timing`);
//! - **a change of the rules within 90 days** that changes something for this person: on which day,
//!   and what (`tekser_rules::changes::upcoming`);
//! - a link to the service's **map of rules**, a page of its own built with the site
//!   (`tekser rules --format html`, `rules/<service>.<lang>.html`).
//!
//! Everything is found once per page (the answers and the day), by the rules' own functions: the app
//! decides nothing. How long the search took is recorded for the browser tests
//! (`window.__tekserBeyond`, milliseconds).

use crate::components::citation::Citation;
use crate::i18n::{code, count, long_date, long_date_weekday, number, t, tenge};
use crate::state::{Action, Screen};
use chrono::NaiveDate;
use tekser_rules::answers::set::Value;
use tekser_rules::changes::{Diff, FeeTerms, What};
use tekser_rules::report::{Outcome, Status, Verdict};
use tekser_rules::timing::{Moment, Timing};
use tekser_rules::whatif::{Bound, Change, WhatIf};
use tekser_rules::{Answers, Lang, Service};
use yew::prelude::*;

/// How far ahead a change of the rules is announced.
const UPCOMING_DAYS: u64 = 90;

/// What lies beyond the verdicts of one results page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Beyond {
    pub whatif: Vec<WhatIf>,
    pub timing: Vec<Timing>,
    pub upcoming: Option<Diff>,
}

impl Beyond {
    /// Searches all three for the answers on `as_of` (the day the person decides on).
    pub fn find(answers: &Answers, as_of: NaiveDate) -> Beyond {
        let started = now_ms();
        let whatif = tekser_rules::whatif::search(answers, as_of);
        let searched = now_ms();
        let timing = tekser_rules::timing::timing(answers, as_of);
        let timed = now_ms();
        let upcoming = tekser_rules::changes::upcoming(answers, as_of, UPCOMING_DAYS);
        record(searched - started, timed - searched, now_ms() - timed);
        Beyond { whatif, timing, upcoming }
    }

    fn whatif(&self, s: Service) -> Option<&WhatIf> {
        self.whatif.iter().find(|w| w.service == s)
    }

    fn timing(&self, s: Service) -> Option<&Timing> {
        self.timing.iter().find(|x| x.service == s)
    }

    /// The soonest result day for a service the person may apply for.
    pub fn earliest_result(&self, s: Service) -> Option<NaiveDate> {
        self.timing(s).and_then(|x| x.earliest.as_ref()).map(|m| m.result_on)
    }
}

#[cfg(target_arch = "wasm32")]
fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

#[cfg(not(target_arch = "wasm32"))]
fn now_ms() -> f64 {
    0.0
}

/// Appends `{ whatif, timing, changes, total }` (milliseconds) to `window.__tekserBeyond`.
#[cfg(target_arch = "wasm32")]
fn record(whatif: f64, timing: f64, changes: f64) {
    use wasm_bindgen::JsValue;
    let Some(w) = web_sys::window() else { return };
    let key = JsValue::from_str("__tekserBeyond");
    let list = js_sys::Reflect::get(&w, &key).ok().filter(|v| v.is_object()).unwrap_or_else(|| js_sys::Array::new().into());
    let entry = js_sys::Object::new();
    for (k, v) in [("whatif", whatif), ("timing", timing), ("changes", changes), ("total", whatif + timing + changes)] {
        let _ = js_sys::Reflect::set(&entry, &JsValue::from_str(k), &JsValue::from_f64(v));
    }
    js_sys::Array::from(&list).push(&entry);
    let _ = js_sys::Reflect::set(&w, &key, &list);
}

#[cfg(not(target_arch = "wasm32"))]
fn record(_: f64, _: f64, _: f64) {}

/// A "Change this answer" link straight to a question (as the "could not tell" links).
fn to_question(path: &'static str, label: &str, lang: Lang, dispatch: &Callback<Action>) -> Html {
    html! {
        <button type="button" class="link" onclick={dispatch.reform(move |_| Action::Show(Screen::Question(path)))}>
            { label.to_string() }<span class="visually-hidden">{ ": " }{ t(&format!("question.{path}"), lang) }</span>
        </button>
    }
}

/// The new answer in words: yes or no, the option, the number with its bound, the day.
fn answer(c: &Change, lang: Lang) -> String {
    let plain = match &c.to {
        Value::Bool(b) => t(if *b { "ui.yes" } else { "ui.no" }, lang),
        Value::Text(option) => t(&format!("option.{}.{option}", c.field), lang),
        Value::Int(n) => n.to_string(),
        Value::Number(x) => number(*x, lang),
        Value::Date(d) => long_date(*d, lang),
        Value::Time(x) => crate::i18n::hm(*x),
        Value::List(items) => items.iter().map(|i| t(&format!("option.{}.{i}", c.field), lang)).collect::<Vec<_>>().join(", "),
    };
    match c.bound {
        Bound::Exactly => plain,
        Bound::AtMost => t("whatif.at_most", lang).replace("{n}", &plain),
        Bound::AtLeast => t("whatif.at_least", lang).replace("{n}", &plain),
        Bound::Earliest => t("whatif.earliest", lang).replace("{date}", &plain),
        Bound::Any => t("whatif.any", lang),
    }
}

/// One change: the question, its new answer, and the link to change it.
fn change(c: &Change, lang: Lang, dispatch: &Callback<Action>) -> Html {
    let question = t(&format!("question.{}", c.field), lang);
    html! {
        <span class="change">
            { question.trim_end_matches(['?', ':']).to_string() }{ " — " }<strong>{ answer(c, lang) }</strong>{ " " }
            { to_question(c.field, &t("whatif.change_answer", lang), lang, dispatch) }
        </span>
    }
}

/// "You could apply if …": for an outcome that is not eligible, leaves a condition to the provider or
/// finds no way open; the first day one may apply; what nobody can change; or that one or two changes
/// would not do. Nothing for a service that does not apply to the person.
pub fn what_would_change_it(b: &Beyond, o: &Outcome, lang: Lang, dispatch: &Callback<Action>) -> Html {
    if !matches!(o.verdict, Verdict::NotEligible | Verdict::CheckWithProvider | Verdict::NoChannelOpen) {
        return html! {};
    }
    let Some(w) = b.whatif(o.service) else { return html! {} };
    let opens = b.timing(o.service).and_then(|x| x.opens_on);
    let service = code(&o.service);
    html! {
        <div class="whatif" id={format!("whatif-{service}")}>
            { crate::heading(3, Default::default(), html! { { t("whatif.heading", lang) } }) }
            if let Some(d) = opens { <p class="opens"><strong>{ t("timing.opens", lang).replace("{date}", &long_date(d, lang)) }</strong></p> }
            if !w.suggestions.is_empty() {
                <p>{ t("whatif.if", lang) }</p>
                <ul class="suggestions">
                    { for w.suggestions.iter().map(|s| html! {
                        <li>
                            { for s.changes.iter().enumerate().map(|(i, c)| html! {
                                <>
                                    if i > 0 { { " " }{ t("whatif.and", lang) }{ " " } }
                                    { change(c, lang, dispatch) }
                                </>
                            }) }
                            if s.verdict != Verdict::Eligible {
                                <span class="then">{ " (" }{ t(&format!("verdict.{}", code(&s.verdict)), lang) }{ ")" }</span>
                            }
                            <ul class="meets">
                                { for s.satisfies.iter().map(|(reason, p)| html! {
                                    <li>{ t("whatif.satisfies", lang) }{ ": " }{ t(&format!("reason.{reason}"), lang) }<Citation provision={*p} lang={lang} /></li>
                                }) }
                            </ul>
                        </li>
                    }) }
                </ul>
            }
            if !w.fixed.is_empty() {
                <p>{ t("whatif.fixed", lang) }</p>
                <ul class="fixed">
                    { for w.fixed.iter().map(|(reason, p)| html! { <li>{ t(&format!("reason.{reason}"), lang) }<Citation provision={*p} lang={lang} /></li> }) }
                </ul>
                // "What to do instead" follows a refusal; for a condition left to the provider, say it here.
                if w.suggestions.is_empty() && o.verdict == Verdict::CheckWithProvider {
                    <p>{ t(&format!("instead.help.{service}"), lang) }</p>
                }
            }
            if w.suggestions.is_empty() && w.fixed.is_empty() && opens.is_none() { <p>{ t("whatif.none", lang) }</p> }
        </div>
    }
}

/// "Could not tell": which single answer settles it, linked to its question, and the verdict each
/// answer to it gives.
pub fn what_settles_it(b: &Beyond, o: &Outcome, lang: Lang, dispatch: &Callback<Action>) -> Html {
    if o.verdict != Verdict::NeedsInfo {
        return html! {};
    }
    let Some(w) = b.whatif(o.service).filter(|w| !w.settle.is_empty()) else { return html! {} };
    html! {
        <div class="settle">
            { for w.settle.iter().map(|s| html! {
                <>
                    <p>{ t("whatif.settle", lang) }{ " " }<strong>{ t(&format!("question.{}", s.field), lang) }</strong>{ " " }
                        { to_question(s.field, &t("ui.answer_it", lang), lang, dispatch) }</p>
                    <ul class="settle-answers">
                        { for s.answers.iter().map(|(c, v)| html! { <li>{ answer(c, lang) }{ " → " }{ t(&format!("verdict.{}", code(v)), lang) }</li> }) }
                    </ul>
                </>
            }) }
        </div>
    }
}

/// "Apply today before 18:00 at … to have the result on …": the soonest moment, in one sentence; and a
/// way to apply open today that closes soon.
pub fn best_moment(b: &Beyond, o: &Outcome, lang: Lang) -> Html {
    let Some(x) = b.timing(o.service).filter(|_| o.verdict.may_apply()) else { return html! {} };
    let channel = |c| t(&format!("channel.{}", code(&c)), lang);
    let when = |m: &Moment| {
        let time = format!("{:02}:{:02}", m.closes / 60, m.closes % 60);
        t(&format!("timing.when.{}", code(&m.when)), lang).replace("{time}", &time).replace("{date}", &long_date(m.day, lang))
    };
    html! {
        <div class="best-moment">
            if let Some(m) = &x.earliest {
                <p><strong>{ t("timing.best", lang).replace("{when}", &when(m)).replace("{channel}", &channel(m.channel)).replace("{result}", &long_date_weekday(m.result_on, lang)) }</strong>
                    <Citation provision={m.citation} lang={lang} /></p>
            }
            { for x.closing.iter().map(|(c, last, p)| html! {
                <p class="closing">{ t("timing.closing", lang).replace("{channel}", &channel(*c)).replace("{date}", &long_date(*last, lang)) }<Citation provision={*p} lang={lang} /></p>
            }) }
        </div>
    }
}

/// A change of the rules within 90 days that changes something for this person: on which day, and
/// what — the verdict, a condition, a document, a way to apply, the fee, the term.
pub fn upcoming_change(b: &Beyond, o: &Outcome, lang: Lang) -> Html {
    let Some(d) = &b.upcoming else { return html! {} };
    let mine: Vec<_> = d.changes.iter().filter(|c| c.service == o.service).collect();
    if mine.is_empty() {
        return html! {};
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
    let line = |w: &What| match w {
        What::Verdict { from, to } => {
            pair("change.verdict", t(&format!("verdict.{}", code(from)), lang), t(&format!("verdict.{}", code(to)), lang))
        }
        What::Condition { code: reason, from, to } => {
            pair("change.condition", status(from), status(to)).replace("{reason}", &t(&format!("reason.{reason}"), lang))
        }
        What::DocumentAdded { code: doc } => t("change.document_added", lang).replace("{doc}", &t(&format!("doc.{doc}"), lang)),
        What::DocumentDropped { code: doc } => t("change.document_dropped", lang).replace("{doc}", &t(&format!("doc.{doc}"), lang)),
        What::ChannelOpens { channel } => {
            t("change.channel_opens", lang).replace("{channel}", &t(&format!("channel.{}", code(channel)), lang))
        }
        What::ChannelCloses { channel } => {
            t("change.channel_closes", lang).replace("{channel}", &t(&format!("channel.{}", code(channel)), lang))
        }
        What::Fee { from, to } => pair("change.fee", fee(from), fee(to)),
        What::Term { from, to } => pair("change.term", count(*from, "working_day", lang), count(*to, "working_day", lang)),
    };
    html! {
        <div class="panel upcoming" role="note">
            { crate::heading(3, Default::default(), html! { { t("change.upcoming", lang).replace("{date}", &long_date(d.to, lang)) } }) }
            <ul>{ for mine.into_iter().map(|c| html! { <li>{ line(&c.what) }<Citation provision={c.citation} lang={lang} /></li> }) }</ul>
        </div>
    }
}

/// The link to the service's map of rules (opens in a new tab, so the answers stay where they are).
pub fn map_link(o: &Outcome, lang: Lang) -> Html {
    let href = format!("rules/{}.{}.html", code(&o.service), crate::i18n::lang_code(lang));
    html! {
        <p class="rules-map no-print">
            <a href={href} target="_blank" rel="noopener">{ t("ui.rules_map", lang) }</a>{ " " }
            <span class="hint">{ t("ui.opens_in_new_tab", lang) }</span>
        </p>
    }
}
