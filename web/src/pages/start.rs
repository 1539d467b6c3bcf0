//! The start page: what the tool does, the services to check, the privacy and screening notice.

use crate::i18n::{code, t};
use crate::state::Action;
use crate::PageProps;
use tekser_rules::Service;
use yew::prelude::*;

#[function_component(StartPage)]
pub fn start_page(p: &PageProps) -> Html {
    let lang = p.state.lang;
    // The boxes ticked are the app's state (`State::ticked`), not the page's: those ticked on the
    // pre-rendered page before the app ran come with it.
    let chosen = p.state.ticked.clone();
    let toggle = |s: Service| p.dispatch.reform(move |_: Event| Action::Tick(s));
    let start = {
        let chosen = chosen.clone();
        let d = p.dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let ordered: Vec<Service> = Service::ALL.into_iter().filter(|s| chosen.contains(s)).collect();
            d.emit(Action::Start(ordered));
        })
    };
    html! {
        <>
            { crate::title(html! { { t("ui.app_title", lang) } }) }
            <p class="lead">{ t("ui.start_lead", lang) }</p>
            <p>{ t("ui.start_free", lang) }</p>
            // A kiosk's notice (when answers are cleared) is in the footer of every page, this one too.
            <div class="notice" role="note">
                <p>{ t("ui.screening_notice", lang) }</p>
            </div>
            <form onsubmit={start} novalidate=true>
                <fieldset>
                    <legend>{ t("ui.start_services", lang) }</legend>
                    <p class="hint" id="services-hint">{ t("ui.start_services_hint", lang) }</p>
                    { for Service::ALL.into_iter().map(|s| {
                        let id = format!("svc-{}", code(&s));
                        html! {
                            <div class="check">
                                <input type="checkbox" id={id.clone()} name="services" value={code(&s)} aria-describedby="services-hint"
                                    checked={chosen.contains(&s)} onchange={toggle(s)} />
                                <label for={id}>{ t(&format!("service.{}", code(&s)), lang) }</label>
                            </div>
                        }
                    }) }
                </fieldset>
                <button type="submit" class="primary">{ t("ui.start_button", lang) }</button>
            </form>
            { crate::heading(2, Default::default(), html! { { t("ui.where_to_apply", lang) } }) }
            <ul class="where">
                { for where_to_apply(lang).into_iter().map(|(service, open, closed)| html! {
                    <li><strong>{ service }</strong>{ ": " }{ open }
                        if !closed.is_empty() { <br /><span class="hint">{ t("ui.where_not", lang) }{ ": " }{ closed }</span> }
                    </li>
                }) }
            </ul>
            <p class="other-ways">{ t("ui.other_ways", lang) }</p>
            <crate::pages::results::FileButtons state={p.state.clone()} dispatch={p.dispatch.clone()} save=false />
        </>
    }
}

/// Per service, where one may apply and where not: the channels the rules give before any answer
/// (a channel that depends on the answers, such as registration's, is left to the results).
pub fn where_to_apply(lang: tekser_rules::Lang) -> Vec<(String, String, String)> {
    let report = tekser_rules::evaluate(&Default::default(), &tekser_rules::Context { as_of: crate::today() });
    report
        .outcomes
        .iter()
        .map(|o| {
            let service = code(&o.service);
            let name = |c: &tekser_rules::report::ChannelOffer| {
                let channel = code(&c.channel);
                crate::i18n::t_opt(&format!("channel_for.{service}.{channel}"), lang)
                    .unwrap_or_else(|| t(&format!("channel.{channel}"), lang))
            };
            let list = |open: bool| o.channels.iter().filter(|c| c.available == open).map(name).collect::<Vec<_>>().join("; ");
            let open = if o.channels.is_empty() { t("ui.where_depends", lang) } else { list(true) };
            (t(&format!("service.{service}"), lang), open, list(false))
        })
        .collect()
}

/// When a kiosk clears the answers, with the guard's own numbers.
pub fn kiosk_notice(lang: tekser_rules::Lang) -> String {
    use crate::components::idle::{IDLE_SECS, WARN_SECS};
    use crate::i18n::count;
    t("ui.kiosk_notice", lang)
        .replace("{idle}", &count(IDLE_SECS / 60, "minute", lang))
        .replace("{warn}", &count(WARN_SECS, "second", lang))
}
