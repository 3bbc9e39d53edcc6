//! Merging what a file says about a person or a month of pay into what the draft already has,
//! listing every field that changes from what to what.
//!
//! The rules, so that nothing already entered is lost or silently overwritten:
//! - a blank cell never erases a value (to clear a field, clear it in the app);
//! - values are compared by meaning, not spelling: `2026/3/1` typed in the app and `2026-03-01`
//!   from a file are the same date, `2,270` and `2270.00` the same amount; the typed spelling is
//!   then kept;
//! - a stint or insurance period is the same one when its start date is; others are added, and
//!   none is removed;
//! - a wage month is the same when its month is.
//!
//! The same functions compute the preview and [`crate::apply`], so what is shown is what happens.

use crate::records::RowRef;
use crate::value::month_key;
use bangfu_model::text;
use bangfu_model::{Choice, Employee, InsurancePeriod, PayMethod, PovertyStatus, Stint, WageMonth};
use bangfu_rules::validate::account_digits;
use bangfu_rules::validate::id_card::normalize_id;

/// One field that an import changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    /// What changes, in Chinese: "岗位", "用工时段（2026-03-01 起）协议终止日期", "2026-03 应发工资".
    pub field: String,
    /// The value now in the draft, as typed ("" when blank).
    pub before: String,
    /// The value after the import.
    pub after: String,
}

/// 「岗位：缝纫工 → 质检员」, as the import preview lists a change to a wage month.
impl std::fmt::Display for FieldChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}：{} → {}", self.field, self.before, self.after)
    }
}

/// Everything the import says about one person (all their rows together).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonRecord {
    pub rows: Vec<RowRef>,
    pub name: String,
    /// Canonical (see [`normalize_id`]).
    pub id_number: String,
    pub poverty_status: PovertyStatus,
    pub post: String,
    pub phone: String,
    pub household_address: String,
    pub pay_method: PayMethod,
    pub bank_account: String,
    pub stints: Vec<Stint>,
    pub insurance: Vec<InsurancePeriod>,
    /// Choices read from another word than their label, with the field each is about.
    pub guesses: Vec<crate::guess::Guessed>,
}

#[derive(Clone, Copy)]
pub(crate) enum Kind {
    Text,
    /// 身份证号: compared by [`normalize_id`] (a typed lower-case `x`, a space or a hyphen do not
    /// make another number).
    Id,
    /// 银行卡号: compared by its digits (`6222 0212 …` typed in the app and `62220212…` from a
    /// file are the same card).
    Account,
    Date,
    Money,
    Quantity,
}

pub(crate) fn same(kind: Kind, a: &str, b: &str) -> bool {
    // Identical text is the common case (re-importing canonical values); skip the parsing.
    if a == b {
        return true;
    }
    let meaning = match kind {
        Kind::Text => None,
        Kind::Id => Some(normalize_id(a) == normalize_id(b)),
        Kind::Account => {
            let (x, y) = (account_digits(a), account_digits(b));
            // Only when both have digits: a number of letters alone is compared as text.
            (!x.is_empty() && !y.is_empty()).then(|| x == y)
        }
        Kind::Date => text::parse_date(a)
            .ok()
            .zip(text::parse_date(b).ok())
            .map(|(x, y)| x == y),
        Kind::Money => text::parse_money_fen(a)
            .ok()
            .zip(text::parse_money_fen(b).ok())
            .map(|(x, y)| x == y),
        Kind::Quantity => text::parse_hundredths(a)
            .ok()
            .zip(text::parse_hundredths(b).ok())
            .map(|(x, y)| x == y),
    };
    meaning.unwrap_or_else(|| text::normalize(a) == text::normalize(b))
}

/// Whether two typed 银行卡号 are the same card (same digits, whatever the grouping).
pub(crate) fn same_account(a: &str, b: &str) -> bool {
    same(Kind::Account, a, b)
}

/// Sets `target` to `incoming` unless that is blank or means the same; records the change.
fn field(
    target: &mut String,
    incoming: &str,
    kind: Kind,
    label: impl FnOnce() -> String,
    changes: &mut Vec<FieldChange>,
) {
    if incoming.is_empty() || same(kind, target, incoming) {
        return;
    }
    changes.push(FieldChange {
        field: label(),
        before: target.clone(),
        after: incoming.to_owned(),
    });
    *target = incoming.to_owned();
}

fn choice<T: Choice>(
    target: &mut T,
    incoming: T,
    label: impl FnOnce() -> String,
    changes: &mut Vec<FieldChange>,
) {
    if incoming == T::ALL[0] || incoming == *target {
        return;
    }
    changes.push(FieldChange {
        field: label(),
        before: choice_label(*target).to_owned(),
        after: incoming.label().to_owned(),
    });
    *target = incoming;
}

