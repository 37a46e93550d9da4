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
    if first.trim_end() != "---" {
        diags.push(
            Diagnostic::error(
                Code::NoFrontMatter,
                file,
                Pos::new(1, 1),
                tr!(
                    "{file} 没有以 --- 开头的信息头",
                    "{file} does not start with a `---` front matter"
                ),
                Code::NoFrontMatter.fix(),
            )
            .with_source(text),
        );
        return None;
    }
    let mut offset = first.len();
    let yaml_start = offset;
    for (i, line) in lines.enumerate() {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            let yaml_text = &text[yaml_start..offset];
            let body_first_line = i + 3;
            let body = &text[offset + line.len()..];
            let yaml = lint(yaml_text, 2, file, text, diags);
            return Some(Parts {
                yaml,
                yaml_first_line: 2,
                body,
                body_first_line,
            });
        }
        offset += line.len();
    }
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
                "在最后一个信息项（如 发布日期）之后单独写一行 ---，再写正文。",
                "Add a line `---` after the last key, before the body."
            ),
        )
        .with_source(text),
    );
    None
}

/// Report full-width colons and spaces and tabs, and return the YAML with them repaired.
fn lint(yaml: &str, first_line: usize, file: &str, whole: &str, diags: &mut Diagnostics) -> String {
    let mut out = String::with_capacity(yaml.len());
    for (i, line) in yaml.split_inclusive('\n').enumerate() {
        let lineno = first_line + i;
        let mut fixed = line.to_string();
        if let Some(col) = fullwidth_colon_key(line) {
            diags.push(
                Diagnostic::error(
                    Code::FullWidthColon,
                    file,
                    Pos::new(lineno, col),
                    tr!(
                        "第 {lineno} 行用了中文全角冒号“：”",
                        "line {lineno} uses a full-width colon `：`"
                    ),
                    tr!(
                        "把“：”改成英文半角冒号“:”，冒号后空一格。",
                        "Replace `：` with `: ` (ASCII colon and a space)."
                    ),
                )
                .with_source(whole),
            );
            let byte = line.char_indices().nth(col - 1).map_or(0, |(b, _)| b);
            fixed = format!("{}: {}", &line[..byte], line[byte + '：'.len_utf8()..].trim_start());
        }
        if let Some(col) = line.chars().position(|c| c == '\u{3000}') {
            diags.push(
                Diagnostic::error(
                    Code::FullWidthSpace,
                    file,
                    Pos::new(lineno, col + 1),
                    tr!(
                        "第 {lineno} 行有全角空格“　”",
                        "line {lineno} contains a full-width space"
                    ),
                    Code::FullWidthSpace.fix(),
                )
                .with_source(whole),
            );
            fixed = fixed.replace('\u{3000}', " ");
        }
        if let Some(col) = line.chars().position(|c| c == '\t') {
            diags.push(
                Diagnostic::error(
                    Code::Tab,
                    file,
                    Pos::new(lineno, col + 1),
                    tr!("第 {lineno} 行有制表符（Tab）", "line {lineno} contains a tab"),
                    Code::Tab.fix(),
                )
                .with_source(whole),
            );
            fixed = fixed.replace('\t', "  ");
        }
        out.push_str(&fixed);
    }
    out
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
        .or_else(|| line.trim_end().ends_with(':').then(|| line.len()))
    {
        if ascii < fw {
            return None;
        }
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
    }

    #[test]
    fn colon_inside_a_value_is_fine() {
        assert_eq!(fullwidth_colon_key("标题: 关于：低保的公示\n"), None);
    }

    #[test]
    fn unclosed_is_reported() {
        let mut d = Diagnostics::new();
        assert!(split("---\n标题: 甲\n正文\n", "a.md", &mut d).is_none());
        assert_eq!(d.into_iter().next().unwrap().code, Code::UnclosedFrontMatter);
    }
}
