//! Accessibility and 适老化 (SPEC 6): the built pages of the fixture sites, read as HTML and
//! rendered by headless Chromium. Semantic HTML (one h1, landmarks, `lang`, a skip link that
//! is the first thing to focus, labelled controls, tables with scoped header cells, no empty
//! links, images with alt); a visible focus state; text contrast of at least 4.5:1, from the
//! theme's CSS and from every rendered text; a large-font (长者) mode that persists from page
//! to page; no horizontal page overflow on a 360 px phone, at 320 px, in the large mode and
//! at 200 % (wide tables scroll inside their `.table-wrap`); pages that work without scripts.

mod common;
use common::*;
use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The notice with a Markdown table in its body (basic fixture).
const BODY_TABLE_NOTICE: &str = "qingshan/social-assistance/dibao-2026q4.html";
/// The notice with the 200-row list (print fixture).
const WIDE_NOTICE: &str = "qingshan/social-assistance/dibao-2026q4.html";
/// A notice with an image in its body (print fixture).
const IMAGE_NOTICE: &str = "qingshan/disaster-relief/zaihai-jiuzhu.html";
/// The full standard catalog: a table of 15 columns.
const CATALOG: &str = "catalogs/social-assistance.html";
/// Notices whose 公示期 has not started, is over, and whose list is withdrawn (print fixture).
const NOT_STARTED: &str = "qingshan/social-assistance/dibao-2026-12.html";
const ENDED: &str = "qingshan/social-assistance/dibao-2026-11a.html";
const WITHDRAWN: &str = "qingshan/social-assistance/dibao-2026q1.html";
/// `search.html?q=公示`: the search page with results.
const SEARCH_QUERY: &str = "q=%E5%85%AC%E7%A4%BA";

fn built(name: &str) -> (tempfile::TempDir, PathBuf) {
    let (tmp, site) = copy_site(&fixture(name));
    let out = tmp.path().join("out");
    build(&site, &out);
    (tmp, out)
}

fn html_pages(out: &Path) -> Vec<String> {
    files(out).into_iter().filter(|f| f.ends_with(".html")).collect()
}

// ---------------------------------------------------------------------------------------
// Semantic HTML, read from the files.
// ---------------------------------------------------------------------------------------

fn attr<'a>(e: &scraper::ElementRef<'a>, name: &str) -> Option<&'a str> {
    e.value().attr(name)
}

fn text_of(e: &scraper::ElementRef) -> String {
    e.text().collect::<String>().trim().to_string()
}

/// Whether `e` is inside an element of class `class`.
fn in_class(e: &scraper::ElementRef, class: &str) -> bool {
    e.ancestors()
        .any(|a| a.value().as_element().is_some_and(|x| x.classes().any(|c| c == class)))
}

/// What can take keyboard focus, in document order (without scripts: the hidden buttons
/// cannot).
const FOCUSABLE: &str = "a[href], button:not([hidden]), input:not([type=hidden]), select, \
                         textarea, summary, [tabindex]:not([tabindex='-1'])";

/// Every rule of SPEC 6's semantic bar, on one page; the problems found.
fn semantic_problems(f: &str, doc: &scraper::Html) -> Vec<String> {
    let mut p = Vec::new();
    let root = doc.root_element();
    if attr(&root, "lang") != Some("zh-CN") {
        p.push(format!("{f}: <html lang> is {:?}", attr(&root, "lang")));
    }
    let h1 = doc.select(&sel("h1")).count();
    if h1 != 1 {
        p.push(format!("{f}: {h1} <h1> elements"));
    }
    // Landmarks: banner (body > header) with the site navigation, one main, contentinfo.
    for (css, what) in [
        ("body > header", "page header (banner)"),
        ("body > header nav, body > nav", "navigation"),
        ("body > main#main", "main#main"),
        ("body > footer", "page footer (contentinfo)"),
    ] {
        if doc.select(&sel(css)).next().is_none() {
            p.push(format!("{f}: no {what} landmark ({css})"));
        }
    }
    if doc.select(&sel("main")).count() != 1 {
        p.push(format!("{f}: not exactly one <main>"));
    }
    // Several navigation landmarks must be told apart.
    for nav in doc.select(&sel("nav")) {
        if attr(&nav, "aria-label").is_none_or(|l| l.trim().is_empty()) {
            p.push(format!("{f}: <nav> without aria-label"));
        }
    }
    // The skip link is the first thing to focus and leads to main.
    match doc.select(&sel(FOCUSABLE)).next() {
        Some(first) if first.value().name() == "a" && attr(&first, "href") == Some("#main") => {
            if !first.value().classes().any(|c| c == "skip") || text_of(&first).is_empty() {
                p.push(format!("{f}: the skip link has no class `skip` or no text"));
            }
        }
        other => p.push(format!(
            "{f}: the first focusable element is not the skip link to #main but {:?}",
            other.map(|e| e.html().chars().take(80).collect::<String>())
        )),
    }
    // Ids are unique (labels and skip links depend on it).
    let mut ids = HashSet::new();
    for e in doc.select(&sel("[id]")) {
        let id = attr(&e, "id").unwrap();
        if !ids.insert(id.to_string()) {
            p.push(format!("{f}: duplicate id {id:?}"));
        }
    }
    // Every form control has a label.
    for c in doc.select(&sel("input, select, textarea")) {
        if matches!(attr(&c, "type"), Some("hidden" | "submit" | "button" | "reset")) {
            continue;
        }
        let id = attr(&c, "id").unwrap_or("");
        let by_for = !id.is_empty()
            && doc
                .select(&sel("label[for]"))
                .any(|l| attr(&l, "for") == Some(id) && !text_of(&l).is_empty());
        let wrapped = c
            .ancestors()
            .any(|a| a.value().as_element().is_some_and(|e| e.name() == "label"));
        let aria =
            attr(&c, "aria-label").is_some_and(|l| !l.trim().is_empty()) || attr(&c, "aria-labelledby").is_some();
        if !(by_for || wrapped || aria) {
            p.push(format!("{f}: unlabelled control {}", c.html()));
        }
    }
    for b in doc.select(&sel("button")) {
        if text_of(&b).is_empty() && attr(&b, "aria-label").is_none() {
            p.push(format!("{f}: button without text {}", b.html()));
        }
    }
    // Tables: header cells with a scope, in a thead; captions on the site's own catalog tables.
    for t in doc.select(&sel("table")) {
        let ths: Vec<_> = t.select(&sel("th")).collect();
        if ths.is_empty() || t.select(&sel("thead th")).next().is_none() {
            p.push(format!("{f}: a table without header cells in <thead>"));
        }
        for th in &ths {
            if !matches!(attr(th, "scope"), Some("col" | "row" | "colgroup" | "rowgroup")) {
                p.push(format!("{f}: <th> without scope: {}", th.html()));
            }
        }
        let in_body = in_class(&t, "notice-body") || in_class(&t, "data-table");
        let named = t.select(&sel("caption")).any(|c| !text_of(&c).is_empty())
            || attr(&t, "aria-labelledby").is_some_and(|id| {
                id.split_whitespace().all(|id| {
                    doc.select(&sel(&format!("[id='{id}']")))
                        .any(|e| !text_of(&e).is_empty())
                })
            });
        if !in_body && !named {
            p.push(format!(
                "{f}: a site table without caption or aria-labelledby: {}",
                t.html().chars().take(120).collect::<String>()
            ));
        }
    }
    // No empty links; no links that need scripts.
    for a in doc.select(&sel("a")) {
        let href = attr(&a, "href");
        let Some(href) = href else {
            p.push(format!("{f}: <a> without href: {}", a.html()));
            continue;
        };
        let labelled = !text_of(&a).is_empty()
            || attr(&a, "aria-label").is_some_and(|l| !l.trim().is_empty())
            || a.select(&sel("img[alt]"))
                .any(|i| !attr(&i, "alt").unwrap().trim().is_empty());
        if !labelled {
            p.push(format!("{f}: empty link {}", a.html()));
        }
        // A clerk's `javascript:` link in a body is defused to `#` by the renderer (see
        // render/markdown.rs); the site's own links never need scripts.
        let defused = href.trim() == "#" && in_class(&a, "notice-body");
        let h = href.trim().to_ascii_lowercase();
        if !defused && (h == "#" || h.is_empty() || h.starts_with("javascript:")) {
            p.push(format!("{f}: link that needs scripts: {}", a.html()));
        }
    }
    for e in doc.select(&sel("*")) {
        if e.value().attrs().any(|(k, _)| k.starts_with("on")) {
            p.push(format!("{f}: inline event handler on <{}>", e.value().name()));
        }
    }
    // Images have alt text; inline SVG is either hidden from assistive technology or named.
    for i in doc.select(&sel("img")) {
        let decorative = attr(&i, "role") == Some("presentation") || attr(&i, "aria-hidden") == Some("true");
        match attr(&i, "alt") {
            None => p.push(format!("{f}: <img> without alt: {}", i.html())),
            Some(a) if a.trim().is_empty() && !decorative => p.push(format!("{f}: <img> with empty alt: {}", i.html())),
            _ => {}
        }
    }
    for s in doc.select(&sel("svg")) {
        let hidden = s.ancestors().chain(std::iter::once(*s)).any(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| e.attr("aria-hidden") == Some("true"))
        });
        if !hidden && attr(&s, "aria-label").is_none() && s.select(&sel("title")).next().is_none() {
            p.push(format!("{f}: <svg> neither hidden nor named"));
        }
    }
    // Headings do not skip a level on the way down.
    let mut last = 0;
    for h in doc.select(&sel("h1, h2, h3, h4, h5, h6")) {
        let level = h.value().name()[1..].parse::<usize>().unwrap();
        if last > 0 && level > last + 1 {
            p.push(format!("{f}: <h{level}> follows <h{last}>: {}", text_of(&h)));
        }
        last = level;
    }
    // The script-only buttons are hidden in the HTML (site.js shows them).
    for id in ["large-toggle", "print-btn"] {
        if let Some(b) = doc.select(&sel(&format!("#{id}"))).next()
            && attr(&b, "hidden").is_none()
        {
            p.push(format!("{f}: #{id} is not `hidden` without scripts"));
        }
    }
    p
}

