//! User-facing texts by key, in Kazakh, Russian and English (`data/texts/*.toml`), and the few rules
//! every front end words the same way: plural forms of counts, the label of a cited source, and the
//! record of keys that had no text.
//!
//! **Plurals.** A counted noun has the keys `plural.<noun>.one`, `.few`, `.many` and `.other`, each
//! in kk, ru and en (CLDR categories). Russian uses one/few/many (and other for fractions); English
//! one/other; Kazakh keeps the noun singular after a numeral («1 жұмыс күні», «5 жұмыс күні»), so
//! its four forms are the same. A form a language does not use repeats its `other` form (a test
//! keeps the four keys present). [`count`] picks the form: `count(5, "working_day", Ru)` →
//! "5 рабочих дней".
//!
//! **Missing texts.** [`word`] is how renderers ask for a text: a key without a text shows as the
//! key and is recorded for this thread, so a test renders every scenario and reads
//! [`take_missing`] instead of hunting for key shapes in the output.

use crate::data::{Tri, TEXTS};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeSet;

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

    /// The language's code (`kk`, `ru`, `en`), as [`Lang::parse`] reads it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }
}

/// A date as acts are dated: "09.01.2026" (by hand: chrono's strftime would add to the app's WASM).
pub fn dmy(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:02}.{:02}.{}", d.day(), d.month(), d.year())
}

/// A date in words, e.g. "9 January 2026", in `lang`'s order; `word` gives a text by key (the month's
/// name, `month.N`), from wherever the caller keeps its texts (the app's and the search module's fetched files).
pub fn long_date(d: chrono::NaiveDate, lang: Lang, word: impl Fn(&str) -> String) -> String {
    use chrono::Datelike;
    let month = word(&format!("month.{}", d.month()));
    match lang {
        Lang::Kk => format!("{} ж. {} {month}", d.year(), d.day()),
        Lang::Ru => format!("{} {month} {} г.", d.day(), d.year()),
        Lang::En => format!("{} {month} {}", d.day(), d.year()),
    }
}

/// A date with its weekday, e.g. "Thursday, 26 March 2026" (`weekday_long.*` and `month.*` by `word`).
pub fn long_date_weekday(d: chrono::NaiveDate, lang: Lang, word: impl Fn(&str) -> String) -> String {
    use chrono::Datelike;
    const KEYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let wd = word(&format!("weekday_long.{}", KEYS[d.weekday().num_days_from_monday() as usize]));
    format!("{wd}, {}", long_date(d, lang, word))
}

/// A number as a person reads it in `lang`: [`decimal`], with the decimal comma in kk and ru.
pub fn decimal_in(x: f64, lang: Lang) -> String {
    let s = decimal(x);
    match lang {
        Lang::En => s,
        _ => s.replace('.', ","),
    }
}

/// A number as `format!("{x}")` writes it ("366", "0.5", "1.25"), for the numbers the rules show: a
/// fee in hundredths of an MCI, an answer's limit. Written from integers, because the float formatter
/// of `core::fmt` (shortest round trip, in general) adds about 10 KB to the app's WebAssembly. The
/// same digits as `format!("{x}")` whenever `x` has at most six decimals (the shortest decimal that
/// reads back as `x`, found by trying 0 to 6 decimals); any other number is rounded to six decimals
/// (from 2^53 on, to a whole number, at most `u64::MAX`).
pub fn decimal(x: f64) -> String {
    const SCALE: [f64; 7] = [1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6];
    if x.is_nan() {
        return "NaN".into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let x = x.abs();
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    // Exact integers below 2^53: what a scaled number must be to be written from an integer.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    let fits = |k: usize| (x * SCALE[k]).round() < EXACT && (x * SCALE[k]).round() / SCALE[k] == x;
    let Some(k) = (0..SCALE.len()).find(|k| fits(*k)) else {
        let n = (x * 1e6).round();
        return if n < EXACT { trimmed(sign, n as u64, 6) } else { format!("{sign}{}", x as u64) };
    };
    trimmed(sign, (x * SCALE[k]).round() as u64, k)
}

/// `n / 10^decimals` written out, without trailing zeros after the point.
fn trimmed(sign: &str, n: u64, decimals: usize) -> String {
    let digits = format!("{n:0width$}", width = decimals + 1);
    let (whole, fraction) = digits.split_at(digits.len() - decimals);
    match fraction.trim_end_matches('0') {
        "" => format!("{sign}{whole}"),
        fraction => format!("{sign}{whole}.{fraction}"),
    }
}

/// All three languages of a key.
pub fn texts(key: &str) -> Option<&'static Tri> {
    TEXTS.binary_search_by(|(k, _)| (*k).cmp(key)).ok().map(|i| &TEXTS[i].1)
}

