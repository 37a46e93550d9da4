//! Issue 9 / SPEC 5.6: no identifier ever leaves the site. Each class of input that once got
//! through is a family here, built into a real site: `check` must name the file, line and the
//! masked form (never the number itself), `build` must write nothing, and where a build is
//! meant to succeed (exemptions, withdrawn lists) every output file is searched for the
//! number, the search index through the browser.

mod common;
use common::*;
use std::path::Path;

const ID: &str = "341099196503120425";
const ID_MASKED: &str = "341099********0425";
const MOBILE: &str = "13812345678";
const DIR: &str = "content/qingshan/liuhe";

/// A 低保 notice of the check-base site whose body ends with `extra` and whose front matter
/// ends with `fm`.
fn notice(fm: &str, extra: &str) -> String {
    format!(
        "---\n标题: 柳河村2026年第四季度最低生活保障审核对象公示\n事项: 社会救助/最低生活保障/审核信息\n形成日期: 2026-11-16\n发布日期: 2026-11-18\n公示期: 2026-11-18 至 2026-11-27\n{fm}---\n\n经民主评议，现将审核对象公示如下。\n\n## 初审对象名单及相关信息\n\n| 序号 | 户主姓名 | 所在村组 | 保障人数 |\n| --- | --- | --- | --- |\n| 1 | 孙长林 | 柳河村三组 | 2 |\n\n{extra}\n"
    )
}

fn site(files: &[(&str, &[u8])]) -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, root) = site_with(&[]);
    for (rel, bytes) in files {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    (tmp, root)
}

/// `check` reports an identifier error in `file` without repeating the number, and `build`
/// writes nothing.
#[track_caller]
fn caught(root: &Path, file: &str, masked: &str, raw: &str) -> serde_json::Value {
    let (diags, status) = check_json(root);
    assert_eq!(status, 1, "{diags:#?}");
    let d = diags
        .iter()
        .find(|d| d["file"] == file && d["code"].as_str().is_some_and(|c| c.starts_with("GK05")))
        .unwrap_or_else(|| panic!("no identifier error in {file}: {diags:#?}"))
        .clone();
    let all = serde_json::to_string(&diags).unwrap();
    assert!(all.contains(masked), "{all}");
    assert!(!all.contains(raw), "a diagnostic repeats the number: {all}");
    let human = stderr(&run(&["check", "--root", root.to_str().unwrap(), "--date", DATE]));
    assert!(!human.contains(raw), "the terminal shows the number:\n{human}");
    build_refused(root);
    d
}

#[test]
fn digits_broken_up_by_what_the_eye_skips() {
    for (written, line_col) in [
        ("身份证号 3410 9919 6503 1204 25。", (17, 6)),
        ("身份证号 341099\u{3000}19650312\u{3000}0425。", (17, 6)),
        ("身份证号 3410\u{200B}99196503120425。", (17, 6)),
        ("身份证号 &#51;41099196503120425。", (17, 6)),
        ("身份证号 3410991965**0312**0425。", (17, 6)),
        ("身份证号 34109919650312<b>0425</b>。", (17, 6)),
    ] {
        let (_t, root) = site(&[(&format!("{DIR}/a.md"), notice("", written).as_bytes())]);
        let d = caught(&root, &format!("{DIR}/a.md"), ID_MASKED, ID);
        assert_eq!(
            (d["line"].as_u64(), d["column"].as_u64()),
            (Some(line_col.0), Some(line_col.1)),
            "{written}"
        );
    }
    let (_t, root) = site(&[(&format!("{DIR}/a.md"), notice("", "电话 138 1234 5678。").as_bytes())]);
    caught(&root, &format!("{DIR}/a.md"), "138****5678", MOBILE);
}

#[test]
fn digits_glued_to_something_else() {
    for body in [
        format!("附件：[材料](files/sunchanglin{ID}.txt)"),
        format!("[名单](files/%E4%B8%89{ID}.txt)"),
        format!("1.{ID} 孙长林"),
    ] {
        let (_t, root) = site(&[
            (&format!("{DIR}/a.md"), notice("", &body).as_bytes()),
            (&format!("{DIR}/files/sunchanglin{ID}.txt"), b"x"),
            (&format!("{DIR}/files/\u{4e09}{ID}.txt"), b"x"),
        ]);
        caught(&root, &format!("{DIR}/a.md"), ID_MASKED, ID);
    }
}

