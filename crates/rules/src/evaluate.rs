//! One roster row judged on its own: everything the rules say about a person that depends only
//! on that person's row and the shared [`Context`] (dates, pay day, settings, standards).
//!
//! What depends on the whole roster — duplicate ID numbers, the counts of 第七条第（一）项, the
//! what-if date — is worked out afterwards from these results ([`crate::art7_1`]). Keeping the
//! per-person part self-contained is what lets a keystroke in one person's row re-evaluate that
//! person alone.

use crate::art7_5::{self, ChildLabour};
use crate::finding::{CriterionId, FieldError, Status, WageMonthCheck};
use crate::input::person::{self, Person};
use crate::input::Context;
use crate::people::Check;
use crate::validate::IdError;
use crate::{art7_2, art7_3, art7_4, employment};
use bangfu_model::{Employee, PovertyStatus};
use chrono::NaiveDate;

/// What 第七条第（二）至（四）项 found for one poverty-alleviated person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Checks {
    pub art7_2: Check,
    pub art7_3: Check,
    pub art7_4: Check,
    /// When the person does not meet the items yet only because time has not passed (and their
    /// wages and cover as entered carry on): the date they will.
    pub qualifies_on: Option<NaiveDate>,
}

impl Checks {
    /// The three checks with the criterion each belongs to.
    pub fn each(&self) -> [(CriterionId, &Check); 3] {
        [
            (CriterionId::Art7_2, &self.art7_2),
            (CriterionId::Art7_3, &self.art7_3),
            (CriterionId::Art7_4, &self.art7_4),
        ]
    }

    pub fn all_met(&self) -> bool {
        self.each().iter().all(|(_, c)| c.status == Status::Met)
    }

    /// The worst of the three: not met, else incomplete, else met.
    pub fn status(&self) -> Status {
        Status::all(self.each().iter().map(|(_, c)| c.status))
    }
}

/// One person, evaluated. Owns everything (no borrow of the draft), so it can be kept and reused
/// while the row does not change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PersonEval {
    pub key: u32,
    /// The name as typed, or 「第3行（未填姓名）」.
    pub label: std::sync::Arc<str>,
    pub status: PovertyStatus,
    /// The ID number, normalised, when it is valid.
    pub id: Option<String>,
    /// The same, [packed](crate::validate::IdNumber::packed), for finding repeats.
    pub id_packed: Option<u64>,
    /// Why the ID number cannot be used; `None` when it is valid.
    pub id_error: Option<IdError>,
    /// Employed on the assessment date (before 第七条第（五）项's check on age).
    pub employed: bool,
    /// No stint could be read although some were typed: whether the person is employed on the
    /// assessment date cannot be told.
    pub unknown_employment: bool,
    /// Employed while under 16 within the review window (第七条第（五）项).
    pub child_labour: Option<ChildLabour>,
    /// 第（二）至（四）项, for poverty-alleviated people lawfully employed.
    pub checks: Option<Checks>,
    /// The same as the per-criterion list every assessment's [`crate::EmployeeFinding`] carries
    /// (empty without checks), built once per evaluation and shared.
    pub check_list: std::sync::Arc<[(CriterionId, Status, std::sync::Arc<str>)]>,
    pub employed_since: Option<NaiveDate>,
    pub months_employed: Option<u32>,
    pub seasonal_days: Option<u32>,
    pub average_gross_fen: Option<i64>,
    pub wage_months: std::sync::Arc<[WageMonthCheck]>,
    /// Employed on the assessment date with a dated last day: that day.
    pub leaving: Option<NaiveDate>,
    /// Not employed on the assessment date but starting later: the start.
    pub joining: Option<NaiveDate>,
    /// Messages at this person's fields (shared with every assessment that shows them).
    pub errors: Vec<std::sync::Arc<FieldError>>,
    /// What the rules say about this person (finding, standing, notes), made by
    /// [`crate::art7_1`] on first use and kept with the evaluation (see [`Worded`]).
    pub worded: Worded,
}

/// What the rules say about a person — their [`crate::EmployeeFinding`] with its standing, and
/// their notes for 第七条第（一）至（四）项 — as it reads when no other row repeats the person's
/// ID number: then it depends on this evaluation alone. Filled on first use by [`crate::art7_1`] and kept while
/// the row is unchanged, so a keystroke in one person's row words and builds one person again,
/// not the whole roster (2,000 people: 4,000 strings and 2,000 findings per keystroke before).
///
/// Derived from the other fields, so it takes no part in comparing evaluations.
#[derive(Clone, Debug, Default)]
pub(crate) struct Worded(pub std::sync::OnceLock<crate::art7_1::Said>);

impl PartialEq for Worded {
    fn eq(&self, _: &Worded) -> bool {
        true
    }
}

impl Eq for Worded {}

impl PersonEval {
    pub fn is_poverty_alleviated(&self) -> bool {
        matches!(
            self.status,
            PovertyStatus::Alleviated | PovertyStatus::Monitored
        )
    }
}

