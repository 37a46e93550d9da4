//! Stage 1: configuration. Reads and checks `book.toml` (SPEC 3.1).
//!
//! The file is read in two passes: TOML syntax into a table (with a position for every key, see
//! [`keys`]), then every key is checked against the schema so that *all* unknown keys and bad
//! values are reported at once, each at its own line.

mod keys;
mod schema;

pub use schema::{
    Audience, BookConfig, ChapterConfig, Config, Footer, PrintConfig, ReportConfig, RuleSeverity, SiteConfig, Township,
    Village,
};

use crate::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::tr;
use std::path::Path;

pub const FILE: &str = "book.toml";

/// Read `book.toml` under `root`. `None` when the file is unusable; the reasons are in `diags`.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Option<Config> {
    let path = root.join(FILE);
    let src = match std::fs::read(&path) {
        Ok(bytes) => crate::load::decode::decode(&bytes, FILE, diags)?,
        Err(e) => {
            diags.push(Diagnostic::error(
                Code::Io,
                FILE,
                Pos::default(),
                tr!("无法读取 {FILE}：{e}", "cannot read {FILE}: {e}"),
                tr!(
                    "在站点目录运行，或用 --root 指定站点目录；新站点可用 gongkai init 创建。",
                    "Run in the site folder or pass --root; gongkai init creates a new site."
                ),
            ));
            return None;
        }
    };
    parse(&src, diags)
}

/// Parse and check the text of a `book.toml`.
pub fn parse(src: &str, diags: &mut Diagnostics) -> Option<Config> {
    let table: toml::Table = match toml::from_str(src) {
        Ok(t) => t,
        Err(e) => {
            let pos = e.span().map(|s| Pos::of_offset(src, s.start)).unwrap_or_default();
            let msg = e.message().trim().to_string();
            diags.push(
                Diagnostic::error(
                    Code::Config,
                    FILE,
                    pos,
                    tr!("book.toml 格式错误：{msg}", "book.toml syntax error: {msg}"),
                    syntax_hint(src, pos),
                )
                .with_source(src),
            );
            return None;
        }
    };
    let positions = keys::KeyPositions::scan(src);
    let before = diags.count(crate::diag::Severity::Error);
    let config = schema::check(&table, &positions, src, diags);
    if diags.count(crate::diag::Severity::Error) > before {
        return None;
    }
    config
}

fn syntax_hint(src: &str, pos: Pos) -> crate::diag::Text {
    let line = src.lines().nth(pos.line.saturating_sub(1)).unwrap_or("");
    if line.contains('：') {
        tr!("把中文冒号“：”改成等号“=”。", "Use `=`, not `：`.")
    } else if line.contains('“') || line.contains('”') {
        tr!(
            "字符串要用英文双引号 \" 括起来，不能用中文引号“”。",
            "Quote strings with ASCII \", not “”."
        )
    } else {
        Code::Config.fix()
    }
}
