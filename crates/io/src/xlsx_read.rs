//! XLSX workbooks into [`Sheet`]s, using `calamine`'s streaming cell reader.
//!
//! The streaming reader is used instead of `worksheet_range` because a range is allocated as a
//! dense rectangle: one stray cell in `XFD1048576` would ask for 17 billion cells. Here only cells
//! holding a value are kept, and rows, columns and uncompressed size are bounded (see
//! [`crate::limits`]). Merged cells are filled with their top-left value so that a 姓名 merged over
//! a person's two seasonal rows reads as that name on both rows.

use crate::error::ImportError;
use crate::grid::serial_to_date;
use crate::grid::{Cell, Row, Sheet};
use crate::limits::{
    MAX_COLUMNS, MAX_MERGED_CELLS, MAX_SHARED_STRINGS_BYTES, MAX_SHEET_PART_BYTES,
    MAX_XLSX_UNCOMPRESSED_BYTES,
};
use calamine::{DataRef, Reader, Xlsx};
use std::collections::BTreeMap;
use std::io::Cursor;

/// The worksheet names, in workbook order.
///
/// # Errors
/// [`ImportError::Damaged`] or [`ImportError::WrongType`] when the bytes are not a readable
/// workbook.
pub fn sheet_names(file: &str, bytes: &[u8]) -> Result<Vec<String>, ImportError> {
    Ok(open(file, bytes)?.sheet_names())
}

/// Reads the named sheet, or every sheet when `only` is `None`.
///
/// # Errors
/// As [`sheet_names`], plus [`ImportError::NoSuchSheet`] and [`ImportError::TooManyRows`] (when
/// the sheets read hold more than `max_rows` non-blank rows together).
pub fn read(
    file: &str,
    bytes: &[u8],
    only: Option<&str>,
    max_rows: usize,
) -> Result<Vec<Sheet>, ImportError> {
    let mut workbook = open(file, bytes)?;
    let names = workbook.sheet_names();
    let wanted: Vec<String> = match only {
        Some(name) => {
            let found = names
                .iter()
                .find(|n| n.as_str() == name || n.trim() == name.trim())
                .cloned();
            match found {
                Some(n) => vec![n],
                None => {
                    return Err(ImportError::NoSuchSheet {
                        file: file.to_owned(),
                        sheet: name.to_owned(),
                        available: names,
                    })
                }
            }
        }
        None => names,
    };
    let date_1904 = workbook.has_1904_epoch();
    let merges = has_merged_cells(bytes);
    let mut sheets = Vec::new();
    let mut budget = max_rows;
    for name in wanted {
        let sheet = read_sheet(file, &mut workbook, &name, date_1904, budget, merges)?;
        budget -= sheet.rows.len();
        sheets.push(sheet);
    }
    Ok(sheets)
}

fn damaged(file: &str, detail: impl Into<String>) -> ImportError {
    ImportError::Damaged {
        file: file.to_owned(),
        detail: detail.into(),
    }
}

/// Checks the zip directory (what it holds, how big it unpacks) and opens the workbook.
fn open<'a>(file: &str, bytes: &'a [u8]) -> Result<Xlsx<Cursor<&'a [u8]>>, ImportError> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| damaged(file, "压缩结构不完整"))?;
    let mut total: u64 = 0;
    let mut has_workbook = false;
    let mut kind_hint = None;
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|_| damaged(file, "压缩目录损坏"))?;
        total = total.saturating_add(entry.size());
        let name = entry.name().unwrap_or_default();
        let part_limit = if name.starts_with("xl/sharedStrings") {
            MAX_SHARED_STRINGS_BYTES
        } else if name.starts_with("xl/worksheets/") {
            MAX_SHEET_PART_BYTES
        } else {
            u64::MAX
        };
        if entry.size() > part_limit {
            return Err(damaged(
                file,
                "表格中有异常巨大的内容（单个单元格或文字过长）",
            ));
        }
        if name == "xl/workbook.xml" {
            has_workbook = true;
        } else if name.starts_with("word/") {
            kind_hint = Some("Word 文档");
        } else if name.starts_with("ppt/") {
            kind_hint = Some("PowerPoint 演示文稿");
        } else if name == "content.xml" {
            kind_hint = Some("OpenDocument 文件（.ods/.odt）");
        }
    }
    if !has_workbook {
        return Err(ImportError::WrongType {
            file: file.to_owned(),
            found: kind_hint.unwrap_or("压缩包（.zip）").to_owned(),
            hint: "请选择 .xlsx 或 .csv 格式的花名册或工资表；其他格式请先用 Excel 或 WPS “另存为” .xlsx。"
                .to_owned(),
        });
    }
    if total > MAX_XLSX_UNCOMPRESSED_BYTES {
        return Err(damaged(file, "解压后内容异常巨大"));
    }
    Xlsx::new(Cursor::new(bytes)).map_err(|e| damaged(file, short(&e.to_string())))
}

