//! Answers for the licence for medical activity (Order ҚР ДСМ-59/2020, List of basic requirements).

use super::{Answers, Field, FieldKind, InputError, InputErrorKind};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct LicenceAnswers {
    /// Who applies: an individual (application forms of Appendices 2 and 4) or a legal entity
    /// (Appendices 3 and 5). An individual is identified by `person.iin`.
    pub applicant: Option<LicenceApplicant>,
    /// Business identification number of the legal entity (or of the branch or representative
    /// office of a foreign legal entity): 12 digits with a valid check digit. Legal entities only.
    pub bin: Option<String>,
    /// The applicant already holds a licence for medical activity.
    pub holds_licence: Option<bool>,
    /// What is asked for: the issue of a licence and (or) an annex, its re-issue, or a duplicate.
    pub action: Option<LicenceAction>,
    /// Issue only: the applicant holds the licence and asks only for an annex to it (a new
    /// subtype of activity or a new facility).
    pub annex_only: Option<bool>,
    /// The licence (or annex) held was also issued on paper.
    pub paper_licence: Option<bool>,
    /// Duplicate only: the paper licence (or annex) was lost or damaged.
    pub paper_lost_or_damaged: Option<bool>,
    /// The applicant (for a legal entity: the legal entity, signed by its head) has an electronic
    /// digital signature (ЭЦП) to sign the application on the portal.
    pub has_eds: Option<bool>,
    /// A court decision (sentence) in legal force suspends or prohibits the applicant's licensed
    /// activity or some types of it.
    pub court_ban: Option<bool>,
    /// The applicant meets the qualification requirements for the declared subtypes of medical
    /// activity (Order ҚР ДСМ-148/2020) — the applicant's own assessment.
    pub meets_qualification_requirements: Option<bool>,
    /// A court, on a bailiff's submission, has temporarily prohibited issuing a licence to the
    /// applicant as a debtor.
    pub bailiff_ban: Option<bool>,
    /// A court decision in legal force has deprived the applicant of a special right connected
    /// with this service.
    pub deprived_of_special_right: Option<bool>,
    /// The applicant consents to access to his or her personal data of restricted access
    /// (Law "On personal data and their protection", art. 8).
    pub consents_to_personal_data: Option<bool>,
    /// The licence fee for this action has been paid (through the egov payment gateway, a bank or
    /// another payment organisation).
    pub fee_paid: Option<bool>,
    /// Issue only: the year the medical specialist completed medical studies (higher, secondary,
    /// technical and vocational or post-secondary). For a legal entity with several specialists:
    /// the earliest such year among them.
    pub studies_completed_year: Option<i32>,
    /// Issue only: the employment contracts of the declared specialists are recorded in the state
    /// information system (employee profiles and employment-contract records on the e-government
    /// gateway).
    pub employment_in_state_system: Option<bool>,
    /// Issue only: the right to the premises (ownership, lease, loan, trust management or a
    /// public-private partnership agreement) is recorded on the e-government gateway.
    pub premises_in_state_system: Option<bool>,
    /// Re-issue only: the information on the changes that ground the re-issue is held in state
    /// information systems (e.g. a re-registered legal entity, a changed name).
    pub changes_in_state_system: Option<bool>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LicenceApplicant {
    /// An individual (private practice, individual entrepreneur): identified by IIN.
    Individual,
    /// A legal entity, or a branch or representative office of a foreign legal entity: identified by BIN.
    LegalEntity,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LicenceAction {
    /// Issue of a licence and (or) an annex to it (13 working days).
    Issue,
    /// Re-issue of a licence and (or) an annex (3 working days).
    Reissue,
    /// Duplicate of a paper licence and (or) annex that was lost or damaged (2 working days).
    Duplicate,
}

/// Interview order: who applies, what is asked for, whether the portal is open to them, the
/// grounds for refusal the applicant can answer, then the facts that shape the checklist.
pub const FIELDS: &[Field] = &[
    Field { path: "licence.applicant", kind: FieldKind::Choice(&["individual", "legal_entity"]) },
    Field { path: "licence.bin", kind: FieldKind::Bin },
    Field { path: "licence.holds_licence", kind: FieldKind::Bool },
    Field { path: "licence.action", kind: FieldKind::Choice(&["issue", "reissue", "duplicate"]) },
    Field { path: "licence.annex_only", kind: FieldKind::Bool },
    Field { path: "licence.paper_licence", kind: FieldKind::Bool },
    Field { path: "licence.paper_lost_or_damaged", kind: FieldKind::Bool },
    Field { path: "licence.has_eds", kind: FieldKind::Bool },
    Field { path: "licence.court_ban", kind: FieldKind::Bool },
    Field { path: "licence.meets_qualification_requirements", kind: FieldKind::Bool },
    Field { path: "licence.bailiff_ban", kind: FieldKind::Bool },
    Field { path: "licence.deprived_of_special_right", kind: FieldKind::Bool },
    Field { path: "licence.consents_to_personal_data", kind: FieldKind::Bool },
    Field { path: "licence.fee_paid", kind: FieldKind::Bool },
    Field { path: "licence.studies_completed_year", kind: FieldKind::Int },
    Field { path: "licence.employment_in_state_system", kind: FieldKind::Bool },
    Field { path: "licence.premises_in_state_system", kind: FieldKind::Bool },
    Field { path: "licence.changes_in_state_system", kind: FieldKind::Bool },
];

/// The earliest year of completed studies accepted (as for dates of birth).
const EARLIEST_YEAR: i32 = 1900;

impl LicenceAnswers {
    pub fn validate(&self, _all: &Answers, as_of: NaiveDate) -> Vec<InputError> {
        let mut e = Vec::new();
        let conflict = |code| InputErrorKind::Conflict { code };
        if let Some(bin) = &self.bin {
            if let Err(error) = crate::ids::validate(bin) {
                e.push(InputError { field: "licence.bin", kind: InputErrorKind::Id { error } });
            }
            // An individual (an individual entrepreneur too) is identified by IIN, never by BIN.
            if self.applicant == Some(LicenceApplicant::Individual) {
                e.push(InputError { field: "licence.bin", kind: conflict("licence.bin_for_individual") });
            }
        }
        if let Some(y) = self.studies_completed_year {
            if y > as_of.year() {
                e.push(InputError { field: "licence.studies_completed_year", kind: InputErrorKind::DateInFuture });
            } else if y < EARLIEST_YEAR {
                e.push(InputError {
                    field: "licence.studies_completed_year",
                    kind: InputErrorKind::TooSmall { min: f64::from(EARLIEST_YEAR) },
                });
            }
        }
        if self.holds_licence == Some(false) {
            if self.annex_only == Some(true) {
                e.push(InputError { field: "licence.annex_only", kind: conflict("licence.annex_without_licence") });
            }
            if self.paper_licence == Some(true) {
                e.push(InputError { field: "licence.paper_licence", kind: conflict("licence.paper_without_licence") });
            }
        }
        if self.paper_licence == Some(false) && self.paper_lost_or_damaged == Some(true) {
            e.push(InputError { field: "licence.paper_lost_or_damaged", kind: conflict("licence.lost_paper_without_paper") });
        }
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::IdError;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 2, 2).unwrap_or_default()
    }

    fn errors(l: LicenceAnswers) -> Vec<InputError> {
        let all = Answers { licence: l.clone(), ..Default::default() };
        l.validate(&all, day())
    }

    #[test]
    fn a_legal_entity_with_a_valid_bin_is_accepted() {
        // BIN 940140000385 (research notes §6.3): check digit 5 matches.
        let l = LicenceAnswers { applicant: Some(LicenceApplicant::LegalEntity), bin: Some("940140000385".into()), ..Default::default() };
        assert_eq!(errors(l), vec![]);
    }

    #[test]
    fn a_bad_bin_is_an_input_error_naming_the_field() {
        let l = LicenceAnswers { applicant: Some(LicenceApplicant::LegalEntity), bin: Some("940140000386".into()), ..Default::default() };
        assert_eq!(errors(l), vec![InputError { field: "licence.bin", kind: InputErrorKind::Id { error: IdError::WrongCheckDigit } }]);
        let l = LicenceAnswers { bin: Some("94014000038".into()), ..Default::default() };
        assert_eq!(errors(l), vec![InputError { field: "licence.bin", kind: InputErrorKind::Id { error: IdError::NotTwelveDigits } }]);
    }

    #[test]
    fn an_individual_is_identified_by_iin_not_bin() {
        let l = LicenceAnswers { applicant: Some(LicenceApplicant::Individual), bin: Some("940140000385".into()), ..Default::default() };
        assert_eq!(
            errors(l),
            vec![InputError { field: "licence.bin", kind: InputErrorKind::Conflict { code: "licence.bin_for_individual" } }]
        );
    }

    #[test]
    fn a_bad_iin_of_an_individual_is_an_input_error() {
        let all =
            Answers { person: crate::answers::Person { iin: Some("061211600013".into()), ..Default::default() }, ..Default::default() };
        assert!(all.validate(day()).iter().any(|e| e.field == "person.iin"));
    }

    #[test]
    fn impossible_combinations_and_years_are_input_errors() {
        let l = LicenceAnswers { holds_licence: Some(false), annex_only: Some(true), paper_licence: Some(true), ..Default::default() };
        let fields: Vec<&str> = errors(l).iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["licence.annex_only", "licence.paper_licence"]);
        let l = LicenceAnswers { paper_licence: Some(false), paper_lost_or_damaged: Some(true), ..Default::default() };
        assert_eq!(errors(l).len(), 1);
        let l = LicenceAnswers { studies_completed_year: Some(2027), ..Default::default() };
        assert_eq!(errors(l)[0].kind, InputErrorKind::DateInFuture);
        let l = LicenceAnswers { studies_completed_year: Some(1899), ..Default::default() };
        assert_eq!(errors(l)[0].kind, InputErrorKind::TooSmall { min: 1900.0 });
    }
}
