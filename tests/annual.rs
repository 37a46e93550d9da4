//! `gongkai annual` (issue 13) on a real site: tests/fixtures/annual has a county policy
//! library, the county's 2025 依申请 register (20 rows: two carried over from 2024, one
//! answered in 2024, one received in 2026, a 补正, two extensions, late replies across 春节
//! and 国庆) and a township's GBK CSV register. Every figure below was counted by hand from
//! those rows and the State Council's 2025 holiday notice (see the comments), not read back
//! from the program.

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;

const DAY: &str = "2026-01-20";

fn annual(root: &Path, extra: &[&str]) -> std::process::Output {
    let r = root.to_string_lossy().into_owned();
    let mut args = vec!["--root", r.as_str(), "annual", "--year", "2025", "--date", DAY];
    args.extend_from_slice(extra);
    run(&args)
}

fn json_of(root: &Path, unit: Option<&str>) -> Value {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("a.json");
    let o = out.to_string_lossy().into_owned();
    let mut args = vec!["--format", "json", "--output", o.as_str()];
    if let Some(u) = unit {
        args.extend(["--unit", u]);
    }
    let run = annual(root, &args);
    assert!(run.status.success(), "{}", stderr(&run));
    serde_json::from_str(&read(&out)).unwrap()
}

fn row(v: &Value) -> Vec<u64> {
    v.as_array().unwrap().iter().map(|n| n.as_u64().unwrap()).collect()
}

#[test]
fn table3_cells_match_the_hand_count() {
    let j = json_of(&fixture("annual"), None);
    let t = &j["table3"];
    // Columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计.
    // 一: the 16 rows received in 2025 (rows 5–20 but not row 21, received 2026).
    assert_eq!(row(&t["new"]), [9, 3, 1, 1, 1, 1, 16]);
    // 二: rows 2 and 4, received in December 2024 and answered in 2025; row 3 was answered
    // in 2024 and belongs to last year's report.
    assert_eq!(row(&t["carried_in"]), [1, 0, 0, 0, 1, 0, 2]);
    let r: Vec<Vec<u64>> = t["results"].as_array().unwrap().iter().map(row).collect();
    assert_eq!(r.len(), 21);
    let z = vec![0; 7];
    let expect: [(usize, [u64; 7]); 10] = [
        (0, [5, 1, 0, 0, 0, 0, 6]),  // （一）予以公开: rows 2, 5, 9, 13, 15(企业), 20
        (1, [0, 1, 0, 0, 1, 0, 2]),  // （二）部分公开: rows 6, 17
        (2, [0, 0, 0, 0, 1, 0, 1]),  // （三）1 国家秘密: row 4
        (5, [1, 0, 0, 0, 0, 0, 1]),  // （三）4 第三方合法权益: row 14
        (10, [1, 0, 0, 0, 0, 0, 1]), // （四）1 本机关不掌握: row 7
        (11, [0, 0, 1, 0, 0, 0, 1]), // （四）2 written `三（四）2`: row 10
        (12, [0, 1, 0, 0, 0, 0, 1]), // （四）3 补正后仍不明确: row 19
        (13, [1, 0, 0, 0, 0, 0, 1]), // （五）1 信访举报投诉: row 18
        (14, [0, 0, 0, 1, 0, 0, 1]), // （五）2 重复申请: row 8
        (18, [1, 0, 0, 0, 0, 0, 1]), // （六）1 逾期不补正, written `三（六）1`: row 16
    ];
    for (i, cells) in r.iter().enumerate() {
        let want = expect
            .iter()
            .find(|(k, _)| *k == i)
            .map_or(z.clone(), |(_, c)| c.to_vec());
        assert_eq!(*cells, want, "三 leaf {i}");
    }
    assert_eq!(row(&t["results_total"]), [9, 3, 1, 1, 2, 0, 16]);
    // 四: row 11 (received 15 December, not yet due) and row 12 (overdue, still open).
    assert_eq!(row(&t["carried_out"]), [1, 0, 0, 0, 0, 1, 2]);
}

