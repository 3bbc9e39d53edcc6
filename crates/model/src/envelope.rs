//! The versioned envelope a draft is stored and shared in (browser storage and `.json` draft files).
//!
//! ```json
//! {"format": "bangfu-draft", "schema_version": 3, "saved_at": "2026-11-25T08:00:00Z", "draft": {…}}
//! ```
//!
//! Reading never guesses: an envelope from an older schema is migrated forward one version at a
//! time (see [`crate::migrate`]); one from a newer app, or one that is damaged, is refused with a
//! Chinese message and the caller keeps the original text (storage sets it aside; a file open
//! leaves the current draft untouched).

use crate::draft::Draft;
use crate::migrate;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// The `format` tag that marks a file as ours.
pub const FORMAT: &str = "bangfu-draft";
/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 3;

/// A draft with its format tag, schema version and save time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    pub format: String,
    pub schema_version: u32,
    /// RFC 3339 time of saving, informational only.
    #[serde(default)]
    pub saved_at: String,
    pub draft: Draft,
    /// Envelope fields this version does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: crate::draft::Unknown,
}

impl Envelope {
    /// Wraps a draft in the current schema.
    pub fn new(draft: Draft, saved_at: impl Into<String>) -> Self {
        Envelope {
            format: FORMAT.to_owned(),
            schema_version: SCHEMA_VERSION,
            saved_at: saved_at.into(),
            draft,
            unknown: Default::default(),
        }
    }

    /// Serializes to pretty JSON (draft files are meant to be readable and diffable).
    pub fn to_json(&self) -> String {
        // Serializing plain structs of strings, bools and enums cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// The envelope of a borrowed draft as compact JSON (for storage: no copy of the draft, no
/// indentation). Reads back with [`read`] like [`Envelope::to_json`].
pub fn to_json_compact(draft: &Draft, saved_at: &str) -> String {
    #[derive(Serialize)]
    struct EnvelopeRef<'a> {
        format: &'a str,
        schema_version: u32,
        saved_at: &'a str,
        draft: &'a Draft,
    }
    serde_json::to_string(&EnvelopeRef {
        format: FORMAT,
        schema_version: SCHEMA_VERSION,
        saved_at,
        draft,
    })
    .unwrap_or_default()
}

/// Why a stored or opened draft could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Empty input.
    Empty,
    /// Not JSON at all (e.g. a spreadsheet or a picture).
    NotJson,
    /// JSON, but not a draft of this app.
    NotADraft,
    /// Written by a newer version of the app.
    TooNew { found: u32 },
    /// Claims to be a draft but its content does not fit the schema.
    Damaged { detail: String },
    /// Not UTF-8: the file was re-saved in another encoding (GBK, by Notepad or an editor);
    /// reading it would turn every Chinese character into garbage.
    NotUtf8,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Empty => write!(f, "文件是空的，没有草稿内容。"),
            LoadError::NotJson => write!(
                f,
                "这不是草稿文件（应为本系统“保存草稿文件”生成的 .json 文件）。"
            ),
            LoadError::NotADraft => write!(f, "这个 JSON 文件不是本系统的草稿文件。"),
            LoadError::TooNew { found } => write!(
                f,
                "此草稿由较新版本的系统保存（格式版本 {found}，本系统支持到 {SCHEMA_VERSION}），请刷新页面使用最新版本后再打开。"
            ),
            LoadError::Damaged { detail } => {
                write!(f, "草稿文件已损坏，无法读取（{detail}）。")
            }
            LoadError::NotUtf8 => write!(
                f,
                "这个草稿文件的文字编码不是 UTF-8（可能被记事本等软件另存成了 GBK），打开会使中文变成乱码，因此没有打开，现在的草稿也没有改动。请使用本系统“保存草稿文件”保存的原文件。"
            ),
        }
    }
}

impl std::error::Error for LoadError {}

/// Reads a draft file's bytes: as [`read`], after checking the bytes are UTF-8 (what
/// 「保存草稿文件」 writes); a file in another encoding is refused, never decoded into mojibake.
///
/// # Errors
/// [`LoadError::NotUtf8`], or any error of [`read`].
pub fn read_bytes(bytes: &[u8]) -> Result<Envelope, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| {
        // Not text at all (a picture, a spreadsheet): not a draft file; text in another
        // encoding: a draft file re-saved as GBK.
        let binary = bytes
            .iter()
            .any(|b| *b == 0 || (*b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')));
        if binary {
            LoadError::NotJson
        } else {
            LoadError::NotUtf8
        }
    })?;
    read(text)
}

