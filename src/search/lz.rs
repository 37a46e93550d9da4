//! Text compression for the document store, decodable by a 30-line loop in `search.js`.
//!
//! Snippets need the notice text, and raw text is 3 bytes per Han character: 10k generated
//! notices hold 69 MB of it, so storing it plainly would lose to Pagefind on size alone.
//! Browsers have no portable inflate (`DecompressionStream` is missing on older kiosks and
//! gzip would then need base64 anyway), so this is an LZ77 at character level with
//! frequency-ranked literals, written into the same 92-symbol alphabet as the postings:
//!
//! * a literal among the `ONE` most frequent characters of the site is one symbol;
//! * a literal among the next `TWO * 92` is two symbols;
//! * any other non-ASCII character is written as itself (2–4 bytes);
//! * a copy is one symbol for its length (3.. or an escape plus a number) and a number for the
//!   distance back, in characters.
//!
//! Government text repeats whole sentences, so copies carry most of it.

use std::collections::BTreeMap;

use super::codec::{RADIX, num_len, put_num, sym};

/// Symbol values `0..ONE` are one-symbol literals.
pub const ONE: u32 = 52;
/// Symbol values `ONE..ONE+TWO` start two-symbol literals.
pub const TWO: u32 = 16;
/// Symbol values from `ONE+TWO` to 91 are copies; the last of them takes an extra length number.
pub const COPY_CODES: u32 = RADIX - ONE - TWO;
/// Shortest copy, in characters.
pub const MIN_COPY: usize = 3;
/// How many characters the rank table can hold.
pub const TABLE_CAP: usize = (ONE + TWO * RADIX) as usize;

/// How many earlier positions the match finder tries; bounds time on repetitive text.
const CHAIN_DEPTH: usize = 24;
/// A match this long is taken without looking further.
const GOOD_ENOUGH: usize = 128;
const HASH_BITS: u32 = 15;

/// The site's most frequent characters, in rank order, and the reverse lookup.
pub struct CharTable {
    chars: Vec<char>,
    rank: BTreeMap<char, u32>,
    bmp_rank: Vec<u32>,
}

impl CharTable {
    /// Builds the table from character counts: all printable ASCII and `\n` (they cannot be
    /// written raw, the alphabet uses them), then the most frequent others up to
    /// [`TABLE_CAP`]; ranked by count, ties by code point.
    pub fn from_counts(counts: &BTreeMap<char, u64>) -> CharTable {
        let mut counts = counts.clone();
        for c in (' '..='~').chain(['\n']) {
            counts.entry(c).or_insert(0);
        }
        let mut all: Vec<(char, u64)> = counts.iter().map(|(&c, &n)| (c, n)).collect();
        all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let ascii = all.iter().filter(|(c, _)| c.is_ascii()).count();
        let mut room = TABLE_CAP.saturating_sub(ascii);
        let mut picked: Vec<char> = Vec::new();
        for &(c, _) in &all {
            if c.is_ascii() {
                picked.push(c);
            } else if room > 0 {
                picked.push(c);
                room -= 1;
            }
        }
        let mut bmp_rank = vec![u32::MAX; 0x1_0000];
        let mut rank = BTreeMap::new();
        for (i, &c) in picked.iter().enumerate() {
            if (c as u32) < 0x1_0000 {
                bmp_rank[c as usize] = i as u32;
            } else {
                rank.insert(c, i as u32);
            }
        }
        CharTable {
            chars: picked,
            rank,
            bmp_rank,
        }
    }

    fn rank_of(&self, c: char) -> Option<u32> {
        let r = if (c as u32) < 0x1_0000 {
            self.bmp_rank[c as usize]
        } else {
            self.rank.get(&c).copied().unwrap_or(u32::MAX)
        };
        (r != u32::MAX).then_some(r)
    }

    /// The characters in rank order, for the browser.
    pub fn as_string(&self) -> String {
        self.chars.iter().collect()
    }

