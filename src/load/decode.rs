//! Bytes → text. UTF-8 with or without BOM is the norm; a GBK/GB18030 file (what Notepad and
//! WPS on Chinese Windows write) is decoded with a warning so that a clerk learns to save as
//! UTF-8, and is never published as mojibake. CRLF becomes LF so that positions agree on every OS.

use crate::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::tr;

/// Decode `bytes` of the file `file` (relative path, for messages).
pub fn decode(bytes: &[u8], file: &str, diags: &mut Diagnostics) -> Option<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match crate::util::utf8::str(bytes) {
        Some(s) => s.to_string(),
        None => return decode_legacy(bytes, file, diags),
    };
    // memchr's SIMD search: `str::contains` over every source was 2% of a 100k `check`.
    if memchr::memchr(0, text.as_bytes()).is_some() {
        diags.push(not_text(file));
        return None;
    }
    Some(normalize_newlines(text))
}

fn decode_legacy(bytes: &[u8], file: &str, diags: &mut Diagnostics) -> Option<String> {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let guess = det.guess(Some(b"cn"), chardetng::Utf8Detection::Deny);
    // Chinese clerks' legacy files are GBK or GB18030; GB18030 is a superset of GBK, so it is
    // the safe decoder whenever the detector names either.
    let enc = if guess == encoding_rs::GBK || guess == encoding_rs::GB18030 {
        encoding_rs::GB18030
    } else {
        guess
    };
    let (text, _, had_errors) = enc.decode(bytes);
    if had_errors || text.contains('\0') || enc != encoding_rs::GB18030 {
        diags.push(not_text(file));
        return None;
    }
    diags.push(Diagnostic::warning(
        Code::NotUtf8,
        file,
        Pos::new(1, 1),
        tr!(
            "{file} 是 GBK/GB18030 编码，已按 GB18030 读取",
            "{file} is GBK/GB18030; it was read as GB18030"
        ),
        Code::NotUtf8.fix(),
    ));
    Some(normalize_newlines(text.into_owned()))
}

fn not_text(file: &str) -> Diagnostic {
    Diagnostic::error(
        Code::Undecodable,
        file,
        Pos::new(1, 1),
        tr!(
            "{file} 不是可识别的文本文件（既不是 UTF-8，也不是 GBK）",
            "{file} is neither UTF-8 nor GBK text"
        ),
        Code::Undecodable.fix(),
    )
}

fn normalize_newlines(text: String) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_are_accepted() {
        let mut d = Diagnostics::new();
        let t = decode("\u{FEFF}标题: 甲\r\n正文\r\n".as_bytes(), "a.md", &mut d).unwrap();
        assert_eq!(t, "标题: 甲\n正文\n");
        assert!(d.is_empty());
    }

    #[test]
    fn gbk_is_decoded_with_a_warning() {
        let (bytes, _, _) = encoding_rs::GBK
            .encode("---\n标题: 青山镇2026年第三季度最低生活保障审核公示\n---\n经村民代表评议，现予公示。\n");
        let mut d = Diagnostics::new();
        let t = decode(&bytes, "a.md", &mut d).unwrap();
        assert!(t.contains("最低生活保障"));
        let all: Vec<_> = d.into_iter().collect();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].code, Code::NotUtf8);
    }
}
