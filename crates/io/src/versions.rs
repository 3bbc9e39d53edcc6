//! What changed between two drafts of the same applicant: the list a township reviewer reads when
//! a newer file of an application arrives (people added and removed, fields and wage months
//! changed).
//!
//! It speaks the import's language: every change is a [`FieldChange`] ("岗位：缝纫工 → 质检员"),
//! values are compared by meaning as the import compares them (`2026/3/1` and `2026-03-01` are the
//! same date, `2,270` and `2270.00` the same amount). Unlike an import, a newer file is the whole
//! truth: a value cleared in it is a change (after = ""), and a person, stint or month it no longer
//! has is listed as removed.

use crate::merge::{choice_label, describe_insurance, describe_stint, same, FieldChange, Kind};
use crate::value::month_key;
use bangfu_model::{Choice, Draft, Employee, InsurancePeriod, Stint, WageMonth};
use bangfu_rules::validate::id_card::normalize_id;
use std::collections::HashMap;

/// Everything that differs between an older and a newer draft.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftChanges {
    /// 申请主体, 车间场所, 发薪日, 管理制度, 声明 and the other draft-level fields.
    pub fields: Vec<FieldChange>,
    /// People only the newer draft has: "姓名（身份证号）".
    pub people_added: Vec<String>,
    /// People only the older draft has.
    pub people_removed: Vec<String>,
    /// People in both whose data differs, each with every change (wage months included).
    pub people_changed: Vec<PersonChanges>,
}

/// The changes to one person between two drafts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonChanges {
    /// "姓名（身份证号）" as the newer draft has it.
    pub person: String,
    pub changes: Vec<FieldChange>,
    /// How many of `changes` are about wage months (they come last).
    pub wage_changes: usize,
}

impl DraftChanges {
    /// True when the drafts say the same thing.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
            && self.people_added.is_empty()
            && self.people_removed.is_empty()
            && self.people_changed.is_empty()
    }

    /// One line, e.g. "新增 2 人，减少 1 人，3 人信息有变化（其中工资记录 5 处），单位和场所信息 2 处".
    pub fn summary(&self) -> String {
        if self.is_empty() {
            return "与上一版本内容相同。".to_owned();
        }
        let mut parts = Vec::new();
        if !self.people_added.is_empty() {
            parts.push(format!("新增 {} 人", self.people_added.len()));
        }
        if !self.people_removed.is_empty() {
            parts.push(format!("减少 {} 人", self.people_removed.len()));
        }
        if !self.people_changed.is_empty() {
            let wages: usize = self.people_changed.iter().map(|p| p.wage_changes).sum();
            let mut s = format!("{} 人信息有变化", self.people_changed.len());
            if wages > 0 {
                s.push_str(&format!("（其中工资记录 {wages} 处）"));
            }
            parts.push(s);
        }
        if !self.fields.is_empty() {
            parts.push(format!("单位和场所信息 {} 处", self.fields.len()));
        }
        parts.join("，")
    }
}

/// The changes from `old` to `new`.
///
/// People are matched by 身份证号 (normalised), and by name when a person has none; stints and
/// insurance periods by their start date; wage months by their month.
///
/// # Examples
/// ```
/// use bangfu_io::versions::changes_between;
/// let mut old = bangfu_model::Draft::default();
/// old.applicant.name = "旺旺手工艺品合作社".into();
/// let mut new = old.clone();
/// new.applicant.name = "旺旺手工艺品专业合作社".into();
/// let c = changes_between(&old, &new);
/// assert_eq!(c.fields[0].to_string(), "经营主体名称：旺旺手工艺品合作社 → 旺旺手工艺品专业合作社");
/// ```
pub fn changes_between(old: &Draft, new: &Draft) -> DraftChanges {
    let mut out = DraftChanges {
        fields: draft_fields(old, new),
        ..DraftChanges::default()
    };
    let key = |e: &Employee| {
        let id = normalize_id(&e.id_number);
        if id.is_empty() {
            format!("name:{}", e.name.trim())
        } else {
            format!("id:{id}")
        }
    };
    let mut olds: HashMap<String, &Employee> = HashMap::with_capacity(old.employees.len());
    for e in &old.employees {
        olds.entry(key(e)).or_insert(e);
    }
    for e in &new.employees {
        match olds.remove(&key(e)) {
            None => out.people_added.push(who(e)),
            Some(o) => {
                let (changes, wage_changes) = person(o, e);
                if !changes.is_empty() {
                    out.people_changed.push(PersonChanges {
                        person: who(e),
                        changes,
                        wage_changes,
                    });
                }
            }
        }
    }
    // In the older draft's order, so the list reads like its roster.
    out.people_removed = old
        .employees
        .iter()
        .filter(|e| olds.contains_key(&key(e)))
        .map(who)
        .collect();
    out
}

