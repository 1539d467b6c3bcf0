//! The start page before the WebAssembly arrives. At build time a native program (`src/bin/
//! prerender.rs`, run by the Trunk hook `scripts/post-build`) renders the start page in Kazakh with
//! Yew's server-side renderer and puts it into `dist/index.html`, so its words show as soon as the
//! HTML and the style sheet have arrived: the same frame and page the app draws (`crate::frame`),
//! with the language switch as plain links (`#/start?lang=ru`, which the app reads when it starts),
//! a `<noscript>` notice in kk, ru and en, and a small script that takes the page away at once when
//! the URL opens another screen, another language or a kiosk (they would flash the wrong page). When
//! the app mounts it empties `<body>` and draws the same start page in its place, with what the
//! person did on the pre-rendered page while the app loaded, read just before (`main.rs`): the boxes
//! ticked ([`ticked`], the app's first state) and the element in focus ([`focused`], focused again).

use crate::i18n::{lang_code, t};
use crate::state::State;
use crate::PageProps;
use std::rc::Rc;
use tekser_rules::Lang;
use yew::prelude::*;

/// The element that holds the pre-rendered page.
pub const ID: &str = "prerendered";

/// Runs where it stands in `<body>`, before the app:
/// - starts fetching the texts of the language the app will open in (`texts-<lang>.json`, all three
///   on a kiosk, as `main.rs` chooses them) with `<link rel="preload" as="fetch" crossorigin>`, so that
///   they arrive beside the WebAssembly rather than a round trip after it starts (`texts::ensure`'s
///   `fetch` takes the preloaded response: same URL, same-origin credentials);
/// - keeps the pre-rendered page only for the plain start page in Kazakh (no fragment, `#/`,
///   `#/start`, `?lang=kk`), not embedded (`embed=1` draws no header or footer).
pub const SCRIPT: &str = "(function(){var h=location.hash,k=/[?&]kiosk=1(&|$)/.test(h),\
m=h.match(/[?&]lang=(kk|ru|en)(&|$)/);\
(k?['kk','ru','en']:[m?m[1]:'kk']).forEach(function(l){var p=document.createElement('link');\
p.rel='preload';p.as='fetch';p.crossOrigin='anonymous';p.href='texts-'+l+'.json';document.head.appendChild(p);});\
if(!/^(#\\/?(start)?)?(\\?|$)/.test(h)||/[?&](lang=(ru|en)|kiosk=1|embed=1)/.test(h)){\
var e=document.getElementById('prerendered');if(e)e.remove();}})();";

/// The start page in Kazakh inside the app's frame, as it is before the app runs.
#[function_component(Prerendered)]
pub fn prerendered() -> Html {
    let state = Rc::new(State::default());
    let lang = state.lang;
    let main = html! { <crate::pages::start::StartPage ..PageProps { state, dispatch: Callback::noop() } /> };
    let switch = html! { <crate::components::lang_switch::LangSwitch {lang} on_change={Callback::noop()} links=true /> };
    html! {
        <div id={ID}>
            { crate::frame(crate::Frame { lang, kiosk: false, embed: false, operator: false, switch, finish: html! {}, main, guard: html! {} }) }
        </div>
    }
}

/// The services whose boxes are ticked on the pre-rendered page, if it is there: read when the app
/// starts, before it replaces the page.
pub fn ticked() -> Vec<tekser_rules::Service> {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return Vec::new() };
    let ticked = |s: &tekser_rules::Service| {
        let selector = format!("#{ID} #svc-{}", crate::i18n::code(s));
        let input = doc.query_selector(&selector).ok().flatten();
        input.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(e).ok()).is_some_and(|i| i.checked())
    };
    tekser_rules::Service::ALL.into_iter().filter(ticked).collect()
}

/// The id of the element in focus on the pre-rendered page (a service's box), if any: the
/// app's page has the same ids, so focus can stay where the person left it.
pub fn focused() -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let active = doc.active_element()?;
    let inside = active.closest(&format!("#{ID}")).ok().flatten().is_some();
    (inside && !active.id().is_empty()).then(|| active.id())
}

/// The notice for a browser that runs no scripts, in each language (each marked with its `lang`).
pub fn noscript() -> String {
    let lines: String =
        Lang::ALL.iter().map(|l| format!("<p lang=\"{}\">{}</p>", lang_code(*l), escape(&t("shell.noscript", *l)))).collect();
    format!("<noscript><div class=\"notice\">{lines}</div></noscript>")
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// What goes into `<body>`: the noscript notice, the page (its Start button a plain button, which
/// does nothing until the app runs, rather than a form submission the page's policy refuses) and the
/// script. `page` is the server-side rendering of [`Prerendered`].
pub fn body(page: &str) -> String {
    format!("{}\n{}\n<script>{SCRIPT}</script>\n", noscript(), page.replace("type=\"submit\"", "type=\"button\""))
}

/// The start page's document title, as the app sets it.
pub fn title() -> String {
    crate::pages::title(&State::default())
}

/// Puts `body` at the start of an index.html's `<body>` and the start page's title in its `<title>`;
/// an error if there is no `<body>` or `<title>`, or the page is in it already.
pub fn insert(index: &str, body: &str) -> Result<String, String> {
    if index.contains(&format!("id=\"{ID}\"")) {
        return Err("the start page is pre-rendered into this file already".into());
    }
    let (open, close) = (index.find("<title>").ok_or("no <title> in the file")?, index.find("</title>").ok_or("no </title>")?);
    let index = format!("{}<title>{}{}", &index[..open], escape(&title()), &index[close..]);
    let at = index.find("<body>").ok_or("no <body> in the file")? + "<body>".len();
    Ok(format!("{}\n{body}{}", &index[..at], &index[at..]))
}
