//! A kiosk's idle guard (ux-patterns §8): after [`IDLE_SECS`] without a touch or a key, a dialog
//! takes focus and asks whether the person is still there; without an answer within [`WARN_SECS`]
//! every answer is cleared for the next person. While the dialog is open the rest of the page is
//! inert and Tab cycles between its two buttons (a focus trap: the browser's own controls are not
//! reached either); when it closes, focus returns where it was.

use crate::i18n::t;
use std::cell::Cell;
use std::rc::Rc;
use tekser_rules::Lang;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Seconds without activity before the warning (whole minutes: the start page says it in minutes).
pub const IDLE_SECS: u32 = 120;
/// Seconds the warning gives to answer (WCAG 2.2.1 asks for at least 20).
pub const WARN_SECS: u32 = 60;

/// What the guard shows after `idle` seconds without activity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Quiet,
    /// The warning, with the seconds left.
    Warning(u32),
    /// Time is up: clear.
    Clear,
}

pub fn phase(idle: u32) -> Phase {
    match idle {
        i if i < IDLE_SECS => Phase::Quiet,
        i if i < IDLE_SECS + WARN_SECS => Phase::Warning(IDLE_SECS + WARN_SECS - i),
        _ => Phase::Clear,
    }
}

#[derive(PartialEq, Properties)]
pub struct Props {
    pub lang: Lang,
    /// Clear every answer (the same as "Finish and clear").
    pub on_clear: Callback<()>,
}

#[function_component(IdleGuard)]
pub fn idle_guard(p: &Props) -> Html {
    let idle = use_state(|| 0u32);
    // The time of the last activity (ms), and whether the warning is open (then only its buttons
    // count as an answer).
    let last = use_memo((), |_| Rc::new(Cell::new(js_sys::Date::now())));
    let warning = use_memo((), |_| Rc::new(Cell::new(false)));
    // What had focus when the warning opened, to return to.
    let before = use_memo((), |_| Rc::new(std::cell::RefCell::new(None::<web_sys::Element>)));
    {
        let (idle, last, warning) = (idle.clone(), (*last).clone(), (*warning).clone());
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let on_activity = {
                let last = last.clone();
                Closure::<dyn Fn()>::new(move || {
                    if !warning.get() {
                        last.set(js_sys::Date::now());
                    }
                })
            };
            let every_second = Closure::<dyn Fn()>::new(move || idle.set(((js_sys::Date::now() - last.get()) / 1000.0) as u32));
            const EVENTS: [&str; 4] = ["pointerdown", "keydown", "input", "wheel"];
            let interval = window.as_ref().map(|w| {
                for e in EVENTS {
                    let _ = w.add_event_listener_with_callback(e, on_activity.as_ref().unchecked_ref());
                }
                w.set_interval_with_callback_and_timeout_and_arguments_0(every_second.as_ref().unchecked_ref(), 1000).unwrap_or(0)
            });
            move || {
                if let (Some(w), Some(id)) = (window, interval) {
                    w.clear_interval_with_handle(id);
                    for e in EVENTS {
                        let _ = w.remove_event_listener_with_callback(e, on_activity.as_ref().unchecked_ref());
                    }
                }
                drop(every_second);
            }
        });
    }
    let now = phase(*idle);
    {
        let (warning, before) = ((*warning).clone(), (*before).clone());
        use_effect_with(matches!(now, Phase::Warning(_)), move |opened| {
            let was_open = warning.replace(*opened);
            if *opened {
                *before.borrow_mut() = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
            }
            set_inert(*opened);
            if *opened {
                focus_by_id("idle-continue");
            } else if was_open {
                match before.borrow_mut().take().filter(|el| el.is_connected()) {
                    Some(el) => {
                        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
                    }
                    None => focus_h1(),
                }
            }
        });
    }
    {
        let (on_clear, last, idle) = (p.on_clear.clone(), (*last).clone(), idle.clone());
        use_effect_with(now == Phase::Clear, move |time_up| {
            if *time_up {
                last.set(js_sys::Date::now());
                idle.set(0);
                on_clear.emit(());
            }
        });
    }
    let Phase::Warning(left) = now else { return html! {} };
    let stay = {
        let (idle, last) = (idle.clone(), (*last).clone());
        Callback::from(move |_: MouseEvent| {
            last.set(js_sys::Date::now());
            idle.set(0);
        })
    };
    let clear = {
        let (idle, last, on_clear) = (idle.clone(), (*last).clone(), p.on_clear.clone());
        Callback::from(move |_: MouseEvent| {
            last.set(js_sys::Date::now());
            idle.set(0);
            on_clear.emit(());
        })
    };
    let lang = p.lang;
    html! {
        <div class="modal-backdrop">
            <div class="modal" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text" onkeydown={Callback::from(trap_tab)}>
                <h2 id="idle-title">{ t("ui.kiosk_idle_title", lang) }</h2>
                <p id="idle-text">{ t("ui.kiosk_idle_text", lang).replace("{n}", &crate::i18n::count(left, "second", lang)) }</p>
                <div class="modal-buttons">
                    <button type="button" class="primary" id="idle-continue" onclick={stay}>{ t("ui.kiosk_continue", lang) }</button>
                    <button type="button" class="secondary" id="idle-finish" onclick={clear}>{ t("ui.kiosk_finish", lang) }</button>
                </div>
            </div>
        </div>
    }
}

/// Keeps Tab inside the dialog: from its last button to its first, and Shift+Tab the other way.
fn trap_tab(e: KeyboardEvent) {
    if e.key() != "Tab" {
        return;
    }
    let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element()).map(|el| el.id());
    let (from, to) = if e.shift_key() { ("idle-continue", "idle-finish") } else { ("idle-finish", "idle-continue") };
    if active.as_deref() == Some(from) || active.as_deref().is_none_or(|id| id != "idle-continue" && id != "idle-finish") {
        e.prevent_default();
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(to)) {
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    }
}

/// Makes everything but the dialog inert (not focusable, not read) while it is open.
fn set_inert(on: bool) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    for sel in ["header.bar", "main", "footer.foot", "a.skip"] {
        if let Some(el) = doc.query_selector(sel).ok().flatten() {
            let _ = if on { el.set_attribute("inert", "") } else { el.remove_attribute("inert") };
        }
    }
}

fn focus_by_id(id: &'static str) {
    let cb = Closure::once_into_js(move || {
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) {
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback(cb.unchecked_ref());
    }
}

fn focus_h1() {
    if let Some(h1) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector("h1").ok().flatten()) {
        let _ = h1.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_warning_counts_down_then_clears() {
        assert_eq!(phase(0), Phase::Quiet);
        assert_eq!(phase(IDLE_SECS - 1), Phase::Quiet);
        assert_eq!(phase(IDLE_SECS), Phase::Warning(WARN_SECS));
        assert_eq!(phase(IDLE_SECS + WARN_SECS - 1), Phase::Warning(1));
        assert_eq!(phase(IDLE_SECS + WARN_SECS), Phase::Clear);
        const { assert!(WARN_SECS >= 20, "WCAG 2.2.1: at least 20 seconds to answer") };
        const { assert!(IDLE_SECS.is_multiple_of(60), "the start page gives the idle time in minutes") };
    }
}
