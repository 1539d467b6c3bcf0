//! The registration-day and working-day convention, on dates of the 2024–2026 calendar.

use chrono::{NaiveDate, NaiveTime};
use tekser_rules::calendar::Why;
use tekser_rules::data::{Hours, P_194_P25};
use tekser_rules::deadline::{add_working_days, compute, Moment, Term, TimeOfDay};
use tekser_rules::report::Limit;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn at(day: &str, time: &str) -> Moment {
    Moment { date: d(day), time: TimeOfDay::At(NaiveTime::parse_from_str(time, "%H:%M").unwrap()) }
}

/// 09:00–18:30 with lunch 13:00–14:30 (the licence provider's hours, List item 7).
const HOURS: Hours = Hours { open: 540, close: 1110, lunch: Some((780, 870)), saturday: None };

#[test]
fn within_hours_on_a_working_day_registers_that_day() {
    // Tue 2026-03-03 10:00 → registered Tue; 3 working days after → Fri 2026-03-06.
    let (dl, _) = compute(at("2026-03-03", "10:00"), HOURS, Term::WorkingDays(3), &P_194_P25).unwrap();
    assert!(dl.within_hours);
    assert_eq!((dl.registered_on, dl.result_on), (d("2026-03-03"), d("2026-03-06")));
}

#[test]
fn the_lunch_break_does_not_end_the_working_day() {
    let (dl, _) = compute(at("2026-03-03", "13:30"), HOURS, Term::WorkingDays(1), &P_194_P25).unwrap();
    assert_eq!(dl.registered_on, d("2026-03-03"));
}

#[test]
fn at_closing_time_the_next_working_day_registers_but_before_opening_the_same_day() {
    let (dl, _) = compute(at("2026-03-03", "18:30"), HOURS, Term::WorkingDays(1), &P_194_P25).unwrap();
    assert_eq!((dl.registered_on, dl.result_on), (d("2026-03-04"), d("2026-03-05")));
    // Only applications "after the end of working hours" move (59 para 7): 08:59 is before it.
    let (dl, _) = compute(at("2026-03-03", "08:59"), HOURS, Term::WorkingDays(1), &P_194_P25).unwrap();
    assert_eq!(dl.registered_on, d("2026-03-03"));
}

#[test]
fn a_friday_evening_before_the_2025_new_year_transfer() {
    // Fri 2024-12-27 19:00 → next working day Mon 12-30; Tue 12-31 is working (1 wd);
    // Wed 01-01, Thu 01-02 New Year, Fri 01-03 transferred day off, Sat 01-04 weekend,
    // Sun 01-05 WORKING by the transfer order (2 wd), Mon 01-06 (3 wd).
    let (dl, limits) = compute(at("2024-12-27", "19:00"), HOURS, Term::WorkingDays(3), &P_194_P25).unwrap();
    assert_eq!(dl.registered_on, d("2024-12-30"));
    assert_eq!(dl.result_on, d("2025-01-06"));
    assert!(dl.skipped().iter().any(|s| s.date == d("2025-01-03") && matches!(s.why, Why::TransferDayOff { .. })));
    assert!(!dl.skipped().iter().any(|s| s.date == d("2025-01-05")), "Sun 5 Jan 2025 was a working day");
    assert!(limits.is_empty(), "{limits:?}");
}

#[test]
fn out_of_hours_phc_result_on_the_registration_day() {
    // Sat 2026-05-09 (Victory Day) → Mon 05-11 is the moved day off → Tue 05-12 registered and answered.
    let (dl, _) = compute(at("2026-05-09", "11:00"), HOURS, Term::ResultOnRegistrationIfLate(1), &P_194_P25).unwrap();
    assert_eq!((dl.registered_on, dl.result_on), (d("2026-05-12"), d("2026-05-12")));
    // Within hours on Tue 2026-05-12 → result the next working day, Wed 05-13.
    let (dl, _) = compute(at("2026-05-12", "11:00"), HOURS, Term::ResultOnRegistrationIfLate(1), &P_194_P25).unwrap();
    assert_eq!(dl.result_on, d("2026-05-13"));
}

#[test]
fn a_span_over_a_planned_kurban_ait_says_so() {
    // Tue 2026-05-26 10:00 + 2 wd: Wed 05-27 Kurban Ait (planned) → Thu 05-28, Fri 05-29.
    let (dl, limits) = compute(at("2026-05-26", "10:00"), HOURS, Term::WorkingDays(2), &P_194_P25).unwrap();
    assert_eq!(dl.result_on, d("2026-05-29"));
    assert!(limits.contains(&Limit::KurbanAitNotConfirmed { year: 2026, date: d("2026-05-27") }));
}

#[test]
fn a_year_beyond_the_data_is_reported() {
    let (_, limits) = compute(at("2028-03-01", "10:00"), HOURS, Term::WorkingDays(13), &P_194_P25).unwrap();
    assert!(limits.contains(&Limit::CalendarNotPublished { year: 2028 }));
}

#[test]
fn milestones_count_working_days() {
    // From Fri 2026-03-20: Mon 23 Nauryz, Tue 24 and Wed 25 moved → Thu 26 (1), Fri 27 (2).
    assert_eq!(add_working_days(d("2026-03-20"), 2), Some(d("2026-03-27")));
}

#[test]
fn within_or_after_hours_without_a_time_counts_as_a_time_before_or_after_closing() {
    let on = |day: &str, time: TimeOfDay| compute(Moment { date: d(day), time }, HOURS, Term::WorkingDays(1), &P_194_P25).unwrap().0;
    // Tue 2026-03-03 within the hours → that day; +1 → Wed. After hours → Wed; +1 → Thu.
    let within = on("2026-03-03", TimeOfDay::WithinHours);
    assert!(within.within_hours);
    assert_eq!((within.registered_on, within.result_on), (d("2026-03-03"), d("2026-03-04")));
    let after = on("2026-03-03", TimeOfDay::AfterHours);
    assert!(!after.within_hours);
    assert_eq!((after.registered_on, after.result_on), (d("2026-03-04"), d("2026-03-05")));
    // "Within the hours" on Sat 2026-04-11 is a day off all the same → Mon 04-13 registered; +1 → Tue.
    let saturday = on("2026-04-11", TimeOfDay::WithinHours);
    assert!(!saturday.within_hours);
    assert_eq!((saturday.registered_on, saturday.result_on), (d("2026-04-13"), d("2026-04-14")));
}
