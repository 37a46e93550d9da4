//! The report as tables: one [`Sheet`] per section, with Chinese headers and typed cells,
//! built once and written by [`super::csv`] (a file per sheet), [`super::xlsx`] (a worksheet
//! per sheet) and [`super::html`] (a table per sheet), so the three formats always carry the
//! same rows.

use super::Report;
use crate::site::Site;
use jiff::civil::Date;

#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// A share (0.8571), shown as a percentage; empty when there was nothing to count.
    Rate(Option<f64>),
    Date(Option<Date>),
}

impl Cell {
    /// The cell as text: dates `2026-09-25`, rates `85.7%`.
    pub fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Rate(Some(r)) => format!("{:.1}%", r * 100.0),
            Cell::Rate(None) | Cell::Date(None) => String::new(),
            Cell::Date(Some(d)) => crate::dates::format_date(*d),
        }
    }
}

pub struct Sheet {
    /// The worksheet's tab and the section's heading.
    pub name: &'static str,
    /// The CSV file's name (ASCII).
    pub file: &'static str,
    /// (header, column width in characters).
    pub columns: Vec<(String, f64)>,
    pub rows: Vec<Vec<Cell>>,
}

fn t(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn n(i: usize) -> Cell {
    Cell::Int(i64::try_from(i).unwrap_or(i64::MAX))
}

fn cols(list: &[(&str, f64)]) -> Vec<(String, f64)> {
    list.iter().map(|(h, w)| (h.to_string(), *w)).collect()
}

pub fn sheets(site: &Site, r: &Report) -> Vec<Sheet> {
    vec![
        rectification(r),
        coverage(site, r),
        domains(r),
        late(r),
        timeliness(r),
        freshness(r),
        periodic(r),
        notice_periods(r),
        exemptions(r),
        awaiting_feedback(r),
        counts(r),
    ]
}

fn rectification(r: &Report) -> Sheet {
    let rows = r
        .rectification
        .iter()
        .enumerate()
        .map(|(i, f)| {
            vec![
                n(i + 1),
                t(&f.township),
                t(&f.village),
                t(&f.item),
                t(&f.problem),
                t(&f.file),
                t(&f.fix),
                Cell::Date(Some(f.since)),
            ]
        })
        .collect();
    Sheet {
        name: "整改清单",
        file: "rectification.csv",
        columns: cols(&[
            ("序号", 6.0),
            ("乡镇", 10.0),
            ("村（社区）", 10.0),
            ("事项", 36.0),
            ("问题", 44.0),
            ("文件", 40.0),
            ("改正办法", 44.0),
            ("起始日期", 12.0),
        ]),
        rows,
    }
}

fn coverage(site: &Site, r: &Report) -> Sheet {
    let mut rows = Vec::new();
    for tr in &r.townships {
        let town = &site.config.townships[tr.index];
        for row in &tr.coverage.rows {
            let item = site.catalogs.item(row.item);
            let dom = site.catalogs.domain(row.item);
            rows.push(vec![
                t(&town.name),
                t(row.village.map(|v| town.villages[v].name.as_str()).unwrap_or("")),
                t(&dom.name),
                t(&item.id),
                t(format!("{}/{}", dom.name, item.path())),
                t(if item.frequency().is_some() {
                    "定期"
                } else {
                    "事件性"
                }),
                t(item.frequency().map(|f| f.zh()).unwrap_or("")),
                n(row.notices),
                t(if row.notices > 0 { "已公开" } else { "空白栏目" }),
            ]);
        }
    }
    Sheet {
        name: "覆盖情况",
        file: "coverage.csv",
        columns: cols(&[
            ("乡镇", 10.0),
            ("村（社区）", 10.0),
            ("领域", 14.0),
            ("事项编号", 10.0),
            ("事项", 40.0),
            ("类型", 8.0),
            ("周期", 8.0),
            ("期间内公告数", 12.0),
            ("状态", 10.0),
        ]),
        rows,
    }
}

fn domains(r: &Report) -> Sheet {
    let mut rows = Vec::new();
    for tr in &r.townships {
        for d in &tr.coverage.domains {
            rows.push(vec![
                t(&tr.name),
                t(&d.domain),
                n(d.items),
                n(d.covered),
                Cell::Rate(d.rate),
            ]);
        }
    }
    Sheet {
        name: "领域覆盖率",
        file: "coverage-by-domain.csv",
        columns: cols(&[
            ("乡镇", 10.0),
            ("领域", 14.0),
            ("应公开事项", 12.0),
            ("已公开事项", 12.0),
            ("覆盖率", 10.0),
        ]),
        rows,
    }
}

fn late(r: &Report) -> Sheet {
    let mut rows = Vec::new();
    for tr in &r.townships {
        for l in &tr.late {
            rows.push(vec![
                t(&tr.name),
                t(&l.village),
                t(&l.title),
                t(&l.path),
                t(&l.file),
                Cell::Date(Some(l.formed)),
                Cell::Date(Some(l.published)),
                Cell::Date(Some(l.deadline)),
                Cell::Int(l.days_late),
                t(if l.unit == "working" { "工作日" } else { "自然日" }),
            ]);
        }
    }
    Sheet {
        name: "逾期公开",
        file: "late.csv",
        columns: cols(&[
            ("乡镇", 10.0),
            ("村（社区）", 10.0),
            ("标题", 36.0),
            ("事项", 36.0),
            ("文件", 40.0),
            ("形成日期", 12.0),
            ("发布日期", 12.0),
            ("最迟发布日期", 12.0),
            ("逾期天数", 10.0),
            ("单位", 8.0),
        ]),
        rows,
    }
}

fn timeliness(r: &Report) -> Sheet {
    let mut rows = Vec::new();
    let line = |town: &str, dom: &str, x: &super::timeliness::Tally| {
        vec![
            t(town),
            t(dom),
            n(x.notices),
            n(x.on_time),
            n(x.late),
            n(x.unchecked),
            Cell::Rate(x.rate),
        ]
    };
    for tr in &r.townships {
        for d in &tr.timeliness.domains {
            rows.push(line(&tr.name, &d.domain, &d.tally));
        }
        rows.push(line(&tr.name, "合计", &tr.timeliness.total));
    }
    Sheet {
        name: "及时率",
        file: "timeliness.csv",
        columns: cols(&[
            ("乡镇", 10.0),
            ("领域", 14.0),
            ("公告数", 8.0),
            ("按时", 8.0),
            ("逾期", 8.0),
            ("无法核对", 10.0),
            ("按时率", 10.0),
        ]),
        rows,
    }
}

fn freshness(r: &Report) -> Sheet {
    let mut rows = Vec::new();
    for tr in &r.townships {
        for s in &tr.freshness.stale {
            rows.push(vec![
                t(&tr.name),
                t(&s.domain),
                Cell::Date(Some(s.last)),
                t(format!("超过{}个月未更新", super::freshness::STALE_MONTHS)),
                Cell::Date(Some(s.since)),
            ]);
        }
        for d in &tr.freshness.empty_sections {
            rows.push(vec![t(&tr.name), t(d), Cell::Date(None), t("空栏目"), Cell::Date(None)]);
        }
    }
    Sheet {
        name: "栏目更新",
        file: "freshness.csv",
        columns: cols(&[
            ("乡镇", 10.0),
            ("领域（栏目）", 14.0),
            ("最近更新", 12.0),
            ("状态", 16.0),
            ("起始日期", 12.0),
        ]),
        rows,
    }
}

fn periodic(r: &Report) -> Sheet {
    let mut rows = Vec::new();
    for tr in &r.townships {
        for p in &tr.freshness.periodic {
            let every = crate::catalog::Frequency::parse(p.every).map(|f| f.zh()).unwrap_or("");
            let missed: Vec<&str> = p.missed.iter().map(|s| s.label.as_str()).collect();
            rows.push(vec![
                t(&tr.name),
                t(&p.village),
                t(&p.path),
                t(every),
                t(if p.status == "overdue" {
                    "逾期"
                } else {
                    "本期待公开"
                }),
                t(missed.join("、")),
                t(p.due.as_ref().map(|s| s.label.clone()).unwrap_or_default()),
                Cell::Date(p.due.as_ref().map(|s| s.to)),
                Cell::Date(p.last),
            ]);
        }
    }
    Sheet {
        name: "定期公开",
        file: "periodic.csv",
        columns: cols(&[
            ("乡镇", 10.0),
            ("村（社区）", 10.0),
            ("事项", 36.0),
            ("周期", 8.0),
            ("状态", 10.0),
            ("缺少的期", 30.0),
            ("本期", 14.0),
            ("本期截止", 12.0),
            ("最近一次公开", 14.0),
        ]),
        rows,
    }
}

fn notice_periods(r: &Report) -> Sheet {
    let mut rows = Vec::new();
    for tr in &r.townships {
        for p in &tr.in_notice_period {
            rows.push(vec![
                t(&tr.name),
                t(&p.village),
                t(&p.title),
                t(&p.file),
                Cell::Date(Some(p.from)),
                Cell::Date(Some(p.to)),
                t("公示中"),
                Cell::Date(None),
            ]);
        }
        for (list, state) in [(&tr.withdrawn, "名单已撤下"), (&tr.still_up, "名单仍在网上")] {
            for l in list {
                rows.push(vec![
                    t(&tr.name),
                    t(&l.village),
                    t(&l.title),
                    t(&l.file),
                    Cell::Date(None),
                    Cell::Date(Some(l.ended)),
                    t(state),
                    Cell::Date(Some(l.withdraw_on)),
                ]);
            }
        }
    }
    Sheet {
        name: "公示期",
        file: "notice-periods.csv",
        columns: cols(&[
            ("乡镇", 10.0),
            ("村（社区）", 10.0),
            ("标题", 36.0),
            ("文件", 40.0),
            ("公示开始", 12.0),
            ("公示结束", 12.0),
            ("状态", 12.0),
            ("撤下日期", 12.0),
        ]),
        rows,
    }
}

fn exemptions(r: &Report) -> Sheet {
    let rows = r
        .privacy_exemptions
        .iter()
        .map(|e| {
            vec![
                t(&e.township),
                t(&e.village),
                t(&e.title),
                t(&e.file),
                Cell::Date(Some(e.published)),
                t(&e.reason),
            ]
        })
        .collect();
    Sheet {
        name: "隐私豁免",
        file: "exemptions.csv",
        columns: cols(&[
            ("乡镇", 10.0),
            ("村（社区）", 10.0),
            ("标题", 36.0),
            ("文件", 40.0),
            ("发布日期", 12.0),
            ("理由", 44.0),
        ]),
        rows,
    }
}

fn awaiting_feedback(r: &Report) -> Sheet {
    let rows = r
        .awaiting_feedback
        .iter()
        .map(|a| {
            vec![
                t(&a.unit),
                t(&a.title),
                t(&a.file),
                Cell::Date(Some(a.end)),
                Cell::Date(Some(a.due)),
                Cell::Int(a.days_overdue),
            ]
        })
        .collect();
    Sheet {
        name: "征求意见未反馈",
        file: "awaiting-feedback.csv",
        columns: cols(&[
            ("单位", 12.0),
            ("征求意见", 40.0),
            ("文件", 40.0),
            ("截止日期", 12.0),
            ("反馈应在", 12.0),
            ("已超过天数", 10.0),
        ]),
        rows,
    }
}

/// Domains down, townships across, totals last: the 主动公开 figures of the annual report.
fn counts(r: &Report) -> Sheet {
    let mut columns = vec![("领域".to_string(), 14.0)];
    columns.extend(r.townships.iter().map(|t| (t.name.clone(), 10.0)));
    columns.push(("合计".into(), 8.0));
    let mut rows: Vec<Vec<Cell>> = r
        .counts
        .domains
        .iter()
        .map(|d| {
            let mut row = vec![t(&d.domain)];
            row.extend(
                r.townships
                    .iter()
                    .map(|tr| n(tr.counts.get(&d.domain).copied().unwrap_or(0))),
            );
            row.push(n(d.count));
            row
        })
        .collect();
    let mut total = vec![t("合计")];
    total.extend(r.townships.iter().map(|tr| n(tr.counts.values().sum())));
    total.push(n(r.counts.total));
    rows.push(total);
    Sheet {
        name: "主动公开数量",
        file: "counts.csv",
        columns,
        rows,
    }
}
