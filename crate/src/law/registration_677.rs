//! Registration at the place of residence (permanent), at the place of temporary stay
//! (temporary), and refugees' placing on record at the place of stay.
//!
//! Rules of Population Registration, MIA Order No. 677 of 09.09.2024, paras 4 and 7 as worded and
//! paras 9 and 13 as amended by Order No. 916 of 14.11.2025
//! (`shared/sources/population-registration-rules.kk.txt`, the Kazakh text prevails). While the
//! electronic pilot (joint order 500/НҚ–801) is in force, the channels of citizens follow it: see
//! [`super::pilot_500_801`], called from [`evaluate`].
//!
//! Provision ids follow `research/provisions.md` (`677-p4-a5.2` = para 4, 5th paragraph, the
//! exception). Each rule below sits under a comment naming its id; the functions run in the
//! source's paragraph order. Interpretations (conflicts C1–C14 of the research notes) are marked
//! `C<n>` and recorded in `docs/provisions.md §4`.

use super::pilot_500_801 as pilot;
use crate::answers::registration::{
    LongStayReason, OwnerType, PassportState, PlaceType, RegistrationAnswers, RegistrationKind, Relation, RestrictedCategory,
};
use crate::answers::{age_on, FieldId, LegalStatus};
use crate::data::*;
use crate::report::{Channel, Check, Limit, Milestone, MilestoneKind, Outcome, Service};
use crate::{fact, Answers, Context};
use chrono::{Days, Months, NaiveDate};

/// Who the person is for these Rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Group {
    /// Citizen of Kazakhstan (para 5 subpara 1).
    Citizen,
    /// Foreigner or stateless person with a permanent residence permit (para 5 subpara 2).
    Prp,
    /// Foreigner or stateless person with refugee status (para 6).
    Refugee,
    /// Serviceman of the armed forces of a CIS member state (para 15).
    Serviceman,
    /// Temporarily staying foreigner: Government Decree No. 148 (para 14).
    NotCovered,
}

/// The place, as para 4 paragraph 3 and para 7 subpara 2 sort it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// Residential house, apartment, dacha: the owner consents.
    Dwelling,
    /// Dormitory, hotel, sanatorium, care home, other building used for living: the administration petitions.
    Institution,
    NotForLiving,
}

fn classify(p: PlaceType) -> Place {
    use PlaceType::*;
    match p {
        House | Apartment | Dacha => Place::Dwelling,
        NotForLiving => Place::NotForLiving,
        Dormitory | Hotel | RestHome | Sanatorium | Prophylactorium | MedicalInstitution | CareHome | BoardingHouse | ElderlyHome
        | OtherLivingPremises => Place::Institution,
    }
}

/// The answers with what the rules derive from them.
pub(crate) struct Facts<'a> {
    pub a: &'a Answers,
    pub r: &'a RegistrationAnswers,
    pub as_of: NaiveDate,
    /// The day of application (answered, or `as_of`): used for "in time".
    pub apply_day: NaiveDate,
    pub group: Option<Group>,
    pub age: Option<u32>,
    pub kind: Option<RegistrationKind>,
    pub place: Option<Place>,
    pub pilot: pilot::Phase,
}

impl<'a> Facts<'a> {
    fn new(a: &'a Answers, out: &mut Outcome, as_of: NaiveDate) -> Self {
        let r = &a.registration;
        let group = a.person.status.and_then(|s| match s {
            LegalStatus::Citizen => Some(Group::Citizen),
            LegalStatus::PermanentResident => Some(Group::Prp),
            LegalStatus::Refugee => Some(Group::Refugee),
            LegalStatus::Kandas => r.has_residence_permit.map(|h| if h { Group::Prp } else { Group::NotCovered }),
            LegalStatus::TemporaryResident => r.cis_serviceman.map(|s| if s { Group::Serviceman } else { Group::NotCovered }),
            LegalStatus::EaeuWorker => Some(Group::NotCovered),
        });
        Facts {
            a,
            r,
            as_of,
            apply_day: a.application.date.unwrap_or(as_of),
            group,
            age: a.person.date_of_birth.and_then(|d| age_on(d, as_of)),
            kind: r.kind,
            place: r.place_type.map(classify),
            pilot: pilot::phase(out, as_of, a.person.status == Some(LegalStatus::Citizen)),
        }
    }
    fn temporary(&self) -> bool {
        self.kind == Some(RegistrationKind::Temporary) && self.group != Some(Group::Refugee)
    }
    fn permanent(&self) -> bool {
        self.kind == Some(RegistrationKind::Permanent) && self.group != Some(Group::Refugee)
    }
}

/// An integer threshold of these Rules on `day`; before its first value, the first value (the
/// provisions citing it then report `ProvisionNotInForce`: their earlier wording is not in the data).
fn int(p: &'static Param<i64>, day: NaiveDate) -> i64 {
    p.at(day).ok().or_else(|| p.values.first()).map(|v| v.value).unwrap_or(0)
}

fn months(n: i64) -> Months {
    Months::new(u32::try_from(n).unwrap_or(0))
}

fn out_of_scope(out: &Outcome) -> bool {
    out.scope_not_met()
}