/// The label, or "" for "not chosen".
pub fn choice_label<T: Choice>(v: T) -> &'static str {
    if v == T::ALL[0] {
        ""
    } else {
        v.label()
    }
}

fn stint_is_blank(s: &Stint) -> bool {
    *s == Stint::default()
}

/// "2026-03-01 至 2026-10-31，季节性，劳务协议".
pub fn describe_stint(s: &Stint) -> String {
    let mut parts = Vec::new();
    let span = match (s.start.as_str(), s.end.as_str()) {
        ("", "") => String::new(),
        (a, "") => format!("{a} 起"),
        ("", b) => format!("至 {b}"),
        (a, b) => format!("{a} 至 {b}"),
    };
    for p in [
        span,
        choice_label(s.employment_form).to_owned(),
        choice_label(s.agreement_type).to_owned(),
    ] {
        if !p.is_empty() {
            parts.push(p);
        }
    }
    if !s.leave_date.is_empty() {
        parts.push(format!("{} 离职", s.leave_date));
    }
    parts.join("，")
}

/// "工伤保险，2026-03-01 起".
pub fn describe_insurance(p: &InsurancePeriod) -> String {
    let span = match (p.start.as_str(), p.end.as_str()) {
        ("", "") => String::new(),
        (a, "") => format!("{a} 起"),
        ("", b) => format!("至 {b}"),
        (a, b) => format!("{a} 至 {b}"),
    };
    [choice_label(p.kind).to_owned(), span]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("，")
}

/// The index of the entry `incoming` updates: same start date, else the first one whose start is
/// still blank (the import fills it in).
fn find_by_start<'a>(
    starts: impl Iterator<Item = &'a str> + Clone,
    used: &[bool],
    incoming_start: &str,
) -> Option<usize> {
    if !incoming_start.is_empty() {
        if let Some(i) = starts.clone().enumerate().position(|(i, s)| {
            !used[i] && !s.trim().is_empty() && same(Kind::Date, s, incoming_start)
        }) {
            return Some(i);
        }
    }
    starts
        .enumerate()
        .position(|(i, s)| !used[i] && s.trim().is_empty())
}

/// A new employee from an import record.
pub fn new_employee(rec: &PersonRecord, key: u32) -> Employee {
    Employee {
        unknown: Default::default(),
        key,
        name: rec.name.clone(),
        id_number: rec.id_number.clone(),
        poverty_status: rec.poverty_status,
        phone: rec.phone.clone(),
        post: rec.post.clone(),
        household_address: rec.household_address.clone(),
        pay_method: rec.pay_method,
        bank_account: rec.bank_account.clone(),
        stints: if rec.stints.is_empty() {
            vec![Stint::default()]
        } else {
            rec.stints.clone()
        },
        insurance: rec.insurance.clone(),
        wages: Vec::new(),
        guesses: Vec::new(),
    }
}

