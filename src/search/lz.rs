//! Text compression for the document store, decodable by a 30-line loop in `search.js`.
//!
//! Snippets need the notice text, and raw text is 3 bytes per Han character: 10k generated
//! notices hold 69 MB of it, so storing it plainly would lose to Pagefind on size alone.
//! Browsers have no portable inflate (`DecompressionStream` is missing on older kiosks, and gzip
//! output would then need base64 anyway), so this is an LZ77 at character level with
//! frequency-ranked literals, written into the same 92-symbol alphabet as the postings:
//!
//! * a literal among the `ONE` most frequent characters of the site is one symbol;
//! * a literal among the next `TWO * 92` is two symbols;
//! * any other non-ASCII character is written as itself (2–4 bytes);
//! * a copy is one symbol holding a length class and the distance's digit count, an extra
//!   length number for long copies, then the distance back in 1–3 base-92 digits.
//!
//! Positions, lengths and distances count UTF-16 code units, the browser's own string units, so
//! `search.js` decodes into a `Uint16Array` with `copyWithin` and makes the string with one
//! `TextDecoder` call (decoding by code point measured 3× slower in Chromium). A token never
//! starts or ends inside a surrogate pair.
//!
//! Government text repeats whole sentences, so copies carry most of it. Each shard may start
//! from a shared *dictionary* ([`Dictionary`]): text that is conceptually in front of every
//! shard, so even the first notice of a shard finds its boilerplate to copy.

use std::collections::BTreeMap;

use super::codec::{RADIX, num_len, put_num, sym};

/// Symbol values `0..ONE` are one-symbol literals.
pub const ONE: u32 = 52;
/// Symbol values `ONE..ONE+TWO` start two-symbol literals.
pub const TWO: u32 = 16;
/// Length classes of a copy: `MIN_COPY + 0 ..= MIN_COPY + LEN_CLASSES - 2`, and longer.
pub const LEN_CLASSES: u32 = 8;
/// Digit counts of a copy distance: 1, 2 or 3 base-92 digits.
pub const DIST_CLASSES: u32 = 3;
/// Shortest copy, in characters.
pub const MIN_COPY: usize = 3;
/// How many characters the rank table can hold.
pub const TABLE_CAP: usize = (ONE + TWO * RADIX) as usize;

const _: () = assert!(ONE + TWO + LEN_CLASSES * DIST_CLASSES == RADIX);

/// Farthest copy source, in characters.
const MAX_DIST: usize = 92 + 92 * 92 + 92 * 92 * 92;
/// How many earlier positions the match finder tries; bounds time on repetitive text.
const CHAIN_DEPTH: usize = 8;
/// A match this long is taken without looking further.
const GOOD_ENOUGH: usize = 64;
const HASH_BITS: u32 = 14;
/// Copies shorter than this are checked against a copy starting one character later.
const LAZY_BELOW: usize = 24;

/// The site's most frequent characters, in rank order, and the reverse lookup.
pub struct CharTable {
    chars: Vec<char>,
    astral_rank: BTreeMap<u32, u32>,
    bmp_rank: Vec<u32>,
    /// Literal cost of every BMP character: a 64 KB table stays in cache, the ranks do not.
    bmp_cost: Vec<u8>,
}

