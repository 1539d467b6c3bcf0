//! The words of the provisions, fetched once from `quotes.json` (written into `dist/` by `tekser
//! quotes`) when the first citation is opened. They are a fifth of the rules' data and most people
//! never open a citation, so the WASM leaves them out (the rules crate's `quotes` feature is off).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use yew::Callback;

/// The words of one provision.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Quote {
    pub quote: String,
    pub quote_en: Option<String>,
    pub note: String,
}

pub type Quotes = Rc<HashMap<String, Quote>>;

/// Where the fetch stands: `None` = still loading.
pub type Loaded = Option<Result<Quotes, ()>>;

enum Load {
    Idle,
    Loading(Vec<Callback<Result<Quotes, ()>>>),
    Done(Result<Quotes, ()>),
}

thread_local! {
    static LOAD: RefCell<Load> = const { RefCell::new(Load::Idle) };
}

/// Calls `done` with the quotes: at once if they are here, else when the one fetch ends. A failed
/// fetch is tried again at the next call (a kiosk may have been offline for a moment).
pub fn get(done: Callback<Result<Quotes, ()>>) {
    let start = LOAD.with_borrow_mut(|load| match load {
        Load::Done(Ok(q)) => {
            done.emit(Ok(q.clone()));
            false
        }
        Load::Loading(waiting) => {
            waiting.push(done);
            false
        }
        Load::Idle | Load::Done(Err(())) => {
            *load = Load::Loading(vec![done]);
            true
        }
    });
    if start {
        wasm_bindgen_futures::spawn_local(async {
            let result = fetch().await.ok_or(());
            let waiting = LOAD.with_borrow_mut(|load| match std::mem::replace(load, Load::Done(result.clone())) {
                Load::Loading(w) => w,
                _ => vec![],
            });
            waiting.into_iter().for_each(|cb| cb.emit(result.clone()));
        });
    }
}

async fn fetch() -> Option<Quotes> {
    use wasm_bindgen::JsCast;
    let promise = web_sys::window()?.fetch_with_str("quotes.json");
    let response: web_sys::Response = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
    parse(&text)
}

/// Reads `quotes.json`: an object of provision id → `{"quote", "quote_en" (a string or null), "note"
/// (optional)}`; anything else is not the file. Read as a `serde_json::Value`, whose reader the app
/// has anyway (answers files): a deserialiser of its own for this map would add to the WASM.
pub fn parse(text: &str) -> Option<Quotes> {
    use serde_json::Value as Json;
    let Ok(Json::Object(all)) = serde_json::from_str::<Json>(text) else { return None };
    let text_of = |v: &Json| v.as_str().map(str::to_string);
    let quote = |q: &Json| {
        let quote_en = match q.get("quote_en") {
            None | Some(Json::Null) => None,
            Some(en) => Some(text_of(en)?),
        };
        let note = q.get("note").map_or(Some(String::new()), text_of)?;
        Some(Quote { quote: text_of(q.get("quote")?)?, quote_en, note })
    };
    all.iter().map(|(id, q)| Some((id.clone(), quote(q)?))).collect::<Option<HashMap<_, _>>>().map(Rc::new)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_file_the_cli_writes_is_read() {
        let q =
            super::parse(r#"{"677-p4-a5": {"quote": "…", "quote_en": null, "note": ""}, "59-p7": {"quote": "7.", "quote_en": "7. The"}}"#)
                .unwrap();
        assert_eq!(q["677-p4-a5"].quote, "…");
        assert_eq!(
            (q["677-p4-a5"].quote_en.as_deref(), q["59-p7"].quote_en.as_deref(), q["59-p7"].note.as_str()),
            (None, Some("7. The"), "")
        );
        assert!(super::parse("<html>").is_none());
        for not_quotes in [r#"[]"#, r#"{"x": 1}"#, r#"{"x": {"quote_en": null}}"#, r#"{"x": {"quote": "…", "quote_en": 1}}"#] {
            assert!(super::parse(not_quotes).is_none(), "{not_quotes}");
        }
    }
}
