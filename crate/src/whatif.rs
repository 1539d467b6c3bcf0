//! "You would be able to apply if …": for an outcome that is not eligible (or that leaves a
//! condition to the provider, or finds no channel open), the smallest sets of changes to the
//! person's answers that make it eligible; for one that still needs information, which single answer
//! settles it, and how. Found by search — the rules are evaluated with each change — never by
//! reading a rule's code, so a new rule is covered the day it is written.
//!
//! Only facts a person can change, or may have answered wrongly, are searched ([`changeable`]):
//! consent obtained, the fee paid, the dwelling, the reason, the channel, the day of application…
//! A fact that is who the person is or what has happened (date of birth, citizenship, legal status,
//! a court's ban) is never suggested; when such a fact alone refuses, [`WhatIf::fixed`] says so.
//!
//! The search, per outcome: first every single change (each other option of a choice, the other
//! answer of a yes/no question, the nearest number that works — found by bisection between the
//! answer and the end of its range — and the first day of application that works within a year,
//! among the days on which anything the rules read of the day changes ([`turning_days`])); only when no single change works, every pair of a change to a fact of a failing condition
//! and one more change. Every suggestion is evaluated before it is given: applied to the answers, it
//! yields the verdict it promises.

use crate::answers::set::Value;
use crate::answers::{all_fields, FieldKind};
use crate::data::Provision;
use crate::report::{Report, Status, Verdict};
use crate::{evaluate, evaluate_into, Answers, Context, Outcome, Service};
use chrono::{Days, NaiveDate};
use serde::Serialize;

/// Facts a person cannot change by acting on them: who they are, what has happened, what a court
/// or another authority decided, what they want the service for. Every other fact is changeable.
const FIXED: &[&str] = &[
    "person.status",
    "person.citizenship",
    "person.date_of_birth",
    "person.iin",
    "licence.applicant",
    "licence.bin",
    "licence.holds_licence",
    "licence.action",
    "licence.annex_only",
    "licence.paper_licence",
    "licence.paper_lost_or_damaged",
    "licence.court_ban",
    "licence.bailiff_ban",
    "licence.deprived_of_special_right",
    "licence.studies_completed_year",
    "phc.changes_this_year",
    "phc.border_area",
    "phc.categories",
    "trp.subtype",
    "trp.employer_household_permits",
    "trp.host_owns_housing",
    "registration.cis_serviceman",
    "registration.under_guardianship",
    "registration.arrival_date",
    "registration.long_stay_reason",
    "registration.in_medical_institution",
    "registration.has_disabling_impairment",
    "registration.rotation_worker",
    "registration.arriving_from_abroad",
    "registration.refugee_start_date",
    "registration.applicant_is_owner",
    "registration.owner_type",
    "registration.relation_to_owner",
    "registration.fulltime_student_in_astana",
    "registration.category_in_state_records",
    "registration.closed_territory",
    "registration.restricted_locality",
    "registration.restricted_category",
    "registration.kz_ru_border_resident",
    "registration.deregistered_by_owner",
    "registration.in_astana",
    "registration.place_type",
];

/// Can the person change this fact (or may they have answered it wrongly)?
pub fn changeable(path: &str) -> bool {
    !FIXED.contains(&path)
}

/// The numbers searched for a threshold, with the range searched in whole steps: the dwelling's
/// area in tenths of a square metre, the people registered one by one. (The other whole numbers
/// are fixed facts.)
const NUMBERS: &[Number] = &[
    Number { field: "registration.area_total_m2", lo: 0, hi: 100_000, per_unit: 10 },
    Number { field: "registration.registered_count", lo: 0, hi: 500, per_unit: 1 },
];

/// A number searched: from `lo` to `hi` steps, `per_unit` steps to one unit of the answer.
struct Number {
    field: &'static str,
    lo: i64,
    hi: i64,
    per_unit: i64,
}

