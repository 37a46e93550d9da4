//! SPEC 5.1–5.5, 5.7: one clerk's mistake per test, laid over the clean site `check-base`,
//! and the exact diagnostic it gets (code, file, line, column where it matters, the field and
//! value named, the fix in the hint). A build of a site with an error writes nothing and
//! changes no file. Privacy rules are in `check_privacy.rs`, the output formats and commands
//! in `check_output.rs`.

mod common;
use common::*;

const Q: &str = "content/qingshan";
const LIUHE: &str = "content/qingshan/liuhe";

/// The case `name.md` put into `dir` under its own name; its diagnostics and exit status.
fn check_case(name: &str, dir: &str) -> (tempfile::TempDir, std::path::PathBuf, Vec<serde_json::Value>, i32) {
    let file = format!("{name}.md");
    let (tmp, root) = site_with(&[(&file, &format!("{dir}/{file}"))]);
    let (diags, status) = check_json(&root);
    (tmp, root, diags, status)
}

fn rel(dir: &str, name: &str) -> String {
    format!("{dir}/{name}.md")
}

#[test]
fn base_site_is_clean() {
    let (_t, root) = site_with(&[]);
    let (diags, status) = check_json(&root);
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(status, 0);
}

// ---- 5.1 Encoding ----

#[test]
fn bom_and_crlf_pass_silently() {
    let (_t, _root, diags, status) = check_case("bom-crlf", Q);
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(status, 0);
}

#[test]
fn gbk_file_gk001_warns_and_is_still_checked() {
    // Saved by Notepad as GBK with CRLF, and missing an element: both are reported, the
    // element at its right line.
    let (_t, root, diags, status) = check_case("gbk", Q);
    assert_eq!(codes(&diags), ["GK001", "GK033"], "{diags:#?}");
    at(&diags[0], "GK001", &rel(Q, "gbk"), 1, Some(1));
    assert_eq!(diags[0]["severity"], "warning");
    says(&diags[0], &["GBK"], &["UTF-8"]);
    at(&diags[1], "GK033", &rel(Q, "gbk"), 10, None);
    says(&diags[1], &["社会救助信访通讯地址"], &["## 社会救助信访通讯地址"]);
    assert_eq!(status, 1);
    build_refused(&root);
}

#[test]
fn word_document_renamed_gk002() {
    let (_t, root) = site_with(&[]);
    let bad = root.join("content/qingshan/公告.md");
    // The start of a .docx (a zip file).
    std::fs::write(
        &bad,
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xdf\xa4\xd2lZ\x01\x00\x00 \x05\x00\x00",
    )
    .unwrap();
    let (diags, _) = check_json(&root);
    let d = only(&diags, "GK002", "content/qingshan/公告.md", 1, Some(1));
    says(d, &["公告.md"], &["Word"]);
    build_refused(&root);
}

// ---- 5.2 Front matter syntax ----

#[test]
fn fullwidth_colon_gk013() {
    let (_t, root, diags, _) = check_case("fullwidth-colon", Q);
    let d = only(&diags, "GK013", &rel(Q, "fullwidth-colon"), 3, Some(3));
    says(d, &["事项", "："], &["事项: 社会救助/临时救助/政策法规文件"]);
    build_refused(&root);
}

#[test]
fn fullwidth_space_gk014() {
    let (_t, root, diags, _) = check_case("fullwidth-space", Q);
    let d = only(&diags, "GK014", &rel(Q, "fullwidth-space"), 2, Some(4));
    says(d, &["标题"], &["标题: 青山镇临时救助政策文件汇编"]);
    build_refused(&root);
}

