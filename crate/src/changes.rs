//! What changes for a person when the rules change: the same answers evaluated as if the person
//! applied on two days, and what differs between the two outcomes of each service — the verdict, a
//! condition, a document, a channel, the fee, the term — each with the provision behind it.
//!
//! The days worth comparing are those on which the data change ([`data_days`]): a provision's
//! wording enters into force or ends (an amendment, the end of the electronic pilot), a dated
//! parameter takes a new value (a new MCI, new hours). [`upcoming`] finds the first such day within a
//! span that changes something for this person, for the results page; [`between`] compares any two
//! days, for `tekser diff`.
//!
//! The answers keep everything but the day of application, which becomes each day compared (its
//! time of day, or "within working hours", is kept). A day the data do not cover yet (next year's
//! MCI, next year's holidays) is not a change of the rules: what it leaves open is listed apart
//! ([`Diff::unknown`]), never as a difference.

use crate::data::{ParamRef, Provision, PARAMS, PROVISIONS};
use crate::report::{Channel, Limit, Status, Verdict};
use crate::{evaluate, Answers, Context, Outcome, Service};
use chrono::{Days, NaiveDate};
use serde::Serialize;

/// One difference for one service between the earlier day and the later.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    pub service: Service,
    pub what: What,
    /// The provision behind the difference, as cited on the later day (on the earlier day for
    /// something that is no longer there).
    pub citation: &'static Provision,
}

/// What differs.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum What {
    /// The verdict itself (cited by the first deciding condition that changed, else the first
    /// deciding condition of the later day).
    Verdict { from: Verdict, to: Verdict },
    /// A condition that decides the verdict (text key `reason.<code>`): its status on each day;
    /// `None` where the rules of that day do not check it.
    Condition { code: &'static str, from: Option<Status>, to: Option<Status> },
    /// A document to bring only on the later day (text key `doc.<code>`).
    DocumentAdded { code: &'static str },
    /// A document no longer needed on the later day.
    DocumentDropped { code: &'static str },
    /// A channel of application open to the person only on the later day.
    ChannelOpens { channel: Channel },
    /// A channel open on the earlier day only (e.g. the electronic pilot after it ends).
    ChannelCloses { channel: Channel },
    /// The fee: free or not, its multiple of the MCI, its tenge where both days' MCI are known.
    Fee { from: FeeTerms, to: FeeTerms },
    /// The number of working days the provider has.
    Term { from: u32, to: u32 },
}

/// The part of a fee that can change.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct FeeTerms {
    pub free: bool,
    pub mci_multiple: f64,
    pub tenge: Option<i64>,
}

/// The differences between applying on `from` and on `to`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diff {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub changes: Vec<Change>,
    /// What the data do not say for the later day and do for the earlier (e.g. the MCI of a year
    /// whose budget law is not out): left open, not a change of the rules.
    pub unknown: Vec<(Service, Limit)>,
}

/// The answers as if the person applied on `day`, evaluated with the rules of that day.
fn outcomes_on(answers: &Answers, day: NaiveDate) -> Vec<Outcome> {
    let mut a = answers.clone();
    a.application.date = Some(day);
    evaluate(&a, &Context { as_of: day }).outcomes
}

/// The differences for the person between applying on `from` and on `to` (either may be the later).
pub fn between(answers: &Answers, from: NaiveDate, to: NaiveDate) -> Diff {
    let before = outcomes_on(answers, from);
    let after = outcomes_on(answers, to);
    let mut diff = Diff { from, to, changes: Vec::new(), unknown: Vec::new() };
    for b in &before {
        if let Some(a) = after.iter().find(|a| a.service == b.service) {
            compare(b, a, &mut diff);
        }
    }
    diff
}

/// Is a limit of the later day one that says the data stop (not a rule)?
fn data_gap(l: &Limit) -> bool {
    matches!(l, Limit::MciNotSet { .. } | Limit::CalendarNotPublished { .. } | Limit::RulesNotInData { .. })
}

