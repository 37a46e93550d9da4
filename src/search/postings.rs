//! The inverted index: which notices contain each token, and which have it in the title.
//!
//! Built in parallel over fixed chunks of notices and merged in chunk order, so the result
//! does not depend on thread timing. Lists are kept as varint gaps while building (about one
//! byte per posting) so 100k notices fit in a few hundred MB, then re-encoded by
//! [`super::codec::encode_list`] and spread over shard files by token hash: a query only loads
//! the shards of its own tokens.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;

use super::codec::{encode_list, js_string};
use super::text::normalize_into;
use super::tokens::{Scratch, for_each_token, token_hash};

/// Notices per parallel work unit. Fixed, so output never depends on the thread count.
const CHUNK: usize = 1024;
/// Chunks indexed before merging into the global map; bounds the memory held twice.
const BATCH: usize = 8;

/// A small multiply-rotate hasher (the FxHash recipe). Token lookups dominate index time and
/// SipHash would double it; DoS resistance is moot for a build tool hashing its own input.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut v = 0u64;
            for (i, &b) in chunk.iter().enumerate() {
                v |= u64::from(b) << (8 * i);
            }
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A growing sorted id list stored as LEB128 gaps.
#[derive(Default)]
struct GapList {
    bytes: Vec<u8>,
    last: u32,
    count: u32,
}

impl GapList {
    fn push_raw(&mut self, mut v: u32) {
        while v >= 0x80 {
            self.bytes.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.bytes.push(v as u8);
    }

    /// Adds `id` unless it is already the last one (a token seen twice in one notice).
    fn push(&mut self, id: u32) {
        if self.count > 0 && self.last == id {
            return;
        }
        let gap = if self.count == 0 { id } else { id - self.last };
        self.push_raw(gap);
        self.last = id;
        self.count += 1;
    }

    /// Appends a list whose ids all follow ours.
    fn append(&mut self, other: GapList) {
        if other.count == 0 {
            return;
        }
        let (first, used) = read_varint(&other.bytes);
        let gap = if self.count == 0 { first } else { first - self.last };
        self.push_raw(gap);
        self.bytes.extend_from_slice(&other.bytes[used..]);
        self.last = other.last;
        self.count += other.count;
    }

    fn ids(&self) -> Vec<u32> {
        let mut out = Vec::with_capacity(self.count as usize);
        let mut pos = 0;
        let mut id = 0u32;
        while pos < self.bytes.len() {
            let (gap, used) = read_varint(&self.bytes[pos..]);
            pos += used;
            id = if out.is_empty() { gap } else { id + gap };
            out.push(id);
        }
        out
    }
}

fn read_varint(bytes: &[u8]) -> (u32, usize) {
    let mut v = 0u32;
    let mut shift = 0;
    for (i, &b) in bytes.iter().enumerate() {
        v |= u32::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return (v, i + 1);
        }
        shift += 7;
    }
    (v, bytes.len())
}

#[derive(Default)]
struct Entry {
    all: GapList,
    title: GapList,
}

/// The text a notice is indexed by: its title and its body.
pub struct Indexable<'a> {
    pub title: &'a str,
    pub text: &'a str,
}

