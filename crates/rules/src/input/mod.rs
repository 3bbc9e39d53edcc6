//! Reading the draft into checked values, with a [`FieldError`] for every value that cannot be
//! read. The draft keeps every string as typed; nothing here changes it.
//!
//! Policy, shared by every reader in this module:
//! - an unreadable or impossible value (a bad date, an ID with a wrong check digit, a lease ending
//!   before it starts) gets a [`FieldError`] at its field path, and the criterion that needs it is
//!   `Incomplete`;
//! - an empty field is not an error at the field (a fresh draft would be all red); the criterion
//!   that needs it is `Incomplete` and names it in `Finding::missing`;
//! - a row that is entirely blank (just added, nothing typed) is ignored.
//!
//! The applicant and the site are read by the criteria that own them (`art6`, `art7_5`); the
//! pay day, the settings and the standards are read here into a [`Context`] because
//! 第七条第（一）至（四）项 share them; each roster row is read by [`person`].

pub(crate) mod fast;
pub(crate) mod person;
pub(crate) mod wages;

use crate::art7_3::Standards;
use crate::finding::FieldError;
use crate::path;
use bangfu_model::text::{normalize, parse_date, ParseError};
use bangfu_model::{Draft, SeasonalPeriod, Settings, DEFAULT_SEASONAL_MIN_DAYS};
use chrono::NaiveDate;
use rustc_hash::FxHashMap;

/// A value that may be missing or unreadable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Typed<T> {
    Empty,
    Bad,
    Value(T),
}

impl<T: Copy> Typed<T> {
    pub fn value(self) -> Option<T> {
        match self {
            Typed::Value(v) => Some(v),
            _ => None,
        }
    }
}

/// The agreed pay day (约定发薪日): the day of the following month by which a month's wages are due.
pub(crate) type PayDay = Typed<u32>;

/// Reads the assessment date: the draft's, or `today` when empty or unreadable (with a message).
pub(crate) fn assessment_date(
    draft: &Draft,
    today: NaiveDate,
    errors: &mut Vec<FieldError>,
) -> NaiveDate {
    match parse_date(&draft.assessment_date) {
        Ok(d) => d,
        Err(ParseError::Empty) => today,
        Err(e) => {
            errors.push(FieldError {
                path: path::top("assessment_date"),
                message: format!("{e}；已按今天（{today}）评估"),
                warning: false,
            });
            today
        }
    }
}

/// Reads the pay day: `15`, `15日`, `15号`, `每月15日`; 1-31 (a short month uses its last day).
pub(crate) fn pay_day(draft: &Draft, errors: &mut Vec<FieldError>) -> PayDay {
    let s = normalize(&draft.pay_day);
    let s = s
        .trim_start_matches("每月")
        .trim_end_matches(['日', '号'])
        .trim();
    if s.is_empty() {
        return Typed::Empty;
    }
    match s.parse::<u32>() {
        Ok(d) if (1..=31).contains(&d) => Typed::Value(d),
        _ => {
            errors.push(FieldError {
                path: path::top("pay_day"),
                message: "约定发薪日应填写每月的日期（1-31），如 15".into(),
                warning: false,
            });
            Typed::Bad
        }
    }
}

/// What every person is judged against, read once per assessment: the dates, the pay day, the
/// settings and the minimum-wage standards of the review window. Judging one person needs this
/// and that person's row, nothing else.
pub(crate) struct Context {
    /// The assessment date.
    pub date: NaiveDate,
    /// The browser's today (bounds birth dates in ID numbers).
    pub today: NaiveDate,
    pub pay_day: PayDay,
    pub seasonal_min_days: u32,
    pub seasonal_period: SeasonalPeriod,
    /// Minimum wage pro rata to days attended (《最低工资规定》第三条); see `Settings`.
    pub attendance: bool,
    pub standards: Standards,
}

/// Reads the seasonal-days setting: empty means the default; anything else must be 1-366 days.
/// A value other than the regulation's 90 days is allowed with a warning, since 第七条第（二）项
/// says "3个月" and the reviewer should see that another reading was used.
fn seasonal_min_days(draft: &Draft, errors: &mut Vec<FieldError>) -> u32 {
    let typed = normalize(&draft.settings.seasonal_min_days);
    let typed = typed.trim_end_matches('天').trim();
    if typed.is_empty() {
        return DEFAULT_SEASONAL_MIN_DAYS;
    }
    match typed.parse::<u32>() {
        Ok(n) if (1..=366).contains(&n) => {
            if n != DEFAULT_SEASONAL_MIN_DAYS {
                errors.push(FieldError {
                    path: path::settings("seasonal_min_days"),
                    message: format!(
                        "与第七条第（二）项“3个月”的默认理解（按{DEFAULT_SEASONAL_MIN_DAYS}天计）不同，自评结果中会注明按 {n} 天评估"
                    ),
                    warning: true,
                });
            }
            n
        }
        _ => {
            errors.push(FieldError {
                path: path::settings("seasonal_min_days"),
                message: format!(
                    "季节性务工累计天数应为1到366之间的整数，已按默认的 {DEFAULT_SEASONAL_MIN_DAYS} 天评估"
                ),
                warning: false,
            });
            DEFAULT_SEASONAL_MIN_DAYS
        }
    }
}

