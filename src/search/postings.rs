//! The inverted index: which notices contain each token, and which have it in the title.
//!
//! Built in parallel over fixed chunks of notices and merged in chunk order, so the result does
//! not depend on thread timing. Inside a chunk a token is looked up once per notice (a small
//! map from token to a local number) and its postings are appended to one flat array, then
//! grouped by a counting sort: no per-token allocation on the hot path. Across chunks, lists
//! are kept as varint gaps (about one byte per posting) so 100k notices fit in a few hundred
//! MB, then re-encoded by [`super::codec::encode_list`] and spread over shard files by token
//! hash: a query only loads the shards of its own tokens.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;

use super::codec::{encode_list, js_string};
use super::tokens::{Scratch, Tok, for_each_token, key_string, token_hash};

/// Notices per parallel work unit. Fixed, so output never depends on the thread count.
const CHUNK: usize = 1024;
/// Chunks indexed before merging into the global lists; bounds the memory held twice.
const BATCH: usize = 4;

/// A small multiply-rotate hasher (the FxHash recipe). Token lookups dominate index time and
/// SipHash would double it; DoS resistance is moot for a build tool hashing its own input.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut v = 0u64;
            for (i, &b) in chunk.iter().enumerate() {
                v |= u64::from(b) << (8 * i);
            }
            self.write_u64(v);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(FX_SEED);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with [`FxHasher`].
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A token as a map key: packed, or its text.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Key {
    Packed(u64),
    Text(Box<str>),
}

impl Key {
    fn into_string(self) -> Box<str> {
        match self {
            Key::Packed(k) => key_string(k).into(),
            Key::Text(s) => s,
        }
    }
}

/// A growing sorted id list: LEB128 gaps while sparse, a bitset once the gaps would take more
/// room (tokens in many notices hold most postings, and there a bit beats a byte).
#[derive(Default)]
struct IdList {
    bytes: Vec<u8>,
    bits: Vec<u64>,
    last: u32,
    count: u32,
}

impl IdList {
    fn push_raw(&mut self, mut v: u32) {
        while v >= 0x80 {
            self.bytes.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.bytes.push(v as u8);
    }

    /// Appends ascending ids that all follow ours; `n` is the number of notices.
    fn extend(&mut self, ids: &[u32], n: u32) {
        for &id in ids {
            if self.bits.is_empty() {
                let gap = if self.count == 0 { id } else { id - self.last };
                self.push_raw(gap);
                if self.bytes.len() > n as usize / 8 {
                    self.switch_to_bits(n);
                }
            } else {
                self.bits[id as usize / 64] |= 1 << (id % 64);
            }
            self.last = id;
            self.count += 1;
        }
    }

    fn switch_to_bits(&mut self, n: u32) {
        let mut bits = vec![0u64; (n as usize).div_ceil(64)];
        for id in self.gap_ids() {
            bits[id as usize / 64] |= 1 << (id % 64);
        }
        self.bits = bits;
        self.bytes = Vec::new();
    }

    fn gap_ids(&self) -> Vec<u32> {
        let mut out = Vec::with_capacity(self.count as usize);
        let mut id = 0u32;
        let (mut v, mut shift) = (0u32, 0);
        for &b in &self.bytes {
            v |= u32::from(b & 0x7f) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                id = if out.is_empty() { v } else { id + v };
                out.push(id);
                v = 0;
                shift = 0;
            }
        }
        out
    }

    fn ids(&self) -> Vec<u32> {
        if self.bits.is_empty() {
            return self.gap_ids();
        }
        let mut out = Vec::with_capacity(self.count as usize);
        for (w, &word) in self.bits.iter().enumerate() {
            let mut x = word;
            while x != 0 {
                out.push(w as u32 * 64 + x.trailing_zeros());
                x &= x - 1;
            }
        }
        out
    }
}

/// Postings of one chunk, grouped by local token number: `ids[starts[t]..starts[t + 1]]`.
struct Grouped {
    starts: Vec<u32>,
    ids: Vec<u32>,
}

/// Counting sort of `(token, id)` pairs that arrive in id order; ids stay ascending per token.
fn group(pairs: &[(u32, u32)], tokens: usize) -> Grouped {
    let mut starts = vec![0u32; tokens + 1];
    for &(t, _) in pairs {
        starts[t as usize + 1] += 1;
    }
    for t in 0..tokens {
        starts[t + 1] += starts[t];
    }
    let mut fill = starts.clone();
    let mut ids = vec![0u32; pairs.len()];
    for &(t, id) in pairs {
        ids[fill[t as usize] as usize] = id;
        fill[t as usize] += 1;
    }
    Grouped { starts, ids }
}

