//! Attachment to a primary health care (PHC) organisation.
//!
//! Order of the Minister of Health No. ҚР ДСМ-194/2020 of 13.11.2020, "Rules for attachment of
//! individuals to healthcare organisations providing PHC", as the egov service page states it
//! (`shared/sources/phc-attachment.en.txt`, undated, without paragraph numbers except para 25: cited
//! by its finest unit, `194-page-…`). Who is covered, the age rule, the territory, the fee and the
//! refusal grounds come from the research notes §1 (provenance official or secondary, as marked on
//! each provision in `data/provisions/phc_194.toml`).
//!
//! The rules below follow the page from top to bottom — the three uses of the service (opening
//! paragraph), para 25 (term), the online route, the office route and its document list (lines
//! 1–11), the result forms — and then the facts of the research notes. `docs/provisions.md §1`
//! maps every unit of the page to the function that implements it.

use crate::answers::phc::{PhcAnswers, PhcApplicant, PhcCategory, PhcReason};
use crate::answers::{age_on, LegalStatus};
use crate::data::*;
use crate::deadline::Term;
use crate::report::{Channel, Check, Milestone, MilestoneKind, Outcome, Service};
use crate::{fact, Answers, Context};
use chrono::{Datelike, NaiveDate};

/// Evaluates into `out`, which it first empties ([`Outcome::start`]). Never inlined: inlined into
/// [`crate::evaluate_into`], the compiler hoists each service's work out of its loop over services, so
/// evaluating one service would pay for all four.
#[inline(never)]
pub fn evaluate(a: &Answers, ctx: &Context, out: &mut Outcome) {
    out.start(Service::Phc, "phc.attachment");
    let phc = &a.phc;
    let age = a.person.date_of_birth.and_then(|d| age_on(d, ctx.as_of));
    let adult_age = super::param(out, &PARAM_PHC_ADULT_AGE, ctx.as_of).map(|v| v.value);
    // `Some(true)`: under 18 on `as_of`; `None` while the date of birth is not answered.
    let minor = age.zip(adult_age).map(|(y, adult)| i64::from(y) < adult);
    // Whether the date of birth is answered, where an age can decide anything on `as_of`; `None`
    // before the age of majority is in the data: then the date of birth is not asked for it.
    let dob_answered = adult_age.map(|_| a.person.date_of_birth.is_some());

    // ---- the service page, from the top
    ground_to_apply(out, phc);
    free_change_limit(out, phc, ctx);
    campaign_window(out, a, ctx);
    term(out, a, ctx);
    channels(out, a);
    documents(out, a, minor);
    result_forms(out);

    // ---- the research notes §1
    covered_person(out, a);
    applicant_by_age(out, phc, minor, dob_answered);
    territorial_unit(out, phc);
    under_five(out, age, ctx);
    out.fee = Some(super::free(&P_PHC_PASSPORT_FEE));
    refusal_grounds(out);
    out.note("phc.automatic_detachment", &P_PHC_DETACHMENT);

    out.finish(ctx.as_of)
}

// ------------------------------------------------------------------ opening paragraph: the uses

/// 194-page-reasons: "The service can be used in the event of a change of residence (relocation)
/// [194-page-reasons-1], if one wishes to change the medical organization (free registration)
/// [-2], or during the registration campaign [-3]." These are changes of organisation; a first
/// attachment (someone attached nowhere yet) is not among them, yet the page's own document list
/// serves it: "A document confirming birth in a foreign country – for children born in foreign
/// countries" [194-page-docs-9] and the wards of baby homes [-10] are attached for the first time.
/// So a first attachment is a ground (docs/provisions.md §1, decision D1). Reading the three uses
/// as exhaustive for anything else is an interpretation the page does not state: "other" is shown
/// as not met but does not refuse by itself (it rests on an unverified reading).
fn ground_to_apply(out: &mut Outcome, phc: &PhcAnswers) {
    let (citation, status) = match phc.reason {
        None => (&P_194_PAGE_REASONS, None),
        Some(PhcReason::Relocation) => (&P_194_PAGE_REASONS_1, Some(true)),
        Some(PhcReason::FreeChange) => (&P_194_PAGE_REASONS_2, Some(true)),
        Some(PhcReason::Campaign) => (&P_194_PAGE_REASONS_3, Some(true)),
        Some(PhcReason::FirstAttachment) => (&P_194_PAGE_DOCS_9, Some(true)),
        Some(PhcReason::Other) => (&P_194_PAGE_REASONS, Some(false)),
    };
    let mut check = Check::new("phc.ground_to_apply", citation).uses(fact!("phc.reason"), phc.reason.is_some());
    if phc.reason == Some(PhcReason::Other) {
        check = check.rests_on(Provenance::Unverified);
    }
    out.reason(check.status(status));
}

