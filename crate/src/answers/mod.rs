//! The facts a person can answer. Every fact is optional: users answer step by step, and the
//! rules report which missing facts still matter (`Outcome::missing`).
//!
//! Field paths (`person.status`, `phc.reason`, …) are the serde names joined by dots; they are
//! the keys of questions in `data/texts/` (`question.<path>`) and of [`InputError`]s.

pub mod bounds;
pub mod licence;
pub mod phc;
pub mod registration;
pub mod set;
pub mod trp;

use crate::ids::IdError;
use crate::report::{Channel, Service};
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// One answer set: what the person told us so far.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Answers {
    /// The services to check; absent or empty = all four.
    pub services: Option<Vec<Service>>,
    /// When and how the person applies (for the deadline).
    pub application: Application,
    /// The person the service is for.
    pub person: Person,
    pub phc: phc::PhcAnswers,
    pub licence: licence::LicenceAnswers,
    pub trp: trp::TrpAnswers,
    pub registration: registration::RegistrationAnswers,
}

/// The moment and channel of application, local time (UTC+5).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Application {
    /// Day of application (YYYY-MM-DD).
    pub date: Option<NaiveDate>,
    /// Local time of application (HH:MM). When answered, it decides instead of `within_hours`.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub time: Option<NaiveTime>,
    /// Whether the application is made within the provider's working hours (before it closes),
    /// for a person who does not know the exact time: `false` for after hours or on a day off. All
    /// the rules need of the time is whether it is before the provider closes.
    pub within_hours: Option<bool>,
    /// The channel used.
    pub channel: Option<Channel>,
}

impl Application {
    /// The moment, when the date and either the time or `within_hours` are answered (the time
    /// first: it is the more precise).
    pub fn moment(&self) -> Option<crate::deadline::Moment> {
        use crate::deadline::TimeOfDay;
        let time = match (self.time, self.within_hours) {
            (Some(t), _) => TimeOfDay::At(t),
            (None, Some(true)) => TimeOfDay::WithinHours,
            (None, Some(false)) => TimeOfDay::AfterHours,
            (None, None) => return None,
        };
        Some(crate::deadline::Moment { date: self.date?, time })
    }
}

/// Facts about the person that several services use.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Person {
    /// Legal status in Kazakhstan.
    pub status: Option<LegalStatus>,
    /// Date of birth (never derived from the IIN).
    pub date_of_birth: Option<NaiveDate>,
    /// Individual identification number: 12 digits with a valid check digit.
    pub iin: Option<String>,
    /// Citizenship as an ISO 3166-1 alpha-3 code (`RUS`, `UZB`…), or `stateless`.
    pub citizenship: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LegalStatus {
    /// Citizen of the Republic of Kazakhstan.
    Citizen,
    /// Kandas (ethnic Kazakh repatriate) with kandas status.
    Kandas,
    /// Foreigner or stateless person with refugee status.
    Refugee,
    /// Foreigner or stateless person with a permanent residence permit (вид на жительство).
    PermanentResident,
    /// Foreigner or stateless person staying temporarily (visa-free, visa, or with a TRP).
    TemporaryResident,
    /// Labour migrant from an EAEU state, or a member of their family.
    EaeuWorker,
}

/// Full years of age on `day`.
pub fn age_on(date_of_birth: NaiveDate, day: NaiveDate) -> Option<u32> {
    day.years_since(date_of_birth)
}

