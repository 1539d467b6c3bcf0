//! What the rules produce: one [`Outcome`] per service, gathered in a [`Report`].
//!
//! Texts are not stored here: every `code` is a key into `data/texts/` (kk, ru, en), so the CLI,
//! the app and the bundle word the same outcome in the user's language.

use crate::answers::FieldId;
use crate::data::{Act, InForce, Provision, PROVISION_WORDS};
use crate::deadline::Deadline;
use chrono::{Datelike, NaiveDate};

/// The date type of the API (re-exported so front ends need not depend on chrono).
pub type Date = NaiveDate;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Service {
    /// Attachment to a primary health care organisation (Order ҚР ДСМ-194/2020).
    Phc,
    /// Licence for medical activity (Order ҚР ДСМ-59/2020).
    MedicalLicence,
    /// Temporary residence permit for foreigners and stateless persons.
    Trp,
    /// Registration of citizens at the place of residence or temporary stay (Order 677; pilot 500/НҚ–801).
    Registration,
}

impl Service {
    pub const ALL: [Service; 4] = [Service::Phc, Service::MedicalLicence, Service::Trp, Service::Registration];

    /// The service's code in answers files, links and JSON (its serde name).
    pub fn code(self) -> &'static str {
        match self {
            Service::Phc => "phc",
            Service::MedicalLicence => "medical_licence",
            Service::Trp => "trp",
            Service::Registration => "registration",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Eligible,
    NotEligible,
    /// The service is not for this person at all (e.g. nobody registers a 13-year-old).
    NotApplicable,
    /// Some facts are missing: see `Outcome::missing`.
    NeedsInfo,
    /// Nothing refuses, but no channel of application is open on the day (e.g. the portal only,
    /// for a person who cannot use it): the channels say why.
    NoChannelOpen,
    /// Nothing firm refuses, but the rules at hand cannot settle it: a condition that is not met
    /// rests only on a secondary or unverified source (which never refuses by itself), or the data
    /// do not cover the day. The person confirms those conditions with the provider; the reasons
    /// with `firm: false` and the limits say which.
    CheckWithProvider,
}

impl Verdict {
    /// May the person go ahead and apply (perhaps after checking something with the provider)? The
    /// one rule for where the app offers "Prepare my application" and what the bundle holds: not while
    /// an answer is missing, nor when no channel is open on the day.
    pub fn may_apply(self) -> bool {
        matches!(self, Verdict::Eligible | Verdict::CheckWithProvider)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    NotMet,
    Unknown,
}

impl From<Option<bool>> for Status {
    fn from(v: Option<bool>) -> Self {
        match v {
            Some(true) => Status::Met,
            Some(false) => Status::NotMet,
            None => Status::Unknown,
        }
    }
}

/// How a condition bears on the verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Not met: the service is not for this person (`NotApplicable`).
    Scope,
    /// Not met: the person is not eligible (`NotEligible`).
    Condition,
    /// Shown, but does not decide.
    Info,
    /// Something the person can still do before applying (pay the fee, get an electronic
    /// signature, obtain the owner's consent): not met is a step to take, never a refusal.
    Step,
}

/// One condition of a rule, evaluated.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reason {
    /// Stable code, also the text key `reason.<code>`.
    pub code: &'static str,
    pub status: Status,
    pub role: Role,
    /// The answer fields the condition looked at.
    pub facts: Fields,
    /// Of those, the ones still unanswered.
    pub missing: Fields,
    pub citation: &'static Provision,
    /// The weakest provenance the condition rests on: its citation's, or a dated value's it used.
    pub basis: crate::data::Provenance,
}

impl Reason {
    /// Rests on a primary source (one of the sources, or an official page): may refuse by itself.
    pub fn firm(&self) -> bool {
        self.basis <= crate::data::Provenance::Official
    }
    /// Decides the verdict (a scope or a condition, not information or a step).
    pub fn decides(&self) -> bool {
        matches!(self.role, Role::Scope | Role::Condition)
    }
    /// A step the person still has to take before applying (a step not met, or not known to be done).
    pub fn to_do(&self) -> bool {
        self.role == Role::Step && self.status != Status::Met
    }
}

/// A short list of fields kept inline as one-byte ids in one 64-bit word (a condition uses a
/// handful of facts): byte `k` holds the `k`-th field's id + 1, and 0 ends the list. Building a
/// reason allocates nothing, adding a field is a shift and an `or` that stay in registers, and a
/// reason stays small. Serialises as a JSON array of paths.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Fields(u64);

