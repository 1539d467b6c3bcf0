//! Days at the edge of what chrono represents: the rules never panic on them, even called as a
//! library without `Answers::validate` (the JS library will be), and say what they cannot compute.

use chrono::{NaiveDate, NaiveTime};
use tekser_rules::calendar::next_working_day;
use tekser_rules::deadline::{add_working_days, calendar_limits, compute, subtract_working_days, Moment, Term, TimeOfDay};
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
    let late = Moment { date: ymd(262142, 12, 30), time: TimeOfDay::At(NaiveTime::from_hms_opt(23, 0, 0).unwrap()) };
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

/// Before a dated parameter's first value (here 2020-01-01, before Order ҚР ДСМ-194/2020 and its
/// parameters) the outcome does not ask for what it cannot use: it says the rules are not in the
/// data for the day, and what they decide is left to check with the provider.
#[test]
fn before_the_data_nothing_is_asked_that_an_answer_could_not_settle() {
    use tekser_rules::Verdict;
    let day = ymd(2020, 1, 1);
    for (json, code) in [
        (
            r#"{"services": ["phc"], "person": {"status": "citizen", "date_of_birth": "1990-01-01"}, "phc": {"applicant": "self", "reason": "free_change", "changes_this_year": 0, "organisation_in_residence_unit": true}}"#,
            "phc.applicant_by_age",
        ),
        (
            r#"{"services": ["phc"], "person": {"status": "citizen", "date_of_birth": "1990-01-01"}, "phc": {"applicant": "parent", "reason": "campaign", "organisation_in_residence_unit": true}}"#,
            "phc.campaign_window",
        ),
        (
            r#"{"services": ["phc"], "person": {"status": "citizen"}, "phc": {"applicant": "guardian", "reason": "free_change", "organisation_in_residence_unit": true}}"#,
            "phc.free_change_limit",
        ),
        (
            r#"{"services": ["trp"], "person": {"status": "temporary_resident", "citizenship": "RUS"}, "trp": {"subtype": "labour"}}"#,
            "trp.own_permit_age",
        ),
    ] {
        let a: Answers = serde_json::from_str(json).unwrap();
        let as_of = if code.starts_with("trp") { ymd(2015, 1, 1) } else { day };
        assert!(a.validate(as_of).is_empty());
        let o = &evaluate(&a, &Context { as_of }).outcomes[0];
        let r = o.reasons.iter().find(|r| r.code == code).unwrap_or_else(|| panic!("{code}"));
        assert!(r.missing.is_empty(), "{code} asks {:?}", r.missing);
        assert!(o.limits.contains(&Limit::RulesNotInData { day: as_of }), "{code}: {:?}", o.limits);
        assert!(o.missing.iter().all(|m| !a.answered(m)), "{code}: asks again for {:?}", o.missing);
        assert_ne!(o.verdict, Verdict::Eligible, "{code}");
    }
}
