//! The current roster and payroll in the template layout, as XLSX or CSV.
//!
//! Values that read as dates or amounts are written as real dates and numbers (so Excel can sort
//! and sum them); anything that does not read is written as typed, so nothing is lost. Importing
//! an export into an empty draft gives the same people, stints, insurance periods and months.
//!
//! CSV files are UTF-8 with a BOM (Excel and WPS then open them with the right characters) and
//! CRLF line ends. The ID, phone and 银行卡号 cells start with a tab, the usual way to stop Excel
//! from turning an 18- or 19-digit number into `1.10105E+17`; the importer removes it.

use crate::columns::{Column, TableKind, ROSTER_COLUMNS, WAGE_COLUMNS};
use crate::error::ExportError;
use crate::merge::choice_label;
use crate::xlsx_write::{self, Out};
use bangfu_model::text::{self, format_month};
use bangfu_model::{Draft, Employee, InsurancePeriod, Stint};

fn text_out(s: &str) -> Out {
    if s.trim().is_empty() {
        Out::Blank
    } else {
        Out::Text(s.to_owned())
    }
}

/// The value as `out` gives it when it reads, else the text as typed (nothing is lost).
fn read_or_text<T, E>(s: &str, read: fn(&str) -> Result<T, E>, out: fn(T) -> Out) -> Out {
    read(s).map_or_else(|_| text_out(s), out)
}

fn date_out(s: &str) -> Out {
    read_or_text(s, text::parse_date, Out::Date)
}

fn money_out(s: &str) -> Out {
    read_or_text(s, text::parse_money_fen, Out::Money)
}

fn quantity_out(s: &str) -> Out {
    read_or_text(s, text::parse_hundredths, Out::Quantity)
}

fn month_out(s: &str) -> Out {
    read_or_text(s, text::parse_month, |m| Out::Text(format_month(m)))
}

/// The roster's columns for this draft: the template's, plus 户籍地 when anyone has one.
pub fn roster_columns(draft: &Draft) -> Vec<Column> {
    let mut columns = ROSTER_COLUMNS.to_vec();
    if draft
        .employees
        .iter()
        .any(|e| !e.household_address.trim().is_empty())
    {
        columns.push(Column::HouseholdAddress);
    }
    columns
}

/// One row per stint (and per extra insurance period beyond the stints); a person with neither
/// still gets a row.
fn roster_rows(draft: &Draft, columns: &[Column]) -> Vec<Vec<Out>> {
    let mut rows = Vec::new();
    for e in &draft.employees {
        let n = e.stints.len().max(e.insurance.len()).max(1);
        for i in 0..n {
            let stint = e.stints.get(i).cloned().unwrap_or_default();
            let insurance = e.insurance.get(i).cloned().unwrap_or_default();
            rows.push(
                columns
                    .iter()
                    .map(|c| roster_cell(e, &stint, &insurance, *c))
                    .collect(),
            );
        }
    }
    rows
}

fn roster_cell(e: &Employee, s: &Stint, p: &InsurancePeriod, column: Column) -> Out {
    let choice = |label: &str| text_out(label);
    match column {
        Column::Name => text_out(&e.name),
        Column::IdNumber => text_out(&e.id_number),
        Column::PovertyStatus => choice(choice_label(e.poverty_status)),
        Column::Post => text_out(&e.post),
        Column::EmploymentForm => choice(choice_label(s.employment_form)),
        Column::AgreementType => choice(choice_label(s.agreement_type)),
        Column::AgreementStart => date_out(&s.start),
        Column::AgreementEnd => date_out(&s.end),
        Column::LeaveDate => date_out(&s.leave_date),
        Column::Phone => text_out(&e.phone),
        Column::InsuranceKind => choice(choice_label(p.kind)),
        Column::InsuranceStart => date_out(&p.start),
        Column::InsuranceEnd => date_out(&p.end),
        Column::PayMethod => choice(choice_label(e.pay_method)),
        Column::BankAccount => text_out(&e.bank_account),
        Column::HouseholdAddress => text_out(&e.household_address),
        _ => Out::Blank,
    }
}

