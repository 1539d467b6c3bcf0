//! One service's outcome, action first (GOV.UK Smart Answers, ACCESS NYC):
//!
//! 1. the verdict in plain words, and anything that cannot wait (a deadline to apply that has
//!    passed);
//! 2. when the person can apply: **what to do next** as numbered steps (what to get first, the
//!    documents, where to apply and by when, when the answer comes, what follows), then the
//!    deadline to apply with its calendar, the checklist (paper first, what the provider obtains
//!    from state systems folded), the fee and the result day with its calendar (folded);
//! 3. when the person cannot: the reasons, what they can do instead, and how to challenge a
//!    refusal — nothing about documents, fees or result days;
//! 4. when the answers did not settle it: each missing answer with a link straight to it;
//! 5. why: the conditions not met and unknown first, those met folded; then further information
//!    and the acts applied, folded.
//!
//! Beyond the verdict (`components/beyond.rs`, when the page found it): a change of the rules
//! within 90 days under the verdict; which answer settles "could not tell"; what would change a
//! refusal; the best moment to apply after the steps, its result day on the calendar; the link to
//! the service's map of rules, first in "further information".
//!
//! A figure that rests on a value not confirmed by an official source says so next to it.
//! Citations stay one tap away: one line each, the words of the provision inside.

use crate::components::beyond::{self, Beyond};
use crate::components::calendar::{MonthCalendar, Span};
use crate::components::citation::Citation;
use crate::i18n::{code, count, long_date_weekday, t, t_opt, tenge};
use crate::state::{Action, Screen};
use std::rc::Rc;
use tekser_rules::data::{Provenance, Provision};
use tekser_rules::report::{Channel, Limit, MilestoneKind, Outcome, Reason, Role, Status, Verdict};
use tekser_rules::Lang;
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct Props {
    pub outcome: Outcome,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
    /// The channel the person said they will use, highlighted where it is open.
    #[prop_or_default]
    pub chosen: Option<Channel>,
    /// What "Answer it" beside a missing answer does: by default it opens the question's page;
    /// operator mode, with every question on one page, moves the focus to it instead.
    #[prop_or_default]
    pub on_missing: Option<Callback<&'static str>>,
    /// What lies beyond the verdicts of the page (found once for all services).
    #[prop_or_default]
    pub beyond: Option<Rc<Beyond>>,
}

pub fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Eligible => "ok",
        Verdict::NotEligible => "no",
        Verdict::NotApplicable => "na",
        Verdict::NeedsInfo => "info",
        Verdict::CheckWithProvider => "check",
        Verdict::NoChannelOpen => "check",
    }
}

/// Where a limit of the data is said: next to the figure it concerns.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Fee,
    Deadline,
    Conditions,
}

fn place(l: &Limit) -> Place {
    match l {
        Limit::MciNotSet { .. } => Place::Fee,
        Limit::Unverified { what } if what.contains("fee") => Place::Fee,
        Limit::Unverified { what } if what.contains("hours") => Place::Deadline,
        Limit::CalendarNotPublished { .. } | Limit::KurbanAitNotConfirmed { .. } => Place::Deadline,
        _ => Place::Conditions,
    }
}

fn limit_lines(o: &Outcome, at: Place, lang: Lang) -> Vec<String> {
    o.limits.iter().filter(|l| place(l) == at).map(|l| l.message(lang)).collect()
}

fn limits_at(o: &Outcome, at: Place, lang: Lang) -> Html {
    limits_at_where(o, at, lang, |_| true)
}

fn limits_at_where(o: &Outcome, at: Place, lang: Lang, keep: impl Fn(&Limit) -> bool) -> Html {
    let lines: Vec<String> = o.limits.iter().filter(|l| place(l) == at && keep(l)).map(|l| l.message(lang)).collect();
    if lines.is_empty() {
        return html! {};
    }
    html! { <ul class="limits">{ for lines.into_iter().map(|l| html! { <li>{ l }</li> }) }</ul> }
}

