//! A link with the answers, made only when the person asks for one: a `<details>` on "Check your
//! answers" and the results that says what the link carries before it shows it, with a button that
//! copies it. The app's own URL never holds an answer (`state::to_fragment`); this is the one place a
//! URL with them is written (`state::to_link`), and only into this box, when the details are opened.
//! None on a kiosk. A plain function, not a component: it keeps no state (the box and the status line
//! are set when the person acts), which keeps the WASM small.

use crate::i18n::t;
use crate::state::State;
use std::rc::Rc;
use yew::prelude::*;

pub fn answers_link(state: &Rc<State>) -> Html {
    let lang = state.lang;
    if crate::state::to_link(state).is_none() {
        return html! {};
    }
    let ontoggle = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let open = e.target_unchecked_into::<web_sys::HtmlDetailsElement>().open();
            let link = match crate::state::to_link(&state) {
                Some(fragment) if open => page_address() + &fragment,
                _ => String::new(),
            };
            if let Some(input) = element::<web_sys::HtmlInputElement>("answers-link") {
                input.set_value(&link);
            }
            say("");
        })
    };
    // A new box for another screen or language: the link it shows is that of its own page.
    let key = format!("{}-{}", crate::pages::title(state), crate::i18n::lang_code(lang));
    let copy = Callback::from(move |_: MouseEvent| say(&t(if copy_link() { "shell.link_copied" } else { "shell.link_copy_failed" }, lang)));
    html! {
        <details {key} class="answers-link no-print" {ontoggle}>
            <summary>{ t("shell.link_summary", lang) }</summary>
            <p id="answers-link-warning">{ t("shell.link_warning", lang) }</p>
            <label for="answers-link">{ t("shell.link_label", lang) }</label>
            <input type="text" id="answers-link" readonly=true aria-describedby="answers-link-warning"
                onfocus={Callback::from(|e: FocusEvent| e.target_unchecked_into::<web_sys::HtmlInputElement>().select())} />
            <button type="button" onclick={copy}>{ t("shell.link_copy", lang) }</button>
            <p role="status" class="hint" id="answers-link-status"></p>
        </details>
    }
}

fn element<T: wasm_bindgen::JsCast>(id: &str) -> Option<T> {
    gloo_utils::document().get_element_by_id(id).map(wasm_bindgen::JsCast::unchecked_into)
}

/// Says what the copy button did, in the status line (a live region).
fn say(text: &str) {
    if let Some(status) = element::<web_sys::Element>("answers-link-status") {
        status.set_text_content(Some(text));
    }
}

/// This page's address without its fragment (`https://…/`); empty where there is no browser (the
/// pages rendered natively, at build time and in the tests).
pub fn page_address() -> String {
    if !cfg!(target_arch = "wasm32") {
        return String::new();
    }
    let l = gloo_utils::window().location();
    l.origin().unwrap_or_default() + &l.pathname().unwrap_or_default()
}

/// Selects the link and copies it (the synchronous `execCommand("copy")`, which every browser the app
/// runs in still has, needs no permission and keeps the WASM smaller than the asynchronous clipboard);
/// false where the browser refuses: the link is then selected, for the person to copy.
fn copy_link() -> bool {
    let Some(input) = element::<web_sys::HtmlInputElement>("answers-link") else { return false };
    let _ = input.focus();
    input.select();
    wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlDocument>(gloo_utils::document()).exec_command("copy").unwrap_or(false)
}
