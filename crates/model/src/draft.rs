//! The draft: everything the applicant has typed, exactly as typed.
//!
//! Every free-text field is a `String`, even dates and money, so that a value that does not parse
//! (yet) is kept and can be shown back with a message at the field. Choices from a fixed list are
//! enums whose first variant is `Unspecified`, so "not chosen yet" is distinct from every answer.
//! The rules crate parses a draft into validated values; nothing here judges eligibility.
//!
//! Every struct is `#[serde(default)]`: a field added later reads as empty from an older file
//! instead of failing the whole draft.

use serde::{Deserialize, Serialize};

/// Fields of a stored draft this version does not know, kept as they were.
pub type Unknown = serde_json::Map<String, serde_json::Value>;

/// A whole application in progress.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub applicant: Applicant,
    pub site: Site,
    pub employees: Vec<Employee>,
    /// Day of the month on which the previous month's wages are due (约定发薪日), e.g. "15".
    pub pay_day: String,
    pub rules: RulesInPlace,
    pub declarations: Declarations,
    /// The date on which the workshop is assessed (自评基准日), `YYYY-MM-DD`. Empty = today.
    pub assessment_date: String,
    pub settings: Settings,
    /// Holiday schedules the user added for years the shipped data does not cover
    /// (same JSON shape as `data/holidays/YYYY.json`), kept with the draft so they travel with it.
    pub extra_holidays: Vec<String>,
    /// Fields this version does not know (written by a newer one), kept so that saving again
    /// loses nothing.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// 申请主体 (the applicant business entity), 第六条.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Applicant {
    /// 经营主体名称
    pub name: String,
    /// 统一社会信用代码 (USCC)
    pub credit_code: String,
    pub entity_type: EntityType,
    /// 法定代表人（负责人）
    pub legal_rep: String,
    /// 联系人
    pub contact_person: String,
    /// 联系电话
    pub phone: String,
    /// 注册地址
    pub registered_address: String,
    /// 成立日期
    pub established: String,
    /// Fields this version does not know (written by a newer one), kept so that saving again
    /// loses nothing.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// 车间场所 (the workshop site), 第七条第（五）项.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Site {
    /// 盟市 code (4 digits), from `data/counties.csv`.
    pub prefecture_code: String,
    /// 旗县（市、区） code (6 digits); decides the minimum-wage tier.
    pub county_code: String,
    /// 苏木乡镇 code (9 digits) from `data/townships.csv`, or empty when `township_other` is used.
    pub township_code: String,
    /// Free text when the township is not in the list.
    pub township_other: String,
    /// 嘎查村 / 社区
    pub village: String,
    /// 详细地址
    pub address: String,
    pub tenure: SiteTenure,
    /// 场所面积（平方米）
    pub area_m2: String,
    /// 租赁起始日期 (when leased)
    pub lease_start: String,
    /// 租赁终止日期 (when leased)
    pub lease_end: String,
    /// 产品类别 / 主要产品
    pub products: String,
    pub workshop_form: WorkshopForm,
    /// Fields this version does not know (written by a newer one), kept so that saving again
    /// loses nothing.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// One person on the roster. A person may have several stints (seasonal work), several insurance
