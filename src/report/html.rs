//! The HTML report: one self-contained page a person reads (no remote script, style or
//! font), zh-CN, printable on A4. A summary per township, coverage as a township × domain
//! heat map (inline SVG, each cell titled with its figures), the 整改清单 sortable by any
//! column (a small inline script; without it the table is simply in date order), then every
//! other section as a table. The tables are the same [`Sheet`]s as the CSV and XLSX files.

use super::Report;
use super::sheets::{Cell, Sheet};
use crate::render::markdown::escape;

const STYLE: &str = r#"
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:1100px;padding:1rem;color:#1a1a1a;line-height:1.5}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.2rem;margin:1.5rem 0 .5rem;border-bottom:2px solid #1f4e79}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin-bottom:1rem}
th,td{border:1px solid #999;padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:#ddebf7}td.num{text-align:right}
th button{font:inherit;background:none;border:0;padding:0;cursor:pointer;text-align:left;width:100%}
th button:focus-visible,a:focus-visible{outline:3px solid #1f4e79;outline-offset:2px}
.veto{color:#a00;font-weight:bold}.note{color:#444;font-size:.9rem}
svg{max-width:100%;height:auto}
@page{size:A4;margin:15mm 12mm}
@media print{body{max-width:none;padding:0;font-size:10pt}th button{pointer-events:none}
thead{display:table-header-group}tr{break-inside:avoid}h2{break-after:avoid}section{break-inside:auto}}
"#;

const SORT: &str = r#"
document.querySelectorAll('table.sortable').forEach(function(t){
  t.querySelectorAll('th').forEach(function(th,i){
    var b=th.querySelector('button');if(!b)return;
    b.addEventListener('click',function(){
      var asc=th.getAttribute('aria-sort')!=='ascending';
      t.querySelectorAll('th').forEach(function(o){o.removeAttribute('aria-sort')});
      th.setAttribute('aria-sort',asc?'ascending':'descending');
      var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);
      rows.sort(function(a,b){
        var x=a.cells[i].textContent.trim(),y=b.cells[i].textContent.trim();
        var nx=parseFloat(x),ny=parseFloat(y);
        var c=(!isNaN(nx)&&!isNaN(ny)&&/^[\d.]+%?$/.test(x)&&/^[\d.]+%?$/.test(y))?nx-ny:x.localeCompare(y,'zh-CN');
        return asc?c:-c});
      rows.forEach(function(r){body.appendChild(r)});
    });
  });
});
"#;

pub fn render(report: &Report, sheets: &[Sheet]) -> String {
    let (from, to) = (
        crate::dates::format_date(report.period.from),
        crate::dates::format_date(report.period.to),
    );
    let title = format!("{}政务公开自查报告（{from} 至 {to}）", report.county);
    let mut h = String::with_capacity(64 * 1024);
    h.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str(&format!(
        "<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        escape(&title)
    ));
    h.push_str(&format!("<h1>{}</h1>\n", escape(&title)));
    h.push_str(&format!(
        "<p class=\"note\">统计期间：{from} 至 {to}；统计日期：{}。本报告供县政务公开办内部自查使用。</p>\n",
        crate::dates::format_date(report.date)
    ));
    summary(&mut h, report);
    h.push_str("<section id=\"heatmap\">\n<h2>覆盖率（乡镇 × 领域）</h2>\n");
    h.push_str(&heatmap(report));
    h.push_str("<p class=\"note\">每格为该乡镇（含所辖村）在该领域应公开事项中期间内有公告的比例，鼠标停留可看数字。</p>\n</section>\n");
    for sheet in sheets {
        let blanks_only = sheet.file == "coverage.csv";
        let id = sheet.file.trim_end_matches(".csv");
        let name = if blanks_only { "空白栏目" } else { sheet.name };
        h.push_str(&format!("<section id=\"{id}\">\n<h2>{name}</h2>\n"));
        let rows: Vec<&Vec<Cell>> = sheet
            .rows
            .iter()
            .filter(|r| !blanks_only || r.last() == Some(&Cell::Text("空白栏目".into())))
            .collect();
        table(&mut h, sheet, &rows, sheet.file == "rectification.csv");
        h.push_str("</section>\n");
    }
    h.push_str(&format!("</main>\n<script>{SORT}</script>\n</body>\n</html>\n"));
    h
}

fn summary(h: &mut String, r: &Report) {
    h.push_str("<section id=\"summary\">\n<h2>概况</h2>\n<table>\n<thead><tr><th scope=\"col\">乡镇</th><th scope=\"col\">期间内公告</th><th scope=\"col\">应公开事项</th><th scope=\"col\">已公开</th><th scope=\"col\">覆盖率</th><th scope=\"col\">按时率</th><th scope=\"col\">逾期</th><th scope=\"col\">整改项</th><th scope=\"col\">栏目检查</th></tr></thead>\n<tbody>\n");
    for t in &r.townships {
        let fixes = r.rectification.iter().filter(|f| f.township == t.name).count();
        let veto = if t.freshness.veto {
            "<span class=\"veto\">单项否决风险</span>"
        } else {
            "—"
        };
        h.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{fixes}</td><td>{veto}</td></tr>\n",
            escape(&t.name),
            t.notices,
            t.coverage.items,
            t.coverage.covered,
            Cell::Rate(t.coverage.rate).text(),
            Cell::Rate(t.timeliness.total.rate).text(),
            t.late.len(),
        ));
    }
    h.push_str("</tbody>\n</table>\n</section>\n");
}

