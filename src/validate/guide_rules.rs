//! The service-guide rules (issue 14, "guides as data"): a 办事指南 tells a citizen what to
//! bring, where to go, how long it takes, what it costs and whom to call; a guide that leaves
//! one out sends people on a second trip. Run on every notice [`crate::book::Books`] calls a
//! guide.
//!
//! - GK183: each of the eleven elements ([`Element`]) is a `##`/`###` heading under any of
//!   the names real guides use ([`guide::covers`]), a front-matter key, or — for 设定依据 —
//!   an introduction citing a 《》 document; `监督电话` in the front matter is the complaints
//!   phone. All missing ones make one finding; a blank section is one finding at its heading.
//! - GK184: the fee says 不收费, or gives an amount with its basis; `无`, `—`, `/` do not tell
//!   free from forgotten.
//! - GK185: the time limit is 即办 or N 个工作日; 当场办结 alone, calendar days and 尽快 are not.
//! - GK186: the phones are area code - number (0556-1234567), a 123xx hotline or a 400/800
//!   number. Mobiles are left to the privacy rules (GK052), which already decide whether one
//!   may be published at all.
//! - GK182: a hint, only where the site has books, for a guide that is in none.
//!
//! What other rules report is not reported again: a section holding a template's fill-in note
//! or a header-only table (GK170/GK171), an empty `监督电话` (GK172), and an element whose
//! heading the catalog row itself requires and that is missing (GK033).

use super::Ctx;
use crate::book::guide::{self, Block, Element};
use crate::diag::{Code, Diagnostic, Pos, Text};
use crate::load::Source;
use crate::resolve::Notice;
use crate::tr;
use crate::util::text::heading_key;
use pulldown_cmark::HeadingLevel;

