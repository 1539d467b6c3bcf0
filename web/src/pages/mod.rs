//! One module per screen. `page` picks the screen of the state; `title` names it.

pub mod application;
pub mod check;
pub mod confirm;
pub mod details;
pub mod operator;
pub mod question;
pub mod results;
pub mod start;
pub mod welcome;

use crate::components::answers_link::answers_link;
use crate::i18n::t;
use crate::state::{Action, Screen, State};
use crate::PageProps;
use yew::prelude::*;

pub fn page(p: &PageProps) -> Html {
    match &p.state.screen {
        Screen::Welcome => welcome::page(p),
        Screen::Start => html! { <start::StartPage ..p.clone() /> },
        Screen::Question(path) => {
            html! { <question::QuestionPage key={*path} path={*path} state={p.state.clone()} dispatch={p.dispatch.clone()} /> }
        }
        Screen::Confirm(path) => confirm::confirm_page(p, path),
        Screen::Check => html! { <><check::CheckPage ..p.clone() />{ answers_link(&p.state) }</> },
        Screen::Results => html! { <><results::ResultsPage ..p.clone() />{ answers_link(&p.state) }</> },
        Screen::Details(section) => {
            html! { <details::DetailsPage key={section.code()} section={*section} state={p.state.clone()} dispatch={p.dispatch.clone()} /> }
        }
        Screen::Application => html! { <application::ApplicationPage ..p.clone() /> },
        Screen::Operator => html! { <operator::OperatorPage ..p.clone() /> },
    }
}

/// The document title: the screen's heading, then the app's name; "Error: " first when a question
/// shows an error (its answer, as last submitted, cannot be used).
pub fn title(s: &State) -> String {
    let lang = s.lang;
    let head = match &s.screen {
        Screen::Welcome => t("shell.welcome_title", lang),
        Screen::Start => t("ui.app_title", lang),
        Screen::Question(path) if s.opening_error(crate::today()).is_some() => {
            format!("{} {}", t("ui.error_prefix", lang), t(&format!("question.{path}"), lang))
        }
        Screen::Question(path) => t(&format!("question.{path}"), lang),
        Screen::Confirm(_) => t("interview.confirm_title", lang),
        Screen::Check => t("ui.check_title", lang),
        Screen::Results => t("ui.results_title", lang),
        Screen::Details(section) => t(&format!("details.section.{}", section.code()), lang),
        Screen::Application => t("bundle_web.application_title", lang),
        Screen::Operator => t("operator.title", lang),
    };
    format!("{head} — {}", t("ui.app_name", lang))
}

/// The in-page Back link: the browser's own history, so both behave the same.
#[function_component(BackLink)]
pub fn back_link(p: &BackProps) -> Html {
    let onclick = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = h.back();
        }
    });
    html! { <a href="#" class="back" {onclick}>{ t("ui.back", p.lang) }</a> }
}

#[derive(PartialEq, Properties)]
pub struct BackProps {
    pub lang: tekser_rules::Lang,
}

/// The answers that cannot be used as they stand, each naming its question and linking to it, and
/// what a loaded file held that no question takes (`State::summary`). Nothing when all is well.
#[function_component(Problems)]
pub fn problems(p: &PageProps) -> Html {
    let s = &p.state;
    let lang = s.lang;
    let lines = s.summary(crate::today());
    if lines.is_empty() {
        return html! {};
    }
    let on_questions = lines.iter().any(|(path, _)| path.is_some());
    html! {
        <div class="error-summary" id="problems" role="alert" tabindex="-1" aria-labelledby="problems-title">
            { crate::heading(2, crate::Heading { id: Some("problems-title".into()), ..Default::default() }, html! { { t("ui.problems_title", lang) } }) }
            if on_questions { <p>{ t("ui.problems_lead", lang) }</p> }
            <ul>
                { for lines.into_iter().map(|(path, line)| match path {
                    Some(path) => {
                        let mut target = (**s).clone();
                        target.screen = Screen::Question(path);
                        let onclick = p.dispatch.reform(move |e: MouseEvent| {
                            e.prevent_default();
                            Action::Show(Screen::Question(path))
                        });
                        html! { <li><a href={crate::state::to_fragment(&target)} {onclick}>{ line }</a></li> }
                    }
                    None => html! { <li>{ line }</li> },
                }) }
            </ul>
        </div>
    }
}

/// Moves focus to an element after the next render (an error summary).
pub fn focus_later(id: impl Into<String>) {
    let id: String = id.into();
    let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&id)) {
            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(el).focus();
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback(wasm_bindgen::JsCast::unchecked_ref(&cb));
    }
}