/// Evaluates into `out`, which it first empties ([`Outcome::start`]). Never inlined: inlined into
/// [`crate::evaluate_into`], the compiler hoists each service's work out of its loop over services, so
/// evaluating one service would pay for all four.
#[inline(never)]
pub fn evaluate(a: &Answers, ctx: &Context, out: &mut Outcome) {
    let case = match (a.person.status, a.registration.kind) {
        (Some(LegalStatus::Refugee), _) => "refugee_record",
        (_, Some(RegistrationKind::Temporary)) => "temporary",
        _ => "permanent",
    };
    out.start(Service::Registration, case);
    let f = Facts::new(a, out, ctx.as_of);

    p3_p5_who_is_registered(out, &f);
    if out_of_scope(out) {
        return out.finish(f.as_of);
    }
    p5_p13_registration_needed(out, &f);
    p13_temporary_exclusions(out, &f);
    if out_of_scope(out) {
        return out.finish(f.as_of);
    }
    p4_place_and_consent(out, &f);
    let astana = p4_astana_norm(out, &f);
    p7_documents_and_term(out, &f);
    p8_refugees(out, &f);
    p9_p10_p11_information(out, &f);
    p13_term(out, &f);
    p16_p17_special_localities(out, &f);
    p3_channels(out, &f, astana.as_ref());
    consent_documents(out, &f);
    fee(out, &f);
    out.finish(f.as_of)
}

// ============================================================================ paras 3, 5, 6, 14, 15

/// Who is registered under these Rules, from what age, and who is not.
fn p3_p5_who_is_registered(out: &mut Outcome, f: &Facts) {
    let p = &f.a.person;
    // 677-p5-s1: citizens relocating within, or arriving from abroad, are subject to registration.
    // 677-p5-s2: foreigners and stateless persons permanently residing (PRP holders) too.
    // 677-p6: refugees are placed on record at the place of stay.
    // 677-p15: CIS servicemen are registered at the place of residence.
    // 677-p14: other temporarily staying foreigners: Government Decree No. 148, not these Rules.
    let cite: &'static Provision = match f.group {
        Some(Group::Citizen) | None => &P_677_P5_S1,
        Some(Group::Prp) => &P_677_P5_S2,
        Some(Group::Refugee) => &P_677_P6,
        Some(Group::Serviceman) => &P_677_P15,
        Some(Group::NotCovered) => &P_677_P14,
    };
    let mut c = Check::new("reg.person_covered", cite).scope().uses(fact!("person.status"), p.status.is_some());
    match p.status {
        Some(LegalStatus::Kandas) => c = c.uses(fact!("registration.has_residence_permit"), f.r.has_residence_permit.is_some()),
        Some(LegalStatus::TemporaryResident) => c = c.uses(fact!("registration.cis_serviceman"), f.r.cis_serviceman.is_some()),
        _ => {}
    }
    out.reason(c.status(f.group.map(|g| g != Group::NotCovered)));
    if f.group == Some(Group::NotCovered) {
        out.note("reg.foreigners_decree_148", &P_677_P14);
        return;
    }

    // 677-p3-a2: citizens «он төрт жасқа толған» (who have reached 14) are registered.
    // 677-p3-a6: the residence of persons under 14 is that of their legal representatives; applied
    // to everyone (the paragraph speaks of «адамдар», persons).
    let min = int(&PARAM_REG_MIN_AGE, f.as_of);
    let cite = if f.group == Some(Group::Citizen) { &P_677_P3_A2 } else { &P_677_P3_A6 };
    let adult_enough = f.age.map(|a| i64::from(a) >= min);
    out.reason(Check::new("reg.age_14", cite).scope().uses(fact!("person.date_of_birth"), f.age.is_some()).status(adult_enough));
    if adult_enough == Some(false) {
        out.note("reg.child_residence_of_representatives", &P_677_P3_A6);
        return;
    }
    // research notes §4.3 (secondary): 14–16-year-olds are registered by parents or legal representatives.
    let certificate_age = int(&PARAM_REG_BIRTH_CERTIFICATE_UNDER_AGE, f.as_of);
    if f.group == Some(Group::Citizen) && f.age.is_some_and(|a| i64::from(a) < certificate_age) {
        out.note("reg.minor_through_representative", &P_REG_NOTES_4_3);
    }

    // 677-p3-a6: the residence of citizens under guardianship (қорғаншылық, опека) is that of
    // their legal representatives. C14 (second pass): a ward is not exempt from registration; his
    // place of residence is the guardian's, and the guardian registers him there. Shown, not
    // deciding: the rest of the outcome is the guardian's application for the ward.
    let ward = f.r.under_guardianship;
    out.reason(
        Check::new("reg.not_under_guardianship", &P_677_P3_A6)
            .info()
            .uses(fact!("registration.under_guardianship"), ward.is_some())
            .status(ward.map(|w| !w)),
    );
    if ward == Some(true) {
        out.note("reg.ward_residence_of_guardian", &P_677_P3_A6);
    }
}

