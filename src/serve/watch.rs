//! Watching the site's inputs. notify's native watcher (inotify, FSEvents, ReadDirectoryChangesW)
//! through notify-debouncer-full, which folds an editor's save (write to a temp file, rename it
//! over the original: Notepad++, WPS, VS Code, vim) into one event per path; `--poll` swaps in
//! notify's polling watcher for network drives, WSL2's `/mnt/c` and USB sticks, where native
//! events do not arrive (mdBook made polling its default for that reason).
//!
//! Only what the site is built from is watched: `content/`, `catalogs/` and `themes/`
//! recursively, and the root itself without recursion (for `book.toml`, `calendar.toml`, and
//! folders that appear later), so `public/` and `target/` never wake the server. Editor swap,
//! backup and lock files are dropped here, before they can cause a rebuild.

use notify_debouncer_full::notify::{self, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer, new_debouncer_opt};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

/// What a changed path means for the site.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// book.toml, calendar.toml, a catalog or a theme file: every page may change.
    Whole(String),
    /// A file under `content/` (a notice, an `_index.md`, an attachment or data file).
    Content(PathBuf),
}

/// Keeps the watcher alive; dropping it stops watching.
pub enum Watching {
    Native(notify_debouncer_full::Debouncer<notify::RecommendedWatcher, notify_debouncer_full::RecommendedCache>),
    Poll(notify_debouncer_full::Debouncer<notify::PollWatcher, notify_debouncer_full::NoCache>),
}

/// Start watching `root`; each debounced batch of relevant changes is sent to `tx`.
pub fn start(root: &Path, poll: bool, tx: Sender<Vec<Change>>) -> notify::Result<Watching> {
    let r = root.to_path_buf();
    let handler = move |res: DebounceEventResult| {
        let paths: Vec<PathBuf> = match res {
            // Reads (our own, when a rebuild loads the files) are not changes.
            Ok(events) => events
                .into_iter()
                .filter(|e| !matches!(e.event.kind, notify::EventKind::Access(_)))
                .flat_map(|e| e.event.paths)
                .collect(),
            // The watcher lost events (queue overflow): treat it as "anything may have changed".
            Err(_) => vec![r.join("book.toml")],
        };
        let mut changes: Vec<Change> = paths.iter().filter_map(|p| classify(&r, p)).collect();
        changes.sort();
        changes.dedup();
        if !changes.is_empty() {
            let _ = tx.send(changes);
        }
    };
    let debounce = Duration::from_millis(if poll { 100 } else { 50 });
    let mut w = if poll {
        let config = notify::Config::default()
            .with_poll_interval(Duration::from_millis(500))
            // Contents, not only times: on network drives and FAT sticks a save within the
            // same (coarse) timestamp tick, or a clock that jumps, must still be seen.
            .with_compare_contents(true);
        Watching::Poll(new_debouncer_opt(
            debounce,
            None,
            handler,
            notify_debouncer_full::NoCache,
            config,
        )?)
    } else {
        Watching::Native(new_debouncer(debounce, None, handler)?)
    };
    let mut watch = |p: &Path, mode: RecursiveMode| match &mut w {
        Watching::Native(d) => d.watch(p, mode),
        Watching::Poll(d) => d.watch(p, mode),
    };
    watch(root, RecursiveMode::NonRecursive)?;
    for dir in ["content", "catalogs", "themes", "annual"] {
        let p = root.join(dir);
        if p.is_dir() {
            watch(&p, RecursiveMode::Recursive)?;
        }
    }
    Ok(w)
}

/// The meaning of a changed path, or `None` for what the site is not built from.
pub fn classify(root: &Path, path: &Path) -> Option<Change> {
    let rel = path.strip_prefix(root).ok()?;
    let name = rel.file_name()?.to_string_lossy();
    if is_editor_litter(&name) {
        return None;
    }
    let mut parts = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned());
    let first = parts.next()?;
    let shown = rel.to_string_lossy().replace('\\', "/");
    match first.as_str() {
        "content" if rel.components().count() > 1 => Some(Change::Content(path.to_path_buf())),
        // The annual reports' inputs are few and read with the policy library: a whole check.
        "catalogs" | "themes" | "annual" => Some(Change::Whole(shown)),
        "book.toml" | "calendar.toml" => Some(Change::Whole(shown)),
        _ => None,
    }
}

/// Swap, backup and lock files that editors write beside the file being edited: vim
/// (`.x.swp`, `x~`, `4913`), Emacs (`.#x`, `#x#`), Office/WPS (`~$x`, `.~x`), Zola's and
/// others' `*.bck`, `*.tmp`, and Finder's `.DS_Store`.
pub fn is_editor_litter(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    name == "4913"
        || name.starts_with(".#")
        || name.starts_with("~$")
        || name.starts_with(".~")
        || (name.starts_with('#') && name.ends_with('#'))
        || name.ends_with('~')
        || lower == ".ds_store"
        || lower == "thumbs.db"
        || [".swp", ".swx", ".swo", ".bck", ".tmp", ".crdownload", ".part"]
            .iter()
            .any(|e| lower.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn litter_is_dropped_and_inputs_are_kept() {
        let root = Path::new("/site");
        for junk in [
            "content/a/.x.md.swp",
            "content/a/x.md~",
            "content/a/4913",
            "content/a/.#x.md",
            "content/a/~$x.md",
            "content/a/x.md.tmp",
            "public/index.html",
            "target/debug/x",
        ] {
            assert_eq!(classify(root, &root.join(junk)), None, "{junk}");
        }
        assert_eq!(
            classify(root, &root.join("content/a/通知.md")),
            Some(Change::Content(root.join("content/a/通知.md")))
        );
        assert_eq!(
            classify(root, &root.join("book.toml")),
            Some(Change::Whole("book.toml".into()))
        );
        assert!(matches!(
            classify(root, &root.join("catalogs/x.yaml")),
            Some(Change::Whole(_))
        ));
        assert_eq!(
            classify(root, &root.join("annual/2025/register.xlsx")),
            Some(Change::Whole("annual/2025/register.xlsx".into()))
        );
        assert_eq!(classify(root, &root.join("content")), None);
    }
}
