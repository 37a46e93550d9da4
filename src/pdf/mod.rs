//! gongkai's own PDF output: pages laid out by [`layout`], written with `pdf-writer`, the
//! system's CJK font found by [`fonts`], subset and embedded as a CID-keyed font (why this
//! route and not typst or krilla: docs/design.md).

pub mod fonts;
pub mod layout;
mod write;

pub use fonts::{FontError, FontFile};
pub use layout::{Measure, Paper, Typesetter};
pub use write::write_pdf;

/// One thing drawn on a page, in PDF points from the bottom left.
#[derive(Clone, Debug)]
pub enum Draw {
    Text { x: f32, y: f32, size: f32, text: String },
    Line { x1: f32, y1: f32, x2: f32, y2: f32 },
}

/// A laid-out page: its running header and page number are drawn when it is written.
#[derive(Clone, Debug, Default)]
pub struct Page {
    pub header: String,
    /// The number printed at its foot; `None` for the cover and the front matter.
    pub number: Option<u32>,
    pub items: Vec<Draw>,
}

/// A parsed face: advances for layout, glyph ids for writing.
pub struct Font<'a> {
    pub file: &'a FontFile,
    pub face: ttf_parser::Face<'a>,
    upem: f32,
}

impl<'a> Font<'a> {
    pub fn new(file: &'a FontFile) -> Option<Font<'a>> {
        let face = ttf_parser::Face::parse(&file.data, file.index).ok()?;
        let upem = f32::from(face.units_per_em());
        Some(Font { file, face, upem })
    }

    /// The glyph of `c`, or of a replacement the font has.
    pub fn glyph(&self, c: char) -> ttf_parser::GlyphId {
        self.face
            .glyph_index(c)
            .or_else(|| self.face.glyph_index('□'))
            .unwrap_or(ttf_parser::GlyphId(0))
    }

    pub fn units(&self, v: f32) -> f32 {
        v / self.upem * 1000.0
    }
}

impl Measure for Font<'_> {
    fn advance(&self, c: char) -> f32 {
        let c = if c == '\t' { ' ' } else { c };
        f32::from(self.face.glyph_hor_advance(self.glyph(c)).unwrap_or(0)) / self.upem
    }
}
