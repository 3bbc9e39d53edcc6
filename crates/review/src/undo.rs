//! Undoing the opening of a review file (审查记录文件), also after a reload.
//!
//! Opening a colleague's or the county's file replaces the township's own copy of every
//! application it also holds. The guide asks that replacing data be confirmable *and* undoable
//! after a reload, so [`open`] keeps what the opening replaced: the applications as they were,
//! the ones it added, and the township's details when the file filled them in. The UI stores this
//! as one record (`stored::UNDO_KEY`) in the same transaction as the opening; only the last
//! opening can be undone.
//!
//! An application edited after the opening is named before an undo ([`OpenedFile::changed_since`]):
//! undoing brings back the copy from before the opening, so those edits would go too.

use crate::application::Application;
use crate::handoff::{self, label, HandOff};
use crate::stored::application_json;
use crate::workspace::{Township, Workspace};
use crate::Unknown;
use serde::{Deserialize, Serialize};

/// What one opening of a review file changed, enough to put it back.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OpenedFile {
    /// The file's name on the reviewer's computer.
    pub file_name: String,
    /// When it was opened (local time, as the UI shows it).
    pub opened_at: String,
    /// The applications the opening added (uids): undoing removes them.
    pub added: Vec<String>,
    /// The workspace's own copies the opening replaced, as they were before it.
    pub replaced: Vec<Application>,
    /// The township's details before the opening, when the opening filled them in.
    pub township_before: Option<Township>,
    /// Each application as the opening left it: its uid, its record and how many versions it
    /// had, to tell which were changed since.
    pub left: Vec<Left>,
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// One application as an opening left it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Left {
    pub uid: String,
    /// [`application_json`] of the application right after the opening.
    pub record: String,
    pub versions: usize,
}

impl Left {
    fn of(app: &Application) -> Left {
        Left {
            uid: app.uid.clone(),
            record: application_json(app),
            versions: app.versions.len(),
        }
    }
}

/// What an undo changed: the applications to write back in full and the ones to delete.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Undone {
    /// Uids of the applications restored to their copy from before the opening.
    pub restored: Vec<String>,
    /// The applications the opening had added, now removed.
    pub removed: Vec<Application>,
}

/// Opens a review file like [`handoff::open`] and returns what it changed, for [`OpenedFile::undo`].
///
/// # Examples
/// ```
/// use bangfu_review::{handoff, undo, Application, Workspace};
/// let mut ws = Workspace::default();
/// ws.applications.push(Application { uid: "a1".into(), number: "2026-001".into(), ..Default::default() });
/// let before = ws.clone();
/// let mut theirs = ws.applications[0].clone();
/// theirs.review.opinion = "同意".into();
/// let added = Application { uid: "b2".into(), number: "2026-002".into(), ..Default::default() };
/// let text = handoff::write(&ws.township, [&theirs, &added], "");
/// let opened = undo::open(&mut ws, handoff::read(text.as_bytes()).unwrap(), "审查记录.json", "2026-12-07 10:00");
/// assert_eq!(ws.applications.len(), 2);
/// assert!(opened.changed_since(&ws).is_empty());
/// opened.undo(&mut ws);
/// assert_eq!(ws, before);
/// ```
pub fn open(ws: &mut Workspace, file: HandOff, file_name: &str, opened_at: &str) -> OpenedFile {
    let mut added = Vec::new();
    let mut replaced = Vec::new();
    for app in &file.applications {
        match ws.application(&app.uid) {
            None => added.push(app.uid.clone()),
            Some(have) if have != app => replaced.push(have.clone()),
            Some(_) => {}
        }
    }
    let township = ws.township.clone();
    let uids: Vec<String> = file.applications.iter().map(|a| a.uid.clone()).collect();
    handoff::open(ws, file);
    let left = uids
        .iter()
        .filter_map(|uid| ws.application(uid))
        .map(Left::of)
        .collect();
    OpenedFile {
        file_name: file_name.to_owned(),
        opened_at: opened_at.to_owned(),
        added,
        replaced,
        township_before: (ws.township != township).then_some(township),
        left,
        unknown: Unknown::default(),
    }
}

impl OpenedFile {
    /// Whether undoing would change anything.
    pub fn changes_anything(&self) -> bool {
        !self.added.is_empty() || !self.replaced.is_empty() || self.township_before.is_some()
    }

