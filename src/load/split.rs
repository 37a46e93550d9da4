//! Splitting a notice into front matter and body, and catching the slips clerks make in the
//! front matter before YAML sees them (YAML's own messages for them are cryptic).

use crate::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::tr;

/// The two parts of a notice. Line numbers are 1-based lines of the whole file.
#[derive(Debug)]
pub struct Parts<'a> {
    /// The YAML between the fences, with the classic slips repaired so that the other checks
    /// can still run; the slips themselves are reported as errors.
    pub yaml: String,
    pub yaml_first_line: usize,
    pub body: &'a str,
    pub body_first_line: usize,
}

/// Split `text`. `None` (with a diagnostic) when there is no usable front matter.
pub fn split<'a>(text: &'a str, file: &str, diags: &mut Diagnostics) -> Option<Parts<'a>> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    match fence(first) {
        Fence::Ascii => {}
        Fence::Lookalike => diags.push(lookalike_fence(file, 1, first, text)),
        Fence::None => {
            diags.push(
                Diagnostic::error(
                    Code::NoFrontMatter,
                    file,
                    Pos::new(1, 1),
                    tr!(
                        "{file} 没有以 --- 开头的信息头",
                        "{file} does not start with a `---` front matter"
                    ),
                    no_front_matter_hint(text),
                )
                .with_source(text),
            );
            return None;
        }
    }
    let mut offset = first.len();
    let yaml_start = offset;
    for (i, line) in lines.enumerate() {
        let lineno = i + 2;
        let is_end = match fence(line) {
            Fence::Ascii => true,
            Fence::Lookalike => {
                diags.push(lookalike_fence(file, lineno, line, text));
                true
            }
            Fence::None => line.trim_end() == "...",
        };
        if is_end {
            let yaml_text = &text[yaml_start..offset];
            let body = &text[offset + line.len()..];
            let yaml = lint(yaml_text, 2, file, text, diags);
            return Some(Parts {
                yaml,
                yaml_first_line: 2,
                body,
                body_first_line: lineno + 1,
            });
        }
        offset += line.len();
    }
    let end = likely_end(text);
    diags.push(
        Diagnostic::error(
            Code::UnclosedFrontMatter,
            file,
            Pos::new(1, 1),
            tr!(
                "{file} 的信息头从第 1 行开始，但没有结束的 --- 行",
                "the front matter of {file} opens on line 1 but is never closed"
            ),
            tr!(
                "在第 {end} 行之前（最后一个信息项之后、正文之前）单独写一行 ---。",
                "Add a line `---` before line {end} (after the last key, before the body)."
            ),
        )
        .with_source(text),
    );
    None
}

enum Fence {
    Ascii,
    /// `———` or `－－－`: what a Chinese input method types for `---`.
    Lookalike,
    None,
}

fn fence(line: &str) -> Fence {
    let t = line.trim_end();
    if t == "---" {
        return Fence::Ascii;
    }
    let dashes = t.chars().count() >= 2 && t.chars().all(|c| matches!(c, '—' | '－' | '─' | '–' | '-' | '﹣'));
    if dashes && t.chars().any(|c| c != '-') {
        Fence::Lookalike
    } else {
        Fence::None
    }
}

fn lookalike_fence(file: &str, line: usize, text: &str, whole: &str) -> Diagnostic {
    let written = text.trim_end();
    Diagnostic::error(
        if line == 1 {
            Code::NoFrontMatter
        } else {
            Code::UnclosedFrontMatter
        },
        file,
        Pos::new(line, 1),
        tr!(
            "第 {line} 行的分隔线“{written}”是中文输入法打出的破折号，不是三个英文减号 ---",
            "line {line}: the fence `{written}` is made of dashes typed by a Chinese input method, not `---`"
        ),
        tr!(
            "切换到英文输入法，把这一行改成三个半角减号：---",
            "Switch to English input and write the line as three ASCII hyphens: ---"
        ),
    )
    .with_source(whole)
}

