//! Normalising what clerks type, so that small differences do not cause false errors.

/// Full-width ASCII forms (`０-９`, `Ａ-Ｚ`, `（）`) become half-width; the ideographic
/// space becomes a space.
pub fn to_half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A heading or element name reduced to what matters for matching: no numbering (`一、`,
/// `1.`, `（二）`), no punctuation or spaces, half-width.
pub fn heading_key(s: &str) -> String {
    let s = to_half_width(s.trim());
    let s = strip_numbering(&s);
    s.chars().filter(|c| !c.is_whitespace() && !is_punct(*c)).collect()
}

fn strip_numbering(s: &str) -> &str {
    let t = s.trim_start();
    let t = t.trim_start_matches('(');
    let digits_end = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || "一二三四五六七八九十".contains(*c)))
        .map_or(t.len(), |(i, _)| i);
    if digits_end == 0 {
        return s;
    }
    let rest = &t[digits_end..];
    for sep in [")", "、", ".", "．", " "] {
        if let Some(r) = rest.strip_prefix(sep) {
            return r;
        }
    }
    s
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '、' | '，'
                | '。'
                | '：'
                | '；'
                | '（'
                | '）'
                | '《'
                | '》'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '【'
                | '】'
                | '·'
                | '—'
                | '…'
        )
}

/// True for characters of the CJK unified ideographs blocks.
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_match_despite_numbering_and_punctuation() {
        assert_eq!(heading_key("一、办理条件"), heading_key("办理条件"));
        assert_eq!(heading_key("（二）办理时间、地点"), heading_key("办理时间地点"));
        assert_eq!(heading_key("3. 申请材料："), "申请材料");
        assert_eq!(to_half_width("１３８　ＡＢ"), "138 AB");
    }
}