/// What is wrong with an answer (bad input, not a missing one).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InputError {
    /// The field path, e.g. `person.iin`.
    pub field: &'static str,
    pub kind: InputErrorKind,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum InputErrorKind {
    /// IIN or BIN fails the format or check digit (text key `input_error.id.<error>`).
    Id { error: IdError },
    /// A date that cannot have happened yet (after `as_of`).
    DateInFuture,
    /// A date before another it must follow (e.g. before the date of birth).
    DateTooEarly,
    /// A date outside the days this field can take (see [`bounds`]).
    DateOutOfRange { min: NaiveDate, max: NaiveDate },
    /// A number below its minimum.
    TooSmall { min: f64 },
    /// A number above its maximum.
    TooLarge { max: f64 },
    /// Not one of the accepted codes (e.g. a country code).
    UnknownCode,
    /// Two answers that cannot both be true (text key `input_error.conflict.<code>`).
    Conflict { code: &'static str },
}

impl InputErrorKind {
    /// The text key of the message (`input_error.…`), and the number to show after it, if any.
    pub fn text_key(&self) -> (String, Option<f64>) {
        match self {
            InputErrorKind::Id { error } => {
                let e = match error {
                    IdError::NotTwelveDigits => "not_twelve_digits",
                    IdError::WrongCheckDigit => "wrong_check_digit",
                    IdError::NeverIssued => "never_issued",
                };
                (format!("input_error.id.{e}"), None)
            }
            InputErrorKind::DateInFuture => ("input_error.date_in_future".into(), None),
            InputErrorKind::DateTooEarly => ("input_error.date_too_early".into(), None),
            InputErrorKind::DateOutOfRange { .. } => ("input_error.date_out_of_range".into(), None),
            InputErrorKind::TooSmall { min } => ("input_error.too_small".into(), Some(*min)),
            InputErrorKind::TooLarge { max } => ("input_error.too_large".into(), Some(*max)),
            InputErrorKind::UnknownCode => ("input_error.unknown_code".into(), None),
            InputErrorKind::Conflict { code } => {
                let specific = format!("input_error.conflict.{code}");
                (if crate::text::texts(&specific).is_some() { specific } else { "input_error.conflict".into() }, None)
            }
        }
    }

    /// The message in `lang`, e.g. "The value is too large. Maximum: 366", or "The date must be
    /// between 01.01.1900 and 02.03.2026." (the `{min}` and `{max}` of a date range filled in).
    pub fn message(&self, lang: crate::Lang) -> String {
        let (key, n) = self.text_key();
        let text = crate::text(&key, lang).unwrap_or(&key).to_string();
        match (self, n) {
            (InputErrorKind::DateOutOfRange { min, max }, _) => {
                text.replace("{min}", &crate::text::dmy(*min)).replace("{max}", &crate::text::dmy(*max))
            }
            (_, Some(n)) => format!("{text} {}", crate::text::decimal(n)),
            (_, None) => text,
        }
    }
}

impl Answers {
    /// Every bad answer, each naming its field. Missing answers are not errors.
    pub fn validate(&self, as_of: NaiveDate) -> Vec<InputError> {
        let mut errors = Vec::new();
        errors.extend(bounds::check_as_of(as_of).err());
        if let Some(d) = self.application.date {
            errors.extend(bounds::check("application.date", d, bounds::AS_OF).err());
        }
        let p = &self.person;
        if let Some(iin) = &p.iin {
            if let Err(error) = crate::ids::validate(iin) {
                errors.push(InputError { field: "person.iin", kind: InputErrorKind::Id { error } });
            }
        }
        if let Some(dob) = p.date_of_birth {
            errors.extend(bounds::check_past("person.date_of_birth", dob, as_of).err());
        }
        if let Some(c) = &p.citizenship {
            if !(c == "stateless" || (c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()))) {
                errors.push(InputError { field: "person.citizenship", kind: InputErrorKind::UnknownCode });
            }
        }
        errors.extend(self.phc.validate(self, as_of));
        errors.extend(self.licence.validate(self, as_of));
        errors.extend(self.trp.validate(self, as_of));
        errors.extend(self.registration.validate(self, as_of));
        errors
    }

    /// Whether service `s` is to be checked: absent or empty `services` means all four (as in the
    /// app, where choosing none checks all).
    pub fn wants(&self, s: Service) -> bool {
        self.chosen() & 1 << s as u8 != 0
    }

    /// The services to check, in the order of [`Service::ALL`].
    pub fn wanted(&self) -> impl Iterator<Item = Service> {
        let chosen = self.chosen();
        Service::ALL.into_iter().filter(move |s| chosen & 1 << *s as u8 != 0)
    }

    /// The services to check as a bit set by their place in [`Service::ALL`]: one pass over the
    /// list, however many services are asked about.
    fn chosen(&self) -> u8 {
        match self.services.as_deref() {
            Some(list) if !list.is_empty() => list.iter().fold(0, |m, s| m | 1 << *s as u8),
            _ => 0b1111,
        }
    }
}

