//! The build end to end on the fixture site: pages exist, say the right things, carry the
//! government footer and meta tags, and every link works.

mod common;
use common::*;

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, site) = copy_site(&fixture("basic"));
    let out = tmp.path().join("out");
    build(&site, &out);
    (tmp, out)
}

#[test]
fn writes_every_kind_of_page() {
    let (_t, out) = built();
    let all = files(&out);
    for must in [
        "index.html",
        "404.html",
        "search.html",
        "sitemap.xml",
        "qingshan/index.html",
        "qingshan/atom.xml",
        "shiqiao/atom.xml",
        "qingshan/social-assistance/index.html",
        "items/sa-05.html",
        "qingshan/social-assistance/dibao-2026q4.html",
        "qingshan/v/liuhe.html",
        "catalogs/index.html",
        "catalogs/social-assistance.html",
        "data/notices.json",
        "data/notices.csv",
        "static/style.css",
    ] {
        assert!(all.iter().any(|f| f == must), "missing {must}; have {all:?}");
    }
    // Output paths are ASCII although the clerk's file names are Chinese.
    assert!(all.iter().all(|f| f.is_ascii()), "non-ASCII output path in {all:?}");
}

#[test]
fn notice_page_shows_metadata_table_and_period() {
    let (_t, out) = built();
    let doc = html(&out.join("qingshan/social-assistance/dibao-2026q4.html"));
    assert_eq!(texts(&doc, "h1"), vec!["柳河村2026年第四季度最低生活保障审核对象公示"]);
    let facts = texts(&doc, ".facts").join(" ");
    assert!(facts.contains("青山镇人民政府"), "{facts}");
    assert!(facts.contains("2026年11月23日"), "{facts}");
    assert!(facts.contains("0556-1234567"), "inherited 监督电话 missing: {facts}");
    let banner = texts(&doc, ".period-banner").join("");
    assert!(
        banner.contains("2026年11月23日 至 2026年12月2日") && banner.contains("公示中"),
        "{banner}"
    );
    let cells = texts(&doc, ".notice-body td");
    assert!(cells.contains(&"王建国".to_string()));
    assert_eq!(texts(&doc, ".notice-body thead th")[1], "户主姓名");
    // Government article meta tags.
    let meta = |name: &str| {
        doc.select(&sel(&format!("meta[name={name}]")))
            .next()
            .and_then(|m| m.value().attr("content"))
            .map(str::to_string)
    };
    assert_eq!(
        meta("ArticleTitle").as_deref(),
        Some("柳河村2026年第四季度最低生活保障审核对象公示")
    );
    assert_eq!(meta("PubDate").as_deref(), Some("2026-11-23 00:00"));
    assert_eq!(meta("ContentSource").as_deref(), Some("青山镇人民政府"));
    // The printed notice links back online with a QR code.
    assert!(doc.select(&sel(".qr svg")).next().is_some());
}

#[test]
fn old_name_list_is_withdrawn_but_notice_stays() {
    let (_t, out) = built();
    let page = page_titled(&out.join("qingshan/social-assistance"), "2026年第一季度最低生活保障");
    let text = read(&page);
    assert!(!text.contains("孙长林"), "withdrawn name list still published");
    assert!(text.contains("名单已于公示期满后撤下"));
    assert!(text.contains("公示期已结束"));
}

#[test]
fn raw_html_is_sanitised() {
    let (_t, out) = built();
    let doc = html(&out.join("shiqiao/social-assistance/jiandu.html"));
    let body = doc.select(&sel(".notice-body")).next().unwrap().inner_html();
    assert!(!body.contains("<script"), "script survived");
    assert!(!body.contains("onclick"));
    assert!(!body.contains("javascript:"));
    assert!(body.contains("欢迎社会各界监督"));
}

#[test]
fn attachments_and_notice_links_are_rewritten() {
    let (_t, out) = built();
    let page = page_titled(&out.join("qingshan/social-assistance"), "最低生活保障办事指南");
    let doc = html(&page);
    let hrefs: Vec<String> = doc
        .select(&sel(".notice-body a"))
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    assert!(hrefs.iter().any(|h| h.ends_with(".pdf") && h.is_ascii()), "{hrefs:?}");
    assert!(
        hrefs
            .iter()
            .any(|h| h == "../../qingshan/social-assistance/dibao-2026q4.html"),
        "{hrefs:?}"
    );
    let attachments = texts(&doc, ".attachments a");
    assert_eq!(attachments, vec!["低保申请表.pdf"]);
}

