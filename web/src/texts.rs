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

thread_local! {
    /// The languages whose forms' words are installed; once any is, every language shown gets them.
    static FORMS: std::cell::Cell<[bool; 3]> = const { std::cell::Cell::new([false; 3]) };
}

fn slot(lang: Lang) -> usize {
    Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)
}

/// Has a person prepared an application in this tab (the forms' words were wanted)?
pub fn forms_wanted() -> bool {
    FORMS.with(|f| f.get().iter().any(|x| *x))
}

/// Makes the words of the details pages and "Your application" in `lang` available
/// (`texts-<lang>-forms.json`, written by `tekser form-texts`): fetched when a person first prepares
/// an application, so the first load does not carry them.
pub async fn ensure_forms(lang: Lang) -> bool {
    if FORMS.with(|f| f.get()[slot(lang)]) {
        return true;
    }
    match fetch_file(&format!("texts-{}-forms.json", crate::i18n::lang_code(lang))).await {
        Some(pairs) => {
            tekser_rules::text::install(lang, pairs);
            FORMS.with(|f| {
                let mut all = f.get();
                all[slot(lang)] = true;
                f.set(all);
            });
            true
        }
        None => false,
    }
}

async fn fetch(lang: Lang) -> Option<std::collections::HashMap<String, String>> {
    fetch_file(&format!("texts-{}.json", crate::i18n::lang_code(lang))).await
}

async fn fetch_file(url: &str) -> Option<std::collections::HashMap<String, String>> {
    serde_json::from_str(&fetch_text(url).await?).ok()
}

/// The text of a file of the site (`url` relative to the page); None when it cannot be fetched.
pub async fn fetch_text(url: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    let promise = web_sys::window()?.fetch_with_str(url);
    let response: web_sys::Response = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    wasm_bindgen_futures::JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}
