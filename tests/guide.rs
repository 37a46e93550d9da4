//! docs/guide.md, the clerks' guide, is run as written: every `gongkai …` line of its fenced
//! blocks runs in order in a fresh folder (`cd` followed), the notice files it shows are
//! written where it says (`<!-- 写入 PATH -->` before the block), the edits it describes are
//! made (`<!-- 替换 PATH: OLD => NEW -->`), a `# 退出码 N` comment is the exit status expected
//! (else 0) with the codes it names, and an output block (`<!-- 输出 -->`) must be exactly
//! what the command before it printed. Only `--date` is added, so that nothing depends on the
//! day the test runs. Every `gongkai …` in inline code names a real command and real flags.
//! The table of common mistakes quotes each code's title and fix as the binary has them.

mod common;
use common::*;
use std::path::PathBuf;

fn guide() -> String {
    read(&repo().join("docs/guide.md"))
}

/// Split a command line on spaces (the guide quotes nothing).
fn words(line: &str) -> Vec<String> {
    line.split_whitespace().map(str::to_string).collect()
}

const DATED: &[&str] = &["init", "new", "check", "build", "board", "pack", "report", "serve"];

/// `gongkai SUB --help` lists every `--flag` of `args`.
#[track_caller]
fn flags_exist(args: &[String]) {
    let path: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .take_while(|w| !w.starts_with('-') && w.chars().all(|c| c.is_ascii_lowercase()))
        .take(2)
        .collect();
    if path.is_empty() {
        // `gongkai --version` and the like.
        return;
    }
    let mut help_args = path.clone();
    help_args.push("--help");
    let o = run(&help_args);
    assert!(
        o.status.success(),
        "`gongkai {}` is no command: {}",
        path.join(" "),
        stderr(&o)
    );
    let help = stdout(&o);
    for f in args.iter().filter(|w| w.starts_with("--")) {
        assert!(help.contains(f.as_str()), "`gongkai {}` has no {f}", path.join(" "));
    }
}