/// 677-p5-s1 / 677-p13-a1: permanent registration is due on moving; temporary registration only
/// for a stay of «бір айдан астам» (more than one month). A stay ending exactly one month after
/// arrival is not more than one month. 677-p15: CIS servicemen only at the place of residence.
fn p5_p13_registration_needed(out: &mut Outcome, f: &Facts) {
    if f.group == Some(Group::Refugee) {
        return;
    }
    let r = f.r;
    let c = Check::new("reg.registration_needed", &P_677_P5_S1).scope();
    match f.kind {
        None => {
            out.reason(c.uses(fact!("registration.kind"), false).status(None));
        }
        Some(RegistrationKind::Permanent) => {
            let cite: &'static Provision = match f.group {
                Some(Group::Prp) => &P_677_P5_S2,
                Some(Group::Serviceman) => &P_677_P15,
                _ => &P_677_P5_S1,
            };
            out.reason(Check::new("reg.registration_needed", cite).scope().uses(fact!("registration.kind"), true).status(Some(true)));
        }
        Some(RegistrationKind::Temporary) if f.group == Some(Group::Serviceman) => {
            out.reason(
                Check::new("reg.registration_needed", &P_677_P15).scope().uses(fact!("registration.kind"), true).status(Some(false)),
            );
        }
        Some(RegistrationKind::Temporary) => {
            let over = int(&PARAM_REG_TEMPORARY_OVER_MONTHS, f.as_of);
            let longer = match (r.arrival_date, r.stay_until) {
                (Some(from), Some(until)) => from.checked_add_months(months(over)).map(|m| until > m),
                _ => None,
            };
            out.reason(
                Check::new("reg.registration_needed", &P_677_P13_A1)
                    .scope()
                    .uses(fact!("registration.kind"), true)
                    .uses(fact!("registration.arrival_date"), r.arrival_date.is_some())
                    .uses(fact!("registration.stay_until"), r.stay_until.is_some())
                    .status(longer),
            );
        }
    }
}

// ============================================================================ para 13, paragraph 5

/// 677-p13-a5: not subject to temporary registration: children under 16; citizens in medical
/// institutions who have a health impairment from a persistent disorder of body functions limiting
/// vital activity (both conditions); persons working on a rotational (вахта) basis.
fn p13_temporary_exclusions(out: &mut Outcome, f: &Facts) {
    if !f.temporary() || out_of_scope(out) {
        return;
    }
    let r = f.r;
    // 677-p13-a5.1: «16 жасқа толмаған балалар».
    let min = int(&PARAM_REG_TEMPORARY_MIN_AGE, f.as_of);
    out.reason(
        Check::new("reg.temp_age_16", &P_677_P13_A5_1)
            .scope()
            .uses(fact!("person.date_of_birth"), f.age.is_some())
            .status(f.age.map(|a| i64::from(a) >= min)),
    );
    // 677-p13-a5.2: in a medical institution AND with a disabling impairment.
    let patient = match r.in_medical_institution {
        Some(false) => Some(false),
        Some(true) => r.has_disabling_impairment,
        None => None,
    };
    let mut c = Check::new("reg.temp_not_disabled_patient", &P_677_P13_A5_2)
        .scope()
        .uses(fact!("registration.in_medical_institution"), r.in_medical_institution.is_some());
    if r.in_medical_institution == Some(true) {
        c = c.uses(fact!("registration.has_disabling_impairment"), r.has_disabling_impairment.is_some());
    }
    out.reason(c.status(patient.map(|p| !p)));
    // 677-p13-a5.3: «вахталық әдіспен жұмыс істейтін адамдар».
    out.reason(
        Check::new("reg.temp_not_rotation_worker", &P_677_P13_A5_3)
            .scope()
            .uses(fact!("registration.rotation_worker"), r.rotation_worker.is_some())
            .status(r.rotation_worker.map(|w| !w)),
    );
}

// ============================================================================ para 4 (and 2-s3, 7-s2)