fn table(h: &mut String, sheet: &Sheet, rows: &[&Vec<Cell>], sortable: bool) {
    if rows.is_empty() {
        h.push_str("<p>无。</p>\n");
        return;
    }
    h.push_str(if sortable {
        "<table class=\"sortable\">\n<thead><tr>"
    } else {
        "<table>\n<thead><tr>"
    });
    for (title, _) in &sheet.columns {
        if sortable {
            h.push_str(&format!(
                "<th scope=\"col\"><button type=\"button\">{}</button></th>",
                escape(title)
            ));
        } else {
            h.push_str(&format!("<th scope=\"col\">{}</th>", escape(title)));
        }
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        h.push_str("<tr>");
        for c in row.iter() {
            let class = match c {
                Cell::Int(_) | Cell::Rate(_) => " class=\"num\"",
                _ => "",
            };
            h.push_str(&format!("<td{class}>{}</td>", escape(&c.text())));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
}

/// Colour of a coverage share: red (nothing) to green (all), light enough for black text.
fn colour(rate: Option<f64>) -> &'static str {
    match rate {
        None => "#eeeeee",
        Some(r) if r <= 0.0 => "#f4b6b6",
        Some(r) if r < 0.25 => "#f9cb9c",
        Some(r) if r < 0.5 => "#ffe599",
        Some(r) if r < 0.75 => "#d9ead3",
        Some(r) if r < 1.0 => "#b6d7a8",
        Some(_) => "#93c47d",
    }
}

/// Townships down, domains across; only domains some township answers for.
pub fn heatmap(r: &Report) -> String {
    let mut domains: Vec<&str> = Vec::new();
    for t in &r.townships {
        for d in &t.coverage.domains {
            if !domains.contains(&d.domain.as_str()) {
                domains.push(&d.domain);
            }
        }
    }
    let (label_w, cell_w, cell_h, head_h) = (96, 34, 28, 120);
    let width = label_w + cell_w * domains.len() + 4;
    let height = head_h + cell_h * r.townships.len() + 4;
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"hm-title\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" font-size=\"12\">\n<title id=\"hm-title\">各乡镇各领域覆盖率</title>\n"
    );
    for (j, d) in domains.iter().enumerate() {
        let x = label_w + j * cell_w + cell_w / 2;
        s.push_str(&format!(
            "<text transform=\"translate({x},{}) rotate(-60)\">{}</text>\n",
            head_h - 6,
            escape(d)
        ));
    }
    for (i, t) in r.townships.iter().enumerate() {
        let y = head_h + i * cell_h;
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
            label_w - 6,
            y + cell_h / 2 + 4,
            escape(&t.name)
        ));
        for (j, d) in domains.iter().enumerate() {
            let x = label_w + j * cell_w;
            let cell = t.coverage.domains.iter().find(|c| c.domain == *d);
            let rate = cell.and_then(|c| c.rate);
            let tip = match cell {
                Some(c) => format!(
                    "{} {}：{}/{}（{}）",
                    t.name,
                    d,
                    c.covered,
                    c.items,
                    Cell::Rate(c.rate).text()
                ),
                None => format!("{} {}：无应公开事项", t.name, d),
            };
            let shown = rate.map(|r| format!("{:.0}", r * 100.0)).unwrap_or_default();
            s.push_str(&format!(
                "<g class=\"cell\" data-township=\"{}\" data-domain=\"{}\" data-rate=\"{}\"><title>{}</title><rect x=\"{x}\" y=\"{y}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#fff\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">{shown}</text></g>\n",
                escape(&t.name),
                escape(d),
                rate.map(|r| r.to_string()).unwrap_or_default(),
                escape(&tip),
                cell_w,
                cell_h,
                colour(rate),
                x + cell_w / 2,
                y + cell_h / 2 + 4,
            ));
        }
    }
    s.push_str("</svg>\n");
    s
}