impl Fields {
    pub const CAPACITY: usize = 8;

    /// Adds a field; a condition using more than [`Fields::CAPACITY`] facts is a programming error.
    #[cfg_attr(any(feature = "inline", not(target_arch = "wasm32")), inline(always))]
    pub fn push(&mut self, f: FieldId) {
        let len = self.len();
        assert!(len < Self::CAPACITY, "a condition uses more than {} facts", Self::CAPACITY);
        self.0 |= (f.index() as u64 + 1) << (8 * len);
    }

    /// How many fields: the bytes up to the highest one not 0.
    #[inline(always)]
    fn len(&self) -> usize {
        (64 - self.0.leading_zeros() as usize).div_ceil(8)
    }

    /// The fields' paths, in the order the condition uses them.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.ids().map(FieldId::path)
    }

    /// The fields' ids, in the order the condition uses them.
    pub fn ids(&self) -> impl Iterator<Item = FieldId> + '_ {
        let mut rest = self.0;
        std::iter::from_fn(move || {
            let byte = rest as u8;
            rest >>= 8;
            byte.checked_sub(1).map(FieldId::from_byte)
        })
    }

    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    pub fn contains(&self, f: &str) -> bool {
        self.iter().any(|x| x == f)
    }
}

impl std::fmt::Debug for Fields {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Fields {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// Builds a [`Reason`]: `Check::new(code, &P_…).uses(fact!("field"), answered)….status(…)`.
///
/// Its steps, like `Outcome::reason`, `note` and `document`, are always inlined natively, so a
/// reason is built in place rather than copied through calls (about 6 % of an evaluation); in
/// WebAssembly only with the `inline` feature (the JS library, the search's worker): the app's first
/// load would grow by about 1.5 KB gzip.
pub struct Check {
    reason: Reason,
}

impl Check {
    #[cfg_attr(any(feature = "inline", not(target_arch = "wasm32")), inline(always))]
    pub fn new(code: &'static str, citation: &'static Provision) -> Self {
        Check {
            reason: Reason {
                code,
                status: Status::Unknown,
                role: Role::Condition,
                facts: Fields::default(),
                missing: Fields::default(),
                citation,
                basis: citation.provenance,
            },
        }
    }
    /// The condition also rests on a value of this provenance (a dated parameter, a list): a
    /// secondary or unverified one makes the condition unable to refuse by itself.
    #[cfg_attr(any(feature = "inline", not(target_arch = "wasm32")), inline(always))]
    pub fn rests_on(mut self, p: crate::data::Provenance) -> Self {
        self.reason.basis = self.reason.basis.max(p);
        self
    }
    /// The condition decides whether the service applies at all.
    #[cfg_attr(any(feature = "inline", not(target_arch = "wasm32")), inline(always))]
    pub fn scope(mut self) -> Self {
        self.reason.role = Role::Scope;
        self
    }
    /// The condition is shown but decides nothing.
    #[cfg_attr(any(feature = "inline", not(target_arch = "wasm32")), inline(always))]
    pub fn info(mut self) -> Self {
        self.reason.role = Role::Info;
        self
    }
    /// The condition is a step the person can take before applying: not met is a to-do.
    #[cfg_attr(any(feature = "inline", not(target_arch = "wasm32")), inline(always))]
    pub fn step(mut self) -> Self {
        self.reason.role = Role::Step;
        self
    }
    /// Records a fact the condition uses and whether it has been answered.
    #[cfg_attr(any(feature = "inline", not(target_arch = "wasm32")), inline(always))]
    pub fn uses(mut self, field: FieldId, answered: bool) -> Self {
        self.reason.facts.push(field);
        if !answered {
            self.reason.missing.push(field);
        }
        self
    }
    #[cfg_attr(any(feature = "inline", not(target_arch = "wasm32")), inline(always))]
    pub fn status(mut self, s: impl Into<Status>) -> Reason {
        self.reason.status = s.into();
        if self.reason.status != Status::Unknown {
            self.reason.missing = Fields::default();
        }
        self.reason
    }
}

/// A way to apply, and why it is or is not open to this person.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChannelOffer {
    pub channel: Channel,
    pub available: bool,
    /// Text key `channel_why.<why>`.
    pub why: &'static str,
    pub citation: &'static Provision,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// egov.kz (or eGov Mobile, elicense.kz) signed with an electronic digital signature.
    EgovEds,
    /// egov.kz signed with a one-time SMS password (phone in the mobile citizens database).
    EgovOtp,
    /// A ЦОН counter (State Corporation "Government for Citizens").
    Con,
    /// The self-service sector of a ЦОН, using the online service.
    ConSelfService,
    /// The ЦОН operating hall (counter service by an operator).
    OperatingHall,
    /// The service provider's own office (polyclinic, police migration service…).
    ProviderOffice,
}

/// A document for the checklist.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Document {
    /// Text key `doc.<code>`.
    pub code: &'static str,
    /// Text key `because.<because>`: the condition that made it required.
    pub because: &'static str,
    pub citation: &'static Provision,
    /// The provider gets it from state information systems: shown, not demanded on paper.
    pub from_state_systems: bool,
    /// The channel the document belongs to, when it is needed only there (e.g. the owner's
    /// written consent at a counter): always a channel open to the person.
    pub channel: Option<Channel>,
}

