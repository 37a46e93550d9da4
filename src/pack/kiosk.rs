//! The reading-room kiosk layer (`pack --kiosk`): the same pages with large touch targets, a
//! 返回首页 button on every page, a return to the home page after an idle time, print buttons
//! only where a printer is attached, and no link that leaves the kiosk.
//!
//! It is a post-pass over the pages the normal render produced, done here and only for a
//! kiosk bundle, rather than a switch inside the templates: the normal build cannot carry any
//! of it (it never runs this code), a site's own theme gets the layer without knowing of it,
//! and the kiosk pages are otherwise byte for byte the pages of the web build. The pages are
//! gongkai's own output, so the few places touched (`<html>`, `</head>`, `<body>`, `</body>`,
//! `<a href>`) are found with a small tag scanner that respects quoted attributes.

use crate::render::Output;
use crate::render::view::root_of;

/// How the kiosk behaves.
#[derive(Clone, Debug)]
pub struct Kiosk {
    /// Seconds without a touch, key or scroll before the page goes back home.
    pub idle_secs: u32,
    /// A printer is attached: show the print buttons (and let the launcher print silently).
    pub printer: bool,
}

pub const DEFAULT_IDLE_SECS: u32 = 120;

const CSS: &str = include_str!("assets/kiosk.css");
const JS: &str = include_str!("assets/kiosk.js");

/// Apply the layer to every page in `files` and add its stylesheet and script.
pub fn apply(files: &mut Vec<Output>, kiosk: &Kiosk, scanner: &crate::privacy::Scanner) {
    for f in files.iter_mut() {
        if !f.path.ends_with(".html") {
            continue;
        }
        if let Some(b) = f.content.bytes()
            && let Ok(html) = std::str::from_utf8(b)
        {
            let page = page(html, &root_of(&f.path), kiosk, scanner);
            f.content = crate::render::Content::Bytes(page.into_bytes());
        }
    }
    for (path, text) in [("static/kiosk.css", CSS), ("static/kiosk.js", JS)] {
        files.push(Output {
            path: path.to_string(),
            content: crate::render::Content::Bytes(text.as_bytes().to_vec()),
        });
    }
}

/// One page with the kiosk layer; `root` is the relative way back to the site root.
pub fn page(html: &str, root: &str, kiosk: &Kiosk, scanner: &crate::privacy::Scanner) -> String {
    let mut out = String::with_capacity(html.len() + 1024);
    let mut rest = html;
    let mut in_external = false;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let tail = &rest[lt..];
        let end = tag_end(tail);
        let tag = &tail[..end];
        rest = &tail[end..];
        let name = tag_name(tag);
        match name.as_str() {
            "html" => {
                let class = if kiosk.printer { "kiosk kiosk-printer" } else { "kiosk" };
                out.push_str(&with_attr(tag, &format!(" class=\"{class}\"")));
            }
            "/head" => {
                out.push_str(&format!("<link rel=\"stylesheet\" href=\"{root}static/kiosk.css\">\n"));
                out.push_str(tag);
            }
            "body" => {
                out.push_str(tag);
                out.push_str(&format!(
                    "\n<a class=\"kiosk-home\" href=\"{root}index.html\">返回首页</a>"
                ));
            }
            "/body" => {
                out.push_str(&format!(
                    "<script src=\"{root}static/kiosk.js\" data-home=\"{root}index.html\" data-idle=\"{}\"></script>\n",
                    kiosk.idle_secs
                ));
                out.push_str(tag);
            }
            "a" => match attr(tag, "href").filter(|h| leaves_kiosk(h)) {
                Some(href) => {
                    // The text stays readable; the address is shown, not followed.
                    let shown = scanner.mask_all(&href);
                    out.push_str(&format!(
                        "<span class=\"kiosk-external\" title=\"外部网站，请在联网的电脑上访问：{shown}\">"
                    ));
                    in_external = true;
                }
                None => out.push_str(tag),
            },
            "/a" if in_external => {
                out.push_str("</span>");
                in_external = false;
            }
            // Script and style text is not markup: copied as it is, up to its end tag.
            "script" | "style" => {
                out.push_str(tag);
                let close = format!("</{name}");
                let end = rest.to_ascii_lowercase().find(&close).unwrap_or(rest.len());
                out.push_str(&rest[..end]);
                rest = &rest[end..];
            }
            _ => out.push_str(tag),
        }
    }
    out.push_str(rest);
    out
}