    /// Bytes a literal `c` costs in the output file.
    fn literal_cost(&self, c: char) -> u32 {
        match self.rank_of(c) {
            Some(r) if r < ONE => 1,
            Some(_) => 2,
            None => c.len_utf8() as u32,
        }
    }

    fn put_literal(&self, out: &mut String, c: char) {
        match self.rank_of(c) {
            Some(r) if r < ONE => out.push(sym(r)),
            Some(r) => {
                let r = r - ONE;
                out.push(sym(ONE + r / RADIX));
                out.push(sym(r % RADIX));
            }
            None => out.push(c),
        }
    }
}

fn copy_cost(len: usize, dist: usize) -> usize {
    let extra = len - MIN_COPY;
    let len_cost = if extra < (COPY_CODES - 1) as usize {
        1
    } else {
        1 + num_len((extra - (COPY_CODES - 1) as usize) as u64)
    };
    len_cost + num_len((dist - 1) as u64)
}

fn put_copy(out: &mut String, len: usize, dist: usize) {
    let extra = len - MIN_COPY;
    let last = (COPY_CODES - 1) as usize;
    if extra < last {
        out.push(sym(ONE + TWO + extra as u32));
    } else {
        out.push(sym(ONE + TWO + last as u32));
        put_num(out, (extra - last) as u64);
    }
    put_num(out, (dist - 1) as u64);
}

fn hash3(t: &[char], i: usize) -> usize {
    let h = (t[i] as u32).wrapping_mul(0x9E37_79B1)
        ^ (t[i + 1] as u32).wrapping_mul(0x85EB_CA77)
        ^ (t[i + 2] as u32).wrapping_mul(0xC2B2_AE3D);
    (h >> (32 - HASH_BITS)) as usize
}

