//! One module per step of the form.

pub mod applicant;
pub mod declarations;
pub mod employees;
pub mod holidays;
pub mod import;
pub mod insurance;
pub mod payroll_grid;
pub mod picker;
pub mod results;
pub mod site;
pub mod start;
pub mod timeline;
pub mod wages;

use crate::state::Step;
use leptos::prelude::*;

/// The view of one step.
pub fn view_of(step: Step) -> AnyView {
    match step {
        Step::Applicant => applicant::ApplicantStep().into_any(),
        Step::Site => site::SiteStep().into_any(),
        Step::Employees => employees::EmployeesStep().into_any(),
        Step::Wages => wages::WagesStep().into_any(),
        Step::Insurance => insurance::InsuranceStep().into_any(),
        Step::Declarations => declarations::DeclarationsStep().into_any(),
        Step::Results => results::ResultsStep().into_any(),
    }
}
