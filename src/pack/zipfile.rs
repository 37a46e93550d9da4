//! The zip form of a bundle: one file to mail, upload or carry. Deflate only (every unzip
//! tool, Windows Explorer included, reads it), already-compressed formats stored as they are,
//! entries sorted and dated by the build date so that one site and date give the same bytes.
//! Names are UTF-8 with the zip's UTF-8 flag, which Explorer (Windows 10+) and 7-Zip honour.

use std::io::{self, Read, Write};
use std::path::Path;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

/// Formats that deflate cannot shrink: storing them saves time and nothing else.
fn stored(path: &str) -> bool {
    let ext = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    matches!(
        ext.as_str(),
        "zip" | "png" | "jpg" | "jpeg" | "gif" | "webp" | "pdf" | "xlsx" | "docx" | "pptx" | "mp4" | "mp3" | "gz"
    )
}

fn io_err(e: zip::result::ZipError) -> io::Error {
    match e {
        zip::result::ZipError::Io(e) => e,
        other => io::Error::other(other.to_string()),
    }
}

/// The zip of `files` (`(path, bytes)`, any order), all dated `date`.
pub fn bytes<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>, date: jiff::civil::Date) -> io::Result<Vec<u8>> {
    let mut files: Vec<(&str, &[u8])> = files.into_iter().collect();
    files.sort_by(|a, b| a.0.cmp(b.0));
    let when = DateTime::from_date_and_time(
        u16::try_from(date.year()).unwrap_or(1980).max(1980),
        u8::try_from(date.month()).unwrap_or(1),
        u8::try_from(date.day()).unwrap_or(1),
        0,
        0,
        0,
    )
    .unwrap_or_default();
    let mut zip = ZipWriter::new(io::Cursor::new(Vec::new()));
    for (path, data) in files {
        let method = if stored(path) {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        let opts = SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(when)
            .unix_permissions(0o644);
        zip.start_file(path, opts).map_err(io_err)?;
        zip.write_all(data)?;
    }
    Ok(zip.finish().map_err(io_err)?.into_inner())
}

/// One entry of the zip at `path`.
pub fn read_entry(path: &Path, name: &str) -> io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let mut archive = ZipArchive::new(file).map_err(io_err)?;
    let mut entry = archive.by_name(name).map_err(io_err)?;
    let mut out = Vec::new();
    entry.read_to_end(&mut out)?;
    Ok(out)
}
