//! The results: an overview line per service, then each service's outcome, the rules edition,
//! and the actions: print, save or load the answers, start again.

use crate::components::outcome::{verdict_class, OutcomeView};
use crate::i18n::{code, long_date, t};
use crate::pages::BackLink;
use crate::state::{Action, Screen, State};
use crate::PageProps;
use std::rc::Rc;
use tekser_rules::report::Verdict;
use yew::prelude::*;

#[function_component(ResultsPage)]
pub fn results_page(p: &PageProps) -> Html {
    let s = &p.state;
    let lang = s.lang;
    let as_of = s.as_of(crate::today());
    let report = tekser_rules::evaluate(&s.answers(), &tekser_rules::Context { as_of });
    // Eligible first, then could-not-tell and not eligible, then not applicable.
    let mut outcomes = report.outcomes.clone();
    outcomes.sort_by_key(|o| match o.verdict {
        Verdict::Eligible => 0,
        Verdict::NeedsInfo => 1,
        Verdict::CheckWithProvider | Verdict::NoChannelOpen => 1,
        Verdict::NotEligible => 2,
        Verdict::NotApplicable => 3,
    });
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let again = p.dispatch.reform(|_| Action::Reset);
    let answers = p.dispatch.reform(|_| Action::Show(Screen::Check));
    html! {
        <>
            <BackLink lang={lang} />
            <h1 tabindex="-1">{ t("ui.results_title", lang) }</h1>
            <crate::pages::Problems ..p.clone() />
            <div class="notice" role="note"><p>{ t("ui.screening_notice", lang) }</p></div>
            <p class="as-of">{ t("ui.as_of", lang) }{ ": " }{ long_date(as_of, lang) }</p>
            <h2>{ t("ui.overview", lang) }</h2>
            <ul class="overview">
                { for outcomes.iter().map(|o| html! {
                    <li><a href={format!("#s-{}", code(&o.service))} onclick={Callback::from(|e: MouseEvent| scroll_to_anchor(e))}>{ t(&format!("service.{}", code(&o.service)), lang) }</a>{ ": " }
                        <strong class={classes!("tag", verdict_class(o.verdict))}>{ t(&format!("verdict.{}", code(&o.verdict)), lang) }</strong></li>
                }) }
            </ul>
            { for outcomes.into_iter().map(|o| html! { <OutcomeView outcome={o} lang={lang} dispatch={p.dispatch.clone()} /> }) }
            <p class="edition"><strong>{ t("ui.result_code", lang) }{ ": " }</strong><code>{ report.edition.id }{ " · " }{ report.edition.hash }</code></p>
            <div class="actions no-print">
                <button type="button" class="primary" onclick={print}>{ t("ui.print", lang) }</button>
                <button type="button" onclick={answers}>{ t("ui.your_answers", lang) }</button>
                <FileButtons state={p.state.clone()} dispatch={p.dispatch.clone()} save=true />
                <button type="button" onclick={again}>{ t("ui.start_again", lang) }</button>
            </div>
        </>
    }
}

/// Same-page anchors would change the URL fragment the app keeps its state in: scroll instead.
fn scroll_to_anchor(e: MouseEvent) {
    e.prevent_default();
    let target = e.target_unchecked_into::<web_sys::Element>().get_attribute("href").unwrap_or_default();
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(target.trim_start_matches('#'))) {
        el.scroll_into_view();
        if let Some(h) = el.query_selector("h2").ok().flatten() {
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
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = doc.create_element("a") {
        let a = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlAnchorElement>(a);
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
