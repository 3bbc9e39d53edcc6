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

/// What one keystroke in a wage field triggers in the rules, in the browser: the incremental
/// re-assessment told which person was edited, and the comparison with the previous result the
/// page makes before redrawing. Mean of 40 edits (the clock here has millisecond resolution).
#[wasm_bindgen_test]
fn one_wage_edit_is_reassessed_incrementally_in_the_browser() {
    let date = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    for people in [300usize, 2000, 4000] {
        let mut draft = sample::qualifying_draft(people, 12, date);
        let mut assessor = bangfu_rules::Assessor::default();
        let mut previous = assessor.assess(&draft, date);
        let runs = 40;
        let (mut assessing, mut comparing) = (0.0, 0.0);
        for i in 0..runs {
            let e = &mut draft.employees[(i * 37) % people];
            e.wages[0].gross = format!("{}", 3000 + i);
            let changed: std::collections::BTreeSet<u32> = [e.key].into_iter().collect();
            let t0 = now_ms();
            let fresh = assessor.assess_changed(&draft, date, Some(&changed));
            let t1 = now_ms();
            let differs = fresh != previous;
            let t2 = now_ms();
            assert!(differs, "another wage changes the person's average");
            assert_eq!(assessor.last_rejudged(), 1);
            assessing += t1 - t0;
            comparing += t2 - t1;
            previous = fresh;
        }
        assert_eq!(
            previous,
            assess(&draft, date),
            "incremental equals a full assessment"
        );
        let n = runs as f64;
        console_log!(
            "BENCH rules.assessor wasm {people}x12, one wage edit: re-assess {:.2} ms, compare with the previous result {:.2} ms (mean of {runs})",
            assessing / n,
            comparing / n
        );
    }
}
