//! Finding identifiers in text.
//!
//! The text is read as a sequence of *units*: one per character, normalised (full-width digits,
//! letters and separators to ASCII, every kind of space to `' '`) but remembering the byte span
//! of the original character, so hits point into the text as written.
//!
//! A number is a candidate only where it stands alone: no ASCII letter, digit or mask character
//! right before or after it, no hyphen gluing it to more letters or digits (`2026-341099-…`),
//! and no decimal point between it and more digits (`13812345678.05`). That one rule is what
//! keeps 索引号 (`341099100/2026-00012`), project codes (`2026-341099-48-01-012345`), credit
//! codes (`91341099MA2N1X2Y3Q`), amounts (`1,234,567.89`) and already-masked tokens
//! (`138****5678`) from being reported.
//!
//! `/`, `_` and a `.` before letters do *not* glue: `0556-1234567/13812345678` lists two
//! numbers, and an ID number in a file name or URL (`张三_340825199001011239.jpg`) is published
//! as surely as one in the text.

use jiff::civil::Date;

use super::ids::{self, Id18};
use super::{Hit, IdKind};

/// One character of the text, normalised, with the byte offset of the original character
/// (the next unit's offset, or the text's length, ends it).
#[derive(Debug, Clone, Copy)]
struct Unit {
    c: char,
    start: usize,
}

/// The text as units. Full-width forms (what a Chinese input method types) become ASCII so
/// that `１３８１２３４５６７８` is seen as the number it is.
fn units(text: &str) -> Vec<Unit> {
    text.char_indices()
        .map(|(start, c)| Unit { c: normalize(c), start })
        .collect()
}

fn normalize(c: char) -> char {
    match c {
        // Full-width ASCII block: digits, letters, punctuation (！ to ～).
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' | '\t' => ' ',
        '\u{2010}' | '\u{2011}' | '\u{2212}' | '\u{FE63}' => '-',
        c => c,
    }
}

/// Characters that stand for a hidden digit in a masked number.
fn is_mask(c: char) -> bool {
    matches!(c, '*' | '＊' | '×' | '﹡' | '✱' | '●' | '•')
}

/// Whether `c` glues the number on one side of it to `other` on the far side into one longer
/// code: a hyphen between letters, digits or masks, or a decimal point between digits.
fn glues(c: char, other: char) -> bool {
    match c {
        '-' => other.is_ascii_alphanumeric() || is_mask(other),
        '.' => other.is_ascii_digit(),
        _ => false,
    }
}

/// Separators allowed between the groups of a grouped number (`138 1234 5678`).
fn is_group_separator(c: char) -> bool {
    c == ' ' || c == '-'
}

