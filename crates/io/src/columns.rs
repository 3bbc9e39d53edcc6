//! The two tables people import and export, their columns, and the header spellings accepted for
//! each column.
//!
//! The template headers are the ones listed in issue 4 (员工花名册, 工资发放明细), and on the roster
//! 发放方式 and 银行卡号 after them, for the 工资发放明细表 of the packet. Real files
//! use other words for the same thing (身份证号码, 公民身份号码, 应发金额 …); every accepted spelling
//! is listed here, in one place, so the importer and the documentation cannot disagree. So are
//! the other words accepted for the values of the choice columns (临时工 for 季节性, 是 for
//! 脱贫人口), beside the headers they belong to.

use bangfu_model::{AgreementType, EmploymentForm, InsuranceKind, PayMethod, PovertyStatus};

/// Which table a sheet holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TableKind {
    /// 员工花名册: one row per stint.
    Roster,
    /// 工资发放明细: one row per person and month.
    Wages,
}

impl TableKind {
    /// The table's Chinese name, also the template's sheet name.
    pub fn label(self) -> &'static str {
        match self {
            TableKind::Roster => "员工花名册",
            TableKind::Wages => "工资发放明细",
        }
    }

    /// The template's columns, in order.
    pub fn columns(self) -> &'static [Column] {
        match self {
            TableKind::Roster => &ROSTER_COLUMNS,
            TableKind::Wages => &WAGE_COLUMNS,
        }
    }

    /// Optional columns read when present but not in the template.
    pub fn optional_columns(self) -> &'static [Column] {
        match self {
            TableKind::Roster => &[Column::HouseholdAddress],
            TableKind::Wages => &[],
        }
    }
}

/// A column of either table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Name,
    IdNumber,
    PovertyStatus,
    Post,
    EmploymentForm,
    AgreementType,
    AgreementStart,
    AgreementEnd,
    LeaveDate,
    Phone,
    InsuranceKind,
    InsuranceStart,
    InsuranceEnd,
    /// 工资发放方式, per person like 联系电话 (repeated on each of their rows).
    PayMethod,
    /// 银行卡号, per person; a text column, since Excel keeps only 15 digits of a number.
    BankAccount,
    /// 户籍地: not in the issue's template, but on the draft and on the packet's roster; exported
    /// only when someone has one, so that export → import loses nothing.
    HouseholdAddress,
    Month,
    DaysWorked,
    Hours,
    Gross,
    Deductions,
    Net,
    PaidDate,
}

/// 员工花名册, in template order: the issue's columns, then the pay columns (appended, so that a
/// file made from the earlier template still has its columns in the same places).
pub const ROSTER_COLUMNS: [Column; 15] = [
    Column::Name,
    Column::IdNumber,
    Column::PovertyStatus,
    Column::Post,
    Column::EmploymentForm,
    Column::AgreementType,
    Column::AgreementStart,
    Column::AgreementEnd,
    Column::LeaveDate,
    Column::Phone,
    Column::InsuranceKind,
    Column::InsuranceStart,
    Column::InsuranceEnd,
    Column::PayMethod,
    Column::BankAccount,
];

/// 工资发放明细, in template order.
pub const WAGE_COLUMNS: [Column; 9] = [
    Column::Name,
    Column::IdNumber,
    Column::Month,
    Column::DaysWorked,
    Column::Hours,
    Column::Gross,
    Column::Deductions,
    Column::Net,
    Column::PaidDate,
];

/// The figures of one person's month, in template order: [`WAGE_COLUMNS`] after 姓名, 身份证号
/// and 工资月份 (a payroll row with none of them is blank; the payroll grid's columns).
pub const PAY_COLUMNS: &[Column] = {
    let (_, figures) = WAGE_COLUMNS.split_at(3);
    figures
};