#[test]
fn an_identifier_in_the_notice_file_name() {
    let name = format!("{DIR}/孙长林{ID}.md");
    let (_t, root) = site(&[(&name, notice("", "").as_bytes())]);
    // The diagnostic names the file with the number masked, so the clerk still finds it.
    let d = caught(&root, &format!("{DIR}/孙长林{ID_MASKED}.md"), ID_MASKED, ID);
    assert!(d["message"].as_str().unwrap().contains("文件名"), "{d}");
}

#[test]
fn data_files_are_read_whole() {
    // A CSV without a header row: its first row is people too.
    let (_t, root) = site(&[
        (
            &format!("{DIR}/a.md"),
            notice("数据: 名单.csv\n", "名单见下表。").as_bytes(),
        ),
        (
            &format!("{DIR}/名单.csv"),
            format!("孙长林,柳河村三组,2,{ID}\n周桂芳,柳河村五组,1,\n").as_bytes(),
        ),
    ]);
    let d = caught(&root, &format!("{DIR}/名单.csv"), ID_MASKED, ID);
    assert_eq!(d["line"], 1);
    // A workbook whose second sheet holds the numbers.
    let (_t, root) = site(&[(
        &format!("{DIR}/a.md"),
        notice("数据: 名单.xlsx\n", "名单见下表。").as_bytes(),
    )]);
    let mut wb = rust_xlsxwriter::Workbook::new();
    let first = wb.add_worksheet().set_name("名单").unwrap();
    for (c, h) in ["户主姓名", "所在村组", "保障人数"].iter().enumerate() {
        first.write_string(0, c as u16, *h).unwrap();
    }
    first.write_string(1, 0, "孙长林").unwrap();
    first.write_string(1, 1, "柳河村三组").unwrap();
    first.write_number(1, 2, 2).unwrap();
    let second = wb.add_worksheet().set_name("底册").unwrap();
    second.write_string(0, 0, "孙长林").unwrap();
    second.write_string(0, 1, MOBILE).unwrap();
    wb.save(root.join(DIR).join("名单.xlsx")).unwrap();
    let d = caught(&root, &format!("{DIR}/名单.xlsx"), "138****5678", MOBILE);
    assert!(d["message"].as_str().unwrap().contains("底册"), "{d}");
}

#[test]
fn attachments_are_scanned_before_they_are_copied() {
    let (_t, root) = site(&[
        (&format!("{DIR}/a.md"), notice("附件:\n  - 审核表.csv\n", "").as_bytes()),
        (
            &format!("{DIR}/审核表.csv"),
            format!("姓名,联系电话\n孙长林,{MOBILE}\n").as_bytes(),
        ),
    ]);
    let d = caught(&root, &format!("{DIR}/审核表.csv"), "138****5678", MOBILE);
    assert_eq!(d["line"], 2);
    // An image cannot be read: a warning names it, to be checked by hand.
    let (_t, root) = site(&[
        (
            &format!("{DIR}/a.md"),
            notice("附件:\n  - 审批表扫描件.jpg\n", "").as_bytes(),
        ),
        (
            &format!("{DIR}/审批表扫描件.jpg"),
            b"\xFF\xD8\xFF\xE0 not really a jpeg",
        ),
    ]);
    let (diags, status) = check_json(&root);
    assert_eq!(status, 0, "{diags:#?}");
    assert!(
        diags
            .iter()
            .any(|d| d["code"] == "GK057" && d["file"] == format!("{DIR}/审批表扫描件.jpg")),
        "{diags:#?}"
    );
}

fn search_results(chrome: &Path, out: &Path, q: &str) -> scraper::Html {
    let url = format!("{}?q={q}", file_url(&out.join("search.html")));
    scraper::Html::parse_document(&dump_dom(chrome, &url))
}

