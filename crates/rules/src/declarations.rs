//! The boxes the applicant ticks: the written rules and stable operation, and the declarations
//! of 第六条 and 第七条第（五）项. One list, so the form, the criteria and the packet say the
//! same words.
//!
//! The app cannot check these: the applicant declares them and the township's review group
//! checks them on site (第八条第（二）项). An unticked box is 信息不完整, never 不符合: the app cannot
//! tell "no" from "not answered yet".

use crate::finding::CriterionId;
use bangfu_model::Draft;

/// Which part of the form a box belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// 管理制度与经营情况 (第七条第（五）项).
    Rules,
    /// 申请主体声明.
    Declarations,
}

/// One box.
#[derive(Clone, Copy, Debug)]
pub struct Declaration {
    /// The field path (see [`crate::path`]), e.g. `rules.safety`.
    pub path: &'static str,
    /// What the applicant confirms, e.g. 「已建立安全生产制度」.
    pub label: &'static str,
    pub group: Group,
    /// The criterion that needs it; `None` for the truthfulness declaration (the 承诺书's).
    pub criterion: Option<CriterionId>,
    pub get: fn(&Draft) -> bool,
    pub set: fn(&mut Draft, bool),
}

/// Every box, in the order of the form.
pub const ALL: [Declaration; 10] = [
    Declaration {
        path: "rules.safety",
        label: "已建立安全生产制度",
        group: Group::Rules,
        criterion: Some(CriterionId::Art7_5),
        get: |d| d.rules.safety,
        set: |d, v| d.rules.safety = v,
    },
    Declaration {
        path: "rules.labour_discipline",
        label: "已建立劳动纪律制度",
        group: Group::Rules,
        criterion: Some(CriterionId::Art7_5),
        get: |d| d.rules.labour_discipline,
        set: |d, v| d.rules.labour_discipline = v,
    },
    Declaration {
        path: "rules.workshop_management",
        label: "已建立车间管理制度",
        group: Group::Rules,
        criterion: Some(CriterionId::Art7_5),
        get: |d| d.rules.workshop_management,
        set: |d, v| d.rules.workshop_management = v,
    },
    Declaration {
        path: "rules.stable_operation",
        label: "生产经营稳定",
        group: Group::Rules,
        criterion: Some(CriterionId::Art7_5),
        get: |d| d.rules.stable_operation,
        set: |d, v| d.rules.stable_operation = v,
    },
    Declaration {
        path: "declarations.lawful_operation",
        label: "本主体依法注册、合法经营",
        group: Group::Declarations,
        criterion: Some(CriterionId::Art6),
        get: |d| d.declarations.lawful_operation,
        set: |d, v| d.declarations.lawful_operation = v,
    },
    Declaration {
        path: "declarations.social_responsibility",
        label: "本主体履行社会责任",
        group: Group::Declarations,
        criterion: Some(CriterionId::Art6),
        get: |d| d.declarations.social_responsibility,
        set: |d, v| d.declarations.social_responsibility = v,
    },
    Declaration {
        path: "declarations.no_illegal_activity",
        label: "未从事违法生产经营活动",
        group: Group::Declarations,
        criterion: Some(CriterionId::Art7_5),
        get: |d| d.declarations.no_illegal_activity,
        set: |d, v| d.declarations.no_illegal_activity = v,
    },
    Declaration {
        path: "declarations.no_pollution",
        label: "未从事污染环境的生产经营活动",
        group: Group::Declarations,
        criterion: Some(CriterionId::Art7_5),
        get: |d| d.declarations.no_pollution,
        set: |d, v| d.declarations.no_pollution = v,
    },
    Declaration {
        path: "declarations.no_harmful_activity",
        label: "未从事对人体身心健康有害的生产经营活动",
        group: Group::Declarations,
        criterion: Some(CriterionId::Art7_5),
        get: |d| d.declarations.no_harmful_activity,
        set: |d, v| d.declarations.no_harmful_activity = v,
    },
    Declaration {
        path: "declarations.materials_true",
        label: "所填信息和所附材料真实、完整",
        group: Group::Declarations,
        criterion: None,
        get: |d| d.declarations.materials_true,
        set: |d, v| d.declarations.materials_true = v,
    },
];

/// The boxes a criterion needs.
pub fn of(criterion: CriterionId) -> impl Iterator<Item = &'static Declaration> {
    ALL.iter().filter(move |d| d.criterion == Some(criterion))
}

/// The boxes of one part of the form.
pub fn in_group(group: Group) -> impl Iterator<Item = &'static Declaration> {
    ALL.iter().filter(move |d| d.group == group)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_box_reads_and_writes_its_own_field() {
        for d in &ALL {
            let mut draft = Draft::default();
            (d.set)(&mut draft, true);
            assert!((d.get)(&draft), "{}", d.path);
            let ticked = ALL.iter().filter(|o| (o.get)(&draft)).count();
            assert_eq!(ticked, 1, "{} sets another field too", d.path);
        }
        let paths: std::collections::HashSet<_> = ALL.iter().map(|d| d.path).collect();
        assert_eq!(paths.len(), ALL.len());
        assert_eq!(of(CriterionId::Art7_5).count(), 7);
        assert_eq!(of(CriterionId::Art6).count(), 2);
    }
}
