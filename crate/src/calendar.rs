//! Working days of Kazakhstan (five-day week), computed from `data/calendar.toml`.
//!
//! The data holds only what administrative acts decide: the holiday list with its validity years,
//! the Kurban Ait dates, and the transfer orders. The move of a holiday off a weekend is computed
//! here by the rule of the Law "On holidays" art. 5: when a state or national holiday falls on a
//! Saturday or Sunday, the next working day is a day off. Religious days off (7 January, Kurban
//! Ait; Labour Code art. 84 p. 5) are never moved.

use crate::data::{HolidayKind, CALENDAR_COVERAGE, HOLIDAYS, KURBAN_AIT, TRANSFERS};
use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

/// Why a day is not a working day (or, for a weekend made working, why it is one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Why {
    Weekend,
    /// A holiday or religious day off on its own date (text key `holiday.<key>`).
    Holiday {
        key: &'static str,
        holiday_kind: HolidayKind,
    },
    /// The day off that replaces a holiday which fell on a weekend.
    HolidayMoved {
        key: &'static str,
        from: NaiveDate,
    },
    /// A weekday made a day off by a transfer order.
    TransferDayOff {
        instrument: &'static str,
        working_day: NaiveDate,
    },
    /// A weekend day made a working day by a transfer order.
    TransferWorkingDay {
        instrument: &'static str,
        day_off: NaiveDate,
    },
}

impl Why {
    /// The reason in words ("Holiday: Nauryz", "Day off moved by a transfer order (↔ 2026-01-03)"),
    /// as the CLI's calendar and the JavaScript library's `calendar` say it.
    pub fn words(&self, lang: crate::Lang) -> String {
        let t = |key: &str| crate::text::word(key, lang);
        match self {
            Why::Weekend => t("why.weekend"),
            Why::Holiday { key, .. } => format!("{}: {}", t("why.holiday"), t(&format!("holiday.{key}"))),
            Why::HolidayMoved { key, from } => format!("{}: {} ({from})", t("why.holiday_moved"), t(&format!("holiday.{key}"))),
            // The transfer order's name is stored in English only: the day it pairs with says enough.
            Why::TransferDayOff { working_day, .. } => format!("{} (↔ {working_day})", t("why.transfer_day_off")),
            Why::TransferWorkingDay { day_off, .. } => format!("{} (↔ {day_off})", t("why.transfer_working_day")),
        }
    }
}

/// A day that is not a working day, with the reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct NonWorkingDay {
    pub date: NaiveDate,
    pub why: Why,
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Holidays (on their own dates) of a year, in date order, including the Kurban Ait day.
fn holidays(year: i32) -> impl Iterator<Item = (NaiveDate, &'static str, HolidayKind, bool)> {
    let fixed = HOLIDAYS.iter().filter_map(move |h| h.in_year(year).map(|d| (d, h.key, h.kind, h.moves_off_weekend)));
    let kurban = KURBAN_AIT.iter().filter(move |k| k.year == year).map(|k| (k.date, "kurban_ait", HolidayKind::Religious, false));
    fixed.chain(kurban)
}