/// The fee: a multiple of the MCI, and tenge where the MCI of the day is known.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fee {
    pub free: bool,
    /// Multiple of the monthly calculation index (МРП).
    pub mci_multiple: f64,
    /// The MCI used, with its own dates and source; `None` when the day is past the data.
    pub mci: Option<&'static crate::data::Dated<i64>>,
    pub tenge: Option<i64>,
    pub citation: &'static Provision,
}

/// A refusal ground that applies to the case, shown as a warning.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Warning {
    /// Text key `warning.<code>`.
    pub code: &'static str,
    pub citation: &'static Provision,
}

/// A dated step with its own term: the person's own deadline to apply, a stage of the procedure,
/// or what follows the result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Milestone {
    /// Text key `milestone.<code>`.
    pub code: &'static str,
    pub kind: MilestoneKind,
    /// The day the term counts from (an arrival, a birthday), where it is known.
    pub from: Option<NaiveDate>,
    /// The step's own term, in working days …
    pub working_days: Option<u32>,
    /// … or in calendar days …
    pub calendar_days: Option<u32>,
    /// … or in hours (e.g. a visit notified at least 24 hours ahead).
    pub hours: Option<u32>,
    /// The last day of the step, where the starting day is known.
    pub by: Option<NaiveDate>,
    pub citation: &'static Provision,
}

/// What a milestone is to the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneKind {
    /// The last day the person may apply (e.g. 10 calendar days after arrival): shown before the
    /// documents, with its calendar.
    ApplyBy,
    /// A stage of the procedure after the application is made.
    Stage,
    /// What happens after the result (e.g. an attachment taking effect).
    Effect,
}

