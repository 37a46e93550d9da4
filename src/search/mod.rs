//! Client-side search: the index files the site ships and `search.js` reads.
//!
//! Requirements (SPEC §7, §11): any 2+ Chinese characters of a notice find it, numbers and Latin
//! words too; it works from `file://` (so every file is a `<script>` calling a global
//! `gongkaiSearch.*` function, never fetch); a query downloads only what it needs.
//!
//! Design, chosen by measurement (numbers in `docs/search.md` and the module docs):
//!
//! * tokens are units (one Han character, or one whole number/word) and adjacent-unit bigrams
//!   ([`tokens`]); the browser cuts queries with the same rules, no dictionary on either side;
//! * postings are spread over `search/i/<k>.js` by a hash of the token, the shard count chosen
//!   so a shard is about 20 KB ([`postings`]); lists are gaps, bitsets or complements,
//!   whichever is smallest ([`codec`]);
//! * notices are numbered newest first; titles, metadata and LZ-packed text for snippets sit in
//!   `search/d/<k>.js`, eight notices per file, packed against a shared dictionary of recurring
//!   sentences, `search/dict.js` ([`docstore`], [`lz`], [`dict`]);
//! * township and domain filters are id lists in `search/f/t<k>.js` / `search/f/d<k>.js`,
//!   years are id ranges in `search/meta.js` ([`meta`]).
//!
//! elasticlunr-rs is not used: with a bigram tokenizer it writes one JSON index that the
//! browser must load whole — 10k generated notices give hundreds of MB (see `docs/search.md`).

mod codec;
mod dict;
mod docstore;
mod lz;
mod meta;
mod postings;
mod text;
mod tokens;

use std::collections::BTreeMap;

pub use docstore::{DOCS_PER_SHARD, MAX_STORED_CHARS};
pub use text::normalize;
pub use tokens::tokens;

/// A notice as the search index sees it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchDoc {
    /// Relative to the site root, `/`-separated, e.g. `qingshan/n/sa-05-2026-abc.html`.
    pub url: String,
    pub title: String,
    pub township: String,
    pub domain: String,
    /// The catalog item, e.g. `最低生活保障/审核信息`.
    pub item: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Plain text of the body, already checked: no personal identifiers.
    pub text: String,
}

/// A file to write under the site root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative to the site root, e.g. `search/i/17.js`.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Single Han characters are indexed from titles only, so a one-character query (what a reader
/// has typed on the way to two) lists the notices with it in the title. Indexing them from bodies
/// too was measured on 10k generated notices: +0.8 MB (+14 % of the postings) and +⅓ of the
/// tokenizing time, for queries that match most notices anyway.
pub const TITLE_UNIGRAMS: bool = true;

/// Builds every search file for `docs`. Deterministic: the same notices, in any order, give
/// byte-identical files (notices are numbered by date, newest first, then by URL).
fn cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let f: Vec<&str> = stat[stat.rfind(')').unwrap_or(0) + 2..].split(' ').collect();
    (f[11].parse::<f64>().unwrap_or(0.0) + f[12].parse::<f64>().unwrap_or(0.0)) / 100.0
}

pub fn build_index(docs: &[SearchDoc]) -> Vec<OutputFile> {
    let mut t = cpu();
    let mut lap = |name: &str| { let n = cpu(); eprintln!("  {name}: {:.2}", n - t); t = n; };
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&docs[a], &docs[b]);
        y.date
            .cmp(&x.date)
            .then_with(|| x.url.cmp(&y.url))
            .then_with(|| x.cmp_rest(y))
    });
    let sorted: Vec<&SearchDoc> = order.iter().map(|&i| &docs[i]).collect();

    let townships = distinct(sorted.iter().map(|d| d.township.as_str()));
    let domains = distinct(sorted.iter().map(|d| d.domain.as_str()));

    let indexable: Vec<postings::Indexable<'_>> = sorted
        .iter()
        .map(|d| postings::Indexable {
            title: &d.title,
            text: &d.text,
        })
        .collect();
    let entries = postings::build(&indexable);
    lap("postings");
    drop(indexable);
    let shard_count = postings::shard_count(&entries);

    let mut files: Vec<OutputFile> = Vec::new();
    for (k, body) in postings::shard_files(&entries, shard_count) {
        files.push(OutputFile {
            path: format!("search/i/{k}.js"),
            bytes: body.into_bytes(),
        });
    }
    drop(entries);
    lap("shards");

    let stored: Vec<docstore::StoredDoc<'_>> = sorted
        .iter()
        .map(|d| docstore::StoredDoc {
            url: &d.url,
            title: &d.title,
            township: townships.get(d.township.as_str()).copied().unwrap_or(0),
            item: &d.item,
            date: &d.date,
            text: &d.text,
        })
        .collect();
    let table = docstore::char_table(&stored);
    lap("table");
    let dict_text = docstore::dictionary(&stored);
    lap("dict");
    files.extend(docstore::files(&stored, &dict_text, &table));
    lap("store");

    let township_of: Vec<u32> = stored.iter().map(|d| d.township).collect();
    let domain_of: Vec<u32> = sorted
        .iter()
        .map(|d| domains.get(d.domain.as_str()).copied().unwrap_or(0))
        .collect();
    files.extend(meta::facet_files("t", &township_of, townships.len()));
    files.extend(meta::facet_files("d", &domain_of, domains.len()));

    files.sort_by(|a, b| a.path.cmp(&b.path));
    let info = meta::MetaInput {
        docs: sorted.len() as u32,
        shards: shard_count,
        chars: table.as_string(),
        dict_chars: dict_text.chars().count(),
        townships: names(&townships),
        domains: names(&domains),
        dates: sorted.iter().map(|d| d.date.as_str()).collect(),
    };
    files.push(meta::meta_file(&info, &files));
    lap("meta");
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

impl SearchDoc {
    /// Orders the fields the sort key leaves out, so even duplicate URLs sort deterministically.
    fn cmp_rest(&self, other: &SearchDoc) -> std::cmp::Ordering {
        (&self.title, &self.township, &self.domain, &self.item, &self.text).cmp(&(
            &other.title,
            &other.township,
            &other.domain,
            &other.item,
            &other.text,
        ))
    }
}

/// Distinct values in code-point order, numbered from 0.
fn distinct<'a>(values: impl Iterator<Item = &'a str>) -> BTreeMap<&'a str, u32> {
    let mut map: BTreeMap<&str, u32> = values.map(|v| (v, 0)).collect();
    for (i, v) in map.values_mut().enumerate() {
        *v = i as u32;
    }
    map
}

fn names<'a>(map: &BTreeMap<&'a str, u32>) -> Vec<&'a str> {
    map.keys().copied().collect()
}

#[cfg(test)]
mod tests;

#[doc(hidden)]
pub fn __bench_norm(s: &str, out: &mut Vec<u32>) { text::normalize_codes(s, out) }
