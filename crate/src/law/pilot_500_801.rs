//! The electronic registration pilot: Joint Order of the Minister of AI and Digital Development
//! No. 500/НҚ of 07.10.2025 and the Minister of Internal Affairs No. 801 of 31.10.2025, and its
//! Algorithm (`shared/sources/registration-pilot.kk.txt`, the Kazakh text prevails).
//!
//! In force from its first official publication (parameter `pilot_start`, unverified: press
//! 11.11.2025) «until 30.06.2026» (`pilot_end`, read as the last day in force). It changes only the
//! channels of **citizens** (pilot-o1); who may be registered stays with Order 677, which
//! [`super::registration_677::evaluate`] decides and then calls [`channels`] here. Where the pilot's
//! online flow and Order 677 diverge (C1, C2), the verdict follows 677 and the channel says why it
//! would stop.

use super::registration_677::{owner_is_minor_or_incapable, Astana, Facts, Place};
use crate::answers::registration::RegistrationKind;
use crate::data::*;
use crate::report::{Channel, Limit, Outcome};
use chrono::NaiveDate;

/// Whether the pilot is in force on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    NotYet,
    InForce,
    Ended,
}

/// pilot-o6: «алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі және 2026 жылғы
/// 30 маусымға дейін қолданылады». The start is unverified; «дейін» is read as inclusive. When it
/// matters (`citizen`), the unverified start is reported as a limit.
pub fn phase(out: &mut Outcome, as_of: NaiveDate, citizen: bool) -> Phase {
    let start = PARAM_PILOT_START.at(as_of).ok().map(|v| v.value);
    let end = PARAM_PILOT_END.at(as_of).ok().map(|v| v.value);
    let (Some(start), Some(end)) = (start, end) else { return Phase::NotYet };
    if citizen && as_of <= end {
        out.limit(Limit::Unverified { what: PARAM_PILOT_START.name });
    }
    if as_of < start {
        Phase::NotYet
    } else if as_of <= end {
        Phase::InForce
    } else {
        Phase::Ended
    }
}

fn last_day(as_of: NaiveDate) -> bool {
    PARAM_PILOT_END.at(as_of).is_ok_and(|v| v.value == as_of)
}

/// The channels of a citizen while the pilot is in force (Algorithm chapters 2 and 3).
pub(crate) fn channels(out: &mut Outcome, f: &Facts, astana: Option<&Astana>) {
    let as_of = f.as_of;
    if last_day(as_of) {
        out.note("reg.pilot_last_day_ambiguous", &P_PILOT_NOTE);
    }
    // C10: pilot-p2-s2 defines «the service» as permanent registration; chapters 2–3 are applied
    // to temporary registration too, as the title, para 1 and paras 9–10 cover it.
    if f.kind == Some(RegistrationKind::Temporary) {
        out.note("reg.pilot_temporary_reading", &P_PILOT_P2_S2);
    }
    let in_astana = f.r.in_astana == Some(true);
    // C5: institutions (the petition route) and legal-entity owners are not addressed by the
    // Algorithm (pilot-o3 names «заңды»); literally they fall under para 5, online.
    let owner_counter = if f.place == Some(Place::Institution) {
        out.note("reg.pilot_institution_unclear", &P_PILOT_O3);
        Some(false)
    } else {
        if f.r.applicant_is_owner == Some(false) && f.r.owner_type == Some(crate::answers::registration::OwnerType::LegalEntity) {
            out.note("reg.pilot_legal_entity_owner", &P_PILOT_O3);
        }
        owner_is_minor_or_incapable(f)
    };

    // pilot-p5: no counter service; (pilot-p9: in Astana, online only).
    let no_counter = if in_astana { &P_PILOT_P9 } else { &P_PILOT_P5 };
    match owner_counter {
        // pilot-p4: owner a minor or legally incapable → the ЦОН operating hall.
        // pilot-p6: the operator enters the owner's IIN, checked against ГБД ФЛ and Е-Собес;
        // pilot-p7: then the legal representative's powers; pilot-p8: a negative check → online.
        Some(true) => {
            out.channel(Channel::OperatingHall, true, "reg.pilot_operating_hall", &P_PILOT_P4);
            out.channel(Channel::Con, false, "reg.pilot_no_counter", no_counter);
            out.channel(Channel::EgovEds, false, "reg.pilot_minor_owner_counter", &P_PILOT_P4);
            out.document_at(Channel::OperatingHall, "reg.owner_iin", "reg.owner_minor_or_incapable", &P_PILOT_P6, false);
            out.document_at(Channel::OperatingHall, "reg.representative_authority", "reg.owner_minor_or_incapable", &P_PILOT_P7, false);
            out.note("reg.pilot_owner_iin_check", &P_PILOT_P8);
        }
        // pilot-p5, pilot-p9: online, including the ЦОН self-service sector.
        Some(false) => {
            let stop = astana.and_then(|a| online_flow_stop(out, f, a));
            online(out, stop, "reg.pilot_online");
            out.channel(Channel::Con, false, "reg.pilot_no_counter", no_counter);
            if in_astana {
                arrival_form(out);
            }
        }
        None => {
            let stop = astana.and_then(|a| online_flow_stop(out, f, a));
            online(out, stop, "reg.pilot_online_unless_minor_owner");
            out.channel(Channel::OperatingHall, true, "reg.pilot_operating_hall_if_minor_owner", &P_PILOT_P4);
            out.channel(Channel::Con, false, "reg.pilot_no_counter", no_counter);
            if in_astana {
                arrival_form(out);
            }
        }
    }
}

