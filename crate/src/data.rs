//! The dated facts, compiled in from `data/` by `build.rs`, and the types that hold them.
//!
//! Every value here carries where it comes from ([`Provenance`]) and, where the law dates it, the
//! interval in which it holds. Nothing is parsed at run time.

use chrono::{Datelike, NaiveDate};
use serde::{Serialize, Serializer};

/// Where a fact comes from, from most to least authoritative.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Provenance {
    /// One of the five texts in `shared/sources/`.
    Source,
    /// A gov.kz / egov.kz page cited in the research notes.
    Official,
    /// News, law firms, third-party libraries.
    Secondary,
    /// Not confirmed by any source at hand: shown to the user as unverified.
    Unverified,
}

/// A text in the three languages of the app.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Tri {
    pub kk: &'static str,
    pub ru: &'static str,
    pub en: &'static str,
}

impl Tri {
    pub fn get(&self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Kk => self.kk,
            crate::Lang::Ru => self.ru,
            crate::Lang::En => self.en,
        }
    }
}

/// A legal act or other source that provisions are cited from.
#[derive(Debug, PartialEq, Serialize)]
pub struct Act {
    /// The act's place in [`ACTS`], given at build time: a dense index for sets of acts.
    pub index: u8,
    pub id: &'static str,
    pub title: Tri,
    pub number: &'static str,
    pub date: Option<NaiveDate>,
    /// Which edition the data follows, e.g. "as amended by Order No. 916 of 14.11.2025".
    pub edition: Tri,
    pub edition_date: Option<NaiveDate>,
    pub provenance: Provenance,
    /// The file in `shared/sources/` holding the text, if any.
    pub source_file: Option<&'static str>,
    pub url: Option<&'static str>,
    /// A service page with no date and no paragraph numbers: cited by its finest unit.
    pub undated: bool,
}

/// One citable unit of an act (paragraph, sub-paragraph, list item), with its text.
#[derive(Debug, PartialEq)]
pub struct Provision {
    /// The provision's place in [`PROVISIONS`], given at build time: a dense index for sets of
    /// provisions ([`InForce`]) and the compact JSON's table of citations.
    pub index: u16,
    /// Stable id, e.g. `677-p4-a5` (see `research/provisions.md` for the scheme).
    pub id: &'static str,
    pub act: &'static Act,
    /// "para 4, paragraph 5" in kk / ru / en.
    pub unit: Tri,
    /// The words of the unit, in the language of the source. `quote`, `quote_en` and `note` are
    /// empty without the `quotes` feature (the web app fetches them when a citation is opened).
    pub quote: &'static str,
    pub quote_en: Option<&'static str>,
    pub provenance: Provenance,
    /// Validity interval of this wording, where known.
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub note: &'static str,
}

impl Provision {
    pub fn in_force(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= day) && self.until.is_none_or(|u| day <= u)
    }
}

/// The provisions whose wording is in force on one day: a bit set by [`Provision::index`], looked up
/// once per outcome in the periods `build.rs` computed (`IN_FORCE`), so checking a citation is one
/// bit test. The same answer as [`Provision::in_force`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InForce(&'static [u64; PROVISION_WORDS]);

impl InForce {
    pub fn on(day: NaiveDate) -> InForce {
        let i = IN_FORCE.partition_point(|(start, _)| *start <= day);
        InForce(&IN_FORCE[i.saturating_sub(1)].1)
    }

    /// Is any provision of the set (a bit set by [`Provision::index`]) not in force?
    #[inline]
    pub fn lacks_any(self, set: &[u64; PROVISION_WORDS]) -> bool {
        set.iter().zip(self.0).any(|(s, f)| s & !f != 0)
    }

    #[inline]
    pub fn holds(self, p: &Provision) -> bool {
        let i = usize::from(p.index);
        self.0[i / 64] >> (i % 64) & 1 == 1
    }
}

/// A citation serialises as a reference, not the whole quote: `id` finds the text. In a compact
/// report ([`crate::compact`]) it is the id alone.
impl Serialize for Provision {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        if crate::compact::by_id(self) {
            return s.serialize_str(self.id);
        }
        let mut st = s.serialize_struct("Citation", 8)?;
        st.serialize_field("id", self.id)?;
        st.serialize_field("act", self.act.id)?;
        st.serialize_field("act_number", self.act.number)?;
        st.serialize_field("act_date", &self.act.date)?;
        st.serialize_field("edition_date", &self.act.edition_date)?;
        st.serialize_field("unit", &self.unit)?;
        st.serialize_field("provenance", &self.provenance)?;
        st.serialize_field("source_file", &self.act.source_file)?;
        st.end()
    }
}

/// A dated parameter: values keyed by the day they start, old values kept.
#[derive(Debug)]
pub struct Param<T: 'static> {
    pub name: &'static str,
    pub unit: &'static str,
    pub description: &'static str,
    /// The last day the data covers; later days are a gap, not the last value.
    pub known_until: Option<NaiveDate>,
    pub values: &'static [Dated<T>],
}

#[derive(Debug, PartialEq, Serialize)]
pub struct Dated<T: 'static> {
    pub from: NaiveDate,
    /// `all`, or the purpose a value is limited to (the 2022 MCI differed for benefits and fees).
    pub purpose: &'static str,
    pub value: T,
    pub source: &'static str,
    pub provenance: Provenance,
    /// How sure the day it starts is: `from` is the day by which the value is known to apply,
    /// and a weaker `from_provenance` says it may have applied earlier (e.g. a source page dated
    /// only by the campaign it describes). See [`Param::basis_where`].
    pub from_provenance: Provenance,
    pub note: &'static str,
}

