//! CSV: one file per section (a CSV has no sheets), each with a UTF-8 byte-order mark and
//! CRLF line ends, which is what Excel and WPS on Windows need to show Chinese headers
//! instead of mojibake. Dates are written `2026-09-25`, which both read as dates.

use super::sheets::Sheet;

/// (file name, bytes) for each sheet.
pub fn render(sheets: &[Sheet]) -> Vec<(String, Vec<u8>)> {
    sheets.iter().map(|s| (s.file.to_string(), one(s))).collect()
}

pub fn one(sheet: &Sheet) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        // Writing into a Vec cannot fail; a failure would only leave the file shorter.
        let _ = w.write_record(sheet.columns.iter().map(|(h, _)| h.as_str()));
        for row in &sheet.rows {
            let _ = w.write_record(row.iter().map(|c| c.text()));
        }
        let _ = w.flush();
    }
    out
}