#[test]
fn identities_hold_in_every_column() {
    let j = json_of(&fixture("annual"), None);
    let t = &j["table3"];
    let (new, inn, done, out) = (
        row(&t["new"]),
        row(&t["carried_in"]),
        row(&t["results_total"]),
        row(&t["carried_out"]),
    );
    for c in 0..7 {
        assert_eq!(new[c] + inn[c], done[c] + out[c], "一+二=三（七）+四 in column {c}");
        let leaves: u64 = t["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r[c].as_u64().unwrap())
            .sum();
        assert_eq!(leaves, done[c]);
    }
    for r in [&new, &inn, &done, &out] {
        assert_eq!(r[..6].iter().sum::<u64>(), r[6], "总计 column");
    }
    for g in j["table4"]["groups"].as_array().unwrap() {
        let g = row(g);
        assert_eq!(g[..4].iter().sum::<u64>(), g[4]);
    }
}

#[test]
fn table2_and_table4_from_the_library_and_the_data_file() {
    let j = json_of(&fixture("annual"), None);
    let t2 = &j["table2"];
    // 2025 documents of the county: 测政办〔2025〕9号, 18号, 21号 (21号 takes effect in 2026:
    // issued this year and 现行有效 as a document not yet in force). 〔2024〕9号 was repealed
    // on 2025-06-01 by 〔2025〕9号; 〔2024〕3号 is repealed only from 2026-01-01 and so still
    // in force on 31 December 2025. In force: 〔2024〕3号, 6号 (amended), 〔2025〕9号, 18号, 21号.
    assert_eq!(
        t2["normative"],
        serde_json::json!({"issued": 3, "repealed": 1, "in_force": 5})
    );
    assert_eq!(
        t2["rules"],
        serde_json::json!({"issued": 0, "repealed": 0, "in_force": 0})
    );
    assert_eq!(t2["licensing"], 126);
    assert_eq!(t2["penalties"], 58);
    assert_eq!(t2["enforcement"], 4);
    assert_eq!(t2["fees"], 35.6);
    let g: Vec<Vec<u64>> = j["table4"]["groups"].as_array().unwrap().iter().map(row).collect();
    // The second and third groups' 总计 were left out of data.toml and are summed.
    assert_eq!(g, [vec![1, 1, 0, 1, 3], vec![1, 0, 0, 0, 1], vec![0, 0, 0, 1, 1]]);
    // The township: 青政〔2025〕7号 only.
    let q = json_of(&fixture("annual"), Some("青山镇"));
    assert_eq!(
        q["table2"]["normative"],
        serde_json::json!({"issued": 1, "repealed": 0, "in_force": 1})
    );
    assert_eq!(q["title"], "青山镇人民政府2025年政府信息公开工作年度报告");
}

#[test]
fn late_replies_across_the_spring_festival_and_national_day() {
    let j = json_of(&fixture("annual"), None);
    let late: Vec<(u64, String, i64)> = j["late"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["row"].as_u64().unwrap(),
                l["deadline"].as_str().unwrap().to_string(),
                l["days_late"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        late,
        [
            // Received Wed 15 Jan: 1/26 (Sun) worked, 1/28–2/4 off, 2/8 (Sat) worked → 2/18;
            // answered Fri 2/21, three working days late.
            (6, "2025-02-18".to_string(), 3),
            // Received Thu 25 Sep: 9/28 (Sun) worked, 10/1–10/8 off, 10/11 (Sat) worked →
            // 10/29; answered 10/31.
            (8, "2025-10-29".to_string(), 2),
            // Extended: 40 working days from 6 May across 端午 (5/31–6/2) → 7/2; answered 7/10.
            (10, "2025-07-02".to_string(), 6),
            // Still open: due 1 December, 22 working days past on 31 December.
            (12, "2025-12-01".to_string(), 22),
        ]
    );
    // On time only because 调休 days count: row 5 (received 10 Jan, due 2/13 with 1/26 and
    // 2/8, answered 2/12), row 7 (received 22 Sep, due 10/24, answered that day), row 9 (the
    // 补正 on 3/20 restarts the clock: due 4/18 across 清明, not 3/31), row 4 (extended across
    // 春节, due 2/28).
    for r in [4, 5, 7, 9] {
        assert!(!late.iter().any(|l| l.0 == r), "row {r} is not late");
    }
    // The terminal lists them too, at the register's row and column.
    let o = annual(&fixture("annual"), &["--format", "json", "--output", "-"]);
    let err = stderr(&o);
    assert!(err.contains("GK193"), "{err}");
    assert!(err.contains("annual/2025/register.csv:6:8"), "{err}");
    assert!(err.contains("逾期 3 个工作日"), "{err}");
}

#[test]
fn deadlines_of_2026_count_its_holidays_and_make_up_days() {
    use gongkai::annual::deadline;
    use gongkai::annual::register::{Application, Register};
    let cal = gongkai::calendar::Calendar::builtin();
    let d = |s: &str| gongkai::dates::parse_date(s).unwrap();
    let app = |row, received: &str, replied: &str| Application {
        row,
        received: d(received),
        applicant: 0,
        replied: Some(d(replied)),
        outcome: None,
        extended: false,
        completed: None,
    };
    let reg = Register {
        file: "r.csv".into(),
        // 春节 2026: 2/15–2/23 off, 2/14 and 2/28 (Saturdays) worked. From Fri 6 Feb:
        // 2/9–13 (5), 2/14 (6), 2/24–27 (10), 2/28 (11), 3/2–6 (16), 3/9–12 (20).
        // 国庆 2026: 10/1–10/7 off, 10/10 (Sat) worked. From Fri 25 Sep: 9/28–30 (3),
        // 10/8–9 (5), 10/10 (6), 10/12–16 (11), 10/19–23 (16), 10/26–29 (20).
        apps: vec![
            app(2, "2026-02-06", "2026-03-12"),
            app(3, "2026-02-06", "2026-03-13"),
            app(4, "2026-09-25", "2026-10-29"),
            app(5, "2026-09-25", "2026-11-02"),
        ],
        ..Default::default()
    };
    let mut diags = Vec::new();
    let late = deadline::check(&cal, &reg, d("2026-12-31"), &mut diags);
    let got: Vec<(usize, String, i64)> = late
        .iter()
        .map(|l| (l.row, gongkai::dates::format_date(l.deadline), l.days_late))
        .collect();
    assert_eq!(got, [(3, "2026-03-12".into(), 1), (5, "2026-10-29".into(), 2)]);
    assert_eq!(diags.len(), 2);
}

#[test]
fn the_page_in_the_site() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = run_build_at(&fixture("annual"), &out, DAY);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc = html(&out.join("annual/2025.html"));
    let meta = |n: &str| {
        doc.select(&sel(&format!("meta[name={n}]")))
            .next()
            .and_then(|m| m.value().attr("content").map(str::to_string))
    };
    assert_eq!(meta("ColumnType").as_deref(), Some("信息公开年报"));
    assert_eq!(meta("ColumnName").as_deref(), Some("政府信息公开年报"));
    assert_eq!(texts(&doc, "h1"), ["测试县人民政府2025年政府信息公开工作年度报告"]);
    // The official table 3: the label 三 spans its 21 leaves and （七）总计; the header's
    // identity note spans three rows and three columns.
    let three = doc.select(&sel("table.annual-表三")).next().unwrap();
    let label = three
        .select(&sel("th"))
        .find(|t| t.text().collect::<String>() == "三、本年度办理结果")
        .unwrap();
    assert_eq!(label.value().attr("rowspan"), Some("22"));
    let note = three.select(&sel("thead th")).next().unwrap();
    assert!(
        note.text()
            .collect::<String>()
            .contains("第一项加第二项之和，等于第三项加第四项之和")
    );
    assert_eq!(
        (note.value().attr("rowspan"), note.value().attr("colspan")),
        (Some("3"), Some("3"))
    );
    let rows: Vec<Vec<String>> = three
        .select(&sel("tbody tr"))
        .map(|r| r.select(&sel("td")).map(|c| c.text().collect()).collect())
        .collect();
    // 一, 二, the 21 leaves of 三, （七）总计, 四.
    assert_eq!(rows.len(), 25);
    assert_eq!(rows[0], ["9", "3", "1", "1", "1", "1", "16"]);
    assert_eq!(rows[1], ["1", "0", "0", "0", "1", "0", "2"]);
    assert_eq!(rows[23], ["9", "3", "1", "1", "2", "0", "16"]);
    assert_eq!(rows[24], ["1", "0", "0", "0", "0", "1", "2"]);
    // Sections with their placeholders filled from the same count.
    let body: String = doc.select(&sel("main")).next().unwrap().text().collect();
    assert!(
        body.contains("本年度新收政府信息公开申请16件，上年结转2件，办结16件，其中予以公开6件"),
        "{body}"
    );
    assert!(body.contains("全年逾期答复4件"));
    assert!(body.contains("本机关行政复议3件"));
    assert!(!body.contains("{{"));
    // Nothing of the register but counts: no applicant, no address.
    for f in files(&out) {
        let text = std::fs::read(out.join(&f))
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default();
        for name in [
            "王建国",
            "李秀兰",
            "安徽正衡律师事务所",
            "测试县城关镇人民路8号",
            "蒋春燕",
        ] {
            assert!(!text.contains(name), "{f} contains {name}");
        }
    }
    assert!(!files(&out).iter().any(|f| f.contains("register")));
    // The column lists both units; the navigation links to it.
    let index = html(&out.join("annual/index.html"));
    assert_eq!(
        texts(&index, ".annual-list a"),
        [
            "测试县人民政府2025年政府信息公开工作年度报告",
            "青山镇人民政府2025年政府信息公开工作年度报告"
        ]
    );
    let home = read(&out.join("index.html"));
    assert!(home.contains("href=\"annual/index.html\""));
    check_links(&out);
}

#[test]
fn printed_on_a4_like_the_official_tables() {
    let (Some(chrome), Some(())) = (chromium(), pdf_tools()) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let html_file = tmp.path().join("annual.html");
    let h = html_file.to_string_lossy().into_owned();
    let o = annual(&fixture("annual"), &["--output", &h]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = tmp.path().join("annual.pdf");
    print_to_pdf(&chrome, &file_url(&html_file), &pdf);
    let (pages, w, hgt) = pdf_info(&pdf);
    assert!(is_a4(w, hgt));
    assert!((3..=5).contains(&pages), "{pages} pages");
    let text = pdf_pages_raw(&pdf);
    // Table 3 on one sheet, header to 四, as offices print it.
    let t3: Vec<usize> = (0..pages)
        .filter(|&p| text[p].contains("一、本年新收政府信息公开申请数量"))
        .collect();
    assert_eq!(t3.len(), 1, "table 3 starts once");
    let p = t3[0];
    assert!(text[p].contains("四、结转下年度继续办理"), "table 3 split across pages");
    assert!(text[p].contains("第一项加第二项之和"));
    assert!(text[p].contains("1．属于国家秘密"));
    let all = text.join("\n");
    for heading in [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ] {
        assert!(all.contains(heading), "{heading}");
    }
    assert!(all.contains("本年收费金额（单位：万元）") && all.contains("35.6"));
    // The order of the six sections on paper.
    let at = |s: &str| all.find(s).unwrap();
    assert!(at("一、总体情况") < at("二、主动公开") && at("四、政府信息公开行政复议") < at("五、存在的主要问题"));
}

#[test]
fn xlsx_has_the_three_tables_with_merged_cells() {
    let tmp = tempfile::tempdir().unwrap();
    let x = tmp.path().join("a.xlsx");
    let xs = x.to_string_lossy().into_owned();
    let o = annual(&fixture("annual"), &["--format", "xlsx", "--output", &xs]);
    assert!(o.status.success(), "{}", stderr(&o));
    let sheets = gongkai::import::sheet::read(&x).unwrap();
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["表二", "表三", "表四", "逾期答复"]);
    let t3 = &sheets[1];
    // Row 1 is the title; the header takes rows 2–4; 一 is row 5. The reader fills merged
    // regions from their corner, so the merged label shows in every cell it covers.
    let find = |label: &str| (0..t3.rows.len()).find(|&r| t3.cell(r, 0) == label).unwrap();
    let one = find("一、本年新收政府信息公开申请数量");
    assert_eq!(one, 4);
    assert_eq!(
        t3.cell(one, 2),
        "一、本年新收政府信息公开申请数量",
        "merged over three columns"
    );
    assert_eq!(
        (3..10).map(|c| t3.cell(one, c)).collect::<Vec<_>>(),
        ["9", "3", "1", "1", "1", "1", "16"]
    );
    let three: Vec<usize> = (0..t3.rows.len())
        .filter(|&r| t3.cell(r, 0) == "三、本年度办理结果")
        .collect();
    assert_eq!(three.len(), 22, "三 merged over 22 rows");
    assert_eq!(t3.cell(1, 3), "申请人情况");
    assert_eq!(t3.cell(1, 9), "申请人情况");
    let late = &sheets[3];
    assert_eq!(late.rows.len(), 5);
    assert_eq!(late.cell(1, 0), "6");
}

/// A copy of the fixture with `edit` applied to one of its files.
fn with(path: &str, edit: impl FnOnce(String) -> String) -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, site) = copy_site(&fixture("annual"));
    let p = site.join(path);
    let text = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, edit(text)).unwrap();
    (tmp, site)
}