/// The kind of answer a field takes (for interviews and the schema).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "options", rename_all = "snake_case")]
pub enum FieldKind {
    Bool,
    Date,
    Time,
    Int,
    /// A decimal number (areas in m²).
    Number,
    Text,
    Iin,
    Bin,
    Country,
    /// One of the listed options (text keys `option.<path>.<option>`).
    Choice(&'static [&'static str]),
    /// Several of the listed options.
    Many(&'static [&'static str]),
}

/// A question the interview can ask: its field path and kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Field {
    pub path: &'static str,
    pub kind: FieldKind,
}

pub const PERSON_FIELDS: &[Field] = &[
    Field {
        path: "person.status",
        kind: FieldKind::Choice(&["citizen", "kandas", "refugee", "permanent_resident", "temporary_resident", "eaeu_worker"]),
    },
    Field { path: "person.citizenship", kind: FieldKind::Country },
    Field { path: "person.date_of_birth", kind: FieldKind::Date },
    Field { path: "person.iin", kind: FieldKind::Iin },
];

pub const APPLICATION_FIELDS: &[Field] = &[
    Field {
        path: "application.channel",
        kind: FieldKind::Choice(&["egov_eds", "egov_otp", "con", "con_self_service", "operating_hall", "provider_office"]),
    },
    Field { path: "application.date", kind: FieldKind::Date },
    Field { path: "application.within_hours", kind: FieldKind::Bool },
    Field { path: "application.time", kind: FieldKind::Time },
];

/// Every field in interview order: the person first, then each service's own.
pub fn all_fields() -> impl Iterator<Item = &'static Field> {
    PERSON_FIELDS.iter().chain(phc::FIELDS).chain(licence::FIELDS).chain(trp::FIELDS).chain(registration::FIELDS).chain(APPLICATION_FIELDS)
}

/// The number of fields of [`all_fields`].
const FIELD_COUNT: usize = PERSON_FIELDS.len()
    + phc::FIELDS.len()
    + licence::FIELDS.len()
    + trp::FIELDS.len()
    + registration::FIELDS.len()
    + APPLICATION_FIELDS.len();

/// Every field path in interview order ([`all_fields`]), built at compile time: a [`FieldId`] is
/// an index into it.
pub static FIELD_PATHS: [&str; FIELD_COUNT] = {
    let groups: [&[Field]; 6] = [PERSON_FIELDS, phc::FIELDS, licence::FIELDS, trp::FIELDS, registration::FIELDS, APPLICATION_FIELDS];
    let mut paths = [""; FIELD_COUNT];
    let (mut g, mut n) = (0, 0);
    while g < groups.len() {
        let mut i = 0;
        while i < groups[g].len() {
            paths[n] = groups[g][i].path;
            (i, n) = (i + 1, n + 1);
        }
        g += 1;
    }
    paths
};

/// A field by its place in interview order: one byte, so a reason keeps the facts it uses inline,
/// and facts sort into interview order by comparing their ids. Made at compile time from a path by
/// [`fact!`](crate::fact) (an unknown path does not compile).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FieldId(u8);

impl FieldId {
    /// The id of `path`; panics on an unknown path, at compile time when used in a constant (as
    /// [`fact!`](crate::fact) does).
    pub const fn of(path: &str) -> FieldId {
        match FieldId::find(path) {
            Some(id) => id,
            None => panic!("not a field path of answers::all_fields"),
        }
    }

    /// The id of `path`, if it is a field.
    pub const fn find(path: &str) -> Option<FieldId> {
        let mut i = 0;
        while i < FIELD_PATHS.len() {
            if same(FIELD_PATHS[i].as_bytes(), path.as_bytes()) {
                return Some(FieldId(i as u8));
            }
            i += 1;
        }
        None
    }

