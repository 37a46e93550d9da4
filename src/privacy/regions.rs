//! Where in a text an identifier can be, found in one pass over its bytes.
//!
//! Every byte a build writes passes the scanner, and a county's pages are mostly markup and
//! numbers that are nothing personal (dates, amounts, SVG geometry, search lists), so the
//! scanner reads closely only:
//!
//! - the stretches of text around a *cluster* of 11 or more digits (ASCII, full-width, or
//!   those of `&#…;` and `%3X` escapes) with no letter or Han character between them and no
//!   gap longer than [`GAP`] bytes: an identifier has at least 11 digits, and a letter
//!   (outside an escape) or a Han character is read, so it cuts any number in two. Tags are
//!   skipped in this count, as the reader's view skips them, so `1962<b>0315</b>1238` is one
//!   cluster;
//! - the values of tag attributes (`href`, `src`, `title`, `alt`, `download`, …) with 11 or
//!   more digits, each read as a text of its own: a number in a link is published as surely
//!   as one in the text, but it never joins the text around the tag. The geometry of SVG
//!   (`d`, `points`, `viewBox`, `transform`), the QR code of every page, is not text.
//!
//! A region never starts or ends inside a tag, so the close reading sees whole tags.

use super::normal::TagEnds;

/// Largest gap, in bytes, between two digits of one cluster (room for `</strong><strong>`,
/// an entity, a few separators).
const GAP: usize = 40;
/// Context kept on each side of a cluster, for what touches the number.
const MARGIN: usize = 64;

pub(super) struct Regions {
    /// Byte ranges of running text, in order, not overlapping.
    pub text: Vec<(usize, usize)>,
    /// Byte ranges of attribute values worth reading.
    pub attributes: Vec<(usize, usize)>,
}

pub(super) fn regions(text: &str) -> Regions {
    let b = text.as_bytes();
    let mut tags: Vec<(usize, usize)> = Vec::new();
    let mut attributes = Vec::new();
    let mut clusters: Vec<(usize, usize)> = Vec::new();
    let mut cluster: Option<(usize, usize, usize)> = None; // (first, last, count)
    let close = |c: &mut Option<(usize, usize, usize)>, out: &mut Vec<(usize, usize)>| {
        if let Some((first, last, count)) = c.take()
            && count >= 11
        {
            out.push((first, last + 1));
        }
    };
    let mut ends = TagEnds::default();
    let mut i = 0;
    while i < b.len() {
        if let Some((_, last, _)) = cluster
            && i - last > GAP
        {
            close(&mut cluster, &mut clusters);
        }
        if cluster.is_none() {
            // Outside a cluster only a digit or a tag matters: skip the rest (most of a
            // Chinese page) with one table lookup a byte.
            match next_start(b, i) {
                Some(k) => i = k,
                None => break,
            }
        }
        let c = b[i];
        if c == b'<'
            && let Some((_, len)) = ends.tag_at(b, i)
        {
            let end = i + len;
            attribute_values(text, i, end, &mut attributes);
            tags.push((i, end));
            i = end;
            continue;
        }
        let full_width =
            c == 0xEF && b.get(i + 1) == Some(&0xBC) && b.get(i + 2).is_some_and(|x| (0x90..=0x99).contains(x));
        if c.is_ascii_digit() || full_width {
            // A cluster still open here is within GAP of this digit (closed above if not).
            cluster = Some(match cluster {
                Some((first, _, count)) => (first, i, count + 1),
                None => (i, i, 1),
            });
        } else if (c.is_ascii_alphabetic() && !in_escape(b, i)) || is_han_lead(c) {
            close(&mut cluster, &mut clusters);
        }
        i += if full_width { 3 } else { 1 };
    }
    close(&mut cluster, &mut clusters);
    let mut regions: Vec<(usize, usize)> = Vec::new();
    for (first, last) in clusters {
        let from = outside_tags(&tags, floor_char(text, first.saturating_sub(MARGIN)), true);
        let to = outside_tags(&tags, ceil_char(text, (last + MARGIN).min(b.len())), false);
        match regions.last_mut() {
            Some(r) if r.1 >= from => r.1 = r.1.max(to),
            _ => regions.push((from, to)),
        }
    }
    Regions {
        text: regions,
        attributes,
    }
}

