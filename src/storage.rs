//! The draft in the browser: read at start, written after each pause in typing, kept in the
//! browser's database ([`crate::idb`]) one record per employee ([`bangfu_model::stored`]).
//!
//! Nothing is ever lost silently:
//! - a save writes only the records that changed, in one transaction that is on disk when it
//!   reports done (「已自动保存」 means on disk);
//! - a save that fails (storage full) leaves the draft in the page, says so loudly, and leaves a
//!   note so that the next start says which version it restored and that later edits were not
//!   saved;
//! - when the page is closed with a save still pending, a copy goes to localStorage at once
//!   (synchronously, when it fits) and is restored next time if it is newer;
//! - a stored draft that cannot be read is set aside once per distinct content (its
//!   fingerprint), offered for download, and never overwritten;
//! - replacing the draft (new, opened file, import) first keeps the old one in the history, with
//!   one snapshot a day besides ([`bangfu_model::stored::History`]);
//! - without IndexedDB (disabled, some private modes) the draft goes to localStorage as before.

use crate::idb::{self, Change, Db, DbError};
use bangfu_model::envelope::{self, Envelope};
use bangfu_model::stored::{self, History, HistoryEntry, EMPLOYEE_PREFIX, HEAD_KEY, META_KEY};
use bangfu_model::{Draft, Employee, LoadError};
use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::rc::Rc;

/// Where the draft lived before the database (and lives without it).
pub const DRAFT_KEY: &str = "bangfu.draft";
/// Prefix of localStorage keys holding unreadable drafts set aside before the database.
pub const ASIDE_PREFIX: &str = "bangfu.draft.unreadable.";
/// The copy written when the page closes with a save pending.
pub const EMERGENCY_KEY: &str = "bangfu.draft.emergency";
/// The note left when a save failed: which save, and why.
pub const SAVE_FAILED_KEY: &str = "bangfu.save_failed";
/// The largest draft (characters of JSON) the closing-page copy is tried for: localStorage
/// holds about 5 M characters in all.
const EMERGENCY_MAX_CHARS: usize = 2_000_000;

/// What was found in storage at start.
#[derive(Debug)]
pub enum Loaded {
    /// Nothing stored: a new user.
    Nothing,
    /// A draft was restored; `note` says something the user must know about it.
    Restored {
        draft: Box<Draft>,
        saved_at: String,
        note: Option<String>,
    },
    /// A stored draft could not be read. `kept_as` names the set-aside copy; `None` when even
    /// that failed, in which case autosave must stay off.
    Unreadable {
        error: LoadError,
        kept_as: Option<String>,
    },
    /// No storage at all.
    Unavailable,
}

/// Why a save failed, in words for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    Quota,
    Unavailable,
    Other(String),
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Quota => write!(
                f,
                "浏览器存储空间已满，最近的修改没有保存。修改仍在本页面中：请立即点击「保存草稿文件」把草稿存到电脑上，再清理浏览器空间。"
            ),
            SaveError::Unavailable => write!(
                f,
                "此浏览器禁止了本地存储（可能是无痕模式），草稿不会自动保存。请用「保存草稿文件」保存。"
            ),
            SaveError::Other(m) => write!(
                f,
                "草稿未能自动保存（{m}）。修改仍在本页面中：请用「保存草稿文件」保存一份到电脑上。"
            ),
        }
    }
}

impl From<DbError> for SaveError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::Quota => SaveError::Quota,
            DbError::Unavailable(_) => SaveError::Unavailable,
            DbError::Failed(m) => SaveError::Other(m),
        }
    }
}

/// What was last written, to write only what changed since.
#[derive(Default)]
struct Baseline {
    meta_order: Vec<u32>,
    head: String,
    employees: HashMap<u32, Employee>,
    /// The day of the last daily snapshot (`YYYY-MM-DD`).
    daily: String,
}

struct Store {
    db: Option<Db>,
    saved: RefCell<Baseline>,
}

thread_local! {
    static STORE: RefCell<Option<Rc<Store>>> = const { RefCell::new(None) };
}

fn store() -> Option<Rc<Store>> {
    STORE.with(|s| s.borrow().clone())
}

fn local_available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

