//! One roster row read into checked values: identity, stints (periods of employment under an
//! agreement), insurance periods and wage months.
//!
//! Interpretations:
//! - A stint's last day is the earlier of its leave date (离职日期) and its agreement end
//!   (协议终止日期). An agreement that ended before the assessment date without a leave date is
//!   treated as ended on that date, with a warning: the regulation asks for an agreement covering
//!   the employment (第七条第（二）项), and a renewal should be entered as a new stint.
//! - A date that cannot be read is reported at its field and makes the stint, cover or month
//!   undecidable (never silently dropped).
//! - 工资发放方式 and 银行卡号 are only checked at their fields ([`pay_fields`]): the regulation
//!   does not prescribe how wages are paid, so they never change a finding.

use super::fast;
use super::wages::{self, MonthRec};
use super::Typed;
use crate::finding::FieldError;
use crate::path;
use crate::validate::{check_account, parse_id_number, IdError, IdNumber};
use bangfu_model::text::ParseError;
use bangfu_model::{
    AgreementType, Employee, EmploymentForm, InsuranceKind, PayMethod, PovertyStatus,
};
use chrono::NaiveDate;

/// One period of employment under one agreement, with readable dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct StintRec {
    pub index: usize,
    pub form: EmploymentForm,
    pub agreement: AgreementType,
    pub start: NaiveDate,
    /// Last day employed: the earlier of `leave` and `agreement_end`; `None` = open-ended.
    pub end: Option<NaiveDate>,
}

/// One insurance period with readable dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CoverRec {
    pub kind: InsuranceKind,
    pub start: NaiveDate,
    /// `None` = still covered.
    pub end: Option<NaiveDate>,
}

/// One roster row, read.
#[derive(Debug)]
pub(crate) struct Person<'a> {
    pub key: u32,
    /// The name as typed, or "第3行（未填姓名）".
    pub label: String,
    pub employee: &'a Employee,
    pub status: PovertyStatus,
    pub id: Result<IdNumber, IdError>,
    pub stints: Vec<StintRec>,
    /// Stint fields that are missing or unreadable, named for `Finding::missing`.
    pub stint_gaps: Vec<String>,
    pub covers: Vec<CoverRec>,
    /// A row says 无 (no insurance).
    pub declared_uninsured: bool,
    pub cover_gaps: Vec<String>,
    /// Wage records by month (several records of one month are combined), oldest first.
    pub wages: Vec<MonthRec>,
    /// Wage records whose month is missing or unreadable.
    pub wage_gaps: Vec<String>,
}

fn is_blank(e: &Employee) -> bool {
    e.name.trim().is_empty()
        && e.id_number.trim().is_empty()
        && e.poverty_status == PovertyStatus::Unspecified
        && e.phone.trim().is_empty()
        && e.post.trim().is_empty()
        && e.household_address.trim().is_empty()
        && e.pay_method == PayMethod::Unspecified
        && e.bank_account.trim().is_empty()
        && e.stints.iter().all(|s| {
            s.start.trim().is_empty()
                && s.end.trim().is_empty()
                && s.leave_date.trim().is_empty()
                && s.employment_form == EmploymentForm::Unspecified
                && s.agreement_type == AgreementType::Unspecified
        })
        && e.insurance.is_empty()
        && e.wages.is_empty()
}

/// Checks 工资发放方式 and 银行卡号 of one person, at their fields only (the 工资发放明细表 prints
/// them; no criterion reads them):
/// - a typed account must be 10-25 digits once spaces and hyphens are removed (an error);
/// - 银行代发 without an account is a warning: the table would print the method alone;
/// - an account without a method is fine: the packet prints it as 银行代发.
pub(crate) fn pay_fields(e: &Employee, errors: &mut Vec<FieldError>) {
    match check_account(&e.bank_account) {
        Err(err) => errors.push(FieldError {
            path: path::employee(e.key, "bank_account"),
            message: err.to_string(),
            warning: false,
        }),
        Ok(0) if e.pay_method == PayMethod::BankTransfer => errors.push(FieldError {
            path: path::employee(e.key, "bank_account"),
            message: "选择银行代发时请填写银行卡号，工资发放明细表中将显示为空".into(),
            warning: true,
        }),
        Ok(_) => {}
    }
}

/// A value the import guessed (「临时工」 read as 季节性) is pointed out at its field until the
/// user confirms it: the app must not pass a guess off as what the spreadsheet said.
fn guesses(e: &Employee, errors: &mut Vec<FieldError>) {
    for g in &e.guesses {
        errors.push(FieldError {
            path: path::employee(e.key, &g.field),
            message: format!(
                "导入时由表格中的「{}」推断而来，请核对；无误请点「确认」",
                g.typed.trim()
            ),
            warning: true,
        });
    }
}

