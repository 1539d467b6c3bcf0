//! What every outcome keeps, whatever the answers: an outcome never contradicts itself.
//!
//! The scenarios, generated answers and the fuzz driver all run [`violations`]; each line it
//! returns is a broken promise, worded for a developer. The rules never call it.

use crate::answers::Answers;
use crate::report::{Outcome, Role, Status, Verdict};
use chrono::NaiveDate;

/// Every invariant `o` (evaluated from `a` as of `as_of`) breaks; empty when it keeps them all.
pub fn violations(a: &Answers, o: &Outcome, as_of: NaiveDate) -> Vec<String> {
    let mut v = Vec::new();
    let mut fail = |cond: bool, msg: String| {
        if !cond {
            v.push(format!("{:?}: {msg}", o.service));
        }
    };
    let firm_refusal = |role| o.reasons.iter().any(|r| r.role == role && r.status == Status::NotMet && r.firm());
    let open = o.channels.iter().filter(|c| c.available).count();

    // The verdict follows from the reasons.
    match o.verdict {
        Verdict::NotApplicable => fail(firm_refusal(Role::Scope), "not applicable without a firm scope not met".into()),
        Verdict::NotEligible => {
            fail(!firm_refusal(Role::Scope), "not eligible while a firm scope is not met".into());
            fail(firm_refusal(Role::Condition), "not eligible without a firm condition not met".into());
        }
        _ => fail(
            !firm_refusal(Role::Scope) && !firm_refusal(Role::Condition),
            format!("{:?} while a firm deciding reason is not met", o.verdict),
        ),
    }
    if o.verdict == Verdict::NeedsInfo {
        fail(!o.missing.is_empty(), "needs information but names no fact to ask".into());
        for m in &o.missing {
            fail(!a.answered(m), format!("asks again for {m}, already answered"));
        }
    } else {
        fail(o.missing.is_empty(), format!("{:?} with facts still missing", o.verdict));
    }
    if o.verdict == Verdict::CheckWithProvider {
        let unsettled = o
            .reasons
            .iter()
            .any(|r| r.decides() && ((r.status == Status::NotMet && !r.firm()) || (r.status == Status::Unknown && r.missing.is_empty())));
        fail(unsettled, "check with the provider, yet every deciding reason is settled".into());
    }
    // An eligible outcome has a way to apply; "no channel open" has channels, all closed.
    if o.verdict == Verdict::Eligible {
        fail(o.channels.is_empty() || open > 0, "eligible with every channel closed".into());
    }
    if o.verdict == Verdict::NoChannelOpen {
        fail(!o.channels.is_empty() && open == 0, "no channel open, yet one is open".into());
    }
    // A document never names a channel the person cannot use.
    for d in &o.documents {
        if let Some(c) = d.channel {
            fail(o.channels.iter().any(|x| x.channel == c && x.available), format!("document {} names closed channel {c:?}", d.code));
        }
    }
    // Every deciding provision whose wording is not in force on the day is said, and only those.
    for p in o.deciding_citations() {
        let said = o.limits.contains(&crate::report::Limit::ProvisionNotInForce { id: p.id });
        fail(said != p.in_force(as_of), format!("provision {} in force {}, said not in force {said}", p.id, p.in_force(as_of)));
    }
    for l in &o.limits {
        if let crate::report::Limit::ProvisionNotInForce { id } = l {
            fail(o.deciding_citations().any(|p| p.id == *id), format!("provision {id} said not in force but not cited"));
        }
    }
    // Acts applied decide something on the day; acts only mentioned are listed apart.
    let mentioned = o.mentioned();
    for e in &o.editions() {
        let decides = o.deciding_citations().any(|p| p.act.id == e.act && p.in_force(as_of));
        fail(decides, format!("act {} listed as applied but decides nothing in force", e.act));
        fail(!mentioned.contains(e), format!("act {} both applied and mentioned", e.act));
    }
    // The appeal route is shown on refusals and on "check with the provider" only.
    if !o.appeal.is_empty() {
        fail(matches!(o.verdict, Verdict::NotEligible | Verdict::CheckWithProvider), format!("appeal on a {:?} outcome", o.verdict));
    }
    // The result comes on or after the day the application is registered, both working days, and
    // the registration is not before the application.
    if let Some(d) = &o.deadline {
        fail(d.result_on >= d.registered_on, format!("result {} before registration {}", d.result_on, d.registered_on));
        fail(d.registered_on >= d.applied.date, format!("registered {} before the application {}", d.registered_on, d.applied.date));
        fail(crate::calendar::is_working_day(d.result_on), format!("result on {}, not a working day", d.result_on));
        fail(crate::calendar::is_working_day(d.registered_on), format!("registered on {}, not a working day", d.registered_on));
    }
    // "Eligible" has no deciding reason left not met or unknown.
    if o.verdict == Verdict::Eligible {
        for r in o.reasons.iter().filter(|r| r.decides() && r.status != Status::Met) {
            fail(false, format!("eligible while {} is {:?}", r.code, r.status));
        }
    }
    v
}

/// Every invariant a whole report breaks: one outcome per service asked for (all four when none
/// is named), in the order of [`Service::ALL`](crate::Service::ALL), the edition of this build, the
/// day asked for, and each outcome's own [`violations`].
pub fn report_violations(a: &Answers, as_of: NaiveDate, r: &crate::Report) -> Vec<String> {
    let mut v = Vec::new();
    let wanted: Vec<crate::Service> = a.wanted().collect();
    let got: Vec<crate::Service> = r.outcomes.iter().map(|o| o.service).collect();
    if got != wanted {
        v.push(format!("outcomes for {got:?}, asked for {wanted:?}"));
    }
    if r.edition != crate::report::edition() {
        v.push(format!("edition {:?} is not this build's", r.edition));
    }
    if r.as_of != as_of {
        v.push(format!("report as of {}, asked for {as_of}", r.as_of));
    }
    for o in &r.outcomes {
        v.extend(violations(a, o, as_of));
    }
    v
}
