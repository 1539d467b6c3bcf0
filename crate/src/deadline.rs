//! Result dates in working days, from the moment and channel of application.
//!
//! Convention (stated in every [`Deadline`] as `convention`): an application is registered on the
//! day it is made if that is a working day and it is made before the end of the provider's
//! working hours (`time < close`, or the person's answer that it is within the hours when the time
//! is not known: [`TimeOfDay`]; the lunch break does not end the working day, and an application
//! made before opening is registered when the day begins — the sources move only applications made
//! "after the end of working hours, on weekends and holidays", e.g. Order ҚР ДСМ-59/2020 para 7);
//! otherwise on the next working day. A term of N working days ends on the N-th working day after the day of
//! registration, which itself is not counted. Where a source says that for an out-of-hours
//! application "acceptance and the result are on the next working day" (PHC, 1 working day), the
//! result falls on the day of registration: [`Term::ResultOnRegistrationIfLate`].

use crate::calendar::{self, NonWorkingDay};
use crate::data::{DateStatus, Hours, Provision, KURBAN_AIT};
use crate::report::Limit;
use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use serde::Serialize;

/// When the application is made, in local time (UTC+5 throughout Kazakhstan since 2024-03-01).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Moment {
    pub date: NaiveDate,
    pub time: TimeOfDay,
}

/// The time of day of an application, as far as the person knows it: all the convention needs is
/// whether it is before the provider closes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeOfDay {
    /// The time, hours and minutes.
    At(NaiveTime),
    /// Within the provider's working hours (before it closes), the exact time not known.
    WithinHours,
    /// After the provider's working hours, or on a day off.
    AfterHours,
}

/// How a term counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Term {
    /// N working days after the day of registration.
    WorkingDays(u32),
    /// N working days; but an out-of-hours application gets its result on the day of registration.
    ResultOnRegistrationIfLate(u32),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Deadline {
    pub applied: Moment,
    /// Whether the moment was within the provider's working hours on a working day.
    pub within_hours: bool,
    pub hours: Hours,
    pub registered_on: NaiveDate,
    pub working_days: u32,
    pub result_on: NaiveDate,
    /// Text key `convention.<convention>`.
    pub convention: &'static str,
    pub citation: &'static Provision,
}

impl Deadline {
    /// The non-working days from the application day to the result day, with the reason for each:
    /// listed when asked for (a calendar, the JSON), not by every evaluation.
    pub fn skipped(&self) -> Vec<NonWorkingDay> {
        calendar::days_off(self.applied.date, self.result_on)
    }
}

/// As the fields are declared, with the days off (`skipped`) after `result_on`.
impl Serialize for Deadline {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Deadline", 9)?;
        st.serialize_field("applied", &self.applied)?;
        st.serialize_field("within_hours", &self.within_hours)?;
        st.serialize_field("hours", &self.hours)?;
        st.serialize_field("registered_on", &self.registered_on)?;
        st.serialize_field("working_days", &self.working_days)?;
        st.serialize_field("result_on", &self.result_on)?;
        st.serialize_field("skipped", &self.skipped())?;
        st.serialize_field("convention", self.convention)?;
        st.serialize_field("citation", self.citation)?;
        st.end()
    }
}

/// Whether `m` is within the hours `h` on a working day: a time before closing (the lunch break
/// and the hours before opening count with the day), or the person's word that it is.
fn within_hours(m: Moment, h: &Hours) -> bool {
    let before_close = match m.time {
        TimeOfDay::At(t) => ((t.hour() * 60 + t.minute()) as u16) < h.close,
        TimeOfDay::WithinHours => true,
        TimeOfDay::AfterHours => false,
    };
    calendar::is_working_day(m.date) && before_close
}

/// The result date of an application made at `m` to a provider open `hours`, and the data limits
/// met; `None` when the count runs past the last day chrono represents (only a day far outside the
/// bounds of [`answers::bounds`](crate::answers::bounds) gets there).
pub fn compute(m: Moment, hours: Hours, term: Term, citation: &'static Provision) -> Option<(Deadline, Vec<Limit>)> {
    let within = within_hours(m, &hours);
    let registered_on = if within { m.date } else { calendar::next_working_day(m.date)? };
    let (n, convention) = match term {
        Term::WorkingDays(n) => (n, "working_days_after_registration"),
        Term::ResultOnRegistrationIfLate(n) => (n, "result_on_registration_day_if_late"),
    };
    let result_on = if within || matches!(term, Term::WorkingDays(_)) { add_working_days(registered_on, n)? } else { registered_on };
    let limits = calendar_limits(m.date, result_on);
    let dl = Deadline { applied: m, within_hours: within, hours, registered_on, working_days: n, result_on, convention, citation };
    Some((dl, limits))
}

/// The calendar limits of a span of days: years whose holidays are not in the data, and Kurban
/// Ait dates in or next to the span that are only planned or estimated.
pub fn calendar_limits(from: NaiveDate, to: NaiveDate) -> Vec<Limit> {
    let mut limits = Vec::new();
    let (first, last) = (from.year(), to.year());
    // Years the data leave out, named one by one only for a span of a few years (a deadline, a
    // milestone); a longer span says it once, for its first year. The data cover a run of years, so
    // a span that starts and ends in it leaves none out.
    if !(calendar::year_published(first) && calendar::year_published(last)) {
        let unpublished = (first..=last).filter(|y| !calendar::year_published(*y));
        unpublished.take(MAX_YEARS_NAMED).for_each(|year| limits.push(Limit::CalendarNotPublished { year }));
    }
    // Kurban Ait dates not confirmed, in the span or the day either side of it.
    for k in KURBAN_AIT {
        let year = k.date.year();
        if k.status == DateStatus::Confirmed || year < first - 1 || year > last + 1 {
            continue;
        }
        let (before, after) = (from.pred_opt().unwrap_or(from), to.succ_opt().unwrap_or(to));
        if before <= k.date && k.date <= after {
            limits.push(Limit::KurbanAitNotConfirmed { year: k.year, date: k.date });
        }
    }
    limits
}

/// The most years [`calendar_limits`] names for one span.
const MAX_YEARS_NAMED: usize = 10;

/// A day `n` working days after `from` (for procedure milestones); `None` past the last day chrono
/// represents.
pub fn add_working_days(from: NaiveDate, n: u32) -> Option<NaiveDate> {
    calendar::after_working_days(from, n)
}

/// The day `n` working days before `d` (`d` itself not counted), e.g. a notice due "no later than
/// three working days before the result"; `None` only at the start of the calendar.
pub fn subtract_working_days(d: NaiveDate, n: u32) -> Option<NaiveDate> {
    let mut day = d;
    let mut left = n;
    while left > 0 {
        day = day.pred_opt()?;
        if calendar::is_working_day(day) {
            left -= 1;
        }
    }
    Some(day)
}