/// Run `annual` and `build` on a broken copy: both refuse, the message names the place, and
/// nothing is written.
fn refused(site: &Path, unit: Option<&str>, code: &str, place: &str, words: &[&str]) -> String {
    let out = site.join("out.html");
    let o_s = out.to_string_lossy().into_owned();
    let mut args = vec!["--output", o_s.as_str()];
    if let Some(u) = unit {
        args.extend(["--unit", u]);
    }
    let o = annual(site, &args);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains(code) && err.contains(place),
        "want {code} at {place}:\n{err}"
    );
    for w in words {
        assert!(err.contains(w), "want {w}:\n{err}");
    }
    assert!(!out.exists(), "nothing is written");
    let public = site.join("public");
    let b = run_build_at(site, &public, DAY);
    assert_eq!(b.status.code(), Some(1));
    assert!(!public.exists(), "the build writes nothing either");
    err
}

#[test]
fn unknown_outcome_suggests_the_official_one() {
    let (_t, site) = with("annual/2025/register.csv", |s| {
        s.replace("2025-12-05,予以公开", "2025-12-05,予以公布")
    });
    refused(
        &site,
        None,
        "GK191",
        "annual/2025/register.csv:20:9",
        &["第 20 行 I 列", "予以公布", "（一）予以公开"],
    );
}

