//! The app's state and its pure reducer (as in Yew's `function_todomvc`): no DOM, no storage, so
//! it is tested natively. Effects (the URL, `history.state`, focus, the title) live in the root
//! component. The URL holds the screen, language and services only ([`to_fragment`]); the answers
//! are kept in memory and the tab's `history.state` ([`history_entries`]), and go into a link only
//! when the person asks for one ([`to_link`]).
//!
//! Answers are kept as the person typed them, by field path (`person.date_of_birth` →
//! `2004-05-19`), so nothing typed is ever lost, even when it is not valid yet. The typed
//! [`Answers`] the rules take are derived from them ([`State::answers`]); a raw value that does not
//! parse is left out and reported on its question.

use std::collections::BTreeMap;
use std::rc::Rc;
use tekser_rules::answers::set::Value;
use tekser_rules::answers::{all_fields, Field, FieldKind};
use tekser_rules::details::{Field as DetailField, Section};
use tekser_rules::{Answers, Details, Lang, Service, Verdict};
use yew::Reducible;

/// A raw answer meaning "I don't know": asked, and left unanswered on purpose.
pub const DONT_KNOW: &str = "?";

/// No question takes an answer this long (the longest, every option of a many-choice question, is
/// under 150 characters). A longer value — a 10 MB paste, link or file — is kept to its first
/// `MAX_RAW` characters, which its question still reports, so that the state stays quick to copy
/// and a link or history entry small enough to survive a reload.
pub const MAX_RAW: usize = 1000;

