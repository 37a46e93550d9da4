//! The homophone table behind pinyin slips (`底保` for 低保, `危方改造` for 危房改造).
//!
//! A reader typing pinyin picks a wrong character of the same sound; tones are not typed, so
//! characters are grouped by toneless reading. The readings come from the `pinyin` crate (its
//! data is the maintained pinyin-data set); it is used while the site is built, and only the
//! characters that occur in the site are written, so the browser downloads a table of the
//! site's few thousand characters instead of the 40,000 the crate knows.
//!
//! Format: groups of characters of one reading, separated by spaces, in reading order. A
//! character with several readings (重, 行) is in each of its groups. `search.js` matches a
//! query part against the vocabulary ([`super::lexicon`]) character by character: two
//! characters sound alike when they share a group.

use std::collections::BTreeMap;

use pinyin::ToPinyinMulti;

/// The first and one past the last code point [`Chars`] holds: CJK Extension A and the URO.
const FIRST: u32 = 0x3400;
const END: u32 = 0xA000;

/// A set of Han characters (U+3400–U+9FFF), as bits. The site's characters are collected from
/// every title and a sample of texts; a `BTreeSet` insert per character was 61 ms of a 10k
/// build (`GONGKAI_TIMINGS=1`), on one core.
#[derive(Clone)]
pub struct Chars(Vec<u64>);

impl Default for Chars {
    fn default() -> Self {
        Chars(vec![0; (END - FIRST).div_ceil(64) as usize])
    }
}

impl Chars {
    /// Both sets' characters.
    pub fn union(mut self, other: &Chars) -> Chars {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
        self
    }

    /// The characters, in code-point order.
    fn iter(&self) -> impl Iterator<Item = char> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &word)| {
            (0..64)
                .filter(move |b| word & (1 << b) != 0)
                .filter_map(move |b| char::from_u32(FIRST + w as u32 * 64 + b))
        })
    }
}

/// The table for `chars` (those without a reading are left out).
pub fn table(chars: &Chars) -> String {
    let mut groups: BTreeMap<&'static str, String> = BTreeMap::new();
    for c in chars.iter() {
        let Some(multi) = c.to_pinyin_multi() else { continue };
        let mut seen: Vec<&str> = Vec::new();
        for i in 0..multi.count() {
            let reading = multi.get(i).plain();
            if seen.contains(&reading) {
                continue;
            }
            seen.push(reading);
            groups.entry(reading).or_default().push(c);
        }
    }
    // A group of one character cannot produce a slip; leave it out.
    groups
        .into_values()
        .filter(|g| g.chars().nth(1).is_some())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Han characters of `s`, added to `out`.
pub fn collect(s: &str, out: &mut Chars) {
    for c in s.chars() {
        if matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF) {
            let k = c as u32 - FIRST;
            out.0[(k / 64) as usize] |= 1 << (k % 64);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups_of(table: &str, c: char) -> Vec<&str> {
        table.split(' ').filter(|g| g.contains(c)).collect()
    }

    #[test]
    fn slips_share_a_group() {
        let mut chars = Chars::default();
        collect("低保底报危房方改造该一事一议意重复中行", &mut chars);
        let t = table(&chars);
        for (meant, typed) in [('低', '底'), ('房', '方'), ('议', '意'), ('改', '该')] {
            let g = groups_of(&t, meant);
            assert!(g.iter().any(|g| g.contains(typed)), "{meant}/{typed}: {t}");
        }
        assert!(groups_of(&t, '重').iter().any(|g| g.contains('中')), "{t}");
        assert!(!t.contains('中') || groups_of(&t, '中').iter().all(|g| g.chars().count() > 1));
    }

    #[test]
    fn only_the_sites_characters_are_written() {
        let mut chars = Chars::default();
        collect("低底abc，", &mut chars);
        assert_eq!(table(&chars), "低底");
    }
}
