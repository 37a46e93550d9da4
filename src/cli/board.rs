//! `gongkai board --village V`: one printable, self-contained HTML file of every notice on a
//! village's board on a day (SPEC 8; the rule is in [`crate::board`]). It runs every check of
//! `build` first and writes nothing when the site has errors.

use super::{Format, exit_for, report, today};
use crate::config::Config;
use crate::diag::{Diagnostics, Lang};
use crate::util::out::{errln, outln};
use clap::Args;
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct BoardArgs {
    /// 村（社区）：slug、名称或 12 位代码（可写成 乡镇/村）/ village: slug, name or 12-digit code
    #[arg(long, value_name = "V")]
    pub village: String,
    /// 乡镇名称、slug 或代码（村名在几个乡镇重复时用）/ township, when the village is ambiguous
    #[arg(long, value_name = "T")]
    pub township: Option<String>,
    /// 张贴日期（默认今天）/ the day of the board (default today)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// 没有公示期的公告发布后张贴的天数 / days a notice without a 公示期 stays on the board
    #[arg(long, value_name = "N", default_value_t = crate::board::DEFAULT_DAYS)]
    pub days: u32,
    /// 输出文件（默认：当前目录下的 board-<村slug>-<日期>.html）/ output file
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

fn say(lang: Lang, zh: String, en: String) {
    errln!("{}", if lang == Lang::Zh { zh } else { en });
}

pub fn run(root: &Path, a: BoardArgs, lang: Lang) -> i32 {
    let today = match today(a.date.as_deref(), lang) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let mut diags = Diagnostics::new();
    let site = crate::pipeline::check(root, today, &mut diags);
    // A notice published after the board's day is not on that day's board: no error, so a
    // board for a past day can be printed from today's site (issue 18).
    let (later, list): (Vec<_>, Vec<_>) = diags
        .sorted()
        .into_iter()
        .partition(|d| d.code == crate::diag::Code::FutureDate);
    let code = exit_for(&list);
    report(list, Format::Human, lang);
    let Some(site) = site.filter(|_| code == super::SUCCESS) else {
        say(
            lang,
            "有错误，未生成张贴文件。请先改正上面的问题。".into(),
            "errors found: no board file was written. Fix the problems above first.".into(),
        );
        return if code == super::SUCCESS {
            super::SITE_ERRORS
        } else {
            code
        };
    };
    let (t, v) = match find_village(&site.config, &a.village, a.township.as_deref()) {
        Ok(found) => found,
        Err((zh, en)) => {
            say(lang, zh, en);
            return super::USAGE;
        }
    };
    let entries = crate::board::select(&site, t, v, today, a.days);
    let down = crate::board::take_down(&site, t, v, today, a.days);
    let mut diags = Diagnostics::new();
    let Some(html) = crate::render::board::render(&site, t, v, &entries, &down, a.days, &mut diags) else {
        report(diags.sorted(), Format::Human, lang);
        return super::SITE_ERRORS;
    };
    let village = &site.config.townships[t].villages[v];
    let path = a.output.unwrap_or_else(|| {
        PathBuf::from(format!(
            "board-{}-{}.html",
            village.slug,
            crate::dates::format_date(today)
        ))
    });
    // The bundle passes the same privacy gate as the site's files.
    let nowhere = crate::render::Memory::default();
    let mut gate = crate::privacy::gate::Gate::new(&site, &nowhere);
    let printed: Vec<usize> = entries.iter().map(|e| e.notice).collect();
    let shown = path.display().to_string();
    gate.check_file(&shown, html.as_bytes(), &printed);
    let mut held = Diagnostics::new();
    if !gate.finish(&mut held) {
        report(held.sorted(), Format::Human, lang);
        return super::SITE_ERRORS;
    }
    if let Err(e) = write_atomically(&path, html.as_bytes()) {
        say(
            lang,
            format!("无法写入 {}：{e}", path.display()),
            format!("cannot write {}: {e}", path.display()),
        );
        return super::USAGE;
    }
    outln!("{}", path.display());
    let (n, k, d) = (entries.len(), down.len(), crate::dates::format_date(today));
    say(
        lang,
        format!(
            "已生成{}公示栏张贴文件：张贴 {n} 份公告，撤下 {k} 份（清单在第一页）。用浏览器打开后打印（A4，关闭“页眉和页脚”）。",
            village.name
        ),
        format!(
            "wrote the board of {}: {n} notices to post, {k} to take down (listed on the first page). Open it in a browser and print on A4 with headers and footers off.",
            village.slug
        ),
    );
    if !later.is_empty() {
        let m = later.len();
        say(
            lang,
            format!("另有 {m} 份公告在 {d} 之后发布，不在这一天的公示栏上。"),
            format!("{m} notices published after {d} are not on that day's board."),
        );
    }
    super::SUCCESS
}

/// The village `query` names: `slug`, name, 12-digit code, or `township/village`; `township`
/// narrows the search. Returns (township, village) indexes, or the messages (zh, en).
pub fn find_village(config: &Config, query: &str, township: Option<&str>) -> Result<(usize, usize), (String, String)> {
    let (town_q, vil_q) = match query.split_once(['/', '／']) {
        Some((t, v)) => (Some(t.trim()), v.trim()),
        None => (township, query.trim()),
    };
    let town_ok = |t: &crate::config::Township| town_q.is_none_or(|q| t.name == q || t.slug == q || t.code == q);
    let found: Vec<(usize, usize)> = config
        .townships
        .iter()
        .enumerate()
        .filter(|(_, t)| town_ok(t))
        .flat_map(|(ti, t)| {
            t.villages
                .iter()
                .enumerate()
                .filter(|(_, v)| v.name == vil_q || v.slug == vil_q || v.code == vil_q)
                .map(move |(vi, _)| (ti, vi))
        })
        .collect();
    let name = |(t, v): (usize, usize)| {
        let town = &config.townships[t];
        let vil = &town.villages[v];
        format!("{}{}（{}）", town.name, vil.name, vil.code)
    };
    match found.as_slice() {
        [one] => Ok(*one),
        [] => {
            let names: Vec<&str> = config
                .townships
                .iter()
                .flat_map(|t| t.villages.iter().map(|v| v.name.as_str()))
                .collect();
            let hint = crate::util::suggest::closest(vil_q, names.iter().copied());
            Err((
                format!(
                    "book.toml 中没有村（社区）“{query}”。{}请写村名、slug 或 12 位代码。",
                    hint.map(|h| format!("是不是“{h}”？")).unwrap_or_default()
                ),
                format!(
                    "no village `{query}` in book.toml. {}Give its name, slug or 12-digit code.",
                    hint.map(|h| format!("Did you mean `{h}`? ")).unwrap_or_default()
                ),
            ))
        }
        many => {
            let list: Vec<String> = many.iter().map(|&f| name(f)).collect();
            Err((
                format!(
                    "“{query}”对应多个村（社区）：{}。请写 12 位代码，或加 --township。",
                    list.join("、")
                ),
                format!(
                    "`{query}` matches several villages: {}. Give the 12-digit code or --township.",
                    list.join(", ")
                ),
            ))
        }
    }
}

/// Write `bytes` to a temporary file beside `path`, then rename it over `path`: a failed run
/// never leaves half a file.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "board.html".into());
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
