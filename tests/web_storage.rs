//! In-browser tests of draft storage: round trip through real localStorage, an unreadable stored
//! draft set aside (never overwritten), and a full quota reported as an error.
#![cfg(target_arch = "wasm32")]

use bangfu::storage::{self, Loaded, SaveError, ASIDE_PREFIX, DRAFT_KEY};
use bangfu_model::{Draft, Employee, PovertyStatus};
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn sample() -> Draft {
    let mut d = Draft::default();
    d.applicant.name = "包头市某服装加工车间".into();
    d.applicant.credit_code = "not yet valid".into();
    d.employees.push(Employee {
        key: 1,
        name: "王五".into(),
        id_number: "11010519491231002x".into(),
        poverty_status: PovertyStatus::Alleviated,
        ..Employee::default()
    });
    d
}

fn clean() {
    LocalStorage::clear();
}

#[wasm_bindgen_test]
fn saved_draft_is_restored_exactly_as_typed() {
    clean();
    storage::save(&sample(), "2026-11-25T08:00:00").unwrap();
    match storage::load("2026-11-25T08:01:00") {
        Loaded::Restored { draft, saved_at } => {
            assert_eq!(*draft, sample());
            assert_eq!(saved_at, "2026-11-25T08:00:00");
        }
        other => panic!("expected a restored draft, got {other:?}"),
    }
}

#[wasm_bindgen_test]
fn nothing_stored_means_a_fresh_start() {
    clean();
    assert!(matches!(
        storage::load("2026-11-25T08:00:00"),
        Loaded::Nothing
    ));
}

#[wasm_bindgen_test]
fn damaged_stored_draft_is_set_aside_not_lost() {
    clean();
    let damaged = r#"{"format":"bangfu-draft","schema_version":2,"draft":{"applicant":"#;
    LocalStorage::raw().set_item(DRAFT_KEY, damaged).unwrap();
    let loaded = storage::load("2026-11-25T09:00:00");
    let Loaded::Unreadable {
        kept_as: Some(key), ..
    } = loaded
    else {
        panic!("expected the draft to be set aside, got {loaded:?}");
    };
    assert!(key.starts_with(ASIDE_PREFIX));
    assert_eq!(storage::aside_text(&key).as_deref(), Some(damaged));
    assert_eq!(storage::aside_keys(), vec![key.clone()]);
    // A new save goes to the main key and leaves the set-aside copy alone.
    storage::save(&Draft::default(), "2026-11-25T09:01:00").unwrap();
    assert_eq!(storage::aside_text(&key).as_deref(), Some(damaged));
    storage::remove_aside(&key);
    assert!(storage::aside_keys().is_empty());
}

#[wasm_bindgen_test]
fn draft_from_a_newer_version_is_set_aside() {
    clean();
    let newer = r#"{"format":"bangfu-draft","schema_version":99,"draft":{}}"#;
    LocalStorage::raw().set_item(DRAFT_KEY, newer).unwrap();
    match storage::load("2026-11-25T10:00:00") {
        Loaded::Unreadable {
            error,
            kept_as: Some(_),
        } => {
            assert!(error.to_string().contains("较新版本"));
        }
        other => panic!("expected unreadable, got {other:?}"),
    }
}

#[wasm_bindgen_test]
fn full_storage_is_reported_as_quota_error() {
    clean();
    // Fill localStorage (about 5 MB in Chromium) until it refuses.
    let chunk = "x".repeat(512 * 1024);
    let raw = LocalStorage::raw();
    let mut i = 0;
    while raw.set_item(&format!("filler.{i}"), &chunk).is_ok() {
        i += 1;
        assert!(i < 200, "storage never filled up");
    }
    let mut big = sample();
    big.applicant.registered_address = "很长的地址".repeat(200_000);
    let result = storage::save(&big, "2026-11-25T11:00:00");
    assert_eq!(result, Err(SaveError::Quota));
    assert!(SaveError::Quota.to_string().contains("保存草稿文件"));
    clean();
}
