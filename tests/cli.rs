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

/// `gongkai ARGS` with standard output piped: read `lines` lines (none: close the pipe at
/// once, before the command wrote anything), close the pipe, wait. The exit status and
/// standard error.
fn cut_short(args: &[&str], lines: usize) -> (Option<i32>, String) {
    use std::io::{BufRead, Read};
    let mut child = Command::new(bin())
        .args(args)
        .env("LANG", "zh_CN.UTF-8")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn gongkai");
    let out = child.stdout.take().unwrap();
    if lines > 0 {
        let mut r = std::io::BufReader::new(out);
        for _ in 0..lines {
            let mut l = String::new();
            r.read_line(&mut l).unwrap();
            assert!(!l.is_empty(), "{args:?} printed fewer than {lines} lines");
        }
        drop(r);
    } else {
        drop(out);
    }
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    (child.wait().unwrap().code(), err)
}

#[test]
fn no_command_panics_when_its_output_is_cut_short() {
    let root = repo();
    let root = root.to_str().unwrap();
    let cases: &[&[&str]] = &[
        &["catalog", "show", "社会救助", "--root", root],
        &["catalog", "show", "社会救助", "--format", "json", "--root", root],
        &["catalog", "list", "--root", root],
        &["explain", "GK013"],
        &["check", "--format", "json", "--date", DATE, "--root", root],
    ];
    for args in cases {
        // `| head -1`, and a reader that has gone before the first line.
        for lines in [1, 0] {
            let (code, err) = cut_short(args, lines);
            assert!(!err.contains("panicked"), "{args:?} after {lines} line(s): {err}");
            assert!(code.is_some(), "{args:?} killed by a signal");
            assert_ne!(code, Some(101), "{args:?}: {err}");
            if lines == 0 {
                assert_eq!(code, Some(0), "{args:?}: stops quietly, status 0: {err}");
            }
        }
    }
}

/// Display columns of `s` as a terminal shows it: a Chinese character (or full-width
/// punctuation) takes two, ASCII one. Enough for the catalog names.
fn columns(s: &str) -> usize {
    s.chars().map(|c| if (c as u32) < 0x1100 { 1 } else { 2 }).sum()
}

/// The display column where each space-separated field of `line` starts.
fn field_starts(line: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut prev_space = true;
    for (i, c) in line.char_indices() {
        if c != ' ' && prev_space {
            starts.push(columns(&line[..i]));
        }
        prev_space = c == ' ';
    }
    starts
}

