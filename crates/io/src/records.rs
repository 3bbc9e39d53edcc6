//! Data rows under a header into typed records (one per row), or rejections naming the row, the
//! column and the reason. Nothing here knows about the draft; matching is [`crate::plan`]'s job.

use crate::columns::{header_key, Column, PAY_COLUMNS};
use crate::grid::{Cell, Row, Sheet};
use crate::guess::{self, Guessed, Target};
use crate::header::Header;
use crate::value;
use bangfu_model::text::format_month;
use bangfu_model::{Choice, InsurancePeriod, PayMethod, PovertyStatus, Stint, WageMonth};
use std::fmt;

/// Where a row came from: the file and sheet (index into [`crate::ImportPlan::sources`]) and the
/// row number the user sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RowRef {
    pub source: usize,
    pub row: u32,
}

/// A problem with one row (or one cell of it), in words for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowIssue {
    pub file: String,
    /// Worksheet name; empty for CSV.
    pub sheet: String,
    /// Row number as shown in Excel/WPS.
    pub row: u32,
    /// The column's template name; empty when the issue is about the whole row.
    pub column: String,
    /// The cell as it reads in the file; empty when about the whole row.
    pub value: String,
    pub reason: String,
}

impl fmt::Display for RowIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.sheet.is_empty() {
            write!(f, "工作表“{}”", self.sheet)?;
        }
        write!(f, "第 {} 行", self.row)?;
        if !self.column.is_empty() {
            write!(f, "“{}”", self.column)?;
            if !self.value.is_empty() {
                write!(f, "（{}）", self.value)?;
            }
        }
        write!(f, "：{}", self.reason)
    }
}

/// Where the rows being read come from, for issue messages.
pub struct Origin<'a> {
    pub source: usize,
    pub file: &'a str,
    pub sheet: &'a str,
}

impl Origin<'_> {
    pub fn issue(&self, row: u32, column: Option<Column>, value: &str, reason: &str) -> RowIssue {
        RowIssue {
            file: self.file.to_owned(),
            sheet: self.sheet.to_owned(),
            row,
            column: column.map(|c| c.label().to_owned()).unwrap_or_default(),
            value: value.chars().take(60).collect(),
            reason: reason.to_owned(),
        }
    }
}

/// One roster row: the person's fields, one stint and possibly one insurance period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterRow {
    pub at: RowRef,
    pub name: String,
    pub id_number: String,
    pub poverty_status: PovertyStatus,
    pub post: String,
    pub phone: String,
    pub household_address: String,
    pub pay_method: PayMethod,
    /// As in the cell (grouping spaces kept); see [`value::bank_account`].
    pub bank_account: String,
    /// `None` when every stint column of the row is blank.
    pub stint: Option<Stint>,
    /// `None` when every insurance column of the row is blank.
    pub insurance: Option<InsurancePeriod>,
    /// Choices read from a word other than their label (see [`crate::guess`]).
    pub guesses: Vec<Guessed>,
}

/// One payroll row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WageRow {
    pub at: RowRef,
    pub name: String,
    /// Empty when the file has no ID for this row (matched by name then).
    pub id_number: String,
    pub wage: WageMonth,
}

/// What reading the rows of one sheet gave.
#[derive(Debug)]
pub struct Read<T> {
    pub records: Vec<T>,
    pub rejected: Vec<RowIssue>,
    /// Rows skipped on purpose (合计 rows, empty payroll lines), for the preview.
    pub notes: Vec<RowIssue>,
}

impl<T> Default for Read<T> {
    fn default() -> Self {
        Read {
            records: Vec::new(),
            rejected: Vec::new(),
            notes: Vec::new(),
        }
    }
}

/// Reads a cell of `row` in `column` with `parse`; on failure records the issue and returns the
/// default.
struct RowReader<'a> {
    row: &'a Row,
    header: &'a Header,
    origin: &'a Origin<'a>,
    errors: Vec<RowIssue>,
}

impl<'a> RowReader<'a> {
    /// The guess behind a choice read from `column`, if its cell held another word.
    fn guess<T: Choice>(&self, column: Column, target: Target, value: T) -> Option<Guessed> {
        guess::of(target, &self.cell(column).display(), value)
    }

