//! One module per kind of page (SPEC 6).

mod book;
mod catalog;
mod data;
mod feeds;
mod home;
mod item;
mod notice;
mod policy;
mod policy_data;
mod policy_page;
mod search;
mod township;
mod village;

use super::RenderCx;

pub fn all(cx: &RenderCx) {
    let mut t = crate::util::timing::Timer::new();
    notice::render_all(cx);
    t.mark("  notices");
    // The search index keeps both cores busy; the list pages, feeds and open data are mostly
    // one thread's work (a sitemap, a feed), so they run beside it instead of after it.
    rayon::join(
        || {
            let mut t = crate::util::timing::Timer::new();
            if cx.wants(|s| s.search) {
                cx.emit_all(search::render(cx));
            }
            t.mark("  search");
        },
        || {
            let mut t = crate::util::timing::Timer::new();
            lists(cx);
            t.mark("  lists");
            if cx.wants(|s| s.feeds) {
                cx.emit_all(feeds::render_all(cx));
            }
            if cx.wants(|s| s.data) {
                cx.emit_all(data::render(cx));
            }
            t.mark("  feeds");
        },
    );
}

/// Every listing page: home, townships, items, villages, policy documents, books, annual
/// reports, catalogs.
fn lists(cx: &RenderCx) {
    if cx.wants(|s| s.home) {
        cx.emit(home::render(cx));
    }
    cx.emit_all(township::render_all(cx));
    item::render_all(cx);
    cx.emit_all(village::render_all(cx));
    policy::render_all(cx);
    book::render_all(cx);
    crate::annual::pages::render_all(cx);
    if cx.wants(|s| s.catalogs) {
        cx.emit_all(catalog::render_all(cx));
    }
}

/// The listing size on home and township pages.
pub const LATEST: usize = 20;