/// A section with what it stands for and what it holds.
struct Part {
    title: String,
    pos: Pos,
    /// The first line with text after the heading (the heading's own, when its value is
    /// written into it): a finding about what the section says shows that line.
    said_at: Pos,
    /// Its own text and that of its deeper subsections, blocks joined by line breaks.
    text: String,
    blocks: Vec<Block>,
    /// Source lines after the heading, up to the next heading of its level or higher.
    lines: std::ops::RangeInclusive<usize>,
    covers: Vec<guide::Cover>,
    state: State,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Filled,
    /// Left as a template wrote it: the template rules report it.
    Template,
    Blank,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Status {
    Missing,
    Blank,
    Template,
    Filled,
}

pub fn check(cx: &mut Ctx, i: usize, n: &Notice) {
    let site = cx.site;
    if !site.books.is_guide.get(i).copied().unwrap_or(false) {
        return;
    }
    not_in_book(cx, i, n);
    let src = site.source(n);
    let parts = parts(src);
    let statuses: Vec<(Element, Status)> = Element::ALL
        .iter()
        .map(|&e| (e, element_status(n, src, &parts, e)))
        .collect();
    missing(cx, n, src, &statuses);
    blank(cx, n, &parts, &statuses);
    let source: Vec<&str> = src.text.lines().collect();
    let line = |k: usize| source.get(k - 1).copied().unwrap_or("");
    let filled: Vec<&Part> = parts.iter().filter(|p| p.state == State::Filled).collect();
    // A `###` under a `##` of the same element (## 收费标准 / ### 收费依据) is read with it:
    // checked once, as the outer section.
    let outer = |p: &Part, e: Element| {
        !filled.iter().any(|q| {
            q.pos.line < p.pos.line && q.lines.contains(&p.pos.line) && q.covers.iter().any(|c| c.element == e)
        })
    };
    let mut phone_lines = std::collections::BTreeSet::new();
    for p in &filled {
        let has = |e: Element| p.covers.iter().any(|c| c.element == e) && outer(p, e);
        if has(Element::Materials) {
            materials(cx, n, p);
        }
        if has(Element::Fee) {
            fee(cx, n, p);
        }
        if has(Element::TimeLimit) {
            time_limit(cx, n, p);
        }
        if p.covers.iter().any(|c| c.element.is_phone()) {
            for k in p.lines.clone().filter(|k| phone_lines.insert(*k)) {
                phones(cx, n, line(k), k, &p.title);
            }
        }
    }
    if let Some(c) = src.fm.contact.as_ref().filter(|c| !c.value.trim().is_empty()) {
        phones(cx, n, line(c.pos.line), c.pos.line, "监督电话");
    }
}

/// The guide's sections down to `###`, each with its subsections' content.
fn parts(src: &Source) -> Vec<Part> {
    let secs = guide::sections_to(src.body(), src.body_first_line, HeadingLevel::H3);
    let source: Vec<&str> = src.text.lines().collect();
    let last_line = source.len().max(src.body_first_line);
    let mut out = Vec::new();
    for (k, s) in secs.iter().enumerate() {
        let deeper = secs[k + 1..]
            .iter()
            .take_while(|d| s.level > 0 && d.level > s.level)
            .count();
        let end = secs
            .get(k + 1 + deeper)
            .map_or(last_line, |next| next.pos.line.saturating_sub(1));
        let first = if s.level == 0 { s.pos.line } else { s.pos.line + 1 };
        let mut blocks = s.blocks.clone();
        let mut text = s.text();
        for d in &secs[k + 1..k + 1 + deeper] {
            blocks.extend(d.blocks.iter().cloned());
            let t = d.text();
            if !t.is_empty() {
                text = if text.is_empty() { t } else { format!("{text}\n{t}") };
            }
        }
        let template = src
            .facts
            .placeholders
            .iter()
            .any(|p| p.pos.line >= s.pos.line && p.pos.line <= end)
            || !crate::load::body::fill_in_notes(&text).is_empty()
            || (!blocks.is_empty()
                && blocks
                    .iter()
                    .all(|b| matches!(b, Block::Table { rows, .. } if rows.is_empty())));
        let blank = text.trim().is_empty()
            || blocks.iter().all(|b| match b {
                Block::Table { rows, .. } => rows.iter().all(|r| r.iter().all(|c| c.trim().is_empty())),
                Block::Para(t) => t.trim().is_empty(),
                Block::List { items, .. } => items.iter().all(|i| i.trim().is_empty()),
            });
        // `## 办理时限：即办`: the value written into the heading.
        let (title, text) = match s.title.split_once(['：', ':']) {
            Some((name, value)) if !value.trim().is_empty() && !guide::covers(name).is_empty() => {
                let value = value.trim();
                let text = if text.is_empty() {
                    value.to_string()
                } else {
                    format!("{value}\n{text}")
                };
                (name.trim().to_string(), text)
            }
            _ => (s.title.clone(), text),
        };
        let blank = blank && text.trim().is_empty();
        let state = if template {
            State::Template
        } else if blank {
            State::Blank
        } else {
            State::Filled
        };
        let said_at = if title != s.title {
            s.pos
        } else {
            (first..=end.max(first))
                .find(|&l| source.get(l - 1).is_some_and(|t| !t.trim().is_empty()))
                .map_or(s.pos, |l| Pos::new(l, 1))
        };
        out.push(Part {
            said_at,
            covers: if s.level == 0 {
                Vec::new()
            } else {
                guide::covers(&title)
            },
            title,
            pos: s.pos,
            text,
            blocks,
            lines: first..=end.max(first),
            state,
        });
    }
    out
}

fn element_status(n: &Notice, src: &Source, parts: &[Part], e: Element) -> Status {
    let mut best = Status::Missing;
    for p in parts {
        for c in p.covers.iter().filter(|c| c.element == e) {
            let s = match p.state {
                State::Template => Status::Template,
                State::Blank => Status::Blank,
                State::Filled if !c.named_in_text || guide::gives_phone(&p.text, c) => Status::Filled,
                // A 联系方式 that never says which number is for complaints is not one.
                State::Filled => Status::Missing,
            };
            best = best.max(s);
        }
    }
    if e == Element::Basis
        && parts
            .iter()
            .any(|p| p.covers.is_empty() && p.title.is_empty() && guide::intro_cites_basis(&p.text))
    {
        best = Status::Filled;
    }
    for (k, v) in &n.fm_elements {
        if guide::covers(k).iter().any(|c| c.element == e && !c.named_in_text) && !v.trim().is_empty() {
            best = Status::Filled;
        }
    }
    if e == Element::Complaint {
        if n.contact.as_deref().is_some_and(|c| !c.trim().is_empty()) {
            best = Status::Filled;
        } else if src.fm.contact.is_some() {
            // `监督电话: ""`: reported as GK172.
            best = best.max(Status::Template);
        }
    }
    best
}

/// The elements the catalog row's own required headings stand for and that are missing: the
/// catalog rule (GK033) asks for those headings already.
fn left_to_catalog(cx: &Ctx, n: &Notice, src: &Source) -> Vec<Element> {
    let item = cx.site.catalogs.item(n.item);
    let have: Vec<String> = src
        .facts
        .headings
        .iter()
        .map(|h| heading_key(&h.text))
        .chain(n.fm_elements.iter().map(|(k, _)| heading_key(k)))
        .collect();
    item.elements
        .iter()
        .filter(|e| e.required && !have.contains(&heading_key(&e.name)))
        .flat_map(|e| guide::covers(&e.name))
        .filter(|c| !c.named_in_text)
        .map(|c| c.element)
        .collect()
}

/// The body's first line with text: a finding about the whole guide shows where it begins.
fn body_start(src: &Source) -> Pos {
    let skipped = src.body().lines().take_while(|l| l.trim().is_empty()).count();
    Pos::new(src.body_first_line + skipped, 1)
}

/// `青山镇临时救助办事指南` → `临时救助`: the name a clerk most likely means.
fn name_from_title(cx: &Ctx, n: &Notice) -> String {
    let town = &cx.site.config.townships[n.township].name;
    let mut t = n.title.trim();
    t = t.strip_prefix(town.as_str()).unwrap_or(t);
    if let Some(v) = n.village {
        let v = &cx.site.config.townships[n.township].villages[v].name;
        t = t.strip_prefix(v.as_str()).unwrap_or(t);
    }
    if let Some(i) = t.find(['（', '(']) {
        t = &t[..i];
    }
    for suffix in ["办事指南", "服务指南", "指南"] {
        t = t.strip_suffix(suffix).unwrap_or(t);
    }
    t.trim().to_string()
}

fn missing(cx: &mut Ctx, n: &Notice, src: &Source, statuses: &[(Element, Status)]) {
    let catalog = left_to_catalog(cx, n, src);
    let absent: Vec<Element> = statuses
        .iter()
        .filter(|(e, s)| *s == Status::Missing && !catalog.contains(e))
        .map(|(e, _)| *e)
        .collect();
    if absent.is_empty() {
        return;
    }
    let zh: Vec<&str> = absent.iter().map(|e| e.zh()).collect();
    let en: Vec<String> = absent.iter().map(|e| format!("{} ({})", e.zh(), e.en())).collect();
    let name = name_from_title(cx, n);
    let add_zh: Vec<String> = absent
        .iter()
        .map(|&e| match e {
            Element::Name if !name.is_empty() => format!("## {}：写办理事项的正式名称，例如“{name}”", e.zh()),
            _ => format!("## {}：写{}", e.zh(), e.what().0),
        })
        .collect();
    let add_en: Vec<String> = absent
        .iter()
        .map(|&e| format!("## {}: {}", e.zh(), e.what().1))
        .collect();
    let (zh, en, add_zh, add_en) = (zh.join("、"), en.join(", "), add_zh.join("；"), add_en.join("; "));
    cx.push(Diagnostic::error(
        Code::GuideElement,
        &n.rel,
        body_start(src),
        tr!(
            "办事指南缺少 {} 项必备要素：{zh}",
            "the guide lacks {} required element(s): {en}",
            absent.len()
        ),
        tr!(
            "在正文中加上这些标题并写明内容：{add_zh}。已有内容但标题不同的，把标题改成上面的名称。",
            "Add these headings with their content: {add_en}. Where the content is there under another heading, rename it."
        ),
    ));
}

fn blank(cx: &mut Ctx, n: &Notice, parts: &[Part], statuses: &[(Element, Status)]) {
    let blank_elements: Vec<Element> = statuses
        .iter()
        .filter(|(_, s)| *s == Status::Blank)
        .map(|(e, _)| *e)
        .collect();
    for p in parts.iter().filter(|p| p.state == State::Blank) {
        let of: Vec<Element> = p
            .covers
            .iter()
            .map(|c| c.element)
            .filter(|e| blank_elements.contains(e))
            .collect();
        if of.is_empty() {
            continue;
        }
        let title = &p.title;
        if of.contains(&Element::Fee) {
            cx.push(Diagnostic::error(
                Code::GuideFee,
                &n.rel,
                p.pos,
                tr!("“{title}”下面是空的", "`{title}` (the fee) is blank"),
                tr!(
                    "不收费的写“不收费”；收费的写明金额和收费依据（文件名称和文号）。",
                    "Write 不收费 when it is free; otherwise the amount and its basis (document and number)."
                ),
            ));
            continue;
        }
        let what_zh: Vec<&str> = of.iter().map(|e| e.what().0).collect();
        let what_en: Vec<&str> = of.iter().map(|e| e.what().1).collect();
        let (what_zh, what_en) = (what_zh.join("；"), what_en.join("; "));
        cx.push(Diagnostic::error(
            Code::GuideElement,
            &n.rel,
            p.pos,
            tr!("办事指南的“{title}”下面没有内容", "the guide's `{title}` is blank"),
            tr!(
                "在“## {title}”下面写{what_zh}。",
                "Write under `## {title}`: {what_en}."
            ),
        ));
    }
}

/// 申请材料 as a table: it must say what each material is.
fn materials(cx: &mut Ctx, n: &Notice, p: &Part) {
    let title = &p.title;
    for b in &p.blocks {
        let Block::Table { header, rows } = b else { continue };
        let Some(col) = header.iter().position(|h| h.contains("材料") || h.contains("名称")) else {
            let first = header.first().cloned().unwrap_or_default();
            cx.push(Diagnostic::error(
                Code::GuideElement,
                &n.rel,
                p.pos,
                tr!(
                    "“{title}”的表格没有“材料名称”一列（表头：{}）",
                    "the table under `{title}` has no 材料名称 column (header: {})",
                    header.join(" | ")
                ),
                tr!(
                    "把写材料的一列的表头改成“材料名称”（现为“{first}”），例如 | 材料名称 | 原件/复印件 | 份数 | 备注 |。",
                    "Name the column of the materials 材料名称 (now `{first}`), e.g. | 材料名称 | 原件/复印件 | 份数 | 备注 |."
                ),
            ));
            continue;
        };
        let empty: Vec<String> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.get(col).is_none_or(|c| c.trim().is_empty()))
            .map(|(k, _)| (k + 1).to_string())
            .collect();
        if !empty.is_empty() && empty.len() < rows.len() {
            let rows_list = empty.join("、");
            let h = &header[col];
            cx.push(Diagnostic::error(
                Code::GuideElement,
                &n.rel,
                p.pos,
                tr!(
                    "“{title}”的表格第 {rows_list} 行没有写“{h}”",
                    "row(s) {rows_list} of the table under `{title}` have no `{h}`"
                ),
                tr!(
                    "在这些行的“{h}”一格写上材料名称，或删掉空行。",
                    "Write the material's name in the `{h}` cell of those rows, or delete them."
                ),
            ));
        }
    }
}

