//! A small month calendar of a deadline: the day of application, the day it is registered, the
//! day of the result, and the non-working days between them with their reasons. A read-only
//! table per month (Monday first), symbols always with words, so it prints in black and white.

use crate::i18n::{month_caption, t};
use chrono::{Datelike, NaiveDate};
use tekser_rules::calendar::{NonWorkingDay, Why};
use tekser_rules::deadline::Deadline;
use tekser_rules::Lang;
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct Props {
    pub deadline: Deadline,
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
    let d = &p.deadline;
    let lang = p.lang;
    let skipped = |day: NaiveDate| d.skipped.iter().find(|s: &&NonWorkingDay| s.date == day);
    let cell = |day: NaiveDate| {
        let mut marks = Vec::new();
        let mut words = Vec::new();
        if day == d.applied.date {
            marks.push("●");
            words.push(t("ui.applied_day", lang));
        }
        if day == d.registered_on && d.registered_on != d.applied.date {
            marks.push("▲");
            words.push(t("ui.registered_day", lang));
        }
        if day == d.result_on {
            marks.push("★");
            words.push(t("ui.result_day", lang));
        }
        let off = skipped(day);
        if let Some(s) = off {
            if s.why != Why::Weekend {
                marks.push("×");
            }
            words.push(why_text(&s.why, lang));
        }
        let in_span = day >= d.applied.date && day <= d.result_on;
        html! {
            <td class={classes!(off.is_some().then_some("off"), in_span.then_some("span"), (day == d.result_on).then_some("result"))}>
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
    html! {
        <div class="calendar">
            <div class="months">{ for month_starts(d.applied.date, d.result_on).into_iter().map(month) }</div>
            <p class="legend">
                <strong>{ t("ui.calendar_legend", lang) }{ ": " }</strong>
                { format!("● {} · ▲ {} · ★ {} · × {}", t("ui.applied_day", lang), t("ui.registered_day", lang), t("ui.result_day", lang), t("ui.non_working_day", lang)) }
            </p>
            if d.skipped.iter().any(|s| s.why != Why::Weekend) {
                <ul class="skipped">
                    { for d.skipped.iter().filter(|s| s.why != Why::Weekend).map(|s| html! {
                        <li>{ crate::i18n::long_date(s.date, lang) }{ " — " }{ why_text(&s.why, lang) }</li>
                    }) }
                </ul>
            }
        </div>
    }
}
