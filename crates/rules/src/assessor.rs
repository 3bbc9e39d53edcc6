//! Re-assessing after a keystroke: [`Assessor`] keeps each person's own evaluation and judges
//! again only the rows that changed (and everyone when something they all depend on changed: the
//! dates, the pay day, the settings, the county, the holiday schedules). The roster-wide part —
//! repeated IDs, the counts, the findings — is recomputed from the kept evaluations each time.
//!
//! The result is the same as [`crate::assess`] on the same draft (a property test checks it over
//! random edit sequences); the packet and the exports call `assess`.

use crate::evaluate::{self, PersonEval};
use crate::finding::Assessment;
use bangfu_model::{Draft, Employee, Settings};
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;

/// What every person's evaluation depends on besides their own row.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Shared {
    today: NaiveDate,
    assessment_date: String,
    pay_day: String,
    settings: Settings,
    county: String,
}

impl Shared {
    fn of(d: &Draft, today: NaiveDate) -> Shared {
        Shared {
            today,
            assessment_date: d.assessment_date.clone(),
            pay_day: d.pay_day.clone(),
            settings: d.settings.clone(),
            county: d.site.county_code.clone(),
        }
    }
}

/// A person as last judged: their row number (it names a nameless row), the row as it was, and
/// the evaluation (`None` for a blank row).
struct Kept {
    row: usize,
    employee: Employee,
    eval: Option<PersonEval>,
}

/// Assesses a draft again and again, re-judging only what changed.
///
/// ```
/// use bangfu_rules::{assess, sample, Assessor};
/// let date = chrono::NaiveDate::from_ymd_opt(2026, 6, 20).unwrap();
/// let mut draft = sample::qualifying_draft(20, 6, date);
/// let mut assessor = Assessor::default();
/// assessor.assess(&draft, date);
/// draft.employees[3].wages[0].gross = "100".into();
/// assert_eq!(assessor.assess(&draft, date), assess(&draft, date));
/// assert_eq!(assessor.last_rejudged(), 1);
/// ```
#[derive(Default)]
pub struct Assessor {
    shared: Option<Shared>,
    /// Holiday schedules the user added (they only add messages, but are part of the input).
    holidays: Vec<String>,
    /// Everyone as last judged, in roster order: while the roster keeps its order (every
    /// keystroke), row *i* is found at *i* without hashing its key.
    kept: Vec<Kept>,
    rejudged: usize,
}

impl Assessor {
    /// The assessment of `draft`, as [`crate::assess`] gives it.
    pub fn assess(&mut self, draft: &Draft, today: NaiveDate) -> Assessment {
        self.assess_changed(draft, today, None)
    }

    /// As [`Assessor::assess`], told which employees may have changed since the last call (the
    /// UI knows: a keystroke is in one person's field). With `Some(keys)` and the same people in
    /// the same order as last time, only those rows are compared and judged again; `None`
    /// compares every row. An ordered set: looked up once per row, and usually one key long,
    /// it is searched, not hashed.
    pub fn assess_changed(
        &mut self,
        draft: &Draft,
        today: NaiveDate,
        changed: Option<&BTreeSet<u32>>,
    ) -> Assessment {
        let mut errors = Vec::new();
        let ctx = crate::context(draft, today, &mut errors);
        let shared = Shared::of(draft, today);
        if self.shared.as_ref() != Some(&shared) || self.holidays != draft.extra_holidays {
            self.kept.clear();
            self.shared = Some(shared);
            self.holidays = draft.extra_holidays.clone();
        }
        self.rejudged = 0;
        let judge = |row: usize, e: &Employee| Kept {
            row,
            employee: e.clone(),
            eval: evaluate::person(e, row, &ctx),
        };
        let same_order = self.kept.len() == draft.employees.len()
            && self
                .kept
                .iter()
                .zip(&draft.employees)
                .all(|(k, e)| k.employee.key == e.key);
        if same_order {
            for (i, (kept, e)) in self.kept.iter_mut().zip(&draft.employees).enumerate() {
                // Told this row did not change, or it did not: keep it.
                let told_unchanged = changed.is_some_and(|keys| !keys.contains(&e.key));
                if !told_unchanged && kept.employee != *e {
                    self.rejudged += 1;
                    *kept = judge(i + 1, e);
                }
            }
        } else {
            // Rows added, removed or moved: each kept row is found by its key, and kept only
            // where it is unchanged and keeps its row number (which names a nameless row).
            let mut before: FxHashMap<u32, Kept> =
                self.kept.drain(..).map(|k| (k.employee.key, k)).collect();
            for (i, e) in draft.employees.iter().enumerate() {
                let row = i + 1;
                match before.remove(&e.key) {
                    Some(k) if k.row == row && k.employee == *e => self.kept.push(k),
                    _ => {
                        self.rejudged += 1;
                        self.kept.push(judge(row, e));
                    }
                }
            }
        }
        let evals: Vec<&PersonEval> = self.kept.iter().filter_map(|k| k.eval.as_ref()).collect();
        crate::aggregate(draft, &ctx, &evals, errors)
    }

