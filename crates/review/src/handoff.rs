//! The review file (审查记录文件) a township saves and a colleague or the county opens in their
//! own browser: the township's details and one or all applications, each with every received
//! version of the applicant's draft and the review records.
//!
//! ```json
//! {"format": "bangfu-review", "schema_version": 1, "saved_at": "2026-12-02T08:00:00Z",
//!  "township": {…}, "applications": [{…}]}
//! ```
//!
//! Like a draft file: reading never guesses. An older schema is migrated forward one version at
//! a time ([`migrate`]); a file from a newer app, someone else's file or a damaged one is refused
//! with a Chinese message and nothing changes. Fields this version does not know are kept and
//! written back. The applicants' drafts inside are kept as received; each is migrated when read
//! ([`crate::Version::draft`]).

use crate::application::Application;
use crate::workspace::{Township, Workspace};
use crate::Unknown;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// The `format` tag of a review file.
pub const FORMAT: &str = "bangfu-review";
/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 1;

/// A review file's content.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandOff {
    pub format: String,
    pub schema_version: u32,
    #[serde(default)]
    pub saved_at: String,
    #[serde(default)]
    pub township: Township,
    #[serde(default)]
    pub applications: Vec<Application>,
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// Why a review file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HandOffError {
    Empty,
    NotUtf8,
    NotJson,
    /// An applicant's draft file: it is received, not opened.
    ADraft,
    /// JSON, but not ours.
    NotOurs,
    TooNew {
        found: u32,
    },
    Damaged {
        detail: String,
    },
}

impl fmt::Display for HandOffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HandOffError::Empty => write!(f, "文件是空的，没有审查记录。"),
            HandOffError::NotUtf8 => write!(
                f,
                "文件的文字编码不是 UTF-8（可能被另存成了 GBK），打开会使中文变成乱码，因此没有打开。"
            ),
            HandOffError::NotJson => write!(
                f,
                "这不是审查记录文件（应为本系统“导出审查记录”生成的 .json 文件）。"
            ),
            HandOffError::ADraft => write!(
                f,
                "这是申请单位的草稿文件，不是审查记录文件：请用“接收申请材料”接收它。"
            ),
            HandOffError::NotOurs => write!(f, "这个 JSON 文件不是本系统的审查记录文件。"),
            HandOffError::TooNew { found } => write!(
                f,
                "此审查记录由较新版本的系统保存（格式版本 {found}，本系统支持到 {SCHEMA_VERSION}），请刷新页面使用最新版本后再打开。"
            ),
            HandOffError::Damaged { detail } => {
                write!(f, "审查记录文件已损坏，无法读取（{detail}）。")
            }
        }
    }
}

impl std::error::Error for HandOffError {}

/// Writes a review file of `applications` (one or all) with the township's details.
///
/// # Examples
/// ```
/// use bangfu_review::{handoff, Workspace};
/// let ws = Workspace::default();
/// let text = handoff::write(&ws.township, ws.applications.iter(), "2026-12-02T08:00:00Z");
/// assert_eq!(handoff::read(text.as_bytes()).unwrap().schema_version, 1);
/// ```
pub fn write<'a>(
    township: &Township,
    applications: impl IntoIterator<Item = &'a Application>,
    saved_at: &str,
) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        format: &'a str,
        schema_version: u32,
        saved_at: &'a str,
        township: &'a Township,
        applications: Vec<&'a Application>,
    }
    serde_json::to_string(&Out {
        format: FORMAT,
        schema_version: SCHEMA_VERSION,
        saved_at,
        township,
        applications: applications.into_iter().collect(),
    })
    .unwrap_or_default()
}