impl Column {
    /// The template header, exactly.
    pub fn label(self) -> &'static str {
        match self {
            Column::Name => "姓名",
            Column::IdNumber => "身份证号",
            Column::PovertyStatus => "人员类别",
            Column::Post => "岗位",
            Column::EmploymentForm => "用工形式",
            Column::AgreementType => "协议类型",
            Column::AgreementStart => "协议起始日期",
            Column::AgreementEnd => "协议终止日期",
            Column::LeaveDate => "离职日期",
            Column::Phone => "联系电话",
            Column::InsuranceKind => "参保类型",
            Column::InsuranceStart => "参保起始日期",
            Column::InsuranceEnd => "参保终止日期",
            Column::PayMethod => "发放方式",
            Column::BankAccount => "银行卡号",
            Column::HouseholdAddress => "户籍地",
            Column::Month => "工资月份",
            Column::DaysWorked => "出勤天数",
            Column::Hours => "工时",
            Column::Gross => "应发工资",
            Column::Deductions => "代扣个人社保",
            Column::Net => "实发工资",
            Column::PaidDate => "发放日期",
        }
    }

    /// How to fill the column, for the template's 填写说明 sheet.
    pub fn hint(self) -> &'static str {
        match self {
            Column::Name => "必填。",
            Column::IdNumber => "必填，18位居民身份证号码（末位X大小写均可）。同一人有多段季节性用工时，每段一行，身份证号相同。请保持本列为“文本”格式，否则 Excel 会把号码变成科学计数法并丢失末几位。",
            Column::PovertyStatus => "脱贫人口 / 监测对象 / 其他。",
            Column::Post => "如：缝纫工、分拣员。",
            Column::EmploymentForm => "全日制 / 非全日制 / 季节性（临时性、季节性务工）。",
            Column::AgreementType => "劳动合同 / 劳务协议；没有签订的填“未签订”。",
            Column::AgreementStart => "即入职日期，如 2026-03-01、2026/3/1 或 2026年3月1日。",
            Column::AgreementEnd => "空白表示无固定期限。",
            Column::LeaveDate => "空白表示仍在职。",
            Column::Phone => "手机或固定电话。",
            Column::InsuranceKind => "工伤保险 / 人身意外伤害保险 / 无。有多段参保时可分行填写。",
            Column::InsuranceStart => "如 2026-03-01。",
            Column::InsuranceEnd => "空白表示仍在保。",
            Column::PayMethod => "工资发放方式：银行代发 / 现金 / 其他（微信、支付宝等）。",
            Column::BankAccount => "银行代发时填写工资卡号（10–25位数字，可用空格分组）。请保持本列为“文本”格式，否则 Excel 会把卡号变成科学计数法并丢失末几位。",
            Column::HouseholdAddress => "户籍所在地。",
            Column::Month => "工资所属月份，如 2026-03。每人每月一行。",
            Column::DaysWorked => "全日制、季节性人员填写当月出勤天数。",
            Column::Hours => "非全日制人员填写当月工作小时数。",
            Column::Gross => "元，不含加班工资及中夜班、高温等津贴；含个人应缴的社保和公积金。",
            Column::Deductions => "元，代扣的个人社会保险费。",
            Column::Net => "元，实际发到手的金额。",
            Column::PaidDate => "实际发放日期，如 2026-04-15；未发放的留空。",
        }
    }

    /// Other spellings seen in real rosters and payrolls (compared after [`header_key`]).
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Column::Name => &["员工姓名", "职工姓名", "务工人员姓名", "人员姓名", "名字"],
            Column::IdNumber => &[
                "身份证号码",
                "身份证",
                "公民身份号码",
                "居民身份证号码",
                "身份证件号码",
                "证件号码",
                "证件号",
            ],
            Column::PovertyStatus => &[
                "人员类型",
                "人员身份",
                "身份类别",
                "是否脱贫人口",
                "是否脱贫户",
                "脱贫人口类别",
            ],
            Column::Post => &["工种", "岗位名称", "从事岗位", "职务", "工作岗位"],
            Column::EmploymentForm => &["用工方式", "就业形式", "用工类型"],
            Column::AgreementType => &["合同类型", "签订协议类型", "合同协议类型"],
            Column::AgreementStart => &[
                "合同起始日期",
                "协议开始日期",
                "合同开始日期",
                "协议签订日期",
                "合同签订日期",
                "入职日期",
                "就业日期",
                "务工开始日期",
            ],
            Column::AgreementEnd => &[
                "合同终止日期",
                "协议结束日期",
                "合同结束日期",
                "合同到期日期",
                "协议到期日期",
            ],
            Column::LeaveDate => &["离岗日期", "退出日期", "离职时间"],
            Column::Phone => &["电话", "手机号", "手机号码", "联系方式", "电话号码"],
            Column::InsuranceKind => &["参保情况", "保险类型", "险种", "参保险种"],
            Column::InsuranceStart => &["参保开始日期", "保险起始日期", "保险开始日期", "投保日期"],
            Column::InsuranceEnd => &[
                "参保结束日期",
                "保险终止日期",
                "保险结束日期",
                "保险到期日期",
            ],
            Column::PayMethod => &["工资发放方式"],
            Column::BankAccount => &["工资卡号", "银行账号", "卡号"],
            Column::HouseholdAddress => &["户籍地址", "户籍所在地", "家庭住址", "户口所在地"],
            Column::Month => &["月份", "发放月份", "所属月份", "工资所属月份", "工资月"],
            Column::DaysWorked => &["出勤", "出勤天", "工作天数", "实际出勤天数", "出勤日数"],
            Column::Hours => &["工作时长", "出勤工时", "工作小时数", "工时数", "小时数"],
            Column::Gross => &["应发金额", "应发合计", "应发", "应发工资额", "工资总额"],
            Column::Deductions => &[
                "个人社保",
                "代扣社保",
                "社保个人部分",
                "个人缴纳社保",
                "代扣社会保险",
                "代扣个人社会保险",
            ],
            Column::Net => &["实发金额", "实发合计", "实发", "实发工资额"],
            Column::PaidDate => &["发薪日期", "支付日期", "工资发放日期", "发放时间"],
        }
    }
}

