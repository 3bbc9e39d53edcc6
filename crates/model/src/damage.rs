//! Saying in Chinese where a draft file does not fit the schema and how, instead of the JSON
//! library's English (「invalid type: integer `123`, expected a string」).
//!
//! The path (e.g. `draft.employees[3].name`) is found from where in the text the JSON library
//! stopped ([`path_at`]); each step is named as the form names it (第4名员工, 姓名), and the kind
//! of mismatch is said plainly.

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

/// The path of the value at 1-based `line` and `column` (bytes, as serde_json counts them) of the
/// JSON `text`: `draft.employees[3].name` when the position is in or just after that value.
/// serde_json reports a value that does not fit just after reading it, and a missing field at
/// the end of the object that lacks it, so the path names the field or the record at fault.
///
/// # Example
/// ```
/// use bangfu_model::damage::path_at;
/// let text = "{\"draft\": {\"employees\": [{}, {\"name\": 123}]}}";
/// // serde_json stops just after `123`: line 1, column 41.
/// assert_eq!(path_at(text, 1, 41), "draft.employees[1].name");
/// ```
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    let bytes = text.as_bytes();
    // Byte offset of the position: the start of `line`, then `column` bytes.
    let mut at = 0;
    for _ in 1..line {
        match bytes[at..].iter().position(|&b| b == b'\n') {
            Some(i) => at += i + 1,
            None => break,
        }
    }
    let end = (at + column).min(bytes.len());

    enum Frame {
        Object {
            key: Option<String>,
            wants_key: bool,
        },
        Array {
            index: usize,
        },
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => stack.push(Frame::Object {
                key: None,
                wants_key: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { key, wants_key }) => {
                    *key = None;
                    *wants_key = true;
                }
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, wants_key }) = stack.last_mut() {
                    if *wants_key {
                        let raw = text.get(start..i.min(text.len())).unwrap_or("");
                        *key = Some(
                            serde_json::from_str(&format!("\"{raw}\""))
                                .unwrap_or_else(|_| raw.to_owned()),
                        );
                        *wants_key = false;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => {
                let _ = write!(path, "[{index}]");
            }
        }
    }
    path
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
    fn the_path_is_found_where_the_json_library_stopped() {
        let text = r#"{
  "draft": {
    "applicant": {"name": "某合作社"},
    "employees": [
      {"name": "张三", "wages": []},
      {"name": "李四", "wages": [{"month": "2026-01"}, {"gross": 3000}]}
    ]
  }
}"#;
        let pos = |needle: &str| {
            let at = text.find(needle).expect("in the text") + needle.len();
            let line = text[..at].matches('\n').count() + 1;
            let column = at - text[..at].rfind('\n').map_or(0, |n| n + 1);
            (line, column)
        };
        let (l, c) = pos("\"gross\": 3000");
        assert_eq!(path_at(text, l, c), "draft.employees[1].wages[1].gross");
        let (l, c) = pos("\"某合作社\"");
        assert_eq!(path_at(text, l, c), "draft.applicant.name");
        // A missing field is reported after the object's closing brace: the record is named.
        let (l, c) = pos("{\"month\": \"2026-01\"}");
        assert_eq!(path_at(text, l, c), "draft.employees[1].wages[0]");
        let (l, c) = pos("\"wages\": []}");
        assert_eq!(path_at(text, l, c), "draft.employees[0]");
        assert_eq!(path_at(text, 99, 1), "");
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
