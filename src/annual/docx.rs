//! The report as a Word document (.docx), for the office that finishes its text in WPS or
//! Word: the six sections in order, the three tables with the official merged cells (from
//! the same [`layout`] grids as the page and the XLSX), A4 in the fonts of 党政机关公文格式
//! (GB/T 9704: 方正小标宋 title, 黑体 headings, 仿宋 text, with common fallbacks).
//!
//! Written as WordprocessingML by hand: the document is headings, paragraphs and three
//! tables, which needs five small XML parts and the zip crate already in the tree, where the
//! DOCX writer crates bring an image stack along. Reproducible: fixed zip times, no ids.

use super::Annual;
use super::layout::{self, Grid};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::fmt::Write as _;
use std::io::Write as _;

/// Text width of an A4 page with GB/T 9704's margins (156 mm), in twentieths of a point.
const TEXT_WIDTH: u32 = 8845;

/// The document's bytes.
pub fn docx(a: &Annual) -> std::io::Result<Vec<u8>> {
    let parts: [(&str, String); 6] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", RELS.to_string()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_string()),
        ("word/styles.xml", STYLES.to_string()),
        ("docProps/core.xml", core(a)),
        ("word/document.xml", document(a)),
    ];
    let when = zip::DateTime::from_date_and_time(2000, 1, 1, 0, 0, 0).unwrap_or_default();
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(when);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, xml) in parts {
        zip.start_file(name, opts).map_err(std::io::Error::other)?;
        zip.write_all(xml.as_bytes())?;
    }
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // XML 1.0 has no place for other control characters.
            c if c.is_control() && c != '\t' && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

/// One paragraph of style `style` (Normal when empty) with one run of `text`.
fn para(out: &mut String, style: &str, text: &str, bold: bool) {
    out.push_str("<w:p>");
    if !style.is_empty() {
        let _ = write!(out, "<w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>");
    }
    out.push_str("<w:r>");
    if bold {
        out.push_str("<w:rPr><w:b/></w:rPr>");
    }
    let _ = write!(out, "<w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>", esc(text));
}

/// A section's Markdown as paragraphs: headings bold, list items with their numbers, table
/// rows as lines; emphasis and links keep their text only (WPS keeps the office's styles).
fn markdown(out: &mut String, md: &str) {
    let mut text = String::new();
    let mut bold = false;
    let mut lists: Vec<Option<u64>> = Vec::new();
    let flush = |out: &mut String, text: &mut String, bold: bool| {
        let t = text.trim();
        if !t.is_empty() {
            para(out, "", t, bold);
        }
        text.clear();
    };
    for ev in Parser::new(md) {
        match ev {
            Event::Start(Tag::Heading { .. }) => {
                flush(out, &mut text, bold);
                bold = true;
            }
            Event::End(TagEnd::Heading(_)) => {
                flush(out, &mut text, bold);
                bold = false;
            }
            Event::Start(Tag::List(first)) => {
                flush(out, &mut text, bold);
                lists.push(first);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                flush(out, &mut text, bold);
                match lists.last_mut() {
                    Some(Some(n)) => {
                        let _ = write!(text, "{n}. ");
                        *n += 1;
                    }
                    _ => text.push_str("• "),
                }
            }
            Event::Start(Tag::TableCell) if !text.is_empty() => text.push('　'),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableRow | TagEnd::TableHead) => {
                flush(out, &mut text, bold)
            }
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak => {}
            Event::HardBreak => flush(out, &mut text, bold),
            _ => {}
        }
    }
    flush(out, &mut text, bold);
}

