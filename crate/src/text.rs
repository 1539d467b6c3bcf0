//! User-facing texts by key, in Kazakh, Russian and English (`data/texts/*.toml`).

use crate::data::{Tri, TEXTS};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Kazakh, the default.
    #[default]
    Kk,
    Ru,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "kk" => Some(Lang::Kk),
            "ru" => Some(Lang::Ru),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A date as acts are dated: "09.01.2026" (by hand: chrono's strftime would add to the app's WASM).
pub fn dmy(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:02}.{:02}.{}", d.day(), d.month(), d.year())
}

/// All three languages of a key.
pub fn texts(key: &str) -> Option<&'static Tri> {
    TEXTS.binary_search_by(|(k, _)| (*k).cmp(key)).ok().map(|i| &TEXTS[i].1)
}

/// The text of `key` in `lang`, if the key exists.
pub fn text(key: &str, lang: Lang) -> Option<&'static str> {
    texts(key).map(|t| t.get(lang))
}
