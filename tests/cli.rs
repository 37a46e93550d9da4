//! The command line itself (SPEC 4): what a clerk or a villager types wrong, and output that
//! is cut short, answered by the real binary.

mod common;
use common::*;
use std::process::Command;

/// `gongkai ARGS` with `LANG` as given (not the `zh_CN` that `common::run` sets).
fn run_lang(env_lang: &str, args: &[&str]) -> std::process::Output {
    Command::new(bin())
        .args(args)
        .env("LANG", env_lang)
        .output()
        .expect("run gongkai")
}

#[test]
fn an_unknown_lang_is_a_usage_error_that_lists_zh_and_en() {
    let root = repo();
    let root = root.to_str().unwrap();
    // Chinese by default, whatever the command.
    for args in [
        &["--lang", "fr", "catalog", "list"][..],
        &["catalog", "list", "--lang", "english", "--root", root][..],
        &["--lang", "", "explain", "GK013"][..],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        let e = stderr(&o);
        assert!(
            e.contains("--lang") && e.contains("zh, en") && e.contains("可用的值"),
            "{e}"
        );
        assert!(stdout(&o).is_empty(), "nothing runs: {}", stdout(&o));
    }
    // In English where LANG says so.
    let o = run_lang("en_US.UTF-8", &["--lang", "fr", "catalog", "list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Accepted values: zh, en"), "{}", stderr(&o));
    // The two accepted values (any case) still work.
    for l in ["zh", "en", "EN"] {
        let o = run(&["--lang", l, "catalog", "list", "--root", root]);
        assert!(o.status.success(), "--lang {l}: {}", stderr(&o));
    }
}
