//! Plain-text rendering of a report and the calendar, in the chosen language.

use std::fmt::Write;
use tekser_rules::answers::InputError;
use tekser_rules::calendar::{self, Why};
use tekser_rules::data::Provision;
use tekser_rules::report::{Outcome, Status, Verdict};
use tekser_rules::{text, Lang, Report};

/// The text of a key, or the key itself when it has none (the texts test keeps that from happening).
fn t(key: &str, lang: Lang) -> String {
    text(key, lang).map(str::to_string).unwrap_or_else(|| key.to_string())
}

/// The serde name of a unit enum value (`NotMet` → `not_met`).
fn name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

fn cite(p: &Provision, lang: Lang) -> String {
    let date = p.act.date.map(|d| format!(" {}", tekser_rules::text::dmy(d))).unwrap_or_default();
    let prov = if p.provenance == tekser_rules::data::Provenance::Source {
        String::new()
    } else {
        format!(" [{}]", t(&format!("provenance.{}", name(&p.provenance)), lang))
    };
    format!("{}{date}, {}{prov}", p.act.number, p.unit.get(lang))
}

/// `person.iin «IIN (12 digits)»: message`, with each language's quotation marks.
/// (`phc.categories[1]`, an item of a list, is shown as such and named by its question.)
pub fn on_question(path: &str, message: &str, lang: Lang) -> String {
    let q = t(&format!("question.{}", path.split('[').next().unwrap_or(path)), lang);
    format!("{path} {}", t("ui.problem_on", lang).replace("{q}", &q).replace("{e}", message))
}

/// A bad answer found by `Answers::validate`.
pub fn input_error(e: &InputError, lang: Lang) -> String {
    on_question(e.field, &e.kind.message(lang), lang)
}

/// The heading over the bad answers `validate` found.
pub fn bad_answers(n: usize, lang: Lang) -> String {
    t("input_error.bad_answers", lang).replace("{n}", &n.to_string())
}

pub fn report(r: &Report, lang: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}", t("ui.screening_notice", lang));
    let _ = writeln!(s, "{}: {}   {}: {} ({})\n", t("ui.as_of", lang), r.as_of, t("ui.edition", lang), r.edition.id, &r.edition.hash[..16]);
    for o in &r.outcomes {
        outcome(&mut s, o, lang);
    }
    s
}