fn employed_on(p: &Person<'_>, date: NaiveDate) -> bool {
    p.stints
        .iter()
        .any(|s| s.start <= date && s.end.is_none_or(|e| e >= date))
}

/// Judges one roster row (`row` is 1-based, for the label of a nameless row); `None` for an
/// entirely blank row.
pub(crate) fn person(e: &Employee, row: usize, ctx: &Context) -> Option<PersonEval> {
    let mut errors = Vec::new();
    let p = person::read(e, row, ctx.date, ctx.today, &mut errors)?;
    let date = ctx.date;
    let employed = employed_on(&p, date);
    let child_labour = art7_5::child_labour(&p, ctx, &mut errors);

    let mut leaving = None;
    let mut joining = None;
    if employed {
        // Open-ended stints keep the person; only a dated end makes them leave.
        if !p.stints.iter().any(|s| s.start <= date && s.end.is_none()) {
            leaving = p
                .stints
                .iter()
                .filter(|s| s.start <= date)
                .filter_map(|s| s.end)
                .filter(|e| *e >= date)
                .max();
        }
    } else {
        joining = p
            .stints
            .iter()
            .filter(|s| s.start > date)
            .map(|s| s.start)
            .min();
    }

    let mut eval = PersonEval {
        key: p.key,
        label: std::sync::Arc::from(p.label.as_str()),
        status: p.status,
        id: p.id.as_ref().ok().map(|id| id.as_str().to_owned()),
        id_packed: p.id.as_ref().ok().map(crate::validate::IdNumber::packed),
        id_error: p.id.as_ref().err().cloned(),
        employed,
        unknown_employment: p.stints.is_empty() && !p.stint_gaps.is_empty(),
        child_labour,
        checks: None,
        check_list: std::sync::Arc::from(Vec::new()),
        employed_since: None,
        months_employed: None,
        seasonal_days: None,
        average_gross_fen: None,
        wage_months: std::sync::Arc::from(Vec::new()),
        leaving,
        joining,
        errors: Vec::new(),
        worded: Worded::default(),
    };
    if eval.child_labour.is_none() {
        // Everyone's employment and wage months are worked out (the packet's rosters and wage
        // tables print them for every person); only the poverty-alleviated are judged on them.
        let (c2, basis) = art7_2::check_person(&p, ctx);
        let wages = art7_3::check_person(&p, &basis.spans, ctx);
        eval.employed_since = basis.employed_since;
        eval.months_employed = basis.months;
        eval.seasonal_days = basis.seasonal_days;
        eval.average_gross_fen = wages.average_gross_fen;
        eval.wage_months = wages.months.into();
        if eval.is_poverty_alleviated() {
            let c4 = art7_4::check_person(&p, &basis.spans);
            // Only time is missing: 第（二）项 is reached on a known date, the wages are in order
            // (or none is due yet) and the cover as entered runs until then.
            let qualifies_on = c2.met_on.filter(|&on| {
                c2.status == Status::NotMet
                    && (wages.check.status == Status::Met || wages.check.awaiting)
                    && c4.status != Status::NotMet
                    && art7_4::covers_through(
                        &p,
                        basis.employed_since.unwrap_or(date).max(date),
                        on,
                    )
            });
            let mut checks = Checks {
                art7_2: c2,
                art7_3: wages.check,
                art7_4: c4,
                qualifies_on,
            };
            for c in [&mut checks.art7_2, &mut checks.art7_3, &mut checks.art7_4] {
                c.label(&eval.label);
            }
            eval.check_list = checks
                .each()
                .iter()
                .map(|(id, c)| (*id, c.status, c.reason.clone()))
                .collect();
            eval.checks = Some(checks);
        }
    } else {
        let periods = employment::merge(&p.stints);
        if let Some(cur) = employment::current(&periods, date) {
            eval.employed_since = Some(cur.start);
            eval.months_employed = Some(employment::whole_months(cur.start, date));
        }
    }
    eval.errors = errors.into_iter().map(std::sync::Arc::new).collect();
    Some(eval)
}

impl PersonEval {
    /// Problems with the person's own data, in Chinese, for the roster and the packet.
    pub fn problems(&self, duplicate_of: Option<&str>) -> Vec<String> {
        let mut out = Vec::new();
        match (&self.id_error, self.is_poverty_alleviated()) {
            (Some(IdError::Empty), true) => out.push("未填写身份证号码，不计入登记人数".to_owned()),
            (Some(IdError::Empty), false) | (None, _) => {}
            (Some(e), _) => out.push(format!("{e}（不计入登记人数）")),
        }
        if let Some(c) = &self.child_labour {
            out.push(c.reason.clone());
        }
        if let Some(other) = duplicate_of {
            out.push(format!("身份证号码与“{other}”重复，不重复计入"));
        }
        if self.status == PovertyStatus::Unspecified {
            out.push("未选择人员类别".to_owned());
        }
        out
    }
}
