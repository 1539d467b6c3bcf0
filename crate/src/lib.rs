//! # Tekser rules
//!
//! Who may apply, which documents to bring, what it costs and when the answer is due, for four
//! public services of Kazakhstan — evaluated **as of a date**, with a citation on every reason.
//!
//! ```
//! use tekser_rules::{evaluate, Answers, Context};
//! let answers: Answers = Default::default();
//! let report = evaluate(&answers, &Context { as_of: chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap() });
//! assert_eq!(report.outcomes.len(), 4);
//! ```
//!
//! **Architecture invariants.** This crate does no IO, reads no clock, starts no thread and has no
//! web dependency: `as_of` and the moment of application are inputs. Every amount, term, date
//! and text comes from `data/`, compiled in by `build.rs`. Missing answers are not errors: the
//! report lists them.
//!
//! ## Data sources
//! `data/acts.toml` lists the acts; `data/provisions/` quotes each cited unit; `data/params/`
//! holds the dated parameters (MCI, fees, terms, hours, norms); `data/calendar.toml` the holidays,
//! Kurban Ait dates and transfer orders; `data/texts/` every user-facing text in kk, ru and en.

pub mod answers;
pub mod calendar;
pub mod changes;
pub mod compact;
pub mod data;
pub mod deadline;
pub mod details;
pub mod ids;
pub mod input;
pub mod invariants;
pub mod law;
pub mod link;
pub mod map;
pub mod order;
pub mod report;
pub mod text;
pub mod timing;
pub mod whatif;

pub use answers::{Answers, InputError};
pub use details::Details;
pub use report::{Outcome, Report, Service, Verdict};
pub use text::{text, Lang};

use chrono::NaiveDate;

/// What the evaluation needs besides the answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Context {
    /// The date whose rules apply.
    pub as_of: NaiveDate,
}

/// Applies the rules in force on `ctx.as_of` to the answers: one outcome per service asked for.
pub fn evaluate(a: &Answers, ctx: &Context) -> Report {
    let mut report = Report { as_of: ctx.as_of, edition: report::edition(), outcomes: Vec::new() };
    evaluate_into(a, ctx, &mut report);
    report
}

/// [`evaluate`] into a report already made, replacing what it held. Each outcome keeps the room its
/// lists already have, so a search evaluating many answer sets into one report allocates nothing
/// after the first evaluation.
pub fn evaluate_into(a: &Answers, ctx: &Context, report: &mut Report) {
    report.as_of = ctx.as_of;
    report.edition = report::edition();
    let (mut services, mut wanted) = ([Service::Phc; 4], 0);
    for s in a.wanted() {
        services[wanted] = s;
        wanted += 1;
    }
    // Outcomes to fill: those of the last evaluation, and new ones as needed (each is started by its
    // law module, whatever it held).
    report.outcomes.truncate(wanted);
    report.outcomes.reserve_exact(wanted - report.outcomes.len());
    report.outcomes.resize_with(wanted, || Outcome::new(Service::Phc, ""));
    for (s, out) in services.into_iter().zip(report.outcomes.iter_mut()) {
        match s {
            Service::Phc => law::phc_194::evaluate(a, ctx, out),
            Service::MedicalLicence => law::licence_59::evaluate(a, ctx, out),
            Service::Trp => law::trp::evaluate(a, ctx, out),
            Service::Registration => law::registration_677::evaluate(a, ctx, out),
        }
    }
}