/// A raw answer as kept: at most [`MAX_RAW`] characters.
fn bounded(raw: &str) -> String {
    match raw.char_indices().nth(MAX_RAW) {
        Some((cut, _)) => raw[..cut].to_string(),
        None => raw.to_string(),
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    /// A kiosk's first screen: three large language buttons, before the start page.
    Welcome,
    Start,
    /// One question, by field path.
    Question(&'static str),
    /// "Is this right?": the answer to this question looks like a slip ([`UNUSUAL`]); Continue keeps
    /// it, Change goes back to the question.
    Confirm(&'static str),
    /// "Check your answers".
    Check,
    Results,
    /// One page of the details an application form needs (`#/details/<section>`): the URL names the
    /// page only, never a value.
    Details(Section),
    /// "Your application": what the bundle will hold, its language and the Download button.
    Application,
    /// Operator mode (`#/operator`): staff at a ЦОН counter pick a service and see every question it
    /// asks on one page, the outcome beside them (`pages/operator.rs`).
    Operator,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub screen: Screen,
    /// The services chosen on the start page (all four when none is chosen).
    pub services: Vec<Service>,
    /// The boxes ticked on the start page so far, which Start takes: kept here rather than in the
    /// page, so that boxes ticked on the pre-rendered start page before the app ran are kept when it
    /// mounts (`prerender::ticked`), and so that Back to the start page finds them as they were.
    pub ticked: Vec<Service>,
    /// Raw answers by field path, as typed.
    pub raw: BTreeMap<&'static str, String>,
    /// Set when the person came to a question from "Check your answers": Continue returns there.
    pub from_check: bool,
    /// A self-service kiosk (`#/start?kiosk=1`): the answers are kept in memory only, never in the
    /// URL or the browser's history, so "Finish and clear" (or the idle timeout) leaves nothing behind
    /// for the next person.
    pub kiosk: bool,
    /// Embedded in another site's page (`#/start?embed=1`, `crate::embed`): no header or footer of its
    /// own, the top heading at level [`State::heading`], and, as on a kiosk, the answers in memory
    /// only (never in the URL, `history.state` or a link).
    pub embed: bool,
    /// The level of the top heading of every screen (1 to 6, `&h=2`): set by the page that embeds
    /// the app, so that its screens fit under the host page's own headings. 1 outside embed mode.
    pub heading: u8,
    /// What the last answers file loaded held that no question takes (unknown fields, services):
    /// said on "Check your answers"; not kept in the URL.
    pub file_notes: Vec<FileError>,
    /// Unusual answers the person confirmed on "Is this right?", as typed: not asked again while the
    /// answer stays the same. Not kept in the URL.
    pub confirmed: BTreeMap<&'static str, String>,
    /// The person's details for the application forms, as typed (`tekser_rules::details`). In
    /// memory only: never in the URL, `history.state` ([`history_entries`]) or a link ([`to_link`]);
    /// written to a saved answers file ([`to_json`]) and the bundle.
    pub details: Details,
    /// The service whose "Prepare my application" was pressed: the details pages ask what its forms
    /// need. None after a reload: then they ask what the forms of every service the person may apply
    /// for need.
    pub preparing: Option<Service>,
    /// Operator mode (`#/operator`, [`Screen::Operator`]): staff serve one person after another, so,
    /// as on a kiosk, the answers live in memory only (never in the URL, `history.state` or a link),
    /// and "Next person" forgets them ([`Action::NextPerson`]).
    pub operator: bool,
}

impl Default for State {
    fn default() -> Self {
        State {
            lang: Lang::Kk,
            screen: Screen::Start,
            services: Service::ALL.to_vec(),
            ticked: Vec::new(),
            raw: BTreeMap::new(),
            from_check: false,
            kiosk: false,
            embed: false,
            heading: 1,
            file_notes: Vec::new(),
            confirmed: BTreeMap::new(),
            details: Details::default(),
            preparing: None,
            operator: false,
        }
    }
}

pub enum Action {
    SetLang(Lang),
    /// Tick or untick a service's box on the start page.
    Tick(Service),
    /// Start the interview for these services.
    Start(Vec<Service>),
    /// Record the answer to a question (raw text), without moving on.
    Answer(&'static str, String),
    /// Move to a screen (Continue, Back, Change links).
    Show(Screen),
    /// "Is this right?" answered Continue: keep the answer to this question as it is, and go on.
    Confirm(&'static str),
    /// The browser moved in its history: take the screen from the URL, keep the language chosen
    /// and every answer given so far, and add answers only the history entry (or a link) knows
    /// ([`from_url`]).
    FromUrl(State),
    /// Replace the services and every answer with those of a file, and show them.
    Load(Loaded),
    /// The page that embeds the app pre-fills services and answers (`crate::embed`): they replace
    /// everything, as a file does; the interview goes on at the first question still to answer, or
    /// "Check your answers" when there is none, or when one given cannot be used (as for a file).
    Prefill(Loaded),
    /// "Prepare my application" for a service: its first page of details (or "Your application"
    /// when its forms need nothing the answers do not know).
    Prepare(Service),
    /// Record a detail as typed (an unknown field is ignored; a blank value clears it).
    Detail(&'static str, String),
    /// Forget everything and go to the start page (in the language chosen).
    Reset,
    /// A kiosk's "Finish and clear" or idle timeout: forget everything, the language too, for the
    /// next person.
    Clear,
    /// Operator mode: the service to check ([`State::operator_service`]); the answers given stay
    /// (those about the person serve every service).
    Pick(Service),
    /// Operator mode: record an answer exactly as it is being typed (a space typed between two words
    /// stays; reading it trims it, `parse_raw`).
    Type(&'static str, String),
    /// Operator mode's "Next person": forget the service, every answer and detail, keep the language.
    NextPerson,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SetLang(l) => s.lang = l,
            Action::Tick(service) => match s.ticked.iter().position(|x| *x == service) {
                Some(i) => drop(s.ticked.remove(i)),
                None => s.ticked.push(service),
            },
            Action::Start(services) => {
                s.services = if services.is_empty() { Service::ALL.to_vec() } else { services };
                s.from_check = false;
                s.screen = next_screen(&s);
            }
            Action::Answer(path, value) => {
                let _ = s.raw.insert(path, bounded(value.trim()));
            }
            Action::Show(screen) => {
                s.from_check =
                    matches!(screen, Screen::Question(_) | Screen::Confirm(_)) && (self.from_check || self.screen == Screen::Check);
                s.screen = screen;
            }
            Action::Confirm(path) => {
                if let Some(raw) = s.raw.get(path).cloned() {
                    s.confirmed.insert(path, raw);
                }
                s.screen = next_screen(&s);
            }
            // Into or out of operator mode: nothing carries over either way (an operator's answers
            // must not reach the interview's `history.state`).
            Action::FromUrl(url) if self.operator || url.operator => s = State { lang: s.lang, ..url },
            Action::FromUrl(url) => {
                // The language is not taken from the history entry: a language chosen later
                // stays when the person goes back.
                s.screen = url.screen;
                s.services = url.services;
                s.kiosk |= url.kiosk;
                s.embed |= url.embed;
                for (k, v) in url.raw {
                    s.raw.entry(k).or_insert(v);
                }
            }
            Action::Prepare(service) => {
                s.preparing = Some(service);
                s.screen = s.detail_sections(crate::today()).first().map(|x| Screen::Details(*x)).unwrap_or(Screen::Application);
            }
            Action::Detail(path, value) => {
                let _ = s.details.set(path, &bounded(value.trim()));
            }
            Action::Load(file) => {
                s.services = file.services;
                s.raw = file.raw;
                s.details = file.details;
                s.preparing = None;
                s.file_notes = file.skipped;
                s.from_check = false;
                s.screen = Screen::Check;
            }
            Action::Prefill(file) => {
                s = State { lang: s.lang, kiosk: s.kiosk, embed: s.embed, heading: s.heading, ..State::default() };
                s.services = file.services;
                s.raw = file.raw;
                s.file_notes = file.skipped;
                let today = crate::today();
                s.screen = if s.file_notes.is_empty() && s.problems(today).is_empty() { next_screen_on(&s, today) } else { Screen::Check };
            }
            Action::Reset => s = State { lang: s.lang, kiosk: s.kiosk, embed: s.embed, heading: s.heading, ..State::default() },
            Action::Pick(service) => s.services = vec![service],
            Action::Type(path, value) => {
                let _ = s.raw.insert(path, bounded(&value));
            }
            Action::NextPerson => s = State { lang: s.lang, operator: true, screen: Screen::Operator, ..State::default() },
            Action::Clear => {
                s = State { kiosk: s.kiosk, embed: s.embed, heading: s.heading, screen: first_screen(s.kiosk), ..State::default() }
            }
        }
        if s == *self {
            self
        } else {
            Rc::new(s)
        }
    }
}

/// The short name of a question, as "Check your answers" and the problems summary show it
/// (`answer_key.<path>`: "Date of birth", "EDS"), else the question itself.
pub fn answer_key(path: &str, lang: Lang) -> String {
    crate::i18n::t_opt(&format!("answer_key.{path}"), lang).unwrap_or_else(|| crate::i18n::t(&format!("question.{path}"), lang))
}

/// The field of a path, if the rules know it.
pub fn field(path: &str) -> Option<&'static Field> {
    all_fields().find(|f| f.path == path)
}

/// Why a raw value cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RawError {
    /// Nothing chosen or typed.
    Empty,
    /// Not a date, a time, a number or an option of the question (text key `input_error.<key>`).
    Invalid(&'static str),
}

impl RawError {
    /// The message shown on question `path`, in `lang`. An empty answer names its question: its own
    /// message (`input_error.empty.<path>`: "Enter the date you arrived"), else "Choose (enter) an
    /// answer to “<the question>”".
    pub fn message(self, path: &str, lang: Lang) -> String {
        use crate::i18n::{t, t_opt};
        match self {
            RawError::Empty => t_opt(&format!("input_error.empty.{path}"), lang).unwrap_or_else(|| {
                let choose = field(path).is_some_and(|f| matches!(f.kind, FieldKind::Bool | FieldKind::Choice(_) | FieldKind::Country));
                let key = if choose { "input_error.empty_choice" } else { "input_error.empty_entry" };
                t(key, lang).replace("{q}", &t(&format!("question.{path}"), lang))
            }),
            RawError::Invalid(k) => t(&format!("input_error.{k}"), lang),
        }
    }
}

/// Parses a raw answer into the typed value the rules take; `Ok(None)` for "don't know".
pub fn parse_raw(f: &Field, raw: &str) -> Result<Option<Value>, RawError> {
    let raw = raw.trim();
    if raw == DONT_KNOW {
        return Ok(None);
    }
    if raw.is_empty() && !matches!(f.kind, FieldKind::Many(_)) {
        return Err(RawError::Empty);
    }
    let v = match f.kind {
        FieldKind::Bool => match raw {
            "yes" => Value::Bool(true),
            "no" => Value::Bool(false),
            _ => return Err(RawError::Invalid("choice")),
        },
        // The month may be a name ("2026-наурыз-5"): the boxes keep what was typed.
        FieldKind::Date => Value::Date(crate::i18n::parse_typed_date(raw).ok_or(RawError::Invalid("date"))?),
        // Hours and minutes only, as typed: "17:20", "17.20", "1720", "17 20".
        FieldKind::Time => Value::Time(crate::i18n::parse_typed_time(raw).ok_or(RawError::Invalid("time"))?),
        FieldKind::Int => {
            let v = Value::Int(raw.parse::<u32>().map_err(|_| RawError::Invalid("whole_number"))?.into());
            // The field's own type may be narrower (a year is an i32): an answer the rules cannot take
            // is refused here, on its question, rather than dropped later.
            if Answers::default().set(f.path, v.clone()).is_err() {
                return Err(RawError::Invalid("whole_number_too_large"));
            }
            v
        }
        FieldKind::Number => {
            // "48,5", "48.5", "4 800", "48,5 м²".
            Value::Number(crate::i18n::parse_decimal(raw).ok_or(RawError::Invalid("number"))?)
        }
        FieldKind::Iin | FieldKind::Bin => {
            // Spaces and dashes group the digits; nothing else left is no answer.
            let digits: String = raw.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
            if digits.is_empty() {
                return Err(RawError::Empty);
            }
            if digits == DONT_KNOW {
                return Ok(None);
            }
            Value::Text(digits)
        }
        FieldKind::Text | FieldKind::Country => Value::Text(raw.to_string()),
        FieldKind::Choice(opts) => {
            if !opts.contains(&raw) {
                return Err(RawError::Invalid("choice"));
            }
            Value::Text(raw.to_string())
        }
        FieldKind::Many(opts) => {
            let items: Vec<&str> = raw.split(',').filter(|x| !x.is_empty()).collect();
            if items.iter().any(|i| !opts.contains(i)) {
                return Err(RawError::Invalid("choice"));
            }
            Value::List(items.into_iter().map(str::to_string).collect())
        }
    };
    Ok(Some(v))
}

impl State {
    /// The typed answers: every raw answer that parses, with the services chosen.
    pub fn answers(&self) -> Answers {
        let mut a = Answers::default();
        for (path, raw) in &self.raw {
            if let Some(Ok(Some(v))) = field(path).map(|f| parse_raw(f, raw)) {
                // Every value was checked against its field's kind: this only fails on a rules change,
                // and then that one answer is left out.
                let _ = a.set(path, v);
            }
        }
        a.services = Some(self.services.clone());
        a
    }

    /// The moment the rules apply: the application day if answered (and one the rules can be
    /// evaluated on; one outside is reported on its question), else `today`.
    pub fn as_of(&self, today: chrono::NaiveDate) -> chrono::NaiveDate {
        self.answers().application.date.filter(|d| tekser_rules::answers::bounds::AS_OF.contains(d)).unwrap_or(today)
    }

    /// Has this question been answered (or answered "don't know")?
    pub fn answered(&self, path: &str) -> bool {
        self.raw.get(path).is_some_and(|r| field(path).is_some_and(|f| parse_raw(f, r).is_ok()))
    }

    /// The questions to ask, each unless already answered: what the rules still miss for the chosen
    /// services; where the person may still apply (a service neither "not eligible" nor "not
    /// applicable"), the facts that refine a checklist (`Outcome::refine`) and the moment and channel
    /// of application (for the deadline). Once every service is decided against, nothing more is
    /// asked.
    ///
    /// They come in interview order (`answers::all_fields`), not in the order the rules found them:
    /// about the person first, then one service at a time in its own order (for the licence, who
    /// applies and what for before the grounds for refusal and the fee), the application last.
    pub fn questions(&self, today: chrono::NaiveDate) -> Vec<&'static str> {
        let a = self.answers();
        let report = tekser_rules::evaluate(&a, &tekser_rules::Context { as_of: self.as_of(today) });
        tekser_rules::answers::to_ask(&report, &a, |p| self.answered(p))
    }

    /// The working hours of the providers of the services the person may still apply for, through
    /// the channel chosen, on the day the rules apply: what "within working hours" means for them.
    pub fn working_hours(&self, today: chrono::NaiveDate) -> Vec<(Service, tekser_rules::data::Hours)> {
        let a = self.answers();
        let report = tekser_rules::evaluate(&a, &tekser_rules::Context { as_of: self.as_of(today) });
        let open = report.outcomes.iter().filter(|o| !matches!(o.verdict, Verdict::NotEligible | Verdict::NotApplicable));
        open.filter_map(|o| Some((o.service, provider_hours(o.service, &a)?.at(self.as_of(today)).ok()?.value))).collect()
    }

    /// The plausibility hint of an answer that looks like a slip ([`UNUSUAL`]), unless the person
    /// confirmed this very answer. It never changes a verdict: it only asks "Is this right?".
    pub fn unusual(&self, path: &str, today: chrono::NaiveDate) -> Option<&'static Unusual> {
        let raw = self.raw.get(path)?;
        if self.confirmed.get(path) == Some(raw) {
            return None;
        }
        let Ok(Some(v)) = parse_raw(field(path)?, raw) else { return None };
        UNUSUAL.iter().find(|u| u.path == path && (u.looks_wrong)(&v, today))
    }

    /// Where Continue on question `path` leads, its answer recorded: "Is this right?" when the
    /// answer looks like a slip, else the next question (or "Check your answers").
    pub fn after_answer_on(&self, path: &'static str, today: chrono::NaiveDate) -> Screen {
        if self.unusual(path, today).is_some() {
            Screen::Confirm(path)
        } else {
            next_screen_on(self, today)
        }
    }

    /// What is wrong with `raw` as the answer to `path`, in words: its form first (a date, a number,
    /// one of the options), then the rules' own checks (`Answers::validate`) with every other answer
    /// as it stands. `None` when it can be used.
    pub fn error_of(&self, path: &'static str, raw: &str, today: chrono::NaiveDate) -> Option<String> {
        let f = field(path)?;
        if let Err(e) = parse_raw(f, raw) {
            return Some(e.message(path, self.lang));
        }
        let mut trial = self.clone();
        trial.raw.insert(path, raw.trim().to_string());
        trial.answers().validate(trial.as_of(today)).into_iter().find(|e| e.field == path).map(|e| e.kind.message(self.lang))
    }

    /// Every answer given that cannot be used as it stands, with its message, in interview order:
    /// what "Check your answers" and the results report, each on its question.
    pub fn problems(&self, today: chrono::NaiveDate) -> Vec<(&'static str, String)> {
        let checked = self.answers().validate(self.as_of(today));
        all_fields()
            .filter_map(|f| {
                let raw = self.raw.get(f.path)?;
                let message = match parse_raw(f, raw) {
                    Err(e) => e.message(f.path, self.lang),
                    Ok(_) => checked.iter().find(|e| e.field == f.path)?.kind.message(self.lang),
                };
                Some((f.path, message))
            })
            .collect()
    }

    /// The lines of the problems summary on "Check your answers" and the results, in words: each bad
    /// answer naming its question (with the question's path, for the link), then what a loaded file
    /// held that no question takes.
    pub fn summary(&self, today: chrono::NaiveDate) -> Vec<(Option<&'static str>, String)> {
        use crate::i18n::t;
        let lang = self.lang;
        let on_questions = self
            .problems(today)
            .into_iter()
            .map(|(path, e)| (Some(path), t("ui.problem_on", lang).replace("{q}", &answer_key(path, lang)).replace("{e}", &e)));
        let notes = self.file_notes.iter().map(|n| (None, format!("{}: {}", t("ui.file_skipped", lang), n.message(lang))));
        on_questions.chain(notes).collect()
    }

    /// On a question's screen, the error its page opens with: the answer that came with the page (a
    /// link, a loaded file, going back) when it cannot be used, as if Continue had been pressed.
    pub fn opening_error(&self, today: chrono::NaiveDate) -> Option<String> {
        let Screen::Question(path) = self.screen else { return None };
        self.error_of(path, self.raw.get(path)?, today)
    }

    /// Questions answered so far, in interview order (for "Check your answers").
    pub fn answered_fields(&self) -> Vec<&'static Field> {
        all_fields().filter(|f| self.raw.contains_key(f.path)).collect()
    }
}

/// The hours that decide the deadline of `service` for the channel answered.
fn provider_hours(service: Service, a: &Answers) -> Option<&'static tekser_rules::data::Param<tekser_rules::data::Hours>> {
    tekser_rules::law::provider_hours(service, a.application.channel)
}

// ------------------------------------------------------------------ operator mode

/// Operator mode's sheet for the answers given: which questions the interview asks, and which
/// answers it takes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    /// Every question the interview asks with these answers, answered or still open, in interview
    /// order. Any other question does not apply to them.
    pub asked: Vec<&'static str>,
    /// The answers to questions asked: the only ones the outcome rests on and the checklist prints.
    /// An answer to a question that no longer applies is kept as typed, but not used.
    pub used: BTreeMap<&'static str, String>,
}

impl State {
    /// The service operator mode checks, once picked on its page.
    pub fn operator_service(&self) -> Option<Service> {
        match self.services.as_slice() {
            [one] if self.operator => Some(*one),
            _ => None,
        }
    }