/// Where the computation reached past the data, said plainly instead of guessed.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Limit {
    /// No MCI value is set for this day (e.g. next year's budget law is not out yet).
    MciNotSet { day: NaiveDate },
    /// The holidays of this year are not in the data: only weekends were counted.
    CalendarNotPublished { year: i32 },
    /// The Kurban Ait date of this year is planned or estimated, not confirmed.
    KurbanAitNotConfirmed { year: i32, date: NaiveDate },
    /// A cited provision's wording is not in force on the day: no other edition is in the data.
    ProvisionNotInForce { id: &'static str },
    /// A value used is marked unverified.
    Unverified { what: &'static str },
    /// The rules (a dated parameter, the calendar) are not in the data for this day: what they
    /// decide is left open instead of guessed (e.g. a day before a parameter's first value).
    RulesNotInData { day: NaiveDate },
}

impl Limit {
    /// A bit standing for the limit, the same for equal limits (the kind, and the day, year or the
    /// length of the text): an outcome compares a limit with those it has only when one of them
    /// has its bit. Where a limit is added its fields are mostly constants, and so is the bit.
    #[inline(always)]
    fn bit(&self) -> u64 {
        let (kind, n) = match *self {
            Limit::MciNotSet { day } => (0, day.num_days_from_ce() as u64),
            Limit::CalendarNotPublished { year } => (1, year as u64),
            Limit::KurbanAitNotConfirmed { year, .. } => (2, year as u64),
            Limit::ProvisionNotInForce { id } => (3, id.len() as u64),
            Limit::Unverified { what } => (4, what.len() as u64),
            Limit::RulesNotInData { day } => (5, day.num_days_from_ce() as u64),
        };
        1 << ((n.wrapping_mul(6) + kind) % 64)
    }

    /// The limit in words, with what it concerns: a day, a year, a provision or a value.
    pub fn message(&self, lang: crate::Lang) -> String {
        let t = |key: &str| crate::text::word(key, lang);
        let dmy = |d: &NaiveDate| crate::text::dmy(*d);
        match self {
            Limit::MciNotSet { day } => format!("{} ({})", t("limit.mci_not_set"), dmy(day)),
            Limit::RulesNotInData { day } => format!("{} ({})", t("limit.rules_not_in_data"), dmy(day)),
            Limit::CalendarNotPublished { year } => format!("{} ({year})", t("limit.calendar_not_published")),
            Limit::KurbanAitNotConfirmed { date, .. } => format!("{} ({})", t("limit.kurban_ait_not_confirmed"), dmy(date)),
            Limit::ProvisionNotInForce { id } => {
                let which = crate::data::provision(id).map(|p| format!("{}, {}", crate::text::source_label(p.act, lang), p.unit.get(lang)));
                format!("{} ({})", t("limit.provision_not_in_force"), which.as_deref().unwrap_or(id))
            }
            Limit::Unverified { what } => format!("{} {}", t("limit.unverified"), t(&format!("unverified.{what}"))),
        }
    }
}

/// The answer for one service.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub service: Service,
    /// Sub-case, e.g. `issue`, `reissue`, `duplicate`, `permanent`, `temporary`; text key `case.<case>`.
    pub case: &'static str,
    pub verdict: Verdict,
    /// Facts still to ask, in interview order; only when `verdict` is `needs_info`.
    pub missing: Vec<&'static str>,
    /// Unanswered facts that would make the checklist or the channels precise without changing the
    /// verdict (e.g. whether the host owns the housing): asked after `missing`, in interview order.
    pub refine: Vec<&'static str>,
    pub reasons: Vec<Reason>,
    pub channels: Vec<ChannelOffer>,
    pub documents: Vec<Document>,
    pub fee: Option<Fee>,
    pub deadline: Option<Deadline>,
    pub timeline: Vec<Milestone>,
    pub refusal_grounds: Vec<Warning>,
    /// Further information (text keys `note.<code>`), with citations.
    pub notes: Vec<Warning>,
    pub limits: Vec<Limit>,
    /// Where to complain about a refusal, and in how long (text keys `appeal.<code>`): only on
    /// outcomes that refuse or leave the question to the provider.
    pub appeal: Vec<Warning>,
    /// The provisions in force on the day of the rules, set by `finish`: the acts applied and
    /// mentioned ([`Outcome::editions`], [`Outcome::mentioned`]) are worked out from the citations
    /// only when asked for (rendering, serialising), not by every evaluation.
    in_force: Option<InForce>,
    /// The facts recorded by [`Outcome::refine`] while the rules run; `finish` lists them in `refine`.
    refining: FieldSet,
    /// The provisions cited by what decides or directs the application, the fee apart, as a bit set
    /// by [`Provision::index`], recorded as they are cited (a bit set by a constant: one instruction).
    /// `finish` looks for wording not in force citation by citation only when one of these is.
    cited: Cited,
    /// The bits of the limits added ([`Limit::bit`]).
    limit_bits: u64,
    /// What the reasons so far say for the verdict, counted as each is added.
    tally: Tally,
}

/// As the fields are declared, with the acts applied (`editions`) and mentioned (`mentioned`) after
/// `appeal`.
impl Serialize for Outcome {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let (editions, mentioned) = self.acts_cited();
        let mut st = s.serialize_struct("Outcome", 17)?;
        st.serialize_field("service", &self.service)?;
        st.serialize_field("case", self.case)?;
        st.serialize_field("verdict", &self.verdict)?;
        st.serialize_field("missing", &self.missing)?;
        st.serialize_field("refine", &self.refine)?;
        st.serialize_field("reasons", &self.reasons)?;
        st.serialize_field("channels", &self.channels)?;
        st.serialize_field("documents", &self.documents)?;
        st.serialize_field("fee", &self.fee)?;
        st.serialize_field("deadline", &self.deadline)?;
        st.serialize_field("timeline", &self.timeline)?;
        st.serialize_field("refusal_grounds", &self.refusal_grounds)?;
        st.serialize_field("notes", &self.notes)?;
        st.serialize_field("limits", &self.limits)?;
        st.serialize_field("appeal", &self.appeal)?;
        st.serialize_field("editions", &editions)?;
        st.serialize_field("mentioned", &mentioned)?;
        st.end()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActEdition {
    pub act: &'static str,
    pub number: &'static str,
    pub edition_date: Option<NaiveDate>,
}

impl Outcome {
    pub fn new(service: Service, case: &'static str) -> Self {
        Outcome {
            service,
            case,
            verdict: Verdict::NeedsInfo,
            missing: vec![],
            refine: vec![],
            reasons: Vec::with_capacity(16),
            channels: Vec::with_capacity(6),
            documents: Vec::with_capacity(16),
            fee: None,
            deadline: None,
            timeline: Vec::with_capacity(8),
            refusal_grounds: Vec::with_capacity(12),
            notes: Vec::with_capacity(16),
            limits: vec![],
            appeal: vec![],
            in_force: None,
            refining: FieldSet::default(),
            cited: Cited::default(),
            limit_bits: 0,
            tally: Tally::default(),
        }
    }

