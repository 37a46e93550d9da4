//! The policy library's rules (issue 12): every 规章 and 行政规范性文件 has its 解读 within 3
//! working days, every 解读 names its document, agency, interpreter and contact, every call
//! runs as long as its type demands and gets its feedback, 文号 are unique and what a document
//! repeals exists. Each finding is reported in the file the clerk has to change.

use super::Ctx;
use crate::config::RuleSeverity;
use crate::diag::{Code, Diagnostic, Pos, Text};
use crate::policy::{CallType, Library};
use crate::resolve::Notice;
use crate::tr;
use jiff::civil::Date;

/// The latest a 解读 may follow its document, in working days.
pub const INTERPRETATION_DAYS: i64 = 3;

pub fn check(cx: &mut Ctx) {
    let lib = &cx.site.policy;
    future(cx, lib);
    documents(cx, lib);
    interpretations(cx, lib);
    consultations(cx, lib);
    feedback(cx, lib);
}

/// Published after the build date: not published yet, whatever the file says (SPEC 5.5).
fn future(cx: &mut Ctx, lib: &Library) {
    let today = cx.site.today;
    let dated = lib
        .documents
        .iter()
        .map(|d| (&d.rel, &d.published))
        .chain(lib.interpretations.iter().map(|d| (&d.rel, &d.published)))
        .chain(lib.consultations.iter().map(|d| (&d.rel, &d.published)))
        .chain(lib.feedback.iter().map(|d| (&d.rel, &d.published)));
    let t = crate::dates::format_date(today);
    let found: Vec<(String, crate::policy::At<Date>)> = dated
        .filter(|(_, p)| p.value > today)
        .map(|(r, p)| (r.clone(), p.clone()))
        .collect();
    for (rel, p) in found {
        let v = crate::dates::format_date(p.value);
        cx.push(Diagnostic::error(
            Code::FutureDate,
            &rel,
            p.pos,
            tr!("“发布日期”{v} 晚于今天（{t}）", "`发布日期` {v} is after today ({t})"),
            tr!(
                "发布日期写实际发布的日子（不晚于 {t}）；尚未发布的文件请先不要放进 content/。",
                "Write the day it was published (not after {t}); keep unpublished files out of content/."
            ),
        ));
    }
}

fn no_calendar(cx: &mut Ctx, rel: &str, pos: Pos, year: i16, what: Text) {
    let (zh, en) = (what.zh, what.en);
    cx.push(Diagnostic::warning(
        Code::NoCalendar,
        rel,
        pos,
        tr!(
            "日历中没有 {year} 年的法定节假日和调休安排，{zh}",
            "no official holiday calendar for {year}: {en}"
        ),
        tr!(
            "在站点根目录的 calendar.toml 中加入 {year} 年的放假和调休安排（格式见 gongkai explain GK042）。",
            "Add {year}'s holidays and make-up days to calendar.toml (see gongkai explain GK042)."
        ),
    ));
}

fn documents(cx: &mut Ctx, lib: &Library) {
    let today = cx.site.today;
    for (i, d) in lib.documents.iter().enumerate() {
        let no = d.docno.value.to_string();
        // The earlier-published one keeps its 文号 and the later one is reported: a clash is
        // nearly always a new file copied from an old one, whatever their file names' order.
        let key = |j: usize| (lib.documents[j].published.value, j);
        if let Some(first) = (0..lib.documents.len())
            .filter(|&j| j != i && lib.documents[j].docno.value == d.docno.value && key(j) < key(i))
            .min_by_key(|&j| key(j))
            .map(|j| &lib.documents[j])
        {
            let other = &first.rel;
            cx.push(Diagnostic::error(
                Code::DuplicateDocNo,
                &d.rel,
                d.docno.pos,
                tr!("文号“{no}”与 {other} 相同", "文号 `{no}` is also that of {other}"),
                tr!(
                    "核对两份文件的文号，改正抄错的一份；同一份文件不要放两次。",
                    "Check both 文号 and correct the wrong one; do not file one document twice."
                ),
            ));
        }
        for (key, list) in [("废止", &d.repeals), ("修改", &d.amends)] {
            for t in list {
                let found = crate::policy::docno::parse(&t.value)
                    .ok()
                    .and_then(|(n, _)| lib.by_docno(&n));
                if found.is_none() {
                    let v = &t.value;
                    cx.push(Diagnostic::error(
                        Code::UnknownRepealed,
                        &d.rel,
                        t.pos,
                        tr!(
                            "“{key}”中的文件“{v}”不在政策文件库中",
                            "`{key}` names `{v}`, which is not in the policy library"
                        ),
                        tr!(
                            "核对文号（写成 机关代字〔年份〕序号号）；被{key}的旧文件也要收入政策文件库，才能列入相应目录。",
                            "Check the 文号; the old document must be in the library to be listed as {key}."
                        ),
                    ));
                }
            }
        }
        if let Some(e) = &d.effective
            && e.value < d.written.value
        {
            let (ev, wv) = (
                crate::dates::format_date(e.value),
                crate::dates::format_date(d.written.value),
            );
            cx.push(Diagnostic::error(
                Code::EffectiveBeforeWritten,
                &d.rel,
                e.pos,
                tr!(
                    "施行日期 {ev} 早于成文日期 {wv}",
                    "施行日期 {ev} is before the 成文日期 {wv}"
                ),
                tr!(
                    "核对文件的落款日期和“自…起施行”条款，改正写错的日期。",
                    "Check the signing date and the entry-into-force clause."
                ),
            ));
        }
        let valid = lib.status.get(i).is_none_or(|s| s.status.is_valid());
        if d.category.is_normative() && valid && d.published.value <= today && lib.interpretations_of(i).is_empty() {
            no_interpretation(cx, d, today);
        }
    }
}

