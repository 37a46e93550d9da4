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

/// Byte offsets to line and column (characters, 1-based) in one text, in time linear in the
/// text for offsets asked in increasing order (as a parser's events come): the column is
/// counted on from the previous answer instead of from the line's start, so 310,000 links on
/// one 5 MB line cost one pass over the line, not 310,000.
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of each line's start.
    starts: Vec<usize>,
    /// The last answer: (offset, line index, column).
    last: std::cell::Cell<(usize, usize, usize)>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        // memchr's iterator, not `match_indices`: one SIMD search over the text instead of a
        // call per line (4% of a 100k `check` went to the calls' setup, perf).
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        LineIndex {
            text,
            starts,
            last: std::cell::Cell::new((0, 0, 1)),
        }
    }

    /// (line, column) of byte `offset`, both 1-based; the line counts from the text's start.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let (last_off, last_line, last_col) = self.last.get();
        let (from, mut col) = if last_line == line && last_off <= offset {
            (last_off, last_col)
        } else {
            (self.starts[line], 1)
        };
        col += self.text.get(from..offset).map_or(0, |s| s.chars().count());
        self.last.set((offset, line, col));
        (line + 1, col)
    }
}

/// The text of an HTML fragment as a reader reads it: tags dropped (a line break for each, so
/// cells and paragraphs stay apart), the entities our own renderer writes decoded.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_unescaped(&rest[..lt], &mut out);
        match rest[lt..].find('>') {
            Some(gt) => {
                let name: String = rest[lt + 1..lt + gt]
                    .trim_start_matches('/')
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect();
                let inline = matches!(
                    name.to_ascii_lowercase().as_str(),
                    "a" | "b"
                        | "strong"
                        | "em"
                        | "i"
                        | "span"
                        | "code"
                        | "sup"
                        | "sub"
                        | "del"
                        | "s"
                        | "u"
                        | "mark"
                        | "small"
                );
                if !inline && !out.ends_with('\n') {
                    out.push('\n');
                }
                rest = &rest[lt + gt + 1..];
            }
            None => {
                rest = &rest[lt..];
                break;
            }
        }
    }
    push_unescaped(rest, &mut out);
    out.trim().to_string()
}

fn push_unescaped(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let end = tail.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| match &tail[1..e] {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "#39" | "apos" => Some('\''),
            "nbsp" => Some(' '),
            _ => None,
        });
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &tail[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
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