/// The text with spaces and punctuation left out: `—`, `/`, `无。` are all nothing.
fn bare(text: &str) -> String {
    heading_key(text)
        .chars()
        .filter(|c| !"—–－-/／\\|·…".contains(*c))
        .collect()
}

fn fee(cx: &mut Ctx, n: &Notice, p: &Part) {
    let t = &p.text;
    let free = ["不收费", "免费", "不收取", "免收", "零收费"]
        .iter()
        .any(|w| t.contains(w));
    if free {
        return;
    }
    let amount = has_amount(t);
    let basis = t.contains('《') || t.contains('〔') || t.contains("依据") || t.contains("根据");
    if amount && basis {
        return;
    }
    let title = &p.title;
    let said = first_line(t);
    let b = bare(t);
    let (message, hint) = if amount {
        (
            tr!(
                "“{title}”写了收费金额，但没有写收费依据",
                "`{title}` gives an amount but not its basis"
            ),
            tr!(
                "写明收费依据的文件名称和文号，例如：按《安徽省行政事业性收费项目目录》（皖财综〔2023〕1号）收取。",
                "Name the document the fee rests on, with its number."
            ),
        )
    } else if b.is_empty()
        || ["无", "没有", "暂无", "空", "否", "不", "无收费", "无费用", "没有费用"].contains(&b.as_str())
    {
        (
            tr!(
                "“{title}”写的是“{said}”，看不出是不收费还是没有填写",
                "`{title}` says `{said}`: free, or not filled in?"
            ),
            tr!(
                "不收费的写明“不收费”；收费的写明金额和收费依据。",
                "Write 不收费 when it is free; otherwise the amount and its basis."
            ),
        )
    } else {
        (
            tr!(
                "“{title}”没有写明是否收费（“{said}”）",
                "`{title}` does not say whether there is a fee (`{said}`)"
            ),
            tr!(
                "不收费的写明“不收费”；收费的写明每项金额和收费依据（文件名称和文号）。",
                "Write 不收费 when it is free; otherwise each amount and its basis (document and number)."
            ),
        )
    };
    cx.push(Diagnostic::error(Code::GuideFee, &n.rel, p.said_at, message, hint));
}

