//! The three tables as the official format draws them: merged header cells, label columns
//! spanning their items, 总计 rows. One grid per table, written by the HTML template (rowspan,
//! colspan) and by the XLSX writer (merged ranges), so paper and spreadsheet look alike.

use super::Annual;
use super::data::{T4_COLS, T4_GROUPS};
use super::outcome::{self, GROUPS, NUMERALS};
use serde::Serialize;

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct GridCell {
    pub text: String,
    pub colspan: usize,
    pub rowspan: usize,
    /// A header or label cell (`th`).
    pub head: bool,
    /// A 总计 cell or row: printed bold.
    pub total: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct Grid {
    /// `表二` …
    pub id: &'static str,
    pub caption: String,
    /// Columns of the whole grid.
    pub width: usize,
    /// Rows of the header part (repeated on a new printed page).
    pub head_rows: usize,
    pub rows: Vec<Vec<GridCell>>,
    /// Relative widths of the columns, for the printed table.
    pub cols: Vec<u32>,
}

fn th(text: &str, colspan: usize, rowspan: usize) -> GridCell {
    GridCell {
        text: text.to_string(),
        colspan,
        rowspan,
        head: true,
        total: false,
    }
}

fn td(n: impl ToString) -> GridCell {
    GridCell {
        text: n.to_string(),
        colspan: 1,
        rowspan: 1,
        head: false,
        total: false,
    }
}

fn bold(mut c: GridCell) -> GridCell {
    c.total = true;
    c
}

pub fn table2(a: &Annual) -> Grid {
    let t = &a.table2;
    let mut rows = vec![
        vec![th("第二十条第（一）项", 4, 1)],
        vec![
            th("信息内容", 1, 1),
            th("本年制发件数", 1, 1),
            th("本年废止件数", 1, 1),
            th("现行有效件数", 1, 1),
        ],
    ];
    for (name, c) in [("规章", t.rules), ("行政规范性文件", t.normative)] {
        rows.push(vec![th(name, 1, 1), td(c.issued), td(c.repealed), td(c.in_force)]);
    }
    let mut block = |title: &str, col: &str, items: &[(&str, String)]| {
        rows.push(vec![th(title, 4, 1)]);
        rows.push(vec![th("信息内容", 1, 1), th(col, 3, 1)]);
        for (name, v) in items {
            let mut c = td(v);
            c.colspan = 3;
            rows.push(vec![th(name, 1, 1), c]);
        }
    };
    block(
        "第二十条第（五）项",
        "本年处理决定数量",
        &[("行政许可", t.licensing.to_string())],
    );
    block(
        "第二十条第（六）项",
        "本年处理决定数量",
        &[
            ("行政处罚", t.penalties.to_string()),
            ("行政强制", t.enforcement.to_string()),
        ],
    );
    block(
        "第二十条第（八）项",
        "本年收费金额（单位：万元）",
        &[("行政事业性收费", super::fees(t.fees))],
    );
    Grid {
        id: "表二",
        caption: "二、主动公开政府信息情况".into(),
        width: 4,
        head_rows: 0,
        rows,
        cols: vec![3, 2, 2, 2],
    }
}

pub fn table3(a: &Annual) -> Grid {
    let t = &a.table3;
    let nums = |r: &[u64; 7], total: bool| -> Vec<GridCell> {
        r.iter()
            .enumerate()
            .map(|(i, n)| if total || i == 6 { bold(td(n)) } else { td(n) })
            .collect()
    };
    let mut rows = vec![
        vec![
            th(
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                3,
                3,
            ),
            th("申请人情况", 7, 1),
        ],
        vec![th("自然人", 1, 2), th("法人或其他组织", 5, 1), th("总计", 1, 2)],
        outcome::APPLICANTS[1..].iter().map(|a| th(a, 1, 1)).collect(),
    ];
    let mut line = |label: Vec<GridCell>, r: &[u64; 7], total: bool| {
        let mut v = label;
        v.extend(nums(r, total));
        rows.push(v);
    };
    line(vec![th("一、本年新收政府信息公开申请数量", 3, 1)], &t.new, false);
    line(vec![th("二、上年结转政府信息公开申请数量", 3, 1)], &t.carried_in, false);
    // 三 spans its 21 leaves and （七）总计.
    let leaves = outcome::leaves();
    let mut first = true;
    for (g, (gname, items)) in GROUPS.iter().enumerate() {
        let group_label = format!("（{}）{gname}", NUMERALS[g]);
        if items.is_empty() {
            let i = leaves.iter().position(|o| o.group == g).unwrap_or(0);
            let mut label = Vec::new();
            if first {
                label.push(th("三、本年度办理结果", 1, 22));
                first = false;
            }
            label.push(th(&group_label, 2, 1));
            line(label, &t.results[i], false);
        } else {
            for (k, item) in items.iter().enumerate() {
                let i = leaves.iter().position(|o| o.group == g && o.item == k + 1).unwrap_or(0);
                let mut label = Vec::new();
                if k == 0 {
                    label.push(th(&group_label, 1, items.len()));
                }
                label.push(th(&format!("{}．{item}", k + 1), 1, 1));
                line(label, &t.results[i], false);
            }
        }
    }
    line(vec![bold(th("（七）总计", 2, 1))], &t.results_total, true);
    line(vec![th("四、结转下年度继续办理", 3, 1)], &t.carried_out, false);
    // Group subtotals are not rows of the official table (they are placeholders only).
    Grid {
        id: "表三",
        caption: "三、收到和处理政府信息公开申请情况".into(),
        width: 10,
        head_rows: 3,
        rows,
        cols: vec![3, 3, 11, 2, 2, 2, 2, 2, 2, 2],
    }
}

pub fn table4(a: &Annual) -> Grid {
    let mut rows = vec![
        vec![th("行政复议", 5, 1), th("行政诉讼", 10, 1)],
        {
            let mut r: Vec<GridCell> = T4_COLS.iter().map(|c| th(c, 1, 2)).collect();
            r.push(th(T4_GROUPS[1], 5, 1));
            r.push(th(T4_GROUPS[2], 5, 1));
            r
        },
        T4_COLS.iter().chain(T4_COLS.iter()).map(|c| th(c, 1, 1)).collect(),
    ];
    rows.push(
        a.table4
            .groups
            .iter()
            .flat_map(|g| {
                g.iter()
                    .enumerate()
                    .map(|(i, n)| if i == 4 { bold(td(n)) } else { td(n) })
            })
            .collect(),
    );
    Grid {
        id: "表四",
        caption: "四、政府信息公开行政复议、行政诉讼情况".into(),
        width: 15,
        head_rows: 3,
        rows,
        cols: vec![1; 15],
    }
}

pub fn all(a: &Annual) -> [Grid; 3] {
    [table2(a), table3(a), table4(a)]
}

/// Each cell with its top-left (row, column) in the grid, spans resolved.
pub fn placed(g: &Grid) -> Vec<(usize, usize, &GridCell)> {
    let mut taken = vec![vec![false; g.width]; g.rows.len()];
    let mut out = Vec::new();
    for (r, row) in g.rows.iter().enumerate() {
        let mut c = 0;
        for cell in row {
            while c < g.width && taken[r][c] {
                c += 1;
            }
            let cols = c..(c + cell.colspan).min(g.width);
            for row in taken.iter_mut().skip(r).take(cell.rowspan) {
                row[cols.clone()].iter_mut().for_each(|t| *t = true);
            }
            out.push((r, c, cell));
            c += cell.colspan;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Annual {
        Annual {
            year: 2025,
            unit: "示例县人民政府".into(),
            title: String::new(),
            from: jiff::civil::date(2025, 1, 1),
            end: jiff::civil::date(2025, 12, 31),
            complete_year: true,
            table2: Default::default(),
            table3: super::super::table3::Table3 {
                results: vec![[0; 7]; 21],
                ..Default::default()
            },
            table4: Default::default(),
            late: vec![],
            sections: Default::default(),
            private: vec![],
            url: String::new(),
            of: crate::annual::Unit { township: None },
        }
    }

    #[test]
    fn every_row_fills_the_width() {
        let a = sample();
        for g in all(&a) {
            let mut filled = vec![0usize; g.rows.len()];
            for (r, _, cell) in placed(&g) {
                for f in filled.iter_mut().skip(r).take(cell.rowspan) {
                    *f += cell.colspan;
                }
            }
            assert!(filled.iter().all(|&n| n == g.width), "{}: {filled:?}", g.id);
        }
    }
}