/// One chunk's index: its tokens by local number, and their postings.
struct ChunkIndex {
    keys: Vec<Key>,
    all: Grouped,
    title: Grouped,
    head: Grouped,
    meta: Grouped,
}

/// The text a notice is indexed by: its title, its body, and the body's headings (part of the
/// body too; listed apart so a notice with the word as a heading ranks above a mention).
pub struct Indexable<'a> {
    pub title: &'a str,
    pub text: &'a str,
    pub heads: &'a str,
    /// What its result card says besides the title: item path, township, village. Not part of
    /// the body: a notice filed under 最低生活保障 is found by it, ranked as a field match, and
    /// the browser gets it from the same shard as the rest of the token (no file per item).
    pub meta: &'a str,
}

/// Token numbering for one chunk, plus the last notice each token was recorded for (a token
/// repeats within a notice; only its first occurrence is a posting).
#[derive(Default)]
struct Numbering {
    packed: FxMap<u64, u32>,
    texts: FxMap<Box<str>, u32>,
    keys: Vec<Key>,
    last_all: Vec<u32>,
    last_title: Vec<u32>,
    last_head: Vec<u32>,
    last_meta: Vec<u32>,
}

impl Numbering {
    fn number(&mut self, tok: Tok<'_>) -> usize {
        let next = self.keys.len() as u32;
        let n = match tok {
            Tok::Key(k) => *self.packed.entry(k).or_insert(next),
            Tok::Text(s) => match self.texts.get(s) {
                Some(&n) => n,
                None => {
                    self.texts.insert(s.into(), next);
                    next
                }
            },
        };
        if n == next {
            self.keys.push(match tok {
                Tok::Key(k) => Key::Packed(k),
                Tok::Text(s) => Key::Text(s.into()),
            });
            self.last_all.push(u32::MAX);
            self.last_title.push(u32::MAX);
            self.last_head.push(u32::MAX);
            self.last_meta.push(u32::MAX);
        }
        n as usize
    }
}

fn index_chunk(first_id: u32, docs: &[Indexable<'_>]) -> ChunkIndex {
    let mut num = Numbering::default();
    let mut scratch = Scratch::default();
    let mut all: Vec<(u32, u32)> = Vec::new();
    let mut title: Vec<(u32, u32)> = Vec::new();
    let mut head: Vec<(u32, u32)> = Vec::new();
    let mut meta: Vec<(u32, u32)> = Vec::new();
    for (k, doc) in docs.iter().enumerate() {
        let id = first_id + k as u32;
        let mut record = |tok: Tok<'_>, in_title: bool| {
            let t = num.number(tok);
            if num.last_all[t] != id {
                num.last_all[t] = id;
                all.push((t as u32, id));
            }
            if in_title && num.last_title[t] != id {
                num.last_title[t] = id;
                title.push((t as u32, id));
            }
        };
        for_each_token(doc.title, super::TITLE_UNIGRAMS, &mut scratch, |t| record(t, true));
        for_each_token(doc.text, false, &mut scratch, |t| record(t, false));
        for_each_token(doc.heads, false, &mut scratch, |tok| {
            let t = num.number(tok);
            if num.last_head[t] != id {
                num.last_head[t] = id;
                head.push((t as u32, id));
            }
        });
        for_each_token(doc.meta, false, &mut scratch, |tok| {
            let t = num.number(tok);
            if num.last_meta[t] != id {
                num.last_meta[t] = id;
                meta.push((t as u32, id));
            }
        });
    }
    let tokens = num.keys.len();
    ChunkIndex {
        all: group(&all, tokens),
        title: group(&title, tokens),
        head: group(&head, tokens),
        meta: group(&meta, tokens),
        keys: num.keys,
    }
}

/// One token's encoded lists.
pub struct Encoded {
    pub token: Box<str>,
    pub all: String,
    pub title: String,
    /// Empty for the many tokens in no heading.
    pub head: String,
    /// Empty for the tokens of no item path or place.
    pub meta: String,
}

/// Written instead of the title list when it equals the list of all notices (every unigram,
/// many rare tokens). Cannot start a real list: those start with a kind number, `P`–`R`.
const SAME_AS_ALL: &str = "=";

