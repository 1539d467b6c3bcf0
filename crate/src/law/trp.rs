//! Temporary residence permit (TRP, РВП) for foreigners and stateless persons.
//!
//! The source is the egov service page (`shared/sources/trp-foreigners.en.txt`, undated, no
//! paragraph numbers; the Rules behind it are MIA Order No. 992 of 04.12.2015): fingerprinting
//! from 1 Jan 2024, the online channels, the two refusal grounds for all subtypes, the household
//! cap of art. 43-2 p. 5 of the Law on population migration, "Free", "1 working day". Its document
//! lists are empty in the copy at hand, so the documents come from the research notes §3.4–§3.5
//! (gov.kz / egov.kz: official; toshkent24, KPMG: secondary), as do the visa-free states (§3.2,
//! secondary) and the age rule (§3.2, secondary). Provision ids: `trp-page-…` for the source page,
//! `trp-gov-…`, `trp-egov-…`, `trp-t24-…` for the notes' lists; see `data/provisions/trp.toml`
//! and `docs/provisions.md §3`.

use crate::answers::trp::{TrpAnswers, TrpSubtype};
use crate::answers::{age_on, LegalStatus, Person};
use crate::data::*;
use crate::deadline::Term;
use crate::report::{Channel, Check, Limit, Milestone, MilestoneKind, Outcome, Service, Status};
use crate::{fact, Answers, Context};
use chrono::{Datelike, NaiveDate};

/// The states of a dated code list in force on `as_of` (empty when the data has no value).
fn codes(p: &'static Param<Codes>, as_of: NaiveDate) -> Codes {
    p.at(as_of).map(|v| v.value).unwrap_or(&[])
}

const STATELESS: &str = "stateless";

/// Evaluates into `out`, which it first empties ([`Outcome::start`]). Never inlined: inlined into
/// [`crate::evaluate_into`], the compiler hoists each service's work out of its loop over services, so
/// evaluating one service would pay for all four.
#[inline(never)]
pub fn evaluate(a: &Answers, ctx: &Context, out: &mut Outcome) {
    let t = &a.trp;
    let p = &a.person;
    let case = match t.subtype {
        None | Some(TrpSubtype::Other) => "trp",
        Some(s) => s.code(),
    };
    out.start(Service::Trp, case);

    // Who the service is for: a foreigner or stateless person (trp-page-service) whose legal status
    // takes a TRP, 16 or older. A firm "not for you" ends here; one resting on a secondary source
    // goes on, so the person sees what applying would take while confirming it.
    let foreigner = out.reason(foreigner_or_stateless(p));
    if foreigner != Status::NotMet {
        status_takes_trp(out, p);
    }
    own_permit_age(out, p, ctx.as_of);
    if out.out_of_scope() {
        return out.finish(ctx.as_of);
    }

    // trp-visa-free-states (secondary): only nationals of the seven visa-free states.
    visa_free_state(out, p, ctx.as_of);

    // trp-law-6-1 (secondary) and §3.5: a ground (subtype) on which a TRP is issued.
    out.reason(
        Check::new("trp.ground_listed", &P_TRP_LAW_6_1)
            .uses(fact!("trp.subtype"), t.subtype.is_some())
            .status(t.subtype.map(|s| s != TrpSubtype::Other)),
    );

    // trp-page-refusal-household: the household-work cap (Law art. 43-2 p. 5).
    if t.subtype == Some(TrpSubtype::HouseholdWork) {
        let cap = household_cap(out, t, ctx.as_of);
        out.reason(cap);
    }

    channels(out, t, ctx.as_of);
    common_documents(out, p, t, ctx.as_of);
    if let Some(s) = t.subtype {
        subtype_documents(out, s, ctx.as_of);
    }

    // trp-page-refusal-1, trp-page-refusal-2: "For all subspecies".
    out.refusal_ground("trp.refusal_unreliable_documents", &P_TRP_PAGE_REFUSAL_1);
    out.refusal_ground("trp.refusal_data_noncompliant", &P_TRP_PAGE_REFUSAL_2);
    if t.subtype == Some(TrpSubtype::HouseholdWork) {
        out.refusal_ground("trp.refusal_household_cap", &P_TRP_PAGE_REFUSAL_HOUSEHOLD);
    }

    // trp-page-appeal: "The appeal submitted in hard copy or electronic form", under the
    // Administrative Procedural Code and the Law "On public services".
    out.appeal("trp.appeal_paper_or_electronic", &P_TRP_PAGE_APPEAL);

    // trp-personal-presence (secondary).
    out.note("trp.personal_presence", &P_TRP_PERSONAL_PRESENCE);

    // trp-page-fee: "Free".
    out.fee = Some(super::free(&P_TRP_PAGE_FEE));

    // trp-page-term: "1 working day". Provider hours are not in the source: ЦОН hours for the ЦОН
    // channels, and an unverified parameter for the police and the portal (`provider_hours`).
    if let Some(n) = super::param(out, &PARAM_TRP_TERM_WD, ctx.as_of).and_then(|v| u32::try_from(v.value).ok()) {
        let hours = super::provider_hours(Service::Trp, a.application.channel).unwrap_or(&PARAM_TRP_PROVIDER_HOURS);
        super::apply_deadline(out, a, ctx.as_of, hours, Term::WorkingDays(n), &P_TRP_PAGE_TERM);
    }

    out.finish(ctx.as_of)
}

