//! A map of every rule, drawn from the rules themselves: each service is evaluated on many answer
//! sets made from its questions (a fixed, seeded sample: every question answered or not, each answer
//! drawn from its kind), and every condition the rules report is recorded with the facts it used,
//! the provisions it cited and what it can lead to. No list of conditions is written by hand: a rule
//! added to a law module appears here the day it is written (and `tests` check that the sample
//! reaches every condition the texts name).
//!
//! What a condition can lead to follows from how an outcome is decided (`Outcome::finish`): a
//! scope not met on a firm basis makes the service not applicable, a condition not met on a firm
//! basis makes the person not eligible, either not met on a secondary or unverified basis leaves it
//! to the provider, an unanswered one asks for the answer; a step not met is something to do first.

use crate::answers::set::Value;
use crate::answers::{all_fields, FieldKind};
use crate::data::Provision;
use crate::report::{Reason, Role, Status, Verdict};
use crate::{evaluate, Answers, Context, Service};
use chrono::{Days, NaiveDate};
use serde::Serialize;

/// What a condition not met (or not known) leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Leads {
    NotApplicable,
    NotEligible,
    CheckWithProvider,
    NeedsInfo,
    /// Something to do before applying.
    Step,
}

impl Leads {
    /// The verdict it gives, where it gives one.
    pub fn verdict(self) -> Option<Verdict> {
        match self {
            Leads::NotApplicable => Some(Verdict::NotApplicable),
            Leads::NotEligible => Some(Verdict::NotEligible),
            Leads::CheckWithProvider => Some(Verdict::CheckWithProvider),
            Leads::NeedsInfo => Some(Verdict::NeedsInfo),
            Leads::Step => None,
        }
    }
}

/// What one reported condition leads to, as `Outcome::finish` decides.
pub fn leads(r: &Reason) -> Option<Leads> {
    match (r.role, r.status) {
        (_, Status::Met) | (Role::Info, _) => None,
        (Role::Step, _) => Some(Leads::Step),
        (_, Status::Unknown) if !r.missing.is_empty() => Some(Leads::NeedsInfo),
        (Role::Scope, Status::NotMet) if r.firm() => Some(Leads::NotApplicable),
        (Role::Condition, Status::NotMet) if r.firm() => Some(Leads::NotEligible),
        _ => Some(Leads::CheckWithProvider),
    }
}

/// One condition of a service, as the sample found it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Condition {
    /// Text key `reason.<code>`.
    pub code: &'static str,
    pub role: Role,
    /// The facts it used, in interview order.
    pub facts: Vec<&'static str>,
    /// The provisions it cited (one in most cases), in the order first met.
    pub citations: Vec<&'static Provision>,
    /// What it led to when not met or not known, in order.
    pub leads: Vec<Leads>,
}

/// The conditions of one service, in the order the rules first reported them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ServiceMap {
    pub service: Service,
    pub conditions: Vec<Condition>,
}

/// How many answer sets are drawn per service.
pub const SAMPLES: usize = 6000;

/// The map of every service on `as_of`.
pub fn map(as_of: NaiveDate) -> Vec<ServiceMap> {
    Service::ALL.iter().map(|&s| map_service(s, as_of)).collect()
}

fn map_service(service: Service, as_of: NaiveDate) -> ServiceMap {
    let mut m = ServiceMap { service, conditions: Vec::new() };
    let mut rng = Rng(0x7e55_e12d ^ service as u64);
    for _ in 0..SAMPLES {
        let a = sample(service, as_of, &mut rng);
        for o in evaluate(&a, &Context { as_of }).outcomes {
            for r in &o.reasons {
                record(&mut m, r);
            }
        }
    }
    let order = |p: &str| all_fields().position(|f| f.path == p).unwrap_or(usize::MAX);
    for c in &mut m.conditions {
        c.facts.sort_by_key(|f| order(f));
        c.leads.sort();
    }
    m
}

