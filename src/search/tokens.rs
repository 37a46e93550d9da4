//! Cutting normalized text into index tokens.
//!
//! A *run* is a stretch of text between separators. A run is a sequence of *units*: one Han
//! (kana, Hangul) character, or one whole word of letters/digits (`2026`, `gdp`, `a12`).
//! The tokens of a run are its word units, every pair of adjacent units (bigrams: `低保`,
//! `12号`, `2026年`) and, in titles only, its single Han characters (unigrams).
//!
//! Why units and not plain character bigrams: a number is one unit, so `3600` is one exact token
//! instead of the bigrams `36 60 00`, which nearly every notice contains and which would leave
//! thousands of candidates to verify; and `12号` does not match `112号`. Any query of two or
//! more units is an AND of bigrams, and no dictionary is involved, so the browser cuts a query
//! exactly as the builder cut the notices. `search.js` (`units`, `parseQuery`) mirrors this.
//!
//! Han unigrams and bigrams and short tokens such as `3600元` — nearly all tokens — travel as
//! packed integers ([`Tok::Key`]), so the index builder hashes a `u64` instead of a string;
//! they become strings only when written.

use super::text::{SPACE, WORD_FLAG, normalize_codes};

/// Longest word unit kept in a token, in characters. Longer words (hashes, serial numbers) are
/// indexed by their first `MAX_WORD` characters; the browser verifies the rest against the text.
pub const MAX_WORD: usize = 24;

const UNIGRAM: u64 = 1 << 62;
const BIGRAM: u64 = 2 << 62;
const BYTES: u64 = 3 << 62;
const TAG: u64 = 3 << 62;
const CHAR_BITS: u32 = 21;
/// Tokens of at most this many UTF-8 bytes (`3600`, `3600元`, `12号`) are packed too.
const PACKED_BYTES: usize = 7;

/// Packs a short token's bytes: tag, length, then the bytes little-endian.
fn pack_bytes(s: &str) -> u64 {
    let mut key = BYTES | (s.len() as u64) << 56;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        key |= u64::from(b) << (8 * i);
    }
    key
}

/// A token: packed (a Han unigram or bigram, or any token of up to 7 UTF-8 bytes), or text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok<'a> {
    Key(u64),
    Text(&'a str),
}

/// The string a packed [`Tok::Key`] stands for.
pub fn key_string(key: u64) -> String {
    let mask = (1u64 << CHAR_BITS) - 1;
    let ch = |v: u64| char::from_u32(v as u32).unwrap_or('\u{FFFD}');
    match key & TAG {
        BIGRAM => [ch((key >> CHAR_BITS) & mask), ch(key & mask)].iter().collect(),
        BYTES => {
            let len = ((key >> 56) & 7) as usize;
            let bytes: Vec<u8> = (0..len).map(|i| (key >> (8 * i)) as u8).collect();
            String::from_utf8_lossy(&bytes).into_owned()
        }
        _ => ch(key & mask).to_string(),
    }
}

#[derive(Clone, Copy)]
struct Unit {
    start: usize,
    end: usize,
    word: bool,
}

/// Reusable buffers for tokenizing, so 100k notices allocate almost nothing.
#[derive(Default)]
pub struct Scratch {
    codes: Vec<u32>,
    text: String,
}

fn push_unit(out: &mut String, codes: &[u32], u: Unit) {
    let end = if u.word { u.end.min(u.start + MAX_WORD) } else { u.end };
    out.extend(
        codes[u.start..end]
            .iter()
            .filter_map(|&c| char::from_u32(c & !WORD_FLAG)),
    );
}

fn text_tok(s: &str) -> Tok<'_> {
    if s.len() <= PACKED_BYTES {
        Tok::Key(pack_bytes(s))
    } else {
        Tok::Text(s)
    }
}

