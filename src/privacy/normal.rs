//! The text as a reader sees it: the scanner's view of any text gongkai reads or writes.
//!
//! A number is published whatever it is written with, so before matching, every text (a
//! notice's Markdown, a rendered page, a JSON or CSV file, an attachment's extracted text) is
//! read as a sequence of [`Unit`]s, each one *visible* character with the byte span it came
//! from. What the eye skips or a browser decodes is undone here, once, for every caller:
//!
//! - full-width digits, letters and punctuation (`１３８`) become ASCII; every kind of space
//!   (`　`, no-break, thin) becomes `' '`; every kind of dash becomes `-`; `·` and `・` stay
//!   group separators;
//! - zero-width characters (`U+200B`, `U+200C`, `U+200D`, `U+2060`, `U+FEFF`, soft hyphen)
//!   are dropped: `1380​0138000` is read as one number;
//! - character references (`&#51;`, `&#x33;`, `&nbsp;`) are decoded;
//! - percent-encoding (`%33`, `%E4%B8%89`) is decoded, so a URL or a file name in a link hides
//!   nothing (and `%E4%B8%89` before a number is the character `三`, not the digits `89`);
//! - HTML tags are removed: inline ones (`<b>`, `<span …>`) join what is on either side, as a
//!   browser shows it; block ones (`<td>`, `<p>`, `<br>`) become a line break, so the cells of
//!   a table are never joined into one number;
//! - Markdown emphasis between digits (`1962**0315**1238`, `~~`, `` 138`1234` ``), runs of
//!   one to three `*`, `~` or `` ` `` with a digit on both sides, is removed, as
//!   the rendered page shows the digits as one number. Four or more stars are a mask
//!   (`138****5678`), never markup, and removing stars from a masked number can never make a
//!   whole identifier, so this buys no false alarm.
//!
//! Positions stay those of the text as written, so a diagnostic points at the file, line and
//! column the clerk must edit.

/// One visible character, normalised, and the bytes `[start, end)` it was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Unit {
    pub c: char,
    pub start: usize,
    pub end: usize,
}

/// The text as units (see the module documentation).
pub(super) fn units(text: &str) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::with_capacity(text.len() / 2);
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else { break };
        match c {
            '&' => {
                if let Some((decoded, len)) = entity(rest) {
                    if !is_invisible(decoded) {
                        out.push(Unit {
                            c: fold(decoded),
                            start: i,
                            end: i + len,
                        });
                    }
                    i += len;
                    continue;
                }
            }
            '%' => {
                if let Some(len) = percent(rest, i, &mut out) {
                    i += len;
                    continue;
                }
            }
            '<' => {
                if let Some((block, len)) = tag(rest) {
                    if block {
                        out.push(Unit {
                            c: '\n',
                            start: i,
                            end: i + len,
                        });
                    }
                    i += len;
                    continue;
                }
            }
            _ => {}
        }
        let len = c.len_utf8();
        if !is_invisible(c) {
            out.push(Unit {
                c: fold(c),
                start: i,
                end: i + len,
            });
        }
        i += len;
    }
    drop_markup_between_digits(&mut out);
    out
}

/// Characters that take no room on screen.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}' | '\u{180E}'
    )
}

/// Full-width forms to ASCII, spaces to `' '`, dashes to `-`.
pub(super) fn fold(c: char) -> char {
    match c {
        // Full-width ASCII block: digits, letters, punctuation (！ to ～).
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\t' => ' ',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FE58}' => '-',
        '\u{30FB}' | '\u{FF65}' | '\u{2027}' | '\u{2219}' => '·',
        c => c,
    }
}

/// A character reference at the start of `s`: the character and the reference's length.
fn entity(s: &str) -> Option<(char, usize)> {
    let end = s.as_bytes().iter().take(12).position(|&b| b == b';')?;
    let body = &s[1..end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let v = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        char::from_u32(v)?
    } else {
        match body {
            "nbsp" | "ensp" | "emsp" | "thinsp" | "numsp" | "puncsp" => ' ',
            "zwsp" | "zwj" | "zwnj" | "shy" | "NoBreak" | "ZeroWidthSpace" => '\u{200B}',
            "hyphen" | "dash" | "ndash" | "mdash" | "minus" => '-',
            "middot" | "centerdot" => '·',
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => return None,
        }
    };
    Some((c, end + 1))
}

