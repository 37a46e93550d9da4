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
        "页眉和页脚",
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
    // The browser's own header and footer would print the date and a file:// address over
    // the running head: the page tells the reader to switch them off (on screen only).
    let hint = texts(&doc, ".no-print.print-hint").join("");
    assert!(hint.contains("页眉和页脚") && hint.contains("A4"), "{hint}");
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

// ---------------------------------------------------------------------------------------
// The closing block (issue 18): kept with the last lines, said once, signed as the text is.
// ---------------------------------------------------------------------------------------

/// A five-row list, as `gongkai mask` writes one.
const FIVE_ROWS: &str = "序号,户主姓名,所在村组,保障人数,金额（元）\n1,潘有福,柳河村集东组,2,1200\n2,郝传宝,柳河村集东组,4,12400\n3,邱家富,柳河村新集组,3,1620\n4,蒋宝山,柳河村集西组,4,2640\n5,金玉珍,柳河村新集组,4,2400\n";

/// A notice of the print fixture's 柳河村 with the five-row list: `filler` paragraphs of
/// text before the list, and the text after it (or none).
fn five_row_notice(title: &str, filler: usize, after: &str) -> String {
    let mut s = format!(
        "---\n标题: {title}\n事项: 社会救助/最低生活保障/审核信息\n形成日期: 2026-11-24\n发布日期: 2026-11-25\n公示期: 2026-11-25 至 2026-12-04\n数据: five.csv\n---\n\n根据《社会救助暂行办法》和省、市有关规定，经本人申请、入户调查、民主评议和乡镇人民政府审核，现将审核对象予以公示。\n\n"
    );
    for k in 1..=filler {
        s.push_str(&format!(
            "第{k}项说明：本村按照户籍、收入、财产三项标准逐户核对了申请材料，村民代表会议评议时到会代表超过三分之二，评议结果当场公布并由代表签字确认。\n\n"
        ));
    }
    s.push_str("## 初审对象名单及相关信息\n\n名单见下表。\n\n");
    s.push_str(after);
    s
}