#[test]
fn every_page_has_footer_meta_and_lang() {
    let (_t, out) = built();
    for f in files(&out).iter().filter(|f| f.ends_with(".html")) {
        let text = read(&out.join(f));
        let doc = scraper::Html::parse_document(&text);
        assert!(text.contains("<html lang=\"zh-CN\">"), "{f}: lang");
        for field in [
            "测试县人民政府办公室",
            "测试县数据资源局",
            "3410990001",
            "皖ICP备00000000号",
            "皖公网安备34109902000001号",
            "0556-0000000",
            "我为政府网站找错",
        ] {
            assert!(
                texts(&doc, "footer.site-footer").join(" ").contains(field),
                "{f}: footer lacks {field}"
            );
        }
        for name in ["SiteName", "SiteDomain", "SiteIDCode", "ColumnName", "ColumnType"] {
            assert!(
                doc.select(&sel(&format!("meta[name={name}]"))).next().is_some(),
                "{f}: meta {name}"
            );
        }
        assert!(
            doc.select(&sel("a.skip[href='#main']")).next().is_some(),
            "{f}: skip link"
        );
    }
}

#[test]
fn all_links_resolve_and_nothing_loads_from_another_host() {
    let (_t, out) = built();
    check_links(&out);
}

#[test]
fn same_inputs_and_date_give_identical_output() {
    let (tmp, site) = copy_site(&fixture("basic"));
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    build(&site, &a);
    build(&site, &b);
    let (fa, fb) = (files(&a), files(&b));
    assert_eq!(fa, fb);
    for f in &fa {
        assert_eq!(
            std::fs::read(a.join(f)).unwrap(),
            std::fs::read(b.join(f)).unwrap(),
            "{f} differs"
        );
    }
}

#[test]
fn catalog_view_lists_the_township_notices_and_blank_items() {
    let (_t, out) = built();
    let doc = html(&out.join("qingshan/social-assistance/index.html"));
    let rows: Vec<String> = doc
        .select(&sel("table.catalog-view tbody tr"))
        .map(|r| r.text().collect())
        .collect();
    let row5 = rows
        .iter()
        .find(|r| r.contains("审核信息") && r.contains("最低生活保障"))
        .expect("row of sa-05");
    assert!(row5.contains("柳河村2026年第四季度最低生活保障审核对象公示"), "{row5}");
    assert!(doc.select(&sel("tr.blank")).count() > 3, "blank columns not marked");
}

#[test]
fn open_data_lists_every_notice() {
    let (_t, out) = built();
    let v: serde_json::Value = serde_json::from_str(&read(&out.join("data/notices.json"))).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 4);
    assert_eq!(v[0]["published"], "2026-11-23");
    let csv = read(&out.join("data/notices.csv"));
    assert!(csv.starts_with('\u{feff}'), "CSV needs a BOM for Excel/WPS");
    assert_eq!(csv.lines().count(), 5);
}

/// A body that links the same local file many times, under different spellings, gets one
/// copy of it and one URL for every spelling; another file gets its own copy.
#[test]
fn repeated_links_to_one_file_share_one_copy() {
    let (tmp, site) = copy_site(&fixture("basic"));
    let dir = site.join("content/qingshan");
    std::fs::write(dir.join("救助政策汇编.txt"), "社会救助政策文件汇编（2026年版）\n").unwrap();
    std::fs::write(dir.join("申请须知.txt"), "申请最低生活保障须知\n").unwrap();
    let links = "[汇编](救助政策汇编.txt)、[汇编](./救助政策汇编.txt)、[汇编]( 救助政策汇编.txt )".repeat(200);
    std::fs::write(
        dir.join("政策汇编.md"),
        format!(
            "---\n标题: 青山镇社会救助政策文件汇编\n事项: 社会救助/综合业务/政策法规文件\n形成日期: 2026-09-01\n发布日期: 2026-09-03\n---\n\n\
             {links}\n\n另附[申请须知](申请须知.txt)，再见[汇编](救助政策汇编.txt)。\n"
        ),
    )
    .unwrap();
    let out = tmp.path().join("out");
    build(&site, &out);
    let page = page_titled(&out.join("qingshan/social-assistance"), "青山镇社会救助政策文件汇编");
    let doc = html(&page);
    let hrefs: Vec<String> = doc
        .select(&sel(".notice-body a"))
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    assert_eq!(hrefs.len(), 602, "{:?}", &hrefs[..3]);
    let distinct: std::collections::BTreeSet<&String> = hrefs.iter().collect();
    assert_eq!(distinct.len(), 2, "{distinct:?}");
    let copied: Vec<String> = files(&out.join("qingshan/social-assistance"))
        .into_iter()
        .filter(|f| f.ends_with(".txt"))
        .collect();
    assert_eq!(copied.len(), 2, "{copied:?}");
    for h in distinct {
        let f = page.parent().unwrap().join(h);
        assert!(f.is_file(), "{h} does not resolve to a copied file");
    }
}
