//! Rule family 6 (SPEC 5.6): personal information. Unmasked identifiers anywhere in a notice
//! (front matter, body, tables, data file) block the build, each with the masked form to use;
//! lists of people may only carry the columns the catalog allows.

use super::Ctx;
use crate::diag::{Code, Diagnostic, Pos, Text, rel_path};
use crate::load::Source;
use crate::privacy::{self, IdKind};
use crate::resolve::Notice;
use crate::tr;
use std::path::Path;

pub fn check(cx: &mut Ctx, index: usize, n: &Notice) {
    let exempt = match &n.exemption {
        Some(reason) if reason.trim().is_empty() => {
            cx.push(Diagnostic::error(
                Code::EmptyExemption,
                &n.rel,
                n.exemption_pos,
                tr!("“隐私豁免”没有写明理由", "`隐私豁免` gives no reason"),
                tr!(
                    "写明依据和理由，例如 隐私豁免: 经本人书面同意公开联系电话；没有理由就删除这一行，并遮蔽号码。",
                    "Write the reason, e.g. 隐私豁免: 经本人书面同意公开联系电话; otherwise delete the line and mask the numbers."
                ),
            ));
            false
        }
        Some(_) => true,
        None => false,
    };
    // A number in a column that may not be published at all is one finding, not two: the
    // column is reported (GK054, remove it), and the numbers in it are counted in that
    // finding instead of each getting a GK050–GK053 that says to mask them (issue 18).
    let mut cols = sensitive_columns(cx, index, n);
    if !exempt {
        let src = cx.site.source(n);
        source_identifiers(cx, src, &mut cols);
        // A data file that cannot be read as a table is GK064 already, and a missing or
        // outside file GK061/GK062: only files that will be published are read here.
        let table = cx.site.tables[index].as_ref();
        if let (Some(data), Some(t)) = (&n.data, table) {
            file_identifiers(cx, &data.source, Some(&t.header), &mut cols);
        }
        for a in &n.attachments {
            if publishable(cx, &a.source) {
                file_identifiers(cx, &a.source, None, &mut SensitiveColumns::default());
            }
        }
    }
    columns(cx, n, cols);
}

/// A column a list of people may not carry (GK054), and the identifiers found in its cells.
struct Column {
    file: String,
    pos: Pos,
    header: String,
    /// For a table in the notice: its index in `facts.tables`; for the data file: `None`.
    table: Option<usize>,
    /// The cell's column index in its table.
    index: usize,
    /// Identifiers in the column's cells: how many, and the first one's line.
    numbers: usize,
    first_line: usize,
}

#[derive(Default)]
struct SensitiveColumns(Vec<Column>);

impl SensitiveColumns {
    /// Count a hit in column `index` of `table` (`None`: the data file) when that column is
    /// to be removed anyway; `true` if it was.
    fn absorb(&mut self, table: Option<usize>, index: usize, line: usize) -> bool {
        match self.0.iter_mut().find(|c| c.table == table && c.index == index) {
            Some(c) => {
                if c.numbers == 0 {
                    c.first_line = line;
                }
                c.numbers += 1;
                true
            }
            None => false,
        }
    }
}

/// The files under `content/` that are not resolved notices (`_index.md` files, whose
/// defaults show on every page below them, and notices dropped for other errors) are scanned
/// too, so that a leak is reported in the same run as everything else.
pub fn other_source(cx: &mut Ctx, src: &Source) {
    let exempt = src
        .fm
        .privacy_exemption
        .as_ref()
        .is_some_and(|r| !r.value.trim().is_empty())
        && !src.is_index();
    if exempt {
        return;
    }
    source_identifiers(cx, src, &mut SensitiveColumns::default());
    let dir = src.path.parent().unwrap_or(&cx.site.root);
    for name in src.fm.data.iter().chain(&src.fm.attachments) {
        let path = dir.join(name.value.trim());
        if publishable(cx, &path) {
            file_identifiers(cx, &path, None, &mut SensitiveColumns::default());
        }
    }
}

/// A file that exists inside the site (the others are reported by the link rules).
fn publishable(cx: &Ctx, path: &Path) -> bool {
    path.is_file() && crate::render::notice_view::normalize(path).starts_with(&cx.site.root)
}