fn compare(b: &Outcome, a: &Outcome, diff: &mut Diff) {
    let service = a.service;
    let mut push = |what: What, citation: &'static Provision| diff.changes.push(Change { service, what, citation });

    // The deciding conditions, by code, in the later day's order, then those gone.
    let deciding = |o: &Outcome, code: &str| o.reasons.iter().find(|r| r.decides() && r.code == code).map(|r| (r.status, r.citation));
    let mut conditions: Vec<(&'static str, Option<Status>, Option<Status>, &'static Provision)> = Vec::new();
    for r in a.reasons.iter().filter(|r| r.decides()) {
        let was = deciding(b, r.code).map(|(s, _)| s);
        if was != Some(r.status) && (was.is_some() || r.status != Status::Met) {
            conditions.push((r.code, was, Some(r.status), r.citation));
        }
    }
    for r in b.reasons.iter().filter(|r| r.decides() && r.status != Status::Met) {
        if deciding(a, r.code).is_none() {
            conditions.push((r.code, Some(r.status), None, r.citation));
        }
    }
    if a.verdict != b.verdict {
        let cited = conditions.first().map(|c| c.3).or_else(|| a.reasons.iter().find(|r| r.decides()).map(|r| r.citation));
        if let Some(citation) = cited {
            push(What::Verdict { from: b.verdict, to: a.verdict }, citation);
        }
    }
    for (code, from, to, citation) in conditions {
        push(What::Condition { code, from, to }, citation);
    }

    for d in &a.documents {
        if !b.documents.iter().any(|x| x.code == d.code) {
            push(What::DocumentAdded { code: d.code }, d.citation);
        }
    }
    for d in &b.documents {
        if !a.documents.iter().any(|x| x.code == d.code) {
            push(What::DocumentDropped { code: d.code }, d.citation);
        }
    }

    let open = |o: &Outcome, c: Channel| o.channels.iter().any(|x| x.channel == c && x.available);
    for x in a.channels.iter().filter(|x| x.available && !open(b, x.channel)) {
        push(What::ChannelOpens { channel: x.channel }, x.citation);
    }
    for x in b.channels.iter().filter(|x| x.available && !open(a, x.channel)) {
        let citation = a.channels.iter().find(|y| y.channel == x.channel).map_or(x.citation, |y| y.citation);
        push(What::ChannelCloses { channel: x.channel }, citation);
    }

    if let (Some(fb), Some(fa)) = (&b.fee, &a.fee) {
        let terms = |f: &crate::report::Fee| FeeTerms { free: f.free, mci_multiple: f.mci_multiple, tenge: f.tenge };
        let (tb, ta) = (terms(fb), terms(fa));
        let tenge_differs = matches!((tb.tenge, ta.tenge), (Some(x), Some(y)) if x != y);
        if tb.free != ta.free || tb.mci_multiple != ta.mci_multiple || tenge_differs {
            push(What::Fee { from: tb, to: ta }, fa.citation);
        }
    }

    if let (Some(db), Some(da)) = (&b.deadline, &a.deadline) {
        if db.working_days != da.working_days {
            push(What::Term { from: db.working_days, to: da.working_days }, da.citation);
        }
    }

    for l in a.limits.iter().filter(|l| data_gap(l)) {
        if !b.limits.iter().any(|x| std::mem::discriminant(x) == std::mem::discriminant(l)) {
            diff.unknown.push((service, l.clone()));
        }
    }
}

/// The days after `after`, up to and including `until`, on which something in the data changes: a
/// provision's wording enters into force or has ended the day before, or a dated parameter takes a
/// new value. In order, each once.
pub fn data_days(after: NaiveDate, until: NaiveDate) -> Vec<NaiveDate> {
    let next = |d: NaiveDate| d.checked_add_days(Days::new(1));
    let provisions = PROVISIONS.iter().flat_map(|p| [p.from, p.until.and_then(next)]).flatten();
    let params = PARAMS.iter().flat_map(|(_, p)| param_days(*p));
    let mut days: Vec<NaiveDate> = provisions.chain(params).filter(|d| after < *d && *d <= until).collect();
    days.sort();
    days.dedup();
    days
}

/// The days a parameter's values start.
fn param_days(p: ParamRef) -> Vec<NaiveDate> {
    match p {
        ParamRef::Int(p) => p.values.iter().map(|v| v.from).collect(),
        ParamRef::Date(p) => p.values.iter().map(|v| v.from).collect(),
        ParamRef::Codes(p) => p.values.iter().map(|v| v.from).collect(),
        ParamRef::Hours(p) => p.values.iter().map(|v| v.from).collect(),
        ParamRef::Window(p) => p.values.iter().map(|v| v.from).collect(),
    }
}

