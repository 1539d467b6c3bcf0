//! # The Tekser app
//!
//! A static single-page app: it asks only the questions the rules need (the rules crate's
//! "missing facts"), runs the rules in WebAssembly in the browser, and shows their reports.
//! Nothing typed leaves the device: the answers live in memory and in the tab's `history.state`,
//! never in the URL (unless the person asks for a link with them), cookies or web storage.
//!
//! - `state`: the pure reducer, the URL fragment, `history.state` and answers files (tested natively);
//! - `pages/`: one module per screen (a kiosk's language buttons, start, question, check your
//!   answers, results, the details an application form needs, "your application");
//! - `prerender`: the start page rendered natively into index.html at build time;
//! - `components/`: parts of the results (citation, month calendar, …);
//! - `quotes`: the words of the provisions, fetched when a citation is first opened;
//! - `bundle`: the application bundle, built by a separate WebAssembly module in a Web Worker that
//!   is fetched only when the person presses Download;
//! - `embed`: the app embedded in another site's page, and its message protocol with that page;
//! - `i18n`: texts by key and the per-language forms of dates and money.

pub mod bundle;
pub mod components;
pub mod embed;
pub mod i18n;
pub mod pages;
pub mod prerender;
pub mod quotes;
pub mod search;
pub mod state;
pub mod texts;

use state::{Action, State};
use std::rc::Rc;
use tekser_rules::Lang;
use yew::prelude::*;

pub use embed::{h, heading, title, Heading};

thread_local! {
    /// The day a host page asked the rules to be applied on (`embed`, `prefill`'s `as_of`).
    static DAY: std::cell::Cell<Option<chrono::NaiveDate>> = const { std::cell::Cell::new(None) };
}

/// Sets (or, with None, forgets) the day that stands for today: the as-of date of a host page.
pub fn set_day(day: Option<chrono::NaiveDate>) {
    DAY.with(|d| d.set(day));
}

/// Today on this device, or the day the page that embeds the app set ([`set_day`]). The app may
/// read the clock; the rules never do.
pub fn today() -> chrono::NaiveDate {
    if let Some(day) = DAY.with(std::cell::Cell::get) {
        return day;
    }
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
    gloo_utils::window().location().hash().unwrap_or_default()
}

/// The answers the tab's current history entry holds (`history.state`, see [`state::history_entries`]).
fn history_answers() -> std::collections::BTreeMap<&'static str, String> {
    let held = gloo_utils::history().state().unwrap_or(wasm_bindgen::JsValue::NULL);
    if !held.is_object() {
        return Default::default();
    }
    let entries = js_sys::Object::entries(wasm_bindgen::JsCast::unchecked_ref(&held));
    state::raw_from_history(entries.iter().filter_map(|pair| {
        let pair: js_sys::Array = wasm_bindgen::JsCast::dyn_into(pair).ok()?;
        Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
    }))
}

/// `history.state` for a state: a plain object of its answers (null on a kiosk or with none).
fn history_object(s: &State) -> wasm_bindgen::JsValue {
    let entries = state::history_entries(s);
    if entries.is_empty() {
        return wasm_bindgen::JsValue::NULL;
    }
    let o = js_sys::Object::new();
    for (k, v) in entries {
        let _ = js_sys::Reflect::set(&o, &k.into(), &v.into());
    }
    o.into()
}

/// What every page gets: the state and a way to change it.
#[derive(Clone, PartialEq, Properties)]
pub struct PageProps {
    pub state: Rc<State>,
    pub dispatch: Callback<Action>,
}

/// What the person did on the pre-rendered start page before the app ran, read by `main` just
/// before the app mounts (mounting empties `<body>`, the pre-rendered page with it).
#[derive(Clone, Default, PartialEq, Properties)]
pub struct AppProps {
    /// The services whose boxes were ticked ([`prerender::ticked`]).
    pub ticked: Vec<tekser_rules::Service>,
    /// The id of the element in focus ([`prerender::focused`]), focused again in the app's page.
    pub focused: Option<String>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer(|| {
        let s = State { ticked: props.ticked.clone(), ..state::from_url(&location_hash(), history_answers()) };
        if s.embed {
            embed::set_heading(s.heading);
        }
        s
    });
    // Set while the state follows the browser's history, so the URL is not pushed again.
    let following_history = use_mut_ref(|| false);
    let last_screen = use_mut_ref(|| state.screen.clone());