/// The bytes that can open a cluster or a tag: ASCII digits, the lead byte of full-width
/// digits, `<`.
static STARTS: [bool; 256] = {
    let mut t = [false; 256];
    let mut d = b'0';
    while d <= b'9' {
        t[d as usize] = true;
        d += 1;
    }
    t[0xEF] = true;
    t[b'<' as usize] = true;
    t
};

/// The first byte at or after `i` that [`STARTS`] names. Eight bytes are tested at a time:
/// a Chinese page is mostly three-byte characters with none of these bytes, and the test a
/// byte took a third of the gate's time (perf, 10k build).
fn next_start(b: &[u8], mut i: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(word) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(word.try_into().unwrap_or_default());
        // ASCII bytes in `0`..=`<` (digits, and `:` `;` that the byte test below drops): each
        // byte's low seven bits compared with both ends, no carry crossing into a neighbour;
        // `!x` leaves out bytes of multi-byte characters.
        let low = x & !HIGH;
        let ascii = (low + ONES * (0x80 - 0x30)) & (ONES * (0x80 + 0x3C) - low) & !x & HIGH;
        // Bytes equal to 0xEF (full-width digits), as zero bytes of `x ^ 0xEF…`.
        let ef = x ^ (ONES * 0xEF);
        let lead = ef.wrapping_sub(ONES) & !ef & HIGH;
        if ascii | lead != 0
            && let Some(k) = word.iter().position(|&c| STARTS[usize::from(c)])
        {
            return Some(i + k);
        }
        i += 8;
    }
    b[i.min(b.len())..]
        .iter()
        .position(|&c| STARTS[usize::from(c)])
        .map(|k| i + k)
}

/// Whether `c` starts a CJK ideograph (U+4000–U+9FFF, three bytes led by `E4`–`E9`). A Han
/// character between two digits is read, so it cuts a number as a letter does; in Chinese
/// text, where no letter stands between the dates and amounts of a table, this is what keeps
/// the close reading to the few stretches that can hold an identifier.
fn is_han_lead(c: u8) -> bool {
    (0xE4..=0xE9).contains(&c)
}

/// Whether the letter at `i` belongs to a character reference (`&#x33;`, `&nbsp;`) or a
/// percent escape (`%E4`), which hide digits rather than cut them.
fn in_escape(b: &[u8], i: usize) -> bool {
    if (i >= 1 && b[i - 1] == b'%') || (i >= 2 && b[i - 2] == b'%' && b[i - 1].is_ascii_hexdigit()) {
        return true;
    }
    let mut k = i;
    while k > 0 && i - k < 10 && (b[k - 1].is_ascii_alphanumeric() || b[k - 1] == b'#') {
        k -= 1;
    }
    k > 0 && b[k - 1] == b'&'
}

/// `at`, moved out of any tag it falls in: to the tag's start (`before`) or end.
fn outside_tags(tags: &[(usize, usize)], at: usize, before: bool) -> usize {
    let k = tags.partition_point(|t| t.1 <= at);
    match tags.get(k) {
        Some(&(s, e)) if s < at && at < e => {
            if before {
                s
            } else {
                e
            }
        }
        _ => at,
    }
}

/// Attributes that hold geometry, never text.
const GEOMETRY: &[&str] = &["d", "points", "viewbox", "transform"];

