//! A block pasted from Excel or WPS into the payroll grid (tab-separated rows, as a spreadsheet
//! puts them on the clipboard): which person and which column each value goes to.
//!
//! - With a header row (its cells read as the payroll's column names, [`WAGE_COLUMNS`] and the
//!   other spellings of [`match_header`]), values go by column name and rows by 身份证号 or, when
//!   the block has none, by a 姓名 that only one person has.
//! - Without a header, when the first cell of most rows is a person's name or ID, rows go by it
//!   and the other cells fill the grid's columns from the first.
//! - Otherwise the block fills the grid from the focused cell, right and down, as a spreadsheet
//!   does.
//!
//! Nothing is decided here about whether a value is good: the values go into the draft as typed
//! and the rules judge them at their fields.

use crate::columns::{match_header, Column};
use bangfu_model::Draft;
use bangfu_rules::validate::id_card::normalize_id;

/// The grid's columns, in order: the payroll template's, after 姓名, 身份证号 and 工资月份.
pub const GRID_COLUMNS: &[Column] = crate::columns::PAY_COLUMNS;

/// One value to write: the person's key, the grid column (index into [`GRID_COLUMNS`]) and the
/// text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub key: u32,
    pub column: usize,
    pub value: String,
}

/// What a paste does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pasted {
    pub cells: Vec<Cell>,
    /// Rows that could not be placed (no such person, or more rows than the grid), in Chinese.
    pub skipped: Vec<String>,
}

/// The rows of a clipboard block: lines split at tabs, a trailing empty line dropped, quotes
/// around a cell (Excel quotes cells holding a line break or a tab) removed.
fn rows(block: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = block
        .trim_end_matches(['\r', '\n'])
        .split('\n')
        .map(|line| {
            line.trim_end_matches('\r')
                .split('\t')
                .map(|c| {
                    let c = c.trim();
                    c.strip_prefix('"')
                        .and_then(|x| x.strip_suffix('"'))
                        .unwrap_or(c)
                        .replace("\"\"", "\"")
                })
                .collect()
        })
        .collect();
    out.retain(|r| r.iter().any(|c| !c.is_empty()));
    out
}

/// Whether a text block is a spreadsheet block (several cells) rather than one value to type.
pub fn is_block(text: &str) -> bool {
    text.contains('\t') || text.trim_end_matches(['\r', '\n']).contains('\n')
}

/// The person a cell names (by ID, or by a name only one person has), among `keys`.
fn person(draft: &Draft, keys: &[u32], text: &str) -> Option<u32> {
    let id = normalize_id(text);
    if id.len() == 18 {
        if let Some(e) = draft
            .employees
            .iter()
            .find(|e| keys.contains(&e.key) && normalize_id(&e.id_number) == id)
        {
            return Some(e.key);
        }
    }
    let name = text.trim();
    if name.is_empty() {
        return None;
    }
    let mut found = draft
        .employees
        .iter()
        .filter(|e| keys.contains(&e.key) && e.name.trim() == name);
    let first = found.next()?;
    found.next().is_none().then_some(first.key)
}

