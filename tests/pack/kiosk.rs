//! The kiosk layer: idle return, 返回首页, no links that leave, print buttons, and a normal
//! build that never sees any of it.

use crate::common::*;
use crate::helpers::*;
use std::path::PathBuf;

/// A copy of the basic fixture with an external link in a notice body, beside the footer's
/// external 我为政府网站找错 link.
fn site_with_external_links() -> (tempfile::TempDir, PathBuf) {
    let (tmp, root) = copy_site(&fixture("basic"));
    let notice = root.join("content/shiqiao/jiandu.md");
    let text = read(&notice).replace(
        "欢迎社会各界监督。</p>",
        "欢迎社会各界监督。</p>\n\n也可登录[国务院客户端](https://www.gov.cn/)或发邮件至 <mailto:jd@example.gov.cn>。",
    );
    std::fs::write(&notice, text).unwrap();
    (tmp, root)
}

#[test]
fn kiosk_pages_go_home_when_idle_and_never_leave() {
    let (tmp, root) = site_with_external_links();
    let dir = tmp.path().join("kiosk");
    pack_ok(&root, &dir, &["--kiosk", "--idle", "5"]);
    assert_eq!(manifest(&dir)["kiosk"], true);
    assert!(verify(&dir).status.success());
    let site = dir.join("site");
    let pages: Vec<String> = files(&site).into_iter().filter(|f| f.ends_with(".html")).collect();
    assert!(pages.len() > 10);
    let mut spans = 0;
    for f in &pages {
        let page = site.join(f);
        let doc = html(&page);
        for a in doc.select(&sel("a[href]")) {
            let href = a.value().attr("href").unwrap();
            assert!(
                !href.contains(':') && !href.starts_with("//"),
                "{f}: a link that leaves the kiosk: {href}"
            );
        }
        let home: Vec<_> = doc.select(&sel("a.kiosk-home")).collect();
        assert_eq!(home.len(), 1, "{f}: no 返回首页 button");
        assert_eq!(home[0].text().collect::<String>(), "返回首页");
        let to = page.parent().unwrap().join(home[0].value().attr("href").unwrap());
        assert_eq!(
            std::fs::canonicalize(to).unwrap(),
            std::fs::canonicalize(site.join("index.html")).unwrap()
        );
        assert_eq!(doc.select(&sel("html.kiosk")).count(), 1, "{f}");
        assert_eq!(doc.select(&sel("html.kiosk-printer")).count(), 0, "{f}");
        spans += doc.select(&sel("span.kiosk-external")).count();
    }
    // The footer link on every page, and the two links of the notice, kept as text.
    assert_eq!(spans, pages.len() + 2, "external links were not all kept as text");
    let doc = html(&site.join("shiqiao/social-assistance/jiandu.html"));
    assert!(texts(&doc, "span.kiosk-external").contains(&"国务院客户端".to_string()));
    let launcher = read(&dir.join("打开网站.cmd"));
    assert!(launcher.contains("--kiosk \"%URL%\"") && !launcher.contains("--kiosk-printing"));

    let Some(chrome) = chromium() else { return };
    let notice = site.join("shiqiao/social-assistance/jiandu.html");
    assert!(notice.is_file(), "{:?}", files(&site));
    // Before the idle time the reader's page stays; after it the kiosk is back home.
    let early = dom_after(&chrome, &url_of(&notice), 2000);
    assert!(
        texts(&early, "h1").iter().any(|h| h.contains("监督举报")),
        "left the page too early"
    );
    let late = dom_after(&chrome, &url_of(&notice), 9000);
    assert_eq!(texts(&late, "title"), vec!["测试县基层政务公开".to_string()]);
    assert!(!texts(&late, "h1").iter().any(|h| h.contains("监督举报")));
}

#[test]
fn kiosk_with_printer_and_the_normal_build_untouched() {
    let (tmp, root) = copy_site(&fixture("basic"));
    let out = tmp.path().join("public-before");
    build(&root, &out);
    let before = snapshot(&out);
    let marks = ["kiosk.css", "kiosk.js", "kiosk-home", "class=\"kiosk"];
    assert!(!before.iter().any(|(f, b)| {
        let text = String::from_utf8_lossy(b);
        f.contains("kiosk") || marks.iter().any(|m| text.contains(m))
    }));
    let zip = tmp.path().join("查阅机.zip");
    pack_ok(&root, &zip, &["--kiosk", "--printer"]);
    let dir = tmp.path().join("unzipped");
    unzip(&zip, &dir);
    let doc = html(&dir.join("site/index.html"));
    assert_eq!(doc.select(&sel("html.kiosk.kiosk-printer")).count(), 1);
    assert!(read(&dir.join("打开网站.cmd")).contains("--kiosk-printing"));
    assert!(read(&dir.join("site/static/kiosk.css")).contains(".kiosk-printer"));
    // Building after a kiosk pack gives the very same bytes as before it.
    let again = tmp.path().join("public-after");
    build(&root, &again);
    assert!(snapshot(&again) == before, "a normal build changed after a kiosk pack");
    // And the same site and date always give the same zip.
    let zip2 = tmp.path().join("again.zip");
    pack_ok(&root, &zip2, &["--kiosk", "--printer"]);
    assert!(
        std::fs::read(&zip).unwrap() == std::fs::read(&zip2).unwrap(),
        "pack is not reproducible"
    );
}