/// The first day within `days` days after `today` on which the rules change something for this
/// person, compared with applying today; `None` when nothing changes for them in that span.
pub fn upcoming(answers: &Answers, today: NaiveDate, days: u64) -> Option<Diff> {
    let until = today.checked_add_days(Days::new(days))?;
    data_days(today, until).into_iter().map(|d| between(answers, today, d)).find(|diff| !diff.changes.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a day")
    }

    #[test]
    fn the_same_day_changes_nothing() {
        for name in ["phc", "medical-licence", "trp", "registration-astana", "all-four"] {
            let text = std::fs::read_to_string(format!("{}/../examples/{name}.json", env!("CARGO_MANIFEST_DIR"))).expect("example");
            let a: Answers = serde_json::from_str(&text).expect("answers");
            let d = between(&a, day(2026, 3, 2), day(2026, 3, 2));
            assert!(d.changes.is_empty() && d.unknown.is_empty(), "{name}: {d:?}");
        }
    }

    fn example(name: &str) -> Answers {
        let text = std::fs::read_to_string(format!("{}/../examples/{name}.json", env!("CARGO_MANIFEST_DIR"))).expect("example");
        serde_json::from_str(&text).expect("answers")
    }

    /// The electronic pilot (joint order 500/НҚ–801, "valid until 30.06.2026"): on 1 July the
    /// self-service sector stops taking the registration and its online arrival form goes; the ЦОН
    /// counter of Order 677 takes it instead. Found as the first change within 90 days of 1 June.
    #[test]
    fn the_pilot_ends_on_30_june_2026() {
        let a = example("registration-astana");
        let d = between(&a, day(2026, 6, 30), day(2026, 7, 1));
        let closes = d.changes.iter().find(|c| c.what == What::ChannelCloses { channel: Channel::ConSelfService }).expect("closes");
        assert_eq!(closes.citation.act.id, "pilot");
        assert!(d.changes.iter().any(|c| c.what == What::ChannelOpens { channel: Channel::Con } && c.citation.act.id == "677"), "{d:?}");
        assert!(d.changes.iter().any(|c| matches!(c.what, What::DocumentDropped { .. }) && c.citation.act.id == "pilot"), "{d:?}");
        assert!(d.changes.iter().all(|c| c.service == Service::Registration));
        assert_eq!(upcoming(&a, day(2026, 6, 1), 90).map(|d| d.to), Some(day(2026, 7, 1)));
        // After it ended, nothing about it is upcoming; and the pilot days themselves change nothing.
        assert!(upcoming(&a, day(2026, 7, 1), 90).is_none_or(|d| d.changes.iter().all(|c| c.citation.act.id != "pilot")));
        assert!(between(&a, day(2026, 3, 2), day(2026, 6, 30)).changes.is_empty());
    }

    /// The licence fee is 10 MCI (Appendix 1 of Order 59, item 6.1): 10 × 3 932 in 2025, 10 × 4 325
    /// from 1 January 2026 (the MCI of each year's budget law).
    #[test]
    fn a_new_mci_changes_the_fee_in_tenge() {
        let a = example("medical-licence");
        let d = between(&a, day(2025, 12, 31), day(2026, 1, 1));
        let fee = d.changes.iter().find_map(|c| match &c.what {
            What::Fee { from, to } => Some((from.tenge, to.tenge, c.citation.id)),
            _ => None,
        });
        assert_eq!(fee, Some((Some(39_320), Some(43_250), "59-list-i6-s1")), "{d:?}");
        assert_eq!(upcoming(&a, day(2025, 12, 1), 90).map(|d| d.to), Some(day(2026, 1, 1)));
        // A year whose MCI is not in the data: left open, not a change.
        let later = between(&a, day(2026, 12, 1), day(2027, 1, 15));
        assert!(later.changes.iter().all(|c| !matches!(c.what, What::Fee { .. })), "{later:?}");
        assert!(later.unknown.iter().any(|(_, l)| matches!(l, Limit::MciNotSet { .. })), "{later:?}");
    }

    /// The PHC attachment's campaign (1 September – 1 November since 2025): the same person is not
    /// eligible the day before it opens and eligible on its first day, the campaign's condition cited.
    #[test]
    fn the_campaign_opening_turns_the_verdict() {
        let a = example("phc");
        let d = between(&a, day(2026, 8, 31), day(2026, 9, 1));
        assert_eq!(d.changes.first().map(|c| &c.what), Some(&What::Verdict { from: Verdict::NotEligible, to: Verdict::Eligible }), "{d:?}");
        let cond = d.changes.iter().find(|c| matches!(c.what, What::Condition { .. })).expect("the condition");
        assert_eq!(cond.what, What::Condition { code: cond_code(&cond.what), from: Some(Status::NotMet), to: Some(Status::Met) });
        assert_eq!(d.changes[0].citation.id, cond.citation.id);
    }

    fn cond_code(w: &What) -> &'static str {
        match w {
            What::Condition { code, .. } => code,
            _ => "",
        }
    }

    #[test]
    fn data_days_are_in_order_within_the_span_and_each_once() {
        let days = data_days(day(2020, 1, 1), day(2030, 12, 31));
        assert!(days.len() > 3, "{days:?}");
        assert!(days.windows(2).all(|w| w[0] < w[1]));
        assert!(days.iter().all(|d| *d > day(2020, 1, 1) && *d <= day(2030, 12, 31)));
        // The span is open at the start: its first day is never listed.
        let first = days[0];
        assert!(!data_days(first, day(2030, 12, 31)).contains(&first));
        assert!(data_days(day(2030, 1, 1), day(2020, 1, 1)).is_empty());
    }
}