/// `existing` updated with `rec`, and the list of changes (empty: nothing to do).
pub fn merge_person(existing: &Employee, rec: &PersonRecord) -> (Employee, Vec<FieldChange>) {
    let mut e = existing.clone();
    let mut ch = Vec::new();
    field(
        &mut e.name,
        &rec.name,
        Kind::Text,
        || "姓名".into(),
        &mut ch,
    );
    field(
        &mut e.id_number,
        &rec.id_number,
        Kind::Id,
        || "身份证号".into(),
        &mut ch,
    );
    choice(
        &mut e.poverty_status,
        rec.poverty_status,
        || "人员类别".into(),
        &mut ch,
    );
    field(
        &mut e.post,
        &rec.post,
        Kind::Text,
        || "岗位".into(),
        &mut ch,
    );
    field(
        &mut e.phone,
        &rec.phone,
        Kind::Text,
        || "联系电话".into(),
        &mut ch,
    );
    field(
        &mut e.household_address,
        &rec.household_address,
        Kind::Text,
        || "户籍地".into(),
        &mut ch,
    );
    choice(
        &mut e.pay_method,
        rec.pay_method,
        || "发放方式".into(),
        &mut ch,
    );
    field(
        &mut e.bank_account,
        &rec.bank_account,
        Kind::Account,
        || "银行卡号".into(),
        &mut ch,
    );

    let mut used = vec![false; e.stints.len()];
    for s in &rec.stints {
        let found = find_by_start(e.stints.iter().map(|x| x.start.as_str()), &used, &s.start);
        match found {
            Some(i) if !stint_is_blank(&e.stints[i]) => {
                used[i] = true;
                let t = &mut e.stints[i];
                let at = if t.start.is_empty() {
                    s.start.clone()
                } else {
                    t.start.clone()
                };
                let label = |f: &str| format!("用工时段（{at} 起）{f}");
                choice(
                    &mut t.employment_form,
                    s.employment_form,
                    || label("用工形式"),
                    &mut ch,
                );
                choice(
                    &mut t.agreement_type,
                    s.agreement_type,
                    || label("协议类型"),
                    &mut ch,
                );
                field(
                    &mut t.start,
                    &s.start,
                    Kind::Date,
                    || label("协议起始日期"),
                    &mut ch,
                );
                field(
                    &mut t.end,
                    &s.end,
                    Kind::Date,
                    || label("协议终止日期"),
                    &mut ch,
                );
                field(
                    &mut t.leave_date,
                    &s.leave_date,
                    Kind::Date,
                    || label("离职日期"),
                    &mut ch,
                );
            }
            _ => {
                ch.push(FieldChange {
                    field: "新增用工时段".into(),
                    before: String::new(),
                    after: describe_stint(s),
                });
                e.stints.push(s.clone());
                used.push(true);
            }
        }
    }
    // The empty stint a new person starts with in the app is replaced by the imported ones.
    if e.stints.iter().any(|s| !stint_is_blank(s)) {
        e.stints.retain(|s| !stint_is_blank(s));
    }

    let mut used = vec![false; e.insurance.len()];
    for p in &rec.insurance {
        let found = find_by_start(
            e.insurance.iter().map(|x| x.start.as_str()),
            &used,
            &p.start,
        );
        match found {
            Some(i) if e.insurance[i] != InsurancePeriod::default() => {
                used[i] = true;
                let t = &mut e.insurance[i];
                let at = if t.start.is_empty() {
                    p.start.clone()
                } else {
                    t.start.clone()
                };
                let label = |f: &str| format!("参保（{at} 起）{f}");
                choice(&mut t.kind, p.kind, || label("参保类型"), &mut ch);
                field(
                    &mut t.start,
                    &p.start,
                    Kind::Date,
                    || label("参保起始日期"),
                    &mut ch,
                );
                field(
                    &mut t.end,
                    &p.end,
                    Kind::Date,
                    || label("参保终止日期"),
                    &mut ch,
                );
            }
            _ => {
                ch.push(FieldChange {
                    field: "新增参保记录".into(),
                    before: String::new(),
                    after: describe_insurance(p),
                });
                e.insurance.push(p.clone());
                used.push(true);
            }
        }
    }
    if e.insurance.iter().any(|p| *p != InsurancePeriod::default()) {
        e.insurance.retain(|p| *p != InsurancePeriod::default());
    }
    (e, ch)
}