fn who(e: &Employee) -> String {
    let id = normalize_id(&e.id_number);
    match (e.name.trim(), id.as_str()) {
        ("", "") => "（未填写姓名）".to_owned(),
        (n, "") => n.to_owned(),
        ("", id) => format!("（未填写姓名，{id}）"),
        (n, id) => format!("{n}（{id}）"),
    }
}

fn text(out: &mut Vec<FieldChange>, label: &str, kind: Kind, a: &str, b: &str) {
    if !same(kind, a, b) {
        out.push(FieldChange {
            field: label.to_owned(),
            before: a.to_owned(),
            after: b.to_owned(),
        });
    }
}

fn pick<T: Choice>(out: &mut Vec<FieldChange>, label: &str, a: T, b: T) {
    if a != b {
        out.push(FieldChange {
            field: label.to_owned(),
            before: choice_label(a).to_owned(),
            after: choice_label(b).to_owned(),
        });
    }
}

fn tick(out: &mut Vec<FieldChange>, label: &str, a: bool, b: bool) {
    let say = |v: bool| if v { "已勾选" } else { "未勾选" };
    if a != b {
        out.push(FieldChange {
            field: label.to_owned(),
            before: say(a).to_owned(),
            after: say(b).to_owned(),
        });
    }
}

fn draft_fields(o: &Draft, n: &Draft) -> Vec<FieldChange> {
    let mut c = Vec::new();
    let (a, b) = (&o.applicant, &n.applicant);
    text(&mut c, "经营主体名称", Kind::Text, &a.name, &b.name);
    text(
        &mut c,
        "统一社会信用代码",
        Kind::Text,
        &a.credit_code,
        &b.credit_code,
    );
    pick(&mut c, "主体类型", a.entity_type, b.entity_type);
    text(
        &mut c,
        "法定代表人（负责人）",
        Kind::Text,
        &a.legal_rep,
        &b.legal_rep,
    );
    text(
        &mut c,
        "联系人",
        Kind::Text,
        &a.contact_person,
        &b.contact_person,
    );
    text(&mut c, "联系电话", Kind::Text, &a.phone, &b.phone);
    text(
        &mut c,
        "注册地址",
        Kind::Text,
        &a.registered_address,
        &b.registered_address,
    );
    text(
        &mut c,
        "成立日期",
        Kind::Date,
        &a.established,
        &b.established,
    );
    let (a, b) = (&o.site, &n.site);
    text(
        &mut c,
        "盟市（代码）",
        Kind::Text,
        &a.prefecture_code,
        &b.prefecture_code,
    );
    text(
        &mut c,
        "旗县（市、区）（代码）",
        Kind::Text,
        &a.county_code,
        &b.county_code,
    );
    text(
        &mut c,
        "苏木乡镇（代码）",
        Kind::Text,
        &a.township_code,
        &b.township_code,
    );
    text(
        &mut c,
        "苏木乡镇（手填）",
        Kind::Text,
        &a.township_other,
        &b.township_other,
    );
    text(&mut c, "嘎查村", Kind::Text, &a.village, &b.village);
    text(&mut c, "车间详细地址", Kind::Text, &a.address, &b.address);
    pick(&mut c, "场所权属", a.tenure, b.tenure);
    text(
        &mut c,
        "场所面积（平方米）",
        Kind::Quantity,
        &a.area_m2,
        &b.area_m2,
    );
    text(
        &mut c,
        "租赁起始日期",
        Kind::Date,
        &a.lease_start,
        &b.lease_start,
    );
    text(
        &mut c,
        "租赁终止日期",
        Kind::Date,
        &a.lease_end,
        &b.lease_end,
    );
    text(&mut c, "产品类别", Kind::Text, &a.products, &b.products);
    pick(&mut c, "车间形式", a.workshop_form, b.workshop_form);
    text(&mut c, "约定发薪日", Kind::Text, &o.pay_day, &n.pay_day);
    text(
        &mut c,
        "自评基准日",
        Kind::Date,
        &o.assessment_date,
        &n.assessment_date,
    );
    let (a, b) = (&o.rules, &n.rules);
    tick(&mut c, "安全生产制度", a.safety, b.safety);
    tick(
        &mut c,
        "劳动纪律制度",
        a.labour_discipline,
        b.labour_discipline,
    );
    tick(
        &mut c,
        "车间管理制度",
        a.workshop_management,
        b.workshop_management,
    );
    tick(&mut c, "稳定经营", a.stable_operation, b.stable_operation);
    let (a, b) = (&o.declarations, &n.declarations);
    tick(
        &mut c,
        "声明：依法经营",
        a.lawful_operation,
        b.lawful_operation,
    );
    tick(
        &mut c,
        "声明：履行社会责任",
        a.social_responsibility,
        b.social_responsibility,
    );
    tick(
        &mut c,
        "声明：无违法违规活动",
        a.no_illegal_activity,
        b.no_illegal_activity,
    );
    tick(&mut c, "声明：无污染", a.no_pollution, b.no_pollution);
    tick(
        &mut c,
        "声明：无有害活动",
        a.no_harmful_activity,
        b.no_harmful_activity,
    );
    tick(&mut c, "声明：材料真实", a.materials_true, b.materials_true);
    c
}

