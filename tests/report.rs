//! `gongkai report` (SPEC 10) on the fixture `tests/fixtures/report`, whose figures are known:
//!
//! - 青山镇: 14 notices in 2026. Two late: sa-01 formed 2026-09-25 (10 working days across
//!   国庆 10/1–10/7 and the 调休 Saturday 10/10: deadline 10-15), published 10-20, 3 working
//!   days late; ws-01 formed 02-10 (20 working days across 春节 2/15–2/23 and the 调休
//!   Saturdays 2/14, 2/28: deadline 03-16), published 03-18, 2 late. 安全生产 last updated
//!   03-18, stale on 11-28. pls-v05 (quarterly) has Q1 and Q3: Q2 overdue, Q4 due. 柳河村's
//!   村务 (quarterly) misses Q3, its 财务 (monthly) Jan–Aug; 桃园村 has nothing. One 低保 list
//!   in its 公示期 (11-23 to 12-02), one withdrawn (ended 06-12, down 07-13), one still up
//!   (its table is not under the list's heading; ended 08-14, should be down 09-14). One
//!   privacy exemption whose reason carries a mobile number.
//! - 石桥乡: 4 notices, all on time; 石桥村's 村务 has Q1–Q3 (Q4 due), no 财务.
//! - 白云乡: no notice at all (a GK102 warning).
//!
//! The 251 items a township answers for are the built-in catalogs' items at 乡级 or without
//! a level; the 22 a village answers for are the 20 built-in 村级 items and the fixture's own
//! 村务公开 catalog (cw-01 quarterly, cw-02 monthly).

mod common;

use calamine::{Data, Reader};
use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

const FILES: [&str; 11] = [
    "awaiting-feedback.csv",
    "counts.csv",
    "coverage-by-domain.csv",
    "coverage.csv",
    "exemptions.csv",
    "freshness.csv",
    "late.csv",
    "notice-periods.csv",
    "periodic.csv",
    "rectification.csv",
    "timeliness.csv",
];

fn site() -> PathBuf {
    fixture("report")
}

fn report(root: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["report", "--root", root.to_str().unwrap(), "--date", DATE];
    args.extend_from_slice(extra);
    run(&args)
}

fn json_report() -> Value {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("r.json");
    let o = report(
        &site(),
        &["--year", "2026", "--format", "json", "--output", out.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_str(&read(&out)).unwrap()
}

fn town<'a>(r: &'a Value, name: &str) -> &'a Value {
    r["townships"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == name)
        .unwrap()
}