/// The citations of a section, folded under one line: one per line inside, each opening to the
/// words of its provision.
fn basis(provisions: Vec<&'static Provision>, lang: Lang) -> Html {
    let mut seen: Vec<&'static Provision> = Vec::new();
    for p in provisions {
        if !seen.iter().any(|s| s.id == p.id) {
            seen.push(p);
        }
    }
    if seen.is_empty() {
        return html! {};
    }
    html! {
        <details class="basis">
            <summary>{ t("ui.legal_basis", lang) }{ format!(" ({})", seen.len()) }</summary>
            <ul>{ for seen.into_iter().map(|p| html! { <li><Citation provision={p} lang={lang} /></li> }) }</ul>
        </details>
    }
}

fn not_firm(p: &Provision) -> bool {
    p.provenance > Provenance::Official
}

#[function_component(OutcomeView)]
pub fn outcome_view(p: &Props) -> Html {
    let o = &p.outcome;
    let lang = p.lang;
    let service = code(&o.service);
    let (service_name, case) = (t(&format!("service.{service}"), lang), t(&format!("case.{}", o.case), lang));
    let apply = o.verdict.may_apply();
    let none = Rc::new(Beyond::default());
    let b = p.beyond.as_ref().unwrap_or(&none);
    html! {
        <section class={classes!("outcome", verdict_class(o.verdict))} aria-labelledby={format!("h-{service}")} id={format!("s-{service}")}>
            { crate::heading(2, crate::Heading { id: Some(format!("h-{service}").into()), ..Default::default() }, html! { { service_name.clone() } }) }
            // A case worded like the service (a service with one case) is not said twice.
            if case != service_name { <p class="case">{ case }</p> }
            <p class={classes!("verdict", verdict_class(o.verdict))}><strong>{ t(&format!("verdict.{}", code(&o.verdict)), lang) }</strong></p>
            { t_opt(&format!("verdict_lead.{}", code(&o.verdict)), lang).map(|l| html! { <p class="verdict-lead">{ l }</p> }).unwrap_or_default() }
            { missed_deadline(o, lang) }
            { beyond::part(b, o, "upcoming", &p.dispatch) }
            { to_answer(o, lang, &p.dispatch, p.on_missing.as_ref()) }
            { beyond::part(b, o, "settle", &p.dispatch) }
            if o.verdict == Verdict::CheckWithProvider {
                { to_check(o, lang) }
                { beyond::part(b, o, "whatif", &p.dispatch) }
            }
            if apply {
                { next_steps(o, lang, p.chosen) }
                { beyond::part(b, o, "best", &p.dispatch) }
                { apply_by(o, lang) }
                { checklist(o, lang, &service) }
                { fee(o, lang) }
                { result_day(o, lang, b.soonest(o)) }
            }
            if matches!(o.verdict, Verdict::NotEligible | Verdict::NotApplicable | Verdict::NoChannelOpen) {
                { why_not(o, lang) }
                if o.verdict == Verdict::NoChannelOpen { { closed_channels(o, lang) } }
                { beyond::part(b, o, "whatif", &p.dispatch) }
                { instead(o, lang) }
                // Said plainly, not folded: here the notes often say where the person stands instead
                // (e.g. a child lives where the legal representatives live).
                { list(lang, crate::h(3), "ui.notes", "note", o.notes.iter().collect()) }
            }
            { conditions(o, lang) }
            { more(o, lang, apply) }
        </section>
    }
}

/// A deadline to apply that has passed comes before anything else, with what it risks.
fn missed_deadline(o: &Outcome, lang: Lang) -> Html {
    let late = o.reasons.iter().any(|r| r.code == "reg.on_time" && r.status == Status::NotMet);
    if !late || !o.verdict.may_apply() {
        return html! {};
    }
    let by = o.timeline.iter().find(|m| m.kind == MilestoneKind::ApplyBy).and_then(|m| m.by);
    let liability = o.notes.iter().find(|n| n.code == "reg.late_liability");
    html! {
        <div class="panel late" role="note">
            { crate::heading(3, Default::default(), html! { { t("ui.deadline_missed", lang) } }) }
            if let Some(by) = by { <p>{ t("ui.deadline_was", lang).replace("{date}", &long_date_weekday(by, lang)) }</p> }
            if let Some(n) = liability { <p>{ t(&format!("note.{}", n.code), lang) }</p>{ basis(vec![n.citation], lang) } }
            <p>{ t("ui.apply_anyway", lang) }</p>
        </div>
    }
}

