//! Character folding and classes shared by the index builder and `search.js`.
//!
//! The browser must cut a query into exactly the tokens the builder cut the notices into,
//! otherwise results vanish silently (the failure mode of jieba indexes queried with
//! `Intl.Segmenter`). So the rules here are a few explicit code-point ranges that
//! `search.js` repeats line for line, not Unicode tables whose version differs between
//! Rust and browsers. Any change here must be mirrored in `fold`/`cls` of `search.js`
//! and bumps `FORMAT_VERSION` in `mod.rs`.

/// What a character is to the tokenizer.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Class {
    /// Punctuation, spaces, symbols: ends a run.
    Sep,
    /// Han, kana, Hangul: every character is a unit of its own.
    Ideo,
    /// Latin letters, digits and other alphabetic scripts: consecutive ones form one unit.
    Word,
}

/// Folds full-width ASCII to ASCII and lowercases letters, one char to one char.
///
/// Clerks type `２０２６`, `ＧＤＰ` and `3,600` alike; readers type whichever their IME gives.
pub fn fold(c: char) -> char {
    let u = c as u32;
    let c = match u {
        0xFF01..=0xFF5E => char::from_u32(u - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    };
    let u = c as u32;
    match u {
        0x41..=0x5A => c.to_ascii_lowercase(),
        0xC0..=0x24F | 0x370..=0x3FF | 0x400..=0x4FF => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
        _ => c,
    }
}

/// The class of an already folded character.
pub fn class(c: char) -> Class {
    let u = c as u32;
    match u {
        0x30..=0x39 | 0x61..=0x7A => Class::Word,
        0x3007
        | 0x3040..=0x30FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF
        | 0x20000..=0x323AF => Class::Ideo,
        0xD7 | 0xF7 | 0x37E | 0x387 => Class::Sep,
        0x60C | 0x61B | 0x61F | 0x66A..=0x66D | 0x6D4 => Class::Sep,
        0xF04..=0xF14 => Class::Sep,
        0xC0..=0x24F | 0x370..=0x3FF | 0x400..=0x4FF | 0x600..=0x6FF | 0xF00..=0xFFF | 0x1820..=0x18AF => Class::Word,
        _ => Class::Sep,
    }
}

/// Normalizes `s` for tokenizing: folds every char, turns separators into one space each,
/// and drops the thousands comma of `3,600` / `3，600` so that it matches `3600`.
///
/// The comma rule: a `,` after a digit, followed by exactly three digits and then a non-digit.
/// Appends to `out` (cleared first) so a caller can reuse one buffer for every notice.
pub fn normalize_into(s: &str, out: &mut String) {
    out.clear();
    let folded: Vec<char> = s.chars().map(fold).collect();
    let digit = |i: usize| folded.get(i).is_some_and(|c| c.is_ascii_digit());
    let mut prev_digit = false;
    for (i, &c) in folded.iter().enumerate() {
        if c == ',' && prev_digit && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4) {
            continue;
        }
        prev_digit = c.is_ascii_digit();
        out.push(if class(c) == Class::Sep { ' ' } else { c });
    }
}

/// [`normalize_into`] returning a new string; for tests and small inputs.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

/// Text as stored for snippets: control characters and runs of whitespace become one space,
/// ends trimmed, and at most `max_chars` characters kept. Returns the text and whether it was cut.
///
/// `\n` must not survive: the document store joins notices with it.
pub fn clean_for_store(s: &str, max_chars: usize) -> (String, bool) {
    let mut out = String::with_capacity(s.len().min(max_chars * 3));
    let mut count = 0usize;
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() || c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
            pending_space = !out.is_empty();
            continue;
        }
        let needed = if pending_space { 2 } else { 1 };
        if count + needed > max_chars {
            return (out, true);
        }
        if pending_space {
            out.push(' ');
            count += 1;
            pending_space = false;
        }
        out.push(c);
        count += 1;
    }
    (out, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_and_case() {
        assert_eq!(normalize("ＧＤＰ２０２６"), "gdp2026");
        assert_eq!(normalize("Ünïcode ÄÖ"), "ünïcode äö");
        assert_eq!(fold('İ'), 'İ', "multi-char lowercase stays as is, like search.js");
    }

    #[test]
    fn separators_become_single_spaces() {
        assert_eq!(normalize("〔2026〕12号"), " 2026 12号");
        assert_eq!(normalize("王*明"), "王 明");
        assert_eq!(normalize("低保，特困。"), "低保 特困 ");
    }

    #[test]
    fn thousands_comma_is_dropped_only_between_digit_groups() {
        assert_eq!(normalize("3,600元"), "3600元");
        assert_eq!(normalize("3，600元"), "3600元");
        assert_eq!(normalize("1,234,567"), "1234567");
        assert_eq!(normalize("3,60元"), "3 60元");
        assert_eq!(normalize("3,6000"), "3 6000");
        assert_eq!(normalize("第3户,600人"), "第3户 600人");
    }

    #[test]
    fn classes() {
        assert_eq!(class('低'), Class::Ideo);
        assert_eq!(class('〇'), Class::Ideo);
        assert_eq!(class('𠀀'), Class::Ideo);
        assert_eq!(class('a'), Class::Word);
        assert_eq!(class('7'), Class::Word);
        assert_eq!(class('ئ'), Class::Word, "Uyghur letters are word characters");
        assert_eq!(class('、'), Class::Sep);
        assert_eq!(class('*'), Class::Sep);
    }

    #[test]
    fn store_text_is_single_line_and_capped() {
        assert_eq!(clean_for_store("  甲\n\n乙\t丙 ", 100), ("甲 乙 丙".to_string(), false));
        assert_eq!(clean_for_store("甲乙丙丁", 3), ("甲乙丙".to_string(), true));
        assert_eq!(clean_for_store("甲\u{2028}乙", 10).0, "甲 乙");
    }
}
