//! Issue 18, files: a notice's CSV downloads (its `数据:` list and CSV attachments) are
//! published as UTF-8 with a BOM and CRLF, whatever the clerk saved (UTF-8 without BOM, GBK),
//! so that Excel on Chinese Windows opens them without mojibake; every download link carries
//! the clerk's file name in `download`, while the published path stays ASCII.

mod common;
use common::*;

const LIST: &str = "序号,户主姓名,所在村组,保障人数\n1,孙长林,柳河村三组,2\n2,周桂芳,柳河村五组,1\n";

#[test]
fn csv_downloads_have_a_bom_and_keep_the_clerks_file_name() {
    let (tmp, root) = site_with(&[]);
    let dir = root.join("content/qingshan/liuhe");
    std::fs::write(
        dir.join("下载.md"),
        "---\n标题: 柳河村2026年第四季度最低生活保障补充审核对象公示\n事项: 社会救助/最低生活保障/审核信息\n形成日期: 2026-11-16\n发布日期: 2026-11-18\n公示期: 2026-11-18 至 2026-11-27\n数据: 低保名单.csv\n附件:\n  - 附件/资金测算表（GBK）.csv\n  - 说明.txt\n---\n\n经民主评议，现将审核对象公示如下，名单见下表。\n",
    )
    .unwrap();
    // UTF-8 without a BOM, as WPS and scripts save it.
    std::fs::write(dir.join("低保名单.csv"), LIST).unwrap();
    // GBK with CRLF, as Excel's "CSV (逗号分隔)" saves it on Chinese Windows.
    std::fs::create_dir_all(dir.join("附件")).unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode("项目,金额（元）\r\n低保金,1305\r\n");
    std::fs::write(dir.join("附件/资金测算表（GBK）.csv"), &gbk).unwrap();
    std::fs::write(dir.join("说明.txt"), "本次审核共2户。\n").unwrap();
    let out = tmp.path().join("out");
    build(&root, &out);
    let page = files(&out)
        .into_iter()
        .map(|f| out.join(f))
        .find(|p| {
            p.extension().is_some_and(|e| e == "html")
                && texts(&html(p), "h1")
                    .iter()
                    .any(|h| h == "柳河村2026年第四季度最低生活保障补充审核对象公示")
        })
        .expect("the notice page");
    let doc = html(&page);
    let links: Vec<(String, String)> = doc
        .select(&sel("a[download]"))
        .map(|a| {
            (
                a.value().attr("href").unwrap().to_string(),
                a.value().attr("download").unwrap().to_string(),
            )
        })
        .collect();
    let names: Vec<&str> = links.iter().map(|(_, d)| d.as_str()).collect();
    assert_eq!(
        names,
        ["低保名单.csv", "资金测算表（GBK）.csv", "说明.txt"],
        "{links:?}"
    );
    for (href, name) in &links {
        assert!(href.is_ascii(), "{href}");
        let file = page.parent().unwrap().join(href);
        let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        if name.ends_with(".csv") {
            assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{name} has no BOM");
            let text = std::str::from_utf8(&bytes[3..]).expect("UTF-8");
            assert!(!text.starts_with('\u{feff}'), "{name} has two BOMs");
            assert!(text.lines().all(|l| !l.is_empty()) && text.matches("\r\n").count() == text.matches('\n').count());
            let want = if name.starts_with("低保") {
                LIST.replace('\n', "\r\n")
            } else {
                "项目,金额（元）\r\n低保金,1305\r\n".to_string()
            };
            assert_eq!(text, want, "{name}");
        } else {
            // Other files are published byte for byte.
            assert_eq!(bytes, "本次审核共2户。\n".as_bytes(), "{name}");
        }
    }
}
