//! Blank templates of the two tables, with the headers of issue 4 and, on the roster, 发放方式 and
//! 银行卡号 after them.
//!
//! The XLSX templates add what helps people fill them in Excel or WPS: ID, phone, 银行卡号 and
//! month columns formatted as text (an ID or card number typed into a General cell loses its last
//! digits), date formats,
//! drop-down lists for the choice columns, a frozen header, and a second sheet 填写说明 explaining
//! each column. The CSV templates are the header line only (UTF-8 with BOM).

use crate::columns::{TableKind, ROSTER_COLUMNS, WAGE_COLUMNS};
use crate::error::ExportError;
use crate::export::csv_bytes;
use crate::xlsx_write;

fn xlsx(kind: TableKind) -> Result<Vec<u8>, ExportError> {
    let mut wb = xlsx_write::workbook();
    xlsx_write::write_table(wb.add_worksheet(), kind.label(), kind.columns(), &[])?;
    xlsx_write::write_hints(wb.add_worksheet(), kind.columns())?;
    Ok(wb.save_to_buffer()?)
}

/// 员工花名册 template, XLSX.
///
/// # Errors
/// Only if the XLSX writer fails, which fixed content does not make it do.
pub fn roster_xlsx() -> Result<Vec<u8>, ExportError> {
    xlsx(TableKind::Roster)
}

/// 工资发放明细 template, XLSX.
///
/// # Errors
/// As [`roster_xlsx`].
pub fn wages_xlsx() -> Result<Vec<u8>, ExportError> {
    xlsx(TableKind::Wages)
}

/// 员工花名册 template, CSV.
pub fn roster_csv() -> Vec<u8> {
    csv_bytes(&ROSTER_COLUMNS, &[])
}

/// 工资发放明细 template, CSV.
pub fn wages_csv() -> Vec<u8> {
    csv_bytes(&WAGE_COLUMNS, &[])
}

/// A file name for a download, e.g. `员工花名册模板.xlsx`.
pub fn file_name(kind: TableKind, xlsx: bool) -> String {
    format!("{}模板.{}", kind.label(), if xlsx { "xlsx" } else { "csv" })
}
