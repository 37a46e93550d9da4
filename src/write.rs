//! Stage 7: write. Pages go to a fresh staging folder beside the target as they are rendered
//! (so memory stays flat however large the site), and the staging folder then replaces the
//! target in two renames: a failed or interrupted build never leaves a half-written site, and
//! the previous output stays until the new one is complete.

use crate::render::{Content, Output, Sink};
use rayon::prelude::*;
use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// A staging folder that becomes the output on [`Staging::commit`], and disappears if dropped
/// before that (an error anywhere in the build).
pub struct Staging {
    target: PathBuf,
    dir: PathBuf,
    old: PathBuf,
    /// Folders already created, so that each file costs one `open`, not a `mkdir` walk.
    made: Mutex<HashSet<PathBuf>>,
    committed: bool,
}

impl Staging {
    pub fn new(target: &Path) -> io::Result<Staging> {
        let parent = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)?;
        let name = target.file_name().and_then(|n| n.to_str()).unwrap_or("public");
        let dir = parent.join(format!(".{name}.gongkai-new-{}", std::process::id()));
        let old = parent.join(format!(".{name}.gongkai-old-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        Ok(Staging {
            target: target.to_path_buf(),
            dir,
            old,
            made: Mutex::new(HashSet::new()),
            committed: false,
        })
    }

    fn ensure_parent(&self, dest: &Path) -> io::Result<()> {
        let Some(parent) = dest.parent() else { return Ok(()) };
        if self.made.lock().map(|m| m.contains(parent)).unwrap_or(false) {
            return Ok(());
        }
        std::fs::create_dir_all(parent)?;
        if let Ok(mut m) = self.made.lock() {
            m.insert(parent.to_path_buf());
        }
        Ok(())
    }

    /// Swap the staging folder in. The previous output is removed afterwards, in parallel.
    pub fn commit(mut self) -> io::Result<()> {
        if self.target.exists() {
            let _ = remove_tree(&self.old);
            std::fs::rename(&self.target, &self.old)?;
            if let Err(e) = std::fs::rename(&self.dir, &self.target) {
                // Put the previous site back before reporting.
                let _ = std::fs::rename(&self.old, &self.target);
                return Err(e);
            }
            self.committed = true;
            let _ = remove_tree(&self.old);
        } else {
            std::fs::rename(&self.dir, &self.target)?;
            self.committed = true;
        }
        Ok(())
    }
}

impl Staging {
    /// Link the previous build's file into the staging folder when its bytes are the same.
    ///
    /// Creating a file is the dearest thing a build does (an inode to allocate, and on the
    /// next build one to free); a hard link to an unchanged file costs a directory entry, and
    /// removing the old tree then only drops a link count. The previous output is never
    /// modified, so a failed build still leaves it as it was. Where links are not supported
    /// (FAT32 USB sticks), the file is simply written.
    fn reuse(&self, rel: &str, dest: &Path, bytes: &[u8]) -> bool {
        let old = self.target.join(rel);
        match std::fs::metadata(&old) {
            Ok(m) if m.is_file() && m.len() == bytes.len() as u64 => {}
            _ => return false,
        }
        matches!(std::fs::read(&old), Ok(existing) if existing == bytes) && std::fs::hard_link(&old, dest).is_ok()
    }
}

impl Sink for Staging {
    fn put(&self, out: Output) -> io::Result<()> {
        let dest = self.dir.join(&out.path);
        self.ensure_parent(&dest)?;
        let read;
        let bytes = match &out.content {
            Content::Copy(src) => match std::fs::read(src) {
                Ok(b) => {
                    read = b;
                    &read[..]
                }
                Err(_) => return std::fs::copy(src, &dest).map(|_| ()),
            },
            held => held.bytes().unwrap_or_default(),
        };
        if self.reuse(&out.path, &dest, bytes) {
            return Ok(());
        }
        std::fs::write(&dest, bytes)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = remove_tree(&self.dir);
        }
    }
}

/// `remove_dir_all`, with the top-level entries removed on all cores: deleting the previous
/// output of a large site is thousands of unlinks, most of the time of a rebuild on a slow disk.
fn remove_tree(dir: &Path) -> io::Result<()> {
    let entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    entries.par_iter().try_for_each(|p| {
        if p.is_dir() {
            std::fs::remove_dir_all(p)
        } else {
            std::fs::remove_file(p)
        }
    })?;
    std::fs::remove_dir(dir)
}

/// Write `files` as the complete content of `target` (for callers that render into memory).
pub fn write_atomically(target: &Path, files: Vec<Output>) -> io::Result<()> {
    let staging = Staging::new(target)?;
    files.into_par_iter().try_for_each(|f| staging.put(f))?;
    staging.commit()
}
