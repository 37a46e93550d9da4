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
#[inline]
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

#[inline]
fn ascii_class(u: u32) -> Class {
    if (0x30..=0x39).contains(&u) || (0x61..=0x7A).contains(&u) {
        Class::Word
    } else {
        Class::Sep
    }
}

/// The class of an already folded character, given as a code point.
#[inline]
pub fn class_of(u: u32) -> Class {
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

/// [`fold`] of every ASCII character, precomputed: digits, letters and punctuation make up a
/// third of a notice with tables.
const ASCII_FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = if i >= 0x41 && i <= 0x5A { i as u8 + 32 } else { i as u8 };
        i += 1;
    }
    t
};

/// The code point every separator becomes.
pub const SPACE: u32 = 0x20;

/// Set on the code of every word character by [`normalize_codes`], so the tokenizer tells the
/// three classes apart with one test instead of the range table.
pub const WORD_FLAG: u32 = 1 << 31;

/// Quotation marks. Between two Han characters they are not a word break to a reader
/// (`"三公"经费` is read as 三公经费), so there they are dropped; elsewhere they separate.
#[inline]
pub fn is_quote(u: u32) -> bool {
    matches!(u, 0x22 | 0x27 | 0x2018..=0x201F | 0x300C..=0x300F | 0x301D..=0x301F)
}

/// Characters nobody sees (soft hyphen, zero-width space and joiners, BOM): PDFs and web
/// editors leave them inside words, so they are dropped rather than splitting the word.
#[inline]
pub fn is_invisible(u: u32) -> bool {
    matches!(u, 0xAD | 0x200B..=0x200D | 0x2060 | 0xFEFF)
}

/// Normalizes `s` for tokenizing into code points: folds every char, turns separators into one
/// [`SPACE`] each, marks word characters with [`WORD_FLAG`], and drops the thousands comma of
/// `3,600` / `3，600` so it matches `3600`, invisible characters, and quotation marks between
/// two Han characters.
///
/// The comma rule: a `,` after a digit, followed by exactly three digits and then a non-digit.
/// Works on code points in a caller's buffer (cleared first): this runs over every character
/// of every notice, so it must not allocate per notice.
pub fn normalize_codes(s: &str, out: &mut Vec<u32>) {
    out.clear();
    out.reserve(s.len());
    // A comma written after a digit, and how many digits followed it so far.
    let mut comma: Option<usize> = None;
    let mut digits_after = 0;
    let mut prev_digit = false;
    // Where a run of quotation marks that follows a Han character starts in `out` (written as
    // spaces until we know whether a Han character follows, then removed if one does).
    let mut quote_from: Option<usize> = None;
    for c in s.chars() {
        let u = c as u32;
        // Fast path: a common Han character folds to itself and is its own unit.
        if (0x4E00..=0x9FFF).contains(&u) && comma.is_none() {
            if let Some(at) = quote_from.take() {
                out.truncate(at);
            }
            prev_digit = false;
            out.push(u);
            continue;
        }
        let u = if u < 0x80 {
            u32::from(ASCII_FOLD[u as usize])
        } else {
            fold(c) as u32
        };
        if is_invisible(u) {
            continue;
        }
        if is_quote(u) {
            if quote_from.is_none() && out.last().is_some_and(|&l| l != SPACE && l & WORD_FLAG == 0) {
                quote_from = Some(out.len());
            }
        } else if let Some(at) = quote_from.take()
            && class_of(u) == Class::Ideo
        {
            out.truncate(at);
        }
        let digit = (0x30..=0x39).contains(&u);
        if let Some(at) = comma {
            if digit && digits_after < 3 {
                digits_after += 1;
            } else {
                if !digit && digits_after == 3 {
                    out.remove(at);
                }
                comma = None;
            }
        }
        if u == 0x2C && prev_digit {
            comma = Some(out.len());
            digits_after = 0;
        }
        prev_digit = digit;
        out.push(match if u < 0x80 { ascii_class(u) } else { class_of(u) } {
            Class::Sep => SPACE,
            Class::Ideo => u,
            Class::Word => u | WORD_FLAG,
        });
    }
    if let Some(at) = comma
        && digits_after == 3
    {
        out.remove(at);
    }
}

