//! Dates the regulation counts in: calendar months (第七条第（二）项 "3个月") and working days
//! (第八条: "10个工作日内", "公示期不少于5个工作日").
//!
//! - Calendar months follow 民法典第二百零二条: a period of months ends on the corresponding day of
//!   the last month, or that month's last day when it has no such day (2024-11-30 + 3 months =
//!   2025-02-28). See [`add_calendar_months`].
//! - Working days come from the State Council holiday schedules in `data/holidays/*.json` (all
//!   files are compiled in by `build.rs`) plus any schedule the user added to the draft
//!   (`Draft::extra_holidays`, same JSON shape). A date is a working day if a schedule lists it
//!   with `isOffDay: false` (调休上班); otherwise if it is Monday-Friday and not listed with
//!   `isOffDay: true`. All files are merged, because a December date may appear in the next
//!   year's file.
//! - Counting starts the day after the starting date (民法典第二百零一条).
//! - A date in a year no schedule covers is reckoned with weekends only, and the answer says which
//!   years were assumed so the UI can say so.

use crate::finding::FieldError;
use crate::path;
use bangfu_model::Draft;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

mod shipped {
    include!(concat!(env!("OUT_DIR"), "/holidays.rs"));
}

/// A date as running text spells it: 「2026年2月28日」. Tables print `2026-02-28`; every sentence
/// the rules write uses this form, so that the screen and the packet read alike.
///
/// ```
/// use bangfu_rules::calendar::cn;
/// assert_eq!(cn(chrono::NaiveDate::from_ymd_opt(2026, 2, 8).unwrap()), "2026年2月8日");
/// ```
pub fn cn(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// A month as running text spells it: 「2026年2月」.
pub fn cn_month(d: NaiveDate) -> String {
    format!("{}年{}月", d.year(), d.month())
}

/// Adds calendar months per 民法典第二百零二条: the same day of the target month, or its last day
/// when it has no such day. Negative `months` go back.
///
/// ```
/// use bangfu_rules::calendar::add_calendar_months;
/// use chrono::NaiveDate;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(add_calendar_months(d(2024, 11, 30), 3), d(2025, 2, 28));
/// assert_eq!(add_calendar_months(d(2025, 11, 30), 3), d(2026, 2, 28));
/// ```
pub fn add_calendar_months(date: NaiveDate, months: i32) -> NaiveDate {
    let index = date.year() * 12 + date.month0() as i32 + months;
    let (year, month) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
    let day = date.day().min(days_in_month(year, month));
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(if months < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

/// Number of days in a month (28-31).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// The first day of the date's month.
pub fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// The last day of the date's month.
pub fn month_end(d: NaiveDate) -> NaiveDate {
    d.with_day(days_in_month(d.year(), d.month())).unwrap_or(d)
}

/// The number of month boundaries from `a`'s month to `b`'s month (0 in the same month).
pub fn months_between(a: NaiveDate, b: NaiveDate) -> u32 {
    let ia = a.year() * 12 + a.month0() as i32;
    let ib = b.year() * 12 + b.month0() as i32;
    (ib - ia).max(0) as u32
}

/// Days from `a` to `b`, both included (0 when `b < a`).
pub fn days_inclusive(a: NaiveDate, b: NaiveDate) -> i64 {
    ((b - a).num_days() + 1).max(0)
}

/// A day named in a holiday schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ListedDay {
    off: bool,
    name: String,
}

/// One `YYYY.json` schedule as published by NateScarlet/holiday-cn.
#[derive(Deserialize)]
struct ScheduleFile {
    year: i32,
    days: Vec<ScheduleDay>,
}

#[derive(Deserialize)]
struct ScheduleDay {
    name: String,
    date: String,
    #[serde(rename = "isOffDay")]
    is_off_day: bool,
}

/// A date reckoned in working days, with the years for which no schedule was known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reckoned {
    pub date: NaiveDate,
    /// Years crossed for which only weekends were assumed (no schedule in the data).
    pub assumed_years: Vec<i32>,
}

impl Reckoned {
    /// "（2027年节假日安排未收录，按周六、周日休息推算）" or empty.
    pub fn caveat(&self) -> String {
        caveat(&self.assumed_years)
    }
}

/// A Chinese caveat naming the years reckoned without a schedule, or empty.
pub fn caveat(years: &[i32]) -> String {
    if years.is_empty() {
        return String::new();
    }
    let list: Vec<String> = years.iter().map(|y| format!("{y}年")).collect();
    format!(
        "（{}节假日安排未收录，按周六、周日休息推算，可在设置中导入该年度安排）",
        list.join("、")
    )
}

/// Holiday schedules merged into one working-day calendar.
#[derive(Clone, Debug, Default)]
pub struct Calendar {
    listed: HashMap<NaiveDate, ListedDay>,
    years: BTreeSet<i32>,
}

impl Calendar {
    /// The schedules shipped in `data/holidays/`, parsed once.
    pub fn shipped() -> &'static Calendar {
        static CAL: OnceLock<Calendar> = OnceLock::new();
        CAL.get_or_init(|| {
            let mut cal = Calendar::default();
            // The shipped files are checked by the tests; a broken one is skipped, not a panic.
            for (_, json) in shipped::SHIPPED {
                let _ = cal.add_schedule(json);
            }
            cal
        })
    }

    /// The shipped schedules plus the ones the user added to the draft, with a message for each
    /// added schedule that cannot be used (at `extra_holidays.<index>`).
    pub fn for_draft(draft: &Draft) -> (Calendar, Vec<FieldError>) {
        let mut cal = Calendar::shipped().clone();
        let mut errors = Vec::new();
        for (i, json) in draft.extra_holidays.iter().enumerate() {
            if json.trim().is_empty() {
                continue;
            }
            let message = match parse_schedule(json) {
                Err(e) => Some(format!("补充的节假日安排无法使用：{e}")),
                Ok((year, _)) if cal.years.contains(&year) => {
                    Some(format!("{year}年节假日安排已内置，补充的该年度安排未使用"))
                }
                Ok(_) => cal.add_schedule(json).err(),
            };
            if let Some(message) = message {
                errors.push(FieldError {
                    path: path::extra_holiday(i),
                    message,
                    warning: true,
                });
            }
        }
        (cal, errors)
    }

    /// Adds one schedule in the `YYYY.json` format.
    ///
    /// # Errors
    /// A Chinese description of what is wrong with the file.
    pub fn add_schedule(&mut self, json: &str) -> Result<i32, String> {
        let (year, days) = parse_schedule(json)?;
        for (date, day) in days {
            self.listed.insert(date, day);
        }
        self.years.insert(year);
        Ok(year)
    }

    /// Years for which a schedule is known.
    pub fn known_years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.iter().copied()
    }

    /// Whether the date's year has a schedule.
    pub fn knows(&self, date: NaiveDate) -> bool {
        self.years.contains(&date.year())
    }

    /// Whether the date is a working day (see the module doc for the rule).
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        match self.listed.get(&date) {
            Some(day) => !day.off,
            None => !matches!(date.weekday(), Weekday::Sat | Weekday::Sun),
        }
    }

    /// The holiday's name when the schedule lists the date (e.g. 国庆节, also for 调休上班 days).
    pub fn listed_name(&self, date: NaiveDate) -> Option<&str> {
        self.listed.get(&date).map(|d| d.name.as_str())
    }

    /// The date `n` working days after `from`; counting starts the next day (民法典第二百零一条),
    /// so `n = 0` is `from` itself.
    pub fn add_working_days(&self, from: NaiveDate, n: u32) -> Reckoned {
        let mut date = from;
        let mut left = n;
        let mut assumed = BTreeSet::new();
        while left > 0 {
            date += Duration::days(1);
            if !self.knows(date) {
                assumed.insert(date.year());
            }
            if self.is_working_day(date) {
                left -= 1;
            }
            if date == NaiveDate::MAX {
                break;
            }
        }
        Reckoned {
            date,
            assumed_years: assumed.into_iter().collect(),
        }
    }

    /// Working days in a year, or `None` when no schedule covers the year.
    pub fn working_days_in_year(&self, year: i32) -> Option<u32> {
        if !self.years.contains(&year) {
            return None;
        }
        let (Some(first), Some(last)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            return None;
        };
        Some(
            first
                .iter_days()
                .take_while(|d| *d <= last)
                .filter(|d| self.is_working_day(*d))
                .count() as u32,
        )
    }
}

