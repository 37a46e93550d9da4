//! Client-side search: the index files the site ships, read by `themes/default/static/search.js`.
//!
//! Requirements (SPEC §7, §11): any two or more Chinese characters of a notice find it, numbers
//! and Latin words too; it works from `file://`, so every index file is a classic `<script>` that
//! calls a global `gongkaiSearch.*` function (never fetch/XHR, no modules, no WebAssembly); a
//! query downloads only what it needs; 10k notices stay far below Pagefind's 88 MB.
//!
//! The design, each part chosen by measurement on `gen_corpus.py` notices (numbers in the docs
//! of each module and in `examples/search_bench.rs` / `bench/search_bench.py`):
//!
//! * tokens are *units* (one Han character, or one whole number/word) and adjacent-unit bigrams
//!   ([`tokens`]); the browser cuts a query with the same few rules ([`text`]), no dictionary
//!   on either side, so index and query can never disagree the way jieba and `Intl.Segmenter` do;
//! * postings are spread over `search/i/<k>.js` by an FNV hash of the token, the shard count
//!   chosen so a shard is about 8 KB: a query loads one shard per bigram ([`postings`]); each
//!   list is gaps, a bitset or the complement's gaps, whichever is smallest ([`codec`]);
//! * notices are numbered newest first; link, title, township, item, date and the text for
//!   snippets sit in `search/d/<k>.js`, eight notices per file, LZ-packed against a shared
//!   dictionary of recurring sentences, `search/dict.js` ([`docstore`], [`lz`], [`dict`]);
//! * township and domain filters are id lists in `search/f/t<k>.js` / `search/f/d<k>.js`; years
//!   are id ranges in `search/meta.js`, which also carries names and format parameters ([`meta`]).
//!
//! The build streams ([`write_index`]): texts are asked for a batch of notices at a time
//! ([`TextSource`]), and each file goes out as soon as it is made, so a county's texts are never
//! all in memory at once; only the postings (about a byte each) are kept to the end.
//!
//! The browser intersects the lists of a query's tokens, ranks notices with every token in the
//! title first, then newest first, and for queries of three or more units checks each shown
//! notice's text (bigrams can all occur without being adjacent) before showing it.
//!
//! elasticlunr-rs, the design card's indexer, is not used: it writes one JSON index the browser
//! must load whole for every search (with this tokenizer and `save_docs(false)`, 22.9 MB for 1k
//! generated notices; see `examples/search_bench.rs --elasticlunr`), it stores no text for
//! snippets, and its `zh` mode (jieba) cannot be reproduced in a browser.

mod codec;
mod dict;
mod docstore;
mod homophones;
pub mod lexicon;
mod lz;
mod meta;
mod postings;
mod text;
mod tokens;

use rayon::prelude::*;
use std::collections::BTreeMap;

pub use docstore::{DOCS_PER_SHARD, MAX_STORED_CHARS};
pub use text::normalize;
pub use tokens::{token_hash, tokens};

/// A notice as the search index sees it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchDoc<'a> {
    /// Relative to the site root, `/`-separated, e.g. `qingshan/n/sa-05-2026-abc.html`.
    pub url: String,
    pub title: String,
    pub township: String,
    pub domain: String,
    /// The catalog item, e.g. `最低生活保障/审核信息`.
    pub item: String,
    /// The village or community, for village-level notices; empty otherwise.
    pub village: String,
    /// The body's `##` headings, one a line (they are in `text` too).
    pub headings: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Plain text of the body, already checked: no personal identifiers.
    pub text: DocText<'a>,
}

/// Makes the text of the documents it was given keys for, when the index reaches them.
pub trait TextSource: Sync {
    /// The plain text of document `key`, already checked: no personal identifiers.
    fn text(&self, key: usize) -> String;
}

/// A document's text: held, or made when the index reaches it and dropped after. A county's
/// notice texts are the largest thing a build would hold (650 MB at 100k notices), and the
/// index needs them only a batch at a time ([`write_index`]).
#[derive(Clone)]
pub enum DocText<'a> {
    Ready(std::borrow::Cow<'a, str>),
    Later(&'a dyn TextSource, usize),
}

impl DocText<'_> {
    pub fn get(&self) -> std::borrow::Cow<'_, str> {
        match self {
            DocText::Ready(t) => std::borrow::Cow::Borrowed(t),
            DocText::Later(source, key) => std::borrow::Cow::Owned(source.text(*key)),
        }
    }
}

impl Default for DocText<'_> {
    fn default() -> Self {
        DocText::Ready(std::borrow::Cow::Borrowed(""))
    }
}

impl std::fmt::Debug for DocText<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DocText::Ready(t) => t.fmt(f),
            DocText::Later(_, key) => write!(f, "Later({key})"),
        }
    }
}

impl PartialEq for DocText<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Eq for DocText<'_> {}

impl<'a> From<std::borrow::Cow<'a, str>> for DocText<'a> {
    fn from(t: std::borrow::Cow<'a, str>) -> Self {
        DocText::Ready(t)
    }
}

impl From<String> for DocText<'_> {
    fn from(t: String) -> Self {
        DocText::Ready(t.into())
    }
}