fn index_chunk(first_id: u32, docs: &[Indexable<'_>], unigrams: bool) -> FxMap<Box<str>, Entry> {
    let mut map: FxMap<Box<str>, Entry> = FxMap::default();
    let mut norm = String::new();
    let mut scratch = Scratch::default();
    let mut add = |map: &mut FxMap<Box<str>, Entry>, tok: &str, id: u32, in_title: bool| {
        let record = |e: &mut Entry| {
            e.all.push(id);
            if in_title {
                e.title.push(id);
            }
        };
        if let Some(e) = map.get_mut(tok) {
            record(e);
            return;
        }
        let mut e = Entry::default();
        record(&mut e);
        map.insert(tok.into(), e);
    };
    for (k, doc) in docs.iter().enumerate() {
        let id = first_id + k as u32;
        normalize_into(doc.title, &mut norm);
        for_each_token(&norm, unigrams, &mut scratch, |t| add(&mut map, t, id, true));
        normalize_into(doc.text, &mut norm);
        for_each_token(&norm, unigrams, &mut scratch, |t| add(&mut map, t, id, false));
    }
    map
}

/// One token's encoded lists.
pub struct Encoded {
    pub token: Box<str>,
    pub all: String,
    pub title: String,
}

/// Indexes `docs` (already in id order) and returns every token with its encoded lists,
/// sorted by token.
pub fn build(docs: &[Indexable<'_>], unigrams: bool) -> Vec<Encoded> {
    let n = docs.len() as u32;
    let chunks: Vec<(u32, &[Indexable<'_>])> = docs
        .chunks(CHUNK)
        .enumerate()
        .map(|(i, c)| ((i * CHUNK) as u32, c))
        .collect();
    let mut global: FxMap<Box<str>, Entry> = FxMap::default();
    for batch in chunks.chunks(BATCH) {
        let parts: Vec<FxMap<Box<str>, Entry>> = batch
            .par_iter()
            .map(|&(first, c)| index_chunk(first, c, unigrams))
            .collect();
        for part in parts {
            for (tok, e) in part {
                let g = global.entry(tok).or_default();
                g.all.append(e.all);
                g.title.append(e.title);
            }
        }
    }
    let mut entries: Vec<(Box<str>, Entry)> = global.into_iter().collect();
    entries.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    entries
        .into_par_iter()
        .map(|(token, e)| Encoded {
            all: encode_list(&e.all.ids(), n),
            title: encode_list(&e.title.ids(), n),
            token,
        })
        .collect()
}

/// Postings bytes a shard file aims at: one shard is what a two-character query downloads.
pub const TARGET_SHARD_BYTES: usize = 20_000;

/// How many shards `entries` are spread over.
pub fn shard_count(entries: &[Encoded]) -> u32 {
    let total: usize = entries
        .iter()
        .map(|e| e.token.len() + e.all.len() + e.title.len() + 3)
        .sum();
    total.div_ceil(TARGET_SHARD_BYTES).clamp(1, 65_536) as u32
}

/// Writes the shard files: `gongkaiSearch.shard(k,"tok1 tok2 …","all1 title1 all2 title2 …")`.
/// Returns `(shard number, file text)` for every shard, including empty ones (the browser
/// loads a shard by number without knowing whether it has anything).
pub fn shard_files(entries: &[Encoded], shards: u32) -> Vec<(u32, String)> {
    let mut keys: Vec<Vec<&str>> = vec![Vec::new(); shards as usize];
    let mut lists: Vec<Vec<&str>> = vec![Vec::new(); shards as usize];
    for e in entries {
        let s = (token_hash(&e.token) % shards) as usize;
        keys[s].push(&e.token);
        lists[s].push(&e.all);
        lists[s].push(&e.title);
    }
    keys.into_iter()
        .zip(lists)
        .enumerate()
        .map(|(k, (keys, lists))| {
            let mut out = String::with_capacity(64 + lists.iter().map(|l| l.len() + 1).sum::<usize>());
            out.push_str(&format!("gongkaiSearch.shard({k},"));
            js_string(&mut out, &keys.join(" "));
            out.push(',');
            js_string(&mut out, &lists.join(" "));
            out.push_str(");\n");
            (k as u32, out)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::codec::tests::decode_list;

    fn docs() -> Vec<Indexable<'static>> {
        vec![
            Indexable {
                title: "低保名单公示",
                text: "本期新增低保对象3户。",
            },
            Indexable {
                title: "危房改造",
                text: "农村危房改造补助，每户3,600元。",
            },
            Indexable {
                title: "通知",
                text: "低保标准调整",
            },
        ]
    }

    fn lists(entries: &[Encoded], tok: &str) -> (Vec<u32>, Vec<u32>) {
        let e = entries.iter().find(|e| &*e.token == tok).expect(tok);
        (decode_list(&e.all, 3), decode_list(&e.title, 3))
    }

    #[test]
    fn postings_record_documents_and_title_hits() {
        let entries = build(&docs(), false);
        assert_eq!(lists(&entries, "低保"), (vec![0, 2], vec![0]));
        assert_eq!(lists(&entries, "3600"), (vec![1], vec![]));
        assert_eq!(lists(&entries, "改造"), (vec![1], vec![1]));
        assert!(entries.windows(2).all(|w| w[0].token < w[1].token), "sorted");
    }

    #[test]
    fn chunk_merge_keeps_ids_in_order() {
        let many: Vec<Indexable<'static>> = (0..CHUNK * 3 + 5)
            .map(|_| Indexable {
                title: "公示",
                text: "低保",
            })
            .collect();
        let entries = build(&many, false);
        let e = entries.iter().find(|e| &*e.token == "低保").expect("token");
        let ids = decode_list(&e.all, many.len() as u32);
        assert_eq!(ids, (0..many.len() as u32).collect::<Vec<_>>());
    }

    #[test]
    fn gap_list_round_trips() {
        let mut a = GapList::default();
        for id in [0, 5, 5, 300, 70_000] {
            a.push(id);
        }
        let mut b = GapList::default();
        b.push(70_001);
        b.push(90_000);
        a.append(b);
        assert_eq!(a.ids(), [0, 5, 300, 70_000, 70_001, 90_000]);
    }

    #[test]
    fn every_token_lands_in_its_hash_shard() {
        let entries = build(&docs(), false);
        let files = shard_files(&entries, 4);
        assert_eq!(files.len(), 4);
        let s = (token_hash("低保") % 4) as usize;
        assert!(files[s].1.contains("低保"));
        assert!(files[s].1.starts_with(&format!("gongkaiSearch.shard({s},\"")));
    }
}
