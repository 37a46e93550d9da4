//! `gongkai book [--book 惠民] [--output FILE] [--date D] [--font FILE]`: the 办事一本通 as
//! PDF files to take to the print shop, one per book of book.toml, made without a browser
//! (layout and PDF: `crate::pdf`). Runs every check of `build` first and writes nothing when
//! the site has errors; each book's text and then its PDF pass the privacy gate.

use super::{Format, exit_for, report, today};
use crate::diag::{Code, Diagnostic, Diagnostics, Lang, Pos};
use crate::util::out::{errln, outln};
use clap::Args;
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct BookArgs {
    /// 只生成这一本：audience（惠企、惠民）或书名 / only this book: its audience or title
    #[arg(long, value_name = "NAME")]
    pub book: Option<String>,
    /// 输出文件（只生成一本时）或目录；默认当前目录下的 <书名>.pdf / output file or folder
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// 日期（默认今天）/ the day (default today)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// 字体文件（.ttf/.otf/.ttc；默认自动查找，或环境变量 GONGKAI_FONT）/ font file
    #[arg(long, value_name = "FILE")]
    pub font: Option<PathBuf>,
}

fn say(lang: Lang, zh: String, en: String) {
    errln!("{}", if lang == Lang::Zh { zh } else { en });
}

pub fn run(root: &Path, a: BookArgs, lang: Lang) -> i32 {
    let today = match today(a.date.as_deref(), lang) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let mut diags = Diagnostics::new();
    let site = crate::pipeline::check(root, today, &mut diags);
    let list = diags.sorted();
    let code = exit_for(&list);
    report(list, Format::Human, lang);
    let Some(site) = site.filter(|_| code == super::SUCCESS) else {
        say(
            lang,
            "有错误，未生成一本通。请先改正上面的问题。".into(),
            "errors found: no book was written. Fix the problems above first.".into(),
        );
        return if code == super::SUCCESS {
            super::SITE_ERRORS
        } else {
            code
        };
    };
    let chosen: Vec<&crate::book::Book> = site
        .books
        .books
        .iter()
        .filter(|b| {
            let c = &site.config.books[b.config];
            a.book.as_deref().is_none_or(|q| c.audience_word == q || c.title == q)
        })
        .collect();
    if chosen.is_empty() {
        let names: Vec<String> = site
            .config
            .books
            .iter()
            .map(|b| format!("{}（{}）", b.title, b.audience_word))
            .collect();
        say(
            lang,
            if names.is_empty() {
                "book.toml 中没有 [[book]]：先写好一本通的书名和大项。".into()
            } else {
                format!("没有这本一本通。可选：{}", names.join("、"))
            },
            format!("no such book; books: {}", names.join(", ")),
        );
        return super::USAGE;
    }
    let font_file = match crate::pdf::fonts::find(a.font.as_deref()) {
        Ok(f) => f,
        Err(e) => {
            let (zh, en) = match e {
                crate::pdf::FontError::Given(p, why) => (
                    format!("字体文件 {} 不能用：{why}", p.display()),
                    format!("the font file {} cannot be used: {why}", p.display()),
                ),
                crate::pdf::FontError::NoneInstalled(dirs) => {
                    let shown: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
                    (
                        format!("本机没有安装中文字体（查找了 {}）", shown.join("、")),
                        format!("no CJK font is installed (looked in {})", shown.join(", ")),
                    )
                }
            };
            let d = Diagnostic::error(
                Code::BookFont,
                "book.toml",
                Pos::default(),
                crate::diag::Text::new(zh, en),
                Code::BookFont.fix(),
            );
            report(vec![d], Format::Human, lang);
            return super::SITE_ERRORS;
        }
    };
    let Some(font) = crate::pdf::Font::new(&font_file) else {
        say(
            lang,
            format!("无法读取字体 {}", font_file.path.display()),
            format!("cannot read the font {}", font_file.path.display()),
        );
        return super::USAGE;
    };
    let one = chosen.len() == 1;
    // Several books go into a folder; one not made yet is made, as `build --output` does.
    if let Some(dir) = a.output.as_ref().filter(|p| !one && !p.is_dir())
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        say(
            lang,
            format!("无法创建目录 {}：{e}", dir.display()),
            format!("cannot create the folder {}: {e}", dir.display()),
        );
        return super::USAGE;
    }
    let mut written = Vec::new();
    for b in chosen {
        let cfg = &site.config.books[b.config];
        let name = format!("{}.pdf", cfg.title);
        let path = match &a.output {
            Some(p) if one && !p.is_dir() => p.clone(),
            Some(p) => p.join(&name),
            None => PathBuf::from(&name),
        };
        let printed = crate::book::print::layout(&site, b, &font);
        let shown = path.display().to_string();
        // The text is gated before it is set, and the PDF as a reader reads it back.
        let nowhere = crate::render::Memory::default();
        let mut gate = crate::privacy::gate::Gate::new(&site, &nowhere);
        let mut clean = gate.check_file(&shown, crate::book::print::text_of(&printed.pages).as_bytes(), &[]);
        let bytes = match crate::pdf::write_pdf(&font, cfg.paper, &cfg.title, &printed.pages) {
            Ok(b) => b,
            Err(why) => {
                say(
                    lang,
                    format!("字体 {} 无法嵌入：{why}", font_file.path.display()),
                    format!("the font {} cannot be embedded: {why}", font_file.path.display()),
                );
                return super::SITE_ERRORS;
            }
        };
        clean &= gate.check_pdf(&shown, &bytes);
        let mut held = Diagnostics::new();
        if !gate.finish(&mut held) || !clean {
            report(held.sorted(), Format::Human, lang);
            say(
                lang,
                format!("《{}》含有未遮蔽的个人信息，未生成。", cfg.title),
                format!("{} holds unmasked personal data: not written", cfg.title),
            );
            return super::SITE_ERRORS;
        }
        if let Err(e) = write_atomically(&path, &bytes) {
            say(
                lang,
                format!("无法写入 {}：{e}", path.display()),
                format!("cannot write {}: {e}", path.display()),
            );
            return super::USAGE;
        }
        outln!("{}", path.display());
        written.push((cfg.title.clone(), printed.pages.len(), printed.toc.len()));
    }
    for (title, pages, _) in &written {
        say(
            lang,
            format!("已生成《{title}》：{pages} 页（字体：{}）。", font_file.family),
            format!("wrote {title}: {pages} pages (font: {}).", font_file.family),
        );
    }
    super::SUCCESS
}

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "book.pdf".into());
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
