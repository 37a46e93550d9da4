//! The stages in order: configuration → load → resolve → validate → render (and search
//! index) → write. `check` stops after validation; `build` goes on only when nothing is wrong.

use crate::calendar::Calendar;
use crate::catalog::Catalogs;
use crate::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::render::Rendered;
use crate::site::Site;
use crate::tr;
use jiff::civil::Date;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Run every check on the site at `root`. The site is returned whenever it could be put
/// together (even with errors, so that `check` and reports can use it).
pub fn check(root: &Path, today: Date, diags: &mut Diagnostics) -> Option<Site> {
    let mut t = crate::util::timing::Timer::new();
    let config = crate::config::load(root, diags)?;
    let calendar = load_calendar(root, diags);
    let catalogs = Catalogs::load(root, diags);
    t.mark("config");
    let loaded = crate::load::load(root, diags);
    t.mark("load");
    t.note(|| {
        let (held, read) = loaded
            .sources
            .iter()
            .fold((0, 0), |(h, r), s| (h + s.held_bytes(), r + s.text_len()));
        format!("texts: {} KiB held for {} KiB read", held >> 10, read >> 10)
    });
    let notices = crate::resolve::resolve(root, &config, &catalogs, &loaded, diags);
    let mut policy = crate::resolve::policy::resolve(root, &config, &loaded, diags);
    policy.derive(today);
    let books = crate::book::resolve(root, &config, &catalogs, &notices, diags);
    t.mark("resolve");
    let tables = notices
        .par_iter()
        .map(|n| {
            let d = n.data.as_ref()?;
            crate::load::table::read(&d.source).ok()
        })
        .collect();
    let mut site = Site {
        root: root.to_path_buf(),
        config,
        catalogs,
        calendar,
        sources: loaded.sources,
        notices,
        tables,
        policy,
        books,
        annual: Vec::new(),
        extracted: Default::default(),
        today,
    };
    t.mark("data");
    crate::validate::validate(&site, diags);
    // The annual reports' inputs (crate::annual), checked with the rest of the site.
    site.annual = crate::annual::pages::check_site(&site, diags);
    t.mark("validate");
    Some(site)
}

/// The built-in calendar with the site's `calendar.toml` merged in.
pub fn load_calendar(root: &Path, diags: &mut Diagnostics) -> Calendar {
    let mut cal = Calendar::builtin();
    let path = root.join("calendar.toml");
    let Ok(bytes) = std::fs::read(&path) else { return cal };
    let Some(text) = crate::load::decode::decode(&bytes, "calendar.toml", diags) else {
        return cal;
    };
    match Calendar::parse(&text) {
        Ok(site) => cal.merge(site),
        Err(e) => {
            let msg = e.message.clone();
            diags.push(
                Diagnostic::error(
                    Code::CalendarFile,
                    "calendar.toml",
                    Pos::new(e.line, e.column),
                    tr!("calendar.toml 格式错误：{msg}", "calendar.toml error: {msg}"),
                    Code::CalendarFile.fix(),
                )
                .with_source(&text),
            );
        }
    }
    cal
}

/// The output folder: `--output`, else `site.output` of book.toml, relative to the root.
pub fn output_dir(root: &Path, site: &Site, flag: Option<&Path>) -> PathBuf {
    match flag {
        Some(p) => p.to_path_buf(),
        None => root.join(&site.config.site.output),
    }
}

pub struct BuildStats {
    pub notices: usize,
    pub files: usize,
}

/// Check, render and write. On any error nothing is written.
pub fn build(root: &Path, output: Option<&Path>, today: Date, diags: &mut Diagnostics) -> Option<BuildStats> {
    let site = check(root, today, diags)?;
    if diags.has_errors() {
        return None;
    }
    let out = output_dir(root, &site, output);
    let io_error = |diags: &mut Diagnostics, e: std::io::Error| {
        let shown = out.display().to_string();
        diags.push(Diagnostic::error(
            Code::Io,
            shown.clone(),
            Pos::default(),
            tr!(
                "无法写入输出目录 {shown}：{e}",
                "cannot write the output folder {shown}: {e}"
            ),
            Code::Io.fix(),
        ));
    };
    // Pages stream into the staging folder; it replaces the output only if all went well,
    // and is removed (dropped) otherwise.
    let staging = match crate::write::Staging::new(&out) {
        Ok(s) => s,
        Err(e) => {
            io_error(diags, e);
            return None;
        }
    };
    // Every file passes the privacy gate on its way to the staging folder; a file it holds
    // back fails the build, and the staging folder is then dropped, not committed.
    let gate = crate::privacy::gate::Gate::new(&site, &staging);
    let mut rendered = crate::render::render(&site, &gate, diags);
    // `[report] in_site`: the assessment report as a page of the site (crate::report::in_site),
    // through the gate like every other page.
    if let (Rendered::Files(n), true) = (&mut rendered, site.config.report.in_site)
        && let Some(page) = crate::report::in_site::page(&site, diags)
    {
        if let Err(e) = crate::render::Sink::put(&gate, page) {
            io_error(diags, e);
            return None;
        }
        *n += 1;
    }
    let clean = gate.finish(diags);
    let files = match rendered {
        Rendered::Files(n) if clean => n,
        Rendered::Files(_) | Rendered::TemplateError => return None,
        Rendered::Io(e) => {
            io_error(diags, e);
            return None;
        }
    };
    let mut t = crate::util::timing::Timer::new();
    let committed = staging.commit();
    t.mark("write");
    if let Err(e) = committed {
        io_error(diags, e);
        return None;
    }
    Some(BuildStats {
        notices: site.notices.len(),
        files,
    })
}
