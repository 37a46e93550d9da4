//! `manifest.json`: every file of a bundle with its size and SHA-256, and the build date.
//!
//! It is what makes a copy checkable (`pack --verify`: USB sticks silently corrupt files, and
//! copies get interrupted) and what a deploy compares against (`pack --diff`: the files to
//! upload again). JSON because other tools read it; paths `/`-separated, relative to the
//! bundle, sorted, so that the same site and date always give the same manifest.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::Path;

/// The manifest's own file name, at the top of the bundle.
pub const NAME: &str = "manifest.json";

/// Bumped only if the shape changes in a way older readers would misread.
pub const FORMAT: u32 = 1;

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    pub format: u32,
    pub generator: String,
    /// The site's title and county code, so a copy says which site it is.
    pub site: String,
    pub code: String,
    /// The build date (`--date`), `YYYY-MM-DD`.
    pub date: String,
    /// Built with the reading-room kiosk layer.
    pub kiosk: bool,
    pub files: Vec<Entry>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest.iter() {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

impl Manifest {
    /// The entries of `files` (`(path, bytes)`), sorted by path.
    pub fn entries<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Vec<Entry> {
        let mut v: Vec<Entry> = files
            .into_iter()
            .map(|(path, bytes)| Entry {
                path: path.to_string(),
                size: bytes.len() as u64,
                sha256: sha256_hex(bytes),
            })
            .collect();
        v.sort_by(|a, b| a.path.cmp(&b.path));
        v
    }

    pub fn to_json(&self) -> Vec<u8> {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s.into_bytes()
    }

    pub fn parse(bytes: &[u8]) -> Result<Manifest, String> {
        let m: Manifest = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        if m.format != FORMAT {
            return Err(format!("format {} (this gongkai reads {FORMAT})", m.format));
        }
        Ok(m)
    }
}

/// Why a manifest could not be read.
pub enum ReadError {
    Io(std::io::Error),
    Invalid(String),
}

/// The manifest of a bundle given as its folder, its zip file, or the manifest file itself.
pub fn read(path: &Path) -> Result<Manifest, ReadError> {
    let bytes = if path.is_dir() {
        std::fs::read(path.join(NAME)).map_err(ReadError::Io)?
    } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("zip")) {
        super::zipfile::read_entry(path, NAME).map_err(ReadError::Io)?
    } else {
        std::fs::read(path).map_err(ReadError::Io)?
    };
    Manifest::parse(&bytes).map_err(ReadError::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_and_round_trip() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let m = Manifest {
            format: FORMAT,
            generator: "gongkai".into(),
            site: "示例县".into(),
            code: "341099".into(),
            date: "2026-11-28".into(),
            kiosk: false,
            files: Manifest::entries([("b.html", &b"b"[..]), ("a.html", &b"a"[..])]),
        };
        assert_eq!(m.files[0].path, "a.html");
        assert_eq!(Manifest::parse(&m.to_json()).ok(), Some(m));
        assert!(Manifest::parse(b"{\"format\": 9}").is_err());
    }
}
