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
    parse(&fetch_text(url).await?)
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

/// Reads a texts file: one object of key → text; anything else is not the file. Read as a
/// `serde_json::Value`, whose reader the app has anyway (answers files): a deserialiser of its own for
/// this map would add to the WASM.
fn parse(text: &str) -> Option<std::collections::HashMap<String, String>> {
    let Ok(serde_json::Value::Object(all)) = serde_json::from_str(text) else { return None };
    all.into_iter().map(|(k, v)| Some((k, v.as_str()?.to_string()))).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_file_the_cli_writes_is_read() {
        let texts = super::parse(r#"{"ui.yes": "Иә", "ui.no": "Жоқ"}"#).unwrap();
        assert_eq!((texts["ui.yes"].as_str(), texts["ui.no"].as_str(), texts.len()), ("Иә", "Жоқ", 2));
        for not_texts in ["<html>", "[]", r#"{"ui.yes": 1}"#, r#"{"ui.yes": null}"#] {
            assert!(super::parse(not_texts).is_none(), "{not_texts}");
        }
    }

    #[test]
    fn every_text_of_a_language_is_read_back() {
        // What `tekser texts` writes: one object of key → text, escapes and all.
        let all: std::collections::BTreeMap<_, _> = tekser_rules::text::language(tekser_rules::Lang::Ru).into_iter().collect();
        let read = super::parse(&serde_json::to_string(&all).unwrap()).unwrap();
        assert_eq!(read.len(), all.len());
        assert!(all.iter().all(|(k, v)| read.get(*k).map(String::as_str) == Some(*v)));
    }
}
