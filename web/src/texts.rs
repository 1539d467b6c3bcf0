//! The texts of one language, fetched when the app first shows a page in it: the WASM carries no
//! texts (the rules crate is built without its `texts` feature), so a first load brings one
//! language's words (`texts-<lang>.json`, written by `tekser texts`), not all three.

use tekser_rules::Lang;

/// Makes the texts of `lang` available (`tekser_rules::text::install`), fetching them once; false
/// when they could not be fetched.
pub async fn ensure(lang: Lang) -> bool {
    if tekser_rules::text::has_language(lang) {
        return true;
    }
    match fetch(lang).await {
        Some(pairs) => {
            tekser_rules::text::install(lang, pairs);
            true
        }
        None => false,
    }
}

async fn fetch(lang: Lang) -> Option<std::collections::HashMap<String, String>> {
    use wasm_bindgen::JsCast;
    let url = format!("texts-{}.json", crate::i18n::lang_code(lang));
    let promise = web_sys::window()?.fetch_with_str(&url);
    let response: web_sys::Response = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
    serde_json::from_str(&text).ok()
}
