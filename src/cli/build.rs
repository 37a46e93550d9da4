//! `gongkai build` and `gongkai check`.

use super::{Format, exit_for, report, today};
use crate::diag::{Diagnostics, Lang};
use crate::util::out::errln;
use clap::Args;
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct BuildArgs {
    /// 输出目录（默认：book.toml 的 site.output）/ output folder
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// 以此日期为“今天”（公示期、撤下名单），使生成结果可重现 / "today", for reproducible builds
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// 输出格式 / output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
}

pub fn build(root: &Path, a: BuildArgs, lang: Lang) -> i32 {
    let today = match today(a.date.as_deref(), lang) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let started = std::time::Instant::now();
    let mut diags = Diagnostics::new();
    let stats = crate::pipeline::build(root, a.output.as_deref(), today, &mut diags);
    let list = diags.sorted();
    let code = exit_for(&list);
    report(list, Format::Human, lang);
    match stats {
        Some(s) => {
            let secs = started.elapsed().as_secs_f64();
            match lang {
                Lang::Zh => errln!(
                    "已生成 {} 条公告，共 {} 个文件，用时 {secs:.2} 秒。",
                    s.notices,
                    s.files
                ),
                Lang::En => errln!("built {} notices into {} files in {secs:.2} s.", s.notices, s.files),
            }
            code
        }
        None => {
            match lang {
                Lang::Zh => errln!("有错误，未生成网站；原有输出保持不变。"),
                Lang::En => errln!("errors found: nothing was written; the previous output is unchanged."),
            }
            if code == super::SUCCESS {
                super::SITE_ERRORS
            } else {
                code
            }
        }
    }
}

pub fn check(root: &Path, a: CheckArgs, lang: Lang) -> i32 {
    let today = match today(a.date.as_deref(), lang) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let mut diags = Diagnostics::new();
    let site = crate::pipeline::check(root, today, &mut diags);
    let list = diags.sorted();
    let code = exit_for(&list);
    let empty = list.is_empty();
    report(list, a.format, lang);
    if empty && matches!(a.format, Format::Human) {
        let n = site.map_or(0, |s| s.notices.len());
        match lang {
            Lang::Zh => errln!("检查通过：{n} 条公告，没有发现问题。"),
            Lang::En => errln!("check passed: {n} notices, no problems."),
        }
    }
    code
}
