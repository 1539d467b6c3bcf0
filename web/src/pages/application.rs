//! "Your application" (`Screen::Application`): what the bundle will hold for each service the person
//! may apply for — the forms, each detail as given or left blank, with Change links to its page — the
//! details that do not fit (left blank on the forms until corrected), the bundle's language
//! (the interface language unless another is chosen) and the Download button, which fetches the
//! bundle module and builds the ZIP on the device (`crate::bundle`), saying where it stands.

use crate::bundle::{Progress, Request};
use crate::i18n::t;
use crate::pages::details::input_id;
use crate::pages::BackLink;
use crate::state::{Action, Screen};
use crate::PageProps;
use tekser_rules::details::{fields_for, forms_for};
use tekser_rules::{Lang, Service};
use yew::prelude::*;

#[function_component(ApplicationPage)]
pub fn application_page(p: &PageProps) -> Html {
    let s = &p.state;
    let lang = s.lang;
    let today = crate::today();
    let bundle_lang = use_state(|| None::<Lang>);
    let progress = use_state(|| None::<Progress>);
    let chosen = bundle_lang.unwrap_or(lang);
    let services = s.applying(today);
    let answers = s.answers();
    let problems = s.details.validate();

    let download = {
        let (state, progress) = (p.state.clone(), progress.clone());
        Callback::from(move |_: MouseEvent| {
            let request = Request {
                answers: crate::state::to_json(&state),
                as_of: state.as_of(crate::today()).to_string(),
                lang: chosen.code(),
                base: crate::components::answers_link::page_address(),
            };
            let progress = progress.clone();
            crate::bundle::build(request, Callback::from(move |x| progress.set(Some(x))));
        })
    };
    let change = |service: Service, section: tekser_rules::details::Section, path: &'static str| {
        let mut target = (**s).clone();
        target.screen = Screen::Details(section);
        let d = p.dispatch.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            d.emit(Action::Prepare(service));
            d.emit(Action::Show(Screen::Details(section)));
            crate::pages::focus_later(input_id(path));
        });
        (crate::state::to_fragment(&target), onclick)
    };
    let busy = matches!(*progress, Some(Progress::Loading | Progress::Building));

    html! {
        <>
            <BackLink lang={lang} />
            { crate::title(html! { { t("bundle_web.application_title", lang) } }) }
            if services.is_empty() {
                <p>{ t("bundle_web.no_service", lang) }</p>
            } else {
                <p>{ t("bundle_web.application_lead", lang) }</p>
                if !problems.is_empty() {
                    <div class="error-summary" role="note" aria-labelledby="details-problems-title">
                        { crate::heading(2, crate::Heading { id: Some("details-problems-title".into()), ..Default::default() }, html! { { t("bundle_web.problems_title", lang) } }) }
                        <p>{ t("bundle_web.problems_lead", lang) }</p>
                        <ul>{ for problems.iter().filter_map(|e| {
                            let f = tekser_rules::details::field(e.field)?;
                            let service = services.iter().copied().find(|x| fields_for(*x, &answers).iter().any(|g| g.path == f.path))?;
                            let (href, onclick) = change(service, f.section, f.path);
                            Some(html! { <li><a {href} {onclick}>{ e.message(lang) }</a></li> })
                        }) }</ul>
                    </div>
                }
                { for services.iter().map(|service| {
                    let service = *service;
                    let name = t(&format!("service.{}", service.code()), lang);
                    html! {
                        <section class="application" aria-labelledby={format!("app-{}", service.code())}>
                            { crate::heading(2, crate::Heading { id: Some(format!("app-{}", service.code()).into()), ..Default::default() }, html! { { name.clone() } }) }
                            { crate::heading(3, Default::default(), html! { { t("bundle_web.forms", lang) } }) }
                            <ul>{ for forms_for(service, &answers).iter().map(|f| html! { <li>{ t(&format!("details.form.{}", f.code), lang) }</li> }) }</ul>
                            <dl class="summary">
                                { for fields_for(service, &answers).into_iter().map(|f| {
                                    let label = t(&format!("details.field.{}", f.path), lang);
                                    let value = s.details.get(f.path).map(str::to_string);
                                    let (href, onclick) = change(service, f.section, f.path);
                                    html! {
                                        <div class="row">
                                            <dt>{ label.clone() }</dt>
                                            <dd class={classes!(value.is_none().then_some("blank"))}>{ value.unwrap_or_else(|| t("bundle_web.blank", lang)) }</dd>
                                            <dd class="change"><a {href} {onclick}>{ t("bundle_web.change", lang) }<span class="visually-hidden">{ " " }{ label }</span></a></dd>
                                        </div>
                                    }
                                }) }
                            </dl>
                        </section>
                    }
                }) }
                <p>{ t("bundle_web.also", lang) }</p>
                <fieldset class="bundle-lang">
                    <legend>{ t("bundle_web.language", lang) }</legend>
                    { for crate::LANGS.iter().map(|(l, label)| {
                        let l = *l;
                        let set = bundle_lang.clone();
                        html! {
                            <div class="radio">
                                <input type="radio" name="bundle-lang" id={format!("bundle-lang-{}", l.code())} value={l.code()} checked={chosen == l}
                                    onchange={Callback::from(move |_: Event| set.set(Some(l)))} />
                                <label for={format!("bundle-lang-{}", l.code())} lang={l.code()}>{ *label }</label>
                            </div>
                        }
                    }) }
                </fieldset>
                <p><button type="button" class="primary" id="download-bundle" onclick={download} disabled={busy}>{ t("bundle_web.download", lang) }</button></p>
                <p class="hint">{ t("bundle_web.private", lang) }</p>
                { status(&progress, lang) }
            }
        </>
    }
}

/// Where the Download stands, said to screen readers as it changes: a bar while the module loads and
/// builds, the file name when it is offered, a translated message when it fails.
fn status(progress: &Option<Progress>, lang: Lang) -> Html {
    let (text, busy, failed) = match progress {
        None => (String::new(), false, false),
        Some(Progress::Loading) => (t("bundle_web.loading", lang), true, false),
        Some(Progress::Building) => (t("bundle_web.building", lang), true, false),
        Some(Progress::Done(name)) => (t("bundle_web.ready", lang).replace("{name}", name), false, false),
        Some(Progress::LoadFailed) => (t("bundle_web.failed_load", lang), false, true),
        Some(Progress::BuildFailed(_)) => (t("bundle_web.failed_build", lang), false, true),
    };
    html! {
        <div class="bundle-status" id="bundle-status" role="status" aria-live="polite" aria-busy={busy.then_some("true")}>
            if busy { <progress aria-label={text.clone()}></progress> }
            if failed {
                <p class="error-message">{ text }</p>
            } else if !text.is_empty() {
                <p>{ text }</p>
            }
        </div>
    }
}
