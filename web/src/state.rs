//! The app's state and its pure reducer (as in Yew's `function_todomvc`): no DOM, no storage, so
//! it is tested natively. Effects (the URL, focus, the title) live in the root component.
//!
//! Answers are kept as the person typed them, by field path (`person.date_of_birth` →
//! `2004-05-19`), so nothing typed is ever lost, even when it is not valid yet. The typed
//! [`Answers`] the rules take are derived from them ([`State::answers`]); a raw value that does not
//! parse is left out and reported on its question.

use std::collections::BTreeMap;
use std::rc::Rc;
use tekser_rules::answers::set::Value;
use tekser_rules::answers::{all_fields, Field, FieldKind};
use tekser_rules::{Answers, Lang, Service, Verdict};
use yew::Reducible;

/// A raw answer meaning "I don't know": asked, and left unanswered on purpose.
pub const DONT_KNOW: &str = "?";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    Start,
    /// One question, by field path.
    Question(&'static str),
    /// "Check your answers".
    Check,
    Results,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub screen: Screen,
    /// The services chosen on the start page (all four when none is chosen).
    pub services: Vec<Service>,
    /// Raw answers by field path, as typed.
    pub raw: BTreeMap<&'static str, String>,
    /// Set when the person came to a question from "Check your answers": Continue returns there.
    pub from_check: bool,
    /// A self-service kiosk (`#/start?kiosk=1`): the answers are kept in memory only, never in the
    /// URL or the browser's history, so "Finish and clear" (or the idle timeout) leaves nothing behind
    /// for the next person.
    pub kiosk: bool,
}

impl Default for State {
    fn default() -> Self {
        State {
            lang: Lang::Kk,
            screen: Screen::Start,
            services: Service::ALL.to_vec(),
            raw: BTreeMap::new(),
            from_check: false,
            kiosk: false,
        }
    }
}

pub enum Action {
    SetLang(Lang),
    /// Start the interview for these services.
    Start(Vec<Service>),
    /// Record the answer to a question (raw text), without moving on.
    Answer(&'static str, String),
    /// Move to a screen (Continue, Back, Change links).
    Show(Screen),
    /// The browser moved in its history: take the screen from the URL, keep the language chosen
    /// and every answer given so far, and add answers only the URL knows.
    FromUrl(State),
    /// Replace every answer (a loaded file).
    Load(BTreeMap<&'static str, String>),
    /// Forget everything and go to the start page (in the language chosen).
    Reset,
    /// A kiosk's "Finish and clear" or idle timeout: forget everything, the language too, for the
    /// next person.
    Clear,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SetLang(l) => s.lang = l,
            Action::Start(services) => {
                s.services = if services.is_empty() { Service::ALL.to_vec() } else { services };
                s.from_check = false;
                s.screen = next_screen(&s);
            }
            Action::Answer(path, value) => {
                let _ = s.raw.insert(path, value.trim().to_string());
            }
            Action::Show(screen) => {
                s.from_check = matches!(screen, Screen::Question(_)) && (self.from_check || self.screen == Screen::Check);
                s.screen = screen;
            }
            Action::FromUrl(url) => {
                // The language is not taken from the history entry: a language chosen later
                // stays when the person goes back.
                s.screen = url.screen;
                s.services = url.services;
                s.kiosk |= url.kiosk;
                for (k, v) in url.raw {
                    s.raw.entry(k).or_insert(v);
                }
            }
            Action::Load(raw) => {
                s.raw = raw;
                s.screen = Screen::Check;
            }
            Action::Reset => s = State { lang: s.lang, kiosk: s.kiosk, ..State::default() },
            Action::Clear => s = State { kiosk: s.kiosk, ..State::default() },
        }
        if s == *self {
            self
        } else {
            Rc::new(s)
        }
    }
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
        FieldKind::Date => Value::Date(crate::i18n::parse_ymd(raw).ok_or(RawError::Invalid("date"))?),
        // Hours and minutes only: "17:20" (a person does not type seconds).
        FieldKind::Time => {
            Value::Time(Some(raw).filter(|r| r.matches(':').count() == 1).and_then(crate::i18n::parse_hm).ok_or(RawError::Invalid("time"))?)
        }
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
            let n: f64 = raw.replace(',', ".").parse().map_err(|_| RawError::Invalid("number"))?;
            if !n.is_finite() {
                return Err(RawError::Invalid("number"));
            }
            Value::Number(n)
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