/// The first line of `t`, at most 30 characters, for quoting in a message.
fn first_line(t: &str) -> String {
    let l = t.lines().next().unwrap_or("").trim();
    let mut s: String = l.chars().take(30).collect();
    if l.chars().count() > 30 {
        s.push('…');
    }
    s
}

fn has_amount(t: &str) -> bool {
    let cs: Vec<char> = t.chars().collect();
    cs.windows(2).any(|w| w[0].is_ascii_digit() && w[1] == '元')
        || t.contains("元/")
        || cs
            .windows(2)
            .any(|w| "一二三四五六七八九十百千万".contains(w[0]) && w[1] == '元')
}

const NUMERALS: &str = "0123456789０１２３４５６７８９一二三四五六七八九十百零〇两";

/// The number written just before byte offset `at` of `t` (spaces and one 个 skipped).
fn number_before(t: &str, at: usize) -> Option<String> {
    let before = t[..at].trim_end();
    let before = before.strip_suffix('个').unwrap_or(before).trim_end();
    let digits: String = before
        .chars()
        .rev()
        .take_while(|c| NUMERALS.contains(*c))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (!digits.is_empty()).then_some(digits)
}

/// Whether `t` gives a number of working days: `5个工作日`, `5 个工作日`, `十五个工作日`.
fn working_days(t: &str) -> bool {
    t.match_indices("工作日").any(|(i, _)| number_before(t, i).is_some())
}

