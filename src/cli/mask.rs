//! `gongkai mask LIST --item ITEM`: the publishable version of a name list (SPEC 5.6), over
//! `crate::import::mask`. The original is never modified; what was dropped is listed.

use super::catalog_import::{err_line, out_line};
use crate::catalog::{Catalogs, Found, ItemRef};
use crate::diag::{Diagnostics, Lang};
use crate::import::{self, mask::Masked, output};
use clap::Args;
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct MaskArgs {
    /// 名单表格：.xlsx、.xls、.et、.ods 或 .csv（UTF-8 或 GBK）/ the name list
    pub list: PathBuf,
    /// 目录事项，如 社会救助/最低生活保障/审核信息 / the catalog item
    #[arg(long)]
    pub item: String,
    /// 工作表名称（表格有多个工作表时）/ the sheet, when there are several
    #[arg(long)]
    pub sheet: Option<String>,
    /// 输出的 CSV 文件（默认：名单旁的“<名单>-公开.csv”）/ output CSV (default: beside the list)
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// 今天的日期（用于判断出生日期是否可能）/ today, for birth-date plausibility
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// 问题的输出格式 / format of the diagnostics
    #[arg(long, value_enum, default_value_t = super::Format::Human)]
    pub format: super::Format,
    /// 覆盖已存在的输出文件（原表格永远不会被覆盖）/ replace an existing output (never the list)
    #[arg(long)]
    pub force: bool,
}

/// The catalog item a command names, or the exit status after saying why not.
pub(super) fn find_item(cats: &Catalogs, name: &str, lang: Lang) -> Result<ItemRef, i32> {
    let msg = match cats.index.find(name) {
        Found::One(r) => return Ok(r),
        Found::Ambiguous(many) => {
            let list: Vec<&str> = many.iter().map(|r| cats.index.full_path(*r)).collect();
            crate::tr!(
                "事项“{name}”对应多个目录事项：{}",
                "`{name}` matches several items: {}",
                list.join("；")
            )
        }
        Found::None { suggestions } => {
            let s = suggestions.first().cloned().unwrap_or_default();
            crate::tr!(
                "目录中没有事项“{name}”。{}",
                "no catalog item `{name}`. {}",
                if s.is_empty() {
                    String::new()
                } else {
                    format!("“{s}”？")
                }
            )
        }
    };
    err_line(msg.get(lang));
    Err(super::USAGE)
}

/// What was kept, dropped and masked, for the terminal.
pub(super) fn summary(m: &Masked, file: &str, lang: Lang) -> String {
    let dropped: Vec<String> = m
        .dropped
        .iter()
        .map(|(h, k)| format!("{h}（{}）", k.label_zh()))
        .collect();
    let (sheet, row, n, masked) = (&m.sheet, m.header_row, m.rows.len(), m.masked);
    let (kept, dropped) = (m.header.join("、"), dropped.join("、"));
    let t = crate::tr!(
        "已读取 {file} 工作表“{sheet}”（第 {row} 行为列名），共 {n} 行。\n保留的列：{kept}\n删除的列：{dropped}\n按全站统一规则遮蔽了 {masked} 处号码。",
        "read {file}, sheet `{sheet}` (header in row {row}), {n} rows.\nkept: {kept}\ndropped: {dropped}\nmasked {masked} numbers with the site-wide pattern."
    );
    t.get(lang).to_string()
}

pub fn run(root: &Path, a: MaskArgs, lang: Lang) -> i32 {
    let mut diags = Diagnostics::new();
    let cats = Catalogs::load(root, &mut diags);
    if diags.has_errors() {
        super::report(diags.sorted(), super::Format::Human, lang);
        return super::SITE_ERRORS;
    }
    let r = match find_item(&cats, &a.item, lang) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let today = match super::today(a.date.as_deref(), lang) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let scanner = super::catalog_import::scanner(root, today);
    let file = import::display_path(root, &a.list);
    let masked = import::mask::mask_table(&a.list, &file, a.sheet.as_deref(), cats.item(r), &scanner, &mut diags);
    let Some(masked) = masked else {
        let code = super::catalog_import::status(&diags);
        super::report(diags.sorted(), a.format, lang);
        return code;
    };
    let out = a.output.clone().unwrap_or_else(|| {
        let stem = a
            .list
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        a.list.with_file_name(format!("{stem}-公开.csv"))
    });
    let files = vec![output::OutFile {
        path: out.clone(),
        bytes: masked.to_csv(),
    }];
    if let Err(e) = output::write_outputs(files, &[&a.list], a.force, &scanner) {
        err_line(e.text().get(lang));
        return super::USAGE;
    }
    err_line(&summary(&masked, &file, lang));
    let shown = out.display();
    err_line(
        crate::tr!(
            "已写入 {shown}（原表格未改动）。在公告信息头写 数据: 文件名 引用它。",
            "wrote {shown} (the list is unchanged). Reference it from a notice with 数据: FILE."
        )
        .get(lang),
    );
    out_line(&shown.to_string());
    super::SUCCESS
}

/// What `gongkai new … --data LIST` writes: the notice and the masked list beside it.
pub(super) struct NoticeWithData<'a> {
    pub list: &'a Path,
    pub sheet: Option<&'a str>,
    pub notice: PathBuf,
    pub text: String,
    pub data: PathBuf,
}

/// Mask the list for `item`, then write the notice and its data file together (or neither).
pub(super) fn new_with_data(
    root: &Path,
    item: &crate::catalog::Item,
    req: NoticeWithData,
    today: jiff::civil::Date,
    lang: Lang,
) -> i32 {
    let mut diags = Diagnostics::new();
    let scanner = super::catalog_import::scanner(root, today);
    let file = import::display_path(root, req.list);
    let Some(masked) = import::mask::mask_table(req.list, &file, req.sheet, item, &scanner, &mut diags) else {
        let code = super::catalog_import::status(&diags);
        super::report(diags.sorted(), super::Format::Human, lang);
        return code;
    };
    let files = vec![
        output::OutFile {
            path: req.data.clone(),
            bytes: masked.to_csv(),
        },
        output::OutFile {
            path: req.notice.clone(),
            bytes: req.text.into_bytes(),
        },
    ];
    if let Err(e) = output::write_outputs(files, &[req.list], false, &scanner) {
        err_line(e.text().get(lang));
        return super::USAGE;
    }
    err_line(&summary(&masked, &file, lang));
    out_line(&req.notice.display().to_string());
    out_line(&req.data.display().to_string());
    let t = crate::tr!(
        "已新建公告和名单数据文件（原表格未改动），请填写各“##”标题下的内容，然后运行 gongkai check。",
        "created the notice and its data file (the list is unchanged); fill in each ## section, then run gongkai check."
    );
    err_line(t.get(lang));
    super::SUCCESS
}
