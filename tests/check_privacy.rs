//! SPEC 5.6: personal information. Each unmasked identifier a clerk might paste into a notice
//! (text, table, data file, `_index.md`) is an error at its place with the masked form to use;
//! official contacts and written exemptions pass; the numbers real notices carry (索引号,
//! credit codes, project codes, landlines, amounts) are not mistaken for identifiers.

mod common;
use common::*;

const LIUHE: &str = "content/qingshan/liuhe";

fn check_case(name: &str) -> (tempfile::TempDir, std::path::PathBuf, Vec<serde_json::Value>) {
    let file = format!("{name}.md");
    let (tmp, root) = site_with(&[(&file, &format!("{LIUHE}/{file}"))]);
    let (diags, _) = check_json(&root);
    (tmp, root, diags)
}

fn rel(name: &str) -> String {
    format!("{LIUHE}/{name}.md")
}

#[test]
fn id_number_gk050_hint_is_the_masked_form() {
    let (_t, root, diags) = check_case("id-number");
    let d = only(&diags, "GK050", &rel("id-number"), 17, Some(13));
    says(d, &["身份证号码", "341099********0425"], &["341099********0425"]);
    build_refused(&root);
}

#[test]
fn id_number_with_a_typo_in_its_check_digit_is_still_caught() {
    let (_t, root) = site_with(&[("id-number.md", "content/qingshan/liuhe/x.md")]);
    let f = root.join("content/qingshan/liuhe/x.md");
    std::fs::write(&f, read(&f).replace("341099196503120425", "341099196503120424")).unwrap();
    let (diags, _) = check_json(&root);
    let d = only(&diags, "GK050", "content/qingshan/liuhe/x.md", 17, Some(13));
    says(d, &[], &["341099********0424"]);
}

#[test]
fn id_number_in_a_table_names_the_column() {
    let (_t, root) = site_with(&[("people-column.md", "content/qingshan/liuhe/x.md")]);
    let f = root.join("content/qingshan/liuhe/x.md");
    std::fs::write(
        &f,
        read(&f)
            .replace("| 身份证号 |", "| 备注 |")
            .replace("341099********0425", "341099196503120425"),
    )
    .unwrap();
    let (diags, _) = check_json(&root);
    let d = only(&diags, "GK050", "content/qingshan/liuhe/x.md", 15, Some(13));
    says(d, &["“备注”列", "341099********0425"], &["341099********0425"]);
}

#[test]
fn old_15_digit_id_gk051() {
    let (_t, root, diags) = check_case("old-id");
    let d = only(&diags, "GK051", &rel("old-id"), 17, Some(14));
    says(d, &["341099*****2042"], &["341099*****2042"]);
    build_refused(&root);
}

#[test]
fn mobile_gk052() {
    let (_t, root, diags) = check_case("mobile");
    let d = only(&diags, "GK052", &rel("mobile"), 17, Some(20));
    says(
        d,
        &["手机号码", "138****5678"],
        &["138****5678", "contacts", "隐私豁免"],
    );
    build_refused(&root);
}

#[test]
fn mobile_in_the_front_matter_names_the_key() {
    let (_t, root) = site_with(&[("official-contact.md", "content/qingshan/liuhe/x.md")]);
    let f = root.join("content/qingshan/liuhe/x.md");
    std::fs::write(
        &f,
        read(&f).replace("监督电话: 139-5560-1234", "监督电话: 139-1234-5678"),
    )
    .unwrap();
    let (diags, _) = check_json(&root);
    let d = only(&diags, "GK052", "content/qingshan/liuhe/x.md", 7, Some(7));
    says(d, &["监督电话", "139****5678"], &["139****5678"]);
}

#[test]
fn bank_card_gk053_keeps_the_last_four() {
    let (_t, root, diags) = check_case("bank-card");
    let d = only(&diags, "GK053", &rel("bank-card"), 17, Some(16));
    says(d, &["银行卡号", "****0128"], &["****0128"]);
    build_refused(&root);
}

#[test]
fn people_table_with_id_column_gk054() {
    // Masked or not, an ID column does not belong in a published list.
    let (_t, root, diags) = check_case("people-column");
    let d = only(&diags, "GK054", &rel("people-column"), 13, Some(15));
    says(d, &["身份证号"], &["删除“身份证号”"]);
    build_refused(&root);
}

#[test]
fn empty_exemption_gk055_and_the_leak_still_reported() {
    let (_t, root, diags) = check_case("empty-exemption");
    assert_eq!(codes(&diags), ["GK055", "GK052"], "{diags:#?}");
    at(&diags[0], "GK055", &rel("empty-exemption"), 7, Some(7));
    says(&diags[0], &["隐私豁免"], &["理由"]);
    at(&diags[1], "GK052", &rel("empty-exemption"), 18, Some(20));
    build_refused(&root);
}