#[test]
fn catalog_list_aligns_its_columns_by_display_width() {
    let o = run(&["catalog", "list", "--root", repo().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let table: Vec<&str> = out.lines().filter(|l| !l.starts_with("共 ")).collect();
    assert!(table.len() > 20, "{out}");
    assert!(table.iter().any(|l| l.contains("社会救助")), "{out}");
    let header = field_starts(table[0]);
    assert_eq!(header.len(), 4, "{}", table[0]);
    for l in &table[1..] {
        let f = field_starts(l);
        assert!(f.len() >= 4, "{l}");
        // Name and source start where the header's do; the count ends where 事项 ends.
        assert_eq!(f[1], header[1], "name column of {l:?}\n{out}");
        assert_eq!(f[3], header[3], "source column of {l:?}\n{out}");
        let count = l.split_whitespace().nth(2).unwrap();
        assert!(count.parse::<usize>().is_ok(), "{l}");
        assert_eq!(f[2] + count.len(), header[2] + columns("事项"), "count of {l:?}\n{out}");
    }
}

#[test]
fn clap_errors_are_in_chinese_by_default_and_in_english_with_lang_en() {
    let cases: &[(&[&str], &[&str])] = &[
        (&["bulid"], &["没有命令“bulid”", "是不是要写“build”"]),
        (&["board"], &["缺少必填的参数", "--village"]),
        (&["build", "--bogus"], &["不认识的参数“--bogus”"]),
        (
            &["catalog", "list", "--format", "xml"],
            &["的值“xml”不可用", "human, json"],
        ),
    ];
    for (args, says) in cases {
        let o = run(args);
        let e = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {e}");
        for s in *says {
            assert!(e.contains(s), "{args:?} lacks {s:?}: {e}");
        }
        assert!(!e.contains("error:"), "{args:?} still English: {e}");
        // --lang en (either spelling), or LANG=en_US, keeps clap's English.
        let mut en = vec!["--lang", "en"];
        en.extend_from_slice(args);
        let mut en_eq = vec!["--lang=en"];
        en_eq.extend_from_slice(args);
        for o in [run(&en), run(&en_eq), run_lang("en_US.UTF-8", args)] {
            assert_eq!(o.status.code(), Some(2), "{args:?}");
            assert!(stderr(&o).starts_with("error:"), "{args:?}: {}", stderr(&o));
        }
    }
    // --help and --version still succeed, printed as they are.
    for a in ["--help", "--version"] {
        let o = run(&[a]);
        assert_eq!(o.status.code(), Some(0), "{a}");
        assert!(!stdout(&o).is_empty(), "{a}");
    }
}

/// Every `gongkai SUB …` a text names must be a command the binary has, with the flags it
/// names: `SUB --help` succeeds and lists each `--flag`.
#[track_caller]
fn names_real_commands(text: &str, what: &str) {
    for (i, _) in text.match_indices("gongkai ") {
        let rest = &text[i + "gongkai ".len()..];
        let words: Vec<&str> = rest
            .split(|c: char| c.is_whitespace() || "，。；）)“”`'\"".contains(c))
            .take_while(|w| !w.is_empty())
            .collect();
        // `catalog import`: the command path is the leading lower-case words.
        let path: Vec<&str> = words
            .iter()
            .copied()
            .take_while(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '-') && !w.starts_with('-'))
            .take(2)
            .collect();
        if path.is_empty() {
            continue;
        }
        let sub = path.join(" ");
        let mut args = path.clone();
        args.push("--help");
        let o = run(&args);
        assert!(
            o.status.success(),
            "{what}: `gongkai {sub}` is no command: {}",
            stderr(&o)
        );
        let help = stdout(&o);
        for flag in words.iter().filter(|w| w.starts_with("--")) {
            let flag = flag.split('=').next().unwrap();
            assert!(help.contains(flag), "{what}: `gongkai {sub}` has no {flag}");
        }
    }
}

#[test]
fn explanations_that_point_at_a_report_name_the_command_that_makes_it() {
    // Issue 18: a hint that says "listed in the report" must say which command writes it.
    for code in gongkai::diag::Code::ALL {
        for lang in ["zh", "en"] {
            let o = run(&["explain", code.as_str(), "--lang", lang]);
            let text = stdout(&o);
            // English prose says "gongkai reads …"; the Chinese text names commands only.
            if lang == "zh" {
                names_real_commands(&text, code.as_str());
            }
            let own = matches!(code.as_str(), "GK101" | "GK102" | "GK103" | "GK104" | "GK105");
            let says_report = text
                .match_indices(" report")
                .any(|(i, m)| !text[i + m.len()..].starts_with(|c: char| c.is_ascii_alphabetic()));
            // The annual report (年报, GK19x) is written by `gongkai annual`, the assessment
            // report by `gongkai report`.
            if (text.contains("报告") || says_report) && !own {
                assert!(
                    text.contains("gongkai report") || text.contains("gongkai annual"),
                    "{} ({lang}) names a report without its command:\n{text}",
                    code.as_str()
                );
            }
        }
    }
}

#[test]
fn the_late_hint_names_gongkai_report() {
    let (_t, root) = site_with(&[("late.md", "content/qingshan/late.md")]);
    for lang in ["zh", "en"] {
        let (diags, _) = check_json_at(&root, DATE, &["--lang", lang]);
        let d = diags.iter().find(|d| d["code"] == "GK040").expect("GK040");
        let hint = d["hint"].as_str().unwrap();
        assert!(hint.contains("gongkai report") && hint.contains("逾期公开"), "{hint}");
        if lang == "zh" {
            names_real_commands(hint, "GK040");
        }
    }
}