    /// The field's path, e.g. `person.status`.
    pub fn path(self) -> &'static str {
        FIELD_PATHS[usize::from(self.0)]
    }

    /// Its place in interview order.
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// The field at `index` in interview order, as [`FieldId::index`] gave it.
    pub(crate) fn from_byte(index: u8) -> FieldId {
        debug_assert!(usize::from(index) < FIELD_COUNT, "not a field's place: {index}");
        FieldId(index)
    }
}

const _: () = assert!(FIELD_COUNT <= 128, "FieldId and the missing facts' bit set of Outcome::finish hold 128 fields");

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The [`FieldId`] of a field path, checked at compile time: `fact!("person.status")`.
#[macro_export]
macro_rules! fact {
    ($path:literal) => {
        const { $crate::answers::FieldId::of($path) }
    };
}

/// The fields still to ask after `report`, in interview order ([`all_fields`]: the person first, then
/// each service's own, the application last): what the rules miss, and, where the person may still
/// apply (a service neither "not eligible" nor "not applicable"), the facts that refine a checklist
/// (`Outcome::refine`) and the channel and day of application; each unless `answered`. Once every
/// service is decided against, nothing more.
///
/// The time of day itself is never asked (a file or a link may bring it): all the rules need of it
/// is whether it falls within the provider's working hours, asked only where a deadline counts them
/// (`law::provider_hours` for the channel in `answers`) and no time is answered. (The app's
/// `State::questions` and the JavaScript library's `questions`.)
pub fn to_ask(report: &crate::Report, answers: &Answers, answered: impl Fn(&str) -> bool) -> Vec<&'static str> {
    use crate::Verdict;
    let not_turned_away = |o: &&crate::Outcome| !matches!(o.verdict, Verdict::NotEligible | Verdict::NotApplicable);
    let missing = report.outcomes.iter().flat_map(|o| o.missing.iter().copied());
    let refine = report.outcomes.iter().filter(not_turned_away).flat_map(|o| o.refine.iter().copied());
    let counts_hours = report
        .outcomes
        .iter()
        .filter(not_turned_away)
        .any(|o| crate::law::provider_hours(o.service, answers.application.channel).is_some());
    let applying = APPLICATION_FIELDS
        .iter()
        .map(|f| f.path)
        .filter(|_| report.outcomes.iter().any(|o| not_turned_away(&o)))
        .filter(|p| *p != "application.time")
        .filter(|p| *p != "application.within_hours" || (counts_hours && !answered("application.time")));
    let wanted: Vec<&'static str> = missing.chain(refine).chain(applying).collect();
    all_fields().map(|f| f.path).filter(|p| wanted.contains(p) && !answered(p)).collect()
}

/// The fields of one service's own questions, in its interview order (operator mode lists them
/// between the person's and the application's).
pub fn service_fields(service: Service) -> &'static [Field] {
    match service {
        Service::Phc => phc::FIELDS,
        Service::MedicalLicence => licence::FIELDS,
        Service::Trp => trp::FIELDS,
        Service::Registration => registration::FIELDS,
    }
}

/// The interview order of one service: person fields, then the service's own.
pub fn field_order(service_fields: &'static [Field]) -> Vec<&'static str> {
    PERSON_FIELDS.iter().chain(service_fields).chain(APPLICATION_FIELDS).map(|f| f.path).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{evaluate, Context};

    #[test]
    fn to_ask_keeps_the_interview_order_and_skips_what_is_answered() {
        let as_of = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let a = Answers { services: Some(vec![Service::Phc]), ..Default::default() };
        let report = evaluate(&a, &Context { as_of });
        let asked = to_ask(&report, &a, |_| false);
        assert_eq!(asked.first(), Some(&"person.status"));
        let in_order: Vec<&str> = all_fields().map(|f| f.path).filter(|p| asked.contains(p)).collect();
        assert_eq!(asked, in_order);
        assert!(asked.iter().all(|p| p.starts_with("person.") || p.starts_with("phc.") || p.starts_with("application.")), "{asked:?}");
        let rest = to_ask(&report, &a, |p| p == "person.status");
        assert_eq!(rest, asked[1..]);
    }
}
