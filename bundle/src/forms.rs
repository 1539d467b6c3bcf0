//! The filled forms and the "what the portal will ask" sheet of one service.
//!
//! Appendices 2 and 3 of Order ҚР ДСМ-59/2020 are printed in the source: they are laid out line by
//! line as printed (`form59.*` texts), the person's values on the lines, blanks left to fill by
//! hand. Every other form (`details::FORMS` with `official: false`) is laid out from its fields and
//! marked as prepared by the applicant, never as an official form. Each names the provision that
//! asks for it.

use crate::input::Input;
use crate::layout::{Doc, SMALL};
use tekser_rules::answers::licence::LicenceAction;
use tekser_rules::data::Provision;
use tekser_rules::details::{self, Form};
use tekser_rules::report::{Channel, Outcome, Service};
use tekser_rules::{Answers, Lang};

pub fn t(key: &str, lang: Lang) -> String {
    tekser_rules::text::word(key, lang)
}

/// "Order … of …, para 4": the act and the unit of a provision.
pub fn cite(p: &Provision, lang: Lang) -> String {
    format!("{}, {}", tekser_rules::text::source_label(p.act, lang), p.unit.get(lang))
}

/// The serde name of a unit enum value (`LegalEntity` → `legal_entity`).
pub fn code<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

pub fn lang_code(l: Lang) -> &'static str {
    l.code()
}

/// The value a form prints for a detail: as typed when it fits its field (a bad one stays blank),
/// else what the answers know (the IIN, the BIN, the citizenship).
pub fn value(path: &str, input: &Input) -> Option<String> {
    let bad = input.details.validate().iter().any(|e| e.field == path);
    if let Some(v) = input.details.get(path).filter(|_| !bad) {
        return Some(v.trim().to_string());
    }
    let a = &input.answers;
    match path {
        "applicant.iin" => a.person.iin.clone(),
        "entity.bin" => a.licence.bin.clone(),
        "applicant.nationality" => a.person.citizenship.clone(),
        _ => None,
    }
}

/// The lines a form takes from the answers: (label, value) in the person's language.
fn from_answers(service: Service, a: &Answers, lang: Lang) -> Vec<(String, String)> {
    let option = |field: &str, c: String| t(&format!("option.{field}.{c}"), lang);
    let mut out = Vec::new();
    match service {
        Service::Phc => {
            if let Some(r) = a.phc.reason {
                out.push((t("bundle.label.phc_reason", lang), option("phc.reason", code(&r))));
            }
        }
        Service::Registration => {
            if let Some(k) = a.registration.kind {
                out.push((t("bundle.label.registration_kind", lang), option("registration.kind", code(&k))));
            }
            if let Some(d) = a.registration.arrival_date {
                out.push((t("bundle.label.arrival_date", lang), tekser_rules::text::dmy(d)));
            }
        }
        Service::Trp => {
            if let Some(s) = a.trp.subtype {
                out.push((t("bundle.label.trp_subtype", lang), option("trp.subtype", s.code().to_string())));
            }
        }
        Service::MedicalLicence => {}
    }
    out
}

/// The file name of a form's PDF.
pub fn file_name(form: &Form) -> String {
    format!("{}.pdf", form.code.replace('_', "-"))
}

/// A form as PDF.
pub fn form_pdf(form: &Form, input: &Input, lang: Lang, as_of: chrono::NaiveDate) -> Result<Vec<u8>, String> {
    let title = t(&format!("details.form.{}", form.code), lang);
    let mut d = Doc::new(&title, lang_code(lang), as_of);
    match form.code {
        "licence_appendix_2" => appendix_2_3(&mut d, input, lang, false),
        "licence_appendix_3" => appendix_2_3(&mut d, input, lang, true),
        _ => prepared(&mut d, form, input, lang),
    }
    d.gap(6.0);
    d.small(&format!("{}: {}", t("bundle.basis", lang), cite(form.citation, lang)));
    d.finish()
}

