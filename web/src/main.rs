//! Entry point of the browser app: the texts of the language the page opens in (all three on a
//! kiosk, whose first screen speaks all three), then the app.

fn main() {
    wasm_bindgen_futures::spawn_local(async {
        let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
        let first = tekser_web::state::from_fragment(&hash);
        let langs: Vec<tekser_rules::Lang> = if first.kiosk { tekser_rules::Lang::ALL.to_vec() } else { vec![first.lang] };
        for lang in langs {
            tekser_web::texts::ensure(lang).await;
        }
        yew::Renderer::<tekser_web::App>::new().render();
    });
}
