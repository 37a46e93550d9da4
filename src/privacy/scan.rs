//! Finding identifiers in text.
//!
//! The text is read as *units* ([`super::normal`]): what a reader sees, with every
//! disguise undone (full-width forms, zero-width characters, entities, percent-encoding,
//! markup between digits), each unit remembering the bytes it came from, so hits point into
//! the text as written.
//!
//! What stands around a number decides how sure a match must be:
//!
//! - *clear*: nothing word-like touches it. Any identifier counts.
//! - *soft*: letters glued to it (`zhangsan340825199001011239.pdf`, `TEL13812345678`). Only
//!   the identifiers that carry their own proof count: an 18-character ID whose check
//!   character and birth date are right, or a mobile number. 索引号
//!   (`11341099MB1234567X/2026-00123`) and credit codes never hold such a run whole.
//! - *decimal*: a list number or a fraction before it (`1.3410…`, `0.1381…`): only a valid
//!   18-character ID counts, as no fraction has one.
//! - *hard*: more digits, a mask character, a decimal part after it or a hyphen joining it to
//!   more letters or digits (`138****5678`, `13812345678.05`, `A-340825…`): part of
//!   something else.
//!
//! `/`, `_` and a `.` before letters do not glue at all: `0556-1234567/13812345678` lists two
//! numbers.

use jiff::civil::Date;

use super::ids::{self, Id18};
use super::normal::{Unit, units};
use super::{Hit, IdKind};

/// Characters that stand for a hidden digit in a masked number.
fn is_mask(c: char) -> bool {
    matches!(c, '*' | '＊' | '×' | '﹡' | '✱' | '●' | '•')
}

/// Separators allowed between the groups of a grouped number (`138 1234 5678`,
/// `138-1234-5678`, `138.1234.5678`, `138·1234·5678`).
fn is_group_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '.' | '·')
}

/// How firmly a number's surroundings tie it to something else (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Edge {
    Clear,
    /// Letters glued on: the number counts if it proves itself (a valid ID, a mobile).
    Soft,
    /// Digits and a point before it (`1.3410…`, `0.1381…`): a list number or a fraction;
    /// only a valid 18-character ID, which no fraction is, counts.
    Decimal,
    Hard,
}

/// Finds the identifiers in `text` (see [`super::Scanner::scan`]), leaving out numbers whose
/// digits are in `allowed`. Only the regions [`super::regions`] picks are read closely, so
/// the cost of the gate grows with the text, never with the square of it.
pub(super) fn find(text: &str, today: Date, allowed: &[String]) -> Vec<Hit> {
    let r = super::regions::regions(text);
    let mut hits = Vec::new();
    for (from, to) in r.text.into_iter().chain(r.attributes) {
        for mut hit in find_in(&text[from..to], today, allowed) {
            hit.start += from;
            hit.end += from;
            hits.push(hit);
        }
    }
    hits.sort_by_key(|h| (h.start, h.end));
    hits.dedup_by_key(|h| (h.start, h.end));
    hits
}