    /// The interview run through with the answers given, in any order: from no answer, the next
    /// question it would ask (`answers::to_ask`) is asked; its answer is taken when one that can be
    /// used was given, else it stays open (as "don't know" would), and the next is asked, until
    /// none is left. So a question that applies only after some answer (a follow-up) comes in when
    /// that answer is given, and one that an answer makes irrelevant (the citizenship of a citizen)
    /// goes out, with its answer. Whether a question is asked depends only on the answers to those
    /// asked before it: changing an answer never takes its own question away.
    pub fn sheet(&self, today: chrono::NaiveDate) -> Sheet {
        let mut used = State { raw: BTreeMap::new(), details: Details::default(), ..self.clone() };
        let mut asked: Vec<&'static str> = Vec::new();
        loop {
            let a = used.answers();
            let report = tekser_rules::evaluate(&a, &tekser_rules::Context { as_of: used.as_of(today) });
            let Some(q) = tekser_rules::answers::to_ask(&report, &a, |p| asked.contains(&p)).into_iter().next() else { break };
            asked.push(q);
            if let (true, Some(raw)) = (self.answered(q), self.raw.get(q)) {
                used.raw.insert(q, raw.clone());
            }
        }
        Sheet { asked, used: used.raw }
    }

    /// This state with only the sheet's answers: what operator mode evaluates and prints.
    pub fn on_sheet(&self, sheet: &Sheet) -> State {
        State { raw: sheet.used.clone(), ..self.clone() }
    }
}

// ------------------------------------------------------------------ the details step

impl State {
    /// The services the person may apply for (`Verdict::may_apply`): those "Prepare my application"
    /// is offered for and the bundle holds files for, in the report's order.
    pub fn applying(&self, today: chrono::NaiveDate) -> Vec<Service> {
        let report = tekser_rules::evaluate(&self.answers(), &tekser_rules::Context { as_of: self.as_of(today) });
        report.outcomes.iter().filter(|o| o.verdict.may_apply()).map(|o| o.service).collect()
    }

    /// The services the details pages ask for: the one being prepared, else every one the person may
    /// apply for.
    fn details_services(&self, today: chrono::NaiveDate) -> Vec<Service> {
        match self.preparing {
            Some(s) => vec![s],
            None => self.applying(today),
        }
    }

    /// The fields of one details page: those the forms of [`Self::details_services`] need and the
    /// answers do not already know, once each, in the order the forms ask them.
    pub fn detail_fields(&self, section: Section, today: chrono::NaiveDate) -> Vec<&'static DetailField> {
        let answers = self.answers();
        let wanted: Vec<&'static DetailField> =
            self.details_services(today).into_iter().flat_map(|s| tekser_rules::details::fields_for(s, &answers)).collect();
        tekser_rules::details::FIELDS.iter().filter(|f| f.section == section && wanted.iter().any(|w| w.path == f.path)).collect()
    }

    /// The details pages, in order.
    pub fn detail_sections(&self, today: chrono::NaiveDate) -> Vec<Section> {
        Section::ALL.into_iter().filter(|x| !self.detail_fields(*x, today).is_empty()).collect()
    }

    /// Where Continue (or Skip) on a details page leads: the next page, else "Your application".
    pub fn after_details(&self, section: Section, today: chrono::NaiveDate) -> Screen {
        self.detail_sections(today).into_iter().find(|x| *x > section).map(Screen::Details).unwrap_or(Screen::Application)
    }

    /// The details on a page that do not fit their fields (`Details::validate`), each naming its field.
    pub fn detail_errors(&self, section: Section) -> Vec<tekser_rules::details::DetailError> {
        self.details
            .validate()
            .into_iter()
            .filter(|e| tekser_rules::details::field(e.field).is_some_and(|f| f.section == section))
            .collect()
    }
}

// ------------------------------------------------------------------ answers that look like slips

/// An answer the rules take but that is most often a slip of the keyboard (a year typed wrong, a
/// comma left out): the app asks "Is this right?" once before going on. A plausibility hint of the
/// app, not a rule: it never changes a verdict, and the person may keep the answer.
pub struct Unusual {
    /// The question.
    pub path: &'static str,
    /// Why it looks wrong, in words: text key `unusual.<key>`.
    pub key: &'static str,
    /// Whether the answer (parsed) looks wrong on `today`, the device's date.
    looks_wrong: fn(&Value, chrono::NaiveDate) -> bool,
}

fn date(v: &Value) -> Option<chrono::NaiveDate> {
    match v {
        Value::Date(d) => Some(*d),
        _ => None,
    }
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => Some(*n),
        Value::Int(n) => Some(*n as f64),
        _ => None,
    }
}

/// Whole years from `from` to `to` (none when `to` is earlier).
fn years(from: chrono::NaiveDate, to: chrono::NaiveDate) -> Option<u32> {
    to.years_since(from)
}

/// The answers that make the app ask "Is this right?". Each threshold is a guess at a slip, not law.
pub const UNUSUAL: &[Unusual] = &[
    // Registration is due within days of arriving (10 calendar days; 5 working days for refugees):
    // an arrival more than a year ago is most often the year typed wrong.
    Unusual {
        path: "registration.arrival_date",
        key: "arrival_long_ago",
        looks_wrong: |v, today| date(v).is_some_and(|d| years(d, today) >= Some(1)),
    },
    // Born within the last year: most often this year typed for the year of birth (a parent applying
    // for a baby keeps it).
    Unusual {
        path: "person.date_of_birth",
        key: "born_this_year",
        looks_wrong: |v, today| date(v).is_some_and(|d| years(d, today) == Some(0)),
    },
    // Born more than 120 years ago: older than anyone living (the oldest recorded person lived 122 years).
    Unusual {
        path: "person.date_of_birth",
        key: "born_long_ago",
        looks_wrong: |v, today| date(v).is_some_and(|d| years(d, today) >= Some(120)),
    },
    // A home of 1 000 m² or more is rare; "4800" is often 48,00 typed without its comma.
    Unusual { path: "registration.area_total_m2", key: "area_large", looks_wrong: |v, _| number(v).is_some_and(|n| n >= 1000.0) },
    // Under 6 m² is smaller than any room people live in; "4,800" (a thousands comma) reads as 4.8.
    Unusual { path: "registration.area_total_m2", key: "area_small", looks_wrong: |v, _| number(v).is_some_and(|n| n < 6.0) },
    // More than 20 people registered in one home is rare: often a digit typed twice.
    Unusual { path: "registration.registered_count", key: "many_registered", looks_wrong: |v, _| number(v).is_some_and(|n| n > 20.0) },
    // Studies completed more than 60 years ago: the specialist would be well over 80.
    Unusual {
        path: "licence.studies_completed_year",
        key: "studies_long_ago",
        looks_wrong: |v, today| number(v).is_some_and(|y| y < f64::from(chrono::Datelike::year(&today) - 60)),
    },
    // Applying more than a year from now: most often the year typed wrong.
    Unusual {
        path: "application.date",
        key: "application_far_ahead",
        looks_wrong: |v, today| date(v).is_some_and(|d| years(today, d) >= Some(1)),
    },
];

/// Where Continue leads: the next unanswered question, else "Check your answers".
pub fn next_screen(s: &State) -> Screen {
    next_screen_on(s, crate::today())
}

/// From a question changed on "Check your answers", the same rule brings the person back there
/// once any new follow-up question is answered.
pub fn next_screen_on(s: &State, today: chrono::NaiveDate) -> Screen {
    s.questions(today).first().map(|p| Screen::Question(p)).unwrap_or(Screen::Check)
}

/// Where a person starts: a kiosk's language buttons, else the start page.
pub fn first_screen(kiosk: bool) -> Screen {
    if kiosk {
        Screen::Welcome
    } else {
        Screen::Start
    }
}

// ------------------------------------------------------------------ the URL fragment

fn lang_code(l: Lang) -> &'static str {
    l.code()
}

fn service_code(s: Service) -> &'static str {
    s.code()
}