/// The place, the owner's consent, or the institution's petition.
fn p4_place_and_consent(out: &mut Outcome, f: &Facts) {
    let r = f.r;
    // 677-p4-a3: houses, apartments, dachas of horticultural partnerships, dormitories, hotels, …,
    // «сондай-ақ адамдар тұру (болу) үшін пайдаланылатын ғимараттар мен үй-жайларда».
    out.reason(
        Check::new("reg.place_used_for_living", &P_677_P4_A3)
            .uses(fact!("registration.place_type"), f.place.is_some())
            .status(f.place.map(|p| p != Place::NotForLiving)),
    );
    if f.place == Some(Place::NotForLiving) {
        return;
    }
    // 677-p2-s3: a place of temporary stay «мекенжайы бар» (has an address).
    // 677-p4-a2: the owner is found in the information systems by the address registration code (МТК).
    let cite = if f.temporary() { &P_677_P2_S3 } else { &P_677_P4_A2 };
    out.reason(
        Check::new("reg.place_has_address", cite)
            .uses(fact!("registration.place_has_address"), r.place_has_address.is_some())
            .status(r.place_has_address),
    );
    // 677-p11-a3: registrations at objects demolished, destroyed, dismantled or absent from the
    // information system are removed after an inspection: deregistration, not a refusal.
    out.note("reg.address_object_missing", &P_677_P11_A3);

    match f.place {
        Some(Place::Dwelling) => {
            // 677-p4-a2: ownership comes from the information systems: no title document.
            out.document("reg.ownership_record", "reg.ownership_from_state", &P_677_P4_A2, true);
            // 677-p7-a2: the owner registering in his own dwelling submits no consent.
            // 677-p4-a1: otherwise the consent of the owner/owners (every co-owner: the plural and
            // para 7 subpara 2), in writing or by EDS.
            let c = match r.applicant_is_owner {
                Some(true) => {
                    Check::new("reg.owner_consent", &P_677_P7_A2).uses(fact!("registration.applicant_is_owner"), true).status(Some(true))
                }
                // Obtaining the consent is a step before applying, not a refusal.
                Some(false) => Check::new("reg.owner_consent", &P_677_P4_A1)
                    .step()
                    .uses(fact!("registration.applicant_is_owner"), true)
                    .uses(fact!("registration.owners_consent"), r.owners_consent.is_some())
                    .status(r.owners_consent),
                None => Check::new("reg.owner_consent", &P_677_P4_A1).uses(fact!("registration.applicant_is_owner"), false).status(None),
            };
            out.reason(c);
            if r.applicant_is_owner == Some(false) {
                out.refusal_ground("reg.no_owner_consent", &P_677_P4_A1);
            }
            // C13: «жалға беруші» (lessor) in paragraph 1, «жалға алушы» (lessee) in paragraph 2.
            if r.dwelling_rented == Some(true) {
                out.note("reg.rented_who_consents", &P_677_P4_A1);
            }
        }
        Some(Place::Institution) => {
            // 677-p7-s2.2: in buildings used for living, the administration's petition.
            // Asking the administration for its petition is a step before applying.
            let p = r.has_administration_petition;
            out.reason(
                Check::new("reg.administration_petition", &P_677_P7_S2_2)
                    .step()
                    .uses(fact!("registration.has_administration_petition"), p.is_some())
                    .status(p),
            );
            out.document("reg.administration_petition", "reg.institution", &P_677_P7_S2_2, false);
        }
        _ => {}
    }
}

/// What the Astana norm computation found when the registration would be over the norm
/// ((registered + 1) × norm > area, 677-p4-a5.1), for the pilot's online flow.
pub(crate) struct Astana {
    /// The pilot's literal comparison (reading a): registered × norm ≥ area.
    pub reached_literal: bool,
    /// (A): the person is in an excepted category.
    pub category: Option<bool>,
    /// (B): nobody registered there, the owner apart, is outside the categories.
    pub no_outsider: Option<bool>,
    pub owner_self: bool,
}

