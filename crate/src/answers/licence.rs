//! Answers for the licence service.

use super::{Answers, Field, InputError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct LicenceAnswers {}

pub const FIELDS: &[Field] = &[];

impl LicenceAnswers {
    pub fn validate(&self, _all: &Answers, _as_of: NaiveDate) -> Vec<InputError> {
        Vec::new()
    }
}