impl CharTable {
    /// Builds the table from character counts: all printable ASCII, `\t` and `\n` (they cannot
    /// be written raw, the alphabet uses them), then the most frequent others up to
    /// [`TABLE_CAP`]; ranked by count, ties by code point.
    pub fn from_counts(counts: &BTreeMap<char, u64>) -> CharTable {
        let mut counts = counts.clone();
        for c in (' '..='~').chain(['\n', '\t']) {
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
        let mut astral_rank = BTreeMap::new();
        for (i, &c) in picked.iter().enumerate() {
            if (c as u32) < 0x1_0000 {
                bmp_rank[c as usize] = i as u32;
            } else {
                astral_rank.insert(c as u32, i as u32);
            }
        }
        let bmp_cost = (0..0x1_0000u32)
            .map(|u| match bmp_rank[u as usize] {
                r if r < ONE => 1,
                u32::MAX => char::from_u32(u).map_or(3, char::len_utf8) as u8,
                _ => 2,
            })
            .collect();
        CharTable {
            chars: picked,
            astral_rank,
            bmp_rank,
            bmp_cost,
        }
    }

    fn rank_of(&self, c: u32) -> Option<u32> {
        let r = if c < 0x1_0000 {
            self.bmp_rank[c as usize]
        } else {
            self.astral_rank.get(&c).copied().unwrap_or(u32::MAX)
        };
        (r != u32::MAX).then_some(r)
    }

    /// The characters in rank order, for the browser.
    pub fn as_string(&self) -> String {
        self.chars.iter().collect()
    }

    /// Bytes a literal `c` costs in the output file.
    fn literal_cost(&self, c: u32) -> usize {
        if let Some(&cost) = self.bmp_cost.get(c as usize) {
            return usize::from(cost);
        }
        match self.rank_of(c) {
            Some(r) if r < ONE => 1,
            Some(_) => 2,
            None => char::from_u32(c).map_or(3, char::len_utf8),
        }
    }

    fn put_literal(&self, out: &mut String, c: u32) {
        match self.rank_of(c) {
            Some(r) if r < ONE => out.push(sym(r)),
            Some(r) => {
                let r = r - ONE;
                out.push(sym(ONE + r / RADIX));
                out.push(sym(r % RADIX));
            }
            None => out.extend(char::from_u32(c)),
        }
    }
}

/// Digit count class (0, 1, 2) of a distance, and the value to write in that many digits.
fn dist_class(dist: usize) -> (u32, usize) {
    let d = dist - 1;
    if d < 92 {
        (0, d)
    } else if d < 92 + 92 * 92 {
        (1, d - 92)
    } else {
        (2, d - 92 - 92 * 92)
    }
}

fn copy_cost(len: usize, dist: usize) -> usize {
    let extra = len - MIN_COPY;
    let last = (LEN_CLASSES - 1) as usize;
    let len_cost = if extra < last {
        1
    } else {
        1 + num_len((extra - last) as u64)
    };
    len_cost + dist_class(dist).0 as usize + 1
}

fn put_copy(out: &mut String, len: usize, dist: usize) {
    let extra = len - MIN_COPY;
    let last = (LEN_CLASSES - 1) as usize;
    let (class, value) = dist_class(dist);
    let len_class = extra.min(last) as u32;
    out.push(sym(ONE + TWO + len_class * DIST_CLASSES + class));
    if extra >= last {
        put_num(out, (extra - last) as u64);
    }
    for i in (0..=class).rev() {
        out.push(sym(((value / 92usize.pow(i)) % 92) as u32));
    }
}

fn hash3(t: &[u32], i: usize) -> usize {
    let h = t[i].wrapping_mul(0x9E37_79B1) ^ t[i + 1].wrapping_mul(0x85EB_CA77) ^ t[i + 2].wrapping_mul(0xC2B2_AE3D);
    (h >> (32 - HASH_BITS)) as usize
}

/// Text every shard may copy from, with its match-finder chains built once.
pub struct Dictionary {
    codes: Vec<u32>,
    head: Vec<u32>,
    prev: Vec<u32>,
}

impl Dictionary {
    /// A dictionary of `text` (may be empty: no dictionary).
    pub fn new(text: &str) -> Dictionary {
        let codes: Vec<u32> = text.encode_utf16().map(u32::from).collect();
        let mut head = vec![u32::MAX; 1 << HASH_BITS];
        let mut prev = vec![u32::MAX; codes.len()];
        let last = codes.len().saturating_sub(MIN_COPY - 1);
        for (i, p) in prev.iter_mut().enumerate().take(last) {
            let h = hash3(&codes, i);
            *p = head[h];
            head[h] = i as u32;
        }
        Dictionary { codes, head, prev }
    }
}

/// Buffers reused across shards by one thread.
#[derive(Default)]
pub struct Scratch {
    window: Vec<u32>,
    head: Vec<u32>,
    prev: Vec<u32>,
    cost: Vec<usize>,
}

fn is_high(u: u32) -> bool {
    (0xD800..=0xDBFF).contains(&u)
}

/// The character starting at unit `i` of `t` (UTF-16 units of valid text), and its length.
fn char_at(t: &[u32], i: usize) -> (u32, usize) {
    match (t[i], t.get(i + 1)) {
        (hi, Some(&lo)) if is_high(hi) => (0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00), 2),
        (u, _) => (u, 1),
    }
}

