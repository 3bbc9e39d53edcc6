//! In-browser smoke test (wasm-bindgen-test in headless Chromium): the reference data compiled into
//! the app parses in the browser, and the browser's localStorage is there for drafts.
//!
//! Run by `scripts/test.sh` as `cargo test --target wasm32-unknown-unknown -p bangfu`.
#![cfg(target_arch = "wasm32")]

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn region_data_lists_all_103_counties_in_the_browser() {
    let regions = bangfu_model::region::Regions::get();
    assert_eq!(regions.counties.len(), 103);
    assert_eq!(regions.prefectures.len(), 12);
    assert!(
        regions.townships.len() > 1000,
        "{} townships",
        regions.townships.len()
    );
}

#[wasm_bindgen_test]
fn local_storage_keeps_what_was_written() {
    let key = "bangfu-web-smoke";
    LocalStorage::set(key, "草稿 ✓").expect("localStorage is writable");
    let back: String = LocalStorage::get(key).expect("localStorage is readable");
    assert_eq!(back, "草稿 ✓");
    LocalStorage::delete(key);
    assert!(
        LocalStorage::get::<String>(key).is_err(),
        "deleted key is gone"
    );
}

#[wasm_bindgen_test]
fn sizes_and_durations_are_shown_to_one_decimal() {
    use bangfu::units::{megabytes, tenths, whole};
    assert_eq!(tenths(1.25), "1.3");
    assert_eq!(tenths(0.04), "0.0");
    assert_eq!(tenths(12.0), "12.0");
    assert_eq!(tenths(f64::NAN), "0.0");
    assert_eq!(tenths(-3.0), "0.0");
    assert_eq!(megabytes(1_468_006.4), "1.4 MB");
    assert_eq!(megabytes(0.0), "0.0 MB");
    assert_eq!(whole(12.5), "13");
    assert_eq!(whole(f64::NAN), "0");
}
