//! Issue 16, end to end: a county's catalog table imported, checked and built, and its
//! changes shown row by row; rows the importer cannot read reported at sheet, row and column
//! with nothing written. The name lists are in tests/mask.rs.

mod common;
#[path = "import/helpers.rs"]
mod helpers;
#[path = "import/tables.rs"]
mod tables;

use common::*;
use helpers::*;
use serde_json::Value;
use std::path::PathBuf;

#[test]
fn a_county_catalog_is_imported_checked_and_built() {
    let (_tmp, root, desk) = site();
    let table = desk.join("示例县社会救助目录.xlsx");
    tables::county_catalog(&table).unwrap();
    let before = std::fs::read(&table).unwrap();

    let o = run(&["catalog", "import", s(&table), "--root", s(&root)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let written = root.join("catalogs/social-assistance.yaml");
    assert_eq!(PathBuf::from(stdout(&o).trim()), written);
    assert!(
        stderr(&o).contains("4 个事项（3 个对应内置事项，1 个新增）"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read(&table).unwrap(), before, "the table was changed");

    // The catalog as the site now sees it: the county's rows over the built-in ones.
    let show = json(&run(&[
        "catalog",
        "show",
        "社会救助",
        "--format",
        "json",
        "--root",
        s(&root),
    ]));
    let guide = item(&show, "sa-04");
    let names: Vec<&str> = guide["elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["办理事项", "办理条件", "申请材料", "办理流程"]);
    assert_eq!(guide["channels"], serde_json::json!(["政府网站", "两微一端"]));
    assert_eq!(guide["levels"], serde_json::json!(["县级", "乡级"]));
    assert_eq!(guide["method"], "主动");
    assert_eq!(guide["time_limit"]["days"], 20);

    let review = item(&show, "sa-05");
    assert_eq!(review["time_limit"]["days"], 3);
    assert_eq!(review["time_limit"]["working"], true);
    assert_eq!(review["notice_period"]["days"], 7);
    assert_eq!(review["notice_period"]["working"], false);
    assert_eq!(review["notice_period"]["text"], "公示期为7天");
    assert_eq!(
        review["channels"],
        serde_json::json!(["社区/企事业单位/村公示栏（电子屏）"])
    );
    assert_eq!(review["levels"], serde_json::json!(["乡级"]));
    assert_eq!(review["elements"][0]["people"], true);
    assert_eq!(review["personal_info"], true);
    assert_eq!(review["provenance"], "示例县社会救助目录.xlsx 工作表“社会救助” 第5行");
    assert_eq!(review["origin"], "catalogs/social-assistance.yaml");

    // 一级事项 merged down, 序号 blank: still 最低生活保障, read from row 6.
    let approval = item(&show, "sa-06");
    assert_eq!(approval["level1"], "最低生活保障");
    assert_eq!(approval["levels"], serde_json::json!(["县级"]));
    assert!(approval["provenance"].as_str().unwrap().ends_with("第6行"));

    let new = item(&show, "sa-c01");
    assert_eq!(new["level1"], "临时救助");
    assert_eq!(new["level2"], "急难型临时救助");
    assert_eq!(new["notice_period"]["days"], 7);
    assert!(
        new.get("time_limit").is_none_or(Value::is_null),
        "a 公示期 alone is no time limit"
    );

    // check accepts it and the built site shows the county's rows.
    let (errors, _) = check_errors(&root);
    assert!(errors.is_empty(), "{errors:#?}");
    let out = root.parent().unwrap().join("out");
    build(&root, &out);
    let catalog = read(&out.join("catalogs/social-assistance.html"));
    assert!(catalog.contains("急难型临时救助"));
    assert!(catalog.contains("审核后3个工作日内公示，公示期为7天"));

    // A second import does not overwrite the county's file unless asked.
    let o = run(&["catalog", "import", s(&table), "--root", s(&root)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("已存在"), "{}", stderr(&o));
    let o = run(&["catalog", "import", s(&table), "--root", s(&root), "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn catalog_diff_shows_the_countys_changes_row_by_row() {
    let (_tmp, root, desk) = site();
    let table = desk.join("目录.xlsx");
    tables::county_catalog(&table).unwrap();
    let o = run(&[
        "catalog",
        "import",
        s(&table),
        "--domain",
        "社会救助",
        "--root",
        s(&root),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));

    let o = run(&["catalog", "diff", "--root", s(&root)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("~ sa-05 最低生活保障/审核信息"), "{text}");
    assert!(
        text.contains("公开时限：制定或获取信息之日起10个工作日内 → 审核后3个工作日内公示，公示期为7天"),
        "{text}"
    );
    assert!(
        text.contains("+ sa-c01 临时救助/急难型临时救助（县目录新增）"),
        "{text}"
    );
    assert!(
        text.contains("- sa-01 综合业务/政策法规文件（县目录未列；内置事项仍然有效）"),
        "{text}"
    );

    let v = json(&run(&[
        "catalog",
        "diff",
        "social-assistance",
        "--format",
        "json",
        "--root",
        s(&root),
    ]));
    let d = &v[0];
    assert_eq!(d["file"], "catalogs/social-assistance.yaml");
    let review = d["changed"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "sa-05")
        .unwrap();
    let period = review["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == "notice_period")
        .unwrap();
    assert_eq!(period["before"], "公示7个工作日");
    assert_eq!(period["after"], "7日（公示期为7天）");
    assert_eq!(d["added"][0]["id"], "sa-c01");

    // Piped into a reader that stops at once (`| head -0`): no panic, a normal exit.
    let mut child = std::process::Command::new(bin())
        .args(["catalog", "diff", "--root", s(&root)])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));

    // The example site's own catalogs are the built-in ones: nothing to show.
    let o = run(&["catalog", "diff", "--root", s(&repo())]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("没有调整"), "{}", stderr(&o));
}

#[test]
fn unreadable_catalog_rows_name_sheet_row_and_column_and_nothing_is_written() {
    let (_tmp, root, desk) = site();
    let table = desk.join("目录-有误.xlsx");
    tables::bad_catalog(&table).unwrap();
    let before = snapshot(&root);
    let o = run(&[
        "catalog",
        "import",
        s(&table),
        "--domain",
        "社会救助",
        "--format",
        "json",
        "--root",
        s(&root),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v = json(&o);
    let diags = v.as_array().unwrap();
    assert_eq!(codes(diags), ["GK112", "GK112", "GK112"], "{diags:#?}");
    let file = table.to_str().unwrap();
    at(&diags[0], "GK112", file, 4, Some(3));
    says(
        &diags[0],
        &["工作表“目录”第 4 行 C 列（二级事项）", "没有二级事项"],
        &["合并"],
    );
    at(&diags[1], "GK112", file, 5, Some(6));
    says(
        &diags[1],
        &["第 5 行 F 列（政府网站）", "“网站”不是勾选符号"],
        &["■ 或 √"],
    );
    at(&diags[2], "GK112", file, 6, Some(8));
    says(
        &diags[2],
        &["第 6 行 H 列（公开层级）", "“省级”不是公开层级"],
        &["县级、乡级 或 村级"],
    );
    assert!(snapshot(&root) == before, "a failed import changed the site");

    let o = run(&[
        "catalog",
        "import",
        s(&table),
        "--domain",
        "社会救助",
        "--root",
        s(&root),
        "--lang",
        "en",
    ]);
    assert!(
        stderr(&o).contains("sheet `目录`, row 4, column C (二级事项)"),
        "{}",
        stderr(&o)
    );

    // Without --domain, a table whose title names none is a question, not a guess.
    let o = run(&["catalog", "import", s(&table), "--format", "json", "--root", s(&root)]);
    assert_eq!(codes(json(&o).as_array().unwrap()), ["GK113"]);
}

#[test]
fn a_gbk_csv_catalog_saved_from_merged_cells_is_filled_down() {
    let (_tmp, root, _desk) = site();
    let table = fixture("import/目录-临时救助-gbk.csv");
    let o = run(&["catalog", "import", s(&table), "--root", s(&root)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let show = json(&run(&[
        "catalog",
        "show",
        "社会救助",
        "--format",
        "json",
        "--root",
        s(&root),
    ]));
    let guide = item(&show, "sa-12");
    assert_eq!(guide["elements"].as_array().unwrap().len(), 3);
    assert_eq!(
        guide["channels"],
        serde_json::json!(["政府网站", "社区/企事业单位/村公示栏（电子屏）"])
    );
    // 一级事项 left blank under a merge in the CSV: the row above's, so this is sa-13.
    let review = item(&show, "sa-13");
    assert_eq!(review["levels"], serde_json::json!(["乡级", "村级"]));
    assert_eq!(review["time_limit"]["days"], 5);
    assert_eq!(review["notice_period"]["days"], 5);
    assert_eq!(review["notice_period"]["working"], true);
    assert_eq!(
        review["provenance"],
        "目录-临时救助-gbk.csv 工作表“目录-临时救助-gbk” 第4行"
    );
    let (errors, _) = check_errors(&root);
    assert!(errors.is_empty(), "{errors:#?}");
}
