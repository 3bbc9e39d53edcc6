//! How the draft is kept in the browser's database: one record per employee beside one for
//! everything else, so that saving after a keystroke writes the one person who changed, not a
//! whole 3,000-person draft.
//!
//! Records (all strings of JSON):
//! - [`Meta`] under `meta`: format tag, schema version, save time and the employees' order;
//! - the draft without its employees under `head` ([`head_json`]);
//! - each employee under `e:<key>` ([`employee_json`]).
//!
//! Reading puts them back into the text of an [`Envelope`] ([`assemble`]) and reads that with
//! [`envelope::read`], so migrations, unknown fields and the refusal of damaged data work exactly
//! as for a draft file.
//!
//! The history of replaced drafts ([`History`]) and the content fingerprint that keeps one copy
//! of an unreadable stored draft ([`fingerprint`]) are here too.

use crate::draft::{Draft, Employee};
use crate::envelope::{self, Envelope, LoadError, FORMAT, SCHEMA_VERSION};
use serde::{Deserialize, Serialize};

/// The record holding [`Meta`].
pub const META_KEY: &str = "meta";
/// The record holding the draft without its employees.
pub const HEAD_KEY: &str = "head";
/// Employees' records start with this.
pub const EMPLOYEE_PREFIX: &str = "e:";

/// The key of one employee's record.
pub fn employee_key(key: u32) -> String {
    format!("{EMPLOYEE_PREFIX}{key}")
}

/// What ties the records together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub format: String,
    pub schema_version: u32,
    pub saved_at: String,
    /// Employee keys in roster order.
    pub order: Vec<u32>,
}

/// The draft without `employees`, borrowed for serialising.
#[derive(Serialize)]
struct HeadRef<'a> {
    applicant: &'a crate::draft::Applicant,
    site: &'a crate::draft::Site,
    pay_day: &'a str,
    rules: &'a crate::draft::RulesInPlace,
    declarations: &'a crate::draft::Declarations,
    assessment_date: &'a str,
    settings: &'a crate::draft::Settings,
    extra_holidays: &'a [String],
    #[serde(flatten)]
    unknown: &'a crate::draft::Unknown,
}

/// The draft without its employees, as a JSON object.
pub fn head_json(d: &Draft) -> String {
    // Destructured in full: a field added to `Draft` must be added here too, or this does not
    // compile (a field left out would silently not be saved).
    let Draft {
        applicant,
        site,
        employees: _,
        pay_day,
        rules,
        declarations,
        assessment_date,
        settings,
        extra_holidays,
        unknown,
    } = d;
    let head = HeadRef {
        applicant,
        site,
        pay_day,
        rules,
        declarations,
        assessment_date,
        settings,
        extra_holidays,
        unknown,
    };
    // Structs of strings, bools and enums always serialise.
    serde_json::to_string(&head).unwrap_or_else(|_| "{}".into())
}

/// One employee as a JSON object.
pub fn employee_json(e: &Employee) -> String {
    serde_json::to_string(e).unwrap_or_else(|_| "{}".into())
}

/// The meta record for `d`, saved at `saved_at`.
pub fn meta(d: &Draft, saved_at: &str) -> String {
    let m = Meta {
        format: FORMAT.to_owned(),
        schema_version: SCHEMA_VERSION,
        saved_at: saved_at.to_owned(),
        order: d.employees.iter().map(|e| e.key).collect(),
    };
    serde_json::to_string(&m).unwrap_or_else(|_| "{}".into())
}

