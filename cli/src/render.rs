//! Plain-text rendering of a report and the calendar, in the chosen language.

use std::fmt::Write;
use tekser_rules::calendar;
use tekser_rules::data::Provision;
use tekser_rules::report::{Outcome, Status, Verdict};
use tekser_rules::{Lang, Report};

/// The text of a key; a key without one shows as itself and is recorded (`text::take_missing`),
/// which the rendering test reads.
fn t(key: &str, lang: Lang) -> String {
    tekser_rules::text::word(key, lang)
}

/// "5 рабочих дней": a count with its noun in the form the number takes.
fn count(n: u32, noun: &str, lang: Lang) -> String {
    tekser_rules::text::count(n.into(), noun, lang)
}

/// The serde name of a unit enum value (`NotMet` → `not_met`).
fn name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

fn cite(p: &Provision, lang: Lang) -> String {
    let prov = if p.provenance == tekser_rules::data::Provenance::Source {
        String::new()
    } else {
        format!(" [{}]", t(&format!("provenance.{}", name(&p.provenance)), lang))
    };
    format!("{}, {}{prov}", tekser_rules::text::source_label(p.act, lang), p.unit.get(lang))
}

// The words for bad input are shared with the JavaScript library (`tekser_rules::input`).
pub use tekser_rules::input::{bad_answers, input_error};

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
    let (service, case) = (t(&format!("service.{}", name(&o.service)), lang), t(&format!("case.{}", o.case), lang));
    // A case worded like the service (a service with one case) is not repeated in brackets.
    let case = if case == service { String::new() } else { format!(" ({case})") };
    let _ = writeln!(s, "== {service}{case}");
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
        let _ = writeln!(s, "-- {}: {} — {}", t("ui.deadline", lang), count(d.working_days, "working_day", lang), cite(d.citation, lang));
        let _ = writeln!(s, "   {}: {}   {}: {}", t("ui.registered_on", lang), d.registered_on, t("ui.result_on", lang), d.result_on);
        let _ = writeln!(s, "   {}", t(&format!("convention.{}", d.convention), lang));
        for k in &d.skipped() {
            let _ = writeln!(s, "   {} {}", k.date, k.why.words(lang));
        }
    }
    if !o.timeline.is_empty() {
        let _ = writeln!(s, "-- {}", t("ui.timeline", lang));
        for m in &o.timeline {
            let term = match (m.working_days, m.calendar_days, m.hours) {
                (Some(n), _, _) => format!(" ({})", count(n, "working_day", lang)),
                (_, Some(n), _) => format!(" ({})", count(n, "calendar_day", lang)),
                (_, _, Some(n)) => format!(" ({})", count(n, "hour", lang)),
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
        .editions()
        .iter()
        .map(|e| {
            let name = tekser_rules::text::act(e.act).map_or(e.number, |a| tekser_rules::text::source_name(a, lang));
            format!("{name} ({})", e.edition_date.map(tekser_rules::text::dmy).unwrap_or_else(|| "—".into()))
        })
        .collect();
    let _ = writeln!(s, "   {}: {}", t("ui.acts_used", lang), eds.join("; "));
    let mentioned = o.mentioned();
    if !mentioned.is_empty() {
        let m: Vec<String> = (mentioned.iter())
            .map(|e| tekser_rules::text::act(e.act).map_or(e.number, |a| tekser_rules::text::source_name(a, lang)).to_string())
            .collect();
        let _ = writeln!(s, "   {}: {}", t("ui.acts_mentioned", lang), m.join("; "));
    }
    s.push('\n');
}

/// What changes between two days of application, by service: each difference and its provision.
pub fn diff(d: &tekser_rules::changes::Diff, lang: Lang) -> String {
    use tekser_rules::changes::{FeeTerms, What};
    let dmy = |x| tekser_rules::text::dmy(x);
    let mut s = String::new();
    let _ = writeln!(s, "{}", t("change.title", lang).replace("{from}", &dmy(d.from)).replace("{to}", &dmy(d.to)));
    if d.changes.is_empty() {
        let _ = writeln!(s, "   {}", t("change.none", lang));
    }
    let status = |x: &Option<Status>| match x {
        Some(st) => t(&format!("status.{}", name(st)), lang),
        None => t("change.not_checked", lang),
    };
    let fee = |f: &FeeTerms| {
        if f.free {
            t("change.free", lang)
        } else {
            let tenge = f.tenge.map(|x| format!(" = {x} {}", t("ui.tenge", lang))).unwrap_or_default();
            format!("{} {}{tenge}", f.mci_multiple, t("ui.mci", lang))
        }
    };
    let pair = |key: &str, from: String, to: String| t(key, lang).replace("{from}", &from).replace("{to}", &to);
    let mut last = None;
    for c in &d.changes {
        if last != Some(c.service) {
            let _ = writeln!(s, "== {}", t(&format!("service.{}", name(&c.service)), lang));
            last = Some(c.service);
        }
        let line = match &c.what {
            What::Verdict { from, to } => {
                pair("change.verdict", t(&format!("verdict.{}", name(from)), lang), t(&format!("verdict.{}", name(to)), lang))
            }
            What::Condition { code, from, to } => {
                pair("change.condition", status(from), status(to)).replace("{reason}", &t(&format!("reason.{code}"), lang))
            }
            What::DocumentAdded { code } => t("change.document_added", lang).replace("{doc}", &t(&format!("doc.{code}"), lang)),
            What::DocumentDropped { code } => t("change.document_dropped", lang).replace("{doc}", &t(&format!("doc.{code}"), lang)),
            What::ChannelOpens { channel } => {
                t("change.channel_opens", lang).replace("{channel}", &t(&format!("channel.{}", name(channel)), lang))
            }
            What::ChannelCloses { channel } => {
                t("change.channel_closes", lang).replace("{channel}", &t(&format!("channel.{}", name(channel)), lang))
            }
            What::Fee { from, to } => pair("change.fee", fee(from), fee(to)),
            What::Term { from, to } => pair("change.term", count(*from, "working_day", lang), count(*to, "working_day", lang)),
        };
        let _ = writeln!(s, "   {line} — {}", cite(c.citation, lang));
    }
    if !d.unknown.is_empty() {
        let _ = writeln!(s, "-- {}", t("change.unknown", lang));
        for (service, l) in &d.unknown {
            let _ = writeln!(s, "   {}: {}", t(&format!("service.{}", name(service)), lang), l.message(lang));
        }
    }
    s
}

/// "You would be able to apply if …", by service.
pub fn whatif(found: &[tekser_rules::whatif::WhatIf], lang: Lang) -> String {
    let mut s = String::new();
    for w in found {
        let _ = writeln!(s, "== {}", t(&format!("service.{}", name(&w.service)), lang));
        let _ = writeln!(s, "   {}", t(&format!("verdict.{}", name(&w.verdict)), lang).to_uppercase());
        if !w.fixed.is_empty() {
            let _ = writeln!(s, "-- {}", t("whatif.fixed", lang));
            for (code, p) in &w.fixed {
                let _ = writeln!(s, "   {} — {}", t(&format!("reason.{code}"), lang), cite(p, lang));
            }
        }
        if !w.suggestions.is_empty() {
            let _ = writeln!(s, "-- {}", t("whatif.if", lang));
            for sug in &w.suggestions {
                let changes: Vec<String> = sug.changes.iter().map(|c| change(c, lang)).collect();
                let _ = writeln!(s, "   * {}", changes.join(&format!(" {} ", t("whatif.and", lang))));
                for (code, p) in &sug.satisfies {
                    let _ = writeln!(s, "     {}: {} — {}", t("whatif.satisfies", lang), t(&format!("reason.{code}"), lang), cite(p, lang));
                }
            }
        } else if w.verdict != Verdict::NeedsInfo {
            let _ = writeln!(s, "-- {}", t("whatif.none", lang));
        }
        for settle in &w.settle {
            let _ = writeln!(s, "-- {} {}", t("whatif.settle", lang), t(&format!("question.{}", settle.field), lang));
            for (c, v) in &settle.answers {
                let _ = writeln!(s, "   {} → {}", answer(c, lang), t(&format!("verdict.{}", name(v)), lang));
            }
        }
    }
    s
}

/// A changed answer as the question and its new answer.
fn change(c: &tekser_rules::whatif::Change, lang: Lang) -> String {
    format!("{} — {}", t(&format!("question.{}", c.field), lang).trim_end_matches('?'), answer(c, lang))
}

/// The new answer in words, numbers and days written plainly.
fn answer(c: &tekser_rules::whatif::Change, lang: Lang) -> String {
    c.words(lang, |x| format!("{x}"), tekser_rules::text::dmy)
}

/// The best moment to apply, by service.
pub fn timing(found: &[tekser_rules::timing::Timing], lang: Lang) -> String {
    use tekser_rules::timing::Moment;
    let dmy = |d| tekser_rules::text::dmy(d);
    let when = |m: &Moment| {
        let time = format!("{:02}:{:02}", m.closes / 60, m.closes % 60);
        t(&format!("timing.when.{}", name(&m.when)), lang).replace("{time}", &time).replace("{date}", &dmy(m.day))
    };
    let channel = |c| t(&format!("channel.{}", name(&c)), lang);
    let fill = |key: &str, m: &Moment| {
        t(key, lang).replace("{when}", &when(m)).replace("{channel}", &channel(m.channel)).replace("{result}", &dmy(m.result_on))
    };
    let mut s = String::new();
    for x in found {
        let _ = writeln!(s, "== {}", t(&format!("service.{}", name(&x.service)), lang));
        if !x.verdict.may_apply() && x.opens_on.is_none() {
            let _ = writeln!(s, "   {}", t(&format!("verdict.{}", name(&x.verdict)), lang));
        }
        if let Some(d) = x.opens_on {
            let _ = writeln!(s, "   {}", t("timing.opens", lang).replace("{date}", &dmy(d)));
        }
        if let Some(e) = &x.earliest {
            let _ = writeln!(s, "   {} — {}", fill("timing.best", e), cite(e.citation, lang));
            for m in &x.moments {
                let _ = writeln!(s, "   - {}", fill("timing.row", m));
            }
        } else if x.opens_on.is_none() && x.verdict.may_apply() {
            let _ = writeln!(s, "   {}", t("timing.no_term", lang));
        }
        for (c, last, p) in &x.closing {
            let _ = writeln!(
                s,
                "   ! {} — {}",
                t("timing.closing", lang).replace("{channel}", &channel(*c)).replace("{date}", &dmy(*last)),
                cite(p, lang)
            );
        }
    }
    s
}

/// The map of every rule as Markdown: per service, a table of its conditions.
pub fn rules_md(maps: &[tekser_rules::map::ServiceMap], day: chrono::NaiveDate, lang: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", t("map.title", lang));
    let _ = writeln!(s, "{}\n", t("map.intro", lang).replace("{date}", &tekser_rules::text::dmy(day)));
    let _ = writeln!(s, "<!-- tekser rules --as-of {day} --lang {} --format md -->\n", lang.code());
    for m in maps {
        let _ = writeln!(s, "## {}\n", t(&format!("service.{}", name(&m.service)), lang));
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} |",
            t("map.condition", lang),
            t("map.facts", lang),
            t("map.provision", lang),
            t("map.leads", lang)
        );
        let _ = writeln!(s, "|---|---|---|---|");
        for c in &m.conditions {
            let facts: Vec<String> = c.facts.iter().map(|f| format!("`{f}`")).collect();
            let cites: Vec<String> = c.citations.iter().map(|p| cite(p, lang)).collect();
            let leads: Vec<String> = c.leads.iter().map(|l| leads_word(*l, lang)).collect();
            let text = t(&format!("reason.{}", c.code), lang).replace('|', "\\|");
            let _ = writeln!(s, "| {text} (`{}`) | {} | {} | {} |", c.code, facts.join(", "), cites.join("; "), leads.join(", "));
        }
        s.push('\n');
    }
    s
}