/// The values of the attributes of the tag `text[start..end]` that hold 11 or more digits.
fn attribute_values(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let t = &text.as_bytes()[start..end];
    // Most tags of a page have neither 11 digits nor an escape that could hide them, and are
    // done here: a count the compiler vectorises, and a SIMD search for the bytes an escape
    // starts with (the byte-by-byte test of every tag was most of the gate's time on a page).
    if !has_11_digits(t) && !may_hide_digits(t) {
        return;
    }
    let mut k = 1;
    while k < t.len() {
        // An attribute name, then `=`, then a quoted or bare value.
        let name_start = k;
        while k < t.len() && !matches!(t[k], b'=' | b' ' | b'\t' | b'\n' | b'>' | b'/') {
            k += 1;
        }
        let name = &t[name_start..k];
        if t.get(k) != Some(&b'=') {
            // A bare word (`<span a13812345678>`): a browser shows nothing of it, but the
            // file holds it, so it is read like a value.
            if name
                .iter()
                .any(|&c| c.is_ascii_digit() || matches!(c, b'&' | b'%' | 0xEF))
            {
                out.push((start + name_start, start + k));
            }
            k += 1;
            continue;
        }
        k += 1;
        let (from, to) = match t.get(k) {
            Some(&q) if q == b'"' || q == b'\'' => {
                let from = k + 1;
                let to = memchr::memchr(q, &t[from..]).map_or(t.len(), |p| from + p);
                k = to + 1;
                (from, to)
            }
            _ => {
                let from = k;
                while k < t.len() && !matches!(t[k], b' ' | b'\t' | b'\n' | b'>') {
                    k += 1;
                }
                (from, k)
            }
        };
        let geometry = GEOMETRY.iter().any(|g| g.as_bytes().eq_ignore_ascii_case(name));
        if !geometry && from < to {
            out.push((start + from, start + to));
        }
    }
}

/// Whether `t` holds 11 or more ASCII digits. Counted in byte lanes, 64 bytes at a time, so
/// the compiler's vector code stays one byte a lane (a `usize` sum widened every byte to 64
/// bits and was the gate's hottest loop).
fn has_11_digits(t: &[u8]) -> bool {
    let mut digits = 0usize;
    for chunk in t.chunks(64) {
        let n = chunk.iter().fold(0u8, |n, &c| n + u8::from(c.wrapping_sub(b'0') < 10));
        digits += usize::from(n);
        if digits >= 11 {
            return true;
        }
    }
    false
}

