//! The province's per-county CI job (`docs/farm/county-job.sh`, issue 15), run as a farm runs
//! it: the same binary for every county, each job into its own work folder, all publishing to
//! one host folder. Two counties publish; a third with a clerk's mistake fails its own job
//! with the diagnostic in its check.json, publishes nothing and leaves the others alone; a
//! rerun replaces a published site whole.

mod common;
use common::*;
use std::path::Path;
use std::process::Command;

fn job(site: &Path, work: &Path, host: &Path, slug: &str) -> std::process::Output {
    Command::new("bash")
        .arg(repo().join("docs/farm/county-job.sh"))
        .arg(site)
        .arg(work)
        .args(["--date", DATE])
        .env("GONGKAI", bin())
        .env("PUBLISH_DIR", host)
        .env("COUNTY_SLUG", slug)
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .expect("run county-job.sh")
}

#[test]
fn each_county_job_publishes_its_own_site_and_a_broken_county_fails_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let host = tmp.path().join("host");
    let (_a, county_a) = copy_site(&fixture("basic"));
    let (_b, county_b) = copy_site(&fixture("report"));
    let (_c, broken) = copy_site(&fixture("report"));
    let victim = walkdir::WalkDir::new(broken.join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("_index.md"))
        .min()
        .unwrap();
    let text = read(&victim);
    std::fs::write(&victim, text.replacen("标题: ", "标题：", 1)).unwrap();

    // The broken county first: its failure must not stop or touch the others.
    let o = job(&broken, &tmp.path().join("w-broken"), &host, "broken");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let check: serde_json::Value = serde_json::from_str(&read(&tmp.path().join("w-broken/check.json"))).unwrap();
    let diags = check.as_array().or_else(|| check["diagnostics"].as_array()).unwrap();
    assert!(diags.iter().any(|d| d["code"] == "GK013"), "{diags:#?}");
    let log = read(&tmp.path().join("w-broken/job.log"));
    assert!(log.contains("GK013") && log.contains("check failed"), "{log}");
    assert!(!host.join("broken").exists());
    assert!(!tmp.path().join("w-broken/public").exists());

    for (site, slug) in [(&county_a, "a"), (&county_b, "b")] {
        let work = tmp.path().join(format!("w-{slug}"));
        let o = job(site, &work, &host, slug);
        assert!(o.status.success(), "{}\n{}", stderr(&o), read(&work.join("job.log")));
        let published = files(&host.join(slug));
        assert_eq!(
            published,
            files(&work.join("public")),
            "published {slug} differs from its build"
        );
        assert!(published.iter().any(|f| f == "index.html"));
        assert!(work.join(format!("{slug}.zip")).is_file());
        assert!(read(&work.join("job.log")).contains("done"));
    }
    assert!(!host.join("broken").exists());

    // A rerun replaces the site whole: a page the new build no longer makes is gone.
    std::fs::write(host.join("a/stale.html"), "old").unwrap();
    let o = job(&county_a, &tmp.path().join("w-a"), &host, "a");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!host.join("a/stale.html").exists());
    let left: Vec<String> = std::fs::read_dir(&host)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut left = left;
    left.sort();
    assert_eq!(left, ["a", "b"], "no temporary folder left on the host");
}

#[test]
fn the_job_refuses_a_folder_that_is_not_a_site() {
    let tmp = tempfile::tempdir().unwrap();
    let o = job(tmp.path(), &tmp.path().join("w"), &tmp.path().join("host"), "x");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("book.toml"));
    assert!(!tmp.path().join("host").exists());
}
