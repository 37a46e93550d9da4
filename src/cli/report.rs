//! `gongkai report`: the assessment report of SPEC 10 (the computing is in
//! [`crate::report`]). It runs every check first; a site with errors gets no report, except
//! for late publication (GK040), which the report exists to list even where a county has
//! made it an error. A wrong request (period, township) is a diagnostic and writes nothing.
//! Every byte the command produces leaves through [`write_outputs`].

use super::{Format, exit_for, report as show, today};
use crate::diag::{Code, Diagnostic, Diagnostics, Lang, Severity};
use crate::render::{Content, Output};
use crate::report::{self, period::Request};
use crate::util::out::{errln, outln};
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    #[default]
    Html,
    Json,
    Csv,
    Xlsx,
}

impl ReportFormat {
    fn ext(self) -> &'static str {
        match self {
            ReportFormat::Html => "html",
            ReportFormat::Json => "json",
            ReportFormat::Csv => "csv",
            ReportFormat::Xlsx => "xlsx",
        }
    }
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// 统计年度（默认：--date 所在年度）/ the year reported on
    #[arg(long, value_name = "Y")]
    pub year: Option<i32>,
    /// 统计起始日期（与 --to 一起用）/ start of the period
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<String>,
    /// 统计截止日期 / end of the period
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<String>,
    /// 统计日期（默认今天），用于栏目更新、公示期 / "today" for freshness and notice periods
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// 只统计一个乡镇：名称、slug 或代码 / one township only
    #[arg(long, value_name = "T")]
    pub township: Option<String>,
    /// 格式 / format
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    pub format: ReportFormat,
    /// 输出文件（csv 为文件夹；json、html 可写 - 输出到屏幕）/ output file (a folder for csv; - for stdout)
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

fn say(lang: Lang, zh: String, en: String) {
    errln!("{}", if lang == Lang::Zh { zh } else { en });
}

pub fn run(root: &Path, a: ReportArgs, lang: Lang) -> i32 {
    let today = match today(a.date.as_deref(), lang) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let mut diags = Diagnostics::new();
    let site = crate::pipeline::check(root, today, &mut diags);
    let list = diags.sorted();
    let blocking: Vec<Diagnostic> = list
        .iter()
        .filter(|d| d.severity == Severity::Error && d.code != Code::Late)
        .cloned()
        .collect();
    let code = exit_for(&blocking);
    show(list, Format::Human, lang);
    let Some(site) = site.filter(|_| code == super::SUCCESS) else {
        say(
            lang,
            "站点有错误，未生成报告。请先改正上面的问题。".into(),
            "the site has errors: no report was written. Fix the problems above first.".into(),
        );
        return if code == super::SUCCESS {
            super::SITE_ERRORS
        } else {
            code
        };
    };
    let req = Request {
        year: a.year,
        from: a.from.as_deref(),
        to: a.to.as_deref(),
        township: a.township.as_deref(),
    };
    let opt = match report::period::resolve(&site, &req) {
        Ok(o) => o,
        Err(d) => {
            show(vec![*d], Format::Human, lang);
            return super::USAGE;
        }
    };
    let r = report::build(&site, &opt);
    let warnings = report::empty_townships(&site, &r);
    show(warnings, Format::Human, lang);

    let stem = {
        let (f, t) = (crate::dates::format_date(opt.from), crate::dates::format_date(opt.to));
        let town = opt
            .township
            .map(|t| format!("-{}", site.config.townships[t].slug))
            .unwrap_or_default();
        format!("report-{f}_{t}{town}")
    };
    let dest = a
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{stem}.{}", a.format.ext())));
    let to_stdout = dest.as_os_str() == "-";
    let sheets = report::sheets::sheets(&site, &r);
    let out = match a.format {
        ReportFormat::Json => Dest::file(dest.clone(), report::json::render(&r).into_bytes()),
        ReportFormat::Html => Dest::file(dest.clone(), report::html::render(&r, &sheets).into_bytes()),
        ReportFormat::Xlsx if to_stdout => return stdout_refused(lang, "xlsx"),
        ReportFormat::Xlsx => match report::xlsx::render(&sheets) {
            Ok(bytes) => Dest::File(dest.clone(), bytes, false),
            Err(e) => {
                say(
                    lang,
                    format!("无法生成 xlsx：{e}"),
                    format!("cannot make the xlsx: {e}"),
                );
                return super::USAGE;
            }
        },
        ReportFormat::Csv if to_stdout => return stdout_refused(lang, "csv"),
        ReportFormat::Csv => Dest::Dir(dest.clone(), report::csv::render(&sheets)),
    };
    if let Err(e) = write_outputs(&site, out) {
        say(
            lang,
            format!("无法写入 {}：{e}", dest.display()),
            format!("cannot write {}: {e}", dest.display()),
        );
        return super::USAGE;
    }
    if !to_stdout {
        outln!("{}", dest.display());
    }
    let fixes = r.rectification.len();
    say(
        lang,
        format!("已生成报告：{} 个乡镇，整改清单 {fixes} 项。", r.townships.len()),
        format!(
            "report written: {} township(s), {fixes} item(s) to rectify.",
            r.townships.len()
        ),
    );
    super::SUCCESS
}

