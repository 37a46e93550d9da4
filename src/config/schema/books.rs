//! `[[book]]`: the 办事一本通 handbooks (issue 14). Each book names its chapters (大项) and
//! how each chooses its guides: by catalog item, by a 关键词 tag of the front matter, or by
//! the path of the file under `content/`. Which notices these pick is decided at resolve
//! time ([`crate::book`]); here only the shape and the values are checked.

use super::Reader;
use crate::diag::Pos;
use crate::tr;
use toml::{Table, Value};

const BOOK: &[&str] = &[
    "title", "audience", "issuer", "date", "paper", "preface", "slug", "chapters",
];
const CHAPTER: &[&str] = &["title", "items", "tags", "paths"];

/// Who a book is for: the two handbooks every county makes, or another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum Audience {
    /// 惠企: businesses.
    Business,
    /// 惠民: residents.
    Residents,
    Other,
}

#[derive(Clone, Debug)]
pub struct BookConfig {
    pub title: String,
    /// Short name for `--book` and the output file: `audience`'s word, or the title.
    pub audience: Audience,
    pub audience_word: String,
    pub issuer: String,
    /// 印发日期 as written (YYYY-MM-DD), printed on the cover.
    pub date: String,
    pub paper: crate::pdf::Paper,
    /// The 说明 page's text; a standard one is written when absent.
    pub preface: String,
    /// The folder of its pages under `books/`, when the county names it (ASCII); empty: one
    /// is derived from the audience (`crate::book::slugs`).
    pub slug: String,
    pub chapters: Vec<ChapterConfig>,
    /// Index in the `[[book]]` list (for positions and slugs).
    pub index: usize,
}

#[derive(Clone, Debug)]
pub struct ChapterConfig {
    pub title: String,
    /// Catalog items (path, id or alias) as written.
    pub items: Vec<String>,
    pub tags: Vec<String>,
    /// Files or folders, relative to the site root (`content/…`).
    pub paths: Vec<String>,
    /// Where the chapter, its `items` and its `paths` are in book.toml.
    pub pos: Pos,
    pub items_pos: Pos,
    pub paths_pos: Pos,
}

impl Reader<'_> {
    pub(super) fn books(&mut self, root: &Table) -> Vec<BookConfig> {
        let list = match root.get("book") {
            Some(Value::Array(a)) => a,
            Some(_) => {
                self.bad(
                    "book",
                    tr!("一本通要写成 [[book]] 表数组", "books must be written as [[book]]"),
                );
                return Vec::new();
            }
            None => return Vec::new(),
        };
        let mut out: Vec<BookConfig> = Vec::new();
        for (i, v) in list.iter().enumerate() {
            let path = format!("book.{i}");
            let Some(t) = v.as_table() else { continue };
            self.unknown(t, &path, BOOK);
            let title = self.string(t, &path, "title", true).unwrap_or_default();
            let audience_word = self.string(t, &path, "audience", true).unwrap_or_default();
            let audience = match audience_word.as_str() {
                "惠企" => Audience::Business,
                "惠民" => Audience::Residents,
                _ => Audience::Other,
            };
            let date = self.string(t, &path, "date", true).unwrap_or_default();
            if !date.is_empty() && crate::dates::parse_date(&date).is_err() {
                self.bad_with(
                    &format!("{path}.date"),
                    tr!(
                        "`{path}.date` 应当是 YYYY-MM-DD 格式的日期，而不是 \"{date}\"",
                        "`{path}.date` must be a date YYYY-MM-DD, not \"{date}\""
                    ),
                    tr!("例如 date = \"2026-11-01\"。", "e.g. date = \"2026-11-01\"."),
                );
            }
            let paper = match self.string(t, &path, "paper", false).as_deref() {
                None | Some("A4") | Some("a4") => crate::pdf::Paper::A4,
                Some("A5") | Some("a5") => crate::pdf::Paper::A5,
                Some(other) => {
                    self.bad(
                        &format!("{path}.paper"),
                        tr!(
                            "`{path}.paper` 只能是 \"A4\" 或 \"A5\"，而不是 \"{other}\"",
                            "`{path}.paper` must be \"A4\" or \"A5\", not \"{other}\""
                        ),
                    );
                    crate::pdf::Paper::A4
                }
            };
            let slug = self.string(t, &path, "slug", false).unwrap_or_default();
            if !slug.is_empty()
                && !slug
                    .bytes()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
            {
                self.bad_with(
                    &format!("{path}.slug"),
                    tr!(
                        "`{path}.slug` 只能用小写 ASCII 字母、数字和连字符，而不是 \"{slug}\"",
                        "`{path}.slug` may use lowercase ASCII letters, digits and hyphens only, not \"{slug}\""
                    ),
                    tr!(
                        "例如 slug = \"huimin\"；它是网页地址 books/huimin/ 的一部分。",
                        "e.g. slug = \"huimin\": it is part of the address books/huimin/."
                    ),
                );
            }
            let book = BookConfig {
                slug,
                issuer: self.string(t, &path, "issuer", true).unwrap_or_default(),
                preface: self.string(t, &path, "preface", false).unwrap_or_default(),
                chapters: self.chapters(t, &path),
                title,
                audience,
                audience_word,
                date,
                paper,
                index: i,
            };
            if out.iter().any(|b| b.title == book.title) {
                self.bad(&path, tr!("一本通“{}”重复", "book {} is listed twice", book.title));
            }
            out.push(book);
        }
        out
    }

    fn chapters(&mut self, t: &Table, bpath: &str) -> Vec<ChapterConfig> {
        let list = match t.get("chapters") {
            Some(Value::Array(a)) if !a.is_empty() => a,
            _ => {
                self.bad_with(
                    bpath,
                    tr!(
                        "一本通 [{bpath}] 没有大项 [[{bpath}.chapters]]",
                        "book [{bpath}] has no chapters [[book.chapters]]"
                    ),
                    tr!(
                        "在这本书下加 [[book.chapters]]，写 title 和 items（目录事项）、tags（关键词）或 paths（文件路径）。",
                        "Add [[book.chapters]] with title and items, tags or paths."
                    ),
                );
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for (j, v) in list.iter().enumerate() {
            let key = format!("{bpath}.chapters.{j}");
            let Some(ct) = v.as_table() else { continue };
            self.unknown(ct, &key, CHAPTER);
            let title = self.string(ct, &key, "title", true).unwrap_or_default();
            let items = self.strings(ct, &key, "items");
            let tags = self.strings(ct, &key, "tags");
            let paths = self.strings(ct, &key, "paths");
            if items.is_empty() && tags.is_empty() && paths.is_empty() {
                self.bad_with(
                    &key,
                    tr!(
                        "大项“{title}”没有选择任何办事指南",
                        "chapter {title} chooses no guides"
                    ),
                    tr!(
                        "写 items = [\"社会救助/…\"]（目录事项）、tags = [\"…\"]（信息头的关键词）或 paths = [\"content/…\"]。",
                        "Add items = [\"…\"] (catalog items), tags = [\"…\"] (关键词) or paths = [\"content/…\"]."
                    ),
                );
            }
            out.push(ChapterConfig {
                title,
                items,
                tags,
                paths,
                pos: self.pos(&key),
                items_pos: self.pos(&format!("{key}.items")),
                paths_pos: self.pos(&format!("{key}.paths")),
            });
        }
        out
    }
}