/// 677-p4-a4..a6: in Astana, the maslikhat's norm (15 m² per registered person, unverified), and
/// its exception. Applied to dwellings only (paragraph 5 speaks of «тұрғынжай»; the pilot queries
/// the dwelling's cadastre area): an interpretation. Area: the cadastre's total area, as the
/// pilot queries it (the press speaks of usable area): a decision, shown as a note.
fn p4_astana_norm(out: &mut Outcome, f: &Facts) -> Option<Astana> {
    let r = f.r;
    match f.place {
        Some(Place::Institution) => {
            if r.in_astana == Some(true) {
                out.note("reg.astana_norm_dwellings_only", &P_677_P4_A4);
            }
            return None;
        }
        Some(Place::NotForLiving) => return None,
        _ => {}
    }
    match r.in_astana {
        None => {
            out.reason(Check::new("reg.astana_within_norm", &P_677_P4_A4).uses(fact!("registration.in_astana"), false).status(None));
            return None;
        }
        Some(false) => return None,
        Some(true) => {}
    }
    // 677-p4-a4: «астананың жергілікті өкілді органы бекітетін … тіркеу нормативтері».
    let Ok(norm) = PARAM_ASTANA_AREA_NORM_M2.at(f.as_of) else {
        out.note("reg.astana_norm_not_in_data", &P_677_P4_A4);
        return None;
    };
    out.limit(Limit::Unverified { what: PARAM_ASTANA_AREA_NORM_M2.name });
    // The norm's value and the day it applies from are unverified: every condition that turns on
    // it (the norm itself and the exception that only matters over it) rests on that.
    let basis = PARAM_ASTANA_AREA_NORM_M2.basis_where(f.as_of, |_| true);
    out.note("reg.astana_area_total", &P_ASTANA_368_NORM);
    // 677-p10-a6: the owner sees on egov.kz who is registered at the address.
    out.note("reg.owner_sees_registered", &P_677_P10_A6);
    let per_person = norm.value as f64;

    // 677-p4-a5.1: «нормативтерден асырып тіркеуге жол берілмейді»: over the norm after this
    // registration, (registered + 1) × norm > area.
    let counts = r.area_total_m2.zip(r.registered_count);
    let over = counts.map(|(area, n)| (f64::from(n) + 1.0) * per_person > area);
    let mut c = Check::new("reg.astana_within_norm", &P_677_P4_A5_1)
        .rests_on(basis)
        .uses(fact!("registration.area_total_m2"), r.area_total_m2.is_some())
        .uses(fact!("registration.registered_count"), r.registered_count.is_some());
    if over == Some(true) {
        // Over the norm, the exception decides: this line is shown, (A) and (B) below decide.
        c = c.info();
    }
    out.reason(c.status(over.map(|o| !o)));
    out.refusal_ground("reg.astana_over_norm", &P_677_P4_A5_1);
    let (Some(true), Some((area, n))) = (over, counts) else { return None };

    // 677-p4-a5.2 (A): spouse, in-laws, close relatives (677-p2-s2), their spouses and children,
    // the owner's own wards, full-time students in Astana.
    // C8: the owner registering in his own dwelling is not in the list; taken as within the
    // exception (a rule barring an owner from his own home is read as unintended) and flagged.
    let owner_self = r.applicant_is_owner == Some(true);
    let rel = r.relation_to_owner;
    let student = r.fulltime_student_in_astana;
    let category = if owner_self {
        out.note("reg.astana_owner_self_gap", &P_677_P4_A5_2);
        Some(true)
    } else {
        match (rel.map(Relation::is_excepted), student) {
            (Some(true), _) | (_, Some(true)) => Some(true),
            (Some(false), Some(false)) => Some(false),
            _ => None,
        }
    };
    let mut ca = Check::new("reg.astana_exception_category", &P_677_P4_A5_2).rests_on(basis);
    if owner_self {
        ca = ca.uses(fact!("registration.applicant_is_owner"), true);
    } else {
        ca = ca.uses(fact!("registration.relation_to_owner"), rel.is_some());
        if rel.is_some_and(|x| !x.is_excepted()) {
            ca = ca.uses(fact!("registration.fulltime_student_in_astana"), student.is_some());
        }
    }
    out.reason(ca.status(category));
    // 677-p4-a5.2 (B): «осы тұрғынжайда тіркелген, жоғарыда аталған санаттарға жатпайтын адамдар
    // болмаған жағдайда». The owner (and co-owners) are left out of (B): an interpretation.
    let no_outsider = r.outsider_registered.map(|o| !o);
    out.reason(
        Check::new("reg.astana_no_outsider", &P_677_P4_A5_2)
            .rests_on(basis)
            .uses(fact!("registration.outsider_registered"), no_outsider.is_some())
            .status(no_outsider),
    );
    out.note("reg.astana_owner_left_out_of_b", &P_677_P4_A5_2);
    // 677-p4-a6: the category is confirmed from state systems or from the citizen's documents.
    if category == Some(true) && !owner_self {
        let recorded = r.category_in_state_records == Some(true);
        out.document("reg.category_proof", "reg.astana_over_norm_exception", &P_677_P4_A6, recorded);
    }
    Some(Astana { reached_literal: f64::from(n) * per_person >= area, category, no_outsider, owner_self })
}

// ============================================================================ para 7

