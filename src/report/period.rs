//! Checking what the report is asked for before computing anything: the period (`--year`,
//! or `--from` and `--to`), the township (`--township`), and that the period holds notices.
//! Each problem is a diagnostic with its own code (GK101–GK105) naming the flag, the value
//! and the fix, so that a wrong request never yields a file that looks like a result.

use super::Options;
use crate::config::Config;
use crate::diag::{Code, Diagnostic, Pos};
use crate::site::Site;
use crate::tr;
use jiff::civil::Date;

/// A refused request: the one diagnostic saying what is wrong (boxed: it is large).
pub type Refused = Box<Diagnostic>;

/// The flags as typed.
#[derive(Clone, Debug, Default)]
pub struct Request<'a> {
    pub year: Option<i32>,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub township: Option<&'a str>,
}

/// Turn the flags into [`Options`], or the one diagnostic that says what is wrong.
pub fn resolve(site: &Site, req: &Request) -> Result<Options, Refused> {
    let (from, to) = range(site, req)?;
    covered_by_calendar(site, from, to)?;
    let township = match req.township {
        Some(q) => Some(find_township(&site.config, q)?),
        None => None,
    };
    let opt = Options { from, to, township };
    has_notices(site, &opt)?;
    Ok(opt)
}

fn bad_period(message: crate::diag::Text) -> Refused {
    Box::new(Diagnostic::error(
        Code::ReportBadPeriod,
        "（命令行）",
        Pos::default(),
        message,
        Code::ReportBadPeriod.fix(),
    ))
}

fn range(site: &Site, req: &Request) -> Result<(Date, Date), Refused> {
    let parse = |flag: &str, s: &str| {
        crate::dates::parse_date(s)
            .map_err(|_| bad_period(tr!("{flag} 的值“{s}”不是有效日期", "{flag} `{s}` is not a valid date")))
    };
    match (req.year, req.from, req.to) {
        (Some(y), None, None) => {
            let start = i16::try_from(y).ok().and_then(|y| Date::new(y, 1, 1).ok());
            let end = i16::try_from(y).ok().and_then(|y| Date::new(y, 12, 31).ok());
            match (start, end) {
                (Some(a), Some(b)) => Ok((a, b)),
                _ => Err(bad_period(tr!(
                    "--year 的值 {y} 不是有效年份",
                    "--year {y} is not a valid year"
                ))),
            }
        }
        (None, Some(f), Some(t)) => {
            let (a, b) = (parse("--from", f)?, parse("--to", t)?);
            if a > b {
                return Err(bad_period(tr!(
                    "--from {f} 晚于 --to {t}",
                    "--from {f} is after --to {t}"
                )));
            }
            Ok((a, b))
        }
        (None, None, None) => {
            let y = site.today.year();
            Ok((
                Date::new(y, 1, 1).unwrap_or(site.today),
                Date::new(y, 12, 31).unwrap_or(site.today),
            ))
        }
        (Some(_), _, _) => Err(bad_period(tr!(
            "--year 与 --from/--to 只能写一种",
            "give either --year or --from/--to, not both"
        ))),
        _ => Err(bad_period(tr!(
            "--from 和 --to 要一起写",
            "--from and --to go together"
        ))),
    }
}