/// Whether any worksheet part mentions a merged cell.
///
/// calamine finds merged areas by parsing the whole sheet XML a second time, which is a third of
/// the time of reading a 60,000-row payroll; most large files have none. Unpacking the parts and
/// searching the raw bytes for the `mergeCell ` tag (with or without a namespace prefix) is much
/// cheaper, and when it finds nothing the second parse is skipped.
fn has_merged_cells(bytes: &[u8]) -> bool {
    use std::io::Read;
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return true;
    };
    let finder = memchr::memmem::Finder::new(b"mergeCell ");
    let mut buf = vec![0u8; 64 * 1024];
    for i in 0..archive.len() {
        let Ok(mut part) = archive.by_index(i) else {
            return true;
        };
        let is_sheet = part
            .name()
            .map(|n| n.starts_with("xl/worksheets/") && n.ends_with(".xml"))
            .unwrap_or(false);
        if !is_sheet {
            continue;
        }
        // Keep the last bytes of each chunk so a tag split across two reads is still found.
        const KEEP: usize = 16;
        let mut kept = 0;
        loop {
            let n = match part.read(&mut buf[kept..]) {
                Ok(0) => break,
                Ok(n) => n,
                // Unreadable here means calamine will report it; look for merges as usual.
                Err(_) => return true,
            };
            let end = kept + n;
            if finder.find(&buf[..end]).is_some() {
                return true;
            }
            kept = KEEP.min(end);
            buf.copy_within(end - kept..end, 0);
        }
    }
    false
}

/// calamine's messages are English and can be long; keep the first line, bounded.
fn short(s: &str) -> String {
    let first = s.lines().next().unwrap_or("");
    first.chars().take(80).collect()
}

fn read_sheet(
    file: &str,
    workbook: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
    date_1904: bool,
    max_rows: usize,
    merges: bool,
) -> Result<Sheet, ImportError> {
    let mut rows: BTreeMap<u32, Vec<Cell>> = BTreeMap::new();
    {
        let mut reader = workbook
            .worksheet_cells_reader(name)
            .map_err(|e| damaged(file, format!("工作表“{name}”：{}", short(&e.to_string()))))?;
        loop {
            let next = reader
                .next_cell()
                .map_err(|e| damaged(file, format!("工作表“{name}”：{}", short(&e.to_string()))))?;
            let Some(cell) = next else { break };
            let (r, c) = cell.get_position();
            if c >= MAX_COLUMNS {
                continue;
            }
            let value = convert(cell.get_value(), date_1904);
            if value.is_blank() {
                continue;
            }
            if !rows.contains_key(&r) && rows.len() >= max_rows {
                return Err(ImportError::TooManyRows {
                    file: file.to_owned(),
                    limit: crate::limits::MAX_ROWS,
                });
            }
            let cells = rows.entry(r).or_default();
            let c = c as usize;
            if cells.len() <= c {
                cells.resize(c + 1, Cell::Empty);
            }
            cells[c] = value;
        }
    }
    // A sheet whose merge list cannot be read is still readable cell by cell.
    let merged = if merges {
        workbook.merge_cells_by_sheet_name(name)
    } else {
        Ok(Vec::new())
    };
    if let Ok(merged) = merged {
        for area in merged {
            fill_merged(&mut rows, area.start, area.end);
        }
    }
    Ok(Sheet {
        name: name.to_owned(),
        rows: rows
            .into_iter()
            .map(|(r, cells)| Row {
                number: r.saturating_add(1),
                cells,
            })
            .collect(),
        date_1904,
    })
}