/// trp-page-service: "the issuance of temporary residence permits to foreigners and stateless
/// persons": a citizen of Kazakhstan is out of scope, by status or by citizenship `KAZ`.
fn foreigner_or_stateless(p: &Person) -> crate::report::Reason {
    let citizen_by_status = p.status.map(|s| s == LegalStatus::Citizen);
    let kaz = p.citizenship.as_deref().map(|c| c == "KAZ");
    let foreigner = match (citizen_by_status, kaz) {
        (Some(true), _) | (_, Some(true)) => Some(false),
        (Some(false), _) | (_, Some(false)) => Some(true),
        (None, None) => None,
    };
    Check::new("trp.foreigner_or_stateless", &P_TRP_PAGE_SERVICE)
        .scope()
        .uses(fact!("person.status"), p.status.is_some())
        .uses(fact!("person.citizenship"), p.citizenship.is_some())
        .status(foreigner)
}

/// Whether the person's legal status takes a TRP at all (docs/provisions.md §3, decision T1):
/// - staying temporarily (visa-free, visa, or with a TRP) and EAEU labour migrants: yes — the
///   permit is "for foreigners and stateless persons" staying in the country (trp-page-service);
/// - a permanent residence permit holder already resides permanently: a temporary permit is not
///   for them (trp-page-service, the service's name) — not applicable;
/// - refugees and kandas have statuses of their own that the sources at hand do not connect with a
///   TRP either way: not met, but resting on no source, so they confirm with the migration service.
fn status_takes_trp(out: &mut Outcome, p: &Person) {
    let c = Check::new("trp.status_takes_trp", &P_TRP_PAGE_SERVICE).scope().uses(fact!("person.status"), p.status.is_some());
    let r = match p.status {
        None => c.status(None),
        Some(LegalStatus::TemporaryResident | LegalStatus::EaeuWorker) => c.status(Some(true)),
        // A citizen is out of scope by `foreigner_or_stateless`.
        Some(LegalStatus::Citizen) => return,
        Some(LegalStatus::PermanentResident) => {
            out.note("trp.permanent_resident_has_prp", &P_TRP_PAGE_SERVICE);
            c.status(Some(false))
        }
        Some(LegalStatus::Refugee | LegalStatus::Kandas) => {
            out.note("trp.status_of_its_own", &P_TRP_PAGE_SERVICE);
            c.rests_on(Provenance::Unverified).status(Some(false))
        }
    };
    out.reason(r);
}

/// trp-age-16 (secondary): "Children under 16 do not need their own TRP"; "an immigrant who
/// turns 16 in Kazakhstan must apply within 10 calendar days of the 16th birthday". The
/// milestone is shown until the 17th birthday, when the day it counts from is known.
fn own_permit_age(out: &mut Outcome, p: &Person, as_of: NaiveDate) -> Status {
    let min_age = super::param(out, &PARAM_TRP_OWN_PERMIT_AGE, as_of).and_then(|v| u32::try_from(v.value).ok());
    let age = p.date_of_birth.and_then(|d| age_on(d, as_of));
    let mut check = Check::new("trp.own_permit_age", &P_TRP_AGE_16).scope();
    // Before the age is in the data the date of birth could not settle it: not asked.
    if min_age.is_some() {
        check = check.uses(fact!("person.date_of_birth"), p.date_of_birth.is_some());
    }
    let status = out.reason(check.status(age.zip(min_age).map(|(age, min)| age >= min)));
    if let (Some(dob), Some(age), Some(min)) = (p.date_of_birth, age, min_age) {
        let days = PARAM_TRP_TURNING_16_APPLY_CD.at(as_of).ok().and_then(|v| u32::try_from(v.value).ok());
        if let (true, Some(days), Some(birthday)) = (age <= min, days, birthday(dob, min)) {
            let by = birthday.checked_add_days(chrono::Days::new(u64::from(days)));
            out.milestone(Milestone {
                code: "trp.apply_after_16th_birthday",
                kind: MilestoneKind::ApplyBy,
                from: Some(birthday),
                working_days: None,
                calendar_days: Some(days),
                hours: None,
                by,
                citation: &P_TRP_AGE_16,
            });
        }
    }
    status
}

