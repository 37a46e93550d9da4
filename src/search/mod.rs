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
//!   `search/d/<k>.js`, eight notices per file ([`docstore`], [`lz`]);
//! * township and domain filters are id lists in `search/f/t<k>.js` / `search/f/d<k>.js`,
//!   years are id ranges in `search/meta.js` ([`meta`]).
//!
//! elasticlunr-rs is not used: with a bigram tokenizer it writes one JSON index that the
//! browser must load whole — 10k generated notices give hundreds of MB (see `docs/search.md`).

mod codec;
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

/// Whether single Han characters are indexed, so that a one-character query finds notices.
/// Measured on 10k generated notices: +0.9 MB (+7 %) on disk, and a query for one character
/// loads one shard like any other; cheap enough to keep.
pub const UNIGRAMS: bool = true;

/// Builds every search file for `docs`. Deterministic: the same notices, in any order, give
/// byte-identical files (notices are numbered by date, newest first, then by URL).
pub fn build_index(docs: &[SearchDoc]) -> Vec<OutputFile> {
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
    let entries = postings::build(&indexable, UNIGRAMS);
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
    for (k, body) in docstore::shard_files(&stored, &table) {
        files.push(OutputFile {
            path: format!("search/d/{k}.js"),
            bytes: body.into_bytes(),
        });
    }

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
        townships: names(&townships),
        domains: names(&domains),
        dates: sorted.iter().map(|d| d.date.as_str()).collect(),
    };
    files.push(meta::meta_file(&info, &files));
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
