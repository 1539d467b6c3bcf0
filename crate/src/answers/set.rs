//! Setting one answer by its field path (`person.status`), the way an interview fills the answers in
//! one question at a time. The app uses this instead of serde's deserialiser of [`Answers`], which
//! would be a tenth of its WASM. Field names are the serde names; a test sets every field of
//! [`all_fields`](super::all_fields) and checks that the examples set one answer at a time equal
//! what serde reads from the files.

use super::licence::{LicenceAction, LicenceAnswers, LicenceApplicant};
use super::phc::{PhcAnswers, PhcApplicant, PhcCategory, PhcReason};
use super::registration::{
    LongStayReason, OwnerType, PassportState, PlaceType, RegistrationAnswers, RegistrationKind, Relation, RestrictedCategory,
};
use super::trp::{TrpAnswers, TrpSubtype};
use super::{Answers, Application, LegalStatus, Person};
use crate::report::{Channel, Service};
use chrono::{NaiveDate, NaiveTime};

/// A typed answer to one field (serialised as its JSON value: `true`, `"2026-03-02"`, `3`, `"self"`).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum Value {
    Bool(bool),
    Date(NaiveDate),
    Time(NaiveTime),
    /// A whole number (counts, years).
    Int(i64),
    /// A decimal number (areas).
    Number(f64),
    /// Free text, an identification number, a country code, or one option's code.
    Text(String),
    /// Several options' codes.
    List(Vec<String>),
}

/// Why an answer cannot be set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetError {
    /// No field has this path.
    UnknownField,
    /// The field takes another kind of value (a date where a number is due…).
    WrongKind,
    /// Not one of the field's options.
    UnknownOption,
    /// A whole number out of the field's range.
    OutOfRange,
}

impl Answers {
    /// Sets the answer at `path` (replacing any earlier one).
    pub fn set(&mut self, path: &str, v: Value) -> Result<(), SetError> {
        let (section, name) = path.split_once('.').ok_or(SetError::UnknownField)?;
        match section {
            "person" => self.person.set_field(name, v),
            "application" => self.application.set_field(name, v),
            "phc" => self.phc.set_field(name, v),
            "licence" => self.licence.set_field(name, v),
            "trp" => self.trp.set_field(name, v),
            "registration" => self.registration.set_field(name, v),
            _ => Err(SetError::UnknownField),
        }
    }

    /// Whether the field at `path` has an answer (`false` for an unknown path too).
    pub fn answered(&self, path: &str) -> bool {
        let Some((section, name)) = path.split_once('.') else { return false };
        match section {
            "person" => self.person.is_set(name),
            "application" => self.application.is_set(name),
            "phc" => self.phc.is_set(name),
            "licence" => self.licence.is_set(name),
            "trp" => self.trp.is_set(name),
            "registration" => self.registration.is_set(name),
            _ => None,
        }
        .unwrap_or(false)
    }

    /// Sets the services to check from their codes (`phc`, `medical_licence`, `trp`, `registration`).
    pub fn set_services(&mut self, codes: &[&str]) -> Result<(), SetError> {
        let services = codes.iter().map(|c| Service::from_value(Value::Text(c.to_string()))).collect::<Result<_, _>>()?;
        self.services = Some(services);
        Ok(())
    }
}

/// A field type that an answer converts into.
trait FromValue: Sized {
    fn from_value(v: Value) -> Result<Self, SetError>;
}

/// Types that take exactly one kind of value.
macro_rules! one_kind {
    ($($variant:ident => $t:ty),* $(,)?) => {$(
        impl FromValue for $t {
            fn from_value(v: Value) -> Result<Self, SetError> {
                match v {
                    Value::$variant(x) => Ok(x),
                    _ => Err(SetError::WrongKind),
                }
            }
        }
    )*};
}
one_kind!(Bool => bool, Date => NaiveDate, Time => NaiveTime, Text => String);

