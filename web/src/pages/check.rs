//! "Check your answers": one row per question answered, each with a Change link that opens the
//! question pre-filled; Continue there returns here once any new follow-up is answered.

use crate::i18n::{long_date, t};
use crate::pages::BackLink;
use crate::state::{field, Action, Screen, DONT_KNOW};
use crate::PageProps;
use tekser_rules::answers::FieldKind;
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
        FieldKind::Date => crate::i18n::parse_ymd(raw).map(|d| long_date(d, lang)).unwrap_or_else(|| raw.to_string()),
        FieldKind::Country => match raw {
            "stateless" => t("ui.stateless", lang),
            "ZZZ" => t("ui.country_other", lang),
            c => crate::i18n::t_opt(&format!("country.{c}"), lang).unwrap_or_else(|| c.to_string()),
        },
        _ => raw.to_string(),
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
            <h1 tabindex="-1">{ t("ui.check_title", lang) }</h1>
            <crate::pages::Problems ..p.clone() />
            <dl class="summary">
                { for rows.into_iter().map(|f| {
                    let raw = p.state.raw.get(f.path).cloned().unwrap_or_default();
                    let question = t(&format!("question.{}", f.path), lang);
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
            <button type="button" class="primary" onclick={results}>{ t("ui.show_results", lang) }</button>
        </>
    }
}