/// The person's changes and how many of them (the last ones) are about wage months.
fn person(o: &Employee, n: &Employee) -> (Vec<FieldChange>, usize) {
    let mut c = Vec::new();
    text(&mut c, "姓名", Kind::Text, &o.name, &n.name);
    text(&mut c, "身份证号", Kind::Id, &o.id_number, &n.id_number);
    pick(&mut c, "人员类别", o.poverty_status, n.poverty_status);
    text(&mut c, "联系电话", Kind::Text, &o.phone, &n.phone);
    text(&mut c, "岗位", Kind::Text, &o.post, &n.post);
    text(
        &mut c,
        "户籍地",
        Kind::Text,
        &o.household_address,
        &n.household_address,
    );
    pick(&mut c, "发放方式", o.pay_method, n.pay_method);
    text(
        &mut c,
        "银行卡号",
        Kind::Account,
        &o.bank_account,
        &n.bank_account,
    );
    by_match(
        &mut c,
        &o.stints,
        &n.stints,
        |a, b| same(Kind::Date, &a.start, &b.start),
        stint,
        |s| ("用工时段".to_owned(), describe_stint(s)),
    );
    by_match(
        &mut c,
        &o.insurance,
        &n.insurance,
        |a, b| same(Kind::Date, &a.start, &b.start),
        insurance,
        |p| ("参保记录".to_owned(), describe_insurance(p)),
    );
    let before_wages = c.len();
    by_match(
        &mut c,
        &o.wages,
        &n.wages,
        |a, b| month_key(&a.month) == month_key(&b.month),
        wage,
        |w| (format!("{} 工资记录", month_key(&w.month)), w.gross.clone()),
    );
    let wages = c.len() - before_wages;
    (c, wages)
}

/// Pairs each item of `new` with the first unpaired item of `old` it is `same_item` as; pairs
/// are compared by `diff`, the others listed as added or removed with `describe` (what, value).
fn by_match<T>(
    out: &mut Vec<FieldChange>,
    old: &[T],
    new: &[T],
    same_item: impl Fn(&T, &T) -> bool,
    diff: impl Fn(&mut Vec<FieldChange>, &T, &T),
    describe: impl Fn(&T) -> (String, String),
) {
    let mut paired = vec![false; old.len()];
    for t in new {
        match (0..old.len()).find(|&i| !paired[i] && same_item(&old[i], t)) {
            Some(i) => {
                paired[i] = true;
                diff(out, &old[i], t);
            }
            None => {
                let (what, value) = describe(t);
                out.push(FieldChange {
                    field: format!("新增{what}"),
                    before: String::new(),
                    after: value,
                });
            }
        }
    }
    for (o, _) in old.iter().zip(paired).filter(|(_, p)| !p) {
        let (what, value) = describe(o);
        out.push(FieldChange {
            field: format!("删除{what}"),
            before: value,
            after: String::new(),
        });
    }
}

fn stint(c: &mut Vec<FieldChange>, a: &Stint, b: &Stint) {
    let at = if b.start.is_empty() {
        &a.start
    } else {
        &b.start
    };
    let label = |f: &str| format!("用工时段（{at} 起）{f}");
    pick(c, &label("用工形式"), a.employment_form, b.employment_form);
    pick(c, &label("协议类型"), a.agreement_type, b.agreement_type);
    text(c, &label("协议起始日期"), Kind::Date, &a.start, &b.start);
    text(c, &label("协议终止日期"), Kind::Date, &a.end, &b.end);
    text(
        c,
        &label("离职日期"),
        Kind::Date,
        &a.leave_date,
        &b.leave_date,
    );
}