/// "Could not tell": each answer still missing (unanswered or "don't know"), linked to its question.
fn to_answer(o: &Outcome, lang: Lang, dispatch: &Callback<Action>, on_missing: Option<&Callback<&'static str>>) -> Html {
    if o.missing.is_empty() {
        return html! {};
    }
    html! {
        <>
            { crate::heading(3, Default::default(), html! { { t("ui.to_answer", lang) } }) }
            <ul class="missing">
                { for o.missing.iter().map(|m| {
                    let path: &'static str = m;
                    let onclick = match on_missing {
                        Some(go) => go.reform(move |_: MouseEvent| path),
                        None => dispatch.reform(move |_| Action::Show(Screen::Question(path))),
                    };
                    html! { <li>{ t(&format!("question.{m}"), lang) }{ " " }
                        <button type="button" class="link" {onclick}>
                            { t("ui.answer_it", lang) }<span class="visually-hidden">{ ": " }{ t(&format!("question.{m}"), lang) }</span>
                        </button></li> }
                }) }
            </ul>
        </>
    }
}

/// "Check with the provider": the conditions not confirmed, or that could not be settled.
fn to_check(o: &Outcome, lang: Lang) -> Html {
    reasons_under("ui.to_check", o.reasons.iter().filter(|r| r.decides() && r.status != Status::Met).collect(), lang)
}

/// Reasons under their own heading; nothing when there are none.
fn reasons_under(title: &str, reasons: Vec<&Reason>, lang: Lang) -> Html {
    if reasons.is_empty() {
        return html! {};
    }
    html! {
        <>
            { crate::heading(3, Default::default(), html! { { t(title, lang) } }) }
            <ul class="reasons">{ for reasons.into_iter().map(|r| reason(r, lang)) }</ul>
        </>
    }
}

/// One condition: its status, its words, a plain note when it rests on no official source, and
/// its citation.
fn reason(r: &Reason, lang: Lang) -> Html {
    let kind = if r.role == Role::Info { "info_status" } else { "status" };
    html! {
        <li class={classes!(code(&r.status), (!r.decides()).then_some("info"))}>
            <span class="status">{ t(&format!("{kind}.{}", code(&r.status)), lang) }{ ": " }</span>
            { t(&format!("reason.{}", r.code), lang) }
            if r.decides() && r.status == Status::NotMet && !r.firm() {
                <span class="unconfirmed">{ " " }{ t("basis.unconfirmed", lang) }</span>
            }
            <Citation provision={r.citation} lang={lang} />
        </li>
    }
}

