//! Output paths: ASCII, stable, and independent of the clerk's (often Chinese) file names.

use super::model::Attachment;
use crate::load::Field;
use jiff::civil::Date;
use std::path::Path;

/// The file stem of a notice's page: the source's own stem when it is already a clean ASCII
/// slug, otherwise `<item-id>-<yyyymmdd>-<hash>` where the hash of the source path keeps two
/// notices of the same item and day apart and stays the same from build to build.
pub fn page_stem(path: &Path, item_id: &str, published: Date, rel: &str) -> String {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    // `index` names the domain page that sits beside the notice pages.
    let reserved = stem == "index";
    if !stem.is_empty()
        && !reserved
        && stem
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
    {
        return stem.to_string();
    }
    format!("{}-{}-{}", item_id, published.strftime("%Y%m%d"), short_hash(rel))
}

/// FNV-1a, 6 hex digits: stable across platforms and Rust versions, unlike `DefaultHasher`.
pub fn short_hash(s: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{:06x}", h & 0xff_ffff)
}

/// An attachment written beside the notice, copied to `<base>.<ext>`.
pub fn attachment(dir: &Path, f: &Field<String>, base: &str) -> Attachment {
    let name = f.value.trim().to_string();
    let ext = Path::new(&name)
        .extension()
        .and_then(|e| e.to_str())
        .filter(|e| e.is_ascii())
        .map(|e| e.to_ascii_lowercase());
    let url = match ext {
        Some(e) => format!("{base}.{e}"),
        None => base.to_string(),
    };
    Attachment {
        source: dir.join(&name),
        name,
        url,
        pos: f.pos,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_page_names_are_never_notice_names() {
        let d = jiff::civil::date(2026, 9, 25);
        assert_eq!(
            page_stem(Path::new("a/dibao-q3.md"), "sa-05", d, "a/dibao-q3.md"),
            "dibao-q3"
        );
        assert!(page_stem(Path::new("a/index.md"), "sa-05", d, "a/index.md").starts_with("sa-05-20260925-"));
        assert!(page_stem(Path::new("a/低保公示.md"), "sa-05", d, "x").starts_with("sa-05-20260925-"));
    }
}
