//! "Did you mean …?" for keys, townships and catalog items.

/// Levenshtein distance over characters (not bytes: `乡镇` vs `乡真` is one edit).
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The closest candidate within a distance that scales with the length of the word, or `None`
/// when nothing is close enough to be a useful guess.
pub fn closest<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let len = word.chars().count();
    let limit = (len / 2).max(1);
    candidates
        .into_iter()
        .map(|c| {
            let shared = shared_chars(word, c);
            (distance(word, c), usize::MAX - shared, c)
        })
        .filter(|(d, _, c)| *d <= limit || (shared_chars(word, c) * 2 >= len.max(2) && *d <= len))
        .min()
        .map(|(_, _, c)| c)
}

/// The candidates ranked by closeness (best first), at most `n`.
pub fn ranked<'a, I>(word: &str, candidates: I, n: usize) -> Vec<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let mut all: Vec<(usize, usize, &str)> = candidates
        .into_iter()
        .map(|c| (distance(word, c), usize::MAX - shared_chars(word, c), c))
        .collect();
    all.sort();
    all.into_iter().take(n).map(|(_, _, c)| c).collect()
}

fn shared_chars(a: &str, b: &str) -> usize {
    a.chars().filter(|c| b.contains(*c)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_keys() {
        assert_eq!(closest("发布时间", ["发布日期", "形成日期", "标题"]), Some("发布日期"));
        assert_eq!(closest("titel", ["title", "item"]), Some("title"));
        assert_eq!(closest("xyz", ["标题", "事项"]), None);
    }
}
