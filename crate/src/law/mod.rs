//! One module per legal source; rules in the source's paragraph order, each under a doc comment
//! that names its provision id (`677-p4-a5`) and paraphrases or quotes it.

pub mod licence_59;
pub mod phc_194;
pub mod pilot_500_801;
pub mod registration_677;
pub mod trp;

use crate::data::{Dated, Hours, Param, Provision};
use crate::deadline::{self, Term};
use crate::report::{Channel, Fee, Limit, Outcome, Service};
use crate::Answers;
use chrono::NaiveDate;

/// The value of a dated parameter on `day`. A day the data do not cover (before the first value, or
/// after the last day known) is said as [`Limit::RulesNotInData`]; the caller then leaves what the
/// parameter decides open and asks no fact for it (an answer could not settle it).
pub fn param<T>(out: &mut Outcome, p: &'static Param<T>, day: NaiveDate) -> Option<&'static Dated<T>> {
    let v = p.at(day).ok();
    if v.is_none() {
        out.limit(Limit::RulesNotInData { day });
    }
    v
}

/// The working hours of the provider that registers an application for `service` made through
/// `channel` (`None` for registration, whose own deadline counts from the arrival). The law modules
/// count their deadlines with these hours; the app names them where it asks whether the person
/// applies within them.
pub fn provider_hours(service: Service, channel: Option<Channel>) -> Option<&'static Param<Hours>> {
    use crate::data::{PARAM_HOURS_CON, PARAM_HOURS_LICENCE_PROVIDER, PARAM_HOURS_PHC_PROVIDER, PARAM_TRP_PROVIDER_HOURS};
    match service {
        Service::Phc => Some(&PARAM_HOURS_PHC_PROVIDER),
        Service::MedicalLicence => Some(&PARAM_HOURS_LICENCE_PROVIDER),
        // trp-page-term: the provider's hours are not in the source: ЦОН hours for the ЦОН
        // channels, and an unverified parameter for the police and the portal.
        Service::Trp => Some(match channel {
            Some(Channel::Con | Channel::ConSelfService | Channel::OperatingHall) => &PARAM_HOURS_CON,
            _ => &PARAM_TRP_PROVIDER_HOURS,
        }),
        Service::Registration => None,
    }
}

/// Computes the result date when the application moment is answered, with the provider's hours
/// in force on `as_of`, and records the calendar limits met.
pub fn apply_deadline(
    out: &mut Outcome,
    a: &Answers,
    as_of: NaiveDate,
    hours: &'static Param<Hours>,
    term: Term,
    citation: &'static Provision,
) {
    let Some(m) = a.application.moment() else { return };
    let Some(h) = param(out, hours, as_of) else { return };
    if h.provenance == crate::data::Provenance::Unverified {
        out.limit(Limit::Unverified { what: hours.name });
    }
    let Some((dl, limits)) = deadline::compute(m, h.value, term, citation) else {
        out.limit(Limit::RulesNotInData { day: m.date });
        return;
    };
    out.deadline = Some(dl);
    limits.into_iter().for_each(|l| out.limit(l));
}

/// The fee of `multiple` MCI on `day`, with tenge where the MCI of that day is set.
pub fn fee_in_mci(out: &mut Outcome, day: NaiveDate, multiple: f64, citation: &'static Provision) -> Fee {
    let mci = crate::data::PARAM_MCI.on(day, "fees").ok();
    if mci.is_none() {
        out.limit(Limit::MciNotSet { day });
    }
    let tenge = mci.map(|m| (multiple * m.value as f64).round() as i64);
    Fee { free: multiple == 0.0, mci_multiple: multiple, mci, tenge, citation }
}

/// A free service.
pub fn free(citation: &'static Provision) -> Fee {
    Fee { free: true, mci_multiple: 0.0, mci: None, tenge: Some(0), citation }
}