fn stdout_refused(lang: Lang, what: &str) -> i32 {
    say(
        lang,
        format!("{what} 格式不能输出到屏幕（--output -），请写文件名。"),
        format!("the {what} format cannot go to stdout (--output -): give a file name."),
    );
    super::USAGE
}

/// Where the report goes: stdout, one file (text: true when the bytes are UTF-8 text), or a
/// folder of CSV files.
enum Dest {
    Stdout(Vec<u8>),
    File(PathBuf, Vec<u8>, bool),
    Dir(PathBuf, Vec<(String, Vec<u8>)>),
}

impl Dest {
    fn file(path: PathBuf, bytes: Vec<u8>) -> Dest {
        if path.as_os_str() == "-" {
            Dest::Stdout(bytes)
        } else {
            Dest::File(path, bytes, true)
        }
    }
}

/// The one place the command's output leaves the program. Text passes the identifier scanner
/// once more (the report masks every notice text already; this is the safety net, and where
/// the output gate of `crate::privacy` hooks in). A single file is written beside its target
/// and renamed over it; a CSV folder is swapped in whole, and only over a folder that holds
/// nothing but a previous report's files, so that `--output` can never replace a folder of
/// the clerk's own.
fn write_outputs(site: &crate::site::Site, dest: Dest) -> std::io::Result<()> {
    let cx_opt = report::Options {
        from: site.today,
        to: site.today,
        township: None,
    };
    let cx = report::Cx::new(site, &cx_opt);
    let text = |b: Vec<u8>| match String::from_utf8(b) {
        Ok(s) => cx.clean(&s).into_bytes(),
        Err(e) => e.into_bytes(),
    };
    match dest {
        Dest::Stdout(b) => {
            let mut out = std::io::stdout().lock();
            match out.write_all(&text(b)).and_then(|_| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                r => r,
            }
        }
        Dest::File(path, b, is_text) => {
            let bytes = if is_text { text(b) } else { b };
            write_file(&path, &bytes)
        }
        Dest::Dir(dir, files) => {
            let names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
            if dir.exists() {
                let foreign = std::fs::read_dir(&dir)?
                    .filter_map(Result::ok)
                    .any(|e| !names.iter().any(|n| e.file_name().to_string_lossy() == n.as_str()));
                if foreign || !dir.is_dir() {
                    return Err(std::io::Error::other(
                        "该位置已有其他文件，不能覆盖 / it holds other files and is not replaced",
                    ));
                }
            }
            let outputs = files
                .into_iter()
                .map(|(name, b)| Output {
                    path: name,
                    content: Content::Bytes(text(b)),
                })
                .collect();
            crate::write::write_atomically(&dir, outputs)
        }
    }
}

fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    if path.is_dir() {
        return Err(std::io::Error::other("这是一个文件夹 / it is a folder"));
    }
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
