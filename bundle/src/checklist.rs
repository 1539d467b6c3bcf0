//! The checklist of one service, as a PDF page and as plain HTML, from the same content: the
//! verdict, the steps to take first, the documents (each with the condition that required it and
//! its citation; those taken from state systems apart), the fee in tenge with its MCI basis, where
//! and how to apply as numbered steps, the expected result day with its month's calendar, the
//! screening notice with the rules edition code and hash, and, when a base URL is given, the QR
//! code of the results link with what it carries.

use crate::forms::{cite, code, t};
use crate::layout::Doc;
use chrono::{Datelike, NaiveDate};
use tekser_rules::report::{Edition, Outcome, Verdict};
use tekser_rules::Lang;

/// The QR code of the results link: made once per bundle, drawn on each checklist.
#[derive(Clone, Debug, PartialEq)]
pub struct Qr {
    /// Dark modules, row by row.
    pub dark: Vec<bool>,
    /// Modules per side.
    pub side: usize,
}

impl Qr {
    /// The code of `link` (error correction L: the link is long, and a print is read close up).
    pub fn new(link: &str) -> Option<Qr> {
        let q = qrcode::QrCode::with_error_correction_level(link.as_bytes(), qrcode::EcLevel::L).ok()?;
        Some(Qr { dark: q.to_colors().iter().map(|c| *c == qrcode::Color::Dark).collect(), side: q.width() })
    }
}

/// One line of the checklist's content.
#[derive(Clone, Debug, PartialEq)]
enum Line {
    Title(String),
    Heading(String),
    Para(String),
    Small(String),
    /// A numbered or bulleted item.
    Item(String, String),
    /// The month of the result day: weekday heads, weeks of (day, mark), the alternative text.
    Month([String; 7], Vec<[Option<(u32, u8)>; 7]>, String),
    /// The QR code's modules and side, with its caption.
    Qr(Vec<bool>, usize, String),
}

/// The checklist's content.
fn content(o: &Outcome, edition: &Edition, lang: Lang, qr: Option<&Qr>) -> Vec<Line> {
    let mut out = Vec::new();
    let service = t(&format!("service.{}", code(&o.service)), lang);
    let case = t(&format!("case.{}", o.case), lang);
    let title = if case == service || case.starts_with("case.") { service.clone() } else { format!("{service}: {case}") };
    out.push(Line::Title(format!("{} — {title}", t("ui.checklist_for", lang))));
    out.push(Line::Para(format!("{}: {}", t("bundle.checklist.verdict", lang), t(&format!("verdict.{}", code(&o.verdict)), lang))));
    let refused = matches!(o.verdict, Verdict::NotEligible | Verdict::NotApplicable);
    let todo: Vec<_> = o.reasons.iter().filter(|r| r.to_do() && !refused).collect();
    if !todo.is_empty() {
        out.push(Line::Heading(t("ui.before_you_apply", lang)));
        for (i, r) in todo.iter().enumerate() {
            out.push(Line::Item(format!("{}.", i + 1), format!("{} ({})", t(&format!("todo.{}", r.code), lang), cite(r.citation, lang))));
        }
    }
    let (state, bring): (Vec<_>, Vec<_>) = o.documents.iter().partition(|d| d.from_state_systems);
    for (heading, docs, mark) in [("bundle.checklist.bring", &bring, "□"), ("bundle.checklist.state", &state, "•")] {
        if docs.is_empty() {
            continue;
        }
        out.push(Line::Heading(t(heading, lang)));
        for d in docs.iter() {
            let why = format!("{}: {}", t("bundle.checklist.because", lang), t(&format!("because.{}", d.because), lang));
            out.push(Line::Item(mark.into(), format!("{}. {why} ({})", t(&format!("doc.{}", d.code), lang), cite(d.citation, lang))));
        }
    }
    if let Some(f) = &o.fee {
        out.push(Line::Heading(t("ui.fee", lang)));
        let amount = if f.free {
            t("ui.free", lang)
        } else {
            match (f.mci, f.tenge) {
                (Some(mci), Some(tenge)) => t("bundle.checklist.fee_basis", lang)
                    .replace("{n}", &number(f.mci_multiple))
                    .replace("{mci}", &thousands(mci.value))
                    .replace("{year}", &mci.from.year().to_string())
                    .replace("{tenge}", &thousands(tenge)),
                _ => t("bundle.checklist.fee_unknown", lang).replace("{n}", &number(f.mci_multiple)),
            }
        };
        out.push(Line::Para(format!("{amount} ({})", cite(f.citation, lang))));
    }
    let open: Vec<_> = o.channels.iter().filter(|c| c.available).collect();
    if !open.is_empty() {
        out.push(Line::Heading(t("bundle.checklist.steps", lang)));
        for (i, c) in open.iter().enumerate() {
            let text = format!(
                "{}: {} ({})",
                t(&format!("channel.{}", code(&c.channel)), lang),
                t(&format!("channel_why.{}", c.why), lang),
                cite(c.citation, lang)
            );
            out.push(Line::Item(format!("{}.", i + 1), text));
        }
        for (i, m) in o.timeline.iter().enumerate() {
            let by = m.by.map(|d| format!(" — {}", tekser_rules::text::dmy(d))).unwrap_or_default();
            out.push(Line::Item(format!("{}.", open.len() + i + 1), format!("{}{by}", t(&format!("milestone.{}", m.code), lang))));
        }
    }
    if let Some(dl) = &o.deadline {
        out.push(Line::Heading(t("bundle.checklist.result", lang)));
        let term = tekser_rules::text::count(dl.working_days.into(), "working_day", lang);
        out.push(Line::Para(format!(
            "{}: {} ({term}; {})",
            t("ui.result_on", lang),
            tekser_rules::text::dmy(dl.result_on),
            cite(dl.citation, lang)
        )));
        out.push(Line::Small(t(&format!("convention.{}", dl.convention), lang)));
        out.push(month(dl.result_on, &dl.skipped().iter().map(|k| k.date).collect::<Vec<_>>(), lang));
        out.push(Line::Small(t("bundle.checklist.calendar_key", lang)));
    }
    out.push(Line::Heading(t("ui.screening_notice", lang)));
    let hash: String = edition.hash.chars().take(16).collect();
    out.push(Line::Small(
        t("bundle.checklist.edition", lang).replace("{code}", &edition.code()).replace("{id}", edition.id).replace("{hash}", &hash),
    ));
    if let Some(q) = qr {
        out.push(Line::Qr(q.dark.clone(), q.side, t("bundle.checklist.qr", lang)));
    }
    out
}