/// Days late are counted on the official calendar; a period in a year it lacks cannot be
/// reported on (gov-norms 4.3: refuse rather than guess).
fn covered_by_calendar(site: &Site, from: Date, to: Date) -> Result<(), Refused> {
    let known: Vec<i16> = site.calendar.years().collect();
    let missing: Vec<i16> = (from.year()..=to.year()).filter(|y| !known.contains(y)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    let years = missing.iter().map(|y| y.to_string()).collect::<Vec<_>>().join("、");
    let have = known.iter().map(|y| y.to_string()).collect::<Vec<_>>().join("、");
    Err(Box::new(Diagnostic::error(
        Code::ReportNoCalendar,
        "calendar.toml",
        Pos::default(),
        tr!(
            "报告期间含 {years} 年，工作日历中没有这一年（已有 {have} 年），无法计算逾期工作日",
            "the period includes {years}, which the working-day calendar lacks (it has {have}): days late cannot be counted"
        ),
        tr!(
            "选择已有的年份（{have}），或在站点的 calendar.toml 中加入 [{years}] 的放假和调休安排（国务院办公厅通知）。",
            "Pick a year the calendar has ({have}), or add [{years}] to the site's calendar.toml from the State Council notice."
        ),
    )))
}

/// The township `q` names (name, slug or 9-digit code).
pub fn find_township(config: &Config, q: &str) -> Result<usize, Refused> {
    let q = q.trim();
    if let Some(i) = config
        .townships
        .iter()
        .position(|t| t.name == q || t.slug == q || t.code == q)
    {
        return Ok(i);
    }
    let names: Vec<&str> = config.townships.iter().map(|t| t.name.as_str()).collect();
    let all = names.join("、");
    let hint = match crate::util::suggest::closest(q, names.iter().copied()) {
        Some(h) => tr!(
            "是不是“{h}”？可用的乡镇：{all}。",
            "Did you mean `{h}`? Townships: {all}."
        ),
        None => tr!(
            "可用的乡镇：{all}（也可写 slug 或 9 位代码）。",
            "Townships: {all} (or their slug or 9-digit code)."
        ),
    };
    Err(Box::new(Diagnostic::error(
        Code::ReportUnknownTownship,
        crate::config::FILE,
        Pos::default(),
        tr!(
            "--township 的值“{q}”不是 book.toml 中的乡镇",
            "--township `{q}` is not a township of book.toml"
        ),
        hint,
    )))
}

fn has_notices(site: &Site, opt: &Options) -> Result<(), Refused> {
    let any = site
        .notices
        .iter()
        .any(|n| opt.township.is_none_or(|t| n.township == t) && n.published >= opt.from && n.published <= opt.to);
    if any {
        return Ok(());
    }
    let (f, t) = (crate::dates::format_date(opt.from), crate::dates::format_date(opt.to));
    let who = opt
        .township
        .map(|t| site.config.townships[t].name.clone())
        .unwrap_or_else(|| site.config.site.county.clone());
    let span = site
        .notices
        .iter()
        .filter(|n| opt.township.is_none_or(|t| n.township == t))
        .map(|n| n.published)
        .fold(None::<(Date, Date)>, |acc, d| match acc {
            None => Some((d, d)),
            Some((a, b)) => Some((a.min(d), b.max(d))),
        });
    let hint = match span {
        Some((a, b)) => {
            let (a, b) = (crate::dates::format_date(a), crate::dates::format_date(b));
            tr!(
                "{who}的公告发布于 {a} 至 {b}；请选择这段时间内的 --year 或 --from/--to。",
                "{who}'s notices were published from {a} to {b}; choose --year or --from/--to within that."
            )
        }
        None => tr!(
            "{who}还没有任何公告：先在 content/ 下写公告（gongkai new）。",
            "{who} has no notice yet: write some under content/ (gongkai new)."
        ),
    };
    Err(Box::new(Diagnostic::error(
        Code::ReportNoNotices,
        "content/",
        Pos::default(),
        tr!(
            "{f} 至 {t} 期间{who}没有发布任何公告，报告没有可统计的内容，未生成文件",
            "{who} published no notice from {f} to {t}: there is nothing to report, no file was written"
        ),
        hint,
    )))
}

/// GK102 warnings for the townships of a report that have nothing to show: no notice in the
/// period (every item is blank), or no catalog item at their levels. The report is still
/// written (the other townships' figures are real), and says so in the summary.
pub fn empty_townships(site: &Site, r: &super::Report) -> Vec<Diagnostic> {
    let (f, t) = (
        crate::dates::format_date(r.period.from),
        crate::dates::format_date(r.period.to),
    );
    let mut out = Vec::new();
    for tr in &r.townships {
        let name = &tr.name;
        let message = if tr.coverage.items == 0 && tr.coverage.villages.iter().all(|v| v.items == 0) {
            tr!(
                "目录中没有{name}要公开的事项（没有 乡级 或 村级 事项），覆盖率无法计算",
                "the catalogs give {name} no item to publish (no 乡级 or 村级 item): coverage cannot be computed"
            )
        } else if tr.notices == 0 {
            tr!(
                "{name}在 {f} 至 {t} 期间没有发布任何公告，报告中它的全部事项都是空白栏目",
                "{name} published no notice from {f} to {t}: every item of it is blank in the report"
            )
        } else {
            continue;
        };
        let slug = &site.config.townships[tr.index].slug;
        out.push(Diagnostic::warning(
            Code::ReportEmptyTownship,
            format!("content/{slug}/"),
            Pos::default(),
            message,
            Code::ReportEmptyTownship.fix(),
        ));
    }
    out
}