/// 194-page-reasons-2: "free registration – such a change is allowed twice a year". The limit is
/// the dated parameter `phc_free_changes_per_year` (older passports: once a year); "a year" is read
/// as the calendar year of `as_of`, and relocations and campaign attachments do not count.
fn free_change_limit(out: &mut Outcome, phc: &PhcAnswers, ctx: &Context) {
    if phc.reason != Some(PhcReason::FreeChange) {
        return;
    }
    let p = &PARAM_PHC_FREE_CHANGES_PER_YEAR;
    let limit = super::param(out, p, ctx.as_of).map(|v| v.value);
    let within = phc.changes_this_year.zip(limit).map(|(used, limit)| i64::from(used) < limit);
    // The day "twice a year" began is not known (it may be earlier than its `from`): a person
    // whom the earlier "once a year" refuses but "twice" would not is not refused by it.
    let basis = phc.changes_this_year.map_or(Provenance::Source, |used| p.basis_where(ctx.as_of, |l| i64::from(used) < *l));
    let mut check = Check::new("phc.free_change_limit", &P_194_PAGE_REASONS_2).rests_on(basis);
    if limit.is_some() {
        check = check.uses(fact!("phc.changes_this_year"), phc.changes_this_year.is_some());
    }
    out.reason(check.status(within));
}

/// 194-page-reasons-3: "during the registration campaign from September 1 to November 1 (the
/// registration takes effect from January 2026)". The window (`phc_campaign_window`) is checked on
/// the day of application (`as_of` when that is not answered): an application made on the last day
/// of the window counts even when para 25 moves its acceptance to the next working day. Outside the
/// window the campaign is not a ground. Inside it, the attachment takes effect on `phc_campaign_effect`
/// (1 January) of the next year, provided the organisation has a contract with the Social Health
/// Insurance Fund (phc-campaign-contract, secondary).
fn campaign_window(out: &mut Outcome, a: &Answers, ctx: &Context) {
    if a.phc.reason != Some(PhcReason::Campaign) {
        return;
    }
    let day = a.application.date.unwrap_or(ctx.as_of);
    let window = super::param(out, &PARAM_PHC_CAMPAIGN_WINDOW, ctx.as_of);
    let open = window.map(|w| w.value.contains(day));
    let basis = PARAM_PHC_CAMPAIGN_WINDOW.basis_where(ctx.as_of, |w| w.contains(day));
    let mut check = Check::new("phc.campaign_window", &P_194_PAGE_REASONS_3).rests_on(basis);
    if a.application.date.is_some() {
        check = check.uses(fact!("application.date"), true);
    }
    out.reason(check.status(open));
    if open != Some(true) {
        return;
    }
    let effect = PARAM_PHC_CAMPAIGN_EFFECT
        .at(ctx.as_of)
        .ok()
        .and_then(|e| NaiveDate::from_ymd_opt(day.year() + 1, e.value.start.0, e.value.start.1));
    out.milestone(Milestone {
        code: "phc.campaign_takes_effect",
        kind: MilestoneKind::Effect,
        from: None,
        working_days: None,
        calendar_days: None,
        hours: None,
        by: effect,
        citation: &P_194_PAGE_REASONS_3,
    });
    out.note("phc.campaign_fsms_contract", &P_PHC_CAMPAIGN_CONTRACT);
}

// ------------------------------------------------------------------ para 25: the term