    {
        let dispatch = state.dispatcher();
        let following = following_history.clone();
        let focused = props.focused.clone();
        let embedded = state.embed.then(|| {
            let d = state.dispatcher();
            Callback::from(move |a: Action| {
                if matches!(a, Action::Reset) {
                    bundle::forget();
                    search::forget();
                }
                in_language(d.clone(), a, None)
            })
        });
        use_effect_with((), move |_| {
            if let Some(dispatch) = embedded {
                embed::start(dispatch);
            }
            // The start page as pre-rendered into index.html (`prerender`) has given way to the app;
            // focus stays on the same box.
            if let Some(el) = gloo_utils::document().get_element_by_id(prerender::ID) {
                el.remove();
            }
            if let Some(e) = focused.and_then(|id| gloo_utils::document().get_element_by_id(&id)) {
                let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(e).focus();
            }
            let listener = gloo_events::EventListener::new(&gloo_utils::window(), "popstate", move |_| {
                // Only the app's own fragments (`#/…`, or none) are screens; any other fragment is
                // a same-page anchor, which must not reset the interview.
                let hash = location_hash();
                if !hash.is_empty() && !hash.starts_with("#/") {
                    return;
                }
                *following.borrow_mut() = true;
                let a = Action::FromUrl(state::from_url(&hash, history_answers()));
                in_language(dispatch.clone(), a, None);
            });
            move || drop(listener)
        });
    }

    {
        let s = state.clone();
        use_effect_with(state.clone(), move |_| {
            // The URL holds no answer (a link that carried some is replaced at once); the answers go
            // with the history entry, so a reload and Back/Forward keep them.
            if s.embed {
                embed::follow(&s);
            }
            let frag = state::to_fragment(&s);
            let screen_changed = *last_screen.borrow() != s.screen;
            *last_screen.borrow_mut() = s.screen.clone();
            let w = gloo_utils::window();
            let followed = std::mem::take(&mut *following_history.borrow_mut());
            let h = gloo_utils::history();
            let held = history_object(&s);
            if screen_changed && !followed && location_hash() != frag {
                let _ = h.push_state_with_url(&held, "", Some(&frag));
            } else {
                let _ = h.replace_state_with_url(&held, "", Some(&frag));
            }
            if let Some(doc) = w.document() {
                if let Some(html) = doc.document_element() {
                    let _ = html.set_attribute("lang", i18n::lang_code(s.lang));
                    let _ = match (s.kiosk, s.embed, s.operator) {
                        (true, _, _) => html.set_attribute("class", "kiosk"),
                        (_, true, _) => html.set_attribute("class", "embed"),
                        (_, _, true) => html.set_attribute("class", "operator"),
                        _ => html.remove_attribute("class"),
                    };
                }
                doc.set_title(&pages::title(&s));
                if screen_changed {
                    if let Some(h1) = doc.query_selector(embed::h(1)).ok().flatten() {
                        let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(h1).focus();
                    }
                }
            }
        });
    }

    let dispatch = {
        let d = state.dispatcher();
        let shown = state.lang;
        Callback::from(move |a: Action| {
            // Forgetting everything ends the bundle module too, with whatever its memory held.
            if matches!(a, Action::Clear | Action::Reset | Action::NextPerson) {
                bundle::forget();
                search::forget();
            }
            in_language(d.clone(), a, Some(shown))
        })
    };
    let (lang, kiosk) = (state.lang, state.kiosk);
    let switch = if state.screen == state::Screen::Welcome {
        html! {}
    } else {
        html! { <components::lang_switch::LangSwitch lang={lang} on_change={dispatch.reform(Action::SetLang)} /> }
    };
    let finish = if kiosk {
        html! { <button type="button" class="finish" onclick={dispatch.reform(|_| Action::Clear)}>{ i18n::t("ui.kiosk_finish", lang) }</button> }
    } else {
        html! {}
    };
    let guard = if kiosk {
        html! { <components::idle::IdleGuard lang={lang} on_clear={dispatch.reform(|_| Action::Clear)} /> }
    } else {
        html! {}
    };
    let main = pages::page(&PageProps { state: Rc::new((*state).clone()), dispatch: dispatch.clone() });
    frame(Frame { lang, kiosk, embed: state.embed, operator: state.operator, switch, finish, main, guard })
}