/// The day a person born on `dob` reaches `years` of age, as `age_on` counts it (a 29 February
/// birthday is reached on 1 March in a common year).
fn birthday(dob: NaiveDate, years: u32) -> Option<NaiveDate> {
    let y = dob.year().checked_add(i32::try_from(years).ok()?)?;
    NaiveDate::from_ymd_opt(y, dob.month(), dob.day()).or_else(|| NaiveDate::from_ymd_opt(y, 3, 1))
}

/// trp-visa-free-states (secondary): "only to citizens of Azerbaijan, Armenia, Belarus,
/// Kyrgyzstan, Russia, Tajikistan and Uzbekistan. Others use visas." The list is by nationality,
/// so it cannot decide for a stateless person: a note says so instead.
fn visa_free_state(out: &mut Outcome, p: &Person, as_of: NaiveDate) {
    if p.citizenship.as_deref() == Some(STATELESS) {
        out.note("trp.stateless_visa_free", &P_TRP_VISA_FREE_STATES);
        return;
    }
    out.reason(
        Check::new("trp.visa_free_state_national", &P_TRP_VISA_FREE_STATES)
            .uses(fact!("person.citizenship"), p.citizenship.is_some())
            .status(p.citizenship.as_deref().map(|c| codes(&PARAM_TRP_VISA_FREE_STATES, as_of).contains(&c))),
    );
}

/// trp-page-refusal-household: refused when "exceeding the number of valid temporary residence
/// permits (more than five) issued to the employer on the basis of employment contracts for the
/// performance of work (provision of services) in the household" (Law art. 43-2 p. 5). With five
/// valid already, this one would be the sixth: not met; with four, it is the fifth: met.
fn household_cap(out: &mut Outcome, t: &TrpAnswers, as_of: NaiveDate) -> crate::report::Reason {
    let max = super::param(out, &PARAM_TRP_HOUSEHOLD_WORK_MAX_PERMITS, as_of).map(|v| v.value);
    // This application would be permit number n + 1: allowed while n + 1 ≤ max, i.e. n < max.
    let within = t.employer_household_permits.zip(max).map(|(n, max)| i64::from(n) < max);
    let mut check = Check::new("trp.household_employer_cap", &P_TRP_PAGE_REFUSAL_HOUSEHOLD);
    if max.is_some() {
        check = check.uses(fact!("trp.employer_household_permits"), t.employer_household_permits.is_some());
    }
    check.status(within)
}

/// The channels of the service page: the portal with EDS or with a one-time password (the phone
/// must be registered in the mobile citizens database), ЦОН, and the provider (migration police,
/// where fingerprinting is done from 2024-01-01).
fn channels(out: &mut Outcome, t: &TrpAnswers, as_of: NaiveDate) {
    // trp-page-online-eds.
    out.channel(Channel::EgovEds, true, "trp.eds_signature", &P_TRP_PAGE_ONLINE_EDS);
    // trp-page-online-otp: "registration in citizens` mobile database is required".
    let (otp, why) = match t.phone_in_mobile_database {
        Some(true) => (true, "trp.otp_phone_registered"),
        Some(false) => (false, "trp.otp_phone_not_registered"),
        None => {
            out.refine(fact!("trp.phone_in_mobile_database"));
            (true, "trp.otp_if_phone_registered")
        }
    };
    out.channel(Channel::EgovOtp, otp, why, &P_TRP_PAGE_ONLINE_OTP);
    // trp-page-docs-con.
    out.channel(Channel::Con, true, "trp.con_documents", &P_TRP_PAGE_DOCS_CON);
    // trp-page-docs-provider; trp-provider-police (secondary): the migration police.
    if fingerprinting_required(as_of) {
        out.channel(Channel::ProviderOffice, true, "trp.migration_police_fingerprinting", &P_TRP_PROVIDER_POLICE);
    } else {
        out.channel(Channel::ProviderOffice, true, "trp.migration_police", &P_TRP_PAGE_DOCS_PROVIDER);
    }
}

/// trp-page-fingerprinting: "From January 1, 2024 … mandatory fingerprinting registration."
fn fingerprinting_required(as_of: NaiveDate) -> bool {
    PARAM_TRP_FINGERPRINTING_FROM.at(as_of).is_ok_and(|v| v.value <= as_of)
}

