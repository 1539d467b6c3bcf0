//! One question per page: its text is the `<h1>` (or the legend holding it), errors are shown on
//! Continue with a summary at the top, and whatever was typed is kept even when it is not valid.

use crate::components::answer_input::{answer_input, AnswerInput};
use crate::i18n::t;
use crate::pages::BackLink;
use crate::state::{field, Action, State};
use std::rc::Rc;
use tekser_rules::Lang;
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct Props {
    pub path: &'static str,
    pub state: Rc<State>,
    pub dispatch: Callback<Action>,
}

#[function_component(QuestionPage)]
pub fn question_page(p: &Props) -> Html {
    let lang = p.state.lang;
    let path = p.path;
    if field(path).is_none() {
        return html! {};
    }
    let draft = use_state(|| p.state.raw.get(path).cloned().unwrap_or_default());
    let error = use_state(|| p.state.opening_error(crate::today()));

    let submit = {
        let (draft, error, state, dispatch) = (draft.clone(), error.clone(), p.state.clone(), p.dispatch.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let raw = (*draft).clone();
            dispatch.emit(Action::Answer(path, raw.clone()));
            match state.error_of(path, &raw, crate::today()) {
                Some(msg) => {
                    error.set(Some(msg));
                    crate::pages::focus_later("error-summary");
                }
                None => {
                    let mut next = (*state).clone();
                    next.raw.insert(path, raw.trim().to_string());
                    dispatch.emit(Action::Show(next.after_answer_on(path, crate::today())));
                }
            }
        })
    };
    let number = p.state.raw.len() + usize::from(!p.state.raw.contains_key(path));
    let for_services = services_asking(&p.state, path);
    let body = answer_input(AnswerInput {
        path,
        value: &draft,
        on_change: {
            let draft = draft.clone();
            Callback::from(move |v: String| draft.set(v))
        },
        lang,
        id: "answer",
        heading: crate::title,
        hint: hint_of(&p.state, path),
        error: (*error).clone(),
        disabled: false,
    });

    html! {
        <>
            <BackLink lang={lang} />
            if let Some(msg) = &*error {
                <div class="error-summary" id="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                    { crate::heading(2, crate::Heading { id: Some("error-summary-title".into()), ..Default::default() }, html! { { t("ui.error_summary", lang) } }) }
                    <ul><li><a href="#answer-0" onclick={Callback::from(|e: MouseEvent| crate::jump_to(&e, "answer-0"))}>{ msg }</a></li></ul>
                </div>
            }
            <p class="caption">{ t("ui.question_n", lang) }{ " " }{ number }
                if !for_services.is_empty() { { " · " }{ for_services } }</p>
            <form onsubmit={submit} novalidate=true>
                { body }
                <button type="submit" class="primary">{ t("ui.continue", lang) }</button>
            </form>
        </>
    }
}

/// A question's hint: "Will you apply within working hours?" names the providers' hours.
pub fn hint_of(state: &State, path: &str) -> Option<String> {
    match path {
        "application.within_hours" => Some(within_hours_hint(state, state.lang)),
        _ => crate::i18n::t_opt(&format!("hint.{path}"), state.lang),
    }
}

/// The services whose rules still need this answer (or would use it to make a checklist precise), by name.
fn services_asking(state: &State, path: &str) -> String {
    let report = tekser_rules::evaluate(&state.answers(), &tekser_rules::Context { as_of: state.as_of(crate::today()) });
    let names: Vec<String> = report
        .outcomes
        .iter()
        .filter(|o| o.missing.contains(&path) || o.refine.contains(&path))
        .map(|o| t(&format!("service.{}", crate::i18n::code(&o.service)), state.lang))
        .collect();
    names.join(", ")
}

/// The hint of "Will you apply within working hours?": the hours of the providers still open, by
/// service when they differ ("09:00–18:00, on working days"), else what after hours means.
fn within_hours_hint(state: &State, lang: Lang) -> String {
    let hours = state.working_hours(crate::today());
    let span = |h: &tekser_rules::data::Hours| format!("{}–{}", hhmm(h.open), hhmm(h.close));
    let mut spans: Vec<String> = hours.iter().map(|(_, h)| span(h)).collect();
    tekser_rules::order::sort(&mut spans);
    spans.dedup();
    let named = match spans.as_slice() {
        [] => return t("ui.within_hours_hint", lang),
        [one] => format!("{one}, {}", t("ui.working_days", lang)),
        _ => {
            let each = hours.iter().map(|(s, h)| format!("{} {}", t(&format!("service.{}", crate::i18n::code(s)), lang), span(h)));
            format!("{} ({})", each.collect::<Vec<_>>().join("; "), t("ui.working_days", lang))
        }
    };
    t("hint.application.within_hours", lang).replace("{hours}", &named)
}

/// Minutes after midnight as `09:00`.
fn hhmm(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}