    fn cell(&self, column: Column) -> &'a Cell {
        match self.header.index_of(column) {
            Some(i) => self.row.cell(i),
            None => &Cell::Empty,
        }
    }

    fn get<T: Default>(&mut self, column: Column, parse: impl Fn(&Cell) -> Result<T, String>) -> T {
        let cell = self.cell(column);
        match parse(cell) {
            Ok(v) => v,
            Err(reason) => {
                let value = cell.display();
                self.errors.push(self.origin.issue(
                    self.row.number,
                    Some(column),
                    value.trim(),
                    &reason,
                ));
                T::default()
            }
        }
    }

    fn blank(&self, columns: &[Column]) -> bool {
        columns.iter().all(|c| self.cell(*c).is_blank())
    }
}

/// A 合计/总计/小计 line at the bottom of a table. Checked on every row, so the cheap test for the
/// character 计 comes first.
fn is_total_row(row: &Row) -> bool {
    row.cells.iter().any(|c| match c {
        Cell::Text(s) if s.contains('计') => {
            let k = header_key(s);
            matches!(k.as_str(), "合计" | "总计" | "小计" | "本页合计")
        }
        _ => false,
    })
}

/// The header repeated further down (printed tables repeat it on every page): the 姓名 or
/// 身份证号 cell is the same as in the header row.
fn is_repeated_header(sheet: &Sheet, row: &Row, header: &Header) -> bool {
    let Some(header_row) = sheet.rows.get(header.row_index) else {
        return false;
    };
    header.columns.iter().any(|(i, col)| {
        matches!(col, Column::Name | Column::IdNumber) && row.cell(*i) == header_row.cell(*i)
    })
}

/// The rows below the header that hold data: 合计 rows are skipped with a note, blank rows and
/// repeated headers silently.
fn data_rows<'s>(
    sheet: &'s Sheet,
    header: &'s Header,
    origin: &Origin<'_>,
    notes: &mut Vec<RowIssue>,
) -> Vec<&'s Row> {
    let mut rows = Vec::new();
    for row in sheet.rows.get(header.row_index + 1..).unwrap_or_default() {
        if is_total_row(row) {
            notes.push(origin.issue(row.number, None, "", "合计行，已跳过"));
            continue;
        }
        let mapped_blank = header.columns.iter().all(|(i, _)| row.cell(*i).is_blank());
        if mapped_blank || is_repeated_header(sheet, row, header) {
            continue;
        }
        rows.push(row);
    }
    rows
}

