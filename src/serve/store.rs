//! The served site, in memory. A rebuild renders into a [`Batch`] (a `render::Sink`: the one
//! place where serve's files enter, and where the privacy gate wraps the sink at merge), and
//! the batch is applied to the [`Store`] under one write lock, so a browser never sees half a
//! rebuild. On errors nothing is applied: the last good site stays.

use crate::render::{Content, Output, Sink};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Condvar, Mutex, RwLock};

/// The files of one rebuild, before they are published.
#[derive(Default)]
pub struct Batch(Mutex<BTreeMap<String, Arc<Vec<u8>>>>);

impl Sink for Batch {
    /// Every file serve produces passes here. Attachments are read now, so the store holds a
    /// snapshot of the last good site even if the clerk deletes the file afterwards.
    fn put(&self, out: Output) -> std::io::Result<()> {
        let bytes = match out.content {
            Content::Bytes(b) | Content::Packed { bytes: b, .. } => b,
            Content::Text(t) => t.into_bytes(),
            Content::Copy(p) => std::fs::read(p)?,
        };
        if let Ok(mut m) = self.0.lock() {
            m.insert(out.path, Arc::new(bytes));
        }
        Ok(())
    }
}

impl Batch {
    pub fn into_files(self) -> BTreeMap<String, Arc<Vec<u8>>> {
        self.0.into_inner().unwrap_or_default()
    }
}

/// What the server shows: the last good files, and the problems of the latest edit.
#[derive(Default)]
pub struct State {
    pub files: BTreeMap<String, Arc<Vec<u8>>>,
    /// Bumped on every change a browser should reload for.
    pub generation: u64,
    /// The overlay listing the latest edit's errors; `Some` means the files are the last
    /// good ones, not the latest edit.
    pub overlay: Option<String>,
}

/// The state, shared by the rebuild thread and the HTTP threads.
#[derive(Default)]
pub struct Store {
    state: RwLock<State>,
    /// Signalled when the generation changes (live-reload requests wait on it).
    changed: (Mutex<u64>, Condvar),
    /// The search index is older than the pages (it is rebuilt when a search page is asked
    /// for: it reads every notice, and must not hold up the next edit).
    search_stale: std::sync::atomic::AtomicBool,
}

pub enum Apply {
    /// Every file is replaced (first build, book.toml, catalogs, theme).
    Replace(BTreeMap<String, Arc<Vec<u8>>>),
    /// Some files are removed, then some written.
    Patch {
        remove: BTreeSet<String>,
        put: BTreeMap<String, Arc<Vec<u8>>>,
    },
}

impl Store {
    pub fn read<R>(&self, f: impl FnOnce(&State) -> R) -> R {
        match self.state.read() {
            Ok(s) => f(&s),
            Err(p) => f(&p.into_inner()),
        }
    }

    /// Publish files and the overlay; `reload` bumps the generation so open pages reload.
    pub fn publish(&self, files: Option<Apply>, overlay: Option<String>, reload: bool) {
        let generation = {
            let mut s = match self.state.write() {
                Ok(s) => s,
                Err(p) => p.into_inner(),
            };
            match files {
                Some(Apply::Replace(m)) => s.files = m,
                Some(Apply::Patch { remove, put }) => {
                    for p in remove {
                        s.files.remove(&p);
                    }
                    s.files.extend(put);
                }
                None => {}
            }
            s.overlay = overlay;
            if reload {
                s.generation += 1;
            }
            s.generation
        };
        let (lock, cv) = &self.changed;
        if let Ok(mut g) = lock.lock() {
            *g = generation;
        }
        cv.notify_all();
    }

    pub fn set_search_stale(&self, stale: bool) {
        self.search_stale.store(stale, std::sync::atomic::Ordering::SeqCst);
    }

    pub fn search_stale(&self) -> bool {
        self.search_stale.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Wait until the generation is past `since`, at most `timeout`; returns the generation.
    pub fn wait(&self, since: u64, timeout: std::time::Duration) -> u64 {
        let (lock, cv) = &self.changed;
        let Ok(g) = lock.lock() else { return since };
        match cv.wait_timeout_while(g, timeout, |g| *g <= since) {
            Ok((g, _)) => *g,
            Err(_) => since,
        }
    }
}