/// The online channels: open, or closed with the step of pilot-p10 at which the flow stops.
#[cfg_attr(any(feature = "inline", not(target_arch = "wasm32")), inline(always))]
fn online(out: &mut Outcome, stop: Option<(&'static str, &'static Provision)>, why: &'static str) {
    let (open, why_online, cite) = match stop {
        Some((w, p)) => (false, w, p),
        None => (true, why, &P_PILOT_P5),
    };
    out.channel(Channel::EgovEds, open, why_online, cite);
    out.channel(Channel::EgovOtp, open, if open { "reg.portal_otp" } else { why_online }, if open { &P_REG_NOTES_4_4 } else { cite });
    out.channel(Channel::ConSelfService, open, why_online, cite);
}

/// pilot-p10-s3: the applicant fills in and signs the statistical arrival form — in the online
/// flow, so only while that flow is open to the person.
#[cfg_attr(any(feature = "inline", not(target_arch = "wasm32")), inline(always))]
fn arrival_form(out: &mut Outcome) {
    if out.channels.iter().any(|c| c.channel == Channel::EgovEds && c.available) {
        out.document_at(Channel::EgovEds, "reg.statistical_arrival_form", "reg.pilot_astana_online", &P_PILOT_P10_S3, false);
    }
}

/// pilot-p10: the Astana online flow over the norm. Returns why (and where) it would stop.
#[cfg_attr(any(feature = "inline", not(target_arch = "wasm32")), inline(always))]
fn online_flow_stop(out: &mut Outcome, f: &Facts, a: &Astana) -> Option<(&'static str, &'static Provision)> {
    let r = f.r;
    // pilot-p10-s3: «нормативке қол жеткізген кезде»: compared as (registered + 1) × norm > area,
    // the reading that agrees with 677-p4-a5. Under the literal reading (registered × norm ≥ area)
    // the system might not ask for the relationship at all: flagged.
    if !a.reached_literal {
        out.note("reg.pilot_norm_reading_differs", &P_PILOT_P10_S3);
    }
    if a.owner_self {
        return None;
    }
    let rel = r.relation_to_owner;
    let recorded = r.category_in_state_records;
    // pilot-p10-s4: the list: child, parent, spouse, full and half siblings, grandparents,
    // grandchildren, in-law, full-time student. C1: narrower than 677 and (B) is never checked.
    let stop = match (rel, r.fulltime_student_in_astana) {
        // pilot-p10-s5, s6: a kinship confirmed in АХАЖ; not confirmed → "update the act record".
        (Some(x), _) if x.in_pilot_list() => (recorded == Some(false)).then_some(("reg.pilot_relation_not_recorded", &P_PILOT_P10_S6)),
        // pilot-p10-s7: full-time study in the capital confirmed in НОБД / ЕПВО.
        (_, Some(true)) => (recorded == Some(false)).then_some(("reg.pilot_study_not_recorded", &P_PILOT_P10_S7)),
        (Some(_), Some(false)) => Some(("reg.pilot_list_lacks_category", &P_PILOT_P10_S4)),
        (Some(x), None) if x.is_excepted() => Some(("reg.pilot_list_lacks_category", &P_PILOT_P10_S4)),
        _ => None,
    };
    match stop {
        // C1: within 677's exception, but the online list has no option for the person.
        Some(("reg.pilot_list_lacks_category", _)) if a.category == Some(true) => {
            out.note("reg.pilot_category_missing_online", &P_PILOT_P10_S4)
        }
        // C2: 677 accepts documents; the online flow only state records, and no counter is open.
        Some(("reg.pilot_relation_not_recorded" | "reg.pilot_study_not_recorded", _)) => {
            out.note("reg.pilot_documents_not_online", &P_PILOT_P10_S6)
        }
        _ => {}
    }
    // C1: the online list would accept the person, but 677 refuses for a registered outsider.
    if stop.is_none() && a.category == Some(true) && a.no_outsider == Some(false) {
        out.note("reg.pilot_outsiders_not_checked", &P_PILOT_P10_S4);
    }
    stop
}
