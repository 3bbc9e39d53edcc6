//! 第六条: "凡在我区依法注册、合法经营、履行社会责任，符合认定标准条件、具有独立法人资格的经营主体
//! 均可申请认定为就业帮扶车间。"
//!
//! - Independent legal personality by entity type: companies, 农民专业合作社 (农民专业合作社法
//!   第五条) and other legal persons have it; 个体工商户 (民法典第五十四条, a natural-person form),
//!   个人独资企业 and 合伙企业 (非法人组织, 民法典第一百零二条) and branches (分公司, 公司法第十三条)
//!   do not. The explanation says so.
//! - USCC: must be valid (GB 32100-2015); an invalid one makes the item incomplete (it is a typing
//!   problem until proven otherwise). Characters 1-2 `92`/`93` identify a 个体工商户 / 农民专业合作社
//!   whatever type was chosen: the register wins, and a mismatch is warned at the type field.
//! - Registered in the region: characters 3-4 `15`. Otherwise a warning, not a refusal (the
//!   reviewer decides; e.g. a registration moved into the region keeps its code).
//! - Lawful operation and social responsibility: the applicant's declarations; unticked = incomplete.

use crate::declarations;
use crate::finding::{CriterionId, FieldError, Finding, Status};
use crate::path;
use crate::validate::{parse_credit_code, CodeKind, CreditCode, CreditCodeError};
use bangfu_model::region::Regions;
use bangfu_model::text::{parse_date, ParseError};
use bangfu_model::{Choice, Draft, EntityType};
use chrono::NaiveDate;

pub const CITATION: &str = "第六条";
pub const TITLE: &str = "申请主体资格（依法注册、独立法人）";
pub const TEXT: &str = "凡在我区依法注册、合法经营、履行社会责任，符合认定标准条件、具有独立法人资格的经营主体均可申请认定为就业帮扶车间。";

/// Why an entity type lacks legal personality, or `None` when it has it (or is not chosen).
pub fn not_a_legal_person(t: EntityType) -> Option<&'static str> {
    match t {
        EntityType::IndividualBusiness => Some(
            "个体工商户属于自然人从事工商业经营的形式（民法典第五十四条），不具有独立法人资格",
        ),
        EntityType::SoleProprietorship => {
            Some("个人独资企业属于非法人组织（民法典第一百零二条），不具有独立法人资格")
        }
        EntityType::Partnership => {
            Some("合伙企业属于非法人组织（民法典第一百零二条），不具有独立法人资格")
        }
        EntityType::Branch => Some(
            "分公司（分支机构）不具有法人资格，民事责任由公司承担（公司法第十三条）；可由具有法人资格的公司申请",
        ),
        EntityType::Company
        | EntityType::FarmerCooperative
        | EntityType::OtherLegalPerson
        | EntityType::Unspecified => None,
    }
}

/// The name of the registering authority's division (characters 3-8), when known.
fn division_name(code: &CreditCode) -> Option<String> {
    let div = code.division();
    let regions = Regions::get();
    if div == "150000" {
        return Some("内蒙古自治区".into());
    }
    if let Some(c) = regions.county(div) {
        return Some(format!("{}{}", c.prefecture, c.name));
    }
    let pref = div.get(..4)?;
    if div.ends_with("00") {
        return regions.prefecture(pref).map(|p| p.name.clone());
    }
    None
}

/// The type the code's category implies, when it implies one.
fn type_from_code(kind: CodeKind) -> Option<EntityType> {
    match kind {
        CodeKind::IndividualBusiness => Some(EntityType::IndividualBusiness),
        CodeKind::FarmerCooperative => Some(EntityType::FarmerCooperative),
        CodeKind::Enterprise | CodeKind::Other => None,
    }
}

