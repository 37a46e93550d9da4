//! The number rules behind the scanner: GB 11643 resident ID numbers (18- and 15-digit), Luhn
//! for bank cards, mainland mobile numbers, and GB 32100 unified social credit codes (the one
//! kind of 18-character code that looks most like an ID number, recognised so that it is
//! *not* reported).
//!
//! Every function takes ASCII bytes and never panics: the scanner hands over whatever the
//! text contains.

use jiff::civil::Date;

/// How an 18-character candidate relates to GB 11643-1999.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Id18 {
    /// Valid prefix, birth date and MOD 11-2 check character.
    Valid,
    /// Valid prefix and birth date, wrong check character: a typo of a real number is still
    /// personal data.
    BadCheck,
}

/// Checks an 18-character token (17 digits and a digit or `X`).
///
/// A first digit 9 is the 2023 外国人永久居留身份证; its numbers are accepted only with a
/// correct check character, because `9…` is also how most unified social credit codes start,
/// and an all-digit credit code that passes the GB 32100 check is taken to be one.
pub(super) fn id18(b: &[u8], today: Date) -> Option<Id18> {
    if b.len() != 18 || !b[..17].iter().all(u8::is_ascii_digit) {
        return None;
    }
    if !matches!(b[17], b'0'..=b'9' | b'X' | b'x') {
        return None;
    }
    let foreign = b[0] == b'9';
    if !(foreign || province_ok(b)) || !birth_ok(&b[6..14], today) {
        return None;
    }
    let valid = id18_check_char(b) == Some(b[17].to_ascii_uppercase());
    if uscc_ok(b) && (foreign || !valid) {
        return None;
    }
    match (valid, foreign) {
        (true, _) => Some(Id18::Valid),
        (false, false) => Some(Id18::BadCheck),
        (false, true) => None,
    }
}

/// A 15-digit GB 11643-1989 number: province prefix and a real `YYMMDD` birth date in the
/// 1900s (the legacy format had no century; it was replaced in 1999).
pub(super) fn id15(b: &[u8], today: Date) -> bool {
    if b.len() != 15 || !b.iter().all(u8::is_ascii_digit) || !province_ok(b) {
        return false;
    }
    let mut ymd = [b'1', b'9', 0, 0, 0, 0, 0, 0];
    ymd[2..].copy_from_slice(&b[6..12]);
    birth_ok(&ymd, today)
}

/// Province codes of GB/T 2260 (first two digits), plus 71 (台湾) and 81–83 (港澳台 residence
/// permits). Historical county codes are not checked: an ID keeps the code of where it was
/// issued, long abolished or not.
fn province_ok(b: &[u8]) -> bool {
    let p = number(b.get(..2).unwrap_or_default());
    matches!(
        p,
        11..=15 | 21..=23 | 31..=37 | 41..=46 | 50..=54 | 61..=65 | 71 | 81..=83
    )
}

/// `YYYYMMDD` is a real day from 1900 to `today`.
fn birth_ok(ymd: &[u8], today: Date) -> bool {
    if ymd.len() != 8 || !ymd.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let (y, m, d) = (number(&ymd[..4]), number(&ymd[4..6]), number(&ymd[6..]));
    let (Ok(y), Ok(m), Ok(d)) = (i16::try_from(y), i8::try_from(m), i8::try_from(d)) else {
        return false;
    };
    y >= 1900 && Date::new(y, m, d).is_ok_and(|date| date <= today)
}

/// ISO 7064 MOD 11-2 as GB 11643 uses it: weights `2^(17-i) mod 11`, remainder 0..10 maps to
/// `1 0 X 9 8 7 6 5 4 3 2`.
fn id18_check_char(b: &[u8]) -> Option<u8> {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: &[u8; 11] = b"10X98765432";
    let digits = b.get(..17)?;
    let sum: u32 = digits
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d.wrapping_sub(b'0')) * w)
        .sum();
    CHECK.get(usize::try_from(sum % 11).ok()?).copied()
}

