//! `gongkai annual`: the 政府信息公开工作年度报告 of one unit and year (crate::annual), as one
//! HTML file to print, an XLSX with the three tables, or JSON. The site is checked first; a
//! site with errors (other than late publication, GK040, which reports exist to show) gets no
//! report. Every byte leaves through the output gate and the register check.

use super::{Format, exit_for, report as show, today};
use crate::annual::{self, Unit};
use crate::diag::{Code, Diagnostic, Diagnostics, Lang, Severity};
use crate::util::out::{errln, outln};
use clap::{Args, ValueEnum};
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum AnnualFormat {
    #[default]
    Html,
    Xlsx,
    /// Word 文档，供在 WPS 中继续修改正文 / a Word document to finish in WPS
    Docx,
    Json,
}

#[derive(Args, Debug)]
pub struct AnnualArgs {
    /// 报告年度，如 2025 / the year reported on
    #[arg(long, value_name = "Y")]
    pub year: i16,
    /// 报告机关：县政府（默认），或乡镇名称、slug、代码 / the unit: 县政府 or a township
    #[arg(long, value_name = "县政府|乡镇")]
    pub unit: Option<String>,
    /// 格式 / format
    #[arg(long, value_enum, default_value_t = AnnualFormat::Html)]
    pub format: AnnualFormat,
    /// 输出文件（默认 annual-<年度>[-乡镇].<格式>；html、json 可写 - 输出到屏幕）/ output file (- for stdout)
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// 统计日期（默认今天）：文件状态、未答复申请按此日计 / "today"
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
}

fn say(lang: Lang, zh: String, en: String) {
    errln!("{}", if lang == Lang::Zh { zh } else { en });
}

