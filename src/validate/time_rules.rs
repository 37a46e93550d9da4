//! Rule family 5 (SPEC 5.5): the 公开时限. Counted from 形成日期 in working days on the
//! official calendar (or calendar days where the item says so), the first day not counted.

use super::Ctx;
use crate::config::LateSeverity;
use crate::dates::format_date;
use crate::diag::{Code, Diagnostic};
use crate::resolve::Notice;
use crate::tr;

pub fn check(cx: &mut Ctx, n: &Notice) {
    let today = cx.site.today;
    if n.published > today {
        let (p, t) = (format_date(n.published), format_date(today));
        cx.push(Diagnostic::error(
            Code::FutureDate,
            &n.rel,
            n.published_pos,
            tr!("发布日期 {p} 晚于今天（{t}）", "published {p} is after today ({t})"),
            tr!(
                "发布日期写实际发布的日子；尚未发布的公告请先不要放进 content/。",
                "Use the real publish date; keep unpublished notices out of content/."
            ),
        ));
    }
    if n.published < n.formed {
        let (p, f) = (format_date(n.published), format_date(n.formed));
        cx.push(Diagnostic::error(
            Code::PublishedBeforeFormed,
            &n.rel,
            n.published_pos,
            tr!(
                "发布日期 {p} 早于形成日期 {f}",
                "published {p} before it was formed {f}"
            ),
            Code::PublishedBeforeFormed.fix(),
        ));
        return;
    }
    let days_late = match days_late(cx, n) {
        Ok(d) => d,
        Err(year) => {
            cx.missing_year(n, n.published_pos, year);
            return;
        }
    };
    if days_late > 0 {
        let item = cx.site.catalogs.item(n.item);
        let limit = item.effective_limit().describe();
        let unit = if item.effective_limit().working {
            "个工作日"
        } else {
            "日"
        };
        let (f, p) = (format_date(n.formed), format_date(n.published));
        let message = tr!(
            "超过公开时限 {days_late}{unit}：形成于 {f}，发布于 {p}，时限为“{limit}”",
            "published {days_late} day(s) late: formed {f}, published {p}, limit `{limit}`"
        );
        let hint = tr!(
            "如形成日期填错请更正；确属逾期的，报告中会列为逾期公开。",
            "Correct the formed date if wrong; a real delay is listed in the report."
        );
        let d = match cx.site.config.rules.late {
            LateSeverity::Warning => Diagnostic::warning(Code::Late, &n.rel, n.published_pos, message, hint),
            LateSeverity::Error => Diagnostic::error(Code::Late, &n.rel, n.published_pos, message, hint),
        };
        cx.push(d);
    }
}

/// Days past the item's limit (0 when on time), or the year the calendar lacks.
pub fn days_late(cx: &Ctx, n: &Notice) -> Result<i64, i16> {
    notice_days_late(cx.site, n)
}

/// Shared with the report: how late a notice was published.
pub fn notice_days_late(site: &crate::site::Site, n: &Notice) -> Result<i64, i16> {
    let limit = site.catalogs.item(n.item).effective_limit();
    let Some(days) = limit.days else { return Ok(0) };
    let used = if limit.working {
        site.calendar
            .working_days_after(n.formed, n.published)
            .map_err(|m| m.0)?
    } else {
        (n.published - n.formed).get_days() as i64
    };
    Ok((used - i64::from(days)).max(0))
}