/// Places a pasted `block` in the grid whose rows are the people `keys` (in grid order), pasted
/// at row `at_row`, column `at_column` (the focused cell).
///
/// ```
/// use bangfu_io::paste::{paste, GRID_COLUMNS};
/// let mut d = bangfu_model::Draft::default();
/// let a = d.add_employee();
/// let b = d.add_employee();
/// let p = paste(&d, &[a, b], 0, 2, "2300\t0\t2300\n2400\t0\t2400\n");
/// assert_eq!(p.cells.len(), 6);
/// assert_eq!((p.cells[3].key, p.cells[3].column, p.cells[3].value.as_str()), (b, 2, "2400"));
/// assert_eq!(GRID_COLUMNS.len(), 6);
/// assert_eq!(GRID_COLUMNS[0], bangfu_io::columns::Column::DaysWorked);
/// ```
pub fn paste(draft: &Draft, keys: &[u32], at_row: usize, at_column: usize, block: &str) -> Pasted {
    let mut rows = rows(block);
    let mut out = Pasted::default();
    if rows.is_empty() {
        return out;
    }
    // A header row: the columns by name.
    let header: Vec<Option<Column>> = rows[0]
        .iter()
        .map(|c| match_header(c, &crate::columns::WAGE_COLUMNS))
        .collect();
    let named = header.iter().filter(|c| c.is_some()).count();
    if named >= 2 {
        rows.remove(0);
        let key_col = header
            .iter()
            .position(|c| *c == Some(Column::IdNumber))
            .or_else(|| header.iter().position(|c| *c == Some(Column::Name)));
        for (i, row) in rows.iter().enumerate() {
            let key = match key_col {
                Some(k) => row.get(k).and_then(|t| person(draft, keys, t)),
                None => keys.get(at_row + i).copied(),
            };
            let Some(key) = key else {
                out.skipped.push(format!(
                    "第 {} 行（{}）：没有找到这个人",
                    i + 2,
                    key_col.and_then(|k| row.get(k)).map_or("", String::as_str)
                ));
                continue;
            };
            for (j, col) in header.iter().enumerate() {
                let Some(g) = col.and_then(|c| GRID_COLUMNS.iter().position(|x| *x == c)) else {
                    continue;
                };
                if let Some(v) = row.get(j) {
                    out.cells.push(Cell {
                        key,
                        column: g,
                        value: v.clone(),
                    });
                }
            }
        }
        return out;
    }
    // No header, but rows start with a name or an ID: by person.
    let keyed = rows
        .iter()
        .filter(|r| r.first().is_some_and(|c| person(draft, keys, c).is_some()))
        .count();
    if keyed * 2 > rows.len() {
        for (i, row) in rows.iter().enumerate() {
            let Some(key) = row.first().and_then(|c| person(draft, keys, c)) else {
                out.skipped.push(format!(
                    "第 {} 行（{}）：没有找到这个人",
                    i + 1,
                    row.first().map_or("", String::as_str)
                ));
                continue;
            };
            // A name followed by the ID (or the other way round): both are keys, not values.
            let skip = if row
                .get(1)
                .is_some_and(|c| person(draft, keys, c) == Some(key))
            {
                2
            } else {
                1
            };
            for (g, v) in row.iter().skip(skip).enumerate().take(GRID_COLUMNS.len()) {
                out.cells.push(Cell {
                    key,
                    column: g,
                    value: v.clone(),
                });
            }
        }
        return out;
    }
    // A plain block: from the focused cell.
    for (i, row) in rows.iter().enumerate() {
        let Some(&key) = keys.get(at_row + i) else {
            out.skipped
                .push(format!("第 {} 行：超出了表格的人数", i + 1));
            continue;
        };
        for (j, v) in row.iter().enumerate() {
            let column = at_column + j;
            if column < GRID_COLUMNS.len() {
                out.cells.push(Cell {
                    key,
                    column,
                    value: v.clone(),
                });
            }
        }
    }
    out
}