/// [`normalize_codes`] as a string; for tests and small inputs.
pub fn normalize(s: &str) -> String {
    let mut codes = Vec::with_capacity(s.len());
    normalize_codes(s, &mut codes);
    codes.iter().filter_map(|&u| char::from_u32(u & !WORD_FLAG)).collect()
}

/// Whitespace and control characters: Unicode White_Space and Cc, spelled out so the check
/// costs two comparisons for a Han character (the std predicates cost a table search).
#[inline]
fn blank(u: u32) -> bool {
    if u < 0xA1 {
        u <= 0x20 || (0x7F..=0xA0).contains(&u)
    } else if u > 0x3000 {
        false
    } else {
        matches!(u, 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000)
    }
}

/// Text as stored for snippets: control characters and runs of whitespace become one space,
/// ends trimmed, and at most `max_chars` characters kept; each kept character goes to `push`.
/// Returns whether the text was cut.
///
/// `\n` and `\t` never survive: the document store separates notices and fields with them.
pub fn clean_each(s: &str, max_chars: usize, mut push: impl FnMut(char)) -> bool {
    let mut count = 0usize;
    let mut pending_space = false;
    let mut started = false;
    for c in s.chars() {
        if blank(c as u32) {
            pending_space = started;
            continue;
        }
        let needed = if pending_space { 2 } else { 1 };
        if count + needed > max_chars {
            return true;
        }
        if pending_space {
            push(' ');
            pending_space = false;
        }
        push(c);
        count += needed;
        started = true;
    }
    false
}

/// [`clean_each`] into a new string: the text and whether it was cut.
pub fn clean_for_store(s: &str, max_chars: usize) -> (String, bool) {
    let mut out = String::with_capacity(s.len().min(max_chars.saturating_mul(3)));
    let cut = clean_each(s, max_chars, |c| out.push(c));
    (out, cut)
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
        assert_eq!(normalize("1,,234"), "1  234");
        assert_eq!(normalize("1,234,56"), "1234 56");
        assert_eq!(normalize("12,345"), "12345");
        assert_eq!(normalize(",123"), " 123");
    }

    #[test]
    fn quotes_inside_han_text_are_not_breaks() {
        assert_eq!(normalize("\"三公\"经费"), " 三公经费");
        assert_eq!(normalize("“三公”经费"), " 三公经费");
        assert_eq!(normalize("称「低保」，"), "称低保  ");
        assert_eq!(normalize("“a”b"), " a b", "quotes around letters separate");
        assert_eq!(normalize("低“2026”年"), "低 2026 年");
        assert_eq!(normalize("3,600”元"), "3600 元");
        assert_eq!(normalize("低保”"), "低保 ");
        assert_eq!(normalize("最低\u{200B}生活\u{AD}保障"), "最低生活保障");
    }

    #[test]
    fn classes() {
        assert_eq!(class_of('低' as u32), Class::Ideo);
        for u in 0..0x80u32 {
            let c = char::from_u32(u).unwrap_or(' ');
            assert_eq!(u32::from(ASCII_FOLD[u as usize]), fold(c) as u32);
            assert_eq!(ascii_class(u), class_of(u));
        }
        assert_eq!(class_of('〇' as u32), Class::Ideo);
        assert_eq!(class_of('𠀀' as u32), Class::Ideo);
        assert_eq!(class_of('a' as u32), Class::Word);
        assert_eq!(class_of('7' as u32), Class::Word);
        assert_eq!(class_of('ئ' as u32), Class::Word, "Uyghur letters are word characters");
        assert_eq!(class_of('、' as u32), Class::Sep);
        assert_eq!(class_of('*' as u32), Class::Sep);
    }

    #[test]
    fn store_text_is_single_line_and_capped() {
        assert_eq!(clean_for_store("  甲\n\n乙\t丙 ", 100), ("甲 乙 丙".to_string(), false));
        assert_eq!(clean_for_store("甲乙丙丁", 3), ("甲乙丙".to_string(), true));
        assert_eq!(clean_for_store("甲\u{2028}乙", 10).0, "甲 乙");
        assert_eq!(clean_for_store("甲乙 丙丁", 4), ("甲乙 丙".to_string(), true));
        assert_eq!(clean_for_store("甲乙 丙丁", 3), ("甲乙".to_string(), true));
        assert_eq!(clean_for_store("\u{1}甲\u{85}", 9), ("甲".to_string(), false));
    }
}