impl<'a> From<&'a str> for DocText<'a> {
    fn from(t: &'a str) -> Self {
        DocText::Ready(t.into())
    }
}

/// A file to write under the site root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative to the site root, e.g. `search/i/17.js`.
    pub path: String,
    pub bytes: Vec<u8>,
    /// For packed files, the text they decode to (what the privacy gate reads).
    pub readable: Option<String>,
}

/// Single Han characters are indexed from titles only, so a one-character query (what a reader
/// has typed on the way to two) lists the notices with it in the title, and the page says so.
/// Indexing them from bodies too measured +0.7 MB (+15 % of the postings) on 10k generated
/// notices, for queries that match most notices anyway.
pub const TITLE_UNIGRAMS: bool = true;

/// Notices whose text is read for the packer's character table, the shared dictionary and the
/// homophone table; titles, items and places are read in full. The characters and the
/// recurring sentences of a county's notices are nearly all in a sample, and a sample's texts
/// are made a second time (when the index reaches them), so it is kept small.
const SAMPLE: usize = 2_000;

/// Builds every search file for `docs`, sorted by path. Deterministic: the same notices, in
/// any order, give byte-identical files (notices are numbered by date, newest first, then by
/// URL). [`write_index`] is the same without holding the files.
pub fn build_index(docs: &[SearchDoc<'_>]) -> Vec<OutputFile> {
    let files = std::sync::Mutex::new(Vec::new());
    write_index(docs, &|f| files.lock().unwrap_or_else(|e| e.into_inner()).push(f));
    let mut files = files.into_inner().unwrap_or_else(|e| e.into_inner());
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// Builds every search file for `docs` and hands each to `emit` as soon as it is made, in no
/// particular order (the files are the same as [`build_index`]'s).
///
/// Memory stays bounded by a batch: texts are made [`postings::BATCH_DOCS`] notices at a time,
/// indexed, packed into their store shards, emitted and dropped; what is kept across batches is
/// the postings (about a byte each) and a hash per file for `meta.js`.
pub fn write_index(docs: &[SearchDoc<'_>], emit: &(dyn Fn(OutputFile) + Sync)) {
    let mut t = crate::util::timing::Timer::new();
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&docs[a], &docs[b]);
        y.date
            .cmp(&x.date)
            .then_with(|| x.url.cmp(&y.url))
            .then_with(|| x.cmp_rest(y))
    });
    let sorted: Vec<&SearchDoc<'_>> = order.iter().map(|&i| &docs[i]).collect();
    drop(order);

    let hashes = std::sync::Mutex::new(Vec::new());
    let emit = |f: OutputFile| {
        let h = meta::file_hash(&f);
        hashes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((f.path.clone(), h));
        emit(f);
    };

    let townships = distinct(sorted.iter().map(|d| d.township.as_str()));
    let domains = distinct(sorted.iter().map(|d| d.domain.as_str()));
    let paths: Vec<String> = sorted.iter().map(|d| item_path(d)).collect();

    let sampled = Sampled::read(&sorted, &townships);
    let dict = lz::Dictionary::new(&sampled.dict_text);
    t.mark("   sample");

    // The fields every result card shows besides the title are indexed as one more field (see
    // `Indexable::meta`): the browser used to read a filter file per matching item and place,
    // a dozen requests for 特困人员救助 that queued behind the postings (issue 17, SPEC 11).
    let mut index = postings::Builder::new(sorted.len());
    for (b, batch) in sorted.chunks(postings::BATCH_DOCS).enumerate() {
        let first = b * postings::BATCH_DOCS;
        let texts: Vec<std::borrow::Cow<'_, str>> = batch.par_iter().map(|d| d.text.get()).collect();
        let cards: Vec<String> = batch
            .iter()
            .zip(&paths[first..])
            .map(|(d, path)| format!("{path} {} {}", d.township, d.village))
            .collect();
        let indexable: Vec<postings::Indexable<'_>> = batch
            .iter()
            .zip(&texts)
            .zip(&cards)
            .map(|((d, text), card)| postings::Indexable {
                title: &d.title,
                text,
                heads: &d.headings,
                meta: card,
            })
            .collect();
        index.add(&indexable);
        let stored: Vec<docstore::StoredDoc<'_>> = batch
            .iter()
            .zip(&texts)
            .map(|(d, text)| store_form(d, &townships, text))
            .collect();
        docstore::for_each_shard(first, &stored, &dict, &sampled.table, &emit);
    }
    t.mark("   batches");
    let entries = index.finish();
    t.mark("   encode");
    let shard_count = postings::shard_count(&entries);
    postings::for_each_shard(&entries, shard_count, &|k, body, tokens| {
        emit(OutputFile {
            path: format!("search/i/{k}.js"),
            bytes: body.into_bytes(),
            readable: Some(tokens),
        })
    });
    drop(entries);
    t.mark("   shards");
    if let Some(f) = docstore::dict_file(&sampled.dict_text, &sampled.table) {
        emit(f);
    }

    let township_of: Vec<u32> = sorted
        .iter()
        .map(|d| townships.get(d.township.as_str()).copied().unwrap_or(0))
        .collect();
    let domain_of: Vec<u32> = sorted
        .iter()
        .map(|d| domains.get(d.domain.as_str()).copied().unwrap_or(0))
        .collect();
    for f in meta::facet_files("t", &township_of, townships.len())
        .into_iter()
        .chain(meta::facet_files("d", &domain_of, domains.len()))
    {
        emit(f);
    }

    // Item paths and places go to lex.js as words the browser cuts an unspaced query at
    // (柳河村低保 → 柳河村 + 低保); their notices are found through the postings' card field.
    let items = distinct(paths.iter().map(String::as_str));
    let villages = distinct(sorted.iter().map(|d| d.village.as_str()).filter(|v| !v.is_empty()));
    emit(lex_file(&sorted, &townships, &villages, &items, sampled.chars));

    let mut hashes = std::mem::take(&mut *hashes.lock().unwrap_or_else(|e| e.into_inner()));
    hashes.sort();
    let info = meta::MetaInput {
        docs: sorted.len() as u32,
        shards: shard_count,
        chars: sampled.table.as_string(),
        dict_chars: sampled.dict_text.chars().count(),
        townships: names(&townships),
        domains: names(&domains),
        dates: sorted.iter().map(|d| d.date.as_str()).collect(),
    };
    emit(meta::meta_file(&info, &hashes));
}

