//! Table 3, 收到和处理政府信息公开申请情况, counted from the register: each application falls in
//! exactly one of 一/二 (received this year / carried over) and one of 三/四 (answered this
//! year / carried on), so the table's own identity 一 + 二 = 三（七） + 四 holds by counting,
//! and is still checked on the finished table: a carried-over figure typed by hand (for a
//! register that starts this year) can break it, and that is reported, not printed.

use super::outcome::{self, TOTAL};
use super::register::Register;
use jiff::civil::Date;
use serde::Serialize;

/// Six applicant columns and the 总计 column.
pub type Row = [u64; 7];

#[derive(Clone, Debug, Serialize, PartialEq, Eq, Default)]
pub struct Table3 {
    /// 一、本年新收
    pub new: Row,
    /// 二、上年结转
    pub carried_in: Row,
    /// 三、本年度办理结果: one row per leaf, in the table's order (21).
    pub results: Vec<Row>,
    /// 三（七）总计
    pub results_total: Row,
    /// 四、结转下年度继续办理
    pub carried_out: Row,
}

fn add(row: &mut Row, col: usize) {
    row[col] += 1;
    row[TOTAL] += 1;
}

/// Count the applications of `reg` for the period `from..=end` (end: 31 December, or the
/// report's date for a year not yet over).
pub fn count(reg: &Register, from: Date, end: Date) -> Table3 {
    let leaves = outcome::leaves();
    let mut t = Table3 {
        results: vec![[0; 7]; leaves.len()],
        ..Default::default()
    };
    for a in &reg.apps {
        if a.received > end {
            continue;
        }
        let answered_before = a.replied.is_some_and(|r| r < from);
        if answered_before {
            continue;
        }
        let col = a.applicant;
        if a.received >= from {
            add(&mut t.new, col);
        } else {
            add(&mut t.carried_in, col);
        }
        match (a.replied, a.outcome) {
            (Some(r), Some(o)) if r <= end => {
                add(&mut t.results[o.index()], col);
                add(&mut t.results_total, col);
            }
            _ => add(&mut t.carried_out, col),
        }
    }
    t
}

/// The sum of the leaves of group `g` (（一）…（六）).
pub fn group_total(t: &Table3, g: usize) -> Row {
    let mut r = [0; 7];
    for (i, o) in outcome::leaves().iter().enumerate() {
        if o.group == g {
            for (sum, n) in r.iter_mut().zip(t.results[i]) {
                *sum += n;
            }
        }
    }
    r
}

/// One cell where a rule of the table does not hold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Broken {
    /// Column index (0–5 applicants, 6 总计).
    pub column: usize,
    pub rule: &'static str,
    pub left: u64,
    pub right: u64,
}

/// Every identity of the table: 一 + 二 = 三（七） + 四 per column, （七） = the sum of the
/// leaves, and 总计 = the six applicant columns, in every row.
pub fn identities(t: &Table3) -> Vec<Broken> {
    let mut out = Vec::new();
    for c in 0..7 {
        let left = t.new[c] + t.carried_in[c];
        let right = t.results_total[c] + t.carried_out[c];
        if left != right {
            out.push(Broken {
                column: c,
                rule: "一+二=三（七）+四",
                left,
                right,
            });
        }
        let leaves: u64 = t.results.iter().map(|r| r[c]).sum();
        if leaves != t.results_total[c] {
            out.push(Broken {
                column: c,
                rule: "三（七）=三（一）…（六）之和",
                left: t.results_total[c],
                right: leaves,
            });
        }
    }
    let rows = [&t.new, &t.carried_in, &t.results_total, &t.carried_out];
    for r in rows.into_iter().chain(t.results.iter()) {
        let sum: u64 = r[..TOTAL].iter().sum();
        if sum != r[TOTAL] {
            out.push(Broken {
                column: TOTAL,
                rule: "总计=各类申请人之和",
                left: r[TOTAL],
                right: sum,
            });
        }
    }
    out
}
