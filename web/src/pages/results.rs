//! The results: an overview line per service when several were checked, then each service's
//! outcome (those that do not apply folded), a one-page checklist of each service the person can
//! apply for (printed on its own), "about these rules" with a short code to quote, and the
//! actions: print, save or load the answers, start again.

use crate::components::beyond::Beyond;
use crate::components::outcome::{next_steps, verdict_class, OutcomeView};
use crate::components::qr::PhoneQr;
use crate::i18n::{code, count, long_date, long_date_weekday, t};
use crate::pages::BackLink;
use crate::state::{Action, Screen, State};
use crate::PageProps;
use chrono::Datelike;
use std::rc::Rc;
use tekser_rules::report::{Outcome, Verdict};
use yew::prelude::*;

#[function_component(ResultsPage)]
pub fn results_page(p: &PageProps) -> Html {
    let s = &p.state;
    let lang = s.lang;
    let as_of = s.as_of(crate::today());
    let answers = s.answers();
    let chosen = answers.application.channel;
    let report = tekser_rules::evaluate(&answers, &tekser_rules::Context { as_of });
    // What would change each verdict, the best moment and a coming change of the rules: searched by
    // the search's own module (`search.rs`) once for these answers and this day, shown when it answers.
    let beyond = use_state(|| None::<Rc<Beyond>>);
    {
        let beyond = beyond.clone();
        let file = crate::state::to_json_with(s, &Default::default());
        let day = format!("{:04}-{:02}-{:02}", as_of.year(), as_of.month(), as_of.day());
        use_effect_with((file, day, lang), move |(file, day, lang)| {
            beyond.set(None);
            crate::search::search(file.clone(), day.clone(), *lang, Callback::from(move |found| beyond.set(Some(found))));
        });
    }
    // Can apply first, then could-not-tell and cannot, then the services that do not apply (folded).
    let mut outcomes = report.outcomes.clone();
    tekser_rules::order::sort_by_key(&mut outcomes, |o| match o.verdict {
        Verdict::Eligible => 0,
        Verdict::CheckWithProvider | Verdict::NeedsInfo | Verdict::NoChannelOpen => 1,
        Verdict::NotEligible => 2,
        Verdict::NotApplicable => 3,
    });
    let (not_for_you, shown): (Vec<_>, Vec<_>) = outcomes.iter().cloned().partition(|o| o.verdict == Verdict::NotApplicable);
    let none_apply = shown.is_empty();
    let print = Callback::from(|_| print_page(None));
    let again = p.dispatch.reform(|_| Action::Reset);
    let to_answers = p.dispatch.reform(|_| Action::Show(Screen::Check));
    let checked = crate::now_words(lang);
    let view = |o: Outcome| {
        let service = code(&o.service);
        let printable = o.verdict.may_apply();
        html! {
            <>
                <OutcomeView outcome={o.clone()} lang={lang} dispatch={p.dispatch.clone()} chosen={chosen} beyond={(*beyond).clone()} />
                if printable {
                    <p class="no-print prepare">
                        <button type="button" class="primary" id={format!("prepare-{service}")} onclick={ { let svc = o.service; p.dispatch.reform(move |_| Action::Prepare(svc)) } }>
                            { t("bundle_web.prepare", lang) }<span class="visually-hidden">{ ": " }{ t(&format!("service.{}", code(&o.service)), lang) }</span>
                        </button>
                    </p>
                    <p class="no-print print-one">
                        <button type="button" onclick={Callback::from(move |_| print_page(Some(service.clone())))}>
                            { t("ui.print_checklist", lang) }<span class="visually-hidden">{ ": " }{ t(&format!("service.{}", code(&o.service)), lang) }</span>
                        </button>
                    </p>
                }
            </>
        }
    };
    html! {
        <>
            <BackLink lang={lang} />
            { crate::title(html! { { t("ui.results_title", lang) } }) }
            <crate::pages::Problems ..p.clone() />
            <div class="notice" role="note"><p>{ t("ui.screening_notice", lang) }</p></div>
            // On a kiosk the code is how the results go home: open, near the top.
            if s.kiosk { <PhoneQr state={p.state.clone()} /> }
            if outcomes.len() > 1 {
                { crate::heading(2, Default::default(), html! { { t("ui.overview", lang) } }) }
                <ul class="overview">
                    { for outcomes.iter().map(|o| html! {
                        <li><a href={format!("#s-{}", code(&o.service))} onclick={Callback::from(|e: MouseEvent| scroll_to_anchor(e))}>{ t(&format!("service.{}", code(&o.service)), lang) }</a>{ " " }
                            <strong class={classes!("tag", verdict_class(o.verdict))}>{ t(&format!("tag.{}", code(&o.verdict)), lang) }</strong></li>
                    }) }
                </ul>
            }
            { for shown.into_iter().map(view) }
            // Folded when other services come first; alone, it is the answer.
            if none_apply {
                { for not_for_you.iter().cloned().map(view) }
            } else if !not_for_you.is_empty() {
                <details class="not-for-you">
                    <summary>{ t("ui.not_for_you", lang) }{ format!(" ({})", not_for_you.len()) }</summary>
                    { for not_for_you.into_iter().map(view) }
                </details>
            }
            if !s.kiosk { <PhoneQr state={p.state.clone()} /> }
            { for outcomes.iter().filter(|o| o.verdict.may_apply()).map(|o| html! {
                <ChecklistPrint outcome={o.clone()} state={p.state.clone()} chosen={chosen} checked={checked.clone()} />
            }) }
            <details class="about">
                <summary>{ t("ui.about_rules", lang) }</summary>
                <p>{ t("ui.as_of", lang) }{ ": " }{ long_date(as_of, lang) }</p>
                <p class="edition">{ t("ui.result_code", lang) }{ ": " }<strong><code>{ report.edition.code() }</code></strong></p>
                <p>{ t("ui.result_code_hint", lang) }</p>
            </details>
            <div class="actions no-print">
                <button type="button" class="primary" onclick={print}>{ t("ui.print", lang) }</button>
                <button type="button" onclick={to_answers}>{ t("ui.your_answers", lang) }</button>
                <FileButtons state={p.state.clone()} dispatch={p.dispatch.clone()} save=true />
                <button type="button" onclick={again}>{ t("ui.start_again", lang) }</button>
            </div>
        </>
    }
}

