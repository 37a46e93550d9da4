//! `gongkai pack`: the offline bundle (folder or zip), its kiosk layer, `--verify` and
//! `--diff`, run as the real binary on the example site and on fixtures.

mod common;

use common::*;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn pack(root: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "pack",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--date",
        DATE,
    ];
    args.extend_from_slice(extra);
    run(&args)
}

#[track_caller]
fn pack_ok(root: &Path, out: &Path, extra: &[&str]) {
    let o = pack(root, out, extra);
    assert!(o.status.success(), "pack failed:\n{}", stderr(&o));
}

fn verify(dir: &Path) -> Output {
    run(&["pack", "--verify", dir.to_str().unwrap()])
}

/// Every entry of a zip, unpacked into `dir` (names as stored, `/`-separated).
fn unzip(zip: &Path, dir: &Path) -> Vec<String> {
    let mut a = zip::ZipArchive::new(std::fs::File::open(zip).unwrap()).unwrap();
    let mut names = Vec::new();
    for i in 0..a.len() {
        let mut e = a.by_index(i).unwrap();
        let name = e.name().unwrap().to_string();
        let to = name.split('/').fold(dir.to_path_buf(), |p, part| p.join(part));
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        let mut bytes = Vec::new();
        e.read_to_end(&mut bytes).unwrap();
        std::fs::write(&to, bytes).unwrap();
        names.push(name);
    }
    names
}

fn manifest(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&read(&dir.join("manifest.json"))).unwrap()
}

/// `chromium --dump-dom URL` after `budget_ms` of virtual time.
fn dom_after(chrome: &Path, url: &str, budget_ms: u32) -> scraper::Html {
    let profile = tempfile::tempdir().unwrap();
    let o = Command::new(chrome)
        .args(HEADLESS)
        .arg(format!("--virtual-time-budget={budget_ms}"))
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(url)
        .output()
        .expect("run chromium");
    scraper::Html::parse_document(&String::from_utf8_lossy(&o.stdout))
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"/._-".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// `file://` URL with the path percent-encoded (Chinese folder and file names).
fn url_of(p: &Path) -> String {
    format!(
        "file://{}",
        enc(&std::fs::canonicalize(p).unwrap().display().to_string())
    )
}

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

/// A copy of the basic fixture with an external link in a notice body, beside the footer's
/// external 我为政府网站找错 link.
fn site_with_external_links() -> (tempfile::TempDir, PathBuf) {
    let (tmp, root) = copy_site(&fixture("basic"));
    let notice = root.join("content/shiqiao/jiandu.md");
    let text = read(&notice).replace(
        "欢迎社会各界监督。</p>",
        "欢迎社会各界监督。</p>\n\n也可登录[国务院客户端](https://www.gov.cn/)或发邮件至 <mailto:jd@example.gov.cn>。",
    );
    std::fs::write(&notice, text).unwrap();
    (tmp, root)
}

#[test]
fn kiosk_pages_go_home_when_idle_and_never_leave() {
    let (tmp, root) = site_with_external_links();
    let dir = tmp.path().join("kiosk");
    pack_ok(&root, &dir, &["--kiosk", "--idle", "5"]);
    assert_eq!(manifest(&dir)["kiosk"], true);
    assert!(verify(&dir).status.success());
    let site = dir.join("site");
    let pages: Vec<String> = files(&site).into_iter().filter(|f| f.ends_with(".html")).collect();
    assert!(pages.len() > 10);
    let mut spans = 0;
    for f in &pages {
        let page = site.join(f);
        let doc = html(&page);
        for a in doc.select(&sel("a[href]")) {
            let href = a.value().attr("href").unwrap();
            assert!(
                !href.contains(':') && !href.starts_with("//"),
                "{f}: a link that leaves the kiosk: {href}"
            );
        }
        let home: Vec<_> = doc.select(&sel("a.kiosk-home")).collect();
        assert_eq!(home.len(), 1, "{f}: no 返回首页 button");
        assert_eq!(home[0].text().collect::<String>(), "返回首页");
        let to = page.parent().unwrap().join(home[0].value().attr("href").unwrap());
        assert_eq!(
            std::fs::canonicalize(to).unwrap(),
            std::fs::canonicalize(site.join("index.html")).unwrap()
        );
        assert_eq!(doc.select(&sel("html.kiosk")).count(), 1, "{f}");
        assert_eq!(doc.select(&sel("html.kiosk-printer")).count(), 0, "{f}");
        spans += doc.select(&sel("span.kiosk-external")).count();
    }
    // The footer link on every page, and the two links of the notice, kept as text.
    assert_eq!(spans, pages.len() + 2, "external links were not all kept as text");
    let doc = html(&site.join("shiqiao/social-assistance/jiandu.html"));
    assert!(texts(&doc, "span.kiosk-external").contains(&"国务院客户端".to_string()));
    let launcher = read(&dir.join("打开网站.cmd"));
    assert!(launcher.contains("--kiosk \"%URL%\"") && !launcher.contains("--kiosk-printing"));

    let Some(chrome) = chromium() else { return };
    let notice = site.join("shiqiao/social-assistance/jiandu.html");
    assert!(notice.is_file(), "{:?}", files(&site));
    // Before the idle time the reader's page stays; after it the kiosk is back home.
    let early = dom_after(&chrome, &url_of(&notice), 2000);
    assert!(
        texts(&early, "h1").iter().any(|h| h.contains("监督举报")),
        "left the page too early"
    );
    let late = dom_after(&chrome, &url_of(&notice), 9000);
    assert_eq!(texts(&late, "title"), vec!["测试县基层政务公开".to_string()]);
    assert!(!texts(&late, "h1").iter().any(|h| h.contains("监督举报")));
}

#[test]
fn kiosk_with_printer_and_the_normal_build_untouched() {
    let (tmp, root) = copy_site(&fixture("basic"));
    let out = tmp.path().join("public-before");
    build(&root, &out);
    let before = snapshot(&out);
    let marks = ["kiosk.css", "kiosk.js", "kiosk-home", "class=\"kiosk"];
    assert!(!before.iter().any(|(f, b)| {
        let text = String::from_utf8_lossy(b);
        f.contains("kiosk") || marks.iter().any(|m| text.contains(m))
    }));
    let zip = tmp.path().join("查阅机.zip");
    pack_ok(&root, &zip, &["--kiosk", "--printer"]);
    let dir = tmp.path().join("unzipped");
    unzip(&zip, &dir);
    let doc = html(&dir.join("site/index.html"));
    assert_eq!(doc.select(&sel("html.kiosk.kiosk-printer")).count(), 1);
    assert!(read(&dir.join("打开网站.cmd")).contains("--kiosk-printing"));
    assert!(read(&dir.join("site/static/kiosk.css")).contains(".kiosk-printer"));
    // Building after a kiosk pack gives the very same bytes as before it.
    let again = tmp.path().join("public-after");
    build(&root, &again);
    assert!(snapshot(&again) == before, "a normal build changed after a kiosk pack");
    // And the same site and date always give the same zip.
    let zip2 = tmp.path().join("again.zip");
    pack_ok(&root, &zip2, &["--kiosk", "--printer"]);
    assert!(
        std::fs::read(&zip).unwrap() == std::fs::read(&zip2).unwrap(),
        "pack is not reproducible"
    );
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
