//! Finding the header row of a sheet: it need not be the first row (a title such as
//! "2026年某合作社员工花名册" and notes often come first), columns may come in any order, and columns
//! the table does not have (序号, 备注; on a payroll also 银行卡号, which is read from the roster
//! only, being one per person) are ignored and listed.

use crate::columns::{header_key, match_header, Column, TableKind};
use crate::grid::Sheet;
use crate::limits::HEADER_SEARCH_ROWS;
use bangfu_model::text;
use chrono::{Datelike, NaiveDate};

/// Where a table starts in a sheet and what its columns mean.
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    pub kind: TableKind,
    /// Index of the header row in `Sheet::rows`.
    pub row_index: usize,
    /// The header's row number as the user sees it.
    pub row_number: u32,
    /// Column index (0-based) → column, in sheet order.
    pub columns: Vec<(usize, Column)>,
    /// Header texts of the columns that are not imported, in sheet order.
    pub ignored: Vec<String>,
    /// For a payroll without a 工资月份 column: the month named in a title row or the sheet name.
    pub title_month: Option<NaiveDate>,
}

impl Header {
    /// The column index of `column`, if the sheet has it.
    pub fn index_of(&self, column: Column) -> Option<usize> {
        self.columns
            .iter()
            .find(|(_, c)| *c == column)
            .map(|(i, _)| *i)
    }
}

/// The best header row among the first rows of `sheet`, optionally only for one table kind;
/// `mapping` names columns for header texts the user mapped by hand.
pub fn find(
    sheet: &Sheet,
    expect: Option<TableKind>,
    mapping: &[(String, Column)],
) -> Option<Header> {
    let kinds: &[TableKind] = match expect {
        Some(TableKind::Roster) => &[TableKind::Roster],
        Some(TableKind::Wages) => &[TableKind::Wages],
        None => &[TableKind::Roster, TableKind::Wages],
    };
    let mut best: Option<(usize, Header)> = None;
    for (row_index, row) in sheet.rows.iter().enumerate().take(HEADER_SEARCH_ROWS) {
        for &kind in kinds {
            let candidates: Vec<Column> = kind
                .columns()
                .iter()
                .chain(kind.optional_columns())
                .copied()
                .collect();
            let mut columns = Vec::new();
            let mut ignored = Vec::new();
            for (i, cell) in row.cells.iter().enumerate() {
                if cell.is_blank() {
                    continue;
                }
                let text = cell.display();
                let mapped = mapping
                    .iter()
                    .find(|(h, c)| header_key(h) == header_key(&text) && candidates.contains(c))
                    .map(|(_, c)| *c);
                match mapped.or_else(|| match_header(&text, &candidates)) {
                    Some(col) if !columns.iter().any(|(_, c)| *c == col) => columns.push((i, col)),
                    Some(_) => ignored.push(format!("{}（重复）", text.trim())),
                    None => ignored.push(text.trim().to_owned()),
                }
            }
            let has = |c: Column| columns.iter().any(|(_, x)| *x == c);
            let score = columns.len();
            let title_month = match kind {
                TableKind::Wages if !has(Column::Month) => title_month(sheet, row_index),
                _ => None,
            };
            // 发放方式 and 银行卡号 are on bank pay lists too (姓名, 身份证号, 银行卡号, 实发金额):
            // they do not make a sheet a roster.
            let roster_score = columns
                .iter()
                .filter(|(_, c)| !matches!(c, Column::PayMethod | Column::BankAccount))
                .count();
            let ok = match kind {
                TableKind::Roster => {
                    has(Column::Name) && has(Column::IdNumber) && roster_score >= 3
                }
                TableKind::Wages => {
                    (has(Column::Name) || has(Column::IdNumber))
                        && (has(Column::Month) || title_month.is_some())
                        && (has(Column::Gross) || has(Column::Net))
                }
            };
            if !ok || best.as_ref().is_some_and(|(s, _)| *s >= score) {
                continue;
            }
            best = Some((
                score,
                Header {
                    kind,
                    row_index,
                    row_number: row.number,
                    columns,
                    ignored,
                    title_month,
                },
            ));
        }
    }
    best.map(|(_, h)| h)
}

/// A month named above the header ("2026年3月工资表") or in the sheet name ("2026-03").
fn title_month(sheet: &Sheet, header_index: usize) -> Option<NaiveDate> {
    sheet.rows[..header_index]
        .iter()
        .flat_map(|r| r.cells.iter())
        .find_map(|c| month_in_title(&c.display()))
        .or_else(|| month_in_title(&sheet.name))
}