/// Decodes a percent-encoded value. Nothing is dropped: a `%` not followed by two hex digits stays as
/// typed, and bytes that are not UTF-8 become U+FFFD, so a mangled answer still reaches its question
/// and is reported there.
fn dec(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = b
            .get(i + 1..i + 3)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok());
        match (b[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The URL fragment the app writes: `#/<screen>?lang=kk&s=phc,trp` (`&kiosk=1` on a kiosk). It holds
/// no answer: the URL stays in the browser's history (which browsers may sync elsewhere), so the
/// answers live in memory and in the tab's `history.state` ([`history_entries`]) instead.
pub fn to_fragment(s: &State) -> String {
    let screen = match &s.screen {
        Screen::Welcome => "welcome".to_string(),
        Screen::Start => "start".to_string(),
        Screen::Question(p) => format!("q/{p}"),
        Screen::Confirm(p) => format!("confirm/{p}"),
        Screen::Check => "check".to_string(),
        Screen::Results => "results".to_string(),
        Screen::Details(section) => format!("details/{}", section.code()),
        Screen::Application => "application".to_string(),
        // The service is not in the URL either: it tells something about the person served.
        Screen::Operator => return format!("#/operator?lang={}", lang_code(s.lang)),
    };
    let services: Vec<&str> = s.services.iter().map(|x| service_code(*x)).collect();
    let mut q = format!("#/{screen}?lang={}&s={}", lang_code(s.lang), services.join(","));
    if s.kiosk {
        q.push_str("&kiosk=1");
    }
    if s.embed {
        q.push_str("&embed=1");
        if s.heading != 1 {
            q.push_str(&format!("&h={}", s.heading));
        }
    }
    q
}

/// A link that carries the answers (`#/<screen>?lang=…&s=…&<field path>=<raw>&…`): made only when
/// the person asks for one. None on a kiosk, whose answers never leave its memory, and when embedded.
pub fn to_link(s: &State) -> Option<String> {
    if s.kiosk || s.embed || s.operator {
        return None;
    }
    let mut q = to_fragment(s);
    tekser_rules::link::append_answers(&mut q, s.raw.iter().map(|(k, v)| (*k, v.as_str())));
    Some(q)
}

/// The answers as the tab's `history.state` holds them: one (field path, raw answer) pair per answer,
/// set as the properties of a plain object with `pushState`/`replaceState`. The browser keeps it with
/// the history entry (it survives a reload and Back/Forward in the tab) and never sends it. Nothing on
/// a kiosk or when embedded.
pub fn history_entries(s: &State) -> Vec<(&'static str, &str)> {
    if s.kiosk || s.embed || s.operator {
        return Vec::new();
    }
    s.raw.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// Reads the answers back from `history.state`'s pairs: known questions only, each kept to
/// [`MAX_RAW`] characters (the state object is the page's to read, but a script could have set it).
pub fn raw_from_history(entries: impl IntoIterator<Item = (String, String)>) -> BTreeMap<&'static str, String> {
    // Inserted one by one: collecting into the map would sort first, which costs the WASM a sort.
    let mut raw = BTreeMap::new();
    for (k, v) in entries {
        if let Some(f) = field(&k) {
            raw.insert(f.path, bounded(&v));
        }
    }
    raw
}

/// The state to show for a URL fragment and the tab's `history.state` answers: the answers a link
/// carries when it carries any (a shared link opens with them), else those of the history entry (a
/// reload, Back or Forward). A kiosk, or the app embedded, takes none from the history.
pub fn from_url(frag: &str, history: BTreeMap<&'static str, String>) -> State {
    let mut s = from_fragment(frag);
    if s.raw.is_empty() && !s.kiosk && !s.embed && !s.operator {
        s.raw = history;
    }
    s
}

/// Reads a URL fragment; anything it does not know (an unknown field, a bad screen) is ignored.
pub fn from_fragment(frag: &str) -> State {
    let mut s = State::default();
    let frag = frag.trim_start_matches('#').trim_start_matches('/');
    let (screen, query) = frag.split_once('?').unwrap_or((frag, ""));
    let mut lang_given = false;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = dec(v);
        match k {
            "lang" => {
                s.lang = Lang::parse(&v).unwrap_or(Lang::Kk);
                lang_given = true;
            }
            "kiosk" => s.kiosk = v == "1",
            "embed" => s.embed = v == "1",
            "h" => s.heading = v.parse().ok().filter(|h| (1..=6).contains(h)).unwrap_or(1),
            "s" => {
                let chosen: Vec<Service> = Service::ALL.into_iter().filter(|x| v.split(',').any(|c| c == service_code(*x))).collect();
                if !chosen.is_empty() {
                    s.services = chosen;
                }
            }
            _ => {
                if let Some(f) = field(k) {
                    s.raw.insert(f.path, bounded(&v));
                }
            }
        }
    }
    s.screen = match screen {
        // A kiosk opens on its language buttons (`#/start?kiosk=1`, as set up, names no language).
        "welcome" if s.kiosk => Screen::Welcome,
        "" | "start" if s.kiosk && !lang_given => Screen::Welcome,
        "check" => Screen::Check,
        "results" => Screen::Results,
        q if q.starts_with("q/") => field(&q[2..]).map(|f| Screen::Question(f.path)).unwrap_or(Screen::Start),
        q if q.starts_with("confirm/") => field(&q[8..]).map(|f| Screen::Confirm(f.path)).unwrap_or(Screen::Start),
        q if q.starts_with("details/") => {
            Section::ALL.into_iter().find(|x| x.code() == &q[8..]).map(Screen::Details).unwrap_or(Screen::Start)
        }
        "application" => Screen::Application,
        "operator" => Screen::Operator,
        _ => Screen::Start,
    };
    if s.screen == Screen::Operator {
        // Operator mode takes no answer from a URL, and checks one service at a time, picked on the page.
        s = State { lang: s.lang, operator: true, screen: Screen::Operator, ..State::default() };
    }
    s
}

// ------------------------------------------------------------------ answers files

/// The answers as a JSON file (the CLI's schema). Only what was answered is written (no `null`s, no
/// empty sections), times as "17:20", as a person would write the file by hand.
pub fn to_json(s: &State) -> String {
    to_json_with(s, &s.details)
}

/// The answers and the person's details (the top-level `"details"` object, written only when some
/// are given) as a JSON file: what the person saves and what the bundle's `answers.json` holds.
pub fn to_json_with(s: &State, details: &tekser_rules::Details) -> String {
    use serde_json::{json, Map, Value as Json};
    let mut root = Map::new();
    root.insert("services".into(), Json::from(s.services.iter().map(|x| service_code(*x)).collect::<Vec<_>>()));
    for (path, raw) in &s.raw {
        let Some(Ok(Some(v))) = field(path).map(|f| parse_raw(f, raw)) else { continue };
        let (section, name) = path.split_once('.').unwrap_or(("", path));
        let v = match v {
            Value::Bool(b) => json!(b),
            Value::Date(d) => json!(d.to_string()),
            Value::Time(t) => json!(crate::i18n::hm(t)),
            Value::Int(n) => json!(n),
            Value::Number(n) => json!(n),
            Value::Text(t) => json!(t),
            Value::List(items) => json!(items),
        };
        if let Json::Object(m) = root.entry(section).or_insert_with(|| Json::Object(Map::new())) {
            m.insert(name.to_string(), v);
        }
    }
    if !details.is_empty() {
        root.insert("details".into(), serde_json::to_value(details).unwrap_or_default());
    }
    serde_json::to_string_pretty(&Json::Object(root)).unwrap_or_else(|_| "{}".into())
}

/// What an answers file holds that no question can take, or why it cannot be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Not JSON, or not an object of sections: nothing is loaded.
    NotAnswers,
    /// Text in UTF-16 (or another encoding with zero bytes), not UTF-8: nothing is loaded.
    NotUtf8,
    /// A section or field the rules do not know (the path as written): skipped.
    UnknownField(String),
    /// A section that is not a group of answers (`"person": "citizen"`): skipped.
    NotSection(String),
    /// A service code the rules do not know: skipped.
    UnknownService(String),
}

/// Quotes at most 60 characters of what a file holds, so a 10 MB name does not become a 10 MB message.
fn quoted(s: &str) -> String {
    const MAX: usize = 60;
    match s.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

impl FileError {
    pub fn message(&self, lang: Lang) -> String {
        use crate::i18n::t;
        match self {
            FileError::NotAnswers => t("ui.file_not_answers", lang),
            FileError::NotUtf8 => t("ui.file_not_utf8", lang),
            FileError::UnknownField(path) => format!("{} {}", t("ui.file_unknown_field", lang), quoted(path)),
            FileError::NotSection(name) => format!("{} {}", t("ui.file_not_section", lang), quoted(name)),
            FileError::UnknownService(code) => format!("{} {}", t("ui.file_unknown_service", lang), quoted(code)),
        }
    }

    /// What the page says when a file cannot be read at all.
    pub fn alert(&self, lang: Lang) -> String {
        format!("{}: {}", crate::i18n::t("ui.load_error", lang), self.message(lang))
    }
}

/// An answers file as read: the services, every answer to a known question (a bad one kept as
/// written, to be reported on its question), and what no question could take.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub services: Vec<Service>,
    pub raw: BTreeMap<&'static str, String>,
    /// The person's details (the file's `"details"` object), each as written: never part of `raw`,
    /// so never in the URL or the history.
    pub details: tekser_rules::Details,
    /// Unknown sections, fields and services: skipped, and said so.
    pub skipped: Vec<FileError>,
}

/// A JSON value as the raw text its question would take: booleans as `yes`/`no`, lists joined by
/// commas, a time without its seconds; anything else as its JSON text, which the question reports.
fn raw_of(f: &Field, x: &serde_json::Value) -> String {
    use serde_json::Value as Json;
    match x {
        Json::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
        // A time may be written with seconds ("17:20:00"); the question takes "17:20".
        Json::String(s) if matches!(f.kind, FieldKind::Time) => crate::i18n::parse_hm(s).map(crate::i18n::hm).unwrap_or_else(|| s.clone()),
        Json::String(s) => s.clone(),
        Json::Array(items) if items.iter().all(Json::is_string) => items.iter().filter_map(Json::as_str).collect::<Vec<_>>().join(","),
        other => other.to_string(),
    }
}