/// What to do next, in order: the steps to take first (with the fee right after paying it), the
/// documents, where to apply and by when (the chosen channel first), when the answer comes, and
/// what follows.
pub fn next_steps(o: &Outcome, lang: Lang, chosen: Option<Channel>) -> Html {
    let mut steps: Vec<Html> = Vec::new();
    let fee_words = o.fee.as_ref().filter(|f| !f.free).map(|f| fee_amount(f, lang));
    let paid_step = o.reasons.iter().any(|r| r.role == Role::Step && r.code.contains("fee"));
    for r in o.reasons.iter().filter(|r| r.to_do()) {
        let amount = fee_words.as_ref().filter(|_| r.code.contains("fee"));
        steps.push(html! { <li>{ t(&format!("todo.{}", r.code), lang) }
        if let Some(a) = amount { <strong class="amount">{ " — " }{ a.clone() }</strong> }</li> });
    }
    if let (Some(a), false) = (&fee_words, paid_step) {
        steps.push(html! { <li>{ t("step.pay_fee", lang) }{ ": " }<strong class="amount">{ a.clone() }</strong></li> });
    }
    let paper = o.documents.iter().filter(|d| !d.from_state_systems).count();
    if paper > 0 {
        steps.push(html! { <li><a href={format!("#docs-{}", code(&o.service))} onclick={Callback::from(|e: MouseEvent| follow(&e))}>{ t("step.gather_documents", lang) }</a></li> });
    }
    let open: Vec<Channel> = o.channels.iter().filter(|c| c.available).map(|c| c.channel).collect();
    if !open.is_empty() {
        let mut ordered = open.clone();
        tekser_rules::order::sort_by_key(&mut ordered, |c| Some(*c) != chosen);
        let apply_by = o.timeline.iter().find(|m| m.kind == MilestoneKind::ApplyBy).and_then(|m| m.by);
        let lead = match apply_by {
            Some(by) => t("step.apply_by", lang).replace("{date}", &long_date_weekday(by, lang)),
            None => t("step.apply", lang),
        };
        steps.push(html! {
            <li>{ lead }{ ": " }
                { for ordered.iter().enumerate().map(|(i, c)| html! {
                    <>
                        if i > 0 { { " " }{ t("ui.or", lang) }{ " " } }
                        if Some(*c) == chosen {
                            <strong class="chosen">{ t(&format!("channel.{}", code(c)), lang) }</strong>{ " (" }{ t("ui.your_choice", lang) }{ ")" }
                        } else { { t(&format!("channel.{}", code(c)), lang) } }
                    </>
                }) }
            </li>
        });
    }
    if let Some(d) = &o.deadline {
        steps.push(html! { <li>{ t("step.answer_by", lang).replace("{date}", &long_date_weekday(d.result_on, lang)) }</li> });
    }
    for m in o.timeline.iter().filter(|m| m.kind == MilestoneKind::Effect) {
        steps.push(html! { <li>{ t(&format!("milestone.{}", m.code), lang) }
        if let Some(by) = m.by { { ": " }<strong>{ long_date_weekday(by, lang) }</strong> }</li> });
    }
    if steps.is_empty() {
        return html! {};
    }
    html! {
        <>
            { crate::heading(3, Default::default(), html! { { t("ui.next_steps", lang) } }) }
            <ol class="steps">{ for steps }</ol>
        </>
    }
}

/// Follows a same-page link without changing the URL fragment (which holds the screen).
fn follow(e: &MouseEvent) {
    let href = e.target_unchecked_into::<web_sys::Element>().get_attribute("href").unwrap_or_default();
    crate::jump_to(e, href.trim_start_matches('#'));
}

/// The person's own deadline to apply (registration: 10 calendar days from arrival; refugees 5
/// working days), with its calendar, before the documents.
fn apply_by(o: &Outcome, lang: Lang) -> Html {
    let Some(m) = o.timeline.iter().find(|m| m.kind == MilestoneKind::ApplyBy) else { return html! {} };
    html! {
        <>
            { crate::heading(3, Default::default(), html! { { t("ui.apply_deadline", lang) } }) }
            <p class="apply-by">{ t(&format!("milestone.{}", m.code), lang) }
                if let Some(by) = m.by { { ": " }<strong>{ long_date_weekday(by, lang) }</strong> }</p>
            if let (Some(from), Some(by)) = (m.from, m.by) {
                <details class="calendar-fold">
                    <summary>{ t("ui.show_calendar", lang) }</summary>
                    <MonthCalendar span={Span::apply_by(from, by)} lang={lang} />
                </details>
            }
            { basis(vec![m.citation], lang) }
        </>
    }
}