/// The Luhn check of bank card numbers (ISO/IEC 7812).
pub(super) fn luhn_ok(b: &[u8]) -> bool {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = b
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let v = u32::from(d - b'0');
            match (i % 2 == 1, v * 2) {
                (false, _) => v,
                (true, doubled) if doubled > 9 => doubled - 9,
                (true, doubled) => doubled,
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// A bank card: 16–19 digits, an issuer prefix seen on cards held in China, and Luhn.
///
/// Prefixes: 62 (银联), 60 (early domestic BINs such as 中国银行 601382), 4 (Visa), 5
/// (Mastercard and domestic credit BINs), 35 (JCB), 95 (older domestic 19-digit debit cards
/// such as 9558…). Restricting the prefix keeps 16–19 digit serial numbers (orders, parcels,
/// meters), of which one in ten passes Luhn by chance, from being reported.
pub(super) fn bank_card(b: &[u8]) -> bool {
    let prefix_ok = matches!(
        b,
        [b'4' | b'5', ..] | [b'6', b'0' | b'2', ..] | [b'3', b'5', ..] | [b'9', b'5', ..]
    );
    (16..=19).contains(&b.len()) && prefix_ok && luhn_ok(b)
}

/// A mainland mobile number: 11 digits, `1[3-9]…`.
pub(super) fn mobile(b: &[u8]) -> bool {
    b.len() == 11 && b.iter().all(u8::is_ascii_digit) && b[0] == b'1' && (b'3'..=b'9').contains(&b[1])
}

/// GB 32100-2015 unified social credit code check (MOD 31 over an alphabet without I O S V Z).
fn uscc_ok(b: &[u8]) -> bool {
    const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
    const WEIGHTS: [usize; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    let value = |c: &u8| ALPHABET.iter().position(|a| *a == c.to_ascii_uppercase());
    if b.len() != 18 {
        return false;
    }
    let mut sum = 0;
    for (c, w) in b[..17].iter().zip(WEIGHTS) {
        match value(c) {
            Some(v) => sum += v * w,
            None => return false,
        }
    }
    let check = (31 - sum % 31) % 31;
    value(&b[17]) == Some(check)
}

/// A short run of ASCII digits as a number (0 for anything else); callers pass at most 4.
fn number(b: &[u8]) -> u32 {
    b.iter()
        .take(9)
        .fold(0, |acc, d| acc * 10 + u32::from(d.wrapping_sub(b'0') % 10))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const TODAY: Date = date(2026, 9, 25);

    #[test]
    fn published_samples_check_out() {
        assert_eq!(id18(b"11010519491231002X", TODAY), Some(Id18::Valid));
        assert_eq!(id18(b"11010519491231002x", TODAY), Some(Id18::Valid));
        assert_eq!(id18_check_char(b"44052418800101001"), Some(b'4'));
    }

    #[test]
    fn birth_before_1900_or_after_today_is_not_an_id() {
        // The standard's own 1880 sample: no living person, so not reported.
        assert_eq!(id18(b"440524188001010014", TODAY), None);
        assert_eq!(id18(b"340825202701011234", TODAY), None);
    }

    #[test]
    fn bad_check_is_a_near_miss() {
        assert_eq!(id18(b"110105194912310021", TODAY), Some(Id18::BadCheck));
    }

    #[test]
    fn province_and_date_gate() {
        assert_eq!(id18(b"99010519491231002X", TODAY), None);
        assert_eq!(id18(b"00010519491231002X", TODAY), None);
        assert_eq!(id18(b"110105194902300021", TODAY), None);
    }

    #[test]
    fn fifteen_digit_ids() {
        assert!(id15(b"110105491231002", TODAY));
        assert!(!id15(b"110105491331002", TODAY));
        assert!(!id15(b"990105491231002", TODAY));
        assert!(!id15(b"11010549123100", TODAY));
    }

    #[test]
    fn luhn_and_bank_cards() {
        assert!(luhn_ok(b"4111111111111111"));
        assert!(!luhn_ok(b"4111111111111112"));
        assert!(bank_card(b"6222021234567890128"));
        assert!(!bank_card(b"1222021234567890123"));
        assert!(!bank_card(b"411111111111111"));
    }

    #[test]
    fn mobiles() {
        assert!(mobile(b"13812345678"));
        assert!(mobile(b"19912345678"));
        assert!(!mobile(b"12812345678"));
        assert!(!mobile(b"1381234567"));
    }

    #[test]
    fn credit_codes() {
        assert!(uscc_ok(b"91350100M000100Y43"));
        assert!(!uscc_ok(b"91350100M000100Y44"));
        assert!(!uscc_ok(b"short"));
    }
}