/// 194-p25: "provided through the e-Government portal within one working day (if the patient
/// submits an application after working hours, on weekends, or public holidays, … the acceptance of
/// applications and the issuance of service results are carried out on the next working day)".
/// Term `phc_term_wd` (1) with the after-hours rule; hours `hours_phc_provider` (unverified). No
/// result date for a channel that does not offer the service.
fn term(out: &mut Outcome, a: &Answers, ctx: &Context) {
    if a.application.channel.is_some_and(|c| !offered(c)) {
        return;
    }
    let Some(n) = super::param(out, &PARAM_PHC_TERM_WD, ctx.as_of).and_then(|v| u32::try_from(v.value).ok()) else { return };
    super::apply_deadline(out, a, ctx.as_of, &PARAM_HOURS_PHC_PROVIDER, Term::ResultOnRegistrationIfLate(n), &P_194_P25);
}

// ------------------------------------------------------------------ the two routes

fn offered(c: Channel) -> bool {
    matches!(c, Channel::EgovEds | Channel::ProviderOffice)
}

/// 194-page-online-1..4: the portal, the application "signed using DS"; no one-time password
/// (phc-passport-eds-only). 194-page-office: "How to get the service at a PHC organization".
/// 194-page-routes: these are the only two ways; the ЦОН is not a channel of this service.
fn channels(out: &mut Outcome, a: &Answers) {
    out.channel(Channel::EgovEds, true, "phc.portal_with_eds", &P_194_PAGE_ONLINE_2);
    out.channel(Channel::EgovOtp, false, "phc.otp_not_offered", &P_PHC_PASSPORT_EDS_ONLY);
    out.channel(Channel::ProviderOffice, true, "phc.provider_office", &P_194_PAGE_OFFICE);
    out.channel(Channel::Con, false, "phc.con_not_a_channel", &P_194_PAGE_ROUTES);
    match a.application.channel {
        // 194-page-online-3 and -4: the status in the personal account; an overdue result is taken
        // up with the medical organisation.
        Some(Channel::EgovEds) => {
            out.note("phc.status_in_personal_account", &P_194_PAGE_ONLINE_3);
            out.note("phc.overdue_contact_organisation", &P_194_PAGE_ONLINE_4);
        }
        Some(c) if !offered(c) => out.note("phc.channel_not_offered", &P_194_PAGE_ROUTES),
        _ => {}
    }
}

// ------------------------------------------------------------------ the document list (office route)