impl FromValue for f64 {
    fn from_value(v: Value) -> Result<Self, SetError> {
        match v {
            Value::Number(n) => Ok(n),
            Value::Int(n) => Ok(n as f64),
            _ => Err(SetError::WrongKind),
        }
    }
}

macro_rules! whole_numbers {
    ($($t:ty),*) => {$(
        impl FromValue for $t {
            fn from_value(v: Value) -> Result<Self, SetError> {
                match v {
                    Value::Int(n) => <$t>::try_from(n).map_err(|_| SetError::OutOfRange),
                    _ => Err(SetError::WrongKind),
                }
            }
        }
    )*};
}
whole_numbers!(u32, i32);

impl<T: FromValue> FromValue for Vec<T> {
    fn from_value(v: Value) -> Result<Self, SetError> {
        match v {
            Value::List(items) => items.into_iter().map(|i| T::from_value(Value::Text(i))).collect(),
            _ => Err(SetError::WrongKind),
        }
    }
}

/// Options are read by their serde names (`permanent_resident`, `self`), through serde's small
/// deserialiser of one string.
macro_rules! options {
    ($($t:ty),* $(,)?) => {$(
        impl FromValue for $t {
            fn from_value(v: Value) -> Result<Self, SetError> {
                use serde::de::{value::{Error, StrDeserializer}, Deserialize};
                match v {
                    Value::Text(s) => <$t>::deserialize(StrDeserializer::<Error>::new(&s)).map_err(|_| SetError::UnknownOption),
                    _ => Err(SetError::WrongKind),
                }
            }
        }
    )*};
}
options!(
    Service,
    Channel,
    LegalStatus,
    PhcApplicant,
    PhcReason,
    PhcCategory,
    LicenceApplicant,
    LicenceAction,
    TrpSubtype,
    RegistrationKind,
    LongStayReason,
    PassportState,
    PlaceType,
    OwnerType,
    Relation,
    RestrictedCategory,
);

/// `set_field(name, value)` for a section: every listed field is an `Option` of a [`FromValue`] type.
macro_rules! sections {
    ($($section:ty { $($field:ident),* $(,)? })*) => {$(
        impl $section {
            fn set_field(&mut self, name: &str, v: Value) -> Result<(), SetError> {
                match name {
                    $(stringify!($field) => self.$field = Some(FromValue::from_value(v)?),)*
                    _ => return Err(SetError::UnknownField),
                }
                Ok(())
            }
            fn is_set(&self, name: &str) -> Option<bool> {
                match name {
                    $(stringify!($field) => Some(self.$field.is_some()),)*
                    _ => None,
                }
            }
        }
    )*};
}

sections! {
    Person { status, date_of_birth, iin, citizenship }
    Application { date, time, within_hours, channel }
    PhcAnswers { has_insurance, applicant, reason, changes_this_year, organisation_in_residence_unit, border_area, categories }
    LicenceAnswers {
        applicant, bin, holds_licence, action, annex_only, paper_licence, paper_lost_or_damaged, has_eds, court_ban,
        meets_qualification_requirements, bailiff_ban, deprived_of_special_right, consents_to_personal_data, fee_paid,
        studies_completed_year, employment_in_state_system, premises_in_state_system, changes_in_state_system,
    }
    TrpAnswers { subtype, employer_household_permits, host_owns_housing, phone_in_mobile_database }
    RegistrationAnswers {
        kind, has_residence_permit, cis_serviceman, under_guardianship, arrival_date, stay_until, long_stay_reason,
        has_confirming_document, in_medical_institution, has_disabling_impairment, rotation_worker, arriving_from_abroad,
        passport_state, has_foreign_deregistration, has_no_citizenship_certificate, refugee_start_date, place_type,
        place_has_address, applicant_is_owner, owner_type, owners_consent, has_administration_petition, dwelling_rented,
        in_astana, area_total_m2, registered_count, relation_to_owner, fulltime_student_in_astana, outsider_registered,
        category_in_state_records, closed_territory, has_closed_territory_permit, restricted_locality, restricted_category,
        kz_ru_border_resident, deregistered_by_owner,
    }
}