/// trp-gov-docs-1…5 (official, research notes §3.4): the documents of every subtype.
fn common_documents(out: &mut Outcome, p: &Person, t: &TrpAnswers, as_of: NaiveDate) {
    out.document("trp.application_form", "trp.everyone", &P_TRP_GOV_DOCS_1, false);
    out.document("trp.identity_document_copy", "trp.everyone", &P_TRP_GOV_DOCS_2, false);

    // trp-gov-docs-3: "Not required for EAEU citizens" (membership: trp-eaeu-members, unverified).
    match p.citizenship.as_deref() {
        Some(STATELESS) => out.document("trp.medical_insurance", "trp.not_eaeu_citizen", &P_TRP_GOV_DOCS_3, false),
        Some(c) => {
            out.limit(Limit::Unverified { what: PARAM_EAEU_MEMBERS.name });
            if !codes(&PARAM_EAEU_MEMBERS, as_of).contains(&c) {
                out.document("trp.medical_insurance", "trp.not_eaeu_citizen", &P_TRP_GOV_DOCS_3, false);
            }
        }
        None => out.document("trp.medical_insurance", "trp.if_not_eaeu_citizen", &P_TRP_GOV_DOCS_3, false),
    }

    // trp-gov-docs-4: "if the receiving party is not the owner of the housing".
    match t.host_owns_housing {
        Some(true) => {}
        Some(false) => out.document("trp.owner_consent_notarized", "trp.host_not_owner", &P_TRP_GOV_DOCS_4, false),
        None => {
            out.refine(fact!("trp.host_owns_housing"));
            out.document("trp.owner_consent_notarized", "trp.if_host_not_owner", &P_TRP_GOV_DOCS_4, false)
        }
    }

    // trp-gov-docs-5 with trp-page-fingerprinting: from 2024-01-01 only.
    if fingerprinting_required(as_of) {
        out.document("trp.fingerprinting_certificate", "trp.fingerprinting_mandatory", &P_TRP_GOV_DOCS_5, false);
    }
}

/// trp-gov-subtype-1…6, trp-egov-subtype-7 (official), trp-t24-subtype-8…13 (secondary),
/// trp-905-contract (secondary, from 2024-12-08): the extra documents of each subtype.
fn subtype_documents(out: &mut Outcome, s: TrpSubtype, as_of: NaiveDate) {
    let extra: &[(&'static str, &'static Provision)] = match s {
        TrpSubtype::FamilyReunification => &[("trp.family_relation_document", &P_TRP_GOV_SUBTYPE_1)],
        TrpSubtype::Labour => &[("trp.foreign_labour_permit_or_qualification_certificate", &P_TRP_GOV_SUBTYPE_2)],
        TrpSubtype::HouseholdWork => &[("trp.labour_immigrant_permit", &P_TRP_GOV_SUBTYPE_3)],
        TrpSubtype::PermitExemptWorker => &[("trp.registered_contract", &P_TRP_GOV_SUBTYPE_4)],
        TrpSubtype::IntraCorporate => &[("trp.business_trip_order", &P_TRP_GOV_SUBTYPE_5)],
        TrpSubtype::Journalist => &[("trp.accreditation_document", &P_TRP_GOV_SUBTYPE_6)],
        TrpSubtype::AifcEmployee => &[("trp.aifc_contract", &P_TRP_EGOV_SUBTYPE_7)],
        TrpSubtype::AifcInvestmentResident => &[("trp.aifc_administration_petition", &P_TRP_T24_SUBTYPE_8)],
        TrpSubtype::Study => &[("trp.education_organisation_petition", &P_TRP_T24_SUBTYPE_9)],
        TrpSubtype::Treatment => &[("trp.medical_organisation_documents", &P_TRP_T24_SUBTYPE_10)],
        TrpSubtype::Missionary => &[("trp.religious_affairs_certificate", &P_TRP_T24_SUBTYPE_11)],
        TrpSubtype::BusinessImmigrant => &[
            ("trp.medical_certificate_028", &P_TRP_T24_SUBTYPE_12),
            ("trp.emergency_medical_insurance", &P_TRP_T24_SUBTYPE_12),
            ("trp.no_criminal_record_certificate", &P_TRP_T24_SUBTYPE_12),
        ],
        TrpSubtype::TraffickingVictim => &[("trp.local_executive_body_petition", &P_TRP_T24_SUBTYPE_13)],
        // trp-law-7: no extra document is listed for applicants for a permanent residence permit.
        TrpSubtype::PrpApplicant | TrpSubtype::Other => &[],
    };
    for &(code, citation) in extra {
        out.document(code, "trp.subtype_document", citation, false);
    }
    // trp-905-contract: "a registered employment contract is needed for all labour TRPs" from
    // 2024-12-08. Labour TRPs are the two "for employment" subtypes: labour and household work
    // (permit-exempt workers already bring it).
    let labour = matches!(s, TrpSubtype::Labour | TrpSubtype::HouseholdWork);
    let from = PARAM_TRP_REGISTERED_CONTRACT_FROM.at(as_of).ok().map(|v| v.value);
    if labour && from.is_some_and(|f| f <= as_of) {
        out.document("trp.registered_contract", "trp.labour_contract_rule", &P_TRP_905_CONTRACT, false);
    }
}