/// The documents to bring on paper, with tick boxes; those the provider obtains from state
/// systems folded under one line.
fn checklist(o: &Outcome, lang: Lang, service: &str) -> Html {
    if o.documents.is_empty() {
        return html! {};
    }
    let (state, paper): (Vec<_>, Vec<_>) = o.documents.iter().enumerate().partition(|(_, d)| d.from_state_systems);
    let item = |(i, d): &(usize, &tekser_rules::report::Document), tick: bool| {
        let id = format!("doc-{service}-{i}");
        html! {
            <li>
                if tick { <input type="checkbox" id={id.clone()} /> }
                <label for={tick.then_some(id)}>{ t(&format!("doc.{}", d.code), lang) }
                    // Why a document is needed, unless everyone needs it.
                    if !d.because.ends_with(".everyone") {
                        <span class="because">{ " — " }{ t(&format!("because.{}", d.because), lang) }</span>
                    }
                </label>
            </li>
        }
    };
    html! {
        <>
            { crate::heading(3, crate::Heading { id: Some(format!("docs-{service}").into()), focus: true, ..Default::default() }, html! { { t("ui.what_to_bring", lang) } }) }
            if paper.is_empty() { <p>{ t("ui.no_paper_documents", lang) }</p> }
            <ul class="checklist">{ for paper.iter().map(|d| item(d, true)) }</ul>
            if !state.is_empty() {
                <details class="state-docs">
                    <summary>{ t("ui.from_state_systems_fold", lang) }{ format!(" ({})", state.len()) }</summary>
                    <ul class="checklist state">{ for state.iter().map(|d| item(d, false)) }</ul>
                </details>
            }
            { basis(o.documents.iter().map(|d| d.citation).collect(), lang) }
        </>
    }
}

fn fee_amount(f: &tekser_rules::report::Fee, lang: Lang) -> String {
    let mci = format!("{} {}", crate::i18n::number(f.mci_multiple, lang), t("ui.mci", lang));
    match f.tenge {
        Some(x) => format!("{} ({mci})", tenge(x, lang)),
        None => mci,
    }
}

/// The fee, with a plain note when its amount rests on no official source.
fn fee(o: &Outcome, lang: Lang) -> Html {
    let Some(f) = &o.fee else { return html! {} };
    let unverified_limit = o.limits.iter().any(|l| matches!(l, Limit::Unverified { .. }) && place(l) == Place::Fee);
    let unsure = not_firm(f.citation) || f.mci.is_some_and(|m| m.provenance > Provenance::Official) || unverified_limit;
    html! {
        <>
            { crate::heading(3, Default::default(), html! { { t("ui.fee", lang) } }) }
            <p class="fee">{ if f.free { t("ui.free", lang) } else { fee_amount(f, lang) } }</p>
            if unsure && !f.free { <p class="unconfirmed">{ t("basis.fee_unconfirmed", lang) }</p> }
            // Said once, in plain words, above; what is left is a missing MCI.
            { limits_at_where(o, Place::Fee, lang, |l| !matches!(l, Limit::Unverified { .. })) }
            { basis(vec![f.citation], lang) }
        </>
    }
}

/// When the answer comes: the day in words, the count, and the calendar and how the days are
/// counted, folded; on the calendar, the soonest result day (`earliest`) when it is not later.
fn result_day(o: &Outcome, lang: Lang, earliest: Option<chrono::NaiveDate>) -> Html {
    let Some(d) = &o.deadline else { return html! {} };
    html! {
        <>
            { crate::heading(3, Default::default(), html! { { t("ui.deadline", lang) } }) }
            <p class="deadline"><strong>{ t("ui.result_by", lang) }{ ": " }{ long_date_weekday(d.result_on, lang) }</strong>
                { " — " }{ count(d.working_days, "working_day", lang) }</p>
            if not_firm(d.citation) { <p class="unconfirmed">{ t("basis.term_unconfirmed", lang) }</p> }
            { limits_at(o, Place::Deadline, lang) }
            <details class="calendar-fold">
                <summary>{ t("ui.show_calendar", lang) }</summary>
                <p>{ t("ui.registered_on", lang) }{ ": " }{ long_date_weekday(d.registered_on, lang) }</p>
                <p class="convention">{ t(&format!("convention.{}", d.convention), lang) }</p>
                <MonthCalendar span={Span::of_deadline(d).with_soonest(earliest)} lang={lang} />
            </details>
            { basis(vec![d.citation], lang) }
        </>
    }
}

