//! Pages to PDF bytes. Text is encoded as 2-byte CIDs of one Type 0 font whose CIDs are the
//! glyph ids of the subset (`subsetter` renumbers glyphs from 0 and, for CFF, makes the
//! font CID-keyed with an identity charset), so one map serves both outline kinds; the
//! ToUnicode map makes the text searchable and readable by the privacy gate.

use super::{Draw, Font, Page, Paper};
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use std::collections::BTreeMap;

const FONT_NAME: Name<'static> = Name(b"F1");

fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

/// Writes `pages` as a PDF titled `title`; `Err` with the reason when the font cannot be
/// subset.
pub fn write_pdf(font: &Font, paper: Paper, title: &str, pages: &[Page]) -> Result<Vec<u8>, String> {
    let (pw, ph) = paper.size();
    let mut remap = subsetter::GlyphRemapper::new();
    let mut unicode: BTreeMap<u16, char> = BTreeMap::new();
    let mut widths: BTreeMap<u16, f32> = BTreeMap::new();
    let mut encode = |text: &str| -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let gid = font.glyph(c);
            let cid = remap.remap(gid.0);
            unicode.entry(cid).or_insert(c);
            widths
                .entry(cid)
                .or_insert_with(|| font.units(f32::from(font.face.glyph_hor_advance(gid).unwrap_or(0))));
            out.extend(cid.to_be_bytes());
        }
        out
    };

    let mut next = 1;
    let mut alloc = || {
        let r = Ref::new(next);
        next += 1;
        r
    };
    let catalog_id = alloc();
    let tree_id = alloc();
    let info_id = alloc();
    let type0_id = alloc();
    let cid_id = alloc();
    let descriptor_id = alloc();
    let cmap_id = alloc();
    let file_id = alloc();

    let mut pdf = Pdf::new();
    let mut page_ids = Vec::new();
    let text_size = paper.text_size();
    let mut streams = Vec::new();
    for page in pages {
        let mut c = Content::new();
        let mut texts: Vec<(f32, f32, f32, &str)> = Vec::new();
        let header_size = text_size * 0.75;
        let header_y = ph - paper_margin_top(paper) + header_size * 1.2;
        let footer = page.number.map(|n| format!("— {n} —"));
        if !page.header.is_empty() {
            // Right-aligned at the text area's edge.
            let x = pw - paper_margin_left(paper) - super::layout::text_width(font, &page.header, header_size);
            texts.push((x, header_y, header_size, page.header.as_str()));
        }
        for item in &page.items {
            match item {
                Draw::Text { x, y, size, text } => texts.push((*x, *y, *size, text.as_str())),
                Draw::Line { x1, y1, x2, y2 } => {
                    c.set_line_width(0.6);
                    c.move_to(*x1, *y1);
                    c.line_to(*x2, *y2);
                    c.stroke();
                }
            }
        }
        if !page.header.is_empty() {
            let y = header_y - header_size * 0.5;
            c.set_line_width(0.5);
            c.move_to(paper_margin_left(paper), y);
            c.line_to(pw - paper_margin_left(paper), y);
            c.stroke();
        }
        c.begin_text();
        for (x, y, size, text) in texts.iter().copied() {
            c.set_font(FONT_NAME, size);
            c.set_text_matrix([1.0, 0.0, 0.0, 1.0, x, y]);
            c.show(Str(&encode(text)));
        }
        if let Some(footer) = &footer {
            let size = text_size * 0.85;
            let x = (pw - super::layout::text_width(font, footer, size)) / 2.0;
            c.set_font(FONT_NAME, size);
            c.set_text_matrix([1.0, 0.0, 0.0, 1.0, x, paper_margin_top(paper) * 0.5]);
            c.show(Str(&encode(footer)));
        }
        c.end_text();
        streams.push(deflate(&c.finish().into_vec()));
        page_ids.push((alloc(), alloc()));
    }

    pdf.catalog(catalog_id).pages(tree_id);
    pdf.pages(tree_id)
        .kids(page_ids.iter().map(|(p, _)| *p))
        .count(page_ids.len() as i32);
    for ((page_id, content_id), data) in page_ids.iter().zip(&streams) {
        let mut page = pdf.page(*page_id);
        page.media_box(Rect::new(0.0, 0.0, pw, ph));
        page.parent(tree_id);
        page.contents(*content_id);
        page.resources().fonts().pair(FONT_NAME, type0_id);
        page.finish();
        pdf.stream(*content_id, data).filter(Filter::FlateDecode);
    }
    pdf.document_info(info_id)
        .title(TextStr(title))
        .producer(TextStr("gongkai"));

    // The font: subset, then embedded whole (TrueType) or as its bare CFF program.
    let subset = subsetter::subset(&font.file.data, font.file.index, &remap).map_err(|e| format!("{e:?}"))?;
    let sub_face = ttf_parser::RawFace::parse(&subset, 0).map_err(|e| e.to_string())?;
    let cff = sub_face.table(ttf_parser::Tag::from_bytes(b"CFF "));
    let is_cff = cff.is_some();
    let program: Vec<u8> = cff.map_or_else(|| subset.clone(), <[u8]>::to_vec);
    let ps_name = font
        .face
        .names()
        .into_iter()
        .find(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .and_then(|n| n.to_string())
        .unwrap_or_else(|| "CJK".into())
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>();
    let base = format!("GKBOOK+{ps_name}");
    let info = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    pdf.type0_font(type0_id)
        .base_font(Name(base.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_id)
        .to_unicode(cmap_id);
    let mut cid = pdf.cid_font(cid_id);
    cid.subtype(if is_cff { CidFontType::Type0 } else { CidFontType::Type2 });
    cid.base_font(Name(base.as_bytes()));
    cid.system_info(info);
    cid.font_descriptor(descriptor_id);
    cid.default_width(1000.0);
    if !is_cff {
        cid.cid_to_gid_map_predefined(Name(b"Identity"));
    }
    {
        let mut w = cid.widths();
        for (c, width) in &widths {
            w.consecutive(*c, [*width]);
        }
    }
    cid.finish();
    let bbox = font.face.global_bounding_box();
    let mut flags = FontFlags::SYMBOLIC;
    if ps_name.contains("Serif") || ps_name.contains("Song") || ps_name.contains("Sun") {
        flags |= FontFlags::SERIF;
    }
    pdf.font_descriptor(descriptor_id)
        .name(Name(base.as_bytes()))
        .flags(flags)
        .bbox(Rect::new(
            font.units(f32::from(bbox.x_min)),
            font.units(f32::from(bbox.y_min)),
            font.units(f32::from(bbox.x_max)),
            font.units(f32::from(bbox.y_max)),
        ))
        .italic_angle(0.0)
        .ascent(font.units(f32::from(font.face.ascender())))
        .descent(font.units(f32::from(font.face.descender())))
        .cap_height(font.units(f32::from(font.face.capital_height().unwrap_or(font.face.ascender()))))
        .stem_v(80.0)
        .pair(if is_cff { Name(b"FontFile3") } else { Name(b"FontFile2") }, file_id);
    let mut cmap = UnicodeCmap::new(Name(b"Custom"), info);
    for (c, ch) in &unicode {
        cmap.pair(*c, *ch);
    }
    let cmap_data = cmap.finish();
    pdf.cmap(cmap_id, &cmap_data);
    let packed = deflate(&program);
    let mut stream = pdf.stream(file_id, &packed);
    stream.filter(Filter::FlateDecode);
    if is_cff {
        stream.pair(Name(b"Subtype"), Name(b"CIDFontType0C"));
    }
    stream.finish();
    Ok(pdf.finish())
}

fn paper_margin_top(paper: Paper) -> f32 {
    match paper {
        Paper::A4 => 64.0,
        Paper::A5 => 48.0,
    }
}

fn paper_margin_left(paper: Paper) -> f32 {
    match paper {
        Paper::A4 => 72.0,
        Paper::A5 => 50.0,
    }
}