/// Reads an answers file (the CLI's schema). Nothing is lost: every answer to a known question is
/// kept as written, and one that does not fit is reported on its question like a typed one
/// ([`State::problems`]); unknown sections, fields and services are skipped and listed. Only a file
/// that is not a JSON object at all is refused.
pub fn from_json(text: &str) -> Result<Loaded, FileError> {
    use serde_json::Value as Json;
    if text.contains('\0') {
        return Err(FileError::NotUtf8);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Ok(Json::Object(root)) = serde_json::from_str::<Json>(text) else { return Err(FileError::NotAnswers) };
    Ok(from_object(&root))
}

/// Reads the object of an answers file (or of a host page's `prefill`, `crate::embed`) as
/// [`from_json`] does.
pub fn from_object(root: &serde_json::Map<String, serde_json::Value>) -> Loaded {
    use serde_json::Value as Json;
    let mut loaded = Loaded { services: Service::ALL.to_vec(), ..Loaded::default() };
    for (section, fields) in root {
        if section == "services" {
            let codes: Vec<Json> = match fields {
                Json::Array(items) => items.clone(),
                Json::Null => Vec::new(),
                one => vec![one.clone()],
            };
            let mut chosen = Vec::new();
            for c in &codes {
                match Service::ALL.into_iter().find(|x| c.as_str() == Some(service_code(*x))) {
                    Some(s) if !chosen.contains(&s) => chosen.push(s),
                    Some(_) => {}
                    None => loaded.skipped.push(FileError::UnknownService(c.as_str().map_or_else(|| c.to_string(), str::to_string))),
                }
            }
            // None chosen means all four, as on the start page.
            if !chosen.is_empty() {
                loaded.services = Service::ALL.into_iter().filter(|s| chosen.contains(s)).collect();
            }
            continue;
        }
        if section == "details" {
            read_details(fields, &mut loaded);
            continue;
        }
        let fields = match fields {
            Json::Object(fields) => fields,
            Json::Null => continue,
            _ if all_fields().any(|f| f.path.split_once('.').is_some_and(|(s, _)| s == section)) => {
                loaded.skipped.push(FileError::NotSection(section.clone()));
                continue;
            }
            _ => {
                loaded.skipped.push(FileError::UnknownField(section.clone()));
                continue;
            }
        };
        for (name, x) in fields {
            let path = format!("{section}.{name}");
            match field(&path) {
                None => loaded.skipped.push(FileError::UnknownField(path)),
                Some(_) if x.is_null() => {}
                Some(f) => {
                    loaded.raw.insert(f.path, bounded(&raw_of(f, x)));
                }
            }
        }
    }
    loaded
}

/// The `"details"` object of a file: every known detail kept as written (a number or other value as
/// its JSON text); an unknown one, or a group that is not an object, skipped and said so.
fn read_details(v: &serde_json::Value, loaded: &mut Loaded) {
    use serde_json::Value as Json;
    let groups = match v {
        Json::Object(groups) => groups,
        Json::Null => return,
        _ => return loaded.skipped.push(FileError::NotSection("details".into())),
    };
    for (group, fields) in groups {
        let Json::Object(fields) = fields else {
            if !fields.is_null() {
                loaded.skipped.push(FileError::NotSection(format!("details.{group}")));
            }
            continue;
        };
        for (name, x) in fields {
            let raw = match x {
                Json::Null => continue,
                Json::String(s) => s.clone(),
                other => other.to_string(),
            };
            let path = format!("{group}.{name}");
            if loaded.details.set(&path, &bounded(&raw)).is_err() {
                loaded.skipped.push(FileError::UnknownField(format!("details.{path}")));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn with(raw: &[(&'static str, &str)]) -> State {
        State { raw: raw.iter().map(|(k, v)| (*k, v.to_string())).collect(), ..State::default() }
    }

    fn reduce(s: State, a: Action) -> State {
        (*Rc::new(s).reduce(a)).clone()
    }

    #[test]
    fn details_stay_in_memory_and_the_file_never_in_the_url_the_history_or_a_link() {
        let mut s = with(&[("person.status", "citizen")]);
        s = reduce(s, Action::Detail("applicant.full_name", " Әлібек Құрманұлы ".into()));
        s = reduce(s, Action::Detail("applicant.phone", "+7 701 123 45 67".into()));
        s = reduce(s, Action::Detail("applicant.shoe_size", "42".into()));
        assert_eq!(
            s.details.iter().collect::<Vec<_>>(),
            vec![("applicant.full_name", "Әлібек Құрманұлы"), ("applicant.phone", "+7 701 123 45 67")]
        );
        s.screen = Screen::Details(Section::Applicant);
        for (where_, text) in
            [("fragment", to_fragment(&s)), ("link", to_link(&s).unwrap()), ("history", format!("{:?}", history_entries(&s)))]
        {
            assert!(!text.contains("701") && !text.contains("%D3%98") && !text.contains("Әлібек"), "{where_}: {text}");
        }
        assert_eq!(to_fragment(&s), "#/details/applicant?lang=kk&s=phc,medical_licence,trp,registration");
        let json = to_json(&s);
        assert!(json.contains("\"details\"") && json.contains("Әлібек Құрманұлы"), "{json}");
        let loaded = from_json(&json).unwrap();
        let back = reduce(State::default(), Action::Load(loaded));
        assert_eq!((back.details, back.raw), (s.details.clone(), s.raw.clone()));
        let cleared = reduce(State { kiosk: true, ..s.clone() }, Action::Clear);
        assert!(cleared.details.is_empty() && cleared.preparing.is_none());
        assert!(reduce(s, Action::Reset).details.is_empty(), "Start again forgets the details too");
    }

    #[test]
    fn the_details_pages_follow_the_service_prepared_and_end_on_your_application() {
        let s = reduce(with(&[("person.status", "citizen")]), Action::Prepare(Service::Trp));
        assert_eq!(s.preparing, Some(Service::Trp));
        assert_eq!(s.screen, Screen::Details(Section::Applicant));
        let paths: Vec<&str> = s.detail_fields(Section::Applicant, day(2026, 3, 2)).iter().map(|f| f.path).collect();
        assert!(paths.contains(&"applicant.passport_number") && !paths.contains(&"phc.organisation"), "{paths:?}");
        assert_eq!(s.detail_sections(day(2026, 3, 2)), vec![Section::Applicant, Section::Trp]);
        assert_eq!(s.after_details(Section::Applicant, day(2026, 3, 2)), Screen::Details(Section::Trp));
        assert_eq!(s.after_details(Section::Trp, day(2026, 3, 2)), Screen::Application);
        let mut bad = reduce(s, Action::Detail("applicant.email", "a@b".into()));
        bad = reduce(bad, Action::Detail("registration.owner_iin", "123".into()));
        assert_eq!(bad.detail_errors(Section::Applicant).iter().map(|e| e.field).collect::<Vec<_>>(), vec!["applicant.email"]);
        for screen in [Screen::Details(Section::Trp), Screen::Application] {
            let t = State { screen: screen.clone(), ..State::default() };
            assert_eq!(from_fragment(&to_fragment(&t)).screen, screen);
        }
        assert_eq!(from_fragment("#/details/shoes?lang=en").screen, Screen::Start);
    }

    #[test]
    fn raw_answers_become_typed_answers() {
        let s = with(&[
            ("person.status", "citizen"),
            ("person.date_of_birth", "2004-05-19"),
            ("registration.area_total_m2", "48,5"),
            ("phc.categories", "pensioner,disability"),
        ]);
        let a = s.answers();
        assert_eq!(a.person.status, Some(tekser_rules::answers::LegalStatus::Citizen));
        assert_eq!(a.registration.area_total_m2, Some(48.5));
        assert_eq!(a.phc.categories.as_ref().map(Vec::len), Some(2));
    }

    #[test]
    fn a_whole_number_the_field_cannot_hold_is_refused_on_its_question() {
        let year = field("licence.studies_completed_year").unwrap();
        assert_eq!(parse_raw(year, "2147483648"), Err(RawError::Invalid("whole_number_too_large")));
        assert_eq!(parse_raw(year, "2147483647"), Ok(Some(Value::Int(2_147_483_647))));
        let s = with(&[("licence.studies_completed_year", "2147483648")]);
        assert!(!s.answered("licence.studies_completed_year"), "asked again, not counted as answered");
        let frag = from_fragment("#/check?licence.studies_completed_year=4294967295");
        assert_eq!(frag.answers().licence.studies_completed_year, None);
        assert!(!frag.answered("licence.studies_completed_year"));
        assert!(crate::i18n::t("input_error.whole_number_too_large", Lang::Kk).chars().any(char::is_alphabetic));
    }

    #[test]
    fn an_invalid_raw_answer_is_kept_but_left_out_of_the_answers() {
        let s = with(&[("person.date_of_birth", "2004-02-30")]);
        assert_eq!(s.raw.get("person.date_of_birth").map(String::as_str), Some("2004-02-30"));
        assert_eq!(s.answers().person.date_of_birth, None);
        assert!(!s.answered("person.date_of_birth"));
    }

    #[test]
    fn the_first_question_is_the_first_missing_fact_and_dont_know_is_not_asked_again() {
        let s = State { services: vec![Service::Phc], ..State::default() };
        let qs = s.questions(day(2026, 3, 2));
        assert_eq!(qs.first(), Some(&"person.status"));
        let s = State { raw: [("person.status", DONT_KNOW.to_string())].into_iter().collect(), ..s };
        assert!(!s.questions(day(2026, 3, 2)).contains(&"person.status"));
    }

    #[test]
    fn facts_that_refine_a_checklist_are_asked_once_nothing_is_missing() {
        let Loaded { services, raw, .. } = from_json(include_str!("../../examples/all-four.json")).unwrap();
        let s = State { services, raw, ..State::default() };
        let qs = s.questions(day(2026, 3, 2));
        assert_eq!(qs.first(), Some(&"phc.categories"), "{qs:?}");
        let s = State { raw: s.raw.into_iter().chain([("phc.categories", String::new())]).collect(), ..s };
        assert!(!s.questions(day(2026, 3, 2)).contains(&"phc.categories"), "none of these is an answer");
    }

    #[test]
    fn nothing_is_refined_for_a_service_the_person_cannot_apply_for() {
        // A campaign application the day after the window closes (194 para 5) is not a ground.
        let Loaded { services, mut raw, .. } = from_json(include_str!("../../examples/phc.json")).unwrap();
        raw.remove("phc.categories");
        raw.insert("application.date", "2026-11-02".into());
        let s = State { services, raw, ..State::default() };
        let report = tekser_rules::evaluate(&s.answers(), &tekser_rules::Context { as_of: day(2026, 11, 2) });
        assert_eq!(report.outcomes[0].verdict, Verdict::NotEligible);
        assert_eq!(report.outcomes[0].refine, vec!["phc.categories"]);
        assert!(s.questions(day(2026, 11, 2)).is_empty());
    }

    #[test]
    fn answering_everything_leads_to_check_your_answers() {
        let mut s = State { services: vec![Service::Trp], ..State::default() };
        s.raw.insert("person.status", "citizen".into());
        for f in tekser_rules::answers::APPLICATION_FIELDS {
            s.raw.insert(f.path, DONT_KNOW.into());
        }
        assert_eq!(next_screen_on(&s, day(2026, 3, 2)), Screen::Check);
    }

    #[test]
    fn the_fragment_round_trips_screen_language_services_and_answers() {
        let s = State {
            lang: Lang::Ru,
            screen: Screen::Question("registration.area_total_m2"),
            services: vec![Service::Registration, Service::Phc],
            ticked: Vec::new(),
            raw: [("registration.area_total_m2", "48,5".to_string()), ("person.iin", "0612 1160 0012".to_string())].into_iter().collect(),
            ..State::default()
        };
        let back = from_fragment(&to_link(&s).unwrap());
        assert_eq!(back.lang, s.lang);
        assert_eq!(back.screen, s.screen);
        assert_eq!(back.raw, s.raw);
        assert_eq!(back.services.len(), 2);
    }

    #[test]
    fn the_url_the_app_writes_holds_no_answer() {
        let s = State {
            lang: Lang::Ru,
            screen: Screen::Question("person.status"),
            services: vec![Service::Trp],
            ..with(&[("person.date_of_birth", "2004-05-19"), ("person.iin", "061211600012"), ("person.status", "citizen")])
        };
        let frag = to_fragment(&s);
        assert_eq!(frag, "#/q/person.status?lang=ru&s=trp");
        let back = from_fragment(&frag);
        assert_eq!((back.lang, &back.screen, &back.services), (Lang::Ru, &s.screen, &s.services));
        assert!(back.raw.is_empty());
        // The link asked for carries them all.
        let link = to_link(&s).unwrap();
        assert!(link.starts_with(&frag) && link.contains("person.date_of_birth=2004-05-19") && link.contains("person.iin=061211600012"));
        assert_eq!(from_fragment(&link).raw, s.raw);
    }

    #[test]
    fn answers_round_trip_through_the_history_state() {
        let s = with(&[("person.status", "citizen"), ("registration.area_total_m2", "48,5"), ("person.iin", "%ZZ <b>")]);
        // As the app does: the pairs become the properties of a JS object, read back as strings.
        let stored: Vec<(String, String)> = history_entries(&s).into_iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        assert_eq!(stored.len(), 3);
        let back = from_url(&to_fragment(&s), raw_from_history(stored.clone()));
        assert_eq!((back.screen, back.raw), (s.screen.clone(), s.raw.clone()));
        // What no question takes is dropped; an overlong value is cut.
        let odd = vec![("planet".to_string(), "mars".to_string()), ("person.iin".to_string(), "7".repeat(5 * MAX_RAW))];
        let raw = raw_from_history(odd);
        assert_eq!((raw.len(), raw["person.iin"].len()), (1, MAX_RAW));
        // A link's answers win over the history entry's; a kiosk takes none from it.
        let link = from_url("#/check?person.status=foreign", raw_from_history(stored.clone()));
        assert_eq!(link.raw.len(), 1);
        assert_eq!(link.raw["person.status"], "foreign");
        assert!(from_url("#/start?kiosk=1", raw_from_history(stored)).raw.is_empty());
        assert!(history_entries(&State { kiosk: true, ..s.clone() }).is_empty());
        assert_eq!(to_link(&State { kiosk: true, ..s }), None);
    }

    #[test]
    fn an_unknown_field_or_screen_in_the_url_is_ignored() {
        let s = from_fragment("#/q/person.shoe_size?lang=xx&person.shoe_size=44&person.status=citizen");
        assert_eq!(s.screen, Screen::Start);
        assert_eq!(s.lang, Lang::Kk);
        assert_eq!(s.raw.len(), 1);
    }

    #[test]
    fn going_back_in_history_keeps_later_answers() {
        let now = Rc::new(with(&[("person.status", "citizen"), ("phc.reason", "relocation")]));
        let earlier = from_fragment("#/q/person.status?lang=kk&person.status=citizen");
        let after = now.reduce(Action::FromUrl(earlier));
        assert_eq!(after.screen, Screen::Question("person.status"));
        assert_eq!(after.raw.get("phc.reason").map(String::as_str), Some("relocation"));
    }

    #[test]
    fn going_back_in_history_keeps_the_language_chosen_since() {
        let now = Rc::new(State { lang: Lang::Ru, screen: Screen::Question("phc.reason"), ..with(&[("person.status", "citizen")]) });
        let earlier = from_fragment("#/q/person.status?lang=kk&person.status=citizen");
        let after = now.reduce(Action::FromUrl(earlier));
        assert_eq!((after.lang, &after.screen), (Lang::Ru, &Screen::Question("person.status")));
    }

    #[test]
    fn changing_language_keeps_every_answer_and_the_screen() {
        let s = Rc::new(State { screen: Screen::Results, ..with(&[("person.status", "citizen")]) });
        let after = s.clone().reduce(Action::SetLang(Lang::En));
        assert_eq!((after.lang, &after.screen, &after.raw), (Lang::En, &s.screen, &s.raw));
    }

    #[test]
    fn the_boxes_ticked_on_the_start_page_are_the_services_started() {
        let s = Rc::new(State::default()).reduce(Action::Tick(Service::Trp)).reduce(Action::Tick(Service::Phc));
        assert_eq!(s.ticked, [Service::Trp, Service::Phc]);
        let s = s.reduce(Action::Tick(Service::Trp));
        assert_eq!(s.ticked, [Service::Phc], "a second tick unticks");
        let started = s.clone().reduce(Action::Start(s.ticked.clone()));
        assert_eq!((started.services.as_slice(), &started.ticked), ([Service::Phc].as_slice(), &vec![Service::Phc]));
        assert!(started.reduce(Action::Reset).ticked.is_empty(), "a new check starts with no box ticked");
    }

    #[test]
    fn a_change_from_check_your_answers_returns_there() {
        let s = Rc::new(State { screen: Screen::Check, ..State::default() });
        let after = s.reduce(Action::Show(Screen::Question("person.status")));
        assert!(after.from_check);
    }

    #[test]
    fn answers_files_round_trip_through_json() {
        let s = with(&[
            ("person.status", "citizen"),
            ("registration.in_astana", "yes"),
            ("phc.categories", "pensioner"),
            ("application.date", "2026-03-20"),
            ("application.time", "17:20"),
            ("registration.area_total_m2", "48.5"),
        ]);
        let json = to_json(&s);
        assert!(!json.contains("null") && json.contains("\"17:20\""), "only what was answered, times in minutes: {json}");
        let loaded = from_json(&json).unwrap();
        assert_eq!(loaded.raw, s.raw);
        assert!(loaded.raw.keys().all(|p| s.answered(p)), "every answer loaded is a valid answer");
        assert_eq!((loaded.services, loaded.skipped), (Service::ALL.to_vec(), vec![]));
        assert_eq!(from_json("<html>"), Err(FileError::NotAnswers));
        assert_eq!(from_json("{\"person\": {}} {}"), Err(FileError::NotAnswers), "trailing data");
        assert_eq!(from_json("{\u{0}\"\u{0}"), Err(FileError::NotUtf8));
        assert_eq!(from_json("\u{feff}{\"services\": [\"trp\"]}").map(|l| l.services), Ok(vec![Service::Trp]), "a BOM is skipped");
        assert_eq!(from_json("{\"services\": []}").map(|l| l.services), Ok(Service::ALL.to_vec()), "none named is all four");
        assert_eq!(from_json("{\"services\": [\"trp\", \"phc\", \"trp\"]}").map(|l| l.services), Ok(vec![Service::Phc, Service::Trp]));
        assert_eq!(parse_raw(field("person.iin").unwrap(), "?-"), Ok(None), "don't know, however grouped");
        assert_eq!(parse_raw(field("licence.bin").unwrap(), " - "), Err(RawError::Empty), "a dash alone is no number");
    }

    #[test]
    fn details_load_beside_the_answers_never_among_them_and_save_back() {
        let s = with(&[("person.status", "citizen")]);
        let mut details = tekser_rules::Details::default();
        details.set("applicant.full_name", "Әлібек Құрманұлы").unwrap();
        details.set("applicant.phone", "not a phone").unwrap();
        let json = to_json_with(&s, &details);
        assert!(!to_json(&s).contains("details"), "no details, no object");
        let loaded = from_json(&json).unwrap();
        assert_eq!((loaded.raw, loaded.details, loaded.skipped), (s.raw.clone(), details, vec![]));
        let odd = r#"{"details": {"applicant": {"full_name": 7, "shoe_size": "42"}, "owner": "x", "trp": null}}"#;
        let loaded = from_json(odd).unwrap();
        assert_eq!(loaded.details.get("applicant.full_name"), Some("7"), "kept as written");
        assert!(loaded.raw.is_empty());
        assert_eq!(
            loaded.skipped,
            vec![FileError::UnknownField("details.applicant.shoe_size".into()), FileError::NotSection("details.owner".into())]
        );
    }

    #[test]
    fn a_file_with_bad_answers_loses_nothing_and_reports_each_on_its_question() {
        let file = r#"{"services": ["trp", "tax", 7], "person": {"status": "martian", "citizenship": "UZB", "date_of_birth": {"y": 1990}, "shoe_size": 44},
            "phc": {"categories": ["pensioner", 3]}, "application": {"date": "2026-03-20", "time": "17:20:00"}, "planet": "mars"}"#;
        let loaded = from_json(file).unwrap();
        assert_eq!(loaded.services, vec![Service::Trp]);
        assert_eq!(
            loaded.skipped,
            vec![
                FileError::UnknownField("person.shoe_size".into()),
                FileError::UnknownField("planet".into()),
                FileError::UnknownService("tax".into()),
                FileError::UnknownService("7".into()),
            ]
        );
        let raw = |p: &str| loaded.raw.get(p).map(String::as_str);
        assert_eq!(
            (raw("person.status"), raw("person.citizenship"), raw("application.time")),
            (Some("martian"), Some("UZB"), Some("17:20"))
        );
        assert_eq!((raw("person.date_of_birth"), raw("phc.categories")), (Some(r#"{"y":1990}"#), Some(r#"["pensioner",3]"#)));
        let s = Rc::new(State { lang: Lang::En, ..State::default() }).reduce(Action::Load(loaded));
        assert_eq!(s.screen, Screen::Check);
        let problems: Vec<&str> = s.problems(day(2026, 3, 2)).into_iter().map(|(p, _)| p).collect();
        assert_eq!(problems, ["person.status", "person.date_of_birth", "phc.categories"]);
        assert_eq!(s.answers().person.citizenship.as_deref(), Some("UZB"), "the good answers are used");
        assert!(FileError::UnknownField("x".repeat(10_000_000)).message(Lang::En).chars().count() < 100, "a long name is cut");
    }

    /// Answers no question of any kind takes (the browser test `fragments.test.mjs` uses the same).
    const ALWAYS_BAD: &[&str] = &[
        "martian",
        "-1",
        "0000-00-00",
        "NaN",
        "1e999",
        "true",
        "%ZZ",
        "２０２６-０３-０２",
        "ҚАZ",
        "<b>x</b>",
        "Ω≈ç√",
        "😀",
        "١٢٣",
        "\u{0}",
        "2026-02-30",
        "25:61",
    ];

    #[test]
    fn no_answer_to_any_question_panics_and_one_no_question_takes_is_reported_on_it() {
        let today = day(2026, 3, 2);
        let odd =
            ["9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01", "4294967296", "99999999999999999999", "1e308", "-0", ",,,", "?", ""];
        for f in all_fields() {
            for v in ALWAYS_BAD.iter().chain(&odd).map(|v| v.to_string()).chain([ALWAYS_BAD[0].repeat(10_000)]) {
                let s = State {
                    screen: Screen::Question(f.path),
                    ..with(&[("person.status", "citizen"), ("application.date", "2026-03-20"), (f.path, &v)])
                };
                let report = tekser_rules::evaluate(&s.answers(), &tekser_rules::Context { as_of: s.as_of(today) });
                assert_eq!(report.outcomes.len(), 4);
                let _ = (s.questions(today), s.summary(today), to_json(&s));
                let back = from_fragment(&to_link(&s).unwrap());
                if v.chars().count() <= MAX_RAW {
                    assert!(back.answers() == s.answers(), "{} = {v:?} round-trips through the URL", f.path);
                } else {
                    assert!(
                        back.raw[f.path].chars().count() == MAX_RAW && v.starts_with(&back.raw[f.path]),
                        "{}: kept to its start",
                        f.path
                    );
                }
                if ALWAYS_BAD.contains(&v.as_str()) || v.len() > 1000 {
                    let v: String = v.chars().take(40).collect();
                    assert!(s.opening_error(today).is_some(), "{} = {v:?}… is not reported", f.path);
                    assert!(s.problems(today).iter().any(|(p, _)| *p == f.path), "{} = {v:?}… is not in the summary", f.path);
                }
            }
        }
    }

    #[test]
    fn every_answer_a_question_takes_is_shorter_than_the_longest_kept() {
        for f in all_fields() {
            if let FieldKind::Choice(opts) | FieldKind::Many(opts) = f.kind {
                assert!(opts.join(",").chars().count() < MAX_RAW / 4, "{}", f.path);
            }
        }
        let s = from_fragment(&format!("#/q/person.iin?person.iin={}", "7".repeat(5 * MAX_RAW)));
        assert_eq!(s.raw["person.iin"].len(), MAX_RAW);
        assert_eq!(
            s.opening_error(day(2026, 3, 2)),
            Some(tekser_rules::text("input_error.id.not_twelve_digits", Lang::Kk).unwrap().into())
        );
    }

    #[test]
    fn a_mangled_url_keeps_every_value_and_reports_it_on_its_question() {
        let s =
            from_fragment("#/q/person.date_of_birth?lang=ru&person.date_of_birth=2004-02-30&person.iin=%ZZ%E2%82&person.status=citizen");
        assert_eq!(s.screen, Screen::Question("person.date_of_birth"));
        assert_eq!(s.raw.get("person.iin").map(String::as_str), Some("%ZZ\u{fffd}"), "bad escapes stay as typed");
        assert_eq!(
            s.error_of("person.date_of_birth", "2004-02-30", day(2026, 3, 2)).as_deref(),
            Some("Введите существующую дату: день, месяц и год")
        );
        let problems = s.problems(day(2026, 3, 2));
        assert_eq!(problems.iter().map(|(p, _)| *p).collect::<Vec<_>>(), ["person.date_of_birth", "person.iin"]);
        assert!(s.answered("person.status"));
    }

    #[test]
    fn on_a_kiosk_answers_stay_out_of_the_url_and_finish_clears_everything() {
        let s = State { kiosk: true, lang: Lang::Ru, screen: Screen::Check, ..with(&[("person.iin", "061211600012")]) };
        let frag = to_fragment(&s);
        assert!(frag.contains("kiosk=1") && !frag.contains("061211600012"), "{frag}");
        assert!(from_fragment(&frag).kiosk);
        let after = Rc::new(s).reduce(Action::Clear);
        assert_eq!(*after, State { kiosk: true, screen: Screen::Welcome, ..State::default() }, "the next person starts afresh, in Kazakh");
        assert_eq!(from_fragment(&to_fragment(&after)).screen, Screen::Welcome);
    }

    #[test]
    fn a_kiosk_opens_on_its_language_buttons_and_a_chosen_language_on_the_start_page() {
        assert_eq!(from_fragment("#/start?kiosk=1").screen, Screen::Welcome);
        assert_eq!(from_fragment("#/?kiosk=1").screen, Screen::Welcome);
        assert_eq!(from_fragment("#/start?lang=kk&s=trp&kiosk=1").screen, Screen::Start);
        assert_eq!(from_fragment("#/welcome?lang=ru").screen, Screen::Start, "no language buttons off a kiosk");
        let chosen = Rc::new(from_fragment("#/start?kiosk=1")).reduce(Action::SetLang(Lang::Ru)).reduce(Action::Show(Screen::Start));
        assert_eq!((chosen.lang, &chosen.screen), (Lang::Ru, &Screen::Start));
        assert_eq!(from_fragment(&to_fragment(&chosen)).screen, Screen::Start, "a reload stays on the start page");
    }

    fn operator(service: Service, raw: &[(&'static str, &str)]) -> State {
        State { operator: true, screen: Screen::Operator, services: vec![service], ..with(raw) }
    }

    #[test]
    fn the_sheet_asks_what_the_interview_asks_for_the_same_answers() {
        let today = day(2026, 3, 2);
        let given = &[("person.status", "temporary_resident"), ("registration.kind", "temporary"), MEETS, CONSENTS];
        for service in Service::ALL {
            let asked = walk(&[service], given, today);
            // The interview's answers: those given, else "no", the first option, or "don't know".
            let mut s = State { services: vec![service], ..State::default() };
            for q in &asked {
                s = reduce(s, Action::Answer(q, given.iter().find(|(p, _)| p == q).map_or_else(|| walk_answer(q), |(_, v)| v.to_string())));
            }
            let sheet = State { operator: true, ..s.clone() }.sheet(today);
            assert_eq!(sheet.asked, asked, "{service:?}");
            assert_eq!(sheet.used, s.raw, "{service:?}: every answer the interview took");
        }
    }

    fn walk_answer(q: &str) -> String {
        match field(q).map(|f| f.kind) {
            Some(FieldKind::Bool) => "no".into(),
            Some(FieldKind::Choice(o)) => o[0].into(),
            _ => DONT_KNOW.into(),
        }
    }

    #[test]
    fn a_follow_up_comes_in_with_its_answer_and_an_irrelevant_answer_goes_out_unused() {
        let today = day(2026, 3, 2);
        let empty = operator(Service::Trp, &[]).sheet(today);
        assert!(empty.asked.contains(&"person.citizenship") && empty.used.is_empty(), "{empty:?}");
        // Answered in any order: the citizenship before the status.
        let foreign = operator(Service::Trp, &[("person.citizenship", "RUS"), ("person.status", "temporary_resident")]);
        let sheet = foreign.sheet(today);
        assert_eq!(sheet.used.get("person.citizenship").map(String::as_str), Some("RUS"));
        // A citizen needs no residence permit: the citizenship is not asked, nor used, nor printed.
        let citizen = reduce(foreign, Action::Type("person.status", "citizen".into()));
        let sheet = citizen.sheet(today);
        assert_eq!(sheet.asked, vec!["person.status"]);
        assert!(!sheet.used.contains_key("person.citizenship"));
        assert_eq!(citizen.raw.get("person.citizenship").map(String::as_str), Some("RUS"), "kept as typed");
        assert_eq!(citizen.on_sheet(&sheet).answers().person.citizenship, None);
        assert_eq!(citizen.on_sheet(&sheet).answered_fields().len(), 1);
        // A follow-up: health insurance is asked of a temporary resident, not of a citizen.
        let phc = |status| operator(Service::Phc, &[("person.status", status)]).sheet(today).asked;
        assert!(phc("temporary_resident").contains(&"phc.has_insurance") && !phc("citizen").contains(&"phc.has_insurance"));
        // A bad answer stays open and is not used.
        let bad = operator(Service::Phc, &[("person.date_of_birth", "2001-13-40")]).sheet(today);
        assert!(bad.asked.contains(&"person.date_of_birth") && !bad.used.contains_key("person.date_of_birth"));
    }

    #[test]
    fn operator_mode_keeps_answers_out_of_the_url_and_history_and_next_person_clears_all() {
        let s = from_fragment("#/operator?lang=ru&s=trp&person.iin=061211600012");
        assert_eq!((s.operator, &s.screen, s.lang), (true, &Screen::Operator, Lang::Ru));
        assert!(s.raw.is_empty() && s.operator_service().is_none(), "no answer nor service from a URL");
        assert!(from_url("#/operator?lang=ru", [("person.status", "citizen".to_string())].into()).raw.is_empty());
        let s = reduce(s, Action::Pick(Service::Registration));
        assert_eq!(s.operator_service(), Some(Service::Registration));
        let s = reduce(s, Action::Type("person.iin", "061211 600012 ".into()));
        assert_eq!(s.raw.get("person.iin").map(String::as_str), Some("061211 600012 "), "as typed, spaces too");
        let s = reduce(s, Action::Detail("applicant.email", "a@b.kz".into()));
        assert_eq!(to_fragment(&s), "#/operator?lang=ru");
        assert!(history_entries(&s).is_empty() && to_link(&s).is_none());
        let next = reduce(s.clone(), Action::NextPerson);
        assert_eq!(next, State { lang: Lang::Ru, operator: true, screen: Screen::Operator, ..State::default() });
        assert!(next.operator_service().is_none());
        // Leaving operator mode through the history takes nothing of it along.
        let left = reduce(s, Action::FromUrl(from_url("#/start?lang=ru", BTreeMap::new())));
        assert!(!left.operator && left.raw.is_empty() && left.details.is_empty() && left.screen == Screen::Start);
        assert!(!history_entries(&reduce(left, Action::Answer("person.status", "citizen".into()))).is_empty(), "the interview as usual");
    }

    /// The questions asked, in order, answering each from `answers` (else "no", the first option, or
    /// "don't know"), until none is left.
    fn walk(services: &[Service], answers: &[(&'static str, &str)], today: chrono::NaiveDate) -> Vec<&'static str> {
        let mut s = State { services: services.to_vec(), ..State::default() };
        let mut asked = Vec::new();
        while let Some(q) = s.questions(today).first().copied() {
            assert!(!asked.contains(&q) && asked.len() < 80, "{q} asked twice: {asked:?}");
            let given = answers.iter().find(|(p, _)| *p == q).map(|(_, v)| v.to_string());
            let v = given.unwrap_or_else(|| match field(q).map(|f| f.kind) {
                Some(FieldKind::Bool) => "no".into(),
                Some(FieldKind::Choice(o)) => o[0].into(),
                _ => DONT_KNOW.into(),
            });
            s.raw.insert(q, v);
            asked.push(q);
        }
        asked
    }

    const MEETS: (&str, &str) = ("licence.meets_qualification_requirements", "yes");
    const CONSENTS: (&str, &str) = ("licence.consents_to_personal_data", "yes");

    #[test]
    fn the_licence_asks_who_applies_and_what_for_before_the_bans_and_the_fee() {
        let a = &[("licence.holds_licence", "yes"), ("licence.action", "reissue"), MEETS, CONSENTS];
        let asked = walk(&[Service::MedicalLicence], a, day(2026, 3, 2));
        let at = |p: &str| asked.iter().position(|q| *q == p).unwrap_or_else(|| panic!("{p} not asked: {asked:?}"));
        assert_eq!(&asked[..3], ["licence.applicant", "licence.holds_licence", "licence.action"], "{asked:?}");
        for later in ["licence.court_ban", "licence.bailiff_ban", "licence.deprived_of_special_right", "licence.fee_paid"] {
            assert!(at("licence.action") < at(later), "{later} before the action: {asked:?}");
        }
        assert!(at("licence.court_ban") < at("licence.fee_paid"));
        assert_eq!(&asked[asked.len() - 3..], ["application.channel", "application.date", "application.within_hours"]);
    }

    #[test]
    fn all_four_are_asked_topic_by_topic_the_person_first_the_application_last() {
        let Loaded { services, raw, .. } = from_json(include_str!("../../examples/all-four.json")).unwrap();
        let given: Vec<(&'static str, &str)> = raw.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let asked = walk(&services, &given, day(2026, 3, 2));
        let section = |p: &str| p.split('.').next().unwrap_or(p).to_string();
        let mut sections: Vec<String> = asked.iter().map(|p| section(p)).collect();
        sections.dedup();
        assert_eq!(sections, ["person", "phc", "licence", "registration", "application"], "{asked:?}");
    }

    #[test]
    fn nothing_about_applying_is_asked_once_every_service_is_decided_against() {
        // A citizen needs no temporary residence permit: "not applicable", and nothing more is asked.
        assert_eq!(walk(&[Service::Trp], &[("person.status", "citizen")], day(2026, 3, 2)), ["person.status"]);
        // A court ban refuses the licence: no channel, day or time, nor the checklist's facts.
        let asked = walk(&[Service::MedicalLicence], &[("licence.court_ban", "yes")], day(2026, 3, 2));
        assert_eq!(asked.last(), Some(&"licence.court_ban"), "nothing after the ban: {asked:?}");
        assert!(!asked.iter().any(|q| q.starts_with("application.") || *q == "licence.fee_paid"), "{asked:?}");
        // Both at once: still nothing about applying.
        let asked =
            walk(&[Service::Trp, Service::MedicalLicence], &[("person.status", "citizen"), ("licence.court_ban", "yes")], day(2026, 3, 2));
        assert!(!asked.iter().any(|q| q.starts_with("application.")), "{asked:?}");
    }

    #[test]
    fn the_application_is_asked_only_while_a_service_may_still_be_applied_for() {
        // The permit does not apply to a citizen, but the licence is still open: the moment is asked.
        let asked = walk(&[Service::Trp, Service::MedicalLicence], &[("person.status", "citizen"), MEETS, CONSENTS], day(2026, 3, 2));
        assert_eq!(&asked[asked.len() - 3..], ["application.channel", "application.date", "application.within_hours"], "{asked:?}");
        assert_eq!(asked.first(), Some(&"person.status"));
    }

    #[test]
    fn within_working_hours_is_asked_instead_of_the_time_and_only_where_hours_count() {
        // The PHC deadline counts the provider's hours: the choice is asked, never the time.
        let phc = [
            ("person.status", "citizen"),
            ("person.date_of_birth", "1990-05-10"),
            ("phc.applicant", "self"),
            ("phc.reason", "relocation"),
            ("phc.organisation_in_residence_unit", "yes"),
        ];
        let asked = walk(&[Service::Phc], &phc, day(2026, 3, 2));
        assert!(asked.contains(&"application.within_hours") && !asked.contains(&"application.time"), "{asked:?}");
        // A time brought by a file or a link decides: the choice is not asked on top of it.
        let given =
            [phc.as_slice(), &[("phc.categories", ""), ("application.channel", "egov_eds"), ("application.date", "2026-03-02")]].concat();
        let s = State { services: vec![Service::Phc], ..with(&given) };
        assert_eq!(s.questions(day(2026, 3, 2)), ["application.within_hours"]);
        let s = State { services: vec![Service::Phc], ..with(&[given.as_slice(), &[("application.time", "17:20")]].concat()) };
        assert_eq!(s.questions(day(2026, 3, 2)), Vec::<&str>::new());
        // Registration's own deadline counts from the arrival: no hours to ask about.
        let asked = walk(&[Service::Registration], &[], day(2026, 3, 2));
        assert!(!asked.iter().any(|q| q.starts_with("application.within_hours") || *q == "application.time"), "{asked:?}");
    }

    #[test]
    fn the_hours_named_are_those_of_the_providers_still_open_through_the_channel_chosen() {
        let hours = |s: &State| s.working_hours(day(2026, 3, 2)).into_iter().map(|(sv, h)| (sv, h.open, h.close)).collect::<Vec<_>>();
        let phc = State { services: vec![Service::Phc], ..State::default() };
        assert_eq!(hours(&phc), [(Service::Phc, 540, 1080)], "PHC 09:00–18:00");
        // The permit at a ЦОН counts ЦОН hours (to 18:00); with the police, the provider's (to 18:30).
        let mut trp = State { services: vec![Service::Trp], ..State::default() };
        trp.raw.insert("application.channel", "con".into());
        assert_eq!(hours(&trp), [(Service::Trp, 540, 1080)]);
        trp.raw.insert("application.channel", "provider_office".into());
        assert_eq!(hours(&trp), [(Service::Trp, 540, 1110)]);
        // A service decided against names no hours.
        trp.raw.insert("person.status", "citizen".into());
        assert_eq!(hours(&trp), []);
    }

    #[test]
    fn within_working_hours_reaches_the_rules_and_gives_the_deadline() {
        let base = [
            ("person.status", "citizen"),
            ("person.date_of_birth", "1990-05-10"),
            ("phc.applicant", "self"),
            ("phc.reason", "relocation"),
            ("phc.organisation_in_residence_unit", "yes"),
            ("application.channel", "egov_eds"),
            ("application.date", "2026-04-13"),
        ];
        let result = |within: &str| {
            let mut s = with(&base);
            s.services = vec![Service::Phc];
            s.raw.insert("application.within_hours", within.into());
            let r = tekser_rules::evaluate(&s.answers(), &tekser_rules::Context { as_of: day(2026, 4, 13) });
            r.outcomes[0].deadline.as_ref().map(|d| (d.registered_on, d.result_on))
        };
        // Mon 13 Apr 2026: within → registered that day, answered Tue 14; after → both Tue 14.
        assert_eq!(result("yes"), Some((day(2026, 4, 13), day(2026, 4, 14))));
        assert_eq!(result("no"), Some((day(2026, 4, 14), day(2026, 4, 14))));
        assert_eq!(result("?"), None, "don't know: no deadline");
    }

    #[test]
    fn answers_are_read_as_people_type_them_and_kept_as_typed() {
        let time = field("application.time").unwrap();
        for typed in ["14:30", "14.30", "1430", "14 30"] {
            assert_eq!(parse_raw(time, typed), Ok(Some(Value::Time(chrono::NaiveTime::from_hms_opt(14, 30, 0).unwrap()))), "{typed}");
        }
        let born = field("person.date_of_birth").unwrap();
        for typed in ["1990-наурыз-5", "1990-марта-05", "1990-March-5", "1990-mar-05", "1990-03-05", "1990-3-5"] {
            assert_eq!(parse_raw(born, typed), Ok(Some(Value::Date(day(1990, 3, 5)))), "{typed}");
        }
        assert_eq!(parse_raw(field("registration.area_total_m2").unwrap(), "48,5"), Ok(Some(Value::Number(48.5))));
        assert_eq!(parse_raw(field("person.iin").unwrap(), "0612 1160 0012"), Ok(Some(Value::Text("061211600012".into()))));
        assert_eq!(parse_raw(field("registration.registered_count").unwrap(), "03"), Ok(Some(Value::Int(3))));
        // The raw answer stays as typed: leading zeros, a month's name, a time without a colon.
        let s = with(&[("person.date_of_birth", "1990-наурыз-05"), ("application.time", "1430"), ("person.iin", "0612 1160 0012")]);
        let back = from_fragment(&to_link(&s).unwrap_or_default());
        assert_eq!(back.raw, s.raw);
        assert_eq!(s.answers().person.date_of_birth, Some(day(1990, 3, 5)));
        assert!(to_json(&s).contains("\"14:30\"") && to_json(&s).contains("\"1990-03-05\""), "files keep the standard forms");
    }

    #[test]
    fn typed_answers_that_are_no_answer_are_refused_with_their_question_s_message() {
        let msg = |path: &'static str, raw: &str| with(&[]).error_of(path, raw, day(2026, 3, 2));
        let time_msg = Some(crate::i18n::t("input_error.time", Lang::Kk));
        for bad in ["14", "25:61", "14:5", "14:30:00", "half past two"] {
            assert_eq!(msg("application.time", bad), time_msg, "{bad}");
        }
        let date_msg = Some(crate::i18n::t("input_error.date", Lang::Kk));
        for bad in ["1990-ма-05", "1990-13-05", "1990-наурыз-32", "90-03-05"] {
            assert_eq!(msg("person.date_of_birth", bad), date_msg, "{bad}");
        }
        assert_eq!(msg("registration.area_total_m2", "48 5"), Some(crate::i18n::t("input_error.number", Lang::Kk)));
    }

    #[test]
    fn an_empty_answer_is_refused_with_a_message_naming_its_question() {
        let s = State { lang: Lang::En, ..State::default() };
        let today = day(2026, 3, 2);
        assert_eq!(s.error_of("registration.arrival_date", "", today).as_deref(), Some("Enter the date you arrived"));
        assert_eq!(s.error_of("licence.has_eds", "", today).as_deref(), Some("Choose an answer to “Do you have an EDS?”"));
        let s = State { lang: Lang::Ru, ..s };
        assert_eq!(s.error_of("licence.has_eds", "", today).as_deref(), Some("Выберите ответ на вопрос «Есть ли у вас ЭЦП?»"));
        for f in all_fields() {
            for lang in Lang::ALL {
                let m = RawError::Empty.message(f.path, lang);
                assert!(
                    !m.contains("{q}") && !m.contains("question.") && m != crate::i18n::t("input_error.required", lang),
                    "{}: {m}",
                    f.path
                );
            }
        }
    }

    #[test]
    fn an_answer_that_looks_like_a_slip_is_confirmed_once_and_never_changes_a_verdict() {
        let today = day(2026, 3, 2);
        let path = "registration.arrival_date";
        let s = State {
            services: vec![Service::Registration],
            screen: Screen::Question(path),
            ..with(&[("person.status", "citizen"), (path, "2016-02-25")])
        };
        assert_eq!(s.unusual(path, today).map(|u| u.key), Some("arrival_long_ago"));
        assert_eq!(s.after_answer_on(path, today), Screen::Confirm(path));
        // Change goes back to the question; Continue keeps the answer and goes on.
        let shown = Rc::new(State { screen: Screen::Confirm(path), ..s.clone() });
        assert_eq!(shown.clone().reduce(Action::Show(Screen::Question(path))).screen, Screen::Question(path));
        let kept = shown.reduce(Action::Confirm(path));
        assert_eq!(kept.raw[path], "2016-02-25");
        assert!(!matches!(kept.screen, Screen::Confirm(_) | Screen::Question("registration.arrival_date")));
        assert!(kept.unusual(path, today).is_none(), "not asked again for that value");
        assert_eq!(kept.after_answer_on(path, today), next_screen_on(&kept, today));
        // Another answer is asked about again.
        let changed = State {
            raw: kept.raw.iter().map(|(k, v)| (*k, if *k == path { "2015-02-25".into() } else { v.clone() })).collect(),
            ..(*kept).clone()
        };
        assert!(changed.unusual(path, today).is_some());
        // A hint, not a rule: the verdict is the same whether confirmed or not.
        let ctx = tekser_rules::Context { as_of: today };
        assert_eq!(tekser_rules::evaluate(&s.answers(), &ctx), tekser_rules::evaluate(&kept.answers(), &ctx));
        // A plain answer goes straight on.
        let recent = with(&[(path, "2026-02-25")]);
        assert_eq!(recent.after_answer_on(path, today), next_screen_on(&recent, today));
    }

    #[test]
    fn each_unusual_answer_is_asked_about_and_a_usual_one_is_not() {
        let today = day(2026, 3, 2);
        for (path, odd, usual) in [
            ("person.date_of_birth", "2026-01-10", "1990-01-10"),
            ("person.date_of_birth", "1900-01-10", "1950-01-10"),
            ("registration.area_total_m2", "4800", "48,5"),
            ("registration.area_total_m2", "4,8", "12"),
            ("registration.registered_count", "44", "4"),
            ("licence.studies_completed_year", "1950", "2012"),
            ("application.date", "2028-03-20", "2026-03-20"),
        ] {
            assert!(with(&[(path, odd)]).unusual(path, today).is_some(), "{path} = {odd}");
            assert!(with(&[(path, usual)]).unusual(path, today).is_none(), "{path} = {usual}");
        }
        for u in UNUSUAL {
            assert!(field(u.path).is_some(), "{}", u.path);
            for lang in Lang::ALL {
                assert!(crate::i18n::t_opt(&format!("unusual.{}", u.key), lang).is_some(), "unusual.{}", u.key);
            }
        }
        // Only a usable answer is asked about: a bad one is an error on its question.
        assert!(with(&[("registration.area_total_m2", "4800 sq ft")]).unusual("registration.area_total_m2", today).is_none());
    }

    #[test]
    fn a_change_from_check_your_answers_through_is_this_right_returns_there() {
        let s = Rc::new(State { screen: Screen::Check, ..State::default() });
        let after = s.reduce(Action::Show(Screen::Confirm("registration.area_total_m2")));
        assert!(after.from_check);
        assert_eq!(from_fragment(&to_fragment(&after)).screen, Screen::Confirm("registration.area_total_m2"));
    }

    #[test]
    fn the_same_state_is_returned_when_nothing_changes() {
        let s = Rc::new(State::default());
        let after = s.clone().reduce(Action::SetLang(Lang::Kk));
        assert!(Rc::ptr_eq(&s, &after));
    }
}
