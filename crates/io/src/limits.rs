//! The limits that keep an import inside what an old laptop or phone can handle.
//!
//! Each limit is far above what a real workshop's file needs, and low enough that a wrong file
//! (a video, a database dump, a "zip bomb") is refused with a message instead of freezing the tab.

/// Largest file accepted: 20 MiB, checked before any parsing.
///
/// A 60,000-row payroll (80 people × 12 months over many years, or a county's whole list) is about
/// 3 MB as XLSX and 6 MB as CSV; 20 MiB leaves more than three times that. Above it, the browser
/// tab of an old phone would need several hundred MB for the decoded cells.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// Largest total uncompressed size of the parts of an XLSX file: 400 MiB.
///
/// XLSX is a zip archive of XML; a real sheet compresses about 10:1, so a 20 MiB file is at most
/// ~200 MiB of XML. A file claiming more is damaged or a compression bomb.
pub const MAX_XLSX_UNCOMPRESSED_BYTES: u64 = 400 * 1024 * 1024;

/// Most data rows read from one import (all files and sheets together): 200,000.
///
/// Three times the 60,000-row payroll the app is benchmarked with.
pub const MAX_ROWS: usize = 200_000;

/// Columns read per row; cells to the right are ignored. Templates have 13 columns and real
/// files add a few (序号, 备注, 银行卡号); 256 is the old Excel limit.
pub const MAX_COLUMNS: u32 = 256;

/// How many rows from the top of a sheet are searched for the header row (title rows, notes and
/// blank rows often come first).
pub const HEADER_SEARCH_ROWS: usize = 30;

/// Merged areas larger than this are not copied into every cell (a merged title band is small; a
/// huge merged block is decoration and copying it would only cost memory).
pub const MAX_MERGED_CELLS: u64 = 10_000;

/// Largest uncompressed shared-strings part of an XLSX file: 32 MiB.
///
/// Every distinct text of a workbook is kept there once; a 60,000-row payroll's names, posts and
/// dates come to a few MB. A part declaring more holds a giant text (one 300 MB string in a
/// 308 KB file was seen) that would exhaust a phone's memory while being parsed: refused from the
/// zip directory alone, before anything is unpacked.
pub const MAX_SHARED_STRINGS_BYTES: u64 = 32 * 1024 * 1024;

/// Largest uncompressed worksheet part: 128 MiB (a real sheet of 200,000 rows is well under it).
pub const MAX_SHEET_PART_BYTES: u64 = 128 * 1024 * 1024;

/// Longest text kept from one cell: 2,000 characters. A name, an address or a post is far
/// shorter; a longer cell is cut with a note rather than carried into the draft.
pub const MAX_CELL_CHARS: usize = 2_000;