/// periods and one wage record per month.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Employee {
    /// Local key, unique within the draft; never shown, never exported.
    pub key: u32,
    pub name: String,
    /// 居民身份证号码 as typed.
    pub id_number: String,
    pub poverty_status: PovertyStatus,
    pub phone: String,
    /// 岗位
    pub post: String,
    /// 户籍地
    pub household_address: String,
    /// 工资发放方式, printed in the 工资发放明细表 column 发放方式/银行卡号 (第八条第（一）项
    /// "工资发放明细"). Not a criterion: the regulation does not prescribe how wages are paid.
    pub pay_method: PayMethod,
    /// 工资卡号 / 银行账号 as typed (people group the digits with spaces or hyphens).
    pub bank_account: String,
    pub stints: Vec<Stint>,
    pub insurance: Vec<InsurancePeriod>,
    pub wages: Vec<WageMonth>,
    /// Values an import mapped from a spelling it was not given verbatim (「临时工」 read as
    /// 季节性, 「是」 as 脱贫人口), kept until the user confirms or changes them.
    pub guesses: Vec<Guess>,
    /// Fields this version does not know (written by a newer one), kept so that saving again
    /// loses nothing.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// A value an import guessed: which field of the employee and the text the spreadsheet had.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Guess {
    /// The field relative to the employee: `poverty_status`, `pay_method`,
    /// `stint.<index>.employment_form`, `stint.<index>.agreement_type`,
    /// `insurance.<index>.kind`.
    pub field: String,
    /// The text the spreadsheet cell held.
    pub typed: String,
    /// Fields this version does not know (written by a newer one), kept so that saving again
    /// loses nothing.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// One period of employment under one agreement.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Stint {
    pub employment_form: EmploymentForm,
    pub agreement_type: AgreementType,
    /// 协议起始日期 = start of employment.
    pub start: String,
    /// 协议终止日期; empty = 无固定期限.
    pub end: String,
    /// 离职日期; empty = still employed.
    pub leave_date: String,
    /// Fields this version does not know (written by a newer one), kept so that saving again
    /// loses nothing.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// 参保 (insurance cover) over a period, 第七条第（四）项.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InsurancePeriod {
    pub kind: InsuranceKind,
    pub start: String,
    /// Empty = open-ended (still covered).
    pub end: String,
    /// Fields this version does not know (written by a newer one), kept so that saving again
    /// loses nothing.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// One month of pay for one person, 第七条第（三）项.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WageMonth {
    /// 工资月份 `YYYY-MM`.
    pub month: String,
    /// 出勤天数 (full-time / seasonal).
    pub days_worked: String,
    /// 工时 (part-time, hours in the month).
    pub hours: String,
    /// 应发工资 (yuan as typed).
    pub gross: String,
    /// 代扣个人社保
    pub deductions: String,
    /// 实发工资
    pub net: String,
    /// 发放日期 `YYYY-MM-DD`; empty = not paid (yet).
    pub paid_date: String,
    /// Fields this version does not know (written by a newer one), kept so that saving again
    /// loses nothing.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// Written rules (制度) in place, 第七条第（五）项.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RulesInPlace {
    /// 安全生产制度
    pub safety: bool,
    /// 劳动纪律制度
    pub labour_discipline: bool,
    /// 车间管理制度
    pub workshop_management: bool,
    /// 生产经营稳定
    pub stable_operation: bool,
    /// Fields this version does not know (written by a newer one), kept so that saving again
    /// loses nothing.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// The applicant's declarations, 第六条 and 第七条第（五）项.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Declarations {
    /// 依法注册、合法经营
    pub lawful_operation: bool,
    /// 履行社会责任
    pub social_responsibility: bool,
    /// 未从事违法生产经营活动
    pub no_illegal_activity: bool,
    /// 未从事污染环境的生产经营活动
    pub no_pollution: bool,
    /// 未从事对人体身心健康有害的生产经营活动
    pub no_harmful_activity: bool,
    /// 所填信息和所附材料真实、完整
    pub materials_true: bool,
    /// Fields this version does not know (written by a newer one), kept so that saving again
    /// loses nothing.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// Assessment settings whose values the rules show in their explanations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Minimum cumulative days of seasonal work (第七条第（二）项 "3个月"), as typed; the rules
    /// read it (default 90) and say at the field when it cannot be read.
    pub seasonal_min_days: String,
    pub seasonal_period: SeasonalPeriod,
    /// Judge a month with fewer 出勤天数 than the monthly 计薪天数 against the minimum wage pro
    /// rata to the days attended (《最低工资规定》第三条, 劳社部发〔2008〕3号). On by default.
    pub attendance_prorating: bool,
    /// Fields this version does not know (written by a newer one), kept so that saving again
    /// loses nothing.
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// The regulation's default of [`Settings::seasonal_min_days`]: 3 months counted as 90 days.
pub const DEFAULT_SEASONAL_MIN_DAYS: u32 = 90;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            seasonal_min_days: DEFAULT_SEASONAL_MIN_DAYS.to_string(),
            seasonal_period: SeasonalPeriod::CalendarYear,
            attendance_prorating: true,
            unknown: Unknown::new(),
        }
    }
}

