//! XLSX via rust_xlsxwriter: a worksheet per section with a bold, frozen header row, column
//! widths for Chinese text, an autofilter, dates as real Excel dates (`yyyy-mm-dd`) and rates
//! as percentages, so that the county's clerks sort and filter in WPS or Excel directly.

use super::sheets::{Cell, Sheet};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

pub fn render(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let head = Format::new().set_bold().set_background_color("#DDEBF7");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let pct = Format::new().set_num_format("0.0%");
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(sheet.name)?;
        for (c, (title, width)) in sheet.columns.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            ws.write_string_with_format(0, c, title, &head)?;
            ws.set_column_width(c, *width)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(c).unwrap_or(u16::MAX);
                match cell {
                    Cell::Text(s) if s.is_empty() => {}
                    Cell::Text(s) => {
                        ws.write_string(r, c, s)?;
                    }
                    Cell::Int(i) => {
                        ws.write_number(r, c, *i as f64)?;
                    }
                    Cell::Rate(Some(x)) => {
                        ws.write_number_with_format(r, c, *x, &pct)?;
                    }
                    Cell::Date(Some(d)) => {
                        let dt = ExcelDateTime::from_ymd(
                            u16::try_from(d.year()).unwrap_or(1900),
                            u8::try_from(d.month()).unwrap_or(1),
                            u8::try_from(d.day()).unwrap_or(1),
                        )?;
                        ws.write_datetime_with_format(r, c, &dt, &date)?;
                    }
                    Cell::Rate(None) | Cell::Date(None) => {}
                }
            }
        }
        ws.set_freeze_panes(1, 0)?;
        let last_col = u16::try_from(sheet.columns.len().saturating_sub(1)).unwrap_or(0);
        let last_row = u32::try_from(sheet.rows.len()).unwrap_or(0);
        ws.autofilter(0, 0, last_row, last_col)?;
    }
    book.save_to_buffer()
}
