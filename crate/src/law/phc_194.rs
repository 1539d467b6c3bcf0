//! Attachment to a primary health care (PHC) organisation.
//!
//! Order of the Minister of Health No. ҚР ДСМ-194/2020 of 13.11.2020, "Rules for attachment of
//! individuals to healthcare organisations providing PHC", para 25, as the egov service page
//! (`shared/sources/phc-attachment.en.txt`, undated) states it; who is covered and the age rule
//! come from the research notes §1.2 (secondary).

use crate::answers::{age_on, phc::PhcReason, LegalStatus};
use crate::data::*;
use crate::deadline::Term;
use crate::report::{Channel, Check, Outcome, Service};
use crate::{Answers, Context};

pub fn evaluate(a: &Answers, ctx: &Context) -> Outcome {
    let mut out = Outcome::new(Service::Phc, "attachment");
    let p = &a.person;
    let phc = &a.phc;

    // secondary (baq.kz 2025-08-26): citizens, kandas, refugees and residence-permit holders are
    // covered; temporarily staying foreigners and EAEU migrants only with medical insurance.
    let covered = p.status.map(|s| match s {
        LegalStatus::Citizen | LegalStatus::Kandas | LegalStatus::Refugee | LegalStatus::PermanentResident => Some(true),
        LegalStatus::TemporaryResident | LegalStatus::EaeuWorker => phc.has_insurance,
    });
    out.reason(
        Check::new("phc.covered_person", &P_PHC_COVERED)
            .scope()
            .uses("person.status", p.status.is_some())
            .uses("phc.has_insurance", phc.has_insurance.is_some())
            .status(covered.flatten()),
    );

    // 194-p25 (service page, opening paragraph): the free change is allowed twice a year.
    if phc.reason == Some(PhcReason::FreeChange) {
        let limit = PARAM_PHC_FREE_CHANGES_PER_YEAR.at(ctx.as_of).ok().map(|v| v.value);
        let within = phc.changes_this_year.zip(limit).map(|(n, l)| i64::from(n) < l);
        out.reason(
            Check::new("phc.free_change_limit", &P_194_PAGE_REASONS)
                .uses("phc.changes_this_year", phc.changes_this_year.is_some())
                .status(within),
        );
    }
    out.reason(
        Check::new("phc.reason_given", &P_194_PAGE_REASONS).uses("phc.reason", phc.reason.is_some()).status(phc.reason.map(|_| true)),
    );

    // secondary: 18+ attach themselves; minors through a legal representative.
    if let Some(age) = p.date_of_birth.and_then(|d| age_on(d, ctx.as_of)) {
        let _ = age; // the PHC helper completes the representative rule and the documents
    }

    out.document("identity_document", "everyone", &P_194_PAGE_DOCS_1, false);
    out.channel(Channel::EgovEds, true, "portal_with_eds", &P_194_P25);
    out.channel(Channel::ProviderOffice, true, "provider_office", &P_194_PAGE_DOCS_1);
    out.fee = Some(super::free(&P_194_P25));

    super::apply_deadline(&mut out, a, ctx.as_of, &PARAM_HOURS_PHC_PROVIDER, Term::ResultOnRegistrationIfLate(1), &P_194_P25);
    out.finish(ctx.as_of, &crate::answers::field_order(crate::answers::phc::FIELDS))
}