/// Compresses `text`, the UTF-16 units of any characters but controls other than `\t` and
/// `\n`, which may copy from `dict`. Deterministic: the match finder is a fixed-depth hash
/// chain and ties keep the nearest match.
pub fn compress(text: &[u32], dict: &Dictionary, table: &CharTable, s: &mut Scratch) -> String {
    let base = dict.codes.len();
    s.window.clear();
    s.window.extend_from_slice(&dict.codes);
    s.window.extend_from_slice(text);
    let t = &s.window;
    let n = t.len();
    s.head.clear();
    s.head.extend_from_slice(&dict.head);
    s.prev.clear();
    s.prev.extend_from_slice(&dict.prev);
    s.prev.resize(n, u32::MAX);
    // cost[i] = bytes of t[base..i] written as literals; a pair's cost sits on its first unit.
    s.cost.clear();
    s.cost.resize(base + 1, 0);
    for i in base..n {
        let last = s.cost[s.cost.len() - 1];
        let unit = t[i];
        let c = if (0xDC00..=0xDFFF).contains(&unit) {
            0
        } else {
            table.literal_cost(char_at(t, i).0)
        };
        s.cost.push(last + c);
    }
    let (head, prev, cost) = (&mut s.head, &mut s.prev, &s.cost);
    let mut out = String::with_capacity(n - base);

    let insert = |head: &mut [u32], prev: &mut [u32], i: usize| {
        if i + MIN_COPY <= n {
            let h = hash3(t, i);
            prev[i] = head[h];
            head[h] = i as u32;
        }
    };
    // Best (saving, len, dist) of a copy starting at i.
    let best_at = |head: &[u32], prev: &[u32], i: usize| -> Option<(usize, usize, usize)> {
        if i + MIN_COPY > n {
            return None;
        }
        let mut cand = head[hash3(t, i)];
        let mut best: Option<(usize, usize, usize)> = None;
        let mut depth = 0;
        while cand != u32::MAX && depth < CHAIN_DEPTH {
            let p = cand as usize;
            depth += 1;
            if i - p > MAX_DIST {
                break;
            }
            // A candidate must beat the best length so far (nearer candidates come first, so
            // an equally long one is never cheaper): check the deciding character first.
            let need = best.map_or(0, |b| b.1);
            if need > 0 && (i + need >= n || t[p + need] != t[i + need]) {
                cand = prev[p];
                continue;
            }
            let mut len = 0;
            while i + len < n && t[p + len] == t[i + len] {
                len += 1;
            }
            if len > 0 && is_high(t[i + len - 1]) {
                len -= 1;
            }
            if len >= MIN_COPY {
                let literal = cost[i + len] - cost[i];
                let copy = copy_cost(len, i - p);
                if literal > copy && best.is_none_or(|b| literal - copy > b.0) {
                    best = Some((literal - copy, len, i - p));
                }
                if len >= GOOD_ENOUGH {
                    break;
                }
            }
            cand = prev[p];
        }
        best
    };

    let mut i = base;
    while i < n {
        match best_at(head, prev, i) {
            Some((saving, len, dist)) => {
                insert(head, prev, i);
                // One step of lazy matching: a better copy one character later wins. Long
                // copies are taken as they are; the check would cost more than it finds.
                let (c, units) = char_at(t, i);
                let later = if len < LAZY_BELOW {
                    best_at(head, prev, i + units)
                } else {
                    None
                };
                if later.is_some_and(|l| l.0 > saving + table.literal_cost(c)) {
                    table.put_literal(&mut out, c);
                    if units == 2 {
                        insert(head, prev, i + 1);
                    }
                    i += units;
                    continue;
                }
                put_copy(&mut out, len, dist);
                for k in i + 1..i + len {
                    insert(head, prev, k);
                }
                i += len;
            }
            None => {
                let (c, units) = char_at(t, i);
                table.put_literal(&mut out, c);
                for k in i..i + units {
                    insert(head, prev, k);
                }
                i += units;
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
    pub fn decompress(s: &str, dict: &str, table: &str) -> String {
        let table: Vec<char> = table.chars().collect();
        let val = |c: char| ALPHABET.iter().position(|&a| char::from(a) == c);
        let chars: Vec<char> = s.chars().collect();
        let mut out: Vec<u16> = dict.encode_utf16().collect();
        let push = |out: &mut Vec<u16>, c: char| {
            let mut b = [0u16; 2];
            out.extend_from_slice(c.encode_utf16(&mut b));
        };
        let base = out.len();
        let mut i = 0;
        let read_num = |i: &mut usize| -> usize {
            let mut acc = 0usize;
            let mut digits = 0u32;
            loop {
                let v = val(chars[*i]).expect("symbol");
                *i += 1;
                digits += 1;
                if v < 46 {
                    acc = acc * 46 + v;
                } else {
                    return acc * 46 + v - 46 + (1..digits).map(|k| 46usize.pow(k)).sum::<usize>();
                }
            }
        };
        let (one, two) = (ONE as usize, TWO as usize);
        while i < chars.len() {
            let c = chars[i];
            i += 1;
            let Some(v) = (c.is_ascii()).then(|| val(c)).flatten() else {
                push(&mut out, c);
                continue;
            };
            if v < one {
                push(&mut out, table[v]);
            } else if v < one + two {
                let lo = val(chars[i]).expect("symbol");
                i += 1;
                push(&mut out, table[one + (v - one) * 92 + lo]);
            } else {
                let code = v - one - two;
                let (len_class, class) = (code / DIST_CLASSES as usize, code % DIST_CLASSES as usize);
                let mut len = MIN_COPY + len_class;
                if len_class == LEN_CLASSES as usize - 1 {
                    len += read_num(&mut i);
                }
                let mut d = 0;
                for _ in 0..=class {
                    d = d * 92 + val(chars[i]).expect("symbol");
                    i += 1;
                }
                d += [0, 92, 92 + 92 * 92][class];
                let from = out.len() - d - 1;
                for k in 0..len {
                    out.push(out[from + k]);
                }
            }
        }
        String::from_utf16(&out[base..]).expect("valid UTF-16")
    }

    fn table_for(text: &str) -> CharTable {
        let mut counts = BTreeMap::new();
        for c in text.chars() {
            *counts.entry(c).or_insert(0) += 1;
        }
        CharTable::from_counts(&counts)
    }

    fn codes(s: &str) -> Vec<u32> {
        s.encode_utf16().map(u32::from).collect()
    }

    fn round_trip(text: &str, dict: &str) -> String {
        let table = table_for(&format!("{dict}{text}"));
        let packed = compress(&codes(text), &Dictionary::new(dict), &table, &mut Scratch::default());
        assert_eq!(decompress(&packed, dict, &table.as_string()), text);
        packed
    }

    #[test]
    fn round_trips_and_shrinks_repetitive_text() {
        let text = "经核查，本期共有12户30人符合条件，涉及资金3600元。\n经核查，本期共有7户15人符合条件，涉及资金1800元。𠀀𠀀𠀀\"\\\t";
        let packed = round_trip(text, "");
        assert!(packed.len() < text.len() / 2, "{} vs {}", packed.len(), text.len());
        assert!(!packed.contains('"') && !packed.contains('\\') && !packed.contains('\n'));
    }

    #[test]
    fn characters_outside_the_table_are_written_raw() {
        let table = table_for("abc");
        let packed = compress(&codes("ab低c"), &Dictionary::new(""), &table, &mut Scratch::default());
        assert!(packed.contains('低'));
        assert_eq!(decompress(&packed, "", &table.as_string()), "ab低c");
    }

    #[test]
    fn long_copies_and_far_distances_round_trip() {
        let block: String = (0..12_000)
            .map(|i| char::from_u32(0x4E00 + (i * 7919) % 2000).unwrap_or('x'))
            .collect();
        round_trip(&format!("{block}中间{block}{}", "啊".repeat(500)), "");
    }

    #[test]
    fn astral_characters_are_never_split() {
        let text = "𠀀甲𠀁𠀀甲𠀁𠀀甲𠀂乙𠀀甲𠀁";
        round_trip(text, "");
        round_trip(text, "𠀀甲𠀁");
        let table = table_for("x");
        let packed = compress(&codes(text), &Dictionary::new(""), &table, &mut Scratch::default());
        assert_eq!(decompress(&packed, "", &table.as_string()), text);
    }

    #[test]
    fn the_dictionary_is_copied_from() {
        let dict = "公示期间如有异议，请向镇民政办反映。";
        let text = "本期名单如下。公示期间如有异议，请向镇民政办反映。";
        let with = round_trip(text, dict);
        let without = round_trip(text, "");
        assert!(with.len() + 10 < without.len(), "{with} vs {without}");
    }

    #[test]
    fn scratch_reuse_does_not_leak_between_texts() {
        let table = table_for("甲乙丙丁戊己庚辛");
        let dict = Dictionary::new("甲乙丙丁");
        let mut s = Scratch::default();
        let a = compress(&codes("戊己庚辛戊己庚辛"), &dict, &table, &mut s);
        let b = compress(&codes("甲乙丙丁"), &dict, &table, &mut s);
        assert_eq!(decompress(&a, "甲乙丙丁", &table.as_string()), "戊己庚辛戊己庚辛");
        assert_eq!(decompress(&b, "甲乙丙丁", &table.as_string()), "甲乙丙丁");
        assert_eq!(b, compress(&codes("甲乙丙丁"), &dict, &table, &mut Scratch::default()));
    }
}
