//! "Is this right?": the interruption page shown once when an answer looks like a slip (an arrival
//! ten years ago, an area of 4 800 m²; the table is `state::UNUSUAL`), following the GOV.UK
//! interruption-page pattern. It shows the answer and why it looks unusual; Continue keeps it (and it
//! is not asked again), Change goes back to the question.

use crate::i18n::t;
use crate::pages::check::display;
use crate::pages::BackLink;
use crate::state::{Action, Screen};
use crate::PageProps;
use yew::prelude::*;

/// The page for the answer to `path` (a plain function, not a component: it keeps no state of its own).
pub fn confirm_page(p: &PageProps, path: &'static str) -> Html {
    let lang = p.state.lang;
    let raw = p.state.raw.get(path).cloned().unwrap_or_default();
    let why = p.state.unusual(path, crate::today()).map(|u| t(&format!("unusual.{}", u.key), lang));
    let keep = p.dispatch.reform(move |_| Action::Confirm(path));
    let change = p.dispatch.reform(move |e: MouseEvent| {
        e.prevent_default();
        Action::Show(Screen::Question(path))
    });
    let mut back = (*p.state).clone();
    back.screen = Screen::Question(path);
    html! {
        <>
        <BackLink lang={lang} />
        <div class="interruption">
            { crate::title(html! { { t("interview.confirm_title", lang) } }) }
            <p>{ t(&format!("question.{path}"), lang) }</p>
            <p class="answer"><strong>{ display(path, &raw, lang) }</strong></p>
            if let Some(why) = why { <p>{ why }</p> }
            <div class="actions">
                <button type="button" class="primary" onclick={keep}>{ t("interview.confirm_keep", lang) }</button>
                <a href={crate::state::to_fragment(&back)} onclick={change}>{ t("interview.confirm_change", lang) }</a>
            </div>
        </div>
        </>
    }
}
