//! `gongkai catalog [list|show DOMAIN|import TABLE|diff [FILE|DOMAIN]]`: the catalogs as the
//! binary and the site see them; import and diff live in `catalog_import.rs`.

use super::{Format, report};
use crate::catalog::Catalogs;
use crate::diag::{Diagnostics, Lang};
use crate::util::out::{errln, outln};
use clap::{Args, Subcommand};
use std::path::Path;

#[derive(Args, Debug)]
pub struct CatalogArgs {
    #[command(subcommand)]
    pub what: Option<What>,
    /// 输出格式 / output format
    #[arg(long, value_enum, default_value_t = Format::Human, global = true)]
    pub format: Format,
}

#[derive(Subcommand, Debug)]
pub enum What {
    /// 列出全部领域 / list the domains
    List,
    /// 显示一个领域的全部事项 / show one domain's items
    Show {
        /// 领域名或英文标识，如 社会救助 或 social-assistance
        domain: String,
    },
    /// 把本县的目录表格（xlsx/xls/et/csv）导入为目录文件 / read a county's catalog table into a catalog file
    Import(super::catalog_import::ImportArgs),
    /// 显示站点目录文件相对内置目录的调整 / what a site's catalog file changes against the built-in one
    Diff {
        /// 目录文件（如 catalogs/social-assistance.yaml）或领域名；省略则对比全部 / a file or a domain; all when omitted
        what: Option<String>,
    },
}

pub fn run(root: &Path, a: CatalogArgs, lang: Lang) -> i32 {
    let mut diags = Diagnostics::new();
    let cats = Catalogs::load(root, &mut diags);
    if diags.has_errors() {
        report(diags.sorted(), Format::Human, lang);
        return super::SITE_ERRORS;
    }
    match a.what.unwrap_or(What::List) {
        What::List => list(&cats, a.format),
        What::Show { domain } => show(&cats, &domain, a.format, lang),
        What::Import(i) => super::catalog_import::import(root, &cats, i, a.format, lang),
        What::Diff { what } => super::catalog_import::diff(root, what.as_deref(), a.format, lang),
    }
}

fn list(cats: &Catalogs, format: Format) -> i32 {
    match format {
        Format::Json => {
            let v: Vec<_> = cats
                .domains
                .iter()
                .map(|d| serde_json::json!({"domain": d.slug, "name": d.name, "aliases": d.aliases, "items": d.items.len(), "ministry": d.ministry, "origin": d.origin.describe()}))
                .collect();
            outln!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        Format::Human => {
            // Widths in display columns: a Chinese character takes two, so `{:<16}` (which
            // counts characters) would misalign the Chinese names.
            let slug_w = cats.domains.iter().map(|d| width(&d.slug)).chain([width("领域标识")]);
            let name_w = cats.domains.iter().map(|d| width(&d.name)).chain([width("名称")]);
            let (slug_w, name_w) = (slug_w.max().unwrap_or(0), name_w.max().unwrap_or(0));
            outln!(
                "{}  {}  {}  来源",
                pad("领域标识", slug_w),
                pad("名称", name_w),
                pad_left("事项", 4)
            );
            for d in &cats.domains {
                outln!(
                    "{}  {}  {}  {}",
                    pad(&d.slug, slug_w),
                    pad(&d.name, name_w),
                    pad_left(&d.items.len().to_string(), 4),
                    d.origin.describe()
                );
            }
            outln!(
                "共 {} 个领域，{} 个事项。",
                cats.domains.len(),
                cats.domains.iter().map(|d| d.items.len()).sum::<usize>()
            );
        }
    }
    super::SUCCESS
}

/// Display width of `s`: a Chinese character takes two columns of a terminal.
fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// `s` followed by spaces up to `w` display columns.
fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

/// Spaces, then `s`, up to `w` display columns.
fn pad_left(s: &str, w: usize) -> String {
    format!("{}{s}", " ".repeat(w.saturating_sub(width(s))))
}

fn show(cats: &Catalogs, which: &str, format: Format, lang: Lang) -> i32 {
    let Some(d) = cats.domain_by_slug(which) else {
        match lang {
            Lang::Zh => errln!("没有领域“{which}”。运行 gongkai catalog list 查看全部领域。"),
            Lang::En => errln!("no domain `{which}`. gongkai catalog list shows them all."),
        }
        return super::USAGE;
    };
    match format {
        Format::Json => {
            let items: Vec<_> = d
                .items
                .iter()
                .zip(&d.origins)
                .map(|(i, o)| {
                    let mut v = serde_json::to_value(i).unwrap_or_default();
                    v["origin"] = serde_json::Value::String(o.describe());
                    v
                })
                .collect();
            let v = serde_json::json!({"domain": d.slug, "name": d.name, "ministry": d.ministry, "source": d.source, "items": items});
            outln!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        Format::Human => {
            outln!("{}（{}）", d.name, d.slug);
            if let Some(s) = &d.source {
                outln!("依据：{s}");
            }
            outln!();
            for (i, o) in d.items.iter().zip(&d.origins) {
                let elements: Vec<String> = i
                    .elements
                    .iter()
                    .map(|e| format!("{}{}", e.name, if e.required { "*" } else { "" }))
                    .collect();
                outln!("{:<8} {}", i.id, i.path());
                outln!("         要素：{}", elements.join("；"));
                outln!("         时限：{}", i.effective_limit().describe());
                if let Some(p) = &i.notice_period {
                    outln!("         公示期：{}", p.describe());
                }
                if !i.levels.is_empty() {
                    outln!("         层级：{}", i.levels.join("、"));
                }
                outln!("         来源：{}", o.describe());
            }
            outln!("\n（* 为必备要素，须在公告中以“## 要素名”写明）");
        }
    }
    super::SUCCESS
}
