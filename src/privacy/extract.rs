//! The text inside a file a notice publishes (an attachment, a data file), for the scanner.
//!
//! A file copied to the site is published whole: every sheet of a workbook, the header row of
//! a CSV as much as its body, a DOCX's paragraphs. So every part is read, not just what the
//! page shows; what cannot be read (an image, a scan, an encrypted or damaged file, a format
//! with no reader here) is said so, to be checked by a person.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

/// One cell of a table file, with where a clerk finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellText {
    /// The sheet's name, for workbooks.
    pub sheet: Option<String>,
    /// 1-based: the CSV line or the spreadsheet row number.
    pub row: usize,
    /// 0-based column.
    pub col: usize,
    pub text: String,
}

/// What a file holds, as far as the scanner can read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Extracted {
    /// Cells of a table (CSV, every sheet of XLSX/XLS/ODS).
    Cells(Vec<CellText>),
    /// Running text (TXT, HTML, DOCX paragraphs).
    Text(String),
    /// The text of each page of a PDF, and the 1-based numbers of pages with no text (a
    /// scanned page among typed ones), which only a person can check.
    Pages { pages: Vec<String>, blank: Vec<usize> },
    /// Nothing a machine can check: the reason, in both languages.
    Unreadable(crate::diag::Text),
}

impl Extracted {
    /// Every piece of text read (cells, the text, pages), for scans that need not say where.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Extracted::Cells(cells) => cells.iter().map(|c| c.text.as_str()).collect(),
            Extracted::Text(t) => vec![t.as_str()],
            Extracted::Pages { pages, .. } => pages.iter().map(String::as_str).collect(),
            Extracted::Unreadable(_) => Vec::new(),
        }
    }

    /// Why a person must look at (part of) the file, if any part could not be read.
    pub fn unchecked(&self) -> Option<crate::diag::Text> {
        match self {
            Extracted::Unreadable(why) => Some(why.clone()),
            Extracted::Pages { blank, .. } if !blank.is_empty() => {
                let zh = blank.iter().map(usize::to_string).collect::<Vec<_>>().join("、");
                let en = blank.iter().map(usize::to_string).collect::<Vec<_>>().join(", ");
                Some(crate::tr!(
                    "PDF 第 {zh} 页没有可提取的文字（可能是扫描页，如盖章页）",
                    "page(s) {en} of the PDF hold no extractable text (a scanned page, such as the stamped one?)"
                ))
            }
            _ => None,
        }
    }
}

/// Each file read once per check: the source check, the exemption pass and the gate all need
/// an attachment's text, and a PDF or a workbook is costly to read. Keyed by the file's size
/// and modification time as well as its path, so that `serve`, which keeps the site across
/// edits, reads a file again once it changes.
#[derive(Default)]
pub struct Cache {
    read: Mutex<HashMap<PathBuf, (Stamp, Arc<Extracted>)>>,
}

type Stamp = Option<(u64, SystemTime)>;

fn stamp(path: &Path) -> Stamp {
    let m = std::fs::metadata(path).ok()?;
    Some((m.len(), m.modified().ok()?))
}

impl Cache {
    /// The text of the file at `path`, read now or earlier if it has not changed since. The
    /// lock is not held while reading: two threads may read the same file at once, and
    /// either result is kept (they are the same).
    pub fn get(&self, path: &Path) -> Arc<Extracted> {
        let now = stamp(path);
        if let Ok(map) = self.read.lock()
            && let Some((was, read)) = map.get(path)
            && now.is_some()
            && *was == now
        {
            return Arc::clone(read);
        }
        let read = Arc::new(extract(path));
        if let Ok(mut map) = self.read.lock() {
            map.insert(path.to_path_buf(), (now, Arc::clone(&read)));
        }
        read
    }
}

/// Reads the file at `path` by its extension.
pub fn extract(path: &Path) -> Extracted {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return Extracted::Unreadable(crate::tr!("无法读取：{e}", "cannot be read: {e}")),
    };
    extract_bytes(&ext, &bytes, path)
}

pub fn extract_bytes(ext: &str, bytes: &[u8], path: &Path) -> Extracted {
    match ext {
        "csv" | "tsv" => csv_cells(bytes, if ext == "tsv" { b'\t' } else { b',' }),
        "txt" | "md" | "html" | "htm" | "xml" | "json" | "svg" => Extracted::Text(decode(bytes)),
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => workbook(path),
        "docx" => docx(bytes),
        "jpg" | "jpeg" | "png" | "gif" | "bmp" | "tif" | "tiff" | "webp" | "heic" => Extracted::Unreadable(crate::tr!(
            "图片（扫描件、照片）中的文字无法自动识别",
            "the text of an image (a scan, a photo) cannot be read automatically"
        )),
        "pdf" => super::pdf::pages(bytes),
        _ => Extracted::Unreadable(crate::tr!(
            "“.{ext}”格式的内容无法自动读取",
            "the contents of a `.{ext}` file cannot be read automatically"
        )),
    }
}

