//! In-browser measurement of rule evaluation: 2,000 employees × 12 wage months assessed in
//! headless Chromium, the size the issue asks the app to stay responsive at.
//!
//! This checks that the assessment is complete (every person assessed, a verdict reached) and
//! prints the time taken; it does not fail on time. `scripts/bench.sh` collects the figure.
#![cfg(target_arch = "wasm32")]

use bangfu_rules::{assess, sample, Status};
use chrono::NaiveDate;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now_ms() -> f64 {
    js_sys::Date::now()
}

#[wasm_bindgen_test]
fn assess_2000_employees_with_12_months_in_the_browser() {
    let date = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let draft = sample::qualifying_draft(2000, 12, date);
    // Warm-up: the first call parses the reference data.
    let first = assess(&draft, date);
    assert_eq!(first.employees.len(), 2000);
    let runs = 5;
    let start = now_ms();
    let mut last = first;
    for _ in 0..runs {
        last = assess(&draft, date);
    }
    let per_run = (now_ms() - start) / f64::from(runs);
    assert_eq!(last.employees.len(), 2000);
    assert_eq!(last.overall, Status::Met, "the sample workshop qualifies");
    console_log!("BENCH rules.assess wasm 2000x12: {per_run:.1} ms per run ({runs} runs)");
}