impl<T> Dated<T> {
    /// A value for every purpose (`all`): compared byte by byte, with no call to compare memory,
    /// as every evaluation looks up several parameters.
    #[inline(always)]
    fn for_all(&self) -> bool {
        matches!(self.purpose.as_bytes(), b"all")
    }
}

/// Why a parameter has no value for a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Gap {
    /// Before the first value in the data.
    BeforeData,
    /// After `known_until`: e.g. next year's MCI is not set yet.
    AfterData,
}

impl<T> Param<T> {
    /// The value in force on `day` for `purpose` (`all` matches every purpose).
    pub fn on(&self, day: NaiveDate, purpose: &str) -> Result<&'static Dated<T>, Gap> {
        self.latest(day, |v| v.for_all() || v.purpose == purpose)
    }

    /// The value in force on `day` for any purpose.
    #[inline]
    pub fn at(&self, day: NaiveDate) -> Result<&'static Dated<T>, Gap> {
        self.latest(day, Dated::for_all)
    }

    /// The last value from `day` or before that `fits`, unless `day` is past the data.
    #[inline(always)]
    fn latest(&self, day: NaiveDate, fits: impl Fn(&Dated<T>) -> bool) -> Result<&'static Dated<T>, Gap> {
        if self.known_until.is_some_and(|k| day > k) {
            return Err(Gap::AfterData);
        }
        self.values.iter().rfind(|v| v.from <= day && fits(v)).ok_or(Gap::BeforeData)
    }

    /// What a condition deciding `decides(value)` on `day` rests on: the provenance of the value in
    /// force, made weaker when the next value may already apply (its `from_provenance` says its
    /// start day is not sure) and would decide otherwise. Before the first value: unverified.
    pub fn basis_where(&self, day: NaiveDate, decides: impl Fn(&T) -> bool) -> Provenance {
        let Some(i) = self.values.iter().rposition(|v| v.from <= day) else { return Provenance::Unverified };
        let now = &self.values[i];
        match self.values.get(i + 1) {
            Some(next) if decides(&next.value) != decides(&now.value) => now.provenance.max(next.from_provenance),
            _ => now.provenance,
        }
    }
}

/// Opening hours in minutes after midnight, local time (UTC+5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Hours {
    pub open: u16,
    pub close: u16,
    pub lunch: Option<(u16, u16)>,
    pub saturday: Option<(u16, u16)>,
}

/// A yearly window of month-day pairs, inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Window {
    pub start: (u32, u32),
    pub end: (u32, u32),
}

impl Window {
    pub fn contains(&self, day: NaiveDate) -> bool {
        let md = (day.month(), day.day());
        self.start <= md && md <= self.end
    }
}

/// A list of codes (e.g. ISO 3166-1 alpha-3 country codes).
pub type Codes = &'static [&'static str];

/// Any parameter, for listing them all.
#[derive(Clone, Copy, Debug)]
pub enum ParamRef {
    Int(&'static Param<i64>),
    Date(&'static Param<NaiveDate>),
    Codes(&'static Param<Codes>),
    Hours(&'static Param<Hours>),
    Window(&'static Param<Window>),
}

/// The years for which the calendar data is complete.
#[derive(Debug)]
pub struct Coverage {
    pub first_year: i32,
    pub last_year: i32,
    pub source: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HolidayKind {
    /// A state holiday (Law "On holidays", art. 2).
    State,
    /// A national holiday (Law "On holidays", art. 1).
    National,
    /// A religious day off (Labour Code art. 84 p. 5): never moved off a weekend.
    Religious,
}

#[derive(Debug)]
pub struct HolidayRule {
    /// Text key under `holiday.`.
    pub key: &'static str,
    pub month: u32,
    pub day: u32,
    pub kind: HolidayKind,
    pub moves_off_weekend: bool,
    pub from_year: Option<i32>,
    pub until_year: Option<i32>,
    pub source: &'static str,
    pub provenance: Provenance,
}

impl HolidayRule {
    pub fn in_year(&self, year: i32) -> Option<NaiveDate> {
        if self.from_year.is_some_and(|f| year < f) || self.until_year.is_some_and(|u| year > u) {
            return None;
        }
        NaiveDate::from_ymd_opt(year, self.month, self.day)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateStatus {
    Confirmed,
    /// Announced in advance; may move by a day with moon sighting.
    Planned,
    /// Not announced: computed by a third party.
    Estimated,
}

#[derive(Debug)]
pub struct KurbanAit {
    pub year: i32,
    pub date: NaiveDate,
    pub status: DateStatus,
    pub source: &'static str,
    pub provenance: Provenance,
}

/// A transfer order: a weekend day becomes a working day, a weekday becomes a day off.
#[derive(Debug)]
pub struct Transfer {
    pub working_day: NaiveDate,
    pub day_off: NaiveDate,
    pub instrument: &'static str,
    pub source: &'static str,
    pub provenance: Provenance,
}

pub(crate) const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(d) => d,
        None => panic!("invalid date in data"),
    }
}

include!(concat!(env!("OUT_DIR"), "/data.rs"));

/// A provision by id, e.g. `provision("677-p4-a5")`.
pub fn provision(id: &str) -> Option<&'static Provision> {
    PROVISIONS.iter().copied().find(|p| p.id == id)
}