    #[cfg_attr(any(feature = "inline", not(target_arch = "wasm32")), inline(always))]
    pub fn reason(&mut self, r: Reason) -> Status {
        let s = r.status;
        self.cited.add(r.citation);
        self.tally.count(&r);
        self.reasons.push(r);
        s
    }

    /// Has a condition of scope been found not met (firmly or not) among the reasons so far?
    pub fn scope_not_met(&self) -> bool {
        self.tally.scope_not_met
    }

    /// Has a condition of scope been found not met on a firm basis among the reasons so far?
    pub fn out_of_scope(&self) -> bool {
        self.tally.out_of_scope
    }

    #[cfg_attr(any(feature = "inline", not(target_arch = "wasm32")), inline(always))]
    pub fn document(&mut self, code: &'static str, because: &'static str, citation: &'static Provision, from_state_systems: bool) {
        self.cited.add(citation);
        self.documents.push(Document { code, because, citation, from_state_systems, channel: None });
    }

    /// A document needed only when applying through `channel`.
    #[cfg_attr(any(feature = "inline", not(target_arch = "wasm32")), inline(always))]
    pub fn document_at(&mut self, channel: Channel, code: &'static str, because: &'static str, citation: &'static Provision, state: bool) {
        self.cited.add(citation);
        self.documents.push(Document { code, because, citation, from_state_systems: state, channel: Some(channel) });
    }

    #[cfg_attr(any(feature = "inline", not(target_arch = "wasm32")), inline(always))]
    pub fn channel(&mut self, channel: Channel, available: bool, why: &'static str, citation: &'static Provision) {
        self.cited.add(citation);
        self.channels.push(ChannelOffer { channel, available, why, citation });
    }

    #[cfg_attr(any(feature = "inline", not(target_arch = "wasm32")), inline(always))]
    pub fn refusal_ground(&mut self, code: &'static str, citation: &'static Provision) {
        self.cited.add(citation);
        self.refusal_grounds.push(Warning { code, citation });
    }

    #[cfg_attr(any(feature = "inline", not(target_arch = "wasm32")), inline(always))]
    pub fn note(&mut self, code: &'static str, citation: &'static Provision) {
        self.notes.push(Warning { code, citation });
    }

    /// A dated step of the procedure or what follows it (most services list a few; the licence six).
    pub fn milestone(&mut self, m: Milestone) {
        self.cited.add(m.citation);
        self.timeline.push(m);
    }

    /// A step of the appeal route a source gives (to whom, in how long, then court).
    #[cfg_attr(any(feature = "inline", not(target_arch = "wasm32")), inline(always))]
    pub fn appeal(&mut self, code: &'static str, citation: &'static Provision) {
        self.appeal.push(Warning { code, citation });
    }

    /// The provisions cited by what decides or directs the application (reasons, documents,
    /// channels, refusal grounds, fee, terms) — not by notes or the appeal route.
    pub fn deciding_citations(&self) -> impl Iterator<Item = &'static Provision> + '_ {
        (self.reasons.iter().map(|r| r.citation))
            .chain(self.documents.iter().map(|d| d.citation))
            .chain(self.channels.iter().map(|c| c.citation))
            .chain(self.refusal_grounds.iter().map(|w| w.citation))
            .chain(self.fee.iter().map(|f| f.citation))
            .chain(self.timeline.iter().map(|m| m.citation))
    }

    /// Records an unanswered fact that would make a document or channel precise.
    pub fn refine(&mut self, field: FieldId) {
        self.refining = self.refining.with(field);
    }

    /// Adds a limit unless the outcome has it already.
    #[cfg_attr(any(feature = "inline", not(target_arch = "wasm32")), inline(always))]
    pub fn limit(&mut self, l: Limit) {
        let bit = l.bit();
        if self.limit_bits & bit == 0 {
            self.limit_bits |= bit;
            self.limits.push(l);
        } else {
            self.limit_again(l);
        }
    }

