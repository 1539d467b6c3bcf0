//! The data files: parameters, provisions quoted from the sources, the edition hash.

use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use tekser_rules::data::{Gap, Provenance, ACTS, CALENDAR_COVERAGE, KURBAN_AIT, PARAMS, PARAM_MCI, PROVISIONS};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn mci_history_with_the_changes_inside_2020_and_2022() {
    let v = |day, purpose| PARAM_MCI.on(day, purpose).map(|x| x.value);
    assert_eq!(v(d(2020, 3, 31), "fees"), Ok(2651));
    assert_eq!(v(d(2020, 4, 1), "fees"), Ok(2778));
    assert_eq!(v(d(2022, 3, 31), "benefits"), Ok(3063));
    assert_eq!(v(d(2022, 4, 1), "benefits"), Ok(3180));
    assert_eq!(v(d(2022, 4, 1), "fees"), Ok(3063), "fees kept 3 063 in 2022 (MinFin)");
    assert_eq!(v(d(2025, 12, 31), "fees"), Ok(3932));
    assert_eq!(v(d(2026, 1, 1), "fees"), Ok(4325));
    assert_eq!(v(d(2027, 1, 1), "fees"), Err(Gap::AfterData), "the 2027 MCI is not set");
    assert_eq!(v(d(2019, 12, 31), "fees"), Err(Gap::BeforeData));
}

#[test]
fn every_parameter_value_has_a_source_and_a_start_within_its_known_period() {
    use tekser_rules::data::ParamRef;
    for (name, p) in PARAMS {
        let (sources, froms, known_until): (Vec<&str>, Vec<NaiveDate>, Option<NaiveDate>) = match p {
            ParamRef::Int(p) => (p.values.iter().map(|v| v.source).collect(), p.values.iter().map(|v| v.from).collect(), p.known_until),
            ParamRef::Date(p) => (p.values.iter().map(|v| v.source).collect(), p.values.iter().map(|v| v.from).collect(), p.known_until),
            ParamRef::Codes(p) => (p.values.iter().map(|v| v.source).collect(), p.values.iter().map(|v| v.from).collect(), p.known_until),
            ParamRef::Hours(p) => (p.values.iter().map(|v| v.source).collect(), p.values.iter().map(|v| v.from).collect(), p.known_until),
            ParamRef::Window(p) => (p.values.iter().map(|v| v.source).collect(), p.values.iter().map(|v| v.from).collect(), p.known_until),
        };
        assert!(!froms.is_empty(), "{name}: no values");
        assert!(sources.iter().all(|s| !s.trim().is_empty()), "{name}: a value without a source");
        if let Some(k) = known_until {
            assert!(froms.iter().all(|f| *f <= k), "{name}: a value starts after known_until");
        }
    }
}

#[test]
fn every_calendar_year_covered_has_its_kurban_ait_date() {
    for year in CALENDAR_COVERAGE.first_year..=CALENDAR_COVERAGE.last_year {
        assert!(KURBAN_AIT.iter().any(|k| k.year == year), "no Kurban Ait date for {year}");
    }
}

fn shared_sources() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/sources")
}

fn normalise(s: &str) -> String {
    s.replace(['«', '»', '“', '”', '"'], "\"").replace('’', "'").split_whitespace().collect::<Vec<_>>().join(" ")
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect()
}

/// Whether every word of `part` stands within one stretch of `text` a little longer than `part`.
/// The Kazakh texts were extracted from PDF with some words moved to the end of a line
/// (translation notes); a quote may restore their order, but not add a word.
fn words_stand_together(text: &[String], part: &str) -> bool {
    let q = words(part);
    if q.is_empty() {
        return true;
    }
    let span = q.len() + q.len() / 4 + 5;
    let mut want: std::collections::BTreeMap<&str, i32> = std::collections::BTreeMap::new();
    for w in &q {
        *want.entry(w.as_str()).or_default() += 1;
    }
    text.windows(span.min(text.len())).any(|win| {
        let mut need = want.clone();
        for w in win {
            if let Some(n) = need.get_mut(w.as_str()) {
                *n -= 1;
            }
        }
        need.values().all(|n| *n <= 0)
    })
}