/// Why the person cannot apply (or why the service is not theirs): the deciding conditions not met.
fn why_not(o: &Outcome, lang: Lang) -> Html {
    reasons_under("ui.why_not", o.reasons.iter().filter(|r| r.decides() && r.status == Status::NotMet).collect(), lang)
}

/// When no channel is open: each closed channel and why.
fn closed_channels(o: &Outcome, lang: Lang) -> Html {
    html! {
        <>
            { crate::heading(3, Default::default(), html! { { t("ui.ways_closed", lang) } }) }
            <ul class="channels">
                { for o.channels.iter().map(|c| html! {
                    <li class="closed"><strong>{ t(&format!("channel.{}", code(&c.channel)), lang) }</strong>{ ": " }
                        { t(&format!("channel_why.{}", c.why), lang) }<Citation provision={c.citation} lang={lang} /></li>
                }) }
            </ul>
        </>
    }
}

/// What the person can do instead: for each condition not met that has advice (`instead.<code>`),
/// the advice; then where to get help; then how to challenge a refusal.
fn instead(o: &Outcome, lang: Lang) -> Html {
    let advice: Vec<String> = o
        .reasons
        .iter()
        .filter(|r| r.decides() && r.status == Status::NotMet)
        .filter_map(|r| t_opt(&format!("instead.{}", r.code), lang))
        .fold(Vec::new(), |mut all, a| {
            if !all.contains(&a) {
                all.push(a);
            }
            all
        });
    html! {
        <>
            { crate::heading(3, Default::default(), html! { { t("ui.instead", lang) } }) }
            <ul class="instead">
                { for advice.into_iter().map(|a| html! { <li>{ a }</li> }) }
                <li>{ t(&format!("instead.help.{}", code(&o.service)), lang) }</li>
            </ul>
            if !o.appeal.is_empty() {
                { crate::heading(3, Default::default(), html! { { t("ui.appeal", lang) } }) }
                <ul class="appeal">{ for o.appeal.iter().map(|w| html! { <li>{ t(&format!("appeal.{}", w.code), lang) }<Citation provision={w.citation} lang={lang} /></li> }) }</ul>
            }
        </>
    }
}

/// Why: the deciding conditions not shown above first (not met, then unknown), those met folded
/// under one line; and limits of the data that concern the conditions.
fn conditions(o: &Outcome, lang: Lang) -> Html {
    let shown_above = |r: &&Reason| match o.verdict {
        Verdict::CheckWithProvider => r.status != Status::Met,
        Verdict::NotEligible | Verdict::NotApplicable | Verdict::NoChannelOpen => r.status == Status::NotMet,
        _ => false,
    };
    let deciding: Vec<&Reason> = o.reasons.iter().filter(|r| r.decides()).filter(|r| !shown_above(r)).collect();
    let mut open: Vec<&Reason> = deciding.iter().copied().filter(|r| r.status != Status::Met).collect();
    tekser_rules::order::sort_by_key(&mut open, |r| r.status != Status::NotMet);
    let met: Vec<&Reason> = deciding.iter().copied().filter(|r| r.status == Status::Met).collect();
    if open.is_empty() && met.is_empty() && limit_lines(o, Place::Conditions, lang).is_empty() {
        return html! {};
    }
    html! {
        <>
            { crate::heading(3, Default::default(), html! { { t("ui.why", lang) } }) }
            { limits_at(o, Place::Conditions, lang) }
            if !open.is_empty() { <ul class="reasons">{ for open.into_iter().map(|r| reason(r, lang)) }</ul> }
            if !met.is_empty() {
                <details class="met">
                    <summary>{ t("ui.conditions_met", lang).replace("{n}", &met.len().to_string()) }</summary>
                    <ul class="reasons">{ for met.into_iter().map(|r| reason(r, lang)) }</ul>
                </details>
            }
        </>
    }
}