/// Reads what every person is judged against.
pub(crate) fn context(
    draft: &Draft,
    date: NaiveDate,
    today: NaiveDate,
    errors: &mut Vec<FieldError>,
) -> Context {
    let pay_day = pay_day(draft, errors);
    let seasonal_min_days = seasonal_min_days(draft, errors);
    let seasonal_period = match draft.settings.seasonal_period {
        SeasonalPeriod::Unspecified => Settings::default().seasonal_period,
        p => p,
    };
    Context {
        date,
        today,
        pay_day,
        seasonal_min_days,
        seasonal_period,
        attendance: draft.settings.attendance_prorating,
        standards: Standards::new(&draft.site.county_code, date),
    }
}

/// The same person entered twice would be counted twice: for each row, the label of the earlier
/// row with the same (valid) ID number, and a message at the repeated row's ID field.
/// Each row gives its key, its label and its valid ID number [packed](crate::validate::IdNumber::packed).
pub(crate) fn duplicate_ids<'a>(
    rows: impl Iterator<Item = (u32, &'a str, Option<u64>)>,
    errors: &mut Vec<FieldError>,
) -> Vec<Option<String>> {
    let rows = rows.into_iter();
    let mut first: FxHashMap<u64, &str> =
        FxHashMap::with_capacity_and_hasher(rows.size_hint().0, Default::default());
    let mut out = Vec::with_capacity(rows.size_hint().0);
    for (key, label, id) in rows {
        let Some(id) = id else {
            out.push(None);
            continue;
        };
        match first.get(&id) {
            Some(other) => {
                errors.push(FieldError {
                    path: path::employee(key, "id_number"),
                    message: format!("身份证号码与“{other}”重复：同一人只能登记一次，本行不计入"),
                    warning: false,
                });
                out.push(Some((*other).to_owned()));
            }
            None => {
                first.insert(id, label);
                out.push(None);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seasonal_days_setting_is_read_at_its_field() {
        let cases = [
            ("", 90, None),
            ("90", 90, None),
            ("９０天", 90, None),
            ("120", 120, Some(true)),
            ("0", 90, Some(false)),
            ("367", 90, Some(false)),
            ("三个月", 90, Some(false)),
        ];
        for (typed, want, message) in cases {
            let mut draft = Draft::default();
            draft.settings.seasonal_min_days = typed.into();
            let mut errors = vec![];
            assert_eq!(seasonal_min_days(&draft, &mut errors), want, "{typed}");
            assert_eq!(
                errors.first().map(|e| e.warning),
                message,
                "{typed}: {errors:?}"
            );
            assert!(errors
                .iter()
                .all(|e| e.path == "settings.seasonal_min_days"));
        }
    }

    #[test]
    fn pay_day_spellings() {
        let cases = [
            ("15", Typed::Value(15)),
            ("每月15日", Typed::Value(15)),
            ("１５号", Typed::Value(15)),
            ("31", Typed::Value(31)),
            ("", Typed::Empty),
            ("0", Typed::Bad),
            ("32", Typed::Bad),
            ("月底", Typed::Bad),
        ];
        for (input, want) in cases {
            let mut errors = vec![];
            let draft = Draft {
                pay_day: input.into(),
                ..Draft::default()
            };
            assert_eq!(pay_day(&draft, &mut errors), want, "{input}");
            assert_eq!(errors.len(), usize::from(want == Typed::Bad), "{input}");
        }
    }

    #[test]
    fn unreadable_assessment_date_falls_back_to_today_with_a_message() {
        let today = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        let mut errors = vec![];
        let draft = Draft {
            assessment_date: "2026-02-30".into(),
            ..Draft::default()
        };
        assert_eq!(assessment_date(&draft, today, &mut errors), today);
        assert_eq!(errors[0].path, "assessment_date");
        let draft = Draft::default();
        assert_eq!(assessment_date(&draft, today, &mut errors), today);
        assert_eq!(errors.len(), 1);
    }
}