/// Calls `emit` with every token of `text` (normalized here) in text order, duplicates
/// included; `unigrams` adds single Han characters (the builder asks for them in titles).
pub fn for_each_token(text: &str, unigrams: bool, scratch: &mut Scratch, mut emit: impl FnMut(Tok<'_>)) {
    normalize_codes(text, &mut scratch.codes);
    let codes = &scratch.codes;
    let mut prev: Option<Unit> = None;
    let mut i = 0;
    while i < codes.len() {
        let c = codes[i];
        let unit = if c == SPACE {
            prev = None;
            i += 1;
            continue;
        } else if c & WORD_FLAG == 0 {
            Unit {
                start: i,
                end: i + 1,
                word: false,
            }
        } else {
            let mut j = i + 1;
            while j < codes.len() && codes[j] & WORD_FLAG != 0 {
                j += 1;
            }
            Unit {
                start: i,
                end: j,
                word: true,
            }
        };
        if unit.word {
            scratch.text.clear();
            push_unit(&mut scratch.text, codes, unit);
            emit(text_tok(&scratch.text));
        } else if unigrams {
            emit(Tok::Key(UNIGRAM | u64::from(c)));
        }
        if let Some(p) = prev {
            if !p.word && !unit.word {
                emit(Tok::Key(BIGRAM | u64::from(codes[p.start]) << CHAR_BITS | u64::from(c)));
            } else {
                scratch.text.clear();
                push_unit(&mut scratch.text, codes, p);
                push_unit(&mut scratch.text, codes, unit);
                emit(text_tok(&scratch.text));
            }
        }
        prev = Some(unit);
        i = unit.end;
    }
}

/// All tokens of `text`, in order, as strings; for tests, benchmarks and other indexers.
pub fn tokens(text: &str, unigrams: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut scratch = Scratch::default();
    for_each_token(text, unigrams, &mut scratch, |t| {
        out.push(match t {
            Tok::Key(k) => key_string(k),
            Tok::Text(s) => s.to_string(),
        })
    });
    out
}

/// FNV-1a over the UTF-8 bytes of a token: picks the token's shard. `search.js` (`fnv`) must agree.
pub fn token_hash(token: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in token.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Vec<String> {
        tokens(s, false)
    }

    #[test]
    fn han_bigrams_and_title_unigrams() {
        assert_eq!(t("危房改造"), ["危房", "房改", "改造"]);
        assert_eq!(t("低"), Vec::<String>::new());
        assert_eq!(tokens("低保", true), ["低", "保", "低保"]);
        assert_eq!(tokens("𠀀𠀁", true), ["𠀀", "𠀁", "𠀀𠀁"], "astral characters pack too");
    }

    #[test]
    fn numbers_are_units() {
        assert_eq!(t("〔2026〕12号"), ["2026", "12", "12号"]);
        assert_eq!(t("2026年3月"), ["2026", "2026年", "3", "年3", "3月"]);
        assert_eq!(t("3,600元"), ["3600", "3600元"]);
        assert_eq!(t("3600元"), t("3,600元"));
        assert_eq!(t("ＧＤＰ"), ["gdp"]);
    }

    #[test]
    fn separators_break_bigrams() {
        assert_eq!(t("低保，特困"), ["低保", "特困"]);
        assert_eq!(t("王*明"), Vec::<String>::new());
    }

    #[test]
    fn long_words_are_cut_consistently() {
        let long = "a".repeat(30);
        let toks = t(&format!("{long}号"));
        assert_eq!(toks[0], "a".repeat(MAX_WORD));
        assert_eq!(toks[1], format!("{}号", "a".repeat(MAX_WORD)));
    }

    #[test]
    fn query_tokens_are_a_subset_of_document_tokens() {
        let doc = t("关于2026年柳河村农村危房改造补助资金3,600元的公示");
        for q in ["柳河村", "危房改造", "2026年", "3600元", "3,600", "补助资金"] {
            for tok in t(q) {
                assert!(doc.contains(&tok), "{q}: {tok} missing");
            }
        }
    }

    #[test]
    fn packed_keys_round_trip() {
        for s in ["3600", "3600元", "12号", "a", "1234567"] {
            assert_eq!(key_string(pack_bytes(s)), s);
        }
        let mut scratch = Scratch::default();
        let mut kinds = Vec::new();
        for_each_token("12345678 3600元", false, &mut scratch, |t| {
            kinds.push(matches!(t, Tok::Key(_)))
        });
        assert_eq!(kinds, [false, true, true], "8-byte words stay text");
    }

    #[test]
    fn hash_is_fnv1a() {
        assert_eq!(token_hash(""), 0x811c_9dc5);
        assert_eq!(token_hash("a"), 0xe40c_292c);
    }
}
