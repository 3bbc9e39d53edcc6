//! In-browser measurement of spreadsheet import: a roster XLSX and a payroll XLSX made from a
//! sample workshop, read and matched by `bangfu_io::preview` in headless Chromium.
//!
//! The small case runs with every test run and checks the counts; the sizes (a 5,000-row
//! roster and a 60,000-row payroll) are `#[ignore]`d there and run by `scripts/bench.sh`
//! (`--include-ignored`). Times are printed, never asserted.
#![cfg(target_arch = "wasm32")]

use bangfu_io::{export, preview, ImportOptions, InputFile};
use bangfu_model::Draft;
use bangfu_rules::sample;
use chrono::NaiveDate;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn measure(employees: usize, months: u32) {
    let date = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let draft = sample::qualifying_draft(employees, months, date);
    let roster = export::roster_xlsx(&draft).unwrap();
    let wages = export::wages_xlsx(&draft).unwrap();
    let wage_rows: usize = draft.employees.iter().map(|e| e.wages.len()).sum();

    let t0 = js_sys::Date::now();
    let plan = preview(
        &Draft::default(),
        &[InputFile {
            name: "花名册.xlsx",
            bytes: &roster,
        }],
        &ImportOptions::default(),
    )
    .unwrap();
    let t_roster = js_sys::Date::now() - t0;
    assert_eq!(plan.people_added.len(), employees);
    assert!(plan.rejected.is_empty(), "{:?}", plan.rejected.first());
    let with_people = bangfu_io::apply(&plan, &Draft::default());

    let t1 = js_sys::Date::now();
    let plan = preview(
        &with_people,
        &[InputFile {
            name: "工资表.xlsx",
            bytes: &wages,
        }],
        &ImportOptions::default(),
    )
    .unwrap();
    let t_wages = js_sys::Date::now() - t1;
    assert_eq!(plan.wages_added.len(), wage_rows);
    assert!(plan.rejected.is_empty(), "{:?}", plan.rejected.first());

    console_log!(
        "BENCH import wasm: roster {employees} rows ({} KB) {t_roster:.0} ms; payroll {wage_rows} rows ({} KB) {t_wages:.0} ms",
        roster.len() / 1024,
        wages.len() / 1024
    );
}

#[wasm_bindgen_test]
fn import_200_people_and_2400_wage_rows_in_the_browser() {
    measure(200, 12);
}

#[wasm_bindgen_test]
#[ignore = "benchmark size; run by scripts/bench.sh with --include-ignored"]
fn import_5000_people_and_60000_wage_rows_in_the_browser() {
    measure(5000, 12);
}
