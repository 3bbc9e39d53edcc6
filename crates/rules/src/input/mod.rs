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
//! roster, the pay day and the settings are read here because 第七条第（一）至（四）项 share them.

pub(crate) mod fast;
pub(crate) mod person;
pub(crate) mod wages;

use crate::finding::FieldError;
use crate::path;
use bangfu_model::text::{normalize, parse_date, ParseError};
use bangfu_model::{Draft, SeasonalPeriod, Settings};
use chrono::NaiveDate;
use person::Person;
use std::collections::HashMap;

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

/// Everything the people criteria need, read once.
pub(crate) struct Input<'a> {
    /// The assessment date.
    pub date: NaiveDate,
    pub pay_day: PayDay,
    pub seasonal_min_days: u32,
    pub seasonal_period: SeasonalPeriod,
    /// Non-blank roster rows, in draft order.
    pub people: Vec<Person<'a>>,
}

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

/// Reads the roster and the settings the people criteria use.
pub(crate) fn read<'a>(
    draft: &'a Draft,
    date: NaiveDate,
    today: NaiveDate,
    errors: &mut Vec<FieldError>,
) -> Input<'a> {
    let pay_day = pay_day(draft, errors);
    let defaults = Settings::default();
    let seasonal_min_days = if draft.settings.seasonal_min_days == 0 {
        errors.push(FieldError {
            path: path::settings("seasonal_min_days"),
            message: format!(
                "季节性务工累计天数须大于0，已按默认的 {} 天评估",
                defaults.seasonal_min_days
            ),
            warning: true,
        });
        defaults.seasonal_min_days
    } else {
        draft.settings.seasonal_min_days
    };
    let seasonal_period = match draft.settings.seasonal_period {
        SeasonalPeriod::Unspecified => defaults.seasonal_period,
        p => p,
    };
    let mut people = Vec::with_capacity(draft.employees.len());
    for (row, e) in draft.employees.iter().enumerate() {
        // Entirely blank rows (just added) are skipped.
        if let Some(p) = person::read(e, row + 1, date, today, errors) {
            people.push(p);
        }
    }
    mark_duplicate_ids(&mut people, errors);
    Input {
        date,
        pay_day,
        seasonal_min_days,
        seasonal_period,
        people,
    }
}

/// The same person entered twice would be counted twice: the second and later rows with an ID
/// number already on the roster are flagged and not counted as registered.
fn mark_duplicate_ids(people: &mut [Person<'_>], errors: &mut Vec<FieldError>) {
    let mut first: HashMap<String, String> = HashMap::with_capacity(people.len());
    for p in people.iter_mut() {
        let Ok(id) = &p.id else { continue };
        let number = id.as_str().to_owned();
        match first.get(&number) {
            Some(other) => {
                let message = format!("身份证号码与“{other}”重复：同一人只能登记一次，本行不计入");
                errors.push(FieldError {
                    path: path::employee(p.key, "id_number"),
                    message: message.clone(),
                    warning: false,
                });
                p.duplicate_of = Some(other.clone());
            }
            None => {
                first.insert(number, p.label.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