fn outcome(s: &mut String, o: &Outcome, lang: Lang) {
    let _ = writeln!(s, "== {} ({})", t(&format!("service.{}", name(&o.service)), lang), t(&format!("case.{}", o.case), lang));
    let _ = writeln!(s, "   {}", t(&format!("verdict.{}", name(&o.verdict)), lang).to_uppercase());
    if !o.missing.is_empty() {
        let _ = writeln!(s, "-- {}", t("ui.missing", lang));
        for m in &o.missing {
            let _ = writeln!(s, "   ? {}", t(&format!("question.{m}"), lang));
        }
    }
    let _ = writeln!(s, "-- {}", t("ui.reasons", lang));
    let mut reasons: Vec<_> = o.reasons.iter().collect();
    reasons.sort_by_key(|r| match r.status {
        Status::NotMet => 0,
        Status::Unknown => 1,
        Status::Met => 2,
    });
    for r in reasons {
        let mark = match r.status {
            Status::Met => "[+]",
            Status::NotMet => "[-]",
            Status::Unknown => "[?]",
        };
        let _ = writeln!(s, "   {mark} {} — {}", t(&format!("reason.{}", r.code), lang), cite(r.citation, lang));
        if r.decides() && r.status == Status::NotMet && !r.firm() {
            let _ = writeln!(s, "       ! {}", t("basis.unconfirmed", lang));
        }
    }
    let refused = matches!(o.verdict, Verdict::NotEligible | Verdict::NotApplicable);
    let steps: Vec<_> = o.reasons.iter().filter(|r| r.to_do() && !refused).collect();
    if !steps.is_empty() {
        let _ = writeln!(s, "-- {}", t("ui.before_you_apply", lang));
        for (i, r) in steps.iter().enumerate() {
            let _ = writeln!(s, "   {}. {} — {}", i + 1, t(&format!("todo.{}", r.code), lang), cite(r.citation, lang));
        }
    }
    if !o.channels.is_empty() {
        let _ = writeln!(s, "-- {}", t("ui.channels", lang));
        for c in &o.channels {
            let na = if c.available { String::new() } else { format!(" ({})", t("ui.not_available", lang)) };
            let _ = writeln!(
                s,
                "   {}{na}: {} — {}",
                t(&format!("channel.{}", name(&c.channel)), lang),
                t(&format!("channel_why.{}", c.why), lang),
                cite(c.citation, lang)
            );
        }
    }
    if !o.documents.is_empty() {
        let _ = writeln!(s, "-- {}", t("ui.documents", lang));
        for d in &o.documents {
            let state = if d.from_state_systems { format!(" ({})", t("ui.from_state_systems", lang)) } else { String::new() };
            let _ = writeln!(
                s,
                "   [ ] {}{state} — {}; {}",
                t(&format!("doc.{}", d.code), lang),
                t(&format!("because.{}", d.because), lang),
                cite(d.citation, lang)
            );
        }
    }
    if let Some(f) = &o.fee {
        let amount = if f.free {
            t("ui.free", lang)
        } else {
            let tenge = f.tenge.map(|x| format!(" = {x} {}", t("ui.tenge", lang))).unwrap_or_default();
            format!("{} {}{tenge}", f.mci_multiple, t("ui.mci", lang))
        };
        let _ = writeln!(s, "-- {}: {amount} — {}", t("ui.fee", lang), cite(f.citation, lang));
    }
    if let Some(d) = &o.deadline {
        let _ =
            writeln!(s, "-- {}: {} {} — {}", t("ui.deadline", lang), d.working_days, t("ui.working_days", lang), cite(d.citation, lang));
        let _ = writeln!(s, "   {}: {}   {}: {}", t("ui.registered_on", lang), d.registered_on, t("ui.result_on", lang), d.result_on);
        let _ = writeln!(s, "   {}", t(&format!("convention.{}", d.convention), lang));
        for k in &d.skipped {
            let _ = writeln!(s, "   {} {}", k.date, why(&k.why, lang));
        }
    }
    if !o.timeline.is_empty() {
        let _ = writeln!(s, "-- {}", t("ui.timeline", lang));
        for m in &o.timeline {
            let term = match (m.working_days, m.calendar_days, m.hours) {
                (Some(n), _, _) => format!(" ({n} {})", t("ui.working_days", lang)),
                (_, Some(n), _) => format!(" ({n} {})", t("ui.calendar_days", lang)),
                (_, _, Some(n)) => format!(" ({n} {})", t("ui.hours", lang)),
                _ => String::new(),
            };
            let by = m.by.map(|d| format!(" → {d}")).unwrap_or_default();
            let _ = writeln!(s, "   {}{term}{by} — {}", t(&format!("milestone.{}", m.code), lang), cite(m.citation, lang));
        }
    }
    for (title, list, prefix) in
        [("ui.refusal_grounds", &o.refusal_grounds, "warning"), ("ui.appeal", &o.appeal, "appeal"), ("ui.notes", &o.notes, "note")]
    {
        if !list.is_empty() {
            let _ = writeln!(s, "-- {}", t(title, lang));
            for w in list {
                let _ = writeln!(s, "   ! {} — {}", t(&format!("{prefix}.{}", w.code), lang), cite(w.citation, lang));
            }
        }
    }
    if !o.limits.is_empty() {
        let _ = writeln!(s, "-- {}", t("ui.limits", lang));
        for l in &o.limits {
            let _ = writeln!(s, "   ~ {}", l.message(lang));
        }
    }
    let eds: Vec<String> = o
        .editions
        .iter()
        .map(|e| format!("{} ({})", e.number, e.edition_date.map(|d| d.to_string()).unwrap_or_else(|| "—".into())))
        .collect();
    let _ = writeln!(s, "   {}: {}", t("ui.acts_used", lang), eds.join("; "));
    if !o.mentioned.is_empty() {
        let m: Vec<&str> = o.mentioned.iter().map(|e| e.number).collect();
        let _ = writeln!(s, "   {}: {}", t("ui.acts_mentioned", lang), m.join("; "));
    }
    s.push('\n');
}

fn why(w: &Why, lang: Lang) -> String {
    match w {
        Why::Weekend => t("why.weekend", lang),
        Why::Holiday { key, .. } => format!("{}: {}", t("why.holiday", lang), t(&format!("holiday.{key}"), lang)),
        Why::HolidayMoved { key, from } => format!("{}: {} ({from})", t("why.holiday_moved", lang), t(&format!("holiday.{key}"), lang)),
        Why::TransferDayOff { instrument, working_day } => format!("{}: {instrument} (↔ {working_day})", t("why.transfer_day_off", lang)),
        Why::TransferWorkingDay { instrument, day_off } => format!("{}: {instrument} (↔ {day_off})", t("why.transfer_working_day", lang)),
    }
}

pub fn calendar(year: i32, lang: Lang) -> String {
    let mut s = String::new();
    if !calendar::year_published(year) {
        let _ = writeln!(s, "# {}", t("ui.calendar_outside_data", lang));
    }
    for d in calendar::special_days(year) {
        let weekday = t(&format!("weekday.{}", d.date.format("%a").to_string().to_lowercase()), lang);
        let _ = writeln!(s, "{} {weekday}  {}", d.date, why(&d.why, lang));
    }
    s
}