/// The days off that replace holidays falling on a weekend, for one year.
fn moved_days(year: i32) -> Vec<(NaiveDate, &'static str, NaiveDate)> {
    let all: Vec<_> = holidays(year).collect();
    let is_holiday = |d: NaiveDate| all.iter().any(|h| h.0 == d);
    let mut movable: Vec<_> = all.iter().filter(|h| h.3 && is_weekend(h.0)).collect();
    crate::order::sort_by_key(&mut movable, |h| h.0);
    let mut moved: Vec<(NaiveDate, &'static str, NaiveDate)> = Vec::new();
    for h in movable {
        // At the end of what chrono represents there is no next day: nothing to move to.
        let mut next = h.0.succ_opt();
        while let Some(d) = next.filter(|d| is_weekend(*d) || is_holiday(*d) || moved.iter().any(|m| m.0 == *d)) {
            next = d.succ_opt();
        }
        if let Some(d) = next {
            moved.push((d, h.1, h.0));
        }
    }
    moved
}

/// Whether the data covers this year's holidays fully.
pub fn year_published(year: i32) -> bool {
    (CALENDAR_COVERAGE.first_year..=CALENDAR_COVERAGE.last_year).contains(&year)
}

/// Classifies a day: `None` for an ordinary working day.
pub fn why(d: NaiveDate) -> Option<Why> {
    match year_table(d.year()) {
        Some(t) => t.why(d),
        None => why_by_rule(d),
    }
}

/// Classifies a day from the data, by the rule (the tables below cache this per year).
fn why_by_rule(d: NaiveDate) -> Option<Why> {
    if let Some(t) = TRANSFERS.iter().find(|t| t.working_day == d) {
        return Some(Why::TransferWorkingDay { instrument: t.instrument, day_off: t.day_off });
    }
    if let Some(t) = TRANSFERS.iter().find(|t| t.day_off == d) {
        return Some(Why::TransferDayOff { instrument: t.instrument, working_day: t.working_day });
    }
    if let Some(h) = holidays(d.year()).find(|h| h.0 == d) {
        return Some(Why::Holiday { key: h.1, holiday_kind: h.2 });
    }
    if !is_weekend(d) {
        if let Some(m) = moved_days(d.year()).into_iter().find(|m| m.0 == d) {
            return Some(Why::HolidayMoved { key: m.1, from: m.2 });
        }
        return None;
    }
    Some(Why::Weekend)
}

pub fn is_working_day(d: NaiveDate) -> bool {
    match year_table(d.year()) {
        Some(t) => t.is_working(d.ordinal0()),
        None => is_working_by_rule(d),
    }
}

fn is_working_by_rule(d: NaiveDate) -> bool {
    matches!(why_by_rule(d), None | Some(Why::TransferWorkingDay { .. }))
}

/// One year's working days as a bit set by day of the year (bit set = not a working day), and
/// the reasons of its special days, computed once from the data by the same rule as
/// [`why_by_rule`]: the data is fixed at build time, so the table never goes stale.
struct YearTable {
    off: [u64; 6],
    /// The days of `special`, as a bit set by day of the year: a day off not in it is a weekend.
    special_set: [u64; 6],
    /// Days other than ordinary weekends and working days, by day of the year.
    special: Vec<(u32, Why)>,
    /// The last day of the year (the 31st of December), by day of the year from 0.
    last: u32,
}

impl YearTable {
    fn build(year: i32) -> YearTable {
        let last = NaiveDate::from_ymd_opt(year, 12, 31).map_or(364, |d| d.ordinal0());
        let mut t = YearTable { off: [0; 6], special_set: [0; 6], special: Vec::new(), last };
        let mut d = NaiveDate::from_ymd_opt(year, 1, 1);
        while let Some(day) = d.filter(|x| x.year() == year) {
            let why = why_by_rule(day);
            let i = day.ordinal0();
            if !matches!(why, None | Some(Why::TransferWorkingDay { .. })) {
                t.off[i as usize / 64] |= 1 << (i % 64);
            }
            if let Some(w) = why.filter(|w| *w != Why::Weekend) {
                t.special_set[i as usize / 64] |= 1 << (i % 64);
                t.special.push((i, w));
            }
            d = day.succ_opt();
        }
        t
    }

    fn is_working(&self, ordinal0: u32) -> bool {
        let i = ordinal0 as usize;
        self.off[i / 64] & (1 << (i % 64)) == 0
    }

    /// The days off from day `from` to day `to` of the year (both counted), in order: the bit set a
    /// word at a time, each day off taken from its word's set bits.
    fn days_off(&self, from: u32, to: u32) -> impl Iterator<Item = u32> + '_ {
        let words = (from / 64)..=(to / 64).min(self.off.len() as u32 - 1);
        words.flat_map(move |w| {
            let mut bits = self.off[w as usize];
            if w == from / 64 {
                bits &= u64::MAX << (from % 64);
            }
            if w == to / 64 && to % 64 < 63 {
                bits &= (1 << (to % 64 + 1)) - 1;
            }
            std::iter::from_fn(move || {
                let i = bits.trailing_zeros();
                bits &= bits.checked_sub(1)?;
                Some(w * 64 + i)
            })
        })
    }

    /// Counts the working days after the day `from` (by day of the year), up to `last`, until `left`
    /// are counted: the day reached and how many are still to count (`last` when they run out first).
    /// Reads the bit set a word at a time, counting the working days of a word at once.
    fn working_days_after(&self, from: u32, last: u32, mut left: u32) -> (u32, u32) {
        let mut i = from;
        while left > 0 && i < last {
            let (word, bit) = ((i + 1) / 64, (i + 1) % 64);
            let end = (word * 64 + 63).min(last);
            // The working days of this word from `i + 1` to `end`.
            let mut working = !self.off[word as usize] >> bit << bit;
            if end % 64 < 63 {
                working &= (1 << (end % 64 + 1)) - 1;
            }
            if working.count_ones() < left {
                left -= working.count_ones();
                i = end;
            } else {
                for _ in 1..left {
                    working &= working - 1;
                }
                (i, left) = (word * 64 + working.trailing_zeros(), 0);
            }
        }
        (i, left)
    }

    /// The reason of a day off (`i` its day of the year): a weekend unless it is a special day.
    fn why_off(&self, d: NaiveDate, i: u32) -> Option<Why> {
        let special = self.special_set[i as usize / 64] & (1 << (i % 64)) != 0;
        if special {
            self.why(d)
        } else {
            Some(Why::Weekend)
        }
    }

    fn why(&self, d: NaiveDate) -> Option<Why> {
        let i = d.ordinal0();
        match self.special.binary_search_by_key(&i, |s| s.0) {
            Ok(k) => Some(self.special[k].1),
            Err(_) if is_weekend(d) => Some(Why::Weekend),
            Err(_) => None,
        }
    }
}