#[test]
fn unknown_applicant_type_suggests_the_column() {
    let (_t, site) = with("annual/2025/register.csv", |s| {
        s.replace(
            "土壤普查数据,2025-05-06,,是,2025-07-10,三（四）2,科研机构",
            "土壤普查数据,2025-05-06,,是,2025-07-10,三（四）2,科研机购",
        )
    });
    refused(&site, None, "GK191", "register.csv:10:10", &["科研机购", "科研机构"]);
}

#[test]
fn reply_before_receipt() {
    let (_t, site) = with("annual/2025/register.csv", |s| {
        s.replace("2025-03-10,,否,2025-03-14", "2025-03-10,,否,2025-03-04")
    });
    refused(
        &site,
        None,
        "GK192",
        "register.csv:13:8",
        &["答复日期 2025-03-04 早于收到日期 2025-03-10"],
    );
}

#[test]
fn missing_dates() {
    let (_t, site) = with("annual/2025/register.csv", |s| {
        s.replace("医保报销,2025-12-01", "医保报销,")
            .replace("2025-08-22,信访", ",信访")
    });
    let err = refused(&site, None, "GK192", "register.csv:20:5", &["收到日期）是空的"]);
    // An outcome without its reply date is as wrong: it would count as carried on.
    assert!(
        err.contains("register.csv:18:8") && err.contains("答复日期）是空的"),
        "{err}"
    );
    // And a date that is not one.
    let (_t2, site) = with("annual/2025/register.csv", |s| s.replace("2025-04-21", "2025-04-31"));
    refused(&site, None, "GK192", "register.csv:14:5", &["“2025-04-31”不是日期"]);
}

