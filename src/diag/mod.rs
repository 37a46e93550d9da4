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
    /// The offending source line, shown under the message in the human format.
    pub source_line: Option<String>,
}

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
        }
    }

    pub fn warning(code: Code, file: impl Into<String>, pos: Pos, message: Text, hint: Text) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, file, pos, message, hint)
        }
    }

    /// Attach the source line at `self.pos` from the file's text.
    pub fn with_source(mut self, src: &str) -> Self {
        if self.pos.line > 0 {
            self.source_line = src.lines().nth(self.pos.line - 1).map(str::to_owned);
        }
        self
    }
}

/// The diagnostics of one run, in the order found; sorted for output.
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    list: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.list.push(d);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.list.extend(other);
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

    /// File, then line, then code: the order a clerk fixes things in.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.list
            .sort_by(|a, b| (&a.file, a.pos, a.code, a.severity).cmp(&(&b.file, b.pos, b.code, b.severity)));
        self.list.dedup();
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
}