/// A provision whose provenance is `source` quotes words that stand in that source file (parts
/// separated by "…" are checked one by one): verbatim, or for a PDF-extracted text with its
/// displaced words put back, the same words within one stretch of the text.
#[test]
fn source_quotes_stand_in_the_source_texts() {
    let dir = shared_sources();
    assert!(dir.is_dir(), "the sources are expected beside the repository at {}", dir.display());
    let mut wrong = Vec::new();
    for p in PROVISIONS.iter().filter(|p| p.provenance == Provenance::Source) {
        let Some(file) = p.act.source_file else {
            wrong.push(format!("{}: act {} has no source_file", p.id, p.act.id));
            continue;
        };
        let raw = std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let (text, text_words) = (normalise(&raw), words(&raw));
        for part in p.quote.split('…').map(normalise).filter(|s| !s.is_empty()) {
            if !text.contains(&part) && !words_stand_together(&text_words, &part) {
                wrong.push(format!("{}: not found in {file}: {part:?}", p.id));
            }
        }
    }
    assert!(wrong.is_empty(), "{} quotes not in their source:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn every_act_is_cited_by_some_provision() {
    for a in ACTS {
        assert!(PROVISIONS.iter().any(|p| std::ptr::eq(p.act, *a)), "act {} is never cited", a.id);
    }
}

/// The edition hash is SHA-256 over every data file (path and bytes): recomputing it here from the
/// files must give the compiled-in value, and one changed byte must change it.
#[test]
fn edition_hash_covers_every_byte_of_data() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    let mut stack = vec![root.join("data")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p)
            } else {
                files.push(p)
            }
        }
    }
    files.sort();
    let digest = |flip: Option<usize>| {
        let mut bytes = Vec::new();
        for (i, f) in files.iter().enumerate() {
            bytes.extend(f.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/").as_bytes());
            bytes.push(0);
            let mut content = std::fs::read(f).unwrap();
            if flip == Some(i) {
                content[0] ^= 1;
            }
            bytes.extend(content);
            bytes.push(0);
        }
        sha256_hex(&bytes)
    };
    assert_eq!(digest(None), tekser_rules::data::EDITION_HASH);
    assert_ne!(digest(Some(files.len() / 2)), tekser_rules::data::EDITION_HASH);
}

/// A small SHA-256 (FIPS 180-4) so the test does not trust the build script's own library call.
fn sha256_hex(msg: &[u8]) -> String {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
        0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
        0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
        0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
        0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
        0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];
    let mut h: [u32; 8] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    let mut m = msg.to_vec();
    m.push(0x80);
    while m.len() % 64 != 56 {
        m.push(0);
    }
    m.extend((msg.len() as u64 * 8).to_be_bytes());
    for chunk in m.chunks(64) {
        let mut w = [0u32; 64];
        for i in 0..16 {
            w[i] = u32::from_be_bytes(chunk[i * 4..i * 4 + 4].try_into().unwrap());
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..64 {
            let s1 = v[4].rotate_right(6) ^ v[4].rotate_right(11) ^ v[4].rotate_right(25);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7].wrapping_add(s1).wrapping_add(ch).wrapping_add(K[i]).wrapping_add(w[i]);
            let s0 = v[0].rotate_right(2) ^ v[0].rotate_right(13) ^ v[0].rotate_right(22);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v = [t1.wrapping_add(t2), v[0], v[1], v[2], v[3].wrapping_add(t1), v[4], v[5], v[6]];
        }
        for i in 0..8 {
            h[i] = h[i].wrapping_add(v[i]);
        }
    }
    h.iter().map(|x| format!("{x:08x}")).collect()
}

/// The in-force periods `build.rs` computes (`data::InForce`) say what each provision's own interval
/// says, on every day a wording starts or ends, the days either side, and days far before and after.
#[test]
fn in_force_periods_agree_with_each_provision_s_interval() {
    use chrono::NaiveDate;
    use tekser_rules::data::{InForce, PROVISIONS};
    let edges = PROVISIONS.iter().flat_map(|p| [p.from, p.until]).flatten();
    let mut days: Vec<NaiveDate> =
        edges.flat_map(|d| [d.pred_opt(), Some(d), d.succ_opt()]).flatten().chain([NaiveDate::MIN, NaiveDate::MAX]).collect();
    days.extend([(1990, 1, 1), (2026, 3, 20), (2100, 12, 31)].map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap()));
    assert!(PROVISIONS.iter().any(|p| p.until.is_some()) && PROVISIONS.iter().any(|p| p.from.is_some()));
    for day in days {
        let set = InForce::on(day);
        for p in PROVISIONS {
            assert_eq!(set.holds(p), p.in_force(day), "{} on {day}", p.id);
        }
    }
    for (i, p) in PROVISIONS.iter().enumerate() {
        assert_eq!(usize::from(p.index), i, "{}", p.id);
    }
    for (i, a) in tekser_rules::data::ACTS.iter().enumerate() {
        assert_eq!(usize::from(a.index), i, "{}", a.id);
    }
}

/// A field id is the field's place in interview order, and names it back.
#[test]
fn field_ids_are_places_in_interview_order() {
    use tekser_rules::answers::{all_fields, FieldId, FIELD_PATHS};
    let paths: Vec<&str> = all_fields().map(|f| f.path).collect();
    assert_eq!(FIELD_PATHS.to_vec(), paths);
    for (i, p) in paths.iter().enumerate() {
        let id = FieldId::find(p).unwrap_or_else(|| panic!("{p}"));
        assert_eq!((id.index(), id.path()), (i, *p));
    }
    assert_eq!(FieldId::find("person.nothing"), None);
    assert_eq!(tekser_rules::fact!("person.status").path(), "person.status");
}
