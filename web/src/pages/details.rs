//! One page of the details an application form needs (`Screen::Details(section)`): the fields of one
//! section of the forms (`tekser_rules::details`) that the service being prepared needs and the
//! answers do not already know. Every field is optional; what is typed is kept as typed, even when it
//! does not fit, and checked on Continue by the details model (`Details::validate`: IIN/BIN check
//! digits, e-mail, a Kazakhstan phone number), with the question pages' error pattern: a summary at
//! the top linking to each field, and the message again above the field, each naming the field.
//! "Skip this page" goes on without checking. Nothing here goes into the URL or the history.

use crate::i18n::t;
use crate::pages::BackLink;
use crate::state::{Action, State};
use std::collections::BTreeMap;
use std::rc::Rc;
use tekser_rules::details::{DetailError, Field, Kind, Section};
use tekser_rules::{Details, Lang};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct Props {
    pub section: Section,
    pub state: Rc<State>,
    pub dispatch: Callback<Action>,
}

/// The id of a field's input (the first radio button of a choice).
pub fn input_id(path: &str) -> String {
    format!("detail-{}", path.replace('.', "-"))
}

/// The errors of these fields with these values as typed, each naming its field, in page order.
fn errors_of(fields: &[&'static Field], drafts: &BTreeMap<&'static str, String>) -> Vec<DetailError> {
    let mut trial = Details::default();
    for (path, raw) in drafts {
        let _ = trial.set(path, raw.trim());
    }
    let on_page = trial.validate().into_iter().filter(|e| fields.iter().any(|f| f.path == e.field));
    on_page.collect()
}

#[function_component(DetailsPage)]
pub fn details_page(p: &Props) -> Html {
    let lang = p.state.lang;
    let section = p.section;
    let today = crate::today();
    let fields = p.state.detail_fields(section, today);
    let drafts = use_state(|| {
        // Inserted one by one: collecting into the map would sort first, which costs the WASM a sort.
        let mut drafts = BTreeMap::new();
        for f in &fields {
            drafts.insert(f.path, p.state.details.get(f.path).unwrap_or_default().to_string());
        }
        drafts
    });
    // Opened from "Your application" with a detail that does not fit: shown at once.
    let errors = use_state(|| errors_of(&fields, &drafts));

    let keep_all = {
        let (drafts, dispatch) = (drafts.clone(), p.dispatch.clone());
        move || {
            for (path, raw) in drafts.iter() {
                dispatch.emit(Action::Detail(path, raw.clone()));
            }
        }
    };
    let next = p.state.after_details(section, today);
    let submit = {
        let (drafts, errors, fields, keep_all, next, dispatch) =
            (drafts.clone(), errors.clone(), fields.clone(), keep_all.clone(), next.clone(), p.dispatch.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            keep_all();
            let found = errors_of(&fields, &drafts);
            if found.is_empty() {
                dispatch.emit(Action::Show(next.clone()));
            } else {
                errors.set(found);
                crate::pages::focus_later("error-summary");
            }
        })
    };
    let skip = {
        let (keep_all, next, dispatch) = (keep_all.clone(), next.clone(), p.dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            keep_all();
            dispatch.emit(Action::Show(next.clone()));
        })
    };
    let sections = p.state.detail_sections(today);
    let number = sections.iter().position(|x| *x == section).map_or(1, |i| i + 1);
    let for_service = p.state.preparing.map(|s| t(&format!("service.{}", s.code()), lang));
    let kiosk = p.state.kiosk;

    html! {
        <>
            <BackLink lang={lang} />
            if !errors.is_empty() {
                <div class="error-summary" id="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                    { crate::heading(2, crate::Heading { id: Some("error-summary-title".into()), ..Default::default() }, html! { { t("ui.error_summary", lang) } }) }
                    <ul>{ for errors.iter().map(|e| {
                        let id = input_id(e.field);
                        let target = id.clone();
                        html! { <li><a href={format!("#{id}")} onclick={Callback::from(move |ev: MouseEvent| crate::jump_to(&ev, &target))}>{ e.message(lang) }</a></li> }
                    }) }</ul>
                </div>
            }
            <p class="caption">{ t("bundle_web.page_n", lang).replace("{n}", &number.to_string()).replace("{m}", &sections.len().max(1).to_string()) }
                if let Some(name) = for_service { { " · " }{ name } }</p>
            { crate::title(html! { { t(&format!("details.section.{}", section.code()), lang) } }) }
            <p>{ t("bundle_web.details_lead", lang) }</p>
            <form onsubmit={submit} novalidate=true>
                { for fields.iter().map(|f| field_view(f, &drafts, errors.iter().find(|e| e.field == f.path), lang, kiosk)) }
                <button type="submit" class="primary">{ t("ui.continue", lang) }</button>
            </form>
            <p class="skip-page"><button type="button" class="link" onclick={skip}>{ t("bundle_web.skip", lang) }</button></p>
        </>
    }
}

