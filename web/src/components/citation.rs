//! A citation: act, number, unit and edition, expandable to the quoted words of the source.

use crate::i18n::{code, t};
use tekser_rules::data::{Provenance, Provision};
use tekser_rules::Lang;
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct Props {
    pub provision: &'static Provision,
    pub lang: Lang,
}

/// "ҚР ДСМ-59/2020 of 01.06.2020, para 7 (ed. 15.09.2025)".
pub fn label(p: &Provision, lang: Lang) -> String {
    let date = p.act.date.map(|d| format!(" {}", d.format("%d.%m.%Y"))).unwrap_or_default();
    let ed = p.act.edition_date.map(|d| format!(" ({})", d.format("%d.%m.%Y"))).unwrap_or_default();
    format!("{}{date}, {}{ed}", p.act.number, p.unit.get(lang))
}

#[function_component(Citation)]
pub fn citation(p: &Props) -> Html {
    let prov = p.provision;
    let mark = (prov.provenance != Provenance::Source).then(|| {
        let unverified = prov.provenance == Provenance::Unverified;
        html! { <span class={classes!("prov", unverified.then_some("unverified"))}>{ t(&format!("provenance.{}", code(&prov.provenance)), p.lang) }</span> }
    });
    let source_lang = if prov.act.source_file.is_some_and(|f| f.ends_with(".kk.txt")) { "kk" } else { "en" };
    html! {
        <details class="cite">
            <summary>{ label(prov, p.lang) } { for mark }</summary>
            <p class="act-title">{ prov.act.title.get(p.lang) } { " — " } { prov.act.edition.get(p.lang) }</p>
            <blockquote lang={source_lang}>{ prov.quote }</blockquote>
            if let Some(en) = prov.quote_en.filter(|_| p.lang == Lang::En) {
                <blockquote lang="en">{ en }</blockquote>
            }
            if !prov.note.is_empty() {
                <p class="note" lang="en">{ prov.note }</p>
            }
        </details>
    }
}
