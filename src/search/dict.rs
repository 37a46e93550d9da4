//! Choosing the shared dictionary of the text packer.
//!
//! A store shard holds only eight notices (so that ten scattered results stay small), and the
//! first notice of a shard has nothing earlier to copy from. Boilerplate — the objection clause,
//! the legal basis, the item names — recurs across the whole site, so the sentences that recur
//! most are put in one dictionary every shard copies from. Measured on 10k generated notices the
//! store shrinks by about a fifth; a search pays for the dictionary once.

use super::postings::FxMap;

/// Notices sampled to find recurring sentences; bounds the time on large sites.
const SAMPLE: usize = 1000;
/// Shortest piece worth a dictionary entry, in characters.
const MIN_PIECE: usize = 4;

/// Splits stored text into pieces: sentences (ending with 。；！？) and space-separated cells.
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive(['。', '；', '！', '？'])
        .flat_map(|s| s.split(' '))
        .filter(|p| p.chars().nth(MIN_PIECE - 1).is_some())
}

/// Every how many notices one is sampled, for a site of `n` notices.
pub fn sample_step(n: usize) -> usize {
    n.div_ceil(SAMPLE).max(1)
}

/// Builds the dictionary text, at most `cap` characters, from sampled notices (each a list of
/// strings as they will be stored). Pieces are scored by (notices containing them − 1) × length;
/// the best sit at the end, nearest to the shard text, where copy distances are shortest.
/// Deterministic: ties break on the text.
pub fn build(sample: &[Vec<String>], cap: usize) -> String {
    let mut seen: FxMap<&str, (u32, usize)> = FxMap::default();
    for (i, fields) in sample.iter().enumerate() {
        for field in fields {
            for p in pieces(field) {
                let e = seen.entry(p).or_insert((0, usize::MAX));
                if e.1 != i {
                    e.0 += 1;
                    e.1 = i;
                }
            }
        }
    }
    let mut scored: Vec<(usize, &str)> = seen
        .into_iter()
        .filter(|(_, (df, _))| *df >= 2)
        .map(|(p, (df, _))| ((df as usize - 1) * p.chars().count(), p))
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let mut picked: Vec<&str> = Vec::new();
    let mut used = 0;
    for (_, p) in scored {
        let len = p.chars().count();
        if used + len > cap {
            continue;
        }
        used += len;
        picked.push(p);
    }
    picked.reverse();
    picked.concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recurring_sentences_are_picked_best_last() {
        let doc = |x: &str| vec![format!("{x}公示期间如有异议，请反映。联系电话：123。")];
        let docs = vec![doc("甲。"), doc("乙。"), doc("丙。")];
        let dict = build(&docs, 100);
        assert!(dict.ends_with("公示期间如有异议，请反映。"), "{dict}");
        assert!(dict.contains("联系电话：123。"));
        assert!(!dict.contains('甲'));
        assert_eq!(build(&docs, 5), "", "nothing fits");
    }

    #[test]
    fn single_notice_sites_get_no_dictionary() {
        assert_eq!(build(&[vec!["公示期间如有异议。".to_string()]], 100), "");
    }
}