    /// How many rows the last call judged again (for tests and benchmarks).
    pub fn last_rejudged(&self) -> usize {
        self.rejudged
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{assess, sample};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// A small deterministic generator (no dependency): the edit sequences are reproducible.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
    }

    /// After random edits — a wage, a date, a status, a name, an ID, a person added, removed or
    /// moved, the pay day, a setting, the county, the assessment date — the kept result equals
    /// a full re-assessment.
    #[test]
    fn incremental_equals_full_after_random_edit_sequences() {
        let date = d(2026, 6, 20);
        for seed in 1..=12u64 {
            let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            let mut draft = sample::qualifying_draft(14, 6, date);
            let mut assessor = Assessor::default();
            // As the UI uses it: told which person an edit of one person's fields touched.
            let mut told = Assessor::default();
            for _ in 0..40 {
                let n = draft.employees.len();
                let i = rng.below(n);
                let what = rng.below(12);
                let touched: Option<BTreeSet<u32>> = (what <= 4)
                    .then(|| draft.employees.get(i).map(|e| BTreeSet::from([e.key])))
                    .flatten();
                match what {
                    0 => {
                        if let Some(w) =
                            draft.employees.get_mut(i).and_then(|e| e.wages.first_mut())
                        {
                            w.gross = format!("{}", 1000 + rng.below(2000));
                        }
                    }
                    1 => {
                        if let Some(s) = draft
                            .employees
                            .get_mut(i)
                            .and_then(|e| e.stints.first_mut())
                        {
                            s.start = format!("2026-0{}-1{}", 1 + rng.below(6), rng.below(9));
                        }
                    }
                    2 => {
                        if let Some(e) = draft.employees.get_mut(i) {
                            e.poverty_status = bangfu_model::PovertyStatus::NotApplicable;
                        }
                    }
                    3 => {
                        if let Some(e) = draft.employees.get_mut(i) {
                            e.name.clear();
                        }
                    }
                    4 => {
                        // A repeated ID: the roster-wide part must see it.
                        if n > 1 {
                            let other = draft.employees[(i + 1) % n].id_number.clone();
                            draft.employees[i].id_number = other;
                        }
                    }
                    5 => {
                        draft.add_employee();
                    }
                    6 => {
                        if n > 2 {
                            draft.employees.remove(i);
                        }
                    }
                    7 => {
                        if n > 1 {
                            draft.employees.swap(i, (i + 1) % n);
                        }
                    }
                    8 => draft.pay_day = format!("{}", 1 + rng.below(28)),
                    9 => draft.settings.attendance_prorating = !draft.settings.attendance_prorating,
                    10 => {
                        draft.site.county_code = if rng.below(2) == 0 {
                            "150121".into()
                        } else {
                            String::new()
                        }
                    }
                    _ => draft.assessment_date = format!("2026-0{}-15", 3 + rng.below(6)),
                }
                let full = assess(&draft, date);
                assert_eq!(assessor.assess(&draft, date), full, "seed {seed}");
                assert_eq!(
                    told.assess_changed(&draft, date, touched.as_ref()),
                    full,
                    "seed {seed}, told {touched:?}"
                );
            }
        }
    }

    #[test]
    fn told_which_row_changed_it_compares_only_that_row() {
        let date = d(2026, 6, 20);
        let mut draft = sample::qualifying_draft(30, 6, date);
        let mut assessor = Assessor::default();
        assessor.assess(&draft, date);
        draft.employees[4].wages[0].gross = "100".into();
        let key = draft.employees[4].key;
        let changed: BTreeSet<u32> = [key].into_iter().collect();
        let a = assessor.assess_changed(&draft, date, Some(&changed));
        assert_eq!(assessor.last_rejudged(), 1);
        assert_eq!(a, assess(&draft, date));
        // People added or moved: every row is compared, whatever the hint says.
        draft.employees.swap(0, 1);
        let a = assessor.assess_changed(&draft, date, Some(&BTreeSet::new()));
        assert_eq!(a, assess(&draft, date));
    }

    #[test]
    fn one_edit_rejudges_one_person() {
        let date = d(2026, 6, 20);
        let mut draft = sample::qualifying_draft(50, 6, date);
        let mut assessor = Assessor::default();
        assessor.assess(&draft, date);
        assert_eq!(assessor.last_rejudged(), 50);
        draft.employees[7].post = "质检".into();
        assessor.assess(&draft, date);
        assert_eq!(assessor.last_rejudged(), 1);
        // Something everyone depends on: everyone again.
        draft.pay_day = "10".into();
        assessor.assess(&draft, date);
        assert_eq!(assessor.last_rejudged(), 50);
    }
}
