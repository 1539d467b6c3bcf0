//! The results link for the QR code: the app's address with the screen, language, services and the
//! answers as raw text in the fragment (`#/results?lang=…&s=…&<field path>=<raw>…`), the form the
//! app reads (`web/src/state.rs`, `from_fragment`). Never a detail.

use crate::input::service_code;
use tekser_rules::report::Service;
use tekser_rules::Lang;

/// Percent-encodes everything but unreserved characters (RFC 3986), as the app does.
fn enc(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn lang_code(l: Lang) -> &'static str {
    match l {
        Lang::Kk => "kk",
        Lang::Ru => "ru",
        Lang::En => "en",
    }
}

/// The link to the results page with the answers.
pub fn results_link(base: &str, lang: Lang, services: &[Service], pairs: &[(&str, String)]) -> String {
    let codes: Vec<&str> = services.iter().map(|s| service_code(*s)).collect();
    let mut s = format!("{}#/results?lang={}&s={}", base.split('#').next().unwrap_or(base), lang_code(lang), codes.join(","));
    for (k, v) in pairs {
        s.push_str(&format!("&{k}={}", enc(v)));
    }
    s
}
