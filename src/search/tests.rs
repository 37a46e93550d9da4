//! Whole-index tests: file layout, determinism, and that the files say what the parts encode.

use super::*;

fn doc(url: &str, title: &str, township: &str, date: &str, text: &str) -> SearchDoc<'static> {
    SearchDoc {
        url: url.into(),
        title: title.into(),
        township: township.into(),
        domain: "社会救助".into(),
        item: "最低生活保障/审核信息".into(),
        date: date.into(),
        text: text.to_string().into(),
        ..Default::default()
    }
}

fn sample() -> Vec<SearchDoc<'static>> {
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

fn meta_json(files: &[OutputFile]) -> serde_json::Value {
    let meta = text_of(files, "search/meta.js");
    let json = meta
        .strip_prefix("gongkaiSearch.meta(")
        .and_then(|s| s.strip_suffix(");\n"));
    serde_json::from_str(json.unwrap_or_default()).unwrap_or_default()
}

/// The notices of store shard `k`, each as its seven fields.
fn store_shard(files: &[OutputFile], k: usize) -> Vec<Vec<String>> {
    let meta = meta_json(files);
    let chars = meta["chars"].as_str().unwrap_or_default();
    let packed_of = |path: &str, call: &str| {
        let text = text_of(files, path);
        let inner = text
            .strip_prefix(call)
            .and_then(|s| s.strip_suffix("\");\n"))
            .map(str::to_string);
        inner.unwrap_or_default()
    };
    let dict = if meta["dict"].as_u64() == Some(0) {
        String::new()
    } else {
        lz::tests::decompress(&packed_of("search/dict.js", "gongkaiSearch.dict(\""), "", chars)
    };
    let packed = packed_of(&format!("search/d/{k}.js"), &format!("gongkaiSearch.docs({k},\""));
    let text = lz::tests::decompress(&packed, &dict, chars);
    text.split('\n')
        .map(|d| d.split('\t').map(str::to_string).collect())
        .collect()
}

#[test]
fn writes_meta_shards_store_and_facets() {
    let files = build_index(&sample());
    let meta = text_of(&files, "search/meta.js");
    assert!(meta.starts_with("gongkaiSearch.meta({\"version\":3,"));
    assert!(files.iter().any(|f| f.path == "search/lex.js"));
    // Items and places are a field of the postings now, not filter files.
    assert!(
        !files
            .iter()
            .any(|f| f.path.starts_with("search/f/i") || f.path.starts_with("search/f/v"))
    );
    assert!(meta.contains("\"townships\":[\"柳河乡\",\"青山镇\"]"));
    assert!(meta.contains("\"years\":[[\"2026\",0,2],[\"2025\",2,3]]"));
    assert!(files.iter().any(|f| f.path == "search/i/0.js"));
    assert!(files.iter().any(|f| f.path == "search/f/t1.js"));
    assert!(files.iter().any(|f| f.path == "search/f/d0.js"));
    // Newest first: the March notice is id 0, the 2025 one id 2.
    let docs = store_shard(&files, 0);
    let urls: Vec<&str> = docs.iter().map(|d| d[0].as_str()).collect();
    assert_eq!(urls, ["qingshan/n/1.html", "qingshan/n/3.html", "liuhe/n/2.html"]);
    assert_eq!(docs[2][1], "柳河村危房改造补助公示");
    assert_eq!(docs[2][2], "0", "township number: 柳河乡 sorts first");
    assert_eq!(docs[0][6], "本期新增低保对象3户，发放3,600元。");
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
fn large_sites_get_a_dictionary_every_shard_decodes_with() {
    let docs: Vec<SearchDoc> = (0..200)
        .map(|i| {
            let text = format!("经审核，本期共有{i}户符合条件。公示期间如有异议，请向镇民政办反映。");
            doc(
                &format!("t/n/{i:03}.html"),
                &format!("第{i}期低保公示"),
                "青山镇",
                "2026-01-01",
                &text,
            )
        })
        .collect();
    let files = build_index(&docs);
    assert!(files.iter().any(|f| f.path == "search/dict.js"));
    assert!(meta_json(&files)["dict"].as_u64().unwrap_or(0) > 10);
    let shard = store_shard(&files, 3);
    assert_eq!(shard.len(), DOCS_PER_SHARD);
    assert_eq!(shard[0][0], "t/n/024.html");
    assert!(shard[0][6].ends_with("公示期间如有异议，请向镇民政办反映。"));
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
    changed[0].text = format!("{}。", changed[0].text.get()).into();
    let b = text_of(&build_index(&changed), "search/meta.js");
    assert_ne!(a, b);
}

#[test]
fn output_does_not_depend_on_the_thread_count() {
    let docs: Vec<SearchDoc> = (0..2100)
        .map(|i| {
            let text = format!(
                "第{i}号公示：本期低保对象{}户，资金{},{:03}元。",
                i % 37,
                i % 9,
                i % 1000
            );
            doc(
                &format!("t/n/{i:04}.html"),
                &format!("公示{}", i % 13),
                "青山镇",
                "2026-01-01",
                &text,
            )
        })
        .collect();
    let build = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("thread pool");
        pool.install(|| build_index(&docs))
    };
    assert!(build(1) == build(3), "1 and 3 threads differ");
}

/// Texts made on demand, as a build's notices are: counts how often each is asked for.
struct Made {
    texts: Vec<String>,
    asked: std::sync::Mutex<Vec<usize>>,
}

impl TextSource for Made {
    fn text(&self, key: usize) -> String {
        if let Ok(mut asked) = self.asked.lock() {
            asked[key] += 1;
        }
        self.texts[key].clone()
    }
}

#[test]
fn texts_made_on_demand_give_the_same_files_and_are_made_at_most_twice() {
    // More than a batch; one notice in ten shares its URL and date with the one before, so the
    // order falls back on the text.
    let n = super::postings::BATCH_DOCS + 700;
    let held: Vec<SearchDoc> = (0..n)
        .map(|i| {
            let k = if i % 10 == 1 { i - 1 } else { i };
            let text = format!(
                "第{i}号：本期低保对象{}户，发放{}元。公示期间如有异议请反映。",
                i % 41,
                i % 997
            );
            doc(
                &format!("t/n/{k:05}.html"),
                "低保公示",
                "青山镇",
                &format!("2026-{:02}-01", 1 + k % 12),
                &text,
            )
        })
        .collect();
    let made = Made {
        texts: held.iter().map(|d| d.text.get().into_owned()).collect(),
        asked: std::sync::Mutex::new(vec![0; n]),
    };
    let later: Vec<SearchDoc> = held
        .iter()
        .enumerate()
        .map(|(i, d)| SearchDoc {
            text: DocText::Later(&made, i),
            ..d.clone()
        })
        .collect();
    assert!(build_index(&held) == build_index(&later), "held and made texts differ");
    let asked = made.asked.lock().map(|a| a.clone()).unwrap_or_default();
    // Once for the index; again for the sample and to order the tied ones, never all at once.
    assert!(asked.iter().all(|&k| k >= 1), "every text was indexed");
    let again = asked.iter().filter(|&&k| k >= 2).count();
    assert!(
        again <= SAMPLE + 2 * n / 10,
        "{again} of {n} texts were made more than once"
    );
}
