//! The 整改清单 (rectification list): every finding of the other sections as one row, with
//! township, item, what is wrong, the file to fix and since when: the list the county hands
//! out after an inspection.
//!
//! What is a finding: a late notice, a stale section, a veto-level count of empty sections,
//! a periodic item overdue (a complete period without a notice: this is what a blank
//! periodic item is, with the periods named) or due (only the current period lacks it), a
//! list still up after its grace period, a 征求意见 closed without its 意见反馈. What is not: a blank event item (nothing may have
//! happened), a notice in its 公示期, a list the site withdrew, an exemption with its
//! reason, the counts.

use super::{Cx, TownshipReport};
use jiff::civil::Date;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    pub township: String,
    pub village: String,
    pub domain: String,
    /// `领域/一级事项/二级事项`, or the section's domain.
    pub item: String,
    /// `late`, `stale`, `empty_sections`, `overdue`, `due`, `still_up`, `no_feedback`.
    pub kind: &'static str,
    /// What is wrong, in Chinese (the report is for the county's clerks).
    pub problem: String,
    /// The file to fix, relative to the site; empty when a notice is missing.
    pub file: String,
    pub fix: String,
    #[serde(serialize_with = "super::date")]
    pub since: Date,
}

pub fn collect(cx: &Cx, townships: &[TownshipReport], awaiting: &[super::feedback::Awaiting]) -> Vec<Finding> {
    let mut all = Vec::new();
    for t in townships {
        let mut rows = Vec::new();
        let new_notice = |path: &str| format!("用 gongkai new {path} --township {} 新建公告并发布", t.name);
        let row =
            |village: &str, domain: &str, item: &str, kind, problem: String, file: &str, fix: String, since| Finding {
                township: t.name.clone(),
                village: village.to_string(),
                domain: domain.to_string(),
                item: item.to_string(),
                kind,
                problem,
                file: file.to_string(),
                fix,
                since,
            };
        for l in &t.late {
            let unit = if l.unit == "working" { "个工作日" } else { "日" };
            rows.push(row(
                &l.village,
                &l.domain,
                &l.path,
                "late",
                format!(
                    "逾期公开：应在 {} 前发布，实际 {} 发布，逾期 {}{unit}",
                    crate::dates::format_date(l.deadline),
                    crate::dates::format_date(l.published),
                    l.days_late
                ),
                &l.file,
                "核对形成日期；确属逾期的，说明原因并在今后按时限发布".into(),
                super::next_day(l.deadline),
            ));
        }
        for s in &t.freshness.stale {
            rows.push(row(
                "",
                &s.domain,
                &s.domain,
                "stale",
                format!(
                    "栏目超过 {} 个月未更新（最近一次 {}）",
                    super::freshness::STALE_MONTHS,
                    crate::dates::format_date(s.last)
                ),
                "",
                "发布该领域近期形成的信息".into(),
                s.since,
            ));
        }
        if t.freshness.empty_sections.len() >= super::freshness::VETO {
            rows.push(row(
                "",
                "",
                "",
                "empty_sections",
                format!(
                    "空栏目 {} 个（{} 个及以上为网站检查单项否决）：{}",
                    t.freshness.empty_sections.len(),
                    super::freshness::VETO,
                    t.freshness.empty_sections.join("、")
                ),
                "",
                "补发这些领域的公开信息，或与县政务公开办确认本乡镇不涉及的栏目".into(),
                cx.opt.from,
            ));
        }
        for p in &t.freshness.periodic {
            let fix = match p.village.as_str() {
                "" => new_notice(&p.path),
                v => format!("{}（村: {v}）", new_notice(&p.path)),
            };
            if let Some(since) = p.since {
                let labels: Vec<&str> = p.missed.iter().map(|s| s.label.as_str()).collect();
                rows.push(row(
                    &p.village,
                    &p.domain,
                    &p.path,
                    "overdue",
                    format!("定期公开逾期：{} 没有公告", labels.join("、")),
                    "",
                    fix,
                    since,
                ));
            } else if let Some(due) = &p.due {
                rows.push(row(
                    &p.village,
                    &p.domain,
                    &p.path,
                    "due",
                    format!(
                        "定期公开到期：{}尚未公开，应在 {} 前发布",
                        due.label,
                        crate::dates::format_date(due.to)
                    ),
                    "",
                    fix,
                    due.from,
                ));
            }
        }
        for s in &t.still_up {
            rows.push(row(
                &s.village,
                &s.domain,
                &s.path,
                "still_up",
                format!(
                    "公示期 {} 已满，宽限期过后名单（{} 个表格）仍在网上",
                    crate::dates::format_date(s.ended),
                    s.lists
                ),
                &s.file,
                "把名单放到该事项名单要素的“## ”标题下，或改为 数据 文件，重新生成网站即会撤下".into(),
                s.withdraw_on,
            ));
        }
        rows.sort_by(|a, b| a.since.cmp(&b.since).then_with(|| a.kind.cmp(b.kind)));
        all.extend(rows);
    }
    all.extend(awaiting.iter().map(|a| Finding {
        township: a.unit.clone(),
        village: String::new(),
        domain: String::new(),
        item: "征求意见".into(),
        kind: "no_feedback",
        problem: format!(
            "征求意见“{}”已于 {} 结束，意见采纳情况最迟应在 {} 公布，已超过 {} 天",
            a.title,
            crate::dates::format_date(a.end),
            crate::dates::format_date(a.due),
            a.days_overdue
        ),
        file: a.file.clone(),
        fix: format!(
            "用 gongkai new 意见反馈 新建反馈，写 征求意见: {}，公布收到的意见和采纳情况",
            a.file.rsplit('/').next().unwrap_or(&a.file)
        ),
        since: super::next_day(a.due),
    }));
    all
}
