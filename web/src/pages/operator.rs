//! Operator mode (`#/operator`), for staff helping someone across a ЦОН counter: pick a service, and
//! every question the interview would ask for it is on one page, grouped by topic (the person, the
//! service, the application), with the outcome beside the form, evaluated again on every change.
//!
//! Which questions are asked, and which answers count, is the interview's own rule run through with
//! the answers given (`State::sheet`, over `answers::to_ask`): a follow-up comes in when the answer it
//! follows is given; a question that an answer makes irrelevant goes out, or, when it had an answer,
//! is greyed with a short reason, and that answer is neither used nor printed. There is no form to
//! submit: Enter in a box moves to the next field. "Next person" forgets everything and puts the
//! focus back on the service picker. As on a kiosk, the answers live in memory only.

use crate::components::answer_input::{answer_input, AnswerInput};
use crate::components::outcome::OutcomeView;
use crate::i18n::{code, count, t};
use crate::pages::results::{print_page, ChecklistPrint};
use crate::state::{Action, Sheet, State};
use crate::PageProps;
use std::rc::Rc;
use tekser_rules::answers::{service_fields, Field, APPLICATION_FIELDS, PERSON_FIELDS};
use tekser_rules::{Lang, Service};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// The id of the service picker's first option: "Next person" puts the focus there.
pub const PICKER: &str = "op-service-0";

/// The ids of one question's elements: `op-person-date_of_birth-0`, …
pub fn input_id(path: &str) -> String {
    format!("op-{}", path.replace('.', "-"))
}

/// The topics of a service's questions, in interview order: the person, the service's own, the
/// application. The rules' field tables, not a list of the app's.
fn topics(service: Service) -> [(String, &'static [Field]); 3] {
    [
        ("operator.topic.person".into(), PERSON_FIELDS),
        (format!("service.{}", service.code()), service_fields(service)),
        ("operator.topic.application".into(), APPLICATION_FIELDS),
    ]
}

/// How a question stands on the sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// Asked: answered or open.
    Asked,
    /// Not asked for these answers, but answered earlier: greyed, its answer not used.
    Greyed,
    /// Not asked and not answered: not shown.
    Hidden,
}

/// How question `path` stands on `sheet`, `state` holding every answer typed.
pub fn shown(state: &State, sheet: &Sheet, path: &str) -> Shown {
    if sheet.asked.contains(&path) {
        Shown::Asked
    } else if state.raw.get(path).is_some_and(|r| !r.trim().is_empty()) {
        Shown::Greyed
    } else {
        Shown::Hidden
    }
}

/// The words of a question as they stand in the sheet: a plain label, not a heading.
fn plain(question: Html) -> Html {
    question
}