#[test]
fn gbk_csv_register_is_read_with_a_warning() {
    let j = json_of(&fixture("annual"), Some("qingshan"));
    assert_eq!(row(&j["table3"]["new"]), [2, 1, 0, 0, 0, 0, 3]);
    // 26 Sep across 国庆 (9/28 worked, 10/1–8 off, 10/11 worked): due 10/30, answered 10/31.
    assert_eq!(j["late"][0]["deadline"], "2025-10-30");
    assert_eq!(j["late"][0]["days_late"], 1);
    let o = annual(
        &fixture("annual"),
        &["--unit", "qingshan", "--format", "json", "--output", "-"],
    );
    let err = stderr(&o);
    assert!(
        err.contains("GK194") && err.contains("annual/2025/qingshan/register.csv:1:1") && err.contains("GBK"),
        "{err}"
    );
}

#[test]
fn typed_carry_over_that_breaks_the_identity() {
    // The township's register holds only 2025's rows; typing 上年结转 without their outcomes
    // breaks 一 + 二 = 三（七） + 四 in the 自然人 and 总计 columns.
    let (_t, site) = with("annual/2025/qingshan/data.toml", |s| {
        format!("{s}\n[表三]\n上年结转 = {{ 自然人 = 2 }}\n")
    });
    let err = refused(
        &site,
        Some("青山镇"),
        "GK196",
        "annual/2025/qingshan/data.toml:26:1",
        &["一+二=三（七）+四", "自然人", "4 ≠ 2", "5 ≠ 3"],
    );
    assert!(err.contains("总计"), "{err}");
}

#[test]
fn table4_total_that_is_not_the_sum() {
    let (_t, site) = with("annual/2025/data.toml", |s| s.replace("总计 = 3", "总计 = 4"));
    refused(
        &site,
        None,
        "GK196",
        "annual/2025/data.toml:15:1",
        &["总计写的是 4", "之和是 3"],
    );
}

