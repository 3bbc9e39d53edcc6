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
/// never change once received, `written` of them are on disk) and the meta record `meta`
/// ([`stored::meta_json`]), in one transaction.
///
/// # Errors
/// [`DbError::Quota`] when the storage is full: nothing of this write is kept, the previous
/// records stay as they were.
pub async fn save_application(
    meta: &str,
    app: &Application,
    written: usize,
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
    let mut changes = vec![
        Change::Put(stored::META_KEY, meta),
        Change::Put(&own_key, &own),
    ];
    for (k, v) in &versions {
        changes.push(Change::Put(k, v));
    }
    db().await?.write(STORE, &changes).await
}

/// Applies `changes` (records written or deleted, see [`stored::Change`]) in one transaction:
/// all of them or, on a failure, none.
///
/// # Errors
/// As [`save_application`].
pub async fn apply(changes: &[stored::Change]) -> Result<(), DbError> {
    let list: Vec<Change> = changes
        .iter()
        .map(|(k, v)| match v {
            Some(v) => Change::Put(k, v),
            None => Change::Delete(k),
        })
        .collect();
    db().await?.write(STORE, &list).await
}

/// The records another tab saved for one application, with the meta record, to take into
/// this tab's workspace ([`stored::refresh`]).
///
/// # Errors
/// [`DbError`] when the database cannot be read.
pub async fn application_records(uid: &str) -> Result<Vec<(String, String)>, DbError> {
    let db = db().await?;
    let key = stored::application_key(uid);
    let mut records = Vec::new();
    if let Some(own) = db.get(STORE, &key).await? {
        records.push((key, own));
    }
    if let Some(meta) = db.get(STORE, stored::META_KEY).await? {
        records.push((stored::META_KEY.to_owned(), meta));
    }
    records.extend(
        db.get_prefixed(STORE, &stored::versions_prefix(uid))
            .await?,
    );
    Ok(records)
}

/// Writes the meta record (township details, order).
///
/// # Errors
/// As [`save_application`].
pub async fn save_meta(meta: &str) -> Result<(), DbError> {
    db().await?.put(STORE, stored::META_KEY, meta).await
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
