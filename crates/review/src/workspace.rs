//! The township's workspace: its own details (for the 公示 and the letters) and every
//! application received, with the one way files come in ([`Workspace::receive`]).
//!
//! A file is matched to an application by what it says, not by its name: the same draft again
//! (same 材料指纹) is refused, naming the application that has it; a draft with the same
//! 统一社会信用代码 as an application (or, when neither has one, the same 经营主体名称) becomes its
//! newer version, with the list of what changed; anything else is a new application with the
//! next 受理编号 of the year.

use crate::application::{Application, Version};
use crate::Unknown;
use bangfu_io::versions::{changes_between, DraftChanges};
use bangfu_model::LoadError;
use bangfu_rules::validate::credit_code::normalize_credit_code;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The township's own details, printed on the 公示 (受理单位, 地址, 联系电话) and the letters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Township {
    /// e.g. 某某镇人民政府
    pub name: String,
    /// The office that receives objections, e.g. 镇乡村振兴办公室.
    pub office: String,
    pub address: String,
    pub phone: String,
    /// Where notices are published (the township's website).
    pub website: String,
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// Everything the township holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workspace {
    pub township: Township,
    /// In the order received.
    pub applications: Vec<Application>,
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// What receiving a file did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Received {
    /// A new application, with its 受理编号.
    New { uid: String, number: String },
    /// A newer version of an application.
    NewVersion {
        uid: String,
        number: String,
        changes: DraftChanges,
    },
}

/// Why a file was not received; nothing changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReceiveError {
    /// Not a draft this app can read.
    Unreadable(LoadError),
    /// The same draft is already held.
    Duplicate {
        number: String,
        applicant: String,
        /// 1-based version number.
        version: usize,
    },
}

impl fmt::Display for ReceiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReceiveError::Unreadable(e) => e.fmt(f),
            ReceiveError::Duplicate {
                number,
                applicant,
                version,
            } => write!(
                f,
                "这份材料已经接收过：与受理编号 {number}（{applicant}）的第 {version} 版内容完全相同，未重复接收。"
            ),
        }
    }
}

impl std::error::Error for ReceiveError {}

/// The key that says two drafts are of one applicant: the normalised USCC, or the name when
/// there is none.
fn applicant_key(name: &str, credit_code: &str) -> String {
    let code = normalize_credit_code(credit_code);
    if code.is_empty() {
        format!("name:{}", bangfu_model::text::normalize(name))
    } else {
        format!("uscc:{code}")
    }
}

impl Workspace {
    /// Receives one draft file (see the module doc). `received_at` is the RFC 3339 time kept
    /// with the version; `today` is the default 受理日期 and decides the year of the number.
    ///
    /// # Errors
    /// [`ReceiveError`]: the file is not a readable draft, or the same draft is already held.
    ///
    /// # Examples
    /// ```
    /// use bangfu_model::{Draft, Envelope};
    /// use bangfu_review::workspace::{Received, Workspace};
    /// let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    /// let mut draft = Draft::default();
    /// draft.applicant.name = "旺旺手工艺品合作社".into();
    /// let file = Envelope::new(draft, "2026-12-01T08:00:00Z").to_json();
    /// let mut ws = Workspace::default();
    /// let r = ws.receive("旺旺.json", file.as_bytes(), "2026-12-02T09:00:00Z", today).unwrap();
    /// assert!(matches!(r, Received::New { ref number, .. } if number == "2026-001"));
    /// assert!(ws.receive("副本.json", file.as_bytes(), "", today).is_err());
    /// ```
    pub fn receive(
        &mut self,
        file_name: &str,
        bytes: &[u8],
        received_at: &str,
        today: NaiveDate,
    ) -> Result<Received, ReceiveError> {
        let (version, draft) =
            Version::from_file(file_name, bytes, received_at).map_err(ReceiveError::Unreadable)?;
        for app in &self.applications {
            if let Some(i) = app
                .versions
                .iter()
                .position(|v| v.fingerprint == version.fingerprint)
            {
                return Err(ReceiveError::Duplicate {
                    number: app.number.clone(),
                    applicant: draft.applicant.name.trim().to_owned(),
                    version: i + 1,
                });
            }
        }
        let key = applicant_key(&version.applicant_name, &version.credit_code);
        let same = self.applications.iter_mut().find(|app| {
            app.latest()
                .is_some_and(|v| applicant_key(&v.applicant_name, &v.credit_code) == key)
        });
        if let Some(app) = same {
            let changes = match app.latest_draft() {
                Ok(old) => changes_between(&old, &draft),
                Err(_) => DraftChanges::default(),
            };
            app.versions.push(version);
            return Ok(Received::NewVersion {
                uid: app.uid.clone(),
                number: app.number.clone(),
                changes,
            });
        }
        let uid = version.fingerprint.chars().take(16).collect::<String>();
        let number = self.next_number(today.year());
        self.applications.push(Application {
            uid: uid.clone(),
            number: number.clone(),
            received_on: today.format("%Y-%m-%d").to_string(),
            versions: vec![version],
            ..Application::default()
        });
        Ok(Received::New { uid, number })
    }

    /// The next free 受理编号 of a year: `YYYY-NNN`, one more than the highest of that year.
    pub fn next_number(&self, year: i32) -> String {
        let prefix = format!("{year}-");
        let highest = self
            .applications
            .iter()
            .filter_map(|a| a.number.trim().strip_prefix(&prefix))
            .filter_map(|n| n.parse::<u32>().ok())
            .max()
            .unwrap_or(0);
        format!("{prefix}{:03}", highest + 1)
    }

    /// The application with this uid.
    pub fn application(&self, uid: &str) -> Option<&Application> {
        self.applications.iter().find(|a| a.uid == uid)
    }

    /// The application with this uid, to edit its records.
    pub fn application_mut(&mut self, uid: &str) -> Option<&mut Application> {
        self.applications.iter_mut().find(|a| a.uid == uid)
    }

    /// Deletes an application and everything recorded about it; returns it (for the UI's
    /// confirmation, which names the applicant) or `None` when there was none.
    pub fn remove(&mut self, uid: &str) -> Option<Application> {
        let at = self.applications.iter().position(|a| a.uid == uid)?;
        Some(self.applications.remove(at))
    }
}
