//! The browser's database (IndexedDB), used directly through web-sys: string records in named
//! stores, and writes that are on disk when they report done.
//!
//! Why IndexedDB and not localStorage: localStorage holds about 5 M characters (a draft of
//! 3,000 people × 12 months is more) and Chromium writes it to disk lazily, so a browser killed
//! seconds after 「已自动保存」 lost the draft. Every write here is one transaction with
//! `durability: "strict"`, which completes only once the data is flushed to disk.
//!
//! Why no crate: the app needs a dozen calls (open, get, get all in a key range, put, delete, one
//! multi-record transaction); the crates that wrap IndexedDB add more code than this file and
//! still leave the strict durability option to be set by hand.

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbKeyRange, IdbObjectStore, IdbOpenDbRequest, IdbRequest, IdbTransaction,
};

/// The app's database.
pub const DB_NAME: &str = "bangfu";
/// Its schema version; bump it when adding a store to [`STORES`].
const VERSION: u32 = 1;
/// The stores: the draft's records, the draft history, unreadable drafts set aside, and the
/// township workspace.
pub const STORES: [&str; 4] = ["draft", "history", "aside", "workspace"];

/// Why the database could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DbError {
    /// No IndexedDB (disabled, some private modes) or it refused to open.
    Unavailable(String),
    /// The storage quota is used up.
    Quota,
    /// Any other failure, with the browser's name for it.
    Failed(String),
}

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DbError::Unavailable(m) => write!(f, "浏览器数据库不可用（{m}）"),
            DbError::Quota => write!(f, "浏览器存储空间已满"),
            DbError::Failed(m) => write!(f, "浏览器数据库写入失败（{m}）"),
        }
    }
}

