//! Diagnostics as values.
//!
//! Every stage pushes [`Diagnostic`]s into a [`Diagnostics`] list instead of returning on the
//! first problem, so that a clerk sees every mistake of a run at once. Messages carry both
//! languages ([`Text`]); the reporter picks one at the end.

mod codes;
mod explain;
mod report;

pub use codes::Code;
pub use explain::explain;
pub use report::{render_human, render_json};

use std::path::{Path, PathBuf};

/// The language of everything gongkai says to a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    /// Simplified Chinese, the default: clerks are the users.
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The values `--lang` accepts.
    pub const FLAG_VALUES: [&'static str; 2] = ["zh", "en"];

    /// The language a `--lang` value names (`zh` or `en`, any case), or `None` for any other
    /// value: an unknown language is refused, not read as Chinese.
    pub fn from_flag(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// `--lang` wins; otherwise `LANG=en*` switches to English (SPEC 4).
    pub fn detect(flag: Option<&str>) -> Lang {
        let pick = |s: &str| {
            if s.to_ascii_lowercase().starts_with("en") {
                Lang::En
            } else {
                Lang::Zh
            }
        };
        match flag {
            Some(f) => pick(f),
            None => std::env::var("LANG").map(|v| pick(&v)).unwrap_or_default(),
        }
    }
}

/// A sentence in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// `tr!("中文 {x}", "English {x}")` or `tr!("中文 {}", "English {}", x)`: both languages,
/// formatted with the same arguments.
#[macro_export]
macro_rules! tr {
    ($zh:expr, $en:expr $(,)?) => {
        $crate::diag::Text::new(format!($zh), format!($en))
    };
    ($zh:expr, $en:expr, $($arg:expr),+ $(,)?) => {
        $crate::diag::Text::new(format!($zh, $($arg),+), format!($en, $($arg),+))
    };
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A place in a source file: 1-based line and column (columns count characters, as a clerk
/// counts them in an editor, not bytes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

impl Pos {
    pub const fn new(line: usize, column: usize) -> Pos {
        Pos { line, column }
    }

    /// The position of byte offset `at` in `src`.
    pub fn of_offset(src: &str, at: usize) -> Pos {
        let at = at.min(src.len());
        let before = &src[..floor_char_boundary(src, at)];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Pos::new(line, before[line_start..].chars().count() + 1)
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// Path relative to the site root, with `/` separators.
    pub file: String,
    pub pos: Pos,
    pub message: Text,
    pub hint: Text,
    /// The offending stretch of the source line, shown under the message in the human
    /// format: at most [`EXCERPT_CHARS`] characters around the column, never the whole line
    /// (a one-line 5 MB notice with 20,000 findings would otherwise hold 20,000 copies).
    pub source_line: Option<String>,
    /// The column of the excerpt's first character in the whole line (1-based).
    pub source_from: usize,
}

/// How much of a source line one diagnostic keeps.
pub const EXCERPT_CHARS: usize = 120;
/// Characters of context kept before the column.
const EXCERPT_BEFORE: usize = 40;
/// Findings kept per file and code; the rest are counted and summed up in one line, so a
/// notice with 20,000 broken links costs 20 diagnostics, not 20,000.
pub const PER_FILE_AND_CODE: usize = 20;

impl Diagnostic {
    pub fn error(code: Code, file: impl Into<String>, pos: Pos, message: Text, hint: Text) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            file: file.into(),
            pos,
            message,
            hint,
            source_line: None,
            source_from: 1,
        }
    }

    pub fn warning(code: Code, file: impl Into<String>, pos: Pos, message: Text, hint: Text) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, file, pos, message, hint)
        }
    }

    /// Attach the stretch of the source line at `self.pos` from the file's text.
    pub fn with_source(mut self, src: &str) -> Self {
        if self.pos.line > 0
            && let Some(line) = src.lines().nth(self.pos.line - 1)
        {
            let from = self.pos.column.saturating_sub(EXCERPT_BEFORE).max(1);
            let skip = line.char_indices().nth(from - 1).map_or(line.len(), |(b, _)| b);
            let rest = &line[skip..];
            let end = rest.char_indices().nth(EXCERPT_CHARS).map_or(rest.len(), |(b, _)| b);
            self.source_line = Some(rest[..end].to_owned());
            self.source_from = from;
        }
        self
    }
}