    /// A limit whose bit is set: pushed unless the outcome has it already.
    #[cold]
    #[inline(never)]
    fn limit_again(&mut self, l: Limit) {
        if !self.limits.contains(&l) {
            self.limits.push(l);
        }
    }

    /// Makes this outcome a new, empty one for `service` and `case`, keeping the room its lists
    /// already have: evaluating again into the same [`Report`] allocates nothing
    /// ([`crate::evaluate_into`]).
    pub fn start(&mut self, service: Service, case: &'static str) {
        let Outcome {
            service: s,
            case: c,
            verdict,
            missing,
            refine,
            reasons,
            channels,
            documents,
            fee,
            deadline,
            timeline,
            refusal_grounds,
            notes,
            limits,
            appeal,
            in_force,
            refining,
            cited,
            limit_bits,
            tally,
        } = self;
        (*s, *c, *verdict, *fee, *deadline) = (service, case, Verdict::NeedsInfo, None, None);
        (*in_force, *refining, *cited, *limit_bits, *tally) = (None, FieldSet::default(), Cited::default(), 0, Tally::default());
        missing.clear();
        refine.clear();
        reasons.clear();
        channels.clear();
        documents.clear();
        timeline.clear();
        refusal_grounds.clear();
        notes.clear();
        limits.clear();
        appeal.clear();
    }

    /// Decides the verdict from the reasons, puts the missing and refining facts in interview order,
    /// and says (a limit) each deciding provision whose wording is not in force on `as_of`. The acts
    /// cited are worked out only when read ([`Outcome::editions`], [`Outcome::mentioned`]).
    pub fn finish(&mut self, as_of: NaiveDate) {
        // The reasons were counted as they were added (`Tally`).
        debug_assert_eq!(
            self.tally,
            self.reasons.iter().fold(Tally::default(), |mut t, r| {
                t.count(r);
                t
            }),
            "a reason was added to an outcome's list directly, not through Outcome::reason"
        );
        let Tally { out_of_scope, refused, asks, unsettled, missing, refine, .. } = self.tally;
        self.verdict = if out_of_scope {
            Verdict::NotApplicable
        } else if refused {
            Verdict::NotEligible
        } else if asks {
            Verdict::NeedsInfo
        } else if unsettled {
            Verdict::CheckWithProvider
        } else if !self.channels.is_empty() && self.channels.iter().all(|c| !c.available) {
            Verdict::NoChannelOpen
        } else {
            Verdict::Eligible
        };
        if !matches!(self.verdict, Verdict::NotEligible | Verdict::CheckWithProvider) {
            self.appeal.clear();
        }
        self.missing.clear();
        if self.verdict == Verdict::NeedsInfo {
            self.missing.extend(missing.paths());
        }
        if self.verdict == Verdict::NotApplicable {
            self.refine.clear();
        } else {
            // The facts of `Outcome::refine`, with those of the information reasons, in interview order.
            self.refine.extend(FieldSet(refine.0 | self.refining.0).paths());
        }
        // A limit for every deciding provision whose wording is not in force on `as_of`, once each,
        // in the order cited.
        let in_force = InForce::on(as_of);
        self.in_force = Some(in_force);
        let stale = |p: &Provision| !in_force.holds(p);
        debug_assert!(
            (self.reasons.iter().map(|r| r.citation))
                .chain(self.documents.iter().map(|d| d.citation))
                .chain(self.channels.iter().map(|c| c.citation))
                .chain(self.refusal_grounds.iter().map(|w| w.citation))
                .chain(self.timeline.iter().map(|m| m.citation))
                .all(|p| self.cited.has(p)),
            "a deciding citation was added to an outcome's list directly, not through its method"
        );
        if in_force.lacks_any(&self.cited.0) || self.fee.as_ref().is_some_and(|f| stale(f.citation)) {
            let ids: Vec<&'static str> = self.deciding_citations().filter(|p| stale(p)).map(|p| p.id).collect();
            ids.into_iter().for_each(|id| self.limit(Limit::ProvisionNotInForce { id }));
        }
    }

    /// The acts applied: those with a provision in force on the day that decides something here
    /// (a reason, channel, document, fee, term, step or refusal ground), with the edition used, each
    /// once in the order first cited.
    pub fn editions(&self) -> Vec<ActEdition> {
        self.acts_cited().0
    }

    /// Acts cited only for information (a note, the appeal route) or only with wording not in force
    /// on the day (e.g. a pilot that has ended): listed apart from those applied.
    pub fn mentioned(&self) -> Vec<ActEdition> {
        self.acts_cited().1
    }

