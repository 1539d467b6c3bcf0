//! "Check your answers": the answers grouped by topic ("About you", "Your stay", "The housing", …),
//! one row per question answered under a short key (`answer_key.<path>`, not the whole question),
//! each with a Change link that opens the question pre-filled (its hidden text names the key);
//! Continue there returns here once any new follow-up is answered.

use crate::i18n::{long_date, t};
use crate::pages::BackLink;
use crate::state::{field, Action, Screen, DONT_KNOW};
use crate::PageProps;
use tekser_rules::answers::{Field, FieldKind};
use tekser_rules::Lang;
use yew::prelude::*;

/// A raw answer in words.
pub fn display(path: &str, raw: &str, lang: Lang) -> String {
    if raw == DONT_KNOW {
        return t("ui.dont_know", lang);
    }
    let Some(f) = field(path) else { return raw.to_string() };
    match f.kind {
        FieldKind::Bool if raw == "yes" => t("ui.yes", lang),
        FieldKind::Bool if raw == "no" => t("ui.no", lang),
        // A value that is not an option (a bad link or file) is shown as written, and reported.
        FieldKind::Choice(_) => crate::i18n::t_opt(&format!("option.{path}.{raw}"), lang).unwrap_or_else(|| raw.to_string()),
        FieldKind::Many(_) if raw.is_empty() => t("ui.none_of_these", lang),
        FieldKind::Many(_) => raw
            .split(',')
            .map(|o| crate::i18n::t_opt(&format!("option.{path}.{o}"), lang).unwrap_or_else(|| o.to_string()))
            .collect::<Vec<_>>()
            .join(", "),
        FieldKind::Date => crate::i18n::parse_typed_date(raw).map(|d| long_date(d, lang)).unwrap_or_else(|| raw.to_string()),
        FieldKind::Time => crate::i18n::parse_typed_time(raw).map(crate::i18n::hm).unwrap_or_else(|| raw.to_string()),
        FieldKind::Country => match raw {
            "stateless" => t("ui.stateless", lang),
            "ZZZ" => t("ui.country_other", lang),
            c => crate::i18n::t_opt(&format!("country.{c}"), lang).unwrap_or_else(|| c.to_string()),
        },
        _ => raw.to_string(),
    }
}

/// The topics of "Check your answers", in the order shown (text keys `check_group.<topic>`).
pub const TOPICS: [&str; 7] = ["about_you", "stay", "housing", "phc", "licence", "trp", "applying"];

/// The topic a question belongs to: the person, their stay and the housing (registration), each
/// other service's own facts, and the application.
pub fn topic(path: &str) -> &'static str {
    const ABOUT_THE_PERSON: &[&str] = &[
        "registration.under_guardianship",
        "registration.in_medical_institution",
        "registration.has_disabling_impairment",
        "registration.fulltime_student_in_astana",
        "registration.cis_serviceman",
        "registration.has_residence_permit",
        "registration.passport_state",
    ];
    const THE_HOUSING: &[&str] = &[
        "registration.place_type",
        "registration.place_has_address",
        "registration.applicant_is_owner",
        "registration.owners_consent",
        "registration.has_administration_petition",
        "registration.owner_type",
        "registration.dwelling_rented",
        "registration.in_astana",
        "registration.area_total_m2",
        "registration.registered_count",
        "registration.relation_to_owner",
        "registration.outsider_registered",
        "registration.category_in_state_records",
        "registration.closed_territory",
        "registration.has_closed_territory_permit",
        "registration.restricted_locality",
    ];
    match path.split_once('.').map_or(path, |(section, _)| section) {
        "person" => "about_you",
        "registration" if ABOUT_THE_PERSON.contains(&path) => "about_you",
        "registration" if THE_HOUSING.contains(&path) => "housing",
        "registration" => "stay",
        "phc" => "phc",
        "licence" => "licence",
        "trp" => "trp",
        _ => "applying",
    }
}

