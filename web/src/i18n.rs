//! Words by key and language (the rules crate's texts), and dates and money written the way each
//! language writes them (CLDR forms: kk "2026 ж. 9 қаңтар", ru "9 января 2026 г.", en "9 January 2026";
//! kk/ru "43 250 ₸", en "₸43,250").

use chrono::{NaiveDate, NaiveTime, Timelike};
use tekser_rules::Lang;

/// The text of a key; a key without one shows as itself and is recorded for the tests
/// (`tekser_rules::text::take_missing`), which render every scenario and fail on any.
pub fn t(key: &str, lang: Lang) -> String {
    tekser_rules::text::word(key, lang)
}

/// The text of a key, if there is one.
pub fn t_opt(key: &str, lang: Lang) -> Option<String> {
    tekser_rules::text(key, lang).map(str::to_string)
}

pub fn lang_code(l: Lang) -> &'static str {
    match l {
        Lang::Kk => "kk",
        Lang::Ru => "ru",
        Lang::En => "en",
    }
}

/// The serde name of a value (`NotMet` → `not_met`).
pub fn code<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// A date in words, e.g. "9 January 2026".
pub fn long_date(d: NaiveDate, lang: Lang) -> String {
    tekser_rules::text::long_date(d, lang, |k| t(k, lang))
}

/// A date with its weekday, e.g. "Thursday, 26 March 2026".
pub fn long_date_weekday(d: NaiveDate, lang: Lang) -> String {
    tekser_rules::text::long_date_weekday(d, lang, |k| t(k, lang))
}

// Dates and times are read and written by hand rather than with chrono's strftime patterns, whose
// interpreter would add to the WASM.

pub use tekser_rules::text::dmy;

