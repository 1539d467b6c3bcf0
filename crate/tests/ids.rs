//! IIN and BIN worked examples from the research notes (kz-calendar-mci-iin.md §6.3).

use tekser_rules::ids::{validate, IdError};

#[test]
fn iin_that_needs_the_second_pass() {
    // First pass: sum 87, 87 mod 11 = 10; second pass: sum 112, 112 mod 11 = 2 = the 12th digit.
    assert_eq!(validate("061211600012"), Ok(()));
    assert_eq!(validate("061211600013"), Err(IdError::WrongCheckDigit));
}

#[test]
fn bins_from_the_notes() {
    assert_eq!(validate("940140000385"), Ok(())); // sum 159, remainder 5
    assert_eq!(validate("990140004654"), Ok(())); // remainder 4
    assert_eq!(validate("940140000386"), Err(IdError::WrongCheckDigit));
}

#[test]
fn anything_but_twelve_digits_is_rejected() {
    for bad in ["", "06121160001", "0612116000120", "06121160001a", "０６１２１１６０００１２", " 061211600012"] {
        assert_eq!(validate(bad), Err(IdError::NotTwelveDigits), "{bad:?}");
    }
}

#[test]
fn a_number_whose_both_passes_give_ten_is_never_issued() {
    let found = (0..100_000u32).map(|n| format!("{n:011}0")).find(|s| {
        let d: Vec<u32> = s.bytes().map(|b| u32::from(b - b'0')).collect();
        let w1: u32 = d.iter().take(11).zip(1..=11).map(|(a, b)| a * b).sum::<u32>() % 11;
        let w2: u32 = d.iter().take(11).zip([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]).map(|(a, b)| a * b).sum::<u32>() % 11;
        w1 == 10 && w2 == 10
    });
    let s = found.expect("some 11-digit prefix gives 10 twice");
    assert_eq!(validate(&s), Err(IdError::NeverIssued));
}

#[test]
fn date_and_century_digits_are_not_held_against_the_person() {
    // Month 13 and century digit 0: only the check digit counts (Decree No. 853 of 2013).
    let prefix = "001300012345";
    let d: Vec<u32> = prefix.bytes().take(11).map(|b| u32::from(b - b'0')).collect();
    let mut arr = [0u32; 12];
    arr[..11].copy_from_slice(&d);
    let c = tekser_rules::ids::check_digit(&arr).expect("this prefix has a check digit");
    assert_eq!(validate(&format!("{}{c}", &prefix[..11])), Ok(()));
}