/// The style sheet of the map's pages (`map.css` beside them): their policy allows styles from the
/// site only, never inline.
pub const RULES_CSS: &str = "body{font:1rem/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#0b0c0c}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #b1b4b6;padding:.4rem;text-align:left;vertical-align:top}
th{background:#f3f2f1}ul{margin:0;padding-left:1.2rem}caption{text-align:left;font-weight:bold;padding:.4rem 0}
@media (max-width:40rem){table,thead,tbody,tr,th,td{display:block}thead{position:absolute;left:-9999px}td{border:0;padding:.2rem 0}
tr{border-top:1px solid #b1b4b6;padding:.6rem 0}td::before{content:attr(data-label) \": \";font-weight:bold}}
";

/// One service's map as a page for people (`tekser rules --format html`): each condition in plain
/// words, the questions whose answers it reads, the provisions it rests on and what follows when it
/// is not met. A table that reads as a list on a narrow screen; no code, field name or script; its
/// own Content-Security-Policy (styles from the site only).
pub fn rules_html(m: &tekser_rules::map::ServiceMap, day: chrono::NaiveDate, lang: Lang) -> String {
    let e = |x: &str| x.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    let service = t(&format!("service.{}", name(&m.service)), lang);
    let heads = [t("map.condition", lang), t("map.questions", lang), t("map.provision", lang), t("map.leads", lang)];
    let mut rows = String::new();
    for c in &m.conditions {
        let list = |items: Vec<String>| {
            let mut seen: Vec<String> = Vec::new();
            for i in items {
                if !seen.contains(&i) {
                    seen.push(i);
                }
            }
            let li: String = seen.iter().map(|i| format!("<li>{}</li>", e(i))).collect();
            format!("<ul>{li}</ul>")
        };
        let facts = list(
            c.facts
                .iter()
                .map(|f| tekser_rules::text::text(&format!("question.{f}"), lang).map_or_else(|| t("map.other_fact", lang), str::to_string))
                .collect(),
        );
        let cites = list(c.citations.iter().map(|p| cite(p, lang)).collect());
        let leads = list(c.leads.iter().map(|l| leads_word(*l, lang)).collect());
        let cells = [e(&t(&format!("reason.{}", c.code), lang)), facts, cites, leads];
        rows.push_str("<tr>");
        for (h, cell) in heads.iter().zip(cells) {
            let _ = write!(rows, "<td data-label=\"{}\">{cell}</td>", e(h));
        }
        rows.push_str("</tr>\n");
    }
    let th: String = heads.iter().map(|h| format!("<th scope=\"col\">{}</th>", e(h))).collect();
    format!(
        "<!doctype html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title} — {service}</title>\n\
         <link rel=\"stylesheet\" href=\"map.css\">\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n<p><strong>{service}</strong></p>\n<p>{intro}</p>\n\
         <table>\n<caption>{caption}</caption>\n<thead><tr>{th}</tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n</main>\n</body>\n</html>\n",
        code = lang.code(),
        title = e(&t("map.service_title", lang)),
        service = e(&service),
        intro = e(&t("map.service_intro", lang).replace("{date}", &tekser_rules::text::dmy(day))),
        caption = e(&t("map.caption", lang).replace("{n}", &m.conditions.len().to_string())),
    )
}

fn leads_word(l: tekser_rules::map::Leads, lang: Lang) -> String {
    match l.verdict() {
        Some(v) => t(&format!("verdict.{}", name(&v)), lang),
        None => t("map.step", lang),
    }
}

/// One service's map as a Graphviz graph: facts → conditions → what they lead to. Its `comment`
/// is a hash of the rest, which Graphviz copies into the SVG: a rendering made from another graph
/// shows it (docs test).
pub fn rules_dot(m: &tekser_rules::map::ServiceMap, day: chrono::NaiveDate, lang: Lang) -> String {
    let q = |x: &str| x.replace('\\', "\\\\").replace('"', "\\\"");
    let mut body = String::new();
    let _ = writeln!(body, "  label=\"{} ({})\";", q(&t(&format!("service.{}", name(&m.service)), lang)), tekser_rules::text::dmy(day));
    let _ = writeln!(body, "  rankdir=LR; node [fontname=\"DejaVu Sans\", fontsize=10];");
    let mut facts: Vec<&str> = m.conditions.iter().flat_map(|c| c.facts.iter().copied()).collect();
    facts.sort();
    facts.dedup();
    for f in &facts {
        let _ = writeln!(body, "  \"{f}\" [shape=ellipse];");
    }
    for c in &m.conditions {
        let cited: Vec<String> = c.citations.iter().map(|p| p.id.to_string()).collect();
        let _ = writeln!(body, "  \"{}\" [shape=box, label=\"{}\\n{}\"];", c.code, c.code, q(&cited.join(", ")));
        for f in &c.facts {
            let _ = writeln!(body, "  \"{f}\" -> \"{}\";", c.code);
        }
        for l in &c.leads {
            let _ = writeln!(body, "  \"{}\" -> \"{}\";", c.code, q(&leads_word(*l, lang)));
        }
    }
    let mut leads: Vec<tekser_rules::map::Leads> = m.conditions.iter().flat_map(|c| c.leads.iter().copied()).collect();
    leads.sort();
    leads.dedup();
    for l in leads {
        let _ = writeln!(body, "  \"{}\" [shape=diamond];", q(&leads_word(l, lang)));
    }
    format!("digraph \"{}\" {{\n  comment=\"tekser-rules-map {:016x}\";\n{body}}}\n", name(&m.service), fnv1a(&body))
}

/// FNV-1a, 64 bits: a stable hash of a graph's text.
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

pub fn calendar(year: i32, lang: Lang) -> String {
    let mut s = String::new();
    if !calendar::year_published(year) {
        let _ = writeln!(s, "# {}", t("ui.calendar_outside_data", lang));
    }
    for d in calendar::special_days(year) {
        let weekday = t(&format!("weekday.{}", d.date.format("%a").to_string().to_lowercase()), lang);
        let _ = writeln!(s, "{} {weekday}  {}", d.date, d.why.words(lang));
    }
    s
}

#[cfg(test)]
#[path = "../../tests/support/cases.rs"]
mod support;

/// Every scenario and every example, rendered in kk, ru and en: what a person reads holds no text
/// key, no `{placeholder}`, no English words in kk or ru beyond proper names, no date twice in a
/// line and no heading that repeats itself.
#[cfg(test)]
mod tests {
    use super::*;
    use tekser_rules::{evaluate, Context};

    use super::support::cases;

    /// Every date of a line, as (year, month, day), from "2026-03-20" and "20.03.2026" alike.
    fn dates(line: &str) -> Vec<(u32, u32, u32)> {
        let b = line.as_bytes();
        let num = |i: usize, n: usize| -> Option<u32> {
            let s = line.get(i..i + n)?;
            s.bytes().all(|c| c.is_ascii_digit()).then(|| s.parse().ok()).flatten()
        };
        let mut out = Vec::new();
        for i in 0..b.len() {
            if i > 0 && b[i - 1].is_ascii_digit() {
                continue;
            }
            if let (Some(y), Some(b'-'), Some(m), Some(b'-'), Some(d)) =
                (num(i, 4), b.get(i + 4), num(i + 5, 2), b.get(i + 7), num(i + 8, 2))
            {
                out.push((y, m, d));
            }
            if let (Some(d), Some(b'.'), Some(m), Some(b'.'), Some(y)) =
                (num(i, 2), b.get(i + 2), num(i + 3, 2), b.get(i + 5), num(i + 6, 4))
            {
                out.push((y, m, d));
            }
        }
        out
    }

    #[test]
    fn every_scenario_reads_without_keys_english_or_repeats() {
        let mut problems = std::collections::BTreeSet::new();
        tekser_rules::text::take_missing();
        for (name, answers, as_of) in cases() {
            let report = evaluate(&answers, &Context { as_of });
            for lang in Lang::ALL {
                let out = super::report(&report, lang);
                for k in tekser_rules::text::take_missing() {
                    problems.insert(format!("missing text {k} ({name})"));
                }
                for p in tekser_rules::text::unreadable(&out, lang) {
                    problems.insert(format!("{p} ({name})"));
                }
                for line in out.lines() {
                    // One date per item: a citation or an act names its date once.
                    for item in line.split([';', '—']).flat_map(|x| x.split("   ")) {
                        let d = dates(item);
                        if (1..d.len()).any(|i| d[..i].contains(&d[i])) {
                            problems.insert(format!("a date twice in {lang:?}: {item} ({name})"));
                        }
                    }
                    if let Some(h) = line.strip_prefix("== ") {
                        if let Some((service, case)) = h.split_once(" (") {
                            if case.trim_end_matches(')') == service || case.starts_with(service) {
                                problems.insert(format!("a heading repeats itself: {line}"));
                            }
                        }
                    }
                }
            }
        }
        let list: Vec<String> = problems.into_iter().collect();
        assert!(list.is_empty(), "{} problems:\n{}", list.len(), list.join("\n"));
    }

    #[test]
    fn the_test_sees_a_missing_key() {
        tekser_rules::text::take_missing();
        assert_eq!(t("reason.no_such_key", Lang::Ru), "reason.no_such_key");
        assert_eq!(tekser_rules::text::take_missing(), vec!["reason.no_such_key".to_string()]);
        assert_eq!(tekser_rules::text::latin_words("egov.kz порталы, research notes §4"), vec!["egov.kz", "research", "notes"]);
        let found = tekser_rules::text::unreadable("ЭЦП (reason.x) {name} 477-IV egov.kz", Lang::Ru).join("; ");
        assert_eq!(found, "a text key: reason.x; English in Ru: reason.x; English in Ru: name; a placeholder: {name}");
        assert_eq!(dates("zakon.kz, 2025-12-23 23.12.2025").len(), 2);
    }
}