/// Whether `t` holds a full-width character, `%3…` or `&#`: the escapes a digit can be
/// written with.
fn may_hide_digits(t: &[u8]) -> bool {
    memchr::memchr3_iter(0xEF, b'%', b'&', t).any(|k| match t[k] {
        0xEF => true,
        b'%' => t.get(k + 1) == Some(&b'3'),
        _ => t.get(k + 1) == Some(&b'#'),
    })
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_cut_clusters_but_tags_and_escapes_do_not() {
        assert!(regions("M3 4h1v1h1v1h2v3h1v1h2v2h1v1").text.is_empty());
        assert_eq!(regions("电话13812345678").text.len(), 1);
        assert_eq!(regions("1962<b>0315</b>1238").text.len(), 1);
        assert_eq!(regions("&#x33;&#x34;0825199001011239").text.len(), 1);
        assert_eq!(regions("%E4%B8%89340825199001011239").text.len(), 1);
        // Dates and amounts of a table, with Han characters between them, are no number.
        assert!(regions("2026年11月18日发放3200元，2026年12月").text.is_empty());
        assert_eq!(regions("身份证号3408 2519 9001 0112 39。").text.len(), 1);
    }

    #[test]
    fn the_word_skip_finds_what_the_byte_test_finds() {
        let text = "公示：期限七日（自2026年起）<b>１２</b>;:=>ＡＢ\u{FF10}x9";
        let b = text.as_bytes();
        for from in 0..=b.len() {
            let slow = b[from..].iter().position(|&c| STARTS[usize::from(c)]).map(|k| from + k);
            assert_eq!(next_start(b, from), slow, "from {from}");
        }
        for c in 0..=255u8 {
            let mut bytes = vec![b'a'; 20];
            bytes[11] = c;
            let want = if STARTS[usize::from(c)] { Some(11) } else { None };
            assert_eq!(next_start(&bytes, 3), want, "byte {c:#x}");
        }
    }

    #[test]
    fn attributes_with_escapes_are_read_whatever_their_digit_count() {
        for html in [
            "<a href=\"%31%33%38%31%32%33%34\">x</a>",
            "<a title=\"&#49;&#51;&#56;\">x</a>",
            "<a title=\"１３８１２３４５６７８\">x</a>",
        ] {
            let r = regions(html);
            assert_eq!(r.attributes.len(), 1, "{html}");
        }
        assert!(
            regions("<a href=\"f/1380.pdf\">x</a>").attributes.is_empty(),
            "few digits, no escape"
        );
    }

    #[test]
    fn a_tag_ends_at_its_first_close_however_long() {
        // The QR code of every page: one `<path>` longer than any cap on tags would allow.
        let path: String = (0..600).map(|k| format!("M{k} {}.5h7", k % 45)).collect();
        let html = format!("<svg viewBox=\"0 0 45 45\"><path d=\"{path}\"/></svg>电话13812345678");
        assert!(html.len() > 4096);
        let r = regions(&html);
        assert!(r.attributes.is_empty(), "geometry is not text");
        assert_eq!(r.text.len(), 1, "only the number after the tag is read closely");
    }

    #[test]
    fn many_opened_tags_never_closed_are_read_once() {
        // Each `<` used to search the rest of the text for its `>` (or `-->`): quadratic.
        for text in [
            "<a".repeat(300_000),
            "<!--".repeat(150_000),
            format!("{}>", "<b ".repeat(200_000)),
        ] {
            let started = std::time::Instant::now();
            let _ = regions(&text);
            let _ = super::super::normal::units(&text);
            // Linear work is a few milliseconds; the old search took minutes. The bound only
            // catches the shape of the cost, not its speed.
            assert!(started.elapsed().as_secs() < 20, "{}", &text[..8]);
        }
    }

    #[test]
    fn the_quick_tag_tests_agree_with_a_byte_loop() {
        // The byte loop these replaced: digits counted, and an escape seen.
        let slow = |t: &[u8]| {
            let digits = t.iter().filter(|c| c.is_ascii_digit()).count();
            let escaped = t.iter().enumerate().any(|(k, &c)| {
                c == 0xEF || (k > 0 && ((t[k - 1] == b'%' && c == b'3') || (t[k - 1] == b'&' && c == b'#')))
            });
            (digits >= 11, escaped)
        };
        let parts: [&[u8]; 8] = [b"1", b"a", b"%3", b"%", b"&#", b"&", "１".as_bytes(), b"/ "];
        for seed in 0..4000u32 {
            let mut t = Vec::new();
            let mut x = seed.wrapping_mul(2_654_435_761);
            for _ in 0..(seed % 90) {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                t.extend_from_slice(parts[(x >> 16) as usize % parts.len()]);
            }
            assert_eq!(
                (has_11_digits(&t), may_hide_digits(&t)),
                slow(&t),
                "{:?}",
                String::from_utf8_lossy(&t)
            );
        }
    }

    #[test]
    fn bare_words_inside_a_tag_are_read() {
        let html = "<span a13812345678>x</span>";
        let r = regions(html);
        let values: Vec<&str> = r.attributes.iter().map(|&(a, b)| &html[a..b]).collect();
        assert_eq!(values, ["a13812345678"]);
    }

    #[test]
    fn attribute_values_are_texts_of_their_own() {
        let html = "<a href=\"f/13812345678.pdf\" class=\"x\">下载</a><path d=\"M13812345678 0h1\"/>";
        let r = regions(html);
        let values: Vec<&str> = r.attributes.iter().map(|&(a, b)| &html[a..b]).collect();
        assert_eq!(values, ["f/13812345678.pdf", "x"]);
    }
}
