//! A small page layout for Chinese text: enough for a book of service guides (headings,
//! paragraphs, numbered lists, tables), with exact page numbers because every page is known
//! before anything is written.
//!
//! Lines break between any two CJK characters and at spaces, never inside a Latin word or a
//! number, and follow 禁则: closing punctuation never starts a line, opening punctuation never
//! ends one (the mark travels with its neighbour).

use super::{Draw, Page};

/// Widths of characters at size 1 (in points per point of font size).
pub trait Measure {
    fn advance(&self, c: char) -> f32;
}

/// Paper sizes in points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    A4,
    A5,
}

impl Paper {
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::A5 => (419.53, 595.28),
        }
    }
    /// Body text size: 小四 on A4, 五号 on A5.
    pub fn text_size(self) -> f32 {
        match self {
            Paper::A4 => 12.0,
            Paper::A5 => 10.5,
        }
    }
    fn margin(self) -> (f32, f32) {
        match self {
            Paper::A4 => (72.0, 64.0),
            Paper::A5 => (50.0, 48.0),
        }
    }
}

/// Closing marks: never at the start of a line.
const NO_START: &str = "。，、；：？！）》」』】〕〉”’…—·%.,;:?!)]}";
/// Opening marks: never at the end of a line.
const NO_END: &str = "（《「『【〔〈“‘([{";

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/' | '@' | '#' | '+' | '=' | '~' | '&')
}

/// Units that may not be broken: a Latin word or number, or one CJK character, with the
/// 禁则 marks glued on. Spaces are their own units (a line never starts with one).
fn units(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut glue_next = false;
    for c in text.chars() {
        let join_prev = out.last().is_some_and(|last: &String| {
            glue_next || NO_START.contains(c) || (is_word_char(c) && last.chars().last().is_some_and(is_word_char))
        }) && c != ' ';
        if join_prev {
            if let Some(last) = out.last_mut() {
                last.push(c);
            }
        } else {
            out.push(c.to_string());
        }
        glue_next = NO_END.contains(c);
    }
    out
}

/// Breaks `text` into lines no wider than `width` at `size`.
pub fn wrap(m: &dyn Measure, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut w = 0.0;
        for u in units(para) {
            let uw: f32 = u.chars().map(|c| m.advance(c) * size).sum();
            if w + uw > width && !line.is_empty() {
                lines.push(line.trim_end().to_string());
                line = String::new();
                w = 0.0;
                if u == " " {
                    continue;
                }
            }
            if uw > width {
                // A unit wider than the line (a long URL): cut it by characters.
                for c in u.chars() {
                    let cw = m.advance(c) * size;
                    if w + cw > width && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                        w = 0.0;
                    }
                    line.push(c);
                    w += cw;
                }
                continue;
            }
            line.push_str(&u);
            w += uw;
        }
        lines.push(line.trim_end().to_string());
    }
    lines
}

pub fn text_width(m: &dyn Measure, text: &str, size: f32) -> f32 {
    text.chars().map(|c| m.advance(c) * size).sum()
}

/// Puts blocks onto pages, top to bottom, starting a page when the next thing does not fit.
pub struct Typesetter<'m> {
    pub m: &'m dyn Measure,
    pub paper: Paper,
    pub pages: Vec<Page>,
    /// Distance from the top of the current page's text area.
    y: f32,
    header: String,
}

impl<'m> Typesetter<'m> {
    pub fn new(m: &'m dyn Measure, paper: Paper) -> Self {
        Typesetter {
            m,
            paper,
            pages: Vec::new(),
            y: 0.0,
            header: String::new(),
        }
    }

    pub fn left(&self) -> f32 {
        self.paper.margin().0
    }
    pub fn width(&self) -> f32 {
        self.paper.size().0 - 2.0 * self.paper.margin().0
    }
    fn top(&self) -> f32 {
        self.paper.size().1 - self.paper.margin().1
    }
    fn height(&self) -> f32 {
        self.paper.size().1 - 2.0 * self.paper.margin().1
    }

    /// Starts a page whose running header is `header`; returns its index.
    pub fn new_page(&mut self, header: &str) -> usize {
        self.header = header.to_string();
        self.pages.push(Page {
            header: header.to_string(),
            ..Page::default()
        });
        self.y = 0.0;
        self.pages.len() - 1
    }