/// Reads an envelope from JSON text, migrating older schemas forward.
///
/// # Errors
/// [`LoadError`] when the text is empty, not JSON, not a draft, from a newer schema, or damaged.
/// The input is never modified; the caller decides where to keep it.
///
/// # Examples
/// ```
/// use bangfu_model::{envelope, Draft, Envelope};
/// let text = Envelope::new(Draft::default(), "2026-11-25T08:00:00Z").to_json();
/// let back = envelope::read(&text).unwrap();
/// assert_eq!(back.draft, Draft::default());
/// assert!(envelope::read("{\"hello\":1}").is_err());
/// ```
pub fn read(text: &str) -> Result<Envelope, LoadError> {
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    // The tag and the version first, skipping over the rest (a draft of the current schema is
    // then read once, straight from its text, into the typed draft).
    #[derive(Deserialize)]
    struct Probe {
        #[serde(default)]
        format: Option<Value>,
        #[serde(default)]
        schema_version: Option<Value>,
    }
    let probe: Probe = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => LoadError::NotADraft,
        _ if text.trim_start().starts_with('{') => LoadError::Damaged {
            detail: format!("第 {} 行第 {} 列", e.line(), e.column()),
        },
        _ => LoadError::NotJson,
    })?;
    if probe.format.as_ref().and_then(Value::as_str) != Some(FORMAT) {
        return Err(LoadError::NotADraft);
    }
    let version = probe
        .schema_version
        .as_ref()
        .and_then(Value::as_u64)
        .and_then(|v| u32::try_from(v).ok())
        .ok_or(LoadError::Damaged {
            detail: "缺少格式版本".to_owned(),
        })?;
    if version > SCHEMA_VERSION {
        return Err(LoadError::TooNew { found: version });
    }
    if version == 0 {
        return Err(LoadError::Damaged {
            detail: "格式版本 0 无效".to_owned(),
        });
    }
    let migrated;
    let current = if version == SCHEMA_VERSION {
        text
    } else {
        let value: Value = serde_json::from_str(text).map_err(|e| LoadError::Damaged {
            detail: e.to_string(),
        })?;
        let value =
            migrate::forward(value, version).map_err(|detail| LoadError::Damaged { detail })?;
        migrated = value.to_string();
        migrated.as_str()
    };
    // Where a value does not fit is found from the error's position in the text
    // (crate::damage::path_at), not by wrapping the deserializer to track the path: that
    // wrapper instantiated the whole draft's deserialization a second time (≈58 KB of wasm in
    // the page and in each worker).
    serde_json::from_str::<Envelope>(current).map_err(|e| LoadError::Damaged {
        detail: format!(
            "{}：{}",
            crate::damage::where_(&crate::damage::path_at(current, e.line(), e.column())),
            crate::damage::what(&e.to_string())
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{Employee, PayMethod, PovertyStatus};

    fn sample() -> Draft {
        let mut d = Draft::default();
        d.applicant.name = "乌兰察布市某农民专业合作社".into();
        d.applicant.credit_code = "93150900MA0N1234".into(); // incomplete on purpose: kept as typed
        d.employees.push(Employee {
            key: 1,
            name: "张三".into(),
            id_number: "11010519491231002x".into(),
            poverty_status: PovertyStatus::Monitored,
            ..Employee::default()
        });
        d
    }

    #[test]
    fn round_trip_keeps_everything_typed() {
        let env = Envelope::new(sample(), "2026-11-25T08:00:00Z");
        let back = read(&env.to_json()).unwrap();
        assert_eq!(back, env);
    }

    /// A draft saved before 工资发放方式 and 银行卡号 existed (same schema version 2): the fields
    /// are `#[serde(default)]`, so it loads with them empty and everything else as saved.
    #[test]
    fn v2_draft_without_pay_method_and_bank_account_still_loads() {
        let text = r#"{
            "format": "bangfu-draft", "schema_version": 2, "saved_at": "2026-06-01T00:00:00Z",
            "draft": {"employees": [
                {"key": 1, "name": "王五", "id_number": "11010519491231002X",
                 "poverty_status": "alleviated", "phone": "13800000000", "post": "缝纫工",
                 "household_address": "土默特左旗", "stints": [{"start": "2026-03-01"}],
                 "insurance": [], "wages": [{"month": "2026-03", "gross": "2300"}]}
            ]}
        }"#;
        let env = read(text).unwrap();
        assert_eq!(env.schema_version, SCHEMA_VERSION);
        let e = &env.draft.employees[0];
        assert_eq!(e.name, "王五");
        assert_eq!(e.wages[0].gross, "2300");
        assert_eq!(e.pay_method, PayMethod::Unspecified);
        assert_eq!(e.bank_account, "");
    }

    #[test]
    fn round_trip_keeps_pay_method_and_bank_account() {
        let mut d = sample();
        d.employees[0].pay_method = PayMethod::BankTransfer;
        // Kept exactly as typed, grouping spaces and all.
        d.employees[0].bank_account = "6222 0212 3456 7890 123".into();
        d.employees.push(Employee {
            key: 2,
            name: "李四".into(),
            pay_method: PayMethod::Cash,
            ..Employee::default()
        });
        let text = Envelope::new(d.clone(), "").to_json();
        assert!(text.contains("\"pay_method\": \"bank\""), "{text}");
        let back = read(&text).unwrap().draft;
        assert_eq!(back, d);
        assert_eq!(back.employees[0].bank_account, "6222 0212 3456 7890 123");
        assert_eq!(back.employees[1].pay_method, PayMethod::Cash);
    }

    #[test]
    fn the_compact_form_reads_back_the_same() {
        let text = to_json_compact(&sample(), "2026-12-02T10:00:00");
        assert!(!text.contains('\n'));
        let back = read(&text).unwrap();
        assert_eq!(
            (back.draft, back.saved_at.as_str()),
            (sample(), "2026-12-02T10:00:00")
        );
    }

    #[test]
    fn bom_is_accepted() {
        let text = format!("\u{feff}{}", Envelope::new(sample(), "").to_json());
        assert_eq!(read(&text).unwrap().draft, sample());
    }

    #[test]
    fn refusals_name_the_reason() {
        assert_eq!(read(""), Err(LoadError::Empty));
        assert_eq!(read("   \n"), Err(LoadError::Empty));
        assert_eq!(read("PK\u{3}\u{4}binary"), Err(LoadError::NotJson));
        assert_eq!(read("[1,2]"), Err(LoadError::NotADraft));
        assert_eq!(read(r#"{"format":"other"}"#), Err(LoadError::NotADraft));
        assert!(matches!(
            read(r#"{"format":"bangfu-draft","schema_version":2,"draft":{"#),
            Err(LoadError::Damaged { .. })
        ));
        assert!(matches!(
            read(r#"{"format":"bangfu-draft","draft":{}}"#),
            Err(LoadError::Damaged { .. })
        ));
        assert_eq!(
            read(r#"{"format":"bangfu-draft","schema_version":99,"draft":{}}"#),
            Err(LoadError::TooNew { found: 99 })
        );
        assert!(matches!(
            read(r#"{"format":"bangfu-draft","schema_version":2,"draft":{"employees":"oops"}}"#),
            Err(LoadError::Damaged { .. })
        ));
        // The field named in Chinese, the value shown, no English library text.
        let e = read(
            r#"{"format":"bangfu-draft","schema_version":3,"draft":{"employees":[{"name":"王五"},{"name":123}]}}"#,
        )
        .unwrap_err()
        .to_string();
        assert_eq!(
            e,
            "草稿文件已损坏，无法读取（第2名员工的“姓名”：应为文字，实际是数字 123）。"
        );
    }

    /// A file of an older schema is migrated, then read: a mismatch is still named by its place.
    #[test]
    fn a_mismatch_in_an_older_schema_is_named_after_migrating() {
        let e = read(
            r#"{"format":"bangfu-draft","schema_version":2,"draft":{"settings":{"seasonal_min_days":90},"employees":[{"name":"王五","wages":[{"month":"2026-01","gross":3000}]}]}}"#,
        )
        .unwrap_err()
        .to_string();
        assert_eq!(
            e,
            "草稿文件已损坏，无法读取（第1名员工的第1条工资记录的“应发工资”：应为文字，实际是数字 3000）。"
        );
    }

    /// A draft file re-saved as GBK is refused: opening it would garble every Chinese character.
    #[test]
    fn a_draft_file_saved_in_gbk_is_refused_not_garbled() {
        let utf8 = Envelope::new(sample(), "").to_json();
        assert!(read_bytes(utf8.as_bytes()).is_ok());
        // 「乌兰察布」 in GBK.
        let mut gbk =
            br#"{"format":"bangfu-draft","schema_version":3,"draft":{"applicant":{"name":""#
                .to_vec();
        gbk.extend_from_slice(&[0xCE, 0xDA, 0xC0, 0xBC, 0xB2, 0xEC, 0xB2, 0xBC]);
        gbk.extend_from_slice(br#""}}}"#);
        assert_eq!(read_bytes(&gbk), Err(LoadError::NotUtf8));
        // A picture renamed to .json is not a draft file at all.
        assert_eq!(
            read_bytes(b"\x89PNG\r\n\x1a\n\0\0\0"),
            Err(LoadError::NotJson)
        );
        assert!(LoadError::NotUtf8.to_string().contains("GBK"));
    }

    #[test]
    fn messages_are_chinese_and_specific() {
        assert!(LoadError::NotJson.to_string().contains("不是草稿文件"));
        assert!(LoadError::TooNew { found: 7 }.to_string().contains("7"));
    }

    #[test]
    fn truncated_file_is_damaged_not_a_panic() {
        let text = Envelope::new(sample(), "").to_json();
        for cut in (0..text.len()).step_by(7) {
            if text.is_char_boundary(cut) {
                let _ = read(&text[..cut]);
            }
        }
    }
}