/// The month of `day` with the non-working days marked (1) and `day` itself (2).
fn month(day: NaiveDate, skipped: &[NaiveDate], lang: Lang) -> Line {
    let heads = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map(|w| t(&format!("weekday.{w}"), lang));
    let first = day.with_day(1).unwrap_or(day);
    let mut weeks = Vec::new();
    let mut week = [None; 7];
    let mut d = first;
    while d.month() == day.month() {
        let col = d.weekday().num_days_from_monday() as usize;
        let mark = if d == day {
            2
        } else if skipped.contains(&d) || !tekser_rules::calendar::is_working_day(d) {
            1
        } else {
            0
        };
        week[col] = Some((d.day(), mark));
        if col == 6 {
            weeks.push(std::mem::take(&mut week));
        }
        match d.succ_opt() {
            Some(n) => d = n,
            None => break,
        }
    }
    if week.iter().any(Option::is_some) {
        weeks.push(week);
    }
    let name = t(&format!("month_standalone.{}", day.month()), lang);
    let alt = t("bundle.checklist.calendar_alt", lang)
        .replace("{month}", &format!("{name} {}", day.year()))
        .replace("{day}", &tekser_rules::text::dmy(day));
    Line::Month(heads, weeks, alt)
}

/// "3.5" or "5": an MCI multiple as written in the law.
fn number(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x}")
    }
}

/// "12 345": tenge with a thin group space.
fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// The side of a module in points: the code (with its quiet zone) about 5 cm wide, and a module
/// never under 1.2 pt (0.4 mm), which a phone's camera reads from a print.
fn qr_module(side: usize) -> f32 {
    (140.0 / (side as f32 + 8.0)).max(1.2)
}