fn error_of(value: &JsValue) -> DbError {
    let name = Reflect::get(value, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        return DbError::Quota;
    }
    let message = Reflect::get(value, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_default();
    DbError::Failed(if message.is_empty() { name } else { message })
}

/// A promise settled by a request's `success` / `error` events.
fn settle(req: &IdbRequest) -> Promise {
    let req = req.clone();
    Promise::new(&mut |resolve: Function, reject: Function| {
        let ok_req = req.clone();
        let ok = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(
                &JsValue::NULL,
                &ok_req.result().unwrap_or(JsValue::UNDEFINED),
            );
        });
        let err_req = req.clone();
        let err = Closure::once_into_js(move |_: web_sys::Event| {
            let e = err_req
                .error()
                .ok()
                .flatten()
                .map_or(JsValue::UNDEFINED, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(err.unchecked_ref()));
    })
}

/// A promise settled when a transaction completes (on disk, for a strict one) or fails.
fn completion(tx: &IdbTransaction) -> Promise {
    let tx = tx.clone();
    Promise::new(&mut |resolve: Function, reject: Function| {
        let done = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed_tx = tx.clone();
        let reject2 = reject.clone();
        let failed = Closure::once_into_js(move |_: web_sys::Event| {
            let e = failed_tx.error().map_or(JsValue::UNDEFINED, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        let aborted_tx = tx.clone();
        let aborted = Closure::once_into_js(move |_: web_sys::Event| {
            let e = aborted_tx.error().map_or(JsValue::UNDEFINED, JsValue::from);
            let _ = reject2.call1(&JsValue::NULL, &e);
        });
        tx.set_oncomplete(Some(done.unchecked_ref()));
        tx.set_onerror(Some(failed.unchecked_ref()));
        tx.set_onabort(Some(aborted.unchecked_ref()));
    })
}

async fn wait(p: Promise) -> Result<JsValue, DbError> {
    JsFuture::from(p).await.map_err(|e| error_of(&e))
}

/// An open database.
#[derive(Clone)]
pub struct Db {
    db: IdbDatabase,
}

/// One change in a [`Db::write`].
pub enum Change<'a> {
    Put(&'a str, &'a str),
    Delete(&'a str),
}

/// Opens the app's database, creating the stores it lacks.
///
/// # Errors
/// [`DbError::Unavailable`] when the browser has no usable IndexedDB.
pub async fn open() -> Result<Db, DbError> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| DbError::Unavailable("没有 IndexedDB".into()))?;
    let req: IdbOpenDbRequest = factory
        .open_with_u32(DB_NAME, VERSION)
        .map_err(|e| DbError::Unavailable(format!("{e:?}")))?;
    let upgrade_req = req.clone();
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        let Ok(result) = upgrade_req.result() else {
            return;
        };
        let db: IdbDatabase = result.unchecked_into();
        let names = db.object_store_names();
        for store in STORES {
            if !names.contains(store) {
                let _ = db.create_object_store(store);
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let result = wait(settle(&req)).await;
    req.set_onupgradeneeded(None);
    drop(upgrade);
    let db: IdbDatabase = result
        .map_err(|e| DbError::Unavailable(e.to_string()))?
        .unchecked_into();
    // Another tab upgrading the schema asks us to let go; the next open gets the new version.
    let closing = db.clone();
    let on_version = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| closing.close());
    db.set_onversionchange(Some(on_version.as_ref().unchecked_ref()));
    on_version.forget();
    Ok(Db { db })
}

/// Deletes the whole database (「清除本机数据」).
///
/// # Errors
/// [`DbError`] when the browser refuses.
pub async fn delete_database() -> Result<(), DbError> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| DbError::Unavailable("没有 IndexedDB".into()))?;
    let req = factory.delete_database(DB_NAME).map_err(|e| error_of(&e))?;
    wait(settle(&req)).await.map(|_| ())
}

impl Db {
    fn store(&self, name: &str, write: bool) -> Result<(IdbTransaction, IdbObjectStore), DbError> {
        let tx = if write {
            // `durability: "strict"`: complete only once on disk. Called through JS because
            // web-sys keeps the options argument behind its unstable-API flag.
            let options = Object::new();
            let _ = Reflect::set(&options, &"durability".into(), &"strict".into());
            let method: Function = Reflect::get(&self.db, &"transaction".into())
                .map_err(|e| error_of(&e))?
                .unchecked_into();
            method
                .call3(
                    &self.db,
                    &JsValue::from_str(name),
                    &"readwrite".into(),
                    &options,
                )
                .map_err(|e| error_of(&e))?
                .unchecked_into::<IdbTransaction>()
        } else {
            self.db
                .transaction_with_str(name)
                .map_err(|e| error_of(&e))?
        };
        let store = tx.object_store(name).map_err(|e| error_of(&e))?;
        Ok((tx, store))
    }

    /// The record under `key`, if any.
    ///
    /// # Errors
    /// [`DbError`] when the read fails.
    pub async fn get(&self, store: &str, key: &str) -> Result<Option<String>, DbError> {
        let (_, s) = self.store(store, false)?;
        let req = s.get(&JsValue::from_str(key)).map_err(|e| error_of(&e))?;
        Ok(wait(settle(&req)).await?.as_string())
    }

    /// Every `(key, record)` whose key starts with `prefix`, in key order.
    ///
    /// # Errors
    /// [`DbError`] when the read fails.
    pub async fn get_prefixed(
        &self,
        store: &str,
        prefix: &str,
    ) -> Result<Vec<(String, String)>, DbError> {
        let (_, s) = self.store(store, false)?;
        // Keys from `prefix` up to `prefix` followed by the largest BMP character.
        let upper = format!("{prefix}\u{ffff}");
        let range = IdbKeyRange::bound(&JsValue::from_str(prefix), &JsValue::from_str(&upper))
            .map_err(|e| error_of(&e))?;
        let keys_req = s.get_all_keys_with_key(&range).map_err(|e| error_of(&e))?;
        let values_req = s.get_all_with_key(&range).map_err(|e| error_of(&e))?;
        let keys: Array = wait(settle(&keys_req)).await?.unchecked_into();
        let values: Array = wait(settle(&values_req)).await?.unchecked_into();
        Ok(keys
            .iter()
            .zip(values.iter())
            .filter_map(|(k, v)| Some((k.as_string()?, v.as_string()?)))
            .collect())
    }

    /// Every key of a store, in key order.
    ///
    /// # Errors
    /// [`DbError`] when the read fails.
    pub async fn keys(&self, store: &str) -> Result<Vec<String>, DbError> {
        let (_, s) = self.store(store, false)?;
        let req = s.get_all_keys().map_err(|e| error_of(&e))?;
        let keys: Array = wait(settle(&req)).await?.unchecked_into();
        Ok(keys.iter().filter_map(|k| k.as_string()).collect())
    }

    /// Applies `changes` to one store in one transaction: all or nothing, on disk when it returns.
    ///
    /// # Errors
    /// [`DbError::Quota`] when the storage is full (nothing is written), [`DbError`] otherwise.
    pub async fn write(&self, store: &str, changes: &[Change<'_>]) -> Result<(), DbError> {
        let (tx, s) = self.store(store, true)?;
        let done = completion(&tx);
        for c in changes {
            let r = match c {
                Change::Put(key, value) => s
                    .put_with_key(&JsValue::from_str(value), &JsValue::from_str(key))
                    .map(|_| ()),
                Change::Delete(key) => s.delete(&JsValue::from_str(key)).map(|_| ()),
            };
            if let Err(e) = r {
                let _ = tx.abort();
                return Err(error_of(&e));
            }
        }
        wait(done).await.map(|_| ())
    }

    /// Puts one record.
    ///
    /// # Errors
    /// As [`Db::write`].
    pub async fn put(&self, store: &str, key: &str, value: &str) -> Result<(), DbError> {
        self.write(store, &[Change::Put(key, value)]).await
    }

    /// Deletes one record.
    ///
    /// # Errors
    /// As [`Db::write`].
    pub async fn delete(&self, store: &str, key: &str) -> Result<(), DbError> {
        self.write(store, &[Change::Delete(key)]).await
    }
}
