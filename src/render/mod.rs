//! Stage 5: render. Pages from tera templates, one module per kind of page (see [`pages`]).
//! Each page is handed to a [`Sink`] as soon as it is rendered: the write stage's staging
//! folder for a build, or memory for tests and previews. Nothing here touches the disk.

pub mod board;
pub mod closing;
pub mod download;
mod filters;
pub mod index;
pub mod markdown;
pub mod notice_view;
pub mod pages;
pub mod qr;
pub mod select;
pub mod theme;
pub mod view;

use crate::diag::Diagnostics;
use crate::site::Site;
use index::SiteIndex;
pub use select::Selection;
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
    /// A page as a template rendered it: UTF-8 already, so the privacy gate reads it without
    /// validating it again (that second pass over every page was 1.4% of a 10k build).
    Text(String),
    /// Copied from a source file (attachments).
    Copy(PathBuf),
    /// Bytes that are an encoding of text (the search document store): `readable` is what a
    /// reader of the file recovers, and what the privacy gate reads.
    Packed {
        bytes: Vec<u8>,
        readable: String,
    },
}

impl Content {
    /// The bytes of content held in memory (`None` for a file still to be copied).
    pub fn bytes(&self) -> Option<&[u8]> {
        match self {
            Content::Bytes(b) | Content::Packed { bytes: b, .. } => Some(b),
            Content::Text(t) => Some(t.as_bytes()),
            Content::Copy(_) => None,
        }
    }
}

/// Where rendered files go. `put` is called from many threads at once.
pub trait Sink: Sync {
    fn put(&self, out: Output) -> std::io::Result<()>;
}

/// A sink that keeps everything in memory.
#[derive(Default)]
pub struct Memory(pub Mutex<Vec<Output>>);

impl Sink for Memory {
    fn put(&self, out: Output) -> std::io::Result<()> {
        if let Ok(mut v) = self.0.lock() {
            v.push(out);
        }
        Ok(())
    }
}

impl Memory {
    /// The files, sorted by path.
    pub fn into_sorted(self) -> Vec<Output> {
        let mut v = self.0.into_inner().unwrap_or_default();
        v.sort_by(|a, b| a.path.cmp(&b.path));
        v
    }
}

/// Shared by every page renderer.
pub struct RenderCx<'a> {
    pub site: &'a Site,
    pub theme: &'a theme::Theme,
    pub view: SiteView<'a>,
    pub index: SiteIndex,
    /// `None`: every page (a build). `Some`: only the pages it names (`gongkai serve`).
    pub select: Option<&'a Selection>,
    sink: &'a dyn Sink,
    errors: Mutex<Diagnostics>,
    io_error: Mutex<Option<std::io::Error>>,
    files: std::sync::atomic::AtomicUsize,
}

impl RenderCx<'_> {
    /// Whether the page `pick` names is to be rendered.
    pub fn wants(&self, pick: impl Fn(&Selection) -> bool) -> bool {
        self.select.is_none_or(pick)
    }

    /// Hand a finished file to the sink. The first I/O error is kept and ends the build.
    pub fn emit(&self, out: Output) {
        self.files.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if let Err(e) = self.sink.put(out)
            && let Ok(mut slot) = self.io_error.lock()
            && slot.is_none()
        {
            *slot = Some(e);
        }
    }

    pub fn emit_all(&self, outs: impl IntoIterator<Item = Output>) {
        for o in outs {
            self.emit(o);
        }
    }

    /// Render `template` with the page's own values merged over the common ones.
    pub fn page(&self, template: &str, meta: PageMeta, mut ctx: tera::Context) -> Output {
        ctx.insert("site", &self.view);
        let path = meta.url.clone();
        ctx.insert("page", &meta);
        // Rendered to bytes and checked here: `Tera::render` checks with std's slower reader.
        let mut html = Vec::with_capacity(16 * 1024);
        match self.theme.tera.render_to(template, &ctx, &mut html) {
            Ok(()) => Output {
                path,
                content: match crate::util::utf8::string(html) {
                    Ok(html) => finish(html, self.site.config.site.minify),
                    Err(bytes) => Content::Bytes(bytes),
                },
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
fn finish(html: String, minify: bool) -> Content {
    if minify {
        Content::Bytes(minify_html::minify(html.as_bytes(), &minify_html::Cfg::new()))
    } else {
        Content::Text(html)
    }
}

#[cfg(not(feature = "minify"))]
fn finish(html: String, _minify: bool) -> Content {
    Content::Text(html)
}

/// What a render wrote, or why it failed.
pub enum Rendered {
    Files(usize),
    /// A template failed; the errors are in the diagnostics.
    TemplateError,
    Io(std::io::Error),
}

/// Render the whole site into `sink`.
pub fn render(site: &Site, sink: &dyn Sink, diags: &mut Diagnostics) -> Rendered {
    let Some(theme) = theme::load(&site.root, &site.config.site.theme, diags) else {
        return Rendered::TemplateError;
    };
    render_selected(site, &theme, sink, None, diags)
}

/// Render the pages `select` names (all of them for `None`) with an already loaded theme.
pub fn render_selected(
    site: &Site,
    theme: &theme::Theme,
    sink: &dyn Sink,
    select: Option<&Selection>,
    diags: &mut Diagnostics,
) -> Rendered {
    let mut t = crate::util::timing::Timer::new();
    let cx = RenderCx {
        site,
        theme,
        view: SiteView::new(site),
        index: SiteIndex::new(site),
        select,
        sink,
        errors: Mutex::new(Diagnostics::new()),
        io_error: Mutex::new(None),
        files: std::sync::atomic::AtomicUsize::new(0),
    };
    t.mark("index");
    pages::all(&cx);
    t.mark("pages");
    if cx.wants(|s| s.statics) {
        for (path, bytes) in &theme.statics {
            cx.emit(Output {
                path: format!("static/{path}"),
                content: Content::Bytes(bytes.clone()),
            });
        }
    }
    let errors = cx.errors.into_inner().unwrap_or_default();
    if errors.has_errors() {
        diags.append(errors);
        return Rendered::TemplateError;
    }
    if let Some(e) = cx.io_error.into_inner().ok().flatten() {
        return Rendered::Io(e);
    }
    Rendered::Files(cx.files.into_inner())
}