fn no_interpretation(cx: &mut Ctx, d: &crate::policy::Document, today: Date) {
    let days = match cx.site.calendar.working_days_after(d.published.value, today) {
        Ok(n) => n,
        Err(crate::calendar::MissingYear(y)) => {
            return no_calendar(
                cx,
                &d.rel,
                d.docno.pos,
                y,
                tr!("无法判断解读是否逾期", "cannot tell whether its 解读 is late"),
            );
        }
    };
    let (no, cat) = (d.docno.value.to_string(), d.category.zh());
    let message = tr!(
        "{cat}“{no}”发布已 {days} 个工作日，还没有政策解读",
        "{cat} `{no}` was published {days} working days ago and has no 解读"
    );
    let hint = tr!(
        "新建一篇解读（gongkai new 政策解读），写 关联文件: {no}，与文件同步发布，最迟不超过3个工作日。",
        "Write a 解读 (gongkai new 政策解读) with 关联文件: {no}, at the latest 3 working days after the document."
    );
    let diag = if days > INTERPRETATION_DAYS {
        Diagnostic::error(Code::NoInterpretation, &d.rel, d.docno.pos, message, hint)
    } else {
        Diagnostic::warning(Code::NoInterpretation, &d.rel, d.docno.pos, message, hint)
    };
    cx.push(diag);
}

fn interpretations(cx: &mut Ctx, lib: &Library) {
    for j in &lib.interpretations {
        // Checked before the document is looked up: a 解读 that names a wrong 文号 and lacks
        // its interpreter has two mistakes, and one run reports both.
        incomplete(cx, lib, j);
        let Some(d) = j.document.map(|i| &lib.documents[i]) else {
            unknown_document(cx, &j.rel, &j.target);
            continue;
        };
        if j.published.value > d.published.value {
            let late = match cx
                .site
                .calendar
                .working_days_after(d.published.value, j.published.value)
            {
                Ok(n) => n,
                Err(crate::calendar::MissingYear(y)) => {
                    no_calendar(
                        cx,
                        &j.rel,
                        j.published.pos,
                        y,
                        tr!("无法判断解读是否及时", "cannot tell whether the 解读 is on time"),
                    );
                    continue;
                }
            };
            if late > INTERPRETATION_DAYS {
                let (no, dp) = (d.docno.value.to_string(), crate::dates::format_date(d.published.value));
                let message = tr!(
                    "解读在文件“{no}”发布（{dp}）后第 {late} 个工作日才发布，超过3个工作日",
                    "the 解读 came {late} working days after `{no}` ({dp}), more than 3"
                );
                let hint = tr!(
                    "解读应与文件同步发布，最迟3个工作日内；如发布日期填错，请改为实际发布日期。",
                    "Publish a 解读 with its document, within 3 working days; correct the date if it is wrong."
                );
                let diag = match cx.site.config.rules.late {
                    RuleSeverity::Error => {
                        Diagnostic::error(Code::LateInterpretation, &j.rel, j.published.pos, message, hint)
                    }
                    RuleSeverity::Warning => {
                        Diagnostic::warning(Code::LateInterpretation, &j.rel, j.published.pos, message, hint)
                    }
                };
                cx.push(diag);
            }
        }
    }
}

