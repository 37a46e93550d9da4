//! A notice body to HTML: links rewritten to output pages, tables wrapped for small screens,
//! lists of people taken down after their grace period, raw HTML sanitised.

use crate::load::body::options;
use crate::util::text::heading_key;
use pulldown_cmark::{Alignment, CowStr, Event, HeadingLevel, Parser, Tag, TagEnd};

pub struct BodyOptions<'a> {
    /// Maps a link destination as written to the URL to use, or `None` to keep it.
    pub link: &'a dyn Fn(&str) -> Option<String>,
    /// Heading keys (see [`heading_key`]) whose tables are withdrawn, and what to say instead.
    pub withdrawn: &'a [String],
    pub withdrawn_note: &'a str,
}

pub fn to_html(body: &str, has_raw_html: bool, o: &BodyOptions) -> String {
    render(events(body, o), has_raw_html)
}

/// A notice body cut where paper needs it: the text up to where its list of people goes,
/// the text after, and what the body's end already says (see [`crate::render::closing`]).
pub struct BodyParts {
    pub before: String,
    pub after: String,
    /// The list's place was named in the text (a marker or 名单见下表); otherwise it goes
    /// between the text and the signature.
    pub anchored: bool,
    /// The clerk's signature, taken out of the text (the closing block prints it).
    pub signature: Option<crate::render::closing::Signature>,
    /// The body invites objections itself.
    pub objection: bool,
    /// The body gives the notice's 监督电话.
    pub number: bool,
}

/// [`to_html`] for a notice: split around its list (when `list`: it has a data file) and
/// without the clerk's signature. `publisher` helps recognise the signature; `contact` is
/// the notice's 监督电话.
pub fn to_parts(
    body: &str,
    has_raw_html: bool,
    o: &BodyOptions,
    list: bool,
    publisher: &str,
    contact: &str,
) -> BodyParts {
    use crate::render::closing;
    let mut events = events(body, o);
    let (blocks, spans) = blocks(&events);
    let sig = closing::signature(&blocks, publisher);
    let sig_at = sig.as_ref().map_or(blocks.len(), |(i, _)| *i);
    let anchor = if list {
        closing::list_anchor(&blocks[..sig_at])
    } else {
        None
    };
    let body_end = spans.get(sig_at).map_or(events.len(), |s| s.0);
    let cut = anchor.map_or(body_end, |(i, _)| spans[i].1);
    events.truncate(body_end);
    let after: Vec<Event> = events.drain(cut..).collect();
    if let Some((i, true)) = anchor {
        events.truncate(spans[i].0);
    }
    BodyParts {
        before: render(events, has_raw_html),
        after: render(after, has_raw_html),
        anchored: anchor.is_some(),
        signature: sig.map(|(_, s)| s),
        objection: closing::has_objection(&blocks[..sig_at]),
        number: closing::mentions_number(&blocks[..sig_at], contact),
    }
}

/// The body's top-level blocks as plain text, and the event range `[start, end)` of each.
fn blocks(events: &[Event]) -> (Vec<crate::render::closing::Block>, Vec<(usize, usize)>) {
    let mut blocks = Vec::new();
    let mut spans = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let mut text = String::new();
    let mut paragraph = false;
    for (i, e) in events.iter().enumerate() {
        if depth == 0 {
            start = i;
            text.clear();
            paragraph = matches!(e, Event::Start(Tag::Paragraph));
        }
        match e {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            _ => {}
        }
        if depth == 0 {
            blocks.push(crate::render::closing::Block {
                paragraph,
                text: std::mem::take(&mut text),
            });
            spans.push((start, i + 1));
        }
    }
    (blocks, spans)
}

