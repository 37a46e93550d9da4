//! Paper (SPEC 8): notice pages printed to PDF by headless Chromium and read back with poppler
//! and zbar. A4; no site chrome; title and 公示期 on every page; the list's header repeated
//! on every page it spans and no row split or lost; page numbers; fonts embedded; a QR code
//! that leads back to the notice online; an ended period printed as ended, without its list.

mod common;
use common::*;
use std::path::PathBuf;

const BASE: &str = "https://gk.example.gov.cn/";
const NOTICE: &str = "qingshan/social-assistance/dibao-2026q4.html";
const TITLE: &str = "柳河村2026年第四季度最低生活保障审核对象公示";
const ENDED: &str = "qingshan/social-assistance/dibao-2026q1.html";

fn built() -> (tempfile::TempDir, PathBuf) {
    let (tmp, site) = copy_site(&fixture("print"));
    let out = tmp.path().join("out");
    build(&site, &out);
    (tmp, out)
}

/// Text without white space: `pdftotext` spaces and wraps CJK text as the layout falls.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The fixture's list: (序号, 户主姓名, 所在村组) of each of its 200 rows.
fn rows() -> Vec<[String; 3]> {
    let csv = read(&fixture("print").join("content/qingshan/liuhe/dibao-2026q4.csv"));
    csv.lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            [f[0].to_string(), f[1].to_string(), f[2].to_string()]
        })
        .collect()
}

/// No navigation, search, breadcrumbs, footer or buttons of the site on paper.
fn assert_no_chrome(page: usize, text: &str) {
    for chrome in [
        "标准目录",
        "搜索",
        "网站标识码",
        "主办单位",
        "当前位置",
        "跳到正文",
        "长者模式",
        "打印本公告",
    ] {
        assert!(
            !text.contains(chrome),
            "page {page} prints the site's `{chrome}`:\n{text}"
        );
    }
}

#[test]
fn notice_page_carries_its_print_parts() {
    let (_t, out) = built();
    let text = read(&out.join(NOTICE));
    let doc = scraper::Html::parse_document(&text);
    assert_eq!(texts(&doc, ".print-org"), vec!["测试县 · 青山镇 · 柳河村"]);
    assert!(doc.select(&sel(".qr svg")).next().is_some(), "no QR code");
    assert_eq!(texts(&doc, ".qr .url"), vec![format!("{BASE}{NOTICE}")]);
    assert_eq!(texts(&doc, ".sign .seal"), vec!["（盖章）"]);
    assert!(texts(&doc, ".objection").join("").contains("监督电话：0556-1234567"));
    // The running head of printed pages, as a CSS string.
    let style = texts(&doc, "head style").join("");
    assert!(
        style.contains(&format!("\"{TITLE}　公示期：2026年11月23日 至 2026年12月2日\"")),
        "{style}"
    );
    assert_eq!(doc.select(&sel(".data-table tbody tr")).count(), 200);
}

