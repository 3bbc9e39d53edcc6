//! A sheet as read from a file, before any meaning is given to it: rows of typed cells, each row
//! with the number the user sees in Excel or WPS.

use chrono::{Days, NaiveDate};

/// One cell's value as the file stores it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    /// Text (every CSV cell; XLSX string cells).
    Text(String),
    /// A number (XLSX numeric cells without a date format).
    Number(f64),
    /// An XLSX cell with a date format: its date (`None` if out of range) and its serial number,
    /// kept for a column that expects a number but was formatted as a date by mistake.
    Date {
        date: Option<NaiveDate>,
        serial: f64,
    },
    Bool(bool),
    /// An Excel error value such as `#N/A` or `#REF!`.
    Error(String),
}

impl Cell {
    /// True for an empty cell or one holding only spaces.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().trim_matches('\u{3000}').trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as the user would read it, for messages and header matching.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => format_number(*n),
            Cell::Date { date: Some(d), .. } => d.format("%Y-%m-%d").to_string(),
            Cell::Date { date: None, serial } => format_number(*serial),
            Cell::Bool(true) => "TRUE".to_owned(),
            Cell::Bool(false) => "FALSE".to_owned(),
            Cell::Error(e) => e.clone(),
        }
    }
}

/// A number as Excel shows it in a General cell: integers without `.0`, others in the shortest
/// form that reads back to the same value.
pub fn format_number(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// One row of a sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The row number the user sees (1-based, as in Excel's row headers).
    pub number: u32,
    /// Cells from column A; trailing empty cells may be missing.
    pub cells: Vec<Cell>,
}

impl Row {
    /// The cell in column `col` (0-based), empty when the row is shorter.
    pub fn cell(&self, col: usize) -> &Cell {
        self.cells.get(col).unwrap_or(&Cell::Empty)
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_blank)
    }
}

/// A sheet (an XLSX worksheet, or the one table of a CSV file).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Sheet {
    /// The worksheet name; empty for CSV.
    pub name: String,
    /// Non-blank rows, top to bottom.
    pub rows: Vec<Row>,
    /// The workbook counts serial dates from 1904 (old Mac Excel).
    pub date_1904: bool,
}

/// An Excel serial day number to a date: days since 1899-12-31 in the 1900 system (with Excel's
/// fictitious 1900-02-29 as serial 60, which has no date), or since 1904-01-01 in the 1904 system.
/// The time of day (the fraction) is dropped. `None` outside 1900-01-01 ..= 9999-12-31.
pub fn serial_to_date(serial: f64, date_1904: bool) -> Option<NaiveDate> {
    if !serial.is_finite() || !(0.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as u64;
    let (base, offset) = if date_1904 {
        (NaiveDate::from_ymd_opt(1904, 1, 1)?, days)
    } else if days == 0 || days == 60 {
        return None;
    } else if days < 60 {
        (NaiveDate::from_ymd_opt(1899, 12, 31)?, days)
    } else {
        (NaiveDate::from_ymd_opt(1899, 12, 30)?, days)
    };
    base.checked_add_days(Days::new(offset))
}

/// The serial number of a date in the 1900 system (for writing date cells).
pub fn date_to_serial(date: NaiveDate) -> f64 {
    let base = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    (date - base).num_days() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_display_like_excel_general() {
        assert_eq!(format_number(45352.0), "45352");
        assert_eq!(format_number(2270.5), "2270.5");
        assert!(Cell::Text(" \u{3000}".into()).is_blank());
        assert_eq!(
            Row {
                number: 3,
                cells: vec![]
            }
            .cell(5),
            &Cell::Empty
        );
    }

    #[test]
    fn serial_dates_follow_excel() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        assert_eq!(serial_to_date(1.0, false), d(1900, 1, 1));
        assert_eq!(serial_to_date(59.0, false), d(1900, 2, 28));
        assert_eq!(serial_to_date(60.0, false), None, "Excel's 1900-02-29");
        assert_eq!(serial_to_date(61.0, false), d(1900, 3, 1));
        assert_eq!(serial_to_date(46082.0, false), d(2026, 3, 1));
        assert_eq!(serial_to_date(46082.75, false), d(2026, 3, 1));
        assert_eq!(serial_to_date(44620.0, true), d(2026, 3, 1));
        assert_eq!(serial_to_date(f64::NAN, false), None);
        assert_eq!(serial_to_date(-3.0, false), None);
        assert_eq!(
            date_to_serial(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()),
            46082.0
        );
    }
}