fn scanner(cx: &Ctx) -> privacy::Scanner {
    let mut scanner = privacy::Scanner::new(cx.site.today);
    scanner.allow(&cx.site.config.official_contacts());
    scanner
}

/// The table cell at `pos` of a notice's body: (table index, column index), if any.
fn cell_at(src: &Source, pos: Pos) -> Option<(usize, usize)> {
    let text = src.text();
    let line = text.lines().nth(pos.line - 1).unwrap_or("");
    src.facts.tables.iter().enumerate().find_map(|(ti, t)| {
        let first_row = t.pos.line + 2;
        (pos.line >= first_row && pos.line < first_row + t.rows).then(|| {
            let before: String = line.chars().take(pos.column - 1).collect();
            let pipes = before.matches('|').count();
            let cell = if line.trim_start().starts_with('|') {
                pipes.saturating_sub(1)
            } else {
                pipes
            };
            (ti, cell)
        })
    })
}

/// Where in a notice a hit is, in the clerk's terms: a front-matter key, a table column, or
/// the body text.
fn place_of(src: &Source, pos: Pos) -> Text {
    if pos.line < src.body_first_line {
        let text = src.text();
        let line = text.lines().nth(pos.line - 1).unwrap_or("");
        let key = line
            .split([':', '：'])
            .next()
            .unwrap_or("")
            .trim()
            .trim_start_matches("- ");
        return tr!("信息头“{key}”中", "front matter `{key}`: ");
    }
    if let Some((t, cell)) = cell_at(src, pos) {
        if let Some(h) = src.facts.tables[t].header.get(cell).filter(|h| !h.is_empty()) {
            return tr!("表格“{h}”列中", "table column `{h}`: ");
        }
        return tr!("表格中", "table: ");
    }
    tr!("正文中", "body: ")
}

fn source_identifiers(cx: &mut Ctx, src: &Source, cols: &mut SensitiveColumns) {
    // The file's own name and folders reach the page URL, the sitemap, feeds and search.
    for hit in scanner(cx).scan(&src.rel) {
        let place = tr!("文件名“{}”中", "file name `{}`: ", masked_path(&src.rel, &hit));
        let mut d = leak(&src.rel, Pos::default(), &place, &hit);
        d.hint = tr!(
            "改名：文件名和文件夹名会出现在网址、网站地图、订阅和搜索中，不能含有个人信息，例如改为 低保名单公示.md。",
            "Rename it: file and folder names reach URLs, the sitemap, feeds and search; e.g. 低保名单公示.md."
        );
        cx.push(d);
    }
    let text = src.text();
    let hits = scanner(cx).scan(&text);
    let lines = crate::util::text::LineIndex::new(&text);
    for hit in hits {
        let (line, column) = lines.line_col(hit.start);
        let pos = Pos::new(line, column);
        if pos.line >= src.body_first_line
            && let Some((t, cell)) = cell_at(src, pos)
            && cols.absorb(Some(t), cell, line)
        {
            continue;
        }
        let place = place_of(src, pos);
        cx.push(leak(&src.rel, pos, &place, &hit));
    }
}

/// The text of a CSV data file, to show the offending line (a workbook has none).
fn csv_text(path: &Path) -> Option<String> {
    let csv = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let bytes = std::fs::read(path).ok().filter(|_| csv)?;
    crate::load::decode::decode(&bytes, "", &mut crate::diag::Diagnostics::new())
}

/// The place of `needle` on line `line` of a CSV text, as an editor column; else `cell + 1`
/// (the spreadsheet's column number).
fn data_pos(text: Option<&str>, line: usize, cell: usize, needle: &str) -> Pos {
    let col = text
        .and_then(|t| t.lines().nth(line.saturating_sub(1)))
        .and_then(|l| l.find(needle).map(|b| l[..b].chars().count() + 1));
    Pos::new(line, col.unwrap_or(cell + 1))
}

