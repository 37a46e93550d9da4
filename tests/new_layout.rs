//! Issue 18: `gongkai new` follows the folders the site already has, on the bundled example
//! site (青山镇 names its domain folders in Chinese and keeps a folder per village; 柳河乡
//! uses English slugs and `villages/<slug>/`), and names a new domain folder as its siblings
//! are named.

mod common;
use common::*;
use std::path::Path;

fn new_at(root: &Path, args: &[&str]) -> String {
    let mut all = vec!["new", "--root", root.to_str().unwrap(), "--date", "2026-11-20"];
    all.extend_from_slice(args);
    let o = run(&all);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    let p = std::path::PathBuf::from(stdout(&o).lines().next().unwrap().trim());
    assert!(p.is_file(), "{}", p.display());
    p.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/")
}

#[test]
fn new_notices_go_into_the_folders_the_site_uses() {
    let (_t, root) = copy_site(&repo());
    assert!(root.join("content/qingshan/社会救助").is_dir());
    let item = "社会救助/最低生活保障/审核信息";
    assert_eq!(
        new_at(&root, &[item, "--township", "青山镇"]),
        "content/qingshan/社会救助/青山镇审核信息.md"
    );
    assert!(!root.join("content/qingshan/social-assistance").exists());
    // The village folder is the one whose _index.md gives 村: 桃园村.
    assert_eq!(
        new_at(&root, &[item, "--township", "青山镇", "--village", "桃园村"]),
        "content/qingshan/桃园村/青山镇桃园村审核信息.md"
    );
    // 柳河乡 uses slugs, and villages/<slug>/.
    assert_eq!(
        new_at(&root, &[item, "--township", "柳河乡"]),
        "content/liuhe/social-assistance/柳河乡审核信息.md"
    );
    assert_eq!(
        new_at(&root, &[item, "--township", "柳河乡", "--village", "河湾村"]),
        "content/liuhe/villages/hewan/柳河乡河湾村审核信息.md"
    );
    // Every notice written resolves as intended: each is only reported for its leftovers.
    let (diags, _) = check_json(&root);
    let new_files: Vec<&str> = diags
        .iter()
        .filter(|d| d["file"].as_str().unwrap().contains("审核信息.md"))
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(
        new_files.iter().all(|c| ["GK170", "GK171", "GK172"].contains(c)),
        "{diags:#?}"
    );
}

#[test]
fn a_new_domain_folder_is_named_like_its_siblings() {
    let (_t, root) = copy_site(&repo());
    // 石桥镇 has Chinese domain folders but none for 城乡规划 yet.
    let item = "城乡规划";
    let o = run(&["catalog", "show", item, "--root", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let zh = root.join("content/shiqiao");
    let domain_dirs = std::fs::read_dir(&zh).unwrap().count();
    assert!(domain_dirs > 5);
    let rel = new_at(&root, &["up-05", "--township", "石桥镇"]);
    assert!(rel.starts_with("content/shiqiao/城乡规划/"), "{rel}");
    // And 柳河乡, with slugs, gets the slug.
    let rel = new_at(&root, &["up-05", "--township", "柳河乡"]);
    assert!(rel.starts_with("content/liuhe/urban-rural-planning/"), "{rel}");
}
