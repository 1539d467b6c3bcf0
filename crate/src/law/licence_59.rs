//! Licence for medical activity.
//!
//! Order of the Minister of Health No. ҚР ДСМ-59/2020 of 01.06.2020, "Rules for provision of the
//! public service 'Issuance of a license for medical activity'", as amended up to Order No. 93 of
//! 15.09.2025 (`shared/sources/medical-licence-rules.en.txt`, unofficial English translation).
//! Paragraphs of the Rules are cited `59-pN…`, items of the List of basic requirements (Appendix 1)
//! `59-list-iN…`; `docs/provisions.md §2` maps every paragraph and item to the code below.
//!
//! Three cases (List item 3): `issue` (a licence and (or) an annex), `reissue`, `duplicate`. Until the
//! action is answered the outcome shows the issue, the service's main case, and says so in a note.
//!
//! Order No. 93 (new List, paras 10 and 14) applies "sixty calendar days after its first official
//! publication"; the publication day is not in the source, so its entry into force is the
//! unverified parameter `licence_order93_in_force` and is flagged in every outcome.

use crate::answers::licence::{LicenceAction, LicenceAnswers, LicenceApplicant};
use crate::answers::FieldId;
use crate::data::*;
use crate::deadline::{add_working_days, subtract_working_days, Term};
use crate::report::{Channel, Check, Fee, Limit, Milestone, MilestoneKind, Outcome, Service};
use crate::{fact, Answers, Context};
use chrono::NaiveDate;

/// Evaluates into `out`, which it first empties ([`Outcome::start`]). Never inlined: inlined into
/// [`crate::evaluate_into`], the compiler hoists each service's work out of its loop over services, so
/// evaluating one service would pay for all four.
#[inline(never)]
pub fn evaluate(a: &Answers, ctx: &Context, out: &mut Outcome) {
    let l = &a.licence;
    let action = l.action.unwrap_or(LicenceAction::Issue);
    let case = match action {
        LicenceAction::Issue => "issue",
        LicenceAction::Reissue => "reissue",
        LicenceAction::Duplicate => "duplicate",
    };
    out.start(Service::MedicalLicence, case);
    if l.action.is_none() {
        out.note("licence.action_assumed_issue", &P_59_LIST_I3_A1);
    }
    edition_in_force(out, ctx.as_of);

    action_open(out, l);
    portal_with_eds(out, a);
    let fee_day = a.application.date.unwrap_or(ctx.as_of);
    out.fee = fee(out, l, action, fee_day);
    deadline_and_timeline(out, a, action, ctx.as_of);
    documents(out, l, action, ctx.as_of);
    refusal_grounds(out, l, action);
    appeal(out);

    out.finish(ctx.as_of)
}

/// Three-valued "and": false if any is false, true if all are true, otherwise unknown.
fn all(v: &[Option<bool>]) -> Option<bool> {
    if v.contains(&Some(false)) {
        Some(false)
    } else if v.iter().all(Option::is_some) {
        Some(true)
    } else {
        None
    }
}

/// An integer parameter on `day`, flagging an unverified value.
fn int(out: &mut Outcome, p: &'static Param<i64>, day: NaiveDate) -> Option<i64> {
    let v = super::param(out, p, day)?;
    if v.provenance == Provenance::Unverified {
        out.limit(Limit::Unverified { what: p.name });
    }
    Some(v.value)
}

/// `59-list-fn` (footnote to Appendix 1): the List as worded by Order No. 93 is "effective sixty
/// calendar days after the date of its first official publication". The date is a parameter marked
/// unverified; before it, the cited wording is not yet in force (`finish` reports each provision)
/// and the earlier wording is not in the data.
fn edition_in_force(out: &mut Outcome, as_of: NaiveDate) {
    out.limit(Limit::Unverified { what: PARAM_LICENCE_ORDER93_IN_FORCE.name });
    let in_force = PARAM_LICENCE_ORDER93_IN_FORCE.at(as_of).is_ok_and(|d| as_of >= d.value);
    if !in_force {
        out.note("licence.edition_not_yet_in_force", &P_59_LIST_FN);
    }
}

// ---------------------------------------------------------------- who and what (para 6; List items 3, 5)

