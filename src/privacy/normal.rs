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
    let mut ends = TagEnds::default();
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
                if let Some((block, len)) = tag(b, i, &mut ends) {
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

/// An HTML tag or comment at byte `i` of `b`: whether it breaks the text (a block element)
/// and its length. Only a real tag: `<` then a letter or `/` and a letter, or `!--`.
fn tag(b: &[u8], i: usize, ends: &mut TagEnds) -> Option<(bool, usize)> {
    let (name, len) = ends.tag_at(b, i)?;
    if name.is_empty() {
        return Some((false, len)); // a comment
    }
    let inline = INLINE.iter().any(|t| t.as_bytes().eq_ignore_ascii_case(name));
    Some((!inline, len))
}

/// Where the tags of one text end, for a reader going through it from the front.
///
/// A tag runs to the first `>` after its `<`, a comment to the first `-->`, however far: the
/// QR code on every page is a single `<path>` of about 3.5 KB, and while tags were capped at
/// 2 KB the gate read its geometry as text, digit by digit (14% of the gate's time at 10k).
/// The next `>` and `-->` found are remembered, so a text of many `<` and no `>` is still
/// searched once, not once per `<`.
#[derive(Default)]
pub(super) struct TagEnds {
    gt: NextMatch,
    comment: NextMatch,
}

impl TagEnds {
    /// The tag or comment at byte `i` of `b` (`b[i]` is `<`): its name (empty for a comment)
    /// and its length. Calls must come with `i` never decreasing.
    pub(super) fn tag_at<'b>(&mut self, b: &'b [u8], i: usize) -> Option<(&'b [u8], usize)> {
        let s = &b[i..];
        if s.starts_with(b"<!--") {
            let end = self.comment.find(b, i, b"-->")?;
            return Some((&[], end + 3 - i));
        }
        let name_at = if s.get(1) == Some(&b'/') { 2 } else { 1 };
        if !s.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
        let end = self.gt.find(b, i, b">")? - i;
        // Compared in place: the gate meets every tag of every page, so no allocation here.
        let name_len = s[name_at..end].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        let name = &s[name_at..name_at + name_len];
        // `<https://…>` is a Markdown autolink, whose text is shown, not a tag.
        if !matches!(
            s.get(name_at + name_len),
            Some(b' ' | b'\t' | b'\n' | b'\r' | b'/' | b'>')
        ) {
            return None;
        }
        Some((name, end + 1))
    }
}

/// The first place at or after `from` where a needle occurs (`None`: nowhere after it). It
/// answers every later question up to that place without searching again.
#[derive(Default)]
struct NextMatch {
    searched: Option<(usize, Option<usize>)>,
}

impl NextMatch {
    fn find(&mut self, b: &[u8], i: usize, needle: &[u8]) -> Option<usize> {
        match self.searched {
            Some((from, at)) if from <= i && at.is_none_or(|a| a >= i) => at,
            _ => {
                let at = memchr::memmem::find(&b[i..], needle).map(|k| i + k);
                self.searched = Some((i, at));
                at
            }
        }
    }
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
