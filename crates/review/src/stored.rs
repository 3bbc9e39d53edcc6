//! How the workspace is kept in the browser's database (store `workspace`), apart from the
//! applicant's draft: one record per application and one per received version, so that typing
//! in a review rewrites one small record, and the drafts received (large, and never changed once
//! received) are written once.
//!
//! Records (strings of JSON):
//! - `meta`: format tag, schema version, the township's details and the applications' order;
//! - `app:<uid>`: one application without its versions ([`application_json`]);
//! - `ver:<uid>:<NNN>`: its version number NNN (0-based, three digits), the file as received;
//! - `undo:open`: what the last opening of a review file replaced ([`crate::undo::OpenedFile`]).
//!
//! Reading ([`assemble`]) puts them back together; a record that cannot be read is reported
//! with its key and left in the database untouched (nothing is ever overwritten unread: the
//! workspace read back simply lacks that application, so nothing writes its key).

use crate::application::{Application, Version};
use crate::handoff::{FORMAT, SCHEMA_VERSION};
use crate::workspace::{Township, Workspace};
use crate::Unknown;
use serde::{Deserialize, Serialize};

pub const META_KEY: &str = "meta";
pub const APP_PREFIX: &str = "app:";
pub const VERSION_PREFIX: &str = "ver:";
/// The record of the last opening of a review file, for its undo.
pub const UNDO_KEY: &str = "undo:open";

/// One change to the store: the record under the key written (`Some`) or deleted (`None`).
pub type Change = (String, Option<String>);

#[derive(Serialize, Deserialize)]
struct Meta {
    format: String,
    schema_version: u32,
    #[serde(default)]
    township: Township,
    #[serde(default)]
    order: Vec<String>,
    #[serde(flatten)]
    unknown: Unknown,
}

/// The key of an application's record.
pub fn application_key(uid: &str) -> String {
    format!("{APP_PREFIX}{uid}")
}

/// What the keys of an application's version records start with.
pub fn versions_prefix(uid: &str) -> String {
    format!("{VERSION_PREFIX}{uid}:")
}

/// The key of one version's record.
pub fn version_key(uid: &str, index: usize) -> String {
    format!("{}{index:03}", versions_prefix(uid))
}

/// The `meta` record: the township and the order of the applications.
pub fn meta_json(ws: &Workspace) -> String {
    serde_json::to_string(&Meta {
        format: FORMAT.to_owned(),
        schema_version: SCHEMA_VERSION,
        township: ws.township.clone(),
        order: ws.applications.iter().map(|a| a.uid.clone()).collect(),
        unknown: ws.unknown.clone(),
    })
    .unwrap_or_default()
}

/// An application's record: everything but its versions.
pub fn application_json(app: &Application) -> String {
    #[derive(Serialize)]
    struct Without<'a> {
        uid: &'a str,
        number: &'a str,
        received_on: &'a str,
        review: &'a crate::ReviewRecord,
        notice: &'a crate::NoticeRecord,
        submission: &'a crate::Submission,
        #[serde(flatten)]
        unknown: &'a Unknown,
    }
    // Destructured in full: a field added to `Application` must be added here too.
    let Application {
        uid,
        number,
        received_on,
        versions: _,
        review,
        notice,
        submission,
        unknown,
    } = app;
    serde_json::to_string(&Without {
        uid,
        number,
        received_on,
        review,
        notice,
        submission,
        unknown,
    })
    .unwrap_or_default()
}

/// A version's record.
pub fn version_json(v: &Version) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

/// Every record of one application: its own and one per version.
pub fn application_records(app: &Application) -> Vec<(String, String)> {
    let mut out = vec![(application_key(&app.uid), application_json(app))];
    for (i, v) in app.versions.iter().enumerate() {
        out.push((version_key(&app.uid, i), version_json(v)));
    }
    out
}

/// The changes that write an application in full, whatever the store held for it: its record and
/// every version, and the deletion of any version record beyond them (`on_disk` is how many the
/// store holds, e.g. from a copy with more versions that this one replaces).
///
/// # Examples
/// ```
/// use bangfu_review::{stored, Application};
/// let app = Application { uid: "a1".into(), ..Default::default() };
/// let changes = stored::rewrite(&app, 2);
/// assert_eq!(changes[0].0, "app:a1");
/// assert_eq!(changes[1..], [("ver:a1:000".to_owned(), None), ("ver:a1:001".to_owned(), None)]);
/// ```
pub fn rewrite(app: &Application, on_disk: usize) -> Vec<Change> {
    let mut out: Vec<Change> = application_records(app)
        .into_iter()
        .map(|(k, v)| (k, Some(v)))
        .collect();
    out.extend((app.versions.len()..on_disk).map(|i| (version_key(&app.uid, i), None)));
    out
}