#[test]
fn data_file_mistakes() {
    let (_t, site) = with("annual/2025/data.toml", |s| {
        s.replace("行政处罚 = 58", "行政处罚 = \"58件\"")
            .replace("行政强制 = 4\n", "")
    });
    let err = refused(
        &site,
        None,
        "GK195",
        "annual/2025/data.toml:4:8",
        &["\"58件\"", "不是件数"],
    );
    assert!(err.contains("缺少“行政强制”"), "{err}");
    let (_t2, site) = with("annual/2025/data.toml", |s| {
        s.replace("[表四.复议后起诉]", "[表四.复议后诉讼]")
    });
    refused(
        &site,
        None,
        "GK195",
        "data.toml:23:",
        &["复议后诉讼", "是不是“复议后起诉”"],
    );
}

#[test]
fn typed_figures_that_differ_are_flagged() {
    let (_t, site) = with("annual/2025/sections.md", |s| {
        s.replace(
            "本年度新收政府信息公开申请{{表三.一.总计}}件",
            "本年度新收政府信息公开申请18件",
        )
    });
    let data = site.join("annual/2025/data.toml");
    let d = std::fs::read_to_string(&data)
        .unwrap()
        .replace("本年制发 = 3", "本年制发 = 4");
    std::fs::write(&data, d).unwrap();
    let o = annual(&site, &["--format", "json", "--output", "-"]);
    let err = stderr(&o);
    assert!(o.status.success(), "warnings only: {err}");
    assert!(
        err.contains("GK197") && err.contains("annual/2025/sections.md:7:"),
        "{err}"
    );
    assert!(err.contains("新收…18") && err.contains("{{表三.一.总计}}"), "{err}");
    assert!(
        err.contains("annual/2025/data.toml:8:") && err.contains("本年制发 填写的是 4，政策文件库算出的是 3"),
        "{err}"
    );
    // The table keeps the computed figure.
    let j: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(j["table2"]["normative"]["issued"], 3);
}

#[test]
fn unknown_placeholder_and_missing_section() {
    let (_t, site) = with("annual/2025/sections.md", |s| {
        s.replace("{{表三.逾期}}", "{{表三.逾期件数}}")
            .replace("## 六、其他需要报告的事项", "## 七、附件")
    });
    let err = refused(
        &site,
        None,
        "GK198",
        "annual/2025/sections.md:17:21",
        &["表三.逾期件数", "是不是 {{表三.逾期}}"],
    );
    assert!(err.contains("“七、附件”不是年报中由机关自己撰写的部分"), "{err}");
    assert!(err.contains("缺少“## 六、其他需要报告的事项”"), "{err}");
}

#[test]
fn an_applicant_named_in_the_text_is_refused() {
    let (_t, site) = with("annual/2025/sections.md", |s| {
        s.replace("持续推进", "为王建国等群众持续推进")
    });
    let err = refused(&site, None, "GK199", "annual/2025/sections.md:3:", &["申请人的姓名"]);
    assert!(
        !err.contains("王建国"),
        "the message itself does not repeat the name:\n{err}"
    );
}

#[test]
fn missing_register_is_not_a_table_of_zeros() {
    let (_t, site) = copy_site(&fixture("annual"));
    std::fs::remove_file(site.join("annual/2025/qingshan/register.csv")).unwrap();
    refused(
        &site,
        Some("qingshan"),
        "GK190",
        "annual/2025/qingshan",
        &["只有表头的登记表"],
    );
}

#[test]
fn every_new_code_is_explained() {
    for code in [
        "GK190", "GK191", "GK192", "GK193", "GK194", "GK195", "GK196", "GK197", "GK198", "GK199",
    ] {
        let o = run(&["explain", code]);
        assert!(o.status.success());
        let out = stdout(&o);
        assert!(
            out.starts_with(code) && out.contains("错误写法") && out.contains("正确写法"),
            "{out}"
        );
    }
}