#[derive(Default)]
struct Lists {
    all: IdList,
    title: IdList,
    head: IdList,
    meta: IdList,
}

fn encode(token: Box<str>, lists: &Lists, n: u32) -> Encoded {
    let part = |l: &IdList| {
        if l.count == 0 {
            String::new()
        } else if l.count == lists.all.count {
            SAME_AS_ALL.to_string()
        } else {
            encode_list(&l.ids(), n)
        }
    };
    Encoded {
        all: encode_list(&lists.all.ids(), n),
        title: part(&lists.title),
        head: part(&lists.head),
        // Not a subset of `all`, so never written as SAME_AS_ALL.
        meta: if lists.meta.count == 0 {
            String::new()
        } else {
            encode_list(&lists.meta.ids(), n)
        },
        token,
    }
}

/// Joins a token's title list, its heading list and its item-and-place list, when it has
/// them (`title·head·meta`, trailing empty ones left out): not a codec symbol, so the browser
/// splits on it; a space would cost a byte for every token of the index.
pub const HEAD_MARK: char = '\u{B7}';

/// Which part of the global map a token is merged in: parts are merged in parallel.
fn part_of(key: &Key, parts: usize) -> usize {
    let mut h = FxHasher::default();
    std::hash::Hash::hash(key, &mut h);
    (h.finish() >> 32) as usize % parts
}

/// The index being built: notices are added a batch at a time, in id order, and their texts
/// can be dropped once added (the lists keep about a byte per posting).
///
/// The global map is split in parts by token hash and each part merges its tokens from every
/// chunk, in chunk order, on its own thread; how many parts there are does not change the result.
pub struct Builder {
    n: u32,
    next: u32,
    global: Vec<FxMap<Key, Lists>>,
}

/// Notices a caller should hand to [`Builder::add`] at once: a batch of chunks is indexed in
/// parallel, and is what is held twice (chunk lists and global lists) at a time.
pub const BATCH_DOCS: usize = CHUNK * BATCH;

impl Builder {
    /// For an index of `n` notices in all.
    pub fn new(n: usize) -> Builder {
        let parts = 2 * rayon::current_num_threads();
        Builder {
            n: n as u32,
            next: 0,
            global: (0..parts).map(|_| FxMap::default()).collect(),
        }
    }

