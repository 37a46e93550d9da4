//! What outside checkers look at (issue 18): the sitemap a search engine reads lists every
//! page; every page names its icon; and the Nu HTML checker (`vnu-jar`) finds no error on any
//! page of the example site. The browser checks (axe-core, layout shift) are in
//! `tests/accessibility.rs` and `tests/search_browser.rs`.

mod common;
use common::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn built(root: &Path) -> (tempfile::TempDir, PathBuf) {
    let (tmp, site) = copy_site(root);
    let out = tmp.path().join("out");
    build(&site, &out);
    (tmp, out)
}

fn html_pages(out: &Path) -> Vec<String> {
    files(out).into_iter().filter(|f| f.ends_with(".html")).collect()
}

/// The sitemap's `<loc>` values, relative to the site's address (the first entry is the
/// home page).
fn sitemap_pages(out: &Path) -> Vec<String> {
    let xml = read(&out.join("sitemap.xml"));
    let locs: Vec<&str> = xml
        .split("<loc>")
        .skip(1)
        .map(|s| s.split("</loc>").next().unwrap())
        .collect();
    let base = locs[0].strip_suffix("index.html").expect("the home page first");
    locs.iter()
        .map(|loc| {
            loc.strip_prefix(base)
                .unwrap_or_else(|| panic!("{loc} is not under {base}"))
                .to_string()
        })
        .collect()
}

/// Pages no search engine should index: the 404 page and the search page (its results are
/// made in the browser).
fn unlisted(page: &str) -> bool {
    matches!(page, "404.html" | "search.html")
}

#[test]
fn the_sitemap_lists_every_page_and_only_pages() {
    for root in [repo(), fixture("policy"), fixture("basic")] {
        let (_t, out) = built(&root);
        let pages = html_pages(&out);
        let listed = sitemap_pages(&out);
        let set: BTreeSet<&str> = listed.iter().map(String::as_str).collect();
        assert_eq!(set.len(), listed.len(), "{}: a page is listed twice", root.display());
        let missing: Vec<&String> = pages
            .iter()
            .filter(|p| !unlisted(p) && !set.contains(p.as_str()))
            .collect();
        assert!(
            missing.is_empty(),
            "{}: {} of {} pages are not in sitemap.xml: {missing:?}",
            root.display(),
            missing.len(),
            pages.len()
        );
        for p in &listed {
            assert!(
                out.join(p).is_file(),
                "{}: sitemap.xml lists {p}, which was not built",
                root.display()
            );
            assert!(!unlisted(p), "{p} is listed");
        }
        // The kinds of page issue 18 found missing are there.
        if root == repo() {
            assert!(pages.len() > 250, "only {} pages", pages.len());
            for kind in [
                "qingshan/social-assistance/index.html",
                "qingshan/v/taoyuan.html",
                "catalogs/index.html",
            ] {
                assert!(set.contains(kind), "{kind} not listed");
            }
            assert!(listed.iter().any(|p| p.starts_with("items/")), "no item page listed");
            assert!(
                listed.iter().any(|p| p.starts_with("policy/f/")),
                "no policy filter page listed"
            );
        }
    }
}

#[test]
fn every_page_links_the_theme_icon() {
    let (_t, out) = built(&fixture("policy"));
    let pages = html_pages(&out);
    assert!(pages.len() > 20);
    for f in &pages {
        let doc = html(&out.join(f));
        let icons: Vec<_> = doc.select(&sel("head link[rel=icon]")).collect();
        assert_eq!(icons.len(), 1, "{f}: {} icons", icons.len());
        let href = icons[0].value().attr("href").unwrap();
        let icon = out.join(f).parent().unwrap().join(href);
        let svg = read(&icon);
        assert!(
            svg.starts_with("<svg") && svg.contains("viewBox"),
            "{f}: {href} is not an SVG"
        );
        assert_eq!(icons[0].value().attr("type"), Some("image/svg+xml"), "{f}");
    }
}

/// `java -jar vnu.jar`, or `None` where Java or the jar is missing (see `common::missing`).
fn vnu() -> Option<(PathBuf, PathBuf)> {
    let jar = node_tool("vnu-jar", "build/dist/vnu.jar", "the Nu HTML checker test")?;
    let java = std::env::var_os("JAVA_HOME")
        .map(|h| PathBuf::from(h).join("bin/java"))
        .filter(|j| j.is_file())
        .unwrap_or_else(|| PathBuf::from("java"));
    if Command::new(&java).arg("-version").output().is_err() {
        missing("java (openjdk-17-jre-headless)", "the Nu HTML checker test");
        return None;
    }
    Some((java, jar))
}

/// The Nu HTML checker's errors (JSON messages) over `paths`, and the files it read.
fn vnu_errors(java: &Path, jar: &Path, paths: &[&Path]) -> (Vec<serde_json::Value>, Vec<String>) {
    let o = Command::new(java)
        .args(["-Xss4m", "-jar"])
        .arg(jar)
        .args(["--errors-only", "--format", "json", "--verbose", "--skip-non-html"])
        .args(paths)
        .output()
        .expect("run the Nu HTML checker");
    let json = String::from_utf8_lossy(&o.stderr);
    let start = json.find('{').unwrap_or_else(|| panic!("no JSON from vnu:\n{json}"));
    let v: serde_json::Value = serde_json::from_str(json[start..].trim()).unwrap_or_else(|e| panic!("{e}: {json}"));
    let read = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| l.ends_with(".html"))
        .collect();
    (v["messages"].as_array().cloned().unwrap_or_default(), read)
}

#[test]
fn the_nu_html_checker_finds_no_error_on_any_page() {
    let Some((java, jar)) = vnu() else { return };
    let (tmp, out) = built(&repo());
    let pages = html_pages(&out);
    // A control page with the mistakes a template edit makes, checked in the same run: the
    // checker really reads what it is given.
    let control = tmp.path().join("control.html");
    std::fs::write(
        &control,
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>x</title></head><body><main><p>甲</span><div id=\"a\"></div><div id=\"a\"></div></main></body></html>",
    )
    .unwrap();
    let (errors, read) = vnu_errors(&java, &jar, &[&out, &control]);
    assert_eq!(
        read.len(),
        pages.len() + 1,
        "vnu read {} files of {} pages + 1",
        read.len(),
        pages.len()
    );
    let (on_control, on_site): (Vec<_>, Vec<_>) = errors
        .iter()
        .partition(|m| m["url"].as_str().is_some_and(|u| u.ends_with("/control.html")));
    assert!(
        on_control.len() >= 2,
        "the control page's errors were not found: {on_control:?}"
    );
    let report: Vec<String> = on_site
        .iter()
        .map(|m| {
            format!(
                "{} line {}: {}",
                m["url"].as_str().unwrap_or("?"),
                m["lastLine"],
                m["message"]
            )
        })
        .collect();
    assert!(
        report.is_empty(),
        "{} errors on {} pages:\n{}",
        report.len(),
        pages.len(),
        report.join("\n")
    );
}