impl Number {
    fn value(&self, steps: i64) -> Value {
        if self.per_unit == 1 {
            Value::Int(steps)
        } else {
            Value::Number(steps as f64 / self.per_unit as f64)
        }
    }
    /// The answer, in steps (rounded to the nearest).
    fn steps(&self, a: &Answers) -> Option<i64> {
        let x = match self.field {
            "registration.area_total_m2" => a.registration.area_total_m2?,
            "registration.registered_count" => f64::from(a.registration.registered_count?),
            _ => return None,
        };
        x.is_finite().then(|| (x * self.per_unit as f64).round().clamp(self.lo as f64, self.hi as f64) as i64)
    }
}

/// How far a new answer is meant: exactly this, or this and anything beyond it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    Exactly,
    /// This number or less ("with at most 3 people already registered").
    AtMost,
    /// This number or more.
    AtLeast,
    /// This day, the first that works (a later one may too, or may not: a campaign ends).
    Earliest,
    /// Any answer at all (to a question whose every answer gives the same verdict).
    Any,
}

/// One changed answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    pub field: &'static str,
    pub to: Value,
    pub bound: Bound,
}

impl Change {
    /// The new answer in words: yes or no, the option, the number with its bound, the day; numbers
    /// and days written as the caller writes them (the CLI plainly, the app's search in words).
    pub fn words(&self, lang: crate::Lang, number: impl Fn(f64) -> String, date: impl Fn(NaiveDate) -> String) -> String {
        let t = |key: &str| crate::text::word(key, lang);
        let option = |code: &str| t(&format!("option.{}.{code}", self.field));
        let plain = match &self.to {
            Value::Bool(b) => t(if *b { "ui.yes" } else { "ui.no" }),
            Value::Text(code) => option(code),
            Value::Int(n) => n.to_string(),
            Value::Number(x) => number(*x),
            Value::Date(d) => date(*d),
            Value::Time(x) => x.format("%H:%M").to_string(),
            Value::List(items) => items.iter().map(|i| option(i)).collect::<Vec<_>>().join(", "),
        };
        match self.bound {
            Bound::Exactly => plain,
            Bound::AtMost => t("whatif.at_most").replace("{n}", &plain),
            Bound::AtLeast => t("whatif.at_least").replace("{n}", &plain),
            Bound::Earliest => t("whatif.earliest").replace("{date}", &plain),
            Bound::Any => t("whatif.any"),
        }
    }
}

/// A set of changes that, together, makes the outcome `verdict`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Suggestion {
    pub changes: Vec<Change>,
    pub verdict: Verdict,
    /// The conditions the changes satisfy (failing or unknown before, met after), with their
    /// provisions: text keys `reason.<code>`.
    pub satisfies: Vec<(&'static str, &'static Provision)>,
}

/// For an outcome that needs information: one missing fact, and the verdict each answer to it gives.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Settle {
    pub field: &'static str,
    pub answers: Vec<(Change, Verdict)>,
}

/// What the person could do about one outcome.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WhatIf {
    pub service: Service,
    pub verdict: Verdict,
    pub suggestions: Vec<Suggestion>,
    pub settle: Vec<Settle>,
    /// Failing conditions that rest only on fixed facts (text keys `reason.<code>`): no change of
    /// the person's own makes them met. (For a service that does not apply to the person, only these
    /// are said: nobody is advised how to come into a service's scope.)
    pub fixed: Vec<(&'static str, &'static Provision)>,
}

/// The most suggestions given per outcome (singles first, then pairs, in interview order).
const MOST: usize = 8;

/// What the person could do about each outcome of `answers` on `as_of` that is not already
/// eligible or out of scope.
pub fn search(answers: &Answers, as_of: NaiveDate) -> Vec<WhatIf> {
    let report = evaluate(answers, &Context { as_of });
    report.outcomes.iter().filter(|o| o.verdict != Verdict::Eligible).map(|o| for_outcome(answers, as_of, o)).collect()
}

/// The answers with `changes` made, the day of the rules (the day of application changes it) and
/// the one service searched.
fn changed(base: &Answers, as_of: NaiveDate, changes: &[Change]) -> Option<(Answers, NaiveDate, Service)> {
    let service = base.services.as_ref().and_then(|s| s.first().copied())?;
    let mut a = base.clone();
    let mut day = as_of;
    for c in changes {
        a.set(c.field, c.to.clone()).ok()?;
        if let ("application.date", Value::Date(d)) = (c.field, &c.to) {
            day = *d;
        }
    }
    Some((a, day, service))
}