    /// Adds the next notices, in id order: the first of `docs` has the id after the last one
    /// added. Chunk boundaries fall every [`CHUNK`] ids whatever the batch sizes, so the result
    /// never depends on how a caller cuts its batches.
    pub fn add(&mut self, docs: &[Indexable<'_>]) {
        let (n, first) = (self.n, self.next);
        self.next += docs.len() as u32;
        let mut chunks: Vec<(u32, &[Indexable<'_>])> = Vec::new();
        let mut at = 0;
        while at < docs.len() {
            let id = first + at as u32;
            let len = (CHUNK - id as usize % CHUNK).min(docs.len() - at);
            chunks.push((id, &docs[at..at + len]));
            at += len;
        }
        let indexes: Vec<ChunkIndex> = chunks.par_iter().map(|&(first, c)| index_chunk(first, c)).collect();
        let parts = self.global.len();
        self.global.par_iter_mut().enumerate().for_each(|(p, map)| {
            for ix in &indexes {
                for (t, key) in ix.keys.iter().enumerate() {
                    if part_of(key, parts) != p {
                        continue;
                    }
                    let lists = map.entry(key.clone()).or_default();
                    let span = |g: &Grouped| g.starts[t] as usize..g.starts[t + 1] as usize;
                    lists.all.extend(&ix.all.ids[span(&ix.all)], n);
                    lists.title.extend(&ix.title.ids[span(&ix.title)], n);
                    // Heading tokens are body tokens too, so they have an id list already.
                    lists.head.extend(&ix.head.ids[span(&ix.head)], n);
                    lists.meta.extend(&ix.meta.ids[span(&ix.meta)], n);
                }
            }
        });
    }

    /// Every token with its encoded lists, sorted by token.
    pub fn finish(self) -> Vec<Encoded> {
        let n = self.n;
        let mut out: Vec<Encoded> = self
            .global
            .into_par_iter()
            .flat_map_iter(|map| {
                map.into_iter()
                    .map(move |(key, lists)| encode(key.into_string(), &lists, n))
            })
            .collect();
        out.par_sort_unstable_by(|a, b| a.token.cmp(&b.token));
        out
    }
}

/// Indexes `docs` (already in id order) and returns every token with its encoded lists,
/// sorted by token. Single Han characters are indexed from titles only (see `mod.rs`).
#[cfg(test)]
pub fn build(docs: &[Indexable<'_>]) -> Vec<Encoded> {
    let mut b = Builder::new(docs.len());
    for batch in docs.chunks(BATCH_DOCS) {
        b.add(batch);
    }
    b.finish()
}

/// Postings bytes a shard file aims at: one shard is what a two-character query downloads, and
/// a query widened by the dictionary loads one per bigram of every form (8 KB keeps 低保 with
/// 最低生活保障 well under SPEC 11's 300 KB).
pub const TARGET_SHARD_BYTES: usize = 8_000;

/// How many shards `entries` are spread over.
pub fn shard_count(entries: &[Encoded]) -> u32 {
    let total: usize = entries
        .iter()
        .map(|e| e.token.len() + e.all.len() + e.title.len() + e.head.len() + e.meta.len() + 4)
        .sum();
    total.div_ceil(TARGET_SHARD_BYTES).clamp(1, 65_536) as u32
}

/// Makes the shard files, `gongkaiSearch.shard(k,"tok1 tok2 …","all1 title1 all2 title2 …")`,
/// and hands each to `put` as `(k, file text, readable)` as soon as it is made, on any thread:
/// every shard, empty ones too (the browser loads a shard by number without knowing whether it
/// has anything). The readable text is the file's tokens, one per line (the lists beside them
/// are numbers in the codec's alphabet, not text): what the privacy gate reads.
pub fn for_each_shard(entries: &[Encoded], shards: u32, put: &(dyn Fn(u32, String, String) + Sync)) {
    let mut members: Vec<Vec<&Encoded>> = vec![Vec::new(); shards as usize];
    for e in entries {
        members[(token_hash(&e.token) % shards) as usize].push(e);
    }
    members.into_par_iter().enumerate().for_each(|(k, entries)| {
        let keys: Vec<&str> = entries.iter().map(|e| &*e.token).collect();
        let mut lists: Vec<std::borrow::Cow<'_, str>> = Vec::with_capacity(2 * entries.len());
        for e in &entries {
            lists.push(e.all.as_str().into());
            lists.push(if !e.meta.is_empty() {
                format!("{}{HEAD_MARK}{}{HEAD_MARK}{}", e.title, e.head, e.meta).into()
            } else if !e.head.is_empty() {
                format!("{}{HEAD_MARK}{}", e.title, e.head).into()
            } else {
                e.title.as_str().into()
            });
        }
        let mut out = String::with_capacity(64 + lists.iter().map(|l| l.len() + 1).sum::<usize>());
        out.push_str(&format!("gongkaiSearch.shard({k},"));
        js_string(&mut out, &keys.join(" "));
        out.push(',');
        js_string(&mut out, &lists.join(" "));
        out.push_str(");\n");
        put(k as u32, out, keys.join("\n"));
    });
}

/// [`for_each_shard`], collected in shard order.
#[cfg(test)]
pub fn shard_files(entries: &[Encoded], shards: u32) -> Vec<(u32, String, String)> {
    let files = std::sync::Mutex::new(Vec::new());
    for_each_shard(entries, shards, &|k, body, tokens| {
        files.lock().unwrap_or_else(|e| e.into_inner()).push((k, body, tokens));
    });
    let mut files = files.into_inner().unwrap_or_else(|e| e.into_inner());
    files.sort_by_key(|f| f.0);
    files
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
                heads: "",
                meta: "",
            },
            Indexable {
                title: "危房改造",
                text: "农村危房改造补助，每户3,600元。\n补助标准\n",
                heads: "补助标准",
                meta: "",
            },
            Indexable {
                title: "通知",
                text: "低保标准调整",
                heads: "",
                meta: "",
            },
        ]
    }

    fn lists(entries: &[Encoded], tok: &str) -> (Vec<u32>, Vec<u32>) {
        let e = entries.iter().find(|e| &*e.token == tok).expect(tok);
        let all = decode_list(&e.all, 3);
        let title = if e.title == SAME_AS_ALL {
            all.clone()
        } else {
            decode_list(&e.title, 3)
        };
        (all, title)
    }

    #[test]
    fn postings_record_documents_and_title_hits() {
        let entries = build(&docs());
        assert_eq!(lists(&entries, "低保"), (vec![0, 2], vec![0]));
        assert_eq!(lists(&entries, "3600"), (vec![1], vec![]));
        assert_eq!(lists(&entries, "改造"), (vec![1], vec![1]));
        assert_eq!(lists(&entries, "危"), (vec![1], vec![1]), "unigrams come from titles");
        assert!(entries.iter().all(|e| &*e.token != "本"), "not from bodies");
        assert!(entries.windows(2).all(|w| w[0].token < w[1].token), "sorted");
    }

    #[test]
    fn heading_tokens_have_their_own_list() {
        let entries = build(&docs());
        let e = entries.iter().find(|e| &*e.token == "标准").expect("标准");
        assert_eq!(decode_list(&e.all, 3), [1, 2]);
        assert_eq!(decode_list(&e.head, 3), [1]);
        let files = shard_files(&entries, 1);
        assert!(files[0].1.contains(HEAD_MARK), "written after the title list");
        assert!(
            entries
                .iter()
                .find(|e| &*e.token == "低保")
                .is_some_and(|e| e.head.is_empty())
        );
    }

    #[test]
    fn chunk_merge_keeps_ids_in_order() {
        let many: Vec<Indexable<'static>> = (0..CHUNK * 3 + 5)
            .map(|i| Indexable {
                title: "公示",
                text: if i % 2 == 0 {
                    "低保低保"
                } else {
                    "这是一个很长的编号abcdefghij"
                },
                heads: "",
                meta: "",
            })
            .collect();
        let entries = build(&many);
        for (tok, want) in [("低保", 0), ("abcdefghij", 1)] {
            let e = entries.iter().find(|e| &*e.token == tok).expect("token");
            let ids = decode_list(&e.all, many.len() as u32);
            assert_eq!(
                ids,
                (0..many.len() as u32).filter(|i| i % 2 == want).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn batches_of_any_size_give_the_same_index() {
        let many: Vec<Indexable<'static>> = (0..CHUNK * 2 + 77)
            .map(|i| Indexable {
                title: if i % 3 == 0 { "低保公示" } else { "通知" },
                text: ["低保对象", "危房改造补助", "高龄津贴"][i % 3],
                heads: "",
                meta: if i % 5 == 0 { "青山镇" } else { "" },
            })
            .collect();
        let whole = build(&many);
        let mut b = Builder::new(many.len());
        for part in [
            &many[..1],
            &many[1..CHUNK + 5],
            &many[CHUNK + 5..CHUNK + 6],
            &many[CHUNK + 6..],
        ] {
            b.add(part);
        }
        let cut = b.finish();
        let flat = |e: &[Encoded]| -> Vec<(String, String, String, String)> {
            e.iter()
                .map(|e| (e.token.to_string(), e.all.clone(), e.title.clone(), e.meta.clone()))
                .collect()
        };
        assert_eq!(flat(&whole), flat(&cut));
    }

    #[test]
    fn id_lists_round_trip_and_turn_into_bitsets() {
        let mut a = IdList::default();
        a.extend(&[0, 5, 300, 70_000], 100_000);
        a.extend(&[70_001, 90_000], 100_000);
        assert!(a.bits.is_empty());
        assert_eq!(a.ids(), [0, 5, 300, 70_000, 70_001, 90_000]);
        let dense: Vec<u32> = (0..1000).step_by(3).collect();
        let mut b = IdList::default();
        b.extend(&dense[..10], 1000);
        b.extend(&dense[10..], 1000);
        assert!(!b.bits.is_empty(), "switched to a bitset");
        assert_eq!(b.ids(), dense);
        assert_eq!(b.count as usize, dense.len());
    }

    #[test]
    fn grouping_keeps_id_order_per_token() {
        let g = group(&[(1, 0), (0, 0), (1, 3), (0, 5)], 3);
        assert_eq!(g.starts, [0, 2, 4, 4]);
        assert_eq!(g.ids, [0, 5, 0, 3]);
    }

    #[test]
    fn every_token_lands_in_its_hash_shard() {
        let entries = build(&docs());
        let files = shard_files(&entries, 4);
        assert_eq!(files.len(), 4);
        let s = (token_hash("低保") % 4) as usize;
        assert!(files[s].1.contains("低保"));
        assert!(files[s].1.starts_with(&format!("gongkaiSearch.shard({s},\"")));
    }
}
