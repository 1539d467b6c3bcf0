//! IIN (individuals) and BIN (legal entities): 12 digits with a check digit.
//!
//! Rules for forming the identification number, Government Decree No. 406 of 22.05.2007 (as the
//! research notes cite it; the algorithm is from secondary implementations that agree). Only the
//! digit count and the check digit are held against a number: after Decree No. 853 of 26.08.2013
//! the date and century digits need not match the person, so age or sex is **never** derived from
//! an IIN.
//!
//! What the check digit can catch (`tests/properties.rs` holds it): every slip in the 12th digit,
//! and a slip in digits 1–10 unless it makes the first weighting give 10 (then the second decides
//! and may agree by chance: about 1.5 % of such slips pass). The 11th digit weighs 11 ≡ 0 (mod 11)
//! in the first weighting, so a slip there passes unless the second weighting is used (about 92 %
//! of slips in the 11th digit pass). A valid-looking number is therefore not proof of the right one.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IdError {
    /// Anything but exactly 12 ASCII digits.
    NotTwelveDigits,
    /// The 12th digit does not match the check digit.
    WrongCheckDigit,
    /// Both weighting passes give 10: such a number is never issued.
    NeverIssued,
}

const W1: [u32; 11] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const W2: [u32; 11] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/// The check digit of the first 11 digits, or `None` when both passes give 10.
pub fn check_digit(d: &[u32; 12]) -> Option<u32> {
    let pass = |w: &[u32; 11]| d.iter().zip(w).map(|(a, b)| a * b).sum::<u32>() % 11;
    match pass(&W1) {
        10 => match pass(&W2) {
            10 => None,
            r => Some(r),
        },
        r => Some(r),
    }
}

/// Validates an IIN or a BIN (the same algorithm).
pub fn validate(s: &str) -> Result<(), IdError> {
    let b = s.as_bytes();
    if b.len() != 12 || !b.iter().all(u8::is_ascii_digit) {
        return Err(IdError::NotTwelveDigits);
    }
    let mut d = [0u32; 12];
    for (i, c) in b.iter().enumerate() {
        d[i] = u32::from(c - b'0');
    }
    match check_digit(&d) {
        None => Err(IdError::NeverIssued),
        Some(c) if c == d[11] => Ok(()),
        Some(_) => Err(IdError::WrongCheckDigit),
    }
}