/// One service's outcome under changed answers.
fn outcome_with(base: &Answers, as_of: NaiveDate, changes: &[Change]) -> Option<Outcome> {
    let (a, day, service) = changed(base, as_of, changes)?;
    evaluate(&a, &Context { as_of: day }).outcomes.into_iter().find(|o| o.service == service)
}

thread_local! {
    /// The report the search evaluates into when it needs only a verdict: used again, it allocates nothing.
    static SCRATCH: std::cell::RefCell<Report> =
        std::cell::RefCell::new(Report { as_of: NaiveDate::MIN, edition: crate::report::edition(), outcomes: Vec::new() });
}

/// `f` of one service's outcome under changed answers: as [`outcome_with`], evaluated into the
/// search's one report ([`evaluate_into`]), for what needs the outcome only for a moment (`f` must
/// not search again).
fn with_outcome<R>(base: &Answers, as_of: NaiveDate, changes: &[Change], f: impl FnOnce(&Outcome) -> R) -> Option<R> {
    let (a, day, service) = changed(base, as_of, changes)?;
    SCRATCH.with_borrow_mut(|report| {
        evaluate_into(&a, &Context { as_of: day }, report);
        report.outcomes.iter().find(|o| o.service == service).map(f)
    })
}

fn verdict_with(base: &Answers, as_of: NaiveDate, changes: &[Change]) -> Option<Verdict> {
    with_outcome(base, as_of, changes, |o| o.verdict)
}

fn for_outcome(answers: &Answers, as_of: NaiveDate, o: &Outcome) -> WhatIf {
    // The search evaluates this one service only.
    let mut base = answers.clone();
    base.services = Some(vec![o.service]);
    let mut w = WhatIf { service: o.service, verdict: o.verdict, suggestions: vec![], settle: vec![], fixed: vec![] };
    let failing = |o: &Outcome| -> Vec<&'static str> {
        let mut f: Vec<&'static str> =
            o.reasons.iter().filter(|r| r.decides() && r.status != Status::Met).flat_map(|r| r.facts.iter()).collect();
        f.dedup();
        f
    };

    if o.verdict == Verdict::NeedsInfo {
        for field in o.missing.iter().copied() {
            let answers: Vec<(Change, Verdict)> = candidates(&base, as_of, field, None)
                .into_iter()
                .filter_map(|c| Some((c.clone(), verdict_with(&base, as_of, &[c])?)))
                .filter(|(_, v)| *v != Verdict::NeedsInfo)
                .collect();
            if !answers.is_empty() {
                w.settle.push(Settle { field, answers });
            }
        }
        return w;
    }

    // Conditions that fail on fixed facts alone.
    for r in o.reasons.iter().filter(|r| r.decides() && r.status == Status::NotMet) {
        if !r.facts.is_empty() && r.facts.iter().all(|f| !changeable(f)) {
            w.fixed.push((r.code, r.citation));
        }
    }

    // A service that is not for the person at all is good news, not something to change.
    if o.verdict == Verdict::NotApplicable {
        return w;
    }
    let target = Verdict::Eligible;
    let singles = single_changes(&base, as_of, o, target, &[]);
    if !singles.is_empty() {
        w.suggestions = singles;
    } else {
        // Pairs: a change to a fact of a failing condition, then any single change that completes it.
        let mut pairs: Vec<Suggestion> = Vec::new();
        for field in failing(o).into_iter().filter(|f| changeable(f)) {
            for first in candidates(&base, as_of, field, Some(&[target])) {
                let Some(after) = outcome_with(&base, as_of, std::slice::from_ref(&first)) else { continue };
                for s in single_changes(&base, as_of, &after, target, std::slice::from_ref(&first)) {
                    let mut changes = vec![first.clone()];
                    changes.extend(s.changes);
                    changes.sort_by_key(|c| order(c.field));
                    if !pairs.iter().any(|p| p.changes == changes) {
                        let satisfies = with_outcome(&base, as_of, &changes, |x| satisfied(o, x)).unwrap_or_else(|| satisfied(o, &after));
                        pairs.push(Suggestion { changes, verdict: target, satisfies });
                    }
                }
            }
            if pairs.len() >= MOST {
                break;
            }
        }
        pairs.truncate(MOST);
        w.suggestions = pairs;
    }
    w
}

