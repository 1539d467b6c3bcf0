//! Days at the edge of what chrono represents: the rules never panic on them, even called as a
//! library without `Answers::validate` (the JS library will be), and say what they cannot compute.

use chrono::{NaiveDate, NaiveTime};
use tekser_rules::calendar::next_working_day;
use tekser_rules::deadline::{add_working_days, calendar_limits, compute, subtract_working_days, Moment, Term};
use tekser_rules::report::Limit;
use tekser_rules::{evaluate, Answers, Context};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn working_day_arithmetic_stops_at_the_last_day_instead_of_panicking() {
    assert_eq!(next_working_day(NaiveDate::MAX), None);
    assert_eq!(next_working_day(ymd(262142, 12, 21)).map(|d| d > ymd(262142, 12, 21)), Some(true));
    assert_eq!(add_working_days(ymd(262142, 12, 20), 30), None);
    assert_eq!(subtract_working_days(NaiveDate::MIN, 1), None);
    let hours = tekser_rules::data::PARAM_HOURS_CON.values[0].value;
    let p = tekser_rules::data::PROVISIONS[0];
    let late = Moment { date: ymd(262142, 12, 30), time: NaiveTime::from_hms_opt(23, 0, 0).unwrap() };
    assert!(compute(late, hours, Term::WorkingDays(5), p).is_none());
}

#[test]
fn a_span_from_the_first_day_names_a_bounded_number_of_years() {
    let limits = calendar_limits(NaiveDate::MIN, ymd(2022, 8, 6));
    assert!(!limits.is_empty() && limits.len() <= 20, "{} limits", limits.len());
}

#[test]
fn the_days_of_the_issue_evaluate_with_a_limit_and_no_deadline() {
    let time = NaiveTime::from_hms_opt(10, 0, 0);
    for (date, as_of) in [
        (ymd(262142, 12, 21), ymd(262142, 12, 21)),
        (ymd(262142, 12, 30), ymd(262142, 12, 30)),
        (ymd(-262143, 1, 1), ymd(2022, 8, 6)),
        (NaiveDate::MAX, NaiveDate::MIN),
        (NaiveDate::MIN, NaiveDate::MAX),
    ] {
        let mut a: Answers = serde_json::from_str(include_str!("../../examples/all-four.json")).unwrap();
        a.application.date = Some(date);
        a.application.time = time;
        a.person.date_of_birth = Some(NaiveDate::MIN);
        a.registration.arrival_date = Some(NaiveDate::MAX);
        a.registration.stay_until = Some(NaiveDate::MAX);
        let r = evaluate(&a, &Context { as_of });
        assert_eq!(r.outcomes.len(), 4);
        assert!(!a.validate(as_of).is_empty(), "such days are input errors");
        let serialised = serde_json::to_string(&r).unwrap();
        assert!(!serialised.is_empty());
        for o in &r.outcomes {
            assert!(o.deadline.as_ref().is_none_or(|d| d.result_on >= d.registered_on));
        }
    }
    let mut a = Answers::default();
    a.application.date = Some(ymd(262142, 12, 30));
    a.application.time = NaiveTime::from_hms_opt(23, 0, 0);
    let r = evaluate(&a, &Context { as_of: ymd(262142, 12, 30) });
    assert!(r.outcomes.iter().any(|o| o.deadline.is_none() && o.limits.contains(&Limit::RulesNotInData { day: ymd(262142, 12, 30) })));
}