/// The parts of the page around a screen.
pub struct Frame {
    pub lang: Lang,
    pub kiosk: bool,
    /// Embedded in another site's page: the screen only, without the skip link, header and footer.
    pub embed: bool,
    /// Operator mode: the footer says the answers are forgotten by "Next person", and offers no way
    /// into operator mode.
    pub operator: bool,
    /// The language switch (buttons in the app, plain links before it runs).
    pub switch: Html,
    /// A kiosk's "Finish and clear".
    pub finish: Html,
    /// The screen.
    pub main: Html,
    /// A kiosk's idle guard.
    pub guard: Html,
}

/// The page around every screen: the skip link, the header (name, language switch, a kiosk's Finish
/// button and its help line, in the same place on every screen), the screen, and the footer. The app
/// and the start page pre-rendered into index.html (`prerender`) share it, so one replaces the other
/// without a jump. Embedded, the host page has its own header and footer: the screen only.
pub fn frame(f: Frame) -> Html {
    let lang = f.lang;
    if f.embed {
        return html! { <><main id="main" tabindex="-1">{ f.main }</main>{ f.guard }</> };
    }
    html! {
        <>
            <a class="skip" href="#main" onclick={Callback::from(|e: MouseEvent| jump_to(&e, "main"))}>{ i18n::t("ui.skip_link", lang) }</a>
            <header class="bar">
                <span class="brand">{ i18n::t("ui.app_name", lang) }</span>
                { f.switch }
                { f.finish }
                if f.kiosk {
                    <p class="staff">{ i18n::t("shell.call_staff", lang) }</p>
                }
            </header>
            <main id="main" tabindex="-1">
                { f.main }
            </main>
            { f.guard }
            <footer class="foot">
                // A kiosk keeps the answers in memory only: its own notice, not the tab's history.
                <p>{ match (f.kiosk, f.operator) {
                    (true, _) => pages::start::kiosk_notice(lang),
                    (_, true) => i18n::t("operator.privacy", lang),
                    _ => i18n::t("ui.privacy", lang),
                } }</p>
                <p>{ i18n::t("ui.help", lang) }</p>
                // A discreet way in for staff at a counter; not on a kiosk, where the public is.
                if !f.kiosk && !f.operator {
                    <p class="staff-link"><a href={format!("#/operator?lang={}", lang.code())}>{ i18n::t("operator.footer_link", lang) }</a></p>
                }
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

/// Carries out an action once the texts of the language it shows are at hand: a language not shown
/// before is fetched first (`texts`); if it cannot be, the page stays in the language it is in.
fn in_language(d: UseReducerDispatcher<State>, a: Action, shown: Option<Lang>) {
    let lang = match &a {
        Action::SetLang(l) => Some(*l),
        Action::FromUrl(s) => Some(s.lang),
        _ => None,
    };
    // "Prepare my application" needs the forms' words (fetched the first time); so does any language
    // shown once they were wanted, and a URL that opens on the details pages.
    let forms_for = match &a {
        Action::Prepare(_) => shown,
        Action::FromUrl(s) if matches!(s.screen, state::Screen::Details(_) | state::Screen::Application) => Some(s.lang),
        _ => lang.filter(|_| texts::forms_wanted()),
    };
    let core = lang.filter(|l| !tekser_rules::text::has_language(*l));
    if core.is_none() && forms_for.is_none() {
        return d.dispatch(a);
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut ok = match core {
            Some(l) => texts::ensure(l).await,
            None => true,
        };
        if let Some(l) = forms_for {
            ok &= texts::ensure_forms(l).await;
        }
        if ok || !matches!(a, Action::SetLang(_) | Action::Prepare(_)) {
            d.dispatch(a);
        }
    });
}

/// Every language, for the switcher.
pub const LANGS: [(Lang, &str); 3] = [(Lang::Kk, "Қазақша"), (Lang::Ru, "Русский"), (Lang::En, "English")];
