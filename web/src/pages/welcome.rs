//! A kiosk's first screen: three large buttons, each language named in itself, before the start
//! page. The question is asked in all three languages at once, each marked with its own `lang`.

use crate::i18n::{lang_code, t};
use crate::state::{Action, Screen};
use crate::PageProps;
use yew::prelude::*;

/// A plain function, not a component: it keeps no state of its own (and so costs the WASM less).
pub fn page(p: &PageProps) -> Html {
    html! {
        <>
            <h1 tabindex="-1" class="welcome-title">
                { for crate::LANGS.iter().map(|(l, _)| html! { <span lang={lang_code(*l)}>{ t("shell.welcome_title", *l) }</span> }) }
            </h1>
            <ul class="welcome-langs">
                { for crate::LANGS.iter().map(|(l, name)| {
                    let (l, d) = (*l, p.dispatch.clone());
                    let choose = Callback::from(move |_: MouseEvent| {
                        d.emit(Action::SetLang(l));
                        d.emit(Action::Show(Screen::Start));
                    });
                    html! { <li><button type="button" class="primary" lang={lang_code(l)} onclick={choose}>{ *name }</button></li> }
                }) }
            </ul>
        </>
    }
}
