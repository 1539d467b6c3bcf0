//! A small month calendar of a span of days: a result deadline (the day of application, the day
//! it is registered, the day of the result) or a deadline to apply (the day the term counts from,
//! the last day), with the non-working days between them and their reasons. A read-only table per
//! month (Monday first), symbols always with words, so it prints in black and white.

use crate::i18n::{month_caption, t};
use chrono::{Datelike, NaiveDate};
use tekser_rules::calendar::{NonWorkingDay, Why};
use tekser_rules::deadline::Deadline;
use tekser_rules::Lang;
use yew::prelude::*;

/// A marked day: its symbol and the text key of its words.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub day: NaiveDate,
    pub symbol: &'static str,
    pub key: &'static str,
}

/// The days a calendar shows: `from` to `to`, the marked days, and the non-working days between.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub marks: Vec<Mark>,
    pub skipped: Vec<NonWorkingDay>,
    /// The class of the last day's cell: `result` (the day of the result) or `last` (the last day
    /// to apply).
    pub end: &'static str,
}

impl Span {
    /// A result deadline: application ●, registration ▲ (when another day), result ★.
    pub fn of_deadline(d: &Deadline) -> Span {
        let mut marks = vec![Mark { day: d.applied.date, symbol: "●", key: "ui.applied_day" }];
        if d.registered_on != d.applied.date {
            marks.push(Mark { day: d.registered_on, symbol: "▲", key: "ui.registered_day" });
        }
        marks.push(Mark { day: d.result_on, symbol: "★", key: "ui.result_day" });
        Span { from: d.applied.date, to: d.result_on, marks, skipped: d.skipped(), end: "result" }
    }

    /// The soonest result day (`timing::Timing::earliest`) marked ◆, when it falls within the span.
    pub fn with_soonest(mut self, day: Option<NaiveDate>) -> Span {
        if let Some(day) = day.filter(|d| self.from <= *d && *d <= self.to) {
            self.marks.push(Mark { day, symbol: "◆", key: "timing.soonest_day" });
        }
        self
    }

    /// A deadline to apply: the day the term counts from ● and the last day ★, with the calendar's
    /// non-working days between (shown, not counted: the term is the rules' own).
    pub fn apply_by(from: NaiveDate, by: NaiveDate) -> Span {
        let skipped = from
            .iter_days()
            .take_while(|d| *d <= by)
            .take(400)
            .filter_map(|date| tekser_rules::calendar::why(date).map(|why| NonWorkingDay { date, why }))
            .filter(|n| !matches!(n.why, Why::TransferWorkingDay { .. }))
            .collect();
        let marks = vec![Mark { day: from, symbol: "●", key: "ui.term_starts_day" }, Mark { day: by, symbol: "★", key: "ui.apply_by_day" }];
        Span { from, to: by, marks, skipped, end: "last" }
    }
}

#[derive(PartialEq, Properties)]
pub struct Props {
    pub span: Span,
    pub lang: Lang,
}

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// The reason of a non-working day in words.
pub fn why_text(w: &Why, lang: Lang) -> String {
    match w {
        Why::Weekend => t("why.weekend", lang),
        Why::Holiday { key, .. } => format!("{}: {}", t("why.holiday", lang), t(&format!("holiday.{key}"), lang)),
        Why::HolidayMoved { key, from } => {
            format!("{}: {} ({})", t("why.holiday_moved", lang), t(&format!("holiday.{key}"), lang), crate::i18n::long_date(*from, lang))
        }
        // The transfer order's name is stored in English only: not shown.
        Why::TransferDayOff { .. } => t("why.transfer_day_off", lang),
        Why::TransferWorkingDay { .. } => t("why.transfer_working_day", lang),
    }
}

fn month_starts(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let mut m = from.with_day(1).unwrap_or(from);
    let mut out = Vec::new();
    while m <= to && out.len() < 3 {
        out.push(m);
        m = m.checked_add_months(chrono::Months::new(1)).unwrap_or(to + chrono::Days::new(1));
    }
    out
}

#[function_component(MonthCalendar)]
pub fn month_calendar(p: &Props) -> Html {
    let s = &p.span;
    let lang = p.lang;
    let skipped = |day: NaiveDate| s.skipped.iter().find(|n: &&NonWorkingDay| n.date == day);
    let cell = |day: NaiveDate| {
        let mut marks = Vec::new();
        let mut words = Vec::new();
        for m in s.marks.iter().filter(|m| m.day == day) {
            marks.push(m.symbol);
            words.push(t(m.key, lang));
        }
        let off = skipped(day);
        if let Some(n) = off {
            if n.why != Why::Weekend {
                marks.push("×");
            }
            words.push(why_text(&n.why, lang));
        }
        let in_span = day >= s.from && day <= s.to;
        html! {
            <td class={classes!(off.is_some().then_some("off"), in_span.then_some("span"), (day == s.to).then_some(s.end))}>
                <span class="num">{ day.day() }</span>
                if !marks.is_empty() { <span class="mark" aria-hidden="true">{ marks.join("") }</span> }
                if !words.is_empty() { <span class="visually-hidden">{ words.join("; ") }</span> }
            </td>
        }
    };
    let month = |start: NaiveDate| {
        let offset = start.weekday().num_days_from_monday() as i64;
        let first = start - chrono::Days::new(offset as u64);
        let next = start.checked_add_months(chrono::Months::new(1)).unwrap_or(start);
        let days_in_month = (next - start).num_days();
        let rows = (offset + days_in_month + 6) / 7;
        let weeks: Vec<Html> = (0..rows)
            .map(|w| {
                let days: Vec<Html> = (0..7)
                    .map(|i| {
                        let day = first + chrono::Days::new((w * 7 + i) as u64);
                        if day.month() == start.month() {
                            cell(day)
                        } else {
                            html! { <td class="pad"></td> }
                        }
                    })
                    .collect();
                html! { <tr>{ for days }</tr> }
            })
            .collect();
        html! {
            <table class="month">
                <caption>{ month_caption(start.year(), start.month(), lang) }</caption>
                <thead><tr>{ for WEEKDAYS.iter().map(|w| html! { <th scope="col" abbr={t(&format!("weekday_long.{w}"), lang)}>{ t(&format!("weekday.{w}"), lang) }</th> }) }</tr></thead>
                <tbody>{ for weeks }</tbody>
            </table>
        }
    };
    let legend: Vec<String> = s
        .marks
        .iter()
        .map(|m| format!("{} {}", m.symbol, t(m.key, lang)))
        .chain(s.skipped.iter().any(|n| n.why != Why::Weekend).then(|| format!("× {}", t("ui.non_working_day", lang))))
        .collect();
    html! {
        <div class="calendar">
            <div class="months">{ for month_starts(s.from, s.to).into_iter().map(month) }</div>
            <p class="legend">
                <strong>{ t("ui.calendar_legend", lang) }{ ": " }</strong>
                { legend.join(" · ") }
            </p>
            if s.skipped.iter().any(|n| n.why != Why::Weekend) {
                <ul class="skipped">
                    { for s.skipped.iter().filter(|n| n.why != Why::Weekend).map(|n| html! {
                        <li>{ crate::i18n::long_date(n.date, lang) }{ " — " }{ why_text(&n.why, lang) }</li>
                    }) }
                </ul>
            }
        </div>
    }
}
