//! Answers for registration at the place of residence (permanent) or of temporary stay
//! (temporary), and for refugees' placing on record (MIA Order 677 as amended by Order 916;
//! pilot joint order 500/НҚ–801). Field paths are `registration.<name>`.

use super::{Answers, Field, FieldKind, InputError, InputErrorKind};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct RegistrationAnswers {
    /// Permanent registration (at the place of residence) or temporary registration (at a place of
    /// temporary stay). Refugees are placed on record at the place of stay whatever is chosen here.
    pub kind: Option<RegistrationKind>,
    /// Kandas only: holds a permit for permanent residence in Kazakhstan (вид на жительство).
    pub has_residence_permit: Option<bool>,
    /// Foreigners staying temporarily only: is a serviceman of the armed forces of a CIS member state
    /// (Order 677 para 15).
    pub cis_serviceman: Option<bool>,
    /// The person is under guardianship (опека / қорғаншылық): a child without parental care, or an
    /// adult declared legally incapable by a court. Custodianship (попечительство) is not guardianship.
    pub under_guardianship: Option<bool>,
    /// Day of arrival at the new place of residence or of temporary stay (YYYY-MM-DD).
    pub arrival_date: Option<NaiveDate>,
    /// Temporary registration: the day the stay ends, i.e. the end of the requested registration term
    /// counted from the arrival date (YYYY-MM-DD).
    pub stay_until: Option<NaiveDate>,
    /// Temporary stay of more than a year: why the person stays away from the place of residence.
    pub long_stay_reason: Option<LongStayReason>,
    /// Temporary stay of more than a year for official duties or study: the person has a document
    /// confirming them (employer's order or letter, certificate of study).
    pub has_confirming_document: Option<bool>,
    /// Temporary registration: the person is staying in a medical (treatment) institution.
    pub in_medical_institution: Option<bool>,
    /// The person has a health impairment caused by a persistent disorder of body functions that
    /// limits vital activity.
    pub has_disabling_impairment: Option<bool>,
    /// The person works on a rotational (shift, вахта) basis.
    pub rotation_worker: Option<bool>,
    /// Citizen, permanent registration: arrives from abroad for permanent residence.
    pub arriving_from_abroad: Option<bool>,
    /// Citizen arriving from abroad: the state of the passport.
    pub passport_state: Option<PassportState>,
    /// Citizen arriving from abroad: has a document confirming removal from the register in the
    /// country of previous residence.
    pub has_foreign_deregistration: Option<bool>,
    /// Citizen arriving from abroad: has a certificate from the competent authority of the country of
    /// previous residence that he or she is not its citizen.
    pub has_no_citizenship_certificate: Option<bool>,
    /// Refugees: the day from which you count the five working days (arrival at the place of stay, or
    /// the grant of refugee status; the Rules do not say which) (YYYY-MM-DD).
    pub refugee_start_date: Option<NaiveDate>,
    /// The kind of place where the person is to be registered.
    pub place_type: Option<PlaceType>,
    /// The place has an address with an address registration code (МТК / РКА) in the state systems.
    pub place_has_address: Option<bool>,
    /// The person being registered is the owner (or a co-owner) of the dwelling.
    pub applicant_is_owner: Option<bool>,
    /// When the person is not the owner: who owns the dwelling.
    pub owner_type: Option<OwnerType>,
    /// When the person is not the owner: every owner (all co-owners) consents to the registration, in
    /// writing or electronically with an EDS.
    pub owners_consent: Option<bool>,
    /// Hostel, hotel, sanatorium, care home or another building used for living: the administration
    /// of the organisation files a petition (ходатайство) for the registration.
    pub has_administration_petition: Option<bool>,
    /// The dwelling is rented (the consent would come from a lessor or tenant, not an owner).
    pub dwelling_rented: Option<bool>,
    /// The place is in the city of Astana.
    pub in_astana: Option<bool>,
    /// Astana: total area of the dwelling in m², as in the real estate cadastre.
    pub area_total_m2: Option<f64>,
    /// Astana: the number of persons registered in the dwelling now, before this registration,
    /// including a registered owner (the owner sees the list on egov.kz).
    pub registered_count: Option<u32>,
    /// Astana: the person's relationship to the owner of the dwelling.
    pub relation_to_owner: Option<Relation>,
    /// Astana: the person studies full-time at an educational institution in Astana.
    pub fulltime_student_in_astana: Option<bool>,
    /// Astana: someone already registered in the dwelling, other than the owner(s), is outside the
    /// excepted categories (not the owner's spouse, in-law, close relative or their spouse or child,
    /// not the owner's ward, not a full-time student in Astana): a lodger, for example.
    pub outsider_registered: Option<bool>,
    /// Astana: the relationship is recorded in Kazakhstan civil-status records (ЗАГС / АХАЖ), or the
    /// full-time study in НОБД / ЕПВО.
    pub category_in_state_records: Option<bool>,
    /// The place is in a settlement under a special regime (closed administrative-territorial unit).
    pub closed_territory: Option<bool>,
    /// Closed administrative-territorial unit: the person has the permit to live or stay there.
    pub has_closed_territory_permit: Option<bool>,
    /// The place is in a locality with restrictions on the choice of residence (art. 31-1 of the Law
    /// "On Defence and the Armed Forces").
    pub restricted_locality: Option<bool>,
    /// Restricted locality: on what basis the person comes.
    pub restricted_category: Option<RestrictedCategory>,
    /// The person lives in the Kazakhstan–Russia border territory and crosses that border.
    pub kz_ru_border_resident: Option<bool>,
    /// The person was deregistered at the place of residence on the owner's application.
    pub deregistered_by_owner: Option<bool>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RegistrationKind {
    /// At the place of residence (тұрғылықты жері бойынша).
    Permanent,
    /// At the place of temporary stay (уақытша болатын жері бойынша).
    Temporary,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LongStayReason {
    /// Performance of official duties.
    OfficialDuties,
    /// Study.
    Study,
    /// Any other reason.
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PassportState {
    /// The passport is valid.
    Valid,
    /// The passport was lost, or expired, while the person was abroad.
    LostOrExpiredAbroad,
}

/// The places of Order 677 para 4 paragraph 3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PlaceType {
    /// Residential house.
    House,
    /// Apartment.
    Apartment,
    /// Dacha building of a horticultural partnership or cooperative.
    Dacha,
    Dormitory,
    Hotel,
    RestHome,
    Sanatorium,
    Prophylactorium,
    /// Medical (treatment) institution.
    MedicalInstitution,
    /// Residential care home (интернат-үй).
    CareHome,
    /// Boarding house (пансионат).
    BoardingHouse,
    /// Home for the elderly.
    ElderlyHome,
    /// Another building or premises used for people to live (stay).
    OtherLivingPremises,
    /// A building or premises not used for living.
    NotForLiving,
}

/// Who owns the dwelling, when the person is not the owner.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OwnerType {
    /// An adult with full legal capacity.
    Adult,
    /// A minor (under 18).
    Minor,
    /// A person declared legally incapable by a court.
    Incapable,
    /// A legal entity.
    LegalEntity,
}

/// The relationship to the owner (Order 677 para 2 subpara 2 and para 4 paragraph 5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Spouse,
    /// Relative by marriage (жекжат, свойственник).
    InLaw,
    Parent,
    Child,
    AdoptiveParent,
    AdoptedChild,
    /// Full brother or sister.
    FullSibling,
    /// Half brother or sister (one common parent).
    HalfSibling,
    Grandparent,
    Grandchild,
    /// Spouse of one of the owner's close relatives.
    SpouseOfCloseRelative,
    /// Child of one of the owner's close relatives (e.g. a nephew or niece).
    ChildOfCloseRelative,
    /// Under the owner's own guardianship or custodianship.
    Ward,
    /// None of these.
    None,
}