/// 第六条.
pub(crate) fn assess(draft: &Draft, date: NaiveDate, errors: &mut Vec<FieldError>) -> Finding {
    let a = &draft.applicant;
    let mut missing = Vec::new();
    let mut notes = Vec::new();
    if a.name.trim().is_empty() {
        missing.push("经营主体名称（未填写）".to_owned());
    }
    match parse_date(&a.established) {
        Ok(d) if d > date => errors.push(FieldError {
            path: path::applicant("established"),
            message: format!(
                "成立日期晚于自评基准日（{}），请核对",
                crate::calendar::cn(date)
            ),
            warning: true,
        }),
        Ok(_) | Err(ParseError::Empty) => {}
        Err(e) => errors.push(FieldError {
            path: path::applicant("established"),
            message: e.to_string(),
            warning: false,
        }),
    }

    let code = parse_credit_code(&a.credit_code);
    let mut entity = a.entity_type;
    let mut code_text = String::new();
    match &code {
        Ok(c) => {
            let place = division_name(c)
                .map(|n| format!("，登记机关区划 {} {n}", c.division()))
                .unwrap_or_else(|| format!("，登记机关区划 {}", c.division()));
            code_text = format!(
                "统一社会信用代码 {}（{}{place}）",
                c.as_str(),
                c.kind().label()
            );
            if !c.registered_in_inner_mongolia() {
                let msg = format!(
                    "统一社会信用代码第3-4位为“{}”，登记机关不在内蒙古自治区（应为15）：第六条要求在我区依法注册，请核实",
                    c.division().get(..2).unwrap_or("")
                );
                errors.push(FieldError {
                    path: path::applicant("credit_code"),
                    message: msg,
                    warning: true,
                });
                notes.push(
                    "统一社会信用代码显示登记机关不在内蒙古自治区，须由审查组核实在区内依法注册"
                        .to_owned(),
                );
            }
            if let Some(t) = type_from_code(c.kind()) {
                if entity != t {
                    if entity != EntityType::Unspecified {
                        errors.push(FieldError {
                            path: path::applicant("entity_type"),
                            message: format!(
                                "统一社会信用代码第1-2位为“{}”（{}），与所选主体类型“{}”不一致，按代码判断",
                                c.category(),
                                c.kind().label(),
                                entity.label()
                            ),
                            warning: true,
                        });
                    }
                    entity = t;
                }
            } else if c.kind() == CodeKind::Enterprise
                && matches!(
                    entity,
                    EntityType::IndividualBusiness | EntityType::FarmerCooperative
                )
            {
                errors.push(FieldError {
                    path: path::applicant("entity_type"),
                    message: format!(
                        "统一社会信用代码第1-2位为“91”（企业），与所选主体类型“{}”不一致，请核对",
                        entity.label()
                    ),
                    warning: true,
                });
            }
        }
        Err(CreditCodeError::Empty) => missing.push("统一社会信用代码（未填写）".to_owned()),
        Err(e) => {
            errors.push(FieldError {
                path: path::applicant("credit_code"),
                message: e.to_string(),
                warning: false,
            });
            missing.push("统一社会信用代码（校验未通过）".to_owned());
        }
    }
    if entity == EntityType::Unspecified {
        missing.push("主体类型（未选择）".to_owned());
    }
    for d in declarations::of(CriterionId::Art6) {
        if !(d.get)(draft) {
            missing.push(format!(
                "声明：{}（未勾选，在第六步“制度与声明”中）",
                d.label
            ));
        }
    }

    let no_legal_person = not_a_legal_person(entity);
    let status = if no_legal_person.is_some() {
        Status::NotMet
    } else if missing.is_empty() {
        Status::Met
    } else {
        Status::Incomplete
    };
    let type_text = if entity == EntityType::Unspecified {
        "主体类型未选择".to_owned()
    } else {
        entity.label().to_owned()
    };
    let mut actual = type_text.clone();
    if !code_text.is_empty() {
        actual.push('；');
        actual.push_str(&code_text);
    }
    if draft.declarations.lawful_operation {
        actual.push_str("；已声明依法注册、合法经营");
    }
    let mut summary = match (status, no_legal_person) {
        (Status::NotMet, Some(why)) => why.to_owned(),
        (Status::Met, _) => format!("{type_text}，具有独立法人资格，在我区依法注册"),
        _ => "申请主体信息不完整".to_owned(),
    };
    if !notes.is_empty() {
        summary.push_str(&format!("（{}）", notes.join("；")));
    }
    let shortfall = match status {
        Status::NotMet => "须由具有独立法人资格的经营主体（如公司、农民专业合作社）申请；个体工商户等可依法变更为公司或合作社后申请".to_owned(),
        Status::Incomplete => format!("补全：{}", missing.join("、")),
        Status::Met => String::new(),
    };
    Finding {
        criterion: CriterionId::Art6,
        status,
        summary,
        actual,
        required: "在内蒙古自治区依法注册、合法经营、履行社会责任，具有独立法人资格的经营主体".into(),
        shortfall,
        explanation: "申请单位要在内蒙古依法登记注册，并且是公司、农民专业合作社这类有法人资格的单位。个体工商户、个人独资企业、合伙企业和分公司没有独立法人资格，不能申请。".into(),
        method: "法人资格按主体类型判断：公司、农民专业合作社（农民专业合作社法第五条）及其他法人具有法人资格；个体工商户、个人独资企业、合伙企业、分公司不具有独立法人资格。统一社会信用代码按 GB 32100-2015 校验字符集和校验位；第1-2位 92（个体工商户）、93（农民专业合作社）与所选主体类型交叉核对，以代码为准；第3-4位为 15 视为在内蒙古登记，否则提示核实，不直接判为不符合。依法注册、合法经营、履行社会责任以申请主体声明为准，由审查组核实".into(),
        missing,
        people: vec![],
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::*;
    use crate::{sample, CriterionId, Status};
    use bangfu_model::EntityType;

    #[test]
    fn art6_legal_personality_by_entity_type() {
        use EntityType::*;
        let cases = [
            (Company, Status::Met, ""),
            (OtherLegalPerson, Status::Met, ""),
            (IndividualBusiness, Status::NotMet, "个体工商户"),
            (SoleProprietorship, Status::NotMet, "非法人组织"),
            (Partnership, Status::NotMet, "合伙企业"),
            (Branch, Status::NotMet, "分公司"),
            (Unspecified, Status::Incomplete, "主体类型（未选择）"),
        ];
        for (t, want, text) in cases {
            let mut draft = workshop(5, 5);
            draft.applicant.entity_type = t;
            let f = finding(&draft, CriterionId::Art6);
            assert_eq!(f.status, want, "{t:?}: {}", f.summary);
            let all = format!("{} {:?}", f.summary, f.missing);
            assert!(all.contains(text), "{all}");
        }
    }

    #[test]
    fn art6_individual_business_code_fails_whatever_type_is_chosen() {
        let mut draft = workshop(5, 5);
        draft.applicant.credit_code = sample::credit_code("92150121MA0N1B2C3");
        draft.applicant.entity_type = EntityType::Company;
        let a = run(&draft);
        let f = a.finding(CriterionId::Art6).unwrap();
        assert_eq!(f.status, Status::NotMet);
        assert!(f.summary.contains("个体工商户"), "{}", f.summary);
        let w = a.errors_at("applicant.entity_type").next().unwrap();
        assert!(w.warning && w.message.contains("92"), "{}", w.message);
        // A cooperative's code with the cooperative type is a legal person.
        draft.applicant.credit_code = sample::credit_code("93150121MA0N1B2C3");
        draft.applicant.entity_type = EntityType::FarmerCooperative;
        assert_eq!(finding(&draft, CriterionId::Art6).status, Status::Met);
    }

    #[test]
    fn art6_credit_code_checks() {
        let cases = [
            ("91350100M000100Y43", Status::Met, true, "不在内蒙古"),
            ("91350100M000100Y44", Status::Incomplete, false, "校验位"),
            ("", Status::Incomplete, false, ""),
            ("91150121MA0N1B2C", Status::Incomplete, false, "18位"),
        ];
        for (code, want, warning, text) in cases {
            let mut draft = workshop(5, 5);
            draft.applicant.credit_code = code.into();
            let a = run(&draft);
            assert_eq!(a.finding(CriterionId::Art6).unwrap().status, want, "{code}");
            let errs: Vec<_> = a.errors_at("applicant.credit_code").collect();
            if code.is_empty() {
                assert!(errs.is_empty());
            } else {
                assert_eq!(errs.len(), 1, "{code}");
                assert_eq!(errs[0].warning, warning, "{code}");
                assert!(errs[0].message.contains(text), "{}", errs[0].message);
            }
        }
    }

    #[test]
    fn art6_declarations_must_be_ticked() {
        let mut draft = workshop(5, 5);
        draft.declarations.lawful_operation = false;
        let f = finding(&draft, CriterionId::Art6);
        assert_eq!(f.status, Status::Incomplete);
        assert!(f.missing.iter().any(|m| m.contains("依法注册、合法经营")));
    }

    #[test]
    fn art6_explains_the_registering_authority() {
        let f = finding(&workshop(5, 5), CriterionId::Art6);
        assert!(
            f.actual.contains("150121 呼和浩特市土默特左旗"),
            "{}",
            f.actual
        );
    }
}
