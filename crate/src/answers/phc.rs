//! Answers for attachment to a primary health care (PHC) organisation (Order ҚР ДСМ-194/2020).

use super::{Answers, Field, FieldKind, InputError, InputErrorKind};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct PhcAnswers {
    /// Only for temporarily staying foreigners and stateless persons and for EAEU labour migrants and
    /// their families: whether the person holds voluntary or compulsory medical insurance.
    pub has_insurance: Option<bool>,
    /// Who makes the application: the person themself, a parent of a minor, a guardian (custodian,
    /// foster carer or other substitute carer), or someone acting by proxy.
    pub applicant: Option<PhcApplicant>,
    /// Why the person applies: relocation, a free change of organisation, the yearly campaign, or
    /// none of these.
    pub reason: Option<PhcReason>,
    /// For a free change: how many free changes of organisation the person has already made in this
    /// calendar year (relocations and campaign attachments not counted).
    pub changes_this_year: Option<u32>,
    /// Whether the chosen PHC organisation is in the administrative-territorial unit (city, district)
    /// of the person's place of permanent or temporary residence.
    pub organisation_in_residence_unit: Option<bool>,
    /// Only when the organisation is outside that unit: whether the person lives in a border area and
    /// the organisation is a nearby one in the neighbouring unit.
    pub border_area: Option<bool>,
    /// The categories of the source's document list that apply to the person (empty list: none).
    pub categories: Option<Vec<PhcCategory>>,
}

/// Who applies for the attachment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PhcApplicant {
    /// The person to be attached applies themself.
    #[serde(rename = "self")]
    Myself,
    /// A parent of a minor child, as the child's legal representative.
    Parent,
    /// A guardian, custodian, foster carer or other substitute carer (legal representative by appointment).
    Guardian,
    /// A person acting by proxy (power of attorney), including under a medical insurance agreement.
    Proxy,
}

/// The reason for the application (the three uses the service page names, or none of them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PhcReason {
    /// Change of residence (relocation).
    Relocation,
    /// A free change of organisation, limited per calendar year.
    FreeChange,
    /// The yearly attachment campaign.
    Campaign,
    /// Attached nowhere yet: a newborn, a child born abroad, a person arriving to live here.
    FirstAttachment,
    /// None of these.
    Other,
}

/// A category of the source's list of documents at the PHC organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PhcCategory {
    /// Pensioner.
    Pensioner,
    /// Person with a disability.
    Disability,
    /// A child with a disability from birth (represented by a legal representative).
    DisabledChild,
    /// Convict serving a sentence in a place of deprivation of liberty (penal colony).
    Convict,
    /// Conscripted serviceman.
    Conscript,
    /// Madrasa student.
    MadrasaStudent,
    /// Out-of-town student of a higher education institution.
    OutOfTownStudent,
    /// Child born in a foreign country.
    BornAbroad,
    /// Ward of a baby home, orphan, elderly person or other person in state care.
    StateCare,
}

pub const APPLICANT_OPTIONS: &[&str] = &["self", "parent", "guardian", "proxy"];
pub const REASON_OPTIONS: &[&str] = &["relocation", "free_change", "campaign", "first_attachment", "other"];
pub const CATEGORY_OPTIONS: &[&str] = &[
    "pensioner",
    "disability",
    "disabled_child",
    "convict",
    "conscript",
    "madrasa_student",
    "out_of_town_student",
    "born_abroad",
    "state_care",
];

/// Interview order: coverage (insurance), who applies, why, the limits of the ground, the
/// territory, then the categories that only add documents.
pub const FIELDS: &[Field] = &[
    Field { path: "phc.has_insurance", kind: FieldKind::Bool },
    Field { path: "phc.applicant", kind: FieldKind::Choice(APPLICANT_OPTIONS) },
    Field { path: "phc.reason", kind: FieldKind::Choice(REASON_OPTIONS) },
    Field { path: "phc.changes_this_year", kind: FieldKind::Int },
    Field { path: "phc.organisation_in_residence_unit", kind: FieldKind::Bool },
    Field { path: "phc.border_area", kind: FieldKind::Bool },
    Field { path: "phc.categories", kind: FieldKind::Many(CATEGORY_OPTIONS) },
];

impl PhcAnswers {
    pub fn validate(&self, _all: &Answers, _as_of: NaiveDate) -> Vec<InputError> {
        let mut e = Vec::new();
        // Nobody changes organisation more than once a day.
        if self.changes_this_year.is_some_and(|n| n > 366) {
            e.push(InputError { field: "phc.changes_this_year", kind: InputErrorKind::TooLarge { max: 366.0 } });
        }
        e
    }
}