fn find_in(text: &str, today: Date, allowed: &[String]) -> Vec<Hit> {
    let units = units(text);
    let mut hits = Vec::new();
    let mut i = 0;
    while i < units.len() {
        if let Some(m) = match_at(&units, i, today) {
            if !m.is_allowed(allowed) {
                hits.push(m.into_hit(text, &units));
            }
            i = m.end;
        } else if units[i].c.is_ascii_digit() {
            // No candidate starts inside a run of digits: skip to its end.
            while units.get(i).is_some_and(|x| x.c.is_ascii_digit()) {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    hits
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

    /// Whether the number proves itself enough to count with something glued to it.
    fn is_self_evident(&self, today: Date) -> bool {
        match self.kind {
            IdKind::Mobile => true,
            IdKind::ResidentId18 => ids::id18(self.digits.as_bytes(), today) == Some(Id18::Valid),
            IdKind::ResidentId15 | IdKind::BankCard => false,
        }
    }

    fn into_hit(self, text: &str, units: &[Unit]) -> Hit {
        let start_of = |i: usize| units.get(i).map_or(text.len(), |u| u.start);
        let end_of = |i: usize| i.checked_sub(1).and_then(|k| units.get(k)).map_or(0, |u| u.end);
        let (start, core, end) = (start_of(self.start), start_of(self.core), end_of(self.end));
        let digits = String::from_utf8_lossy(self.digits.as_bytes()).into_owned();
        let prefix = text.get(start..core).unwrap_or_default();
        Hit {
            kind: self.kind,
            start,
            end,
            found: text.get(start..end).unwrap_or_default().to_string(),
            masked: format!("{prefix}{}", super::mask(self.kind, &digits)),
            digits,
        }
    }
}

/// What touches a token starting at `i` on its left.
///
/// A run of mask characters counts as part of the word it touches only when a letter or digit
/// is on its far side: `340825********1234` is a masked token, but in Markdown's
/// `**13812345678**` the stars are emphasis and the number is bare.
fn edge_before(u: &[Unit], i: usize) -> Edge {
    let mut k = i;
    while k > 0 && u.get(k - 1).is_some_and(|x| is_mask(x.c)) {
        k -= 1;
    }
    let masked = k < i;
    let Some(prev) = k.checked_sub(1).and_then(|p| u.get(p)) else {
        return Edge::Clear;
    };
    if prev.c.is_ascii_digit() || (masked && prev.c.is_ascii_alphanumeric()) {
        return Edge::Hard;
    }
    if prev.c.is_ascii_alphabetic() {
        return Edge::Soft;
    }
    let far = k.checked_sub(2).and_then(|p| u.get(p)).map(|x| x.c);
    match (prev.c, far) {
        ('-', Some(f)) if f.is_ascii_alphanumeric() || is_mask(f) => Edge::Hard,
        ('.', Some(f)) if f.is_ascii_digit() => Edge::Decimal,
        _ => Edge::Clear,
    }
}

/// What touches a token ending before `e` on its right (mask runs as in [`edge_before`]).
fn edge_after(u: &[Unit], e: usize) -> Edge {
    let mut k = e;
    while u.get(k).is_some_and(|x| is_mask(x.c)) {
        k += 1;
    }
    let masked = k > e;
    let Some(next) = u.get(k) else {
        return Edge::Clear;
    };
    if next.c.is_ascii_digit() || (masked && next.c.is_ascii_alphanumeric()) {
        return Edge::Hard;
    }
    if next.c.is_ascii_alphabetic() {
        return Edge::Soft;
    }
    let far = u.get(k + 1).map(|x| x.c);
    match (next.c, far) {
        ('.', Some(f)) if f.is_ascii_digit() => Edge::Hard,
        ('-', Some(f)) if f.is_ascii_alphanumeric() || is_mask(f) => Edge::Hard,
        _ => Edge::Clear,
    }
}

/// Keeps a match only if its surroundings allow it.
fn bounded(m: Match, u: &[Unit], today: Date) -> Option<Match> {
    let edge = edge_before(u, m.start).max(edge_after(u, m.end));
    let valid_id = || m.kind == IdKind::ResidentId18 && m.is_self_evident(today);
    match edge {
        Edge::Clear => Some(m),
        Edge::Soft if m.is_self_evident(today) => Some(m),
        Edge::Decimal if valid_id() => Some(m),
        _ => None,
    }
}

/// The identifier starting at unit `i`, if any.
fn match_at(u: &[Unit], i: usize, today: Date) -> Option<Match> {
    let first = u.get(i)?.c;
    if first == '+' {
        return match_plus86(u, i).and_then(|m| bounded(m, u, today));
    }
    if !first.is_ascii_digit() {
        return None;
    }
    if let Some(m) = match_contiguous(u, i, today).and_then(|m| bounded(m, u, today)) {
        return Some(m);
    }
    excel_float_mobile(u, i).or_else(|| match_grouped(u, i, today).and_then(|m| bounded(m, u, today)))
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
fn excel_float_mobile(u: &[Unit], i: usize) -> Option<Match> {
    let end = i + digit_run(u, i);
    let is = |k: usize, c: char| u.get(k).is_some_and(|x| x.c == c);
    if end - i != 11 || !is(end, '.') || !is(end + 1, '0') || edge_after(u, end + 2) != Edge::Clear {
        return None;
    }
    if edge_before(u, i) == Edge::Hard {
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
/// joined by one and the same separator character (once or twice: `3410  9919`). Stops
/// after 7 groups (no identifier has more).
fn groups(u: &[Unit], i: usize) -> (Vec<usize>, usize) {
    let first = digit_run(u, i);
    let mut lens = vec![first];
    let mut end = i + first;
    let Some(sep) = u.get(end).map(|x| x.c).filter(|c| is_group_separator(*c)) else {
        return (lens, end);
    };
    while lens.len() < 7 {
        let mut k = end;
        while k < end + 2 && u.get(k).is_some_and(|x| x.c == sep) {
            k += 1;
        }
        let run = digit_run(u, k);
        if k == end || run == 0 {
            break;
        }
        lens.push(run);
        end = k + run;
    }
    (lens, end)
}

/// A grouped number: `138 1234 5678`, `138-1234-5678`, `86 138 1234 5678`, a card number in
/// fours (`6222 0212 3456 7890 128`), an ID in any grouping (`340825 19900101 1234`,
/// `3408 2519 9001 0112 39`). The grouping must account for the whole token.
fn match_grouped(u: &[Unit], i: usize, today: Date) -> Option<Match> {
    let (mut lens, mut end) = groups(u, i);
    if lens.len() < 2 {
        return None;
    }
    // An ID whose last group ends in X: `340825 19491231 002X`.
    let total: usize = lens.iter().sum();
    if total == 17 && u.get(end).is_some_and(|x| matches!(x.c, 'X' | 'x')) {
        if let Some(last) = lens.last_mut() {
            *last += 1;
        }
        end += 1;
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
///
/// IDs count in any grouping of two or more groups of at least two digits, but only with a
/// valid check character: nine in ten random runs fail it, and the birth date and province
/// must be real too. Mobiles count in the groupings people write (3-4-4, 3-8, 7-4).
fn classify_grouped(lens: &[usize], b: &[u8], today: Date) -> Option<(IdKind, usize)> {
    let card =
        lens.len() >= 4 && lens[..lens.len() - 1].iter().all(|l| *l == 4) && (1..=4).contains(&lens[lens.len() - 1]);
    let id_groups = lens.iter().all(|l| *l >= 2);
    match lens {
        [3, 4, 4] | [3, 8] | [7, 4] if ids::mobile(b) => Some((IdKind::Mobile, 0)),
        [2, 3, 4, 4] | [2, 11] if b.starts_with(b"86") && ids::mobile(&b[2..]) => Some((IdKind::Mobile, 1)),
        _ if b.len() == 18 && id_groups && ids::id18(b, today) == Some(Id18::Valid) => Some((IdKind::ResidentId18, 0)),
        _ if card && ids::bank_card(b) => Some((IdKind::BankCard, 0)),
        _ => None,
    }
}

/// The unit index after skipping `n` groups (and their separators) from `i`.
fn skip_groups(u: &[Unit], i: usize, n: usize) -> usize {
    let mut k = i;
    for _ in 0..n {
        k += digit_run(u, k);
        while u.get(k).is_some_and(|x| is_group_separator(x.c)) {
            k += 1;
        }
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
    (ids::mobile(digits.as_bytes()) && edge_after(u, end) != Edge::Hard).then_some(Match {
        kind: IdKind::Mobile,
        start: i,
        core: k,
        end,
        digits,
    })
}
