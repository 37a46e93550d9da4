//! Issue 16, end to end: a name list masked, read back, referenced from a notice, checked and
//! built (also in one step with `new --data`); IDs stored as numbers, several sheets and
//! GBK CSVs; the original list never changed.

mod common;
#[path = "import/helpers.rs"]
mod helpers;
#[path = "import/tables.rs"]
mod tables;

use common::*;
use helpers::*;

#[test]
fn a_name_list_is_masked_referenced_checked_and_built() {
    let (_tmp, root, desk) = site();
    let list = desk.join("低保名单.xlsx");
    tables::name_list(&list, false).unwrap();
    let before = std::fs::read(&list).unwrap();
    let item = "社会救助/最低生活保障/审核信息";

    // Two sheets: the clerk is asked which one, and nothing is written.
    let o = run(&["mask", s(&list), "--item", item, "--format", "json", "--root", s(&root)]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(codes(v.as_array().unwrap()), ["GK115"]);
    says(&v[0], &["柳河村、桃园村"], &["--sheet"]);
    assert_eq!(std::fs::read_dir(&desk).unwrap().count(), 1, "nothing may be written");

    let data = root.join("content/qingshan/liuhe/dibao-list.csv");
    let o = run(&[
        "mask",
        s(&list),
        "--item",
        item,
        "--sheet",
        "柳河村",
        "--output",
        s(&data),
        "--date",
        DATE,
        "--root",
        s(&root),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("保留的列：序号、户主姓名、所在村组、保障人数、月保障金额（元）、备注"),
        "{err}"
    );
    for dropped in [
        "身份证号码（身份证件号码）",
        "联系电话（联系电话）",
        "开户银行账号（银行账户）",
        "家庭住址（住址）",
    ] {
        assert!(err.contains(dropped), "{dropped} not listed: {err}");
    }
    assert!(err.contains("遮蔽了 1 处号码"), "{err}");
    assert_eq!(std::fs::read(&list).unwrap(), before, "the original list was changed");

    let rows = csv_rows(&data);
    assert_eq!(
        rows[0],
        ["序号", "户主姓名", "所在村组", "保障人数", "月保障金额（元）", "备注"]
    );
    assert_eq!(rows[1], ["1", "王建国", "柳河村1组", "2", "635", ""]);
    assert_eq!(
        rows[2],
        ["3", "李秀英", "柳河村2组", "3", "670", "由女儿代领，电话139****1111"]
    );
    assert_eq!(rows.len(), 3, "the 注 row is not a person: {rows:?}");
    let all = read(&data);
    for secret in [tables::ID_1, tables::ID_2, tables::MOBILE, tables::CARD, "12号"] {
        assert!(!all.contains(secret), "{secret} reached the output");
    }

    // Referenced from the notice with 数据:, it passes check and is built into the page.
    let notice = root.join("content/qingshan/liuhe/dibao-2026q4.md");
    let text = read(&notice).replacen("公示期:", "数据: dibao-list.csv\n公示期:", 1);
    std::fs::write(&notice, text).unwrap();
    let (errors, _) = check_errors(&root);
    assert!(errors.is_empty(), "{errors:#?}");
    let out = root.parent().unwrap().join("out");
    build(&root, &out);
    let doc = page(&out, "柳河村2026年第四季度最低生活保障审核对象公示");
    let cells = texts(&doc, "td");
    assert!(cells.iter().any(|c| c == "李秀英"), "{cells:?}");
    assert!(cells.iter().any(|c| c == "由女儿代领，电话139****1111"), "{cells:?}");
    assert!(!texts(&doc, "th").iter().any(|h| h.contains("身份证")));

    // A second run does not replace the output silently, and never the list itself.
    let o = run(&[
        "mask",
        s(&list),
        "--item",
        item,
        "--sheet",
        "柳河村",
        "--output",
        s(&data),
        "--root",
        s(&root),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&[
        "mask",
        s(&list),
        "--item",
        item,
        "--sheet",
        "柳河村",
        "--output",
        s(&list),
        "--force",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("原表格不会被改动"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&list).unwrap(), before);
}

#[test]
fn ids_stored_as_numbers_are_refused_with_the_fix() {
    let (_tmp, root, desk) = site();
    let list = desk.join("名单-数值.xlsx");
    tables::name_list(&list, true).unwrap();
    let o = run(&[
        "mask",
        s(&list),
        "--item",
        "社会救助/最低生活保障/审核信息",
        "--sheet",
        "柳河村",
        "--format",
        "json",
        "--root",
        s(&root),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v = json(&o);
    let diags = v.as_array().unwrap();
    assert_eq!(codes(diags), ["GK114", "GK114"]);
    at(&diags[0], "GK114", s(&list), 3, Some(3));
    says(
        &diags[0],
        &["工作表“柳河村”第 3 行 C 列（身份证号码）", "被存成了数值"],
        &["“文本”格式", "无法恢复"],
    );
    assert!(
        !diags[0]["message"].as_str().unwrap().contains("3410991980"),
        "the message shows the number cut"
    );
    assert_eq!(std::fs::read_dir(&desk).unwrap().count(), 1, "nothing may be written");

    // The same from a GBK CSV saved by Excel: 3.41099E+17, and an ID whose last digits became 0.
    let csv = fixture("import/低保名单-科学计数.csv");
    let o = run(&[
        "mask",
        s(&csv),
        "--item",
        "sa-05",
        "--output",
        s(&desk.join("x.csv")),
        "--format",
        "json",
    ]);
    let v = json(&o);
    let diags = v.as_array().unwrap();
    assert_eq!(codes(diags), ["GK114", "GK114"], "{diags:#?}");
    says(&diags[0], &["第 2 行 C 列", "科学计数法"], &[]);
    says(&diags[1], &["第 3 行 C 列", "末尾几位变成了 0"], &[]);
    assert!(!desk.join("x.csv").exists());
}

#[test]
fn a_gbk_csv_list_is_read_and_written_as_utf8() {
    let (_tmp, _root, desk) = site();
    let out = desk.join("公开.csv");
    let csv = fixture("import/低保名单-gbk.csv");
    let o = run(&["mask", s(&csv), "--item", "sa-05", "--output", s(&out), "--date", DATE]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = csv_rows(&out);
    assert_eq!(
        rows[0],
        ["序号", "户主姓名", "所在村组", "保障人数", "月保障金额（元）"]
    );
    assert_eq!(rows[1], ["1", "王建国", "柳河村1组", "2", "635"]);
}

#[test]
fn new_with_data_writes_the_notice_and_its_masked_list() {
    let (_tmp, root, desk) = site();
    let list = desk.join("低保名单.xlsx");
    tables::name_list(&list, false).unwrap();
    let o = run(&[
        "new",
        "社会救助/最低生活保障/审核信息",
        "--township",
        "青山镇",
        "--village",
        "桃园村",
        "--title",
        "桃园村低保审核公示",
        "--date",
        "2026-11-25",
        "--data",
        s(&list),
        "--sheet",
        "桃园村",
        "--root",
        s(&root),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Written where the site keeps 桃园村's notices (`gongkai new` follows the site's folders).
    let path = std::path::PathBuf::from(stdout(&o).lines().next().unwrap().trim());
    assert_eq!(path.file_name().unwrap(), "桃园村低保审核公示.md");
    let dir = path.parent().unwrap().to_path_buf();
    let notice = read(&path);
    assert!(notice.contains("\n数据: 桃园村低保审核公示.csv\n"), "{notice}");
    let rows = csv_rows(&dir.join("桃园村低保审核公示.csv"));
    assert_eq!(rows[1][1], "张德华");

    // Left as written, the template's lead and empty 监督电话 are errors (GK170, GK172); the
    // list itself needs nothing more.
    let (errors, _) = check_errors(&root);
    let mut got: Vec<&str> = errors.iter().map(|d| d["code"].as_str().unwrap()).collect();
    got.sort();
    assert_eq!(got, ["GK170", "GK172"], "{errors:#?}");
    let filled = notice
        .replace("（在此写公告导语。）", "经民主评议，现将桃园村低保审核对象公示如下。")
        .replace("监督电话: \"\"", "监督电话: \"0556-1234567\"");
    std::fs::write(&path, filled).unwrap();
    let (errors, _) = check_errors(&root);
    assert!(errors.is_empty(), "{errors:#?}");
    let out = root.parent().unwrap().join("out");
    build(&root, &out);
    let doc = page(&out, "桃园村低保审核公示");
    let cells = texts(&doc, "td");
    assert!(cells.iter().any(|c| c == "赵桂兰"), "{cells:?}");
    assert!(!read_all(&out).contains(tables::ID_1));

    // An item that is no list: refused before anything is written.
    let o = run(&[
        "new",
        "社会救助/最低生活保障/办事指南",
        "--township",
        "青山镇",
        "--title",
        "指南",
        "--date",
        "2026-11-25",
        "--data",
        s(&list),
        "--sheet",
        "桃园村",
        "--root",
        s(&root),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("GK116"), "{}", stderr(&o));
    assert!(!dir.join("指南.md").exists());
}