/// The changes that delete an application and all its version records (`on_disk` of them may
/// be in the store, more than the application has when a longer copy was written there).
pub fn removal(app: &Application, on_disk: usize) -> Vec<Change> {
    let mut out = vec![(application_key(&app.uid), None)];
    out.extend((0..on_disk.max(app.versions.len())).map(|i| (version_key(&app.uid, i), None)));
    out
}

/// The keys to delete with an application.
pub fn application_keys(app: &Application) -> Vec<String> {
    let mut keys = vec![application_key(&app.uid)];
    keys.extend((0..app.versions.len()).map(|i| version_key(&app.uid, i)));
    keys
}

/// The workspace read back, with what could not be read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Loaded {
    pub workspace: Workspace,
    /// `(key, message)` of each record left unread (still in the database).
    pub unreadable: Vec<(String, String)>,
    /// The schema of a newer app that wrote the records, when it did: this app must not write.
    pub too_new: Option<u32>,
    /// The last opening of a review file, which can still be undone.
    pub opened: Option<crate::undo::OpenedFile>,
    /// The applications' order as `meta` saved it (uids).
    pub order: Vec<String>,
}

/// Puts the records (`(key, json)` of the whole store) back into a workspace.
///
/// # Examples
/// ```
/// use bangfu_review::{stored, Application, Workspace};
/// let mut ws = Workspace::default();
/// ws.township.name = "某某镇人民政府".into();
/// ws.applications.push(Application { uid: "a1".into(), ..Default::default() });
/// let mut records = vec![("meta".to_owned(), stored::meta_json(&ws))];
/// records.extend(stored::application_records(&ws.applications[0]));
/// assert_eq!(stored::assemble(&records).workspace, ws);
/// ```
pub fn assemble(records: &[(String, String)]) -> Loaded {
    let mut out = Loaded::default();
    if let Some((_, json)) = records.iter().find(|(k, _)| k == META_KEY) {
        match serde_json::from_str::<Meta>(json) {
            Ok(m) if m.format == FORMAT && m.schema_version > SCHEMA_VERSION => {
                out.too_new = Some(m.schema_version);
                return out;
            }
            Ok(m) if m.format == FORMAT => {
                out.workspace.township = m.township;
                out.workspace.unknown = m.unknown;
                out.order = m.order;
            }
            _ => out
                .unreadable
                .push((META_KEY.to_owned(), "乡镇信息和申请顺序无法读取".to_owned())),
        }
    }
    let mut apps: Vec<Application> = Vec::new();
    for (key, json) in records.iter().filter(|(k, _)| k.starts_with(APP_PREFIX)) {
        match serde_json::from_str::<Application>(json) {
            Ok(mut a) => {
                a.versions.clear();
                apps.push(a);
            }
            Err(e) => out.unreadable.push((
                key.clone(),
                format!(
                    "一条申请记录无法读取（{}）",
                    bangfu_model::damage::what(&e.to_string())
                ),
            )),
        }
    }
    // Version records sort by key: `ver:<uid>:000`, `…:001` …
    let mut versions: Vec<&(String, String)> = records
        .iter()
        .filter(|(k, _)| k.starts_with(VERSION_PREFIX))
        .collect();
    bangfu_model::order::sort_by(&mut versions, |a, b| a.0.cmp(&b.0));
    for (key, json) in versions {
        let uid = key
            .strip_prefix(VERSION_PREFIX)
            .and_then(|r| r.rsplit_once(':'))
            .map_or("", |(uid, _)| uid);
        let Some(app) = apps.iter_mut().find(|a| a.uid == uid) else {
            continue;
        };
        match serde_json::from_str::<Version>(json) {
            Ok(v) => app.versions.push(v),
            Err(_) => out
                .unreadable
                .push((key.clone(), "一份收到的申请材料无法读取".to_owned())),
        }
    }
    if let Some((_, json)) = records.iter().find(|(k, _)| k == UNDO_KEY) {
        match crate::undo::OpenedFile::from_json(json) {
            Ok(o) => out.opened = Some(o),
            Err(m) => out.unreadable.push((UNDO_KEY.to_owned(), m)),
        }
    }
    // In the saved order, then any the order lost (kept, never dropped).
    let mut sorted = Vec::with_capacity(apps.len());
    for uid in &out.order {
        if let Some(i) = apps.iter().position(|a| &a.uid == uid) {
            sorted.push(apps.remove(i));
        }
    }
    sorted.extend(apps);
    out.workspace.applications = sorted;
    out
}

