//! From the bytes of one file to the sheets that hold a roster or a payroll, with their headers.
//!
//! This is where the file kind is decided (by content, not by name), text is decoded, the CSV
//! delimiter is chosen, and sheets without a recognisable header are set aside.

use crate::columns::TableKind;
use crate::decode::{decode, TextEncoding};
use crate::error::ImportError;
use crate::grid::Sheet;
use crate::header::{self, Header};
use crate::limits::HEADER_SEARCH_ROWS;
use crate::sniff::{sniff, FileKind};
use crate::{csv_read, xlsx_read};

/// A file the user picked.
#[derive(Clone, Copy, Debug)]
pub struct InputFile<'a> {
    /// The file name as picked (shown in messages; not used to decide the format).
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// What to read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Read only this worksheet of an XLSX file. `None`: every sheet whose header is recognised
    /// (a workbook with 花名册 and 工资表 sheets, or one payroll sheet per month).
    pub sheet: Option<String>,
    /// Read sheets only as this table. `None`: decide from each header.
    pub table: Option<TableKind>,
    /// Header texts the user mapped to a column in the preview (「入职时间」 → 协议起始日期),
    /// applied before the usual spellings.
    pub mapping: Vec<(String, crate::columns::Column)>,
}

/// A header the importer did not recognise, with the column it probably means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unmapped {
    pub header: String,
    pub suggestion: Option<crate::columns::Column>,
}

/// One sheet that will be imported, and how it was read.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub file: String,
    /// Worksheet name; empty for CSV.
    pub sheet: String,
    pub kind: TableKind,
    /// Row number of the header row, as shown in Excel.
    pub header_row: u32,
    /// Headers of the columns that are not imported (序号, 备注 …).
    pub ignored_columns: Vec<String>,
    /// For CSV: the encoding the text was read in.
    pub encoding: Option<TextEncoding>,
    /// For a payroll without a 工资月份 column: the month taken from its title (`YYYY-MM`).
    pub title_month: Option<String>,
    /// The ignored headers with a suggestion where one fits, for the user to map.
    pub unmapped: Vec<Unmapped>,
    /// Columns the rules need that the sheet lacks.
    pub missing: Vec<crate::columns::Column>,
}

/// A sheet with its header, ready for [`crate::records`].
pub struct Found {
    pub source: Source,
    pub sheet: Sheet,
    pub header: Header,
}

/// Reads one file. Sheets with no recognisable header go to `skipped` (by name); a file where no
/// sheet has one is an error.
///
/// # Errors
/// Any [`ImportError`] about the file as a whole.
pub fn read(
    file: &InputFile<'_>,
    options: &ImportOptions,
    max_rows: usize,
    skipped: &mut Vec<String>,
) -> Result<Vec<Found>, ImportError> {
    let name = file.name;
    let (sheets, encoding) = match sniff(name, file.bytes)? {
        FileKind::Xlsx => (
            xlsx_read::read(name, file.bytes, options.sheet.as_deref(), max_rows)?,
            None,
        ),
        FileKind::Text => {
            let (text, encoding) = decode(name, file.bytes)?;
            let delimiter = choose_delimiter(name, &text, options.table);
            (
                vec![csv_read::read(name, &text, delimiter, max_rows, false)?],
                Some(encoding),
            )
        }
    };
    let mut found = Vec::new();
    let mut looked_at = Vec::new();
    for sheet in sheets {
        looked_at.push(sheet.name.clone());
        match header::find(&sheet, options.table, &options.mapping) {
            Some(header) => found.push(Found {
                source: Source {
                    file: name.to_owned(),
                    sheet: sheet.name.clone(),
                    kind: header.kind,
                    header_row: header.row_number,
                    ignored_columns: header.ignored.clone(),
                    encoding,
                    title_month: header.title_month.map(bangfu_model::text::format_month),
                    unmapped: header
                        .ignored
                        .iter()
                        .map(|h| Unmapped {
                            header: h.clone(),
                            suggestion: crate::columns::suggest(h, header.kind)
                                .filter(|c| header.index_of(*c).is_none()),
                        })
                        .collect(),
                    missing: crate::columns::required(header.kind)
                        .iter()
                        .copied()
                        .filter(|c| header.index_of(*c).is_none())
                        // A payroll titled with its month has its month.
                        .filter(|c| {
                            !(*c == crate::columns::Column::Month && header.title_month.is_some())
                        })
                        .collect(),
                },
                sheet,
                header,
            }),
            None if !sheet.name.is_empty() => skipped.push(format!("{name}：{}", sheet.name)),
            None => {}
        }
    }
    if found.is_empty() {
        return Err(ImportError::NoHeader {
            file: name.to_owned(),
            sheets: looked_at.into_iter().filter(|s| !s.is_empty()).collect(),
        });
    }
    Ok(found)
}

/// The delimiter under which the header is recognised best; comma when none is.
fn choose_delimiter(file: &str, text: &str, table: Option<TableKind>) -> u8 {
    let mut best = (0usize, csv_read::DELIMITERS[0]);
    for d in csv_read::DELIMITERS {
        let Ok(sheet) = csv_read::read(file, text, d, HEADER_SEARCH_ROWS, true) else {
            continue;
        };
        if let Some(h) = header::find(&sheet, table, &[]) {
            if h.columns.len() > best.0 {
                best = (h.columns.len(), d);
            }
        }
    }
    best.1
}
