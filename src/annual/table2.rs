//! Table 2, 主动公开政府信息情况. The 规章 and 行政规范性文件 rows are counted from the policy
//! library with each document's status derived on the period's last day (not on `--date`: a
//! report on 2025 counts what was in force on 31 December 2025); the other rows come from
//! `data.toml`, since only the licensing, penalty and fee systems know them.

use super::data::Data;
use crate::policy::{Category, Library, Status, status};
use jiff::civil::Date;
use serde::Serialize;

/// (本年制发, 本年废止, 现行有效) of one category.
#[derive(Clone, Copy, Debug, Default, Serialize, PartialEq, Eq)]
pub struct PolicyCounts {
    pub issued: u64,
    pub repealed: u64,
    pub in_force: u64,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Table2 {
    pub rules: PolicyCounts,
    pub normative: PolicyCounts,
    pub licensing: u64,
    pub penalties: u64,
    pub enforcement: u64,
    /// 万元
    pub fees: f64,
}

/// The counts of `category` for the unit (`None`: the county government) over `from..=end`.
pub fn policy_counts(
    lib: &Library,
    township: Option<usize>,
    category: Category,
    from: Date,
    end: Date,
) -> PolicyCounts {
    let mut c = PolicyCounts::default();
    for (i, d) in lib.documents.iter().enumerate() {
        if d.township != township || d.category != category || d.published.value > end {
            continue;
        }
        if d.published.value >= from {
            c.issued += 1;
        }
        let st = status::derive(lib, i, end);
        if st.status == Status::Repealed && st.since.is_some_and(|s| s >= from && s <= end) {
            c.repealed += 1;
        }
        if st.status.is_valid() {
            c.in_force += 1;
        }
    }
    c
}

pub fn compute(lib: &Library, township: Option<usize>, from: Date, end: Date, data: &Data) -> Table2 {
    Table2 {
        rules: policy_counts(lib, township, Category::Rule, from, end),
        normative: policy_counts(lib, township, Category::Normative, from, end),
        licensing: data.licensing,
        penalties: data.penalties,
        enforcement: data.enforcement,
        fees: data.fees,
    }
}

/// A typed figure's computed value: `规章.本年制发` → 3.
pub fn lookup(t: &Table2, key: &str) -> Option<u64> {
    let (cat, col) = key.split_once('.')?;
    let c = match cat {
        "规章" => t.rules,
        "行政规范性文件" => t.normative,
        _ => return None,
    };
    Some(match col {
        "本年制发" => c.issued,
        "本年废止" => c.repealed,
        "现行有效" => c.in_force,
        _ => return None,
    })
}
