//! `[report] in_site = true`: `gongkai build` puts the HTML report into the site at
//! `report/index.html`, for the year of `--date`. Off by default: assessments are internal.
//! When the year cannot be reported on (no notice, no calendar), the build goes on without
//! the page and says why in a warning, rather than publishing an empty report.

use crate::diag::{Diagnostic, Diagnostics};
use crate::render::{Content, Output};
use crate::site::Site;

pub const PATH: &str = "report/index.html";

pub fn page(site: &Site, diags: &mut Diagnostics) -> Option<Output> {
    let opt = match super::period::resolve(site, &super::period::Request::default()) {
        Ok(o) => o,
        Err(d) => {
            let d = *d;
            diags.push(Diagnostic::warning(d.code, d.file, d.pos, d.message, d.hint));
            return None;
        }
    };
    let r = super::build(site, &opt);
    let sheets = super::sheets::sheets(site, &r);
    let html = super::html::render(&r, &sheets);
    let cx = super::Cx::new(site, &opt);
    Some(Output {
        path: PATH.into(),
        content: Content::Bytes(cx.clean(&html).into_bytes()),
    })
}