/// A run of `%XX` escapes at the start of `s` (at byte `at` of the text), decoded as UTF-8
/// and pushed as units; its length. `None` leaves the `%` as an ordinary character.
fn percent(s: &str, at: usize, out: &mut Vec<Unit>) -> Option<usize> {
    let b = s.as_bytes();
    let mut bytes = Vec::new();
    let mut k = 0;
    while k + 2 < b.len() && b[k] == b'%' {
        let hex = std::str::from_utf8(&b[k + 1..k + 3]).ok()?;
        let Ok(v) = u8::from_str_radix(hex, 16) else { break };
        bytes.push(v);
        k += 3;
    }
    if bytes.is_empty() {
        return None;
    }
    // Invalid UTF-8 (a stray `%41%FF`) is decoded lossily: digits in it still count.
    let decoded = String::from_utf8_lossy(&bytes);
    let mut offset = 0;
    for c in decoded.chars() {
        let width = if c == '\u{FFFD}' { 3 } else { 3 * c.len_utf8() };
        let start = at + offset.min(k);
        let end = at + (offset + width).min(k);
        offset += width;
        if !is_invisible(c) {
            out.push(Unit { c: fold(c), start, end });
        }
    }
    Some(k)
}

/// Elements a browser shows inline: on either side of one of these, text runs on.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
];

/// An HTML tag or comment at the start of `s`: whether it breaks the text (a block element)
/// and its length. Only a real tag: `<` then a letter or `/` and a letter, or `!--`.
pub(super) fn tag(s: &str) -> Option<(bool, usize)> {
    let (name, len) = tag_len(s)?;
    if name.is_empty() {
        return Some((false, len)); // a comment
    }
    let inline = INLINE.iter().any(|t| t.as_bytes().eq_ignore_ascii_case(name));
    Some((!inline, len))
}

/// The tag or comment at the start of `s` as [`tag`] reads it: its name (empty for a comment)
/// and its length. The region finder needs only the length, and comparing every tag of every
/// page with the inline names was most of the tag reader's 3% of a 10k build.
pub(super) fn tag_len(s: &str) -> Option<(&[u8], usize)> {
    let b = s.as_bytes();
    if s.starts_with("<!--") {
        let end = s.find("-->")?;
        return Some((&[], end + 3));
    }
    let name_at = if b.get(1) == Some(&b'/') { 2 } else { 1 };
    if !b.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    // Tags are short; a `<` with no `>` soon after is text (`a < b`).
    let end = b.iter().take(2048).position(|&c| c == b'>')?;
    // Compared in place: the gate meets every tag of every page, so no allocation here.
    let name_len = b[name_at..end].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    let name = &b[name_at..name_at + name_len];
    // `<https://…>` is a Markdown autolink, whose text is shown, not a tag.
    if !matches!(
        b.get(name_at + name_len),
        Some(b' ' | b'\t' | b'\n' | b'\r' | b'/' | b'>')
    ) {
        return None;
    }
    Some((name, end + 1))
}

/// Removes runs of one to three Markdown emphasis characters with a digit right before and
/// after (see the module documentation).
fn drop_markup_between_digits(u: &mut Vec<Unit>) {
    // Not `_`: CommonMark never reads it as emphasis inside a word, so `art_138…_3408…`
    // shows its underscores and stays two numbers.
    let is_markup = |c: char| matches!(c, '*' | '~' | '`');
    if !u.iter().any(|x| is_markup(x.c)) {
        return;
    }
    let mut keep = vec![true; u.len()];
    let mut i = 1;
    while i < u.len() {
        if is_markup(u[i].c) && u[i - 1].c.is_ascii_digit() {
            let mut j = i;
            while j < u.len() && is_markup(u[j].c) {
                j += 1;
            }
            if j - i <= 3 && u.get(j).is_some_and(|x| x.c.is_ascii_digit()) {
                keep[i..j].iter_mut().for_each(|k| *k = false);
            }
            i = j;
        } else {
            i += 1;
        }
    }
    let mut k = 0;
    u.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visible(text: &str) -> String {
        units(text).iter().map(|u| u.c).collect()
    }

    #[test]
    fn reads_what_a_reader_sees() {
        assert_eq!(visible("１３８　1"), "138 1");
        assert_eq!(visible("13\u{200B}8"), "138");
        assert_eq!(visible("&#51;&#x34;&nbsp;x"), "34 x");
        assert_eq!(visible("%E4%B8%89%33"), "三3");
        assert_eq!(visible("1<strong>2</strong>3"), "123");
        assert_eq!(visible("1</td><td>2"), "1\n\n2");
        assert_eq!(visible("1962**0315**1238"), "196203151238");
        assert_eq!(visible("138****5678"), "138****5678");
        assert_eq!(visible("**138**"), "**138**");
        assert_eq!(visible("a < b & c %zz"), "a < b & c %zz");
    }

    #[test]
    fn spans_point_into_the_original() {
        let text = "号&#51;<b>4</b>%35";
        let u = units(text);
        let digits: Vec<&str> = u
            .iter()
            .filter(|x| x.c.is_ascii_digit())
            .map(|x| &text[x.start..x.end])
            .collect();
        assert_eq!(digits, ["&#51;", "4", "%35"]);
    }
}
