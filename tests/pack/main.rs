//! `gongkai pack`: the offline bundle (folder or zip), its kiosk layer, `--verify` and
//! `--diff`, run as the real binary on the example site and on fixtures.

#[path = "../common/mod.rs"]
mod common;
mod helpers;
mod kiosk;

use common::*;
use helpers::*;

#[test]
fn example_zip_opens_offline_searches_and_is_the_build() {
    let tmp = tempfile::tempdir().unwrap();
    let zip = tmp.path().join("示例县.zip");
    pack_ok(&repo(), &zip, &[]);
    let dir = tmp.path().join("unzipped");
    let names = unzip(&zip, &dir);
    for top in [
        "打开网站.html",
        "打开网站.cmd",
        "说明.txt",
        "manifest.json",
        "site/index.html",
        "site/search.html",
    ] {
        assert!(names.iter().any(|n| n == top), "no {top} in the zip: {names:?}");
    }

    // The manifest lists every other file with its size and SHA-256, and the build date.
    let m = manifest(&dir);
    assert_eq!(m["date"], DATE);
    assert_eq!(m["kiosk"], false);
    let listed: Vec<String> = m["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap().to_string())
        .collect();
    let mut on_disk = files(&dir);
    on_disk.retain(|f| f != "manifest.json");
    assert_eq!(listed, on_disk);
    let v = verify(&dir);
    assert!(v.status.success(), "{}", stderr(&v));
    assert!(
        stderr(&v).contains(&format!("检查通过：{} 个文件", listed.len())),
        "{}",
        stderr(&v)
    );

    // The site in the bundle is, byte for byte, what `gongkai build` writes.
    let built = tmp.path().join("built");
    build(&repo(), &built);
    assert!(
        snapshot(&built) == snapshot(&dir.join("site")),
        "the bundle's site differs from the build"
    );
    assert!(!files(&built).iter().any(|f| f.contains("kiosk")));

    // The launcher: plain ASCII with CRLF lines, Edge or Chrome in app mode on the local page.
    let cmd = std::fs::read(dir.join("打开网站.cmd")).unwrap();
    assert!(cmd.is_ascii());
    let cmd = String::from_utf8(cmd).unwrap();
    assert!(
        !cmd.replace("\r\n", "").contains('\n'),
        "launcher lines must end in CRLF"
    );
    assert!(cmd.contains("msedge.exe") && cmd.contains("chrome.exe") && cmd.contains("--app="));
    let target = cmd
        .lines()
        .find_map(|l| l.strip_prefix("set \"PAGE=%~dp0"))
        .and_then(|l| l.strip_suffix('"'))
        .expect("the launcher sets PAGE");
    let page = target.split('\\').fold(dir.clone(), |p, part| p.join(part));
    assert!(
        page.is_file(),
        "the launcher opens {target}, which is not in the bundle"
    );
    // The README is Chinese, with a BOM and CRLF lines for Notepad.
    let readme = std::fs::read(dir.join("说明.txt")).unwrap();
    assert!(readme.starts_with("\u{feff}".as_bytes()));
    let readme = String::from_utf8(readme).unwrap();
    assert!(readme.contains("gongkai pack --verify") && readme.contains("\r\n"));

    let Some(chrome) = chromium() else { return };
    // The launcher's target page, from file://, and a search run from it.
    let home = dom_after(&chrome, &url_of(&page), 3000);
    assert_eq!(texts(&home, "title"), vec!["示例县基层政务公开".to_string()]);
    let search = page.parent().unwrap().join("search.html");
    let results = dom_after(&chrome, &format!("{}?q={}", url_of(&search), enc("低保")), 5000);
    let links: Vec<String> = results
        .select(&sel("#search-results a[href]"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert!(links.len() >= 3, "too few results for 低保: {links:?}");
    for l in &links {
        assert!(
            search.parent().unwrap().join(l).is_file(),
            "result {l} is not in the bundle"
        );
    }
    // 打开网站.html forwards to the same home page.
    let opened = dom_after(&chrome, &url_of(&dir.join("打开网站.html")), 3000);
    assert_eq!(texts(&opened, "title"), vec!["示例县基层政务公开".to_string()]);
    assert!(
        !texts(&opened, ".site-title").is_empty(),
        "打开网站.html did not open the site"
    );
}

#[test]
fn verify_fails_after_a_flipped_byte_and_a_deleted_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("U盘");
    pack_ok(&fixture("basic"), &dir, &[]);
    assert!(verify(&dir).status.success());

    // Windows drops Thumbs.db into folders it shows: a warning, not a failure.
    std::fs::write(dir.join("site/Thumbs.db"), b"x").unwrap();
    let v = verify(&dir);
    assert!(v.status.success(), "{}", stderr(&v));
    assert!(stderr(&v).contains("警告[GK126]") && stderr(&v).contains("site/Thumbs.db"));

    // One byte flipped, size unchanged.
    let page = dir.join("site/index.html");
    let good = std::fs::read(&page).unwrap();
    let mut bad = good.clone();
    bad[good.len() / 2] ^= 0x01;
    std::fs::write(&page, &bad).unwrap();
    let v = verify(&dir);
    assert_eq!(v.status.code(), Some(1), "{}", stderr(&v));
    let e = stderr(&v);
    assert!(
        e.contains("错误[GK125]") && e.contains("site/index.html") && e.contains("SHA-256"),
        "{e}"
    );
    assert!(e.contains("重新拷贝"), "no fix in {e}");
    assert!(e.contains("检查未通过"), "{e}");
    std::fs::write(&page, &good).unwrap();
    assert!(verify(&dir).status.success());

    // One file deleted.
    let gone = dir.join("site/static/search.js");
    std::fs::remove_file(&gone).unwrap();
    let v = run(&["--lang", "en", "pack", "--verify", dir.to_str().unwrap()]);
    assert_eq!(v.status.code(), Some(1));
    let e = stderr(&v);
    assert!(
        e.contains("error[GK124]") && e.contains("site/static/search.js is missing"),
        "{e}"
    );

    // No manifest at all, and no folder at all.
    std::fs::remove_file(dir.join("manifest.json")).unwrap();
    let v = verify(&dir);
    assert_eq!(v.status.code(), Some(1));
    assert!(stderr(&v).contains("GK127"), "{}", stderr(&v));
    let v = verify(&tmp.path().join("nowhere"));
    assert_eq!(v.status.code(), Some(2));
}

#[test]
fn long_chinese_names_and_deep_folders_fit_windows_and_fat32() {
    let (tmp, root) = copy_site(&fixture("basic"));
    let deep = root.join("content/qingshan/2026年/第三季度/社会救助/最低生活保障/柳河村/审核公示/定稿");
    std::fs::create_dir_all(&deep).unwrap();
    let long_name =
        "青山镇柳河村二〇二六年第三季度农村最低生活保障对象审核确认结果及救助金额公示（第二批次，含动态调整名单）";
    let attachment = format!("{long_name}附件一：民主评议会议记录.pdf");
    let src = read(&root.join("content/qingshan/低保办事指南.md"))
        .replace("附件: [低保申请表.pdf]", &format!("附件: [\"{attachment}\"]"))
        .replace(
            "详见[申请表](低保申请表.pdf)，另见[第四季度公示](liuhe/dibao-2026q4.md)",
            "详见附件",
        );
    std::fs::write(deep.join(format!("{long_name}.md")), src).unwrap();
    std::fs::write(deep.join(&attachment), b"%PDF-1.4\n").unwrap();
    let zip = tmp.path().join("bundle.zip");
    pack_ok(&root, &zip, &[]);
    let dir = tmp.path().join("u");
    let names = unzip(&zip, &dir);
    for n in &names {
        let len = n.encode_utf16().count();
        assert!(len <= 179, "{n}: {len} characters");
        for part in n.split('/') {
            assert!(
                !part.ends_with('.') && !part.ends_with(' ') && part.encode_utf16().count() <= 255,
                "{n}"
            );
            assert!(
                !part.chars().any(|c| "<>:\"\\|?*".contains(c) || (c as u32) < 0x20),
                "{n}"
            );
        }
    }
    // The deep notice and its attachment made it, under short ASCII names.
    let page = names
        .iter()
        .find(|n| n.starts_with("site/qingshan/") && read(&dir.join(n.as_str())).contains("民主评议会议记录"))
        .expect("the deep notice's page");
    assert!(page.is_ascii(), "{page}");
    assert!(names.iter().any(|n| n.ends_with("-1.pdf")), "{names:?}");
    assert!(verify(&dir).status.success());
}

#[test]
fn names_windows_cannot_hold_are_refused_with_the_file_and_the_fix() {
    let (tmp, root) = copy_site(&fixture("basic"));
    let notice = read(&root.join("content/shiqiao/jiandu.md"));
    std::fs::write(root.join("content/shiqiao/aux.md"), &notice).unwrap();
    let long = "shiqiao-xiang-she-hui-jiu-zhu-jian-du-ju-bao-fang-shi-gong-gao-".repeat(3);
    std::fs::write(root.join(format!("content/shiqiao/{long}.md")), &notice).unwrap();
    let before = snapshot(&root);
    let out = tmp.path().join("bundle.zip");
    let o = pack(&root, &out, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(
        e.contains("错误[GK121]") && e.contains("--> content/shiqiao/aux.md:1:1"),
        "{e}"
    );
    assert!(
        e.contains("文件名“aux.md”") && e.contains("设备保留名") && e.contains("aux-2026.md"),
        "{e}"
    );
    assert!(
        e.contains("错误[GK120]") && e.contains(&format!("--> content/shiqiao/{long}.md:1:1")),
        "{e}"
    );
    assert!(e.contains("超过 Windows 的路径长度限制") && e.contains("改短"), "{e}");
    assert!(e.contains("未打包，没有写入任何文件"), "{e}");
    let en = run(&[
        "--lang",
        "en",
        "pack",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--date",
        DATE,
    ]);
    assert!(stderr(&en).contains("is a Windows device name"), "{}", stderr(&en));
    assert!(!out.exists());
    assert_eq!(
        std::fs::read_dir(tmp.path()).unwrap().count(),
        1,
        "pack left files behind"
    );
    assert!(snapshot(&root) == before, "pack changed the site");
}

#[test]
fn a_site_with_errors_or_a_bad_output_is_not_packed() {
    let (tmp, root) = site_with(&[("fullwidth-colon.md", "content/qingshan/fullwidth-colon.md")]);
    let before = snapshot(&root);
    let out = tmp.path().join("bundle");
    let o = pack(&root, &out, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("GK013") && stderr(&o).contains("未打包"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
    assert!(snapshot(&root) == before);

    // --output the site itself, or a folder of other files: refused, nothing touched.
    let (tmp, root) = copy_site(&fixture("basic"));
    let before = snapshot(&root);
    for target in [root.clone(), root.join("content")] {
        let o = pack(&root, &target, &[]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(stderr(&o).contains("GK128"), "{}", stderr(&o));
    }
    assert!(snapshot(&root) == before, "pack replaced the site's files");
    let other = tmp.path().join("资料");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("工作总结.docx"), b"x").unwrap();
    let o = pack(&root, &other, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("不是 gongkai 打包的文件夹"), "{}", stderr(&o));
    assert!(other.join("工作总结.docx").is_file());
    // A previous bundle is replaced.
    let dir = tmp.path().join("bundle");
    pack_ok(&root, &dir, &[]);
    pack_ok(&root, &dir, &[]);
    assert!(verify(&dir).status.success());
}

#[test]
fn diff_lists_what_to_upload_again() {
    let (tmp, root) = copy_site(&fixture("basic"));
    let old = tmp.path().join("old");
    pack_ok(&root, &old, &[]);
    let notice = root.join("content/qingshan/liuhe/dibao-2026q4.md");
    let text = read(&notice);
    std::fs::write(
        &notice,
        text.replacen("\n\n", "\n\n本期名单已经村民代表会议评议。\n\n", 1),
    )
    .unwrap();
    std::fs::remove_file(root.join("content/shiqiao/jiandu.md")).unwrap();
    let new = tmp.path().join("new.zip");
    pack_ok(&root, &new, &[]);
    let o = run(&["pack", "--diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<(&str, &str)> = out.lines().map(|l| l.split_once('\t').unwrap()).collect();
    assert!(
        lines
            .iter()
            .any(|(k, p)| *k == "修改" && p.ends_with("/dibao-2026q4.html")),
        "{out}"
    );
    assert!(
        lines.iter().any(|(k, p)| *k == "删除" && p.ends_with("/jiandu.html")),
        "{out}"
    );
    assert!(
        !lines
            .iter()
            .any(|(_, p)| p.contains("打开网站") || p.contains("static/")),
        "{out}"
    );
    assert!(!lines.iter().any(|(k, _)| *k == "新增"), "{out}");
    assert!(
        stderr(&o).contains("删除 1 个文件") || stderr(&o).contains("删除 "),
        "{}",
        stderr(&o)
    );
    // A bundle against itself: nothing to upload.
    let o = run(&[
        "pack",
        "--diff",
        old.to_str().unwrap(),
        old.join("manifest.json").to_str().unwrap(),
    ]);
    assert!(o.status.success() && stdout(&o).is_empty(), "{}", stdout(&o));
    let o = run(&[
        "pack",
        "--diff",
        old.to_str().unwrap(),
        tmp.path().join("none").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
}