/// The checklist as a PDF page.
pub fn pdf(o: &Outcome, edition: &Edition, lang: Lang, qr: Option<&Qr>, as_of: NaiveDate) -> Result<Vec<u8>, String> {
    let lines = content(o, edition, lang, qr);
    let title = match lines.first() {
        Some(Line::Title(s)) => s.clone(),
        _ => String::new(),
    };
    let mut d = Doc::new(&title, lang.code(), as_of);
    for l in lines {
        match l {
            Line::Title(s) => d.heading(1, &s),
            Line::Heading(s) => d.heading(2, &s),
            Line::Para(s) => d.para(&s),
            Line::Small(s) => d.small(&s),
            Line::Item(m, s) => d.item(&m, &s),
            Line::Month(h, w, alt) => d.month(&h, &w, &alt),
            Line::Qr(dark, side, caption) => {
                d.qr(&dark, side, qr_module(side), &caption);
                d.small(&caption);
            }
        }
    }
    d.finish()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The checklist as a plain HTML page (the QR code drawn as an SVG of squares).
pub fn html(o: &Outcome, edition: &Edition, lang: Lang, qr: Option<&Qr>) -> String {
    let lines = content(o, edition, lang, qr);
    let title = match lines.first() {
        Some(Line::Title(s)) => s.clone(),
        _ => String::new(),
    };
    let mut h = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>body{{font-family:sans-serif;max-width:42em;margin:2em auto;padding:0 1em;line-height:1.4}}small{{color:#444}}td{{width:2.2em;height:2em;text-align:center}}td.off{{background:#ddd}}td.due{{background:#999;font-weight:bold}}</style>\n</head>\n<body>\n",
        lang.code(),
        esc(&title)
    );
    let mut list: Option<&str> = None;
    let close = |h: &mut String, list: &mut Option<&str>| {
        if let Some(tag) = list.take() {
            h.push_str(&format!("</{tag}>\n"));
        }
    };
    for l in &lines {
        let numbered = matches!(l, Line::Item(m, _) if m.ends_with('.'));
        let want = match l {
            Line::Item(..) if numbered => Some("ol"),
            Line::Item(..) => Some("ul"),
            _ => None,
        };
        if list != want {
            close(&mut h, &mut list);
            if let Some(tag) = want {
                h.push_str(&format!("<{tag}>\n"));
                list = Some(tag);
            }
        }
        match l {
            Line::Title(s) => h.push_str(&format!("<h1>{}</h1>\n", esc(s))),
            Line::Heading(s) => h.push_str(&format!("<h2>{}</h2>\n", esc(s))),
            Line::Para(s) => h.push_str(&format!("<p>{}</p>\n", esc(s))),
            Line::Small(s) => h.push_str(&format!("<p><small>{}</small></p>\n", esc(s))),
            Line::Item(_, s) => h.push_str(&format!("<li>{}</li>\n", esc(s))),
            Line::Month(heads, weeks, alt) => {
                h.push_str(&format!("<table aria-label=\"{}\">\n<tr>", esc(alt)));
                for hd in heads {
                    h.push_str(&format!("<th>{}</th>", esc(hd)));
                }
                h.push_str("</tr>\n");
                for w in weeks {
                    h.push_str("<tr>");
                    for c in w {
                        match c {
                            Some((d, 2)) => h.push_str(&format!("<td class=\"due\">{d}</td>")),
                            Some((d, 1)) => h.push_str(&format!("<td class=\"off\">{d}</td>")),
                            Some((d, _)) => h.push_str(&format!("<td>{d}</td>")),
                            None => h.push_str("<td></td>"),
                        }
                    }
                    h.push_str("</tr>\n");
                }
                h.push_str("</table>\n");
            }
            Line::Qr(dark, side, caption) => {
                let n = side + 8;
                h.push_str(&format!(
                    "<figure><svg role=\"img\" aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {n} {n}\" width=\"{}\" height=\"{}\"><rect width=\"{n}\" height=\"{n}\" fill=\"#fff\"/><path fill=\"#000\" d=\"",
                    esc(caption),
                    n * 4,
                    n * 4
                ));
                for (x, y, len) in crate::layout::runs(dark, *side) {
                    h.push_str(&format!("M{} {}h{len}v1h-{len}z", x + 4, y + 4));
                }
                h.push_str(&format!("\"/></svg><figcaption>{}</figcaption></figure>\n", esc(caption)));
            }
        }
    }
    close(&mut h, &mut list);
    h.push_str("</body>\n</html>\n");
    h
}
