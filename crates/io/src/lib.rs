//! Import and export of the spreadsheets workshops already keep: the 员工花名册 (roster, one row per
//! stint) and the 工资发放明细 (payroll, one row per person and month), as XLSX or CSV; blank
//! templates of both; and the Art. 11 ledger line (第十一条 台账) for township and county staff.
//!
//! Everything here is pure Rust with no browser dependency; the UI hands in bytes and gets back
//! bytes or a plan to show.
//!
//! # Importing
//! 1. [`preview`] reads one or more files (CSV in UTF-8, UTF-8 with BOM, UTF-16 or GBK/GB18030;
//!    XLSX, every sheet or a chosen one), finds the header row wherever it is, and returns an
//!    [`ImportPlan`]: people and months to add, to update (with every field that changes, from
//!    what to what) and unchanged, plus rejected rows with row number, column and reason.
//!    A file that cannot be read at all gives an [`ImportError`] in Chinese.
//! 2. On confirmation, [`apply`] returns the new draft; the old one is untouched (undo).
//!
//! # Exporting
//! [`template`] has the blank templates, [`export`] the current roster and payroll in the same
//! layout (export → import gives the same draft), [`ledger`] the Art. 11 ledger line.

pub mod columns;
pub mod csv_read;
pub mod decode;
pub mod error;
pub mod export;
pub mod grid;
pub mod guess;
pub mod header;
pub mod ledger;
pub mod limits;
pub mod merge;
pub mod paste;
pub mod plan;
pub mod records;
pub mod sniff;
pub mod source;
pub mod summary;
pub mod template;
pub mod value;
pub mod versions;
pub mod xlsx_read;
mod xlsx_write;

pub use columns::TableKind;
pub use error::{ExportError, ImportError};
pub use merge::FieldChange;
pub use plan::{apply, preview, ImportPlan, PersonChange, WageChange};
pub use records::{RowIssue, RowRef};
pub use source::{ImportOptions, InputFile, Source};
pub use summary::PlanSummary;

/// The worksheet names of an XLSX file, for a sheet chooser; empty for a CSV file.
///
/// # Errors
/// The same file-level errors as [`preview`].
pub fn sheet_names(file: &str, bytes: &[u8]) -> Result<Vec<String>, ImportError> {
    match sniff::sniff(file, bytes)? {
        sniff::FileKind::Xlsx => xlsx_read::sheet_names(file, bytes),
        sniff::FileKind::Text => {
            decode::decode(file, bytes)?;
            Ok(Vec::new())
        }
    }
}
