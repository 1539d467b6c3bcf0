//! The input of one question's answer, by the kind of its field: radios (yes / no / don't know, or
//! the options), checkboxes (several options), three boxes for a date, a box for a time, a number,
//! an IIN/BIN or a text, a list of countries. It shows the value as typed and reports every change
//! as the new raw answer (`on_change`); reading the raw answer (`state::parse_raw`, lenient: "14.30",
//! a month by its name, "48,5") and wording its error (`State::error_of`) are the caller's.
//!
//! The interview's question page (one question, its words the page's `<h1>`) and operator mode's
//! sheet (every question of a service on one page, `pages/operator.rs`) both use it; `id` keeps the
//! ids of one question's elements apart from another's (`<id>-0`, `<id>-hint`, `<id>-error`).

use crate::i18n::t;
use crate::state::{field, DONT_KNOW};
use tekser_rules::answers::FieldKind;
use tekser_rules::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Countries offered for citizenship; `ZZZ` stands for any other country.
const COUNTRIES: &[&str] =
    &["KAZ", "RUS", "UZB", "KGZ", "TJK", "AZE", "ARM", "BLR", "TKM", "CHN", "TUR", "MNG", "GEO", "UKR", "IND", "DEU", "USA"];

/// One question's input.
pub struct AnswerInput<'a> {
    /// The field path of the question.
    pub path: &'static str,
    /// The raw answer as typed so far.
    pub value: &'a str,
    /// Called with the new raw answer on every change.
    pub on_change: Callback<String>,
    pub lang: Lang,
    /// The prefix of the ids of the question's elements (`answer` on the question page).
    pub id: &'a str,
    /// How the question's words are set: the page's `<h1>` (`crate::title`) on the question page.
    pub heading: fn(Html) -> Html,
    pub hint: Option<String>,
    /// The error to show with the question, if any.
    pub error: Option<String>,
    /// Greyed out: the question does not apply (operator mode).
    pub disabled: bool,
}

/// The input of a question; nothing for a path the rules do not know.
pub fn answer_input(a: AnswerInput) -> Html {
    let Some(f) = field(a.path) else { return html! {} };
    let (lang, path, id, value) = (a.lang, a.path, a.id, a.value);
    let question = t(&format!("question.{path}"), lang);
    let (hint_id, err_id) = (format!("{id}-hint"), format!("{id}-error"));
    let invalid = a.error.is_some();
    // What describes the answer box or the group of options: the hint, then the error (ids).
    let described = |extra: Option<&str>| -> Option<String> {
        let ids: Vec<&str> =
            extra.into_iter().chain(a.hint.is_some().then_some(hint_id.as_str())).chain(invalid.then_some(err_id.as_str())).collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let hint_line = match &a.hint {
        Some(h) => html! { <p class="hint" id={hint_id.clone()}>{ h }</p> },
        None => html! {},
    };
    let error_line = match &a.error {
        Some(msg) => {
            html! { <p class="error-message" id={err_id.clone()}><span class="visually-hidden">{ t("ui.error_prefix", lang) }{ " " }</span>{ msg }</p> }
        }
        None => html! {},
    };
    let set = |v: String| a.on_change.reform(move |_: Event| v.clone());
    let on_text = a.on_change.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let disabled = a.disabled;
    let heading = a.heading;

    let radios = |options: Vec<(String, String)>| {
        html! {
            <fieldset aria-describedby={described(None)} disabled={disabled}>
                <legend>{ heading(html! { { question.clone() } }) }</legend>
                { hint_line.clone() }
                { error_line.clone() }
                { for options.into_iter().enumerate().map(|(i, (v, label))| {
                    let input_id = format!("{id}-{i}");
                    html! {
                        <div class="radio">
                            <input type="radio" name={id.to_string()} id={input_id.clone()} value={v.clone()} checked={value == v} onchange={set(v.clone())} />
                            <label for={input_id}>{ label }</label>
                        </div>
                    }
                }) }
            </fieldset>
        }
    };
    let text_input = |inputmode: &'static str, autocomplete: Option<&'static str>, class: &'static str| {
        html! {
            <>
                { heading(html! { <label for={format!("{id}-0")}>{ question.clone() }</label> }) }
                { hint_line.clone() }
                { error_line.clone() }
                <input type="text" id={format!("{id}-0")} class={class} inputmode={inputmode} autocomplete={autocomplete} spellcheck="false"
                    value={value.to_string()} oninput={on_text.clone()} disabled={disabled} aria-invalid={invalid.then_some("true")} aria-describedby={described(None)} />
            </>
        }
    };

    match f.kind {
        FieldKind::Bool => {
            // A question may word its yes and no (`option.<path>.yes`): "Yes, before the office closes".
            let word = |o: &str| crate::i18n::t_opt(&format!("option.{path}.{o}"), lang).unwrap_or_else(|| t(&format!("ui.{o}"), lang));
            radios(vec![("yes".into(), word("yes")), ("no".into(), word("no")), (DONT_KNOW.into(), t("ui.dont_know", lang))])
        }
        FieldKind::Choice(opts) => radios(opts.iter().map(|o| (o.to_string(), t(&format!("option.{path}.{o}"), lang))).collect()),
        FieldKind::Many(opts) => {
            let chosen: Vec<&str> = value.split(',').filter(|x| !x.is_empty()).collect();
            let many_hint = format!("{id}-many-hint");
            html! {
                <fieldset aria-describedby={described(Some(&many_hint))} disabled={disabled}>
                    <legend>{ heading(html! { { question.clone() } }) }</legend>
                    <p class="hint" id={many_hint.clone()}>{ t("ui.many_hint", lang) }</p>
                    { hint_line.clone() }
                    { error_line.clone() }
                    { for opts.iter().enumerate().map(|(i, o)| {
                        let input_id = format!("{id}-{i}");
                        let mut next: Vec<&str> = chosen.clone();
                        if let Some(k) = next.iter().position(|x| x == o) { next.remove(k); } else { next.push(o); }
                        let ordered: Vec<&str> = opts.iter().copied().filter(|x| next.contains(x)).collect();
                        html! {
                            <div class="check">
                                <input type="checkbox" id={input_id.clone()} checked={chosen.contains(o)} onchange={set(ordered.join(","))} />
                                <label for={input_id}>{ t(&format!("option.{path}.{o}"), lang) }</label>
                            </div>
                        }
                    }) }
                    if !chosen.is_empty() && !disabled {
                        <p class="or"><button type="button" class="link" onclick={a.on_change.reform(|_| String::new())}>{ t("ui.clear_choices", lang) }</button></p>
                    }
                </fieldset>
            }
        }
        FieldKind::Date => {
            let date_hint = format!("{id}-date-hint");
            let described = described(Some(&date_hint)).unwrap_or_default();
            date_input(&a, &question, &hint_line, &error_line, &described, &date_hint, path.ends_with("date_of_birth"))
        }
        FieldKind::Time | FieldKind::Int => text_input("numeric", None, "short"),
        FieldKind::Number => text_input("decimal", None, "short"),
        FieldKind::Iin | FieldKind::Bin => text_input("numeric", Some("off"), "code"),
        FieldKind::Text => text_input("text", None, ""),
        FieldKind::Country => {
            let on_select = a.on_change.reform(|e: Event| e.target_unchecked_into::<web_sys::HtmlSelectElement>().value());
            html! {
                <>
                    { heading(html! { <label for={format!("{id}-0")}>{ question.clone() }</label> }) }
                    { hint_line }
                    { error_line }
                    <select id={format!("{id}-0")} onchange={on_select} disabled={disabled} aria-invalid={invalid.then_some("true")} aria-describedby={described(None)}>
                        <option value="" selected={value.is_empty()}>{ t("ui.choose", lang) }</option>
                        { for COUNTRIES.iter().map(|c| html! { <option value={*c} selected={value == *c}>{ t(&format!("country.{c}"), lang) }</option> }) }
                        <option value="stateless" selected={value == "stateless"}>{ t("ui.stateless", lang) }</option>
                        <option value="ZZZ" selected={value == "ZZZ"}>{ t("ui.country_other", lang) }</option>
                    </select>
                </>
            }
        }
    }
}