    /// The moment the rules apply: the application day if answered, else `today`.
    pub fn as_of(&self, today: chrono::NaiveDate) -> chrono::NaiveDate {
        self.answers().application.date.unwrap_or(today)
    }

    /// Has this question been answered (or answered "don't know")?
    pub fn answered(&self, path: &str) -> bool {
        self.raw.get(path).is_some_and(|r| field(path).is_some_and(|f| parse_raw(f, r).is_ok()))
    }

    /// The questions to ask, in order: what the rules still miss for the chosen services, the facts
    /// that refine a checklist (`Outcome::refine`), then the moment and channel of application (for
    /// the deadline), each unless already answered.
    pub fn questions(&self, today: chrono::NaiveDate) -> Vec<&'static str> {
        let report = tekser_rules::evaluate(&self.answers(), &tekser_rules::Context { as_of: self.as_of(today) });
        let mut out: Vec<&'static str> = Vec::new();
        let missing = report.outcomes.iter().flat_map(|o| o.missing.iter());
        // Then the facts that make a checklist or a term precise, where the person may still apply.
        let open = report.outcomes.iter().filter(|o| !matches!(o.verdict, Verdict::NotEligible | Verdict::NotApplicable));
        for m in missing.chain(open.flat_map(|o| o.refine.iter())) {
            if !out.contains(m) && !self.answered(m) {
                out.push(m);
            }
        }
        for f in tekser_rules::answers::APPLICATION_FIELDS {
            if !self.answered(f.path) && !out.contains(&f.path) {
                out.push(f.path);
            }
        }
        out
    }

    /// Questions answered so far, in interview order (for "Check your answers").
    pub fn answered_fields(&self) -> Vec<&'static Field> {
        all_fields().filter(|f| self.raw.contains_key(f.path)).collect()
    }
}

/// Where Continue leads: the next unanswered question, else "Check your answers".
pub fn next_screen(s: &State) -> Screen {
    next_screen_on(s, crate::today())
}

/// From a question changed on "Check your answers", the same rule brings the person back there
/// once any new follow-up question is answered.
pub fn next_screen_on(s: &State, today: chrono::NaiveDate) -> Screen {
    s.questions(today).first().map(|p| Screen::Question(p)).unwrap_or(Screen::Check)
}

// ------------------------------------------------------------------ the URL fragment

fn lang_code(l: Lang) -> &'static str {
    match l {
        Lang::Kk => "kk",
        Lang::Ru => "ru",
        Lang::En => "en",
    }
}