/// An identifier on a printout shows only its last four digits (•••• 0012); names and other
/// answers are shown as given.
fn masked(f: &tekser_rules::answers::Field, shown: &str) -> String {
    use tekser_rules::answers::FieldKind;
    match f.kind {
        FieldKind::Iin | FieldKind::Bin if shown.chars().count() > 4 => {
            let tail: String = shown.chars().skip(shown.chars().count() - 4).collect();
            format!("•••• {tail}")
        }
        _ => shown.to_string(),
    }
}

/// Prints the page: everything (folded parts open, see the print styles), or one service's
/// one-page checklist (`data-print` on the root element picks it).
pub fn print_page(service: Option<String>) {
    let Some(w) = web_sys::window() else { return };
    let root = w.document().and_then(|d| d.document_element());
    if let (Some(root), Some(s)) = (&root, &service) {
        let _ = root.set_attribute("data-print", s);
    }
    let _ = w.print();
    if let Some(root) = root {
        let _ = root.remove_attribute("data-print");
    }
}

#[derive(PartialEq, Properties)]
pub struct ChecklistProps {
    pub outcome: Outcome,
    pub state: Rc<State>,
    pub chosen: Option<tekser_rules::report::Channel>,
    /// The date and time of the check, in words.
    pub checked: String,
}