/// The records read back, as the text of an envelope (to keep aside if it cannot be read).
///
/// `employees` are the `(key, json)` pairs found; those `meta.order` names come first in that
/// order, any others after (a record the order lost is kept, never dropped).
///
/// # Errors
/// [`LoadError::Damaged`] when the meta record is not ours.
pub fn assemble(
    meta_json: &str,
    head: &str,
    employees: &[(u32, String)],
) -> Result<String, LoadError> {
    let meta: Meta = serde_json::from_str(meta_json).map_err(|_| LoadError::Damaged {
        detail: "保存记录的目录无法读取".into(),
    })?;
    let head = head.trim();
    let inner = head
        .strip_prefix('{')
        .and_then(|h| h.strip_suffix('}'))
        .ok_or_else(|| LoadError::Damaged {
            detail: "保存记录的主体部分无法读取".into(),
        })?;
    let mut list: Vec<&str> = Vec::with_capacity(employees.len());
    let mut used = vec![false; employees.len()];
    for key in &meta.order {
        if let Some(i) = employees.iter().position(|(k, _)| k == key) {
            if !used[i] {
                used[i] = true;
                list.push(&employees[i].1);
            }
        }
    }
    for (i, (_, json)) in employees.iter().enumerate() {
        if !used[i] {
            list.push(json);
        }
    }
    let saved_at = serde_json::to_string(&meta.saved_at).unwrap_or_else(|_| "\"\"".into());
    let format = serde_json::to_string(&meta.format).unwrap_or_else(|_| "\"\"".into());
    let sep = if inner.trim().is_empty() { "" } else { "," };
    Ok(format!(
        "{{\"format\":{format},\"schema_version\":{},\"saved_at\":{saved_at},\"draft\":{{{inner}{sep}\"employees\":[{}]}}}}",
        meta.schema_version,
        list.join(",")
    ))
}

/// Reads the records back into an envelope.
///
/// # Errors
/// As [`assemble`] and [`envelope::read`]; the caller keeps the text of a draft it cannot read.
pub fn read(
    meta_json: &str,
    head: &str,
    employees: &[(u32, String)],
) -> Result<Envelope, (LoadError, String)> {
    let text = assemble(meta_json, head, employees).map_err(|e| (e, String::new()))?;
    envelope::read(&text).map_err(|e| (e, text))
}

/// A short fingerprint of a text (FNV-1a, 64 bits, hex): the same unreadable draft is kept aside
/// once however often it is found, and a received file can be matched with its paper packet.
///
/// ```
/// use bangfu_model::stored::fingerprint;
/// assert_eq!(fingerprint("abc"), fingerprint("abc"));
/// assert_ne!(fingerprint("abc"), fingerprint("abd"));
/// assert_eq!(fingerprint("").len(), 16);
/// ```
pub fn fingerprint(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// A draft kept in the history (草稿历史): before it was replaced or reset, or the day's
/// snapshot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// `r:<time>` for a replaced draft, `d:<date>` for a day's snapshot.
    pub id: String,
    /// 「新建空白草稿前」, 「打开草稿文件「x.json」前」, 「每日快照」.
    pub label: String,
    /// Local time it was kept.
    pub kept_at: String,
    pub applicant: String,
    pub people: usize,
    pub wage_rows: usize,
}

/// What the history keeps: the last [`History::REPLACED`] replaced drafts and one snapshot for
/// each of the last [`History::DAYS`] days.
pub struct History;

impl History {
    pub const REPLACED: usize = 5;
    pub const DAYS: usize = 7;

    /// The id of a replaced draft kept at `now` (local `YYYY-MM-DDTHH:MM:SS`).
    pub fn replaced_id(now: &str) -> String {
        format!("r:{now}")
    }

    /// The id of the snapshot of the day of `now`.
    pub fn daily_id(now: &str) -> String {
        format!("d:{}", now.split('T').next().unwrap_or(now))
    }

    /// An entry describing `d`.
    pub fn entry(id: String, label: &str, kept_at: &str, d: &Draft) -> HistoryEntry {
        HistoryEntry {
            id,
            label: label.to_owned(),
            kept_at: kept_at.to_owned(),
            applicant: d.applicant.name.trim().to_owned(),
            people: d.employees.len(),
            wage_rows: d.employees.iter().map(|e| e.wages.len()).sum(),
        }
    }