/// 194-page-docs-1..11, one rule per line, each only when its condition holds. The list is what
/// the PHC organisation asks for at its office (194-page-office).
fn documents(out: &mut Outcome, a: &Answers, minor: Option<bool>) {
    let phc = &a.phc;
    if phc.categories.is_none() {
        out.refine(fact!("phc.categories"));
    }
    let cats: &[PhcCategory] = phc.categories.as_deref().unwrap_or(&[]);
    let has = |c: PhcCategory| cats.contains(&c);
    let child = minor == Some(true);

    // line 1: "An ID document or an electronic document from the Digital Documents service (for identification)."
    out.document("phc.identity_document", "phc.everyone", &P_194_PAGE_DOCS_1, false);
    // line 2: "Pension certificate – for pensioners."
    if has(PhcCategory::Pensioner) {
        out.document("phc.pension_certificate", "phc.pensioner", &P_194_PAGE_DOCS_2, false);
    }
    // line 3: "Pension certificate or an extract from the medical-social examination report – for persons with disabilities."
    if has(PhcCategory::Disability) {
        out.document("phc.disability_document", "phc.disability", &P_194_PAGE_DOCS_3, false);
    }
    // line 4: "Court decision or another document confirming guardianship or custodianship – for the
    // legal representatives of a child with a disability from birth, as well as for guardians,
    // custodians, foster carers, and other substitute persons".
    if phc.applicant == Some(PhcApplicant::Guardian) {
        out.document("phc.guardianship_document", "phc.guardian", &P_194_PAGE_DOCS_4, false);
    } else if phc.applicant == Some(PhcApplicant::Parent) && has(PhcCategory::DisabledChild) {
        out.document("phc.guardianship_document", "phc.disabled_child_representative", &P_194_PAGE_DOCS_4, false);
    }
    // line 5: commission minutes "for convicts serving sentences … in penal colonies (at the place of serving)".
    if has(PhcCategory::Convict) {
        out.document("phc.convict_commission_minutes", "phc.convict", &P_194_PAGE_DOCS_5, false);
    }
    // line 6: "An extract from the order of the commander of the military unit … – for conscripted servicemen."
    if has(PhcCategory::Conscript) {
        out.document("phc.military_order_extract", "phc.conscript", &P_194_PAGE_DOCS_6, false);
    }
    // line 7: "For students at a madrasa (children under 18), an official application from their legal representatives".
    if has(PhcCategory::MadrasaStudent) && child {
        out.document("phc.madrasa_representative_application", "phc.madrasa_student_minor", &P_194_PAGE_DOCS_7, false);
    }
    // line 8: "An official request from the rector … and the minutes of the commission … – for
    // out-of-town students (children under 18 years old)": two papers.
    if has(PhcCategory::OutOfTownStudent) && child {
        out.document("phc.rector_request", "phc.out_of_town_student_minor", &P_194_PAGE_DOCS_8, false);
        out.document("phc.student_commission_minutes", "phc.out_of_town_student_minor", &P_194_PAGE_DOCS_8, false);
    }
    // line 9: "A document confirming birth in a foreign country – for children born in foreign countries."
    if has(PhcCategory::BornAbroad) {
        out.document("phc.foreign_birth_document", "phc.born_abroad", &P_194_PAGE_DOCS_9, false);
    }
    // line 10: "Decision of the local executive bodies of public health administration … – for wards
    // of baby homes, orphans, the elderly, and others."
    if has(PhcCategory::StateCare) {
        out.document("phc.local_authority_decision", "phc.state_care", &P_194_PAGE_DOCS_10, false);
    }
    // line 11: "Persons arranging registration by proxy, including under a voluntary and/or compulsory
    // health insurance agreement, if such an agreement exists." Read as: the proxy's power of
    // attorney; and the insurance agreement of a person whose coverage rests on it.
    if phc.applicant == Some(PhcApplicant::Proxy) {
        out.document("phc.power_of_attorney", "phc.proxy", &P_194_PAGE_DOCS_11, false);
    }
    if insurance_based(a.person.status) && phc.has_insurance == Some(true) {
        out.document("phc.insurance_agreement", "phc.insured_foreigner", &P_194_PAGE_DOCS_11, false);
    }
}

// ------------------------------------------------------------------ result of the service

/// 194-page-result-1, -2: "Notification on attachment as an electronic document signed with a
/// digital signature." or "Substantiated refusal."
fn result_forms(out: &mut Outcome) {
    out.note("phc.result_notification", &P_194_PAGE_RESULT_1);
    out.note("phc.result_refusal", &P_194_PAGE_RESULT_2);
}

// ------------------------------------------------------------------ research notes §1

/// Temporarily staying foreigners and stateless persons, and EAEU labour migrants and their families.
fn insurance_based(status: Option<LegalStatus>) -> bool {
    matches!(status, Some(LegalStatus::TemporaryResident | LegalStatus::EaeuWorker))
}

/// phc-covered (secondary): "citizens of RK, kandas, refugees, and foreigners or stateless persons
/// holding a residence permit" are covered; phc-covered-insured (secondary): "temporarily staying
/// foreigners, EAEU labour migrants and their families, and stateless persons get access only with
/// voluntary or internal (compulsory) medical insurance". Insurance is asked only of them.
fn covered_person(out: &mut Outcome, a: &Answers) {
    let status = a.person.status;
    let check = if insurance_based(status) {
        Check::new("phc.covered_person", &P_PHC_COVERED_INSURED)
            .uses(fact!("person.status"), true)
            .uses(fact!("phc.has_insurance"), a.phc.has_insurance.is_some())
            .status(a.phc.has_insurance)
    } else {
        Check::new("phc.covered_person", &P_PHC_COVERED).uses(fact!("person.status"), status.is_some()).status(status.map(|_| true))
    };
    out.reason(check);
}