/// Finds the identifiers in `text` (see [`super::Scanner::scan`]), leaving out numbers whose
/// digits are in `allowed`.
pub(super) fn find(text: &str, today: Date, allowed: &[String]) -> Vec<Hit> {
    if !has_enough_digits(text) {
        return Vec::new();
    }
    let units = units(text);
    let mut hits = Vec::new();
    let mut i = 0;
    while i < units.len() {
        if let Some(m) = match_at(&units, i, today) {
            if !m.is_allowed(allowed) {
                hits.push(m.into_hit(text, &units));
            }
            i = m.end;
        } else if units[i].c.is_ascii_alphanumeric() {
            // Nothing inside a word can start a candidate: skip to its end.
            while units.get(i).is_some_and(|x| x.c.is_ascii_alphanumeric()) {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    hits
}

/// Cheap pre-check: the shortest identifier (a mobile number) has 11 digits.
fn has_enough_digits(text: &str) -> bool {
    text.chars()
        .filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .nth(10)
        .is_some()
}

/// A match in unit indices: `[start, end)` covers the whole token, `core` the number proper
/// (without a `+86` prefix), `digits` its normalised characters.
#[derive(Debug, Clone, Copy)]
struct Match {
    kind: IdKind,
    start: usize,
    core: usize,
    end: usize,
    digits: Digits,
}

/// Up to 19 normalised ASCII characters, kept on the stack.
#[derive(Debug, Clone, Copy)]
struct Digits {
    bytes: [u8; 19],
    len: usize,
}

impl Digits {
    fn new() -> Digits {
        Digits { bytes: [0; 19], len: 0 }
    }

    fn push(&mut self, c: char) -> bool {
        if self.len == self.bytes.len() || !c.is_ascii() {
            return false;
        }
        self.bytes[self.len] = c as u8;
        self.len += 1;
        true
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

impl Match {
    /// Official contact numbers pass; compared on digits only, the number proper (so
    /// `+86 138 1234 5678` matches a listed `138-1234-5678`).
    fn is_allowed(&self, allowed: &[String]) -> bool {
        let digits = self.digits.as_bytes();
        allowed.iter().any(|a| a.as_bytes() == digits)
    }

    fn into_hit(self, text: &str, units: &[Unit]) -> Hit {
        let byte = |i: usize| units.get(i).map_or(text.len(), |u| u.start);
        let (start, core, end) = (byte(self.start), byte(self.core), byte(self.end));
        let digits = String::from_utf8_lossy(self.digits.as_bytes()).into_owned();
        let prefix = text.get(start..core).unwrap_or_default();
        Hit {
            kind: self.kind,
            start,
            end,
            found: text.get(start..end).unwrap_or_default().to_string(),
            masked: format!("{prefix}{}", super::mask(self.kind, &digits)),
        }
    }
}

/// Whether a token may start at `i`: nothing word-like glued to its left.
///
/// A run of mask characters counts as part of the word it touches only when a letter or digit
/// is on its far side: `340825********1234` is a masked token, but in Markdown's
/// `**13812345678**` the stars are emphasis and the number is bare.
fn clear_before(u: &[Unit], i: usize) -> bool {
    let mut k = i;
    while k > 0 && u.get(k - 1).is_some_and(|x| is_mask(x.c)) {
        k -= 1;
    }
    let Some(prev) = k.checked_sub(1).and_then(|p| u.get(p)) else {
        return true;
    };
    if prev.c.is_ascii_alphanumeric() {
        return false;
    }
    let glued = k >= 2 && u.get(k - 2).is_some_and(|w| glues(prev.c, w.c));
    !glued
}

/// Whether a token may end before `e`: nothing word-like glued to its right (mask runs as in
/// [`clear_before`]).
fn clear_after(u: &[Unit], e: usize) -> bool {
    let mut k = e;
    while u.get(k).is_some_and(|x| is_mask(x.c)) {
        k += 1;
    }
    let Some(next) = u.get(k) else {
        return true;
    };
    if next.c.is_ascii_alphanumeric() {
        return false;
    }
    let glued = u.get(k + 1).is_some_and(|w| glues(next.c, w.c));
    !glued
}

/// The identifier starting at unit `i`, if any.
fn match_at(u: &[Unit], i: usize, today: Date) -> Option<Match> {
    let first = u.get(i)?.c;
    if !(first.is_ascii_digit() || first == '+') || !clear_before(u, i) {
        return None;
    }
    if first == '+' {
        return match_plus86(u, i);
    }
    match_contiguous(u, i, today).or_else(|| match_grouped(u, i, today))
}

/// Length of the run of ASCII digits at `i`.
fn digit_run(u: &[Unit], i: usize) -> usize {
    u.get(i..)
        .map_or(0, |rest| rest.iter().take_while(|x| x.c.is_ascii_digit()).count())
}

/// Collects the characters of `u[from..to]` that are not separators.
fn collect(u: &[Unit], from: usize, to: usize) -> Option<Digits> {
    let mut d = Digits::new();
    for unit in u.get(from..to)? {
        if unit.c.is_ascii_alphanumeric() && !d.push(unit.c.to_ascii_uppercase()) {
            return None;
        }
    }
    Some(d)
}

/// An ungrouped number: `340825199001011234`, `13812345678`, `8613812345678`, a card number.
fn match_contiguous(u: &[Unit], i: usize, today: Date) -> Option<Match> {
    let mut end = i + digit_run(u, i);
    if end - i == 17 && u.get(end).is_some_and(|x| matches!(x.c, 'X' | 'x')) {
        end += 1;
    }
    if !clear_after(u, end) {
        return excel_float_mobile(u, i, end);
    }
    let digits = collect(u, i, end)?;
    let kind = classify_contiguous(digits.as_bytes(), today)?;
    let core = if kind == IdKind::Mobile && digits.len == 13 {
        i + 2
    } else {
        i
    };
    let digits = if core == i { digits } else { collect(u, core, end)? };
    Some(Match {
        kind,
        start: i,
        core,
        end,
        digits,
    })
}

/// What an ungrouped run of digits is. A valid ID wins over a card number; a card number
/// (Luhn) over an ID with a bad check digit.
fn classify_contiguous(b: &[u8], today: Date) -> Option<IdKind> {
    match b.len() {
        11 if ids::mobile(b) => Some(IdKind::Mobile),
        13 if b.starts_with(b"86") && ids::mobile(&b[2..]) => Some(IdKind::Mobile),
        15 if ids::id15(b, today) => Some(IdKind::ResidentId15),
        18 => match ids::id18(b, today) {
            Some(Id18::Valid) => Some(IdKind::ResidentId18),
            _ if ids::bank_card(b) => Some(IdKind::BankCard),
            Some(Id18::BadCheck) => Some(IdKind::ResidentId18),
            None => None,
        },
        16..=19 if ids::bank_card(b) => Some(IdKind::BankCard),
        _ => None,
    }
}

/// `13812345678.0`: a mobile number that went through a spreadsheet as a float. The `.0` is
/// an artefact, not part of a longer number, so the number is still reported.
fn excel_float_mobile(u: &[Unit], i: usize, end: usize) -> Option<Match> {
    let is = |k: usize, c: char| u.get(k).is_some_and(|x| x.c == c);
    if end - i != 11 || !is(end, '.') || !is(end + 1, '0') || !clear_after(u, end + 2) {
        return None;
    }
    let digits = collect(u, i, end)?;
    ids::mobile(digits.as_bytes()).then_some(Match {
        kind: IdKind::Mobile,
        start: i,
        core: i,
        end,
        digits,
    })
}

/// The groups of a grouped number starting at `i`: their lengths and the end, all groups
/// joined by one and the same separator character. Stops after 7 groups (no identifier has
/// more).
fn groups(u: &[Unit], i: usize) -> (Vec<usize>, usize) {
    let first = digit_run(u, i);
    let mut lens = vec![first];
    let mut end = i + first;
    let Some(sep) = u.get(end).map(|x| x.c).filter(|c| is_group_separator(*c)) else {
        return (lens, end);
    };
    while lens.len() < 7 && u.get(end).is_some_and(|x| x.c == sep) {
        let run = digit_run(u, end + 1);
        if run == 0 {
            break;
        }
        lens.push(run);
        end += 1 + run;
    }
    (lens, end)
}

/// A grouped number: `138 1234 5678`, `138-1234-5678`, `86 138 1234 5678`, a card number in
/// fours (`6222 0212 3456 7890 128`), an ID as 6-8-4 (`340825 19900101 1234`). The grouping
/// must account for the whole token.
fn match_grouped(u: &[Unit], i: usize, today: Date) -> Option<Match> {
    let (mut lens, mut end) = groups(u, i);
    if lens.len() < 3 {
        return None;
    }
    // 6-8-4 ID whose last group ends in X: `340825 19491231 002X`.
    let x_after = lens.last() == Some(&3) && u.get(end).is_some_and(|x| matches!(x.c, 'X' | 'x'));
    if x_after && lens[..] == [6, 8, 3] {
        if let Some(last) = lens.last_mut() {
            *last += 1;
        }
        end += 1;
    }
    if !clear_after(u, end) {
        return None;
    }
    let all = collect(u, i, end)?;
    let (kind, core) = classify_grouped(&lens, all.as_bytes(), today)?;
    let core_start = skip_groups(u, i, core);
    Some(Match {
        kind,
        start: i,
        core: core_start,
        end,
        digits: collect(u, core_start, end)?,
    })
}

/// The kind of a grouped number, and how many leading groups are a country code.
fn classify_grouped(lens: &[usize], b: &[u8], today: Date) -> Option<(IdKind, usize)> {
    let card =
        lens.len() >= 4 && lens[..lens.len() - 1].iter().all(|l| *l == 4) && (1..=4).contains(&lens[lens.len() - 1]);
    match lens {
        [3, 4, 4] if ids::mobile(b) => Some((IdKind::Mobile, 0)),
        [2, 3, 4, 4] if b.starts_with(b"86") && ids::mobile(&b[2..]) => Some((IdKind::Mobile, 1)),
        [6, 8, 4] if ids::id18(b, today) == Some(Id18::Valid) => Some((IdKind::ResidentId18, 0)),
        _ if card && ids::bank_card(b) => Some((IdKind::BankCard, 0)),
        _ => None,
    }
}

/// The unit index after skipping `n` groups (and their separators) from `i`.
fn skip_groups(u: &[Unit], i: usize, n: usize) -> usize {
    let mut k = i;
    for _ in 0..n {
        k += digit_run(u, k) + 1;
    }
    k
}

/// `+86 138 1234 5678`, `+86-13812345678`, `(+86)13812345678`.
fn match_plus86(u: &[Unit], i: usize) -> Option<Match> {
    let is = |k: usize, c: char| u.get(k).is_some_and(|x| x.c == c);
    if !(is(i + 1, '8') && is(i + 2, '6')) {
        return None;
    }
    let mut k = i + 3;
    if is(k, ')') {
        k += 1;
    }
    if u.get(k).is_some_and(|x| is_group_separator(x.c)) {
        k += 1;
    }
    if !u.get(k).is_some_and(|x| x.c.is_ascii_digit()) {
        return None;
    }
    let (lens, grouped_end) = groups(u, k);
    let end = match lens[..] {
        [11] => k + 11,
        [3, 4, 4] => grouped_end,
        _ => return None,
    };
    let digits = collect(u, k, end)?;
    (ids::mobile(digits.as_bytes()) && clear_after(u, end)).then_some(Match {
        kind: IdKind::Mobile,
        start: i,
        core: k,
        end,
        digits,
    })
}