/// A 关联文件 (of a 解读 or a 征求意见) that names no document of the library.
fn unknown_document(cx: &mut Ctx, rel: &str, target: &crate::policy::At<String>) {
    let v = &target.value;
    cx.push(Diagnostic::error(
        Code::UnknownDocument,
        rel,
        target.pos,
        tr!("关联文件“{v}”不在政策文件库中", "关联文件 `{v}` is not in the policy library"),
        tr!(
            "写政策文件库中已有文件的文号（如 示政办〔2026〕5号），或该文件的路径；文件还没放进来的，先建 种类: 政策文件。",
            "Write the 文号 or the path of a document of the library; add the document first if it is missing."
        ),
    ));
}

/// A 解读 must say who interprets it and whom to ask (解读机关, 解读人, 联系方式).
fn incomplete(cx: &mut Ctx, lib: &Library, j: &crate::policy::Interpretation) {
    let issuer = j
        .document
        .map_or("示例县人民政府办公室", |i| lib.documents[i].issuer.as_str());
    let lacking: Vec<&str> = [("解读机关", &j.agency), ("解读人", &j.person), ("联系方式", &j.contact)]
        .into_iter()
        .filter(|(_, v)| v.is_none())
        .map(|(k, _)| k)
        .collect();
    if lacking.is_empty() {
        return;
    }
    let list = lacking.join("、");
    let pos = Pos::new(cx.site.sources[j.source].body_first_line.saturating_sub(1).max(1), 1);
    let lines = lacking
        .iter()
        .map(|k| match *k {
            "解读机关" => format!("解读机关: {issuer}"),
            "解读人" => "解读人: 姓名（职务）".to_string(),
            _ => "联系方式: 0556-5123456".to_string(),
        })
        .collect::<Vec<_>>()
        .join("；");
    cx.push(Diagnostic::error(
        Code::InterpretationIncomplete,
        &j.rel,
        pos,
        tr!("政策解读没有写明{list}", "the 解读 does not name its {list}"),
        tr!(
            "在结束的 --- 之前补上：{lines}。联系方式写办公电话，方便群众咨询。",
            "Add before the closing ---: {lines}. Use an office phone."
        ),
    ));
}

/// The shortest call a type allows: (days, in working days, what the rule says).
fn minimum(t: CallType, business: bool) -> Option<(i64, bool, &'static str, &'static str)> {
    match (t, business) {
        (CallType::Major, _) => Some((30, false, "重大行政决策不少于30日", "major decisions: at least 30 days")),
        (CallType::Rule, _) => Some((30, false, "规章草案不少于30日", "规章 drafts: at least 30 days")),
        (CallType::Normative, true) => Some((
            30,
            false,
            "与企业密切相关的规范性文件不少于30日",
            "normative documents tied to businesses: at least 30 days",
        )),
        (CallType::Normative, false) => Some((
            7,
            true,
            "规范性文件不少于7个工作日",
            "normative documents: at least 7 working days",
        )),
        (CallType::Other, _) => None,
    }
}

fn consultations(cx: &mut Ctx, lib: &Library) {
    for c in &lib.consultations {
        if let Some(t) = c.target.as_ref().filter(|_| c.document.is_none()) {
            unknown_document(cx, &c.rel, t);
        }
        let Some((need, working, rule_zh, rule_en)) = minimum(c.call_type, c.business) else {
            continue;
        };
        if c.short_reason.is_some() {
            continue;
        }
        let have = if working {
            match cx.site.calendar.working_days_after(c.start, c.end) {
                Ok(n) => n,
                Err(crate::calendar::MissingYear(y)) => {
                    no_calendar(
                        cx,
                        &c.rel,
                        c.period_pos,
                        y,
                        tr!("无法计算征求意见的工作日", "cannot count the call's working days"),
                    );
                    continue;
                }
            }
        } else {
            (c.end - c.start).get_days().into()
        };
        if have >= need {
            continue;
        }
        let unit = if working { "个工作日" } else { "日" };
        let unit_en = if working { "working days" } else { "days" };
        let earliest = if working {
            cx.site.calendar.add_working_days(c.start, need as u32).ok()
        } else {
            c.start.checked_add(jiff::Span::new().days(need)).ok()
        };
        let (s, end) = (
            crate::dates::format_date(c.start),
            earliest.map_or_else(|| "更晚的日期".to_string(), crate::dates::format_date),
        );
        cx.push(Diagnostic::error(
            Code::ShortConsultation,
            &c.rel,
            c.period_pos,
            tr!(
                "征求意见只有 {have} {unit}（首日不计），{rule_zh}",
                "the call runs {have} {unit_en} (first day not counted); {rule_en}"
            ),
            tr!(
                "改为 起止日期: {s} 至 {end} 或更晚；确需缩短的，加一行 缩短理由: …（写明为什么）。",
                "Write 起止日期: {s} 至 {end} or later, or add 缩短理由: … saying why it is shorter."
            ),
        ));
    }
}