/// 677-p7: the documents, the 10 calendar days, citizens arriving from abroad; 677-p15 servicemen.
fn p7_documents_and_term(out: &mut Outcome, f: &Facts) {
    let r = f.r;
    let under_certificate_age = f.age.is_some_and(|a| i64::from(a) < int(&PARAM_REG_BIRTH_CERTIFICATE_UNDER_AGE, f.as_of));
    let from_abroad = f.permanent() && f.group == Some(Group::Citizen) && r.arriving_from_abroad == Some(true);

    // 677-p15: CIS servicemen: the serviceman's passport and identity card.
    // 677-p7-s1 (677-p3-a1): identity document, or the birth certificate under 16, in the
    // original or through the digital documents service. A citizen arriving from abroad aged 16+
    // shows the passport of paragraph 3 as that identity document (an interpretation).
    if f.group == Some(Group::Serviceman) {
        out.document("reg.serviceman_passport", "reg.cis_serviceman", &P_677_P15, false);
        out.document("reg.serviceman_id_card", "reg.cis_serviceman", &P_677_P15, false);
    } else if under_certificate_age {
        out.document("reg.birth_certificate", "reg.under_16", &P_677_P7_S1, false);
    } else if !from_abroad {
        out.document("reg.identity_document", "reg.everyone", &P_677_P7_S1, false);
    }

    // 677-p7-a3: a citizen arriving from abroad for permanent residence: the passport (lost or
    // expired abroad: the certificate for return) and the foreign deregistration document or the
    // certificate of no citizenship of the country of previous residence.
    // 677-p7-a4: with neither, temporary registration only, for the period of obtaining one.
    if f.permanent() && f.group == Some(Group::Citizen) {
        match r.arriving_from_abroad {
            Some(false) => {}
            None => {
                out.reason(
                    Check::new("reg.abroad_documents", &P_677_P7_A3).uses(fact!("registration.arriving_from_abroad"), false).status(None),
                );
            }
            Some(true) => {
                if r.passport_state == Some(PassportState::LostOrExpiredAbroad) {
                    out.document("reg.return_certificate", "reg.passport_lost_abroad", &P_677_P7_A3, false);
                } else {
                    out.document("reg.passport", "reg.arriving_from_abroad", &P_677_P7_A3, false);
                }
                let (d, n) = (r.has_foreign_deregistration, r.has_no_citizenship_certificate);
                let ok = match (d, n) {
                    (Some(true), _) | (_, Some(true)) => Some(true),
                    (Some(false), Some(false)) => Some(false),
                    _ => None,
                };
                let mut c = Check::new("reg.abroad_documents", &P_677_P7_A3)
                    .uses(fact!("registration.arriving_from_abroad"), true)
                    .uses(fact!("registration.has_foreign_deregistration"), d.is_some());
                if d != Some(true) {
                    c = c.uses(fact!("registration.has_no_citizenship_certificate"), n.is_some());
                }
                out.reason(c.status(ok));
                if d == Some(true) {
                    out.document("reg.foreign_deregistration_document", "reg.arriving_from_abroad", &P_677_P7_A3, false);
                } else if n == Some(true) {
                    out.document("reg.no_citizenship_certificate", "reg.arriving_from_abroad", &P_677_P7_A3, false);
                }
                if ok == Some(false) {
                    out.note("reg.abroad_temporary_only", &P_677_P7_A4);
                    // C9: temporary registration is barred under 16 (677-p13-a5.1).
                    if f.age.is_some_and(|a| i64::from(a) < int(&PARAM_REG_TEMPORARY_MIN_AGE, f.as_of)) {
                        out.note("reg.abroad_temporary_barred_under_16", &P_677_P13_A5_1);
                    }
                }
            }
        }
    }

    // 677-p7-a1 / 677-p13-a1: within 10 calendar days «келген күннен бастап» (from the day of
    // arrival): the arrival day is not counted, so the last day is arrival + 10 (flagged).
    if f.group == Some(Group::Refugee) {
        return;
    }
    let cite = if f.temporary() { &P_677_P13_A1 } else { &P_677_P7_A1 };
    let days = int(&PARAM_REG_SUBMIT_CALENDAR_DAYS, f.as_of);
    let n = u32::try_from(days).unwrap_or(0);
    let by = r.arrival_date.and_then(|d| d.checked_add_days(Days::new(u64::from(n))));
    out.milestone(Milestone {
        code: "reg.submit_within_10_days",
        kind: MilestoneKind::ApplyBy,
        from: r.arrival_date,
        working_days: None,
        calendar_days: Some(n),
        hours: None,
        by,
        citation: cite,
    });
    on_time(out, f, fact!("registration.arrival_date"), r.arrival_date.is_some(), by, cite);
}

/// Whether the day of application is within the term (information: lateness is a matter for the
/// Code of Administrative Offences, outside these Rules).
#[cfg_attr(any(feature = "inline", not(target_arch = "wasm32")), inline(always))]
fn on_time(out: &mut Outcome, f: &Facts, field: FieldId, answered: bool, by: Option<NaiveDate>, cite: &'static Provision) {
    let in_time = by.map(|b| f.apply_day <= b);
    out.reason(Check::new("reg.on_time", cite).info().uses(field, answered).status(in_time));
    if in_time == Some(false) {
        out.note("reg.late_liability", &P_REG_NOTES_4_10);
    }
}

// ============================================================================ para 8

/// 677-p8: refugees submit the para 7 documents to the territorial subdivision within five working
/// days. C12: the starting event is not stated: the person is asked for the day and it is flagged.
fn p8_refugees(out: &mut Outcome, f: &Facts) {
    if f.group != Some(Group::Refugee) {
        return;
    }
    let start = f.r.refugee_start_date;
    let n = u32::try_from(int(&PARAM_REG_REFUGEE_SUBMIT_WORKING_DAYS, f.as_of)).unwrap_or(0);
    let by = start.and_then(|s| crate::deadline::add_working_days(s, n));
    if let (Some(s), Some(b)) = (start, by) {
        crate::deadline::calendar_limits(s, b).into_iter().for_each(|l| out.limit(l));
    }
    out.milestone(Milestone {
        code: "reg.refugee_submit_5_working_days",
        kind: MilestoneKind::ApplyBy,
        from: start,
        working_days: Some(n),
        calendar_days: None,
        hours: None,
        by,
        citation: &P_677_P8,
    });
    on_time(out, f, fact!("registration.refugee_start_date"), start.is_some(), by, &P_677_P8);
    out.note("reg.refugee_start_unstated", &P_677_P8);
}

// ============================================================================ paras 9, 10, 11

fn p9_p10_p11_information(out: &mut Outcome, f: &Facts) {
    // 677-p9: grounds for deregistration at the place of residence (information).
    if f.permanent() {
        out.note("reg.dereg_left_country", &P_677_P9_S1);
        out.note("reg.dereg_court", &P_677_P9_S2);
        out.note("reg.dereg_owner_application", &P_677_P9_S3);
        out.note("reg.dereg_death", &P_677_P9_S4);
        if f.group == Some(Group::Prp) {
            out.note("reg.dereg_prp_cancelled", &P_677_P9_S5);
        }
        if f.group == Some(Group::Citizen) {
            out.note("reg.dereg_citizenship_lost", &P_677_P9_S6);
        }
        // 677-p10-a1 (C4): a new permanent registration removes the previous one at once.
        out.note("reg.previous_address_removed", &P_677_P10_A1);
    }
    // 677-p10-a3: the address data in the state database, shown on egov.kz, is the confirmation.
    out.note("reg.result_in_egov", &P_677_P10_A3);
    // 677-p10-a7, a8: KZ–RU border residents: the confirmation of registration in the border territory.
    if f.r.kz_ru_border_resident == Some(true) {
        out.note("reg.border_confirmation", &P_677_P10_A7);
    }
}

