//! The supporting materials of an application (第八条第（一）项: 法人资格、固定场所、吸纳脱贫人口身份
//! 信息、劳务协议、工资发放明细), each with the criteria it proves. One list: the packet's
//! 申报材料清单 prints it, and the township's review offers each criterion's materials as its
//! 依据材料.

use crate::CriterionId;

/// One kind of supporting material.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Material {
    /// The name printed on the checklist, e.g. 劳动合同或劳务协议.
    pub name: &'static str,
    /// The criteria it is evidence for.
    pub proves: &'static [CriterionId],
}

use CriterionId::{Art6, Art7_1, Art7_2, Art7_3, Art7_4, Art7_5};

pub const LICENCE: Material = Material {
    name: "营业执照（或法人登记证书）复印件",
    proves: &[Art6],
};
pub const LEGAL_REP_ID: Material = Material {
    name: "法定代表人（负责人）身份证复印件",
    proves: &[Art6],
};
pub const SITE: Material = Material {
    name: "固定生产经营场所证明",
    proves: &[Art7_5],
};
pub const POVERTY_IDS: Material = Material {
    name: "脱贫人口（含监测对象）身份证复印件及身份证明",
    proves: &[Art7_1],
};
pub const AGREEMENTS: Material = Material {
    name: "劳动合同或劳务协议",
    proves: &[Art7_1, Art7_2],
};
pub const WAGES: Material = Material {
    name: "工资发放凭证（银行代发流水或签字工资表）",
    proves: &[Art7_3],
};
pub const INSURANCE: Material = Material {
    name: "工伤保险参保证明或人身意外伤害保险保单",
    proves: &[Art7_4],
};
pub const RULES: Material = Material {
    name: "安全生产、劳动纪律、车间管理等制度文本",
    proves: &[Art7_5],
};
pub const APPLICATION: Material = Material {
    name: "本申请材料（申请书、申请表、自评结果、花名册、工资发放明细表、承诺书）",
    proves: &[Art6, Art7_1, Art7_2, Art7_3, Art7_4, Art7_5],
};

/// Every material, in the checklist's order.
pub const ALL: [Material; 9] = [
    LICENCE,
    LEGAL_REP_ID,
    SITE,
    POVERTY_IDS,
    AGREEMENTS,
    WAGES,
    INSURANCE,
    RULES,
    APPLICATION,
];

/// The materials that are evidence for one criterion, in checklist order.
///
/// # Examples
/// ```
/// use bangfu_rules::{materials, CriterionId};
/// let names: Vec<&str> = materials::for_criterion(CriterionId::Art7_3).map(|m| m.name).collect();
/// assert_eq!(names[0], "工资发放凭证（银行代发流水或签字工资表）");
/// ```
pub fn for_criterion(id: CriterionId) -> impl Iterator<Item = Material> {
    ALL.into_iter().filter(move |m| m.proves.contains(&id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_criterion_has_its_own_evidence_besides_the_application() {
        for id in CriterionId::ALL {
            let own = for_criterion(id).filter(|m| *m != APPLICATION).count();
            assert!(own >= 1, "{id:?}");
        }
    }
}