#[test]
fn exemption_with_a_reason_passes_a_mobile() {
    let (t, root, diags) = check_case("exemption-mobile");
    assert!(diags.is_empty(), "{diags:#?}");
    build(&root, &t.path().join("out"));
}

#[test]
fn official_contacts_from_book_toml_pass() {
    // 13955601234 is in book.toml's contacts for 青山镇; written with hyphens or without.
    let (t, root, diags) = check_case("official-contact");
    assert!(diags.is_empty(), "{diags:#?}");
    build(&root, &t.path().join("out"));
}

#[test]
fn real_notice_numbers_are_no_false_alarm() {
    // 索引号, 文号, project code, credit code, amounts, contract number, landlines, a hotline,
    // a date, already-masked numbers.
    let (_t, root) = site_with(&[("no-false-alarm.md", "content/qingshan/no-false-alarm.md")]);
    let (diags, status) = check_json(&root);
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(status, 0);
}

#[test]
fn id_number_in_a_data_csv_gk050_at_its_row() {
    // Line 3 of the CSV (row 3 as Excel/WPS shows it), where the number starts on that line.
    let (_t, root) = site_with(&[
        ("data-id.md", "content/qingshan/liuhe/data-id.md"),
        ("data-id.csv", "content/qingshan/liuhe/低保名单.csv"),
    ]);
    let (diags, _) = check_json(&root);
    let d = only(&diags, "GK050", "content/qingshan/liuhe/低保名单.csv", 3, Some(19));
    says(d, &["第 3 行", "备注", "341099********1237"], &["341099********1237"]);
    build_refused(&root);
}

#[test]
fn id_column_in_a_data_csv_gk054() {
    let (_t, root) = site_with(&[
        ("data-column.md", "content/qingshan/liuhe/data-column.md"),
        ("data-column.csv", "content/qingshan/liuhe/名单-含身份证列.csv"),
    ]);
    let (diags, _) = check_json(&root);
    let d = only(
        &diags,
        "GK054",
        "content/qingshan/liuhe/名单-含身份证列.csv",
        1,
        Some(9),
    );
    says(d, &["身份证号码"], &["删除"]);
    build_refused(&root);
}

#[test]
fn mobile_in_an_index_file_gk052() {
    // An `_index.md` 监督电话 shows on every notice below it.
    let (_t, root) = site_with(&[]);
    std::fs::write(
        root.join("content/qingshan/liuhe/_index.md"),
        "---\n村: 柳河村\n监督电话: 138-1234-5678\n---\n",
    )
    .unwrap();
    let (diags, _) = check_json(&root);
    let d = only(&diags, "GK052", "content/qingshan/liuhe/_index.md", 3, Some(7));
    says(d, &["监督电话"], &["138****5678"]);
    build_refused(&root);
}

#[test]
fn leak_in_a_notice_dropped_for_another_error_is_reported_too() {
    let (_t, root) = site_with(&[("id-number.md", "content/qingshan/liuhe/x.md")]);
    let f = root.join("content/qingshan/liuhe/x.md");
    std::fs::write(
        &f,
        read(&f).replace("社会救助/最低生活保障/审核信息", "社会救助/低保/审核"),
    )
    .unwrap();
    let (diags, _) = check_json(&root);
    assert_eq!(codes(&diags), ["GK030", "GK050"], "{diags:#?}");
}

#[test]
fn id_number_in_an_xlsx_gk050_at_its_spreadsheet_row() {
    // Row 4 as WPS shows it (a blank row 3 in between), column 4 (D).
    let (_t, root) = site_with(&[("data-id.md", "content/qingshan/liuhe/data-id.md")]);
    let md = root.join("content/qingshan/liuhe/data-id.md");
    std::fs::write(&md, read(&md).replace("低保名单.csv", "低保名单.xlsx")).unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["序号", "户主姓名", "所在村组", "备注"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in ["1", "孙长林", "柳河村三组", ""].iter().enumerate() {
        ws.write_string(1, c as u16, *v).unwrap();
    }
    for (c, v) in ["2", "周桂芳", "柳河村五组", "341099197804051237"].iter().enumerate() {
        ws.write_string(3, c as u16, *v).unwrap();
    }
    wb.save(root.join("content/qingshan/liuhe/低保名单.xlsx")).unwrap();
    let (diags, _) = check_json(&root);
    let d = only(&diags, "GK050", "content/qingshan/liuhe/低保名单.xlsx", 4, Some(4));
    says(d, &["第 4 行", "备注"], &["341099********1237"]);
}