/// Reads one schedule: its year and listed days.
fn parse_schedule(json: &str) -> Result<(i32, Vec<(NaiveDate, ListedDay)>), String> {
    let file: ScheduleFile = serde_json::from_str(json).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            "不是有效的 JSON 文件".to_owned()
        } else {
            "格式不对：需要 year 和 days（每项含 name、date、isOffDay），与 data/holidays 中的文件相同"
                .to_owned()
        }
    })?;
    if !(1990..=2200).contains(&file.year) {
        return Err(format!("年份 {} 不合理", file.year));
    }
    let mut days = Vec::with_capacity(file.days.len());
    for day in file.days {
        let date = bangfu_model::text::parse_iso_date(day.date.trim())
            .map_err(|_| format!("日期“{}”不是 YYYY-MM-DD 格式", day.date))?;
        // A schedule may list the last days of the previous year and the first of the next.
        if (date.year() - file.year).abs() > 1 {
            return Err(format!("日期 {date} 不属于 {} 年的安排", file.year));
        }
        days.push((
            date,
            ListedDay {
                off: day.is_off_day,
                name: day.name,
            },
        ));
    }
    Ok((file.year, days))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn shipped_schedules_all_parse() {
        for (name, json) in shipped::SHIPPED {
            assert!(parse_schedule(json).is_ok(), "{name}");
        }
        let years: Vec<i32> = Calendar::shipped().known_years().collect();
        assert_eq!(years, vec![2021, 2022, 2023, 2024, 2025, 2026]);
    }

    #[test]
    fn working_days_per_year_match_the_domain_guide() {
        let cal = Calendar::shipped();
        for (year, want) in [
            (2024, Some(251)),
            (2025, Some(248)),
            (2026, Some(248)),
            (2027, None),
        ] {
            assert_eq!(cal.working_days_in_year(year), want, "{year}");
        }
    }

    #[test]
    fn adding_working_days_starts_the_next_day() {
        let cal = Calendar::shipped();
        let cases = [
            (d(2025, 9, 26), 10, d(2025, 10, 16)),
            (d(2026, 2, 12), 10, d(2026, 3, 4)),
            (d(2024, 4, 30), 5, d(2024, 5, 10)),
            (d(2024, 4, 30), 0, d(2024, 4, 30)),
            // A Friday to the next Monday is one working day.
            (d(2024, 3, 1), 1, d(2024, 3, 4)),
        ];
        for (from, n, want) in cases {
            let got = cal.add_working_days(from, n);
            assert_eq!(got.date, want, "{from} + {n}");
            assert!(got.assumed_years.is_empty());
        }
    }

    #[test]
    fn make_up_weekend_is_a_working_day_and_holiday_is_not() {
        let cal = Calendar::shipped();
        assert!(cal.is_working_day(d(2025, 9, 28))); // Sunday, 调休上班 for 国庆节
        assert!(!cal.is_working_day(d(2025, 10, 1)));
        assert_eq!(cal.listed_name(d(2025, 10, 1)), Some("国庆节、中秋节"));
        assert!(cal.is_working_day(d(2025, 10, 13)));
    }

    #[test]
    fn dates_outside_known_years_are_flagged() {
        let cal = Calendar::shipped();
        assert!(!cal.knows(d(2027, 1, 4)));
        let r = cal.add_working_days(d(2026, 12, 28), 10);
        assert_eq!(r.assumed_years, vec![2027]);
        assert!(r.caveat().contains("2027年"));
    }

    #[test]
    fn a_user_added_year_is_used_and_a_bad_one_reported() {
        let y2027 = r#"{"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}"#;
        let draft = Draft {
            extra_holidays: vec![
                y2027.to_owned(),
                "not json".to_owned(),
                r#"{"year":2027}"#.to_owned(),
                r#"{"year":2025,"days":[]}"#.to_owned(),
                r#"{"year":2028,"days":[{"name":"x","date":"2028-13-01","isOffDay":true}]}"#
                    .to_owned(),
            ],
            ..Draft::default()
        };
        let (cal, errors) = Calendar::for_draft(&draft);
        assert!(cal.knows(d(2027, 1, 1)));
        assert!(!cal.is_working_day(d(2027, 1, 1))); // a Friday, off by the added schedule
        let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "extra_holidays.1",
                "extra_holidays.2",
                "extra_holidays.3",
                "extra_holidays.4"
            ]
        );
        assert!(errors[0].message.contains("JSON"));
        assert!(errors[2].message.contains("已内置"));
        assert!(errors[3].message.contains("2028-13-01"));
    }

    #[test]
    fn calendar_months_follow_civil_code_202() {
        let cases = [
            (d(2024, 11, 30), 3, d(2025, 2, 28)),
            (d(2025, 11, 30), 3, d(2026, 2, 28)),
            (d(2023, 11, 30), 3, d(2024, 2, 29)),
            (d(2026, 1, 31), 1, d(2026, 2, 28)),
            (d(2026, 3, 15), 3, d(2026, 6, 15)),
            (d(2026, 3, 31), -1, d(2026, 2, 28)),
            (d(2026, 1, 15), -13, d(2024, 12, 15)),
            (d(2026, 12, 31), 0, d(2026, 12, 31)),
        ];
        for (from, n, want) in cases {
            assert_eq!(add_calendar_months(from, n), want, "{from} + {n}");
        }
    }

    #[test]
    fn month_helpers() {
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2025, 2), 28);
        assert_eq!(days_in_month(2025, 12), 31);
        assert_eq!(month_start(d(2026, 2, 14)), d(2026, 2, 1));
        assert_eq!(month_end(d(2026, 2, 14)), d(2026, 2, 28));
        assert_eq!(days_inclusive(d(2026, 1, 1), d(2026, 1, 1)), 1);
        assert_eq!(days_inclusive(d(2026, 1, 2), d(2026, 1, 1)), 0);
    }
}
