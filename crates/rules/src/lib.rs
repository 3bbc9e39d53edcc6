//! Articles 6 and 7 of 《内蒙古自治区就业帮扶车间管理办法》 (内乡振字〔2022〕17号), as code.
//!
//! [`assess`] turns a draft (everything as typed) into an [`Assessment`]: one [`Finding`] per
//! criterion, one [`EmployeeFinding`] per person, the counts of 第七条第（一）项, the earliest
//! date the workshop would qualify if only time is missing, and a [`FieldError`] for every value
//! that cannot be read. The UI, the PDF packet and the exports render these; none recomputes a
//! verdict.
//!
//! One criterion, one module: [`art6`], [`art7_1`] … [`art7_5`], each with its citation, title,
//! the regulation's text, evaluation, explanation and tests. A person is judged on their own
//! first (`evaluate`), then the roster as a whole ([`art7_1`]). Shared pieces:
//! [`declarations`] (the boxes the applicant ticks), [`validate`] (ID, USCC), [`calendar`]
//! (calendar months, working days), [`wage_table`] (minimum wages by county tier),
//! [`procedure`] (the 第八条 timeline), [`materials`] (the supporting materials and what each proves), [`sample`] (deterministic drafts for tests and benches).
//! Every interpretation is written in the module that makes it and in the finding's `method`.

pub mod art6;
pub mod art7_1;
pub mod art7_2;
pub mod art7_3;
pub mod art7_4;
pub mod art7_5;
mod assessor;
pub mod calendar;
pub mod declarations;
mod employment;
mod evaluate;
pub mod finding;
mod input;
pub mod materials;
pub mod path;
mod people;
pub mod procedure;
pub mod sample;
pub mod validate;
pub mod wage_table;
mod whatif;

pub use assessor::Assessor;
pub use finding::*;

use art7_1::Roster;
use bangfu_model::Draft;
use chrono::NaiveDate;
use evaluate::PersonEval;
use input::Context;

/// Assesses a draft on its assessment date (or `today` when that is empty or unreadable).
///
/// `today` is the date the screen shows (the browser's local date when the page computed it);
/// the packet and the exports are given the same one, so they never judge on another day.
///
/// # Examples
/// ```
/// use bangfu_rules::{assess, sample, Status};
/// let date = chrono::NaiveDate::from_ymd_opt(2026, 6, 20).unwrap();
/// let a = assess(&sample::qualifying_draft(8, 6, date), date);
/// assert_eq!((a.overall, a.total_workforce), (Status::Met, 8));
/// ```
pub fn assess(draft: &Draft, today: NaiveDate) -> Assessment {
    let mut errors = Vec::new();
    let ctx = context(draft, today, &mut errors);
    let evals: Vec<PersonEval> = draft
        .employees
        .iter()
        .enumerate()
        .filter_map(|(i, e)| evaluate::person(e, i + 1, &ctx))
        .collect();
    let refs: Vec<&PersonEval> = evals.iter().collect();
    aggregate(draft, &ctx, &refs, errors)
}

/// The assessment date and what every person is judged against, with messages for the
/// draft-level fields they come from.
pub(crate) fn context(draft: &Draft, today: NaiveDate, errors: &mut Vec<FieldError>) -> Context {
    let date = input::assessment_date(draft, today, errors);
    if !draft.extra_holidays.is_empty() {
        errors.extend(calendar::Calendar::for_draft(draft).1);
    }
    input::context(draft, date, today, errors)
}

/// The findings from every person's own evaluation: the roster as a whole, then each criterion.
pub(crate) fn aggregate(
    draft: &Draft,
    ctx: &Context,
    evals: &[&PersonEval],
    mut errors: Vec<FieldError>,
) -> Assessment {
    let date = ctx.date;
    let art6 = art6::assess(draft, date, &mut errors);
    // Everyone's own messages are shared with their kept evaluation (`Arc`), not copied: most
    // of a keystroke's messages are the ones of the people it did not touch.
    let mut field_errors: Vec<std::sync::Arc<FieldError>> =
        errors.drain(..).map(std::sync::Arc::new).collect();
    for e in evals {
        field_errors.extend(e.errors.iter().cloned());
    }
    let roster = Roster::new(evals, &mut errors);
    let art7_5 = art7_5::assess(draft, date, &roster.child_labour(), &mut errors);
    field_errors.extend(errors.into_iter().map(std::sync::Arc::new));
    let c = roster.counts;
    let need = art7_1::required(c.total);
    let art7_2 = art7_2::finding(&roster.rows(CriterionId::Art7_2), ctx, need, c.roster_empty);
    let art7_3 = art7_3::finding(&roster.rows(CriterionId::Art7_3), ctx, need, c.roster_empty);
    let art7_4 = art7_4::finding(&roster.rows(CriterionId::Art7_4), need, c.roster_empty);

    // What-if, then 第七条第（一）项 (its shortfall mentions the date).
    let others_met = art6.status == Status::Met && art7_5.status == Status::Met;
    let earliest = if art7_1::is_met(c.qualifying, c.total) || !others_met {
        None
    } else {
        whatif::earliest(roster.outlook(), c.qualifying, c.total)
    };
    let art7_1 = art7_1::finding(&roster, earliest);

    let findings = vec![art6, art7_1, art7_2, art7_3, art7_4, art7_5];
    let overall = Status::all(findings.iter().map(|f| f.status));
    Assessment {
        date,
        overall,
        findings,
        employees: roster.employee_findings(),
        registered: c.registered,
        qualifying: c.qualifying,
        total_workforce: c.total,
        required_qualifying: need,
        earliest_qualifying_date: if overall == Status::Met {
            None
        } else {
            earliest
        },
        field_errors,
    }
}

#[cfg(test)]
mod testkit;
#[cfg(test)]
mod tests;