/// A choice from a fixed list, with its Chinese label for the UI, the packet and the templates.
pub trait Choice: Sized + Copy + PartialEq + 'static {
    /// Every variant, `Unspecified` first.
    const ALL: &'static [Self];
    /// The Chinese label shown to people.
    fn label(self) -> &'static str;
    /// A stable ASCII code, used as `<option value>` and in serialized form.
    fn code(self) -> &'static str;
    /// The variant with this code, if any.
    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.code() == code)
    }
    /// The variant with this Chinese label (after trimming), if any.
    fn from_label(label: &str) -> Option<Self> {
        let label = label.trim();
        Self::ALL.iter().copied().find(|v| v.label() == label)
    }
}

/// Declares a [`Choice`] enum: `Unspecified` first (label 请选择), then each variant with its
/// stable code and Chinese label. Exported so that other crates' fixed lists (the township
/// review's 核实结果, 审查方式 …) are declared, serialised and labelled the same way.
#[macro_export]
macro_rules! choice {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = ($code:literal, $label:literal)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, ::serde::Serialize, ::serde::Deserialize)]
        pub enum $name {
            #[default]
            #[serde(rename = "unspecified")]
            Unspecified,
            $($(#[$vmeta])* #[serde(rename = $code)] $variant),+
        }

        impl $crate::Choice for $name {
            const ALL: &'static [Self] = &[$name::Unspecified, $($name::$variant),+];
            fn label(self) -> &'static str {
                match self {
                    $name::Unspecified => "请选择",
                    $($name::$variant => $label),+
                }
            }
            fn code(self) -> &'static str {
                match self {
                    $name::Unspecified => "unspecified",
                    $($name::$variant => $code),+
                }
            }
        }
    };
}

choice! {
    /// 主体类型. Decides legal personality under 第六条.
    EntityType {
        /// 有限责任公司 / 股份有限公司
        Company = ("company", "公司（有限责任公司、股份有限公司）"),
        /// 农民专业合作社 (a legal person under 农民专业合作社法)
        FarmerCooperative = ("cooperative", "农民专业合作社"),
        /// 个体工商户: no legal personality
        IndividualBusiness = ("individual", "个体工商户"),
        /// 个人独资企业: no legal personality
        SoleProprietorship = ("sole_proprietorship", "个人独资企业"),
        /// 合伙企业: no legal personality
        Partnership = ("partnership", "合伙企业"),
        /// 分公司 / 分支机构: no independent legal personality
        Branch = ("branch", "分公司（分支机构）"),
        /// 其他法人 (e.g. 事业单位, 社会团体)
        OtherLegalPerson = ("other_legal_person", "其他法人组织"),
    }
}

choice! {
    /// 人员类别.
    PovertyStatus {
        /// 脱贫人口
        Alleviated = ("alleviated", "脱贫人口"),
        /// 监测对象 (counts as 脱贫人口 for the regulation: "含监测对象")
        Monitored = ("monitored", "监测对象"),
        /// 其他 (not poverty-alleviated)
        NotApplicable = ("other", "其他"),
    }
}

choice! {
    /// 用工形式.
    EmploymentForm {
        FullTime = ("full_time", "全日制"),
        PartTime = ("part_time", "非全日制"),
        /// 临时性、季节性务工
        Seasonal = ("seasonal", "季节性"),
    }
}

choice! {
    /// 协议类型 (both kinds are an "agreement" in the rules).
    AgreementType {
        EmploymentContract = ("employment_contract", "劳动合同"),
        LabourAgreement = ("labour_agreement", "劳务协议"),
        NoAgreement = ("none", "未签订"),
    }
}

choice! {
    /// 参保类型, 第七条第（四）项.
    InsuranceKind {
        WorkInjury = ("work_injury", "工伤保险"),
        Accident = ("accident", "人身意外伤害保险"),
        NoInsurance = ("none", "无"),
    }
}

choice! {
    /// 工资发放方式. An account number typed without a method is printed as a bank transfer.
    PayMethod {
        /// 银行代发 (the bank pays into the employee's card)
        BankTransfer = ("bank", "银行代发"),
        Cash = ("cash", "现金"),
        /// 微信、支付宝 and other transfers
        Other = ("other", "其他（微信、支付宝等）"),
    }
}

choice! {
    /// 场所权属.
    SiteTenure {
        Owned = ("owned", "自有"),
        Leased = ("leased", "租赁"),
        /// 无偿使用 (e.g. village collective premises)
        FreeUse = ("free_use", "无偿使用"),
    }
}

