//! Articles 6 and 7 of 《内蒙古自治区就业帮扶车间管理办法》 (内乡振字〔2022〕17号), as code.
//!
//! Placeholder API; the implementation lands with the eligibility-engine issue.

pub mod calendar;
pub mod finding;
pub mod path;
pub mod sample;
pub mod validate;
pub mod wage_table;

pub use finding::*;

use bangfu_model::Draft;
use chrono::NaiveDate;

/// Assesses a draft on its assessment date (or `today` when that is empty or unreadable).
pub fn assess(draft: &Draft, today: NaiveDate) -> Assessment {
    let _ = draft;
    let findings = CriterionId::ALL
        .iter()
        .map(|&criterion| Finding {
            criterion,
            status: Status::Incomplete,
            summary: "尚未评估".into(),
            actual: String::new(),
            required: String::new(),
            shortfall: String::new(),
            method: String::new(),
            missing: vec![],
            people: vec![],
        })
        .collect();
    Assessment {
        date: today,
        overall: Status::Incomplete,
        findings,
        employees: vec![],
        registered: 0,
        qualifying: 0,
        total_workforce: 0,
        earliest_qualifying_date: None,
        field_errors: vec![],
    }
}