/// A grid as a Word table: `gridSpan` for merged columns, `vMerge` for merged rows (Word
/// wants a cell in every row a merge covers), the header rows repeated on each page.
fn table(out: &mut String, g: &Grid) {
    let sum: u32 = g.cols.iter().sum::<u32>().max(1);
    let widths: Vec<u32> = g.cols.iter().map(|w| w * TEXT_WIDTH / sum).collect();
    out.push_str(
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"AnnualTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>\
         <w:jc w:val=\"center\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>",
    );
    for w in &widths {
        let _ = write!(out, "<w:gridCol w:w=\"{w}\"/>");
    }
    out.push_str("</w:tblGrid>");
    // What starts where, and which (row, column) continue a merge from above.
    let rows = g.rows.len();
    let mut start: Vec<Vec<Option<&layout::GridCell>>> = vec![vec![None; g.width]; rows];
    let mut below: Vec<Vec<Option<usize>>> = vec![vec![None; g.width]; rows];
    for (r, c, cell) in layout::placed(g) {
        start[r][c] = Some(cell);
        for row in below.iter_mut().take((r + cell.rowspan).min(rows)).skip(r + 1) {
            row[c] = Some(cell.colspan);
        }
    }
    for r in 0..rows {
        out.push_str("<w:tr><w:trPr><w:cantSplit/>");
        if r < g.head_rows {
            out.push_str("<w:tblHeader/>");
        }
        out.push_str("</w:trPr>");
        let mut c = 0;
        while c < g.width {
            let (span, merge, cell) = match (start[r][c], below[r][c]) {
                (Some(cell), _) => (
                    cell.colspan.max(1),
                    (cell.rowspan > 1).then_some("<w:vMerge w:val=\"restart\"/>"),
                    Some(cell),
                ),
                (None, Some(span)) => (span.max(1), Some("<w:vMerge/>"), None),
                // A hole in the grid (none in the official tables): an empty cell keeps
                // the columns aligned.
                (None, None) => (1, None, None),
            };
            let end = (c + span).min(g.width);
            let w: u32 = widths[c..end].iter().sum();
            let _ = write!(out, "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>");
            if span > 1 {
                let _ = write!(out, "<w:gridSpan w:val=\"{span}\"/>");
            }
            if let Some(m) = merge {
                out.push_str(m);
            }
            if cell.is_some_and(|x| x.head) {
                out.push_str("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F3F3F3\"/>");
            }
            out.push_str("<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"AnnualCell\"/></w:pPr>");
            if let Some(cell) = cell.filter(|x| !x.text.is_empty()) {
                out.push_str("<w:r>");
                if cell.total {
                    out.push_str("<w:rPr><w:b/></w:rPr>");
                }
                let _ = write!(out, "<w:t xml:space=\"preserve\">{}</w:t></w:r>", esc(&cell.text));
            }
            out.push_str("</w:p></w:tc>");
            c = end;
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}

fn document(a: &Annual) -> String {
    let mut b = String::with_capacity(64 * 1024);
    b.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document \
         xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>",
    );
    para(&mut b, "Title", &a.title, false);
    if !a.complete_year {
        para(
            &mut b,
            "",
            &format!("年度尚未结束，数字统计至 {}。", crate::dates::format_date(a.end)),
            false,
        );
    }
    para(
        &mut b,
        "",
        &format!(
            "本报告按照《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）编制，统计期限为{y}年1月1日至{y}年12月31日。",
            y = a.year
        ),
        false,
    );
    para(&mut b, "Heading1", "一、总体情况", false);
    markdown(&mut b, &a.sections.bodies[0]);
    for g in layout::all(a) {
        para(&mut b, "Heading1", &g.caption, false);
        table(&mut b, &g);
    }
    para(&mut b, "Heading1", "五、存在的主要问题及改进情况", false);
    markdown(&mut b, &a.sections.bodies[1]);
    para(&mut b, "Heading1", "六、其他需要报告的事项", false);
    markdown(&mut b, &a.sections.bodies[2]);
    // A4, margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm).
    b.push_str(
        "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:right=\"1474\" \
         w:bottom=\"1984\" w:left=\"1588\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>\
         </w:body></w:document>",
    );
    b
}

fn core(a: &Annual) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title>\
         <dc:creator>{}</dc:creator><dc:language>zh-CN</dc:language></cp:coreProperties>",
        esc(&a.title),
        esc(&a.unit)
    )
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
</Types>";

const RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
</Relationships>";

const DOCUMENT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
</Relationships>";

/// 仿宋 三号 (16 pt) text with a two-character first-line indent; 方正小标宋 二号 (22 pt)
/// title; 黑体 三号 headings; 仿宋 五号 (10.5 pt) table cells, centred. The first font of each
/// list that the machine has is used by WPS; `eastAsia` is what CJK text is set in.
const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"仿宋_GB2312\" w:cs=\"Times New Roman\"/>\
<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:line=\"560\" w:lineRule=\"exact\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:pPr><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:before=\"0\" w:after=\"560\" w:line=\"700\" w:lineRule=\"exact\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr>\
<w:rPr><w:rFonts w:eastAsia=\"方正小标宋简体\"/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:keepNext/><w:outlineLvl w:val=\"0\"/></w:pPr>\
<w:rPr><w:rFonts w:eastAsia=\"黑体\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"AnnualCell\"><w:name w:val=\"Annual table cell\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:line=\"300\" w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr>\
<w:rPr><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/></w:rPr></w:style>\
<w:style w:type=\"table\" w:styleId=\"AnnualTable\"><w:name w:val=\"Annual table\"/><w:tblPr><w:tblBorders>\
<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
</w:tblBorders><w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
</w:styles>";