/// The interview position of a field (for a stable order of changes).
fn order(path: &str) -> usize {
    all_fields().position(|f| f.path == path).unwrap_or(usize::MAX)
}

/// The conditions the change satisfies: those deciding in `after` and met there, which were not
/// met in `before` or not in question there (the rule a new answer brings in).
fn satisfied(before: &Outcome, after: &Outcome) -> Vec<(&'static str, &'static Provision)> {
    let was_met = |code: &str| before.reasons.iter().any(|r| r.code == code && r.status == Status::Met);
    after.reasons.iter().filter(|r| r.decides() && r.status == Status::Met && !was_met(r.code)).map(|r| (r.code, r.citation)).collect()
}

/// Every single change (on top of `given`) that makes `now` — the outcome after `given` — reach
/// `target`, each verified, in interview order.
fn single_changes(base: &Answers, as_of: NaiveDate, now: &Outcome, target: Verdict, given: &[Change]) -> Vec<Suggestion> {
    let mut out = Vec::new();
    let fields = all_fields().map(|f| f.path).filter(|p| changeable(p) && !given.iter().any(|g| g.field == *p));
    for field in fields.filter(|p| relevant(now, p)) {
        for c in candidates_after(base, as_of, field, target, given) {
            let mut changes = given.to_vec();
            changes.push(c.clone());
            if let Some(Some(satisfies)) = with_outcome(base, as_of, &changes, |x| (x.verdict == target).then(|| satisfied(now, x))) {
                out.push(Suggestion { changes: vec![c], verdict: target, satisfies });
            }
        }
        if out.len() >= MOST {
            break;
        }
    }
    out
}

/// Could changing this field matter for the service? Its own facts, the person's, the application's.
fn relevant(o: &Outcome, path: &str) -> bool {
    let own = match o.service {
        Service::Phc => "phc.",
        Service::MedicalLicence => "licence.",
        Service::Trp => "trp.",
        Service::Registration => "registration.",
    };
    path.starts_with(own) || path.starts_with("person.") || path.starts_with("application.")
}

/// The candidate changes of one field, for a base answer set with `given` already applied.
fn candidates_after(base: &Answers, as_of: NaiveDate, field: &'static str, target: Verdict, given: &[Change]) -> Vec<Change> {
    let mut a = base.clone();
    let mut day = as_of;
    for g in given {
        let _ = a.set(g.field, g.to.clone());
        if let ("application.date", Value::Date(d)) = (g.field, &g.to) {
            day = *d;
        }
    }
    candidates(&a, day, field, Some(&[target]))
}