    /// The ids to delete so that only what the history keeps remains.
    pub fn to_forget(ids: &[String]) -> Vec<String> {
        let mut replaced: Vec<&String> = ids.iter().filter(|i| i.starts_with("r:")).collect();
        let mut daily: Vec<&String> = ids.iter().filter(|i| i.starts_with("d:")).collect();
        // Local time stamps sort as text.
        crate::order::sort(&mut replaced);
        crate::order::sort(&mut daily);
        let mut out: Vec<String> = Vec::new();
        let drop = |list: &[&String], keep: usize, out: &mut Vec<String>| {
            if list.len() > keep {
                out.extend(list[..list.len() - keep].iter().map(|s| (*s).clone()));
            }
        };
        drop(&replaced, Self::REPLACED, &mut out);
        drop(&daily, Self::DAYS, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{PovertyStatus, WageMonth};

    fn sample() -> Draft {
        let mut d = Draft::default();
        d.applicant.name = "某合作社".into();
        d.pay_day = "15".into();
        d.unknown
            .insert("from_a_newer_version".into(), serde_json::json!([1]));
        for key in [3, 1, 2] {
            d.employees.push(Employee {
                key,
                name: format!("员工{key}"),
                poverty_status: PovertyStatus::Alleviated,
                wages: vec![WageMonth {
                    month: "2026-03".into(),
                    gross: "2300".into(),
                    ..WageMonth::default()
                }],
                ..Employee::default()
            });
        }
        d
    }

    fn records(d: &Draft) -> (String, String, Vec<(u32, String)>) {
        (
            meta(d, "2026-12-02T10:00:00"),
            head_json(d),
            d.employees
                .iter()
                .map(|e| (e.key, employee_json(e)))
                .collect(),
        )
    }

    #[test]
    fn records_read_back_into_the_same_draft_in_roster_order() {
        let d = sample();
        let (m, h, mut e) = records(&d);
        // The database returns records in key order, not roster order.
        e.sort_by_key(|(k, _)| *k);
        let env = read(&m, &h, &e).unwrap();
        assert_eq!(env.draft, d);
        assert_eq!(env.saved_at, "2026-12-02T10:00:00");
    }

    #[test]
    fn an_employee_the_order_lost_is_kept_not_dropped() {
        let d = sample();
        let (m, h, mut e) = records(&d);
        let mut extra = d.employees[0].clone();
        extra.key = 9;
        e.push((9, employee_json(&extra)));
        let env = read(&m, &h, &e).unwrap();
        assert_eq!(env.draft.employees.len(), 4);
        assert_eq!(env.draft.employees[3].key, 9);
    }

    #[test]
    fn an_empty_draft_and_damaged_records() {
        let d = Draft::default();
        let (m, h, e) = records(&d);
        assert_eq!(read(&m, &h, &e).unwrap().draft, d);
        assert!(read("nonsense", &h, &e).is_err());
        let (err, text) = read(&m, &h, &[(1, "{\"name\":5}".into())]).unwrap_err();
        assert!(matches!(err, LoadError::Damaged { .. }));
        assert!(text.contains("\"name\":5"), "the text is kept to set aside");
    }

    #[test]
    fn history_keeps_five_replaced_and_a_week_of_days() {
        let mut ids: Vec<String> = (1..=8)
            .map(|i| History::replaced_id(&format!("2026-12-0{i}T10:00:00")))
            .collect();
        ids.extend((1..=9).map(|d| History::daily_id(&format!("2026-11-{d:02}T08:00:00"))));
        let gone = History::to_forget(&ids);
        assert_eq!(gone.len(), 3 + 2);
        assert!(gone.contains(&"r:2026-12-01T10:00:00".to_owned()));
        assert!(gone.contains(&"d:2026-11-01".to_owned()));
        assert!(!gone.contains(&"r:2026-12-08T10:00:00".to_owned()));
        assert_eq!(History::daily_id("2026-12-02T23:59:00"), "d:2026-12-02");
    }
}
