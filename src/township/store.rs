//! The workspace in the browser's database (store `workspace` of [`crate::idb`], the same
//! durable layer as the draft, in records laid out by `bangfu_review::stored`): one record per
//! application and one per received version. The draft's own stores are never touched.

use crate::idb::{self, Change, Db, DbError};
use bangfu_review::stored::{self, Loaded};
use bangfu_review::Application;
use std::cell::RefCell;

const STORE: &str = "workspace";

thread_local! {
    static DB: RefCell<Option<Db>> = const { RefCell::new(None) };
}

async fn db() -> Result<Db, DbError> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let db = idb::open().await?;
    DB.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

/// Reads the whole workspace.
///
/// # Errors
/// [`DbError`] when the database cannot be read.
pub async fn load() -> Result<Loaded, DbError> {
    let records = db().await?.get_prefixed(STORE, "").await?;
    Ok(stored::assemble(&records))
}

/// Writes one application (its record and every version record not yet written: versions
/// never change once received, `written` of them are on disk), deletes the version records
/// `stale` (left over from a copy with more versions that this one replaced), and writes the
/// meta record `meta` ([`stored::meta_json`]), in one transaction.
///
/// # Errors
/// [`DbError::Quota`] when the storage is full: nothing of this write is kept, the previous
/// records stay as they were.
pub async fn save_application(
    meta: &str,
    app: &Application,
    written: usize,
    stale: std::ops::Range<usize>,
) -> Result<(), DbError> {
    let own = stored::application_json(app);
    let own_key = stored::application_key(&app.uid);
    let versions: Vec<(String, String)> = app
        .versions
        .iter()
        .enumerate()
        .skip(written)
        .map(|(i, v)| (stored::version_key(&app.uid, i), stored::version_json(v)))
        .collect();
    let stale: Vec<String> = stale.map(|i| stored::version_key(&app.uid, i)).collect();
    let mut changes = vec![
        Change::Put(stored::META_KEY, meta),
        Change::Put(&own_key, &own),
    ];
    for (k, v) in &versions {
        changes.push(Change::Put(k, v));
    }
    for k in &stale {
        changes.push(Change::Delete(k));
    }
    db().await?.write(STORE, &changes).await
}

/// Writes the meta record (township details, order).
///
/// # Errors
/// As [`save_application`].
pub async fn save_meta(meta: &str) -> Result<(), DbError> {
    db().await?.put(STORE, stored::META_KEY, meta).await
}

/// Deletes an application's records and rewrites the order, in one transaction.
///
/// # Errors
/// As [`save_application`].
pub async fn delete_application(meta: &str, app: &Application) -> Result<(), DbError> {
    let keys = stored::application_keys(app);
    let mut changes = vec![Change::Put(stored::META_KEY, meta)];
    for k in &keys {
        changes.push(Change::Delete(k));
    }
    db().await?.write(STORE, &changes).await
}

/// Bytes the workspace takes in the database (its records' text, UTF-16 as stored).
pub async fn bytes() -> Option<usize> {
    let records = db().await.ok()?.get_prefixed(STORE, "").await.ok()?;
    Some(
        records
            .iter()
            .map(|(k, v)| (k.encode_utf16().count() + v.encode_utf16().count()) * 2)
            .sum(),
    )
}
