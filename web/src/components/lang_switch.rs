//! The language switcher: each language named in itself, the current one marked. Buttons in the
//! app; plain links (`#/start?lang=ru`, which the app reads when it starts) in the start page
//! pre-rendered into index.html, which works before the app does.

use crate::i18n::{lang_code, t};
use tekser_rules::Lang;
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct Props {
    pub lang: Lang,
    pub on_change: Callback<Lang>,
    /// Plain links to the start page in each language instead of buttons.
    #[prop_or_default]
    pub links: bool,
}

#[function_component(LangSwitch)]
pub fn lang_switch(p: &Props) -> Html {
    html! {
        <nav class="langs" aria-label={t("ui.lang_nav", p.lang)}>
            <ul>
            { for crate::LANGS.iter().map(|(l, name)| {
                let current = *l == p.lang;
                let on_change = p.on_change.clone();
                let l = *l;
                if p.links {
                    let href = format!("#/start?lang={}", lang_code(l));
                    return html! {
                        <li><a {href} lang={lang_code(l)} hreflang={lang_code(l)} aria-current={current.then_some("true")}>{ *name }</a></li>
                    };
                }
                html! {
                    <li>
                        <button type="button" lang={lang_code(l)} aria-current={current.then_some("true")}
                            onclick={Callback::from(move |_| on_change.emit(l))}>{ *name }</button>
                    </li>
                }
            }) }
            </ul>
        </nav>
    }
}
