//! Stage 2: load. Every Markdown file under `content/` is read, decoded, split into front
//! matter and body, and both are parsed, on all cores. Nothing is interpreted yet: what an
//! item or a township *means* is the resolve stage's business.

pub mod body;
pub mod decode;
pub mod frontmatter;
pub mod held;
pub mod kind;
pub mod split;
pub mod table;
pub mod yaml;

pub use body::BodyFacts;
pub use frontmatter::{Field, FrontMatter, PeriodRaw};
pub use kind::Kind;

use crate::diag::{Code, Diagnostic, Diagnostics, Pos, rel_path};
use crate::tr;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// One parsed Markdown file.
#[derive(Debug)]
pub struct Source {
    /// Path relative to the site root, `/`-separated (for messages).
    pub rel: String,
    pub path: PathBuf,
    /// Read through [`Source::text`]: held compressed on large sites ([`held`]).
    text: held::Text,
    pub fm: FrontMatter,
    /// Decided here, once: the resolve stage takes each kind its own way.
    pub kind: Kind,
    /// Byte offset of the body in `text`, and its first line.
    pub body_start: usize,
    pub body_first_line: usize,
    pub facts: BodyFacts,
}

impl Source {
    /// The whole file as decoded.
    pub fn text(&self) -> held::TextRef<'_> {
        self.text.get()
    }

    /// The Markdown after the front matter.
    pub fn body(&self) -> held::TextRef<'_> {
        self.text.get_from(self.body_start)
    }

    /// Bytes held for the text (less than its length when compressed).
    pub fn held_bytes(&self) -> usize {
        self.text.held_bytes()
    }

    /// Length of the text in bytes.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    pub fn is_index(&self) -> bool {
        self.path.file_name().is_some_and(|n| n == "_index.md")
    }
}

/// Everything under `content/`.
pub struct Loaded {
    pub sources: Vec<Source>,
}

/// Load every `.md` below `root/content`.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Loaded {
    let content = root.join("content");
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(&content)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("md")))
        .collect();
    paths.sort();
    let total: u64 = paths
        .par_iter()
        .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
        .sum();
    let policy = held::Policy::for_site(&paths, total);
    let results: Vec<(Option<Source>, Diagnostics)> = paths
        .par_iter()
        .map(|p| {
            let mut d = Diagnostics::new();
            let s = read_one(root, p, &policy, &mut d);
            (s, d)
        })
        .collect();
    let mut sources = Vec::with_capacity(results.len());
    for (s, d) in results {
        diags.append(d);
        sources.extend(s);
    }
    Loaded { sources }
}

/// Read and parse one file, its text held as read.
pub fn load_one(root: &Path, path: &Path, diags: &mut Diagnostics) -> Option<Source> {
    read_one(root, path, &held::Policy::plain(), diags)
}

fn read_one(root: &Path, path: &Path, policy: &held::Policy, diags: &mut Diagnostics) -> Option<Source> {
    let rel = rel_path(root, path);
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            diags.push(Diagnostic::error(
                Code::Io,
                &rel,
                Pos::default(),
                tr!("无法读取 {rel}：{e}", "cannot read {rel}: {e}"),
                Code::Io.fix(),
            ));
            return None;
        }
    };
    let text = decode::decode(&bytes, &rel, diags)?;
    drop(bytes);
    parse_held(rel, path.to_path_buf(), text, policy, diags)
}

/// Parse a decoded notice text.
pub fn parse_text(rel: String, path: PathBuf, text: String, diags: &mut Diagnostics) -> Option<Source> {
    parse_held(rel, path, text, &held::Policy::plain(), diags)
}

fn parse_held(
    rel: String,
    path: PathBuf,
    text: String,
    policy: &held::Policy,
    diags: &mut Diagnostics,
) -> Option<Source> {
    let parts = split::split(&text, &rel, diags)?;
    let fm = match yaml::parse(&parts.yaml) {
        Ok(tree) => frontmatter::read(&tree, parts.yaml_first_line, &rel, &text, diags),
        Err(e) => {
            let pos = e
                .location()
                .filter(|l| l.line() > 0)
                .map(|l| Pos::new(l.line() as usize + parts.yaml_first_line - 1, l.column() as usize))
                .unwrap_or(Pos::new(parts.yaml_first_line, 1));
            let detail = yaml_detail(&e.to_string());
            let (zh, en) = (detail_zh(&detail), detail.clone());
            diags.push(
                Diagnostic::error(
                    Code::YamlSyntax,
                    &rel,
                    pos,
                    tr!(
                        "信息头第 {} 行格式错误（{zh}）",
                        "front matter syntax error on line {} ({en})",
                        pos.line
                    ),
                    yaml_hint(&text, pos),
                )
                .with_source(&text),
            );
            FrontMatter {
                broken: true,
                ..FrontMatter::default()
            }
        }
    };
    let body_start = text.len() - parts.body.len();
    let body_first_line = parts.body_first_line;
    let facts = body::scan(&text[body_start..], body_first_line);
    let kind = Kind::of(&fm, &rel, &text, diags);
    Some(Source {
        rel,
        path,
        text: policy.hold(text),
        fm,
        kind,
        body_start,
        body_first_line,
        facts,
    })
}

/// The parser's message without its own `error: line 1 column 5:` prefix, whose line is
/// counted inside the front matter and would contradict the file line we report.
fn yaml_detail(msg: &str) -> String {
    let first = msg.lines().next().unwrap_or("").trim();
    let first = first.strip_prefix("error:").unwrap_or(first).trim();
    let rest = match first.strip_prefix("line ") {
        Some(r) => r.split_once(": ").map_or(r, |(_, m)| m),
        None => first,
    };
    rest.split(", set ").next().unwrap_or(rest).trim().to_string()
}

/// The parser's most common complaints, in the words of the clerk's manual.
fn detail_zh(detail: &str) -> String {
    let d = detail.to_ascii_lowercase();
    let zh = if d.contains("unclosed quote") || d.contains("unterminated") || d.contains("end of stream") {
        "引号没有配对"
    } else if d.contains("mapping values are not allowed") {
        "一行里出现了第二个“: ”"
    } else if d.contains("did not find expected key") || d.contains("block mapping") {
        "缩进或“键: 值”的写法不对"
    } else if d.contains("anchor") || d.contains("alias") {
        "值以 * 或 & 开头，被当成了 YAML 的特殊符号"
    } else if d.contains("indent") {
        "缩进不对齐"
    } else {
        return detail.to_string();
    };
    zh.to_string()
}

fn yaml_hint(text: &str, pos: Pos) -> crate::diag::Text {
    let line = text.lines().nth(pos.line.saturating_sub(1)).unwrap_or("");
    let value = line.split_once(':').map_or("", |(_, v)| v.trim_start());
    if line.matches('"').count() % 2 == 1 {
        tr!(
            "这一行的引号没有配对，补上结尾的英文双引号 \"。",
            "The quotes on this line are unbalanced; close the \"."
        )
    } else if let Some(c) = value.chars().next().filter(|c| "[]{}*&!|>@`%".contains(*c)) {
        tr!(
            "值以“{c}”开头时会被当成 YAML 的特殊符号，请把整个值用英文双引号括起来。",
            "A value starting with `{c}` is YAML syntax; quote the whole value."
        )
    } else if line.contains(": ") && line.split(": ").count() > 2 {
        tr!(
            "值里含有“: ”时，请把整个值用英文双引号括起来。",
            "Quote a value that contains `: `."
        )
    } else {
        Code::YamlSyntax.fix()
    }
}
