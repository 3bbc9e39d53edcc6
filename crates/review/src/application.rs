//! One application as the township holds it: every version of the applicant's draft file exactly
//! as received, with its 材料指纹, the 受理编号 and 受理日期, and the township's own records.

use crate::record::{NoticeRecord, ReviewRecord, Submission};
use crate::Unknown;
use bangfu_model::{envelope, fingerprint, Draft, LoadError};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// An application received by the township.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Application {
    /// Stable identity across hand-offs: the first 16 hex digits of the first version's
    /// fingerprint (never changes, even when the 受理编号 is edited).
    pub uid: String,
    /// 受理编号, e.g. `2026-003` (generated, editable).
    pub number: String,
    /// 受理日期, as typed (default: the day it was received).
    pub received_on: String,
    /// Oldest first; never empty for an application made by [`crate::Workspace::receive`].
    pub versions: Vec<Version>,
    pub review: ReviewRecord,
    pub notice: NoticeRecord,
    pub submission: Submission,
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// One draft file as received.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Version {
    /// The file's name on the reviewer's computer.
    pub file_name: String,
    /// When it was received (RFC 3339, informational).
    pub received_at: String,
    /// [`fingerprint::of_draft`] of its draft.
    pub fingerprint: String,
    /// 经营主体名称 and 统一社会信用代码 as the draft has them: to match a newer file to its
    /// application and to list applications without reading every draft.
    pub applicant_name: String,
    pub credit_code: String,
    /// The file's text exactly as received (a UTF-8 byte-order mark removed). Shared, not
    /// copied: the UI clones and compares applications on every keystroke of a review, and a
    /// 3,000-person draft is megabytes (an `Arc` compares by pointer first).
    pub text: Arc<str>,
    #[serde(flatten)]
    pub unknown: Unknown,
}

impl Version {
    /// Reads a received file into a version and its draft.
    ///
    /// # Errors
    /// [`LoadError`] when the bytes are not a draft file this app can read (not UTF-8, not
    /// JSON, someone else's JSON, a newer schema, damaged); nothing is kept then.
    ///
    /// # Examples
    /// ```
    /// use bangfu_model::{Draft, Envelope};
    /// use bangfu_review::Version;
    /// let text = Envelope::new(Draft::default(), "2026-12-01T08:00:00Z").to_json();
    /// let (v, draft) = Version::from_file("草稿.json", text.as_bytes(), "2026-12-02T09:00:00Z").unwrap();
    /// assert_eq!((v.fingerprint.len(), draft), (64, Draft::default()));
    /// assert!(Version::from_file("照片.jpg", b"\xff\xd8\xff\x00", "").is_err());
    /// ```
    pub fn from_file(
        file_name: &str,
        bytes: &[u8],
        received_at: &str,
    ) -> Result<(Version, Draft), LoadError> {
        let draft = envelope::read_bytes(bytes)?.draft;
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        // read_bytes accepted the bytes, so they are UTF-8.
        let text: Arc<str> = String::from_utf8_lossy(bytes).into();
        let version = Version {
            file_name: file_name.to_owned(),
            received_at: received_at.to_owned(),
            fingerprint: fingerprint::of_draft(&draft),
            applicant_name: draft.applicant.name.trim().to_owned(),
            credit_code: draft.applicant.credit_code.trim().to_owned(),
            text,
            unknown: Unknown::new(),
        };
        Ok((version, draft))
    }

    /// The applicant's draft in this version (older schemas migrated forward).
    ///
    /// # Errors
    /// [`LoadError`] if the kept text cannot be read (only possible for a hand-off file edited
    /// by hand).
    pub fn draft(&self) -> Result<Draft, LoadError> {
        envelope::read(&self.text).map(|e| e.draft)
    }

    /// The fingerprint as people compare it (`3F2A-9C01-77DE-0B14`).
    pub fn short_fingerprint(&self) -> String {
        fingerprint::short(&self.fingerprint)
    }
}

impl Application {
    /// The newest version.
    pub fn latest(&self) -> Option<&Version> {
        self.versions.last()
    }

    /// The newest version's fingerprint, or empty.
    pub fn latest_fingerprint(&self) -> &str {
        self.latest().map_or("", |v| v.fingerprint.as_str())
    }

    /// The newest version's draft.
    ///
    /// # Errors
    /// [`LoadError`] when there is no version or its text cannot be read.
    pub fn latest_draft(&self) -> Result<Draft, LoadError> {
        self.latest().ok_or(LoadError::Empty)?.draft()
    }
}