/// Every part of a file the notice publishes (attachment or data file): the header row and
/// every row of a CSV, every sheet of a workbook, the text of a DOCX. `header` names the
/// columns of a data file's first sheet.
/// Hits in the data file's columns that `cols` lists are counted there instead.
fn file_identifiers(cx: &mut Ctx, path: &Path, header: Option<&[String]>, cols: &mut SensitiveColumns) {
    use crate::privacy::extract::Extracted;
    let file = rel_path(&cx.site.root, path);
    let scanner = scanner(cx);
    let mut found = Vec::new();
    let read = cx.site.extracted.get(path);
    match &*read {
        Extracted::Cells(cells) => {
            let first_sheet = cells.first().and_then(|c| c.sheet.clone());
            let mut text: Option<Option<String>> = None;
            for cell in cells {
                for hit in scanner.scan(&cell.text) {
                    let (line, c) = (cell.row, cell.col);
                    if header.is_some() && cell.sheet == first_sheet && cols.absorb(None, c, line) {
                        continue;
                    }
                    let column = header
                        .filter(|_| cell.sheet == first_sheet)
                        .and_then(|h| h.get(c))
                        .filter(|h| !h.is_empty());
                    let place = match (&cell.sheet, column) {
                        (Some(sheet), _) if Some(sheet) != first_sheet.as_ref() => tr!(
                            "工作表“{sheet}”第 {line} 行第 {} 列中",
                            "sheet `{sheet}`, row {line}, column {}: ",
                            c + 1
                        ),
                        (_, Some(h)) => tr!("第 {line} 行“{h}”列中", "row {line}, column `{h}`: "),
                        _ => tr!("第 {line} 行第 {} 列中", "row {line}, column {}: ", c + 1),
                    };
                    let text = text.get_or_insert_with(|| csv_text(path)).as_deref();
                    let mut d = leak(&file, data_pos(text, line, c, &hit.found), &place, &hit);
                    if let Some(t) = text {
                        d = d.with_source(t);
                    }
                    found.push(d);
                }
            }
        }
        Extracted::Text(t) => {
            let lines = crate::util::text::LineIndex::new(t);
            for hit in scanner.scan(t) {
                let (line, col) = lines.line_col(hit.start);
                found.push(leak(&file, Pos::new(line, col), &tr!("文件中", "in the file: "), &hit));
            }
        }
        Extracted::Pages { pages, .. } => {
            for (i, page) in pages.iter().enumerate() {
                let lines = crate::util::text::LineIndex::new(page);
                for hit in scanner.scan(page) {
                    let (line, col) = lines.line_col(hit.start);
                    let place = tr!("第 {} 页中", "page {}: ", i + 1);
                    found.push(leak(&file, Pos::new(line, col), &place, &hit));
                }
            }
        }
        Extracted::Unreadable(_) => {}
    }
    if let Some(why) = read.unchecked() {
        found.push(crate::privacy::gate::unchecked_diagnostic(&file, &why));
    }
    for d in found {
        cx.push(d);
    }
}

/// A path with the number in it masked, to name the file without repeating the number.
fn masked_path(path: &str, hit: &privacy::Hit) -> String {
    format!(
        "{}{}{}",
        path.get(..hit.start).unwrap_or_default(),
        hit.masked,
        path.get(hit.end..).unwrap_or_default()
    )
}

fn leak(file: &str, pos: Pos, place: &Text, hit: &privacy::Hit) -> Diagnostic {
    let (code, zh, en) = match hit.kind {
        IdKind::ResidentId18 => (Code::IdNumber, "身份证号码", "resident ID number"),
        IdKind::ResidentId15 => (Code::OldIdNumber, "15位身份证号码", "15-digit ID number"),
        IdKind::Mobile => (Code::Mobile, "手机号码", "mobile number"),
        IdKind::BankCard => (Code::BankCard, "银行卡号", "bank card number"),
    };
    // The message names the number by its masked form only: diagnostics end up in terminals
    // and CI logs, which must not carry it either.
    let masked = &hit.masked;
    let (wz, we) = (&place.zh, &place.en);
    let hint = match hit.kind {
        IdKind::Mobile => tr!(
            "改为遮蔽形式：{masked}（全站统一遮蔽规则）。如果这是公务电话，把它加入 book.toml 的 contacts；确需公开个人号码的，在信息头写明 隐私豁免: 理由。",
            "Write it masked: {masked} (the site-wide rule). An official number goes into book.toml contacts; to publish a personal one, give 隐私豁免: reason."
        ),
        _ => tr!(
            "改为遮蔽形式：{masked}（全站统一遮蔽规则）；确需公开的，在信息头写明 隐私豁免: 理由。",
            "Write it masked: {masked} (the site-wide rule); if it must be published, give 隐私豁免: reason."
        ),
    };
    Diagnostic::error(
        code,
        file,
        pos,
        tr!("{wz}有未遮蔽的{zh}（{masked}）", "{we}unmasked {en} ({masked})"),
        hint,
    )
}