/// One service's checklist for print, on one page: the steps, the documents with tick boxes,
/// the fee, where and when, the answers it rests on, when it was checked, the screening notice
/// and the help line; no citations. Shown only when printed (`data-print="<service>"`).
#[function_component(ChecklistPrint)]
pub fn checklist_print(p: &ChecklistProps) -> Html {
    let o = &p.outcome;
    let lang = p.state.lang;
    let service = code(&o.service);
    let paper: Vec<_> = o.documents.iter().filter(|d| !d.from_state_systems).collect();
    let state = o.documents.len() - paper.len();
    html! {
        <div class="checklist-print" data-service={service.clone()}>
            <p class="print-brand">{ t("ui.app_name", lang) }{ " · " }{ t("ui.checked_on", lang) }{ ": " }{ p.checked.clone() }</p>
            { crate::heading(2, Default::default(), html! { <>{ t("ui.checklist_for", lang) }{ ": " }{ t(&format!("service.{service}"), lang) }</> }) }
            <p class="verdict"><strong>{ t(&format!("verdict.{}", code(&o.verdict)), lang) }</strong></p>
            { next_steps(o, lang, p.chosen) }
            if !paper.is_empty() {
                { crate::heading(3, Default::default(), html! { { t("ui.what_to_bring", lang) } }) }
                <ul class="ticks">{ for paper.iter().map(|d| html! { <li>{ "☐ " }{ t(&format!("doc.{}", d.code), lang) }</li> }) }</ul>
            }
            if state > 0 { <p>{ t("ui.from_state_systems_fold", lang) }{ format!(": {state}") }</p> }
            if let Some(d) = &o.deadline {
                <p><strong>{ t("ui.result_by", lang) }{ ": " }</strong>{ long_date_weekday(d.result_on, lang) }{ " — " }{ count(d.working_days, "working_day", lang) }</p>
            }
            { crate::heading(3, Default::default(), html! { { t("ui.based_on", lang) } }) }
            <ul class="based-on">
                { for p.state.answered_fields().into_iter().map(|f| {
                    let raw = p.state.raw.get(f.path).cloned().unwrap_or_default();
                    let key = crate::state::answer_key(f.path, lang);
                    html! { <li>{ key }{ ": " }{ masked(f, &crate::pages::check::display(f.path, &raw, lang)) }</li> }
                }) }
            </ul>
            <p class="notice">{ t("ui.screening_notice", lang) }</p>
            <p>{ t("ui.help", lang) }</p>
        </div>
    }
}

/// Same-page anchors would change the URL fragment the app keeps its state in: scroll instead.
fn scroll_to_anchor(e: MouseEvent) {
    e.prevent_default();
    let target = e.target_unchecked_into::<web_sys::Element>().get_attribute("href").unwrap_or_default();
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(target.trim_start_matches('#'))) {
        el.scroll_into_view();
        if let Some(h) = el.query_selector(crate::h(2)).ok().flatten() {
            let _ = h.set_attribute("tabindex", "-1");
            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(h).focus();
        }
    }
}

#[derive(PartialEq, Properties)]
pub struct FileProps {
    pub state: Rc<State>,
    pub dispatch: Callback<Action>,
    /// Offer "save" as well as "load".
    pub save: bool,
}

/// Save the answers as a JSON file (the CLI's schema), or load them from one. Not on a kiosk: a file
/// saved there would stay on a public machine.
#[function_component(FileButtons)]
pub fn file_buttons(p: &FileProps) -> Html {
    let lang = p.state.lang;
    let error = use_state(|| None::<crate::state::FileError>);
    if p.state.kiosk {
        return html! {};
    }
    let save = {
        let state = p.state.clone();
        Callback::from(move |_| download("tekser-answers.json", &crate::state::to_json(&state)))
    };
    let load = {
        let (d, error) = (p.dispatch.clone(), error.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            let (d, error) = (d.clone(), error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string()).unwrap_or_default();
                match crate::state::from_json(&text) {
                    Ok(loaded) => {
                        error.set(None);
                        d.emit(Action::Load(loaded));
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    html! {
        <div class="files no-print">
            if p.save { <button type="button" onclick={save}>{ t("ui.save_answers", lang) }</button> }
            <label for="load-answers" class="file-label">{ t("ui.load_answers", lang) }</label>
            <input type="file" id="load-answers" accept=".json,application/json" onchange={load} />
            if let Some(e) = &*error {
                <p class="error-message" role="alert">{ e.alert(lang) }</p>
            }
        </div>
    }
}

/// Offers a text as a file download (a Blob URL: nothing is sent anywhere).
fn download(name: &str, text: &str) {
    download_parts(name, &js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text)), "application/json");
}

/// Offers bytes (the application bundle's ZIP) as a file download, through a Blob URL.
pub fn download_bytes(name: &str, bytes: &js_sys::Uint8Array, mime: &str) {
    download_parts(name, &js_sys::Array::of1(bytes), mime);
}

fn download_parts(name: &str, parts: &js_sys::Array, mime: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(parts, &opts) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = doc.create_element("a") {
        let a = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlAnchorElement>(a);
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