#[test]
fn an_exemption_covers_the_page_and_nothing_derived() {
    let exempt = notice(
        "隐私豁免: 村委会主任王海书面同意公开本人手机号码，作为异议受理电话。\n",
        &format!("如有异议，请联系村委会主任王海，电话 {MOBILE}。"),
    )
    .replace(
        "柳河村2026年第四季度最低生活保障审核对象公示",
        &format!("低保公示（异议电话{MOBILE}）"),
    );
    let (_t, root) = site(&[(&format!("{DIR}/exempt.md"), exempt.as_bytes())]);
    let out = root.parent().unwrap().join("out");
    build(&root, &out);
    let with_number: Vec<String> = files(&out)
        .into_iter()
        .filter(|f| String::from_utf8_lossy(&std::fs::read(out.join(f)).unwrap()).contains(MOBILE))
        .collect();
    assert_eq!(
        with_number.len(),
        1,
        "only the notice page shows the number: {with_number:?}"
    );
    let page = &with_number[0];
    assert!(
        read(&out.join(page)).contains("王海") && page.ends_with(".html"),
        "{page}"
    );
    for f in ["data/notices.json", "data/notices.csv", "qingshan/atom.xml"] {
        assert!(read(&out.join(f)).contains("138****5678"), "{f} shows the masked title");
    }
    let Some(chrome) = chromium() else { return };
    let doc = search_results(&chrome, &out, "王海");
    let results = texts(&doc, "#search-results");
    assert!(results.iter().any(|r| r.contains("138****5678")), "{results:?}");
    assert!(!results.iter().any(|r| r.contains(MOBILE)), "{results:?}");
}

#[test]
fn a_withdrawn_list_leaves_no_trace() {
    let body = "经民主评议，现将审核对象公示如下，名单见下表。";
    let n = notice("数据: 名单.csv\n", body);
    let (_t, root) = site(&[
        (&format!("{DIR}/w.md"), n.as_bytes()),
        (
            &format!("{DIR}/名单.csv"),
            "户主姓名,所在村组,保障人数,保障金额（元）\n周桂芳,柳河村五组,1,7654\n".as_bytes(),
        ),
    ]);
    // The 公示期 ended on 11-27; 30 days later the list comes down.
    let out = root.parent().unwrap().join("out");
    let o = run_build_at(&root, &out, "2027-02-01");
    assert!(o.status.success(), "{}", stderr(&o));
    for f in files(&out) {
        let text = String::from_utf8_lossy(&std::fs::read(out.join(&f)).unwrap()).into_owned();
        for trace in ["周桂芳", "孙长林", "柳河村五组", "名单.csv"] {
            assert!(!text.contains(trace), "{trace} is still in {f}");
        }
    }
    assert!(
        !files(&out)
            .iter()
            .any(|f| f.ends_with(".csv") && f != "data/notices.csv")
    );
    let Some(chrome) = chromium() else { return };
    for q in ["周桂芳", "孙长林"] {
        let doc = search_results(&chrome, &out, q);
        assert_eq!(
            doc.select(&sel("#search-results a")).count(),
            0,
            "search still finds {q}"
        );
    }
    let doc = search_results(&chrome, &out, "审核对象");
    assert!(
        doc.select(&sel("#search-results a")).count() >= 1,
        "the notice itself stays findable"
    );
}

#[test]
fn look_alikes_stay_clean_through_check_and_build() {
    let body = "索引号：11341099MB1234567X/2026-00123\n\n统一社会信用代码：12341099MB0123456Q\n\n文号：示政办〔2026〕12号\n\n监督电话：0556-1234567，服务热线 400-123-4567，12345。\n\n合计金额 1,234,567.89 元，形成日期 20261116。\n\n已遮蔽：340825********1234、34082519620315****、138****5678、××××。\n";
    let (_t, root) = site(&[(&format!("{DIR}/ok.md"), notice("", body).as_bytes())]);
    let (diags, status) = check_json(&root);
    assert_eq!(status, 0, "{diags:#?}");
    let out = root.parent().unwrap().join("out");
    build(&root, &out);
    assert!(read(&out.join("index.html")).contains("测试县"));
}