    /// The acts applied and only mentioned, each once in the order first cited (empty before `finish`).
    fn acts_cited(&self) -> (Vec<ActEdition>, Vec<ActEdition>) {
        let Some(in_force) = self.in_force else { return (vec![], vec![]) };
        let mut acts = ActsCited { in_force, applied: ActList::default(), mentioned: ActList::default() };
        // What decides or directs the application (as `deciding_citations`), then notes and the appeal route.
        self.deciding_citations().for_each(|p| acts.cite(p, true));
        (self.notes.iter().chain(self.appeal.iter())).for_each(|w| acts.cite(w.citation, false));
        let act = |i: &u8| act_edition(crate::data::ACTS[usize::from(*i)]);
        let applied = acts.applied.list().iter().map(act).collect();
        let mentioned = acts.mentioned.list().iter().filter(|i| !acts.applied.has(**i)).map(act).collect();
        (applied, mentioned)
    }
}

/// The acts an outcome cites: those applied (a deciding provision in force on the day) and those
/// otherwise cited.
struct ActsCited {
    in_force: InForce,
    applied: ActList,
    mentioned: ActList,
}

impl ActsCited {
    #[inline(always)]
    fn cite(&mut self, p: &'static Provision, decides: bool) {
        if decides && self.in_force.holds(p) {
            self.applied.add(p.act.index);
        } else {
            self.mentioned.add(p.act.index);
        }
    }
}

/// Acts by their dense index (`Act::index`, at most 64: `build.rs`), each once, in the order added:
/// a bit set and the list, with no allocation.
struct ActList {
    set: u64,
    order: [u8; 64],
    count: usize,
}

impl Default for ActList {
    fn default() -> Self {
        ActList { set: 0, order: [0; 64], count: 0 }
    }
}

impl ActList {
    #[inline(always)]
    fn add(&mut self, act: u8) {
        if !self.has(act) {
            self.set |= 1 << act;
            self.order[self.count] = act;
            self.count += 1;
        }
    }
    #[inline(always)]
    fn has(&self, act: u8) -> bool {
        self.set & 1 << act != 0
    }
    fn list(&self) -> &[u8] {
        &self.order[..self.count]
    }
}

/// A set of fields (at most 128: `answers::FIELD_PATHS`), listed in interview order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct FieldSet(u128);

impl FieldSet {
    fn with(self, f: FieldId) -> Self {
        FieldSet(self.0 | 1 << f.index())
    }
    fn with_all(self, fields: &Fields) -> Self {
        fields.ids().fold(self, FieldSet::with)
    }
    fn paths(self) -> impl Iterator<Item = &'static str> {
        let mut rest = self.0;
        std::iter::from_fn(move || {
            let i = rest.trailing_zeros() as usize;
            rest &= rest.checked_sub(1)?;
            Some(crate::answers::FIELD_PATHS[i])
        })
    }
}

/// What the reasons of an outcome say for its verdict, counted reason by reason as each is added
/// ([`Outcome::reason`]), so that `finish` and the rules' own checks of scope need not walk them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Tally {
    /// A scope not met, firm or not.
    scope_not_met: bool,
    /// A scope not met on a firm basis: the service is not for this person.
    out_of_scope: bool,
    /// A condition not met on a firm basis.
    refused: bool,
    /// A deciding condition waits for an answer …
    asks: bool,
    /// … or cannot be settled here: not met on a secondary or unverified basis, or unknown with
    /// nothing to ask.
    unsettled: bool,
    /// The facts the deciding conditions wait for.
    missing: FieldSet,
    /// Unanswered facts of information reasons.
    refine: FieldSet,
}

impl Tally {
    /// A refusal needs a firm basis; a condition resting on a secondary or unverified source only
    /// asks the person to confirm it with the provider (issue: no hard refusal without a primary
    /// source). Inlined where a reason is added, where its role is a constant.
    #[cfg_attr(any(feature = "inline", not(target_arch = "wasm32")), inline(always))]
    fn count(&mut self, r: &Reason) {
        if r.role == Role::Scope && r.status == Status::NotMet {
            self.scope_not_met = true;
        }
        match (r.decides(), r.status) {
            (true, Status::NotMet) if !r.firm() => self.unsettled = true,
            (true, Status::NotMet) if r.role == Role::Scope => self.out_of_scope = true,
            (true, Status::NotMet) => self.refused = true,
            (true, Status::Unknown) if r.missing.is_empty() => self.unsettled = true,
            (true, Status::Unknown) => {
                self.asks = true;
                self.missing = self.missing.with_all(&r.missing);
            }
            // An information reason left unknown (e.g. "submitted in time") names a fact worth asking.
            (false, Status::Unknown) => self.refine = self.refine.with_all(&r.missing),
            _ => {}
        }
    }
}