/// A file that starts with `key: value` lines forgot only its fences.
fn no_front_matter_hint(text: &str) -> crate::diag::Text {
    let first = text.lines().next().unwrap_or("");
    let keyish = first
        .split_once([':', '：'])
        .is_some_and(|(k, _)| crate::load::frontmatter::is_known_key(k));
    if keyish {
        tr!(
            "在第 1 行之前加一行 ---，并在最后一个信息项之后再加一行 ---。",
            "Add a line `---` before line 1 and another after the last key."
        )
    } else {
        Code::NoFrontMatter.fix()
    }
}

/// Where the front matter seems to end: the first line after the opener that is blank or is
/// not a `key: value`, list item, comment or indented continuation.
fn likely_end(text: &str) -> usize {
    for (i, line) in text.lines().enumerate().skip(1) {
        let t = line.trim();
        let yamlish = !t.is_empty() && (line.starts_with([' ', '\t', '#', '-']) || t.contains(':') || t.contains('：'));
        if !yamlish {
            return i + 1;
        }
    }
    text.lines().count() + 1
}

/// Report full-width colons and spaces and tabs, and return the YAML with them repaired.
fn lint(yaml: &str, first_line: usize, file: &str, whole: &str, diags: &mut Diagnostics) -> String {
    let mut out = String::with_capacity(yaml.len());
    for (i, line) in yaml.split_inclusive('\n').enumerate() {
        let lineno = first_line + i;
        let mut fixed = line.to_string();
        if let Some(col) = fullwidth_colon_key(line) {
            let byte = line.char_indices().nth(col - 1).map_or(0, |(b, _)| b);
            let key = line[..byte].trim().trim_start_matches("- ").to_string();
            fixed = format!("{}: {}", &line[..byte], line[byte + '：'.len_utf8()..].trim_start());
            let shown = fixed.trim_end().replace('\u{3000}', " ").replace('\t', "  ");
            diags.push(
                Diagnostic::error(
                    Code::FullWidthColon,
                    file,
                    Pos::new(lineno, col),
                    tr!(
                        "第 {lineno} 行“{key}”后面用了中文全角冒号“：”",
                        "line {lineno}: `{key}` is followed by a full-width colon `：`"
                    ),
                    tr!(
                        "把“：”改成英文半角冒号“:”，冒号后空一格：{shown}",
                        "Replace `：` with an ASCII colon and a space: {shown}"
                    ),
                )
                .with_source(whole),
            );
        }
        if let Some((col, repaired)) = structural_fullwidth_space(&fixed) {
            let key = key_of(line);
            let shown = repaired.trim_end().to_string();
            diags.push(
                Diagnostic::error(
                    Code::FullWidthSpace,
                    file,
                    Pos::new(lineno, col),
                    tr!(
                        "第 {lineno} 行“{key}”中有全角空格“　”",
                        "line {lineno}: `{key}` contains a full-width space"
                    ),
                    tr!(
                        "把全角空格改成半角空格或删除：{shown}",
                        "Replace the full-width space with an ASCII space or delete it: {shown}"
                    ),
                )
                .with_source(whole),
            );
            fixed = repaired;
        }
        // A tab inside a value is text; only tabs in the indentation break YAML.
        let indent: String = fixed.chars().take_while(|c| matches!(c, ' ' | '\t')).collect();
        if let Some(col) = indent.chars().position(|c| c == '\t') {
            let key = key_of(line);
            diags.push(
                Diagnostic::error(
                    Code::Tab,
                    file,
                    Pos::new(lineno, col + 1),
                    tr!(
                        "第 {lineno} 行“{key}”用制表符（Tab）缩进",
                        "line {lineno}: `{key}` is indented with a tab"
                    ),
                    Code::Tab.fix(),
                )
                .with_source(whole),
            );
            fixed = format!("{}{}", indent.replace('\t', "  "), &fixed[indent.len()..]);
        }
        out.push_str(&fixed);
    }
    out
}

/// The key a line belongs to, for messages: its own key, or the line itself for a list item.
fn key_of(line: &str) -> String {
    let t = line.trim().trim_start_matches('\u{3000}').trim();
    match t.split_once([':', '：']) {
        Some((k, _)) if !k.trim().is_empty() => k.trim().trim_start_matches("- ").trim().to_string(),
        _ => t.chars().take(20).collect(),
    }
}