fn local_get(key: &str) -> Option<String> {
    if !local_available() {
        return None;
    }
    LocalStorage::raw().get_item(key).ok().flatten()
}

fn local_remove(key: &str) {
    if local_available() {
        let _ = LocalStorage::raw().remove_item(key);
    }
}

/// Opens the database (once). Without it, storage falls back to localStorage.
pub async fn init() {
    if store().is_some() {
        return;
    }
    let db = idb::open().await.ok();
    STORE.with(|s| {
        *s.borrow_mut() = Some(Rc::new(Store {
            db,
            saved: RefCell::new(Baseline::default()),
        }))
    });
}

/// Whether the draft is kept in the database (else in localStorage).
pub fn durable() -> bool {
    store().is_some_and(|s| s.db.is_some())
}

fn set_baseline(s: &Store, d: &Draft) {
    let mut b = s.saved.borrow_mut();
    b.head = stored::head_json(d);
    b.meta_order = d.employees.iter().map(|e| e.key).collect();
    b.employees = d.employees.iter().map(|e| (e.key, e.clone())).collect();
}

/// Reads the stored records into the text of an envelope; `None` when nothing is stored.
async fn read_records(db: &Db) -> Result<Option<Result<Envelope, (LoadError, String)>>, DbError> {
    let Some(meta) = db.get("draft", META_KEY).await? else {
        return Ok(None);
    };
    let head = db
        .get("draft", HEAD_KEY)
        .await?
        .unwrap_or_else(|| "{}".into());
    let employees: Vec<(u32, String)> = db
        .get_prefixed("draft", EMPLOYEE_PREFIX)
        .await?
        .into_iter()
        .filter_map(|(k, v)| Some((k.strip_prefix(EMPLOYEE_PREFIX)?.parse().ok()?, v)))
        .collect();
    Ok(Some(stored::read(&meta, &head, &employees)))
}

/// Every record of a draft, for a full write.
fn full_changes(d: &Draft, saved_at: &str) -> Vec<(String, Option<String>)> {
    let mut out = vec![
        (META_KEY.to_owned(), Some(stored::meta(d, saved_at))),
        (HEAD_KEY.to_owned(), Some(stored::head_json(d))),
    ];
    out.extend(
        d.employees
            .iter()
            .map(|e| (stored::employee_key(e.key), Some(stored::employee_json(e)))),
    );
    out
}

async fn apply(db: &Db, changes: &[(String, Option<String>)]) -> Result<(), DbError> {
    let list: Vec<Change<'_>> = changes
        .iter()
        .map(|(k, v)| match v {
            Some(v) => Change::Put(k, v),
            None => Change::Delete(k),
        })
        .collect();
    db.write("draft", &list).await
}

/// Writes a whole draft, replacing whatever records were there.
async fn write_all(s: &Store, db: &Db, d: &Draft, saved_at: &str) -> Result<(), DbError> {
    let mut changes = full_changes(d, saved_at);
    let keep: HashSet<String> = changes.iter().map(|(k, _)| k.clone()).collect();
    for k in db.keys("draft").await? {
        if !keep.contains(&k) {
            changes.push((k, None));
        }
    }
    apply(db, &changes).await?;
    set_baseline(s, d);
    Ok(())
}

/// Keeps an unreadable stored text aside, once per distinct content.
async fn set_aside(text: &str) -> Option<String> {
    let key = format!("aside:{}", stored::fingerprint(text));
    let s = store()?;
    match &s.db {
        Some(db) => {
            if let Ok(Some(_)) = db.get("aside", &key).await {
                return Some(key);
            }
            db.put("aside", &key, text).await.ok().map(|_| key)
        }
        None => {
            let key = format!("{ASIDE_PREFIX}{}", stored::fingerprint(text));
            LocalStorage::raw().set_item(&key, text).ok().map(|_| key)
        }
    }
}