/// `59-list-i3` / `59-p19`: the three actions. A re-issue is of "a license and (or) an appendix"
/// already held; a duplicate replaces a licence or annex "issued in paper form" "in case of loss or
/// damage". An issue (of a licence, or of an annex to one held) is open to anyone. When the action is
/// not answered, someone who holds no licence can only ask for an issue.
fn action_open(out: &mut Outcome, l: &LicenceAnswers) {
    let (citation, status) = match l.action {
        None => (&P_59_LIST_I3_A1, if l.holds_licence == Some(false) { Some(true) } else { None }),
        Some(LicenceAction::Issue) => (&P_59_LIST_I3_A1, Some(true)),
        Some(LicenceAction::Reissue) => (&P_59_LIST_I3_A2, l.holds_licence),
        Some(LicenceAction::Duplicate) => (&P_59_LIST_I3_A3, all(&[l.holds_licence, l.paper_licence, l.paper_lost_or_damaged])),
    };
    let mut c = Check::new("licence.action_open", citation).scope().uses(fact!("licence.holds_licence"), l.holds_licence.is_some());
    c = c.uses(fact!("licence.action"), l.action.is_some());
    if l.action == Some(LicenceAction::Duplicate) {
        c = c
            .uses(fact!("licence.paper_licence"), l.paper_licence.is_some())
            .uses(fact!("licence.paper_lost_or_damaged"), l.paper_lost_or_damaged.is_some());
    }
    out.reason(c.status(status));
}

// ---------------------------------------------------------------- channel (para 6; List items 2, 10 p. 2)

/// `59-p6`, `59-list-i2`: applications go only through the portal (egov.kz, elicense.kz), "certified by
/// an electronic digital signature"; `59-list-i10-s2`: the service is received "through the portal,
/// provided that he/she has an electronic digital signature". No ЦОН, no office, no one-time password.
fn portal_with_eds(out: &mut Outcome, a: &Answers) {
    let eds = a.licence.has_eds;
    // Getting an EDS is a step before applying, not a refusal: the portal stays the way to apply.
    out.reason(Check::new("licence.has_eds", &P_59_LIST_I10_S2).step().uses(fact!("licence.has_eds"), eds.is_some()).status(eds));
    let why = match eds {
        Some(true) => "licence.portal_with_eds",
        Some(false) => "licence.no_eds",
        None => "licence.portal_needs_eds",
    };
    out.channel(Channel::EgovEds, true, why, &P_59_LIST_I10_S2);
    out.channel(Channel::EgovOtp, false, "licence.eds_required", &P_59_LIST_I10_S2);
    out.channel(Channel::Con, false, "licence.portal_only", &P_59_LIST_I2);
    out.channel(Channel::ProviderOffice, false, "licence.portal_only", &P_59_LIST_I2);
    // Only when the channel is answered: a channel other than the portal cannot be used, so the
    // step is to apply on the portal instead.
    if let Some(ch) = a.application.channel {
        out.reason(
            Check::new("licence.portal_channel", &P_59_LIST_I2)
                .step()
                .uses(fact!("application.channel"), true)
                .status(Some(ch == Channel::EgovEds)),
        );
    }
}

// ---------------------------------------------------------------- fee (para 5; List item 6)

/// `59-list-i6`: 1) issue 10 MCI; 2) re-issue 10 % of the issue rate, not more than 4 MCI; 3)
/// duplicate 100 % of the issue rate. The MCI and the rates are those of `day` (the day of
/// application, or `as_of`). `59-p5`: paid through the egov payment gateway or a bank, under art. 554
/// of the Tax Code — from 2026 a new Code applies and the rates under it are not confirmed.
/// The List states no rate for an annex alone: no amount is shown, and that is flagged.
fn fee(out: &mut Outcome, l: &LicenceAnswers, action: LicenceAction, day: NaiveDate) -> Option<Fee> {
    if action == LicenceAction::Issue && l.annex_only == Some(true) {
        out.note("licence.annex_fee_not_stated", &P_59_LIST_I6_S1);
        out.limit(Limit::Unverified { what: "licence_fee_annex" });
        return None;
    }
    let issue = int(out, &PARAM_LICENCE_FEE_ISSUE_MCI, day)?;
    let (multiple, citation) = match action {
        LicenceAction::Issue => (issue as f64, &P_59_LIST_I6_S1),
        LicenceAction::Reissue => {
            let pct = int(out, &PARAM_LICENCE_FEE_REISSUE_PERCENT, day)?;
            let cap = int(out, &PARAM_LICENCE_FEE_REISSUE_CAP_MCI, day)?;
            (((issue * pct) as f64 / 100.0).min(cap as f64), &P_59_LIST_I6_S2)
        }
        LicenceAction::Duplicate => {
            let pct = int(out, &PARAM_LICENCE_FEE_DUPLICATE_PERCENT, day)?;
            ((issue * pct) as f64 / 100.0, &P_59_LIST_I6_S3)
        }
    };
    out.note("licence.fee_payment", &P_59_P5);
    if PARAM_LICENCE_NEW_TAX_CODE_FROM.at(day).is_ok_and(|d| day >= d.value) {
        out.note("licence.tax_code_2026", &P_LICENCE_PRESS_TAX_CODE_2026);
    }
    Some(super::fee_in_mci(out, day, multiple, citation))
}