#[function_component(OperatorPage)]
pub fn operator_page(p: &PageProps) -> Html {
    let s = &p.state;
    let lang = s.lang;
    // The question holding the focus: its error waits until the person leaves it.
    let focused = use_state(|| None::<&'static str>);
    let service = s.operator_service();
    let today = crate::today();
    // Worked out only once a service is picked (it runs the rules once per question asked).
    let sheet = if service.is_some() { s.sheet(today) } else { Sheet::default() };
    let on_sheet = Rc::new(s.on_sheet(&sheet));
    let outcome = service.and_then(|svc| {
        let report = tekser_rules::evaluate(&on_sheet.answers(), &tekser_rules::Context { as_of: on_sheet.as_of(today) });
        report.outcomes.into_iter().find(|o| o.service == svc)
    });
    let printable = outcome.as_ref().is_some_and(|o| o.verdict.may_apply());

    let picker = html! {
        <fieldset class="op-service" id="op-service">
            <legend>{ crate::heading(2, Default::default(), html! { { t("operator.service", lang) } }) }</legend>
            { for Service::ALL.iter().enumerate().map(|(i, svc)| {
                let id = format!("op-service-{i}");
                let svc = *svc;
                html! {
                    <div class="radio">
                        <input type="radio" name="op-service" id={id.clone()} checked={service == Some(svc)}
                            onchange={p.dispatch.reform(move |_| Action::Pick(svc))} />
                        <label for={id}>{ t(&format!("service.{}", svc.code()), lang) }</label>
                    </div>
                }
            }) }
        </fieldset>
    };

    // A question not asked is in the page, hidden (`Shown::Hidden`).
    let question = |f: &'static Field| -> Html {
        let path = f.path;
        let how = shown(s, &sheet, path);
        let raw = s.raw.get(path).cloned().unwrap_or_default();
        let error =
            (how == Shown::Asked && *focused != Some(path) && !raw.trim().is_empty()).then(|| s.error_of(path, &raw, today)).flatten();
        let id = input_id(path);
        let onfocusin = {
            let focused = focused.clone();
            Callback::from(move |_: FocusEvent| focused.set(Some(path)))
        };
        let onfocusout = {
            let focused = focused.clone();
            Callback::from(move |_: FocusEvent| focused.set(None))
        };
        html! {
            <div class={classes!("op-q", (how == Shown::Greyed).then_some("greyed"))} data-path={path} hidden={how == Shown::Hidden} {onfocusin} {onfocusout}>
                { answer_input(AnswerInput {
                    path,
                    value: &raw,
                    on_change: p.dispatch.reform(move |v: String| Action::Type(path, v)),
                    lang,
                    id: &id,
                    heading: plain,
                    hint: crate::pages::question::hint_of(&on_sheet, path),
                    error,
                    disabled: how == Shown::Greyed,
                }) }
                if how == Shown::Greyed { <p class="not-needed">{ t("operator.not_needed", lang) }</p> }
            </div>
        }
    };

    let form = match service {
        None => html! { <p class="hint">{ t("operator.pick_first", lang) }</p> },
        Some(svc) => html! {
            // Every question of the service is in the page, those not asked hidden: as questions come
            // and go, the others keep their elements, and the focus stays where it is.
            { for topics(svc).into_iter().map(|(topic, fields)| {
                let empty = fields.iter().all(|f| shown(s, &sheet, f.path) == Shown::Hidden);
                html! {
                    <section class="op-topic" hidden={empty}>
                        { crate::heading(2, Default::default(), html! { { t(&topic, lang) } }) }
                        { for fields.iter().map(question) }
                    </section>
                }
            }) }
        },
    };

    let open = sheet.asked.len() - sheet.asked.iter().filter(|q| sheet.used.contains_key(*q)).count();
    let status = match &outcome {
        None => t("operator.pick_first", lang),
        Some(o) => format!("{}. {}", t(&format!("tag.{}", code(&o.verdict)), lang), open_line(open, lang)),
    };
    let next_person = {
        let d = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            d.emit(Action::NextPerson);
            crate::pages::focus_later(PICKER);
        })
    };
    let on_missing = Callback::from(|path: &'static str| focus(&format!("{}-0", input_id(path))));
    let chosen = on_sheet.answers().application.channel;
    html! {
        <>
            { crate::title(html! { { t("operator.title", lang) } }) }
            <p class="lead">{ t("operator.lead", lang) }</p>
            <div class="op-grid">
                <div class="op-form" onkeydown={Callback::from(enter_moves_on)}>
                    { picker }
                    { form }
                </div>
                <section class="op-outcome" aria-labelledby="op-outcome-title">
                    { crate::heading(2, crate::Heading { id: Some("op-outcome-title".into()), ..Default::default() }, html! { { t("operator.outcome", lang) } }) }
                    <p class="op-status" id="op-status" role="status" aria-live="polite" aria-atomic="true">{ status }</p>
                    if let Some(o) = outcome.clone() {
                        <OutcomeView outcome={o} lang={lang} dispatch={p.dispatch.clone()} chosen={chosen} on_missing={on_missing} />
                    }
                    <div class="actions no-print">
                        if let (true, Some(svc)) = (printable, service) {
                            <button type="button" id="op-print" onclick={Callback::from(move |_| print_page(Some(code(&svc))))}>{ t("ui.print_checklist", lang) }</button>
                        }
                        <button type="button" id="op-next" class="primary" onclick={next_person}>{ t("operator.next_person", lang) }</button>
                    </div>
                </section>
            </div>
            if let (true, Some(o)) = (printable, outcome) {
                <ChecklistPrint outcome={o} state={on_sheet.clone()} chosen={chosen} checked={crate::now_words(lang)} />
            }
        </>
    }
}

