//! Whole-index tests: file layout, determinism, and that the files say what the parts encode.

use super::*;

fn doc(url: &str, title: &str, township: &str, date: &str, text: &str) -> SearchDoc {
    SearchDoc {
        url: url.into(),
        title: title.into(),
        township: township.into(),
        domain: "社会救助".into(),
        item: "最低生活保障/审核信息".into(),
        date: date.into(),
        text: text.into(),
    }
}

fn sample() -> Vec<SearchDoc> {
    vec![
        doc(
            "qingshan/n/1.html",
            "2026年第一季度低保名单公示",
            "青山镇",
            "2026-03-05",
            "本期新增低保对象3户，发放3,600元。",
        ),
        doc(
            "liuhe/n/2.html",
            "柳河村危房改造补助公示",
            "柳河乡",
            "2025-11-20",
            "农村危房改造补助资金〔2025〕12号。",
        ),
        doc(
            "qingshan/n/3.html",
            "高龄津贴发放",
            "青山镇",
            "2026-01-10",
            "80周岁以上老人每月发放高龄津贴。",
        ),
    ]
}

fn text_of(files: &[OutputFile], path: &str) -> String {
    let f = files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("{path} missing"));
    String::from_utf8(f.bytes.clone()).unwrap_or_default()
}

#[test]
fn writes_meta_shards_store_and_facets() {
    let files = build_index(&sample());
    let meta = text_of(&files, "search/meta.js");
    assert!(meta.starts_with("gongkaiSearch.meta({\"version\":1,"));
    assert!(meta.contains("\"townships\":[\"柳河乡\",\"青山镇\"]"));
    assert!(meta.contains("\"years\":[[\"2026\",0,2],[\"2025\",2,3]]"));
    assert!(files.iter().any(|f| f.path == "search/i/0.js"));
    assert!(files.iter().any(|f| f.path == "search/f/t1.js"));
    assert!(files.iter().any(|f| f.path == "search/f/d0.js"));
    let store = text_of(&files, "search/d/0.js");
    // Newest first: the March notice is id 0, the 2025 one id 2.
    let first = store.find("qingshan/n/1.html").unwrap_or(usize::MAX);
    let last = store.find("liuhe/n/2.html").unwrap_or(0);
    assert!(first < last, "{store}");
    assert!(files.windows(2).all(|w| w[0].path < w[1].path), "sorted by path");
}

#[test]
fn output_is_identical_whatever_the_input_order() {
    let a = build_index(&sample());
    let mut reversed = sample();
    reversed.reverse();
    assert_eq!(a, build_index(&reversed));
}

#[test]
fn empty_site_still_has_a_meta_file() {
    let files = build_index(&[]);
    let meta = text_of(&files, "search/meta.js");
    assert!(meta.contains("\"docs\":0"));
    assert!(meta.contains("\"shards\":1"));
}

#[test]
fn the_build_hash_changes_with_content() {
    let a = text_of(&build_index(&sample()), "search/meta.js");
    let mut changed = sample();
    changed[0].text.push('。');
    let b = text_of(&build_index(&changed), "search/meta.js");
    assert_ne!(a, b);
}