/// UTF-8 (with or without BOM) or GBK, as the notices themselves.
fn decode(bytes: &[u8]) -> String {
    let mut ignore = crate::diag::Diagnostics::new();
    crate::load::decode::decode(bytes, "", &mut ignore).unwrap_or_else(|| String::from_utf8_lossy(bytes).into_owned())
}

/// Every cell, the first row included: a CSV without a header row has people in its first
/// row too.
fn csv_cells(bytes: &[u8], delimiter: u8) -> Extracted {
    let text = decode(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut cells = Vec::new();
    for record in reader.records() {
        let Ok(r) = record else {
            // A malformed CSV is still published: read it as plain text.
            return Extracted::Text(text);
        };
        let row = r.position().map_or(0, |p| p.line() as usize);
        for (col, c) in r.iter().enumerate() {
            if !c.trim().is_empty() {
                cells.push(CellText {
                    sheet: None,
                    row,
                    col,
                    text: c.to_string(),
                });
            }
        }
    }
    Extracted::Cells(cells)
}

/// Every sheet of a workbook. A number stored as a number is written as Excel shows it.
fn workbook(path: &Path) -> Extracted {
    use calamine::{Data, Reader};
    let mut wb = match calamine::open_workbook_auto(path) {
        Ok(wb) => wb,
        Err(e) => {
            return Extracted::Unreadable(crate::tr!(
                "工作簿无法打开（可能已加密或损坏）：{e}",
                "the workbook cannot be opened (encrypted or damaged?): {e}"
            ));
        }
    };
    let mut cells = Vec::new();
    for name in wb.sheet_names() {
        let Ok(range) = wb.worksheet_range(&name) else { continue };
        let (top, left) = range.start().unwrap_or((0, 0));
        for (r, row) in range.rows().enumerate() {
            for (c, v) in row.iter().enumerate() {
                let text = match v {
                    Data::Empty => continue,
                    Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e19 => format!("{f:.0}"),
                    other => other.to_string(),
                };
                cells.push(CellText {
                    sheet: Some(name.clone()),
                    row: top as usize + r + 1,
                    col: left as usize + c,
                    text,
                });
            }
        }
    }
    Extracted::Cells(cells)
}

/// The paragraphs of a DOCX (body, headers, footers, footnotes), runs joined as Word shows
/// them: a number split over two runs is still one number.
fn docx(bytes: &[u8]) -> Extracted {
    let unreadable = || {
        Extracted::Unreadable(crate::tr!(
            "DOCX 文件无法打开（可能已加密或损坏）",
            "the DOCX cannot be opened (encrypted or damaged?)"
        ))
    };
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return unreadable();
    };
    let parts: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .filter(|n| {
            n.starts_with("word/")
                && n.ends_with(".xml")
                && ["document", "header", "footer", "footnotes", "endnotes", "comments"]
                    .iter()
                    .any(|p| n["word/".len()..].starts_with(p))
        })
        .collect();
    if parts.is_empty() {
        return unreadable();
    }
    let mut text = String::new();
    for name in parts {
        let mut xml = String::new();
        // A part bigger than 64 MB is not a notice's attachment; read what fits.
        if let Ok(f) = zip.by_name(&name) {
            let _ = f.take(64 << 20).read_to_string(&mut xml);
        }
        word_text(&xml, &mut text);
        text.push('\n');
    }
    Extracted::Text(text)
}

/// The text of WordprocessingML: the content of `<w:t>` elements, a line break per paragraph,
/// a space per tab. Character references stay as written (the scanner decodes them).
fn word_text(xml: &str, out: &mut String) {
    let mut rest = xml;
    let mut in_text = false;
    while let Some(lt) = rest.find('<') {
        if in_text {
            out.push_str(&rest[..lt]);
        }
        let Some(gt) = rest[lt..].find('>') else { break };
        let tag = &rest[lt + 1..lt + gt];
        let name = tag.trim_start_matches('/').split([' ', '/']).next().unwrap_or("");
        match name {
            "w:t" => in_text = !tag.starts_with('/') && !tag.ends_with('/'),
            "w:p" if tag.starts_with('/') => out.push('\n'),
            "w:tab" => out.push(' '),
            "w:br" | "w:cr" => out.push('\n'),
            _ => {}
        }
        rest = &rest[lt + gt + 1..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_runs_are_joined_within_a_paragraph() {
        let xml = "<w:document><w:body><w:p><w:r><w:t>电话 138</w:t></w:r><w:r><w:t xml:space=\"preserve\">1234</w:t></w:r><w:r><w:t>5678</w:t></w:r></w:p><w:p><w:r><w:t>下一段</w:t></w:r></w:p></w:body></w:document>";
        let mut out = String::new();
        word_text(xml, &mut out);
        assert_eq!(out, "电话 13812345678\n下一段\n");
    }

    #[test]
    fn a_csv_without_header_has_its_first_row_read() {
        let Extracted::Cells(cells) = csv_cells("张三,13812345678\n李四,139****5678\n".as_bytes(), b',') else {
            panic!("cells");
        };
        assert_eq!(cells[1].text, "13812345678");
        assert_eq!(cells[1].row, 1);
    }
}
