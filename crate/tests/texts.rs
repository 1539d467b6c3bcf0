//! Every text exists in Kazakh, Russian and English; every question and option has a text.

use tekser_rules::answers::{all_fields, FieldKind};
use tekser_rules::data::TEXTS;
use tekser_rules::text::texts;

#[test]
fn every_key_has_all_three_languages() {
    let empty: Vec<String> = TEXTS
        .iter()
        .flat_map(|(k, t)| {
            [("kk", t.kk), ("ru", t.ru), ("en", t.en)].into_iter().filter(|(_, v)| v.is_empty()).map(move |(l, _)| format!("{k} [{l}]"))
        })
        .collect();
    assert!(empty.is_empty(), "texts without a language: {empty:?}");
}

#[test]
fn kazakh_and_russian_texts_are_not_copies_of_english() {
    let copies: Vec<&str> = TEXTS.iter().filter(|(_, t)| t.en.len() > 12 && (t.kk == t.en || t.ru == t.en)).map(|(k, _)| *k).collect();
    assert!(copies.is_empty(), "texts whose kk or ru is the English text: {copies:?}");
}

#[test]
fn every_question_and_option_has_a_text() {
    let mut missing = Vec::new();
    for f in all_fields() {
        let q = format!("question.{}", f.path);
        if texts(&q).is_none() {
            missing.push(q);
        }
        if let FieldKind::Choice(opts) | FieldKind::Many(opts) = f.kind {
            for o in opts {
                let k = format!("option.{}.{o}", f.path);
                if texts(&k).is_none() {
                    missing.push(k);
                }
            }
        }
    }
    assert!(missing.is_empty(), "questions or options without a text: {missing:?}");
}

#[test]
fn field_paths_are_unique() {
    let mut seen = std::collections::BTreeSet::new();
    for f in all_fields() {
        assert!(seen.insert(f.path), "duplicate field {}", f.path);
    }
}

#[test]
fn every_unverified_value_says_what_it_is() {
    use tekser_rules::data::{ParamRef, Provenance, PARAMS};
    fn unverified<T>(p: &tekser_rules::data::Param<T>) -> bool {
        p.values.iter().any(|v| v.provenance == Provenance::Unverified)
    }
    let missing: Vec<String> = PARAMS
        .iter()
        .filter(|(_, p)| match p {
            ParamRef::Int(p) => unverified(p),
            ParamRef::Date(p) => unverified(p),
            ParamRef::Codes(p) => unverified(p),
            ParamRef::Hours(p) => unverified(p),
            ParamRef::Window(p) => unverified(p),
        })
        .map(|(name, _)| format!("unverified.{name}"))
        .filter(|k| texts(k).is_none())
        .collect();
    assert!(missing.is_empty(), "unverified values without a text: {missing:?}");
}

#[test]
fn a_limit_says_what_it_concerns() {
    use tekser_rules::report::Limit;
    use tekser_rules::Lang;
    let eaeu = Limit::Unverified { what: "eaeu_members" };
    assert_eq!(eaeu.message(Lang::En), "Not confirmed by an official source: the list of EAEU member states");
    assert!(Limit::CalendarNotPublished { year: 2028 }.message(Lang::Ru).ends_with("(2028)"));
    let day = chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    assert!(Limit::MciNotSet { day }.message(Lang::Kk).ends_with("(01.01.2027)"));
    let not_in_force = Limit::ProvisionNotInForce { id: tekser_rules::data::PROVISIONS[0].id }.message(Lang::En);
    assert!(!not_in_force.contains(tekser_rules::data::PROVISIONS[0].id), "named by act and unit, not by id: {not_in_force}");
}

#[test]
fn placeholders_are_the_same_in_every_language() {
    fn holes(s: &str) -> Vec<&str> {
        let mut out: Vec<&str> = s.split('{').skip(1).filter_map(|x| x.split_once('}').map(|(h, _)| h)).collect();
        out.sort();
        out
    }
    let differ: Vec<&str> =
        TEXTS.iter().filter(|(_, t)| holes(t.kk) != holes(t.en) || holes(t.ru) != holes(t.en)).map(|(k, _)| *k).collect();
    assert!(differ.is_empty(), "texts whose {{placeholders}} differ between languages: {differ:?}");
}

/// Russian forms over 0–30 and 101–125, written out by hand: o = one, f = few, m = many.
const RU_0_30: &str = "mofffmmmmmmmmmmmmmmmmofffmmmmmm";
const RU_101_125: &str = "offfmmmmmmmmmmmmmmmmofffm";