pub fn run(root: &Path, a: AnnualArgs, lang: Lang) -> i32 {
    let today = match today(a.date.as_deref(), lang) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let mut diags = Diagnostics::new();
    let site = crate::pipeline::check(root, today, &mut diags);
    // The site's own problems block the report; of the annual inputs' findings only those of
    // the one unit asked for are printed, below.
    let (annual_found, list): (Vec<Diagnostic>, Vec<Diagnostic>) =
        diags.sorted().into_iter().partition(|d| is_annual(d.code));
    let blocking: Vec<Diagnostic> = list
        .iter()
        .filter(|d| d.severity == Severity::Error && d.code != Code::Late)
        .cloned()
        .collect();
    let code = exit_for(&blocking);
    show(blocking.clone(), Format::Human, lang);
    let Some(site) = site.filter(|_| code == super::SUCCESS) else {
        say(
            lang,
            "站点有错误，未生成年度报告。请先改正上面的问题。".into(),
            "the site has errors: no annual report was written. Fix the problems above first.".into(),
        );
        return if code == super::SUCCESS {
            super::SITE_ERRORS
        } else {
            code
        };
    };
    let unit = match Unit::find(&site, a.unit.as_deref()) {
        Ok(u) => u,
        Err(d) => {
            show(vec![*d], Format::Human, lang);
            return super::USAGE;
        }
    };
    // The reports with inputs were checked with the site; a year or unit without them is
    // loaded here only for the diagnostic that says what is missing.
    let mut found = Vec::new();
    let report = match site.annual.iter().find(|r| r.year == a.year && r.of == unit) {
        Some(r) => {
            let dir = unit.dir(&site, a.year);
            let of_unit = |file: &str| file.rsplit_once('/').is_some_and(|(parent, _)| parent == dir);
            found.extend(annual_found.into_iter().filter(|d| of_unit(&d.file)));
            Some(r.clone())
        }
        None => annual::load(&site, a.year, unit, &mut found),
    };
    let mut found_d = Diagnostics::new();
    found_d.extend(found);
    show(found_d.sorted(), Format::Human, lang);
    let Some(report) = report else {
        say(
            lang,
            "年度报告的材料有错误，未生成报告（表格不会带着错误的数字生成）。".into(),
            "the annual report's inputs have errors: nothing was written (no table is made with wrong figures).".into(),
        );
        return super::SITE_ERRORS;
    };
    let town = unit
        .township
        .map(|t| format!("-{}", site.config.townships[t].slug))
        .unwrap_or_default();
    let ext = match a.format {
        AnnualFormat::Html => "html",
        AnnualFormat::Xlsx => "xlsx",
        AnnualFormat::Docx => "docx",
        AnnualFormat::Json => "json",
    };
    let dest = a
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("annual-{}{town}.{ext}", a.year)));
    let bytes = match a.format {
        AnnualFormat::Json => annual::render::json(&report).into_bytes(),
        AnnualFormat::Html => {
            let mut td = Diagnostics::new();
            let Some(theme) = crate::render::theme::load(&site.root, &site.config.site.theme, &mut td) else {
                show(td.sorted(), Format::Human, lang);
                return super::SITE_ERRORS;
            };
            match annual::render::standalone(&theme, &report) {
                Ok(s) => s.into_bytes(),
                Err(e) => {
                    let mut td = Diagnostics::new();
                    crate::render::theme::template_error(&mut td, "templates/annual_print.html", &e);
                    show(td.sorted(), Format::Human, lang);
                    return super::SITE_ERRORS;
                }
            }
        }
        AnnualFormat::Docx => match annual::docx::docx(&report) {
            Ok(b) => b,
            Err(e) => {
                say(
                    lang,
                    format!("无法生成 docx：{e}"),
                    format!("cannot make the docx: {e}"),
                );
                return super::USAGE;
            }
        },
        AnnualFormat::Xlsx => match annual::render::xlsx(&report) {
            Ok(b) => b,
            Err(e) => {
                say(
                    lang,
                    format!("无法生成 xlsx：{e}"),
                    format!("cannot make the xlsx: {e}"),
                );
                return super::USAGE;
            }
        },
    };
    let shown = dest.display().to_string();
    // The output gate (identifiers) and the register's personal cells, on the bytes as
    // written; for an XLSX or DOCX, on the text of its XML parts.
    let readable = match a.format {
        AnnualFormat::Xlsx | AnnualFormat::Docx => package_text(&bytes),
        _ => String::from_utf8_lossy(&bytes).into_owned(),
    };
    let sink = crate::render::Memory::default();
    let mut gate = crate::privacy::gate::Gate::new(&site, &sink);
    let clean = gate.check_file(&shown, readable.as_bytes(), &[]);
    let mut gd = Diagnostics::new();
    gate.finish(&mut gd);
    if annual::leaked(&report, readable.as_bytes()).is_some() {
        gd.push(annual::pages::leak_diagnostic(&shown));
    }
    if !clean || gd.has_errors() {
        show(gd.sorted(), Format::Human, lang);
        return super::SITE_ERRORS;
    }
    if dest.as_os_str() == "-" {
        if matches!(a.format, AnnualFormat::Xlsx | AnnualFormat::Docx) {
            say(
                lang,
                format!("{ext} 格式不能输出到屏幕（--output -），请写文件名。"),
                format!("the {ext} format cannot go to stdout (--output -): give a file name."),
            );
            return super::USAGE;
        }
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        return match out.write_all(&bytes).and_then(|_| out.flush()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => super::USAGE,
            _ => super::SUCCESS,
        };
    }
    if let Err(e) = write_file(&dest, &bytes) {
        say(
            lang,
            format!("无法写入 {shown}：{e}"),
            format!("cannot write {shown}: {e}"),
        );
        return super::USAGE;
    }
    outln!("{shown}");
    let (n, late) = (report.table3.new[6], report.late.len());
    say(
        lang,
        format!("已生成{}：本年新收申请 {n} 件，逾期答复 {late} 件。", report.title),
        format!("written: {} applications received, {late} late", n),
    );
    super::SUCCESS
}

fn is_annual(c: Code) -> bool {
    ("GK190"..="GK199").contains(&c.as_str())
}

/// The shared strings of an XLSX (every text cell), for the checks.
fn package_text(bytes: &[u8]) -> String {
    use std::io::Read;
    let mut out = String::new();
    if let Ok(mut z) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
        for i in 0..z.len() {
            if let Ok(mut f) = z.by_index(i)
                && f.name().is_ok_and(|n| n.ends_with(".xml"))
            {
                let _ = f.read_to_string(&mut out);
            }
        }
    }
    out
}

fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if path.is_dir() {
        return Err(std::io::Error::other("这是一个文件夹 / it is a folder"));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "annual".into());
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