/// Whether following `href` would leave the bundle: any scheme (`https:`, `mailto:`, `tel:`)
/// or a host (`//…`). Relative links and `#fragments` stay.
pub fn leaves_kiosk(href: &str) -> bool {
    let h = href.trim();
    if h.starts_with("//") {
        return true;
    }
    match h.find(':') {
        Some(colon) => {
            let scheme = &h[..colon];
            !scheme.is_empty()
                && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && !h[..colon].contains('/')
        }
        None => false,
    }
}

/// Byte length of the tag (or comment, or stray `<`) at the start of `s`.
fn tag_end(s: &str) -> usize {
    if s.starts_with("<!--") {
        return s.find("-->").map_or(s.len(), |i| i + 3);
    }
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return i + 1,
            (None, '<') => return i,
            _ => {}
        }
    }
    s.len()
}

/// `a`, `/a`, `body`…, lower-cased; empty for comments and text.
fn tag_name(tag: &str) -> String {
    tag[1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The value of attribute `name` in `tag` (double- or single-quoted, or bare), entity `&amp;`
/// decoded.
fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let before = lower[..at].chars().last().unwrap_or(' ');
        if !before.is_ascii_whitespace() {
            continue;
        }
        let after = tag[from..].trim_start();
        let Some(v) = after.strip_prefix('=') else { continue };
        let v = v.trim_start();
        let value = match v.chars().next() {
            Some(q @ ('"' | '\'')) => v[1..].split(q).next().unwrap_or(""),
            _ => v
                .split(|c: char| c.is_ascii_whitespace() || c == '>')
                .next()
                .unwrap_or(""),
        };
        return Some(value.replace("&amp;", "&"));
    }
    None
}

/// `tag` with `extra` attributes before its closing `>`; an existing `class` is merged.
fn with_attr(tag: &str, extra: &str) -> String {
    let body = tag.trim_end_matches('>');
    if let Some(i) = body.find("class=\"") {
        let class = extra.trim().trim_start_matches("class=\"").trim_end_matches('"');
        let at = i + "class=\"".len();
        return format!("{}{class} {}>", &body[..at], &body[at..]);
    }
    format!("{body}{extra}>")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k() -> Kiosk {
        Kiosk {
            idle_secs: 90,
            printer: false,
        }
    }

    #[test]
    fn layer_and_links() {
        let scanner = crate::privacy::Scanner::new(jiff::civil::date(2026, 11, 28));
        let html = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><title>t</title></head>\n<body>\n\
            <a href=\"../a.html\">甲</a> <a title=\"x>y\" href=\"https://www.gov.cn/\">国务院</a> \
            <a href='mailto:a@b.cn'>信箱</a> <a href=\"#main\">跳</a><!-- <a href=\"http://x\"> -->\n\
            <script>if (a<b) x = '<a href=\"https://x\">';</script>\n</body>\n</html>\n";
        let out = page(html, "../", &k(), &scanner);
        assert!(out.contains("<html lang=\"zh-CN\" class=\"kiosk\">"));
        assert!(out.contains("href=\"../static/kiosk.css\">\n</head>"));
        assert!(out.contains("<body>\n<a class=\"kiosk-home\" href=\"../index.html\">返回首页</a>"));
        assert!(out.contains("data-idle=\"90\""));
        assert!(out.contains("<a href=\"../a.html\">甲</a>"));
        assert!(out.contains("访问：https://www.gov.cn/\">国务院</span>"));
        assert!(out.contains("访问：mailto:a@b.cn\">信箱</span>"));
        assert!(out.contains("<a href=\"#main\">跳</a>"));
        assert!(!out.contains("href=\"https://www.gov.cn/\""));
        assert!(!out.contains("href='mailto"));
        assert!(out.contains("<script>if (a<b) x = '<a href=\"https://x\">';</script>"));
    }

    #[test]
    fn what_leaves() {
        for h in [
            "https://x.cn",
            "HTTP://x",
            "//cdn.x",
            "tel:0556",
            "mailto:a@b",
            "ftp://x",
        ] {
            assert!(leaves_kiosk(h), "{h}");
        }
        for h in ["a.html", "../x/y.html?q=a:b", "#top", "search.html?q=低保", ""] {
            assert!(!leaves_kiosk(h), "{h}");
        }
    }

    #[test]
    fn class_is_merged() {
        assert_eq!(
            with_attr("<html class=\"large\">", " class=\"kiosk\""),
            "<html class=\"kiosk large\">"
        );
    }
}