fn insurance(c: &mut Vec<FieldChange>, a: &InsurancePeriod, b: &InsurancePeriod) {
    let at = if b.start.is_empty() {
        &a.start
    } else {
        &b.start
    };
    let label = |f: &str| format!("参保（{at} 起）{f}");
    pick(c, &label("参保类型"), a.kind, b.kind);
    text(c, &label("参保起始日期"), Kind::Date, &a.start, &b.start);
    text(c, &label("参保终止日期"), Kind::Date, &a.end, &b.end);
}

fn wage(c: &mut Vec<FieldChange>, a: &WageMonth, b: &WageMonth) {
    let m = month_key(&b.month);
    let label = |f: &str| format!("{m} {f}");
    text(
        c,
        &label("出勤天数"),
        Kind::Quantity,
        &a.days_worked,
        &b.days_worked,
    );
    text(c, &label("工时"), Kind::Quantity, &a.hours, &b.hours);
    text(c, &label("应发工资"), Kind::Money, &a.gross, &b.gross);
    text(
        c,
        &label("代扣个人社保"),
        Kind::Money,
        &a.deductions,
        &b.deductions,
    );
    text(c, &label("实发工资"), Kind::Money, &a.net, &b.net);
    text(
        c,
        &label("发放日期"),
        Kind::Date,
        &a.paid_date,
        &b.paid_date,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use bangfu_rules::sample::qualifying_draft;
    use chrono::NaiveDate;

    fn base() -> Draft {
        qualifying_draft(6, 4, NaiveDate::from_ymd_opt(2026, 6, 20).unwrap())
    }

    #[test]
    fn the_same_draft_respelled_has_no_changes() {
        let old = base();
        let mut new = old.clone();
        // The same date, amount and ID number spelled another way are not changes.
        new.applicant.established = new.applicant.established.replace('-', "/");
        let fen = bangfu_model::text::parse_money_fen(&old.employees[0].wages[0].gross).unwrap();
        new.employees[0].wages[0].gross = format!("{}元", fen / 100);
        assert_eq!(fen % 100, 0, "the sample pays whole yuan");
        new.employees[1].id_number = new.employees[1].id_number.to_lowercase();
        let c = changes_between(&old, &new);
        assert!(c.is_empty(), "{c:?}");
        assert_eq!(c.summary(), "与上一版本内容相同。");
    }

    #[test]
    fn a_newer_file_lists_people_added_removed_and_wage_months_changed() {
        let old = base();
        let mut new = old.clone();
        let gone = new.employees.remove(2);
        let mut added = new.employees[0].clone();
        added.name = "新来的".into();
        added.id_number = "150121199001011234".into();
        new.employees.push(added);
        new.employees[0].wages[1].gross = "1999.99".into();
        new.employees[0].wages.pop();
        new.employees[1].post.clear();
        new.site.address = "另一个地址".into();

        let c = changes_between(&old, &new);
        assert_eq!(
            c.people_added,
            vec!["新来的（150121199001011234）".to_owned()]
        );
        assert_eq!(c.people_removed, vec![who(&gone)]);
        assert_eq!(c.people_changed.len(), 2);
        let first: Vec<String> = c.people_changed[0]
            .changes
            .iter()
            .map(|x| x.to_string())
            .collect();
        let month = month_key(&old.employees[0].wages[1].month);
        assert!(
            first
                .iter()
                .any(|s| s.starts_with(&format!("{month} 应发工资：")) && s.ends_with("→ 1999.99")),
            "{first:?}"
        );
        assert!(
            first
                .iter()
                .any(|s| s.starts_with("删除") && s.contains("工资记录")),
            "{first:?}"
        );
        // A cleared value is a change (a newer file is the whole truth), unlike in an import.
        assert_eq!(c.people_changed[1].changes[0].field, "岗位");
        assert_eq!(c.people_changed[1].changes[0].after, "");
        assert_eq!(c.fields.len(), 1);
        assert_eq!(
            c.summary(),
            "新增 1 人，减少 1 人，2 人信息有变化（其中工资记录 2 处），单位和场所信息 1 处"
        );
    }
}
