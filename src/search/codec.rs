//! Compact encodings that live inside JavaScript string literals.
//!
//! Index files are `<script>`s (the only way to load data from `file://`), so the data is text.
//! Everything is written with a 92-symbol alphabet — the printable ASCII characters except space,
//! `"` and `\` — so that it needs no escaping inside `"…"` and space is free as a separator.
//! `search.js` (`SYM`, `Reader`, `decodeList`) mirrors this file.

/// Number of symbols in [`ALPHABET`].
pub const RADIX: u32 = 92;

/// Symbol values `0..HALF` are "more digits follow", `HALF..RADIX` end a number.
const HALF: u64 = 46;

/// The symbols, in value order.
pub const ALPHABET: &[u8; 92] =
    b"!#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";

/// The character for symbol value `v` (`v < RADIX`).
pub fn sym(v: u32) -> char {
    char::from(ALPHABET[(v % RADIX) as usize])
}

/// Appends the non-negative integer `n` as a variable-length number.
///
/// Digits are base 46; the last digit is marked by adding 46. Lengths are bijective (every
/// length has its own range), so 0–45 take one symbol, 46–2161 two and up to 99,497 three.
pub fn put_num(out: &mut String, n: u64) {
    let mut n = n;
    let mut digits = 1u32;
    let mut span = HALF;
    while n >= span {
        n -= span;
        digits += 1;
        span = span.saturating_mul(HALF);
    }
    for i in (0..digits).rev() {
        let d = (n / HALF.pow(i)) % HALF;
        let v = if i == 0 { d + HALF } else { d };
        out.push(sym(v as u32));
    }
}

/// Length in symbols of `n` written by [`put_num`].
pub fn num_len(n: u64) -> usize {
    let mut n = n;
    let mut digits = 1;
    let mut span = HALF;
    while n >= span {
        n -= span;
        digits += 1;
        span = span.saturating_mul(HALF);
    }
    digits
}

/// Posting list encodings; the first number of a list names it.
const GAPS: u64 = 0;
const BITSET: u64 = 1;
const COMPLEMENT: u64 = 2;

/// Appends `ids` as gaps: first id, then each difference minus one.
fn put_gaps(out: &mut String, ids: impl Iterator<Item = u32>) {
    let mut prev: Option<u32> = None;
    for id in ids {
        let v = match prev {
            None => u64::from(id),
            Some(p) => u64::from(id - p - 1),
        };
        put_num(out, v);
        prev = Some(id);
    }
}

/// Encodes a sorted, duplicate-free list of document ids below `n` in the smallest of three
/// forms: gaps (rare tokens), a bitset of 6 bits per symbol with trailing zeros dropped (common
/// tokens, at most n/6 symbols) or gaps of the ids *missing* (tokens in nearly every notice).
/// An empty list is the empty string.
pub fn encode_list(ids: &[u32], n: u32) -> String {
    if ids.is_empty() {
        return String::new();
    }
    let mut best = String::new();
    put_num(&mut best, GAPS);
    put_gaps(&mut best, ids.iter().copied());

    let last = ids[ids.len() - 1];
    let bitset_len = 1 + (last as usize / 6) + 1;
    if bitset_len < best.len() {
        let mut bits = vec![0u8; last as usize / 6 + 1];
        for &id in ids {
            bits[id as usize / 6] |= 1 << (id % 6);
        }
        let mut s = String::with_capacity(bitset_len);
        put_num(&mut s, BITSET);
        s.extend(bits.iter().map(|&b| sym(u32::from(b))));
        best = s;
    }

    let missing = n as usize - ids.len();
    if missing < best.len() {
        let mut s = String::new();
        put_num(&mut s, COMPLEMENT);
        let mut it = ids.iter().copied().peekable();
        let absent = (0..n).filter(move |id| {
            if it.peek() == Some(id) {
                it.next();
                false
            } else {
                true
            }
        });
        put_gaps(&mut s, absent);
        if s.len() < best.len() {
            best = s;
        }
    }
    best
}

