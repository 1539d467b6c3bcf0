//! Entry point of the browser app: the texts of the language the page opens in (all three on a
//! kiosk, whose first screen speaks all three), then the app, started with what the person did on the
//! pre-rendered start page meanwhile.

fn main() {
    wasm_bindgen_futures::spawn_local(async {
        let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
        let first = tekser_web::state::from_fragment(&hash);
        let langs: Vec<tekser_rules::Lang> = if first.kiosk { tekser_rules::Lang::ALL.to_vec() } else { vec![first.lang] };
        for lang in langs {
            tekser_web::texts::ensure(lang).await;
        }
        // A reload on the details pages: their words too.
        if matches!(first.screen, tekser_web::state::Screen::Details(_) | tekser_web::state::Screen::Application) {
            tekser_web::texts::ensure_forms(first.lang).await;
        }
        // What the person did on the pre-rendered start page while all this loaded goes into the
        // app, read now: mounting empties <body>, the pre-rendered page with it.
        let props = tekser_web::AppProps { ticked: tekser_web::prerender::ticked(), focused: tekser_web::prerender::focused() };
        yew::Renderer::<tekser_web::App>::with_props(props).render();
    });
}
