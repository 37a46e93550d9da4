//! One module per kind of page (SPEC 6).

mod catalog;
mod data;
mod feeds;
mod home;
mod item;
mod notice;
mod search;
mod township;
mod village;

use super::{Output, RenderCx};

pub fn all(cx: &RenderCx) -> Vec<Output> {
    let mut out = notice::render_all(cx);
    out.push(home::render(cx));
    out.extend(township::render_all(cx));
    out.extend(item::render_all(cx));
    out.extend(village::render_all(cx));
    out.extend(catalog::render_all(cx));
    out.extend(search::render(cx));
    out.extend(feeds::render_all(cx));
    out.extend(data::render(cx));
    out
}

/// The listing size on home and township pages.
pub const LATEST: usize = 20;