    fn ensure(&mut self, h: f32) {
        if self.pages.is_empty() || (self.y + h > self.height() && self.y > 0.0) {
            let header = self.header.clone();
            self.new_page(&header);
        }
    }

    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.new_page("");
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub fn space(&mut self, h: f32) {
        if self.y > 0.0 {
            self.y += h;
        }
    }

    /// Moves down to `y` points from the top of the text area (cover pages).
    pub fn skip_to(&mut self, y: f32) {
        self.y = self.y.max(y);
    }

    fn put_line(&mut self, x: f32, text: &str, size: f32, leading: f32) {
        self.ensure(leading);
        let baseline = self.top() - self.y - size;
        self.page().items.push(Draw::Text {
            x,
            y: baseline,
            size,
            text: text.to_string(),
        });
        self.y += leading;
    }

    /// A paragraph (first line indented two characters when `indent`).
    pub fn para(&mut self, text: &str, size: f32, indent: bool) {
        let lead = size * 1.6;
        let first = if indent { "\u{3000}\u{3000}" } else { "" };
        let lines = wrap(self.m, &format!("{first}{text}"), size, self.width());
        for line in lines {
            let x = self.left();
            self.put_line(x, &line, size, lead);
        }
    }

    /// A line centred on the page.
    pub fn centered(&mut self, text: &str, size: f32) {
        for line in wrap(self.m, text, size, self.width()) {
            let x = self.left() + (self.width() - text_width(self.m, &line, size)) / 2.0;
            self.put_line(x, &line, size, size * 1.5);
        }
    }

    /// A heading: kept with at least two lines of what follows.
    pub fn heading(&mut self, text: &str, size: f32) {
        self.ensure(size * 1.6 + self.paper.text_size() * 3.2);
        self.space(size * 0.6);
        self.para(text, size, false);
        self.y += size * 0.2;
    }

    /// A list item: `marker` hangs in the margin of the text.
    pub fn item(&mut self, marker: &str, text: &str, size: f32) {
        let lead = size * 1.6;
        let mw = text_width(self.m, marker, size).max(size * 2.0);
        let lines = wrap(self.m, text, size, self.width() - mw);
        for (i, line) in lines.iter().enumerate() {
            self.ensure(lead);
            if i == 0 {
                let x = self.left();
                let baseline = self.top() - self.y - size;
                self.page().items.push(Draw::Text {
                    x,
                    y: baseline,
                    size,
                    text: marker.to_string(),
                });
            }
            let x = self.left() + mw;
            self.put_line(x, line, size, lead);
        }
    }

    /// A table-of-contents line: text, dot leader, page number at the right edge.
    pub fn toc_line(&mut self, indent: f32, text: &str, page: u32, size: f32) {
        let num = page.to_string();
        let nw = text_width(self.m, &num, size);
        let avail = self.width() - indent - nw - size * 2.0;
        let lines = wrap(self.m, text, size, avail);
        let lead = size * 1.7;
        for (i, line) in lines.iter().enumerate() {
            let x = self.left() + indent;
            self.put_line(x, line, size, lead);
            if i + 1 == lines.len() {
                let baseline = self.top() - self.y + lead - size;
                let start = x + text_width(self.m, line, size) + size * 0.5;
                let end = self.left() + self.width() - nw - size * 0.5;
                let dot = text_width(self.m, "·", size).max(1.0);
                let dots = ((end - start) / dot).floor().max(0.0) as usize;
                let leader: String = "·".repeat(dots);
                let right = self.left() + self.width() - nw;
                let page_items = &mut self.page().items;
                page_items.push(Draw::Text {
                    x: end - dots as f32 * dot,
                    y: baseline,
                    size,
                    text: leader,
                });
                page_items.push(Draw::Text {
                    x: right,
                    y: baseline,
                    size,
                    text: num.clone(),
                });
            }
        }
    }

