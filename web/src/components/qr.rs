//! A QR code that takes the results to a phone: the results link (`tekser_rules::link`) with the
//! eligibility answers as typed — never a form's personal details — drawn as an SVG path, with what it
//! carries said beside it. Folded until asked for, except on a kiosk, where it is the way to take the
//! results home and so stands open near the top. Made in the page: nothing is sent anywhere.

use crate::i18n::t;
use crate::state::State;
use qrcode::bits::Bits;
use qrcode::{Color, EcLevel, QrCode, Version};
use std::rc::Rc;
use tekser_rules::Lang;
use yew::prelude::*;

/// The link the code carries: this page's address and the results with every answer given.
pub fn link(state: &State, base: &str) -> String {
    tekser_rules::link::results_link(base, state.lang, &state.services, state.raw.iter().map(|(k, v)| (*k, v.as_str())))
}

/// The dark modules of a QR code of `text` as an SVG path (one `M x y h… v1 h… z` per run of dark
/// modules in a row) and the code's width in modules; None when the text is too long for any QR
/// code. Error correction "low": the code stays as small as it can on a phone's screen.
pub fn path(text: &str) -> Option<(String, usize)> {
    // Byte mode in the smallest version that holds the text: the crate's segment optimiser (which
    // would mix modes) stays out of the app's WASM, and a link is bytes anyway.
    let code = (1..=40).find_map(|v| {
        let mut bits = Bits::new(Version::Normal(v));
        bits.push_byte_data(text.as_bytes()).ok()?;
        bits.push_terminator(EcLevel::L).ok()?;
        QrCode::with_bits(bits, EcLevel::L).ok()
    })?;
    let width = code.width();
    let colors = code.to_colors();
    let mut d = String::new();
    for (y, row) in colors.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if row[x] == Color::Dark {
                let run = row[x..].iter().take_while(|c| **c == Color::Dark).count();
                d.push_str(&format!("M{x} {y}h{run}v1h-{run}z"));
                x += run;
            } else {
                x += 1;
            }
        }
    }
    Some((d, width))
}

/// The code as an SVG image with a quiet zone of four modules.
fn image(text: &str, lang: Lang) -> Html {
    let Some((d, width)) = path(text) else {
        return html! { <p class="hint">{ t("qr.too_long", lang) }</p> };
    };
    let side = width + 8;
    html! {
        <svg class="qr-code" viewBox={format!("-4 -4 {side} {side}")} role="img" aria-label={t("qr.image", lang)} data-link={text.to_string()}>
            <rect x="-4" y="-4" width={side.to_string()} height={side.to_string()} class="qr-light" />
            <path d={d} class="qr-dark" />
        </svg>
    }
}

#[derive(PartialEq, Properties)]
pub struct Props {
    pub state: Rc<State>,
}

#[function_component(PhoneQr)]
pub fn phone_qr(p: &Props) -> Html {
    let lang = p.state.lang;
    let kiosk = p.state.kiosk;
    let open = use_state(move || kiosk);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| open.set(e.target_unchecked_into::<web_sys::HtmlDetailsElement>().open()))
    };
    html! {
        <details class={classes!("phone-qr", "no-print", kiosk.then_some("kiosk-qr"))} open={*open} {ontoggle}>
            <summary>{ t("qr.summary", lang) }</summary>
            <p id="qr-carries">{ t("qr.carries", lang) }</p>
            if *open {
                { image(&link(&p.state, &crate::components::answers_link::page_address()), lang) }
            }
            <p class="hint">{ t("qr.how", lang) }</p>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dark_runs_cover_the_finder_patterns() {
        let (d, width) = path("https://example.kz/#/results?lang=kk&s=phc").unwrap();
        assert_eq!((width - 17) % 4, 0, "a QR code is 17 + 4·version modules wide");
        // The top-left finder pattern's first row is a run of seven dark modules from the corner.
        assert!(d.starts_with("M0 0h7v1h-7z"), "{d}");
        // Its second row: dark, five light, dark.
        assert!(d.contains("M0 1h1v1h-1zM6 1h1v1h-1z"), "{d}");
    }

    #[test]
    fn a_text_too_long_for_any_code_gives_none() {
        assert!(path(&"x".repeat(3000)).is_none());
        assert!(path(&"x".repeat(2000)).is_some());
    }
}
