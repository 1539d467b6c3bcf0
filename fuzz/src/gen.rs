//! Generating and mutating inputs: days, raw answers as typed, typed answers, answers files as
//! text, and URL fragments. Mostly plausible, often at an edge, sometimes wild.

use crate::rng::Rng;
use chrono::{Days, NaiveDate, NaiveTime};
use serde_json::{json, Value};
use tekser_rules::answers::bounds;
use tekser_rules::answers::set::Value as Answer;
use tekser_rules::answers::{all_fields, Field, FieldKind};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// Days where something changes: the bounds, the first values of the dated parameters, the ends
/// of what chrono represents.
fn edge_days() -> [NaiveDate; 14] {
    [
        NaiveDate::MIN,
        NaiveDate::MAX,
        ymd(0, 1, 1),
        ymd(1899, 12, 31),
        ymd(1900, 1, 1),
        ymd(1999, 12, 31),
        *bounds::AS_OF.start(),
        *bounds::AS_OF.end(),
        ymd(2101, 1, 1),
        ymd(2015, 12, 3),
        ymd(2020, 11, 12),
        ymd(2020, 11, 13),
        ymd(2025, 10, 31),
        ymd(9999, 12, 31),
    ]
}

/// A day in `from..=to`.
fn day_in(r: &mut Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let span = (to - from).num_days().max(0) as u64 + 1;
    from + Days::new(r.next() % span)
}

/// A day to evaluate on: mostly within the bounds the rules accept, sometimes wild (a library
/// caller may pass anything).
pub fn as_of(r: &mut Rng) -> NaiveDate {
    match r.below(10) {
        0..=3 => day_in(r, *bounds::AS_OF.start(), *bounds::AS_OF.end()),
        4..=7 => day_in(r, ymd(2019, 1, 1), ymd(2028, 12, 31)),
        8 => *r.pick(&edge_days()),
        _ => day_in(r, NaiveDate::MIN, NaiveDate::MAX),
    }
}

/// A date answer, relative to `day` or at an edge.
pub fn date(r: &mut Rng, day: NaiveDate) -> NaiveDate {
    match r.below(8) {
        0..=3 => day.checked_sub_days(Days::new(r.next() % 40_000)).unwrap_or(day),
        4 => day.checked_add_days(Days::new(r.next() % 800)).unwrap_or(day),
        5 => *r.pick(&edge_days()),
        6 => day_in(r, ymd(1890, 1, 1), ymd(2110, 12, 31)),
        _ => day_in(r, NaiveDate::MIN, NaiveDate::MAX),
    }
}

/// A typed answer of the field's kind (the way the app sets one).
pub fn answer(r: &mut Rng, f: &Field, day: NaiveDate) -> Answer {
    match f.kind {
        FieldKind::Bool => Answer::Bool(r.one_in(2)),
        FieldKind::Date => Answer::Date(date(r, day)),
        FieldKind::Time => Answer::Time(NaiveTime::from_hms_opt(r.below(24) as u32, r.below(60) as u32, 0).unwrap_or_default()),
        FieldKind::Int => {
            Answer::Int(*r.pick(&[0, 1, 2, 3, 4, 5, 6, 366, 367, 1899, 2014, 2015, 2016, 2026, 2_147_483_648, u32::MAX as i64, -1]))
        }
        FieldKind::Number => {
            Answer::Number(*r.pick(&[0.0, 1.0, 14.9, 15.0, 18.0, 45.0, 60.5, 300.0, 100_000.0, 100_001.0, -1.0, f64::NAN, f64::INFINITY]))
        }
        FieldKind::Choice(o) => Answer::Text(if r.one_in(20) { "martian".into() } else { r.pick(o).to_string() }),
        FieldKind::Many(o) => Answer::List(o.iter().filter(|_| r.one_in(3)).map(|x| x.to_string()).collect()),
        FieldKind::Country => {
            Answer::Text(r.pick(&["KAZ", "RUS", "UZB", "KGZ", "BLR", "ARM", "DEU", "CHN", "USA", "stateless", "xx", "Ru"]).to_string())
        }
        FieldKind::Iin | FieldKind::Bin => {
            Answer::Text(r.pick(&["061211600012", "990240003566", "061211600013", "000000000000", "12345", "0612 1160 0012"]).to_string())
        }
        FieldKind::Text => Answer::Text(r.pick(&["", "Астана", "a", "\u{0}", "x".repeat(300).as_str()]).to_string()),
    }
}

/// A random field the rules know.
pub fn field(r: &mut Rng) -> &'static Field {
    let all: Vec<&'static Field> = all_fields().collect();
    all[r.below(all.len())]
}

