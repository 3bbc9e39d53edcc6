//! The import worker: reads and writes spreadsheets in a Web Worker, so that the XLSX/CSV code
//! (calamine, rust_xlsxwriter, encoding_rs: about 600 KB of gzipped wasm) is downloaded only when
//! the user first imports or exports a table, and a 60,000-row payroll is read without freezing
//! the page. Built by Trunk like the packet worker (`data-type="worker" data-loader-shim` gives
//! `import-worker_loader.js`).
//!
//! # Protocol (all messages are plain objects; `id` is the caller's, echoed in the reply)
//!
//! Worker → main, once, when it can take jobs: `{type: "ready"}`.
//!
//! Main → worker, one of:
//! - `{id, op: "preview", draft_json, files: [{name, bytes: Uint8Array}], sheet?: string}`: read
//!   the files and match them against the draft. Reply `{id, type: "preview", summary: string
//!   (PlanSummary as JSON), sheets: string[]}` (the workbooks' sheet names). The plan stays in the
//!   worker for `apply`.
//! - `{id, op: "apply", draft_json}`: apply the last previewed plan to this draft. Reply
//!   `{id, type: "applied", draft_json, label}` (label: 「已导入：…」).
//! - `{id, op: "file", what, draft_json?, date?}`: make a file; `what` is one of
//!   `template_roster_xlsx`, `template_wages_xlsx`, `template_roster_csv`, `template_wages_csv`,
//!   `workbook_xlsx`, `roster_csv`, `wages_csv`, `ledger_xlsx` (the last four need `draft_json`;
//!   the ledger is assessed on `date`, `YYYY-MM-DD`), `overview_xlsx` (the township's list:
//!   `review_json`, a review file of the applications as listed, and `date`). Reply
//!   `{id, type: "file", bytes: Uint8Array}` (transferred).
//!
//! Any failure: `{id, type: "error", message}` with a Chinese message.

#[cfg(target_arch = "wasm32")]
mod worker;

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}
