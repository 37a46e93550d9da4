//! QR codes as inline SVG, made at build time (SPEC 8): a printed notice on a village board
//! links back to its page online.
//!
//! The qrcode crate encodes; the SVG is drawn here because the crate's renderer writes one
//! path command per module (about 12 KB for a notice URL, half of a notice page). One stroked
//! line per horizontal run of dark modules, in module units scaled by the viewBox, gives the
//! same picture in a third of the bytes.

use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::{Color, EcLevel};

/// Light modules around the code, as the standard asks for reliable scanning.
const QUIET: usize = 4;

/// An SVG QR code for `data`, or an empty string when the data cannot be encoded.
pub fn svg(data: &str) -> String {
    let Some((width, colors)) = encode(data) else {
        return String::new();
    };
    let size = width + 2 * QUIET;
    let mut path = String::with_capacity(width * width / 2);
    for y in 0..width {
        let row = &colors[y * width..(y + 1) * width];
        let mut x = 0;
        while x < width {
            if row[x] == Color::Dark {
                let start = x;
                while x < width && row[x] == Color::Dark {
                    x += 1;
                }
                path.push('M');
                push_number(&mut path, start + QUIET);
                path.push(' ');
                push_number(&mut path, y + QUIET);
                path.push_str(".5h");
                push_number(&mut path, x - start);
            } else {
                x += 1;
            }
        }
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" width=\"135\" height=\"135\" \
         shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"二维码\"><rect width=\"{size}\" height=\"{size}\" \
         fill=\"#fff\"/><path stroke=\"#000\" stroke-width=\"1\" d=\"{path}\"/></svg>"
    )
}

/// Appends `n` in decimal. `write!` through `core::fmt` was half of the QR code's time, and
/// the QR code 7% of a 10k build's CPU (perf); a code has a few hundred runs.
fn push_number(out: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    let mut n = n;
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[k..] {
        out.push(char::from(d));
    }
}

/// Encode with one fixed mask. The crate tries all eight masks and scores each for scanner
/// comfort, which measured as a quarter of a whole notice page's render time; any mask is a
/// valid code, and a short URL printed at 28 mm scans with the checkerboard one.
fn encode(data: &str) -> Option<(usize, Vec<Color>)> {
    let bits = qrcode::bits::encode_auto(data.as_bytes(), EcLevel::M).ok()?;
    let version = bits.version();
    let (encoded, ec) = qrcode::ec::construct_codewords(&bits.into_bytes(), version, EcLevel::M).ok()?;
    let mut canvas = Canvas::new(version, EcLevel::M);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&encoded, &ec);
    canvas.apply_mask(MaskPattern::Checkerboard);
    Some((version.width() as usize, canvas.into_colors()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_format_writes_them() {
        for n in [0, 7, 10, 99, 100, 4096, usize::MAX] {
            let mut s = String::new();
            push_number(&mut s, n);
            assert_eq!(s, n.to_string());
        }
    }

    #[test]
    fn svg_is_compact_and_complete() {
        let s = svg("https://gk.example.gov.cn/qingshan/social-assistance/dibao-2026q4.html");
        assert!(s.starts_with("<svg") && s.ends_with("</svg>"));
        assert!(s.len() < 4500, "{} bytes", s.len());
        // Every dark module is drawn: count them back from the runs.
        let (_, colors) = encode("https://gk.example.gov.cn/qingshan/social-assistance/dibao-2026q4.html").unwrap();
        let dark = colors.iter().filter(|c| **c == Color::Dark).count();
        let drawn: usize = s
            .split('h')
            .skip(1)
            .filter_map(|p| p.split(['M', '"']).next()?.parse::<usize>().ok())
            .sum();
        assert_eq!(drawn, dark);
    }
}