fn service_code(s: Service) -> &'static str {
    match s {
        Service::Phc => "phc",
        Service::MedicalLicence => "medical_licence",
        Service::Trp => "trp",
        Service::Registration => "registration",
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
fn enc(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn dec(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                let h = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(h, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The URL fragment of a state: `#/<screen>?lang=kk&s=phc,trp&<field path>=<raw>&…`.
pub fn to_fragment(s: &State) -> String {
    let screen = match &s.screen {
        Screen::Start => "start".to_string(),
        Screen::Question(p) => format!("q/{p}"),
        Screen::Check => "check".to_string(),
        Screen::Results => "results".to_string(),
    };
    let services: Vec<&str> = s.services.iter().map(|x| service_code(*x)).collect();
    let mut q = format!("#/{screen}?lang={}&s={}", lang_code(s.lang), services.join(","));
    if s.kiosk {
        q.push_str("&kiosk=1");
        return q;
    }
    for (k, v) in &s.raw {
        q.push_str(&format!("&{k}={}", enc(v)));
    }
    q
}

/// Reads a URL fragment; anything it does not know (an unknown field, a bad screen) is ignored.
pub fn from_fragment(frag: &str) -> State {
    let mut s = State::default();
    let frag = frag.trim_start_matches('#').trim_start_matches('/');
    let (screen, query) = frag.split_once('?').unwrap_or((frag, ""));
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let Some(v) = dec(v) else { continue };
        match k {
            "lang" => s.lang = Lang::parse(&v).unwrap_or(Lang::Kk),
            "kiosk" => s.kiosk = v == "1",
            "s" => {
                let chosen: Vec<Service> = Service::ALL.into_iter().filter(|x| v.split(',').any(|c| c == service_code(*x))).collect();
                if !chosen.is_empty() {
                    s.services = chosen;
                }
            }
            _ => {
                if let Some(f) = field(k) {
                    s.raw.insert(f.path, v);
                }
            }
        }
    }
    s.screen = match screen {
        "check" => Screen::Check,
        "results" => Screen::Results,
        q if q.starts_with("q/") => field(&q[2..]).map(|f| Screen::Question(f.path)).unwrap_or(Screen::Start),
        _ => Screen::Start,
    };
    s
}

// ------------------------------------------------------------------ answers files

/// The answers as a JSON file (the CLI's schema). Only what was answered is written (no `null`s, no
/// empty sections), times as "17:20", as a person would write the file by hand.
pub fn to_json(s: &State) -> String {
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
    serde_json::to_string_pretty(&Json::Object(root)).unwrap_or_else(|_| "{}".into())
}

/// Why an answers file cannot be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Not JSON, or not an object of sections.
    NotAnswers,
    /// A section or field the rules do not know (the path as written).
    UnknownField(String),
    /// A known question whose answer does not fit it.
    BadAnswer(&'static str),
    /// A service code the rules do not know.
    UnknownService(String),
}

impl FileError {
    pub fn message(&self, lang: Lang) -> String {
        use crate::i18n::t;
        match self {
            FileError::NotAnswers => t("ui.file_not_answers", lang),
            FileError::UnknownField(path) => format!("{} {path}", t("ui.file_unknown_field", lang)),
            FileError::BadAnswer(path) => t("ui.file_bad_answer", lang).replace("{q}", &t(&format!("question.{path}"), lang)),
            FileError::UnknownService(code) => format!("{} {code}", t("ui.file_unknown_service", lang)),
        }
    }
}

/// Reads an answers file (the CLI's schema) into the services and the raw answers. Every answer is
/// checked as if typed into its question; anything unknown or unfit is refused, naming it.
pub fn from_json(text: &str) -> Result<(Vec<Service>, BTreeMap<&'static str, String>), FileError> {
    use serde_json::Value as Json;
    let Ok(Json::Object(root)) = serde_json::from_str::<Json>(text) else { return Err(FileError::NotAnswers) };
    let mut services = Service::ALL.to_vec();
    let mut raw = BTreeMap::new();
    let mut check = Answers::default();
    for (section, fields) in &root {
        if section == "services" {
            let codes: Vec<&str> = fields.as_array().map(|a| a.iter().filter_map(Json::as_str).collect()).unwrap_or_default();
            let named: Vec<Service> = codes
                .iter()
                .map(|c| Service::ALL.into_iter().find(|x| service_code(*x) == *c).ok_or_else(|| FileError::UnknownService(c.to_string())))
                .collect::<Result<_, _>>()?;
            // Each once, in the app's order (as the URL keeps them); none named is all four, as on
            // the start page.
            services = Service::ALL.into_iter().filter(|s| named.is_empty() || named.contains(s)).collect();
            continue;
        }
        let Json::Object(fields) = fields else { return Err(FileError::UnknownField(section.clone())) };
        for (name, x) in fields {
            let path = format!("{section}.{name}");
            let f = field(&path).ok_or(FileError::UnknownField(path))?;
            let text = match x {
                Json::Null => continue,
                Json::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
                // A time may be written with seconds ("17:20:00"); the question takes "17:20".
                Json::String(s) if matches!(f.kind, FieldKind::Time) => {
                    crate::i18n::parse_hm(s).map(crate::i18n::hm).unwrap_or_else(|| s.clone())
                }
                Json::String(s) => s.clone(),
                Json::Number(n) => n.to_string(),
                Json::Array(items) => items.iter().map(|i| i.as_str().unwrap_or("\u{0}")).collect::<Vec<_>>().join(","),
                Json::Object(_) => return Err(FileError::BadAnswer(f.path)),
            };
            let fits = match parse_raw(f, &text) {
                Ok(Some(v)) => check.set(f.path, v).is_ok(),
                Ok(None) | Err(_) => false,
            };
            if !fits {
                return Err(FileError::BadAnswer(f.path));
            }
            raw.insert(f.path, text);
        }
    }
    Ok((services, raw))
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
        let (services, raw) = from_json(include_str!("../../examples/all-four.json")).unwrap();
        let s = State { services, raw, ..State::default() };
        let qs = s.questions(day(2026, 3, 2));
        assert_eq!(qs.first(), Some(&"phc.categories"), "{qs:?}");
        let s = State { raw: s.raw.into_iter().chain([("phc.categories", String::new())]).collect(), ..s };
        assert!(!s.questions(day(2026, 3, 2)).contains(&"phc.categories"), "none of these is an answer");
    }

    #[test]
    fn nothing_is_refined_for_a_service_the_person_cannot_apply_for() {
        // A campaign application the day after the window closes (194 para 5) is not a ground.
        let (services, mut raw) = from_json(include_str!("../../examples/phc.json")).unwrap();
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
            raw: [("registration.area_total_m2", "48,5".to_string()), ("person.iin", "0612 1160 0012".to_string())].into_iter().collect(),
            from_check: false,
            kiosk: false,
        };
        let back = from_fragment(&to_fragment(&s));
        assert_eq!(back.lang, s.lang);
        assert_eq!(back.screen, s.screen);
        assert_eq!(back.raw, s.raw);
        assert_eq!(back.services.len(), 2);
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
        let (services, raw) = from_json(&json).unwrap();
        assert_eq!(raw, s.raw);
        assert!(raw.keys().all(|p| s.answered(p)), "every answer loaded is a valid answer");
        assert_eq!(services, Service::ALL.to_vec());
        assert_eq!(from_json("{\"person\": {\"status\": \"martian\"}}"), Err(FileError::BadAnswer("person.status")));
        assert_eq!(from_json("{\"person\": {\"shoe_size\": 44}}"), Err(FileError::UnknownField("person.shoe_size".into())));
        assert_eq!(from_json("{\"services\": [\"tax\"]}"), Err(FileError::UnknownService("tax".into())));
        assert_eq!(from_json("<html>"), Err(FileError::NotAnswers));
        assert_eq!(from_json("{\"services\": []}").map(|(s, _)| s), Ok(Service::ALL.to_vec()), "none named is all four");
        assert_eq!(from_json("{\"services\": [\"trp\", \"phc\", \"trp\"]}").map(|(s, _)| s), Ok(vec![Service::Phc, Service::Trp]));
        assert_eq!(parse_raw(field("person.iin").unwrap(), "?-"), Ok(None), "don't know, however grouped");
        assert_eq!(parse_raw(field("licence.bin").unwrap(), " - "), Err(RawError::Empty), "a dash alone is no number");
        assert!(FileError::BadAnswer("person.status").message(Lang::En).contains("legal status"), "names the question");
    }

    #[test]
    fn on_a_kiosk_answers_stay_out_of_the_url_and_finish_clears_everything() {
        let s = State { kiosk: true, lang: Lang::Ru, screen: Screen::Check, ..with(&[("person.iin", "061211600012")]) };
        let frag = to_fragment(&s);
        assert!(frag.contains("kiosk=1") && !frag.contains("061211600012"), "{frag}");
        assert!(from_fragment(&frag).kiosk);
        let after = Rc::new(s).reduce(Action::Clear);
        assert_eq!(*after, State { kiosk: true, ..State::default() }, "the next person starts afresh, in Kazakh");
    }

    #[test]
    fn the_same_state_is_returned_when_nothing_changes() {
        let s = Rc::new(State::default());
        let after = s.clone().reduce(Action::SetLang(Lang::Kk));
        assert!(Rc::ptr_eq(&s, &after));
    }
}
