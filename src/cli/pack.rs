//! `gongkai pack`: the site as an offline bundle (folder or zip), `--kiosk` for a reading
//! room's touch screen, `--verify DIR` for a copy on a stick, `--diff OLD NEW` for an upload.
//! The work is in [`crate::pack`]; this prints and picks the exit status.

use super::{Format, exit_for, report, today};
use crate::diag::{Diagnostics, Lang};
use crate::pack::{self, kiosk::Kiosk};
use clap::Args;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct PackArgs {
    /// 输出：以 .zip 结尾为 zip 文件，否则为文件夹（默认：当前目录下的 <县>政务公开-<日期>.zip）/ FILE.zip or DIR
    #[arg(long, value_name = "FILE.zip|DIR")]
    pub output: Option<PathBuf>,
    /// 查阅机（触摸屏）版：大按钮、返回首页、无人操作自动回首页、不可点击站外链接 / kiosk layer
    #[arg(long)]
    pub kiosk: bool,
    /// 查阅机无人操作多少秒后回到首页 / kiosk: idle seconds before returning home
    #[arg(long, value_name = "SECONDS", default_value_t = pack::kiosk::DEFAULT_IDLE_SECS,
          value_parser = clap::value_parser!(u32).range(5..=86400), requires = "kiosk")]
    pub idle: u32,
    /// 查阅机接有打印机：显示“打印”按钮 / kiosk: a printer is attached, show print buttons
    #[arg(long, requires = "kiosk")]
    pub printer: bool,
    /// 以此日期为“今天”和生成日期 / "today" and the build date, for reproducible bundles
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// 检查某个打包文件夹（如 U 盘上的拷贝）是否完整、未被改动 / check a copy against its manifest
    #[arg(long, value_name = "DIR", conflicts_with_all = ["output", "kiosk", "diff"])]
    pub verify: Option<PathBuf>,
    /// 列出两次打包之间变化的文件（文件夹、zip 或 manifest.json）/ files changed between two bundles
    #[arg(long, num_args = 2, value_names = ["OLD", "NEW"], conflicts_with_all = ["output", "kiosk"])]
    pub diff: Option<Vec<PathBuf>>,
}

fn say(lang: Lang, zh: String, en: String) {
    let _ = writeln!(std::io::stderr(), "{}", if lang == Lang::Zh { zh } else { en });
}

pub fn run(root: &Path, a: PackArgs, lang: Lang) -> i32 {
    if let Some(dir) = &a.verify {
        return verify(dir, lang);
    }
    if let Some(pair) = &a.diff {
        return diff(&pair[0], &pair[1], lang);
    }
    let today = match today(a.date.as_deref(), lang) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let kiosk = a.kiosk.then_some(Kiosk {
        idle_secs: a.idle,
        printer: a.printer,
    });
    let mut diags = Diagnostics::new();
    let packed = pack::pack(
        root,
        pack::Options {
            output: a.output,
            kiosk,
        },
        today,
        &mut diags,
    );
    let list = diags.sorted();
    let code = exit_for(&list);
    report(list, Format::Human, lang);
    let Some(p) = packed else {
        say(
            lang,
            "有错误，未打包，没有写入任何文件。请先改正上面的问题。".into(),
            "errors found: nothing was packed or written. Fix the problems above first.".into(),
        );
        return if code == super::SUCCESS {
            super::SITE_ERRORS
        } else {
            code
        };
    };
    // The bundle's path on stdout for scripts; a closed pipe is not an error of the pack.
    let _ = writeln!(std::io::stdout(), "{}", p.path.display());
    let mb = p.bytes as f64 / 1_048_576.0;
    say(
        lang,
        format!(
            "已打包 {} 条公告，共 {} 个文件（{mb:.1} MB）。拷到 U 盘后可运行 gongkai pack --verify 检查拷贝是否完整。",
            p.notices, p.files
        ),
        format!(
            "packed {} notices into {} files ({mb:.1} MB). After copying, run gongkai pack --verify to check the copy.",
            p.notices, p.files
        ),
    );
    code
}

fn verify(dir: &Path, lang: Lang) -> i32 {
    let mut diags = Diagnostics::new();
    let verified = pack::verify::verify(dir, &mut diags);
    let failed = diags.has_errors();
    let list = diags.sorted();
    let code = exit_for(&list);
    report(list, Format::Human, lang);
    match verified {
        Some(v) if !failed => {
            let m = &v.manifest;
            say(
                lang,
                format!(
                    "检查通过：{} 个文件齐全，与清单一致（{}，生成日期 {}）。",
                    m.files.len(),
                    m.site,
                    m.date
                ),
                format!(
                    "verified: all {} files present and unchanged ({}, built {}).",
                    m.files.len(),
                    m.site,
                    m.date
                ),
            );
            code
        }
        _ => {
            say(
                lang,
                "检查未通过：这份拷贝不完整或已被改动，请从原始打包文件重新拷贝。".into(),
                "verification failed: this copy is incomplete or changed; copy the bundle again.".into(),
            );
            if code == super::SUCCESS {
                super::SITE_ERRORS
            } else {
                code
            }
        }
    }
}

fn diff(old: &Path, new: &Path, lang: Lang) -> i32 {
    let read = |p: &Path| {
        pack::manifest::read(p).map_err(|e| {
            let why = match e {
                pack::manifest::ReadError::Io(e) => e.to_string(),
                pack::manifest::ReadError::Invalid(e) => e,
            };
            say(
                lang,
                format!("无法读取 {} 的清单 manifest.json：{why}", p.display()),
                format!("cannot read the manifest of {}: {why}", p.display()),
            );
        })
    };
    let (Ok(a), Ok(b)) = (read(old), read(new)) else {
        return super::USAGE;
    };
    let changes = pack::diff::diff(&a, &b);
    // A closed pipe (`| head`) ends the listing quietly.
    let mut out = std::io::stdout().lock();
    for (kind, path) in &changes {
        if writeln!(out, "{}\t{path}", kind.label(lang)).is_err() {
            break;
        }
    }
    let _ = out.flush();
    let count = |k| changes.iter().filter(|(c, _)| *c == k).count();
    let (added, changed, removed) = (
        count(pack::diff::Kind::Added),
        count(pack::diff::Kind::Changed),
        count(pack::diff::Kind::Removed),
    );
    say(
        lang,
        format!(
            "{} → {}：新增 {added} 个、修改 {changed} 个、删除 {removed} 个文件。上传时只需发送新增和修改的文件，并在服务器上删除标为“删除”的文件。",
            a.date, b.date
        ),
        format!(
            "{} → {}: {added} added, {changed} changed, {removed} removed. Upload the added and changed files and delete the removed ones on the server.",
            a.date, b.date
        ),
    );
    super::SUCCESS
}
