//! What the township records about one application, kept beside the applicant's draft and never
//! written into it: the 审查组, the 实地审查, one row per criterion, the 抽查 of workers, the
//! conclusion (第八条第（二）项, 第八条第（五）项), the public notice and the submission to the
//! county.
//!
//! Like the draft, every value is kept as typed (strings, choices); [`crate::check`] reads them
//! and says what is missing or wrong at the field. Fields a newer app wrote are kept in
//! `unknown` and written back.

use crate::choices::{Answer, Conclusion, Method, Objections, Reached, ReviewResult};
use crate::Unknown;
use bangfu_rules::CriterionId;
use serde::{Deserialize, Serialize};

/// The review of one application (第八条第（二）项).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewRecord {
    /// 审查组: at least 3 people.
    pub members: Vec<Member>,
    /// 实地审查日期, as typed.
    pub visit_date: String,
    /// 实地审查地点.
    pub visit_place: String,
    /// 审查日期: the date of the opinion (and of the assessment the reviewers compare with).
    pub review_date: String,
    /// One row per criterion of 第六条 and 第七条, in [`CriterionId::ALL`] order once created.
    pub rows: Vec<CriterionReview>,
    /// 抽查 of registered poverty-alleviated workers.
    pub sample: Sample,
    pub conclusion: Conclusion,
    /// 不符合: the written reasons with the items to rectify (第八条第（五）项).
    pub reasons: String,
    /// 待补正: the materials the applicant is to supply.
    pub materials: String,
    /// 审查意见: free text printed with the conclusion.
    pub opinion: String,
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// One member of the 审查组.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Member {
    /// 姓名
    pub name: String,
    /// 单位/职务
    pub role: String,
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// The review group's finding on one criterion.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CriterionReview {
    /// [`CriterionId::code`], e.g. `art7-1`.
    pub criterion: String,
    /// 审查方式, several allowed.
    pub methods: Vec<Method>,
    /// 核实结果
    pub result: ReviewResult,
    /// 依据材料
    pub evidence: String,
    /// 说明 (required where the result differs from the app's verdict).
    pub note: String,
    /// The 材料指纹 of the version a reviewer confirmed this row for; empty while unconfirmed. A
    /// row confirmed for an older version does not count for a newer one.
    pub confirmed_for: String,
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// The 抽查: which registered workers were drawn, with the seed that reproduces the draw.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Sample {
    /// The draw's seed, as shown (decimal).
    pub seed: String,
    pub picks: Vec<SampledPerson>,
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// One sampled worker and what they confirmed by phone or in person.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SampledPerson {
    /// 身份证号 as the application has it (to find the person again in a newer version).
    pub id_number: String,
    pub name: String,
    pub reached: Reached,
    /// 在岗
    pub on_post: Answer,
    /// 工资按时足额到账
    pub wages_received: Answer,
    /// 签订劳动合同或劳务协议
    pub agreement_signed: Answer,
    pub note: String,
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// The public notice of an application concluded 拟公示 (第八条第（二）项).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NoticeRecord {
    /// 公示开始日期, as typed.
    pub start: String,
    /// 公示结束日期, as typed (the UI offers the earliest the regulation allows).
    pub end: String,
    /// 公示地点 / 网址.
    pub place: String,
    pub objections: Objections,
    /// The objections received, when there were any.
    pub objection_text: String,
    /// How they were dealt with.
    pub outcome: String,
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// The submission to the 旗县（市、区） after a notice without objection.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Submission {
    /// 报送日期, as typed.
    pub submitted_on: String,
    pub note: String,
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// How the materials in 依据材料 are separated (as [`crate::check::prefill`] writes them).
pub const EVIDENCE_SEPARATOR: &str = "；";

impl CriterionReview {
    /// Whether 依据材料 names this material.
    pub fn cites(&self, material: &str) -> bool {
        self.evidence
            .split(EVIDENCE_SEPARATOR)
            .any(|m| m.trim() == material)
    }

    /// Adds a material to 依据材料 or takes it out, keeping everything else typed there: the
    /// reviewer ticks the checklist's materials and types what else they saw.
    ///
    /// # Examples
    /// ```
    /// use bangfu_review::CriterionReview;
    /// let mut row = CriterionReview { evidence: "劳动合同或劳务协议".into(), ..Default::default() };
    /// row.set_cited("工资表原件（现场查看）", true);
    /// assert_eq!(row.evidence, "劳动合同或劳务协议；工资表原件（现场查看）");
    /// row.set_cited("劳动合同或劳务协议", false);
    /// assert_eq!(row.evidence, "工资表原件（现场查看）");
    /// ```
    pub fn set_cited(&mut self, material: &str, on: bool) {
        if on == self.cites(material) {
            return;
        }
        let mut parts: Vec<&str> = self
            .evidence
            .split(EVIDENCE_SEPARATOR)
            .map(str::trim)
            .filter(|m| !m.is_empty() && *m != material)
            .collect();
        if on {
            parts.push(material);
        }
        self.evidence = parts.join(EVIDENCE_SEPARATOR);
    }
}

impl ReviewRecord {
    /// The row for a criterion, if one was made.
    pub fn row(&self, id: CriterionId) -> Option<&CriterionReview> {
        self.rows.iter().find(|r| r.criterion == id.code())
    }

    /// The row for a criterion, created (empty, unconfirmed) when missing.
    ///
    /// # Examples
    /// ```
    /// use bangfu_review::ReviewRecord;
    /// use bangfu_rules::CriterionId;
    /// let mut r = ReviewRecord::default();
    /// r.row_mut(CriterionId::Art7_2).note = "抽查3人均在岗".into();
    /// assert_eq!(r.rows.len(), 1);
    /// assert_eq!(r.row(CriterionId::Art7_2).unwrap().criterion, "art7-2");
    /// ```
    pub fn row_mut(&mut self, id: CriterionId) -> &mut CriterionReview {
        let at = match self.rows.iter().position(|r| r.criterion == id.code()) {
            Some(at) => at,
            None => {
                self.rows.push(CriterionReview {
                    criterion: id.code().to_owned(),
                    ..CriterionReview::default()
                });
                self.rows.len() - 1
            }
        };
        &mut self.rows[at]
    }

    /// Members with a name (the ones who count towards the three).
    pub fn named_members(&self) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(|m| !m.name.trim().is_empty())
    }

    /// Whether anyone has started the review (a member, a date, a row).
    pub fn is_started(&self) -> bool {
        self.named_members().next().is_some()
            || !self.visit_date.trim().is_empty()
            || !self.review_date.trim().is_empty()
            || self.rows.iter().any(|r| !r.confirmed_for.is_empty())
            || !self.sample.picks.is_empty()
    }
}
