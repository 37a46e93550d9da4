//! Cutting normalized text into index tokens.
//!
//! A *run* is a stretch of text between separators. A run is a sequence of *units*: one Han
//! (kana, Hangul) character, or one whole word of letters/digits (`2026`, `gdp`, `a12`).
//! The tokens of a run are its word units, optionally its Han units (unigrams), and every pair
//! of adjacent units (bigrams: `低保`, `12号`, `2026年`).
//!
//! Why units and not plain character bigrams: a number is one unit, so `3600` is one exact token
//! instead of the bigrams `36 60 00`, which nearly every notice contains and which would leave
//! thousands of candidates to verify; and `12号` does not match `112号`. Any query of two or
//! more units is an AND of bigrams, and no dictionary is involved, so the browser cuts a query
//! exactly as the builder cut the notices. `search.js` (`units`, `queryTokens`) mirrors this.

use super::text::{Class, class};

/// Longest word unit kept in a token, in characters. Longer words (hashes, serial numbers) are
/// indexed by their first `MAX_WORD` characters; the browser verifies the rest against the text.
pub const MAX_WORD: usize = 24;

/// One unit: byte range in the normalized string and whether it is a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Unit {
    start: usize,
    end: usize,
    word: bool,
}

/// Byte length of the first `MAX_WORD` characters of `s`.
fn word_cut(s: &str) -> usize {
    s.char_indices().nth(MAX_WORD).map_or(s.len(), |(i, _)| i)
}

/// Splits one run (no separators inside) into units.
fn units_of(run: &str, base: usize, out: &mut Vec<Unit>) {
    out.clear();
    let mut word_start: Option<usize> = None;
    for (i, c) in run.char_indices() {
        match class(c) {
            Class::Word => {
                if word_start.is_none() {
                    word_start = Some(i);
                }
            }
            _ => {
                if let Some(s) = word_start.take() {
                    out.push(Unit {
                        start: base + s,
                        end: base + i,
                        word: true,
                    });
                }
                out.push(Unit {
                    start: base + i,
                    end: base + i + c.len_utf8(),
                    word: false,
                });
            }
        }
    }
    if let Some(s) = word_start {
        out.push(Unit {
            start: base + s,
            end: base + run.len(),
            word: true,
        });
    }
}

/// Reusable scratch space for [`for_each_token`], so tokenizing 100k notices allocates little.
#[derive(Default)]
pub struct Scratch {
    units: Vec<Unit>,
    joined: String,
}

/// Calls `emit` with every token of the normalized text `norm` (see [`super::text::normalize`]),
/// in text order, duplicates included. `unigrams` adds single Han characters.
pub fn for_each_token(norm: &str, unigrams: bool, scratch: &mut Scratch, mut emit: impl FnMut(&str)) {
    let mut base = 0usize;
    for run in norm.split(' ') {
        let run_start = base;
        base += run.len() + 1;
        if run.is_empty() {
            continue;
        }
        units_of(run, run_start, &mut scratch.units);
        let units = &scratch.units;
        for (k, u) in units.iter().enumerate() {
            let text = &norm[u.start..u.end];
            if u.word {
                emit(&text[..word_cut(text)]);
            } else if unigrams {
                emit(text);
            }
            let Some(next) = units.get(k + 1) else { continue };
            let next_text = &norm[next.start..next.end];
            let long = (u.word && word_cut(text) < text.len()) || (next.word && word_cut(next_text) < next_text.len());
            if long {
                scratch.joined.clear();
                scratch.joined.push_str(&text[..word_cut(text)]);
                scratch.joined.push_str(&next_text[..word_cut(next_text)]);
                emit(&scratch.joined);
            } else {
                emit(&norm[u.start..next.end]);
            }
        }
    }
}

/// All tokens of `text` (normalized here), in order, as owned strings; for tests and queries.
pub fn tokens(text: &str, unigrams: bool) -> Vec<String> {
    let norm = super::text::normalize(text);
    let mut out = Vec::new();
    let mut scratch = Scratch::default();
    for_each_token(&norm, unigrams, &mut scratch, |t| out.push(t.to_string()));
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
    fn han_bigrams_without_unigrams() {
        assert_eq!(t("危房改造"), ["危房", "房改", "改造"]);
        assert_eq!(t("低"), Vec::<String>::new());
        assert_eq!(tokens("低保", true), ["低", "低保", "保"]);
    }

    #[test]
    fn numbers_are_units() {
        assert_eq!(t("〔2026〕12号"), ["2026", "12", "12号"]);
        assert_eq!(t("2026年3月"), ["2026", "2026年", "年3", "3", "3月"]);
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
    fn hash_is_fnv1a() {
        assert_eq!(token_hash(""), 0x811c_9dc5);
        assert_eq!(token_hash("a"), 0xe40c_292c);
    }
}
