//! The text of a PDF, page by page, for the scanner.
//!
//! A PDF a clerk attaches is usually exported from WPS or Word and carries its text (each font
//! has a ToUnicode map), so the numbers in it can be read like a DOCX's. What cannot be read is
//! said so: an encrypted or damaged file, a scan (pages with no text at all), or single pages
//! with no text among pages that have some (the stamped page scanned and appended).

use super::extract::Extracted;
use pdf_extract::{Document, PlainTextOutput, output_doc_page};
use std::cell::Cell;

thread_local! {
    /// Set while this thread reads a PDF: the reader may panic on a damaged file, which is
    /// caught and reported as unreadable, and must not print a Rust panic to a clerk.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Installs, once, a panic hook that stays silent on threads reading a PDF and defers to the
/// previous hook everywhere else.
fn quiet_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// The text of every page of the PDF in `bytes`.
pub fn pages(bytes: &[u8]) -> Extracted {
    quiet_hook();
    QUIET.with(|q| q.set(true));
    let read = std::panic::catch_unwind(|| read_pages(bytes));
    QUIET.with(|q| q.set(false));
    let unreadable = |zh: &str, en: &str| Extracted::Unreadable(crate::tr!("{zh}", "{en}"));
    match read {
        Err(_) | Ok(Err(())) => unreadable(
            "PDF 文件无法打开（可能已加密或损坏）",
            "the PDF cannot be opened (encrypted or damaged?)",
        ),
        Ok(Ok(pages)) if pages.is_empty() => unreadable("PDF 文件没有页面", "the PDF has no pages"),
        Ok(Ok(pages)) => {
            let blank: Vec<usize> = pages
                .iter()
                .enumerate()
                .filter(|(_, p)| p.as_ref().is_none_or(|t| !has_text(t)))
                .map(|(i, _)| i + 1)
                .collect();
            if blank.len() == pages.len() {
                return unreadable(
                    "PDF 中没有可提取的文字（多为扫描件或图片）",
                    "the PDF holds no extractable text (usually a scan or pictures)",
                );
            }
            Extracted::Pages {
                pages: pages.into_iter().map(Option::unwrap_or_default).collect(),
                blank,
            }
        }
    }
}

/// Each page's text, `None` for a page the reader fails on; `Err` when the file cannot be
/// opened at all.
fn read_pages(bytes: &[u8]) -> Result<Vec<Option<String>>, ()> {
    let mut doc = Document::load_mem(bytes).map_err(|_| ())?;
    if doc.is_encrypted() {
        // Many PDFs are "encrypted" with an empty password only to forbid editing; those are
        // read. One that needs a password is not.
        doc.decrypt("").map_err(|_| ())?;
    }
    let count = u32::try_from(doc.get_pages().len()).map_err(|_| ())?;
    Ok((1..=count)
        .map(|n| {
            let mut text = String::new();
            let read = output_doc_page(&doc, &mut PlainTextOutput::new(&mut text), n).is_ok();
            read.then_some(text)
        })
        .collect())
}

/// Whether a page's text has anything a person wrote: a digit, a letter or a Han character.
fn has_text(t: &str) -> bool {
    t.chars().any(char::is_alphanumeric)
}
