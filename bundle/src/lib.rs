//! # Tekser bundle
//!
//! Everything a person needs to apply, built from an answers file on the device: for each service
//! they may apply for, the filled forms as PDF, a "what the portal will ask" sheet where the
//! service is applied for on egov.kz, the checklist as PDF and HTML; and `answers.json`,
//! `result.json`, `README.txt` and the font's licence — one deterministic ZIP.
//!
//! ```no_run
//! let req = tekser_bundle::Request {
//!     answers: r#"{"services": ["phc"]}"#.into(),
//!     as_of: chrono::NaiveDate::from_ymd_opt(2026, 3, 20).unwrap(),
//!     lang: tekser_rules::Lang::En,
//!     base_url: None,
//! };
//! let bundle = tekser_bundle::build(&req).unwrap();
//! std::fs::write(&bundle.name, &bundle.zip).unwrap();
//! ```
//!
//! **Invariants.** No IO, no clock, no thread, no web dependency (the host and
//! `wasm32-unknown-unknown` build the same bytes). The file is read leniently ([`input`]): a bad or
//! unknown value is a blank, never an error; only text that is not a JSON object is refused. The
//! output depends only on the request: the PDFs' creation date is the as-of date, the ZIP's
//! timestamps are fixed and its files in a stable order. krilla's own validation (PDF/UA-1) failing
//! is an [`Error`], never a panic. The results link in the QR code carries the answers, never a
//! detail.

pub mod archive;
pub mod checklist;
pub mod forms;
pub mod input;
pub mod layout;

use chrono::NaiveDate;
use tekser_rules::report::Service;
use tekser_rules::{evaluate, Context, Lang};

/// What to build the bundle from.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// The answers file's text (the CLI's and the app's schema, with its `"details"`).
    pub answers: String,
    /// The day whose rules apply; also the PDFs' creation date.
    pub as_of: NaiveDate,
    /// The language of every file.
    pub lang: Lang,
    /// The app's address: when given, the checklist carries a QR code of the results link.
    pub base_url: Option<String>,
}

/// The bundle: its files, in order, and the ZIP of them with its name.
#[derive(Clone, Debug, PartialEq)]
pub struct Bundle {
    /// `tekser-<services>-<as of>.zip`.
    pub name: String,
    pub files: Vec<(String, Vec<u8>)>,
    pub zip: Vec<u8>,
}

/// Why no bundle was built.
#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    /// The text is not a JSON object.
    NotAnswers,
    /// A PDF failed krilla's checks, or the ZIP could not be written: which file, and the library's words.
    Build { file: String, message: String },
}

impl Error {
    /// The message in `lang` (the library's own words follow a PDF's name).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Error::NotAnswers => forms::t("ui.file_not_answers", lang),
            Error::Build { file, message } => format!("{file}: {message}"),
        }
    }
}

/// The file names of a service's files: its folder is the service's code.
fn folder(s: Service) -> &'static str {
    input::service_code(s)
}

/// Builds the bundle.
pub fn build(req: &Request) -> Result<Bundle, Error> {
    let input = input::read(&req.answers, req.as_of).ok_or(Error::NotAnswers)?;
    let report = evaluate(&input.answers, &Context { as_of: req.as_of });
    let lang = req.lang;
    let pairs = input.pairs.iter().map(|(k, v)| (*k, v.as_str()));
    let link = req.base_url.as_deref().map(|base| tekser_rules::link::results_link(base, lang, &input.services, pairs));
    let qr = link.as_deref().and_then(checklist::Qr::new);
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    fn fail(file: &str) -> impl Fn(String) -> Error + '_ {
        move |message| Error::Build { file: file.to_string(), message }
    }
    let mut readme = Vec::new();
    for o in report.outcomes.iter().filter(|o| o.verdict.may_apply()) {
        let dir = folder(o.service);
        let name = format!("{dir}/checklist.pdf");
        files.push((name.clone(), checklist::pdf(o, &report.edition, lang, qr.as_ref(), req.as_of).map_err(fail(&name))?));
        readme.push((name, "bundle.readme.checklist"));
        let name = format!("{dir}/checklist.html");
        files.push((name.clone(), checklist::html(o, &report.edition, lang, qr.as_ref()).into_bytes()));
        readme.push((name, "bundle.readme.checklist_html"));
        let portal = forms::on_portal(o);
        for form in tekser_rules::details::forms_for(o.service, &input.answers) {
            if portal && forms::is_online(form) {
                continue;
            }
            let name = format!("{dir}/{}", forms::file_name(form));
            files.push((name.clone(), forms::form_pdf(form, &input, lang, req.as_of).map_err(fail(&name))?));
            readme.push((name, "bundle.readme.form"));
        }
        if portal {
            let name = format!("{dir}/portal.pdf");
            files.push((name.clone(), forms::portal_pdf(o, &input, lang, req.as_of).map_err(fail(&name))?));
            readme.push((name, "bundle.readme.portal"));
        }
    }
    let answers = serde_json::to_string_pretty(&serde_json::Value::Object(input.file.clone())).unwrap_or_else(|_| "{}".into()) + "\n";
    files.push(("answers.json".into(), answers.into_bytes()));
    // The compact form (`tekser check --format json-compact`): each citation once, in a table.
    let result = serde_json::to_string_pretty(&tekser_rules::compact::Compact(&report)).unwrap_or_else(|_| "{}".into()) + "\n";
    files.push(("result.json".into(), result.into_bytes()));
    files.push(("LICENSE-DejaVu.txt".into(), include_bytes!("../fonts/LICENSE-DejaVu.txt").to_vec()));
    let any_service = !readme.is_empty();
    readme.push(("answers.json".into(), "bundle.readme.answers"));
    readme.push(("result.json".into(), "bundle.readme.result"));
    readme.push(("LICENSE-DejaVu.txt".into(), "bundle.readme.licence"));
    files.insert(0, ("README.txt".into(), readme_text(&readme, any_service, lang).into_bytes()));
    let zip = archive::zip(&files).map_err(fail("zip"))?;
    let services: Vec<&str> = input.services.iter().map(|s| input::service_code(*s)).collect();
    Ok(Bundle { name: format!("tekser-{}-{}.zip", services.join("-").replace('_', "-"), req.as_of), files, zip })
}

/// README.txt: what the bundle is and holds, in the bundle's language (CRLF, for every editor).
fn readme_text(files: &[(String, &str)], any_service: bool, lang: Lang) -> String {
    let t = |k: &str| forms::t(k, lang);
    let mut s = format!("{}\r\n\r\n{}\r\n\r\n", t("bundle.readme.title"), t("bundle.readme.intro"));
    if !any_service {
        s.push_str(&format!("{}\r\n\r\n", t("bundle.readme.none")));
    }
    s.push_str(&format!("{}\r\n", t("bundle.readme.files")));
    for (name, key) in files {
        s.push_str(&format!("  {name} — {}\r\n", t(key)));
    }
    s.push_str(&format!("\r\n{}\r\n\r\n{}\r\n", t("bundle.readme.privacy"), t("ui.screening_notice")));
    s
}