/// Appendix 2 (an individual) or 3 (a legal entity) as printed in the source.
fn appendix_2_3(d: &mut Doc, input: &Input, lang: Lang, entity: bool) {
    let v = |p: &str| value(p, input);
    let form = if entity { "licence_appendix_3" } else { "licence_appendix_2" };
    d.small(&t(if entity { "form59.annex_3" } else { "form59.annex_2" }, lang));
    d.small(&t("form59.form", lang));
    d.heading(1, &t(&format!("details.form.{form}"), lang));
    d.fill_line(&t("form59.to", lang), v("licence.licensor").as_deref(), Some(&t("form59.to_hint", lang)));
    let from: Vec<String> = if entity {
        ["entity.name", "entity.location", "entity.bin"].iter().filter_map(|p| v(p)).collect()
    } else {
        ["applicant.full_name", "applicant.iin"].iter().filter_map(|p| v(p)).collect()
    };
    let from_hint = t(if entity { "form59.from_hint_entity" } else { "form59.from_hint_individual" }, lang);
    d.fill_line(&t("form59.from", lang), (!from.is_empty()).then(|| from.join(", ")).as_deref(), Some(&from_hint));
    d.fill_line(
        &t(if entity { "form59.request_entity" } else { "form59.request_individual" }, lang),
        v("licence.activity").as_deref(),
        Some(&t("form59.activity_hint", lang)),
    );
    let paper = match v("licence.paper_copy").as_deref() {
        Some("yes") => Some("X"),
        _ => None,
    };
    d.fill_line(&t("form59.paper", lang), paper, Some(&t("form59.paper_hint", lang)));
    let (addr, addr_label, addr_hint) = if entity {
        ("entity.address", "form59.address_entity", "form59.address_entity_hint")
    } else {
        ("applicant.address", "form59.address_individual", "form59.address_individual_hint")
    };
    d.fill_line(&t(addr_label, lang), v(addr).as_deref(), Some(&t(addr_hint, lang)));
    d.fill_line(&t("form59.email", lang), v("applicant.email").as_deref(), None);
    d.fill_line(&t("form59.phones", lang), v("applicant.phone").as_deref(), None);
    d.fill_line(&t("form59.fax", lang), v("licence.fax").as_deref(), None);
    d.fill_line(&t("form59.bank", lang), v("licence.bank_account").as_deref(), Some(&t("form59.bank_hint", lang)));
    d.fill_line(&t("form59.object", lang), v("licence.object_address").as_deref(), Some(&t("form59.object_hint", lang)));
    let sheets = v("licence.sheets_attached").unwrap_or_else(|| "_____".into());
    d.para(&t("form59.sheets", lang).replace("{n}", &sheets));
    d.gap(4.0);
    // The four confirmations are the form's own words; the answers already gave them (no court ban,
    // the consent to personal data), or the service would not be in the bundle.
    d.para(&t("form59.confirm", lang));
    for i in 1..=4 {
        d.para_at(&t(&format!("form59.confirm_{i}"), lang), crate::layout::BODY, false, 12.0);
    }
    d.gap(8.0);
    let signer = if entity { v("entity.head_name") } else { v("applicant.full_name") };
    d.fill_line(
        &format!("{} ____________", t(if entity { "form59.signer_entity" } else { "form59.signer_individual" }, lang)),
        signer.as_deref(),
        Some(&t("form59.signature_hint", lang)),
    );
    d.para(&t("form59.date", lang));
}

/// A form the source does not print: its fields and what the answers say, marked as prepared by
/// the applicant.
fn prepared(d: &mut Doc, form: &Form, input: &Input, lang: Lang) {
    d.heading(1, &t(&format!("details.form.{}", form.code), lang));
    d.bold(&t("bundle.prepared_by_applicant", lang));
    d.gap(4.0);
    let opening = match form.code {
        "phc_application" => Some(("bundle.to_head_of", "bundle.phc_request")),
        "registration_consent" => Some(("bundle.label.owner", "bundle.consent_text")),
        "trp_questionnaire" => Some(("bundle.label.applicant", "bundle.trp_request")),
        "licence_appendix_4" | "licence_appendix_5" => Some(("bundle.label.applicant", "bundle.duplicate_request")),
        _ => None,
    };
    if let Some((party, request)) = opening {
        d.para(&t(request, lang));
        d.bold(&t(party, lang));
    }
    for path in form.fields {
        let hint = t(&format!("details.hint.{path}"), lang);
        d.fill_line(&t(&format!("details.field.{path}"), lang), value(path, input).as_deref(), Some(&hint));
    }
    for (label, v) in from_answers(form.service, &input.answers, lang) {
        d.fill_line(&label, Some(&v), Some(&t("bundle.from_answers", lang)));
    }
    d.gap(8.0);
    d.fill_line(&t("bundle.signature", lang), None, None);
    d.fill_line(&t("bundle.date_line", lang), None, None);
    d.para_at(&t("bundle.blank_hint", lang), SMALL, false, 0.0);
}

/// A form that lists what the online flow asks: the portal sheet replaces its PDF.
pub fn is_online(form: &Form) -> bool {
    form.code.ends_with("_online")
}

/// Whether the service is applied for on the portal: an open egov channel.
pub fn on_portal(o: &Outcome) -> bool {
    o.channels.iter().any(|c| c.available && matches!(c.channel, Channel::EgovEds | Channel::EgovOtp))
}

/// The "what the portal will ask" sheet: the fields of the service's forms with the person's values,
/// then what the answers give.
pub fn portal_pdf(o: &Outcome, input: &Input, lang: Lang, as_of: chrono::NaiveDate) -> Result<Vec<u8>, String> {
    let service = t(&format!("service.{}", code(&o.service)), lang);
    let title = format!("{} — {service}", t("bundle.portal.title", lang));
    let mut d = Doc::new(&title, lang_code(lang), as_of);
    d.heading(1, &title);
    d.para(&t("bundle.portal.intro", lang));
    d.small(&t("bundle.portal.order", lang));
    d.gap(4.0);
    // Where a form lists what the online flow asks (registration), the sheet is that form.
    let all = details::forms_for(o.service, &input.answers);
    let online: Vec<&Form> = all.iter().copied().filter(|f| is_online(f)).collect();
    let forms = if online.is_empty() { all } else { online };
    let mut seen: Vec<&str> = Vec::new();
    // The application's own fields come first on the portal; the signature and the paper copy
    // of the licence are not typed in.
    for form in &forms {
        for path in form.fields {
            if seen.contains(path) || *path == "licence.paper_copy" {
                continue;
            }
            seen.push(path);
            d.fill_line(&t(&format!("details.field.{path}"), lang), value(path, input).as_deref(), None);
        }
    }
    for (label, v) in from_answers(o.service, &input.answers, lang) {
        d.fill_line(&label, Some(&v), None);
    }
    if o.service == Service::MedicalLicence && input.answers.licence.action.is_none_or(|a| a != LicenceAction::Duplicate) {
        d.small(&t("bundle.blank_hint", lang));
    }
    for form in &forms {
        d.small(&format!("{}: {}", t("bundle.basis", lang), cite(form.citation, lang)));
    }
    d.finish()
}
