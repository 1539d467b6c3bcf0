//! One service's outcome: the verdict first, then the reasons (not met first, each with its
//! citation), what to answer, where to apply, what to bring, the fee, the deadline with its
//! calendar, the procedure, refusal grounds, further information and the limits of the data.

use crate::components::calendar::MonthCalendar;
use crate::components::citation::Citation;
use crate::i18n::{code, long_date_weekday, t, tenge, working_days};
use crate::state::Action;
use crate::state::Screen;
use tekser_rules::report::{Outcome, Reason, Role, Status, Verdict};
use tekser_rules::Lang;
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct Props {
    pub outcome: Outcome,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
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

#[function_component(OutcomeView)]
pub fn outcome_view(p: &Props) -> Html {
    let o = &p.outcome;
    let lang = p.lang;
    let service = code(&o.service);
    let mut reasons: Vec<_> = o.reasons.iter().collect();
    // The conditions that decide come first, not met first; information lines (which decide
    // nothing) follow, answered "yes" / "no" rather than "met" / "not met".
    reasons.sort_by_key(|r| {
        let status = match r.status {
            Status::NotMet => 0,
            Status::Unknown => 1,
            Status::Met => 2,
        };
        (!r.decides(), status)
    });
    let status_word = |r: &Reason| {
        let kind = if r.role == Role::Info { "info_status" } else { "status" };
        t(&format!("{kind}.{}", code(&r.status)), lang)
    };
    html! {
        <section class={classes!("outcome", verdict_class(o.verdict))} aria-labelledby={format!("h-{service}")} id={format!("s-{service}")}>
            <h2 id={format!("h-{service}")}>{ t(&format!("service.{service}"), lang) }</h2>
            <p class="case">{ t(&format!("case.{}", o.case), lang) }</p>
            <p class={classes!("verdict", verdict_class(o.verdict))}><strong>{ t(&format!("verdict.{}", code(&o.verdict)), lang) }</strong></p>

            if !o.missing.is_empty() {
                <h3>{ t("ui.to_answer", lang) }</h3>
                <ul class="missing">
                    { for o.missing.iter().map(|m| {
                        let path: &'static str = m;
                        html! { <li>{ t(&format!("question.{m}"), lang) }{ " " }
                            <button type="button" class="link" onclick={p.dispatch.reform(move |_| Action::Show(Screen::Question(path)))}>{ t("ui.answer_it", lang) }</button></li> }
                    }) }
                </ul>
            }

            if o.reasons.iter().any(|r| r.to_do()) && !matches!(o.verdict, Verdict::NotEligible | Verdict::NotApplicable) {
                <h3>{ t("ui.before_you_apply", lang) }</h3>
                <ol class="steps">
                    { for o.reasons.iter().filter(|r| r.to_do()).map(|r| html! {
                        <li>{ t(&format!("todo.{}", r.code), lang) }<Citation provision={r.citation} lang={lang} /></li>
                    }) }
                </ol>
            }

            <h3>{ t("ui.why", lang) }</h3>
            <ul class="reasons">
                { for reasons.iter().map(|r| html! {
                    <li class={classes!(code(&r.status), (!r.decides()).then_some("info"))}>
                        <span class="status">{ status_word(r) }{ ": " }</span>
                        { t(&format!("reason.{}", r.code), lang) }
                        if r.decides() && r.status == Status::NotMet && !r.firm() {
                            <span class="unconfirmed">{ " " }{ t("basis.unconfirmed", lang) }</span>
                        }
                        <Citation provision={r.citation} lang={lang} />
                    </li>
                }) }
            </ul>

            if !o.channels.is_empty() {
                <h3>{ t("ui.how_to_apply", lang) }</h3>
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

            if !o.documents.is_empty() {
                <h3>{ t("ui.what_to_bring", lang) }</h3>
                <ul class="checklist">
                    { for o.documents.iter().enumerate().map(|(i, d)| {
                        let id = format!("doc-{service}-{i}");
                        html! {
                            <li>
                                <input type="checkbox" id={id.clone()} />
                                <label for={id}>
                                    { t(&format!("doc.{}", d.code), lang) }
                                    if d.from_state_systems { <span class="state-is">{ " — " }{ t("ui.from_state_systems", lang) }</span> }
                                </label>
                                <p class="because">{ t(&format!("because.{}", d.because), lang) }</p>
                                <Citation provision={d.citation} lang={lang} />
                            </li>
                        }
                    }) }
                </ul>
            }

            if let Some(f) = &o.fee {
                <h3>{ t("ui.fee", lang) }</h3>
                <p class="fee">
                    if f.free { { t("ui.free", lang) } } else {
                        { f.tenge.map(|x| tenge(x, lang)).unwrap_or_default() }
                        { format!(" ({} {})", crate::i18n::number(f.mci_multiple, lang), t("ui.mci", lang)) }
                    }
                </p>
                <Citation provision={f.citation} lang={lang} />
            }

            if let Some(d) = &o.deadline {
                <h3>{ t("ui.deadline", lang) }</h3>
                <p class="deadline"><strong>{ t("ui.result_by", lang) }{ ": " }{ long_date_weekday(d.result_on, lang) }</strong>
                    { " — " }{ working_days(d.working_days, lang) }</p>
                <p>{ t("ui.registered_on", lang) }{ ": " }{ long_date_weekday(d.registered_on, lang) }</p>
                <p class="convention">{ t(&format!("convention.{}", d.convention), lang) }</p>
                <MonthCalendar deadline={d.clone()} lang={lang} />
                <Citation provision={d.citation} lang={lang} />
            }

            if !o.timeline.is_empty() {
                <h3>{ t("ui.timeline", lang) }</h3>
                <ol class="timeline">
                    { for o.timeline.iter().map(|m| html! {
                        <li>{ t(&format!("milestone.{}", m.code), lang) }
                            if let Some(by) = m.by { { " — " }<strong>{ long_date_weekday(by, lang) }</strong> }
                            <Citation provision={m.citation} lang={lang} /></li>
                    }) }
                </ol>
            }

            { list(lang, "ui.refusal_grounds", "warning", &o.refusal_grounds) }
            { list(lang, "ui.appeal", "appeal", &o.appeal) }
            { list(lang, "ui.notes", "note", &o.notes) }

            if !o.limits.is_empty() {
                <h3>{ t("ui.limits", lang) }</h3>
                <ul class="limits">
                    { for o.limits.iter().map(|l| html! { <li>{ l.message(lang) }</li> }) }
                </ul>
            }
            <p class="editions"><strong>{ t("ui.acts_used", lang) }{ ": " }</strong>
                { o.editions.iter().map(|e| format!("{} ({})", e.number, e.edition_date.map(crate::i18n::dmy).unwrap_or_else(|| "—".into()))).collect::<Vec<_>>().join("; ") }
            </p>
            if !o.mentioned.is_empty() {
                <p class="editions"><strong>{ t("ui.acts_mentioned", lang) }{ ": " }</strong>
                    { o.mentioned.iter().map(|e| e.number).collect::<Vec<_>>().join("; ") }
                </p>
            }
        </section>
    }
}

fn list(lang: Lang, title: &str, prefix: &str, items: &[tekser_rules::report::Warning]) -> Html {
    if items.is_empty() {
        return html! {};
    }
    html! {
        <>
            <h3>{ t(title, lang) }</h3>
            <ul class={prefix.to_string()}>
                { for items.iter().map(|w| html! { <li>{ t(&format!("{prefix}.{}", w.code), lang) }<Citation provision={w.citation} lang={lang} /></li> }) }
            </ul>
        </>
    }
}
