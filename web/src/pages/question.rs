//! One question per page: its text is the `<h1>` (or the legend holding it), errors are shown on
//! Continue with a summary at the top, and whatever was typed is kept even when it is not valid.

use crate::i18n::t;
use crate::pages::BackLink;
use crate::state::{field, Action, State, DONT_KNOW};
use std::rc::Rc;
use tekser_rules::answers::FieldKind;
use tekser_rules::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct Props {
    pub path: &'static str,
    pub state: Rc<State>,
    pub dispatch: Callback<Action>,
}

/// Countries offered for citizenship; `ZZZ` stands for any other country.
const COUNTRIES: &[&str] =
    &["KAZ", "RUS", "UZB", "KGZ", "TJK", "AZE", "ARM", "BLR", "TKM", "CHN", "TUR", "MNG", "GEO", "UKR", "IND", "DEU", "USA"];

#[function_component(QuestionPage)]
pub fn question_page(p: &Props) -> Html {
    let lang = p.state.lang;
    let path = p.path;
    let Some(f) = field(path) else { return html! {} };
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
    let set = |v: String| {
        let draft = draft.clone();
        Callback::from(move |_: Event| draft.set(v.clone()))
    };
    let on_text = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| draft.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let number = p.state.raw.len() + usize::from(!p.state.raw.contains_key(path));
    let for_services = services_asking(&p.state, path);
    let question = t(&format!("question.{path}"), lang);
    let hint = match path {
        "application.within_hours" => Some(within_hours_hint(&p.state, lang)),
        _ => crate::i18n::t_opt(&format!("hint.{path}"), lang),
    };
    let err_id = "answer-error";
    let invalid = error.is_some();
    // What describes the answer box or the group of options: the hint, then the error (ids).
    let described = |extra: Option<&str>| -> Option<String> {
        let ids: Vec<&str> = extra.into_iter().chain(hint.is_some().then_some(HINT_ID)).chain(invalid.then_some(err_id)).collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let hint_line = || match &hint {
        Some(h) => html! { <p class="hint" id={HINT_ID}>{ h }</p> },
        None => html! {},
    };

    let radios = |options: Vec<(String, String)>| {
        html! {
            <fieldset aria-describedby={described(None)}>
                <legend>{ crate::title(html! { { question.clone() } }) }</legend>
                { hint_line() }
                { error_line(&error, lang) }
                { for options.into_iter().enumerate().map(|(i, (value, label))| {
                    let id = format!("answer-{i}");
                    html! {
                        <div class="radio">
                            <input type="radio" name="answer" id={id.clone()} value={value.clone()} checked={*draft == value} onchange={set(value.clone())} />
                            <label for={id}>{ label }</label>
                        </div>
                    }
                }) }
            </fieldset>
        }
    };
    let text_input = |inputmode: &'static str, autocomplete: Option<&'static str>, class: &'static str| {
        html! {
            <>
                { crate::title(html! { <label for="answer-0">{ question.clone() }</label> }) }
                { hint_line() }
                { error_line(&error, lang) }
                <input type="text" id="answer-0" class={class} inputmode={inputmode} autocomplete={autocomplete} spellcheck="false"
                    value={(*draft).clone()} oninput={on_text.clone()} aria-invalid={invalid.then_some("true")} aria-describedby={described(None)} />
            </>
        }
    };

    let body = match f.kind {
        FieldKind::Bool => {
            // A question may word its yes and no (`option.<path>.yes`): "Yes, before the office closes".
            let word = |o: &str| crate::i18n::t_opt(&format!("option.{path}.{o}"), lang).unwrap_or_else(|| t(&format!("ui.{o}"), lang));
            radios(vec![("yes".into(), word("yes")), ("no".into(), word("no")), (DONT_KNOW.into(), t("ui.dont_know", lang))])
        }
        FieldKind::Choice(opts) => radios(opts.iter().map(|o| (o.to_string(), t(&format!("option.{path}.{o}"), lang))).collect()),
        FieldKind::Many(opts) => {
            let chosen: Vec<String> = draft.split(',').filter(|x| !x.is_empty()).map(str::to_string).collect();
            html! {
                <fieldset aria-describedby={described(Some("many-hint"))}>
                    <legend>{ crate::title(html! { { question.clone() } }) }</legend>
                    <p class="hint" id="many-hint">{ t("ui.many_hint", lang) }</p>
                    { hint_line() }
                    { error_line(&error, lang) }
                    { for opts.iter().enumerate().map(|(i, o)| {
                        let id = format!("answer-{i}");
                        let mut next: Vec<String> = chosen.clone();
                        if let Some(k) = next.iter().position(|x| x == o) { next.remove(k); } else { next.push(o.to_string()); }
                        let ordered: Vec<&str> = opts.iter().copied().filter(|x| next.iter().any(|n| n == x)).collect();
                        html! {
                            <div class="check">
                                <input type="checkbox" id={id.clone()} checked={chosen.iter().any(|c| c == o)} onchange={set(ordered.join(","))} />
                                <label for={id}>{ t(&format!("option.{path}.{o}"), lang) }</label>
                            </div>
                        }
                    }) }
                    if !chosen.is_empty() {
                        <p class="or"><button type="button" class="link" onclick={ { let d = draft.clone(); Callback::from(move |_| d.set(String::new())) } }>{ t("ui.clear_choices", lang) }</button></p>
                    }
                </fieldset>
            }
        }
        FieldKind::Date => {
            let described = described(Some("date-hint")).unwrap_or_default();
            date_input(&question, &hint_line(), &described, &draft, &error, lang, path.ends_with("date_of_birth"))
        }
        FieldKind::Time => text_input("numeric", None, "short"),
        FieldKind::Int => text_input("numeric", None, "short"),
        FieldKind::Number => text_input("decimal", None, "short"),
        FieldKind::Iin | FieldKind::Bin => text_input("numeric", Some("off"), "code"),
        FieldKind::Text => text_input("text", None, ""),
        FieldKind::Country => {
            let on_select = {
                let draft = draft.clone();
                Callback::from(move |e: Event| draft.set(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()))
            };
            html! {
                <>
                    { crate::title(html! { <label for="answer-0">{ question.clone() }</label> }) }
                    { hint_line() }
                    { error_line(&error, lang) }
                    <select id="answer-0" onchange={on_select} aria-invalid={invalid.then_some("true")} aria-describedby={described(None)}>
                        <option value="" selected={draft.is_empty()}>{ t("ui.choose", lang) }</option>
                        { for COUNTRIES.iter().map(|c| html! { <option value={*c} selected={*draft == *c}>{ t(&format!("country.{c}"), lang) }</option> }) }
                        <option value="stateless" selected={*draft == "stateless"}>{ t("ui.stateless", lang) }</option>
                        <option value="ZZZ" selected={*draft == "ZZZ"}>{ t("ui.country_other", lang) }</option>
                    </select>
                </>
            }
        }
    };

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

fn error_line(error: &UseStateHandle<Option<String>>, lang: Lang) -> Html {
    match &**error {
        Some(msg) => {
            html! { <p class="error-message" id="answer-error"><span class="visually-hidden">{ t("ui.error_prefix", lang) }{ " " }</span>{ msg }</p> }
        }
        None => html! {},
    }
}

/// The id of a question's hint, which its answer box or group names in `aria-describedby`.
const HINT_ID: &str = "answer-hint";

/// Day, month and year in three boxes; the raw answer is `year-month-day`, each box exactly as typed
/// (leading zeros kept, a month by its name too: `2026-наурыз-05`), and kept even when the date does
/// not exist, so the person can correct it. `described` is the group's `aria-describedby`: the
/// example, the question's hint and the error.
fn date_input(
    question: &str,
    hint: &Html,
    described: &str,
    draft: &UseStateHandle<String>,
    error: &UseStateHandle<Option<String>>,
    lang: Lang,
    birth: bool,
) -> Html {
    let parts: Vec<String> = draft.splitn(3, '-').map(str::to_string).collect();
    let get = |i: usize| parts.get(i).cloned().unwrap_or_default();
    let (y, m, d) = (get(0), get(1), get(2));
    let update = |which: usize| {
        let draft = draft.clone();
        let (y, m, d) = (y.clone(), m.clone(), d.clone());
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value().trim().to_string();
            let (mut y, mut m, mut d) = (y.clone(), m.clone(), d.clone());
            match which {
                0 => d = v,
                1 => m = v,
                _ => y = v,
            }
            draft.set(if y.is_empty() && m.is_empty() && d.is_empty() { String::new() } else { format!("{y}-{m}-{d}") });
        })
    };
    let invalid = error.is_some();
    let ac = |s: &'static str| birth.then_some(s);
    html! {
        <fieldset role="group" aria-describedby={described.to_string()}>
            <legend>{ crate::title(html! { { question } }) }</legend>
            { hint.clone() }
            <p class="hint" id="date-hint">{ t("ui.date_hint", lang) }</p>
            { error_line(error, lang) }
            <div class="date">
                <div><label for="answer-0">{ t("ui.day", lang) }</label>
                    <input type="text" id="answer-0" class="w2" inputmode="numeric" autocomplete={ac("bday-day")} value={d.clone()} oninput={update(0)} aria-invalid={invalid.then_some("true")} /></div>
                <div><label for="answer-1">{ t("ui.month", lang) }</label>
                    <input type="text" id="answer-1" class="w-month" autocomplete={ac("bday-month")} value={m.clone()} oninput={update(1)} aria-invalid={invalid.then_some("true")} /></div>
                <div><label for="answer-2">{ t("ui.year", lang) }</label>
                    <input type="text" id="answer-2" class="w4" inputmode="numeric" autocomplete={ac("bday-year")} value={y.clone()} oninput={update(2)} aria-invalid={invalid.then_some("true")} /></div>
            </div>
        </fieldset>
    }
}
