//! The days a date can take: every date a person or a caller gives is checked against these bounds
//! before the rules use it, so that no date arithmetic in the rules meets a day chrono cannot
//! represent and no typing slip ("0202" for "2020") passes silently.
//!
//! | what | from | to | why |
//! |---|---|---|---|
//! | `as_of` (the CLI's `--as-of`, the app's day) | 01.01.2000 | 31.12.2100 | the working-day calendar is tabulated for these years and every dated parameter starts after 2000; a check outside them answers nothing |
//! | `application.date` | 01.01.2000 | 31.12.2100 | it is the day the rules apply when no `as_of` is given (CLI and app), so it takes the same bounds |
//! | `person.date_of_birth`, `registration.arrival_date`, `registration.refugee_start_date` | 01.01.1900 | `as_of` | things that have happened: nobody alive was born before 1900; a later day is reported as in the future |
//! | `registration.stay_until` | 01.01.1900 | 31.12.2100 | a planned day, after the arrival date; not past the years the rules can say anything about |
//!
//! The rules themselves never panic on a day outside these bounds (their date arithmetic is
//! checked, and a day the data do not cover is a [`Limit`](crate::report::Limit)); the bounds are
//! about saying clearly which answer is wrong.

use super::{InputError, InputErrorKind};
use chrono::NaiveDate;
use std::ops::RangeInclusive;

const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    crate::data::ymd(y, m, d)
}

/// The days the rules can be evaluated on (and the application day, which stands in for it).
pub const AS_OF: RangeInclusive<NaiveDate> = ymd(2000, 1, 1)..=ymd(2100, 12, 31);

/// Any date answer: from 1900 to the end of the days the rules are evaluated on.
pub const ANY_DAY: RangeInclusive<NaiveDate> = ymd(1900, 1, 1)..=ymd(2100, 12, 31);

/// The date `d` of `field` lies in `range`, or an error naming the field and the range.
pub fn check(field: &'static str, d: NaiveDate, range: RangeInclusive<NaiveDate>) -> Result<(), InputError> {
    if range.contains(&d) {
        Ok(())
    } else {
        Err(InputError { field, kind: InputErrorKind::DateOutOfRange { min: *range.start(), max: *range.end() } })
    }
}

/// `as_of` (field `as_of`) lies in [`AS_OF`].
pub fn check_as_of(as_of: NaiveDate) -> Result<(), InputError> {
    check("as_of", as_of, AS_OF)
}

/// A day that has happened by `as_of`: after `as_of` it is [`InputErrorKind::DateInFuture`], before
/// 1900 out of range.
pub fn check_past(field: &'static str, d: NaiveDate, as_of: NaiveDate) -> Result<(), InputError> {
    if d > as_of {
        return Err(InputError { field, kind: InputErrorKind::DateInFuture });
    }
    check(field, d, *ANY_DAY.start()..=as_of.min(*ANY_DAY.end()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    #[test]
    fn each_bound_is_inclusive_and_one_day_past_it_is_refused() {
        let as_of = ymd(2026, 3, 2);
        assert!(check_as_of(ymd(2000, 1, 1)).is_ok() && check_as_of(ymd(2100, 12, 31)).is_ok());
        assert_eq!(check_as_of(ymd(1999, 12, 31)).unwrap_err().field, "as_of");
        assert!(check_as_of(ymd(2101, 1, 1)).is_err());
        assert!(check_past("person.date_of_birth", ymd(1900, 1, 1), as_of).is_ok());
        assert!(check_past("person.date_of_birth", as_of, as_of).is_ok());
        let early = check_past("person.date_of_birth", ymd(1899, 12, 31), as_of).unwrap_err();
        assert_eq!(early.kind, InputErrorKind::DateOutOfRange { min: ymd(1900, 1, 1), max: as_of });
        let late = check_past("person.date_of_birth", ymd(2026, 3, 3), as_of).unwrap_err();
        assert_eq!(late.kind, InputErrorKind::DateInFuture);
    }

    #[test]
    fn the_message_names_both_bounds_in_each_language() {
        let kind = InputErrorKind::DateOutOfRange { min: ymd(2000, 1, 1), max: ymd(2100, 12, 31) };
        for lang in [Lang::Kk, Lang::Ru, Lang::En] {
            let m = kind.message(lang);
            assert!(m.contains("01.01.2000") && m.contains("31.12.2100") && !m.contains('{'), "{m}");
        }
    }

    #[test]
    fn dates_at_the_edge_of_what_chrono_represents_are_reported_not_evaluated() {
        let mut a = crate::Answers::default();
        a.application.date = NaiveDate::from_ymd_opt(262142, 12, 21);
        a.person.date_of_birth = NaiveDate::from_ymd_opt(-262143, 1, 1);
        a.registration.stay_until = Some(NaiveDate::MAX);
        a.registration.arrival_date = Some(NaiveDate::MIN);
        let fields: Vec<&str> = a.validate(ymd(2022, 8, 6)).iter().map(|e| e.field).collect();
        assert_eq!(fields, ["application.date", "person.date_of_birth", "registration.arrival_date", "registration.stay_until"]);
        assert_eq!(a.validate(NaiveDate::MAX)[0].field, "as_of");
    }
}