/// A number of calendar days: `3天`, `15 日内`, `7个自然日`, not `工作日`.
fn calendar_days(t: &str) -> Option<String> {
    for unit in ["自然日", "天", "日"] {
        for (i, _) in t.match_indices(unit) {
            if unit == "日" && (t[..i].ends_with("工作") || t[..i].ends_with("自然")) {
                continue;
            }
            if let Some(n) = number_before(t, i) {
                return Some(n);
            }
        }
    }
    None
}

fn time_limit(cx: &mut Ctx, n: &Notice, p: &Part) {
    let t = &p.text;
    let title = &p.title;
    let immediate = t.contains("即办");
    let now = ["当场", "即时", "立即", "马上", "现场办结"]
        .iter()
        .any(|w| t.contains(*w));
    // 即办 or a number of working days settles it, whatever else is said (材料齐全的当场受理，
    // 5个工作日内办结; 省内迁移即办，跨省20个工作日).
    let (message, hint) = if immediate || working_days(t) {
        return;
    } else if now {
        let said = first_line(t);
        (
            tr!(
                "“{title}”写的“{said}”没有说明是即办件",
                "`{title}` says `{said}` without saying it is 即办"
            ),
            tr!(
                "写成“即办（当场办结）”；需要审核的，写“自受理之日起 N 个工作日办结”。",
                "Write 即办（当场办结）; an item that needs review: 自受理之日起 N 个工作日办结."
            ),
        )
    } else if let Some(days) = calendar_days(t) {
        (
            tr!(
                "“{title}”写的是日历天数（{days} 天），办理时限要按工作日写",
                "`{title}` gives calendar days ({days}); a time limit is in working days"
            ),
            tr!(
                "改写成：自受理之日起 N 个工作日办结（N 为承诺的工作日数；{days} 天含周末和节假日，不能直接照抄）。",
                "Write: 自受理之日起 N 个工作日办结 (N the promised working days; {days} days include weekends and holidays)."
            ),
        )
    } else {
        let said = first_line(t);
        (
            tr!(
                "“{title}”写的“{said}”不是明确的时限",
                "`{title}` says `{said}`, which is no time limit"
            ),
            tr!(
                "写“即办”，或“自受理之日起 N 个工作日办结”（例如 自受理之日起 5 个工作日办结）。",
                "Write 即办, or 自受理之日起 N 个工作日办结 (e.g. 5)."
            ),
        )
    };
    cx.push(Diagnostic::error(
        Code::GuideTimeLimit,
        &n.rel,
        p.said_at,
        message,
        hint,
    ));
}

