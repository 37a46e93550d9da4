//! The document store: what a result needs to be shown (link, title, township, item, date) and
//! the text its snippet is cut from, in small shard files of consecutive notices.
//!
//! Only the shards of the results on screen are loaded. Notices are numbered newest first, so
//! the first page of most queries falls in a few shards. Shards are small because a rare query
//! scatters its results and pays one shard per result; see `DOCS_PER_SHARD`.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::codec::js_string;
use super::lz::{CharTable, compress};
use super::text::clean_for_store;

/// Notices per store shard. Measured on the generated 10k corpus: 8 per shard keeps a shard
/// near 10 KB (ten scattered results ≈ 100 KB) while cross-notice copies still pay off.
pub const DOCS_PER_SHARD: usize = 8;

/// Text kept per notice for snippets and verification, in characters. Longer notices (long
/// name lists) are still indexed in full; past this point the browser trusts the index.
pub const MAX_STORED_CHARS: usize = 8_000;

/// A notice as the store sees it.
pub struct StoredDoc<'a> {
    pub url: &'a str,
    pub title: &'a str,
    pub township: u32,
    pub item: &'a str,
    pub date: &'a str,
    pub text: &'a str,
}

fn count_chars(docs: &[StoredDoc<'_>]) -> (Vec<u64>, BTreeMap<char, u64>) {
    let mut bmp = vec![0u64; 0x1_0000];
    let mut astral = BTreeMap::new();
    for d in docs {
        for c in d.text.chars() {
            if c.is_whitespace() || c.is_control() {
                continue;
            }
            if (c as u32) < 0x1_0000 {
                bmp[c as usize] += 1;
            } else {
                *astral.entry(c).or_insert(0) += 1;
            }
        }
    }
    (bmp, astral)
}

/// Ranks the characters of every stored text by frequency (space and the notice separator
/// `\n` included), for [`compress`].
pub fn char_table(docs: &[StoredDoc<'_>]) -> CharTable {
    let (bmp, astral) = docs.par_chunks(1024).map(count_chars).reduce(
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
        if n > 0 {
            if let Some(c) = char::from_u32(u as u32) {
                counts.insert(c, n);
            }
        }
    }
    *counts.entry(' ').or_insert(0) += 1;
    *counts.entry('\n').or_insert(0) += docs.len() as u64;
    CharTable::from_counts(&counts)
}

/// Writes one store shard:
/// `gongkaiSearch.docs(k,[["url","title",township,"item","date",cut],…],"packed text")`,
/// where the packed text is the notices' texts joined by `\n` and `cut` is 1 when a text was
/// shortened to [`MAX_STORED_CHARS`].
fn shard_file(k: usize, docs: &[StoredDoc<'_>], table: &CharTable) -> String {
    let mut out = format!("gongkaiSearch.docs({k},[");
    let mut joined: Vec<char> = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        let (text, cut) = clean_for_store(d.text, MAX_STORED_CHARS);
        if i > 0 {
            out.push(',');
            joined.push('\n');
        }
        joined.extend(text.chars());
        out.push('[');
        for s in [d.url, d.title] {
            js_string(&mut out, s);
            out.push(',');
        }
        out.push_str(&d.township.to_string());
        out.push(',');
        for s in [d.item, d.date] {
            js_string(&mut out, s);
            out.push(',');
        }
        out.push(if cut { '1' } else { '0' });
        out.push(']');
    }
    out.push_str("],");
    js_string(&mut out, &compress(&joined, table));
    out.push_str(");\n");
    out
}

/// All store shards, numbered from 0; notice `id` is in shard `id / DOCS_PER_SHARD`.
pub fn shard_files(docs: &[StoredDoc<'_>], table: &CharTable) -> Vec<(u32, String)> {
    docs.par_chunks(DOCS_PER_SHARD)
        .enumerate()
        .map(|(k, chunk)| (k as u32, shard_file(k, chunk, table)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::lz::tests::decompress;

    #[test]
    fn shard_holds_metadata_and_recoverable_text() {
        let docs = [
            StoredDoc {
                url: "a/n/1.html",
                title: "低保\"公示\"",
                township: 2,
                item: "社会救助/低保",
                date: "2026-03-01",
                text: "本期新增\n低保对象。",
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
        let file = shard_file(3, &docs, &table);
        assert!(file.starts_with(
            "gongkaiSearch.docs(3,[[\"a/n/1.html\",\"低保\\\"公示\\\"\",2,\"社会救助/低保\",\"2026-03-01\",0],"
        ));
        let packed_start = file.rfind("],\"").expect("packed text") + 3;
        let packed = &file[packed_start..file.len() - 4];
        assert_eq!(decompress(packed, &table.as_string()), "本期新增 低保对象。\n低保对象");
    }
}