/// What is read from a sample of the notices (every `step`-th in id order): the packer's
/// character ranks and shared dictionary, and the characters of the homophone table.
struct Sampled {
    table: lz::CharTable,
    dict_text: String,
    chars: homophones::Chars,
}

impl Sampled {
    fn read(sorted: &[&SearchDoc<'_>], townships: &BTreeMap<&str, u32>) -> Sampled {
        let step = sorted.len().div_ceil(SAMPLE).max(1);
        let texts: Vec<std::borrow::Cow<'_, str>> = sorted.par_iter().step_by(step).map(|d| d.text.get()).collect();
        let stored: Vec<docstore::StoredDoc<'_>> = sorted
            .iter()
            .step_by(step)
            .zip(&texts)
            .map(|(d, text)| store_form(d, townships, text))
            .collect();
        let chars = texts
            .par_iter()
            .fold(homophones::Chars::default, |mut chars, text| {
                homophones::collect(text, &mut chars);
                chars
            })
            .reduce(homophones::Chars::default, |a, b| a.union(&b));
        Sampled {
            table: docstore::char_table(&stored),
            dict_text: docstore::dictionary(&stored, sorted.len()),
            chars,
        }
    }
}

/// The notice as the document store keeps it.
fn store_form<'a>(d: &'a SearchDoc<'_>, townships: &BTreeMap<&str, u32>, text: &'a str) -> docstore::StoredDoc<'a> {
    docstore::StoredDoc {
        url: &d.url,
        title: &d.title,
        township: townships.get(d.township.as_str()).copied().unwrap_or(0),
        item: &d.item,
        date: &d.date,
        text,
    }
}

/// The 事项 as a result card shows it: `领域/一级事项/二级事项`.
fn item_path(d: &SearchDoc<'_>) -> String {
    match (d.domain.is_empty(), d.item.is_empty()) {
        (false, false) => format!("{}/{}", d.domain, d.item),
        (true, _) => d.item.clone(),
        (false, true) => d.domain.clone(),
    }
}

fn lex_file(
    sorted: &[&SearchDoc<'_>],
    townships: &BTreeMap<&str, u32>,
    villages: &BTreeMap<&str, u32>,
    items: &BTreeMap<&str, u32>,
    mut chars: homophones::Chars,
) -> OutputFile {
    let groups = lexicon::builtin();
    for g in &groups {
        for f in &g.forms {
            homophones::collect(f, &mut chars);
        }
    }
    for s in townships.keys().chain(villages.keys()).chain(items.keys()) {
        homophones::collect(s, &mut chars);
    }
    for d in sorted {
        homophones::collect(&d.title, &mut chars);
    }
    let mut places: Vec<(&str, &'static str, u32)> = townships
        .iter()
        .filter(|(t, _)| !t.is_empty())
        .map(|(&t, &k)| (t, "t", k))
        .collect();
    places.extend(villages.iter().map(|(&v, &k)| (v, "v", k)));
    lexicon::lex_file(&lexicon::LexInput {
        groups: &groups,
        places,
        items: items.keys().copied().collect(),
        homophones: homophones::table(&chars),
    })
}

impl SearchDoc<'_> {
    /// Orders the fields the sort key leaves out, so even duplicate URLs sort deterministically.
    fn cmp_rest(&self, other: &SearchDoc<'_>) -> std::cmp::Ordering {
        (
            &self.title,
            &self.township,
            &self.domain,
            &self.item,
            &self.village,
            &self.headings,
        )
            .cmp(&(
                &other.title,
                &other.township,
                &other.domain,
                &other.item,
                &other.village,
                &other.headings,
            ))
            .then_with(|| self.text.get().cmp(&other.text.get()))
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