impl Column {
    /// Every column, roster first.
    pub const ALL: [Column; 23] = [
        Column::Name,
        Column::IdNumber,
        Column::PovertyStatus,
        Column::Post,
        Column::EmploymentForm,
        Column::AgreementType,
        Column::AgreementStart,
        Column::AgreementEnd,
        Column::LeaveDate,
        Column::Phone,
        Column::InsuranceKind,
        Column::InsuranceStart,
        Column::InsuranceEnd,
        Column::PayMethod,
        Column::BankAccount,
        Column::HouseholdAddress,
        Column::Month,
        Column::DaysWorked,
        Column::Hours,
        Column::Gross,
        Column::Deductions,
        Column::Net,
        Column::PaidDate,
    ];

    /// A stable code (for the worker protocol and a remembered mapping): the template header.
    pub fn code(self) -> &'static str {
        self.label()
    }

    /// The column with this code.
    pub fn from_code(code: &str) -> Option<Column> {
        Column::ALL.iter().copied().find(|c| c.code() == code)
    }
}

/// The columns the rules cannot do without: a sheet lacking one is worth a loud warning (a roster
/// without start dates counts nobody in the workforce).
pub fn required(kind: TableKind) -> &'static [Column] {
    match kind {
        TableKind::Roster => &[
            Column::IdNumber,
            Column::PovertyStatus,
            Column::AgreementStart,
        ],
        TableKind::Wages => &[Column::Month, Column::Gross],
    }
}