/// `existing` (a month already in the draft, or `None`) updated with `incoming`; the changes
/// are empty when nothing differs.
pub fn merge_wage(
    existing: Option<&WageMonth>,
    incoming: &WageMonth,
) -> (WageMonth, Vec<FieldChange>) {
    let Some(w) = existing else {
        return (incoming.clone(), Vec::new());
    };
    let mut w = w.clone();
    let mut ch = Vec::new();
    let m = month_key(&incoming.month);
    let label = |f: &str| format!("{m} {f}");
    field(
        &mut w.days_worked,
        &incoming.days_worked,
        Kind::Quantity,
        || label("出勤天数"),
        &mut ch,
    );
    field(
        &mut w.hours,
        &incoming.hours,
        Kind::Quantity,
        || label("工时"),
        &mut ch,
    );
    field(
        &mut w.gross,
        &incoming.gross,
        Kind::Money,
        || label("应发工资"),
        &mut ch,
    );
    field(
        &mut w.deductions,
        &incoming.deductions,
        Kind::Money,
        || label("代扣个人社保"),
        &mut ch,
    );
    field(
        &mut w.net,
        &incoming.net,
        Kind::Money,
        || label("实发工资"),
        &mut ch,
    );
    field(
        &mut w.paid_date,
        &incoming.paid_date,
        Kind::Date,
        || label("发放日期"),
        &mut ch,
    );
    (w, ch)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bangfu_model::{AgreementType, EmploymentForm, InsuranceKind};

    fn lines(changes: &[FieldChange]) -> Vec<String> {
        changes
            .iter()
            .map(|c| format!("{}: {} → {}", c.field, c.before, c.after))
            .collect()
    }

    fn rec() -> PersonRecord {
        PersonRecord {
            rows: vec![],
            name: "张三".into(),
            id_number: "11010519491231002X".into(),
            poverty_status: PovertyStatus::Alleviated,
            post: "缝纫工".into(),
            phone: String::new(),
            household_address: String::new(),
            pay_method: PayMethod::Unspecified,
            bank_account: String::new(),
            stints: vec![Stint {
                unknown: Default::default(),
                employment_form: EmploymentForm::FullTime,
                agreement_type: AgreementType::EmploymentContract,
                start: "2026-03-01".into(),
                end: "2027-02-28".into(),
                leave_date: String::new(),
            }],
            insurance: vec![],
            guesses: vec![],
        }
    }

    #[test]
    fn same_meaning_in_another_spelling_is_not_a_change() {
        let mut e = new_employee(&rec(), 7);
        e.stints[0].start = "2026/3/1".into();
        e.id_number = "11010519491231002x".into();
        e.phone = "13800000000".into();
        let (after, changes) = merge_person(&e, &rec());
        assert!(changes.is_empty(), "{changes:?}");
        assert_eq!(after.stints[0].start, "2026/3/1", "typed spelling kept");
        assert_eq!(after.id_number, "11010519491231002x");
        assert_eq!(after.phone, "13800000000", "blank cell does not erase");
    }

    #[test]
    fn every_change_is_listed_from_what_to_what() {
        let e = new_employee(&rec(), 7);
        let mut r = rec();
        r.post = "质检员".into();
        r.stints[0].end = "2027-03-31".into();
        r.stints.push(Stint {
            start: "2027-06-01".into(),
            employment_form: EmploymentForm::Seasonal,
            ..Stint::default()
        });
        r.insurance.push(InsurancePeriod {
            unknown: Default::default(),
            kind: InsuranceKind::WorkInjury,
            start: "2026-03-01".into(),
            end: String::new(),
        });
        let (after, changes) = merge_person(&e, &r);
        let text = lines(&changes);
        assert_eq!(
            text,
            [
                "岗位: 缝纫工 → 质检员",
                "用工时段（2026-03-01 起）协议终止日期: 2027-02-28 → 2027-03-31",
                "新增用工时段:  → 2027-06-01 起，季节性",
                "新增参保记录:  → 工伤保险，2026-03-01 起",
            ]
        );
        assert_eq!(after.stints.len(), 2);
        assert_eq!(after.key, 7);
    }

    #[test]
    fn a_bank_account_in_another_grouping_is_the_same_card() {
        let mut e = new_employee(&rec(), 7);
        e.pay_method = PayMethod::BankTransfer;
        e.bank_account = "6222 0212 3456 7890 123".into();
        let mut r = rec();
        r.pay_method = PayMethod::BankTransfer;
        r.bank_account = "6222-0212-3456-7890-123".into();
        let (after, changes) = merge_person(&e, &r);
        assert!(changes.is_empty(), "{changes:?}");
        assert_eq!(
            after.bank_account, "6222 0212 3456 7890 123",
            "typed spelling kept"
        );

        r.pay_method = PayMethod::Cash;
        r.bank_account = "6228480000000000017".into();
        let (after, changes) = merge_person(&e, &r);
        let text = lines(&changes);
        assert_eq!(
            text,
            [
                "发放方式: 银行代发 → 现金",
                "银行卡号: 6222 0212 3456 7890 123 → 6228480000000000017",
            ]
        );
        assert_eq!(after.pay_method, PayMethod::Cash);
        // A blank cell erases nothing.
        let (_, changes) = merge_person(&e, &rec());
        assert!(changes.is_empty(), "{changes:?}");
    }

    #[test]
    fn the_empty_starting_stint_is_replaced() {
        let e = Employee {
            key: 1,
            id_number: "11010519491231002X".into(),
            stints: vec![Stint::default()],
            ..Employee::default()
        };
        let (after, _) = merge_person(&e, &rec());
        assert_eq!(after.stints, rec().stints);
    }

    #[test]
    fn wage_months_merge_by_meaning() {
        let old = WageMonth {
            month: "2026年3月".into(),
            gross: "2,270".into(),
            net: "2000".into(),
            ..WageMonth::default()
        };
        let new = WageMonth {
            month: "2026-03".into(),
            gross: "2270.00".into(),
            net: "2100.00".into(),
            paid_date: "2026-04-15".into(),
            ..WageMonth::default()
        };
        let (w, ch) = merge_wage(Some(&old), &new);
        assert_eq!(w.gross, "2,270");
        assert_eq!(w.net, "2100.00");
        let fields: Vec<&str> = ch.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["2026-03 实发工资", "2026-03 发放日期"]);
    }
}