/// A full-width space where YAML needs an ASCII one: in the indentation, between the key's
/// colon and the value, or after a list dash. Inside a value it is just text and stays. Returns
/// its (1-based character) column and the line with those spaces made ASCII.
fn structural_fullwidth_space(line: &str) -> Option<(usize, String)> {
    let is_space = |c: char| matches!(c, ' ' | '\u{3000}' | '\t');
    let mut out = String::with_capacity(line.len());
    let mut first: Option<usize> = None;
    let mut col = 0;
    // Leading whitespace, then an optional `- `, then `key:` and the whitespace after it.
    let mut in_gap = true;
    let mut after_key = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        col += 1;
        if in_gap && is_space(c) {
            if c == '\u{3000}' {
                first.get_or_insert(col);
                out.push(' ');
            } else {
                out.push(c);
            }
            continue;
        }
        if in_gap && !after_key && c == '-' && chars.peek().is_some_and(|n| is_space(*n)) {
            out.push(c);
            continue;
        }
        in_gap = false;
        out.push(c);
        if !after_key && c == ':' && chars.peek().is_some_and(|n| is_space(*n)) {
            after_key = true;
            in_gap = true;
        }
        if after_key && !in_gap {
            out.extend(chars);
            break;
        }
    }
    first.map(|c| (c, out))
}

/// The column of a `：` used as the key separator: before any ASCII `:` and with a key-like
/// text in front of it (`标题：…`, `  - 名称：…`), not a `：` inside a quoted value.
fn fullwidth_colon_key(line: &str) -> Option<usize> {
    let trimmed = line.trim_start();
    if trimmed.starts_with('#') {
        return None;
    }
    let fw = line.find('：')?;
    if let Some(ascii) = line
        .find(": ")
        .or_else(|| line.trim_end().ends_with(':').then_some(line.len()))
        && ascii < fw
    {
        return None;
    }
    let key = line[..fw].trim().trim_start_matches("- ");
    if key.is_empty() || key.contains(['"', '\'']) || key.chars().count() > 12 {
        return None;
    }
    Some(line[..fw].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_counts_lines() {
        let mut d = Diagnostics::new();
        let p = split("---\n标题: 甲\n---\n正文\n", "a.md", &mut d).unwrap();
        assert_eq!(p.yaml, "标题: 甲\n");
        assert_eq!(p.body, "正文\n");
        assert_eq!(p.body_first_line, 4);
        assert!(d.is_empty());
    }

    #[test]
    fn fullwidth_colon_is_reported_and_repaired() {
        let mut d = Diagnostics::new();
        let p = split("---\n标题: 甲\n事项：社会救助\n---\n", "a.md", &mut d).unwrap();
        assert_eq!(p.yaml, "标题: 甲\n事项: 社会救助\n");
        let v: Vec<_> = d.into_iter().collect();
        assert_eq!(v[0].code, Code::FullWidthColon);
        assert_eq!(v[0].pos, Pos::new(3, 3));
        assert!(v[0].message.zh.contains("事项"));
        assert!(v[0].hint.zh.ends_with("事项: 社会救助"), "{}", v[0].hint.zh);
    }

    #[test]
    fn colon_inside_a_value_is_fine() {
        assert_eq!(fullwidth_colon_key("标题: 关于：低保的公示\n"), None);
    }

    #[test]
    fn unclosed_is_reported_with_the_line_to_close_at() {
        let mut d = Diagnostics::new();
        assert!(split("---\n标题: 甲\n发布日期: 2026-09-25\n\n正文\n", "a.md", &mut d).is_none());
        let e = d.into_iter().next().unwrap();
        assert_eq!(e.code, Code::UnclosedFrontMatter);
        assert!(e.hint.zh.contains("第 4 行"), "{}", e.hint.zh);
    }

    #[test]
    fn dash_lookalikes_are_reported_and_accepted() {
        let mut d = Diagnostics::new();
        let p = split("———\n标题: 甲\n－－－\n正文\n", "a.md", &mut d).unwrap();
        assert_eq!(p.body, "正文\n");
        let v: Vec<_> = d.into_iter().collect();
        assert_eq!(v.len(), 2);
        assert_eq!((v[0].code, v[0].pos.line), (Code::NoFrontMatter, 1));
        assert_eq!((v[1].code, v[1].pos.line), (Code::UnclosedFrontMatter, 3));
    }
}
