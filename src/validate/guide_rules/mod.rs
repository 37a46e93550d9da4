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
//! GK183–GK186 are errors where `[rules] guide = "error"`, warnings otherwise (the default):
//! older guides must not stop a county's build the day it upgrades.
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

mod phones;
mod wording;

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
    let text = src.text();
    let source: Vec<&str> = text.lines().collect();
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
            wording::fee(cx, n, p);
        }
        if has(Element::TimeLimit) {
            wording::time_limit(cx, n, p);
        }
        if p.covers.iter().any(|c| c.element.is_phone()) {
            for k in p.lines.clone().filter(|k| phone_lines.insert(*k)) {
                phones::phones(cx, n, line(k), k, &p.title);
            }
        }
    }
    if let Some(c) = src.fm.contact.as_ref().filter(|c| !c.value.trim().is_empty()) {
        phones::phones(cx, n, line(c.pos.line), c.pos.line, "监督电话");
    }
}

/// The guide's sections down to `###`, each with its subsections' content.
fn parts(src: &Source) -> Vec<Part> {
    let body = src.body();
    let secs = guide::sections_to(&body, src.body_first_line, HeadingLevel::H3);
    let text = src.text();
    let source: Vec<&str> = text.lines().collect();
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
    push(
        cx,
        Diagnostic::error(
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
        ),
    );
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
            push(
                cx,
                Diagnostic::error(
                    Code::GuideFee,
                    &n.rel,
                    p.pos,
                    tr!("“{title}”下面是空的", "`{title}` (the fee) is blank"),
                    tr!(
                        "不收费的写“不收费”；收费的写明金额和收费依据（文件名称和文号）。",
                        "Write 不收费 when it is free; otherwise the amount and its basis (document and number)."
                    ),
                ),
            );
            continue;
        }
        let what_zh: Vec<&str> = of.iter().map(|e| e.what().0).collect();
        let what_en: Vec<&str> = of.iter().map(|e| e.what().1).collect();
        let (what_zh, what_en) = (what_zh.join("；"), what_en.join("; "));
        push(
            cx,
            Diagnostic::error(
                Code::GuideElement,
                &n.rel,
                p.pos,
                tr!("办事指南的“{title}”下面没有内容", "the guide's `{title}` is blank"),
                tr!(
                    "在“## {title}”下面写{what_zh}。",
                    "Write under `## {title}`: {what_en}."
                ),
            ),
        );
    }
}

/// 申请材料 as a table: it must say what each material is.
fn materials(cx: &mut Ctx, n: &Notice, p: &Part) {
    let title = &p.title;
    for b in &p.blocks {
        let Block::Table { header, rows } = b else { continue };
        let Some(col) = header.iter().position(|h| h.contains("材料") || h.contains("名称")) else {
            let first = header.first().cloned().unwrap_or_default();
            push(
                cx,
                Diagnostic::error(
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
                ),
            );
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
            push(
                cx,
                Diagnostic::error(
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
                ),
            );
        }
    }
}

/// A finding of GK183–GK186, at the severity `[rules] guide` of book.toml asks for.
fn push(cx: &mut Ctx, mut d: Diagnostic) {
    if cx.site.config.rules.guide == crate::config::RuleSeverity::Warning {
        d.severity = crate::diag::Severity::Warning;
    }
    cx.push(d);
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
