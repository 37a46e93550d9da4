//! `search/meta.js`, the one index file every search loads, and the filter files.
//!
//! Meta holds what the browser needs before it can ask for anything else: counts, format
//! parameters, the character table of the text packer, the township and domain names for the
//! filter menus, and the id range of each year (notices are numbered newest first, so a year is
//! a range and its filter costs nothing to download).

use serde::Serialize;

use super::OutputFile;
use super::codec::{encode_list, js_string};
use super::docstore::{DOCS_PER_SHARD, MAX_STORED_CHARS};
use super::lz::{DIST_CLASSES, LEN_CLASSES, MIN_COPY, ONE, TWO};
use super::tokens::MAX_WORD;

/// Bumped whenever the file formats or tokenizing rules change; `search.js` refuses others.
pub const FORMAT_VERSION: u32 = 3;

/// What [`meta_file`] needs from the build.
pub struct MetaInput<'a> {
    pub docs: u32,
    pub shards: u32,
    pub chars: String,
    /// Characters in `search/dict.js` (0: there is none).
    pub dict_chars: usize,
    pub townships: Vec<&'a str>,
    pub domains: Vec<&'a str>,
    /// Every notice's date, in id order.
    pub dates: Vec<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Meta<'a> {
    version: u32,
    /// Hash of every other index file: appended to their URLs so a browser cache never mixes
    /// two builds.
    build: String,
    docs: u32,
    shards: u32,
    docs_per_shard: usize,
    max_stored: usize,
    /// Single Han characters are indexed from titles only.
    title_unigrams: bool,
    max_word: usize,
    /// The packer's parameters: one-symbol literals, two-symbol prefixes, length classes,
    /// distance classes, shortest copy.
    lz: [u32; 5],
    chars: &'a str,
    dict: usize,
    townships: &'a [&'a str],
    domains: &'a [&'a str],
    /// `[year, first id, end id)`, newest year first.
    years: Vec<(String, u32, u32)>,
}

/// Year ranges of ids; dates not starting with four digits belong to no year.
fn year_ranges(dates: &[&str]) -> Vec<(String, u32, u32)> {
    let mut out: Vec<(String, u32, u32)> = Vec::new();
    for (id, d) in dates.iter().enumerate() {
        let year = d.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()));
        let Some(year) = year else { continue };
        match out.last_mut() {
            Some(last) if last.0 == year && last.2 == id as u32 => last.2 += 1,
            _ => out.push((year.to_string(), id as u32, id as u32 + 1)),
        }
    }
    out
}

/// FNV-1a of a file's path and bytes: one per file as it is emitted, so the build hash needs
/// no file kept.
pub fn file_hash(f: &OutputFile) -> u64 {
    fnv(
        0xcbf2_9ce4_8422_2325,
        f.path.as_bytes().iter().chain([0u8].iter()).chain(f.bytes.iter()),
    )
}

fn fnv<'b>(mut h: u64, bytes: impl Iterator<Item = &'b u8>) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The hashes of every other file, in path order, folded into one.
fn build_hash(files: &[(String, u64)]) -> String {
    let h = files
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |h, (_, f)| fnv(h, f.to_le_bytes().iter()));
    format!("{h:016x}")
}

/// Writes `search/meta.js`: `gongkaiSearch.meta({...});`.
/// `files`: the (path, [`file_hash`]) of every other index file, sorted by path.
pub fn meta_file(info: &MetaInput<'_>, files: &[(String, u64)]) -> OutputFile {
    let meta = Meta {
        version: FORMAT_VERSION,
        build: build_hash(files),
        docs: info.docs,
        shards: info.shards,
        docs_per_shard: DOCS_PER_SHARD,
        max_stored: MAX_STORED_CHARS,
        title_unigrams: super::TITLE_UNIGRAMS,
        max_word: MAX_WORD,
        lz: [ONE, TWO, LEN_CLASSES, DIST_CLASSES, MIN_COPY as u32],
        chars: &info.chars,
        dict: info.dict_chars,
        townships: &info.townships,
        domains: &info.domains,
        years: year_ranges(&info.dates),
    };
    // serde_json cannot fail on these types; fall back to an empty index rather than panic.
    let json = serde_json::to_string(&meta).unwrap_or_else(|_| "{}".to_string());
    let json = json.replace('\u{2028}', "\\u2028").replace('\u{2029}', "\\u2029");
    OutputFile {
        readable: None,
        path: "search/meta.js".to_string(),
        bytes: format!("gongkaiSearch.meta({json});\n").into_bytes(),
    }
}

/// One file per value of a filter (`prefix` `t` = township, `d` = domain): the ids of the
/// notices with that value, `gongkaiSearch.facet("t3","…");`.
pub fn facet_files(prefix: &str, value_of: &[u32], values: usize) -> Vec<OutputFile> {
    let mut ids: Vec<Vec<u32>> = vec![Vec::new(); values];
    for (id, &v) in value_of.iter().enumerate() {
        if let Some(list) = ids.get_mut(v as usize) {
            list.push(id as u32);
        }
    }
    ids.iter()
        .enumerate()
        .map(|(k, list)| {
            let mut body = String::from("gongkaiSearch.facet(");
            js_string(&mut body, &format!("{prefix}{k}"));
            body.push(',');
            js_string(&mut body, &encode_list(list, value_of.len() as u32));
            body.push_str(");\n");
            OutputFile {
                readable: None,
                path: format!("search/f/{prefix}{k}.js"),
                bytes: body.into_bytes(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_id_ranges() {
        let dates = ["2026-05-01", "2026-01-02", "2025-12-31", "bad", "2024-01-01"];
        assert_eq!(
            year_ranges(&dates),
            [("2026".into(), 0, 2), ("2025".into(), 2, 3), ("2024".into(), 4, 5)]
        );
    }

    #[test]
    fn facets_list_their_notices() {
        let files = facet_files("t", &[1, 0, 1], 2);
        assert_eq!(files[1].path, "search/f/t1.js");
        let text = String::from_utf8(files[1].bytes.clone()).unwrap_or_default();
        assert!(text.starts_with("gongkaiSearch.facet(\"t1\",\""));
    }
}