/// Copies the top-left value of a merged area into its other cells, on rows that hold data.
fn fill_merged(rows: &mut BTreeMap<u32, Vec<Cell>>, start: (u32, u32), end: (u32, u32)) {
    let (r0, c0) = start;
    let (r1, c1) = (end.0, end.1.min(MAX_COLUMNS - 1));
    if r1 < r0 || c1 < c0 {
        return;
    }
    let area = (u64::from(r1) - u64::from(r0) + 1) * (u64::from(c1) - u64::from(c0) + 1);
    if area <= 1 || area > MAX_MERGED_CELLS {
        return;
    }
    let Some(value) = rows
        .get(&r0)
        .and_then(|cells| cells.get(c0 as usize))
        .cloned()
    else {
        return;
    };
    if value.is_blank() {
        return;
    }
    for (_, cells) in rows.range_mut(r0..=r1) {
        for c in c0 as usize..=c1 as usize {
            if cells.len() <= c {
                cells.resize(c + 1, Cell::Empty);
            }
            if cells[c].is_blank() {
                cells[c] = value.clone();
            }
        }
    }
}

fn convert(value: &DataRef<'_>, date_1904: bool) -> Cell {
    match value {
        DataRef::Empty => Cell::Empty,
        DataRef::String(s) => Cell::Text(s.clone()),
        DataRef::SharedString(s) => Cell::Text((*s).to_owned()),
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) if dt.is_datetime() => {
            let serial = dt.as_f64();
            Cell::Date {
                date: serial_to_date(serial, date_1904),
                serial,
            }
        }
        DataRef::DateTime(dt) => Cell::Number(dt.as_f64()),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Text(s.clone()),
        DataRef::Error(e) => Cell::Error(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_cells_are_found_only_where_they_are() {
        let plain = crate::template::roster_xlsx().unwrap();
        assert!(!has_merged_cells(&plain));
        let titled = crate::ledger::ledger_xlsx(&[], "2026-03-01").unwrap();
        assert!(has_merged_cells(&titled));
        assert!(has_merged_cells(b"not a zip"), "unknown: look as usual");
    }

    #[test]
    fn merged_areas_of_any_size_are_safe() {
        let mut rows = BTreeMap::new();
        rows.insert(0, vec![Cell::Text("标题".into())]);
        rows.insert(5, vec![Cell::Empty, Cell::Text("x".into())]);
        fill_merged(&mut rows, (0, 0), (u32::MAX, u32::MAX));
        fill_merged(&mut rows, (3, 2), (1, 1));
        assert_eq!(rows[&5][0], Cell::Empty, "huge areas are not copied");
        fill_merged(&mut rows, (0, 0), (5, 0));
        assert_eq!(rows[&5][0], Cell::Text("标题".into()));
        assert!(!rows.contains_key(&3), "no rows are created");
    }

    #[test]
    fn a_far_away_stray_cell_does_not_allocate_a_huge_grid() {
        // calamine's dense range would need 17 billion cells for A1 + XFD1048576.
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, "姓名").unwrap();
        ws.write_string(1_048_575, 16_383, "x").unwrap();
        let bytes = wb.save_to_buffer().unwrap();
        let sheets = read("a.xlsx", &bytes, None, 100).unwrap();
        assert_eq!(
            sheets[0].rows.len(),
            1,
            "the far cell is beyond the column limit"
        );
    }
}
