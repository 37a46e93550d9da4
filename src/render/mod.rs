//! Stage 5: render. Pages from tera templates, one module per kind of page (see [`pages`]).
//! Everything is rendered into memory as [`Output`]s; only the write stage touches the disk.

pub mod board;
mod filters;
pub mod index;
pub mod markdown;
pub mod notice_view;
pub mod pages;
pub mod qr;
pub mod theme;
pub mod view;

use crate::diag::Diagnostics;
use crate::site::Site;
use index::SiteIndex;
use std::path::PathBuf;
use std::sync::Mutex;
use view::{PageMeta, SiteView};

/// One file of the output.
pub struct Output {
    /// Relative to the output folder, `/`-separated, ASCII.
    pub path: String,
    pub content: Content,
}

pub enum Content {
    Bytes(Vec<u8>),
    /// Copied from a source file (attachments).
    Copy(PathBuf),
}

/// Shared by every page renderer.
pub struct RenderCx<'a> {
    pub site: &'a Site,
    pub theme: &'a theme::Theme,
    pub view: SiteView<'a>,
    pub index: SiteIndex,
    errors: Mutex<Diagnostics>,
}

impl RenderCx<'_> {
    /// Render `template` with the page's own values merged over the common ones.
    pub fn page(&self, template: &str, meta: PageMeta, mut ctx: tera::Context) -> Output {
        ctx.insert("site", &self.view);
        let path = meta.url.clone();
        ctx.insert("page", &meta);
        match self.theme.tera.render(template, &ctx) {
            Ok(html) => Output {
                path,
                content: Content::Bytes(finish(html, self.site.config.site.minify)),
            },
            Err(e) => {
                if let Ok(mut d) = self.errors.lock() {
                    theme::template_error(&mut d, &format!("templates/{template}"), &e);
                }
                Output {
                    path,
                    content: Content::Bytes(Vec::new()),
                }
            }
        }
    }
}

#[cfg(feature = "minify")]
fn finish(html: String, minify: bool) -> Vec<u8> {
    if minify {
        minify_html::minify(html.as_bytes(), &minify_html::Cfg::new())
    } else {
        html.into_bytes()
    }
}

#[cfg(not(feature = "minify"))]
fn finish(html: String, _minify: bool) -> Vec<u8> {
    html.into_bytes()
}

/// Render the whole site. `None` when a template failed (the errors are in `diags`).
pub fn render(site: &Site, diags: &mut Diagnostics) -> Option<Vec<Output>> {
    let theme = theme::load(&site.root, &site.config.site.theme, diags)?;
    let cx = RenderCx {
        site,
        theme: &theme,
        view: SiteView::new(site),
        index: SiteIndex::new(site),
        errors: Mutex::new(Diagnostics::new()),
    };
    let mut out = pages::all(&cx);
    for (path, bytes) in &theme.statics {
        out.push(Output {
            path: format!("static/{path}"),
            content: Content::Bytes(bytes.clone()),
        });
    }
    let errors = cx.errors.into_inner().unwrap_or_default();
    if errors.has_errors() {
        diags.extend(errors);
        return None;
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Some(out)
}
