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
    // Acts applied decide something on the day; acts only mentioned are listed apart.
    for e in &o.editions {
        let decides = (o.reasons.iter().map(|r| r.citation))
            .chain(o.documents.iter().map(|d| d.citation))
            .chain(o.channels.iter().map(|c| c.citation))
            .chain(o.refusal_grounds.iter().map(|w| w.citation))
            .chain(o.fee.iter().map(|f| f.citation))
            .chain(o.timeline.iter().map(|m| m.citation))
            .any(|p| p.act.id == e.act && p.in_force(as_of));
        fail(decides, format!("act {} listed as applied but decides nothing in force", e.act));
        fail(!o.mentioned.contains(e), format!("act {} both applied and mentioned", e.act));
    }
    // The appeal route is shown on refusals and on "check with the provider" only.
    if !o.appeal.is_empty() {
        fail(matches!(o.verdict, Verdict::NotEligible | Verdict::CheckWithProvider), format!("appeal on a {:?} outcome", o.verdict));
    }
    // The result comes on or after the day the application is registered.
    if let Some(d) = &o.deadline {
        fail(d.result_on >= d.registered_on, format!("result {} before registration {}", d.result_on, d.registered_on));
    }
    v
}