// ============================================================================ para 13, paragraphs 1, 3, 4, 6

/// 677-p13-a3: «бір айдан бастап бір жылға дейінгі мерзімге» (from one month up to one year, the
/// year read as inclusive); 677-p13-a4: for official duties or study away for more than a year,
/// with a confirming document, for the whole period. A longer stay for another reason (or without
/// the document) is still a stay of «бір айдан астам» (677-p13-a1) and is registered, for at most
/// one year (¶3): so the term decides nothing, it says for how long (information).
fn p13_term(out: &mut Outcome, f: &Facts) {
    if !f.temporary() {
        return;
    }
    let r = f.r;
    let max = int(&PARAM_REG_TEMPORARY_MAX_MONTHS, f.as_of);
    let within_year = match (r.arrival_date, r.stay_until) {
        (Some(from), Some(until)) => from.checked_add_months(months(max)).map(|m| until <= m),
        _ => None,
    };
    let dates = |c: Check| {
        c.info()
            .uses(fact!("registration.arrival_date"), r.arrival_date.is_some())
            .uses(fact!("registration.stay_until"), r.stay_until.is_some())
    };
    match within_year {
        None => {
            out.reason(dates(Check::new("reg.temp_term", &P_677_P13_A3)).status(None));
        }
        Some(true) => {
            out.reason(dates(Check::new("reg.temp_term", &P_677_P13_A3)).status(Some(true)));
        }
        Some(false) => {
            // Whether the whole stay can be registered (¶4), or one year of it (¶3).
            let reason = r.long_stay_reason;
            let mut c = dates(Check::new("reg.temp_term", &P_677_P13_A4)).uses(fact!("registration.long_stay_reason"), reason.is_some());
            let whole = match reason {
                None => None,
                Some(LongStayReason::Other) => Some(false),
                Some(LongStayReason::OfficialDuties | LongStayReason::Study) => {
                    c = c.uses(fact!("registration.has_confirming_document"), r.has_confirming_document.is_some());
                    r.has_confirming_document
                }
            };
            out.reason(c.status(whole));
            if whole == Some(true) {
                out.document("reg.confirming_document", "reg.long_stay_duties_or_study", &P_677_P13_A4, false);
            } else if whole == Some(false) {
                out.note("reg.term_up_to_one_year", &P_677_P13_A3);
            }
        }
    }
    // 677-p13-a1 (C4): temporary registration leaves the permanent one in place.
    out.note("reg.temporary_keeps_permanent", &P_677_P13_A1);
    // 677-p13-a6: leaving early: deregistration on the owner's or the person's application.
    out.note("reg.leaving_early", &P_677_P13_A6);
}

// ============================================================================ paras 16, 17

fn p16_p17_special_localities(out: &mut Outcome, f: &Facts) {
    let r = f.r;
    // 677-p16-a2: in closed administrative-territorial units a permit is submitted; without it,
    // no registration (inferred).
    match r.closed_territory {
        None => {
            out.reason(
                Check::new("reg.closed_territory_permit", &P_677_P16_A2).uses(fact!("registration.closed_territory"), false).status(None),
            );
        }
        Some(false) => {}
        Some(true) => {
            // Obtaining the permit is a step before applying; the refusal ground stays shown.
            let p = r.has_closed_territory_permit;
            out.reason(
                Check::new("reg.closed_territory_permit", &P_677_P16_A2)
                    .step()
                    .uses(fact!("registration.closed_territory"), true)
                    .uses(fact!("registration.has_closed_territory_permit"), p.is_some())
                    .status(p),
            );
            out.document("reg.closed_territory_permit", "reg.closed_territory", &P_677_P16_A2, false);
            out.refusal_ground("reg.no_closed_territory_permit", &P_677_P16_A2);
        }
    }
    // 677-p16-a1, 677-p17-a1: in localities with restrictions on the choice of residence,
    // registration is not refused to those coming to close relatives (677-p2-s2) for permanent
    // residence, returning after a temporary absence, or released from prison who lived there
    // before conviction. Others may be restricted under art. 31-1 of the Law on Defence (external).
    if r.restricted_locality == Some(true) {
        let cat = r.restricted_category;
        let protected = cat.map(|c| c != RestrictedCategory::None);
        out.reason(
            Check::new("reg.restricted_locality_not_refused", &P_677_P17_A1)
                .info()
                .uses(fact!("registration.restricted_category"), cat.is_some())
                .status(protected),
        );
        if protected == Some(false) {
            out.refusal_ground("reg.restricted_locality", &P_677_P16_A1);
        }
        // Not stated whether para 17 also dispenses with the para 16 permit: it is still asked.
        if r.closed_territory == Some(true) && protected == Some(true) {
            out.note("reg.restricted_permit_still_needed", &P_677_P17_A1);
        }
    }
    // 677-p17-a2: deregistered on the owner's application: on election day, registration at the
    // polling station's address.
    if r.deregistered_by_owner == Some(true) {
        out.note("reg.election_day_registration", &P_677_P17_A2);
    }
}

