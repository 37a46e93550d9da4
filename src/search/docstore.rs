//! The document store: what a result needs to be shown (link, title, township, item, date) and
//! the text its snippet is cut from, in small shard files of consecutive notices.
//!
//! Only the shards of the results on screen are loaded. Notices are numbered newest first, so
//! the first page of most queries falls in a few shards; a rare query scatters its results and
//! pays one shard per result, hence small shards (see `DOCS_PER_SHARD`).
//!
//! A shard is `gongkaiSearch.docs(k,"packed")`: its notices joined by `\n`, each notice being
//! `url \t title \t township number \t item \t date \t cut \t text` (cut = 1 when the text was
//! shortened to [`MAX_STORED_CHARS`]), packed by [`super::lz`] against the shared dictionary
//! `search/dict.js` = `gongkaiSearch.dict("packed")`.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::OutputFile;
use super::codec::js_string;
use super::dict;
use super::lz::{self, CharTable, Dictionary};
use super::text::{clean_each, clean_for_store};

/// Notices per store shard. Measured on 10k generated notices (store MB with the 32k dictionary,
/// largest shard): 4 → 11.2 MB, 15 KB; 8 → 10.2 MB, 20 KB; 16 → 9.5 MB, 28 KB. Eight keeps ten
/// scattered results near 100 KB while copies between neighbouring notices still pay off.
pub const DOCS_PER_SHARD: usize = 8;

/// Text kept per notice for snippets and verification, in characters. Longer notices (long
/// name lists) are still indexed in full; past this point the browser trusts the index.
pub const MAX_STORED_CHARS: usize = 8_000;

/// Size of the shared dictionary, in characters. Measured on 10k generated notices (store MB /
/// `dict.js` KB): none 13.3 / –, 4k 11.4 / 2.0, 16k 10.6 / 5.2, 32k 10.2 / 9.4, 64k 10.0 / 15.0.
/// The dictionary packs well (it is made of similar sentences), so 32k costs a search 9 KB once.
pub const DICT_CHARS: usize = 32_000;

/// Sites smaller than this get no dictionary: it would cost more to download than it saves.
const DICT_MIN_DOCS: usize = 64;

/// A notice as the store sees it.
pub struct StoredDoc<'a> {
    pub url: &'a str,
    pub title: &'a str,
    pub township: u32,
    pub item: &'a str,
    pub date: &'a str,
    pub text: &'a str,
}

impl StoredDoc<'_> {
    /// Appends the notice as stored — fields separated by `\t`, single-line, the text capped —
    /// as UTF-16 units, the packer's input.
    fn push_codes(&self, out: &mut Vec<u32>) {
        let mut push = |c: char| {
            let mut b = [0u16; 2];
            out.extend(c.encode_utf16(&mut b).iter().map(|&u| u32::from(u)));
        };
        for s in [self.url, self.title] {
            clean_each(s, usize::MAX, &mut push);
            push('\t');
        }
        for c in self.township.to_string().chars() {
            push(c);
        }
        push('\t');
        for s in [self.item, self.date] {
            clean_each(s, usize::MAX, &mut push);
            push('\t');
        }
        let mut text = Vec::new();
        let cut = clean_each(self.text, MAX_STORED_CHARS, |c| text.push(c));
        push(if cut { '1' } else { '0' });
        push('\t');
        for c in text {
            push(c);
        }
    }

    /// The notice's fields as stored: single-line, no tabs, the text capped.
    fn fields(&self) -> Vec<String> {
        let line = |s: &str| clean_for_store(s, usize::MAX).0;
        let (text, cut) = clean_for_store(self.text, MAX_STORED_CHARS);
        vec![
            line(self.url),
            line(self.title),
            self.township.to_string(),
            line(self.item),
            line(self.date),
            if cut { "1" } else { "0" }.to_string(),
            text,
        ]
    }
}