/// Rows pasted into the import box, ready to be read as a tab-separated file: as they are when
/// the first line is a header the importer knows, else under the roster template's header (the
/// column order of the template a clerk copied the rows from).
///
/// ```
/// let with = bangfu_io::paste::with_header("王五\t11010519491231002X\t脱贫人口\n");
/// assert!(with.starts_with("姓名\t"));
/// ```
pub fn with_header(text: &str) -> String {
    let first = text.lines().next().unwrap_or("");
    let all: Vec<Column> = crate::columns::ROSTER_COLUMNS
        .iter()
        .chain(crate::columns::WAGE_COLUMNS.iter())
        .copied()
        .collect();
    let known = first
        .split('\t')
        .filter(|c| match_header(c, &all).is_some())
        .count();
    if known >= 2 {
        return text.to_owned();
    }
    let header: Vec<&str> = crate::columns::ROSTER_COLUMNS
        .iter()
        .map(|c| c.label())
        .collect();
    format!("{}\n{text}", header.join("\t"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> (Draft, Vec<u32>) {
        let mut d = Draft::default();
        let mut keys = Vec::new();
        for (name, id) in [
            ("王五", "11010519491231002X"),
            ("赵六", "110101202311012176"),
            ("王五", "150121198801240028"),
        ] {
            let k = d.add_employee();
            if let Some(e) = d.employee_mut(k) {
                e.name = name.into();
                e.id_number = id.into();
            }
            keys.push(k);
        }
        (d, keys)
    }

    #[test]
    fn a_block_with_the_payroll_header_goes_by_column_name_and_id() {
        let (d, keys) = draft();
        let block = "姓名\t身份证号\t应发工资\t实发工资\t发放日期\r\n赵六\t110101202311012176\t2300\t2100\t2026-04-10\r\n王五\t15012119880124002 8\t2400\t2200\t2026-04-10\r\n";
        let p = paste(&d, &keys, 0, 0, block);
        let of = |k: u32| -> Vec<(usize, &str)> {
            p.cells
                .iter()
                .filter(|c| c.key == k)
                .map(|c| (c.column, c.value.as_str()))
                .collect()
        };
        assert_eq!(of(keys[1]), [(2, "2300"), (4, "2100"), (5, "2026-04-10")]);
        // The ID matches despite the space; the other 王五 gets nothing.
        assert_eq!(of(keys[2]).len(), 3);
        assert!(of(keys[0]).is_empty());
        assert!(p.skipped.is_empty(), "{:?}", p.skipped);
    }

    #[test]
    fn rows_starting_with_a_name_go_to_that_person() {
        let (d, keys) = draft();
        // 王五 is two people: that row cannot be placed by name.
        let p = paste(
            &d,
            &keys,
            0,
            0,
            "赵六\t22\t\t2300\n王五\t22\t\t2400\n赵六\t110101202311012176\t21\n",
        );
        assert_eq!(p.skipped.len(), 1, "{:?}", p.skipped);
        assert!(p.skipped[0].contains("王五"));
        let zhao: Vec<_> = p.cells.iter().filter(|c| c.key == keys[1]).collect();
        assert_eq!(zhao[0].value, "22");
        // Name then ID: the ID is a key too, not 出勤天数.
        assert_eq!(
            zhao.last().map(|c| (c.column, c.value.as_str())),
            Some((0, "21"))
        );
    }

    /// Roster rows pasted without their header import under the template's columns.
    #[test]
    fn pasted_roster_rows_without_a_header_import_in_the_template_order() {
        let a = "11010519491231002X";
        let rows = format!("王五\t{a}\t脱贫人口\n");
        let text = with_header(&rows);
        let plan = crate::preview(
            &Draft::default(),
            &[crate::InputFile {
                name: "粘贴的表格.txt",
                bytes: text.as_bytes(),
            }],
            &crate::ImportOptions::default(),
        )
        .unwrap();
        assert_eq!(plan.people_added.len(), 1, "{}", plan.summary());
        assert_eq!(plan.people_added[0].name, "王五");
        // With its header, as it is.
        let headed = format!("姓名\t身份证号\n王五\t{a}\n");
        assert_eq!(with_header(&headed), headed);
    }

    #[test]
    fn a_plain_block_fills_from_the_focused_cell() {
        let (d, keys) = draft();
        let p = paste(
            &d,
            &keys,
            1,
            4,
            "2100\t2026-04-10\textra\n2200\t2026-04-11\n2300\t\n",
        );
        assert_eq!(
            p.cells
                .iter()
                .map(|c| (c.key, c.column, c.value.as_str()))
                .collect::<Vec<_>>(),
            [
                (keys[1], 4, "2100"),
                (keys[1], 5, "2026-04-10"),
                (keys[2], 4, "2200"),
                (keys[2], 5, "2026-04-11")
            ]
        );
        assert_eq!(p.skipped, ["第 3 行：超出了表格的人数"]);
        assert!(is_block("1\t2") && is_block("1\n2\n") && !is_block("2300\n"));
    }
}