/// The note for a restored draft when the last session could not save, or left a copy newer
/// than the stored draft when its page closed.
fn failure_note(saved_at: &str) -> Option<String> {
    let raw = local_get(SAVE_FAILED_KEY)?;
    let v: serde_json::Value = serde_json::from_str(&raw).ok()?;
    let since = v.get("since").and_then(|x| x.as_str()).unwrap_or("");
    let reason = v.get("reason").and_then(|x| x.as_str()).unwrap_or("");
    Some(format!(
        "上次使用时，{} 之后的修改未能保存到浏览器（{reason}）。现在显示的是 {} 保存的版本，之后的修改没有保存；如有「保存草稿文件」保存的文件，请用「打开草稿文件」打开。",
        since.replace('T', " "),
        saved_at.replace('T', " ")
    ))
}

/// Reads the stored draft at start: from the database (moving an older localStorage draft into
/// it), taking the closing-page copy when it is newer, setting aside what cannot be read.
pub async fn load(now: &str) -> Loaded {
    init().await;
    let Some(s) = store() else {
        return Loaded::Unavailable;
    };
    let emergency = local_get(EMERGENCY_KEY).and_then(|t| envelope::read(&t).ok());
    let Some(db) = s.db.clone() else {
        return load_local(now);
    };
    let found = match read_records(&db).await {
        Ok(found) => found,
        Err(_) => return load_local(now),
    };
    let mut note = None;
    let restored = match found {
        Some(Ok(env)) => Some(env),
        Some(Err((error, text))) => {
            let kept_as = set_aside(&text).await;
            return Loaded::Unreadable { error, kept_as };
        }
        None => match local_get(DRAFT_KEY) {
            // A draft saved before the database: moved in, then removed from localStorage.
            Some(text) => match envelope::read(&text) {
                Ok(env) => {
                    if write_all(&s, &db, &env.draft, &env.saved_at).await.is_ok() {
                        local_remove(DRAFT_KEY);
                    }
                    Some(env)
                }
                Err(error) => {
                    let kept_as = set_aside(&text).await;
                    if kept_as.is_some() {
                        local_remove(DRAFT_KEY);
                    }
                    return Loaded::Unreadable { error, kept_as };
                }
            },
            None => None,
        },
    };
    let restored = match (restored, emergency) {
        // The save in flight as the page closed may have finished after all: a copy that holds
        // nothing the database lacks is dropped without a word.
        (Some(env), Some(e)) if e.saved_at > env.saved_at && e.draft != env.draft => {
            note = Some(format!(
                "已恢复关闭页面前最后输入的内容（{}），它比浏览器中保存的版本（{}）新。",
                e.saved_at.replace('T', " "),
                env.saved_at.replace('T', " ")
            ));
            let _ = write_all(&s, &db, &e.draft, now).await;
            Some(e)
        }
        (None, Some(e)) => {
            let _ = write_all(&s, &db, &e.draft, now).await;
            Some(e)
        }
        (env, _) => env,
    };
    local_remove(EMERGENCY_KEY);
    match restored {
        Some(env) => {
            set_baseline(&s, &env.draft);
            if note.is_none() {
                note = failure_note(&env.saved_at);
            }
            Loaded::Restored {
                draft: Box::new(env.draft),
                saved_at: env.saved_at,
                note,
            }
        }
        None => Loaded::Nothing,
    }
}

/// Without the database: the whole draft in localStorage, as before.
fn load_local(now: &str) -> Loaded {
    if !local_available() {
        return Loaded::Unavailable;
    }
    let Some(raw) = local_get(DRAFT_KEY) else {
        return Loaded::Nothing;
    };
    match envelope::read(&raw) {
        Ok(env) => Loaded::Restored {
            draft: Box::new(env.draft),
            saved_at: env.saved_at,
            note: None,
        },
        Err(error) => {
            let key = format!("{ASIDE_PREFIX}{}", stored::fingerprint(&raw));
            let _ = now;
            let kept_as = if local_get(&key).is_some() {
                Some(key)
            } else {
                LocalStorage::raw().set_item(&key, &raw).ok().map(|_| key)
            };
            Loaded::Unreadable { error, kept_as }
        }
    }
}

/// Reads the draft another tab saved (the follower tab's live view).
pub async fn reload() -> Option<Draft> {
    let s = store()?;
    let draft = match &s.db {
        Some(db) => match read_records(db).await.ok()?? {
            Ok(env) => env.draft,
            Err(_) => return None,
        },
        None => envelope::read(&local_get(DRAFT_KEY)?).ok()?.draft,
    };
    set_baseline(&s, &draft);
    Some(draft)
}

