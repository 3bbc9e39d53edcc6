//! Saying in Chinese where a draft file does not fit the schema and how, instead of the JSON
//! library's English (「invalid type: integer `123`, expected a string」).
//!
//! The path comes from `serde_path_to_error` (e.g. `draft.employees[3].name`); each step is named
//! as the form names it (第4名员工, 姓名), and the kind of mismatch is said plainly.

use std::fmt::Write;

/// The form's name of a field key.
fn field_name(key: &str, parent: &str) -> String {
    let name = match key {
        "name" if parent == "applicant" => "经营主体名称",
        "name" => "姓名",
        "credit_code" => "统一社会信用代码",
        "entity_type" => "主体类型",
        "legal_rep" => "法定代表人（负责人）",
        "contact_person" => "联系人",
        "phone" => "联系电话",
        "registered_address" => "注册地址",
        "established" => "成立日期",
        "prefecture_code" => "盟市",
        "county_code" => "旗县（市、区）",
        "township_code" | "township_other" => "苏木乡镇",
        "village" => "嘎查村",
        "address" => "详细地址",
        "tenure" => "场所权属",
        "area_m2" => "场所面积",
        "lease_start" => "租赁起始日期",
        "lease_end" => "租赁终止日期",
        "products" => "产品类别",
        "workshop_form" => "车间形式",
        "key" => "员工编号",
        "id_number" => "身份证号",
        "poverty_status" => "人员类别",
        "post" => "岗位",
        "household_address" => "户籍地",
        "pay_method" => "工资发放方式",
        "bank_account" => "银行卡号",
        "employment_form" => "用工形式",
        "agreement_type" => "协议类型",
        "start" => "起始日期",
        "end" => "终止日期",
        "leave_date" => "离职日期",
        "kind" => "参保类型",
        "month" => "工资月份",
        "days_worked" => "出勤天数",
        "hours" => "工时",
        "gross" => "应发工资",
        "deductions" => "代扣个人社保",
        "net" => "实发工资",
        "paid_date" => "发放日期",
        "pay_day" => "约定发薪日",
        "assessment_date" => "自评基准日",
        "seasonal_min_days" => "季节性务工累计天数",
        "seasonal_period" => "季节性务工累计期间",
        "attendance_prorating" => "按出勤天数折算",
        "employees" => "员工花名册",
        "stints" => "用工记录",
        "insurance" => "参保记录",
        "wages" => "工资记录",
        "extra_holidays" => "补充的节假日安排",
        "guesses" => "导入推断记录",
        other => return format!("“{other}”"),
    };
    format!("“{name}”")
}

/// A list item as the form counts it: 第4名员工, 第2段用工.
fn item_name(list: &str, index: usize) -> String {
    let n = index + 1;
    match list {
        "employees" => format!("第{n}名员工"),
        "stints" => format!("第{n}段用工"),
        "insurance" => format!("第{n}条参保记录"),
        "wages" => format!("第{n}条工资记录"),
        "extra_holidays" => format!("第{n}份节假日安排"),
        other => format!("{}第{n}项", field_name(other, "")),
    }
}

/// 「第4名员工的“姓名”」 for `draft.employees[3].name`.
pub fn where_(path: &str) -> String {
    let mut out = String::new();
    let mut parent = String::new();
    for step in path.split('.') {
        if step.is_empty() || step == "draft" || step == "?" {
            continue;
        }
        let (key, index) = match step.split_once('[') {
            Some((k, rest)) => (k, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (step, None),
        };
        let part = match (key, index) {
            ("applicant", None) => "申请主体".to_owned(),
            ("site", None) => "车间场所".to_owned(),
            ("settings", None) => "自评设置".to_owned(),
            ("rules" | "declarations", None) => "制度与声明".to_owned(),
            (k, Some(i)) => item_name(k, i),
            (k, None) => field_name(k, &parent),
        };
        if !out.is_empty() {
            out.push('的');
        }
        out.push_str(&part);
        parent = key.to_owned();
    }
    if out.is_empty() {
        out.push_str("文件内容");
    }
    out
}

/// How the value does not fit, from serde's message: 「应为文字，实际是数字 123」.
pub fn what(message: &str) -> String {
    let message = message.split(" at line ").next().unwrap_or(message);
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let want = expected_name(expected);
        let got = found_name(found);
        return format!("应为{want}，实际是{got}");
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let value = rest.split(',').next().unwrap_or("").trim_matches('`');
        return format!("“{value}”不是可选的值");
    }
    if message.starts_with("invalid value: integer") || message.contains("out of range") {
        return "数字超出范围".into();
    }
    if message.starts_with("missing field") {
        return "缺少必需的内容".into();
    }
    "格式不对".into()
}

fn expected_name(expected: &str) -> &'static str {
    match expected {
        e if e.contains("string") => "文字",
        e if e.contains("boolean") => "“是/否”",
        e if e.contains("sequence") => "列表",
        e if e.contains("map") || e.contains("struct") => "一组字段",
        e if e.contains("u32") || e.contains("integer") || e.contains("u64") => "整数",
        _ => "另一种格式",
    }
}

fn found_name(found: &str) -> String {
    let inner = |s: &str| s.split('`').nth(1).unwrap_or("").to_owned();
    let mut out = String::new();
    if found.starts_with("integer") || found.starts_with("floating point") {
        let _ = write!(out, "数字 {}", inner(found));
    } else if let Some(text) = found.strip_prefix("string ") {
        let _ = write!(out, "文字“{}”", text.trim_matches('"'));
    } else if found.starts_with("boolean") {
        out.push_str("“是/否”值");
    } else if found.starts_with("sequence") {
        out.push_str("列表");
    } else if found.starts_with("map") {
        out.push_str("一组字段");
    } else if found == "null" {
        out.push_str("空值");
    } else {
        out.push_str("其他内容");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_named_as_the_form_names_them() {
        assert_eq!(where_("draft.employees[3].name"), "第4名员工的“姓名”");
        assert_eq!(where_("draft.applicant.name"), "申请主体的“经营主体名称”");
        assert_eq!(
            where_("draft.employees[0].wages[11].gross"),
            "第1名员工的第12条工资记录的“应发工资”"
        );
        assert_eq!(
            where_("draft.site.county_code"),
            "车间场所的“旗县（市、区）”"
        );
    }

    #[test]
    fn mismatches_are_said_in_chinese() {
        assert_eq!(
            what("invalid type: integer `123`, expected a string"),
            "应为文字，实际是数字 123"
        );
        assert_eq!(
            what("unknown variant `poor`, expected one of `unspecified`, `alleviated`"),
            "“poor”不是可选的值"
        );
        assert_eq!(
            what("invalid type: string \"x\", expected a boolean at line 1 column 9"),
            "应为“是/否”，实际是文字“x”"
        );
    }
}