const FIRST_TABLE_YEAR: i32 = 2000;
const TABLE_YEARS: usize = 101;
static TABLES: [std::sync::OnceLock<YearTable>; TABLE_YEARS] = [const { std::sync::OnceLock::new() }; TABLE_YEARS];

fn year_table(year: i32) -> Option<&'static YearTable> {
    let i = usize::try_from(year - FIRST_TABLE_YEAR).ok().filter(|i| *i < TABLE_YEARS)?;
    Some(TABLES[i].get_or_init(|| YearTable::build(year)))
}

/// The special days of a year: holidays (also those on weekends), moved days off, transfer days
/// off, and weekend days made working (listed with `TransferWorkingDay`). Ordinary weekends are left out.
pub fn special_days(year: i32) -> Vec<NonWorkingDay> {
    let mut days: Vec<NonWorkingDay> = holidays(year)
        .map(|h| NonWorkingDay { date: h.0, why: Why::Holiday { key: h.1, holiday_kind: h.2 } })
        .chain(moved_days(year).into_iter().map(|m| NonWorkingDay { date: m.0, why: Why::HolidayMoved { key: m.1, from: m.2 } }))
        .collect();
    for t in TRANSFERS.iter().filter(|t| t.day_off.year() == year || t.working_day.year() == year) {
        days.retain(|d| d.date != t.day_off && d.date != t.working_day);
        if t.day_off.year() == year {
            days.push(NonWorkingDay { date: t.day_off, why: Why::TransferDayOff { instrument: t.instrument, working_day: t.working_day } });
        }
        if t.working_day.year() == year {
            days.push(NonWorkingDay { date: t.working_day, why: Why::TransferWorkingDay { instrument: t.instrument, day_off: t.day_off } });
        }
    }
    crate::order::sort_by_key(&mut days, |d| d.date);
    days
}