/// The print fixture with extra notices (file name in `content/qingshan/liuhe/`, text).
fn print_site_with(notices: &[(String, String)]) -> (tempfile::TempDir, PathBuf) {
    let (tmp, site) = copy_site(&fixture("print"));
    let dir = site.join("content/qingshan/liuhe");
    std::fs::write(dir.join("five.csv"), FIVE_ROWS).unwrap();
    for (name, text) in notices {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let out = tmp.path().join("out");
    build(&site, &out);
    (tmp, out)
}

/// The 1-based page of `pdf_pages_text` on which `what` (squashed) is printed, and how often.
fn pages_with(text: &[String], what: &str) -> Vec<usize> {
    text.iter()
        .enumerate()
        .filter(|(_, t)| squash(t).contains(what))
        .map(|(i, _)| i + 1)
        .collect()
}

#[test]
fn the_seal_and_date_never_stand_alone_on_a_page() {
    let Some(chrome) = chromium() else { return };
    let Some(()) = pdf_tools() else { return };
    // The text before the list grows paragraph by paragraph, so the page break falls before,
    // inside and after the closing block; with text after the list and without.
    const LAST: &str = "以上名单经村民代表会议评议通过。";
    let fillers = [2, 3, 4, 5, 6];
    // A notice this short fits on one sheet, closing block included.
    const ONE_PAGE: usize = 2;
    let mut notices = Vec::new();
    for &k in &fillers {
        for (tail, after) in [("t", format!("{LAST}\n")), ("r", String::new())] {
            notices.push((
                format!("closing-{tail}{k}.md"),
                five_row_notice(&format!("柳河村临时公示{tail}{k}"), k, &after),
            ));
        }
    }
    let (tmp, out) = print_site_with(&notices);
    let mut spanned = 0;
    for (name, _) in &notices {
        let page = format!("qingshan/social-assistance/{}", name.replace(".md", ".html"));
        let pdf = tmp.path().join(name.replace(".md", ".pdf"));
        print_to_pdf(&chrome, &file_url(&out.join(&page)), &pdf);
        let (pages, ..) = pdf_info(&pdf);
        let text = pdf_pages_text(&pdf);
        // The last line of content: the sentence after the list, or the list's last row.
        let last = if name.contains("-t") {
            LAST.to_string()
        } else {
            "5金玉珍柳河村新集组42,400".to_string()
        };
        let seal = pages_with(&text, "（盖章）");
        let content = pages_with(&text, &last);
        assert_eq!(seal.len(), 1, "{name}: seal on pages {seal:?}");
        assert_eq!(
            content,
            seal,
            "{name}: the last line is on page {content:?}, the seal on {seal:?}:\n{}",
            text.join("\n------\n")
        );
        // Nor does the objection line go over alone.
        assert_eq!(pages_with(&text, "监督电话：0556-1234567"), seal, "{name}");
        let k: usize = name.trim_start_matches("closing-")[1..]
            .trim_end_matches(".md")
            .parse()
            .unwrap();
        if k <= ONE_PAGE {
            assert_eq!(pages, 1, "{name}: a short notice on {pages} pages");
        }
        if pages > 1 {
            spanned += 1;
        }
    }
    // Some of the notices do run onto a second page: the rule was put to the test.
    assert!(
        spanned >= 2,
        "only {spanned} of {} notices span two pages",
        notices.len()
    );
}

/// The classes of the notice's parts, in page order.
fn parts_of(doc: &scraper::Html) -> Vec<String> {
    doc.select(&sel("article.notice > *"))
        .map(|e| e.value().classes().next().unwrap_or(e.value().name()).to_string())
        .collect()
}

#[test]
fn what_the_text_already_says_is_not_printed_again() {
    let fm = |title: &str, extra: &str| {
        format!(
            "---\n标题: {title}\n事项: 社会救助/最低生活保障/审核信息\n形成日期: 2026-11-24\n发布日期: 2026-11-25\n公示期: 2026-11-25 至 2026-12-04\n数据: five.csv\n{extra}---\n\n"
        )
    };
    let notices = vec![
        // The clerk wrote the objection sentence, the number and the signature (two bodies
        // on one line), and where the list goes.
        (
            "signed.md".to_string(),
            fm("柳河村自拟落款公示", "发布主体: 柳河村民委员会\n")
                + "经民主评议，现将审核对象予以公示。\n\n## 初审对象名单及相关信息\n\n本次共5户，名单见下表。\n\n以上名单经村民代表会议评议通过。\n\n公示期内如有异议，请向柳河村民委员会或青山镇人民政府反映。监督电话：0556 1234567。\n\n柳河村民委员会　　青山镇人民政府\n\n2026年11月25日\n",
        ),
        // Signed by the county under the township's default 发布主体; the date in ISO form;
        // the list's place named by the explicit marker.
        (
            "county.md".to_string(),
            fm("县级落款公示", "")
                + "现予公示。\n\n## 初审对象名单及相关信息\n\n【名单】\n\n对名单有异议的，可向县民政局反映。\n\n测试县人民政府\n2026-11-25\n",
        ),
        // Nothing of the close in the text, no word on the list: everything generated, the
        // list after the text under its own heading.
        (
            "bare.md".to_string(),
            fm("无落款公示", "") + "现将审核对象予以公示。\n\n## 初审对象名单及相关信息\n\n经审核，共5户符合条件。\n",
        ),
    ];
    let (tmp, out) = print_site_with(&notices);
    let page = |n: &str| html(&out.join(format!("qingshan/social-assistance/{n}.html")));

    let doc = page("signed");
    assert_eq!(
        parts_of(&doc),
        ["notice-head", "notice-body", "data-table", "notice-body", "print-block"]
    );
    let before = texts(&doc, ".notice-body");
    assert!(before[0].ends_with("本次共5户，名单见下表。"), "{before:?}");
    assert!(
        before[1].starts_with("以上名单") && !before[1].contains("2026年11月25日"),
        "{before:?}"
    );
    assert!(
        doc.select(&sel(".data-table h2")).next().is_none(),
        "a heading over a list the text introduces"
    );
    assert!(texts(&doc, ".objection").is_empty(), "{:?}", texts(&doc, ".objection"));
    assert_eq!(
        texts(&doc, ".sign p"),
        ["柳河村民委员会", "青山镇人民政府", "（盖章）", "2026年11月25日"]
    );
    // Numbers right-aligned and grouped; names and short cells whole.
    let row2: Vec<(String, String)> = doc
        .select(&sel(".data-table tbody tr:nth-child(2) td"))
        .map(|td| (td.text().collect(), td.value().attr("class").unwrap_or("").to_string()))
        .collect();
    assert_eq!(
        row2,
        [
            ("2", "num nw"),
            ("郝传宝", "nw"),
            ("柳河村集东组", ""),
            ("4", "num nw"),
            ("12,400", "num nw")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );

    let doc = page("county");
    assert_eq!(
        parts_of(&doc),
        ["notice-head", "notice-body", "data-table", "notice-body", "print-block"]
    );
    assert!(!read(&out.join("qingshan/social-assistance/county.html")).contains("【名单】"));
    assert_eq!(texts(&doc, ".sign p"), ["测试县人民政府", "（盖章）", "2026-11-25"]);
    // The text invites objections; the number it lacks is still given.
    assert_eq!(texts(&doc, ".objection"), ["监督电话：0556-1234567"]);

    let doc = page("bare");
    assert_eq!(
        parts_of(&doc),
        ["notice-head", "notice-body", "data-table", "print-block"]
    );
    assert_eq!(texts(&doc, ".data-table h2"), ["名单"]);
    assert_eq!(
        texts(&doc, ".objection"),
        ["如有异议，请在公示期内向青山镇人民政府反映。监督电话：0556-1234567"]
    );
    assert_eq!(texts(&doc, ".sign p"), ["青山镇人民政府", "（盖章）", "2026年11月25日"]);

    // On paper: each sentence once, the clerk's signature once, one page.
    let Some(chrome) = chromium() else { return };
    let Some(()) = pdf_tools() else { return };
    let pdf = tmp.path().join("signed.pdf");
    print_to_pdf(
        &chrome,
        &file_url(&out.join("qingshan/social-assistance/signed.html")),
        &pdf,
    );
    let flat = squash(&pdf_pages_text(&pdf).join(""));
    assert_eq!(pdf_info(&pdf).0, 1);
    for once in [
        "如有异议",
        "监督电话：0556",
        "以上名单经村民代表会议评议通过",
        "（盖章）",
    ] {
        assert_eq!(
            flat.matches(once).count(),
            1,
            "`{once}` printed {} times:\n{flat}",
            flat.matches(once).count()
        );
    }
    assert!(flat.contains("12,400"), "{flat}");
}
