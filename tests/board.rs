//! `gongkai board` (SPEC 8): which notices go on a village's board on a day, the bundle as one
//! self-contained file, its refusals, and (with Chromium) the bundle printed: a cover sheet,
//! then every notice from a new A4 page, each with its QR code.

mod common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::Output;

const BASE: &str = "https://gk.example.gov.cn/";

// The fixture's notices of 青山镇 and its 柳河村, and where each stands on 2026-11-28.
/// 柳河村, 公示期 11-30 to 12-09, published 11-27: not started yet, but up.
const NEW_DEC: &str = "柳河村2026年12月最低生活保障新增对象公示";
/// 青山镇, item whose levels include 村级, no 公示期, published 11-25.
const TOWN_RELIEF: &str = "青山镇2026年冬春临时生活困难救助工作安排";
/// 柳河村, 200 rows, 公示期 11-23 to 12-02: running.
const Q4: &str = "柳河村2026年第四季度最低生活保障审核对象公示";
/// 青山镇, item with a 村公示栏 channel, no 公示期, published 11-16.
const TOWN_GUIDE: &str = "青山镇临时救助办事指南";
/// 柳河村, 公示期 03-04 to 03-13: ended, list withdrawn.
const Q1: &str = "柳河村2026年第一季度最低生活保障审核对象公示";
/// 柳河村, 公示期 11-10 to 11-19: ended (list still online).
const NOV: &str = "柳河村2026年11月最低生活保障补充审核对象公示";
/// 柳河村, no 公示期, published 09-15: too old.
const OLD: &str = "柳河村2026年汛期因灾过渡期生活救助发放情况";
/// 青山镇, item published on the website only.
const WEB_ONLY: &str = "青山镇最低生活保障办事指南";
/// 桃园村 of 青山镇: another village.
const TAOYUAN: &str = "桃园村2026年第四季度最低生活保障审核对象公示";
/// 柳河村 of 石桥乡: same village name, another township.
const SHIQIAO: &str = "石桥乡柳河村2026年第四季度最低生活保障审核对象公示";

fn site() -> (tempfile::TempDir, PathBuf) {
    copy_site(&fixture("print"))
}