#[test]
fn a_200_row_list_prints_on_a4_with_title_period_and_header_on_every_page() {
    let Some(chrome) = chromium() else { return };
    let Some(()) = pdf_tools() else { return };
    let (tmp, out) = built();
    let pdf = tmp.path().join("notice.pdf");
    print_to_pdf(&chrome, &file_url(&out.join(NOTICE)), &pdf);
    let (pages, w, h) = pdf_info(&pdf);
    assert!(is_a4(w, h), "not A4: {w} x {h} pt");
    // 200 rows of about 31 a page, after the notice's head and text: 8 pages when measured.
    assert!((5..=12).contains(&pages), "{pages} pages for 200 rows");
    let text = pdf_pages_text(&pdf);
    let rows = rows();
    let mut found = vec![0; rows.len()];
    let mut pages_with_rows = 0;
    for (i, t) in text.iter().enumerate() {
        let page = i + 1;
        let flat = squash(t);
        assert!(flat.contains(TITLE), "page {page} lacks the title:\n{t}");
        assert!(
            flat.contains("公示期：2026年11月23日至2026年12月2日"),
            "page {page} lacks the 公示期:\n{t}"
        );
        assert!(
            flat.contains(&format!("第{page}页共{pages}页")),
            "page {page} lacks its page number:\n{t}"
        );
        assert_no_chrome(page, t);
        let mut has_rows = false;
        for line in t.lines() {
            let cells: Vec<&str> = line.split_whitespace().collect();
            for (k, r) in rows.iter().enumerate() {
                if cells.len() >= 3 && cells[0] == r[0] && cells[1] == r[1] && cells[2] == r[2] {
                    found[k] += 1;
                    has_rows = true;
                }
            }
        }
        if has_rows {
            pages_with_rows += 1;
            for head in ["序号", "户主姓名", "所在村组", "保障人数", "金额（元）"] {
                assert!(flat.contains(head), "page {page} has rows but no header `{head}`:\n{t}");
            }
        }
    }
    assert!(pages_with_rows >= 5, "the list spans only {pages_with_rows} pages");
    // Every row printed whole (序号, name and group on one line), once: none lost, none split.
    for (k, r) in rows.iter().enumerate() {
        assert_eq!(found[k], 1, "row {:?} printed {} times", r, found[k]);
    }
    assert!(
        squash(&text[pages - 1]).contains("（盖章）"),
        "no seal block on the last page"
    );
    assert!(
        squash(&text[0]).contains("监督电话0556-1234567"),
        "no 监督电话 on page 1"
    );
    assert_fonts_embedded(&pdf);
    assert_eq!(pdf_qr_codes(&pdf), vec![format!("{BASE}{NOTICE}")]);
}

#[test]
fn an_ended_period_prints_as_ended_and_without_its_withdrawn_list() {
    let Some(chrome) = chromium() else { return };
    let Some(()) = pdf_tools() else { return };
    let (tmp, out) = built();
    let pdf = tmp.path().join("ended.pdf");
    print_to_pdf(&chrome, &file_url(&out.join(ENDED)), &pdf);
    let (pages, w, h) = pdf_info(&pdf);
    assert!(is_a4(w, h), "not A4: {w} x {h} pt");
    assert_eq!(pages, 1);
    let flat = squash(&pdf_pages_text(&pdf).join(""));
    assert!(flat.contains("公示期已结束"), "{flat}");
    assert!(flat.contains("本公示已于2026年3月13日期满"), "{flat}");
    assert!(flat.contains("名单已于公示期满后撤下"), "{flat}");
    assert!(
        !flat.contains("孙长林") && !flat.contains("钱玉兰"),
        "withdrawn list printed"
    );
    assert_fonts_embedded(&pdf);
    assert_eq!(pdf_qr_codes(&pdf), vec![format!("{BASE}{ENDED}")]);
}

/// The rule of `common::missing`, on a real test of this file: run with no PDF tools on the
/// PATH, it fails when `CI` is set and is skipped (loudly) when it is not. A green CI run
/// therefore means the print tests really ran.
#[test]
fn without_its_pdf_tools_a_print_test_fails_on_ci_and_is_skipped_elsewhere() {
    let empty = tempfile::tempdir().unwrap();
    let child = |ci: Option<&str>| {
        let mut c = std::process::Command::new(std::env::current_exe().unwrap());
        c.args([
            "--exact",
            "an_ended_period_prints_as_ended_and_without_its_withdrawn_list",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("PATH", empty.path());
        match ci {
            Some(v) => c.env("CI", v),
            None => c.env_remove("CI"),
        };
        let o = c.output().expect("run this test binary");
        let text = format!("{}{}", stdout(&o), stderr(&o));
        (o.status.success(), text)
    };
    let (ok, text) = child(Some("true"));
    assert!(!ok, "with CI=true a missing pdfinfo must fail the test:\n{text}");
    assert!(text.contains("pdfinfo") && text.contains("CI is set"), "{text}");
    assert!(text.contains("1 failed"), "{text}");
    let (ok, text) = child(None);
    assert!(ok, "without CI a missing tool skips:\n{text}");
    assert!(text.contains("SKIPPED: pdfinfo"), "{text}");
    let (ok, text) = child(Some("false"));
    assert!(ok, "CI=false is not CI:\n{text}");
}