/// The columns of the notice's lists of people that may not be published: never ID
/// numbers, phones, bank accounts, addresses, illness or hardship details.
fn sensitive_columns(cx: &Ctx, index: usize, n: &Notice) -> SensitiveColumns {
    let item = cx.site.catalogs.item(n.item);
    let carries_people = item.personal_info || item.elements.iter().any(|e| e.people);
    let src = cx.site.source(n);
    let mut found = Vec::new();
    for (ti, t) in src.facts.tables.iter().enumerate() {
        let people_section = t.section.as_deref().is_some_and(|s| {
            item.people_elements()
                .any(|e| crate::util::text::heading_key(&e.name) == crate::util::text::heading_key(s))
        });
        if carries_people || people_section || looks_like_people(&t.header) {
            let text = src.text();
            let line = text.lines().nth(t.pos.line - 1).unwrap_or("");
            for (ci, h) in t.header.iter().enumerate() {
                if privacy::is_sensitive(privacy::classify_column(h)) {
                    let col = line.find(h.as_str()).map_or(1, |b| line[..b].chars().count() + 1);
                    found.push(Column {
                        file: n.rel.clone(),
                        pos: Pos::new(t.pos.line, col),
                        header: h.clone(),
                        table: Some(ti),
                        index: ci,
                        numbers: 0,
                        first_line: 0,
                    });
                }
            }
        }
    }
    if let (Some(table), Some(data)) = (&cx.site.tables[index], &n.data) {
        let file = rel_path(&cx.site.root, &data.source);
        let mut text = None;
        for (c, h) in table.header.iter().enumerate() {
            if privacy::is_sensitive(privacy::classify_column(h)) {
                let text = text.get_or_insert_with(|| csv_text(&data.source)).as_deref();
                found.push(Column {
                    file: file.clone(),
                    pos: data_pos(text, table.header_line.max(1), c, h),
                    header: h.clone(),
                    table: None,
                    index: c,
                    numbers: 0,
                    first_line: 0,
                });
            }
        }
    }
    SensitiveColumns(found)
}

/// One GK054 per column, with the numbers found in it: removing the column is the one fix.
fn columns(cx: &mut Ctx, n: &Notice, cols: SensitiveColumns) {
    let mut data_text = None;
    for c in cols.0 {
        let (h, kind) = (&c.header, privacy::classify_column(&c.header).label_zh());
        let (also_zh, also_en) = match c.numbers {
            0 => (String::new(), String::new()),
            k => (
                format!(
                    "；该列有 {k} 个未遮蔽的号码（第 {} 行起），删除该列后随之去掉，不必逐个遮蔽",
                    c.first_line
                ),
                format!(
                    "; it holds {k} unmasked numbers (from line {}), which go with the column: no need to mask them one by one",
                    c.first_line
                ),
            ),
        };
        let mut d = Diagnostic::error(
            Code::PeopleColumn,
            &c.file,
            c.pos,
            tr!(
                "名单中有不得公开的列“{h}”（{kind}）{also_zh}",
                "the list has a column that may not be published: `{h}`{also_en}"
            ),
            tr!(
                "删除“{h}”这一列（表头和每一行的这一格）。名单只公开户主姓名、所在村组、人数、金额等目录允许的信息。",
                "Remove the `{h}` column (its header and its cell in every row); lists publish only names, village/group, counts and amounts."
            ),
        );
        if c.file != n.rel
            && let Some(data) = &n.data
            && let Some(t) = data_text.get_or_insert_with(|| csv_text(&data.source))
        {
            d = d.with_source(t);
        }
        cx.push(d);
    }
}

/// A table with a name column is a list of people whatever the item.
fn looks_like_people(header: &[String]) -> bool {
    header
        .iter()
        .any(|h| privacy::classify_column(h) == privacy::ColumnKind::Name)
}