impl Relation {
    /// Close relatives as Order 677 para 2 subpara 2 defines them.
    pub fn is_close_relative(self) -> bool {
        use Relation::*;
        matches!(self, Parent | Child | AdoptiveParent | AdoptedChild | FullSibling | HalfSibling | Grandparent | Grandchild)
    }
    /// The categories of Order 677 para 4 paragraph 5 (except the students, asked separately).
    pub fn is_excepted(self) -> bool {
        use Relation::*;
        self.is_close_relative() || matches!(self, Spouse | InLaw | SpouseOfCloseRelative | ChildOfCloseRelative | Ward)
    }
    /// An option of the pilot's online list (pilot Algorithm para 10 subpara 4). Adoptive parents and
    /// children count as parent and child, as civil-status records show them.
    pub fn in_pilot_list(self) -> bool {
        use Relation::*;
        matches!(
            self,
            Child | Parent | AdoptiveParent | AdoptedChild | Spouse | FullSibling | HalfSibling | Grandparent | Grandchild | InLaw
        )
    }
}

/// The categories of Order 677 para 17 paragraph 1 in restricted localities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RestrictedCategory {
    /// Comes to close relatives (para 2 subpara 2) for permanent residence.
    ToCloseRelatives,
    /// Returns after a temporary absence.
    ReturningAfterAbsence,
    /// Released from a place of deprivation of liberty, and lived in this locality before conviction.
    ReleasedLivedBefore,
    /// None of these.
    None,
}

const PLACES: &[&str] = &[
    "house",
    "apartment",
    "dacha",
    "dormitory",
    "hotel",
    "rest_home",
    "sanatorium",
    "prophylactorium",
    "medical_institution",
    "care_home",
    "boarding_house",
    "elderly_home",
    "other_living_premises",
    "not_for_living",
];

const RELATIONS: &[&str] = &[
    "spouse",
    "in_law",
    "parent",
    "child",
    "adoptive_parent",
    "adopted_child",
    "full_sibling",
    "half_sibling",
    "grandparent",
    "grandchild",
    "spouse_of_close_relative",
    "child_of_close_relative",
    "ward",
    "none",
];