/// Day, month and year in three boxes; the raw answer is `year-month-day`, each box exactly as typed
/// (leading zeros kept, a month by its name too: `2026-наурыз-05`), and kept even when the date does
/// not exist, so the person can correct it. `described` is the group's `aria-describedby`: the
/// example, the question's hint and the error.
fn date_input(a: &AnswerInput, question: &str, hint: &Html, error: &Html, described: &str, date_hint: &str, birth: bool) -> Html {
    let (lang, id) = (a.lang, a.id);
    let parts: Vec<String> = a.value.splitn(3, '-').map(str::to_string).collect();
    let get = |i: usize| parts.get(i).cloned().unwrap_or_default();
    let (y, m, d) = (get(0), get(1), get(2));
    let update = |which: usize| {
        let (y, m, d) = (y.clone(), m.clone(), d.clone());
        a.on_change.reform(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value().trim().to_string();
            let (mut y, mut m, mut d) = (y.clone(), m.clone(), d.clone());
            match which {
                0 => d = v,
                1 => m = v,
                _ => y = v,
            }
            if y.is_empty() && m.is_empty() && d.is_empty() {
                String::new()
            } else {
                format!("{y}-{m}-{d}")
            }
        })
    };
    let invalid = a.error.is_some().then_some("true");
    let ac = |s: &'static str| birth.then_some(s);
    let disabled = a.disabled;
    html! {
        <fieldset role="group" aria-describedby={described.to_string()} disabled={disabled}>
            <legend>{ (a.heading)(html! { { question } }) }</legend>
            { hint.clone() }
            <p class="hint" id={date_hint.to_string()}>{ t("ui.date_hint", lang) }</p>
            { error.clone() }
            <div class="date">
                <div><label for={format!("{id}-0")}>{ t("ui.day", lang) }</label>
                    <input type="text" id={format!("{id}-0")} class="w2" inputmode="numeric" autocomplete={ac("bday-day")} value={d.clone()} oninput={update(0)} aria-invalid={invalid} /></div>
                <div><label for={format!("{id}-1")}>{ t("ui.month", lang) }</label>
                    <input type="text" id={format!("{id}-1")} class="w-month" autocomplete={ac("bday-month")} value={m.clone()} oninput={update(1)} aria-invalid={invalid} /></div>
                <div><label for={format!("{id}-2")}>{ t("ui.year", lang) }</label>
                    <input type="text" id={format!("{id}-2")} class="w4" inputmode="numeric" autocomplete={ac("bday-year")} value={y.clone()} oninput={update(2)} aria-invalid={invalid} /></div>
            </div>
        </fieldset>
    }
}
