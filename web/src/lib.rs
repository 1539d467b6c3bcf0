//! # The Tekser app
//!
//! A static single-page app: it asks only the questions the rules need (the rules crate's
//! "missing facts"), runs the rules in WebAssembly in the browser, and shows their reports.
//! Nothing typed leaves the device: all state lives in memory and in the URL fragment, never in
//! cookies or web storage.
//!
//! - `state`: the pure reducer, the URL fragment and answers files (tested natively);
//! - `pages/`: one module per screen (start, question, check your answers, results);
//! - `components/`: parts of the results (citation, month calendar, …);
//! - `quotes`: the words of the provisions, fetched when a citation is first opened;
//! - `i18n`: texts by key and the per-language forms of dates and money.

pub mod components;
pub mod i18n;
pub mod pages;
pub mod quotes;
pub mod state;

use state::{Action, State};
use std::rc::Rc;
use tekser_rules::Lang;
use yew::prelude::*;

/// Today on this device. The app may read the clock; the rules never do.
pub fn today() -> chrono::NaiveDate {
    #[cfg(target_arch = "wasm32")]
    {
        let d = js_sys::Date::new_0();
        chrono::NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date()).unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
        chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default() + chrono::Days::new((secs + 5 * 3600) / 86_400)
    }
}

/// The date and time now on this device, in words ("20 March 2026, 09:00"): when a check was made,
/// for its printout.
pub fn now_words(lang: Lang) -> String {
    #[cfg(target_arch = "wasm32")]
    let (h, m) = {
        let d = js_sys::Date::new_0();
        (d.get_hours(), d.get_minutes())
    };
    #[cfg(not(target_arch = "wasm32"))]
    let (h, m) = {
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0) + 5 * 3600;
        ((secs / 3600 % 24) as u32, (secs / 60 % 60) as u32)
    };
    format!("{}, {h:02}:{m:02}", i18n::long_date(today(), lang))
}

fn location_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// What every page gets: the state and a way to change it.
#[derive(Clone, PartialEq, Properties)]
pub struct PageProps {
    pub state: Rc<State>,
    pub dispatch: Callback<Action>,
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| state::from_fragment(&location_hash()));
    // Set while the state follows the browser's history, so the URL is not pushed again.
    let following_history = use_mut_ref(|| false);
    let last_screen = use_mut_ref(|| state.screen.clone());

    {
        let dispatch = state.dispatcher();
        let following = following_history.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                let cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
                    // Only the app's own fragments (`#/…`, or none) are screens; any other fragment is
                    // a same-page anchor, which must not reset the interview.
                    let hash = location_hash();
                    if !hash.is_empty() && !hash.starts_with("#/") {
                        return;
                    }
                    *following.borrow_mut() = true;
                    dispatch.dispatch(Action::FromUrl(state::from_fragment(&location_hash())));
                });
                let _ = w.add_event_listener_with_callback("popstate", wasm_bindgen::JsCast::unchecked_ref(cb.as_ref()));
                (w, cb)
            });
            move || {
                if let Some((w, cb)) = listener {
                    let _ = w.remove_event_listener_with_callback("popstate", wasm_bindgen::JsCast::unchecked_ref(cb.as_ref()));
                }
            }
        });
    }

    {
        let s = state.clone();
        use_effect_with(state.clone(), move |_| {
            let frag = state::to_fragment(&s);
            let screen_changed = *last_screen.borrow() != s.screen;
            *last_screen.borrow_mut() = s.screen.clone();
            if let Some(w) = web_sys::window() {
                let followed = std::mem::take(&mut *following_history.borrow_mut());
                if let Ok(h) = w.history() {
                    if location_hash() != frag {
                        if screen_changed && !followed {
                            let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&frag));
                        } else {
                            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&frag));
                        }
                    }
                }
                if let Some(doc) = w.document() {
                    if let Some(html) = doc.document_element() {
                        let _ = html.set_attribute("lang", i18n::lang_code(s.lang));
                        let _ = if s.kiosk { html.set_attribute("class", "kiosk") } else { html.remove_attribute("class") };
                    }
                    doc.set_title(&pages::title(&s));
                    if screen_changed {
                        if let Some(h1) = doc.query_selector("h1").ok().flatten() {
                            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(h1).focus();
                        }
                    }
                }
            }
        });
    }

    let dispatch = {
        let state = state.clone();
        Callback::from(move |a: Action| state.dispatch(a))
    };
    let lang = state.lang;
    html! {
        <>
            <a class="skip" href="#main" onclick={Callback::from(|e: MouseEvent| jump_to(&e, "main"))}>{ i18n::t("ui.skip_link", lang) }</a>
            <header class="bar">
                <span class="brand">{ i18n::t("ui.app_name", lang) }</span>
                <components::lang_switch::LangSwitch lang={lang} on_change={dispatch.reform(Action::SetLang)} />
                if state.kiosk {
                    <button type="button" class="finish" onclick={dispatch.reform(|_| Action::Clear)}>{ i18n::t("ui.kiosk_finish", lang) }</button>
                }
            </header>
            <main id="main" tabindex="-1">
                { pages::page(&PageProps { state: Rc::new((*state).clone()), dispatch: dispatch.clone() }) }
            </main>
            if state.kiosk {
                <components::idle::IdleGuard lang={lang} on_clear={dispatch.reform(|_| Action::Clear)} />
            }
            <footer class="foot">
                <p>{ i18n::t("ui.privacy", lang) }</p>
                <p>{ i18n::t("ui.help", lang) }</p>
            </footer>
        </>
    }
}

/// Follows a same-page link (`href="#id"`) without changing the URL fragment, which holds the app's
/// state: focuses the target (which must be focusable, `tabindex="-1"` at least) and so scrolls to it.
pub fn jump_to(e: &MouseEvent, id: &str) {
    e.prevent_default();
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) {
        let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(el).focus();
    }
}

/// Every language, for the switcher.
pub const LANGS: [(Lang, &str); 3] = [(Lang::Kk, "Қазақша"), (Lang::Ru, "Русский"), (Lang::En, "English")];