    /// A ruled table; columns get widths in proportion to their text, rows are never split,
    /// and the header row is repeated at the top of each page the table runs onto.
    pub fn table(&mut self, header: &[String], rows: &[Vec<String>], size: f32) {
        let cols = header.len().max(rows.iter().map(Vec::len).max().unwrap_or(0));
        if cols == 0 {
            return;
        }
        let pad = size * 0.4;
        let width = self.width();
        let natural: Vec<f32> = (0..cols)
            .map(|c| {
                std::iter::once(header.get(c))
                    .chain(rows.iter().map(|r| r.get(c)))
                    .flatten()
                    .map(|t| text_width(self.m, t, size))
                    .fold(size * 2.0, f32::max)
                    .min(width * 0.6)
                    + 2.0 * pad
            })
            .collect();
        let total: f32 = natural.iter().sum();
        let widths: Vec<f32> = natural.iter().map(|w| w * width / total).collect();
        let lead = size * 1.45;
        let cell_lines = |m: &dyn Measure, row: &[String]| -> Vec<Vec<String>> {
            (0..cols)
                .map(|c| wrap(m, row.get(c).map_or("", String::as_str), size, widths[c] - 2.0 * pad))
                .collect()
        };
        let head = cell_lines(self.m, header);
        let row_h = |lines: &[Vec<String>]| lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * lead + pad * 2.0;
        let head_h = row_h(&head);
        self.ensure(head_h + lead * 2.0);
        self.draw_row(&head, &widths, head_h, size, lead, pad);
        for row in rows {
            let lines = cell_lines(self.m, row);
            let h = row_h(&lines);
            if self.y + h > self.height() {
                let header = self.header.clone();
                self.new_page(&header);
                self.draw_row(&head, &widths, head_h, size, lead, pad);
            }
            self.draw_row(&lines, &widths, h, size, lead, pad);
        }
        self.y += size * 0.6;
    }

    fn draw_row(&mut self, cells: &[Vec<String>], widths: &[f32], h: f32, size: f32, lead: f32, pad: f32) {
        let top = self.top() - self.y;
        let left = self.left();
        let right = left + widths.iter().sum::<f32>();
        let items = &mut self.page().items;
        items.push(Draw::Line {
            x1: left,
            y1: top,
            x2: right,
            y2: top,
        });
        items.push(Draw::Line {
            x1: left,
            y1: top - h,
            x2: right,
            y2: top - h,
        });
        let mut x = left;
        items.push(Draw::Line {
            x1: x,
            y1: top,
            x2: x,
            y2: top - h,
        });
        for (c, w) in widths.iter().enumerate() {
            for (i, line) in cells[c].iter().enumerate() {
                items.push(Draw::Text {
                    x: x + pad,
                    y: top - pad - i as f32 * lead - size,
                    size,
                    text: line.clone(),
                });
            }
            x += w;
            items.push(Draw::Line {
                x1: x,
                y1: top,
                x2: x,
                y2: top - h,
            });
        }
        self.y += h;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// CJK one em, everything else half.
    struct Mono;
    impl Measure for Mono {
        fn advance(&self, c: char) -> f32 {
            if c.is_ascii() { 0.5 } else { 1.0 }
        }
    }

    #[test]
    fn closing_marks_never_start_a_line() {
        // 10 characters a line; the 11th is "。", which must travel with "办".
        let text = "申请人应当持本人身份证明到窗口办。然后等待";
        let lines = wrap(&Mono, text, 1.0, 15.0);
        assert!(lines.iter().all(|l| !l.starts_with('。')), "{lines:?}");
        let lines = wrap(&Mono, "一二三四五六七八九十。十一", 1.0, 10.0);
        assert_eq!(lines[0], "一二三四五六七八九");
        assert_eq!(lines[1], "十。十一");
    }

    #[test]
    fn opening_marks_never_end_a_line() {
        let lines = wrap(&Mono, "一二三四五六七八九《十》", 1.0, 10.0);
        assert!(lines.iter().all(|l| !l.ends_with('《')), "{lines:?}");
        assert_eq!(lines[1], "《十》");
    }

    #[test]
    fn latin_words_and_numbers_stay_whole() {
        let lines = wrap(&Mono, "电话0556-1234567咨询", 1.0, 8.0);
        assert!(lines.iter().any(|l| l.contains("0556-1234567")), "{lines:?}");
    }
}