/// A run of a phone's characters in a line: where it starts (1-based column), as written,
/// and half-width.
struct Run {
    column: usize,
    written: String,
    plain: String,
}

fn is_sep(c: char) -> bool {
    matches!(c, '-' | '—' | '–' | '(' | ')')
}

/// The stretches of `line` that may be phone numbers: digits with `-` and brackets between,
/// at least five digits, not an amount, a count, a date or a 文号 (`12号`, `2026-03-12`).
fn runs(line: &str) -> Vec<Run> {
    let chars: Vec<(char, char)> = line
        .chars()
        .map(|c| {
            (
                c,
                crate::util::text::to_half_width(&c.to_string())
                    .chars()
                    .next()
                    .unwrap_or(c),
            )
        })
        .collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let part = |c: char| c.is_ascii_digit() || is_sep(c);
        if !part(chars[k].1) {
            k += 1;
            continue;
        }
        let start = k;
        while k < chars.len() && part(chars[k].1) {
            k += 1;
        }
        let (mut a, mut b) = (start, k);
        while a < b && !chars[a].1.is_ascii_digit() && chars[a].1 != '(' {
            a += 1;
        }
        while b > a && !chars[b - 1].1.is_ascii_digit() {
            b -= 1;
        }
        let plain: String = chars[a..b].iter().map(|c| c.1).collect();
        let digits = plain.chars().filter(char::is_ascii_digit).count();
        let unit = chars
            .get(b)
            .is_some_and(|c| "元年月日号个份人户岁周次天万楼室层栋米%".contains(c.1));
        // Part of a web or mail address, or a postcode: not a phone.
        let joined = |c: Option<&(char, char)>| c.is_some_and(|c| c.1.is_ascii_alphanumeric() || "@._/".contains(c.1));
        let before: String = chars[a.saturating_sub(6)..a].iter().map(|c| c.1).collect();
        let other = joined(a.checked_sub(1).and_then(|i| chars.get(i)))
            || joined(chars.get(b))
            || before.contains("邮编")
            || before.contains("邮政编码");
        let date = {
            let p: Vec<&str> = plain.split('-').collect();
            p.len() == 3 && p[0].len() == 4 && p[1].len() <= 2 && p[2].len() <= 2
        };
        if digits >= 5 && !unit && !date && !other {
            out.push(Run {
                column: a + 1,
                written: chars[a..b].iter().map(|c| c.0).collect(),
                plain,
            });
        }
    }
    out
}

/// Whether `plain` (half-width) is a phone a guide may give.
fn good_phone(plain: &str) -> bool {
    let digits: String = plain.chars().filter(char::is_ascii_digit).collect();
    let all_digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let parts: Vec<&str> = plain.split('-').collect();
    let landline = matches!(parts.len(), 2 | 3)
        && parts.iter().all(|p| all_digits(p))
        && parts[0].starts_with('0')
        && (3..=4).contains(&parts[0].len())
        && (7..=8).contains(&parts[1].len())
        && parts.get(2).is_none_or(|x| x.len() <= 5);
    let hotline = plain == digits
        && digits.len() == 5
        && (digits.starts_with("123") || digits.starts_with("95") || digits.starts_with("96"));
    let toll_free = digits.len() == 10 && (digits.starts_with("400") || digits.starts_with("800"));
    landline || hotline || toll_free
}

fn is_mobile(digits: &str) -> bool {
    let b = digits.as_bytes();
    digits.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1])
}

/// The area code of the township's (or the site's) own numbers.
fn area_code(cx: &Ctx, n: &Notice) -> Option<String> {
    let t = &cx.site.config.townships[n.township];
    t.contacts
        .iter()
        .chain(std::iter::once(&cx.site.config.footer.contact))
        .filter_map(|c| c.split_once('-').map(|(a, _)| a.trim()))
        .find(|a| a.starts_with('0') && (3..=4).contains(&a.len()) && a.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_string)
}

