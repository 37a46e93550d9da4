//! Was each reply in time? 条例 Art. 33: 20 working days from receipt, 20 more with an
//! approved extension; a 补正 restarts the clock from the day the completed application
//! arrives. Days are counted on the official calendar (调休 included) from the day after
//! (民法典 Art. 201), so a reply that runs across 春节 or 国庆 is judged as the law counts it.

use super::register::{Application, Register};
use super::{err, warn};
use crate::calendar::{Calendar, TimeLimit};
use crate::diag::{Code, Diagnostic, Pos};
use crate::import::sheet::column_letter;
use crate::tr;
use jiff::civil::Date;
use serde::Serialize;

/// A reply past its deadline, or an application still open past it on the report's last day.
/// Only dates and the register's row leave the register: never who applied.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Late {
    pub row: usize,
    #[serde(serialize_with = "crate::report::date")]
    pub received: Date,
    /// The day the clock started from: receipt, or the completed application after a 补正.
    #[serde(serialize_with = "crate::report::date")]
    pub start: Date,
    pub working_days: u32,
    #[serde(serialize_with = "crate::report::date")]
    pub deadline: Date,
    #[serde(serialize_with = "crate::report::opt_date")]
    pub replied: Option<Date>,
    /// Working days past the deadline (on the report's last day for an open application).
    pub days_late: i64,
}

/// The limit an application runs under.
pub fn limit(a: &Application) -> TimeLimit {
    TimeLimit {
        days: if a.extended { 40 } else { 20 },
        working: true,
    }
}

/// The late replies and overdue open applications of `reg` as of `end`.
pub fn check(cal: &Calendar, reg: &Register, end: Date, diags: &mut Vec<Diagnostic>) -> Vec<Late> {
    let mut out = Vec::new();
    for a in &reg.apps {
        let start = a.completed.unwrap_or(a.received);
        let lim = limit(a);
        let judged = a.replied.unwrap_or(end);
        let computed = cal
            .deadline(start, lim)
            .and_then(|d| cal.days_late(start, judged, lim).map(|l| (d, l)));
        let (deadline, days_late) = match computed {
            Ok(v) => v,
            Err(missing) => {
                let (row, why) = (a.row, missing.message_zh());
                diags.push(err(
                    Code::AnnualDate,
                    &reg.file,
                    Pos::new(a.row, reg.cols.received + 1),
                    tr!(
                        "第 {row} 行：{why}，无法判断是否按时答复",
                        "row {row}: {missing}; cannot tell whether the reply was in time"
                    ),
                ));
                continue;
            }
        };
        // An open application is only late once its deadline has passed.
        if days_late > 0 && (a.replied.is_some() || deadline < end) {
            out.push(Late {
                row: a.row,
                received: a.received,
                start,
                working_days: lim.days,
                deadline,
                replied: a.replied,
                days_late,
            });
        }
    }
    for l in &out {
        let col = if l.replied.is_some() {
            reg.cols.replied
        } else {
            reg.cols.received
        };
        let letter = column_letter(col);
        let (dl, n, days) = (crate::dates::format_date(l.deadline), l.days_late, l.working_days);
        let (mz, me) = match l.replied {
            Some(r) => {
                let r = crate::dates::format_date(r);
                (
                    format!(
                        "第 {} 行 {letter} 列：{r} 答复，超过 {days} 个工作日的期限 {dl}，逾期 {n} 个工作日",
                        l.row
                    ),
                    format!(
                        "row {}, column {letter}: replied {r}, past the {days}-working-day deadline {dl} by {n} working day(s)",
                        l.row
                    ),
                )
            }
            None => (
                format!("第 {} 行 {letter} 列：尚未答复，期限 {dl} 已过 {n} 个工作日", l.row),
                format!(
                    "row {}, column {letter}: not answered, {n} working day(s) past the deadline {dl}",
                    l.row
                ),
            ),
        };
        diags.push(warn(
            Code::AnnualLate,
            &reg.file,
            Pos::new(l.row, col + 1),
            crate::diag::Text::new(mz, me),
        ));
    }
    out
}
