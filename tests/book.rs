//! `gongkai book` (issue 14): both books of the fixture build without a browser; the printed
//! 目录's page numbers are the pages where each chapter and guide starts; A4/A5; fonts embedded.

mod common;
use common::*;
use std::path::Path;
use std::process::Command;

fn tool(name: &str, args: &[&str]) -> Option<String> {
    let o = Command::new(name).args(args).output().ok()?;
    Some(String::from_utf8_lossy(&o.stdout).into_owned())
}

fn page_text(pdf: &Path, n: usize) -> String {
    let n = n.to_string();
    tool(
        "pdftotext",
        &["-layout", "-f", &n, "-l", &n, pdf.to_str().unwrap(), "-"],
    )
    .unwrap_or_default()
}

#[test]
fn both_books_print_with_exact_toc_page_numbers() {
    if tool("pdfinfo", &["-v"]).is_none() {
        missing("pdfinfo", "book PDF checks");
        return;
    }
    let (_tmp, root) = copy_site(&fixture("book"));
    let out = tempfile::tempdir().unwrap();
    let o = run(&[
        "book",
        "--root",
        root.to_str().unwrap(),
        "--date",
        "2026-11-28",
        "--output",
        out.path().to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    for (name, size) in [
        ("测试县惠民事项一本通.pdf", "419.53 x 595.28"),
        ("测试县惠企事项一本通.pdf", "595.28 x 841.89"),
    ] {
        let pdf = out.path().join(name);
        let info = tool("pdfinfo", &[pdf.to_str().unwrap()]).unwrap();
        assert!(info.contains(size), "{name}: {info}");
        let pages: usize = info.lines().find(|l| l.starts_with("Pages:")).unwrap()[6..]
            .trim()
            .parse()
            .unwrap();
        let fonts = tool("pdffonts", &[pdf.to_str().unwrap()]).unwrap();
        let font_rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(
            !font_rows.is_empty() && font_rows.iter().all(|l| l.contains(" yes yes yes ")),
            "{fonts}"
        );
        // The printed number of each page (its footer "— N —") → its physical page.
        let texts: Vec<String> = (1..=pages).map(|p| page_text(&pdf, p)).collect();
        let footer = |t: &String| -> Option<u32> {
            let last = t.lines().rev().find(|l| !l.trim().is_empty())?;
            last.contains('—').then(|| {
                last.chars()
                    .filter(char::is_ascii_digit)
                    .collect::<String>()
                    .parse()
                    .ok()
            })?
        };
        let numbered = |n: u32| texts.iter().position(|t| footer(t) == Some(n));
        let toc_page = texts
            .iter()
            .position(|t| {
                t.lines()
                    .next()
                    .is_some_and(|l| l.split_whitespace().collect::<String>() == "目录")
            })
            .expect("a 目录 page");
        let mut entries = 0;
        for line in texts[toc_page].lines() {
            let line = line.trim();
            let Some((text, num)) = line.rsplit_once(' ') else {
                continue;
            };
            let Ok(n) = num.trim().parse::<u32>() else { continue };
            let title = text.trim_end_matches(['·', ' ']).trim();
            if title.is_empty() {
                continue;
            }
            let phys = numbered(n).unwrap_or_else(|| panic!("{name}: no page numbered {n}"));
            let start: String = texts[phys].split_whitespace().collect();
            let want: String = title.split_whitespace().collect();
            assert!(
                start.contains(&want),
                "{name}: 目录 says {title} on page {n}, page reads {}",
                texts[phys]
            );
            entries += 1;
        }
        assert!(
            entries >= 4,
            "{name}: only {entries} 目录 lines read: {}",
            texts[toc_page]
        );
    }
}