/// The records that changed since the last save. With `touched`, only those employees are
/// compared with the last save (the others were not edited since); `None` compares everyone.
fn changes_since(
    s: &Store,
    d: &Draft,
    saved_at: &str,
    touched: Option<&BTreeSet<u32>>,
) -> Vec<(String, Option<String>)> {
    let b = s.saved.borrow();
    let mut out = Vec::new();
    let head = stored::head_json(d);
    if head != b.head {
        out.push((HEAD_KEY.to_owned(), Some(head)));
    }
    // The roster last written, in the same order (compared key by key, nothing hashed): nobody
    // was added or removed, so when the UI says whose fields were edited (a keystroke), only
    // their records can differ — the common case, checked without looking at everyone else.
    let same_roster = b.meta_order.len() == d.employees.len()
        && b.meta_order
            .iter()
            .zip(&d.employees)
            .all(|(k, e)| *k == e.key);
    if let (Some(t), true) = (touched, same_roster) {
        for e in &d.employees {
            if t.contains(&e.key) && b.employees.get(&e.key) != Some(e) {
                out.push((stored::employee_key(e.key), Some(stored::employee_json(e))));
            }
        }
    } else {
        for e in &d.employees {
            let may_differ =
                touched.is_none_or(|t| t.contains(&e.key)) || !b.employees.contains_key(&e.key);
            if may_differ && b.employees.get(&e.key) != Some(e) {
                out.push((stored::employee_key(e.key), Some(stored::employee_json(e))));
            }
        }
        let now: HashSet<u32> = d.employees.iter().map(|e| e.key).collect();
        for key in b.employees.keys() {
            if !now.contains(key) {
                out.push((stored::employee_key(*key), None));
            }
        }
    }
    // The meta record carries the save time: always written, so a reload says when.
    out.push((META_KEY.to_owned(), Some(stored::meta(d, saved_at))));
    out
}

fn note_failure(now: &str, e: &SaveError) {
    if local_get(SAVE_FAILED_KEY).is_none() && local_available() {
        let v = serde_json::json!({ "since": now, "reason": match e {
            SaveError::Quota => "存储空间已满".to_owned(),
            SaveError::Unavailable => "存储不可用".to_owned(),
            SaveError::Other(m) => m.clone(),
        }});
        let _ = LocalStorage::raw().set_item(SAVE_FAILED_KEY, &v.to_string());
    }
}

/// One save, taken from the draft at once (the draft may change while it is being written):
/// the records to write and the baseline they make. See [`plan`] and [`write`].
pub struct SavePlan {
    store: Rc<Store>,
    now: String,
    kind: PlanKind,
}

enum PlanKind {
    Db {
        db: Db,
        changes: Vec<(String, Option<String>)>,
        next: Vec<(u32, Employee)>,
        removed: Vec<u32>,
        head: String,
        order: Vec<u32>,
        today: String,
        snapshot: Option<Box<(HistoryEntry, Envelope)>>,
    },
    Local(Box<Envelope>),
}

/// What saving `draft` now would write: only the records that differ from the last save, so the
/// typing path copies one person's row, not the whole draft. `touched` names the employees
/// edited since the last save (`None`: compare everyone).
///
/// # Errors
/// [`SaveError::Unavailable`] when no storage could be opened.
pub fn plan(
    draft: &Draft,
    now: &str,
    touched: Option<&BTreeSet<u32>>,
) -> Result<SavePlan, SaveError> {
    let Some(s) = store() else {
        return Err(SaveError::Unavailable);
    };
    let kind = match s.db.clone() {
        Some(db) => {
            let changes = changes_since(&s, draft, now, touched);
            let next: Vec<(u32, Employee)> = changes
                .iter()
                .filter_map(|(k, v)| {
                    let key: u32 = k.strip_prefix(EMPLOYEE_PREFIX)?.parse().ok()?;
                    v.as_ref()?;
                    draft.employee(key).map(|e| (key, e.clone()))
                })
                .collect();
            let removed: Vec<u32> = changes
                .iter()
                .filter(|(_, v)| v.is_none())
                .filter_map(|(k, _)| k.strip_prefix(EMPLOYEE_PREFIX)?.parse().ok())
                .collect();
            let today = now.split('T').next().unwrap_or(now).to_owned();
            let daily_due = s.saved.borrow().daily != today;
            let snapshot = daily_due.then(|| {
                Box::new((
                    History::entry(History::daily_id(now), "每日快照", now, draft),
                    Envelope::new(draft.clone(), now),
                ))
            });
            PlanKind::Db {
                db,
                changes,
                next,
                removed,
                head: stored::head_json(draft),
                order: draft.employees.iter().map(|e| e.key).collect(),
                today,
                snapshot,
            }
        }
        None => PlanKind::Local(Box::new(Envelope::new(draft.clone(), now))),
    };
    Ok(SavePlan {
        store: s,
        now: now.to_owned(),
        kind,
    })
}