// ============================================================================ para 3: channels

/// 677-p3-a2: citizens through the ЦОН or the portal; 677-p3-a3: PRP holders through the ЦОН;
/// 677-p8: refugees at the territorial subdivision. While the pilot is in force, citizens follow
/// the pilot's routing (C11: date-switched).
fn p3_channels(out: &mut Outcome, f: &Facts, astana: Option<&Astana>) {
    match f.group {
        Some(Group::Refugee) => out.channel(Channel::ProviderOffice, true, "reg.refugee_territorial_subdivision", &P_677_P8),
        Some(Group::Prp) => {
            out.channel(Channel::Con, true, "reg.prp_con_only", &P_677_P3_A3);
            out.channel(Channel::EgovEds, false, "reg.prp_no_portal", &P_677_P3_A3);
            if f.pilot == pilot::Phase::InForce {
                out.note("reg.pilot_citizens_only", &P_PILOT_O1);
            }
        }
        // Para 15 names no channel: the ЦОН, as for other foreigners (para 3 paragraph 3), assumed.
        Some(Group::Serviceman) => out.channel(Channel::Con, true, "reg.serviceman_channel_assumed", &P_677_P15),
        Some(Group::Citizen) if f.pilot == pilot::Phase::InForce => pilot::channels(out, f, astana),
        Some(Group::Citizen) => {
            out.channel(Channel::Con, true, "reg.citizen_con", &P_677_P3_A2);
            out.channel(Channel::EgovEds, true, "reg.citizen_portal", &P_677_P3_A2);
            out.channel(Channel::EgovOtp, true, "reg.portal_otp", &P_REG_NOTES_4_4);
            if f.pilot == pilot::Phase::Ended {
                out.note("reg.pilot_ended", &P_PILOT_O6);
            }
        }
        Some(Group::NotCovered) | None => {}
    }
}

/// 677-p4-a1 and 677-p7-s2.1 (C7): at a counter, the owner's identity document, presence and
/// written consent; online, the owner's consent signed with EDS takes their place. Each document
/// names the channel it belongs to, and only channels open to the person are named: refugees are
/// placed on record by the internal affairs bodies (677-p8), not at a ЦОН.
fn consent_documents(out: &mut Outcome, f: &Facts) {
    if f.place != Some(Place::Dwelling) || f.r.applicant_is_owner != Some(false) {
        return;
    }
    let online = |c: Channel| matches!(c, Channel::EgovEds | Channel::EgovOtp | Channel::ConSelfService);
    let open = |c: Channel| out.channels.iter().any(|o| o.available && o.channel == c);
    let chosen = f.a.application.channel.filter(|c| open(*c));
    let counter = match chosen {
        Some(c) if !online(c) => Some(c),
        Some(_) => None,
        None => out.channels.iter().find(|o| o.available && !online(o.channel)).map(|o| o.channel),
    };
    let on = match chosen {
        Some(c) if online(c) => Some(c),
        Some(_) => None,
        None => out.channels.iter().find(|o| o.available && online(o.channel)).map(|o| o.channel),
    };
    if let Some(c) = counter {
        let because = if c == Channel::ProviderOffice { "reg.consent_at_office" } else { "reg.consent_at_counter" };
        out.document_at(c, "reg.owner_identity_document", because, &P_677_P7_S2_1, false);
        out.document_at(c, "reg.owner_written_consent", because, &P_677_P7_S2_1, false);
    }
    if let Some(c) = on {
        out.document_at(c, "reg.owner_eds_consent", "reg.consent_online", &P_677_P4_A1, true);
    }
}

/// No fee is stated in the sources: a parameter marked unverified (research notes §4.7), now 0.
fn fee(out: &mut Outcome, f: &Facts) {
    let Ok(v) = PARAM_REG_FEE_MCI_HUNDREDTHS.at(f.as_of) else { return };
    out.limit(Limit::Unverified { what: PARAM_REG_FEE_MCI_HUNDREDTHS.name });
    out.fee = Some(if v.value == 0 {
        super::free(&P_REG_NOTES_4_7)
    } else {
        super::fee_in_mci(out, f.as_of, v.value as f64 / 100.0, &P_REG_NOTES_4_7)
    });
}

/// The owner as the pilot sees him: the person himself when he is the owner.
pub(crate) fn owner_is_minor_or_incapable(f: &Facts) -> Option<bool> {
    match f.r.applicant_is_owner {
        Some(true) => f.age.map(|a| i64::from(a) < int(&PARAM_PILOT_OWNER_ADULT_AGE, f.as_of)),
        _ => f.r.owner_type.map(|o| matches!(o, OwnerType::Minor | OwnerType::Incapable)),
    }
}