/// `gongkai board --root SITE ARGS… --output OUT`.
fn board(site: &Path, out: &Path, args: &[&str]) -> Output {
    let mut all = vec![
        "board",
        "--root",
        site.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    run(&all)
}

/// The titles the cover sheet lists, in order.
fn cover_titles(file: &Path) -> Vec<String> {
    texts(&html(file), ".board-list tbody td:nth-child(2)")
}

#[test]
fn the_board_holds_current_notices_of_the_village_and_its_township_board_items() {
    let (tmp, site) = site();
    let out = tmp.path().join("board.html");
    let o = board(&site, &out, &["--village", "341099100201", "--date", DATE]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(cover_titles(&out), vec![NEW_DEC, TOWN_RELIEF, Q4, TOWN_GUIDE]);
    let text = read(&out);
    for absent in [Q1, OLD, WEB_ONLY, TAOYUAN, SHIQIAO] {
        assert!(!text.contains(absent), "{absent} is on the board");
    }
    // NOV ended 11-19: named in the list of what to take down, nowhere else.
    assert_eq!(text.matches(NOV).count(), 1, "{NOV} is on the board");
    assert_eq!(texts(&html(&out), ".board-down tbody td:nth-child(1)"), vec![NOV]);
    // No list of people that is not current reaches the board.
    for name in ["孙长林", "钱玉兰", "周福生", "郑德华", "冯秋月"] {
        assert!(!text.contains(name), "{name} is on the board");
    }
    let doc = html(&out);
    // One section per notice, in the cover's order, each numbered.
    assert_eq!(
        texts(&doc, ".board-notice h1"),
        vec![NEW_DEC, TOWN_RELIEF, Q4, TOWN_GUIDE]
    );
    assert_eq!(
        texts(&doc, ".board-notice .board-seq"),
        vec!["第 1 份", "第 2 份", "第 3 份", "第 4 份"]
    );
    assert_eq!(doc.select(&sel(".board-notice .data-table tbody tr")).count(), 200);
    // The township notice links to the 200-row list, which is in the bundle: to its section.
    assert!(doc.select(&sel("#n2 .notice-body a[href='#n3']")).next().is_some());
    // Until when each stays up: the end of its 公示期, or 30 days after publication.
    assert_eq!(
        texts(&doc, ".board-list td.until"),
        vec!["2026年12月9日", "2026年12月25日", "2026年12月2日", "2026年12月16日"]
    );
}

#[test]
fn later_dates_and_fewer_days_change_the_board() {
    let (tmp, site) = site();
    let out = tmp.path().join("board.html");
    // 12-05: the fourth-quarter period is over; the December one and the township notices stay.
    let o = board(
        &site,
        &out,
        &["--village", "liuhe", "--township", "青山镇", "--date", "2026-12-05"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(cover_titles(&out), vec![NEW_DEC, TOWN_RELIEF, TOWN_GUIDE]);
    // --days 10: the guide published 12 days before leaves the board.
    let o = board(
        &site,
        &out,
        &["--village", "qingshan/liuhe", "--date", DATE, "--days", "10"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(cover_titles(&out), vec![NEW_DEC, TOWN_RELIEF, Q4]);
    // The other 柳河村 has only its own notice.
    let o = board(&site, &out, &["--village", "341099201201", "--date", DATE]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(cover_titles(&out), vec![SHIQIAO]);
}

#[test]
fn the_bundle_is_one_self_contained_file_named_after_village_and_date() {
    // `--root ./site` from the folder above: paths with `./` in them, as `--root .` gives.
    let (tmp, _site) = site();
    let o = std::process::Command::new(bin())
        .args(["board", "--root", "./site", "--village", "桃园村", "--date", DATE])
        .current_dir(tmp.path())
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let file = tmp.path().join("board-taoyuan-2026-11-28.html");
    assert!(file.is_file(), "default output missing; stdout: {}", stdout(&o));
    // 桃园村's own notice between the township's board notices.
    assert_eq!(cover_titles(&file), vec![TOWN_RELIEF, TAOYUAN, TOWN_GUIDE]);
    let doc = html(&file);
    assert!(
        doc.select(&sel("link, script[src], iframe, object")).next().is_none(),
        "loads a file"
    );
    for el in doc.select(&sel("[src]")) {
        let src = el.value().attr("src").unwrap();
        assert!(src.starts_with("data:"), "resource {src}");
    }
    // Links lead to the site online, never to files beside the bundle.
    for el in doc.select(&sel("a[href]")) {
        let href = el.value().attr("href").unwrap();
        assert!(href.starts_with('#') || href.starts_with(BASE), "link {href}");
    }
    // A link to a notice outside the bundle goes online; images are inlined.
    let link = doc
        .select(&sel("a"))
        .find(|a| a.text().collect::<String>() == "柳河村第四季度低保公示")
        .expect("the link between notices");
    assert_eq!(
        link.value().attr("href"),
        Some(format!("{BASE}qingshan/social-assistance/dibao-2026q4.html").as_str())
    );
    assert!(doc.select(&sel("img[src^='data:image/png;base64,']")).next().is_some());
    let style = texts(&doc, "style").join("");
    assert!(
        style.contains("@page") && style.contains("size: A4"),
        "stylesheet not inlined"
    );
    assert_eq!(doc.select(&sel(".board-notice .qr svg")).count(), 3);
    assert!(
        texts(&doc, ".qr .url").contains(&format!("{BASE}qingshan/social-assistance/taoyuan-dibao-2026q4.html")),
        "{:?}",
        texts(&doc, ".qr .url")
    );
    // Nothing else was written.
    let mut names: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, vec!["board-taoyuan-2026-11-28.html", "site"]);
}

#[test]
fn ambiguous_or_unknown_villages_are_usage_errors() {
    let (tmp, site) = site();
    let out = tmp.path().join("board.html");
    let o = board(&site, &out, &["--village", "柳河村", "--date", DATE]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("341099100201") && err.contains("341099201201"), "{err}");
    let o = board(&site, &out, &["--village", "柳和村", "--date", DATE]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("柳河村"), "no suggestion: {}", stderr(&o));
    assert!(!out.exists());
}

#[test]
fn a_site_with_errors_gets_no_board() {
    let (tmp, site) = site();
    let bad = site.join("content/qingshan/liuhe/bad.md");
    std::fs::write(
        &bad,
        "---\n标题: 错误公告\n事项: 救灾/灾害救助/因灾过渡期生活救助\n形成日期: 2026-11-20\n发布日期: 2026-11-23\n---\n\n联系人身份证 110101199003074514。\n",
    )
    .unwrap();
    let out = tmp.path().join("board.html");
    let o = board(&site, &out, &["--village", "341099100201", "--date", DATE]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("未生成张贴文件"), "{}", stderr(&o));
    assert!(!out.exists(), "a board was written for a site with errors");
}

#[test]
fn the_bundle_prints_a_cover_then_each_notice_from_a_new_page() {
    let Some(chrome) = chromium() else { return };
    let Some(()) = pdf_tools() else { return };
    let (tmp, site) = site();
    let out = tmp.path().join("board.html");
    let o = board(&site, &out, &["--village", "341099100201", "--date", DATE]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = tmp.path().join("board.pdf");
    print_to_pdf(&chrome, &file_url(&out), &pdf);
    let (pages, w, h) = pdf_info(&pdf);
    assert!(is_a4(w, h), "not A4: {w} x {h} pt");
    let titles = [NEW_DEC, TOWN_RELIEF, Q4, TOWN_GUIDE];
    // Cover + one page per notice at least; the 200 rows take several more.
    assert!(pages >= 1 + titles.len() + 4, "{pages} pages");
    let text: Vec<String> = pdf_pages_raw(&pdf)
        .iter()
        .map(|t| t.split_whitespace().collect())
        .collect();
    assert!(text[0].contains("柳河村公示栏张贴清单"), "{}", text[0]);
    for t in titles {
        assert!(text[0].contains(t), "cover lacks {t}");
    }
    for (i, t) in text.iter().enumerate() {
        for chrome in ["标准目录", "搜索", "网站标识码", "当前位置"] {
            assert!(!t.contains(chrome), "page {} prints `{chrome}`", i + 1);
        }
        assert!(
            t.contains(&format!("第{}页共{pages}页", i + 1)),
            "page {} number:\n{t}",
            i + 1
        );
    }
    // Each notice starts on its own page: the page where 第 k 份 starts shows only notice k.
    let mut starts = Vec::new();
    for (k, title) in titles.iter().enumerate() {
        let seq = format!("第{}份", k + 1);
        let first = (1..pages)
            .find(|&p| text[p].contains(&seq) && text[p].contains(title))
            .unwrap_or_else(|| panic!("no page of {title}"));
        for (j, other) in titles.iter().enumerate() {
            if j != k {
                assert!(!text[first].contains(other), "{other} on the page of {title}");
            }
        }
        starts.push(first);
    }
    assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
    assert!(starts[0] >= 1, "the first notice shares the cover's page");
    // Every page of notice k carries its title (running head) and number (footer).
    for (k, title) in titles.iter().enumerate() {
        let until = starts.get(k + 1).copied().unwrap_or(pages);
        for (p, t) in text.iter().enumerate().take(until).skip(starts[k]) {
            assert!(t.contains(title), "page {} of {title} lacks its title", p + 1);
            assert!(
                t.contains(&format!("第{}份", k + 1)),
                "page {} lacks 第{}份",
                p + 1,
                k + 1
            );
        }
    }
    assert_fonts_embedded(&pdf);
    let mut codes = pdf_qr_codes(&pdf);
    codes.sort();
    let mut want: Vec<String> = [
        "qingshan/social-assistance/dibao-2026-12.html",
        "qingshan/disaster-relief/zaihai-jiuzhu.html",
        "qingshan/social-assistance/dibao-2026q4.html",
        "qingshan/social-assistance/linshi-zhinan.html",
    ]
    .iter()
    .map(|p| format!("{BASE}{p}"))
    .collect();
    want.sort();
    assert_eq!(codes, want);
}

// ---- issue 18: boards a township notice names, past days, what to take down ----

const ZHENGDI: &str = "青山镇集镇道路改建工程征地补偿安置方案公告";

/// The print fixture with a board case added under 青山镇.
fn site_with_case(case: &str) -> (tempfile::TempDir, PathBuf) {
    let (tmp, site) = site();
    std::fs::copy(
        fixture("board-cases").join(case),
        site.join("content/qingshan").join(case),
    )
    .unwrap();
    (tmp, site)
}

#[test]
fn a_land_notice_hangs_on_the_boards_it_names_and_only_there() {
    // Its item's channel is 被征收范围内公告栏: a village board. 张贴村 says which.
    let (tmp, site) = site_with_case("zhengdi.md");
    let out = tmp.path().join("board.html");
    let o = board(&site, &out, &["--village", "341099100201", "--date", DATE]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        cover_titles(&out).contains(&ZHENGDI.to_string()),
        "{:?}",
        cover_titles(&out)
    );
    assert!(texts(&html(&out), ".board-notice h1").contains(&ZHENGDI.to_string()));
    let o = board(&site, &out, &["--village", "341099100202", "--date", DATE]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        !cover_titles(&out).contains(&ZHENGDI.to_string()),
        "{:?}",
        cover_titles(&out)
    );
    // Without 张贴村 the channel alone puts it on every village board of the township.
    let f = site.join("content/qingshan/zhengdi.md");
    std::fs::write(&f, read(&f).replace("张贴村: [柳河村]\n", "")).unwrap();
    let o = board(&site, &out, &["--village", "341099100202", "--date", DATE]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        cover_titles(&out).contains(&ZHENGDI.to_string()),
        "{:?}",
        cover_titles(&out)
    );
    // Never on another township's board.
    let o = board(&site, &out, &["--village", "341099201201", "--date", DATE]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(cover_titles(&out), vec![SHIQIAO]);
}

#[test]
fn a_board_village_not_in_the_township_gk173_at_its_line() {
    // The English alias `boards`, and 桃园村 typed as 桃源村.
    let (tmp, site) = site_with_case("zhengdi-bad-village.md");
    let (diags, status) = check_json_at(&site, DATE, &[]);
    assert_eq!(status, 1);
    let d = only(&diags, "GK173", "content/qingshan/zhengdi-bad-village.md", 7, None);
    says(d, &["桃源村", "青山镇"], &["桃园村"]);
    let out = tmp.path().join("board.html");
    let o = board(
        &site,
        &out,
        &["--village", "柳河村", "--township", "青山镇", "--date", DATE],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!out.exists());
}

#[test]
fn a_village_notice_naming_boards_gk173() {
    let (_tmp, site) = site_with_case("zhengdi-on-village.md");
    let (diags, status) = check_json_at(&site, DATE, &[]);
    assert_eq!(status, 1);
    let d = diags
        .iter()
        .find(|d| d["code"] == "GK173")
        .unwrap_or_else(|| panic!("{diags:#?}"));
    at(d, "GK173", "content/qingshan/zhengdi-on-village.md", 7, None);
    says(d, &["乡镇的公告"], &["删掉“张贴村”"]);
}

#[test]
fn a_board_for_a_past_day_ignores_later_notices() {
    // 2026-03-10: the first-quarter list (03-04 to 03-13) was up; every later notice of the
    // site (other townships' too) is simply not on that day's board.
    let (tmp, site) = site();
    let out = tmp.path().join("board.html");
    let o = board(&site, &out, &["--village", "341099100201", "--date", "2026-03-10"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(cover_titles(&out), vec![Q1]);
    assert!(!stderr(&o).contains("GK041"), "{}", stderr(&o));
    assert!(stderr(&o).contains("之后发布，不在这一天的公示栏上"), "{}", stderr(&o));
    // `check` for that day still says they are in the future: the board alone ignores them.
    let (diags, _) = check_json_at(&site, "2026-03-10", &[]);
    assert!(diags.iter().any(|d| d["code"] == "GK041"));
}

#[test]
fn the_board_lists_what_to_take_down() {
    let (tmp, site) = site();
    let out = tmp.path().join("board.html");
    // 11-28: the November list ended 11-19 (within the 30 days before); the first-quarter
    // list (03-13) and the flood notice (up to 10-15) came down long ago.
    let o = board(&site, &out, &["--village", "341099100201", "--date", DATE]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc = html(&out);
    assert_eq!(texts(&doc, ".board-down tbody td:nth-child(1)"), vec![NOV]);
    assert_eq!(
        texts(&doc, ".board-down tbody td:nth-child(3)"),
        vec!["2026年11月19日（公示期满）"]
    );
    assert!(stderr(&o).contains("撤下 1 份"), "{}", stderr(&o));
    // Not also on the board, and its list of people is not printed.
    assert!(!cover_titles(&out).contains(&NOV.to_string()));
    // 12-05: the fourth-quarter list (12-02) is due; --days 10 keeps only what ended since 11-25.
    let o = board(
        &site,
        &out,
        &["--village", "341099100201", "--date", "2026-12-05", "--days", "10"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let doc = html(&out);
    assert_eq!(texts(&doc, ".board-down tbody td:nth-child(1)"), vec![Q4, TOWN_GUIDE]);
    // Nothing due: the cover says so.
    let o = board(&site, &out, &["--village", "341099100202", "--date", "2026-03-01"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        texts(&html(&out), ".board-cover .empty")
            .iter()
            .any(|t| t.contains("不需要撤下"))
    );
}