impl SavePlan {
    /// The records the plan writes or removes, by key (the whole draft in localStorage when the
    /// database is unavailable).
    pub fn records(&self) -> Vec<&str> {
        match &self.kind {
            PlanKind::Db { changes, .. } => changes.iter().map(|(k, _)| k.as_str()).collect(),
            PlanKind::Local(_) => vec![DRAFT_KEY],
        }
    }
}

/// Writes a [`plan`]; on disk when it returns `Ok`.
///
/// # Errors
/// [`SaveError`] when storage is unavailable or full; the draft stays as it is in the page, and
/// the next plan compares everyone again.
pub async fn write(plan: SavePlan) -> Result<(), SaveError> {
    let SavePlan {
        store: s,
        now,
        kind,
    } = plan;
    let result = match kind {
        PlanKind::Db {
            db,
            changes,
            next,
            removed,
            head,
            order,
            today,
            snapshot,
        } => match apply(&db, &changes).await {
            Ok(()) => {
                {
                    let mut b = s.saved.borrow_mut();
                    b.head = head;
                    b.meta_order = order;
                    for (k, e) in next {
                        b.employees.insert(k, e);
                    }
                    for k in removed {
                        b.employees.remove(&k);
                    }
                }
                if let Some(snapshot) = snapshot {
                    let (entry, env) = *snapshot;
                    if keep_in_history(&db, &entry, &env).await.is_ok() {
                        s.saved.borrow_mut().daily = today;
                    }
                }
                Ok(())
            }
            Err(e) => Err(SaveError::from(e)),
        },
        PlanKind::Local(env) => save_local(&env),
    };
    match &result {
        Ok(()) => {
            local_remove(SAVE_FAILED_KEY);
            local_remove(EMERGENCY_KEY);
        }
        Err(e) => note_failure(&now, e),
    }
    result
}

/// Writes what changed in the draft since the last save; on disk when it returns `Ok`.
///
/// # Errors
/// [`SaveError`] when storage is unavailable or full; the draft stays as it is in the page.
pub async fn save(draft: &Draft, now: &str) -> Result<(), SaveError> {
    write(plan(draft, now, None)?).await
}

fn save_local(env: &Envelope) -> Result<(), SaveError> {
    if !local_available() {
        return Err(SaveError::Unavailable);
    }
    LocalStorage::set(DRAFT_KEY, env).map_err(|e| match e {
        StorageError::JsError(js) if js.name == "QuotaExceededError" => SaveError::Quota,
        StorageError::JsError(js) => SaveError::Other(js.message),
        other => SaveError::Other(other.to_string()),
    })
}

/// The page is closing with a save still pending: a copy into localStorage, synchronously (an
/// asynchronous database write might not finish). Restored next time when newer.
pub fn emergency_copy(draft: &Draft, now: &str) {
    if !local_available() {
        return;
    }
    let json = envelope::to_json_compact(draft, now);
    if json.len() <= EMERGENCY_MAX_CHARS {
        let _ = LocalStorage::raw().set_item(EMERGENCY_KEY, &json);
    }
}