/// Compresses `text` (characters; any `char` that is not a control character is fine).
///
/// Deterministic: the match finder is a fixed-depth hash chain and ties keep the nearest match.
pub fn compress(text: &[char], table: &CharTable) -> String {
    let n = text.len();
    // cost_prefix[i] = bytes of text[..i] written as literals.
    let mut cost_prefix = Vec::with_capacity(n + 1);
    let mut acc = 0usize;
    cost_prefix.push(0);
    for &c in text {
        acc += table.literal_cost(c) as usize;
        cost_prefix.push(acc);
    }
    let mut head = vec![u32::MAX; 1 << HASH_BITS];
    let mut prev = vec![u32::MAX; n];
    let mut out = String::with_capacity(n);
    let insert = |head: &mut Vec<u32>, prev: &mut Vec<u32>, i: usize| {
        if i + MIN_COPY <= n {
            let h = hash3(text, i);
            prev[i] = head[h];
            head[h] = i as u32;
        }
    };
    // Best (saving, len, dist) of a copy starting at i.
    let best_at = |head: &Vec<u32>, prev: &Vec<u32>, i: usize| -> Option<(usize, usize, usize)> {
        if i + MIN_COPY > n {
            return None;
        }
        let mut cand = head[hash3(text, i)];
        let mut best: Option<(usize, usize, usize)> = None;
        let mut depth = 0;
        while cand != u32::MAX && depth < CHAIN_DEPTH {
            let p = cand as usize;
            depth += 1;
            let mut len = 0;
            while i + len < n && text[p + len] == text[i + len] {
                len += 1;
            }
            if len >= MIN_COPY {
                let dist = i - p;
                let literal = cost_prefix[i + len] - cost_prefix[i];
                let cost = copy_cost(len, dist);
                if literal > cost {
                    let saving = literal - cost;
                    if best.is_none_or(|b| saving > b.0) {
                        best = Some((saving, len, dist));
                    }
                }
                if len >= GOOD_ENOUGH {
                    break;
                }
            }
            cand = prev[p];
        }
        best
    };
    let mut i = 0;
    while i < n {
        let here = best_at(&head, &prev, i);
        match here {
            Some((saving, len, dist)) => {
                // One step of lazy matching: a better copy one character later wins.
                insert(&mut head, &mut prev, i);
                let later = best_at(&head, &prev, i + 1);
                let lit = table.literal_cost(text[i]) as usize;
                if later.is_some_and(|l| l.0 > saving + lit) {
                    table.put_literal(&mut out, text[i]);
                    i += 1;
                    continue;
                }
                put_copy(&mut out, len, dist);
                for k in i + 1..i + len {
                    insert(&mut head, &mut prev, k);
                }
                i += len;
            }
            None => {
                table.put_literal(&mut out, text[i]);
                insert(&mut head, &mut prev, i);
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use crate::search::codec::ALPHABET;

    /// Reference decoder, the same algorithm as `inflate` in `search.js`.
    pub fn decompress(s: &str, table: &str) -> String {
        let table: Vec<char> = table.chars().collect();
        let val = |c: char| ALPHABET.iter().position(|&a| char::from(a) == c).map(|v| v as u32);
        let chars: Vec<char> = s.chars().collect();
        let mut i = 0;
        let mut out: Vec<char> = Vec::new();
        let read_num = |i: &mut usize| -> usize {
            let mut acc = 0usize;
            let mut digits = 0u32;
            loop {
                let v = val(chars[*i]).expect("symbol") as usize;
                *i += 1;
                digits += 1;
                if v < 46 {
                    acc = acc * 46 + v;
                } else {
                    acc = acc * 46 + v - 46;
                    return acc + (1..digits).map(|k| 46usize.pow(k)).sum::<usize>();
                }
            }
        };
        while i < chars.len() {
            let c = chars[i];
            i += 1;
            let Some(v) = (c.is_ascii()).then(|| val(c)).flatten() else {
                out.push(c);
                continue;
            };
            if v < ONE {
                out.push(table[v as usize]);
            } else if v < ONE + TWO {
                let lo = val(chars[i]).expect("symbol");
                i += 1;
                out.push(table[(ONE + (v - ONE) * RADIX + lo) as usize]);
            } else {
                let j = (v - ONE - TWO) as usize;
                let mut len = MIN_COPY + j;
                if j == (COPY_CODES - 1) as usize {
                    len += read_num(&mut i);
                }
                let dist = read_num(&mut i) + 1;
                let from = out.len() - dist;
                for k in 0..len {
                    out.push(out[from + k]);
                }
            }
        }
        out.into_iter().collect()
    }

    fn table_for(text: &str) -> CharTable {
        let mut counts = BTreeMap::new();
        for c in text.chars() {
            *counts.entry(c).or_insert(0) += 1;
        }
        CharTable::from_counts(&counts)
    }

    #[test]
    fn round_trips_and_shrinks_repetitive_text() {
        let text = "经核查，本期共有12户30人符合条件，涉及资金3600元。\n经核查，本期共有7户15人符合条件，涉及资金1800元。𠀀𠀀𠀀\"\\";
        let table = table_for(text);
        let chars: Vec<char> = text.chars().collect();
        let packed = compress(&chars, &table);
        assert_eq!(decompress(&packed, &table.as_string()), text);
        assert!(packed.len() < text.len() / 2, "{} vs {}", packed.len(), text.len());
        assert!(!packed.contains('"') && !packed.contains('\\') && !packed.contains('\n'));
    }

    #[test]
    fn characters_outside_the_table_are_written_raw() {
        let table = table_for("abc");
        let chars: Vec<char> = "ab低c".chars().collect();
        let packed = compress(&chars, &table);
        assert!(packed.contains('低'));
        assert_eq!(decompress(&packed, &table.as_string()), "ab低c");
    }

    #[test]
    fn long_copies_and_far_distances_round_trip() {
        let block: String = (0..3000)
            .map(|i| char::from_u32(0x4E00 + (i * 7919) % 2000).unwrap_or('x'))
            .collect();
        let text = format!("{block}中间{block}{}", "啊".repeat(500));
        let table = table_for(&text);
        let chars: Vec<char> = text.chars().collect();
        let packed = compress(&chars, &table);
        assert_eq!(decompress(&packed, &table.as_string()), text);
    }
}
