//! The best moment to apply: for each service the person may apply for, the result day they get if
//! they apply now (within the provider's working hours today), after hours today, tomorrow, or on the
//! next working day, through each channel open to them — and the earliest of them. For a service
//! they cannot apply for yet, the first day they can (a campaign that opens); for a channel that
//! closes soon (the electronic pilot's end), the day it closes.
//!
//! Nothing here is a rule of its own: each moment is the answers with another day, time and
//! channel, evaluated by the rules of that day (`deadline::compute` counts the days, under the
//! provision the outcome cites).

use crate::data::Provision;
use crate::report::{Channel, Verdict};
use crate::{evaluate, Answers, Context, Outcome, Service};
use chrono::{Days, NaiveDate};
use serde::Serialize;

/// When the application would be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum When {
    /// Today, before the provider closes.
    TodayWithinHours,
    /// Today, after the provider closes (or today is a day off).
    TodayAfterHours,
    /// Tomorrow, within working hours.
    Tomorrow,
    /// The next working day after tomorrow, within working hours (when tomorrow is a day off).
    NextWorkingDay,
}

/// One moment through one channel, and the result day it gives.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Moment {
    pub when: When,
    pub day: NaiveDate,
    pub channel: Channel,
    /// The provider's closing time that day, in minutes after midnight (for "apply before 18:00").
    pub closes: u16,
    pub result_on: NaiveDate,
    /// The provision that sets the term.
    pub citation: &'static Provision,
}

/// The moments of one service.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Timing {
    pub service: Service,
    /// The verdict today.
    pub verdict: Verdict,
    /// Every moment through every open channel, in order of `When`, then channel.
    pub moments: Vec<Moment>,
    /// The moment with the earliest result day (the soonest moment among equals).
    pub earliest: Option<Moment>,
    /// For a service the person may not apply for today: the first later day they may, within a
    /// year (a campaign that opens), with the rules of that day.
    pub opens_on: Option<NaiveDate>,
    /// A channel open today that closes within 90 days, and the last day it is open (the pilot
    /// ends on 30 June: from 1 July …), with the provision that ends it.
    pub closing: Vec<(Channel, NaiveDate, &'static Provision)>,
}

/// How far ahead a channel's closing is said.
const CLOSING_AHEAD_DAYS: u64 = 90;

/// How far ahead the first day the person may apply is looked for.
const OPENS_AHEAD_DAYS: u64 = 366;

/// The timing of each service the answers ask for, for a person deciding on `today`.
pub fn timing(answers: &Answers, today: NaiveDate) -> Vec<Timing> {
    let now = evaluate(&with(answers, today, Some(true), None), &Context { as_of: today });
    now.outcomes.iter().map(|o| for_service(answers, today, o)).collect()
}

/// The answers applying on `day`, within hours or not (`None` keeps the answer), through `channel`
/// (`None` keeps the answer).
fn with(a: &Answers, day: NaiveDate, within: Option<bool>, channel: Option<Channel>) -> Answers {
    let mut a = a.clone();
    a.application.date = Some(day);
    if within.is_some() {
        a.application.within_hours = within;
        a.application.time = None;
    }
    if channel.is_some() {
        a.application.channel = channel;
    }
    a
}

fn outcome(a: &Answers, service: Service, day: NaiveDate) -> Option<Outcome> {
    let mut a = a.clone();
    a.services = Some(vec![service]);
    evaluate(&a, &Context { as_of: day }).outcomes.into_iter().next()
}