/// One row per person and month, in roster order.
fn wage_rows(draft: &Draft) -> Vec<Vec<Out>> {
    let mut rows = Vec::new();
    for e in &draft.employees {
        for w in &e.wages {
            rows.push(vec![
                text_out(&e.name),
                text_out(&e.id_number),
                month_out(&w.month),
                quantity_out(&w.days_worked),
                quantity_out(&w.hours),
                money_out(&w.gross),
                money_out(&w.deductions),
                money_out(&w.net),
                date_out(&w.paid_date),
            ]);
        }
    }
    rows
}

/// The roster as an XLSX workbook (one sheet, 员工花名册).
///
/// # Errors
/// [`ExportError`] when a value cannot be stored in XLSX (a cell over 32,767 characters).
pub fn roster_xlsx(draft: &Draft) -> Result<Vec<u8>, ExportError> {
    let columns = roster_columns(draft);
    let mut wb = xlsx_write::workbook();
    xlsx_write::write_table(
        wb.add_worksheet(),
        TableKind::Roster.label(),
        &columns,
        &roster_rows(draft, &columns),
    )?;
    Ok(wb.save_to_buffer()?)
}

/// The payroll as an XLSX workbook (one sheet, 工资发放明细).
///
/// # Errors
/// As [`roster_xlsx`].
pub fn wages_xlsx(draft: &Draft) -> Result<Vec<u8>, ExportError> {
    let mut wb = xlsx_write::workbook();
    xlsx_write::write_table(
        wb.add_worksheet(),
        TableKind::Wages.label(),
        &WAGE_COLUMNS,
        &wage_rows(draft),
    )?;
    Ok(wb.save_to_buffer()?)
}

/// Roster and payroll in one workbook, two sheets: a single file that imports back whole.
///
/// # Errors
/// As [`roster_xlsx`].
pub fn workbook_xlsx(draft: &Draft) -> Result<Vec<u8>, ExportError> {
    let columns = roster_columns(draft);
    let mut wb = xlsx_write::workbook();
    xlsx_write::write_table(
        wb.add_worksheet(),
        TableKind::Roster.label(),
        &columns,
        &roster_rows(draft, &columns),
    )?;
    xlsx_write::write_table(
        wb.add_worksheet(),
        TableKind::Wages.label(),
        &WAGE_COLUMNS,
        &wage_rows(draft),
    )?;
    Ok(wb.save_to_buffer()?)
}

/// The roster as CSV (UTF-8 with BOM).
pub fn roster_csv(draft: &Draft) -> Vec<u8> {
    let columns = roster_columns(draft);
    csv_bytes(&columns, &roster_rows(draft, &columns))
}

/// The payroll as CSV (UTF-8 with BOM).
pub fn wages_csv(draft: &Draft) -> Vec<u8> {
    csv_bytes(&WAGE_COLUMNS, &wage_rows(draft))
}

/// A cell a spreadsheet would run as a formula (OWASP "CSV injection": a text starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return, e.g. `=HYPERLINK(…)` typed as a name) gets a
/// leading `'`, which makes Excel and WPS show it as text. The importer removes that `'` again,
/// so export → import gives back exactly what was typed.
pub(crate) fn neutralise(s: String) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s
    }
}

/// A CSV file: BOM, header, rows, CRLF line ends.
pub(crate) fn csv_bytes(columns: &[Column], rows: &[Vec<Out>]) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    // Writing to a Vec cannot fail; a failed record would only be missing from the file.
    let _ = w.write_record(columns.iter().map(|c| c.label()));
    for row in rows {
        let record = row.iter().zip(columns).map(|(out, column)| {
            let s = neutralise(out.csv_text());
            match column {
                Column::IdNumber | Column::Phone | Column::BankAccount if !s.is_empty() => {
                    format!("\t{s}")
                }
                _ => s,
            }
        });
        let _ = w.write_record(record);
    }
    w.into_inner().unwrap_or_default()
}