/// GK186 for each phone of `line`, line `at` of the file.
fn phones(cx: &mut Ctx, n: &Notice, line: &str, at: usize, field: &str) {
    for r in runs(line) {
        let digits: String = r.plain.chars().filter(char::is_ascii_digit).collect();
        if is_mobile(&digits) || good_phone(&r.plain) {
            continue;
        }
        let written = &r.written;
        let fixed = if digits.starts_with('0') && (10..=12).contains(&digits.len()) {
            let area = if digits.starts_with("01") || digits.starts_with("02") {
                3
            } else {
                4
            };
            (7..=8)
                .contains(&(digits.len() - area))
                .then(|| format!("{}-{}", &digits[..area], &digits[area..]))
        } else if (7..=8).contains(&digits.len()) {
            Some(format!(
                "{}-{digits}",
                area_code(cx, n).unwrap_or_else(|| "区号".into())
            ))
        } else {
            None
        };
        let no_area = !digits.starts_with('0') && (7..=8).contains(&digits.len());
        let message = if no_area {
            tr!(
                "“{field}”中的电话“{written}”没有区号",
                "the phone `{written}` in `{field}` has no area code"
            )
        } else {
            tr!(
                "“{field}”中的电话“{written}”不是“区号-号码”格式",
                "the phone `{written}` in `{field}` is not area code - number"
            )
        };
        let hint = match fixed {
            Some(f) => tr!(
                "改成：{f}（区号和号码之间用半角“-”连接）；服务热线写 12345 这样的号码。",
                "Write: {f} (an ASCII `-` between area code and number); a hotline as 12345."
            ),
            None => Code::GuidePhone.fix(),
        };
        cx.push(Diagnostic::error(
            Code::GuidePhone,
            &n.rel,
            Pos::new(at, r.column),
            message,
            hint,
        ));
    }
}

fn not_in_book(cx: &mut Ctx, i: usize, n: &Notice) {
    if cx.site.config.books.is_empty() || cx.site.books.in_a_book(i) {
        return;
    }
    let src = cx.site.source(n);
    let pos = src.fm.title.as_ref().map_or(Pos::new(1, 1), |t| t.pos);
    let rel = &n.rel;
    let path = cx.site.catalogs.index.full_path(n.item).to_string();
    let message: Text = tr!(
        "提示：这份办事指南没有编入任何一本通（这不是错误）",
        "hint: this guide is in no book (this is not an error)"
    );
    cx.push(Diagnostic::warning(
        Code::GuideNotInBook,
        rel,
        pos,
        message,
        tr!(
            "要编入的，在 book.toml 某本书的大项中写 paths = [\"{rel}\"]，或 items = [\"{path}\"]；不需要编入的可以不管。",
            "To include it, add paths = [\"{rel}\"] or items = [\"{path}\"] to a chapter in book.toml; otherwise leave it."
        ),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_in_a_line() {
        let found = |l: &str| runs(l).into_iter().map(|r| r.plain).collect::<Vec<_>>();
        assert_eq!(found("咨询电话：0556-1234567；12333。"), vec!["0556-1234567", "12333"]);
        assert!(found("工作日8:30—12:00、14:30—17:30，新街168号").is_empty());
        assert!(found("2026-03-12 起，每月720元，共20个工作日，12345678元").is_empty());
        assert_eq!(found("电话（0556）1234567"), vec!["(0556)1234567"]);
        assert!(found("邮编：246000；邮箱 12345678@qq.com；www.a12345.cn").is_empty());
        assert!(good_phone("0556-1234567"));
        assert!(good_phone("010-12345678"));
        assert!(good_phone("0556-1234567-801"));
        assert!(good_phone("12345"));
        assert!(good_phone("400-123-4567"));
        assert!(!good_phone("1234567"));
        assert!(!good_phone("05561234567"));
        assert!(!good_phone("(0556)1234567"));
    }

    #[test]
    fn working_and_calendar_days() {
        assert!(working_days("自受理之日起5个工作日办结"));
        assert!(working_days("自受理之日起 5 个工作日办结"));
        assert!(working_days("承诺十五个工作日"));
        assert!(!working_days("工作日8:30—17:30"));
        assert_eq!(calendar_days("3天内办结").as_deref(), Some("3"));
        assert_eq!(calendar_days("15 日内办结").as_deref(), Some("15"));
        assert_eq!(calendar_days("5个工作日"), None);
    }

    #[test]
    fn nothing_is_not_free() {
        assert_eq!(bare("—"), "");
        assert_eq!(bare("/ "), "");
        assert_eq!(bare("无。"), "无");
        assert!(has_amount("每份20元"));
        assert!(!has_amount("不收费"));
    }
}