/// The column an unrecognised header probably means, by the words in it (「入职时间」, 「进厂日期」,
/// 「开始工作日期」 are the start of employment): offered in the preview, never applied unasked.
pub fn suggest(text: &str, kind: TableKind) -> Option<Column> {
    let k = header_key(text);
    let has = |words: &[&str]| words.iter().any(|w| k.contains(w));
    let guess = if has(&[
        "入职",
        "进厂",
        "到岗",
        "开始工作",
        "上岗",
        "聘用日期",
        "用工开始",
    ]) {
        Column::AgreementStart
    } else if has(&["离职", "离厂", "退出", "辞职"]) {
        Column::LeaveDate
    } else if has(&["合同", "协议"]) && has(&["终止", "结束", "到期", "截止"]) {
        Column::AgreementEnd
    } else if has(&["合同", "协议"]) && has(&["开始", "起始", "签订"]) {
        Column::AgreementStart
    } else if has(&["合同", "协议"]) {
        Column::AgreementType
    } else if has(&["身份证", "证件号", "身份号"]) {
        Column::IdNumber
    } else if has(&["名字", "姓名", "员工"]) {
        Column::Name
    } else if has(&["脱贫", "监测", "人员类", "户类", "属性"]) {
        Column::PovertyStatus
    } else if has(&["应发", "应付", "工资总额", "税前"]) {
        Column::Gross
    } else if has(&["实发", "实付", "到手", "实领"]) {
        Column::Net
    } else if has(&["代扣", "个人缴", "社保扣"]) {
        Column::Deductions
    } else if has(&["发放日", "发薪日", "支付日", "到账"]) {
        Column::PaidDate
    } else if has(&["月份", "工资月", "所属月", "年月"]) {
        Column::Month
    } else if has(&["出勤", "天数", "工作日"]) {
        Column::DaysWorked
    } else if has(&["工时", "小时"]) {
        Column::Hours
    } else if has(&["岗位", "工种", "职务"]) {
        Column::Post
    } else if has(&["电话", "手机", "联系方式"]) {
        Column::Phone
    } else if has(&["户籍", "籍贯", "住址", "家庭地址"]) {
        Column::HouseholdAddress
    } else if has(&["险种", "保险类", "参保类"]) {
        Column::InsuranceKind
    } else if has(&["卡号", "账号", "帐号"]) {
        Column::BankAccount
    } else if has(&["用工形式", "全日制", "用工类"]) {
        Column::EmploymentForm
    } else {
        return None;
    };
    let fits = kind.columns().contains(&guess) || kind.optional_columns().contains(&guess);
    fits.then_some(guess)
}

/// Other words for 人员类别 values. 脱贫不稳定户, 边缘易致贫户 and 突发严重困难户 are the three kinds
/// of 防返贫监测对象.
pub const POVERTY_ALIASES: &[(&str, PovertyStatus)] = &[
    ("脱贫户", PovertyStatus::Alleviated),
    ("脱贫劳动力", PovertyStatus::Alleviated),
    ("已脱贫", PovertyStatus::Alleviated),
    ("脱贫", PovertyStatus::Alleviated),
    ("是", PovertyStatus::Alleviated),
    ("监测户", PovertyStatus::Monitored),
    ("监测", PovertyStatus::Monitored),
    ("防返贫监测对象", PovertyStatus::Monitored),
    ("脱贫不稳定户", PovertyStatus::Monitored),
    ("边缘易致贫户", PovertyStatus::Monitored),
    ("突发严重困难户", PovertyStatus::Monitored),
    ("否", PovertyStatus::NotApplicable),
    ("非脱贫人口", PovertyStatus::NotApplicable),
    ("一般农户", PovertyStatus::NotApplicable),
    ("一般", PovertyStatus::NotApplicable),
    ("无", PovertyStatus::NotApplicable),
];

/// Other words for 用工形式 values.
pub const EMPLOYMENT_FORM_ALIASES: &[(&str, EmploymentForm)] = &[
    ("全职", EmploymentForm::FullTime),
    ("全日制用工", EmploymentForm::FullTime),
    ("兼职", EmploymentForm::PartTime),
    ("小时工", EmploymentForm::PartTime),
    ("非全日制用工", EmploymentForm::PartTime),
    ("季节工", EmploymentForm::Seasonal),
    ("临时", EmploymentForm::Seasonal),
    ("临时工", EmploymentForm::Seasonal),
    ("临时性", EmploymentForm::Seasonal),
    ("季节性务工", EmploymentForm::Seasonal),
    ("临时性务工", EmploymentForm::Seasonal),
    ("临时性、季节性", EmploymentForm::Seasonal),
    ("临时性、季节性务工", EmploymentForm::Seasonal),
];