/// The diagnostics of one run, in the order found; sorted for output. At most
/// [`PER_FILE_AND_CODE`] findings of one code are kept per file; the others are counted.
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    list: Vec<Diagnostic>,
    /// Per (file, code): how many were pushed, and how many of them kept.
    counts: std::collections::HashMap<(String, Code), (usize, usize)>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.push_counted(d, 1);
    }

    /// Whether a finding of `code` in `file` would still be kept (so that callers can skip
    /// the work of building one that would only be counted).
    pub fn wants(&self, file: &str, code: Code) -> bool {
        self.counts
            .get(&(file.to_string(), code))
            .is_none_or(|(_, kept)| *kept < PER_FILE_AND_CODE)
    }

    /// Counts a finding that was not built because [`Diagnostics::wants`] said no.
    pub fn count_only(&mut self, file: &str, code: Code) {
        self.counts.entry((file.to_string(), code)).or_default().0 += 1;
    }

    fn push_counted(&mut self, d: Diagnostic, seen: usize) {
        let entry = self.counts.entry((d.file.clone(), d.code)).or_default();
        entry.0 += seen;
        if entry.1 < PER_FILE_AND_CODE {
            entry.1 += 1;
            self.list.push(d);
        }
    }

    /// Adds findings one by one (each counted against the cap).
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        for d in other {
            self.push(d);
        }
    }

    /// Takes over another list, with the count of what it held back, so that the closing
    /// "N more" line stays right.
    pub fn append(&mut self, other: Diagnostics) {
        let mut extra = other.counts;
        for d in other.list {
            let seen = extra.get_mut(&(d.file.clone(), d.code)).map_or(1, |(seen, kept)| {
                // The first kept one carries the count of those the other list dropped.
                let carried = 1 + seen.saturating_sub(*kept);
                *seen = *kept;
                carried
            });
            self.push_counted(d, seen);
        }
    }

    pub fn has_errors(&self) -> bool {
        self.list.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.list.iter().filter(|d| d.severity == severity).count()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.list.iter()
    }

    /// File, then line, then code: the order a clerk fixes things in. Each (file, code) with
    /// findings beyond the cap gets one closing line saying how many more there are.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.list
            .sort_by(|a, b| (&a.file, a.pos, a.code, a.severity).cmp(&(&b.file, b.pos, b.code, b.severity)));
        self.list.dedup();
        let mut more: Vec<(&(String, Code), usize)> = self
            .counts
            .iter()
            .filter(|(_, (seen, kept))| seen > kept)
            .map(|(k, (seen, kept))| (k, seen - kept))
            .collect();
        more.sort();
        let summaries: Vec<Diagnostic> = more
            .into_iter()
            .map(|((file, code), n)| {
                let severity = self
                    .list
                    .iter()
                    .find(|d| &d.file == file && d.code == *code)
                    .map_or(Severity::Warning, |d| d.severity);
                let c = code.as_str();
                Diagnostic {
                    severity,
                    ..Diagnostic::error(
                        Code::Suppressed,
                        file.clone(),
                        Pos::default(),
                        crate::tr!(
                            "此文件还有 {n} 个同类问题（{c}）未逐条列出",
                            "{n} more findings of {c} in this file are not listed"
                        ),
                        crate::tr!(
                            "先改正上面列出的 {c} 问题，再运行 gongkai check 查看其余的。",
                            "Fix the {c} findings above, then run gongkai check again for the rest."
                        ),
                    )
                }
            })
            .collect();
        self.list.extend(summaries);
        self.list
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.list.into_iter()
    }
}

/// A path relative to `root`, with `/` separators whatever the OS, for messages and output.
pub fn rel_path(root: &Path, path: &Path) -> String {
    let rel: PathBuf = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_char_columns() {
        let src = "标题: 甲\n事项： 乙\n";
        let at = src.find('：').unwrap();
        assert_eq!(Pos::of_offset(src, at), Pos::new(2, 3));
    }

    #[test]
    fn lang_flag_wins() {
        assert_eq!(Lang::detect(Some("en")), Lang::En);
        assert_eq!(Lang::detect(Some("zh")), Lang::Zh);
    }

    #[test]
    fn lang_flag_values() {
        assert_eq!(Lang::from_flag("EN"), Some(Lang::En));
        assert_eq!(Lang::from_flag("zh"), Some(Lang::Zh));
        assert_eq!(Lang::from_flag("fr"), None);
        assert_eq!(Lang::from_flag("english"), None);
    }
}