/// "2 unanswered", or that every question asked has its answer.
pub fn open_line(open: usize, lang: Lang) -> String {
    match u32::try_from(open) {
        Ok(0) => t("operator.all_answered", lang),
        Ok(n) => t("operator.open", lang).replace("{count}", &count(n, "question", lang)),
        Err(_) => t("operator.open", lang),
    }
}

/// Enter in a box moves the focus to the next field of the sheet instead of doing anything else:
/// there is no form to submit, and Enter never leaves the page.
fn enter_moves_on(e: KeyboardEvent) {
    if e.key() != "Enter" {
        return;
    }
    let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    if input.type_() != "text" {
        return;
    }
    e.prevent_default();
    let Some(form) = input.closest(".op-form").ok().flatten() else { return };
    let Ok(all) = form.query_selector_all("input:enabled, select:enabled, button:enabled") else { return };
    // The questions not asked are in the page, hidden: not fields to move to.
    let shown = |e: &HtmlElement| e.closest("[hidden]").ok().flatten().is_none();
    let fields: Vec<HtmlElement> = (0..all.length()).filter_map(|i| all.get(i)?.dyn_into::<HtmlElement>().ok()).filter(shown).collect();
    let here = fields.iter().position(|f| f.is_same_node(Some(&input)));
    if let Some(next) = here.and_then(|i| fields.get(i + 1)) {
        let _ = next.focus();
    } else if let Some(out) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("op-status")) {
        // The last box: on to the outcome.
        let _ = out.set_attribute("tabindex", "-1");
        let _ = out.unchecked_into::<HtmlElement>().focus();
    }
}

/// Focuses an element by id (a question the outcome says is still open).
fn focus(id: &str) {
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) {
        let _ = el.unchecked_into::<HtmlElement>().focus();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_open_questions_are_counted_with_each_language_s_plural() {
        assert_eq!(open_line(1, Lang::Ru), "1 вопрос без ответа");
        assert_eq!(open_line(3, Lang::Ru), "3 вопроса без ответа");
        assert_eq!(open_line(11, Lang::Ru), "11 вопросов без ответа");
        assert_eq!(open_line(21, Lang::Ru), "21 вопрос без ответа");
        assert_eq!(open_line(1, Lang::En), "1 question unanswered");
        assert_eq!(open_line(2, Lang::En), "2 questions unanswered");
        assert_eq!(open_line(5, Lang::Kk), "5 сұрақ жауапсыз");
        assert_eq!(open_line(0, Lang::En), "Every question asked is answered");
    }

    #[test]
    fn a_question_is_asked_greyed_when_answered_but_no_longer_asked_else_hidden() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 20).unwrap_or_default();
        let mut s = State { operator: true, services: vec![Service::Trp], ..State::default() };
        s.raw.insert("person.status", "citizen".into());
        s.raw.insert("person.citizenship", "UZB".into());
        let sheet = s.sheet(today);
        assert_eq!(shown(&s, &sheet, "person.status"), Shown::Asked);
        assert_eq!(shown(&s, &sheet, "person.citizenship"), Shown::Greyed);
        assert_eq!(shown(&s, &sheet, "trp.subtype"), Shown::Hidden);
        assert_eq!(input_id("person.date_of_birth"), "op-person-date_of_birth");
    }
}