/// "2026-01-09" (also "2026-1-9") → the date, if it exists.
pub fn parse_ymd(s: &str) -> Option<NaiveDate> {
    let mut it = s.split('-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    let digits = |x: &str, n: std::ops::RangeInclusive<usize>| n.contains(&x.len()) && x.bytes().all(|b| b.is_ascii_digit());
    if it.next().is_some() || !digits(y, 4..=4) || !digits(m, 1..=2) || !digits(d, 1..=2) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// "17:20" or "17:20:00" → the time, if it exists.
pub fn parse_hm(s: &str) -> Option<NaiveTime> {
    let parts: Vec<&str> = s.split(':').collect();
    let ok = |x: &&str| (1..=2).contains(&x.len()) && x.bytes().all(|b| b.is_ascii_digit());
    if !(2..=3).contains(&parts.len()) || !parts.iter().all(ok) {
        return None;
    }
    let n = |i: usize| parts.get(i).map_or(Some(0), |x| x.parse().ok());
    NaiveTime::from_hms_opt(n(0)?, n(1)?, n(2)?)
}

/// A time as people type it: "14:30", "14.30", "14 30", "14-30", "1430" or "930" (a phone's
/// numeric keypad has no ":"). Minutes are always two digits; hours alone ("14") and seconds are
/// not a time of day here.
pub fn parse_typed_time(s: &str) -> Option<NaiveTime> {
    let is_sep = |c: char| matches!(c, ':' | '.' | ',' | '-' | 'h' | 'ч') || c.is_whitespace();
    let parts: Vec<&str> = s.split(is_sep).filter(|p| !p.is_empty()).collect();
    let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    let (h, m) = match parts.as_slice() {
        [h, m] if digits(h) && h.len() <= 2 && digits(m) && m.len() == 2 => (*h, *m),
        [hm] if digits(hm) && (3..=4).contains(&hm.len()) => hm.split_at(hm.len() - 2),
        _ => return None,
    };
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// A month as typed in the month box: its number ("3", "03") or its name in any of the three
/// languages, in any case and form the texts give it (`month.<n>`, `month_standalone.<n>`: "наурыз",
/// "марта", "март", "March"), or a start of one at least three letters long that fits only one month
/// ("mar", "сен", "қыр"); a trailing dot is allowed ("янв.").
pub fn parse_month(s: &str) -> Option<u32> {
    let s = fold_case(s.trim().trim_end_matches('.'));
    if !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok().filter(|m| (1..=12).contains(m));
    }
    if s.chars().count() < 3 {
        return None;
    }
    let names = |m: u32| {
        Lang::ALL
            .into_iter()
            .flat_map(move |l| [t(&format!("month.{m}"), l), t(&format!("month_standalone.{m}"), l)])
            .map(|n| fold_case(&n))
    };
    let fits = |m: u32| names(m).any(|n| n.starts_with(&s) || (n.chars().count() >= 3 && s.starts_with(&n)));
    let mut found = (1..=12).filter(|m| fits(*m));
    match (found.next(), found.next()) {
        (Some(m), None) => Some(m),
        _ => None,
    }
}

/// Lower case for the letters month names are written in (Latin, Cyrillic and the Kazakh letters),
/// by hand: `str::to_lowercase` would bring all of Unicode's case tables into the WASM.
fn fold_case(s: &str) -> String {
    s.chars()
        .map(|c| match c as u32 {
            0x41..=0x5A | 0x410..=0x42F => char::from_u32(c as u32 + 0x20).unwrap_or(c),
            0x400..=0x40F => char::from_u32(c as u32 + 0x50).unwrap_or(c),
            // Ғ Қ Ң Ү Ұ Һ Ә Ө (and most of the Cyrillic supplement): upper case even, lower case odd.
            0x460..=0x4FF if (c as u32).is_multiple_of(2) => char::from_u32(c as u32 + 1).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A date as the three boxes of a date question keep it, `year-month-day` as typed: the year in
/// four digits, the month as [`parse_month`] reads it, the day in one or two digits
/// ("2026-03-05", "2026-3-5", "2026-наурыз-5", "2026-March-05").
pub fn parse_typed_date(s: &str) -> Option<NaiveDate> {
    let mut it = s.splitn(3, '-').map(str::trim);
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    let digits = |x: &str, n: std::ops::RangeInclusive<usize>| n.contains(&x.len()) && x.bytes().all(|b| b.is_ascii_digit());
    if !digits(y, 4..=4) || !digits(d, 1..=2) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, parse_month(m)?, d.parse().ok()?)
}

/// A decimal number as people type it: a decimal comma or point ("48,5", "48.5"), digits grouped
/// by spaces ("4 800"), and a unit after it ("48,5 м²", "48.5 m2") are all read.
pub fn parse_decimal(s: &str) -> Option<f64> {
    let s = s.trim();
    let units = ["м²", "м2", "m²", "m2", "кв.м", "кв. м", "sq m"];
    let s = units.iter().find_map(|u| s.strip_suffix(u)).unwrap_or(s).trim();
    let grouped = s.split(|c: char| c.is_whitespace()).collect::<Vec<_>>();
    // Spaces may only group thousands: "4 800", never "48 5".
    let groups_ok = grouped.iter().skip(1).all(|g| g.len() >= 3 && g.bytes().take(3).all(|b| b.is_ascii_digit()));
    if grouped.len() > 1 && !groups_ok {
        return None;
    }
    let n: f64 = grouped.concat().replace(',', ".").parse().ok()?;
    n.is_finite().then_some(n)
}

/// "17:20".
pub fn hm(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// The month and year as a calendar caption (ru uses the stand-alone form: "март 2026 г.").
pub fn month_caption(year: i32, month: u32, lang: Lang) -> String {
    let m = t(&format!("month_standalone.{month}"), lang);
    match lang {
        Lang::Kk => format!("{year} ж. {m}"),
        Lang::Ru => format!("{m} {year} г."),
        Lang::En => format!("{m} {year}"),
    }
}

/// Groups digits by three with a no-break space (kk, ru) or a comma (en).
fn group(n: i64, sep: &str) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// An amount in tenge.
pub fn tenge(n: i64, lang: Lang) -> String {
    match lang {
        Lang::En => format!("₸{}", group(n, ",")),
        _ => format!("{}\u{a0}₸", group(n, "\u{a0}")),
    }
}

/// A number with its counted noun in the form the language gives it (ru: 1 рабочий день, 2 рабочих
/// дня, 5 рабочих дней; kk: 5 жұмыс күні): the rules crate's `text::count`, `plural.<noun>.*` texts.
pub fn count(n: u32, noun: &str, lang: Lang) -> String {
    tekser_rules::text::count(n.into(), noun, lang)
}

/// A decimal number the way the language writes it (ru/kk decimal comma).
pub fn number(x: f64, lang: Lang) -> String {
    tekser_rules::text::decimal_in(x, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_each_language() {
        let d = NaiveDate::from_ymd_opt(2026, 1, 9).unwrap();
        assert_eq!(long_date(d, Lang::En), "9 January 2026");
        assert_eq!(long_date(d, Lang::Ru), "9 января 2026 г.");
        assert_eq!(long_date(d, Lang::Kk), "2026 ж. 9 қаңтар");
        assert_eq!(month_caption(2026, 1, Lang::Ru), "январь 2026 г.");
    }

    #[test]
    fn dates_and_times_are_read_and_written() {
        let d = NaiveDate::from_ymd_opt(2026, 1, 9).unwrap();
        assert_eq!(parse_ymd("2026-01-09"), Some(d));
        assert_eq!(parse_ymd("2026-1-9"), Some(d));
        assert_eq!(dmy(d), "09.01.2026");
        for bad in ["2026-02-30", "26-01-09", "2026-01", "2026-01-09-1", "2026-0a-09", ""] {
            assert_eq!(parse_ymd(bad), None, "{bad}");
        }
        let t = parse_hm("17:20").unwrap();
        assert_eq!((hm(t), parse_hm("17:20:00")), ("17:20".to_string(), Some(t)));
        for bad in ["24:00", "17", "17:60", "1720", "17:2a"] {
            assert_eq!(parse_hm(bad), None, "{bad}");
        }
        assert_eq!(long_date_weekday(d, Lang::En), "Friday, 9 January 2026");
    }

    #[test]
    fn times_are_read_as_people_type_them() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        for (typed, want) in [
            ("14:30", t(14, 30)),
            ("14.30", t(14, 30)),
            ("1430", t(14, 30)),
            ("14 30", t(14, 30)),
            (" 14-30 ", t(14, 30)),
            ("9:05", t(9, 5)),
            ("905", t(9, 5)),
            ("0905", t(9, 5)),
            ("00:00", t(0, 0)),
            ("23.59", t(23, 59)),
        ] {
            assert_eq!(parse_typed_time(typed), want, "{typed:?}");
        }
        for bad in ["", "14", "24:00", "14:60", "14:5", "14305", "14:30:00", "1:2:3", "ab:cd", "14:3a", "25:61", "２０:３０"] {
            assert_eq!(parse_typed_time(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn months_are_read_by_number_or_by_name_in_each_language() {
        for (typed, m) in [
            ("3", 3),
            ("03", 3),
            ("наурыз", 3),
            ("Наурыз", 3),
            ("марта", 3),
            ("март", 3),
            ("March", 3),
            ("mar", 3),
            ("MAR.", 3),
            ("мая", 5),
            ("май", 5),
            ("мамыр", 5),
            ("маусым", 6),
            ("сен", 9),
            ("sept", 9),
            ("қыркүйек", 9),
            ("ҚЫРКҮЙЕК", 9),
            ("СӘУІР", 4),
            ("НАУРЫЗ", 3),
            ("Ақпан", 2),
            ("желтоқсан", 12),
            ("Dec", 12),
        ] {
            assert_eq!(parse_month(typed), Some(m), "{typed:?}");
        }
        // Too short to tell, ambiguous, or no month.
        for bad in ["", "0", "13", "ma", "ма", "ju", "қа", "marz", "month", "003"] {
            assert_eq!(parse_month(bad), None, "{bad:?}");
        }
        let d = NaiveDate::from_ymd_opt(2026, 3, 5);
        for typed in ["2026-03-05", "2026-3-5", "2026-наурыз-5", "2026-марта-05", "2026-March-5", "2026-mar-05"] {
            assert_eq!(parse_typed_date(typed), d, "{typed:?}");
        }
        for bad in ["2026-02-30", "26-03-05", "2026-ма-05", "2026--05", "2026-03-", "2026-03-005"] {
            assert_eq!(parse_typed_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn decimals_take_a_comma_groups_and_a_unit() {
        for (typed, want) in
            [("48,5", 48.5), ("48.5", 48.5), ("4 800", 4800.0), ("48,5 м²", 48.5), ("48.5m2", 48.5), ("60", 60.0), ("007", 7.0)]
        {
            assert_eq!(parse_decimal(typed), Some(want), "{typed:?}");
        }
        for bad in ["", "48 5", "4,8,5", "abc", "NaN", "inf", "1e999", "м²"] {
            assert_eq!(parse_decimal(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn money_in_each_language() {
        assert_eq!(tenge(43250, Lang::Kk), "43\u{a0}250\u{a0}₸");
        assert_eq!(tenge(43250, Lang::En), "₸43,250");
        assert_eq!(tenge(4325, Lang::Ru), "4\u{a0}325\u{a0}₸");
    }

    #[test]
    fn counts_take_the_form_of_the_number() {
        assert_eq!(count(1, "working_day", Lang::Ru), "1 рабочий день");
        assert_eq!(count(3, "working_day", Lang::Ru), "3 рабочих дня");
        assert_eq!(count(13, "working_day", Lang::Ru), "13 рабочих дней");
        assert_eq!(count(21, "working_day", Lang::Ru), "21 рабочий день");
        assert_eq!(count(1, "working_day", Lang::En), "1 working day");
        assert_eq!(count(2, "working_day", Lang::En), "2 working days");
        assert_eq!(count(5, "working_day", Lang::Kk), "5 жұмыс күні");
        assert_eq!(count(1, "second", Lang::Ru), "1 секунду");
    }
}