/// What the browser may fill in for a field from what it remembers: nothing on a kiosk (the next
/// person would see it), else the usual tokens for a name, e-mail and phone.
fn autocomplete(path: &str, kiosk: bool) -> &'static str {
    match path {
        _ if kiosk => "off",
        "applicant.full_name" => "name",
        "applicant.email" => "email",
        "applicant.phone" => "tel",
        _ => "off",
    }
}

/// One field: its label, hint, error (naming it) and input; a choice as radio buttons.
fn field_view(
    f: &'static Field,
    drafts: &UseStateHandle<BTreeMap<&'static str, String>>,
    error: Option<&DetailError>,
    lang: Lang,
    kiosk: bool,
) -> Html {
    let path = f.path;
    let id = input_id(path);
    let hint_id = format!("{id}-hint");
    let err_id = format!("{id}-error");
    let label = t(&format!("details.field.{path}"), lang);
    let hint = crate::i18n::t_opt(&format!("details.hint.{path}"), lang);
    let value = drafts.get(path).cloned().unwrap_or_default();
    let described: Vec<&str> = hint.as_ref().map(|_| hint_id.as_str()).into_iter().chain(error.map(|_| err_id.as_str())).collect();
    let described = (!described.is_empty()).then(|| described.join(" "));
    let set = {
        let drafts = drafts.clone();
        move |v: String| {
            let mut next = (*drafts).clone();
            next.insert(path, v);
            drafts.set(next);
        }
    };
    let hint_line = hint.map(|h| html! { <p class="hint" id={hint_id.clone()}>{ h }</p> }).unwrap_or_default();
    let error_line = error
        .map(|e| {
            html! { <p class="error-message" id={err_id.clone()}><span class="visually-hidden">{ t("ui.error_prefix", lang) }{ " " }</span>{ e.message(lang) }</p> }
        })
        .unwrap_or_default();
    let invalid = error.is_some().then_some("true");
    let class = classes!("field", error.is_some().then_some("field-error"));
    if let Kind::Choice(options) = f.kind {
        return html! {
            <fieldset class={class} aria-describedby={described}>
                <legend>{ label }</legend>
                { hint_line }
                { error_line }
                { for options.iter().enumerate().map(|(i, o)| {
                    let oid = if i == 0 { id.clone() } else { format!("{id}-{i}") };
                    let set = set.clone();
                    let v = o.to_string();
                    html! {
                        <div class="radio">
                            <input type="radio" name={id.clone()} id={oid.clone()} value={*o} checked={value == *o}
                                onchange={Callback::from(move |_: Event| set(v.clone()))} />
                            <label for={oid}>{ t(&format!("details.option.{path}.{o}"), lang) }</label>
                        </div>
                    }
                }) }
            </fieldset>
        };
    }
    let (inputmode, class_name) = match f.kind {
        Kind::Iin | Kind::Bin => ("numeric", "code"),
        Kind::Count => ("numeric", "short"),
        Kind::Email => ("email", ""),
        Kind::Phone => ("tel", "code"),
        _ => ("text", ""),
    };
    let oninput = Callback::from(move |e: InputEvent| set(e.target_unchecked_into::<HtmlInputElement>().value()));
    html! {
        <div class={class}>
            <label for={id.clone()}>{ label }</label>
            { hint_line }
            { error_line }
            <input type="text" id={id} class={class_name} inputmode={inputmode} autocomplete={autocomplete(path, kiosk)} spellcheck="false"
                value={value} {oninput} aria-invalid={invalid} aria-describedby={described} />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_only_the_fields_of_the_page_in_page_order() {
        let fields: Vec<&'static Field> =
            ["applicant.phone", "applicant.email"].iter().filter_map(|p| tekser_rules::details::field(p)).collect();
        let drafts: BTreeMap<&'static str, String> =
            [("applicant.email", "a@b"), ("applicant.phone", "+7 701 123 45 67"), ("registration.owner_iin", "1")]
                .into_iter()
                .map(|(k, v)| (k, v.to_string()))
                .collect();
        let errors = errors_of(&fields, &drafts);
        assert_eq!(errors.iter().map(|e| e.field).collect::<Vec<_>>(), vec!["applicant.email"], "the owner's IIN is on another page");
        assert!(errors[0].message(Lang::Ru).starts_with(&t("details.field.applicant.email", Lang::Ru)));
    }

    #[test]
    fn a_kiosk_lets_the_browser_remember_nothing() {
        assert_eq!(autocomplete("applicant.full_name", false), "name");
        assert_eq!(autocomplete("applicant.full_name", true), "off");
        assert_eq!(input_id("applicant.full_name"), "detail-applicant-full_name");
    }
}
