//! What-if: the earliest date on which the workshop would qualify if nothing else changes.
//!
//! Only time is considered: people who meet everything except the 3 months of 第七条第（二）项
//! (or the seasonal days) reach them on a known date (their `qualifies_on`), provided their
//! employment and insurance as entered run until then. Dates already entered are taken as they
//! are: a person who starts later joins the total workforce on the start date, a person with a
//! leave date or agreement end leaves it the day after. Wages are assumed to go on being paid as
//! required. 第六条 and 第七条第（五）项 must already be met: they do not change with time.

use crate::art7_1::is_met;
use chrono::NaiveDate;

/// The dated events that change the 第七条第（一）项 counts.
#[derive(Debug, Default)]
pub(crate) struct Outlook {
    /// `qualifies_on` of registered people who only need time.
    pub pending: Vec<NaiveDate>,
    /// Start dates of people not employed yet (they join the total workforce).
    pub joining: Vec<NaiveDate>,
    /// Last days of people employed on the assessment date who will leave.
    pub leaving: Vec<NaiveDate>,
    /// Last days of qualifying people who will leave.
    pub leaving_qualifying: Vec<NaiveDate>,
}

fn count_upto(sorted: &[NaiveDate], d: NaiveDate) -> u32 {
    sorted.partition_point(|x| *x <= d) as u32
}

fn count_before(sorted: &[NaiveDate], d: NaiveDate) -> u32 {
    sorted.partition_point(|x| *x < d) as u32
}

/// The earliest date on which 第七条第（一）项 is met by time alone, given today's counts.
pub(crate) fn earliest(mut o: Outlook, qualifying: u32, total: u32) -> Option<NaiveDate> {
    for dates in [
        &mut o.pending,
        &mut o.joining,
        &mut o.leaving,
        &mut o.leaving_qualifying,
    ] {
        bangfu_model::order::sort(dates);
    }
    for &d in &o.pending {
        let q = (qualifying + count_upto(&o.pending, d))
            .saturating_sub(count_before(&o.leaving_qualifying, d));
        let t = (total + count_upto(&o.joining, d)).saturating_sub(count_before(&o.leaving, d));
        if is_met(q, t) {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn whatif_earliest_date_is_when_enough_people_reach_three_months() {
        let o = || Outlook {
            pending: vec![d(9, 1), d(7, 15), d(8, 1)],
            ..Outlook::default()
        };
        let cases = [
            (4, 20, Some(d(7, 15))),
            (3, 20, Some(d(8, 1))),
            (2, 20, Some(d(9, 1))),
            (1, 20, None),
            // 60 staff need 6: 4 now + 2 pending.
            (4, 60, Some(d(8, 1))),
        ];
        for (q, total, want) in cases {
            assert_eq!(earliest(o(), q, total), want, "{q}/{total}");
        }
    }

    #[test]
    fn whatif_joiners_and_leavers_change_the_counts() {
        // 50 staff with 4 qualifying: one pending on 8-01 makes 5 of 50 …
        let base = Outlook {
            pending: vec![d(8, 1)],
            ..Outlook::default()
        };
        assert_eq!(earliest(base, 4, 50), Some(d(8, 1)));
        // … unless someone joins before then (5 of 51 is short).
        let joined = Outlook {
            pending: vec![d(8, 1)],
            joining: vec![d(7, 1)],
            ..Outlook::default()
        };
        assert_eq!(earliest(joined, 4, 50), None);
        // A qualifying person leaving on 7-31 is gone by 8-01.
        let left = Outlook {
            pending: vec![d(8, 1)],
            leaving: vec![d(7, 31)],
            leaving_qualifying: vec![d(7, 31)],
            ..Outlook::default()
        };
        assert_eq!(earliest(left, 4, 50), None);
    }
}
