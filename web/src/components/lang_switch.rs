//! The language switcher: each language named in itself, the current one marked.

use crate::i18n::{lang_code, t};
use tekser_rules::Lang;
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct Props {
    pub lang: Lang,
    pub on_change: Callback<Lang>,
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