/// The text of `key` in `lang`, if the key exists: compiled in (the `texts` feature), or installed.
pub fn text(key: &str, lang: Lang) -> Option<&'static str> {
    texts(key).map(|t| t.get(lang)).or_else(|| installed_text(key, lang))
}

/// Texts installed at run time, by language: the web app, built without the `texts` feature, fetches
/// one language's file (`tekser texts <lang>`) and installs it before it shows a page in that language.
/// Each string is leaked once: a language is installed at most once per page load.
static INSTALLED: std::sync::Mutex<[Option<std::collections::BTreeMap<&'static str, &'static str>>; 3]> =
    std::sync::Mutex::new([None, None, None]);

fn slot(lang: Lang) -> usize {
    match lang {
        Lang::Kk => 0,
        Lang::Ru => 1,
        Lang::En => 2,
    }
}

fn installed_text(key: &str, lang: Lang) -> Option<&'static str> {
    let all = INSTALLED.lock().ok()?;
    all[slot(lang)].as_ref()?.get(key).copied()
}

/// Installs texts of one language (key → text), replacing nothing already installed: a language may
/// come in parts (the app's first texts, then the forms' words when the person prepares an application).
pub fn install(lang: Lang, pairs: impl IntoIterator<Item = (String, String)>) {
    let Ok(mut all) = INSTALLED.lock() else { return };
    // A second part of a language (the forms' words, fetched when first needed) joins the first.
    let pairs = pairs.into_iter().map(|(k, v)| (&*Box::leak(k.into_boxed_str()), &*Box::leak(v.into_boxed_str())));
    // Inserted one by one: collecting into the map would sort first, which costs the WASM a sort.
    let map = all[slot(lang)].get_or_insert_with(Default::default);
    pairs.for_each(|(k, v)| {
        map.entry(k).or_insert(v);
    });
}

/// Are this language's texts at hand (compiled in, or installed)?
pub fn has_language(lang: Lang) -> bool {
    !TEXTS.is_empty() || INSTALLED.lock().is_ok_and(|all| all[slot(lang)].is_some())
}

/// Every text of one language, by key: what `tekser texts <lang>` writes for the web app.
pub fn language(lang: Lang) -> Vec<(&'static str, &'static str)> {
    TEXTS.iter().map(|(k, t)| (*k, t.get(lang))).collect()
}

thread_local! {
    static MISSING: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
}

/// The text of `key` for a person to read. A key without a text shows as itself and is recorded
/// (see [`take_missing`]): the tests render every scenario and fail on any.
pub fn word(key: &str, lang: Lang) -> String {
    match text(key, lang) {
        Some(s) => s.to_string(),
        None => {
            MISSING.with(|m| m.borrow_mut().insert(key.to_string()));
            key.to_string()
        }
    }
}

/// The keys [`word`] was asked for on this thread and had no text, since the last call.
pub fn take_missing() -> Vec<String> {
    MISSING.with(|m| std::mem::take(&mut *m.borrow_mut()).into_iter().collect())
}

/// The CLDR plural category of a whole number: `one`, `few`, `many` or `other`.
pub fn plural_category(n: u64, lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => ru_plural(n),
        Lang::En => {
            if n == 1 {
                "one"
            } else {
                "other"
            }
        }
        // Kazakh has one/other in CLDR, but a noun after a numeral stays singular: one form serves.
        Lang::Kk => "other",
    }
}

/// Russian: 1, 21, 101 → one; 2–4, 22–24 → few; 0, 5–20, 25–30, 111–114 → many.
fn ru_plural(n: u64) -> &'static str {
    match (n % 10, n % 100) {
        (1, r) if r != 11 => "one",
        (2..=4, r) if !(12..=14).contains(&r) => "few",
        _ => "many",
    }
}

/// The counted noun `plural.<noun>` in the form the number takes, without the number.
pub fn plural(n: u64, noun: &str, lang: Lang) -> String {
    word(&format!("plural.{noun}.{}", plural_category(n, lang)), lang)
}

/// A number with its counted noun: `count(2, "working_day", Ru)` → "2 рабочих дня".
pub fn count(n: u64, noun: &str, lang: Lang) -> String {
    format!("{n} {}", plural(n, noun, lang))
}

/// How a cited source is named to a person, without its date: its translated label
/// (`source.<act id>`: "приказ МВД № 677", "статья на egov.kz") or else the act's number.
pub fn source_name(act: &crate::data::Act, lang: Lang) -> &'static str {
    text(&format!("source.{}", act.id), lang).unwrap_or(act.number)
}

/// How a cited source is named with its date ("приказ МВД № 677 от 09.09.2024"); the date only
/// once, even when the label holds it.
pub fn source_label(act: &crate::data::Act, lang: Lang) -> String {
    let name = source_name(act, lang);
    match act.date.map(dmy) {
        Some(d) if !name.contains(&d) => word("source.dated", lang).replace("{name}", name).replace("{date}", &d),
        _ => name.to_string(),
    }
}

