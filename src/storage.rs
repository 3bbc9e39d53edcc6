//! The draft in the browser's localStorage: read at start, written by a debounced autosave.
//!
//! Nothing is ever lost silently:
//! - a stored draft that cannot be read (damaged, or saved by a newer version) is copied aside
//!   under [`ASIDE_PREFIX`]`<time>` before anything else is written, and the user is told;
//!   if even that copy fails, autosave stays off so the original is not overwritten;
//! - a failed write (quota full, storage disabled) is reported with advice to save a draft file.

use bangfu_model::envelope::{self, Envelope};
use bangfu_model::{Draft, LoadError};
use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};

/// Where the current draft lives.
pub const DRAFT_KEY: &str = "bangfu.draft";
/// Prefix of keys holding unreadable drafts that were set aside.
pub const ASIDE_PREFIX: &str = "bangfu.draft.unreadable.";

/// What was found in storage at start.
#[derive(Debug)]
pub enum Loaded {
    /// Nothing stored: a new user.
    Nothing,
    /// A draft was restored.
    Restored { draft: Box<Draft>, saved_at: String },
    /// A stored draft could not be read. `kept_as` is the key it was copied to; `None` when the
    /// copy failed, in which case autosave must stay off.
    Unreadable {
        error: LoadError,
        kept_as: Option<String>,
    },
    /// localStorage itself is not available (disabled, private mode in some browsers).
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
                "浏览器存储空间已满，草稿未能自动保存。请立即点击「保存草稿文件」把草稿存到电脑上。"
            ),
            SaveError::Unavailable => write!(
                f,
                "此浏览器禁止了本地存储（可能是无痕模式），草稿不会自动保存。请用「保存草稿文件」保存。"
            ),
            SaveError::Other(m) => write!(
                f,
                "草稿未能自动保存（{m}）。请用「保存草稿文件」保存一份到电脑上。"
            ),
        }
    }
}

fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

/// Reads the stored draft, setting an unreadable one aside.
pub fn load(now: &str) -> Loaded {
    if !available() {
        return Loaded::Unavailable;
    }
    let raw = match LocalStorage::raw().get_item(DRAFT_KEY) {
        Ok(Some(raw)) => raw,
        _ => return Loaded::Nothing,
    };
    match envelope::read(&raw) {
        Ok(env) => Loaded::Restored {
            draft: Box::new(env.draft),
            saved_at: env.saved_at,
        },
        Err(error) => {
            let key = format!("{ASIDE_PREFIX}{now}");
            let kept_as = LocalStorage::raw().set_item(&key, &raw).ok().map(|_| key);
            Loaded::Unreadable { error, kept_as }
        }
    }
}

/// Writes the draft.
///
/// # Errors
/// [`SaveError`] when storage is unavailable or full.
pub fn save(draft: &Draft, now: &str) -> Result<(), SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    let env = Envelope::new(draft.clone(), now);
    LocalStorage::set(DRAFT_KEY, &env).map_err(|e| match e {
        StorageError::JsError(js) if js.name == "QuotaExceededError" => SaveError::Quota,
        StorageError::JsError(js) => SaveError::Other(js.message),
        other => SaveError::Other(other.to_string()),
    })
}

/// The raw text kept under an aside key (to offer it as a download).
pub fn aside_text(key: &str) -> Option<String> {
    if !available() {
        return None;
    }
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Keys of drafts set aside earlier, oldest first.
pub fn aside_keys() -> Vec<String> {
    if !available() {
        return vec![];
    }
    let raw = LocalStorage::raw();
    let len = raw.length().unwrap_or(0);
    let mut keys: Vec<String> = (0..len)
        .filter_map(|i| raw.key(i).ok().flatten())
        .filter(|k| k.starts_with(ASIDE_PREFIX))
        .collect();
    keys.sort();
    keys
}

/// Forgets a set-aside draft (after the user downloaded or dismissed it).
pub fn remove_aside(key: &str) {
    if available() && key.starts_with(ASIDE_PREFIX) {
        let _ = LocalStorage::raw().remove_item(key);
    }
}