fn events<'a>(body: &'a str, o: &BodyOptions) -> Vec<Event<'a>> {
    let mut events: Vec<Event> = Vec::new();
    let mut in_h2 = false;
    let mut h2_text = String::new();
    let mut section_withdrawn = false;
    let mut skipping_table = false;
    // Header cells are written here so that they carry `scope="col"` (SPEC 6, accessibility).
    let mut aligns: Vec<Alignment> = Vec::new();
    let mut head_cell: Option<usize> = None;
    // Body cells are written here too, so that a short one (a name, a number) carries `nw`
    // and is never broken on a phone: (column, index of its opening event, its text).
    let mut body_col = 0usize;
    let mut body_cell: Option<(usize, String)> = None;
    for event in Parser::new_ext(body, options()) {
        if skipping_table {
            if matches!(event, Event::End(TagEnd::Table)) {
                skipping_table = false;
                events.push(Event::Html(
                    format!("<p class=\"withdrawn\">{}</p>\n", escape(o.withdrawn_note)).into(),
                ));
            }
            continue;
        }
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) => {
                in_h2 = true;
                h2_text.clear();
                events.push(event);
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                in_h2 = false;
                section_withdrawn = o.withdrawn.contains(&heading_key(&h2_text));
                events.push(event);
            }
            Event::Text(ref t) if in_h2 => {
                h2_text.push_str(t);
                events.push(event);
            }
            Event::Start(Tag::Table(_)) if section_withdrawn => skipping_table = true,
            Event::Start(Tag::Table(ref a)) => {
                aligns = a.clone();
                events.push(Event::Html(
                    "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"表格\">".into(),
                ));
                events.push(event);
            }
            Event::Start(Tag::TableHead) => {
                head_cell = Some(0);
                events.push(event);
            }
            Event::End(TagEnd::TableHead) => {
                head_cell = None;
                events.push(event);
            }
            Event::Start(Tag::TableCell) if head_cell.is_some() => {
                let i = head_cell.unwrap_or(0);
                let align = align_attr(aligns.get(i));
                events.push(Event::Html(format!("<th scope=\"col\"{align}>").into()));
                head_cell = Some(i + 1);
            }
            Event::Start(Tag::TableRow) => {
                body_col = 0;
                events.push(event);
            }
            Event::Start(Tag::TableCell) => {
                body_cell = Some((events.len(), String::new()));
                events.push(Event::Html(String::new().into()));
            }
            Event::Text(ref t) if body_cell.is_some() => {
                if let Some((_, text)) = body_cell.as_mut() {
                    text.push_str(t);
                }
                events.push(event);
            }
            Event::End(TagEnd::TableCell) if body_cell.is_some() => {
                let (at, text) = body_cell.take().unwrap_or_default();
                let align = align_attr(aligns.get(body_col));
                let class = if is_short_cell(&text) { " class=\"nw\"" } else { "" };
                events[at] = Event::Html(format!("<td{class}{align}>").into());
                events.push(Event::Html("</td>".into()));
                body_col += 1;
            }
            Event::End(TagEnd::TableCell) if head_cell.is_some() => {
                events.push(Event::Html("</th>".into()));
            }
            Event::End(TagEnd::Table) => {
                events.push(event);
                events.push(Event::Html("</div>\n".into()));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = rewrite(&dest_url, o);
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url: dest,
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = rewrite(&dest_url, o);
                events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url: dest,
                    title,
                    id,
                }));
            }
            other => events.push(other),
        }
    }
    events
}

fn render(events: Vec<Event>, has_raw_html: bool) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if has_raw_html { sanitize(&html) } else { html }
}

fn align_attr(a: Option<&Alignment>) -> &'static str {
    match a {
        Some(Alignment::Left) => " style=\"text-align: left\"",
        Some(Alignment::Center) => " style=\"text-align: center\"",
        Some(Alignment::Right) => " style=\"text-align: right\"",
        _ => "",
    }
}

/// A cell no phone should break: a name (at most four characters) or a number.
fn is_short_cell(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && (t.chars().count() <= 4 || t.chars().all(|c| c.is_ascii_digit() || ",.-+%".contains(c)))
}

fn rewrite<'a>(dest: &CowStr<'a>, o: &BodyOptions) -> CowStr<'a> {
    let d = dest.trim();
    let lower = d.to_ascii_lowercase();
    // Markdown links are not run through the sanitiser when the body has no raw HTML, so
    // script URLs are refused here.
    if lower.starts_with("javascript:") || lower.starts_with("vbscript:") || lower.starts_with("data:text/html") {
        return CowStr::from("#");
    }
    match (o.link)(d) {
        Some(url) => CowStr::from(url),
        None => dest.clone(),
    }
}

/// Raw HTML deeper than this is flattened before sanitising: html5ever's tree building does
/// work per open element on every tag (the "in scope" checks), so 100,000 nested `<div>`s
/// took 30 s and 200,000 took 130 s. No notice nests a hundred elements deep.
const MAX_HTML_DEPTH: usize = 100;

/// `html` with the tags beyond [`MAX_HTML_DEPTH`] open elements removed (their text kept),
/// in one linear pass.
fn limit_nesting(html: &str) -> std::borrow::Cow<'_, str> {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ];
    let mut out = String::new();
    let (mut depth, mut dropped, mut copied, mut changed) = (0usize, 0usize, 0usize, false);
    let b = html.as_bytes();
    let mut i = 0;
    while let Some(lt) = html[i..].find('<').map(|k| i + k) {
        let Some(gt) = html[lt..].find('>').map(|k| lt + k) else {
            break;
        };
        let closing = b.get(lt + 1) == Some(&b'/');
        let name_start = if closing { lt + 2 } else { lt + 1 };
        let name: String = html[name_start..gt]
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        let is_element = !name.is_empty() && !VOID.contains(&name.as_str()) && !html[lt..gt].ends_with('/');
        let drop = if !is_element {
            false
        } else if closing {
            if dropped > 0 {
                dropped -= 1;
                true
            } else {
                depth = depth.saturating_sub(1);
                false
            }
        } else if depth >= MAX_HTML_DEPTH {
            dropped += 1;
            true
        } else {
            depth += 1;
            false
        };
        if drop {
            out.push_str(&html[copied..lt]);
            copied = gt + 1;
            changed = true;
        }
        i = gt + 1;
    }
    if !changed {
        return std::borrow::Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    std::borrow::Cow::Owned(out)
}

