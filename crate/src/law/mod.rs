//! One module per legal source; rules in the source's paragraph order, each under a doc comment
//! that names its provision id (`677-p4-a5`) and paraphrases or quotes it.

pub mod licence_59;
pub mod phc_194;
pub mod pilot_500_801;
pub mod registration_677;
pub mod trp;

use crate::data::Provision;
use crate::report::{Fee, Limit, Outcome};
use chrono::NaiveDate;

/// The fee of `multiple` MCI on `day`, with tenge where the MCI of that day is set.
pub fn fee_in_mci(out: &mut Outcome, day: NaiveDate, multiple: f64, citation: &'static Provision) -> Fee {
    let mci = crate::data::PARAM_MCI.on(day, "fees").ok();
    if mci.is_none() {
        out.limit(Limit::MciNotSet { day });
    }
    let tenge = mci.map(|m| (multiple * m.value as f64).round() as i64);
    Fee { free: multiple == 0.0, mci_multiple: multiple, mci, tenge, citation }
}

/// A free service.
pub fn free(citation: &'static Provision) -> Fee {
    Fee { free: true, mci_multiple: 0.0, mci: None, tenge: Some(0), citation }
}