/// Reads a review file's bytes.
///
/// # Errors
/// [`HandOffError`] when the file is empty, not UTF-8, not JSON, a draft, someone else's, from a
/// newer schema or damaged.
pub fn read(bytes: &[u8]) -> Result<HandOff, HandOffError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| {
        if bytes.contains(&0) {
            HandOffError::NotJson
        } else {
            HandOffError::NotUtf8
        }
    })?;
    if text.trim().is_empty() {
        return Err(HandOffError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        if text.trim_start().starts_with('{') {
            HandOffError::Damaged {
                detail: format!("第 {} 行第 {} 列", e.line(), e.column()),
            }
        } else {
            HandOffError::NotJson
        }
    })?;
    let format = value.get("format").and_then(Value::as_str);
    if format == Some(bangfu_model::envelope::FORMAT) {
        return Err(HandOffError::ADraft);
    }
    if format != Some(FORMAT) {
        return Err(HandOffError::NotOurs);
    }
    let version = value
        .get("schema_version")
        .and_then(Value::as_u64)
        .and_then(|v| u32::try_from(v).ok())
        .filter(|v| *v > 0)
        .ok_or(HandOffError::Damaged {
            detail: "缺少格式版本".to_owned(),
        })?;
    if version > SCHEMA_VERSION {
        return Err(HandOffError::TooNew { found: version });
    }
    let value = migrate(value, version).map_err(|detail| HandOffError::Damaged { detail })?;
    serde_json::from_value(value).map_err(|e| HandOffError::Damaged {
        detail: bangfu_model::damage::what(&e.to_string()),
    })
}

/// Brings a file of schema `from` to [`SCHEMA_VERSION`], one version at a time. Schema 1 is the
/// first: there is nothing to migrate yet; a step is added here with each new schema.
///
/// # Errors
/// A Chinese description of what could not be migrated.
pub fn migrate(mut value: Value, from: u32) -> Result<Value, String> {
    let mut version = from;
    while version < SCHEMA_VERSION {
        // match version { 1 => to_v2(&mut value)?, … }
        version += 1;
    }
    if let Some(obj) = value.as_object_mut() {
        obj.insert("schema_version".into(), Value::from(SCHEMA_VERSION));
    }
    Ok(value)
}

/// What opening a review file into a workspace would do (the UI asks before doing it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OpenPlan {
    /// "受理编号 经营主体名称" of applications the workspace does not have.
    pub added: Vec<String>,
    /// Applications the workspace has that the file's copy would replace (they differ).
    pub replaced: Vec<String>,
    /// Applications identical in both.
    pub unchanged: usize,
}

/// "受理编号 经营主体名称", as the UI names an application in a question.
pub(crate) fn label(app: &Application) -> String {
    let name = app.latest().map_or("", |v| v.applicant_name.as_str());
    format!("{} {}", app.number.trim(), name).trim().to_owned()
}

/// What [`open`] would do.
pub fn plan(workspace: &Workspace, file: &HandOff) -> OpenPlan {
    let mut plan = OpenPlan::default();
    for app in &file.applications {
        match workspace.application(&app.uid) {
            None => plan.added.push(label(app)),
            Some(have) if have == app => plan.unchanged += 1,
            Some(_) => plan.replaced.push(label(app)),
        }
    }
    plan
}

/// Opens a review file into a workspace: applications it does not have are added, the ones it
/// has are replaced by the file's copy; the township's details are taken when the workspace has
/// none.
///
/// # Examples
/// ```
/// use bangfu_review::{handoff, Application, Workspace};
/// let mut from = Workspace::default();
/// from.township.name = "某某镇人民政府".into();
/// from.applications.push(Application { uid: "a1".into(), number: "2026-001".into(), ..Default::default() });
/// let file = handoff::read(handoff::write(&from.township, &from.applications, "").as_bytes()).unwrap();
/// let mut into = Workspace::default();
/// assert_eq!(handoff::plan(&into, &file).added, ["2026-001"]);
/// handoff::open(&mut into, file);
/// assert_eq!(into, from);
/// ```
pub fn open(workspace: &mut Workspace, file: HandOff) {
    if workspace.township == Township::default() {
        workspace.township = file.township;
    }
    for app in file.applications {
        match workspace.application_mut(&app.uid) {
            Some(have) => *have = app,
            None => workspace.applications.push(app),
        }
    }
}