#[test]
fn the_example_site_reports_on_2025() {
    let o = run(&[
        "--root",
        &repo().to_string_lossy(),
        "annual",
        "--year",
        "2025",
        "--date",
        DATE,
        "--format",
        "json",
        "--output",
        "-",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let j: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let t = &j["table3"];
    // 41 rows: two from December 2024, 39 received in 2025 (one still open at the year's end).
    assert_eq!(t["new"][6], 39);
    assert_eq!(t["carried_in"][6], 2);
    assert_eq!(t["carried_out"][6], 1);
    assert_eq!(t["results_total"][6], 40);
    // Late: 15 January across 春节 (due 2/18, answered 2/21); 25 September across 国庆.
    let rows: Vec<u64> = j["late"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["row"].as_u64().unwrap())
        .collect();
    assert_eq!(rows, [39, 41]);
    assert_eq!(j["figures"]["表三.逾期"], "2");
}

#[test]
fn a_township_folder_with_a_typo_is_not_left_out_silently() {
    let (_t, site) = copy_site(&fixture("annual"));
    std::fs::rename(site.join("annual/2025/qingshan"), site.join("annual/2025/qinshan")).unwrap();
    let o = run(&["--root", &site.to_string_lossy(), "check", "--date", DAY]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("GK195") && err.contains("annual/2025/qinshan") && err.contains("是不是“qingshan”"),
        "{err}"
    );
}

#[test]
fn an_xlsx_register_with_real_excel_dates() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let (_t, site) = copy_site(&fixture("annual"));
    let dir = site.join("annual/2025/qingshan");
    std::fs::remove_file(dir.join("register.csv")).unwrap();
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    let date = Format::new().set_num_format("yyyy年m月d日");
    // A title row over the header, as offices' 台账 have.
    ws.merge_range(0, 0, 0, 5, "青山镇2025年政府信息公开申请登记台账", &Format::new())
        .unwrap();
    for (c, h) in ["序号", "申请人姓名", "申请人类型", "收到日期", "答复日期", "处理结果"]
        .iter()
        .enumerate()
    {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    let rows = [
        ("蒋春燕", "自然人", (2025, 9, 26), Some((2025, 10, 31)), "予以公开"),
        (
            "青山镇丰收合作社",
            "其他",
            (2025, 2, 10),
            Some((2025, 2, 14)),
            "部分公开",
        ),
        ("沈志强", "自然人", (2025, 12, 22), None, ""),
    ];
    for (i, (name, typ, recv, rep, out)) in rows.iter().enumerate() {
        let r = i as u32 + 2;
        ws.write_number(r, 0, i as f64 + 1.0).unwrap();
        ws.write_string(r, 1, *name).unwrap();
        ws.write_string(r, 2, *typ).unwrap();
        let d = |(y, m, dd): (u16, u8, u8)| ExcelDateTime::from_ymd(y, m, dd).unwrap();
        ws.write_datetime_with_format(r, 3, d(*recv), &date).unwrap();
        if let Some(rep) = rep {
            ws.write_datetime_with_format(r, 4, d(*rep), &date).unwrap();
        }
        if !out.is_empty() {
            ws.write_string(r, 5, *out).unwrap();
        }
    }
    book.save(dir.join("register.xlsx")).unwrap();
    let j = json_of(&site, Some("qingshan"));
    assert_eq!(row(&j["table3"]["new"]), [2, 0, 0, 0, 0, 1, 3]);
    assert_eq!(row(&j["table3"]["carried_out"]), [1, 0, 0, 0, 0, 0, 1]);
    // The reply of 31 October is on row 3 of the sheet (title, header, then the rows).
    assert_eq!(j["late"][0]["row"], 3);
    assert_eq!(j["late"][0]["days_late"], 1);
}

/// The tables of a DOCX's `word/document.xml`, merges expanded: a `gridSpan` cell's text
/// fills the columns it spans, a `vMerge` continuation takes the text of the cell above.
fn docx_tables(xml: &str) -> Vec<Vec<Vec<String>>> {
    use quick_xml::events::Event;
    let mut r = quick_xml::Reader::from_str(xml);
    let (mut tables, mut rows, mut row) = (Vec::new(), Vec::<Vec<String>>::new(), Vec::<String>::new());
    let (mut span, mut cont, mut text, mut in_t) = (1usize, false, String::new(), false);
    let attr = |e: &quick_xml::events::BytesStart, k: &str| {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == k)
            .map(|a| a.value.to_string())
    };
    loop {
        match r.read_event().expect("well-formed document.xml") {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "w:tc" => {
                (span, cont, text) = (1, false, String::new());
            }
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "w:gridSpan" => {
                span = attr(&e, "w:val").unwrap().parse().unwrap();
            }
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "w:vMerge" => {
                cont = attr(&e, "w:val").as_deref() != Some("restart");
            }
            Event::Start(e) if e.name().as_ref() == "w:t" => in_t = true,
            Event::End(e) if e.name().as_ref() == "w:t" => in_t = false,
            Event::Text(t) if in_t => text.push_str(&t.xml10_content()),
            Event::GeneralRef(g) if in_t => text.push_str(entity(&g)),
            Event::End(e) if e.name().as_ref() == "w:tc" => {
                let col = row.len();
                let t = if cont {
                    rows.last().unwrap()[col].clone()
                } else {
                    text.clone()
                };
                row.extend(std::iter::repeat_n(t, span));
            }
            Event::End(e) if e.name().as_ref() == "w:tr" => rows.push(std::mem::take(&mut row)),
            Event::End(e) if e.name().as_ref() == "w:tbl" => tables.push(std::mem::take(&mut rows)),
            Event::Eof => break,
            _ => {}
        }
    }
    tables
}

/// The text of the five entities the writer escapes with.
fn entity(g: &quick_xml::events::BytesRef) -> &'static str {
    match g.xml10_content().as_ref() {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        other => panic!("unexpected entity &{other};"),
    }
}