fn sanitize(html: &str) -> String {
    let html = limit_nesting(html);
    let html = html.as_ref();
    let mut b = ammonia::Builder::default();
    b.add_tags(["div", "mark", "sup", "sub", "del", "s"]);
    b.add_tag_attributes("th", ["style"]);
    b.add_tag_attributes("td", ["style", "class"]);
    // The scroll box of a table is focusable and named (keyboard users scroll it).
    b.add_tag_attributes("div", ["class", "tabindex", "role", "aria-label"]);
    b.add_tag_attributes("p", ["class"]);
    b.add_tag_attributes("sup", ["class", "id"]);
    b.add_tag_attributes("li", ["id"]);
    b.add_tag_attributes("a", ["id"]);
    b.filter_style_properties(["text-align"].into_iter().collect());
    b.url_relative(ammonia::UrlRelative::PassThrough);
    b.clean(html).to_string()
}

#[cfg(test)]
mod nesting_tests {
    #[test]
    fn deep_html_is_flattened_past_the_limit() {
        let deep = format!("{}x{}", "<div>".repeat(300), "</div>".repeat(300));
        let flat = super::limit_nesting(&deep);
        assert_eq!(flat.matches("<div>").count(), super::MAX_HTML_DEPTH);
        assert_eq!(flat.matches("</div>").count(), super::MAX_HTML_DEPTH);
        assert!(flat.contains('x'));
        let shallow = "<div><p>a<br>b</p></div>";
        assert!(matches!(super::limit_nesting(shallow), std::borrow::Cow::Borrowed(_)));
    }
}

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts<'a>(link: &'a dyn Fn(&str) -> Option<String>, w: &'a [String]) -> BodyOptions<'a> {
        BodyOptions {
            link,
            withdrawn: w,
            withdrawn_note: "名单已撤下",
        }
    }

    #[test]
    fn scripts_are_removed() {
        let none = |_: &str| None;
        let html = to_html(
            "<script>alert(1)</script><p onclick=\"x()\">甲</p>\n\n[点](javascript:alert(1))",
            true,
            &opts(&none, &[]),
        );
        assert!(!html.contains("<script"));
        assert!(!html.contains("onclick"));
        assert!(!html.contains("javascript:"));
        let html = to_html("[点](javascript:alert(1))", false, &opts(&none, &[]));
        assert!(!html.contains("javascript:"));
    }

    #[test]
    fn alignment_survives_sanitising() {
        let none = |_: &str| None;
        let html = to_html("<b>x</b>\n\n| 金额 |\n| ---: |\n| 1 |\n", true, &opts(&none, &[]));
        assert!(
            html.contains("text-align:right") || html.contains("text-align: right"),
            "{html}"
        );
    }

    #[test]
    fn header_cells_have_a_scope() {
        let none = |_: &str| None;
        for raw in [false, true] {
            let md =
                if raw { "<b>x</b>\n\n" } else { "" }.to_string() + "| 序号 | 姓名 |\n| ---: | --- |\n| 1 | 王某 |\n";
            let html = to_html(&md, raw, &opts(&none, &[]));
            assert_eq!(html.matches("<th scope=\"col\"").count(), 2, "{html}");
            assert!(
                html.contains("text-align: right") || html.contains("text-align:right"),
                "{html}"
            );
            assert!(html.contains("<td class=\"nw\">王某</td>"), "{html}");
        }
    }

    #[test]
    fn short_cells_are_kept_whole_and_long_ones_may_wrap() {
        let none = |_: &str| None;
        let md = "| 姓名 | 住址 | 金额 |\n| --- | --- | ---: |\n| 欧阳春花 | 柳河村柳河二组 | 12,400.50 |\n";
        let html = to_html(md, false, &opts(&none, &[]));
        assert!(html.contains("<td class=\"nw\">欧阳春花</td><td>柳河村柳河二组</td><td class=\"nw\" style=\"text-align: right\">12,400.50</td>"), "{html}");
    }

    #[test]
    fn withdrawn_tables_are_replaced() {
        let none = |_: &str| None;
        let w = vec![heading_key("审核对象名单")];
        let html = to_html(
            "## 审核对象名单\n\n| 户主姓名 |\n| --- |\n| 王某 |\n\n## 其他\n\n| a |\n| - |\n| b |\n",
            false,
            &opts(&none, &w),
        );
        assert!(!html.contains("王某"));
        assert!(html.contains("名单已撤下"));
        assert!(html.contains("<td class=\"nw\">b</td>"));
    }

    #[test]
    fn links_are_rewritten() {
        let map = |d: &str| (d == "附件.pdf").then(|| "../a/x-1.pdf".to_string());
        let html = to_html("[附件](附件.pdf)", false, &opts(&map, &[]));
        assert!(html.contains("href=\"../a/x-1.pdf\""));
    }
}