#[test]
fn fullwidth_space_inside_a_value_is_text() {
    let (_t, root) = site_with(&[]);
    let f = root.join("content/qingshan/dibao-zhinan.md");
    let text = read(&f).replace("标题: 青山镇最低生活保障办事指南", "标题: 青山镇　最低生活保障办事指南");
    std::fs::write(&f, text).unwrap();
    let (diags, _) = check_json(&root);
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn tab_indent_gk015() {
    let (_t, root, diags, _) = check_case("tab-indent", Q);
    assert_eq!(codes(&diags), ["GK015", "GK015"], "{diags:#?}");
    at(&diags[0], "GK015", &rel(Q, "tab-indent"), 7, Some(1));
    at(&diags[1], "GK015", &rel(Q, "tab-indent"), 8, Some(1));
    says(&diags[0], &["Tab"], &["空格"]);
    build_refused(&root);
}

#[test]
fn unclosed_front_matter_gk011_says_where_to_close() {
    let (_t, root, diags, _) = check_case("unclosed-front-matter", Q);
    let d = only(&diags, "GK011", &rel(Q, "unclosed-front-matter"), 1, Some(1));
    says(d, &["---"], &["第 6 行", "---"]);
    build_refused(&root);
}

#[test]
fn no_front_matter_gk010() {
    let (_t, root, diags, _) = check_case("no-front-matter", Q);
    let d = only(&diags, "GK010", &rel(Q, "no-front-matter"), 1, Some(1));
    says(d, &["---"], &["---", "标题"]);
    build_refused(&root);
}

#[test]
fn dash_lookalike_fences_gk010_gk011() {
    // `———` typed with a Chinese input method: reported, and the rest still checked.
    let (_t, root) = site_with(&[]);
    let f = root.join("content/qingshan/dibao-zhinan.md");
    let text = read(&f).replacen("---\n", "———\n", 1);
    std::fs::write(&f, text).unwrap();
    let (diags, _) = check_json(&root);
    let d = only(&diags, "GK010", "content/qingshan/dibao-zhinan.md", 1, Some(1));
    says(d, &["———"], &["---"]);
    build_refused(&root);
}

#[test]
fn unbalanced_quote_gk012_at_its_line_and_nothing_else() {
    // The YAML cannot be read: no "missing key" noise for the keys that are there.
    let (_t, root, diags, _) = check_case("yaml-syntax", Q);
    let d = only(&diags, "GK012", &rel(Q, "yaml-syntax"), 2, None);
    says(d, &["第 2 行", "引号"], &["引号"]);
    assert!(!d["message"].as_str().unwrap().contains("line 1"), "{d:#?}");
    build_refused(&root);
}

#[test]
fn number_value_gk016_shows_what_was_typed() {
    let (_t, root, diags, _) = check_case("number-value", Q);
    let d = only(&diags, "GK016", &rel(Q, "number-value"), 6, Some(7));
    says(d, &["监督电话", "05561234567", "数字"], &["\"05561234567\""]);
    build_refused(&root);
}

#[test]
fn boolean_exemption_gk016_is_no_reason() {
    // `隐私豁免: true` must not count as an exemption: the mobile is still reported.
    let (_t, root) = site_with(&[("exemption-mobile.md", "content/qingshan/liuhe/x.md")]);
    let f = root.join("content/qingshan/liuhe/x.md");
    let text = read(&f);
    let line = text.lines().find(|l| l.starts_with("隐私豁免")).unwrap().to_string();
    std::fs::write(&f, text.replace(&line, "隐私豁免: true")).unwrap();
    let (diags, _) = check_json(&root);
    assert_eq!(codes(&diags), ["GK016", "GK052"], "{diags:#?}");
    at(&diags[0], "GK016", "content/qingshan/liuhe/x.md", 7, Some(7));
    says(&diags[0], &["隐私豁免", "真假值"], &["理由"]);
}

#[test]
fn repeated_key_gk017() {
    let (_t, root) = site_with(&[]);
    let f = root.join("content/qingshan/dibao-zhinan.md");
    let text = read(&f).replace("形成日期: 2026-09-01\n", "形成日期: 2026-09-01\n形成日期: 2026-09-02\n");
    std::fs::write(&f, text).unwrap();
    let (diags, _) = check_json(&root);
    let d = only(&diags, "GK017", "content/qingshan/dibao-zhinan.md", 5, Some(1));
    says(d, &["形成日期", "第 4 行", "第 5 行"], &["删除"]);
}

// ---- 5.3 Keys and values ----

#[test]
fn unknown_key_gk020_suggests_the_meant_key() {
    // `发布时间` for `发布日期`: one diagnostic at its line, not also "发布日期 missing".
    let (_t, root, diags, _) = check_case("unknown-key", Q);
    let d = only(&diags, "GK020", &rel(Q, "unknown-key"), 5, Some(1));
    says(d, &["发布时间"], &["发布日期", "发布日期: 2026-11-18"]);
    build_refused(&root);
}

#[test]
fn unknown_key_in_index_gk020() {
    let (_t, root) = site_with(&[]);
    std::fs::write(
        root.join("content/qingshan/_index.md"),
        "---\n乡镇: 青山镇\n联系电话: 0556-1234567\n---\n",
    )
    .unwrap();
    let (diags, _) = check_json(&root);
    let d = only(&diags, "GK020", "content/qingshan/_index.md", 3, Some(1));
    says(d, &["联系电话"], &[]);
}

#[test]
fn non_cascading_key_in_index_warns() {
    let (_t, root) = site_with(&[]);
    std::fs::write(
        root.join("content/qingshan/_index.md"),
        "---\n乡镇: 青山镇\n形成日期: 2026-09-01\n---\n",
    )
    .unwrap();
    let (diags, status) = check_json(&root);
    let d = only(&diags, "GK020", "content/qingshan/_index.md", 3, Some(1));
    assert_eq!(d["severity"], "warning");
    says(d, &["形成日期", "不会传给"], &["每条公告"]);
    assert_eq!(status, 0);
}

#[test]
fn missing_key_gk021_points_at_the_closing_fence() {
    let (_t, root, diags, _) = check_case("missing-key", Q);
    let d = only(&diags, "GK021", &rel(Q, "missing-key"), 5, Some(1));
    says(d, &["发布日期"], &["发布日期: "]);
    build_refused(&root);
}

#[test]
fn empty_value_gk022_is_not_also_missing() {
    let (_t, root, diags, _) = check_case("wrong-type", Q);
    let d = only(&diags, "GK022", &rel(Q, "wrong-type"), 2, None);
    says(d, &["标题"], &["标题"]);
    build_refused(&root);
}

#[test]
fn impossible_date_gk023_in_chinese() {
    let (_t, root, diags, _) = check_case("bad-date", Q);
    let d = only(&diags, "GK023", &rel(Q, "bad-date"), 5, Some(7));
    says(d, &["发布日期", "2026年11月31日", "30天"], &["发布日期: 2026-09-25"]);
    build_refused(&root);
}

#[test]
fn every_date_form_of_spec_3_2_is_accepted() {
    for case in ["date-forms", "period-mapping"] {
        let (_t, _root, diags, status) = check_case(case, LIUHE);
        assert!(diags.is_empty(), "{case}: {diags:#?}");
        assert_eq!(status, 0);
    }
    // Without leading zeros, with dots and slashes, full-width digits.
    let (_t, root) = site_with(&[]);
    let f = root.join("content/qingshan/dibao-zhinan.md");
    let text = read(&f)
        .replace("形成日期: 2026-09-01", "形成日期: ２０２６年９月１日")
        .replace("发布日期: 2026-09-03", "发布日期: 2026.9.3");
    std::fs::write(&f, text).unwrap();
    let (diags, _) = check_json(&root);
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn unknown_township_gk024() {
    let (_t, root, diags, _) = check_case("unknown-township", "content/shiqiao");
    let d = only(&diags, "GK024", &rel("content/shiqiao", "unknown-township"), 4, Some(5));
    says(d, &["石桥镇"], &["石桥乡"]);
    build_refused(&root);
}

#[test]
fn unknown_village_gk025() {
    let (_t, root, diags, _) = check_case("unknown-village", Q);
    let d = only(&diags, "GK025", &rel(Q, "unknown-village"), 4, Some(4));
    says(d, &["柳和村", "青山镇"], &["柳河村"]);
    build_refused(&root);
}

#[test]
fn village_of_another_township_gk025() {
    let (_t, root) = site_with(&[("unknown-village.md", "content/shiqiao/x.md")]);
    let f = root.join("content/shiqiao/x.md");
    let text = read(&f).replace("村: 柳和村", "乡镇: 石桥乡\n村: 柳河村");
    std::fs::write(&f, text).unwrap();
    let (diags, _) = check_json(&root);
    let d = only(&diags, "GK025", "content/shiqiao/x.md", 5, Some(4));
    says(d, &["石桥乡", "柳河村"], &["青山镇"]);
}

#[test]
fn reversed_period_gk026_and_not_also_missing() {
    let (_t, root, diags, _) = check_case("bad-period", LIUHE);
    let d = only(&diags, "GK026", &rel(LIUHE, "bad-period"), 6, None);
    says(d, &["2026-11-27 至 2026-11-18", "早于"], &["至"]);
    build_refused(&root);
}

#[test]
fn cascaded_mistake_is_reported_in_the_index_at_its_line() {
    // `_index.md` gives a wrong item to two notices: one diagnostic, in `_index.md`, line 4.
    let (_t, root) = site_with(&[("cascade", "")]);
    let (diags, _) = check_json(&root);
    let d = only(&diags, "GK030", "content/qingshan/taoyuan/_index.md", 4, Some(5));
    says(d, &["社会救助/低保/审核信息"], &["社会救助/最低生活保障/审核信息"]);
    build_refused(&root);
}

#[test]
fn notice_lines_are_file_lines_below_a_cascade() {
    // In a folder with an `_index.md`, a notice's own mistake is at its own file line.
    let (_t, root) = site_with(&[("short-period.md", "content/qingshan/liuhe/x.md")]);
    let (diags, _) = check_json(&root);
    only(&diags, "GK035", "content/qingshan/liuhe/x.md", 6, Some(6));
}

// ---- 5.4 Catalog ----

#[test]
fn unknown_item_gk030_suggests_the_nearest() {
    let (_t, root, diags, _) = check_case("unknown-item", LIUHE);
    let d = only(&diags, "GK030", &rel(LIUHE, "unknown-item"), 3, Some(5));
    says(d, &["社会救助/低保/审核信息"], &["社会救助/最低生活保障/审核信息"]);
    build_refused(&root);
}

#[test]
fn ambiguous_item_gk031_lists_the_candidates() {
    let (_t, root, diags, _) = check_case("ambiguous-item", Q);
    let d = only(&diags, "GK031", &rel(Q, "ambiguous-item"), 3, Some(5));
    says(d, &["政策法规文件", "社会救助/临时救助/政策法规文件"], &["完整路径"]);
    build_refused(&root);
}

#[test]
fn village_level_for_township_item_gk032() {
    // The village comes from liuhe/_index.md: the hint says so and where to move the notice.
    // A village board carrying a township item is common, so by default it is a warning.
    let (_t, _root, diags, status) = check_case("level-not-allowed", LIUHE);
    let d = only(&diags, "GK032", &rel(LIUHE, "level-not-allowed"), 3, Some(5));
    says(
        d,
        &["社会救助/综合业务/监督检查", "sa-02", "村级"],
        &["_index.md", "content/qingshan/"],
    );
    assert_eq!(d["severity"], "warning");
    assert_eq!(status, 0);
}

#[test]
fn level_is_an_error_when_the_county_says_so() {
    let (_t, root) = site_with(&[("level-not-allowed.md", &format!("{LIUHE}/level-not-allowed.md"))]);
    let toml = read(&root.join("book.toml")).replace("late = \"warning\"", "late = \"warning\"\nlevel = \"error\"");
    std::fs::write(root.join("book.toml"), toml).unwrap();
    let (diags, status) = check_json(&root);
    let d = only(&diags, "GK032", &rel(LIUHE, "level-not-allowed"), 3, Some(5));
    assert_eq!(d["severity"], "error");
    assert_eq!(status, 1);
    build_refused(&root);
}

#[test]
fn missing_element_gk033() {
    let (_t, root, diags, _) = check_case("missing-element", Q);
    let d = only(&diags, "GK033", &rel(Q, "missing-element"), 10, Some(1));
    says(d, &["社会救助信访通讯地址", "sa-02"], &["## 社会救助信访通讯地址"]);
    build_refused(&root);
}

#[test]
fn element_as_front_matter_key_counts() {
    let (_t, root) = site_with(&[("missing-element.md", "content/qingshan/x.md")]);
    let f = root.join("content/qingshan/x.md");
    let text = read(&f).replace(
        "发布日期: 2026-11-18\n",
        "发布日期: 2026-11-18\n社会救助信访通讯地址: 青山镇和平路 6 号\n",
    );
    std::fs::write(&f, text).unwrap();
    let (diags, _) = check_json(&root);
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn missing_period_gk034() {
    let (_t, root, diags, _) = check_case("missing-period", LIUHE);
    let d = only(&diags, "GK034", &rel(LIUHE, "missing-period"), 6, Some(1));
    says(d, &["公示期", "公示7个工作日"], &["公示期: 2026-11-18 至"]);
    build_refused(&root);
}

#[test]
fn short_period_gk035_gives_the_end_date_needed() {
    // 2026-11-18 (Wed) to 11-25 is 5 working days, the first day not counted; 7 end on 11-27.
    let (_t, root, diags, _) = check_case("short-period", LIUHE);
    let d = only(&diags, "GK035", &rel(LIUHE, "short-period"), 6, Some(6));
    says(
        d,
        &["2026-11-18 至 2026-11-25", "5个工作日", "7个工作日"],
        &["2026-11-27", "公示期: 2026-11-18 至 2026-11-27"],
    );
    build_refused(&root);
}

#[test]
fn short_calendar_day_period_gk035_in_days() {
    // up-01 demands 批前公示不少于30日, calendar days: 11-02 to 11-30 is 28; 30 end on 12-02.
    let (_t, root, diags, _) = check_case("short-calendar-period", Q);
    let d = only(&diags, "GK035", &rel(Q, "short-calendar-period"), 6, Some(6));
    says(d, &["28日", "30日", "up-01"], &["公示期: 2026-11-02 至 2026-12-02"]);
    build_refused(&root);
}

#[test]
fn period_over_a_holiday_counts_working_days() {
    // 2026-09-28 to 10-09: 9-29, 9-30, 10-08, 10-09 are working days (国庆 10-01..07): 4 < 7.
    let (_t, root) = site_with(&[("short-period.md", "content/qingshan/liuhe/x.md")]);
    let f = root.join("content/qingshan/liuhe/x.md");
    let text = read(&f)
        .replace("形成日期: 2026-11-16", "形成日期: 2026-09-25")
        .replace("发布日期: 2026-11-18", "发布日期: 2026-09-28")
        .replace("公示期: 2026-11-18 至 2026-11-25", "公示期: 2026-09-28 至 2026-10-09");
    std::fs::write(&f, text).unwrap();
    let (diags, _) = check_json(&root);
    let d = only(&diags, "GK035", "content/qingshan/liuhe/x.md", 6, None);
    // 10-10 is a make-up Saturday (调休), 10-12 Monday: the 7th working day is 10-13.
    says(d, &["4个工作日"], &["2026-10-13"]);
}

// ---- 5.5 Time limits ----

#[test]
fn late_over_national_day_gk040_warning() {
    // A 10-working-day item formed 2026-09-28: 9-29, 9-30, 10-08, 10-09, 10-10 (调休),
    // 10-12..16: the deadline is 10-16; 10-30 is 10 working days late. A warning: build goes on.
    let (t, root, diags, status) = check_case("late", Q);
    let d = only(&diags, "GK040", &rel(Q, "late"), 5, Some(7));
    assert_eq!(d["severity"], "warning");
    says(
        d,
        &["10个工作日", "2026-09-28", "2026-10-30", "2026-10-16"],
        &["形成日期"],
    );
    assert_eq!(status, 0);
    let out = t.path().join("out");
    build(&root, &out);
    assert!(out.join("index.html").is_file());
}

#[test]
fn late_is_an_error_when_the_county_says_so() {
    let (_t, root) = site_with(&[("late.md", "content/qingshan/late.md")]);
    let toml = read(&root.join("book.toml")).replace("late = \"warning\"", "late = \"error\"");
    std::fs::write(root.join("book.toml"), toml).unwrap();
    let (diags, status) = check_json(&root);
    let d = only(&diags, "GK040", "content/qingshan/late.md", 5, Some(7));
    assert_eq!(d["severity"], "error");
    assert_eq!(status, 1);
    build_refused(&root);
}

#[test]
fn future_publish_date_gk041() {
    let (_t, root, diags, _) = check_case("future-date", Q);
    let d = only(&diags, "GK041", &rel(Q, "future-date"), 5, Some(7));
    says(d, &["发布日期", "2026-12-18", "2026-11-28"], &["2026-11-28"]);
    build_refused(&root);
}

#[test]
fn year_without_calendar_gk042_warns_never_guesses() {
    let (_t, root) = site_with(&[("year-2027.md", "content/qingshan/year-2027.md")]);
    let (diags, status) = check_json_at(&root, "2027-01-10", &[]);
    let d = only(&diags, "GK042", "content/qingshan/year-2027.md", 5, Some(7));
    assert_eq!(d["severity"], "warning");
    says(d, &["2027", "2027-01-06"], &["calendar.toml", "2027"]);
    assert_eq!(status, 0);
}

#[test]
fn site_calendar_toml_adds_a_year() {
    let (_t, root) = site_with(&[("year-2027.md", "content/qingshan/year-2027.md")]);
    std::fs::write(
        root.join("calendar.toml"),
        "# 2027 年（测试用）\n[2027]\nsource = \"测试\"\nholidays = [\"2027-01-01..2027-01-03\"]\nworkdays = []\n",
    )
    .unwrap();
    let (diags, status) = check_json_at(&root, "2027-01-10", &[]);
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(status, 0);
}

#[test]
fn bad_calendar_toml_gk073() {
    let (_t, root) = site_with(&[]);
    std::fs::write(
        root.join("calendar.toml"),
        "[2027]\nsource = \"测试\"\nholidays = [\"2027-13-01\"]\n",
    )
    .unwrap();
    let (diags, _) = check_json(&root);
    let d = only(&diags, "GK073", "calendar.toml", 3, None);
    says(d, &["2027-13-01"], &["[2027]"]);
    build_refused(&root);
}

#[test]
fn published_before_formed_gk043() {
    let (_t, root, diags, _) = check_case("published-before-formed", Q);
    let d = only(&diags, "GK043", &rel(Q, "published-before-formed"), 5, Some(7));
    says(d, &["2026-11-16", "2026-11-18"], &["写反"]);
    build_refused(&root);
}

// ---- 5.7 Links and files ----

#[test]
fn broken_link_gk060() {
    let (_t, root, diags, _) = check_case("broken-link", Q);
    let d = only(&diags, "GK060", &rel(Q, "broken-link"), 8, Some(24));
    says(d, &["临时救助申请表.docx"], &["临时救助申请表.docx"]);
    build_refused(&root);
}

#[test]
fn missing_attachment_gk061_suggests_the_file_there() {
    let (_t, root) = site_with(&[("missing-attachment.md", "content/qingshan/missing-attachment.md")]);
    std::fs::write(root.join("content/qingshan/临时救助申请表.docx"), b"PK").unwrap();
    let (diags, _) = check_json(&root);
    let d = only(&diags, "GK061", "content/qingshan/missing-attachment.md", 7, Some(5));
    says(d, &["附件", "临时救助申请表.doc"], &["临时救助申请表.docx"]);
    build_refused(&root);
}

#[test]
fn attachment_outside_the_site_gk062() {
    let (_t, root, diags, _) = check_case("outside-root", Q);
    let d = only(&diags, "GK062", &rel(Q, "outside-root"), 7, Some(5));
    says(d, &["../../../../民政办/临时救助申请表.pdf"], &["复制"]);
    build_refused(&root);
}

#[test]
fn link_to_a_file_on_the_clerks_pc_gk062() {
    let (_t, root) = site_with(&[("broken-link.md", "content/qingshan/x.md")]);
    let f = root.join("content/qingshan/x.md");
    let text = read(&f).replace("(临时救助申请表.docx)", "(file:///C:/Users/民政办/Desktop/申请表.docx)");
    std::fs::write(&f, text).unwrap();
    let (diags, _) = check_json(&root);
    only(&diags, "GK062", "content/qingshan/x.md", 8, Some(24));
}

#[test]
fn duplicate_output_gk063() {
    let (_t, root) = site_with(&[("duplicate-output", "")]);
    let (diags, _) = check_json(&root);
    let d = only(&diags, "GK063", "content/qingshan/dibao-zhinan.md", 1, Some(1));
    says(
        d,
        &[
            "content/qingshan/2025/dibao-zhinan.md",
            "qingshan/social-assistance/dibao-zhinan.html",
        ],
        &["dibao-zhinan-2.md"],
    );
    build_refused(&root);
}

#[test]
fn unreadable_data_file_gk064() {
    let (_t, root) = site_with(&[("bad-data.md", "content/qingshan/liuhe/bad-data.md")]);
    std::fs::write(root.join("content/qingshan/liuhe/低保名单.doc"), b"\xd0\xcf\x11\xe0").unwrap();
    let (diags, _) = check_json(&root);
    let d = only(&diags, "GK064", "content/qingshan/liuhe/bad-data.md", 7, Some(5));
    says(d, &["低保名单.doc"], &["xlsx"]);
    build_refused(&root);
}

// ---- All at once ----

#[test]
fn every_problem_of_a_run_is_reported() {
    // Three notices, three mistakes, plus a notice dropped for its item that also leaks a
    // mobile: one run reports all four.
    let (_t, root) = site_with(&[
        ("fullwidth-colon.md", "content/qingshan/a.md"),
        ("bad-date.md", "content/qingshan/b.md"),
        ("short-period.md", "content/qingshan/liuhe/c.md"),
        ("unknown-item.md", "content/qingshan/liuhe/d.md"),
    ]);
    let d = root.join("content/qingshan/liuhe/d.md");
    std::fs::write(&d, read(&d) + "\n联系人：王海 13812345678\n").unwrap();
    let (diags, status) = check_json(&root);
    let mut got: Vec<(String, String)> = diags
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    got.sort();
    let want: Vec<(String, String)> = [
        ("content/qingshan/a.md", "GK013"),
        ("content/qingshan/b.md", "GK023"),
        ("content/qingshan/liuhe/c.md", "GK035"),
        ("content/qingshan/liuhe/d.md", "GK030"),
        ("content/qingshan/liuhe/d.md", "GK052"),
    ]
    .iter()
    .map(|(f, c)| (f.to_string(), c.to_string()))
    .collect();
    assert_eq!(got, want, "{diags:#?}");
    assert_eq!(status, 1);
}

// ---- one finding, one fix (issue 18) ----

#[test]
fn unmasked_ids_in_an_id_column_are_one_gk054_not_gk050_per_cell() {
    // The ID column is to be removed, so masking its cells (GK050's fix) would be wasted
    // work: one GK054 counts them. A number outside the column keeps its own finding.
    let (_t, root, diags, status) = check_case("people-column-raw", LIUHE);
    let file = rel(LIUHE, "people-column-raw");
    assert_eq!(codes(&diags), ["GK054", "GK052"], "{diags:#?}");
    at(&diags[0], "GK054", &file, 13, Some(15));
    says(
        &diags[0],
        &["身份证号", "2 个未遮蔽的号码", "第 15 行起"],
        &["删除“身份证号”这一列"],
    );
    assert!(
        !diags[0]["hint"].as_str().unwrap().contains("遮蔽形式"),
        "{:#?}",
        diags[0]
    );
    at(&diags[1], "GK052", &file, 19, None);
    says(&diags[1], &["138****5678"], &["138****5678"]);
    assert_eq!(status, 1);
    // No output, and no number in the messages either.
    let text = serde_json::to_string(&diags).unwrap();
    assert!(!text.contains("341099196503120425") && !text.contains("13812345678"));
    build_refused(&root);
    let (en, _) = check_json_at(&root, DATE, &["--lang", "en"]);
    says(
        &en[0],
        &["2 unmasked numbers", "line 15"],
        &["Remove the `身份证号` column"],
    );
}

#[test]
fn unmasked_ids_in_a_data_files_id_column_are_one_gk054() {
    let (_t, root) = site_with(&[
        ("data-column-raw.md", "content/qingshan/liuhe/data-column-raw.md"),
        ("data-column-raw.csv", "content/qingshan/liuhe/名单-原表.csv"),
    ]);
    let (diags, _) = check_json(&root);
    let csv = "content/qingshan/liuhe/名单-原表.csv";
    assert_eq!(codes(&diags), ["GK054", "GK050"], "{diags:#?}");
    at(&diags[0], "GK054", csv, 1, Some(9));
    says(&diags[0], &["身份证号码", "2 个未遮蔽的号码", "第 2 行起"], &["删除"]);
    // 备注 may stay, so its number is masked there; the ID column goes with its two.
    at(&diags[1], "GK050", csv, 3, None);
    says(&diags[1], &["备注"], &["341099********1214"]);
    build_refused(&root);
}