/// Further information, folded: the ways to apply and why some are closed, the stages of the
/// procedure, the grounds for refusal, how to challenge one, notes, and the acts applied.
fn more(o: &Outcome, lang: Lang, apply: bool) -> Html {
    let info: Vec<&Reason> = o.reasons.iter().filter(|r| r.role == Role::Info).collect();
    let stages: Vec<_> = o.timeline.iter().filter(|m| m.kind == MilestoneKind::Stage).collect();
    let notes: Vec<_> = o.notes.iter().filter(|n| !(n.code == "reg.late_liability" && apply)).collect();
    let mentioned = o.mentioned();
    html! {
        <details class="more">
            <summary>{ t("ui.more_info", lang) }</summary>
            { beyond::map_link(o, lang) }
            if apply && !o.channels.is_empty() {
                { crate::heading(4, Default::default(), html! { { t("ui.how_to_apply", lang) } }) }
                <ul class="channels">
                    { for o.channels.iter().map(|c| html! {
                        <li class={classes!((!c.available).then_some("closed"))}>
                            <strong>{ t(&format!("channel.{}", code(&c.channel)), lang) }</strong>
                            if !c.available { { " (" }{ t("ui.not_available", lang) }{ ")" } }
                            { ": " }{ t(&format!("channel_why.{}", c.why), lang) }
                            <Citation provision={c.citation} lang={lang} />
                        </li>
                    }) }
                </ul>
            }
            if !info.is_empty() {
                { crate::heading(4, Default::default(), html! { { t("ui.about_your_case", lang) } }) }
                <ul class="reasons">{ for info.into_iter().map(|r| reason(r, lang)) }</ul>
            }
            if apply && !stages.is_empty() {
                { crate::heading(4, Default::default(), html! { { t("ui.timeline", lang) } }) }
                <ol class="timeline">
                    { for stages.into_iter().map(|m| html! {
                        <li>{ t(&format!("milestone.{}", m.code), lang) }
                            if let Some(by) = m.by { { " — " }<strong>{ long_date_weekday(by, lang) }</strong> }
                            <Citation provision={m.citation} lang={lang} /></li>
                    }) }
                </ol>
            }
            if apply { { list(lang, crate::h(4), "ui.refusal_grounds", "warning", o.refusal_grounds.iter().collect()) } }
            if apply { { list(lang, crate::h(4), "ui.appeal", "appeal", o.appeal.iter().collect()) } }
            if apply || o.verdict == Verdict::NeedsInfo { { list(lang, crate::h(4), "ui.notes", "note", notes) } }
            <p class="editions"><strong>{ t("ui.acts_used", lang) }{ ": " }</strong>
                { o.editions().iter().map(|e| edition(e, lang)).collect::<Vec<_>>().join("; ") }
            </p>
            if !mentioned.is_empty() {
                <p class="editions"><strong>{ t("ui.acts_mentioned", lang) }{ ": " }</strong>
                    { mentioned.iter().map(|e| edition(e, lang)).collect::<Vec<_>>().join("; ") }
                </p>
            }
        </details>
    }
}

/// An act used, by its name and the edition's date: "приказ МВД № 677 (14.11.2025)".
fn edition(e: &tekser_rules::report::ActEdition, lang: Lang) -> String {
    let name = tekser_rules::text::act(e.act).map_or(e.number, |a| tekser_rules::text::source_name(a, lang));
    match e.edition_date {
        Some(d) => format!("{name} ({})", crate::i18n::dmy(d)),
        None => name.to_string(),
    }
}

/// A list of warnings or notes under a heading (`h3` on its own, `h4` inside the "more" fold).
fn list(lang: Lang, heading: &'static str, title: &str, prefix: &str, items: Vec<&tekser_rules::report::Warning>) -> Html {
    if items.is_empty() {
        return html! {};
    }
    html! {
        <>
            <@{heading}>{ t(title, lang) }</@>
            <ul class={prefix.to_string()}>
                { for items.into_iter().map(|w| html! { <li>{ t(&format!("{prefix}.{}", w.code), lang) }<Citation provision={w.citation} lang={lang} /></li> }) }
            </ul>
        </>
    }
}
