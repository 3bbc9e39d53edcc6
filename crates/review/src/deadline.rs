//! The township's dates in working days (第八条第（二）项), with the rules' calendar (State
//! Council schedules with their 调休 days, plus any the user added):
//!
//! - the review is due 10 working days after 受理 (counting from the next day, as
//!   [`bangfu_rules::procedure`] does);
//! - the public notice lasts at least 5 working days, its first day included when it is a
//!   working day (a notice published on Monday 17 October 2025 may end on Thursday 23 October);
//! - the submission to the county: the regulation sets no time, so the next working day after
//!   the notice ends is offered, never called overdue.
//!
//! A date reckoned through a year without a published schedule is 未核实 ([`Reckoned::
//! assumed_years`]): it is shown with [`caveat`], and a notice period in such a year is never
//! confirmed as long enough.

use bangfu_rules::calendar::{caveat, cn, Calendar, Reckoned};
use bangfu_rules::procedure::{NOTICE_DAYS, TOWNSHIP_REVIEW_DAYS};
use chrono::{Duration, NaiveDate};
use std::collections::BTreeSet;

/// The last day of the township's review of an application received on `received`.
///
/// # Examples
/// ```
/// use bangfu_review::deadline::review_due;
/// use bangfu_rules::calendar::Calendar;
/// let d = |m, day| chrono::NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// // Over 春节 2026, with the 调休 Saturdays 14 and 28 February as working days.
/// assert_eq!(review_due(d(2, 11), Calendar::shipped()).date, d(3, 3));
/// ```
pub fn review_due(received: NaiveDate, calendar: &Calendar) -> Reckoned {
    calendar.add_working_days(received, TOWNSHIP_REVIEW_DAYS)
}

/// The earliest last day of a notice that starts on `start`: its 5th working day, `start`
/// counted when it is one.
///
/// # Examples
/// ```
/// use bangfu_review::deadline::notice_earliest_end;
/// use bangfu_rules::calendar::Calendar;
/// let d = |m, day| chrono::NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// // 28-30 September, then 国庆 1-7 October, then 8 and 9 October.
/// assert_eq!(notice_earliest_end(d(9, 28), Calendar::shipped()).date, d(10, 9));
/// ```
pub fn notice_earliest_end(start: NaiveDate, calendar: &Calendar) -> Reckoned {
    let before = start.pred_opt().unwrap_or(start);
    calendar.add_working_days(before, NOTICE_DAYS)
}

/// The day after the notice ends on which the file can go to the county (the next working day).
pub fn submission_from(notice_end: NaiveDate, calendar: &Calendar) -> Reckoned {
    calendar.add_working_days(notice_end, 1)
}

/// Working days from `start` to `end`, both included, with the years reckoned without a
/// schedule.
pub fn working_days(start: NaiveDate, end: NaiveDate, calendar: &Calendar) -> (u32, Vec<i32>) {
    let mut n = 0;
    let mut assumed = BTreeSet::new();
    let mut day = start;
    while day <= end {
        if !calendar.knows(day) {
            assumed.insert(chrono::Datelike::year(&day));
        }
        if calendar.is_working_day(day) {
            n += 1;
        }
        day += Duration::days(1);
    }
    (n, assumed.into_iter().collect())
}

/// Whether a typed notice period is long enough.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoticePeriod {
    /// At least 5 working days, on published schedules.
    Enough { days: u32 },
    /// The end is before the start.
    Reversed,
    /// Fewer than 5 working days.
    TooShort { days: u32, earliest_end: Reckoned },
    /// Runs into a year without a schedule: cannot be confirmed.
    Unverified { days: u32, years: Vec<i32> },
}

impl NoticePeriod {
    /// Judges the period from `start` to `end`.
    ///
    /// # Examples
    /// ```
    /// use bangfu_review::deadline::NoticePeriod;
    /// use bangfu_rules::calendar::Calendar;
    /// let d = |m, day| chrono::NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let p = NoticePeriod::of(d(9, 28), d(10, 8), Calendar::shipped());
    /// assert!(matches!(p, NoticePeriod::TooShort { days: 4, .. }));
    /// ```
    pub fn of(start: NaiveDate, end: NaiveDate, calendar: &Calendar) -> Self {
        if end < start {
            return NoticePeriod::Reversed;
        }
        let (days, years) = working_days(start, end, calendar);
        if !years.is_empty() {
            NoticePeriod::Unverified { days, years }
        } else if days < NOTICE_DAYS {
            NoticePeriod::TooShort {
                days,
                earliest_end: notice_earliest_end(start, calendar),
            }
        } else {
            NoticePeriod::Enough { days }
        }
    }