/// phc-minors (secondary): "18+ attach themselves; minors are attached by parents or guardians."
/// Read as: a minor does not apply alone, and a parent represents only a minor child (an adult
/// applies themself or through a guardian). A guardian or a proxy may apply at any age; then the
/// age does not matter.
fn applicant_by_age(out: &mut Outcome, phc: &PhcAnswers, minor: Option<bool>, dob_answered: Option<bool>) {
    let check = Check::new("phc.applicant_by_age", &P_PHC_MINORS);
    let uses_dob = |c: Check| match dob_answered {
        Some(answered) => c.uses(fact!("person.date_of_birth"), answered),
        None => c,
    };
    let r = match phc.applicant {
        Some(PhcApplicant::Guardian | PhcApplicant::Proxy) => check.uses(fact!("phc.applicant"), true).status(Some(true)),
        Some(PhcApplicant::Myself) => {
            // Secondary, so a minor applying alone is not refused by it; the page itself routes
            // out-of-town students under 18 through their university's request (194-page-docs-8).
            if minor == Some(true) {
                out.note("phc.minor_routes", &P_194_PAGE_DOCS_8);
            }
            uses_dob(check).uses(fact!("phc.applicant"), true).status(minor.map(|m| !m))
        }
        Some(PhcApplicant::Parent) => uses_dob(check).uses(fact!("phc.applicant"), true).status(minor),
        None => uses_dob(check).uses(fact!("phc.applicant"), false).status(None),
    };
    out.reason(r);
}

/// phc-territory-unit (official, egov.kz 2020): "attachment only to a PHC organization within the
/// person's administrative-territorial unit"; phc-territory-border (secondary, 2021 amendment):
/// "residents of border areas may attach to a nearby PHC organization in the neighbouring unit".
fn territorial_unit(out: &mut Outcome, phc: &PhcAnswers) {
    // Outside the unit without the border-area exception, the official rule itself refuses; the
    // exception (secondary) can only let a person in, so it is cited when it does or may apply.
    let r = match phc.organisation_in_residence_unit {
        Some(false) if phc.border_area == Some(false) => Check::new("phc.territorial_unit", &P_PHC_TERRITORY_UNIT)
            .uses(fact!("phc.organisation_in_residence_unit"), true)
            .uses(fact!("phc.border_area"), true)
            .status(Some(false)),
        Some(false) => Check::new("phc.territorial_unit", &P_PHC_TERRITORY_BORDER)
            .uses(fact!("phc.organisation_in_residence_unit"), true)
            .uses(fact!("phc.border_area"), phc.border_area.is_some())
            .status(phc.border_area),
        inside => Check::new("phc.territorial_unit", &P_PHC_TERRITORY_UNIT)
            .uses(fact!("phc.organisation_in_residence_unit"), inside.is_some())
            .status(inside),
    };
    out.reason(r);
}

/// phc-under-five (secondary): "pregnant women and children under 5 may be served at their place of
/// actual residence" (`phc_actual_residence_age`): shown for a child under that age.
fn under_five(out: &mut Outcome, age: Option<u32>, ctx: &Context) {
    let limit = PARAM_PHC_ACTUAL_RESIDENCE_AGE.at(ctx.as_of).ok().map(|v| v.value);
    if age.zip(limit).is_some_and(|(y, l)| i64::from(y) < l) {
        out.note("phc.under_five_actual_residence", &P_PHC_UNDER_FIVE);
    }
}

/// phc-passport-refusal-1, -2 (official, undated): the general public-service grounds that can
/// apply to an attachment. Items 3 (a negative approval or expert examination) and 4 (a court ban
/// on the activity) have nothing to bear on in this service; item 5 is cut off in every copy.
fn refusal_grounds(out: &mut Outcome) {
    out.refusal_ground("phc.unreliable_documents", &P_PHC_PASSPORT_REFUSAL_1);
    out.refusal_ground("phc.noncompliance_with_rules", &P_PHC_PASSPORT_REFUSAL_2);
}