/// Writes `s` as a double-quoted JavaScript string literal.
///
/// Escapes what JSON escapes plus U+2028/U+2029 (line terminators inside string literals
/// before ES2019, and kiosks run old browsers).
pub fn js_string(out: &mut String, s: &str) {
    out.push('"');
    let plain = !s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') && !s.contains(['\u{2028}', '\u{2029}']);
    if plain {
        out.push_str(s);
        out.push('"');
        return;
    }
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c if (c as u32) < 0x20 => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
pub mod tests {
    use super::*;

    /// Reference decoder of [`put_num`] sequences, the same algorithm as `search.js`.
    pub fn read_nums(s: &str) -> Vec<u64> {
        let mut out = Vec::new();
        let mut acc = 0u64;
        let mut digits = 0u32;
        for c in s.bytes() {
            let v = ALPHABET.iter().position(|&a| a == c).expect("symbol") as u64;
            digits += 1;
            if v < HALF {
                acc = acc * HALF + v;
            } else {
                acc = acc * HALF + (v - HALF);
                let offset: u64 = (1..digits).map(|k| HALF.pow(k)).sum();
                out.push(acc + offset);
                acc = 0;
                digits = 0;
            }
        }
        out
    }

    /// Reference decoder of [`encode_list`].
    pub fn decode_list(s: &str, n: u32) -> Vec<u32> {
        if s.is_empty() {
            return Vec::new();
        }
        let kind_len = 1;
        let kind = read_nums(&s[..kind_len])[0];
        let body = &s[kind_len..];
        let from_gaps = |body: &str| {
            let mut ids = Vec::new();
            for (i, g) in read_nums(body).into_iter().enumerate() {
                let id = if i == 0 { g as u32 } else { ids[i - 1] + g as u32 + 1 };
                ids.push(id);
            }
            ids
        };
        match kind {
            GAPS => from_gaps(body),
            BITSET => body
                .bytes()
                .enumerate()
                .flat_map(|(i, c)| {
                    let v = ALPHABET.iter().position(|&a| a == c).expect("symbol") as u32;
                    (0..6).filter(move |b| v & (1 << b) != 0).map(move |b| i as u32 * 6 + b)
                })
                .collect(),
            _ => {
                let absent = from_gaps(body);
                (0..n).filter(|id| absent.binary_search(id).is_err()).collect()
            }
        }
    }

    #[test]
    fn alphabet_is_92_distinct_printable_symbols() {
        let mut seen = std::collections::BTreeSet::new();
        for &c in ALPHABET {
            assert!(c.is_ascii_graphic() && c != b'"' && c != b'\\', "{}", c as char);
            assert!(seen.insert(c));
        }
        assert_eq!(seen.len(), RADIX as usize);
    }

    #[test]
    fn numbers_round_trip_with_bijective_lengths() {
        let samples = [0u64, 1, 45, 46, 47, 2161, 2162, 99_497, 99_498, 1 << 40];
        let mut s = String::new();
        for &n in &samples {
            let before = s.len();
            put_num(&mut s, n);
            assert_eq!(s.len() - before, num_len(n), "{n}");
        }
        assert_eq!(read_nums(&s), samples);
        assert_eq!(num_len(45), 1);
        assert_eq!(num_len(46), 2);
        assert_eq!(num_len(2161), 2);
        assert_eq!(num_len(2162), 3);
    }

    #[test]
    fn lists_pick_the_smallest_form_and_round_trip() {
        let n = 1000;
        let sparse = vec![3, 500, 999];
        let dense: Vec<u32> = (0..n).filter(|i| i % 3 != 0).collect();
        let almost_all: Vec<u32> = (0..n).filter(|&i| i != 17 && i != 600).collect();
        for (ids, kind) in [(&sparse, GAPS), (&dense, BITSET), (&almost_all, COMPLEMENT)] {
            let enc = encode_list(ids, n);
            assert_eq!(enc.chars().next(), Some(sym((HALF + kind) as u32)));
            assert_eq!(&decode_list(&enc, n), ids);
        }
        assert!(encode_list(&almost_all, n).len() < 10);
        assert!(encode_list(&dense, n).len() <= 1 + 1000 / 6 + 1);
        assert_eq!(encode_list(&[], n), "");
    }

    #[test]
    fn js_strings_are_escaped() {
        let mut s = String::new();
        js_string(&mut s, "a\"b\\c\n\u{2028}\u{1}低");
        assert_eq!(s, "\"a\\\"b\\\\c\\n\\u2028\\u0001低\"");
    }
}