#[test]
fn plural_categories_follow_each_language() {
    use tekser_rules::text::plural_category;
    use tekser_rules::Lang;
    let letter = |c: &str| match c {
        "one" => 'o',
        "few" => 'f',
        "many" => 'm',
        other => panic!("{other}"),
    };
    let ru: String = (0..=30).chain(101..=125).map(|n| letter(plural_category(n, Lang::Ru))).collect();
    assert_eq!(ru, format!("{RU_0_30}{RU_101_125}"));
    for n in (0..=30).chain(101..=125) {
        assert_eq!(plural_category(n, Lang::En), if n == 1 { "one" } else { "other" }, "en {n}");
        assert_eq!(plural_category(n, Lang::Kk), "other", "kk {n}: a noun after a numeral stays singular");
    }
}

#[test]
fn counts_are_worded_in_each_language() {
    use tekser_rules::text::count;
    use tekser_rules::Lang::{En, Kk, Ru};
    let ru = [
        (1, "1 рабочий день"),
        (2, "2 рабочих дня"),
        (5, "5 рабочих дней"),
        (11, "11 рабочих дней"),
        (12, "12 рабочих дней"),
        (14, "14 рабочих дней"),
        (21, "21 рабочий день"),
        (22, "22 рабочих дня"),
        (25, "25 рабочих дней"),
        (101, "101 рабочий день"),
        (111, "111 рабочих дней"),
        (112, "112 рабочих дней"),
        (121, "121 рабочий день"),
    ];
    for (n, want) in ru {
        assert_eq!(count(n, "working_day", Ru), want);
    }
    assert_eq!(count(1, "second", Ru), "1 секунду");
    assert_eq!(count(3, "minute", Ru), "3 минуты");
    assert_eq!(count(24, "hour", Ru), "24 часа");
    assert_eq!(count(10, "calendar_day", Ru), "10 календарных дней");
    assert_eq!(count(1, "working_day", En), "1 working day");
    assert_eq!(count(0, "working_day", En), "0 working days");
    assert_eq!(count(21, "hour", En), "21 hours");
    assert_eq!(count(1, "working_day", Kk), "1 жұмыс күні");
    assert_eq!(count(5, "working_day", Kk), "5 жұмыс күні");
    assert_eq!(count(112, "calendar_day", Kk), "112 күнтізбелік күн");
}

#[test]
fn every_counted_noun_has_its_four_forms() {
    use tekser_rules::data::TEXTS;
    let nouns: std::collections::BTreeSet<&str> =
        TEXTS.iter().filter_map(|(k, _)| k.strip_prefix("plural.")).filter_map(|k| k.rsplit_once('.').map(|(n, _)| n)).collect();
    assert!(nouns.contains("working_day") && nouns.contains("second"), "{nouns:?}");
    for n in nouns {
        for form in ["one", "few", "many", "other"] {
            assert!(texts(&format!("plural.{n}.{form}")).is_some(), "plural.{n}.{form}");
        }
    }
}

#[test]
fn every_unverified_limit_named_in_the_law_has_a_text() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/law");
    let mut missing = Vec::new();
    for f in std::fs::read_dir(dir).unwrap() {
        let src = std::fs::read_to_string(f.unwrap().path()).unwrap();
        for part in src.split("Limit::Unverified { what: \"").skip(1) {
            let what = part.split('"').next().unwrap();
            if texts(&format!("unverified.{what}")).is_none() {
                missing.push(what.to_string());
            }
        }
    }
    assert!(missing.is_empty(), "unverified limits without a text: {missing:?}");
}

#[test]
fn a_source_is_named_with_its_date_once() {
    use tekser_rules::text::{act, source_label};
    use tekser_rules::Lang;
    let press = act("tax-code-2026-press").expect("the act is in the data");
    assert_eq!(source_label(press, Lang::Ru), "zakon.kz от 23.12.2025");
    assert_eq!(source_label(act("677").unwrap(), Lang::Ru), "приказ МВД № 677 от 09.09.2024");
    for a in tekser_rules::data::ACTS {
        for lang in Lang::ALL {
            let l = source_label(a, lang);
            if let Some(d) = a.date.map(tekser_rules::text::dmy) {
                assert_eq!(l.matches(&d).count(), 1, "{l}");
            }
        }
    }
}

#[test]
fn kazakh_and_russian_texts_hold_no_english() {
    use tekser_rules::text::unreadable;
    use tekser_rules::Lang;
    let found: Vec<String> = TEXTS
        .iter()
        .flat_map(|(k, t)| {
            [(Lang::Kk, t.kk), (Lang::Ru, t.ru)].into_iter().flat_map(move |(lang, s)| {
                // `{placeholder}`s are filled by the app; only words are checked here.
                let words: String = s.split('{').map(|p| p.split_once('}').map_or(p, |(_, rest)| rest)).collect();
                unreadable(&words, lang).into_iter().map(move |p| format!("{k}: {p}"))
            })
        })
        .collect();
    assert!(found.is_empty(), "{}", found.join("\n"));
}