#[test]
fn every_page_is_semantic_html() {
    let mut problems = Vec::new();
    let mut pages = 0;
    for fixture_name in ["basic", "print", "policy"] {
        let (_t, out) = built(fixture_name);
        for f in html_pages(&out) {
            let doc = html(&out.join(&f));
            problems.extend(semantic_problems(&format!("{fixture_name}/{f}"), &doc));
            pages += 1;
        }
    }
    assert!(pages > 150, "only {pages} pages checked");
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_checks_catch_broken_markup() {
    // The semantic checks above are not vacuous: a page with every mistake fails each rule.
    let bad = scraper::Html::parse_document(
        r##"<!DOCTYPE html><html lang="en"><body>
        <a href="index.html">首页</a><a class="skip" href="#main">跳到正文</a>
        <div><h1>一</h1><h1>二</h1><h4>四</h4></div>
        <input id="x"><input id="x"><a href="a.html"></a><a href="#">点</a>
        <table><tr><th>甲</th></tr><tr><td>1</td></tr></table>
        <img src="a.png"><svg></svg><button type="button" id="large-toggle">长者模式</button>
        <p onclick="x()">乙</p></body></html>"##,
    );
    let p = semantic_problems("bad.html", &bad).join("\n");
    for must in [
        "<html lang>",
        "2 <h1>",
        "page header",
        "no main#main",
        "page footer",
        "first focusable element is not the skip link",
        "duplicate id",
        "unlabelled control",
        "without header cells",
        "<th> without scope",
        "without caption",
        "empty link",
        "link that needs scripts",
        "inline event handler",
        "<img> without alt",
        "<svg> neither",
        "<h4> follows <h1>",
        "#large-toggle is not `hidden`",
    ] {
        assert!(p.contains(must), "the checks miss `{must}`:\n{p}");
    }
}

#[test]
fn pages_work_without_scripts() {
    let (_t, out) = built("basic");
    for f in html_pages(&out) {
        let doc = html(&out.join(&f));
        // Navigation, lists and notices are plain links to pages of the output.
        let nav: Vec<_> = doc.select(&sel(".site-nav a")).collect();
        assert!(nav.len() >= 4, "{f}: {} navigation links", nav.len());
        for a in nav.iter().chain(
            doc.select(&sel(".crumbs a, .cards a, .tiles a, .catalog-view a"))
                .collect::<Vec<_>>()
                .iter(),
        ) {
            let href = attr(a, "href").unwrap();
            let path = href.split('#').next().unwrap();
            assert!(
                path.ends_with(".html") && out.join(&f).parent().unwrap().join(path).is_file(),
                "{f}: {href} is not a page of the output"
            );
        }
        // The header search is a plain GET form to the search page.
        let form = doc.select(&sel("form.search-box")).next().expect("search form");
        assert_eq!(attr(&form, "method"), Some("get"), "{f}");
        assert!(attr(&form, "action").unwrap().ends_with("search.html"), "{f}");
    }
    // The search page tells readers without scripts what to do instead.
    let search = html(&out.join("search.html"));
    assert!(
        texts(&search, "#search-status noscript")
            .join("")
            .contains("JavaScript"),
        "search.html has no <noscript> message"
    );
}

// ---------------------------------------------------------------------------------------
// Colours: WCAG contrast from the theme's CSS.
// ---------------------------------------------------------------------------------------

type Rgb = [u8; 3];

/// WCAG 2 relative luminance of an sRGB colour.
fn luminance(c: Rgb) -> f64 {
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

/// WCAG 2 contrast ratio, 1 to 21.
fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

fn parse_hex(s: &str) -> Option<Rgb> {
    let h = s.strip_prefix('#')?;
    let n = |i: usize, len: usize| u8::from_str_radix(&h[i..i + len], 16).ok();
    match h.len() {
        3 => Some([n(0, 1)? * 17, n(1, 1)? * 17, n(2, 1)? * 17]),
        6 => Some([n(0, 2)?, n(2, 2)?, n(4, 2)?]),
        _ => None,
    }
}

#[test]
fn contrast_formula_matches_known_values() {
    assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
    assert!((contrast([255, 255, 255], [255, 255, 255]) - 1.0).abs() < 1e-9);
    // #767676 on white is the classic 4.54:1 grey; #777 falls just short.
    assert!((contrast(parse_hex("#767676").unwrap(), [255; 3]) - 4.54).abs() < 0.01);
    assert!(contrast(parse_hex("#777").unwrap(), [255; 3]) < 4.5);
}

/// The top-level style rules of a stylesheet (selectors, declarations); at-rules (`@media`,
/// `@page`) are left out: they are print rules, not what a screen shows.
struct Css {
    rules: Vec<Rule>,
}

/// A style rule: its selectors and its declarations (property, value).
type Rule = (Vec<String>, Vec<(String, String)>);

/// A colour of the theme: (selector, property).
type Colour<'a> = (&'a str, &'a str);

impl Css {
    fn parse(src: &str) -> Css {
        let mut s = String::new();
        let mut rest = src;
        while let Some(i) = rest.find("/*") {
            s.push_str(&rest[..i]);
            rest = rest[i..].find("*/").map_or("", |j| &rest[i + j + 2..]);
        }
        s.push_str(rest);
        let mut rules = Vec::new();
        let mut rest = s.as_str();
        while let Some(open) = rest.find('{') {
            let prelude = rest[..open].trim();
            // The block's end, nesting counted.
            let mut depth = 0;
            let mut end = rest.len();
            for (i, ch) in rest[open..].char_indices() {
                match ch {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = open + i;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let body = &rest[open + 1..end];
            if !prelude.starts_with('@') {
                let selectors = prelude.split(',').map(|x| x.trim().to_string()).collect();
                let decls = body
                    .split(';')
                    .filter_map(|d| d.split_once(':'))
                    .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
                    .collect();
                rules.push((selectors, decls));
            }
            rest = rest.get(end + 1..).unwrap_or("");
        }
        Css { rules }
    }

    /// The value of `prop` in the last rule whose selector list has `selector`.
    fn value(&self, selector: &str, prop: &str) -> Option<String> {
        self.rules
            .iter()
            .rev()
            .filter(|(sels, _)| sels.iter().any(|s| s == selector))
            .find_map(|(_, decls)| decls.iter().rev().find(|(k, _)| k == prop).map(|(_, v)| v.clone()))
    }

    /// A colour of a rule (`color`, or the colour in `background`/`background-color`),
    /// custom properties resolved.
    fn colour(&self, selector: &str, prop: &str) -> Rgb {
        let v = if prop == "background" {
            self.value(selector, "background")
                .or_else(|| self.value(selector, "background-color"))
        } else {
            self.value(selector, prop)
        }
        .unwrap_or_else(|| panic!("style.css: no `{prop}` for `{selector}`"));
        v.split_whitespace()
            .find_map(|w| self.resolve(w))
            .unwrap_or_else(|| panic!("style.css: `{selector} {{ {prop}: {v} }}` has no colour"))
    }

    fn resolve(&self, word: &str) -> Option<Rgb> {
        if let Some(name) = word.strip_prefix("var(").and_then(|w| w.strip_suffix(')')) {
            let v = self.value(":root", name.trim())?;
            return v.split_whitespace().find_map(|w| self.resolve(w));
        }
        match word {
            "white" => Some([255; 3]),
            "black" => Some([0; 3]),
            _ => parse_hex(word),
        }
    }
}

fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

fn theme_css(name: &str) -> String {
    read(&repo().join("themes/default/static").join(name))
}

#[test]
fn theme_colours_have_a_contrast_of_at_least_4_5() {
    let css = Css::parse(&theme_css("style.css"));
    // (what, foreground (selector, property), background (selector, property))
    let pairs: &[(&str, Colour, Colour)] = &[
        ("正文 main text", ("body", "color"), ("body", "background")),
        ("次要文字 muted text", (".lead", "color"), ("body", "background")),
        (
            "muted text on tiles and facts",
            (".tiles span", "color"),
            (".tiles a", "background"),
        ),
        (
            "muted text in a blank catalog row",
            (".empty", "color"),
            ("tr.blank td", "background"),
        ),
        ("links", ("a", "color"), ("body", "background")),
        ("links on tiles and facts", ("a", "color"), (".facts", "background")),
        ("breadcrumbs", (".crumbs", "color"), ("body", "background")),
        ("placeholder", ("::placeholder", "color"), ("body", "background")),
        ("header text", (".site-header", "color"), (".site-header", "background")),
        ("header title", (".site-title", "color"), (".site-header", "background")),
        ("header links", (".site-nav a", "color"), (".site-header", "background")),
        ("footer text", (".site-footer", "color"), (".site-footer", "background")),
        (
            "footer links",
            (".site-footer a", "color"),
            (".site-footer", "background"),
        ),
        ("table header cells", ("body", "color"), ("th", "background")),
        ("buttons", ("button", "color"), ("button", "background")),
        ("skip link", (".skip", "color"), (".skip", "background")),
        ("公示中 in lists", (".period-running", "color"), ("body", "background")),
        (
            "banner: 公示中",
            (".period-running", "color"),
            (".period-banner", "background"),
        ),
        (
            "banner: 未开始",
            (".period-not_started", "color"),
            (".period-banner", "background"),
        ),
        (
            "banner: 已结束 / 已撤下",
            (".period-ended", "color"),
            (".period-banner.period-ended", "background"),
        ),
    ];
    let mut report = String::new();
    let mut low = Vec::new();
    for (what, fg, bg) in pairs {
        let (f, b) = (css.colour(fg.0, fg.1), css.colour(bg.0, bg.1));
        let r = contrast(f, b);
        report.push_str(&format!("  {r:5.2}:1  {} on {}  {what}\n", hex(f), hex(b)));
        if r < 4.5 {
            low.push(format!("{what}: {} on {} is {r:.2}:1", hex(f), hex(b)));
        }
    }
    eprintln!("contrast of the theme's text colours (style.css):\n{report}");
    assert!(low.is_empty(), "below 4.5:1:\n{}", low.join("\n"));
}

#[test]
fn focus_is_visible_on_every_background() {
    let css = Css::parse(&theme_css("style.css"));
    // One rule gives links, buttons and form controls a focus state.
    let (sels, decls) = css
        .rules
        .iter()
        .rev()
        .find(|(s, _)| s.iter().any(|s| s == "a:focus"))
        .expect("style.css has no a:focus rule");
    for s in [
        "a:focus",
        "button:focus",
        "input:focus",
        "select:focus",
        "summary:focus",
    ] {
        assert!(sels.iter().any(|x| x == s), "the focus rule lacks {s}: {sels:?}");
    }
    let get = |k: &str| decls.iter().rev().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let outline = get("outline").expect("the focus rule sets no outline");
    let width: f64 = outline
        .split_whitespace()
        .find_map(|w| w.strip_suffix("px")?.parse().ok())
        .expect("outline width in px");
    assert!(width >= 2.0, "focus outline {outline} is thinner than 2px");
    assert!(outline.contains("solid"), "focus outline {outline}");
    let ring = outline
        .split_whitespace()
        .find_map(|w| css.resolve(w))
        .expect("outline colour");
    // A second ring (box-shadow spread) around it.
    let shadow = get("box-shadow").map(|v| {
        v.split_whitespace()
            .find_map(|w| css.resolve(w))
            .expect("shadow colour")
    });
    // One of the rings stands out (3:1, WCAG 1.4.11) on each background a control sits on.
    let mut report = String::new();
    for (what, bg) in [
        ("page", css.colour("body", "background")),
        ("tiles and facts", css.colour(".facts", "background")),
        ("header", css.colour(".site-header", "background")),
        ("footer", css.colour(".site-footer", "background")),
    ] {
        let best = std::iter::once(ring)
            .chain(shadow)
            .map(|c| (contrast(c, bg), c))
            .fold((0.0, ring), |a, b| if b.0 > a.0 { b } else { a });
        report.push_str(&format!(
            "  {:5.2}:1  ring {} on {what} {}\n",
            best.0,
            hex(best.1),
            hex(bg)
        ));
        assert!(best.0 >= 3.0, "focus ring invisible on the {what}: {report}");
    }
    eprintln!("focus ring contrast:\n{report}");
    // Nothing takes the focus outline away.
    for sheet in ["style.css", "search.css"] {
        let s = theme_css(sheet).replace(' ', "");
        for bad in ["outline:none", "outline:0;", "outline:0}"] {
            assert!(!s.contains(bad), "{sheet} removes the focus outline ({bad})");
        }
    }
}

#[test]
fn large_mode_meets_the_elder_sizes() {
    let css = Css::parse(&theme_css("style.css"));
    let size = css.value("html.large", "font-size").expect("html.large font-size");
    let pct: f64 = size.trim_end_matches('%').parse().expect("a percentage");
    // 18 pt (24 px) body text in the 长者 mode; line spacing at least 1.3.
    assert!(pct * 16.0 / 100.0 >= 24.0, "large mode is {size} of 16 px");
    let lh: f64 = css.value("body", "line-height").unwrap().parse().unwrap();
    assert!(lh >= 1.3, "line-height {lh}");
}

// ---------------------------------------------------------------------------------------
// Headless Chromium.
// ---------------------------------------------------------------------------------------

/// `chromium --headless --dump-dom URL` with the given profile and extra switches; the DOM
/// after the page's scripts ran (virtual time). Killed after two minutes.
fn chrome_dom(chrome: &Path, profile: &Path, extra: &[&str], url: &str) -> String {
    let mut child = Command::new(chrome)
        .args(HEADLESS)
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .args(["--dump-dom", url])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let started = Instant::now();
    while child.try_wait().ok().flatten().is_none() {
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish in 120 s on {url}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().unwrap_or_default()
}

/// A copy of the built page `rel` beside it, `NAME.SUFFIX.html`, with `script` appended to
/// its body; the copy's path relative to `out`.
fn with_script(out: &Path, rel: &str, suffix: &str, script: &str) -> String {
    with_tail(out, rel, suffix, &format!("<script>{script}</script>"))
}

/// A copy of the built page `rel` beside it, `NAME.SUFFIX.html`, with the HTML `tail`
/// appended to its body; the copy's path relative to `out`.
fn with_tail(out: &Path, rel: &str, suffix: &str, tail: &str) -> String {
    let page = read(&out.join(rel));
    assert!(page.contains("</body>"), "{rel} has no </body>");
    let copy = format!("{}.{suffix}.html", rel.strip_suffix(".html").unwrap());
    std::fs::write(out.join(&copy), page.replacen("</body>", &format!("{tail}</body>"), 1)).unwrap();
    copy
}

#[test]
fn large_font_mode_persists_across_pages() {
    let Some(chrome) = chromium() else { return };
    let (tmp, out) = built("basic");
    let profile = tmp.path().join("profile");
    let budget = ["--virtual-time-budget=3000"];
    let url = |rel: &str| file_url(&out.join(rel));

    // A fresh profile: standard size, the toggle shown by site.js and not pressed.
    let dom = chrome_dom(&chrome, &profile, &budget, &url("qingshan/index.html"));
    let doc = scraper::Html::parse_document(&dom);
    assert!(
        !doc.root_element().value().classes().any(|c| c == "large"),
        "large mode on before anyone chose it"
    );
    let toggle = doc.select(&sel("#large-toggle")).next().expect("#large-toggle");
    assert!(attr(&toggle, "hidden").is_none(), "site.js did not show the toggle");
    assert_eq!(attr(&toggle, "aria-pressed"), Some("false"));

    // The home page, its toggle clicked as a reader would.
    let click = with_script(
        &out,
        "index.html",
        "click",
        "document.getElementById('large-toggle').click();",
    );
    let dom = chrome_dom(&chrome, &profile, &budget, &url(&click));
    let doc = scraper::Html::parse_document(&dom);
    assert!(
        doc.root_element().value().classes().any(|c| c == "large"),
        "the click did not turn large mode on"
    );

    // Another page, in another directory, later: still large, and the button says so.
    for rel in [BODY_TABLE_NOTICE, "catalogs/index.html"] {
        let dom = chrome_dom(&chrome, &profile, &budget, &url(rel));
        let doc = scraper::Html::parse_document(&dom);
        assert!(
            doc.root_element().value().classes().any(|c| c == "large"),
            "{rel}: large mode did not persist (<html> is {:?})",
            dom.lines().find(|l| l.contains("<html"))
        );
        let toggle = doc.select(&sel("#large-toggle")).next().unwrap();
        assert_eq!(attr(&toggle, "aria-pressed"), Some("true"), "{rel}");
        assert_eq!(text_of(&toggle), "标准字号", "{rel}");
    }

    // Clicking again returns to the standard size, on every page.
    let dom = chrome_dom(&chrome, &profile, &budget, &url(&click));
    assert!(
        !scraper::Html::parse_document(&dom)
            .root_element()
            .value()
            .classes()
            .any(|c| c == "large")
    );
    let dom = chrome_dom(&chrome, &profile, &budget, &url("qingshan/index.html"));
    assert!(
        !scraper::Html::parse_document(&dom)
            .root_element()
            .value()
            .classes()
            .any(|c| c == "large"),
        "large mode did not turn off"
    );
}

#[test]
fn script_buttons_stay_hidden_without_scripts() {
    let Some(chrome) = chromium() else { return };
    let (tmp, out) = built("basic");
    let url = file_url(&out.join(BODY_TABLE_NOTICE));
    for scripts in [false, true] {
        let profile = tmp.path().join(format!("profile-{scripts}"));
        if !scripts {
            // JavaScript blocked in the browser's settings, as a reader may have it.
            std::fs::create_dir_all(profile.join("Default")).unwrap();
            std::fs::write(
                profile.join("Default/Preferences"),
                r#"{"profile":{"default_content_setting_values":{"javascript":2}}}"#,
            )
            .unwrap();
        }
        let dom = chrome_dom(&chrome, &profile, &["--virtual-time-budget=3000"], &url);
        let doc = scraper::Html::parse_document(&dom);
        for id in ["large-toggle", "print-btn"] {
            let b = doc
                .select(&sel(&format!("#{id}")))
                .next()
                .unwrap_or_else(|| panic!("no #{id}:\n{dom}"));
            assert_eq!(
                attr(&b, "hidden").is_some(),
                !scripts,
                "#{id} with scripts {}",
                if scripts { "on" } else { "off" }
            );
        }
        // The navigation and the notice are there either way.
        assert!(doc.select(&sel(".site-nav a[href]")).count() >= 4);
        assert_eq!(texts(&doc, "h1"), vec!["柳河村2026年第四季度最低生活保障审核对象公示"]);
    }
}

/// Appended to each page the browser tests load in an iframe of the harness: it measures the
/// page (mode `layout`) or audits its colours and focus (mode `audit`) and posts the result,
/// as JSON, to the harness.
const PROBE: &str = r##"
(function () {
  var P = new URLSearchParams(location.search);
  var d = document.documentElement;
  function rgba(s) {
    var m = /rgba?\(([^)]*)\)/.exec(s || "");
    if (!m) return null;
    var p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  }
  function over(top, under) {
    var a = top[3];
    return [0, 1, 2].map(function (i) { return top[i] * a + under[i] * (1 - a); }).concat([1]);
  }
  function hex(c) {
    return "#" + c.slice(0, 3).map(function (v) { return ("0" + Math.round(v).toString(16)).slice(-2); }).join("");
  }
  function bg(e) {
    var layers = [];
    for (var p = e; p; p = p.parentElement) {
      var c = rgba(getComputedStyle(p).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    var out = [255, 255, 255, 1];
    for (var i = layers.length - 1; i >= 0; i--) out = over(layers[i], out);
    return out;
  }
  function name(e) {
    var s = e.tagName.toLowerCase();
    if (e.id) s += "#" + e.id;
    if (typeof e.className === "string" && e.className.trim()) s += "." + e.className.trim().split(/\s+/).join(".");
    return s;
  }
  function path(e) {
    var parts = [];
    for (var p = e; p && p !== d && parts.length < 4; p = p.parentElement) parts.unshift(name(p));
    return parts.join(" > ");
  }
  function shown(e) { return e.getClientRects().length > 0 && getComputedStyle(e).visibility === "visible"; }
  function audit() {
    var seen = {}, text = [];
    function add(e, fg, what) {
      var b = bg(e), f = over(fg, b);
      var rec = { fg: hex(f), bg: hex(b), at: path(e) + what, sample: (e.textContent || e.placeholder || "").trim().slice(0, 16) };
      var key = rec.fg + rec.bg + rec.at;
      if (!seen[key]) { seen[key] = 1; text.push(rec); }
    }
    document.querySelectorAll("body *").forEach(function (e) {
      if (!shown(e)) return;
      for (var n = e.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 3 && n.nodeValue.trim()) { add(e, rgba(getComputedStyle(e).color), ""); break; }
      }
      if (e.placeholder && !e.value) add(e, rgba(getComputedStyle(e, "::placeholder").color), "::placeholder");
    });
    var focus = [];
    ["a.skip", ".site-title", ".site-nav a", ".crumbs a", "#q-top", ".search-box button", "#large-toggle",
     "main a", "main select", "main input", "main button", "main summary", ".facts a", ".site-footer a"].forEach(function (s) {
      var e = document.querySelector(s);
      if (!e || !shown(e)) return;
      e.focus();
      var cs = getComputedStyle(e);
      var sh = rgba(cs.boxShadow), spread = /(-?[\d.]+)px\s*$/.exec(cs.boxShadow.replace(/\s*inset\s*/, ""));
      focus.push({ sel: s, focused: document.activeElement === e, style: cs.outlineStyle, width: parseFloat(cs.outlineWidth),
                   color: hex(rgba(cs.outlineColor)), shadow: sh ? hex(sh) : null, spread: spread ? parseFloat(spread[1]) : 0,
                   behind: hex(bg(e.parentElement)) });
      e.blur();
    });
    var toggles = [];
    ["large-toggle", "print-btn"].forEach(function (id) {
      var e = document.getElementById(id);
      if (!e) return;
      var shownWithScripts = !e.hidden && getComputedStyle(e).display !== "none";
      e.hidden = true;
      var hiddenHonoured = getComputedStyle(e).display === "none";
      e.hidden = false;
      toggles.push({ id: id, shown: shownWithScripts, hidden_honoured: hiddenHonoured });
    });
    function size() {
      var cs = getComputedStyle(document.body);
      return { px: parseFloat(cs.fontSize), line: parseFloat(cs.lineHeight) };
    }
    var normal = size();
    d.classList.add("large");
    var large = size();
    d.classList.remove("large");
    return { text: text, focus: focus, toggles: toggles, normal: normal, large: large };
  }
  function layout() {
    if (P.get("large")) d.classList.add("large");
    if (P.get("zoom")) d.style.zoom = P.get("zoom");
    if (P.get("text")) d.style.fontSize = P.get("text");
    var vw = d.clientWidth, outside = [];
    function clipped(e) {
      for (var p = e.parentElement; p && p !== d && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== "visible") return true;
      }
      return false;
    }
    document.querySelectorAll("body *").forEach(function (e) {
      var r = e.getBoundingClientRect();
      if (r.width && r.right > vw + 1 && !clipped(e)) outside.push(path(e) + " (right edge at " + Math.round(r.right) + ")");
    });
    var wraps = [];
    document.querySelectorAll("table").forEach(function (t) {
      var w = t.closest(".table-wrap");
      wraps.push({ wrapped: !!w, overflow: w ? getComputedStyle(w).overflowX : "", client: w ? w.clientWidth : 0, scroll: w ? w.scrollWidth : t.offsetWidth });
    });
    var imgs = [];
    document.querySelectorAll("main img").forEach(function (i) { imgs.push({ width: i.getBoundingClientRect().width, natural: i.naturalWidth }); });
    return { scroll_width: d.scrollWidth, client_width: vw, inner_width: innerWidth, px: parseFloat(getComputedStyle(document.body).fontSize),
             results: document.querySelectorAll(".search-result").length, tables: wraps, images: imgs, outside: outside.slice(0, 8) };
  }
  function report() {
    var r = P.get("mode") === "audit" ? audit() : layout();
    r.id = P.get("id");
    parent.postMessage(JSON.stringify(r), "*");
  }
  addEventListener("load", function () {
    var res = document.getElementById("search-results");
    if (!res || !P.get("q")) { setTimeout(report, 0); return; }
    var done = false;
    function once() { if (!done) { done = true; setTimeout(report, 50); } }
    res.addEventListener("gongkai:search", once);
    setTimeout(once, 3000);
  });
})();
"##;

/// One page of the harness: the built page `rel` of `out`, in an iframe `width` px wide, with
/// these URL parameters for the probe.
struct Frame {
    id: String,
    rel: String,
    width: u32,
    params: String,
}

/// Load every frame in one harness page of `out` (file://; each frame posts its result to the
/// harness, which writes it into its DOM) and return the probe's reports by frame id.
fn run_harness(chrome: &Path, out: &Path, frames: &[Frame]) -> BTreeMap<String, serde_json::Value> {
    run_probe(chrome, out, frames, "a11y", &format!("<script>{PROBE}</script>"))
}

/// [`run_harness`] with another probe: `tail` (script elements) is appended to the body of
/// each page's copy `NAME.SUFFIX.html`; it posts one JSON report with the frame's `id`.
fn run_probe(
    chrome: &Path,
    out: &Path,
    frames: &[Frame],
    suffix: &str,
    tail: &str,
) -> BTreeMap<String, serde_json::Value> {
    let mut html = String::from(
        "<!DOCTYPE html><html><body><script>addEventListener('message', function (e) {\
         var p = document.createElement('pre'); p.className = 'report'; p.textContent = e.data;\
         document.body.appendChild(p); });</script>\n",
    );
    let mut copies: BTreeMap<&str, String> = BTreeMap::new();
    for f in frames {
        let copy = copies
            .entry(f.rel.as_str())
            .or_insert_with(|| with_tail(out, &f.rel, suffix, tail));
        let sep = if f.params.is_empty() { "" } else { "&" };
        html.push_str(&format!(
            "<iframe width=\"{}\" height=\"800\" src=\"{copy}?id={}{sep}{}\"></iframe>\n",
            f.width, f.id, f.params
        ));
    }
    html.push_str("</body></html>\n");
    let harness = out.join(format!("{suffix}-harness.html"));
    std::fs::write(&harness, html).unwrap();
    let profile = tempfile::tempdir().unwrap();
    let dom = chrome_dom(
        chrome,
        profile.path(),
        &["--window-size=1400,1000", "--virtual-time-budget=20000"],
        &file_url(&harness),
    );
    let doc = scraper::Html::parse_document(&dom);
    let mut reports = BTreeMap::new();
    for text in texts(&doc, "pre.report") {
        let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("bad report ({e}): {text}"));
        reports.insert(v["id"].as_str().unwrap().to_string(), v);
    }
    for f in frames {
        assert!(
            reports.contains_key(&f.id),
            "no report from {} ({}); got {:?}",
            f.id,
            f.rel,
            reports.keys().collect::<Vec<_>>()
        );
    }
    reports
}

/// The page of `out` with the search query for the search page.
fn params_for(rel: &str, params: &str) -> String {
    if rel == "search.html" {
        [params, SEARCH_QUERY]
            .iter()
            .filter(|p| !p.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("&")
    } else {
        params.to_string()
    }
}

fn hex_of(v: &serde_json::Value) -> Rgb {
    parse_hex(v.as_str().unwrap()).unwrap_or_else(|| panic!("not a colour: {v}"))
}

#[test]
fn rendered_text_contrast_and_focus() {
    let Some(chrome) = chromium() else { return };
    let mut problems = Vec::new();
    let mut pairs: BTreeMap<(String, String), (f64, String)> = BTreeMap::new();
    let mut kept = Vec::new();
    for (fixture_name, pages) in [
        (
            "basic",
            vec![
                "index.html",
                "qingshan/index.html",
                "qingshan/social-assistance/index.html",
                "items/sa-05.html",
                "qingshan/v/liuhe.html",
                BODY_TABLE_NOTICE,
                CATALOG,
                "catalogs/index.html",
                "search.html",
                "404.html",
            ],
        ),
        ("print", vec![WIDE_NOTICE, NOT_STARTED, ENDED, WITHDRAWN, IMAGE_NOTICE]),
        // Status lines on their tinted backgrounds: in force, amended, repealed.
        (
            "policy",
            vec![
                "policy/index.html",
                "policy/wenjian/linshi-jiuzhu-2025.html",
                "policy/wenjian/yiliao-jiuzhu-2024.html",
                "policy/wenjian/linshi-jiuzhu-2024.html",
            ],
        ),
    ] {
        let (tmp, out) = built(fixture_name);
        let frames: Vec<Frame> = pages
            .iter()
            .map(|rel| Frame {
                id: format!("{fixture_name}/{rel}"),
                rel: rel.to_string(),
                width: 1024,
                params: params_for(rel, "mode=audit"),
            })
            .collect();
        let reports = run_harness(&chrome, &out, &frames);
        for (id, r) in &reports {
            let texts = r["text"].as_array().unwrap();
            assert!(texts.len() >= 10, "{id}: only {} texts audited", texts.len());
            for t in texts {
                let (f, b) = (hex_of(&t["fg"]), hex_of(&t["bg"]));
                let ratio = contrast(f, b);
                pairs
                    .entry((hex(f), hex(b)))
                    .or_insert((ratio, format!("{id}: {}", t["at"].as_str().unwrap())));
                if ratio < 4.5 {
                    problems.push(format!(
                        "{id}: {} on {} = {ratio:.2}:1 at {} ({:?})",
                        hex(f),
                        hex(b),
                        t["at"],
                        t["sample"]
                    ));
                }
            }
            // Focus: a solid outline of 2 px or more, and a ring that stands out (3:1) from
            // what is behind the control.
            let focus = r["focus"].as_array().unwrap();
            assert!(focus.len() >= 6, "{id}: only {} controls focused", focus.len());
            for f in focus {
                let what = format!("{id}: focus on {}", f["sel"]);
                if f["focused"] != true {
                    problems.push(format!("{what}: could not be focused"));
                    continue;
                }
                if f["style"] == "none" || f["width"].as_f64().unwrap() < 2.0 {
                    problems.push(format!("{what}: outline {} {}", f["style"], f["width"]));
                }
                let behind = hex_of(&f["behind"]);
                let mut best = contrast(hex_of(&f["color"]), behind);
                if f["shadow"].is_string() && f["spread"].as_f64().unwrap_or(0.0) >= 4.0 {
                    best = best.max(contrast(hex_of(&f["shadow"]), behind));
                }
                if best < 3.0 {
                    problems.push(format!("{what}: focus ring {best:.2}:1 against {}", hex(behind)));
                }
            }
            // The script buttons are shown by site.js, and `hidden` hides them (no CSS
            // `display` overrides the attribute).
            for t in r["toggles"].as_array().unwrap() {
                if t["shown"] != true || t["hidden_honoured"] != true {
                    problems.push(format!("{id}: {t}"));
                }
            }
            // The large mode: 24 px (18 pt) text, line spacing 1.3 or more.
            let (px, line) = (r["large"]["px"].as_f64().unwrap(), r["large"]["line"].as_f64().unwrap());
            if px < 24.0 || line / px < 1.3 || px < r["normal"]["px"].as_f64().unwrap() * 1.25 {
                problems.push(format!(
                    "{id}: large mode {px}px, line {line}px (normal {})",
                    r["normal"]
                ));
            }
        }
        kept.push(tmp);
    }
    let mut report = String::new();
    let mut by_ratio: Vec<_> = pairs.into_iter().collect();
    by_ratio.sort_by(|a, b| a.1.0.total_cmp(&b.1.0));
    for ((f, b), (ratio, at)) in &by_ratio {
        report.push_str(&format!("  {ratio:5.2}:1  {f} on {b}  e.g. {at}\n"));
    }
    eprintln!("rendered text colours, lowest contrast first:\n{report}");
    assert!(by_ratio.len() >= 8, "only {} colour pairs seen", by_ratio.len());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A BMP image `w` × `h` (Chromium decodes images by their content, whatever the file name).
fn bmp(w: u32, h: u32) -> Vec<u8> {
    let row = (w * 3).div_ceil(4) * 4;
    let size = 54 + row * h;
    let mut b = Vec::with_capacity(size as usize);
    b.extend_from_slice(b"BM");
    for v in [size, 0, 54, 40] {
        b.extend_from_slice(&v.to_le_bytes());
    }
    b.extend_from_slice(&(w as i32).to_le_bytes());
    b.extend_from_slice(&(h as i32).to_le_bytes());
    b.extend_from_slice(&1u16.to_le_bytes());
    b.extend_from_slice(&24u16.to_le_bytes());
    for v in [0u32, row * h, 2835, 2835, 0, 0] {
        b.extend_from_slice(&v.to_le_bytes());
    }
    b.resize(size as usize, 0x80);
    b
}

/// The viewports: (id, iframe width, probe parameters). 360 px is a cheap phone; 320 px is
/// 1280 px at 400 %; 640 px is 1280 px at 200 %; `zoom=2` at 720 px is 200 % page zoom
/// (CSS zoom), `text=200%` at 720 px is 200 % text-only zoom; `large=1` is the 长者 mode.
const VIEWPORTS: &[(&str, u32, &str)] = &[
    ("phone-360", 360, ""),
    ("phone-320", 320, ""),
    ("large-360", 360, "large=1"),
    ("large-320", 320, "large=1"),
    ("zoom-200", 720, "zoom=2"),
    ("text-200", 720, "text=200%25"),
    ("desktop-200", 640, ""),
];

fn layout_problems(id: &str, r: &serde_json::Value) -> Vec<String> {
    let mut p = Vec::new();
    let (sw, cw) = (r["scroll_width"].as_f64().unwrap(), r["client_width"].as_f64().unwrap());
    if sw > cw + 1.0 {
        p.push(format!(
            "{id}: the page is {sw} px wide in a {cw} px viewport; sticking out: {}",
            r["outside"]
        ));
    } else if !r["outside"].as_array().unwrap().is_empty() {
        p.push(format!("{id}: elements outside the viewport: {}", r["outside"]));
    }
    for t in r["tables"].as_array().unwrap() {
        if t["wrapped"] != true || t["overflow"] != "auto" {
            p.push(format!("{id}: a table not inside a scrolling .table-wrap: {t}"));
        }
    }
    for i in r["images"].as_array().unwrap() {
        if i["width"].as_f64().unwrap() > cw {
            p.push(format!("{id}: an image wider than the viewport: {i}"));
        }
    }
    p
}

#[test]
fn no_horizontal_overflow_on_phones_in_large_mode_and_at_200_percent() {
    let Some(chrome) = chromium() else { return };
    let mut problems = Vec::new();
    let mut kept = Vec::new();
    for (fixture_name, pages) in [
        (
            "basic",
            vec![
                "index.html",
                "qingshan/index.html",
                "qingshan/social-assistance/index.html",
                BODY_TABLE_NOTICE,
                CATALOG,
                "catalogs/index.html",
                "search.html",
            ],
        ),
        ("print", vec![WIDE_NOTICE, IMAGE_NOTICE]),
        // The policy library's table of 7 columns and a document with the longest title.
        (
            "policy",
            vec!["policy/index.html", "policy/wenjian/yiliao-xiugai-2025.html"],
        ),
    ] {
        let (tmp, out) = built(fixture_name);
        if fixture_name == "print" {
            // The notice's picture, 1200 px wide: it must shrink to the screen.
            let img = out.join(IMAGE_NOTICE).with_file_name("zaihai-jiuzhu-f1.png");
            assert!(img.is_file(), "{} missing", img.display());
            std::fs::write(&img, bmp(1200, 300)).unwrap();
        }
        let mut frames = Vec::new();
        for rel in &pages {
            for (vp, width, params) in VIEWPORTS {
                frames.push(Frame {
                    id: format!("{fixture_name}/{rel} @ {vp}"),
                    rel: rel.to_string(),
                    width: *width,
                    params: params_for(rel, params),
                });
            }
        }
        let reports = run_harness(&chrome, &out, &frames);
        for (id, r) in &reports {
            problems.extend(layout_problems(id, r));
        }
        // The measurements are about the pages named: the catalog's 15 columns and the
        // 200-row list do overflow their wrapper (and scroll there), search shows results,
        // the picture loaded.
        if fixture_name == "basic" {
            let r = &reports[&format!("basic/{CATALOG} @ phone-360")];
            let t = &r["tables"][0];
            assert!(
                t["scroll"].as_f64().unwrap() > t["client"].as_f64().unwrap() + 100.0,
                "{r}"
            );
            let r = &reports["basic/search.html @ phone-360"];
            assert!(r["results"].as_u64().unwrap() > 0, "search showed no results: {r}");
        } else if fixture_name == "print" {
            let r = &reports[&format!("print/{WIDE_NOTICE} @ large-320")];
            assert!(!r["tables"].as_array().unwrap().is_empty(), "{r}");
            let r = &reports[&format!("print/{IMAGE_NOTICE} @ phone-360")];
            assert_eq!(r["images"][0]["natural"], 1200, "{r}");
        }
        kept.push(tmp);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_layout_probe_sees_an_overflowing_page() {
    // Control: the same probe on a page with a 1000 px wide block reports it in every
    // viewport, so a pass above is not a probe that cannot fail.
    let Some(chrome) = chromium() else { return };
    let (_tmp, out) = built("basic");
    let broken = out.join("qingshan/broken.html");
    std::fs::write(
        &broken,
        read(&out.join("qingshan/index.html")).replacen(
            "<main",
            "<div style=\"width:1000px;height:4px\"></div><main",
            1,
        ),
    )
    .unwrap();
    let frames: Vec<Frame> = VIEWPORTS
        .iter()
        .map(|(vp, width, params)| Frame {
            id: vp.to_string(),
            rel: "qingshan/broken.html".into(),
            width: *width,
            params: params.to_string(),
        })
        .collect();
    let reports = run_harness(&chrome, &out, &frames);
    for (vp, r) in &reports {
        let p = layout_problems(vp, r);
        assert!(
            p.iter().any(|p| p.contains("the page is")),
            "{vp}: overflow not seen: {r}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// A 360 px phone (issue 18): the header, tables, names and village links, measured in
// Chromium on the bundled example site; axe-core on the same pages; the search page's
// layout shift.
// ---------------------------------------------------------------------------------------

/// Reports what a phone reader meets: the header's height, table cells that print one
/// character a line, short cells (names, numbers) broken over lines, scroll boxes that a
/// keyboard cannot reach, and where the village links are.
const PHONE_PROBE: &str = r##"
(function () {
  var P = new URLSearchParams(location.search);
  function lines(e) {
    var r = document.createRange(); r.selectNodeContents(e);
    var tops = {};
    Array.prototype.forEach.call(r.getClientRects(), function (x) { if (x.width > 0) tops[Math.round(x.top)] = 1; });
    return Object.keys(tops).length;
  }
  function visible(e) { var b = e.getBoundingClientRect(); return b.width > 2 && b.height > 2; }
  function report() {
    var narrow = [], broken = [], boxes = [];
    document.querySelectorAll("main th, main td").forEach(function (c) {
      if (!visible(c)) return;
      var t = c.textContent.replace(/\s+/g, "");
      var n = Array.from(t).length;
      if (n >= 2 && lines(c) >= n) narrow.push(t.slice(0, 12));
      var name = c.tagName === "TD" && (c.classList.contains("nw") || (n >= 2 && n <= 4 && /^[\u4e00-\u9fff]+$/.test(t)));
      if (name && lines(c) > 1) broken.push(t);
    });
    document.querySelectorAll(".table-wrap").forEach(function (w) {
      if (w.scrollWidth > w.clientWidth + 1)
        boxes.push({ tabindex: w.getAttribute("tabindex"), role: w.getAttribute("role"),
                     named: !!(w.getAttribute("aria-label") || w.getAttribute("aria-labelledby")) });
    });
    var h = document.querySelector(".site-header");
    var v = document.getElementById("h-villages"), latest = document.getElementById("h-latest");
    parent.postMessage(JSON.stringify({ id: P.get("id"), width: document.documentElement.clientWidth,
      header: h ? h.getBoundingClientRect().height : 0, cells: document.querySelectorAll("main td").length,
      narrow: narrow.slice(0, 10), broken: broken.slice(0, 10), boxes: boxes,
      villages: v ? v.getBoundingClientRect().top + scrollY : null,
      latest: latest ? latest.getBoundingClientRect().top + scrollY : null }), "*");
  }
  addEventListener("load", function () { setTimeout(report, 50); });
})();
"##;

/// The example site (the repository root) built, and the pages a phone test reads: home,
/// township, township × domain table, the 15-column catalog, the notice with a Markdown list
/// (潘有福), the notice with a data file, and search.
fn example_pages() -> (tempfile::TempDir, PathBuf, Vec<String>) {
    let (tmp, out) = built_root(&repo());
    let rel = |dir: &str, title: &str| {
        page_titled(&out.join(dir), title)
            .strip_prefix(&out)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/")
    };
    let pages = vec![
        "index.html".to_string(),
        "qingshan/index.html".to_string(),
        "qingshan/social-assistance/index.html".to_string(),
        "catalogs/social-assistance.html".to_string(),
        rel("shiqiao/social-assistance", "新集村2026年11月最低生活保障初审对象公示"),
        rel("liuhe/social-assistance", "柳河村2026年11月最低生活保障初审对象公示"),
        "search.html".to_string(),
        // 办事一本通: a book's 目录, a 大项, and a guide in both books with its two boxes.
        "books/huimin/index.html".to_string(),
        "books/huiqi/2.html".to_string(),
        rel("liuhe/elderly-care", "柳河乡养老机构备案办事指南"),
    ];
    (tmp, out, pages)
}

fn built_root(root: &Path) -> (tempfile::TempDir, PathBuf) {
    let (tmp, site) = copy_site(root);
    let out = tmp.path().join("out");
    build(&site, &out);
    (tmp, out)
}

/// The phone probe, with the scroll bar a phone overlays on the page instead of beside it.
fn phone_tail() -> String {
    format!("<style>html {{ scrollbar-width: none }}</style><script>{PHONE_PROBE}</script>")
}

fn phone_frames(pages: &[String], params: &str) -> Vec<Frame> {
    pages
        .iter()
        .map(|rel| Frame {
            id: rel.clone(),
            rel: rel.clone(),
            width: 360,
            params: params_for(rel, params),
        })
        .collect()
}

#[test]
fn a_phone_shows_a_small_header_whole_names_and_tables_it_can_read() {
    let Some(chrome) = chromium() else { return };
    let (_tmp, out, pages) = example_pages();
    let reports = run_probe(&chrome, &out, &phone_frames(&pages, ""), "phone", &phone_tail());
    let mut problems = Vec::new();
    for (id, r) in &reports {
        assert_eq!(r["width"], 360, "{id}: not measured at 360 px: {r}");
        let header = r["header"].as_f64().unwrap();
        eprintln!("{id} @ 360 px: header {header:.0} px");
        // The home page may greet with the whole search box; every other page gives the
        // screen to its content (issue 18: 240 of 800 px).
        let most = if id == "index.html" { 180.0 } else { 120.0 };
        if header > most {
            problems.push(format!("{id}: the header is {header} px high (at most {most})"));
        }
        for (key, what) in [
            ("narrow", "cells one character a line"),
            ("broken", "names broken over lines"),
        ] {
            if !r[key].as_array().unwrap().is_empty() {
                problems.push(format!("{id}: {what}: {}", r[key]));
            }
        }
        for b in r["boxes"].as_array().unwrap() {
            if b["tabindex"] != "0" || b["role"] != "region" || b["named"] != true {
                problems.push(format!("{id}: a scrolling table box keyboard users cannot reach: {b}"));
            }
        }
    }
    // What is measured is there: the tables, the name 潘有福, the catalog that scrolls.
    let r = &reports["catalogs/social-assistance.html"];
    assert!(
        !r["boxes"].as_array().unwrap().is_empty(),
        "the catalog does not scroll at 360 px: {r}"
    );
    assert!(
        reports[&pages[4]]["cells"].as_u64().unwrap() >= 25,
        "{}",
        reports[&pages[4]]
    );
    assert!(read(&out.join(&pages[4])).contains("<td class=\"nw\">潘有福</td>"));
    // Village links come before the latest list, on the first screen.
    let t = &reports["qingshan/index.html"];
    let (v, latest) = (t["villages"].as_f64().unwrap(), t["latest"].as_f64().unwrap());
    assert!(
        v < latest && v < 800.0,
        "village links at {v} px, the latest list at {latest} px"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_phone_probe_sees_one_character_columns_and_broken_names() {
    // Control: the township × domain table as issue 18 found it (no phone layout, header
    // cells broken anywhere), and a name cell squeezed, are reported.
    let Some(chrome) = chromium() else { return };
    let (_tmp, out) = built("basic");
    let page = "qingshan/social-assistance/index.html";
    let squeezed = read(&out.join(page))
        .replace("catalog-view stack", "catalog-view")
        .replace("</head>", "<style>th { word-break: normal }</style></head>")
        .replace(
            "<td class=\"num\" data-label=\"序号\">1</td>",
            "<td class=\"nw\" style=\"width:1em;white-space:normal\">潘有福</td>",
        );
    std::fs::write(out.join("qingshan/social-assistance/squeezed.html"), squeezed).unwrap();
    let frames = phone_frames(&["qingshan/social-assistance/squeezed.html".to_string()], "");
    let reports = run_probe(&chrome, &out, &frames, "phone", &phone_tail());
    let r = reports.values().next().unwrap();
    assert!(!r["narrow"].as_array().unwrap().is_empty(), "{r}");
    assert_eq!(r["broken"][0], "潘有福", "{r}");
}

/// Runs axe-core on the page once it has settled (the search page: once its results are
/// shown) and posts the violations.
const AXE_RUNNER: &str = r##"
(function () {
  var P = new URLSearchParams(location.search);
  function post(r) { r.id = P.get("id"); parent.postMessage(JSON.stringify(r), "*"); }
  function run() {
    axe.run(document, { resultTypes: ["violations"] }).then(function (r) {
      post({ rules: r.passes.length + r.violations.length + r.incomplete.length,
             violations: r.violations.map(function (v) {
               return { rule: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.slice(0, 4).map(function (n) { return n.target.join(" ") + " — " + (n.failureSummary || "").slice(0, 160); }) };
             }) });
    }, function (e) { post({ error: String(e) }); });
  }
  addEventListener("load", function () {
    var res = document.getElementById("search-results");
    if (!res || !P.get("q")) { setTimeout(run, 50); return; }
    var done = false;
    function once() { if (!done) { done = true; setTimeout(run, 50); } }
    res.addEventListener("gongkai:search", once);
    setTimeout(once, 3000);
  });
})();
"##;

fn axe_tail() -> Option<String> {
    let axe = node_tool("axe-core", "axe.min.js", "the axe-core test")?;
    Some(format!(
        "<style>html {{ scrollbar-width: none }}</style><script src=\"{}\"></script><script>{AXE_RUNNER}</script>",
        file_url(&axe)
    ))
}

#[test]
fn axe_core_finds_no_violation_at_360_px() {
    let Some(chrome) = chromium() else { return };
    let Some(tail) = axe_tail() else { return };
    let (_tmp, out, pages) = example_pages();
    let mut frames = phone_frames(&pages, "");
    // The header's search box, hidden on a phone after the home page, is there on a PC.
    for rel in ["index.html", "search.html", "catalogs/social-assistance.html"] {
        frames.push(Frame {
            id: format!("{rel} @ 1024"),
            rel: rel.to_string(),
            width: 1024,
            params: params_for(rel, ""),
        });
    }
    let reports = run_probe(&chrome, &out, &frames, "axe", &tail);
    let mut problems = Vec::new();
    for (id, r) in &reports {
        assert!(r["error"].is_null(), "{id}: axe failed: {}", r["error"]);
        assert!(r["rules"].as_u64().unwrap() > 20, "{id}: axe ran {} rules", r["rules"]);
        for v in r["violations"].as_array().unwrap() {
            problems.push(format!(
                "{id}: {} ({}): {} {}",
                v["rule"], v["impact"], v["help"], v["nodes"]
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn axe_core_sees_what_issue_18_found() {
    // Control: the catalog's scroll box without its tabindex, and a second unlabelled
    // search landmark, are violations in this harness.
    let Some(chrome) = chromium() else { return };
    let Some(tail) = axe_tail() else { return };
    let (_tmp, out) = built("basic");
    let page = read(&out.join(CATALOG))
        .replacen(" tabindex=\"0\"", "", 1)
        .replace(" aria-label=\"全站搜索\"", "")
        .replacen(
            "<main id=\"main\" class=\"wrap\" tabindex=\"-1\">",
            "<main id=\"main\" class=\"wrap\" tabindex=\"-1\"><form role=\"search\"><input aria-label=\"q\"></form>",
            1,
        );
    std::fs::write(out.join("catalogs/broken.html"), page).unwrap();
    // site.js would put the tabindex back while the box scrolls: this copy runs without it.
    let page = read(&out.join("catalogs/broken.html")).replace("static/site.js", "static/none.js");
    std::fs::write(out.join("catalogs/broken.html"), page).unwrap();
    let mut frames = phone_frames(&["catalogs/broken.html".to_string()], "");
    frames[0].width = 1024;
    frames[0].id = "pc".into();
    frames.extend(phone_frames(&["catalogs/broken.html".to_string()], ""));
    let reports = run_probe(&chrome, &out, &frames, "axe", &tail);
    let rules = |id: &str| -> Vec<String> {
        reports[id]["violations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["rule"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(
        rules("catalogs/broken.html").contains(&"scrollable-region-focusable".to_string()),
        "{:?}",
        rules("catalogs/broken.html")
    );
    assert!(
        rules("pc").contains(&"landmark-unique".to_string()),
        "{:?}",
        rules("pc")
    );
}

/// The page's layout shift from its first paint until the search results have been shown and
/// have settled, scored as Lighthouse's CLS scores a shift (impact fraction × distance
/// fraction). Headless Chromium reports no `layout-shift` entries at all (not even for a block
/// inserted at the top of a plain page), so the probe measures the shift itself: it records the
/// box of every element when it runs (at the end of the body, before the index has been
/// fetched) and again when the results have settled; elements that moved 3 px or more are
/// unstable, the impact region is the union of their old and new boxes inside the viewport
/// (rasterised in 4 px cells), the distance their largest move over the viewport's larger side.
/// The browser's own entries are added in case a Chromium reports them.
const SHIFT_PROBE: &str = r##"
(function () {
  var P = new URLSearchParams(location.search);
  var observed = 0;
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) { if (!e.hadRecentInput) observed += e.value; });
    }).observe({ type: "layout-shift", buffered: true });
  } catch (e) {}
  function name(n) {
    return n.tagName.toLowerCase() + (n.id ? "#" + n.id : "") +
      (n.className && typeof n.className === "string" ? "." + n.className.trim().split(/\s+/).join(".") : "");
  }
  function snap() {
    var m = new Map();
    document.body.querySelectorAll("*").forEach(function (el) {
      var r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) m.set(el, { x: r.left, y: r.top, w: r.width, h: r.height });
    });
    return m;
  }
  function score(before, after) {
    var vw = innerWidth, vh = innerHeight, cell = 4;
    var cols = Math.ceil(vw / cell), rows = Math.ceil(vh / cell), grid = new Uint8Array(cols * rows);
    var dist = 0, moved = [];
    function paint(r) {
      var x0 = Math.max(0, Math.floor(r.x / cell)), x1 = Math.min(cols, Math.ceil((r.x + r.w) / cell));
      var y0 = Math.max(0, Math.floor(r.y / cell)), y1 = Math.min(rows, Math.ceil((r.y + r.h) / cell));
      var any = false;
      for (var y = y0; y < y1; y++) for (var x = x0; x < x1; x++) { grid[y * cols + x] = 1; any = true; }
      return any;
    }
    before.forEach(function (a, el) {
      var b = after.get(el);
      if (!b) return;
      var d = Math.max(Math.abs(b.x - a.x), Math.abs(b.y - a.y));
      if (d < 3) return;
      var seen = paint(a);
      seen = paint(b) || seen;
      if (seen) { dist = Math.max(dist, d); if (moved.length < 8) moved.push(name(el) + " " + Math.round(d) + "px"); }
    });
    var area = 0;
    for (var i = 0; i < grid.length; i++) area += grid[i];
    return { value: (area / grid.length) * Math.min(1, dist / Math.max(vw, vh)), moved: moved };
  }
  var first = snap(), shownFirst = document.querySelectorAll(".search-result").length;
  function report() {
    var s = score(first, snap());
    parent.postMessage(JSON.stringify({ id: P.get("id"), cls: s.value + observed, shifts: s.moved,
      before: shownFirst, results: document.querySelectorAll(".search-result").length }), "*");
  }
  addEventListener("load", function () {
    var res = document.getElementById("search-results");
    var done = false;
    function once() { if (!done) { done = true; setTimeout(report, 1000); } }
    res.addEventListener("gongkai:search", once);
    setTimeout(once, 4000);
  });
})();
"##;

#[test]
fn search_results_arrive_without_moving_the_page() {
    let Some(chrome) = chromium() else { return };
    let (_tmp, out) = built_root(&repo());
    // Control: the same page with a block pushed in above the results once they are shown
    // (what an unreserved banner or late toggle does): the probe measures that shift. A
    // timer, not requestAnimationFrame: headless Chromium under virtual time draws no frames.
    let page = read(&out.join("search.html")).replace(
        "</body>",
        "<script>document.getElementById('search-results').addEventListener('gongkai:search', function () { \
         setTimeout(function () { var d = document.createElement('div'); \
         d.style.height = '300px'; var m = document.querySelector('main'); m.insertBefore(d, m.firstChild); }, 0); });</script></body>",
    );
    std::fs::write(out.join("search-control.html"), page).unwrap();
    let mut frames = Vec::new();
    // A query with many results, one with a few, one with none; a phone and a PC.
    for (q, name) in [
        ("%E4%BD%8E%E4%BF%9D", "低保"),
        ("%E6%B2%B3%E6%B9%BE%E6%9D%91", "河湾村"),
        ("zzzz", "none"),
    ] {
        for width in [360, 1024] {
            frames.push(Frame {
                id: format!("{name} @ {width}"),
                rel: "search.html".into(),
                width,
                params: format!("q={q}"),
            });
        }
    }
    for width in [360, 1024] {
        frames.push(Frame {
            id: format!("control @ {width}"),
            rel: "search-control.html".into(),
            width,
            params: "q=%E4%BD%8E%E4%BF%9D".into(),
        });
    }
    let tail = format!("<script>{SHIFT_PROBE}</script>");
    let mut reports = run_probe(&chrome, &out, &frames, "cls", &tail);
    // The control proves the probe sees a shift: 300 px pushed in above the results.
    for width in [360, 1024] {
        let c = reports.remove(&format!("control @ {width}")).unwrap();
        let cls = c["cls"].as_f64().unwrap();
        eprintln!("search control @ {width}: CLS {cls:.3} {}", c["shifts"]);
        assert!(cls >= 0.1, "the probe did not see the control's shift @ {width}: {c}");
    }
    let mut problems = Vec::new();
    for (id, r) in &reports {
        let cls = r["cls"].as_f64().unwrap();
        eprintln!("search {id}: CLS {cls:.3}, {} results", r["results"]);
        if cls >= 0.1 {
            problems.push(format!("{id}: layout shift {cls:.3}: {}", r["shifts"]));
        }
    }
    // The first boxes were taken before any result was shown, so their arrival is measured.
    for (id, r) in &reports {
        assert_eq!(
            r["before"].as_u64(),
            Some(0),
            "{id}: results were shown before the probe ran: {r}"
        );
    }
    assert!(
        reports["低保 @ 360"]["results"].as_u64().unwrap() > 5,
        "{}",
        reports["低保 @ 360"]
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