/// In interview order: who the person is, the stay, the place and its owner, Astana, special
/// localities, then information-only facts.
pub const FIELDS: &[Field] = &[
    Field { path: "registration.kind", kind: FieldKind::Choice(&["permanent", "temporary"]) },
    Field { path: "registration.has_residence_permit", kind: FieldKind::Bool },
    Field { path: "registration.cis_serviceman", kind: FieldKind::Bool },
    Field { path: "registration.under_guardianship", kind: FieldKind::Bool },
    Field { path: "registration.arrival_date", kind: FieldKind::Date },
    Field { path: "registration.stay_until", kind: FieldKind::Date },
    Field { path: "registration.long_stay_reason", kind: FieldKind::Choice(&["official_duties", "study", "other"]) },
    Field { path: "registration.has_confirming_document", kind: FieldKind::Bool },
    Field { path: "registration.in_medical_institution", kind: FieldKind::Bool },
    Field { path: "registration.has_disabling_impairment", kind: FieldKind::Bool },
    Field { path: "registration.rotation_worker", kind: FieldKind::Bool },
    Field { path: "registration.arriving_from_abroad", kind: FieldKind::Bool },
    Field { path: "registration.has_foreign_deregistration", kind: FieldKind::Bool },
    Field { path: "registration.has_no_citizenship_certificate", kind: FieldKind::Bool },
    Field { path: "registration.passport_state", kind: FieldKind::Choice(&["valid", "lost_or_expired_abroad"]) },
    Field { path: "registration.refugee_start_date", kind: FieldKind::Date },
    Field { path: "registration.place_type", kind: FieldKind::Choice(PLACES) },
    Field { path: "registration.place_has_address", kind: FieldKind::Bool },
    Field { path: "registration.applicant_is_owner", kind: FieldKind::Bool },
    Field { path: "registration.owners_consent", kind: FieldKind::Bool },
    Field { path: "registration.has_administration_petition", kind: FieldKind::Bool },
    Field { path: "registration.owner_type", kind: FieldKind::Choice(&["adult", "minor", "incapable", "legal_entity"]) },
    Field { path: "registration.dwelling_rented", kind: FieldKind::Bool },
    Field { path: "registration.in_astana", kind: FieldKind::Bool },
    Field { path: "registration.area_total_m2", kind: FieldKind::Number },
    Field { path: "registration.registered_count", kind: FieldKind::Int },
    Field { path: "registration.relation_to_owner", kind: FieldKind::Choice(RELATIONS) },
    Field { path: "registration.fulltime_student_in_astana", kind: FieldKind::Bool },
    Field { path: "registration.outsider_registered", kind: FieldKind::Bool },
    Field { path: "registration.category_in_state_records", kind: FieldKind::Bool },
    Field { path: "registration.closed_territory", kind: FieldKind::Bool },
    Field { path: "registration.has_closed_territory_permit", kind: FieldKind::Bool },
    Field { path: "registration.restricted_locality", kind: FieldKind::Bool },
    Field {
        path: "registration.restricted_category",
        kind: FieldKind::Choice(&["to_close_relatives", "returning_after_absence", "released_lived_before", "none"]),
    },
    Field { path: "registration.kz_ru_border_resident", kind: FieldKind::Bool },
    Field { path: "registration.deregistered_by_owner", kind: FieldKind::Bool },
];

/// The largest area and head-count taken as plausible for one dwelling.
const MAX_AREA_M2: f64 = 100_000.0;
const MAX_REGISTERED: u32 = 10_000;

impl RegistrationAnswers {
    pub fn validate(&self, all: &Answers, as_of: NaiveDate) -> Vec<InputError> {
        let mut e = Vec::new();
        let mut push = |field: &'static str, kind: InputErrorKind| e.push(InputError { field, kind });
        if let Some(area) = self.area_total_m2 {
            if area.is_nan() || area <= 0.0 {
                push("registration.area_total_m2", InputErrorKind::TooSmall { min: 0.0 });
            } else if area > MAX_AREA_M2 {
                push("registration.area_total_m2", InputErrorKind::TooLarge { max: MAX_AREA_M2 });
            }
        }
        if self.registered_count.is_some_and(|n| n > MAX_REGISTERED) {
            push("registration.registered_count", InputErrorKind::TooLarge { max: f64::from(MAX_REGISTERED) });
        }
        let dob = all.person.date_of_birth;
        for (field, day) in [("registration.arrival_date", self.arrival_date), ("registration.refugee_start_date", self.refugee_start_date)]
        {
            if let Some(d) = day {
                if let Err(error) = super::bounds::check_past(field, d, as_of) {
                    push(field, error.kind);
                } else if dob.is_some_and(|b| d < b) {
                    push(field, InputErrorKind::DateTooEarly);
                }
            }
        }
        if let Some(until) = self.stay_until {
            if let Err(error) = super::bounds::check("registration.stay_until", until, super::bounds::ANY_DAY) {
                push("registration.stay_until", error.kind);
            } else if self.arrival_date.is_some_and(|from| until <= from) {
                push("registration.stay_until", InputErrorKind::DateTooEarly);
            }
        }
        e
    }
}