/// Other words for 协议类型 values.
pub const AGREEMENT_ALIASES: &[(&str, AgreementType)] = &[
    ("劳动合同书", AgreementType::EmploymentContract),
    ("劳务合同", AgreementType::LabourAgreement),
    ("劳务协议书", AgreementType::LabourAgreement),
    ("用工协议", AgreementType::LabourAgreement),
    ("无", AgreementType::NoAgreement),
    ("未签", AgreementType::NoAgreement),
    ("没有", AgreementType::NoAgreement),
];

/// Other words for 参保类型 values.
pub const INSURANCE_ALIASES: &[(&str, InsuranceKind)] = &[
    ("工伤", InsuranceKind::WorkInjury),
    ("工伤险", InsuranceKind::WorkInjury),
    ("意外险", InsuranceKind::Accident),
    ("意外伤害保险", InsuranceKind::Accident),
    ("人身意外险", InsuranceKind::Accident),
    ("人身意外伤害险", InsuranceKind::Accident),
    ("团体意外险", InsuranceKind::Accident),
    ("未参保", InsuranceKind::NoInsurance),
    ("没有", InsuranceKind::NoInsurance),
    ("未缴纳", InsuranceKind::NoInsurance),
];

/// Other words for 工资发放方式 values.
pub const PAY_METHOD_ALIASES: &[(&str, PayMethod)] = &[
    ("银行", PayMethod::BankTransfer),
    ("代发", PayMethod::BankTransfer),
    ("转账", PayMethod::BankTransfer),
    ("银行转账", PayMethod::BankTransfer),
    ("银行卡", PayMethod::BankTransfer),
    ("微信", PayMethod::Other),
    ("支付宝", PayMethod::Other),
    ("微信转账", PayMethod::Other),
    ("支付宝转账", PayMethod::Other),
    ("其他", PayMethod::Other),
];

/// A header cell reduced to what matters for matching: full-width to half-width, no spaces or line
/// breaks, no required-field marks (`*`), no hint in brackets (`工资月份（YYYY-MM）`, `出勤(天)`),
/// no trailing colon.
pub fn header_key(text: &str) -> String {
    let text = bangfu_model::text::normalize(text);
    let mut out = String::with_capacity(text.len());
    let mut depth = 0u32;
    for c in text.chars() {
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_whitespace() || matches!(c, '*' | '＊' | ':' | '：' | '\u{200b}') => {}
            c => out.push(c.to_ascii_lowercase()),
        }
    }
    if out.is_empty() {
        // A header that is all brackets ("（元）") keeps its text rather than matching nothing.
        return text.chars().filter(|c| !c.is_whitespace()).collect();
    }
    out
}