/// A raw answer as a person (or a URL) might give it to the field `f`.
pub fn raw(r: &mut Rng, f: &Field, day: NaiveDate) -> String {
    const TOKENS: &[&str] = &[
        "",
        "?",
        " ",
        "yes",
        "no",
        "true",
        "0",
        "-1",
        "+1",
        "007",
        "366",
        "367",
        "2147483647",
        "2147483648",
        "4294967295",
        "4294967296",
        "99999999999999999999",
        "1e309",
        "NaN",
        "inf",
        "-0",
        "0,5",
        "48,5",
        "48.5",
        "1.5e3",
        "1,2,3",
        "2026-02-29",
        "2024-02-29",
        "0000-01-01",
        "9999-12-31",
        "+262142-12-21",
        "-262143-01-01",
        "2026-1-9",
        "2026-01-09T10:00",
        "24:00",
        "23:59",
        "00:00",
        "12:60",
        "7:5",
        "17:20:00",
        "17:20:00:00",
        ",",
        ",,",
        "Қ",
        "%",
        "&",
        "=",
        "#",
        "\u{feff}",
        "\u{0}",
    ];
    let mut s = match (r.below(4), f.kind) {
        (0, FieldKind::Choice(o) | FieldKind::Many(o)) => {
            let n = 1 + r.below(3);
            (0..n).map(|_| r.pick(o).to_string()).collect::<Vec<_>>().join(",")
        }
        (1, FieldKind::Date) => date(r, day).to_string(),
        (1, FieldKind::Int) => (r.next() % 10_000_000_000).to_string(),
        _ => r.pick(TOKENS).to_string(),
    };
    if r.one_in(4) {
        mutate_text(r, &mut s);
    }
    s
}

/// One small change to a text: a character inserted, removed or repeated.
pub fn mutate_text(r: &mut Rng, s: &mut String) {
    const INSERT: &[&str] = &["0", "9", "-", ":", ",", ".", " ", "\"", "{", "}", "[", "]", "\\", "e", "Қ", "\u{feff}", "\u{0}", "%", "+"];
    let cuts: Vec<usize> = (0..=s.len()).filter(|i| s.is_char_boundary(*i)).collect();
    let at = *r.pick(&cuts);
    match r.below(3) {
        0 => {
            let piece: &str = INSERT[r.below(INSERT.len())];
            s.insert_str(at, piece)
        }
        1 => {
            let end = cuts.iter().copied().find(|i| *i > at).unwrap_or(at);
            s.replace_range(at..end, "");
        }
        _ => {
            let end = *r.pick(&cuts);
            let (a, b) = (at.min(end), at.max(end));
            let piece = s[a..b].to_string();
            s.insert_str(b, &piece);
        }
    }
}

/// A seed's answers with some fields changed, removed or set to values of another type.
pub fn mutate_json(r: &mut Rng, answers: &Value, day: NaiveDate) -> Value {
    let mut v = answers.clone();
    if !v.is_object() {
        v = json!({});
    }
    for _ in 0..r.below(6) {
        let f = field(r);
        let (section, name) = f.path.split_once('.').unwrap_or(("", f.path));
        let new = match r.below(10) {
            0 => Value::Null,
            1 => json!([]),
            2 => json!({}),
            3 => json!(r.next() as i64),
            4 => json!("martian"),
            5 => json!(date(r, day).to_string()),
            _ => answer_json(answer(r, f, day)),
        };
        if let Some(m) = v.as_object_mut() {
            let s = m.entry(section).or_insert_with(|| json!({}));
            if let Some(s) = s.as_object_mut() {
                if r.one_in(6) {
                    s.remove(name);
                } else {
                    s.insert(name.to_string(), new);
                }
            }
        }
    }
    if r.one_in(8) {
        let services = ["phc", "medical_licence", "trp", "registration", "tax"];
        let list: Vec<&str> = services.iter().copied().filter(|_| r.one_in(2)).collect();
        v["services"] = json!(list);
    }
    if r.one_in(30) {
        v = match r.below(4) {
            0 => json!([v]),
            1 => json!({ "person": [] }),
            2 => json!(r.next() as i64),
            _ => json!({ "extra": v }),
        };
    }
    v
}

/// The JSON of a typed answer, as an answers file writes it.
fn answer_json(a: Answer) -> Value {
    match a {
        Answer::Bool(b) => json!(b),
        Answer::Date(d) => json!(d.to_string()),
        Answer::Time(t) => json!(t.format("%H:%M").to_string()),
        Answer::Int(n) => json!(n),
        Answer::Number(n) => serde_json::Number::from_f64(n).map(Value::Number).unwrap_or(Value::Null),
        Answer::Text(t) => json!(t),
        Answer::List(l) => json!(l),
    }
}

/// An answers file as text: the JSON written out, sometimes with its bytes disturbed.
pub fn file_text(r: &mut Rng, v: &Value) -> String {
    let mut s = if r.one_in(2) { v.to_string() } else { serde_json::to_string_pretty(v).unwrap_or_default() };
    match r.below(12) {
        0 => s.insert(0, '\u{feff}'),
        1 => s.push_str("{}"),
        2 => s.push_str(" \n"),
        3..=5 => {
            for _ in 0..1 + r.below(3) {
                mutate_text(r, &mut s);
            }
        }
        _ => {}
    }
    s
}

/// A URL fragment of the app, with raw answers for random fields, sometimes disturbed.
pub fn fragment(r: &mut Rng, base: &str, day: NaiveDate) -> String {
    let mut s = base.to_string();
    for _ in 0..r.below(6) {
        let f = field(r);
        let v = raw(r, f, day);
        let enc: String =
            v.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect();
        s.push_str(&format!("&{}={}", f.path, if r.one_in(4) { v } else { enc }));
    }
    if r.one_in(4) {
        mutate_text(r, &mut s);
    }
    s
}