/// What no source check reads (here a county's own catalog file, whose 公开依据 every notice
/// page of the item shows) is still stopped at the gate: nothing is written, the diagnostic
/// names the output and the masked number.
#[test]
fn the_gate_stops_what_no_check_reads() {
    let (_t, root) = site(&[(&format!("{DIR}/a.md"), notice("", "").as_bytes())]);
    let catalog = read(&repo().join("catalogs/social-assistance.yaml")).replace(
        "basis: 国务院关于进一步加强和改进最低生活保障工作的意见",
        &format!("basis: 国务院关于进一步加强和改进最低生活保障工作的意见（咨询 {MOBILE}）"),
    );
    std::fs::create_dir_all(root.join("catalogs")).unwrap();
    std::fs::write(root.join("catalogs/social-assistance.yaml"), catalog).unwrap();
    let before = snapshot(&root);
    let out = root.parent().unwrap().join("out");
    let o = run_build(&root, &out);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!out.exists(), "the gate let a file through");
    assert!(snapshot(&root) == before);
    let err = stderr(&o);
    assert!(err.contains("GK056") && err.contains("138****5678"), "{err}");
    assert!(!err.contains(MOBILE), "{err}");
}

/// A PDF attachment is read page by page, with the font kinds WPS, Word and Chromium export
/// (a CID TrueType font with Identity-H for the numbers, Type 3 for the Chinese): a number in
/// it is caught with its page; look-alikes stay clean; a scan, a scanned page among typed ones
/// and a damaged file are named for a person to check.
#[test]
fn pdf_attachments_are_read_page_by_page() {
    let pdf = |name: &str| std::fs::read(fixture("pdf").join(name)).unwrap();
    let with = |file: &str, bytes: &[u8]| {
        site(&[
            (
                &format!("{DIR}/a.md"),
                notice(&format!("附件:\n  - {file}\n"), "").as_bytes(),
            ),
            (&format!("{DIR}/{file}"), bytes),
        ])
    };
    let (_t, root) = with("审核对象名单.pdf", &pdf("leak.pdf"));
    let d = caught(&root, &format!("{DIR}/审核对象名单.pdf"), ID_MASKED, ID);
    assert!(d["message"].as_str().unwrap().contains("第 1 页"), "{d:#?}");
    let (diags, _) = check_json(&root);
    assert!(
        diags
            .iter()
            .any(|d| d["code"] == "GK052" && d["message"].as_str().unwrap().contains("138****5678")),
        "the mobile number in the same table: {diags:#?}"
    );

    let (_t, root) = with("政策文件汇编.pdf", &pdf("clean.pdf"));
    let (diags, status) = check_json(&root);
    assert_eq!(status, 0, "{diags:#?}");
    assert!(
        diags.iter().all(|d| d["code"] != "GK057"),
        "a readable PDF is checked: {diags:#?}"
    );
    let out = root.parent().unwrap().join("out");
    build(&root, &out);
    let copied: Vec<String> = files(&out).into_iter().filter(|f| f.ends_with(".pdf")).collect();
    assert_eq!(copied.len(), 1, "{copied:?}");

    for (file, bytes, says) in [
        ("审批表扫描件.pdf", pdf("scan.pdf"), "扫描件"),
        ("一事一议方案.pdf", pdf("stamped.pdf"), "第 2 页"),
        ("损坏的名单.pdf", pdf("leak.pdf")[..4000].to_vec(), "无法打开"),
    ] {
        let (_t, root) = with(file, &bytes);
        let (diags, status) = check_json(&root);
        assert_eq!(status, 0, "{file}: {diags:#?}");
        let warned = diags
            .iter()
            .find(|d| d["code"] == "GK057" && d["file"] == format!("{DIR}/{file}"));
        let m = warned.unwrap_or_else(|| panic!("{file} not named: {diags:#?}"))["message"]
            .as_str()
            .unwrap();
        assert!(m.contains(says), "{file}: {m}");
    }
}