async fn keep_in_history(db: &Db, entry: &HistoryEntry, env: &Envelope) -> Result<(), DbError> {
    let meta = serde_json::to_string(entry).unwrap_or_default();
    let body = envelope::to_json_compact(&env.draft, &env.saved_at);
    let meta_key = format!("meta/{}", entry.id);
    let body_key = format!("body/{}", entry.id);
    db.write(
        "history",
        &[Change::Put(&meta_key, &meta), Change::Put(&body_key, &body)],
    )
    .await?;
    // Only what the history keeps.
    let ids: Vec<String> = db
        .keys("history")
        .await?
        .into_iter()
        .filter_map(|k| k.strip_prefix("meta/").map(str::to_owned))
        .collect();
    let gone = History::to_forget(&ids);
    if !gone.is_empty() {
        let keys: Vec<String> = gone
            .iter()
            .flat_map(|id| [format!("meta/{id}"), format!("body/{id}")])
            .collect();
        let list: Vec<Change<'_>> = keys.iter().map(|k| Change::Delete(k)).collect();
        db.write("history", &list).await?;
    }
    Ok(())
}

/// Keeps `draft` in the history before it is replaced (`label` says by what).
///
/// # Errors
/// [`SaveError`] when it could not be kept (the caller then asks before replacing).
pub async fn remember(draft: &Draft, label: &str, now: &str) -> Result<(), SaveError> {
    let db = store()
        .and_then(|s| s.db.clone())
        .ok_or(SaveError::Unavailable)?;
    let entry = History::entry(History::replaced_id(now), label, now, draft);
    let env = Envelope::new(draft.clone(), now);
    keep_in_history(&db, &entry, &env)
        .await
        .map_err(SaveError::from)
}

/// The history, newest first.
pub async fn history() -> Vec<HistoryEntry> {
    let Some(db) = store().and_then(|s| s.db.clone()) else {
        return vec![];
    };
    let mut out: Vec<HistoryEntry> = db
        .get_prefixed("history", "meta/")
        .await
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(_, v)| serde_json::from_str(&v).ok())
        .collect();
    bangfu_model::order::sort_by(&mut out, |a, b| b.kept_at.cmp(&a.kept_at));
    out
}

/// The text of one history entry (a draft file's content).
pub async fn history_text(id: &str) -> Option<String> {
    let db = store()?.db.clone()?;
    db.get("history", &format!("body/{id}")).await.ok()?
}

/// The raw text kept under an aside key (to offer it as a download).
pub async fn aside_text(key: &str) -> Option<String> {
    if key.starts_with(ASIDE_PREFIX) {
        return local_get(key);
    }
    let db = store()?.db.clone()?;
    db.get("aside", key).await.ok()?
}

/// Keys of drafts set aside earlier.
pub async fn aside_keys() -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    if let Some(db) = store().and_then(|s| s.db.clone()) {
        keys.extend(db.keys("aside").await.unwrap_or_default());
    }
    if local_available() {
        let raw = LocalStorage::raw();
        let len = raw.length().unwrap_or(0);
        keys.extend(
            (0..len)
                .filter_map(|i| raw.key(i).ok().flatten())
                .filter(|k| k.starts_with(ASIDE_PREFIX)),
        );
    }
    bangfu_model::order::sort(&mut keys);
    keys
}

/// Forgets a set-aside draft (after the user downloaded or dismissed it).
pub async fn remove_aside(key: &str) {
    if key.starts_with(ASIDE_PREFIX) {
        local_remove(key);
    } else if let Some(db) = store().and_then(|s| s.db.clone()) {
        let _ = db.delete("aside", key).await;
    }
}

/// Everything this app keeps in this browser: the draft, its history, set-aside copies, the
/// township workspace, notes and cached files (「清除本机数据」).
pub async fn clear_everything() {
    if let Some(s) = store() {
        if let Some(db) = &s.db {
            for name in idb::STORES {
                let keys = db.keys(name).await.unwrap_or_default();
                let list: Vec<Change<'_>> = keys.iter().map(|k| Change::Delete(k)).collect();
                let _ = db.write(name, &list).await;
            }
        }
        *s.saved.borrow_mut() = Baseline::default();
    }
    if local_available() {
        let raw = LocalStorage::raw();
        let len = raw.length().unwrap_or(0);
        let ours: Vec<String> = (0..len)
            .filter_map(|i| raw.key(i).ok().flatten())
            .filter(|k| k.starts_with("bangfu."))
            .collect();
        for k in ours {
            let _ = raw.remove_item(&k);
        }
    }
    crate::offline::clear_caches().await;
}