// ---------------------------------------------------------------- term and procedure (paras 7, 9–14, 19; List items 3, 7)

/// `59-p19`, `59-list-i3`: 13 / 3 / 2 working days. `59-p7-a2`, `59-list-i7`: the provider works
/// Monday to Friday 09:00–18:30 (lunch 13:00–14:30); an application after hours, at a weekend or on a
/// holiday is accepted on the next working day, and the term runs from there.
fn deadline_and_timeline(out: &mut Outcome, a: &Answers, action: LicenceAction, as_of: NaiveDate) {
    let (term, citation) = match action {
        LicenceAction::Issue => (&PARAM_LICENCE_TERM_ISSUE_WD, &P_59_LIST_I3_A1),
        LicenceAction::Reissue => (&PARAM_LICENCE_TERM_REISSUE_WD, &P_59_LIST_I3_A2),
        LicenceAction::Duplicate => (&PARAM_LICENCE_TERM_DUPLICATE_WD, &P_59_LIST_I3_A3),
    };
    let Some(n) = int(out, term, as_of).and_then(|n| u32::try_from(n).ok()) else { return };
    super::apply_deadline(out, a, as_of, &PARAM_HOURS_LICENCE_PROVIDER, Term::WorkingDays(n), citation);
    let registered = out.deadline.as_ref().map(|d| d.registered_on);
    let result = out.deadline.as_ref().map(|d| d.result_on);
    let wd = |out: &mut Outcome, p| int(out, p, as_of).and_then(|v| u32::try_from(v).ok());

    // `59-p9`: completeness check "within 2 (two) working days from the date of registration".
    let Some(check) = wd(out, &PARAM_LICENCE_COMPLETENESS_CHECK_WD) else { return };
    let check_by = registered.and_then(|r| add_working_days(r, check));
    milestone(out, "licence.completeness_check", Some(check), None, check_by, &P_59_P9);

    if action == LicenceAction::Issue {
        // `59-p10` 1), `59-p11`: the approving body answers "within 10 (ten) working days from the date
        // of receipt of the request". The request goes out once the documents are complete; the date
        // shown assumes it is received on the last day of the completeness check.
        if let Some(n) = wd(out, &PARAM_LICENCE_APPROVAL_WD) {
            milestone(out, "licence.approval", Some(n), None, check_by.and_then(|d| add_working_days(d, n)), &P_59_P11);
        }
        // `59-p10` 3), `59-p14-a2`: permit control at the facility before the licence is issued; the
        // visit is notified "at least 24 hours before the start of the visit" (its day is not known).
        if let Some(h) = int(out, &PARAM_LICENCE_VISIT_NOTICE_HOURS, as_of).and_then(|h| u32::try_from(h).ok()) {
            let citation = &P_59_P14_A2;
            out.milestone(Milestone {
                code: "licence.visit_notice",
                kind: MilestoneKind::Stage,
                from: None,
                working_days: None,
                calendar_days: None,
                hours: Some(h),
                by: None,
                citation,
            });
        }
    }

    if action != LicenceAction::Duplicate {
        // `59-p12-a1`: a preliminary decision (reasoned refusal) is notified "no later than three working
        // days before the result"; `59-p12-a2`: objection "no later than two working days from the
        // date of its receipt" (counted here from the last day the notice may come). A duplicate's two
        // working days cannot hold a notice three working days before the result: not shown.
        let (Some(notice), Some(objection)) = (wd(out, &PARAM_LICENCE_PRELIMINARY_NOTICE_WD), wd(out, &PARAM_LICENCE_OBJECTION_WD)) else {
            return;
        };
        let notice_by = result.and_then(|r| subtract_working_days(r, notice));
        milestone(out, "licence.preliminary_decision_notice", Some(notice), None, notice_by, &P_59_P12_A1);
        milestone(out, "licence.objection", Some(objection), None, notice_by.and_then(|d| add_working_days(d, objection)), &P_59_P12_A2);
    }
    // `59-p19`, `59-p20`: the result (or a reasoned refusal), in the portal's personal account.
    milestone(out, "licence.result", Some(n), None, result, citation);
}

