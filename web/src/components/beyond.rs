//! Beyond a verdict (issue 13), on the results page, each beside the outcome it concerns: what would
//! change a refusal, what settles "could not tell", the best moment to apply (and its day on the
//! result's calendar), a change of the rules within 90 days, and a link to the service's map of rules.
//!
//! The first four are searched and worded by a module of their own, fetched when the results first
//! show (`web/src/search.rs`, `beyond-worker/`, which says what each part holds): the search's code
//! and its words' code stay out of the first load, and the parts appear when it answers. Here they
//! are placed, and its "Change this answer" buttons (`data-question`) lead straight to the question.
//! The map's pages are built with the site (`tekser rules --format html`, `rules/<service>.<lang>.html`).
//! The app decides nothing.

use crate::i18n::{code, t};
use crate::state::{Action, Screen};
use chrono::NaiveDate;
use serde_json::Value as Json;
use tekser_rules::report::Outcome;
use tekser_rules::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The worded parts of each service (`{services: {<service>: {upcoming, settle, whatif, best,
/// soonest}}}`), in the language they were worded in.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Beyond {
    pub lang: Option<Lang>,
    /// The search's time in the worker, in milliseconds.
    pub ms: f64,
    services: Json,
}

impl Beyond {
    /// Reads the worker's JSON; `None` when it is not JSON.
    pub fn read(text: &str, lang: Lang) -> Option<Beyond> {
        let j: Json = serde_json::from_str(text).ok()?;
        Some(Beyond { lang: Some(lang), ms: j.get("ms").and_then(Json::as_f64).unwrap_or_default(), services: j.get("services")?.clone() })
    }

    fn part(&self, o: &Outcome, name: &str) -> Option<&str> {
        self.services.get(code(&o.service))?.get(name)?.as_str()
    }

    /// The soonest result day of a service the person may apply for.
    pub fn soonest(&self, o: &Outcome) -> Option<NaiveDate> {
        crate::i18n::parse_ymd(self.part(o, "soonest")?)
    }
}

/// One part (`upcoming`, `settle`, `whatif`, `best`) of an outcome, when there is one, in a `div` of
/// that class; a click on a `data-question` button opens that question.
pub fn part(b: &Beyond, o: &Outcome, name: &'static str, dispatch: &Callback<Action>) -> Html {
    let Some(words) = b.part(o, name) else { return html! {} };
    let d = dispatch.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        let path =
            e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|el| el.closest("[data-question]").ok().flatten());
        if let Some(f) = path.and_then(|el| el.get_attribute("data-question")).and_then(|p| crate::state::field(&p)) {
            d.emit(Action::Show(Screen::Question(f.path)));
        }
    });
    let class = match name {
        "whatif" => "beyond whatif",
        "best" => "beyond best-moment",
        "settle" => "beyond settle",
        _ => "beyond",
    };
    html! {
        <div class={class} id={format!("{name}-{}", code(&o.service))} {onclick}>
            { Html::from_html_unchecked(AttrValue::from(words.to_string())) }
        </div>
    }
}

/// The link to the service's map of rules (opens in a new tab, so the answers stay where they are).
pub fn map_link(o: &Outcome, lang: Lang) -> Html {
    let href = format!("rules/{}.{}.html", code(&o.service), crate::i18n::lang_code(lang));
    html! {
        <p class="rules-map no-print">
            <a href={href} target="_blank" rel="noopener">{ t("ui.rules_map", lang) }</a>{ " " }
            <span class="hint">{ t("ui.opens_in_new_tab", lang) }</span>
        </p>
    }
}
