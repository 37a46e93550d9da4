//! The report's three forms: HTML (a page of the site, or one self-contained file to print),
//! XLSX (the three tables with their merged cells, for the office to paste into WPS) and
//! JSON (every figure, for the county's own summaries). All from one [`Annual`].

use super::Annual;
use super::layout::{self, Grid, GridCell};
use crate::render::markdown::{BodyOptions, to_html};
use serde::Serialize;

/// A grid as the template draws it: header rows apart (repeated on each printed page),
/// column widths as percentages.
#[derive(Serialize)]
pub struct GridView {
    pub id: &'static str,
    pub caption: String,
    pub widths: Vec<String>,
    pub head: Vec<Vec<GridCell>>,
    pub body: Vec<Vec<GridCell>>,
}

fn view(g: Grid) -> GridView {
    let sum: u32 = g.cols.iter().sum::<u32>().max(1);
    GridView {
        id: g.id,
        caption: g.caption,
        widths: g
            .cols
            .iter()
            .map(|w| format!("{:.2}", f64::from(*w) * 100.0 / f64::from(sum)))
            .collect(),
        head: g.rows[..g.head_rows].to_vec(),
        body: g.rows[g.head_rows..].to_vec(),
    }
}

fn section_html(md: &str) -> String {
    let o = BodyOptions {
        link: &|_| None,
        withdrawn: &[],
        withdrawn_note: "",
    };
    to_html(md, md.contains('<'), &o)
}

/// What the annual templates see.
pub fn context(a: &Annual) -> tera::Context {
    let mut ctx = tera::Context::new();
    ctx.insert("annual", a);
    let sections: Vec<String> = a.sections.bodies.iter().map(|b| section_html(b)).collect();
    ctx.insert("sections", &sections);
    let grids: Vec<GridView> = layout::all(a).into_iter().map(view).collect();
    ctx.insert("grids", &grids);
    ctx
}

/// The report as one self-contained HTML file (stylesheet inlined), to print or send.
pub fn standalone(theme: &crate::render::theme::Theme, a: &Annual) -> Result<String, tera::Error> {
    let mut ctx = context(a);
    let css = theme
        .statics
        .get("annual.css")
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default();
    ctx.insert("css", &css);
    theme.tera.render("annual_print.html", &ctx)
}

/// Every figure and the late replies, as JSON.
pub fn json(a: &Annual) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        #[serde(flatten)]
        annual: &'a Annual,
        /// The placeholder names of `sections.md` with their values.
        figures: std::collections::BTreeMap<String, String>,
    }
    let out = Out {
        annual: a,
        figures: super::values(a),
    };
    let mut s = serde_json::to_string_pretty(&out).unwrap_or_default();
    s.push('\n');
    s
}

/// The three tables, one worksheet each, merged as on paper; a fourth sheet lists the late
/// replies by register row.
pub fn xlsx(a: &Annual) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook};
    let mut book = Workbook::new();
    let base = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let head = base.clone().set_background_color("#F3F3F3");
    let bold = base.clone().set_bold();
    for g in layout::all(a) {
        let ws = book.add_worksheet();
        ws.set_name(g.id)?;
        let width = u16::try_from(g.width).unwrap_or(u16::MAX);
        ws.merge_range(0, 0, 0, width - 1, &format!("{}（{}）", g.caption, a.title), &bold)?;
        for (c, w) in g.cols.iter().enumerate() {
            ws.set_column_width(u16::try_from(c).unwrap_or(0), f64::from(*w) * 5.0)?;
        }
        for (r, c, cell) in layout::placed(&g) {
            let (r0, c0) = (u32::try_from(r + 1).unwrap_or(0), u16::try_from(c).unwrap_or(0));
            let fmt = if cell.total {
                &bold
            } else if cell.head {
                &head
            } else {
                &base
            };
            if cell.rowspan > 1 || cell.colspan > 1 {
                let r1 = r0 + u32::try_from(cell.rowspan - 1).unwrap_or(0);
                let c1 = c0 + u16::try_from(cell.colspan - 1).unwrap_or(0);
                ws.merge_range(r0, c0, r1, c1, "", fmt)?;
            }
            match cell.text.parse::<f64>() {
                Ok(n) if !cell.head => ws.write_number_with_format(r0, c0, n, fmt)?,
                _ => ws.write_string_with_format(r0, c0, &cell.text, fmt)?,
            };
        }
    }
    let ws = book.add_worksheet();
    ws.set_name("逾期答复")?;
    let cols = [
        "登记表行",
        "收到日期",
        "起算日期",
        "期限（工作日）",
        "答复期限",
        "答复日期",
        "逾期工作日",
    ];
    for (c, t) in cols.iter().enumerate() {
        let c = u16::try_from(c).unwrap_or(0);
        ws.write_string_with_format(0, c, *t, &head)?;
        ws.set_column_width(c, 14)?;
    }
    for (i, l) in a.late.iter().enumerate() {
        let r = u32::try_from(i + 1).unwrap_or(0);
        let f = crate::dates::format_date;
        ws.write_number(r, 0, l.row as f64)?;
        ws.write_string(r, 1, f(l.received))?;
        ws.write_string(r, 2, f(l.start))?;
        ws.write_number(r, 3, f64::from(l.working_days))?;
        ws.write_string(r, 4, f(l.deadline))?;
        ws.write_string(r, 5, l.replied.map(f).unwrap_or_else(|| "尚未答复".into()))?;
        ws.write_number(r, 6, l.days_late as f64)?;
    }
    book.save_to_buffer()
}