#[test]
fn docx_has_the_sections_and_the_tables_cell_for_cell_as_the_xlsx() {
    use std::io::Read;
    let tmp = tempfile::tempdir().unwrap();
    let (d, x) = (tmp.path().join("a.docx"), tmp.path().join("a.xlsx"));
    for (f, p) in [("docx", &d), ("xlsx", &x)] {
        let ps = p.to_string_lossy().into_owned();
        let o = annual(&fixture("annual"), &["--format", f, "--output", &ps]);
        assert!(o.status.success(), "{f}: {}", stderr(&o));
    }
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&d).unwrap()).unwrap();
    let mut part = |name: &str| {
        let mut s = String::new();
        zip.by_name(name)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .read_to_string(&mut s)
            .unwrap();
        s
    };
    let types = part("[Content_Types].xml");
    assert!(types.contains("wordprocessingml.document.main+xml"), "{types}");
    assert!(part("word/_rels/document.xml.rels").contains("styles.xml"));
    let styles = part("word/styles.xml");
    assert!(styles.contains("w:eastAsia=\"仿宋_GB2312\"") && styles.contains("黑体"));
    let xml = part("word/document.xml");
    // A4 portrait.
    assert!(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), "not A4");
    // The six sections in the official order, with the office's text of 一, 五 and 六.
    let plain: String = {
        let mut r = quick_xml::Reader::from_str(&xml);
        let mut s = String::new();
        loop {
            match r.read_event().unwrap() {
                quick_xml::events::Event::Text(t) => s.push_str(&t.xml10_content()),
                quick_xml::events::Event::GeneralRef(g) => s.push_str(entity(&g)),
                quick_xml::events::Event::Eof => break,
                _ => {}
            }
        }
        s
    };
    let mut at = 0;
    for h in [
        "测试县人民政府2025年政府信息公开工作年度报告",
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ] {
        let i = plain[at..]
            .find(h)
            .unwrap_or_else(|| panic!("{h} missing or out of order"));
        at += i + h.len();
    }
    let sections = read(&fixture("annual").join("annual/2025/sections.md"));
    let first_line = sections
        .lines()
        .find(|l| !l.starts_with('#') && !l.trim().is_empty() && !l.contains("{{"))
        .unwrap()
        .trim()
        .to_string();
    assert!(plain.contains(&first_line), "section text missing: {first_line}");
    // The tables: the same cells as the XLSX (whose row 0 is its title), merges expanded.
    let tables = docx_tables(&xml);
    let sheets = gongkai::import::sheet::read(&x).unwrap();
    assert_eq!(tables.len(), 3);
    for (t, s) in tables.iter().zip(&sheets) {
        assert_eq!(t.len() + 1, s.rows.len(), "{}: rows", s.name);
        for (r, row) in t.iter().enumerate() {
            let want: Vec<String> = (0..row.len()).map(|c| s.cell(r + 1, c).to_string()).collect();
            assert_eq!(row, &want, "{} row {}", s.name, r + 1);
        }
    }
    // And the hand count of table 3's row 一.
    let one = tables[1]
        .iter()
        .find(|r| r[0] == "一、本年新收政府信息公开申请数量")
        .unwrap();
    assert_eq!(&one[3..10], ["9", "3", "1", "1", "1", "1", "16"]);
    // The header rows repeat on each page; no row is split across pages.
    assert!(xml.contains("<w:tblHeader/>") && xml.contains("<w:cantSplit/>"));
    // Nothing on stdout for a binary format.
    let o = annual(&fixture("annual"), &["--format", "docx", "--output", "-"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}
