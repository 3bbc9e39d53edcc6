//! Forward migrations of stored drafts, one schema version at a time, on raw JSON.
//!
//! Migrations work on `serde_json::Value` so that they never depend on today's Rust types: each
//! step knows exactly the shape it reads and the shape it writes. Add a step by writing
//! `vN_to_vN+1`, appending it to [`forward`] and bumping [`crate::envelope::SCHEMA_VERSION`].
//!
//! History:
//! - v1 (pre-release prototype): one agreement and one insurance period per employee, as flat
//!   fields `employment_form`, `agreement_type`, `agreement_start`, `agreement_end`, `leave_date`,
//!   `insurance_kind`, `insurance_start`, `insurance_end` on the employee.
//! - v2: several stints (`stints[]`) and insurance periods (`insurance[]`) per employee, because
//!   seasonal workers come back each year under a new agreement.
//! - v3: `settings.seasonal_min_days` is the text as typed (a string) instead of a number, so that
//!   a value the rules cannot read is kept and shown at its field rather than refused by the form.

use serde_json::{Map, Value};

/// Migrates an envelope from `version` to the current schema.
///
/// # Errors
/// A Chinese description of what was wrong when the old shape is not what that version wrote.
pub fn forward(mut envelope: Value, version: u32) -> Result<Value, String> {
    let mut v = version;
    if v == 1 {
        envelope = v1_to_v2(envelope)?;
        v = 2;
    }
    if v == 2 {
        envelope = v2_to_v3(envelope);
        v = 3;
    }
    if let Some(obj) = envelope.as_object_mut() {
        obj.insert("schema_version".into(), Value::from(v));
    }
    Ok(envelope)
}

fn v2_to_v3(mut envelope: Value) -> Value {
    let days = envelope
        .get_mut("draft")
        .and_then(|d| d.get_mut("settings"))
        .and_then(|s| s.get_mut("seasonal_min_days"));
    if let Some(days) = days {
        if let Some(n) = days.as_u64() {
            *days = Value::String(n.to_string());
        }
    }
    envelope
}

fn v1_to_v2(mut envelope: Value) -> Result<Value, String> {
    let employees = envelope
        .get_mut("draft")
        .and_then(|d| d.get_mut("employees"))
        .and_then(Value::as_array_mut);
    let Some(employees) = employees else {
        return Ok(envelope); // no employees: nothing to move
    };
    for (i, emp) in employees.iter_mut().enumerate() {
        let obj = emp
            .as_object_mut()
            .ok_or_else(|| format!("第 {} 名员工的记录格式不对", i + 1))?;
        let mut stint = Map::new();
        for (old, new) in [
            ("employment_form", "employment_form"),
            ("agreement_type", "agreement_type"),
            ("agreement_start", "start"),
            ("agreement_end", "end"),
            ("leave_date", "leave_date"),
        ] {
            if let Some(v) = obj.remove(old) {
                stint.insert(new.into(), v);
            }
        }
        obj.insert("stints".into(), Value::Array(vec![Value::Object(stint)]));
        let mut cover = Map::new();
        for (old, new) in [
            ("insurance_kind", "kind"),
            ("insurance_start", "start"),
            ("insurance_end", "end"),
        ] {
            if let Some(v) = obj.remove(old) {
                cover.insert(new.into(), v);
            }
        }
        let insurance = if cover.is_empty() {
            vec![]
        } else {
            vec![Value::Object(cover)]
        };
        obj.insert("insurance".into(), Value::Array(insurance));
    }
    Ok(envelope)
}

#[cfg(test)]
mod tests {
    use crate::draft::{AgreementType, EmploymentForm, InsuranceKind};
    use crate::envelope::{read, SCHEMA_VERSION};

    const V1: &str = r#"{
        "format": "bangfu-draft", "schema_version": 1, "saved_at": "2026-06-01T00:00:00Z",
        "draft": {
            "applicant": {"name": "某服装加工厂", "credit_code": "91150100MA0000000X"},
            "employees": [
                {"key": 1, "name": "王五", "id_number": "11010519491231002X",
                 "poverty_status": "alleviated", "employment_form": "seasonal",
                 "agreement_type": "labour_agreement", "agreement_start": "2026-03-01",
                 "agreement_end": "2026-06-30", "leave_date": "",
                 "insurance_kind": "accident", "insurance_start": "2026-03-01", "insurance_end": "2026-06-30",
                 "wages": [{"month": "2026-03", "gross": "2300", "paid_date": "2026-04-10"}]},
                {"key": 2, "name": "赵六"}
            ]
        }
    }"#;

    #[test]
    fn v1_single_agreement_becomes_one_stint() {
        let env = read(V1).unwrap();
        assert_eq!(env.schema_version, SCHEMA_VERSION);
        assert_eq!(env.draft.applicant.name, "某服装加工厂");
        let wang = &env.draft.employees[0];
        assert_eq!(wang.stints.len(), 1);
        let s = &wang.stints[0];
        assert_eq!(s.employment_form, EmploymentForm::Seasonal);
        assert_eq!(s.agreement_type, AgreementType::LabourAgreement);
        assert_eq!(
            (s.start.as_str(), s.end.as_str()),
            ("2026-03-01", "2026-06-30")
        );
        assert_eq!(wang.insurance.len(), 1);
        assert_eq!(wang.insurance[0].kind, InsuranceKind::Accident);
        assert_eq!(wang.wages[0].gross, "2300");
        // An employee with nothing to move still gets a (blank) stint and no insurance.
        let zhao = &env.draft.employees[1];
        assert_eq!(zhao.stints.len(), 1);
        assert!(zhao.insurance.is_empty());
    }

    #[test]
    fn v2_seasonal_days_number_becomes_the_typed_text() {
        let text = r#"{"format":"bangfu-draft","schema_version":2,
            "draft":{"settings":{"seasonal_min_days":120,"seasonal_period":"calendar_year"}}}"#;
        let env = read(text).unwrap();
        assert_eq!(env.schema_version, SCHEMA_VERSION);
        assert_eq!(env.draft.settings.seasonal_min_days, "120");
        // Settings added since keep their defaults.
        assert!(env.draft.settings.attendance_prorating);
    }

    #[test]
    fn v1_with_a_non_object_employee_is_damaged() {
        let text = r#"{"format":"bangfu-draft","schema_version":1,"draft":{"employees":[3]}}"#;
        assert!(read(text).is_err());
    }
}
