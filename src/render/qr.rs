//! QR codes as inline SVG, made at build time (SPEC 8): a printed notice on a village board
//! links back to its page online.
//!
//! The qrcode crate encodes; the SVG is drawn here because the crate's renderer writes one
//! path command per module (about 12 KB for a notice URL, half of a notice page). One stroked
//! line per horizontal run of dark modules, in module units scaled by the viewBox and joined
//! by relative moves, gives the same picture in a quarter of the bytes.

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
    let mut path = String::with_capacity(width * width / 3);
    // Relative moves: the pen ends each run at its right end, so the next run on the row is
    // `m<gap> 0` and the first on a later row `m-<back> <rows>`. Absolute `M<x> <y>` repeated
    // the row's coordinate in every run; relative moves make the code a quarter smaller, and
    // every page carries one.
    let mut pen: Option<(usize, usize)> = None;
    for y in 0..width {
        let row = &colors[y * width..(y + 1) * width];
        let mut x = 0;
        while x < width {
            if row[x] != Color::Dark {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && row[x] == Color::Dark {
                x += 1;
            }
            match pen {
                None => {
                    path.push('M');
                    push_number(&mut path, start + QUIET);
                    path.push(' ');
                    push_number(&mut path, y + QUIET);
                    path.push_str(".5");
                }
                Some((px, py)) => {
                    path.push('m');
                    if start < px {
                        path.push('-');
                        push_number(&mut path, px - start);
                    } else {
                        push_number(&mut path, start - px);
                    }
                    path.push(' ');
                    push_number(&mut path, y - py);
                }
            }
            path.push('h');
            push_number(&mut path, x - start);
            pen = Some((x, y));
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
        let url = "https://gk.example.gov.cn/qingshan/social-assistance/dibao-2026q4.html";
        let s = svg(url);
        assert!(s.starts_with("<svg") && s.ends_with("</svg>"));
        assert!(s.len() < 3300, "{} bytes", s.len());
        // Draw the path back into modules: exactly the dark ones, each once.
        let (width, colors) = encode(url).unwrap();
        let d = s.split(" d=\"").nth(1).unwrap().split('"').next().unwrap();
        let mut drawn = vec![0u32; width * width];
        let (mut x, mut y) = (0i64, 0i64);
        let mut rest = d;
        while !rest.is_empty() {
            let cmd = rest.chars().next().unwrap();
            let end = rest[1..].find(['M', 'm', 'h']).map_or(rest.len(), |k| k + 1);
            let args: Vec<f64> = rest[1..end].split(' ').map(|a| a.parse().unwrap()).collect();
            rest = &rest[end..];
            match cmd {
                'M' => (x, y) = (args[0] as i64, args[1].floor() as i64),
                'm' => (x, y) = (x + args[0] as i64, y + args[1] as i64),
                'h' => {
                    for k in 0..args[0] as i64 {
                        let (mx, my) = ((x + k) as usize - QUIET, y as usize - QUIET);
                        drawn[my * width + mx] += 1;
                    }
                    x += args[0] as i64;
                }
                other => panic!("unexpected path command {other}"),
            }
        }
        for (i, c) in colors.iter().enumerate() {
            assert_eq!(drawn[i], u32::from(*c == Color::Dark), "module {i}");
        }
    }
}