#[test]
fn every_command_of_the_guide_runs_as_written() {
    let text = guide();
    let tmp = tempfile::tempdir().unwrap();
    let mut cwd: PathBuf = tmp.path().to_path_buf();
    let mut pending_write: Option<String> = None;
    let mut expect_output = false;
    let mut last_stderr = String::new();
    let mut ran = 0;
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let t = line.trim();
        if let Some(p) = t.strip_prefix("<!-- 写入 ").and_then(|r| r.strip_suffix(" -->")) {
            pending_write = Some(p.trim().to_string());
            continue;
        }
        if let Some(r) = t.strip_prefix("<!-- 替换 ").and_then(|r| r.strip_suffix(" -->")) {
            let (path, edit) = r.split_once(": ").unwrap();
            let (old, new) = edit.split_once(" => ").unwrap();
            let f = cwd.join(path);
            let body = read(&f);
            assert!(body.contains(old), "{old:?} not in {}", f.display());
            std::fs::write(&f, body.replacen(old, new, 1)).unwrap();
            continue;
        }
        if t == "<!-- 输出 -->" {
            expect_output = true;
            continue;
        }
        let Some(lang) = t.strip_prefix("```") else { continue };
        let indent = line.len() - line.trim_start().len();
        let mut block = Vec::new();
        for l in lines.by_ref() {
            if l.trim() == "```" {
                break;
            }
            block.push(l.get(indent..).unwrap_or(l.trim_start()));
        }
        let body = block.join("\n") + "\n";
        if let Some(p) = pending_write.take() {
            let f = cwd.join(&p);
            assert!(
                f.parent().unwrap().is_dir(),
                "the guide writes {p} into a folder that does not exist"
            );
            std::fs::write(&f, &body).unwrap();
            continue;
        }
        if expect_output {
            expect_output = false;
            assert_eq!(
                last_stderr.trim_end(),
                body.trim_end(),
                "the guide's output block is not what the tool prints"
            );
            continue;
        }
        if lang != "sh" {
            continue;
        }
        for l in block {
            let (cmd, comment) = match l.split_once('#') {
                Some((c, m)) => (c.trim(), m.trim()),
                None => (l.trim(), ""),
            };
            if let Some(dir) = cmd.strip_prefix("cd ") {
                cwd = cwd.join(dir.trim());
                assert!(cwd.is_dir(), "cd {dir}: no such folder");
                continue;
            }
            let Some(rest) = cmd.strip_prefix("gongkai") else {
                continue;
            };
            let mut args = words(rest);
            flags_exist(&args);
            if args.first().is_some_and(|a| DATED.contains(&a.as_str())) && !args.iter().any(|a| a == "--date") {
                args.extend(["--date".to_string(), DATE.to_string()]);
            }
            let o = std::process::Command::new(bin())
                .args(&args)
                .current_dir(&cwd)
                .env("LANG", "zh_CN.UTF-8")
                .output()
                .unwrap();
            let want: i32 = comment
                .strip_prefix("退出码 ")
                .and_then(|r| r.chars().next())
                .and_then(|c| c.to_digit(10))
                .map_or(0, |d| d as i32);
            last_stderr = stderr(&o);
            assert_eq!(
                o.status.code(),
                Some(want),
                "gongkai {}:\n{last_stderr}",
                args.join(" ")
            );
            for code in comment
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| w.starts_with("GK"))
            {
                assert!(
                    last_stderr.contains(&format!("[{code}]")),
                    "gongkai {}: no {code}:\n{last_stderr}",
                    args.join(" ")
                );
            }
            ran += 1;
        }
    }
    assert!(ran >= 12, "only {ran} commands ran");
    // What the guide promises came out: a site, a board file, a bundle that verifies.
    let site = tmp.path().join("我的站点");
    assert!(site.join("public/index.html").is_file());
    let board = site.join(format!("board-dongcun-{DATE}.html"));
    let doc = html(&board);
    assert!(
        texts(&doc, ".board-list tbody td")
            .iter()
            .any(|t| t == "东村2026年第四季度最低生活保障审核对象公示"),
        "the guide's notice is not on the board"
    );
    assert!(site.join("公开网站/打开网站.html").is_file());
}

#[test]
fn inline_commands_name_real_commands_and_flags() {
    let text = guide();
    let mut n = 0;
    for span in text.split('`').skip(1).step_by(2) {
        if let Some(rest) = span.strip_prefix("gongkai ") {
            flags_exist(&words(rest));
            n += 1;
        }
    }
    assert!(n >= 5, "{n}");
}

#[test]
fn the_table_of_mistakes_quotes_the_tools_own_words() {
    let text = guide();
    let mut rows = 0;
    for l in text.lines().filter(|l| l.starts_with("| GK")) {
        let cells: Vec<&str> = l.trim_matches('|').split(" | ").map(str::trim).collect();
        let o = run(&["explain", cells[0]]);
        assert!(o.status.success(), "{}", cells[0]);
        let out = stdout(&o);
        let title = out.lines().next().unwrap();
        if cells.len() == 3 && cells[2].starts_with("GK") {
            // The masking table: | 号码 | 遮蔽后 | 代码 |.
            continue;
        }
        assert_eq!(title, format!("{}: {}", cells[0], cells[1]), "title of {}", cells[0]);
        let fix = out.lines().find_map(|l| l.strip_prefix("怎样改正：")).unwrap();
        assert_eq!(fix, cells[2], "fix of {}", cells[0]);
        rows += 1;
    }
    assert!(rows >= 20, "{rows}");
    // Every code the guide names exists.
    for (i, _) in text.match_indices("GK") {
        let code: String = text[i..].chars().take(5).collect();
        if code[2..].chars().all(|c| c.is_ascii_digit()) {
            assert!(run(&["explain", &code]).status.success(), "{code}");
        }
    }
}
