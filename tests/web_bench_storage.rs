//! In-browser measurement of the draft's storage (IndexedDB, strict durability): saving and
//! restoring a draft of 3,000 employees × 12 wage months whole, and saving after one person's
//! field changed (what a keystroke triggers). Prints figures; does not fail on time.
//! `scripts/bench.sh` runs it with `--include-ignored`.
#![cfg(target_arch = "wasm32")]

use bangfu::storage::{self, Loaded};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now_ms() -> f64 {
    js_sys::Date::now()
}

#[wasm_bindgen_test]
#[ignore = "full size: run by scripts/bench.sh"]
async fn save_and_restore_a_3000_by_12_draft() {
    storage::init().await;
    storage::clear_everything().await;
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let mut draft = bangfu_rules::sample::qualifying_draft(3000, 12, date);
    let t = now_ms();
    storage::save(&draft, "2026-11-30T10:00:00").await.unwrap();
    let full = now_ms() - t;
    let t = now_ms();
    let Loaded::Restored { draft: back, .. } = storage::load("2026-11-30T10:01:00").await else {
        panic!("not restored");
    };
    let restore = now_ms() - t;
    assert_eq!(back.employees.len(), 3000);
    // One keystroke in one person's field: only that person's record is written.
    let mut one = Vec::new();
    for i in 0..10 {
        draft.employees[i].post.push('工');
        let t = now_ms();
        storage::save(&draft, "2026-11-30T10:02:00").await.unwrap();
        one.push(now_ms() - t);
    }
    one.sort_by(|a, b| a.total_cmp(b));
    // What blocks the page on the input path: taking the plan (the write itself is async).
    // The app names the employee edited since the last save, so only that row is compared.
    let mut planned = Vec::new();
    let mut planned_hint = Vec::new();
    for i in 0..21 {
        draft.employees[i].post.push('工');
        let t = now_ms();
        let plan = storage::plan(&draft, "2026-11-30T10:03:00", None).unwrap();
        planned.push(now_ms() - t);
        draft.employees[i].post.push('工');
        let touched = std::collections::BTreeSet::from([draft.employees[i].key]);
        let t = now_ms();
        let hinted = storage::plan(&draft, "2026-11-30T10:03:00", Some(&touched)).unwrap();
        planned_hint.push(now_ms() - t);
        drop(plan);
        storage::write(hinted).await.unwrap();
    }
    planned.sort_by(|a, b| a.total_cmp(b));
    planned_hint.sort_by(|a, b| a.total_cmp(b));
    console_log!(
        "BENCH storage 3000x12: full save {full:.0} ms, restore {restore:.0} ms, save after one edit {:.1} ms (median of 10); on the input path (plan) {:.2} ms comparing everyone, {:.2} ms told who was edited (medians of 21)",
        one[5],
        planned[10],
        planned_hint[10]
    );
    storage::clear_everything().await;
}
