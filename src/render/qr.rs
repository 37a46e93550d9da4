//! QR codes as inline SVG, made at build time (SPEC 8): a printed notice on a village board
//! links back to its page online.

use qrcode::QrCode;
use qrcode::render::svg;

/// An SVG QR code for `data`, or an empty string when the data cannot be encoded.
pub fn svg(data: &str) -> String {
    match QrCode::with_error_correction_level(data.as_bytes(), qrcode::EcLevel::M) {
        Ok(code) => code
            .render::<svg::Color>()
            .min_dimensions(120, 120)
            .quiet_zone(true)
            .dark_color(svg::Color("#000"))
            .light_color(svg::Color("#fff"))
            .build()
            .replacen("<?xml version=\"1.0\" standalone=\"yes\"?>", "", 1),
        Err(_) => String::new(),
    }
}
