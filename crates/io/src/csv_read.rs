//! Delimited text (already decoded) into a [`Sheet`], using the `csv` crate.
//!
//! Row numbers are the ones Excel shows when it opens the file: a field with a line break inside
//! quotes stays one row, and blank lines count as rows.

use crate::error::ImportError;
use crate::grid::{Cell, Row, Sheet};
use crate::limits::MAX_COLUMNS;

/// Delimiters tried, in order of preference: comma (CSV), tab (Excel "Unicode 文本", pasted
/// tables) and semicolon (CSV from European-locale Excel).
pub const DELIMITERS: [u8; 3] = [b',', b'\t', b';'];

/// Reads at most `max_rows` non-blank rows.
///
/// # Errors
/// [`ImportError::TooManyRows`] when the text has more than `max_rows` non-blank rows and
/// `max_rows` is the import limit (pass `stop_early = true` to just stop instead).
pub fn read(
    file: &str,
    text: &str,
    delimiter: u8,
    max_rows: usize,
    stop_early: bool,
) -> Result<Sheet, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    // Line breaks inside quoted fields so far: they advance the line count but not Excel's row.
    let mut embedded_breaks: u64 = 0;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            // Input is a &str, so the only possible errors are I/O ones that cannot happen on a
            // slice; stop reading rather than fail the whole file.
            Err(_) => break,
        }
        // The reported position is where parsing resumed, before any blank lines the reader
        // skipped; count those to get the record's own first line.
        let (byte, line) = record
            .position()
            .map_or((0, 0), |p| (p.byte() as usize, p.line()));
        let skipped = text
            .as_bytes()
            .get(byte..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .filter(|&&b| b == b'\n')
            .count() as u64;
        let line = line + skipped;
        let number = u32::try_from(line.saturating_sub(embedded_breaks)).unwrap_or(u32::MAX);
        let mut cells = Vec::with_capacity(record.len());
        for field in record.iter().take(MAX_COLUMNS as usize) {
            embedded_breaks += field.bytes().filter(|&b| b == b'\n').count() as u64;
            cells.push(if field.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(field.to_owned())
            });
        }
        // Fields beyond the column limit may still hold line breaks.
        for field in record.iter().skip(MAX_COLUMNS as usize) {
            embedded_breaks += field.bytes().filter(|&b| b == b'\n').count() as u64;
        }
        let row = Row { number, cells };
        if row.is_blank() {
            continue;
        }
        if rows.len() >= max_rows {
            if stop_early {
                break;
            }
            return Err(ImportError::TooManyRows {
                file: file.to_owned(),
                limit: crate::limits::MAX_ROWS,
            });
        }
        rows.push(row);
    }
    Ok(Sheet {
        name: String::new(),
        rows,
        date_1904: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(row: &Row) -> Vec<String> {
        row.cells.iter().map(Cell::display).collect()
    }

    #[test]
    fn rows_are_numbered_as_excel_shows_them() {
        let text = "标题\n\n姓名,备注\n张三,\"两行\n备注\"\n李四,x\n";
        let sheet = read("a.csv", text, b',', 100, false).unwrap();
        let numbers: Vec<u32> = sheet.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [1, 3, 4, 5]);
        assert_eq!(texts(&sheet.rows[2]), ["张三", "两行\n备注"]);
    }

    #[test]
    fn ragged_rows_and_tabs() {
        let sheet = read("a.txt", "a\tb\tc\nd\n", b'\t', 100, false).unwrap();
        assert_eq!(texts(&sheet.rows[0]), ["a", "b", "c"]);
        assert_eq!(texts(&sheet.rows[1]), ["d"]);
    }

    #[test]
    fn row_limit() {
        let text = "a\nb\nc\n";
        assert!(matches!(
            read("a.csv", text, b',', 2, false),
            Err(ImportError::TooManyRows { .. })
        ));
        assert_eq!(read("a.csv", text, b',', 2, true).unwrap().rows.len(), 2);
    }
}
