//! The results link: the address that opens the app on a person's results with their answers, as the
//! app's "a link with my answers" box, its QR code and the application bundle's checklist carry it
//! (`<base>#/results?lang=kk&s=phc,trp&person.status=citizen&…`). It holds the eligibility answers as
//! typed and nothing else (never a form's personal details); the app reads it back with its URL reader.
//! Made only when the person asks for a link or a bundle: the app's own URL never holds an answer.

use crate::{Lang, Service};

/// The fragment of a link: the screen, the language, the services and each `(field path, raw answer)`
/// pair in the order given, percent-encoded ([`encode`]).
pub fn fragment<'a>(screen: &str, lang: Lang, services: &[Service], answers: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let codes: Vec<&str> = services.iter().map(|s| s.code()).collect();
    let mut q = format!("#/{screen}?lang={}&s={}", lang.code(), codes.join(","));
    append_answers(&mut q, answers);
    q
}

/// The link to the results with these answers: `base` (the app's address, without a fragment) and
/// the results screen's [`fragment`].
pub fn results_link<'a>(base: &str, lang: Lang, services: &[Service], answers: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let base = base.split('#').next().unwrap_or_default();
    format!("{base}{}", fragment("results", lang, services, answers))
}

/// Adds `&<field path>=<raw answer>` for each pair.
pub fn append_answers<'a>(q: &mut String, answers: impl IntoIterator<Item = (&'a str, &'a str)>) {
    for (path, raw) in answers {
        q.push('&');
        q.push_str(&encode(path));
        q.push('=');
        q.push_str(&encode(raw));
    }
}

/// Percent-encodes every byte but the unreserved ones (RFC 3986 §2.3: letters, digits, `-._~`), so
/// a value survives any URL parser, a QR code's byte mode and a copy from a message.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_results_link_carries_language_services_and_answers_encoded() {
        let link = results_link(
            "https://example.kz/tekser/#/start?lang=ru",
            Lang::Ru,
            &[Service::Phc, Service::Registration],
            [("person.status", "citizen"), ("registration.address", "Абай 1/2 & co")],
        );
        assert_eq!(
            link,
            "https://example.kz/tekser/#/results?lang=ru&s=phc,registration&person.status=citizen\
             &registration.address=%D0%90%D0%B1%D0%B0%D0%B9%201%2F2%20%26%20co"
        );
    }

    #[test]
    fn unreserved_characters_stay_and_all_others_are_escaped() {
        assert_eq!(encode("a-Z_0.9~"), "a-Z_0.9~");
        assert_eq!(encode("14:30"), "14%3A30");
        assert_eq!(encode("Қ"), "%D2%9A");
        assert_eq!(encode(""), "");
    }

    #[test]
    fn codes_are_the_serde_names() {
        for s in Service::ALL {
            assert_eq!(fragment("results", Lang::En, &[s], []), format!("#/results?lang=en&s={}", s.code()));
            assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{}\"", s.code()));
        }
        for l in Lang::ALL {
            assert_eq!(Lang::parse(l.code()), Some(l));
        }
    }
}