choice! {
    /// 车间形式, after 第二条.
    WorkshopForm {
        LabourIntensive = ("labour_intensive", "劳动密集型企业"),
        Dispersed = ("dispersed", "分散式生产企业（车间）"),
        HomeWorkshop = ("home_workshop", "家庭作坊式生产企业（车间）"),
        Cooperative = ("cooperative", "农牧民合作社"),
        Other = ("other", "其他市场经营主体"),
    }
}

choice! {
    /// The window in which seasonal days are counted for 第七条第（二）项.
    SeasonalPeriod {
        /// The calendar year of the assessment date (default, domain guide).
        CalendarYear = ("calendar_year", "评估日所在自然年度"),
        /// The twelve months ending on the assessment date.
        Trailing12Months = ("trailing_12_months", "评估日前12个月"),
    }
}

impl Draft {
    /// A key not used by any employee yet.
    pub fn next_employee_key(&self) -> u32 {
        self.employees
            .iter()
            .map(|e| e.key)
            .max()
            .map_or(1, |k| k + 1)
    }

    /// The employee with this key.
    pub fn employee(&self, key: u32) -> Option<&Employee> {
        self.employees.iter().find(|e| e.key == key)
    }

    /// The employee with this key, mutably.
    pub fn employee_mut(&mut self, key: u32) -> Option<&mut Employee> {
        self.employees.iter_mut().find(|e| e.key == key)
    }

    /// Adds an empty employee with one empty stint and returns its key.
    pub fn add_employee(&mut self) -> u32 {
        let key = self.next_employee_key();
        self.employees.push(Employee {
            key,
            stints: vec![Stint::default()],
            ..Employee::default()
        });
        key
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choice_codes_round_trip_and_labels_are_unique() {
        fn check<T: Choice + std::fmt::Debug>() {
            for v in T::ALL {
                assert_eq!(T::from_code(v.code()), Some(*v));
                assert_eq!(T::from_label(v.label()), Some(*v));
            }
        }
        check::<EntityType>();
        check::<PovertyStatus>();
        check::<EmploymentForm>();
        check::<AgreementType>();
        check::<InsuranceKind>();
        check::<PayMethod>();
        check::<SiteTenure>();
        check::<WorkshopForm>();
        check::<SeasonalPeriod>();
    }

    #[test]
    fn serde_uses_codes() {
        let json = serde_json::to_string(&PovertyStatus::Monitored).unwrap();
        assert_eq!(json, "\"monitored\"");
        let back: PovertyStatus = serde_json::from_str("\"alleviated\"").unwrap();
        assert_eq!(back, PovertyStatus::Alleviated);
    }

    #[test]
    fn keys_are_unique_after_removal() {
        let mut d = Draft::default();
        let a = d.add_employee();
        let b = d.add_employee();
        assert_ne!(a, b);
        d.employees.retain(|e| e.key != a);
        let c = d.add_employee();
        assert!(c != b && d.employee(c).is_some());
        assert_eq!(d.employee(c).map(|e| e.stints.len()), Some(1));
    }

    /// A draft from a newer version keeps what this one does not understand, at every level.
    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let text = r#"{"applicant":{"name":"某社","vat_number":"X1"},"future":{"a":[1,2]},
            "employees":[{"key":1,"name":"王五","nickname":"小王",
              "stints":[{"start":"2026-03-01","shift":"night"}],
              "wages":[{"month":"2026-03","bonus":"100"}]}]}"#;
        let d: Draft = serde_json::from_str(text).unwrap();
        assert_eq!(d.applicant.name, "某社");
        let again: serde_json::Value = serde_json::to_value(&d).unwrap();
        assert_eq!(again["applicant"]["vat_number"], "X1");
        assert_eq!(again["future"]["a"][1], 2);
        assert_eq!(again["employees"][0]["nickname"], "小王");
        assert_eq!(again["employees"][0]["stints"][0]["shift"], "night");
        assert_eq!(again["employees"][0]["wages"][0]["bonus"], "100");
        let back: Draft = serde_json::from_value(again).unwrap();
        assert_eq!(back, d);
    }

    #[test]
    fn missing_fields_read_as_empty() {
        let d: Draft = serde_json::from_str(r#"{"applicant":{"name":"某合作社"}}"#).unwrap();
        assert_eq!(d.applicant.name, "某合作社");
        assert_eq!(d.settings.seasonal_min_days, "90");
        assert!(d.settings.attendance_prorating);
        assert!(d.employees.is_empty());
    }
}