/// The month of a date-like text inside a title ("2026年3月工资表", "工资表 2026-03"), if any.
pub fn month_in_title(title: &str) -> Option<NaiveDate> {
    let s = text::normalize(title);
    let chars: Vec<char> = s.chars().collect();
    for start in 0..chars.len() {
        let year: String = chars[start..].iter().take(4).collect();
        if year.len() != 4
            || !year.chars().all(|c| c.is_ascii_digit())
            || !(year.starts_with("19") || year.starts_with("20"))
            || (start > 0 && chars[start - 1].is_ascii_digit())
        {
            continue;
        }
        let Some(&sep) = chars.get(start + 4) else {
            continue;
        };
        if !matches!(sep, '年' | '-' | '/' | '.') {
            continue;
        }
        let month: String = chars[start + 5..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .take(3)
            .collect();
        if month.is_empty() || month.len() > 2 {
            continue;
        }
        let after = chars.get(start + 5 + month.len()).copied();
        if sep == '年' && after != Some('月') {
            continue;
        }
        let y: i32 = year.parse().ok()?;
        let m: u32 = month.parse().ok()?;
        if let Some(d) = NaiveDate::from_ymd_opt(y, m, 1) {
            return Some(d.with_day(1).unwrap_or(d));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::{Cell, Row};

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet {
            name: String::new(),
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| Row {
                    number: i as u32 + 1,
                    cells: r
                        .iter()
                        .map(|s| {
                            if s.is_empty() {
                                Cell::Empty
                            } else {
                                Cell::Text((*s).to_owned())
                            }
                        })
                        .collect(),
                })
                .collect(),
            date_1904: false,
        }
    }

    #[test]
    fn header_below_a_title_with_extra_columns_in_any_order() {
        let s = sheet(&[
            &["某合作社员工花名册"],
            &["填表日期：2026-03-01"],
            &[
                "序号",
                "身份证号码 ",
                "姓 名",
                "用工形式",
                "备注",
                "人员类别",
            ],
            &["1", "11010519491231002X", "张三", "全日制", "", "脱贫人口"],
        ]);
        let h = find(&s, None, &[]).unwrap();
        assert_eq!(h.kind, TableKind::Roster);
        assert_eq!((h.row_index, h.row_number), (2, 3));
        assert_eq!(
            h.columns,
            [
                (1, Column::IdNumber),
                (2, Column::Name),
                (3, Column::EmploymentForm),
                (5, Column::PovertyStatus)
            ]
        );
        assert_eq!(h.ignored, ["序号", "备注"]);
    }

    #[test]
    fn payroll_is_told_from_roster() {
        let s = sheet(&[&["姓名", "身份证号", "工资月份", "应发工资", "实发工资"]]);
        assert_eq!(find(&s, None, &[]).unwrap().kind, TableKind::Wages);
        assert!(find(&s, Some(TableKind::Roster), &[]).is_none());
    }

    #[test]
    fn card_number_is_read_on_a_roster_and_listed_as_ignored_on_a_payroll() {
        let s = sheet(&[&["姓名", "身份证号", "工资发放方式", "银行卡号", "人员类别"]]);
        let h = find(&s, None, &[]).unwrap();
        assert_eq!(h.kind, TableKind::Roster);
        assert_eq!(h.index_of(Column::PayMethod), Some(2));
        assert_eq!(h.index_of(Column::BankAccount), Some(3));
        let s = sheet(&[&["姓名", "身份证号", "工资月份", "实发工资", "银行卡号"]]);
        let h = find(&s, None, &[]).unwrap();
        assert_eq!(h.kind, TableKind::Wages);
        assert_eq!(h.ignored, ["银行卡号"]);
        // A bank pay list with the month in its title is a payroll, not a roster.
        let s = sheet(&[
            &["2026年3月工资代发表"],
            &["姓名", "身份证号", "银行卡号", "实发金额"],
        ]);
        let h = find(&s, None, &[]).unwrap();
        assert_eq!(h.kind, TableKind::Wages);
        assert!(find(&s, Some(TableKind::Roster), &[]).is_none());
    }

    #[test]
    fn payroll_month_from_the_title() {
        let s = sheet(&[
            &["2026年3月工资发放表"],
            &["姓名", "身份证号", "应发工资", "实发工资"],
        ]);
        let h = find(&s, None, &[]).unwrap();
        assert_eq!(h.title_month, NaiveDate::from_ymd_opt(2026, 3, 1));
    }

    #[test]
    fn no_header_in_a_list_of_numbers() {
        let s = sheet(&[&["1", "2"], &["姓名", "年龄"]]);
        assert!(find(&s, None, &[]).is_none());
    }

    #[test]
    fn month_from_a_title() {
        let m = NaiveDate::from_ymd_opt(2026, 3, 1);
        assert_eq!(month_in_title("某合作社2026年3月工资发放表"), m);
        assert_eq!(month_in_title("工资表 2026-03"), m);
        assert_eq!(month_in_title("工资表（２０２６年３月）"), m);
        assert_eq!(month_in_title("2026年度工资表"), None);
        assert_eq!(month_in_title("员工花名册"), None);
    }
}
