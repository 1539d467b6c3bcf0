//! Answers for the temporary residence permit (TRP, РВП) of foreigners and stateless persons.
//!
//! Citizenship and legal status are person fields (`person.citizenship`, `person.status`); the
//! age rule uses `person.date_of_birth`.

use super::{Answers, Field, FieldKind, InputError, InputErrorKind, LegalStatus};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct TrpAnswers {
    /// The ground (subtype) on which the permit is sought: who sponsors it and why the person stays.
    pub subtype: Option<TrpSubtype>,
    /// For household work: how many temporary residence permits, issued to the same employer on
    /// employment contracts for work in the household, are valid now (not counting this application).
    pub employer_household_permits: Option<u32>,
    /// The receiving party (host) owns the housing given to the immigrant.
    pub host_owns_housing: Option<bool>,
    /// The applicant's phone number is registered in the mobile citizens database (for the one-time password).
    pub phone_in_mobile_database: Option<bool>,
}

/// The subtypes of the TRP (research notes §3.5, rows 1–14).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TrpSubtype {
    /// Family reunification with a person permanently residing in Kazakhstan.
    FamilyReunification,
    /// Labour activity: employer holding a permit to attract foreign labour, or self-employment
    /// under a certificate of compliance of qualifications.
    Labour,
    /// Labour immigrant doing household work for an individual employer.
    HouseholdWork,
    /// Worker who needs no work permit (EAEU and treaty cases), or a member of their family.
    PermitExemptWorker,
    /// Intra-corporate transfer, or a services contract between legal entities.
    IntraCorporate,
    /// Accredited foreign journalist.
    Journalist,
    /// Employee of the Astana International Financial Centre (AIFC), or a member of their family.
    AifcEmployee,
    /// AIFC investment resident, or a member of their family.
    AifcInvestmentResident,
    /// Full-time study at a Kazakh educational organisation.
    Study,
    /// Inpatient treatment, or care of a patient.
    Treatment,
    /// Missionary activity.
    Missionary,
    /// Business immigrant (entrepreneurship).
    BusinessImmigrant,
    /// Victim of human trafficking.
    TraffickingVictim,
    /// Applicant for a permanent residence permit, while the application is considered.
    PrpApplicant,
    /// None of these grounds.
    Other,
}

impl TrpSubtype {
    /// The serde name, also the outcome's case.
    pub fn code(self) -> &'static str {
        match self {
            TrpSubtype::FamilyReunification => "family_reunification",
            TrpSubtype::Labour => "labour",
            TrpSubtype::HouseholdWork => "household_work",
            TrpSubtype::PermitExemptWorker => "permit_exempt_worker",
            TrpSubtype::IntraCorporate => "intra_corporate",
            TrpSubtype::Journalist => "journalist",
            TrpSubtype::AifcEmployee => "aifc_employee",
            TrpSubtype::AifcInvestmentResident => "aifc_investment_resident",
            TrpSubtype::Study => "study",
            TrpSubtype::Treatment => "treatment",
            TrpSubtype::Missionary => "missionary",
            TrpSubtype::BusinessImmigrant => "business_immigrant",
            TrpSubtype::TraffickingVictim => "trafficking_victim",
            TrpSubtype::PrpApplicant => "prp_applicant",
            TrpSubtype::Other => "other",
        }
    }
}

pub const FIELDS: &[Field] = &[
    Field {
        path: "trp.subtype",
        kind: FieldKind::Choice(&[
            "family_reunification",
            "labour",
            "household_work",
            "permit_exempt_worker",
            "intra_corporate",
            "journalist",
            "aifc_employee",
            "aifc_investment_resident",
            "study",
            "treatment",
            "missionary",
            "business_immigrant",
            "trafficking_victim",
            "prp_applicant",
            "other",
        ]),
    },
    Field { path: "trp.employer_household_permits", kind: FieldKind::Int },
    Field { path: "trp.host_owns_housing", kind: FieldKind::Bool },
    Field { path: "trp.phone_in_mobile_database", kind: FieldKind::Bool },
];

impl TrpAnswers {
    /// A citizen of Kazakhstan cannot be stateless.
    pub fn validate(&self, all: &Answers, _as_of: NaiveDate) -> Vec<InputError> {
        let mut e = Vec::new();
        let p = &all.person;
        if p.status == Some(LegalStatus::Citizen) && p.citizenship.as_deref() == Some("stateless") {
            e.push(InputError { field: "person.citizenship", kind: InputErrorKind::Conflict { code: "trp.citizen_stateless" } });
        }
        e
    }
}