fn milestone(
    out: &mut Outcome,
    code: &'static str,
    working_days: Option<u32>,
    calendar_days: Option<u32>,
    by: Option<NaiveDate>,
    citation: &'static Provision,
) {
    out.milestone(Milestone { code, kind: MilestoneKind::Stage, from: None, working_days, calendar_days, hours: None, by, citation });
}

// ---------------------------------------------------------------- documents (para 8; List item 8)

/// Where a document may come from state systems: demanded on paper unless the answer says the
/// information is there; unanswered, it is demanded with a conditional reason.
fn paper_unless_in_state_system(
    out: &mut Outcome,
    code: &'static str,
    (field, in_system): (FieldId, Option<bool>),
    because: [&'static str; 3],
    paper: &'static Provision,
    state: &'static Provision,
) {
    match in_system {
        Some(true) => out.document(code, because[0], state, true),
        Some(false) => out.document(code, because[1], paper, false),
        None => {
            out.refine(field);
            out.document(code, because[2], paper, false)
        }
    }
}

/// The application form: Appendix 2 / 3 (issue, re-issue), 4 / 5 (duplicate), by applicant.
fn application_form(out: &mut Outcome, applicant: Option<LicenceApplicant>, forms: [&'static str; 2], citation: &'static Provision) {
    if applicant.is_none() {
        out.refine(fact!("licence.applicant"));
    }
    if applicant != Some(LicenceApplicant::LegalEntity) {
        out.document(forms[0], "licence.individual", citation, false);
    }
    if applicant != Some(LicenceApplicant::Individual) {
        out.document(forms[1], "licence.legal_entity", citation, false);
    }
}

fn documents(out: &mut Outcome, l: &LicenceAnswers, action: LicenceAction, as_of: NaiveDate) {
    const APP_2_3: [&str; 2] = ["licence.application_individual", "licence.application_legal_entity"];
    match action {
        // `59-list-i8-s1`: to obtain a licence and (or) an annex.
        LicenceAction::Issue => {
            // a2: "an application in the form in accordance with Appendix 2 (for individuals) and Appendix 3 (for legal entities)".
            application_form(out, l.applicant, APP_2_3, &P_59_LIST_I8_S1_A2);
            // a3: "a form of information confirming … the qualification requirements …, in accordance with Appendix 1 to this List".
            out.document("licence.qualification_form", "licence.issue", &P_59_LIST_I8_S1_A3, false);
            // a4: "a diploma … (for service recipients who completed their studies before 2015)"; `59-p8-s7`:
            // education completed "after 2015" comes from state systems. 2015 itself is in neither
            // wording: the diploma is asked for (docs/provisions.md §2).
            education(out, l, as_of);
            // a5: "a certificate of completion of retraining or … of advanced training" (Order ҚР ДСМ-303/2020).
            out.document("licence.training_certificate", "licence.issue", &P_59_LIST_I8_S1_A5, false);
            // a6 / `59-p8-s11`: proof of employment "in the absence of information on employee profiles and
            // recording of employment contracts" on the e-government gateway.
            paper_unless_in_state_system(
                out,
                "licence.employment_proof",
                (fact!("licence.employment_in_state_system"), l.employment_in_state_system),
                [
                    "licence.employment_in_state_system",
                    "licence.employment_not_in_state_system",
                    "licence.if_employment_not_in_state_system",
                ],
                &P_59_LIST_I8_S1_A6,
                &P_59_P8_S11,
            );
            // a7 / `59-p8-s4`: title, lease, loan, trust management or PPP agreement "in the absence of
            // information in the e-government gateway".
            paper_unless_in_state_system(
                out,
                "licence.premises_documents",
                (fact!("licence.premises_in_state_system"), l.premises_in_state_system),
                ["licence.premises_in_state_system", "licence.premises_not_in_state_system", "licence.if_premises_not_in_state_system"],
                &P_59_LIST_I8_S1_A7,
                &P_59_P8_S4,
            );
            // `59-p8`: what the provider itself receives from state systems (with the applicant's consent).
            out.document("licence.identity_info", "licence.state_systems", &P_59_P8_S1, true);
            out.document("licence.registration_info", "licence.state_systems", &P_59_P8_S2, true);
            out.document("licence.licences_info", "licence.state_systems", &P_59_P8_S3, true);
            out.document("licence.fee_payment_info", "licence.state_systems", &P_59_P8_S5, true);
            out.document("licence.real_estate_info", "licence.state_systems", &P_59_P8_S6, true);
            out.document("licence.name_change_info", "licence.if_name_changed", &P_59_P8_S9, true);
            out.document("licence.specialist_certificate_info", "licence.state_systems", &P_59_P8_S10, true);
            out.document("licence.sanitary_conclusion_info", "licence.if_in_gateway", &P_59_P8_S12, true);
            out.document("licence.ban_register_info", "licence.state_systems", &P_59_P8_A2, true);
        }
        // `59-list-i8-s2`: re-issue.
        LicenceAction::Reissue => {
            // a2: the application of Appendix 2 / 3.
            application_form(out, l.applicant, APP_2_3, &P_59_LIST_I8_S2_A2);
            // a3: "copies of documents containing information on changes …, except for documents, information
            // from which is contained in state information systems".
            paper_unless_in_state_system(
                out,
                "licence.change_documents",
                (fact!("licence.changes_in_state_system"), l.changes_in_state_system),
                ["licence.changes_in_state_system", "licence.changes_not_in_state_system", "licence.if_changes_not_in_state_system"],
                &P_59_LIST_I8_S2_A3,
                &P_59_LIST_I8_S2_A3,
            );
            // a4: "Upon receipt of a reissued license, the service recipient returns … the previously issued
            // paper license and/or license supplement."
            match l.paper_licence {
                Some(true) => out.document("licence.paper_licence_return", "licence.paper_licence", &P_59_LIST_I8_S2_A4, false),
                None => {
                    out.refine(fact!("licence.paper_licence"));
                    out.document("licence.paper_licence_return", "licence.if_paper_licence", &P_59_LIST_I8_S2_A4, false)
                }
                Some(false) => {}
            }
            out.document("licence.identity_info", "licence.state_systems", &P_59_P8_S1, true);
            out.document("licence.registration_info", "licence.state_systems", &P_59_P8_S2, true);
            out.document("licence.licences_info", "licence.state_systems", &P_59_P8_S3, true);
            out.document("licence.fee_payment_info", "licence.state_systems", &P_59_P8_S5, true);
        }
        // `59-list-i8-s3`: duplicate — "an application in the form in accordance with Appendix 4 (for
        // individuals) and Appendix 5 (for legal entities)", nothing else.
        LicenceAction::Duplicate => {
            application_form(
                out,
                l.applicant,
                ["licence.application_duplicate_individual", "licence.application_duplicate_legal_entity"],
                &P_59_LIST_I8_S3,
            );
            out.document("licence.identity_info", "licence.state_systems", &P_59_P8_S1, true);
            out.document("licence.licences_info", "licence.state_systems", &P_59_P8_S3, true);
            out.document("licence.fee_payment_info", "licence.state_systems", &P_59_P8_S5, true);
        }
    }
}

/// `59-list-i8-s1-a4` and `59-p8-s7`: the diploma for studies completed before 2015, the state-system
/// record for studies completed after 2015. A legal entity answers the earliest year among its
/// specialists: those who studied later are still found in state systems.
fn education(out: &mut Outcome, l: &LicenceAnswers, as_of: NaiveDate) {
    let Some(after) = PARAM_LICENCE_EDUCATION_IN_STATE_SYSTEMS_AFTER_YEAR.at(as_of).ok().map(|v| v.value) else { return };
    let year = l.studies_completed_year.map(i64::from);
    let diploma = match year {
        Some(y) if y < after => Some("licence.studied_before_2015"),
        Some(y) if y == after => Some("licence.studied_in_2015"),
        Some(_) => None,
        None => {
            out.refine(fact!("licence.studies_completed_year"));
            Some("licence.if_studied_before_2015")
        }
    };
    if let Some(because) = diploma {
        out.document("licence.diploma", because, &P_59_LIST_I8_S1_A4, false);
    }
    let legal_entity = l.applicant == Some(LicenceApplicant::LegalEntity);
    match year {
        Some(y) if y > after => out.document("licence.education_info", "licence.studied_after_2015", &P_59_P8_S7, true),
        Some(_) if !legal_entity => {}
        _ => out.document("licence.education_info", "licence.if_studied_after_2015", &P_59_P8_S7, true),
    }
}

// ---------------------------------------------------------------- grounds for refusal (List item 9)

/// `59-list-i9`: the eight grounds, shown as warnings in every case. Where the applicant can answer
/// whether a ground applies (1, 2, 3, 5, 7, 8), it is also a condition; grounds 4 (negative approval or
/// permit-control conclusion) and 6 (unreliable documents) arise only during the procedure.
fn refusal_grounds(out: &mut Outcome, l: &LicenceAnswers, action: LicenceAction) {
    let not = |b: Option<bool>| b.map(|x| !x);
    // 1) a court decision (sentence) in force suspending or prohibiting the licensed activity.
    out.reason(
        Check::new("licence.no_court_ban", &P_59_LIST_I9_S1)
            .uses(fact!("licence.court_ban"), l.court_ban.is_some())
            .status(not(l.court_ban)),
    );
    out.refusal_ground("licence.court_ban", &P_59_LIST_I9_S1);
    // 2) the licence fee has not been paid — for an annex alone the List states no fee. Paying is a
    // step before applying (the provider checks the payment in state systems, para 8 s5).
    if !(action == LicenceAction::Issue && l.annex_only == Some(true)) {
        out.reason(
            Check::new("licence.fee_paid", &P_59_LIST_I9_S2)
                .step()
                .uses(fact!("licence.fee_paid"), l.fee_paid.is_some())
                .status(l.fee_paid),
        );
    }
    out.refusal_ground("licence.fee_not_paid", &P_59_LIST_I9_S2);
    // 3) the applicant does not meet the qualification requirements.
    let q = l.meets_qualification_requirements;
    out.reason(
        Check::new("licence.meets_qualification", &P_59_LIST_I9_S3)
            .uses(fact!("licence.meets_qualification_requirements"), q.is_some())
            .status(q),
    );
    out.refusal_ground("licence.qualification", &P_59_LIST_I9_S3);
    // 4) a negative answer of the approving body, or a negative permit-control conclusion.
    out.refusal_ground("licence.negative_approval_or_control", &P_59_LIST_I9_S4);
    // 5) a court, on a bailiff's submission, temporarily prohibits issuing a licence to the debtor.
    out.reason(
        Check::new("licence.no_bailiff_ban", &P_59_LIST_I9_S5)
            .uses(fact!("licence.bailiff_ban"), l.bailiff_ban.is_some())
            .status(not(l.bailiff_ban)),
    );
    out.refusal_ground("licence.bailiff_ban", &P_59_LIST_I9_S5);
    // 6) documents or data found unreliable.
    out.refusal_ground("licence.unreliable_documents", &P_59_LIST_I9_S6);
    // 7) a court decision in force depriving the applicant of a special right connected with the service.
    let d = l.deprived_of_special_right;
    out.reason(
        Check::new("licence.special_right_kept", &P_59_LIST_I9_S7)
            .uses(fact!("licence.deprived_of_special_right"), d.is_some())
            .status(not(d)),
    );
    out.refusal_ground("licence.special_right_deprived", &P_59_LIST_I9_S7);
    // 8) no consent to access personal data of restricted access (also needed for para 8's state data):
    // given in the application itself, so a step, not a refusal.
    let c = l.consents_to_personal_data;
    out.reason(
        Check::new("licence.consent_personal_data", &P_59_LIST_I9_S8)
            .step()
            .uses(fact!("licence.consents_to_personal_data"), c.is_some())
            .status(c),
    );
    out.refusal_ground("licence.no_consent", &P_59_LIST_I9_S8);
    // `59-p9` paragraph 2: documents incomplete under List item 8, or expired: a written reasoned
    // refusal "in further consideration of the application" within the two working days of the check.
    out.refusal_ground("licence.incomplete_or_expired_documents", &P_59_P9_A2);
}

/// `59-p22`–`59-p27` (Chapter 3): a complaint goes to the head of the provider (considered within
/// 5 working days, para 23); for a portal application the Unified contact centre tells the
/// procedure (para 24); pre-trial consideration by a higher body or the quality-assessment body
/// within 15 working days (para 25), the complaint filed with the provider, who forwards it within
/// 3 working days (para 26); court after the pre-trial appeal (para 27).
fn appeal(out: &mut Outcome) {
    out.appeal("licence.complaint_to_head", &P_59_P22);
    out.appeal("licence.contact_centre", &P_59_P24);
    out.appeal("licence.higher_body", &P_59_P25);
    out.appeal("licence.court", &P_59_P27);
}