/// Reads the rows below the header as roster rows.
pub fn roster(sheet: &Sheet, header: &Header, origin: &Origin<'_>) -> Read<RosterRow> {
    let mut out = Read::default();
    let d1904 = sheet.date_1904;
    for row in data_rows(sheet, header, origin, &mut out.notes) {
        let mut r = RowReader {
            row,
            header,
            origin,
            errors: Vec::new(),
        };
        let name = r.get(Column::Name, value::name);
        let id_number = r.get(Column::IdNumber, value::id_number);
        let poverty_status = r.get(Column::PovertyStatus, |c| {
            value::choice(c, crate::columns::POVERTY_ALIASES)
        });
        let post = r.get(Column::Post, value::plain);
        let phone = r.get(Column::Phone, value::phone);
        let household_address = r.get(Column::HouseholdAddress, value::plain);
        let pay_method = r.get(Column::PayMethod, |c| {
            value::choice(c, crate::columns::PAY_METHOD_ALIASES)
        });
        let bank_account = r.get(Column::BankAccount, value::bank_account);
        let stint_columns = [
            Column::EmploymentForm,
            Column::AgreementType,
            Column::AgreementStart,
            Column::AgreementEnd,
            Column::LeaveDate,
        ];
        let stint = if r.blank(&stint_columns) {
            None
        } else {
            Some(Stint {
                unknown: Default::default(),
                employment_form: r.get(Column::EmploymentForm, |c| {
                    value::choice(c, crate::columns::EMPLOYMENT_FORM_ALIASES)
                }),
                agreement_type: r.get(Column::AgreementType, |c| {
                    value::choice(c, crate::columns::AGREEMENT_ALIASES)
                }),
                start: r.get(Column::AgreementStart, |c| value::date(c, d1904)),
                end: r.get(Column::AgreementEnd, |c| value::end_date(c, d1904)),
                leave_date: r.get(Column::LeaveDate, |c| value::end_date(c, d1904)),
            })
        };
        let insurance_columns = [
            Column::InsuranceKind,
            Column::InsuranceStart,
            Column::InsuranceEnd,
        ];
        let insurance = if r.blank(&insurance_columns) {
            None
        } else {
            Some(InsurancePeriod {
                unknown: Default::default(),
                kind: r.get(Column::InsuranceKind, |c| {
                    value::choice(c, crate::columns::INSURANCE_ALIASES)
                }),
                start: r.get(Column::InsuranceStart, |c| value::date(c, d1904)),
                end: r.get(Column::InsuranceEnd, |c| value::end_date(c, d1904)),
            })
        };
        // The check digit and birth date are the rules' to judge; the preview already names a
        // row whose number will not count, before anything is imported.
        if !id_number.is_empty() {
            let far = chrono::NaiveDate::from_ymd_opt(2200, 1, 1).unwrap_or_default();
            if let Err(e) = bangfu_rules::validate::parse_id_number(&id_number, far) {
                out.notes.push(origin.issue(
                    row.number,
                    Some(Column::IdNumber),
                    &id_number,
                    &format!("{e}（仍会导入，但不计入登记人数）"),
                ));
            }
        }
        let mut guesses: Vec<Guessed> = Vec::new();
        guesses.extend(r.guess(Column::PovertyStatus, Target::PovertyStatus, poverty_status));
        guesses.extend(r.guess(Column::PayMethod, Target::PayMethod, pay_method));
        if let Some(s) = &stint {
            let start = || s.start.clone();
            guesses.extend(r.guess(
                Column::EmploymentForm,
                Target::EmploymentForm { start: start() },
                s.employment_form,
            ));
            guesses.extend(r.guess(
                Column::AgreementType,
                Target::AgreementType { start: start() },
                s.agreement_type,
            ));
        }
        if let Some(p) = &insurance {
            guesses.extend(r.guess(
                Column::InsuranceKind,
                Target::InsuranceKind {
                    start: p.start.clone(),
                },
                p.kind,
            ));
        }
        let mut errors = r.errors;
        if id_number.is_empty() && !errors.iter().any(|e| e.column == Column::IdNumber.label()) {
            errors.push(origin.issue(
                row.number,
                Some(Column::IdNumber),
                "",
                "身份证号未填写（每个人按身份证号识别）",
            ));
        }
        if name.is_empty() && !errors.iter().any(|e| e.column == Column::Name.label()) {
            errors.push(origin.issue(row.number, Some(Column::Name), "", "姓名未填写"));
        }
        if !errors.is_empty() {
            out.rejected.extend(errors);
            continue;
        }
        out.records.push(RosterRow {
            at: RowRef {
                source: origin.source,
                row: row.number,
            },
            name,
            id_number,
            poverty_status,
            post,
            phone,
            household_address,
            pay_method,
            bank_account,
            stint,
            insurance,
            guesses,
        });
    }
    out
}

/// Reads the rows below the header as payroll rows.
pub fn wages(sheet: &Sheet, header: &Header, origin: &Origin<'_>) -> Read<WageRow> {
    let mut out = Read::default();
    let d1904 = sheet.date_1904;
    for row in data_rows(sheet, header, origin, &mut out.notes) {
        let mut r = RowReader {
            row,
            header,
            origin,
            errors: Vec::new(),
        };
        if r.blank(PAY_COLUMNS) {
            out.notes
                .push(origin.issue(row.number, None, "", "没有出勤或工资数据，已跳过"));
            continue;
        }
        let name = r.get(Column::Name, value::name);
        let id_number = r.get(Column::IdNumber, value::id_number);
        let mut month = r.get(Column::Month, |c| value::month(c, d1904));
        if month.is_empty() && header.index_of(Column::Month).is_none() {
            month = header.title_month.map(format_month).unwrap_or_default();
        }
        let wage = WageMonth {
            unknown: Default::default(),
            month,
            days_worked: r.get(Column::DaysWorked, value::quantity),
            hours: r.get(Column::Hours, value::quantity),
            gross: r.get(Column::Gross, value::money),
            deductions: r.get(Column::Deductions, value::money),
            net: r.get(Column::Net, value::money),
            paid_date: r.get(Column::PaidDate, |c| value::date(c, d1904)),
        };
        let mut errors = r.errors;
        if wage.month.is_empty() && !errors.iter().any(|e| e.column == Column::Month.label()) {
            errors.push(origin.issue(row.number, Some(Column::Month), "", "工资月份未填写"));
        }
        if id_number.is_empty() && name.is_empty() && errors.is_empty() {
            errors.push(origin.issue(
                row.number,
                Some(Column::IdNumber),
                "",
                "身份证号和姓名都未填写，无法确定是谁的工资",
            ));
        }
        if !errors.is_empty() {
            out.rejected.extend(errors);
            continue;
        }
        out.records.push(WageRow {
            at: RowRef {
                source: origin.source,
                row: row.number,
            },
            name,
            id_number,
            wage,
        });
    }
    out
}