/// Reads an optional date field: empty → `Empty`; unreadable → `Bad` with a message at `path`.
pub(crate) fn optional_date(
    s: &str,
    path: impl FnOnce() -> String,
    errors: &mut Vec<FieldError>,
) -> Typed<NaiveDate> {
    match fast::date(s) {
        Ok(d) => Typed::Value(d),
        Err(ParseError::Empty) => Typed::Empty,
        Err(e) => {
            errors.push(FieldError {
                path: path(),
                message: e.to_string(),
                warning: false,
            });
            Typed::Bad
        }
    }
}

/// "第2段用工的" when the person has several stints, else "".
fn nth(what: &str, index: usize, count: usize) -> String {
    if count > 1 {
        format!("第{}{what}的", index + 1)
    } else {
        String::new()
    }
}

/// Reads one roster row; `None` when the row is entirely blank. `row` is 1-based.
pub(crate) fn read<'a>(
    e: &'a Employee,
    row: usize,
    date: NaiveDate,
    today: NaiveDate,
    errors: &mut Vec<FieldError>,
) -> Option<Person<'a>> {
    if is_blank(e) {
        return None;
    }
    let key = e.key;
    // Invisible characters pasted with a name (zero-width spaces, bidi marks) would hide the
    // person or reverse the rest of a message: the label leaves them out.
    let visible: String = e
        .name
        .chars()
        .filter(|c| !bangfu_model::text::is_invisible(*c))
        .collect();
    let label = match visible.trim() {
        "" => format!("第{row}行（未填姓名）"),
        name => name.to_owned(),
    };
    let id = parse_id_number(&e.id_number, today);
    if let Err(err) = &id {
        if *err != IdError::Empty {
            errors.push(FieldError {
                path: path::employee(key, "id_number"),
                message: err.to_string(),
                warning: false,
            });
        }
    }

    pay_fields(e, errors);
    guesses(e, errors);

    let mut stints = Vec::with_capacity(e.stints.len());
    let mut stint_gaps = Vec::new();
    let n = e.stints.len();
    for (i, s) in e.stints.iter().enumerate() {
        let which = nth("段用工", i, n);
        let start = optional_date(&s.start, || path::stint(key, i, "start"), errors);
        let agreement_end = optional_date(&s.end, || path::stint(key, i, "end"), errors);
        let leave = optional_date(&s.leave_date, || path::stint(key, i, "leave_date"), errors);
        let start = match start {
            Typed::Value(d) => d,
            Typed::Empty => {
                stint_gaps.push(format!("{which}协议起始日期（未填写）"));
                continue;
            }
            Typed::Bad => {
                stint_gaps.push(format!("{which}协议起始日期（无法识别）"));
                continue;
            }
        };
        if agreement_end == Typed::Bad {
            stint_gaps.push(format!("{which}协议终止日期（无法识别）"));
        }
        if leave == Typed::Bad {
            stint_gaps.push(format!("{which}离职日期（无法识别）"));
        }
        let mut ok = true;
        if let Typed::Value(end) = agreement_end {
            if end < start {
                errors.push(FieldError {
                    path: path::stint(key, i, "end"),
                    message: format!("协议终止日期早于起始日期（{start}）"),
                    warning: false,
                });
                stint_gaps.push(format!("{which}协议终止日期（早于起始日期）"));
                ok = false;
            }
        }
        if let Typed::Value(l) = leave {
            if l < start {
                errors.push(FieldError {
                    path: path::stint(key, i, "leave_date"),
                    message: format!("离职日期早于协议起始日期（{start}）"),
                    warning: false,
                });
                stint_gaps.push(format!("{which}离职日期（早于起始日期）"));
                ok = false;
            }
        }
        if !ok {
            continue;
        }
        let (agreement_end, leave) = (agreement_end.value(), leave.value());
        if let (Some(end), None) = (agreement_end, leave) {
            if end < date {
                errors.push(FieldError {
                    path: path::stint(key, i, "end"),
                    message: format!(
                        "协议已于 {end} 到期且未填写离职日期：按 {end} 结束用工计算；如已续签，请添加一段新的用工"
                    ),
                    warning: true,
                });
            }
        }
        let end = match (agreement_end, leave) {
            (Some(a), Some(l)) => Some(a.min(l)),
            (a, l) => a.or(l),
        };
        stints.push(StintRec {
            index: i,
            form: s.employment_form,
            agreement: s.agreement_type,
            start,
            end,
        });
    }
    bangfu_model::order::sort_by_key(&mut stints, |s| s.start);
    for w in stints.windows(2) {
        if let [a, b] = w {
            if a.end.is_none_or(|end| end >= b.start) {
                errors.push(FieldError {
                    path: path::stint(key, b.index, "start"),
                    message: format!("与第{}段用工的时间重叠，重叠部分只计一次", a.index + 1),
                    warning: true,
                });
            }
        }
    }

    let mut covers = Vec::new();
    let mut cover_gaps = Vec::new();
    let mut declared_uninsured = false;
    let n = e.insurance.len();
    for (i, c) in e.insurance.iter().enumerate() {
        let which = nth("条参保记录", i, n);
        let start = optional_date(&c.start, || path::insurance(key, i, "start"), errors);
        let end = optional_date(&c.end, || path::insurance(key, i, "end"), errors);
        match c.kind {
            InsuranceKind::NoInsurance => {
                declared_uninsured = true;
                continue;
            }
            InsuranceKind::Unspecified => {
                cover_gaps.push(format!("{which}参保类型（未选择）"));
                continue;
            }
            InsuranceKind::WorkInjury | InsuranceKind::Accident => {}
        }
        let start = match start {
            Typed::Value(d) => d,
            Typed::Empty => {
                cover_gaps.push(format!("{which}参保起始日期（未填写）"));
                continue;
            }
            Typed::Bad => {
                cover_gaps.push(format!("{which}参保起始日期（无法识别）"));
                continue;
            }
        };
        let end = match end {
            Typed::Bad => {
                cover_gaps.push(format!("{which}参保终止日期（无法识别）"));
                continue;
            }
            Typed::Value(e) if e < start => {
                errors.push(FieldError {
                    path: path::insurance(key, i, "end"),
                    message: format!("参保终止日期早于起始日期（{start}）"),
                    warning: false,
                });
                cover_gaps.push(format!("{which}参保终止日期（早于起始日期）"));
                continue;
            }
            other => other.value(),
        };
        covers.push(CoverRec {
            kind: c.kind,
            start,
            end,
        });
    }
    bangfu_model::order::sort_by_key(&mut covers, |c| c.start);

    let (wages, wage_gaps) = wages::read(key, &e.wages, date, errors);
    Some(Person {
        key,
        label,
        employee: e,
        status: e.poverty_status,
        id,
        stints,
        stint_gaps,
        covers,
        declared_uninsured,
        cover_gaps,
        wages,
        wage_gaps,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pay_method_and_bank_account_messages_at_the_field() {
        use PayMethod::*;
        let nine = "1".repeat(9);
        let twenty_six = "1".repeat(26);
        // Method, account, and the message expected at employee.7.bank_account with whether it
        // is a warning.
        type Case<'a> = (PayMethod, &'a str, Option<(&'a str, bool)>);
        let cases: [Case; 12] = [
            (Unspecified, "", None),
            (BankTransfer, "6222 0212 3456 7890 123", None),
            (BankTransfer, "6222-0212-3456-7890-123", None),
            (BankTransfer, "1234567890", None),
            (BankTransfer, &"1".repeat(25), None),
            // The packet prints an account without a method as 银行代发: nothing to say.
            (Unspecified, "6222021234567890123", None),
            (Cash, "", None),
            (Other, "", None),
            (
                BankTransfer,
                "  ",
                Some((
                    "选择银行代发时请填写银行卡号，工资发放明细表中将显示为空",
                    true,
                )),
            ),
            (
                Cash,
                &nine,
                Some(("银行卡号应为 10–25 位数字，当前 9 位", false)),
            ),
            (
                BankTransfer,
                &twenty_six,
                Some(("银行卡号应为 10–25 位数字，当前 26 位", false)),
            ),
            (
                BankTransfer,
                "6222 O212 3456",
                Some(("银行卡号只能包含数字，当前含有“O”", false)),
            ),
        ];
        for (method, account, want) in cases {
            let e = Employee {
                key: 7,
                pay_method: method,
                bank_account: account.into(),
                ..Employee::default()
            };
            let mut errors = Vec::new();
            pay_fields(&e, &mut errors);
            let got: Vec<(&str, bool)> = errors
                .iter()
                .map(|f| {
                    assert_eq!(f.path, "employee.7.bank_account");
                    (f.message.as_str(), f.warning)
                })
                .collect();
            assert_eq!(
                got,
                want.into_iter().collect::<Vec<_>>(),
                "{method:?} {account:?}"
            );
        }
    }

    #[test]
    fn a_row_with_only_pay_method_or_bank_account_is_not_blank() {
        let date = NaiveDate::from_ymd_opt(2026, 6, 20).unwrap_or_default();
        let blank = Employee {
            key: 3,
            stints: vec![bangfu_model::Stint::default()],
            ..Employee::default()
        };
        let mut errors = Vec::new();
        assert!(read(&blank, 3, date, date, &mut errors).is_none());
        let method = Employee {
            pay_method: PayMethod::Cash,
            ..blank.clone()
        };
        let account = Employee {
            bank_account: "6222021234567890123".into(),
            ..blank.clone()
        };
        for e in [method, account] {
            let p = read(&e, 3, date, date, &mut errors);
            assert_eq!(p.map(|p| p.label), Some("第3行（未填姓名）".to_owned()));
        }
        assert!(errors.is_empty(), "{errors:?}");
    }
}