/// The days from `from` to `to` (both counted) that are not working days, each with its reason, in
/// order: within a cached year only the year's bit set is read day by day, and a day's reason is
/// looked up only for the days off.
pub fn days_off(from: NaiveDate, to: NaiveDate) -> Vec<NonWorkingDay> {
    let mut days = Vec::new();
    let mut day = from;
    while day <= to {
        let year = day.year();
        let end = NaiveDate::from_ymd_opt(year, 12, 31).map_or(to, |last| last.min(to));
        match year_table(year) {
            Some(t) => {
                let off = || t.days_off(day.ordinal0(), end.ordinal0());
                days.reserve_exact(off().count());
                let dated = off().filter_map(|i| Some((NaiveDate::from_yo_opt(year, i + 1)?, i)));
                days.extend(dated.filter_map(|(date, i)| t.why_off(date, i).map(|why| NonWorkingDay { date, why })));
            }
            None => {
                let walk = day.iter_days().take_while(|d| *d <= end).filter(|d| !is_working_by_rule(*d));
                days.extend(walk.filter_map(|date| why_by_rule(date).map(|why| NonWorkingDay { date, why })));
            }
        }
        let Some(next) = end.succ_opt() else { break };
        day = next;
    }
    days
}

/// The first working day strictly after `d`; `None` past the last day chrono represents.
pub fn next_working_day(d: NaiveDate) -> Option<NaiveDate> {
    let mut n = d.succ_opt()?;
    while !is_working_day(n) {
        n = n.succ_opt()?;
    }
    Some(n)
}

/// The day `n` working days after `from` (`from` itself not counted): [`next_working_day`] `n` times,
/// reading each cached year's bit set directly; `None` past the last day chrono represents.
pub fn after_working_days(from: NaiveDate, n: u32) -> Option<NaiveDate> {
    let (mut day, mut left) = (from, n);
    while left > 0 {
        let Some(table) = year_table(day.year()) else {
            day = next_working_day(day)?;
            left -= 1;
            continue;
        };
        let i;
        (i, left) = table.working_days_after(day.ordinal0(), table.last, left);
        day = NaiveDate::from_yo_opt(day.year(), i + 1)?;
        if left > 0 {
            // The 31st of December: on into the next year.
            day = day.succ_opt()?;
            if is_working_day(day) {
                left -= 1;
            }
        }
    }
    Some(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tables cache exactly 2000–2100; outside them the rule is applied directly (the
    /// answers are the same either way, so only this test sees the cache's range).
    #[test]
    fn the_tables_cover_2000_to_2100() {
        assert!(year_table(1999).is_none());
        assert!(year_table(2000).is_some());
        assert!(year_table(2026).is_some());
        assert!(year_table(2100).is_some());
        assert!(year_table(2101).is_none());
        for year in [1999, 2026, 2101] {
            let mut day = NaiveDate::from_ymd_opt(year, 1, 1);
            while let Some(x) = day.filter(|x| x.year() == year) {
                assert_eq!(why(x), why_by_rule(x), "{x}");
                day = x.succ_opt();
            }
        }
    }

    /// The days off of a span, read from the tables, are those a day-by-day walk finds: within a
    /// year, across New Year, across the tables' edges, a single day, and an empty span.
    #[test]
    fn days_off_are_the_day_by_day_walk() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("valid date");
        let walk = |from: NaiveDate, to: NaiveDate| -> Vec<NonWorkingDay> {
            (from.iter_days().take_while(|x| *x <= to))
                .filter(|x| !is_working_day(*x))
                .filter_map(|date| why(date).map(|why| NonWorkingDay { date, why }))
                .collect()
        };
        let spans = [
            (d(2026, 3, 20), d(2026, 4, 14)),
            (d(2025, 12, 20), d(2026, 1, 20)),
            (d(1999, 12, 1), d(2000, 1, 31)),
            (d(2100, 12, 1), d(2101, 1, 31)),
            (d(2026, 3, 21), d(2026, 3, 21)),
            (d(2026, 3, 23), d(2026, 3, 23)),
            (d(2026, 3, 25), d(2026, 3, 24)),
            (d(2024, 1, 1), d(2027, 12, 31)),
        ];
        for (from, to) in spans {
            assert_eq!(days_off(from, to), walk(from, to), "{from}..={to}");
        }
        assert!(!days_off(d(2026, 3, 20), d(2026, 3, 31)).is_empty());
        let last = NaiveDate::MAX;
        assert_eq!(days_off(last - chrono::Days::new(10), last), walk(last - chrono::Days::new(10), last));
    }
}