fn files_of(v: &Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["file"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn json_has_the_fixed_shape_and_the_known_figures() {
    let r = json_report();
    assert_eq!(r["period"]["from"], "2026-01-01");
    assert_eq!(r["period"]["to"], "2026-12-31");
    let names: Vec<&str> = r["townships"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["青山镇", "石桥乡", "白云乡"]);

    let q = town(&r, "青山镇");
    assert_eq!(q["code"], "341099100");
    assert_eq!(q["notices"], 14);
    // Coverage: sa-01, sa-02, sa-05, ws-01, pls-v05 of 251.
    assert_eq!(q["coverage"]["items"], 251);
    assert_eq!(q["coverage"]["covered"], 5);
    let blank = q["coverage"]["blank"].as_array().unwrap();
    assert_eq!(blank.len(), 246);
    let fb01 = blank.iter().find(|b| b["item"] == "fb-01").unwrap();
    assert_eq!(fb01["domain"], "财政预决算");
    assert_eq!(fb01["path"], "财政预决算/财政预决算/政府预算（本级预算）");
    assert_eq!(fb01["kind"], "periodic");
    assert_eq!(fb01["every"], "year");
    let event = blank.iter().find(|b| b["item"] == "dr-01").unwrap();
    assert_eq!(event["kind"], "event");
    let villages = q["coverage"]["villages"].as_array().unwrap();
    assert_eq!(
        (
            villages[0]["name"].as_str(),
            villages[0]["items"].as_u64(),
            villages[0]["covered"].as_u64()
        ),
        (Some("柳河村"), Some(22), Some(2))
    );
    assert_eq!(
        (villages[1]["name"].as_str(), villages[1]["covered"].as_u64()),
        (Some("桃园村"), Some(0))
    );

    // Timeliness: the two late notices, across a holiday and 调休 weekends.
    let late = q["late"].as_array().unwrap();
    assert_eq!(late.len(), 2);
    assert_eq!(late[0]["file"], "content/qingshan/ws01-fagui.md");
    assert_eq!(late[0]["item"], "ws-01");
    assert_eq!(late[0]["days_late"], 2);
    assert_eq!(late[0]["deadline"], "2026-03-16");
    assert_eq!(late[1]["file"], "content/qingshan/sa01-zhengce.md");
    assert_eq!(late[1]["days_late"], 3);
    assert_eq!(late[1]["deadline"], "2026-10-15");
    assert_eq!(late[1]["unit"], "working");
    let t = &q["timeliness"];
    assert_eq!(
        (t["notices"].as_u64(), t["on_time"].as_u64(), t["late"].as_u64()),
        (Some(14), Some(12), Some(2))
    );
    assert_eq!(t["rate"], 0.8571);
    let safety = t["domains"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["domain"] == "安全生产")
        .unwrap();
    assert_eq!(safety["rate"], 0.0);

    // Freshness.
    let f = &q["freshness"];
    assert_eq!(f["stale"][0]["domain"], "安全生产");
    assert_eq!(f["stale"][0]["last"], "2026-03-18");
    assert_eq!(f["stale"][0]["since"], "2026-09-18");
    assert_eq!(f["stale"].as_array().unwrap().len(), 1);
    assert_eq!(f["empty_sections"].as_array().unwrap().len(), 23);
    assert_eq!(f["veto"], true);
    let periodic = f["periodic"].as_array().unwrap();
    let find = |village: &str, item: &str| {
        periodic
            .iter()
            .find(|p| p["village"] == village && p["item"] == item)
            .unwrap()
    };
    let labels = |p: &Value| -> Vec<String> {
        p["missed"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["label"].as_str().unwrap().to_string())
            .collect()
    };
    let pls = find("", "pls-v05");
    assert_eq!(pls["status"], "overdue");
    assert_eq!(labels(pls), ["2026年第2季度"]);
    assert_eq!(pls["due"]["label"], "2026年第4季度");
    assert_eq!(pls["since"], "2026-07-01");
    let cunwu = find("柳河村", "cw-01");
    assert_eq!(labels(cunwu), ["2026年第3季度"]);
    assert_eq!(cunwu["since"], "2026-10-01");
    assert_eq!(cunwu["last"], "2026-10-15");
    assert!(cunwu["due"].is_null());
    assert_eq!(
        labels(find("桃园村", "cw-01")),
        ["2026年第1季度", "2026年第2季度", "2026年第3季度"]
    );
    assert_eq!(labels(find("柳河村", "cw-02")).len(), 8);
    assert_eq!(labels(find("桃园村", "cw-02")).len(), 10);
    assert_eq!(find("", "fb-01")["status"], "due");

    // Notice periods.
    assert_eq!(files_of(q, "in_notice_period"), ["content/qingshan/liuhe/dibao-q4.md"]);
    assert_eq!(q["in_notice_period"][0]["from"], "2026-11-23");
    assert_eq!(q["in_notice_period"][0]["to"], "2026-12-02");
    assert_eq!(files_of(q, "withdrawn"), ["content/qingshan/liuhe/dibao-q2.md"]);
    assert_eq!(q["withdrawn"][0]["withdraw_on"], "2026-07-13");
    assert_eq!(files_of(q, "still_up"), ["content/qingshan/liuhe/dibao-q3.md"]);
    assert_eq!(q["still_up"][0]["withdraw_on"], "2026-09-14");

    // Counts.
    let counts = &q["counts"];
    assert_eq!(
        (
            counts["社会救助"].as_u64(),
            counts["村务公开"].as_u64(),
            counts["公共法律服务"].as_u64(),
            counts["安全生产"].as_u64()
        ),
        (Some(5), Some(6), Some(2), Some(1))
    );
    assert_eq!(r["counts"]["total"], 18);

    let s = town(&r, "石桥乡");
    assert_eq!(
        (s["notices"].as_u64(), s["coverage"]["covered"].as_u64()),
        (Some(4), Some(1))
    );
    assert_eq!(s["timeliness"]["rate"], 1.0);
    assert!(s["late"].as_array().unwrap().is_empty());
    let b = town(&r, "白云乡");
    assert_eq!(
        (b["notices"].as_u64(), b["coverage"]["covered"].as_u64()),
        (Some(0), Some(0))
    );
    assert!(b["timeliness"]["rate"].is_null());
    assert!(b["counts"].as_object().unwrap().is_empty());

    // Privacy exemptions: listed with the reason, masked.
    let ex = r["privacy_exemptions"].as_array().unwrap();
    assert_eq!(ex.len(), 1);
    assert_eq!(ex[0]["file"], "content/qingshan/sa02-jiandu.md");
    assert_eq!(
        ex[0]["reason"],
        "经本人书面同意，公开监督员手机 139****5678 以便群众联系"
    );
    assert!(!r.to_string().contains("13912345678"));

    // The 整改清单.
    let rect = r["rectification"].as_array().unwrap();
    assert_eq!(rect.len(), 29);
    let kinds = |town: &str, kind: &str| {
        rect.iter()
            .filter(|f| f["township"] == town && f["kind"] == kind)
            .count()
    };
    assert_eq!(
        (
            kinds("青山镇", "late"),
            kinds("青山镇", "overdue"),
            kinds("青山镇", "due")
        ),
        (2, 5, 4)
    );
    assert_eq!(
        (
            kinds("青山镇", "stale"),
            kinds("青山镇", "still_up"),
            kinds("青山镇", "empty_sections")
        ),
        (1, 1, 1)
    );
    let late_row = rect
        .iter()
        .find(|f| f["file"] == "content/qingshan/sa01-zhengce.md")
        .unwrap();
    assert_eq!(late_row["item"], "社会救助/综合业务/政策法规文件");
    assert_eq!(late_row["since"], "2026-10-16");
    assert_eq!(
        late_row["problem"],
        "逾期公开：应在 2026-10-15 前发布，实际 2026-10-20 发布，逾期 3个工作日"
    );
    let still = rect.iter().find(|f| f["kind"] == "still_up").unwrap();
    assert_eq!(
        (still["village"].as_str(), still["since"].as_str()),
        (Some("柳河村"), Some("2026-09-14"))
    );
}

fn csv_rows(dir: &Path, name: &str) -> Vec<Vec<String>> {
    let bytes = std::fs::read(dir.join(name)).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "{name} has no BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.contains("\r\n"), "{name} is not CRLF");
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn csv_is_a_folder_of_sections_with_the_same_figures() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("csv");
    let o = report(
        &site(),
        &["--year", "2026", "--format", "csv", "--output", dir.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(files(&dir), FILES);
    let header = read(&dir.join("late.csv"));
    assert!(
        header.starts_with("\u{feff}乡镇,村（社区）,标题,事项,文件,形成日期,发布日期,最迟发布日期,逾期天数,单位\r\n")
    );
    let late = csv_rows(&dir, "late.csv");
    assert_eq!(late.len(), 2);
    assert_eq!(late[1][4], "content/qingshan/sa01-zhengce.md");
    assert_eq!(
        (late[1][7].as_str(), late[1][8].as_str(), late[1][9].as_str()),
        ("2026-10-15", "3", "工作日")
    );
    assert_eq!(csv_rows(&dir, "rectification.csv").len(), 29);
    let timeliness = csv_rows(&dir, "timeliness.csv");
    let total = timeliness.iter().find(|r| r[0] == "青山镇" && r[1] == "合计").unwrap();
    assert_eq!(total[2..], ["14", "12", "2", "0", "85.7%"]);
    let counts = csv_rows(&dir, "counts.csv");
    assert_eq!(counts.last().unwrap(), &["合计", "14", "4", "0", "18"]);
    let coverage = csv_rows(&dir, "coverage.csv");
    // 251 township items × 3 townships + 22 village items × 3 villages.
    assert_eq!(coverage.len(), 251 * 3 + 22 * 3);
    assert_eq!(coverage.iter().filter(|r| r[8] == "已公开").count(), 5 + 2 + 1 + 1);
    assert!(
        !std::fs::read_dir(&dir)
            .unwrap()
            .any(|e| read(&e.unwrap().path()).contains("13912345678"))
    );

    // Run again over the previous report: replaced. Over a folder of other files: refused.
    let o = report(
        &site(),
        &["--year", "2026", "--format", "csv", "--output", dir.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let mine = tmp.path().join("mine");
    std::fs::create_dir(&mine).unwrap();
    std::fs::write(mine.join("工作总结.docx"), b"x").unwrap();
    let o = report(
        &site(),
        &["--year", "2026", "--format", "csv", "--output", mine.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(files(&mine), ["工作总结.docx"]);
}

#[test]
fn xlsx_reads_back_with_a_sheet_per_section_and_real_dates() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("r.xlsx");
    let o = report(
        &site(),
        &["--year", "2026", "--format", "xlsx", "--output", out.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let mut book = calamine::open_workbook_auto(&out).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "整改清单",
            "覆盖情况",
            "领域覆盖率",
            "逾期公开",
            "及时率",
            "栏目更新",
            "定期公开",
            "公示期",
            "隐私豁免",
            "征求意见未反馈",
            "主动公开数量"
        ]
    );
    let late = book.worksheet_range("逾期公开").unwrap();
    assert_eq!(late.height(), 3);
    assert_eq!(late.get((0, 8)), Some(&Data::String("逾期天数".into())));
    assert_eq!(
        late.get((2, 4)),
        Some(&Data::String("content/qingshan/sa01-zhengce.md".into()))
    );
    assert_eq!(late.get((2, 8)), Some(&Data::Float(3.0)));
    match late.get((2, 7)) {
        // 2026-10-15 is Excel day 46310.
        Some(Data::DateTime(d)) => assert_eq!(d.as_f64(), 46310.0),
        other => panic!("the deadline is not a date: {other:?}"),
    }
    let rect = book.worksheet_range("整改清单").unwrap();
    assert_eq!(rect.height(), 30);
    assert_eq!(rect.get((0, 4)), Some(&Data::String("问题".into())));
    let t = book.worksheet_range("及时率").unwrap();
    let row = t
        .rows()
        .find(|r| r[0] == Data::String("青山镇".into()) && r[1] == Data::String("合计".into()))
        .unwrap();
    assert_eq!(row[6], Data::Float(0.8571));
    let counts = book.worksheet_range("主动公开数量").unwrap();
    let last = counts.rows().next_back().unwrap();
    assert_eq!(last[4], Data::Float(18.0));
    let ex = book.worksheet_range("隐私豁免").unwrap();
    assert_eq!(
        ex.get((1, 5)),
        Some(&Data::String(
            "经本人书面同意，公开监督员手机 139****5678 以便群众联系".into()
        ))
    );
}

#[test]
fn html_page_has_the_heat_map_and_a_sortable_rectification_list() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("r.html");
    let o = report(&site(), &["--year", "2026", "--output", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = read(&out);
    assert!(!text.contains("13912345678"));
    assert!(text.contains("@page{size:A4"));
    let doc = html(&out);
    assert_eq!(doc.select(&sel("html[lang=zh-CN]")).count(), 1);
    assert_eq!(
        doc.select(&sel("script[src], link[href]")).count(),
        0,
        "no remote resource"
    );
    let cells: Vec<_> = doc.select(&sel("#heatmap svg g.cell")).collect();
    // 3 townships × the 27 domains (26 + the county's 村务公开) they answer for.
    assert_eq!(cells.len(), 3 * 27);
    let cunwu = cells
        .iter()
        .find(|c| c.attr("data-township") == Some("青山镇") && c.attr("data-domain") == Some("村务公开"))
        .unwrap();
    // 柳河村 has cw-01 and cw-02, 桃园村 neither: 2 of 4.
    assert_eq!(cunwu.attr("data-rate"), Some("0.5"));
    let rows = doc.select(&sel("#rectification table.sortable tbody tr")).count();
    assert_eq!(rows, 29);
    assert_eq!(doc.select(&sel("#rectification th button")).count(), 8);
    let summary = texts(&doc, "#summary tbody tr");
    assert!(
        summary[0].contains("青山镇") && summary[0].contains("85.7%"),
        "{summary:?}"
    );
    assert_eq!(doc.select(&sel("#late tbody tr")).count(), 2);
}

#[test]
fn html_report_renders_and_prints_on_a4_in_chromium() {
    let Some(chrome) = chromium() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("r.html");
    let o = report(&site(), &["--year", "2026", "--output", out.to_str().unwrap()]);
    assert!(o.status.success());
    // The DOM Chromium builds (script run) still has every row and the SVG.
    let dom = dump_dom(&chrome, &file_url(&out));
    let doc = scraper::Html::parse_document(&dom);
    assert_eq!(doc.select(&sel("#rectification tbody tr")).count(), 29);
    assert_eq!(doc.select(&sel("#heatmap svg g.cell")).count(), 81);
    if pdf_tools().is_none() {
        return;
    }
    let pdf = tmp.path().join("r.pdf");
    print_to_pdf(&chrome, &file_url(&out), &pdf);
    let (pages, w, h) = pdf_info(&pdf);
    assert!(is_a4(w, h), "{w} x {h}");
    assert!(pages >= 2, "{pages}");
    let text = pdf_pages_text(&pdf).join("\n");
    assert!(
        text.contains("整改清单") && text.contains("单项否决风险") && text.contains("主动公开数量"),
        "{text}"
    );
}

fn find_code<'a>(diags: &'a [Value], code: &str) -> &'a Value {
    diags
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {diags:#?}"))
}

fn refused(extra: &[&str], code: &str, said: &[&str]) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("r.json");
    let mut args = extra.to_vec();
    args.extend_from_slice(&["--format", "json", "--output", out.to_str().unwrap()]);
    let o = report(&site(), &args);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains(&format!("[{code}]")), "{err}");
    for s in said {
        assert!(err.contains(s), "missing {s:?} in {err}");
    }
    assert!(!err.contains("panicked"));
    assert!(!out.exists(), "a file was written");
    assert!(files(tmp.path()).is_empty());
}

#[test]
fn bad_requests_are_refused_with_a_clear_message_and_nothing_written() {
    refused(
        &["--township", "青山乡"],
        "GK103",
        &["--township", "青山乡", "book.toml", "是不是“青山镇”"],
    );
    refused(
        &["--year", "2031"],
        "GK104",
        &["2031", "calendar.toml", "2024、2025、2026"],
    );
    refused(
        &["--from", "2026-12-01", "--to", "2026-01-01"],
        "GK105",
        &["--from 2026-12-01", "--to 2026-01-01"],
    );
    refused(&["--from", "2026-01-01"], "GK105", &["--to"]);
    refused(
        &["--township", "白云乡"],
        "GK101",
        &["白云乡", "content/", "没有发布任何公告"],
    );
    refused(
        &["--year", "2025"],
        "GK101",
        &["2025-01-01", "2026-02-12 至 2026-11-23"],
    );
}

#[test]
fn english_messages_and_the_empty_township_warning() {
    let o = run(&[
        "report",
        "--root",
        site().to_str().unwrap(),
        "--date",
        DATE,
        "--lang",
        "en",
        "--township",
        "qingshn",
        "--output",
        "-",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--township `qingshn` is not a township of book.toml"),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("Did you mean `青山镇`?") || stderr(&o).contains("Townships:"),
        "{}",
        stderr(&o)
    );
    let o = report(&site(), &["--format", "json", "--output", "-"]);
    assert!(o.status.success());
    assert!(
        stderr(&o).contains("警告[GK102]: 白云乡在 2026-01-01 至 2026-12-31 期间没有发布任何公告"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("--> content/baiyun/"));
    // --output - is the JSON on stdout; one township only with --township.
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["townships"].as_array().unwrap().len(), 3);
    let o = report(&site(), &["--format", "json", "--output", "-", "--township", "shiqiao"]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["townships"].as_array().unwrap().len(), 1);
    assert_eq!(v["rectification"].as_array().unwrap().len(), 9);
}

#[test]
fn a_closed_pipe_is_not_a_panic() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(bin())
        .args([
            "report",
            "--root",
            site().to_str().unwrap(),
            "--date",
            DATE,
            "--format",
            "json",
            "--output",
            "-",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // stdout is dropped here: the rest of the JSON meets a closed pipe.
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_bad_cadence_in_a_county_catalog_is_reported_at_its_line() {
    let (_tmp, root) = copy_site(&site());
    let file = root.join("catalogs/village-affairs.yaml");
    let text = read(&file).replace("every: 每月", "every: 每星期");
    std::fs::write(&file, &text).unwrap();
    let line = text.lines().position(|l| l.contains("每星期")).unwrap() + 1;
    let (diags, code) = check_json(&root);
    assert_eq!(code, 1);
    let d = find_code(&diags, "GK100");
    at(d, "GK100", "catalogs/village-affairs.yaml", line as u64, None);
    says(d, &["cw-02", "periodic.every", "每星期"], &["month", "quarter", "year"]);
    // The site has errors: no report.
    let out = root.join("r.json");
    let o = report(&root, &["--format", "json", "--output", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!out.exists());
}

#[test]
fn in_site_puts_the_report_into_the_built_site_only_when_asked() {
    let (tmp, root) = copy_site(&site());
    let out = tmp.path().join("public");
    build(&root, &out);
    assert!(!out.join("report").exists(), "off by default");
    let toml = read(&root.join("book.toml")) + "\n[report]\nin_site = true\n";
    std::fs::write(root.join("book.toml"), toml).unwrap();
    build(&root, &out);
    let page = out.join("report/index.html");
    let doc = html(&page);
    assert_eq!(doc.select(&sel("#rectification tbody tr")).count(), 29);
    assert!(!read(&page).contains("13912345678"));

    let toml = read(&root.join("book.toml")).replace("in_site = true", "in_sight = true");
    std::fs::write(root.join("book.toml"), toml).unwrap();
    let (diags, _) = check_json(&root);
    let d = find_code(&diags, "GK071");
    says(d, &["in_sight"], &["in_site"]);
}

/// A 征求意见 `key` of the report fixture: `(folder, file, title, 起止日期)`.
fn call(root: &Path, dir: &str, name: &str, title: &str, period: &str) {
    let d = root.join("content").join(dir);
    std::fs::create_dir_all(&d).unwrap();
    let start = &period[..10];
    std::fs::write(
        d.join(format!("{name}.md")),
        format!(
            "---\n种类: 征求意见\n标题: {title}\n类型: 其他\n起止日期: {period}\n意见提交方式: 当面提交或电话反映\n联系方式: 0556-1234567\n发布日期: {start}\n---\n\n现征求群众意见。\n"
        ),
    )
    .unwrap();
}

#[test]
fn calls_closed_without_feedback_are_listed_and_in_the_rectification_list() {
    let (_t, root) = copy_site(&site());
    // County call: closed 09-30, feedback due by 10-30, none by 11-28: listed, 29 days over.
    call(
        &root,
        "zhengce/zhengqiu",
        "gongshui",
        "测试县农村供水管理办法（征求意见稿）征求意见",
        "2026-09-01 至 2026-09-30",
    );
    // Township call answered in time: not listed.
    call(
        &root,
        "qingshan/zhengce",
        "shichang",
        "青山镇集贸市场搬迁方案征求意见",
        "2026-10-01 至 2026-10-20",
    );
    std::fs::write(
        root.join("content/qingshan/zhengce/shichang-fk.md"),
        "---\n种类: 意见反馈\n标题: 青山镇集贸市场搬迁方案征求意见采纳情况\n征求意见: shichang\n发布日期: 2026-11-02\n---\n\n收到意见12条，采纳8条。\n",
    )
    .unwrap();
    // Township call closed 11-15: its feedback is not due until 12-15.
    call(
        &root,
        "shiqiao/zhengce",
        "daolu",
        "石桥乡村道拓宽方案征求意见",
        "2026-11-01 至 2026-11-15",
    );

    let tmp = tempfile::tempdir().unwrap();
    let json_at = |date: &str, extra: &[&str]| -> Value {
        let out = tmp.path().join(format!("r-{date}.json"));
        let mut args = vec![
            "report",
            "--root",
            root.to_str().unwrap(),
            "--date",
            date,
            "--year",
            "2026",
        ];
        args.extend_from_slice(&["--format", "json", "--output", out.to_str().unwrap()]);
        args.extend_from_slice(extra);
        let o = run(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        serde_json::from_str(&read(&out)).unwrap()
    };
    let r = json_at(DATE, &[]);
    let a = r["awaiting_feedback"].as_array().unwrap();
    assert_eq!(a.len(), 1, "{a:#?}");
    assert_eq!(a[0]["file"], "content/zhengce/zhengqiu/gongshui.md");
    assert_eq!(a[0]["unit"], "测试县");
    assert_eq!(a[0]["township"], "");
    assert_eq!(
        (a[0]["end"].as_str(), a[0]["due"].as_str()),
        (Some("2026-09-30"), Some("2026-10-30"))
    );
    assert_eq!(a[0]["days_overdue"], 29);
    let fix: Vec<&Value> = r["rectification"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "no_feedback")
        .collect();
    assert_eq!(fix.len(), 1, "{fix:#?}");
    assert_eq!(fix[0]["file"], "content/zhengce/zhengqiu/gongshui.md");
    assert_eq!(fix[0]["since"], "2026-10-31");
    let fix_text = fix[0]["fix"].as_str().unwrap();
    assert!(
        fix_text.contains("gongkai new 意见反馈") && fix_text.contains("征求意见: gongshui.md"),
        "{fix_text}"
    );

    // A township's report leaves county calls out.
    assert!(
        json_at(DATE, &["--township", "石桥乡"])["awaiting_feedback"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    // Four weeks on, the township call is due too.
    let later = json_at("2026-12-16", &[]);
    let files: Vec<&str> = later["awaiting_feedback"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        files,
        [
            "content/zhengce/zhengqiu/gongshui.md",
            "content/shiqiao/zhengce/daolu.md"
        ]
    );
    assert_eq!(
        json_at("2026-12-16", &["--township", "石桥乡"])["awaiting_feedback"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // CSV and HTML carry the same row.
    let dir = tmp.path().join("csv");
    let o = report(
        &root,
        &["--year", "2026", "--format", "csv", "--output", dir.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = csv_rows(&dir, "awaiting-feedback.csv");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0][0], "测试县");
    assert_eq!(rows[0][4], "2026-10-30");
    assert_eq!(rows[0][5], "29");
    let page = tmp.path().join("r.html");
    let o = report(
        &root,
        &["--year", "2026", "--format", "html", "--output", page.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let doc = scraper::Html::parse_document(&read(&page));
    let sel = scraper::Selector::parse("section#awaiting-feedback td").unwrap();
    let cells: Vec<String> = doc.select(&sel).map(|c| c.text().collect()).collect();
    assert!(
        cells
            .iter()
            .any(|c| c == "测试县农村供水管理办法（征求意见稿）征求意见"),
        "{cells:?}"
    );
    // `[rules] feedback_days = 59`: due on 11-28 itself, which is still in time.
    let b = root.join("book.toml");
    let toml = read(&b);
    let toml = if toml.contains("[rules]") {
        toml.replace("[rules]", "[rules]\nfeedback_days = 59")
    } else {
        format!("{toml}\n[rules]\nfeedback_days = 59\n")
    };
    std::fs::write(&b, toml).unwrap();
    assert!(json_at(DATE, &[])["awaiting_feedback"].as_array().unwrap().is_empty());
}