/// An act by id.
pub fn act(id: &str) -> Option<&'static crate::data::Act> {
    crate::data::ACTS.iter().copied().find(|a| a.id == id)
}

/// Latin-letter words a Kazakh or Russian reader may meet: the names of sites, apps, firms and
/// formats (JSON, UTC, cookie are written so in kk and ru too), and the Latin parts of act numbers. Anything else in Latin letters is English left untranslated.
pub const PROPER_NAMES: &[&str] = &[
    "egov.kz",
    // The font the bundle's PDF files embed, the format, and the mark a printed form asks for.
    "DejaVu",
    "PDF",
    "X",
    "eGov",
    "Mobile",
    "elicense.kz",
    "gov.kz",
    "zakon.kz",
    "zakonpravo.kz",
    "baq.kz",
    "adalan.kz",
    "islam.kz",
    "toshkent24",
    "KPMG",
    "tekser-rules",
    "SMS",
    "IV",
    "VIII",
    "UTC",
    "JSON",
    // The QR code that takes the results to a phone: "QR код", "QR-код" in kk and ru.
    "QR",
    // The bundle's file names, as the ZIP holds them.
    "ZIP",
    "answers.json",
    "result.json",
    "README.txt",
    "cookie",
    // JSON's own words and the names of text encodings, quoted in the answers-file messages.
    "true",
    "false",
    "NaN",
    "UTF-8",
    "UTF-16",
];

/// What a person should never read in a rendering in `lang`: a text key (a word starting with a
/// key family, e.g. `reason.x`), a `{placeholder}` left unfilled, and in kk or ru a Latin-letter
/// word that is not a proper name or a code. Used by the CLI's and the app's tests.
pub fn unreadable(out: &str, lang: Lang) -> Vec<String> {
    let families: BTreeSet<&str> = TEXTS.iter().filter_map(|(k, _)| k.split_once('.').map(|(p, _)| p)).collect();
    let mut found = Vec::new();
    for w in latin_words(out) {
        if w.split_once('.').is_some_and(|(p, rest)| families.contains(p) && rest.starts_with(|c: char| c.is_ascii_lowercase())) {
            found.push(format!("a text key: {w}"));
        }
        // A code (477-IV, an edition hash, a number) is not English.
        let code = |p: &str| {
            p.bytes().all(|c| c.is_ascii_digit())
                || PROPER_NAMES.contains(&p)
                || (p.len() >= 12 && p.bytes().all(|c| c.is_ascii_hexdigit()))
        };
        if lang != Lang::En && !code(&w) && !w.split(['-', '/']).all(code) {
            found.push(format!("English in {lang:?}: {w}"));
        }
    }
    for (i, _) in out.match_indices('{') {
        let rest = &out[i + 1..];
        if let Some(j) = rest.find('}') {
            if j > 0 && rest[..j].bytes().all(|c| c.is_ascii_lowercase() || c == b'_') {
                found.push(format!("a placeholder: {{{}}}", &rest[..j]));
            }
        }
    }
    found
}

/// Words made of Latin letters (with the dots, digits and hyphens of names such as egov.kz).
pub fn latin_words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')))
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | '-' | '_')))
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn decimals_as_format_writes_them() {
        // Every fee in hundredths of an MCI up to 2 000 MCI, and every whole limit up to 200 000.
        for n in 0..=200_000_u32 {
            let x = f64::from(n) / 100.0;
            assert_eq!(super::decimal(x), format!("{x}"));
            assert_eq!(super::decimal(f64::from(n)), format!("{}", f64::from(n)));
        }
        for x in [0.1, 0.7, 1e-6, 123_456.789_012, -2.5, -0.0, 1e15, 9_007_199_254_740_991.0, 1e18, f64::NAN, f64::INFINITY, -f64::INFINITY]
        {
            assert_eq!(super::decimal(x), format!("{x}"), "{x}");
        }
        // More than six decimals: rounded to six.
        assert_eq!((super::decimal(1.0 / 3.0), super::decimal(0.2 + 0.1)), ("0.333333".into(), "0.3".into()));
    }

    #[test]
    fn installed_texts_are_found_and_a_language_is_installed_once() {
        use crate::Lang;
        super::install(Lang::En, [("zz_test.greeting".to_string(), "hello".to_string())]);
        super::install(Lang::En, [("zz_test.greeting".to_string(), "again".to_string())]);
        assert_eq!(super::text("zz_test.greeting", Lang::En), Some("hello"));
        assert_eq!(super::text("zz_test.greeting", Lang::Ru), None);
        assert!(super::has_language(Lang::En));
        // What `tekser texts` writes: every key once, in the language asked for.
        let ru = super::language(Lang::Ru);
        assert_eq!(ru.len(), super::TEXTS.len());
        assert!(ru.iter().any(|(k, v)| *k == "verdict.eligible" && *v == "Вы можете подать заявление"));
    }
}
