//! Answers for attachment to a primary health care organisation.

use super::{Answers, Field, FieldKind, InputError, InputErrorKind};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct PhcAnswers {
    /// Why the person wants to attach (or change the organisation).
    pub reason: Option<PhcReason>,
    /// Free changes of organisation already made in this calendar year (outside relocation and the campaign).
    pub changes_this_year: Option<u32>,
    /// For temporarily staying foreigners and EAEU migrants: holds voluntary or compulsory medical insurance.
    pub has_insurance: Option<bool>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PhcReason {
    /// Change of residence.
    Relocation,
    /// Free change of organisation (limited per year).
    FreeChange,
    /// The yearly attachment campaign.
    Campaign,
}

pub const FIELDS: &[Field] = &[
    Field { path: "phc.has_insurance", kind: FieldKind::Bool },
    Field { path: "phc.reason", kind: FieldKind::Choice(&["relocation", "free_change", "campaign"]) },
    Field { path: "phc.changes_this_year", kind: FieldKind::Int },
];

impl PhcAnswers {
    pub fn validate(&self, _all: &Answers, _as_of: NaiveDate) -> Vec<InputError> {
        let mut e = Vec::new();
        if self.changes_this_year.is_some_and(|n| n > 366) {
            e.push(InputError { field: "phc.changes_this_year", kind: InputErrorKind::TooLarge { max: 366.0 } });
        }
        e
    }
}