/// Takes one application as another tab saved it into `ws`: `records` are the store's `meta`
/// record and the records of that application (none when it was deleted). The application is
/// replaced, added in the saved order, or removed; the township's details are taken from `meta`.
/// Returns the keys of records that could not be read (the workspace keeps its copy then).
///
/// # Examples
/// ```
/// use bangfu_review::{stored, Application, Workspace};
/// let mut theirs = Workspace::default();
/// theirs.applications.push(Application { uid: "a1".into(), number: "2026-001".into(), ..Default::default() });
/// let mut records = vec![("meta".to_owned(), stored::meta_json(&theirs))];
/// records.extend(stored::application_records(&theirs.applications[0]));
/// let mut mine = Workspace::default();
/// assert!(stored::refresh(&mut mine, "a1", &records).is_empty());
/// assert_eq!(mine, theirs);
/// ```
pub fn refresh(ws: &mut Workspace, uid: &str, records: &[(String, String)]) -> Vec<String> {
    let loaded = assemble(records);
    if loaded.too_new.is_some() {
        return vec![META_KEY.to_owned()];
    }
    let unreadable: Vec<String> = loaded.unreadable.into_iter().map(|(k, _)| k).collect();
    if !unreadable.iter().any(|k| k == META_KEY) {
        ws.township = loaded.workspace.township;
    }
    if !unreadable.is_empty() {
        return unreadable;
    }
    let order = loaded.order;
    match loaded
        .workspace
        .applications
        .into_iter()
        .find(|a| a.uid == uid)
    {
        Some(app) => match ws.application_mut(uid) {
            Some(have) => *have = app,
            None => {
                let rank = |u: &str| order.iter().position(|o| o == u).unwrap_or(usize::MAX);
                let at = ws
                    .applications
                    .iter()
                    .position(|a| rank(&a.uid) > rank(uid))
                    .unwrap_or(ws.applications.len());
                ws.applications.insert(at, app);
            }
        },
        None => {
            ws.remove(uid);
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use bangfu_model::{Draft, Envelope};

    fn workspace() -> Workspace {
        let mut ws = Workspace::default();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 6, 22).unwrap();
        for name in ["甲", "乙"] {
            let mut d = Draft::default();
            d.applicant.name = name.into();
            let text = Envelope::new(d.clone(), "").to_json();
            ws.receive("a.json", text.as_bytes(), "", today).unwrap();
            d.applicant.phone = "1".into();
            let text = Envelope::new(d, "").to_json();
            ws.receive("b.json", text.as_bytes(), "", today).unwrap();
        }
        ws.applications[1].review.opinion = "同意".into();
        ws
    }

    fn records(ws: &Workspace) -> Vec<(String, String)> {
        let mut r = vec![(META_KEY.to_owned(), meta_json(ws))];
        for a in &ws.applications {
            r.extend(application_records(a));
        }
        r
    }

    #[test]
    fn records_read_back_into_the_same_workspace_in_any_key_order() {
        let ws = workspace();
        let mut r = records(&ws);
        r.reverse();
        let back = assemble(&r);
        assert_eq!(back.workspace, ws);
        assert!(back.unreadable.is_empty());
        assert_eq!(application_keys(&ws.applications[0]).len(), 3);
    }

    #[test]
    fn a_damaged_record_is_reported_and_the_rest_read() {
        let ws = workspace();
        let mut r = records(&ws);
        let key = application_key(&ws.applications[0].uid);
        for (k, v) in r.iter_mut() {
            if *k == key {
                v.truncate(10);
            }
        }
        let back = assemble(&r);
        assert_eq!(back.workspace.applications.len(), 1);
        assert_eq!(back.unreadable[0].0, key);
        // A newer app's records: nothing is read, so nothing is written over them.
        let mut r = records(&ws);
        r[0].1 = r[0]
            .1
            .replace("\"schema_version\":1", "\"schema_version\":7");
        let back = assemble(&r);
        assert_eq!(back.too_new, Some(7));
        assert!(back.workspace.applications.is_empty());
    }

    #[test]
    fn another_tab_s_save_of_one_application_is_taken_in_its_place() {
        let theirs = workspace();
        let mut mine = theirs.clone();
        let uid = theirs.applications[0].uid.clone();
        // Their tab edited the first application; mine had it without the edit.
        let mut edited = theirs.clone();
        edited.applications[0].review.visit_place = "车间".into();
        let mut r = vec![(META_KEY.to_owned(), meta_json(&edited))];
        r.extend(application_records(&edited.applications[0]));
        assert!(refresh(&mut mine, &uid, &r).is_empty());
        assert_eq!(mine, edited);
        // Deleted there: gone here.
        let mut gone = edited.clone();
        gone.remove(&uid);
        let r = vec![(META_KEY.to_owned(), meta_json(&gone))];
        refresh(&mut mine, &uid, &r);
        assert_eq!(mine, gone);
        // Added back there (an undo): in its saved place, first.
        let r = {
            let mut r = vec![(META_KEY.to_owned(), meta_json(&edited))];
            r.extend(application_records(&edited.applications[0]));
            r
        };
        refresh(&mut mine, &uid, &r);
        assert_eq!(mine, edited);
        // A damaged record leaves my copy as it was.
        let mut r = r;
        r[1].1.truncate(5);
        assert_eq!(refresh(&mut mine, &uid, &r), [application_key(&uid)]);
        assert_eq!(mine, edited);
    }
}