fn for_service(answers: &Answers, today: NaiveDate, o: &Outcome) -> Timing {
    let mut t = Timing { service: o.service, verdict: o.verdict, moments: vec![], earliest: None, opens_on: None, closing: vec![] };
    if !o.verdict.may_apply() {
        if matches!(o.verdict, Verdict::NotEligible | Verdict::NoChannelOpen | Verdict::CheckWithProvider) {
            // Only the days on which something the rules read of the day changes need trying.
            let until = today.checked_add_days(Days::new(OPENS_AHEAD_DAYS)).unwrap_or(today);
            t.opens_on = crate::whatif::turning_days(answers, today, until)
                .into_iter()
                .find(|d| outcome(&with(answers, *d, None, None), o.service, *d).is_some_and(|x| x.verdict.may_apply()));
        }
        return t;
    }
    let tomorrow = today.succ_opt();
    let next_working = tomorrow.and_then(crate::calendar::next_working_day);
    let mut days = vec![(When::TodayWithinHours, today, true), (When::TodayAfterHours, today, false)];
    if let Some(d) = tomorrow {
        days.push((When::Tomorrow, d, true));
    }
    if let (Some(t1), Some(d)) = (tomorrow, next_working) {
        if !crate::calendar::is_working_day(t1) {
            days.push((When::NextWorkingDay, d, true));
        }
    }
    let open: Vec<Channel> = o.channels.iter().filter(|c| c.available).map(|c| c.channel).collect();
    for (when, day, within) in days {
        // "Within hours" on a day off is no moment at all.
        if within && !crate::calendar::is_working_day(day) {
            continue;
        }
        for &channel in &open {
            let Some(x) = outcome(&with(answers, day, Some(within), Some(channel)), o.service, day) else { continue };
            if let (true, Some(d)) = (x.verdict.may_apply(), &x.deadline) {
                t.moments.push(Moment { when, day, channel, closes: d.hours.close, result_on: d.result_on, citation: d.citation });
            }
        }
    }
    t.earliest = t.moments.iter().min_by_key(|m| (m.result_on, m.day, m.when as u8)).cloned();
    // Channels open today that close within the span.
    if let Some(diff) = crate::changes::upcoming(answers, today, CLOSING_AHEAD_DAYS) {
        for c in &diff.changes {
            if let (crate::changes::What::ChannelCloses { channel }, true) = (&c.what, c.service == o.service) {
                if let Some(last) = diff.to.pred_opt() {
                    t.closing.push((*channel, last, c.citation));
                }
            }
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a day")
    }

    fn example(name: &str) -> Answers {
        let text = std::fs::read_to_string(format!("{}/../examples/{name}.json", env!("CARGO_MANIFEST_DIR"))).expect("example");
        serde_json::from_str(&text).expect("answers")
    }

    /// PHC (Order 194 para 25): within hours the result is due on the next working day; after
    /// hours the application is accepted and answered on the next working day. Friday 20 March
    /// 2026: Saturday and Sunday, Nauryz on Monday 23 and its 21 and 22 March moved to Tuesday 24 and
    /// Wednesday 25, so the next working day is Thursday 26: within hours → Thursday 26; after hours
    /// → Thursday 26 too; tomorrow is a Saturday, so the next working day, Thursday 26, → Friday 27.
    #[test]
    fn phc_on_the_friday_before_nauryz() {
        let mut a = example("phc");
        a.phc.reason = serde_json::from_str("\"relocation\"").ok();
        let t = timing(&a, day(2026, 3, 20));
        let phc = t.iter().find(|t| t.service == Service::Phc).expect("phc");
        let on = |w: When| phc.moments.iter().find(|m| m.when == w && m.channel == Channel::EgovEds).map(|m| (m.day, m.result_on));
        assert_eq!(on(When::TodayWithinHours), Some((day(2026, 3, 20), day(2026, 3, 26))));
        assert_eq!(on(When::TodayAfterHours), Some((day(2026, 3, 20), day(2026, 3, 26))));
        assert_eq!(on(When::Tomorrow), None, "Saturday is no working day");
        assert_eq!(on(When::NextWorkingDay), Some((day(2026, 3, 26), day(2026, 3, 27))));
        let e = phc.earliest.as_ref().expect("earliest");
        assert_eq!((e.when, e.result_on), (When::TodayWithinHours, day(2026, 3, 26)));
        assert!(e.citation.id.starts_with("194"), "{}", e.citation.id);
    }

    /// Outside the campaign (1 September – 1 November from 2025) the PHC attachment for the
    /// campaign's reason opens on 1 September.
    #[test]
    fn the_campaign_opens_on_1_september() {
        let t = timing(&example("phc"), day(2026, 3, 2));
        let phc = t.iter().find(|t| t.service == Service::Phc).expect("phc");
        assert_eq!(phc.opens_on, Some(day(2026, 9, 1)));
        assert!(phc.moments.is_empty() && phc.earliest.is_none());
    }

    /// The electronic pilot is valid until 30 June 2026: on 1 June its channels are said to close
    /// after 30 June.
    #[test]
    fn the_pilot_closes_after_30_june() {
        let t = timing(&example("registration-astana"), day(2026, 6, 1));
        let reg = t.iter().find(|t| t.service == Service::Registration).expect("registration");
        assert!(
            reg.closing.iter().any(|(c, last, p)| *c == Channel::ConSelfService && *last == day(2026, 6, 30) && p.act.id == "pilot"),
            "{:?}",
            reg.closing
        );
        // The registration rules set no term in days: no moment gives a result day.
        assert!(reg.moments.is_empty() && reg.earliest.is_none());
    }
}
