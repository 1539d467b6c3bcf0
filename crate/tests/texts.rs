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
