//! The files a notice offers for download: its data file and attachments, as the clerk
//! saved them, except CSV. A CSV from WPS or a script is UTF-8 without a byte-order mark, or
//! GBK; Excel on Chinese Windows reads a BOM-less file in the ANSI code page and shows UTF-8
//! as mojibake, and a browser shows GBK as mojibake. So every CSV is published as UTF-8 with
//! a BOM and CRLF line ends (as `data/notices.csv` and the report's CSVs are), whatever its
//! source encoding. The download keeps the clerk's file name through the link's `download`
//! attribute (`FileLink::download`): a static host cannot be relied on to send
//! `Content-Disposition`, and the output path itself stays ASCII.

use crate::render::Content;
use std::path::Path;

/// What to publish for the local file `src`.
pub fn content(src: &Path) -> Content {
    let csv = src.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if !csv {
        return Content::Copy(src.to_path_buf());
    }
    match std::fs::read(src).ok().and_then(|b| excel_csv(&b)) {
        // The gate reads the cells, as it reads a copied CSV (`privacy::extract`).
        Some(bytes) => {
            let readable = crate::privacy::extract::extract_bytes("csv", &bytes, src)
                .texts()
                .join("\n");
            Content::Packed { bytes, readable }
        }
        // Not text at all: published as it is (the checks have said so already).
        None => Content::Copy(src.to_path_buf()),
    }
}

/// `bytes` of a CSV (UTF-8 with or without BOM, or GBK) as UTF-8 with a BOM and CRLF.
pub fn excel_csv(bytes: &[u8]) -> Option<Vec<u8>> {
    let text = crate::load::decode::decode(bytes, "", &mut crate::diag::Diagnostics::new())?;
    let mut out = Vec::with_capacity(text.len() + text.lines().count() + 3);
    out.extend_from_slice(b"\xEF\xBB\xBF");
    for line in text.split_inclusive('\n') {
        match line.strip_suffix('\n') {
            Some(l) => {
                out.extend_from_slice(l.as_bytes());
                out.extend_from_slice(b"\r\n");
            }
            None => out.extend_from_slice(line.as_bytes()),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::excel_csv;

    #[test]
    fn utf8_gbk_and_bom_csvs_become_utf8_with_one_bom_and_crlf() {
        let want = "\u{feff}序号,户主姓名\r\n1,王某某\r\n".as_bytes().to_vec();
        assert_eq!(excel_csv("序号,户主姓名\n1,王某某\n".as_bytes()).unwrap(), want);
        assert_eq!(
            excel_csv("\u{feff}序号,户主姓名\r\n1,王某某\r\n".as_bytes()).unwrap(),
            want
        );
        let (gbk, _, _) = encoding_rs::GBK.encode("序号,户主姓名\r\n1,王某某\r\n");
        assert_eq!(excel_csv(&gbk).unwrap(), want);
        // A quoted cell with a line break keeps it (as CRLF, which Excel reads the same).
        assert_eq!(
            excel_csv("a,\"b\nc\"".as_bytes()).unwrap(),
            "\u{feff}a,\"b\r\nc\"".as_bytes().to_vec()
        );
    }
}