fn feedback(cx: &mut Ctx, lib: &Library) {
    let today = cx.site.today;
    for f in &lib.feedback {
        if f.consultation.is_none() {
            let v = &f.target.value;
            let hint = match same_name_call(lib, v) {
                Some(rel) => tr!(
                    "同名的征求意见在 {rel}：不在同一文件夹时写以 content/ 开头的完整路径，即 征求意见: {rel}",
                    "A call of that name is {rel}: outside this folder write its path from content/, `征求意见: {rel}`."
                ),
                None => tr!(
                    "写征求意见文件的路径：与本文件在同一文件夹时只写文件名（如 zhengqiu-yanglao.md），否则以 content/ 开头。",
                    "Write the call's file name when it is beside this file, or its path from content/."
                ),
            };
            cx.push(Diagnostic::error(
                Code::UnknownConsultation,
                &f.rel,
                f.target.pos,
                tr!("征求意见“{v}”找不到", "征求意见 `{v}` cannot be found"),
                hint,
            ));
        }
    }
    let days = cx.site.config.rules.feedback_days;
    for (i, _due) in lib.awaiting_feedback(today, days) {
        let c = &lib.consultations[i];
        let end = crate::dates::format_date(c.end);
        cx.push(Diagnostic::warning(
            Code::NoFeedback,
            &c.rel,
            c.title_pos,
            tr!(
                "征求意见已于 {end} 结束，超过 {days} 天还没有公布意见采纳情况",
                "the call closed on {end}, more than {days} days ago, and no feedback was published"
            ),
            tr!(
                "新建一篇 种类: 意见反馈，写 征求意见: {} ，公布收到的意见和采纳情况，未采纳的说明理由。",
                "Write a 种类: 意见反馈 with 征求意见: {} listing the comments and what was adopted.",
                c.rel.rsplit('/').next().unwrap_or(&c.rel)
            ),
        ));
    }
}

/// The call whose file has the name written (with or without `.md`), when the clerk only got
/// the folder wrong: the hint can then give the exact path.
fn same_name_call<'l>(lib: &'l crate::policy::Library, written: &str) -> Option<&'l str> {
    let name = written.trim().rsplit(['/', '\\']).next()?.trim_end_matches(".md");
    lib.consultations
        .iter()
        .map(|c| c.rel.as_str())
        .find(|rel| rel.rsplit('/').next().map(|f| f.trim_end_matches(".md")) == Some(name))
}

/// A notice that cites a lapsed or repealed document as if it were still a basis.
pub fn citations(cx: &mut Ctx, n: &Notice) {
    let lib = &cx.site.policy;
    if lib.documents.is_empty() {
        return;
    }
    let src = cx.site.source(n);
    let body = src.body();
    for (i, d) in lib.documents.iter().enumerate() {
        let Some(st) = lib.status.get(i).filter(|s| !s.status.is_valid()) else {
            continue;
        };
        if !body.contains(d.docno.value.agency.as_str()) {
            continue;
        }
        let Some(at) = d
            .docno
            .value
            .spellings()
            .iter()
            .filter_map(|s| body.find(s.as_str()))
            .min()
        else {
            continue;
        };
        let pos = Pos::of_offset(&src.text(), src.body_start + at);
        let (no, state) = (d.docno.value.to_string(), st.status.zh());
        let hint = match st.by.map(|b| &lib.documents[b]) {
            Some(b) => {
                let (t, bn) = (&b.title, b.docno.value.to_string());
                tr!(
                    "“{no}”已被《{t}》（{bn}）废止，改为引用后者；只是介绍历史情况的可以不改。",
                    "`{no}` was repealed by 《{t}》 ({bn}): cite that instead, unless this is history."
                )
            }
            None => Code::CitesInvalid.fix(),
        };
        cx.push(Diagnostic::warning(
            Code::CitesInvalid,
            &n.rel,
            pos,
            tr!("公告引用的“{no}”{state}", "the notice cites `{no}`, which is {state}"),
            hint,
        ));
    }
}
