//! A citation: act, number, unit and edition, expandable to the quoted words of the source.

use crate::i18n::{code, t};
use crate::quotes;
use tekser_rules::data::{Provenance, Provision};
use tekser_rules::Lang;
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct Props {
    pub provision: &'static Provision,
    pub lang: Lang,
}

/// "приказ № ҚР ДСМ-59/2020 от 01.06.2020, пункт 7 (15.09.2025)": the source's translated name
/// and date (`text::source_label`), the unit, and the edition's date unless it is the act's own.
pub fn label(p: &Provision, lang: Lang) -> String {
    let ed = p.act.edition_date.filter(|d| Some(*d) != p.act.date).map(|d| format!(" ({})", crate::i18n::dmy(d))).unwrap_or_default();
    format!("{}, {}{ed}", tekser_rules::text::source_label(p.act, lang), p.unit.get(lang))
}

#[function_component(Citation)]
pub fn citation(p: &Props) -> Html {
    let prov = p.provision;
    let mark = (prov.provenance != Provenance::Source).then(|| {
        let unverified = prov.provenance == Provenance::Unverified;
        html! { <span class={classes!("prov", unverified.then_some("unverified"))}>{ t(&format!("provenance.{}", code(&prov.provenance)), p.lang) }</span> }
    });
    // The words are fetched when the citation is first opened (see `quotes`).
    let loaded = use_state(|| None::<Result<quotes::Quotes, ()>>);
    let ontoggle = {
        let loaded = loaded.clone();
        Callback::from(move |_: Event| {
            if !matches!(*loaded, Some(Ok(_))) {
                let loaded = loaded.clone();
                quotes::get(Callback::from(move |r| loaded.set(Some(r))));
            }
        })
    };
    html! {
        <details class="cite" {ontoggle}>
            <summary>{ label(prov, p.lang) } { for mark }</summary>
            <p class="act-title">{ prov.act.title.get(p.lang) } { " — " } { prov.act.edition.get(p.lang) }</p>
            { words(prov, (*loaded).as_ref(), p.lang) }
        </details>
    }
}

/// The quoted words (with an English rendering for English readers; none in kk or ru where only an
/// English translation is at hand). The provision's note is for
/// those who maintain the data (it names research notes and conflicts, in English): not shown.
fn words(prov: &Provision, loaded: Option<&Result<quotes::Quotes, ()>>, lang: Lang) -> Html {
    let source_lang = if prov.act.source_file.is_some_and(|f| f.ends_with(".kk.txt")) { "kk" } else { "en" };
    match loaded.map(|r| r.as_ref().map(|all| all.get(prov.id))) {
        None => html! { <p class="loading" role="status">{ t("ui.quote_loading", lang) }</p> },
        // The copy at hand of this source is an English translation: a Kazakh or Russian reader is
        // told so rather than shown English.
        Some(Ok(Some(_))) if source_lang == "en" && lang != Lang::En => {
            html! { <p class="quote-note">{ t("ui.quote_english_only", lang) }</p> }
        }
        Some(Ok(Some(q))) => html! {
            <>
                <blockquote lang={source_lang}>{ &q.quote }</blockquote>
                if let Some(en) = q.quote_en.as_ref().filter(|_| lang == Lang::En) {
                    <blockquote lang="en">{ en }</blockquote>
                }
            </>
        },
        Some(_) => html! { <p class="error" role="status">{ t("ui.quote_unavailable", lang) }</p> },
    }
}