fn count_chars(docs: &[StoredDoc<'_>]) -> (Vec<u64>, BTreeMap<char, u64>) {
    let mut bmp = vec![0u64; 0x1_0000];
    let mut astral = BTreeMap::new();
    for d in docs {
        for s in [d.url, d.title, d.item, d.date, d.text] {
            for c in s.chars() {
                if (c as u32) < 0x1_0000 {
                    bmp[c as usize] += 1;
                } else {
                    *astral.entry(c).or_insert(0) += 1;
                }
            }
        }
    }
    (bmp, astral)
}

/// Ranks the characters of the stored fields of `sample` by frequency, for the packer. Ranks
/// only steer compression (a character missing from the table is written as itself), so a
/// sample of the site's notices does (see `super::SAMPLE`).
pub fn char_table(sample: &[StoredDoc<'_>]) -> CharTable {
    let (bmp, astral) = sample.par_chunks(256).map(count_chars).reduce(
        || (vec![0u64; 0x1_0000], BTreeMap::new()),
        |(mut a, mut aa), (b, ba)| {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
            for (c, n) in ba {
                *aa.entry(c).or_insert(0) += n;
            }
            (a, aa)
        },
    );
    let mut counts: BTreeMap<char, u64> = astral;
    for (u, &n) in bmp.iter().enumerate() {
        match char::from_u32(u as u32) {
            Some(c) if n > 0 && !c.is_whitespace() && !c.is_control() => {
                counts.insert(c, n);
            }
            _ => {}
        }
    }
    CharTable::from_counts(&counts)
}

/// The shared dictionary text for a site of `total` notices, from a `sample` of them (empty
/// for small sites).
pub fn dictionary(sample: &[StoredDoc<'_>], total: usize) -> String {
    if total < DICT_MIN_DOCS {
        return String::new();
    }
    let fields: Vec<Vec<String>> = sample
        .iter()
        .step_by(dict::sample_step(sample.len()))
        .map(StoredDoc::fields)
        .collect();
    dict::build(&fields, DICT_CHARS)
}

/// The packer's input as text, fields on lines of their own: what the browser unpacks.
fn readable(codes: &[u32]) -> String {
    char::decode_utf16(codes.iter().map(|&u| u as u16))
        .map(|c| match c {
            Ok('\t') => '\n',
            Ok(c) => c,
            Err(_) => '\u{FFFD}',
        })
        .collect()
}

fn packed_file(call: &str, packed: &str) -> Vec<u8> {
    let mut out = String::with_capacity(packed.len() + 32);
    out.push_str(call);
    js_string(&mut out, packed);
    out.push_str(");\n");
    out.into_bytes()
}

/// Packs the store shards of `docs`, the notices numbered from `first` on (a multiple of
/// [`DOCS_PER_SHARD`]: notice `id` is in shard `id / DOCS_PER_SHARD`), and hands each to `put`
/// as soon as it is made, on any thread.
pub fn for_each_shard(
    first: usize,
    docs: &[StoredDoc<'_>],
    dict: &Dictionary,
    table: &CharTable,
    put: &(dyn Fn(OutputFile) + Sync),
) {
    debug_assert_eq!(first % DOCS_PER_SHARD, 0);
    docs.par_chunks(DOCS_PER_SHARD).enumerate().for_each_init(
        || (lz::Scratch::default(), Vec::new()),
        |(scratch, codes), (k, chunk)| {
            let k = first / DOCS_PER_SHARD + k;
            codes.clear();
            for (i, d) in chunk.iter().enumerate() {
                if i > 0 {
                    codes.push(u32::from('\n'));
                }
                d.push_codes(codes);
            }
            let packed = lz::compress(codes, dict, table, scratch);
            put(OutputFile {
                path: format!("search/d/{k}.js"),
                bytes: packed_file(&format!("gongkaiSearch.docs({k},"), &packed),
                readable: Some(readable(codes)),
            })
        },
    );
}

/// `search/dict.js`, the dictionary packed without a dictionary; none for an empty one.
pub fn dict_file(dict_text: &str, table: &CharTable) -> Option<OutputFile> {
    if dict_text.is_empty() {
        return None;
    }
    let codes: Vec<u32> = dict_text.encode_utf16().map(u32::from).collect();
    let packed = lz::compress(&codes, &Dictionary::new(""), table, &mut lz::Scratch::default());
    Some(OutputFile {
        path: "search/dict.js".to_string(),
        bytes: packed_file("gongkaiSearch.dict(", &packed),
        readable: Some(dict_text.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::lz::tests::decompress;

    #[test]
    fn shard_holds_fields_and_recoverable_text() {
        let docs = [
            StoredDoc {
                url: "a/n/1.html",
                title: "低保\"公示\"",
                township: 2,
                item: "社会救助/低保",
                date: "2026-03-01",
                text: "本期新增\n低保\t对象。",
            },
            StoredDoc {
                url: "a/n/2.html",
                title: "通知",
                township: 0,
                item: "x",
                date: "2025-01-01",
                text: "低保对象",
            },
        ];
        let table = char_table(&docs);
        assert_eq!(dictionary(&docs, docs.len()), "", "no dictionary for a tiny site");
        let files = std::sync::Mutex::new(Vec::new());
        for_each_shard(0, &docs, &Dictionary::new(""), &table, &|f| {
            files.lock().unwrap_or_else(|e| e.into_inner()).push(f)
        });
        let files = files.into_inner().unwrap_or_default();
        assert_eq!(files.len(), 1);
        let text = String::from_utf8(files[0].bytes.clone()).unwrap_or_default();
        let packed = text
            .strip_prefix("gongkaiSearch.docs(0,\"")
            .and_then(|s| s.strip_suffix("\");\n"));
        let unpacked = decompress(packed.unwrap_or_default(), "", &table.as_string());
        assert_eq!(
            unpacked,
            "a/n/1.html\t低保\"公示\"\t2\t社会救助/低保\t2026-03-01\t0\t本期新增 低保 对象。\na/n/2.html\t通知\t0\tx\t2025-01-01\t0\t低保对象"
        );
    }

    #[test]
    fn long_texts_are_cut_and_flagged() {
        let long = "字".repeat(MAX_STORED_CHARS + 10);
        let d = StoredDoc {
            url: "u",
            title: "t",
            township: 0,
            item: "i",
            date: "d",
            text: &long,
        };
        let f = d.fields();
        assert_eq!(f[5], "1");
        assert_eq!(f[6].chars().count(), MAX_STORED_CHARS);
        let mut codes = Vec::new();
        d.push_codes(&mut codes);
        let units: Vec<u16> = codes.iter().map(|&c| c as u16).collect();
        let stored = String::from_utf16(&units).unwrap_or_default();
        assert_eq!(stored, f.join("\t"), "the two renderings agree");
    }
}
