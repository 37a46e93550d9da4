//! Rule family 4 (SPEC 5.4): what the catalog item demands of a notice — level, required
//! elements, and a 公示期 of at least the demanded length.

use super::Ctx;
use crate::catalog::Level;
use crate::diag::{Code, Diagnostic};
use crate::resolve::Notice;
use crate::tr;
use crate::util::text::heading_key;

pub fn check(cx: &mut Ctx, n: &Notice) {
    level(cx, n);
    elements(cx, n);
    period(cx, n);
}

fn level(cx: &mut Ctx, n: &Notice) {
    let item = cx.site.catalogs.item(n.item);
    let level = n.level();
    if item.allows(level) {
        return;
    }
    let allowed: Vec<&str> = item.parsed_levels().iter().map(|l| l.zh()).collect();
    let allowed = allowed.join("、");
    let (lv, id) = (level.zh(), &item.id);
    let hint = if level == Level::Village {
        tr!(
            "该事项只在{allowed}公开：删除“村”一项，以乡镇名义发布。",
            "This item is published at {allowed} only: remove `村`."
        )
    } else {
        tr!(
            "该事项只在{allowed}公开，请确认事项是否选对。",
            "This item is published at {allowed} only; check the item."
        )
    };
    cx.push(Diagnostic::error(
        Code::LevelNotAllowed,
        &n.rel,
        n.published_pos,
        tr!(
            "事项 {id} 不在{lv}公开（目录规定：{allowed}）",
            "item {id} is not published at {lv} (catalog: {allowed})"
        ),
        hint,
    ));
}

fn elements(cx: &mut Ctx, n: &Notice) {
    let item = cx.site.catalogs.item(n.item);
    let facts = &cx.site.sources[n.source].facts;
    let have: Vec<String> = facts
        .headings
        .iter()
        .map(|h| heading_key(&h.text))
        .chain(n.fm_elements.iter().map(|(k, _)| heading_key(k)))
        .collect();
    let has_data = n.data.is_some();
    for e in item.elements.iter().filter(|e| e.required) {
        let key = heading_key(&e.name);
        // A name list given as a data file stands for its element.
        if have.contains(&key) || (e.people && has_data) {
            continue;
        }
        let (name, id) = (&e.name, &item.id);
        let last_line = facts
            .headings
            .last()
            .map(|h| h.pos.line)
            .unwrap_or(cx.site.sources[n.source].body_first_line);
        cx.push(Diagnostic::error(
            Code::MissingElement,
            &n.rel,
            crate::diag::Pos::new(last_line, 1),
            tr!(
                "缺少事项 {id} 要求的公开要素“{name}”",
                "the element `{name}` required by item {id} is missing"
            ),
            tr!(
                "加一个二级标题：## {name}，在下面写明内容。",
                "Add a heading `## {name}` with its content."
            ),
        ));
    }
}

fn period(cx: &mut Ctx, n: &Notice) {
    let item = cx.site.catalogs.item(n.item);
    let Some(required) = &item.notice_period else { return };
    let Some(p) = n.period else {
        let text = required.describe();
        cx.push(Diagnostic::error(
            Code::MissingPeriod,
            &n.rel,
            n.published_pos,
            tr!(
                "事项 {} 要求公示（{text}），但没有写公示期",
                "item {} requires a notice period ({text}) but none is given",
                item.id
            ),
            tr!(
                "在信息头加一行：公示期: {} 至 结束日期",
                "Add: 公示期: {} 至 END",
                crate::dates::format_date(n.published)
            ),
        ));
        return;
    };
    let Some(days) = required.days else { return };
    let counted = if required.working {
        match cx.site.calendar.working_days_after(p.start, p.end) {
            Ok(d) => d,
            Err(missing) => {
                cx.missing_year(n, n.period_pos, missing.0);
                return;
            }
        }
    } else {
        (p.end - p.start).get_days() as i64
    };
    if counted < i64::from(days) {
        let unit = if required.working { "个工作日" } else { "日" };
        let unit_en = if required.working { "working days" } else { "days" };
        let need_end = if required.working {
            cx.site.calendar.add_working_days(p.start, days).ok()
        } else {
            p.start.checked_add(jiff::Span::new().days(i64::from(days))).ok()
        };
        let hint = match need_end {
            Some(end) => tr!(
                "结束日期至少应为 {}（首日不计入）。",
                "The end must be at least {} (the first day is not counted).",
                crate::dates::format_date(end)
            ),
            None => Code::ShortPeriod.fix(),
        };
        cx.push(Diagnostic::error(
            Code::ShortPeriod,
            &n.rel,
            n.period_pos,
            tr!(
                "公示期只有 {counted}{unit}，事项 {} 要求至少 {days}{unit}",
                "the notice period is {counted} {unit_en}; item {} requires {days}",
                item.id
            ),
            hint,
        ));
    }
}