    /// One line for the notice: 「打开「x.json」（时间）新增 1 件，替换 2 件」.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if !self.added.is_empty() {
            parts.push(format!("新增 {} 件", self.added.len()));
        }
        if !self.replaced.is_empty() {
            parts.push(format!("替换 {} 件", self.replaced.len()));
        }
        if self.township_before.is_some() {
            parts.push("填入了本乡镇信息".to_owned());
        }
        format!(
            "{} 打开审查记录「{}」：{}",
            self.opened_at,
            self.file_name,
            parts.join("，")
        )
    }

    /// The applications the opening touched that were changed since (edited, a newer version
    /// received, deleted): "受理编号 经营主体名称" of each. Undoing discards those changes.
    pub fn changed_since(&self, ws: &Workspace) -> Vec<String> {
        self.left
            .iter()
            .filter_map(|l| match ws.application(&l.uid) {
                Some(app) if Left::of(app) == *l => None,
                Some(app) => Some(label(app)),
                None => Some(format!("{}（已删除）", l.uid)),
            })
            .collect()
    }

    /// Puts the workspace back as it was before the opening: the replaced applications get
    /// their earlier copy back (re-added if deleted since), the added ones are removed, and the
    /// township's details are restored when the opening filled them in and nobody changed them.
    pub fn undo(&self, ws: &mut Workspace) -> Undone {
        let mut out = Undone::default();
        for before in &self.replaced {
            match ws.application_mut(&before.uid) {
                Some(app) => *app = before.clone(),
                None => ws.applications.push(before.clone()),
            }
            out.restored.push(before.uid.clone());
        }
        for uid in &self.added {
            if let Some(app) = ws.remove(uid) {
                out.removed.push(app);
            }
        }
        if let Some(before) = &self.township_before {
            ws.township = before.clone();
        }
        out
    }

    /// The record kept in the workspace store.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads the stored record.
    ///
    /// # Errors
    /// A Chinese message when the record cannot be read (it is then left where it is).
    pub fn from_json(text: &str) -> Result<OpenedFile, String> {
        serde_json::from_str(text).map_err(|e| {
            format!(
                "上次打开审查记录前保存的副本无法读取（{}），那次打开无法撤销",
                bangfu_model::damage::what(&e.to_string())
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bangfu_model::{Draft, Envelope};

    fn received(names: &[&str]) -> Workspace {
        let mut ws = Workspace::default();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        for name in names {
            let mut d = Draft::default();
            d.applicant.name = (*name).into();
            let text = Envelope::new(d, "").to_json();
            ws.receive("a.json", text.as_bytes(), "", today).unwrap();
        }
        ws
    }

    fn file(township: &Township, apps: &[&Application]) -> HandOff {
        handoff::read(handoff::write(township, apps.iter().copied(), "").as_bytes()).unwrap()
    }

    #[test]
    fn undoing_an_opening_restores_replaced_removes_added_and_survives_a_round_trip() {
        let mut ws = received(&["甲", "乙"]);
        ws.applications[0].review.opinion = "本机的意见".into();
        let before = ws.clone();
        // A colleague's copy of 甲 with another opinion, 乙 unchanged, and 丙 new.
        let other = received(&["丙"]);
        let mut theirs = ws.applications[0].clone();
        theirs.review.opinion = "同事的意见".into();
        let township = Township {
            name: "白海子镇人民政府".into(),
            ..Township::default()
        };
        let f = file(
            &township,
            &[&theirs, &ws.applications[1].clone(), &other.applications[0]],
        );
        let opened = open(&mut ws, f, "同事.json", "2026-12-07 10:00");
        assert_eq!(ws.applications.len(), 3);
        assert_eq!(ws.applications[0].review.opinion, "同事的意见");
        // The township had no details: the file's were taken, and undo takes them back.
        assert_eq!(ws.township.name, "白海子镇人民政府");
        assert_eq!(
            opened.summary(),
            "2026-12-07 10:00 打开审查记录「同事.json」：新增 1 件，替换 1 件，填入了本乡镇信息"
        );
        // Kept as a record, read back after a reload.
        let back = OpenedFile::from_json(&opened.to_json()).unwrap();
        assert_eq!(back, opened);
        let undone = back.undo(&mut ws);
        assert_eq!(ws, before);
        assert_eq!(undone.restored, [before.applications[0].uid.clone()]);
        assert_eq!(undone.removed.len(), 1);
    }

    #[test]
    fn edits_after_the_opening_are_named_before_an_undo() {
        let mut ws = received(&["甲"]);
        let mut theirs = ws.applications[0].clone();
        theirs.review.opinion = "同事的意见".into();
        let f = file(&ws.township.clone(), &[&theirs]);
        let opened = open(&mut ws, f, "同事.json", "");
        assert!(opened.changed_since(&ws).is_empty());
        ws.applications[0].review.visit_place = "车间".into();
        let changed = opened.changed_since(&ws);
        assert_eq!(changed.len(), 1);
        assert!(changed[0].ends_with('甲'), "{changed:?}");
        // Deleted since: named too, and an undo brings the earlier copy back.
        let uid = ws.applications[0].uid.clone();
        ws.remove(&uid);
        assert!(opened.changed_since(&ws)[0].contains("已删除"));
        opened.undo(&mut ws);
        assert_eq!(ws.applications[0].review.opinion, "");
    }

    #[test]
    fn an_identical_file_changes_nothing_and_a_damaged_record_is_refused_with_a_message() {
        let mut ws = received(&["甲"]);
        let f = file(&ws.township.clone(), &[&ws.applications[0].clone()]);
        let opened = open(&mut ws, f, "同一份.json", "");
        assert!(!opened.changes_anything());
        let err = OpenedFile::from_json("{\"added\": 3").unwrap_err();
        assert!(err.contains("无法撤销"), "{err}");
    }
}