    /// Whether the notice may be published with these dates.
    pub fn is_enough(&self) -> bool {
        matches!(self, NoticePeriod::Enough { .. })
    }

    /// What to tell the reviewer, in Chinese, citing the article.
    pub fn message(&self) -> String {
        match self {
            NoticePeriod::Enough { days } => format!("公示期 {days} 个工作日"),
            NoticePeriod::Reversed => "公示结束日期早于开始日期".to_owned(),
            NoticePeriod::TooShort { days, earliest_end } => format!(
                "公示期只有 {days} 个工作日，少于第八条第（二）项规定的{NOTICE_DAYS}个工作日，最早可于{}结束{}",
                cn(earliest_end.date),
                earliest_end.caveat()
            ),
            NoticePeriod::Unverified { days, years } => format!(
                "按周六、周日休息推算为 {days} 个工作日，但未核实{}",
                caveat(years)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn review_due_dates_across_holidays_with_their_working_saturdays() {
        let cal = Calendar::shipped();
        for (received, due, why) in [
            // 春节 2026: 14 Feb (Sat) and 28 Feb (Sat) are 调休 working days, 15-23 Feb off.
            (d(2026, 2, 11), d(2026, 3, 3), "春节"),
            // 国庆 2025 (domain guide: review by 16 October for 26 September).
            (d(2025, 9, 26), d(2025, 10, 16), "国庆 2025"),
            // 国庆 2026: 20 Sep (Sun) and 10 Oct (Sat) are working days.
            (d(2026, 9, 18), d(2026, 10, 9), "国庆 2026 with 9-20 worked"),
            (
                d(2026, 9, 30),
                d(2026, 10, 20),
                "国庆 2026 with 10-10 worked",
            ),
            // An ordinary fortnight.
            (d(2026, 3, 2), d(2026, 3, 16), "no holiday"),
        ] {
            let r = review_due(received, cal);
            assert_eq!(r.date, due, "{why}");
            assert!(r.assumed_years.is_empty(), "{why}");
        }
    }

    #[test]
    fn a_period_into_2027_is_unverified_and_says_why() {
        let cal = Calendar::shipped();
        let r = review_due(d(2026, 12, 24), cal);
        assert_eq!(r.assumed_years, vec![2027]);
        assert!(
            r.caveat().contains("2027年节假日安排未收录"),
            "{}",
            r.caveat()
        );
        // A notice wholly in 2026 is verified; one reaching 2027 is never "enough".
        assert!(NoticePeriod::of(d(2026, 12, 21), d(2026, 12, 25), cal).is_enough());
        let p = NoticePeriod::of(d(2026, 12, 28), d(2027, 1, 8), cal);
        assert_eq!(
            p,
            NoticePeriod::Unverified {
                days: 10,
                years: vec![2027]
            }
        );
        assert!(p.message().contains("未核实"), "{}", p.message());
    }

    #[test]
    fn notice_period_counts_its_first_day_and_refuses_four() {
        let cal = Calendar::shipped();
        // Monday start: exactly 5 working days end on Friday.
        assert_eq!(notice_earliest_end(d(2026, 3, 2), cal).date, d(2026, 3, 6));
        assert_eq!(
            NoticePeriod::of(d(2026, 3, 2), d(2026, 3, 6), cal),
            NoticePeriod::Enough { days: 5 }
        );
        // One working day short, over 国庆 2026.
        let short = NoticePeriod::of(d(2026, 9, 28), d(2026, 10, 8), cal);
        assert_eq!(
            short.message(),
            "公示期只有 4 个工作日，少于第八条第（二）项规定的5个工作日，最早可于2026年10月9日结束"
        );
        // Published on a Saturday: counting starts with the 调休 Sunday 20 September 2026.
        assert_eq!(
            notice_earliest_end(d(2026, 9, 19), cal).date,
            d(2026, 9, 24)
        );
        // Published notices have been seen ending before they start.
        assert_eq!(
            NoticePeriod::of(d(2026, 3, 6), d(2026, 3, 2), cal),
            NoticePeriod::Reversed
        );
        // The county submission: the next working day, over 春节 2026.
        assert_eq!(submission_from(d(2026, 2, 13), cal).date, d(2026, 2, 14));
        assert_eq!(submission_from(d(2026, 2, 14), cal).date, d(2026, 2, 24));
    }
}
