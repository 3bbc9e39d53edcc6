//! In-browser tests of draft storage against the real IndexedDB: a round trip, a localStorage
//! draft moved into the database, damaged records set aside once, the closing-page copy and the
//! failed-save note, the history, and a 3,000-person draft.
#![cfg(target_arch = "wasm32")]

use bangfu::idb;
use bangfu::storage::{self, Loaded, DRAFT_KEY, EMERGENCY_KEY, SAVE_FAILED_KEY};
use bangfu_model::envelope::{self, Envelope};
use bangfu_model::{Draft, Employee, PovertyStatus};
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn sample() -> Draft {
    let mut d = Draft::default();
    d.applicant.name = "包头市某服装加工车间".into();
    d.applicant.credit_code = "not yet valid".into();
    for key in 1..=3 {
        d.employees.push(Employee {
            key,
            name: format!("王{key}"),
            id_number: "11010519491231002x".into(),
            poverty_status: PovertyStatus::Alleviated,
            ..Employee::default()
        });
    }
    d
}

async fn clean() {
    storage::init().await;
    storage::clear_everything().await;
    LocalStorage::clear();
}

async fn restored(now: &str) -> (Draft, String, Option<String>) {
    match storage::load(now).await {
        Loaded::Restored {
            draft,
            saved_at,
            note,
        } => (*draft, saved_at, note),
        other => panic!("expected a restored draft, got {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn a_save_told_who_was_edited_writes_only_their_record() {
    clean().await;
    let mut d = sample();
    storage::save(&d, "2026-11-25T08:00:00").await.unwrap();
    d.employees[1].name = "王二".into();
    let touched = std::collections::BTreeSet::from([2]);
    let plan = storage::plan(&d, "2026-11-25T08:00:05", Some(&touched)).unwrap();
    assert_eq!(plan.records(), ["e:2", "meta"]);
    storage::write(plan).await.unwrap();
    // Removing someone is seen even when nobody is named as edited.
    d.employees.remove(0);
    let plan = storage::plan(&d, "2026-11-25T08:00:09", Some(&Default::default())).unwrap();
    assert_eq!(plan.records(), ["e:1", "meta"]);
    storage::write(plan).await.unwrap();
    // So is someone added, and someone whose row moved keeps their record.
    d.employees.insert(
        0,
        bangfu_model::Employee {
            key: 9,
            name: "新来的".into(),
            ..Default::default()
        },
    );
    let plan = storage::plan(&d, "2026-11-25T08:00:12", Some(&Default::default())).unwrap();
    assert_eq!(plan.records(), ["e:9", "meta"]);
    storage::write(plan).await.unwrap();
    assert_eq!(restored("2026-11-25T08:01:00").await.0, d);
}

#[wasm_bindgen_test]
async fn saved_draft_is_restored_exactly_as_typed_with_one_record_per_person() {
    clean().await;
    storage::save(&sample(), "2026-11-25T08:00:00")
        .await
        .unwrap();
    let (d, at, note) = restored("2026-11-25T08:01:00").await;
    assert_eq!(d, sample());
    assert_eq!(at, "2026-11-25T08:00:00");
    assert_eq!(note, None);
    let db = idb::open().await.unwrap();
    let keys = db.keys("draft").await.unwrap();
    assert_eq!(keys, ["e:1", "e:2", "e:3", "head", "meta"]);
    // Removing a person removes their record; editing one keeps the rest.
    let mut d2 = sample();
    d2.employees.remove(1);
    d2.employees[0].name = "王一".into();
    storage::save(&d2, "2026-11-25T08:02:00").await.unwrap();
    assert_eq!(
        db.keys("draft").await.unwrap(),
        ["e:1", "e:3", "head", "meta"]
    );
    assert_eq!(restored("2026-11-25T08:03:00").await.0, d2);
}

#[wasm_bindgen_test]
async fn nothing_stored_means_a_fresh_start() {
    clean().await;
    assert!(matches!(
        storage::load("2026-11-25T08:00:00").await,
        Loaded::Nothing
    ));
}

#[wasm_bindgen_test]
async fn a_draft_saved_in_local_storage_by_an_earlier_version_moves_into_the_database() {
    clean().await;
    let text = Envelope::new(sample(), "2026-11-01T08:00:00").to_json();
    LocalStorage::raw().set_item(DRAFT_KEY, &text).unwrap();
    let (d, _, _) = restored("2026-11-25T08:00:00").await;
    assert_eq!(d, sample());
    assert_eq!(LocalStorage::raw().get_item(DRAFT_KEY).unwrap(), None);
    // And it is there next time, from the database.
    assert_eq!(restored("2026-11-25T08:01:00").await.0, sample());
}

#[wasm_bindgen_test]
async fn a_damaged_stored_draft_is_set_aside_once_however_often_it_is_found() {
    clean().await;
    let damaged = r#"{"format":"bangfu-draft","schema_version":2,"draft":{"applicant":"#;
    for _ in 0..3 {
        LocalStorage::raw().set_item(DRAFT_KEY, damaged).unwrap();
        let loaded = storage::load("2026-11-25T09:00:00").await;
        let Loaded::Unreadable {
            kept_as: Some(key), ..
        } = loaded
        else {
            panic!("expected the draft to be set aside, got {loaded:?}");
        };
        assert_eq!(storage::aside_text(&key).await.as_deref(), Some(damaged));
    }
    let keys = storage::aside_keys().await;
    assert_eq!(keys.len(), 1, "one copy per distinct content: {keys:?}");
    storage::remove_aside(&keys[0]).await;
    assert!(storage::aside_keys().await.is_empty());
}

#[wasm_bindgen_test]
async fn the_copy_made_as_the_page_closed_is_restored_when_newer() {
    clean().await;
    storage::save(&sample(), "2026-11-25T08:00:00")
        .await
        .unwrap();
    let mut typed = sample();
    typed.applicant.name = "关页面前刚输入的名称".into();
    storage::emergency_copy(&typed, "2026-11-25T08:00:05");
    let (d, _, note) = restored("2026-11-25T09:00:00").await;
    assert_eq!(d.applicant.name, "关页面前刚输入的名称");
    assert!(note.is_some_and(|n| n.contains("关闭页面前")));
    assert_eq!(LocalStorage::raw().get_item(EMERGENCY_KEY).unwrap(), None);
    // An older copy loses to the database.
    storage::emergency_copy(&sample(), "2026-11-25T07:00:00");
    assert_eq!(
        restored("2026-11-25T09:01:00").await.0.applicant.name,
        "关页面前刚输入的名称"
    );
}

#[wasm_bindgen_test]
async fn a_closing_page_copy_of_what_was_saved_anyway_says_nothing() {
    clean().await;
    storage::save(&sample(), "2026-11-25T08:00:00")
        .await
        .unwrap();
    // The page closed while that save was in flight; the save finished all the same.
    storage::emergency_copy(&sample(), "2026-11-25T08:00:01");
    let (d, _, note) = restored("2026-11-25T09:00:00").await;
    assert_eq!(d, sample());
    assert_eq!(note, None, "nothing was lost, so nothing to say");
    assert_eq!(LocalStorage::raw().get_item(EMERGENCY_KEY).unwrap(), None);
}

#[wasm_bindgen_test]
async fn after_a_failed_save_the_next_start_says_which_version_it_restored() {
    clean().await;
    storage::save(&sample(), "2026-11-25T08:00:00")
        .await
        .unwrap();
    LocalStorage::raw()
        .set_item(
            SAVE_FAILED_KEY,
            r#"{"since":"2026-11-25T08:05:00","reason":"存储空间已满"}"#,
        )
        .unwrap();
    let (_, _, note) = restored("2026-11-25T09:00:00").await;
    let note = note.unwrap_or_default();
    assert!(
        note.contains("2026-11-25 08:05:00")
            && note.contains("2026-11-25 08:00:00")
            && note.contains("没有保存"),
        "{note}"
    );
    // A good save clears the note.
    storage::save(&sample(), "2026-11-25T09:01:00")
        .await
        .unwrap();
    assert_eq!(LocalStorage::raw().get_item(SAVE_FAILED_KEY).unwrap(), None);
}

#[wasm_bindgen_test]
async fn a_replaced_draft_is_kept_in_the_history_and_reads_back() {
    clean().await;
    storage::remember(&sample(), "新建空白草稿前", "2026-11-25T10:00:00")
        .await
        .unwrap();
    let list = storage::history().await;
    assert_eq!(list.len(), 1);
    assert_eq!(
        (list[0].people, list[0].label.as_str()),
        (3, "新建空白草稿前")
    );
    let text = storage::history_text(&list[0].id).await.unwrap();
    assert_eq!(envelope::read(&text).unwrap().draft, sample());
}

/// A draft of 3,000 people × 12 months (more than localStorage holds) saves and restores.
#[wasm_bindgen_test]
async fn a_draft_of_3000_people_by_12_months_saves_and_restores() {
    clean().await;
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let big = bangfu_rules::sample::qualifying_draft(3000, 12, date);
    assert!(
        envelope::to_json_compact(&big, "").len() > 5_300_000,
        "bigger than localStorage"
    );
    storage::save(&big, "2026-11-30T10:00:00").await.unwrap();
    assert_eq!(restored("2026-11-30T10:01:00").await.0, big);
    clean().await;
}
