//! Periods of employment as date ranges: merging a person's stints, who is employed on a date,
//! days employed in a window, whole calendar months since a start.
//!
//! Stints that touch or overlap (the next starts on or before the day after the previous ends)
//! form one continuous period of employment: a renewal on the day after expiry is not a break.

use crate::calendar::add_calendar_months;
use crate::input::person::StintRec;
use chrono::{Duration, NaiveDate};

/// A continuous period of employment; `end = None` means still employed (open-ended).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Period {
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
}

impl Period {
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.start <= d && self.end.is_none_or(|e| d <= e)
    }

    /// The period's last day, but no later than `limit`.
    pub fn end_by(&self, limit: NaiveDate) -> NaiveDate {
        self.end.map_or(limit, |e| e.min(limit))
    }
}

/// A closed range of days (both ends included).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Span {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Span {
    pub fn days(&self) -> i64 {
        crate::calendar::days_inclusive(self.start, self.end)
    }

    /// The overlap with `[from, to]`, if any.
    pub fn clip(&self, from: NaiveDate, to: NaiveDate) -> Option<Span> {
        let (s, e) = (self.start.max(from), self.end.min(to));
        (s <= e).then_some(Span { start: s, end: e })
    }
}

/// Merges stints (in any order) into continuous periods, oldest first.
pub(crate) fn merge<'a>(stints: impl IntoIterator<Item = &'a StintRec>) -> Vec<Period> {
    let mut v: Vec<Period> = stints
        .into_iter()
        .map(|s| Period {
            start: s.start,
            end: s.end,
        })
        .collect();
    bangfu_model::order::sort_by_key(&mut v, |p| p.start);
    let mut out: Vec<Period> = Vec::with_capacity(v.len());
    for p in v {
        match out.last_mut() {
            Some(last) if last.end.is_none_or(|e| p.start <= e + Duration::days(1)) => {
                last.end = match (last.end, p.end) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
            }
            _ => out.push(p),
        }
    }
    out
}

/// The period containing `date`.
pub(crate) fn current(periods: &[Period], date: NaiveDate) -> Option<Period> {
    periods.iter().copied().find(|p| p.contains(date))
}

/// Days of `periods` inside `[from, to]`, both included.
pub(crate) fn days_within(periods: &[Period], from: NaiveDate, to: NaiveDate) -> i64 {
    periods
        .iter()
        .filter_map(|p| {
            Span {
                start: p.start,
                end: p.end_by(to),
            }
            .clip(from, to)
        })
        .map(|s| s.days())
        .sum()
}

/// Whole calendar months from `start` to `on` (民法典第二百零二条: month k is complete on the
/// corresponding day of the k-th month).
pub(crate) fn whole_months(start: NaiveDate, on: NaiveDate) -> u32 {
    if on < start {
        return 0;
    }
    let mut k = crate::calendar::months_between(start, on).saturating_sub(1);
    while add_calendar_months(start, k as i32 + 1) <= on {
        k += 1;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;
    use bangfu_model::{AgreementType, EmploymentForm};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn stint(start: NaiveDate, end: Option<NaiveDate>) -> StintRec {
        StintRec {
            index: 0,
            form: EmploymentForm::FullTime,
            agreement: AgreementType::EmploymentContract,
            start,
            end,
        }
    }

    #[test]
    fn renewal_on_the_next_day_is_continuous() {
        let s = [
            stint(d(2025, 1, 1), Some(d(2025, 6, 30))),
            stint(d(2025, 7, 1), None),
            stint(d(2024, 1, 1), Some(d(2024, 3, 31))),
        ];
        let p = merge(&s);
        assert_eq!(
            p,
            vec![
                Period {
                    start: d(2024, 1, 1),
                    end: Some(d(2024, 3, 31))
                },
                Period {
                    start: d(2025, 1, 1),
                    end: None
                },
            ]
        );
        assert_eq!(
            current(&p, d(2026, 1, 1)).map(|p| p.start),
            Some(d(2025, 1, 1))
        );
        assert_eq!(current(&p, d(2024, 6, 1)), None);
    }

    #[test]
    fn days_within_a_window() {
        let p = merge(&[
            stint(d(2026, 5, 1), Some(d(2026, 5, 31))),
            stint(d(2026, 7, 1), None),
        ]);
        assert_eq!(days_within(&p, d(2026, 1, 1), d(2026, 7, 10)), 31 + 10);
        assert_eq!(days_within(&p, d(2026, 5, 20), d(2026, 5, 25)), 6);
    }

    #[test]
    fn whole_calendar_months() {
        let cases = [
            (d(2025, 11, 30), d(2026, 2, 27), 2),
            (d(2025, 11, 30), d(2026, 2, 28), 3),
            (d(2026, 1, 31), d(2026, 2, 28), 1),
            (d(2026, 3, 15), d(2026, 3, 14), 0),
            (d(2020, 3, 15), d(2026, 3, 15), 72),
        ];
        for (start, on, want) in cases {
            assert_eq!(whole_months(start, on), want, "{start} → {on}");
        }
    }
}