fn record(m: &mut ServiceMap, r: &Reason) {
    let i = match m.conditions.iter().position(|c| c.code == r.code) {
        Some(i) => i,
        None => {
            m.conditions.push(Condition { code: r.code, role: r.role, facts: vec![], citations: vec![], leads: vec![] });
            m.conditions.len() - 1
        }
    };
    let c = &mut m.conditions[i];
    for f in r.facts.iter() {
        if !c.facts.contains(&f) {
            c.facts.push(f);
        }
    }
    if !c.citations.iter().any(|p| p.id == r.citation.id) {
        c.citations.push(r.citation);
    }
    if let Some(l) = leads(r) {
        if !c.leads.contains(&l) {
            c.leads.push(l);
        }
    }
}

/// A small seeded generator (xorshift64*): the same sample on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One answer set for `service`: each of its questions (the person's, its own, the application's)
/// answered with a chance of four in five, with a value drawn from its kind.
fn sample(service: Service, as_of: NaiveDate, rng: &mut Rng) -> Answers {
    let own = match service {
        Service::Phc => "phc.",
        Service::MedicalLicence => "licence.",
        Service::Trp => "trp.",
        Service::Registration => "registration.",
    };
    let mut a = Answers { services: Some(vec![service]), ..Default::default() };
    let days = |rng: &mut Rng, back: u64, ahead: u64| {
        let n = rng.below((back + ahead) as usize) as u64;
        if n < back {
            as_of.checked_sub_days(Days::new(back - n))
        } else {
            as_of.checked_add_days(Days::new(n - back))
        }
    };
    for f in all_fields().filter(|f| f.path.starts_with(own) || f.path.starts_with("person.") || f.path.starts_with("application.")) {
        if rng.below(5) == 0 {
            continue;
        }
        let v = match f.kind {
            FieldKind::Bool => Some(Value::Bool(rng.below(2) == 0)),
            FieldKind::Choice(o) => Some(Value::Text(o[rng.below(o.len())].to_string())),
            FieldKind::Many(o) => Some(Value::List(o.iter().filter(|_| rng.below(3) == 0).map(|s| s.to_string()).collect())),
            FieldKind::Int => Some(Value::Int([0, 1, 2, 3, 5, 8, 20, 2010, 2024][rng.below(9)])),
            FieldKind::Number => Some(Value::Number([0.0, 10.0, 30.0, 48.5, 100.0, 400.0][rng.below(6)])),
            FieldKind::Date if f.path == "person.date_of_birth" => days(rng, 100 * 365, 0).map(Value::Date),
            FieldKind::Date if f.path == "application.date" => Some(Value::Date(as_of)),
            FieldKind::Date => days(rng, 400, 400).map(Value::Date),
            FieldKind::Country => Some(Value::Text(["KAZ", "RUS", "KGZ", "CHN", "DEU", "UZB"][rng.below(6)].to_string())),
            FieldKind::Iin => Some(Value::Text("061211600012".to_string())),
            _ => None,
        };
        if let Some(v) = v {
            let _ = a.set(f.path, v);
        }
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every condition the texts name (`reason.<code>`) is reached by the sample, and every
    /// condition found has its text: the map is the whole rule set.
    #[test]
    fn the_sample_reaches_every_condition_the_texts_name() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).expect("a day");
        let found: Vec<&str> = map(day).iter().flat_map(|m| m.conditions.iter().map(|c| c.code)).collect();
        let named: Vec<String> =
            crate::text::language(crate::Lang::En).into_iter().filter_map(|(k, _)| k.strip_prefix("reason.").map(str::to_string)).collect();
        let missed: Vec<&String> = named.iter().filter(|k| !found.contains(&k.as_str())).collect();
        assert!(missed.is_empty(), "not reached by the sample: {missed:?}");
        assert!(found.iter().all(|c| named.iter().any(|k| k == c)), "a condition without its text");
    }
}