/// Provisions by their dense index ([`Provision::index`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Cited([u64; PROVISION_WORDS]);

impl Cited {
    /// Inlined where a provision is cited: its index is a constant there, so this is one `or`.
    #[inline(always)]
    fn add(&mut self, p: &Provision) {
        let i = usize::from(p.index);
        self.0[i / 64] |= 1 << (i % 64);
    }
    fn has(&self, p: &Provision) -> bool {
        let i = usize::from(p.index);
        self.0[i / 64] >> (i % 64) & 1 == 1
    }
}

fn act_edition(a: &'static Act) -> ActEdition {
    ActEdition { act: a.id, number: a.number, edition_date: a.edition_date }
}

/// The rules edition: the crate version and a SHA-256 of every data file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Edition {
    pub id: &'static str,
    pub hash: &'static str,
}

impl Edition {
    /// A short code a person can read out or quote in any language ("0412-8837"): the first six
    /// hex digits of the edition's hash as eight decimal digits, in two groups. Enough to tell
    /// editions apart; the full hash stays in the CLI's JSON.
    pub fn code(&self) -> String {
        let hex: String = self.hash.chars().take(6).collect();
        let n = u32::from_str_radix(&hex, 16).unwrap_or(0);
        format!("{:04}-{:04}", n / 10_000, n % 10_000)
    }
}

pub fn edition() -> Edition {
    Edition { id: concat!("tekser-rules ", env!("CARGO_PKG_VERSION")), hash: crate::data::EDITION_HASH }
}

/// Everything the rules say about one answer set as of one date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub as_of: NaiveDate,
    pub edition: Edition,
    pub outcomes: Vec<Outcome>,
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_reason_is_small() {
        // Code, citation, two lists of up to 8 one-byte field ids, status, role, basis.
        assert_eq!(std::mem::size_of::<super::Reason>(), 48);
    }

    #[test]
    fn fields_keep_eight_ids_in_order_the_highest_id_too() {
        use crate::answers::{FieldId, FIELD_PATHS};
        let last = FIELD_PATHS.len() - 1;
        let ids: Vec<FieldId> = [0, last, 5, 1, last - 1, 2, 3, 4].map(|i| FieldId::of(FIELD_PATHS[i])).to_vec();
        let mut f = super::Fields::default();
        assert!(f.is_empty());
        for (n, id) in ids.iter().enumerate() {
            f.push(*id);
            assert_eq!(f.ids().collect::<Vec<_>>(), ids[..=n], "after {} pushes", n + 1);
        }
        assert!(f.contains(FIELD_PATHS[last]) && !f.contains(FIELD_PATHS[6]));
    }

    #[test]
    #[should_panic(expected = "more than 8 facts")]
    fn a_ninth_field_is_a_programming_error() {
        let mut f = super::Fields::default();
        (0..9).for_each(|i| f.push(crate::answers::FieldId::of(crate::answers::FIELD_PATHS[i])));
    }

    #[test]
    fn a_limit_is_added_once_even_from_another_copy_of_its_words() {
        use super::{Limit, Outcome, Service};
        let mut o = Outcome::new(Service::Phc, "");
        let copy: &'static str = String::from("hours_phc_provider").leak();
        o.limit(Limit::Unverified { what: "hours_phc_provider" });
        o.limit(Limit::CalendarNotPublished { year: 2030 });
        o.limit(Limit::Unverified { what: copy });
        o.limit(Limit::Unverified { what: "pilot_start" });
        o.limit(Limit::CalendarNotPublished { year: 2030 });
        assert_eq!(
            o.limits,
            [
                Limit::Unverified { what: "hours_phc_provider" },
                Limit::CalendarNotPublished { year: 2030 },
                Limit::Unverified { what: "pilot_start" }
            ]
        );
    }

    #[test]
    fn the_edition_code_is_eight_digits_from_the_hash() {
        // 0xffffff = 16 777 215.
        assert_eq!(super::Edition { id: "x", hash: "ffffff00" }.code(), "1677-7215");
        assert_eq!(super::Edition { id: "x", hash: "000001ab" }.code(), "0000-0001");
        let code = super::edition().code();
        assert!(code.len() == 9 && code.chars().all(|c| c.is_ascii_digit() || c == '-'), "{code}");
    }
}