/// The column a header cell names, among `candidates`.
pub fn match_header(text: &str, candidates: &[Column]) -> Option<Column> {
    let key = header_key(text);
    if key.is_empty() {
        return None;
    }
    candidates
        .iter()
        .copied()
        .find(|c| header_key(c.label()) == key || c.aliases().iter().any(|a| header_key(a) == key))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Column::ALL` holds every variant: the match below stops compiling when one is added,
    /// and each position must hold its own variant.
    #[test]
    fn all_lists_every_column_once() {
        for (i, c) in Column::ALL.iter().enumerate() {
            let at = match c {
                Column::Name => 0,
                Column::IdNumber => 1,
                Column::PovertyStatus => 2,
                Column::Post => 3,
                Column::EmploymentForm => 4,
                Column::AgreementType => 5,
                Column::AgreementStart => 6,
                Column::AgreementEnd => 7,
                Column::LeaveDate => 8,
                Column::Phone => 9,
                Column::InsuranceKind => 10,
                Column::InsuranceStart => 11,
                Column::InsuranceEnd => 12,
                Column::PayMethod => 13,
                Column::BankAccount => 14,
                Column::HouseholdAddress => 15,
                Column::Month => 16,
                Column::DaysWorked => 17,
                Column::Hours => 18,
                Column::Gross => 19,
                Column::Deductions => 20,
                Column::Net => 21,
                Column::PaidDate => 22,
            };
            assert_eq!(at, i, "{c:?}");
        }
    }

    #[test]
    fn near_spellings_are_suggested_for_the_table_they_fit() {
        for text in ["入职时间", "进厂日期", "开始工作日期", "到岗日期"] {
            assert_eq!(
                suggest(text, TableKind::Roster),
                Some(Column::AgreementStart),
                "{text}"
            );
        }
        assert_eq!(
            suggest("离厂日期", TableKind::Roster),
            Some(Column::LeaveDate)
        );
        assert_eq!(suggest("税前工资", TableKind::Wages), Some(Column::Gross));
        // A wage column is not offered for a roster, nor anything for 备注.
        assert_eq!(suggest("税前工资", TableKind::Roster), None);
        assert_eq!(suggest("备注", TableKind::Roster), None);
        for c in Column::ALL {
            assert_eq!(Column::from_code(c.code()), Some(c));
        }
    }

    #[test]
    fn template_headers_are_the_issue_list_then_the_pay_columns() {
        let roster: Vec<_> = ROSTER_COLUMNS.iter().map(|c| c.label()).collect();
        assert_eq!(
            roster,
            [
                "姓名",
                "身份证号",
                "人员类别",
                "岗位",
                "用工形式",
                "协议类型",
                "协议起始日期",
                "协议终止日期",
                "离职日期",
                "联系电话",
                "参保类型",
                "参保起始日期",
                "参保终止日期",
                "发放方式",
                "银行卡号"
            ]
        );
        let wages: Vec<_> = WAGE_COLUMNS.iter().map(|c| c.label()).collect();
        assert_eq!(
            wages,
            [
                "姓名",
                "身份证号",
                "工资月份",
                "出勤天数",
                "工时",
                "应发工资",
                "代扣个人社保",
                "实发工资",
                "发放日期"
            ]
        );
    }

    #[test]
    fn no_spelling_names_two_columns() {
        let mut seen = std::collections::HashMap::new();
        for c in Column::ALL {
            for s in std::iter::once(c.label()).chain(c.aliases().iter().copied()) {
                if let Some(other) = seen.insert(header_key(s), c) {
                    panic!("{s} names both {other:?} and {c:?}");
                }
            }
        }
    }

    #[test]
    fn header_variants_match() {
        let all = &Column::ALL[..];
        for (text, col) in [
            ("身份证号 ", Column::IdNumber),
            ("身份证号码", Column::IdNumber),
            ("＊姓　名", Column::Name),
            ("工资月份（YYYY-MM）", Column::Month),
            ("出勤(天)", Column::DaysWorked),
            ("应发工资\n（元）", Column::Gross),
            ("协议终止日期(空白=无固定期限)", Column::AgreementEnd),
            ("联系电话：", Column::Phone),
            ("工资发放方式", Column::PayMethod),
            ("发放方式", Column::PayMethod),
            ("银行卡号", Column::BankAccount),
            ("工资卡号", Column::BankAccount),
            ("银行账号", Column::BankAccount),
            ("卡号", Column::BankAccount),
            ("银行卡号（文本格式）", Column::BankAccount),
        ] {
            assert_eq!(match_header(text, all), Some(col), "{text}");
        }
        assert_eq!(match_header("备注", all), None);
        assert_eq!(match_header("序号", all), None);
        assert_eq!(match_header("", all), None);
    }
}