#[function_component(CheckPage)]
pub fn check_page(p: &PageProps) -> Html {
    let lang = p.state.lang;
    let rows = p.state.answered_fields();
    let problems = p.state.problems(crate::today());
    let results = p.dispatch.reform(|_| Action::Show(Screen::Results));
    html! {
        <>
            <BackLink lang={lang} />
            { crate::title(html! { { t("ui.check_title", lang) } }) }
            <crate::pages::Problems ..p.clone() />
            { for TOPICS.iter().map(|topic_of_group| {
                let group: Vec<&'static Field> = rows.iter().copied().filter(|f| topic(f.path) == *topic_of_group).collect();
                if group.is_empty() {
                    return html! {};
                }
                html! {
            <>
            { crate::heading(2, crate::Heading { class: Some("summary-group"), ..Default::default() }, html! { { t(&format!("check_group.{topic_of_group}"), lang) } }) }
            <dl class="summary">
                { for group.into_iter().map(|f| {
                    let raw = p.state.raw.get(f.path).cloned().unwrap_or_default();
                    let question = crate::state::answer_key(f.path, lang);
                    let d = p.dispatch.clone();
                    let path = f.path;
                    let mut target = (*p.state).clone();
                    target.screen = Screen::Question(path);
                    let href = crate::state::to_fragment(&target);
                    let onclick = Callback::from(move |e: MouseEvent| {
                        e.prevent_default();
                        d.emit(Action::Show(Screen::Question(path)));
                    });
                    let problem = problems.iter().find(|(q, _)| *q == path).map(|(_, m)| m.clone());
                    html! {
                        <div class={classes!("row", problem.is_some().then_some("invalid"))}>
                            <dt>{ question.clone() }</dt>
                            <dd>{ display(f.path, &raw, lang) }
                                if let Some(m) = problem {
                                    <p class="error-message"><span class="visually-hidden">{ t("ui.error_prefix", lang) }{ " " }</span>{ m }</p>
                                }
                            </dd>
                            <dd class="action"><a {href} {onclick}>{ t("ui.change", lang) }<span class="visually-hidden">{ " " }{ question }</span></a></dd>
                        </div>
                    }
                }) }
            </dl>
            </>
                }
            }) }
            <button type="button" class="primary" onclick={results}>{ t("ui.show_results", lang) }</button>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tekser_rules::answers::all_fields;

    #[test]
    fn every_question_has_a_topic_shown_and_a_short_key_in_each_language() {
        for f in all_fields() {
            assert!(TOPICS.contains(&topic(f.path)), "{}", f.path);
            for lang in Lang::ALL {
                let key = crate::i18n::t_opt(&format!("answer_key.{}", f.path), lang).unwrap_or_default();
                let question = t(&format!("question.{}", f.path), lang);
                assert!(!key.is_empty() && key.chars().count() < question.chars().count().max(45), "{}: {key:?}", f.path);
            }
        }
        for topic in TOPICS {
            assert!(Lang::ALL.iter().all(|l| crate::i18n::t_opt(&format!("check_group.{topic}"), *l).is_some()), "{topic}");
        }
        assert_eq!(topic("registration.area_total_m2"), "housing");
        assert_eq!(topic("registration.arrival_date"), "stay");
        assert_eq!(topic("person.iin"), "about_you");
        assert_eq!(topic("application.time"), "applying");
    }

    #[test]
    fn questions_with_words_a_citizen_may_not_know_have_a_hint_in_each_language() {
        // EDS, bailiff, special right, mobile citizens database, МТК/РКА, closed territory, …
        for path in [
            "licence.has_eds",
            "licence.bailiff_ban",
            "licence.deprived_of_special_right",
            "licence.meets_qualification_requirements",
            "licence.consents_to_personal_data",
            "trp.phone_in_mobile_database",
            "registration.place_has_address",
            "registration.closed_territory",
            "registration.has_closed_territory_permit",
            "registration.category_in_state_records",
            "registration.owners_consent",
            "registration.under_guardianship",
            "person.status",
            "person.iin",
            "application.channel",
        ] {
            for lang in Lang::ALL {
                let hint = crate::i18n::t_opt(&format!("hint.{path}"), lang).unwrap_or_default();
                assert!(!hint.is_empty() && !hint.contains('\n'), "hint.{path} ({lang:?})");
            }
        }
    }
}
