//! A large site's sources are held compressed (src/load/held.rs). The form a text is held in
//! must never show: the same site, held plainly and held compressed, gives the same files
//! byte for byte and the same diagnostics, positions and source lines included.

mod common;
use common::*;
use std::process::Command;

/// `gongkai ARGS` with every text held compressed (`GONGKAI_PACK_ABOVE_MB=0`).
fn run_packed(args: &[&str]) -> std::process::Output {
    Command::new(bin())
        .args(args)
        .env("LANG", "zh_CN.UTF-8")
        .env("GONGKAI_PACK_ABOVE_MB", "0")
        .env("GONGKAI_TIMINGS", "1")
        .output()
        .expect("run gongkai")
}

#[test]
fn the_example_site_builds_the_same_from_compressed_texts() {
    let tmp = tempfile::tempdir().unwrap();
    let (plain, packed) = (tmp.path().join("plain"), tmp.path().join("packed"));
    let root = repo();
    build(&root, &plain);
    let args = |out: &std::path::Path| {
        [
            "build".to_string(),
            "--root".into(),
            root.to_str().unwrap().into(),
            "--output".into(),
            out.to_str().unwrap().into(),
            "--date".into(),
            DATE.into(),
        ]
    };
    let a = args(&packed);
    let o = run_packed(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(o.status.success(), "{}", stderr(&o));
    let (held, read) = held_and_read(&stderr(&o));
    assert!(held < read, "texts held compressed: {held} KiB for {read} KiB");
    let (fa, fb) = (files(&plain), files(&packed));
    assert!(fa.len() > 100, "the example site has pages: {}", fa.len());
    assert_eq!(fa, fb);
    for f in &fa {
        assert!(
            std::fs::read(plain.join(f)).unwrap() == std::fs::read(packed.join(f)).unwrap(),
            "{f} differs"
        );
    }
}

/// The load stage's figures: KiB of text held, KiB read.
fn held_and_read(timings: &str) -> (u64, u64) {
    let line = timings
        .lines()
        .find(|l| l.contains("texts:"))
        .unwrap_or_else(|| panic!("no texts line:\n{timings}"));
    let n: Vec<u64> = line.split_whitespace().filter_map(|w| w.parse().ok()).collect();
    (n[0], n[1])
}

#[test]
fn diagnostics_read_compressed_texts_as_written() {
    // A clerk's usual mistakes, each quoting its source line: an unmasked ID number, a bad
    // date, a GBK file, a missing element.
    let (_t, root) = site_with(&[
        ("id-number.md", "content/qingshan/id-number.md"),
        ("bad-date.md", "content/qingshan/bad-date.md"),
        ("gbk.md", "content/qingshan/gbk.md"),
        ("fullwidth-colon.md", "content/qingshan/fullwidth-colon.md"),
    ]);
    let args = ["check", "--root", root.to_str().unwrap(), "--date", DATE];
    let plain = run(&args);
    let packed = run_packed(&args);
    let shown = stderr(&plain);
    let timed = stderr(&packed);
    let (held, read) = held_and_read(&timed);
    assert!(held < read, "texts held compressed: {held} KiB for {read} KiB");
    let packed_shown: String = timed
        .lines()
        .filter(|l| !l.starts_with("[timing]"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(shown.contains("GK001") && shown.contains("错误"), "{shown}");
    assert!(shown.matches(" | ").count() >= 3, "source lines are quoted:\n{shown}");
    assert_eq!(shown, packed_shown);
    assert_eq!(plain.status.code(), packed.status.code());
    assert_eq!(plain.status.code(), Some(1));
}