/// The candidate answers of one field that differ from the current answer: the other answer of a
/// yes/no question, every other option; for a number, the nearest value that reaches one of
/// `targets` (by bisection); for the day of application, the first later day that does. Text,
/// identification numbers, countries and other dates are not searched.
fn candidates(a: &Answers, as_of: NaiveDate, field: &'static str, targets: Option<&[Verdict]>) -> Vec<Change> {
    let Some(f) = all_fields().find(|f| f.path == field) else { return vec![] };
    let differs = |v: &Value| {
        let mut b = a.clone();
        b.set(field, v.clone()).is_ok() && b != *a
    };
    let exactly = |to: Value| Change { field, to, bound: Bound::Exactly };
    let reaches = |changes: &[Change]| -> bool {
        let v = verdict_with(a, as_of, changes);
        match targets {
            Some(t) => v.is_some_and(|v| t.contains(&v)),
            None => v.is_some_and(|v| v != Verdict::NeedsInfo),
        }
    };
    match f.kind {
        FieldKind::Bool => [true, false].into_iter().map(Value::Bool).filter(differs).map(exactly).collect(),
        FieldKind::Choice(options) => options.iter().map(|o| Value::Text(o.to_string())).filter(differs).map(exactly).collect(),
        FieldKind::Int | FieldKind::Number => {
            let Some(n) = NUMBERS.iter().find(|n| n.field == field) else { return vec![] };
            let make = |k: i64, bound| Change { field, to: n.value(k), bound };
            let verdict = |k: i64| verdict_with(a, as_of, &[make(k, Bound::Exactly)]);
            let ok = |k: i64| {
                verdict(k).is_some_and(|v| match targets {
                    Some(t) => t.contains(&v),
                    None => v != Verdict::NeedsInfo,
                })
            };
            let mut out = Vec::new();
            match n.steps(a) {
                // Towards each end of the range: the value nearest to the answer that works.
                Some(now) => {
                    for (end, bound) in [(n.lo, Bound::AtMost), (n.hi, Bound::AtLeast)] {
                        if end != now && ok(end) {
                            out.push(make(bisect(now, end, &ok), bound));
                        }
                    }
                }
                // Not answered: where the verdict turns between the ends, each side; else any answer.
                None => {
                    let (at_lo, at_hi) = (verdict(n.lo), verdict(n.hi));
                    if at_lo == at_hi {
                        if ok(n.lo) {
                            out.push(make(n.lo, Bound::Any));
                        }
                    } else {
                        let turn = bisect(n.lo, n.hi, &|k| verdict(k) == at_hi);
                        for (k, bound) in [(turn, Bound::AtLeast), (turn - 1, Bound::AtMost)] {
                            if ok(k) {
                                out.push(make(k, bound));
                            }
                        }
                    }
                }
            }
            out
        }
        FieldKind::Date if field == "application.date" => {
            let until = as_of.checked_add_days(Days::new(366)).unwrap_or(as_of);
            let first = turning_days(a, as_of, until).into_iter().find(|d| {
                let c = Change { field, to: Value::Date(*d), bound: Bound::Earliest };
                reaches(&[c])
            });
            first.map(|d| Change { field, to: Value::Date(d), bound: Bound::Earliest }).into_iter().collect()
        }
        _ => vec![],
    }
}

/// The days after `after`, up to `until`, on which what the rules read of the day can change: the
/// next day and the next working day, the days the data change (`changes::data_days`: a provision
/// in force, a parameter's new value), the first day of each yearly window (a campaign) and the
/// person's birthdays (an age reached). In order, each once. Only these days need evaluating to find
/// the first day of application that works.
pub fn turning_days(a: &Answers, after: NaiveDate, until: NaiveDate) -> Vec<NaiveDate> {
    use crate::data::{ParamRef, PARAMS};
    use chrono::Datelike;
    let mut days = crate::changes::data_days(after, until);
    days.extend(after.succ_opt());
    days.extend(after.succ_opt().and_then(crate::calendar::next_working_day));
    for year in after.year()..=until.year() {
        for (_, p) in PARAMS {
            if let ParamRef::Window(w) = p {
                days.extend(w.values.iter().filter_map(|v| NaiveDate::from_ymd_opt(year, v.value.start.0, v.value.start.1)));
            }
        }
        if let Some(born) = a.person.date_of_birth {
            // A 29 February birthday is reached on 1 March in a common year.
            days.extend(NaiveDate::from_ymd_opt(year, born.month(), born.day()).or_else(|| NaiveDate::from_ymd_opt(year, 3, 1)));
        }
    }
    days.retain(|d| after < *d && *d <= until);
    days.sort();
    days.dedup();
    days
}

/// Between `fails` (a step that does not work) and `works` (one that does), the step nearest to
/// `fails` that works, by bisection (the verdict is taken to turn once between them).
fn bisect(fails: i64, works: i64, ok: &impl Fn(i64) -> bool) -> i64 {
    let (mut bad, mut good) = (fails, works);
    while (good - bad).abs() > 1 {
        let mid = bad + (good - bad) / 2;
        if ok(mid) {
            good = mid;
        } else {
            bad = mid;
        }
    }
    good
}
