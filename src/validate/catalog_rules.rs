//! Rule family 4 (SPEC 5.4): what the catalog item demands of a notice — level, required
//! elements, and a 公示期 of at least the demanded length.

use super::Ctx;
use crate::catalog::Level;
use crate::config::RuleSeverity;
use crate::diag::{Code, Diagnostic, Pos};
use crate::load::body::{Lookalike, NearHeading};
use crate::resolve::Notice;
use crate::tr;
use crate::util::text::heading_key;

pub fn check(cx: &mut Ctx, n: &Notice) {
    level(cx, n);
    elements(cx, n);
    period(cx, n);
}

/// `“社会救助/最低生活保障/审核信息”（sa-05）`: how messages name an item.
pub(super) fn item_label(cx: &Ctx, n: &Notice) -> String {
    let item = cx.site.catalogs.item(n.item);
    format!("“{}”（{}）", cx.site.catalogs.index.full_path(n.item), item.id)
}

/// The line of the closing `---`, where a missing key is to be added.
pub(super) fn fence_pos(cx: &Ctx, n: &Notice) -> Pos {
    Pos::new(cx.site.sources[n.source].body_first_line.saturating_sub(1).max(1), 1)
}

fn level(cx: &mut Ctx, n: &Notice) {
    let item = cx.site.catalogs.item(n.item);
    let level = n.level();
    if item.allows(level) {
        return;
    }
    let allowed: Vec<&str> = item.parsed_levels().iter().map(|l| l.zh()).collect();
    let allowed = allowed.join("、");
    let (lv, label) = (level.zh(), item_label(cx, n));
    let hint = match (level, &n.village_from) {
        (Level::Village, Some(index)) => {
            let folder = index.trim_end_matches("_index.md").trim_end_matches('/');
            let parent = folder.rsplit_once('/').map_or(folder, |(p, _)| p);
            tr!(
                "该事项只在{allowed}公开；本公告的“村”来自 {index}：把公告移到 {parent}/ 以乡镇名义发布，或改用村级事项。",
                "This item is published at {allowed} only; the notice's 村 comes from {index}: move it to {parent}/ or choose a village-level item."
            )
        }
        (Level::Village, None) => tr!(
            "该事项只在{allowed}公开：删除“村”一项，以乡镇名义发布，或改用村级事项。",
            "This item is published at {allowed} only: remove `村` or choose a village-level item."
        ),
        _ => tr!(
            "该事项只在{allowed}公开，请确认事项是否选对。",
            "This item is published at {allowed} only; check the item."
        ),
    };
    let pos = n.village_pos.or(n.item_pos).unwrap_or_else(|| fence_pos(cx, n));
    let message = tr!(
        "事项{label}不在{lv}公开（目录规定：{allowed}）",
        "item {label} is not published at {lv} (catalog: {allowed})"
    );
    cx.push(match cx.site.config.rules.level {
        RuleSeverity::Warning => Diagnostic::warning(Code::LevelNotAllowed, &n.rel, pos, message, hint),
        RuleSeverity::Error => Diagnostic::error(Code::LevelNotAllowed, &n.rel, pos, message, hint),
    });
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
        let (name, label) = (&e.name, item_label(cx, n));
        let last_line = facts
            .headings
            .last()
            .map(|h| h.pos.line)
            .unwrap_or(cx.site.sources[n.source].body_first_line);
        // The clerk may have written the heading in a way Markdown does not read as `##`:
        // point at that line and name the slip instead of asking for a heading that is there.
        let near = facts
            .near_headings
            .iter()
            .find(|h| heading_key(&h.text) == key || heading_key(&h.text).contains(&key));
        let (pos, hint) = match near {
            Some(h) => (h.pos, near_hint(h, name)),
            None => (
                Pos::new(last_line, 1),
                tr!(
                    "加一个二级标题：## {name}，在下面写明内容。",
                    "Add a heading `## {name}` with its content."
                ),
            ),
        };
        cx.push(Diagnostic::error(
            Code::MissingElement,
            &n.rel,
            pos,
            tr!(
                "缺少事项{label}要求的公开要素“{name}”",
                "the element `{name}` required by item {label} is missing"
            ),
            hint,
        ));
    }
}

/// The fix for a line meant as the heading of element `name`.
fn near_hint(h: &NearHeading, name: &str) -> crate::diag::Text {
    let text = &h.text;
    match h.kind {
        Lookalike::NoSpace(l) => {
            let marks = "#".repeat(usize::from(l));
            tr!(
                "第 {} 行的“{marks}{text}”不是标题：“{marks}”后面要空一格，改成：## {name}",
                "line {} `{marks}{text}` is not a heading: put a space after `{marks}`: ## {name}",
                h.pos.line
            )
        }
        Lookalike::Bold => tr!(
            "第 {} 行的“**{text}**”是加粗的文字，不是标题：改成：## {name}",
            "line {} `**{text}**` is bold text, not a heading: write ## {name}",
            h.pos.line
        ),
        Lookalike::Level(l) => {
            let marks = "#".repeat(usize::from(l));
            tr!(
                "第 {} 行的“{marks} {text}”是 {l} 级标题；要素要用二级标题（两个 #），改成：## {name}",
                "line {} `{marks} {text}` is a level-{l} heading; elements are level 2 (two #): ## {name}",
                h.pos.line
            )
        }
    }
}

fn period(cx: &mut Ctx, n: &Notice) {
    let item = cx.site.catalogs.item(n.item);
    let Some(required) = &item.notice_period else { return };
    let Some(p) = n.period else {
        if n.period_written {
            // Written but unreadable: reported as GK026 already.
            return;
        }
        let (text, label) = (required.describe(), item_label(cx, n));
        cx.push(Diagnostic::error(
            Code::MissingPeriod,
            &n.rel,
            fence_pos(cx, n),
            tr!(
                "事项{label}要求公示（{text}），但没有写“公示期”",
                "item {label} requires a notice period ({text}) but none is given"
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
                let (from, to) = (crate::dates::format_date(p.start), crate::dates::format_date(p.end));
                let what = tr!(
                    "无法核对公示期 {from} 至 {to} 的工作日数",
                    "the working days of the notice period {from} to {to} cannot be counted"
                );
                cx.missing_year(n, n.period_pos, missing.0, what);
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
            Some(end) => {
                let (start, end) = (crate::dates::format_date(p.start), crate::dates::format_date(end));
                tr!(
                    "结束日期至少应为 {end}（首日不计入），改成：公示期: {start} 至 {end}",
                    "The end must be at least {end} (the first day is not counted): 公示期: {start} 至 {end}"
                )
            }
            None => Code::ShortPeriod.fix(),
        };
        let (from, to, label) = (
            crate::dates::format_date(p.start),
            crate::dates::format_date(p.end),
            item_label(cx, n),
        );
        cx.push(Diagnostic::error(
            Code::ShortPeriod,
            &n.rel,
            n.period_pos,
            tr!(
                "公示期 {from} 至 {to} 只有 {counted}{unit}（首日不计入），事项{label}要求至少 {days}{unit}",
                "the notice period {from} to {to} is {counted} {unit_en} (first day not counted); item {label} requires {days}"
            ),
            hint,
        ));
    }
}
