//! Rule family 5 (SPEC 5.5): the 公开时限. Counted from 形成日期 in working days on the
//! official calendar (or calendar days where the item says so), the first day not counted.

use super::Ctx;
use crate::calendar::TimeLimit;
use crate::config::RuleSeverity;
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
            tr!("“发布日期”{p} 晚于今天（{t}）", "`发布日期` {p} is after today ({t})"),
            tr!(
                "发布日期写实际发布的日子（不晚于 {t}）；尚未发布的公告请先不要放进 content/。",
                "Use the real publish date (not after {t}); keep unpublished notices out of content/."
            ),
        ));
        // How late a date that is wrong anyway would be says nothing.
        return;
    }
    if n.published < n.formed {
        let (p, f) = (format_date(n.published), format_date(n.formed));
        cx.push(Diagnostic::error(
            Code::PublishedBeforeFormed,
            &n.rel,
            n.published_pos,
            tr!(
                "“发布日期”{p} 早于“形成日期”{f}",
                "`发布日期` {p} is before `形成日期` {f}"
            ),
            tr!(
                "检查两个日期是否写反：形成日期是信息形成或变更的日子，发布日期不能早于它。",
                "Check whether the two dates are swapped: 形成日期 is when the information was formed."
            ),
        ));
        return;
    }
    let item = cx.site.catalogs.item(n.item);
    let limit = item.effective_limit();
    let Some(days) = limit.days else { return };
    let tl = TimeLimit {
        days,
        working: limit.working,
    };
    let (late, deadline) = match cx
        .site
        .calendar
        .days_late(n.formed, n.published, tl)
        .and_then(|late| Ok((late, cx.site.calendar.deadline(n.formed, tl)?)))
    {
        Ok(x) => x,
        Err(missing) => {
            let (f, p) = (format_date(n.formed), format_date(n.published));
            let what = tr!(
                "无法核对公开时限（形成日期 {f}，发布日期 {p}）",
                "the time limit (formed {f}, published {p}) cannot be checked"
            );
            cx.missing_year(n, n.published_pos, missing.0, what);
            return;
        }
    };
    if late == 0 {
        return;
    }
    let text = limit.describe();
    let (unit, unit_en) = if limit.working {
        ("个工作日", "working day(s)")
    } else {
        ("日", "day(s)")
    };
    let (f, p, d) = (format_date(n.formed), format_date(n.published), format_date(deadline));
    let message = tr!(
        "逾期 {late}{unit} 发布：“形成日期”{f}，“发布日期”{p}，按“{text}”应在 {d} 前发布",
        "published {late} {unit_en} late: formed {f}, published {p}; under `{text}` the deadline was {d}"
    );
    let hint = tr!(
        "如形成日期填错，请改为信息实际形成或变更的日子；确属逾期的，今后在 {d} 这样的期限内发布。gongkai report 生成的测评自查报告会把它列在“逾期公开”表中。",
        "If the formed date is wrong, correct it. A real delay is listed on the 逾期公开 sheet of the report `gongkai report` makes."
    );
    let d = match cx.site.config.rules.late {
        RuleSeverity::Warning => Diagnostic::warning(Code::Late, &n.rel, n.published_pos, message, hint),
        RuleSeverity::Error => Diagnostic::error(Code::Late, &n.rel, n.published_pos, message, hint),
    };
    cx.push(d);
}

/// Shared with the report: how late a notice was published, in the unit of its item's limit
/// (0 when on time), or the year the calendar lacks.
pub fn notice_days_late(site: &crate::site::Site, n: &Notice) -> Result<i64, i16> {
    let limit = site.catalogs.item(n.item).effective_limit();
    let Some(days) = limit.days else { return Ok(0) };
    let tl = TimeLimit {
        days,
        working: limit.working,
    };
    site.calendar.days_late(n.formed, n.published, tl).map_err(|m| m.0)
}
