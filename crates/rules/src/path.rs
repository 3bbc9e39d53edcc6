//! Field paths: how a [`crate::FieldError`] names the input it belongs to.
//!
//! The UI gives every input the same path (as `data-field`) and shows the messages whose path
//! matches. Employees are addressed by their stable `key`, not their position, so that a message
//! stays on the right row while the roster is edited.

/// `applicant.<field>`, e.g. `applicant.credit_code`.
pub fn applicant(field: &str) -> String {
    format!("applicant.{field}")
}

/// `site.<field>`, e.g. `site.county_code`.
pub fn site(field: &str) -> String {
    format!("site.{field}")
}

/// `employee.<key>.<field>`, e.g. `employee.3.id_number`.
pub fn employee(key: u32, field: &str) -> String {
    format!("employee.{key}.{field}")
}

/// `employee.<key>.stint.<index>.<field>`.
pub fn stint(key: u32, index: usize, field: &str) -> String {
    format!("employee.{key}.stint.{index}.{field}")
}

/// `employee.<key>.insurance.<index>.<field>`.
pub fn insurance(key: u32, index: usize, field: &str) -> String {
    format!("employee.{key}.insurance.{index}.{field}")
}

/// `employee.<key>.wage.<index>.<field>`.
pub fn wage(key: u32, index: usize, field: &str) -> String {
    format!("employee.{key}.wage.{index}.{field}")
}

/// A top-level draft field: `pay_day`, `assessment_date`.
pub fn top(field: &str) -> String {
    field.to_owned()
}

/// `extra_holidays.<index>`: one holiday schedule the user added.
pub fn extra_holiday(index: usize) -> String {
    format!("extra_holidays.{index}")
}

/// `settings.<field>`, e.g. `settings.seasonal_min_days`.
pub fn settings(field: &str) -> String {
    format!("settings.{field}")
}

/// `rules.<field>`, e.g. `rules.safety`.
pub fn rules(field: &str) -> String {
    format!("rules.{field}")
}

/// `declarations.<field>`, e.g. `declarations.lawful_operation`.
pub fn declarations(field: &str) -> String {
    format!("declarations.{field}")
}
