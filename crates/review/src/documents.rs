//! What the township's documents say, built once from the review record and the rules'
//! assessment; the PDF (`bangfu_packet::township`) and the notice's plain text only lay it out.
//! No official template is published: every document is marked 参考格式 (see the domain guide).
//!
//! - [`OpinionSheet`]: 初审审查意见表 (第八条第（二）项).
//! - [`RefusalLetter`]: 不予通过书面说明 (第八条第（五）项).
//! - [`PublicNotice`]: 关于拟认定就业帮扶车间的公示, for one or several applications; no worker's
//!   name or ID number is in it.
//! - [`SubmissionList`]: 报送旗县清单, with each application's 材料指纹.

use crate::application::Application;
use crate::check;
use crate::choices::{Conclusion, Method, Objections, ReviewResult};
use crate::deadline::{notice_earliest_end, NoticePeriod};
use crate::workspace::Township;
use bangfu_model::text::parse_date;
use bangfu_model::{fingerprint, Choice, Draft};
use bangfu_rules::calendar::{cn, Calendar};
use bangfu_rules::validate::id_card::mask_id;
use bangfu_rules::{Assessment, CriterionId};
use chrono::NaiveDate;
use serde::Serialize;

/// Printed on every township document: no official template exists.
pub const REFERENCE: &str = "参考格式";

/// The regulation's full name as the documents cite it.
pub const REGULATION: &str = "《内蒙古自治区就业帮扶车间管理办法》";

fn or_line(s: &str) -> String {
    let s = s.trim();
    if s.is_empty() {
        "________".to_owned()
    } else {
        s.to_owned()
    }
}

fn cn_typed(s: &str) -> String {
    parse_date(s).map_or_else(|_| or_line(s), cn)
}

/// The issuer: the township's name, or a blank to fill in.
fn issuer(t: &Township) -> String {
    if t.name.trim().is_empty() {
        "________苏木乡镇人民政府".to_owned()
    } else {
        t.name.trim().to_owned()
    }
}

/// The workshop's address as the packet prints it, each place name once.
pub fn site_address(d: &Draft) -> String {
    bangfu_model::region::Regions::get()
        .site_address(&d.site)
        .trim()
        .to_owned()
}

/// One criterion's row on the 审查意见表.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OpinionRow {
    /// 「第七条第（一）项 吸纳脱贫人口就业人数及比例」
    pub item: String,
    /// 「查阅资料、实地查看」
    pub methods: String,
    pub result: String,
    pub evidence: String,
    pub note: String,
    /// The app's verdict on the review date.
    pub app: String,
}

/// One sampled worker's line: name, masked ID, what they confirmed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SampleLine {
    pub name: String,
    pub id: String,
    pub reached: String,
    pub on_post: String,
    pub wages_received: String,
    pub agreement_signed: String,
    pub note: String,
}

/// 初审审查意见表.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OpinionSheet {
    pub title: &'static str,
    /// 申请主体, 统一社会信用代码, 车间地址, 受理编号, 受理日期, 审查日期, 实地审查, 材料指纹.
    pub header: Vec<(&'static str, String)>,
    /// (姓名, 单位/职务); at least three lines, blank ones to fill by hand.
    pub members: Vec<(String, String)>,
    pub rows: Vec<OpinionRow>,
    /// 「抽查 3 人（随机种子 42）」 or empty.
    pub sample_heading: String,
    pub sample: Vec<SampleLine>,
    pub conclusion: String,
    /// (不符合原因及整改事项 | 需补正材料, text).
    pub conclusion_detail: Option<(&'static str, String)>,
    pub opinion: String,
    pub issuer: String,
    pub date: String,
    /// What still blocks the conclusion, printed as a warning so an unfinished sheet is never
    /// taken for a finished one.
    pub unfinished: Vec<String>,
}

impl OpinionSheet {
    /// The sheet of `app`, `current` being the app's assessment on the review date.
    ///
    /// # Examples
    /// ```
    /// use bangfu_review::{documents::OpinionSheet, Application, Township};
    /// use bangfu_rules::{assess, calendar::Calendar, sample::qualifying_draft};
    /// let today = chrono::NaiveDate::from_ymd_opt(2026, 6, 20).unwrap();
    /// let draft = qualifying_draft(8, 6, today);
    /// let a = assess(&draft, today);
    /// let s = OpinionSheet::of(&Application::default(), &draft, &a, &Township::default(), Calendar::shipped(), today);
    /// assert_eq!(s.rows.len(), 6);
    /// assert!(s.unfinished.iter().any(|p| p.contains("审查组须不少于3人")));
    /// ```
    pub fn of(
        app: &Application,
        draft: &Draft,
        current: &Assessment,
        township: &Township,
        calendar: &Calendar,
        today: NaiveDate,
    ) -> OpinionSheet {
        let r = &app.review;
        let fp = app.latest_fingerprint();
        let visit = [cn_typed(&r.visit_date), r.visit_place.trim().to_owned()]
            .join(" ")
            .trim()
            .to_owned();
        let header = vec![
            ("申请主体", or_line(&draft.applicant.name)),
            ("统一社会信用代码", or_line(&draft.applicant.credit_code)),
            ("车间地址", or_line(&site_address(draft))),
            ("受理编号", or_line(&app.number)),
            ("受理日期", cn_typed(&app.received_on)),
            ("审查日期", cn_typed(&r.review_date)),
            ("实地审查", visit),
            (
                "材料指纹",
                if fp.is_empty() {
                    "________".to_owned()
                } else {
                    format!("{}（SHA-256：{fp}）", fingerprint::short(fp))
                },
            ),
        ];
        let mut members: Vec<(String, String)> = r
            .named_members()
            .map(|m| (m.name.trim().to_owned(), m.role.trim().to_owned()))
            .collect();
        while members.len() < check::MIN_MEMBERS {
            members.push((String::new(), String::new()));
        }
        let rows = CriterionId::ALL
            .into_iter()
            .map(|id| {
                let row = r.row(id);
                let methods = row.map_or(String::new(), |x| {
                    x.methods
                        .iter()
                        .filter(|m| **m != Method::Unspecified)
                        .map(|m| m.label())
                        .collect::<Vec<_>>()
                        .join("、")
                });
                let confirmed = row.is_some_and(|x| check::is_confirmed(x, app));
                OpinionRow {
                    item: format!("{} {}", id.citation(), id.title()),
                    methods,
                    result: match row {
                        Some(x) if confirmed && x.result != ReviewResult::Unspecified => {
                            x.result.label().to_owned()
                        }
                        _ => String::new(),
                    },
                    evidence: row.map_or(String::new(), |x| x.evidence.trim().to_owned()),
                    note: row.map_or(String::new(), |x| x.note.trim().to_owned()),
                    app: current
                        .finding(id)
                        .map_or(String::new(), |f| f.status.label().to_owned()),
                }
            })
            .collect();
        let sample: Vec<SampleLine> = r
            .sample
            .picks
            .iter()
            .map(|p| SampleLine {
                name: p.name.clone(),
                id: mask_id(&p.id_number),
                reached: label_or_blank(p.reached),
                on_post: label_or_blank(p.on_post),
                wages_received: label_or_blank(p.wages_received),
                agreement_signed: label_or_blank(p.agreement_signed),
                note: p.note.trim().to_owned(),
            })
            .collect();
        let sample_heading = if sample.is_empty() {
            String::new()
        } else {
            format!(
                "从登记的脱贫人口（含监测对象）中随机抽取 {} 人（随机种子 {}，可复现）",
                sample.len(),
                r.sample.seed.trim()
            )
        };
        let problems = check::review(app, current, calendar, today);
        let concluded = check::is_concluded(&problems, r);
        let conclusion_detail = match r.conclusion {
            Conclusion::Rejected => Some(("不符合原因及整改事项", r.reasons.trim().to_owned())),
            Conclusion::ToSupplement => Some(("需补正材料", r.materials.trim().to_owned())),
            _ => None,
        };
        OpinionSheet {
            title: "就业帮扶车间认定苏木乡镇初审审查意见表",
            header,
            members,
            rows,
            sample_heading,
            sample,
            conclusion: if r.conclusion == Conclusion::Unspecified {
                String::new()
            } else {
                r.conclusion.label().to_owned()
            },
            conclusion_detail,
            opinion: r.opinion.trim().to_owned(),
            issuer: issuer(township),
            date: cn_typed(&r.review_date),
            unfinished: if concluded {
                Vec::new()
            } else {
                problems
                    .into_iter()
                    .filter(|p| p.blocking)
                    .map(|p| p.message)
                    .collect()
            },
        }
    }
}

fn label_or_blank<T: Choice + Default>(v: T) -> String {
    if v == T::default() {
        String::new()
    } else {
        v.label().to_owned()
    }
}

/// 不予通过书面说明 (第八条第（五）项).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RefusalLetter {
    pub title: &'static str,
    /// 「某某合作社：」
    pub to: String,
    pub opening: String,
    /// The reasons with the items to rectify, one per line as the reviewers wrote them.
    pub reasons: Vec<String>,
    pub closing: String,
    pub issuer: String,
    pub date: String,
}

impl RefusalLetter {
    /// The letter for an application concluded 不符合.
    ///
    /// # Examples
    /// ```
    /// use bangfu_review::{documents::RefusalLetter, Application, Township};
    /// let mut app = Application::default();
    /// app.review.reasons = "1. 第七条第（一）项：符合条件的脱贫人口 4 名，少于 5 名".into();
    /// let l = RefusalLetter::of(&app, &bangfu_model::Draft::default(), &Township::default());
    /// assert!(l.closing.contains("重新"));
    /// assert_eq!(l.reasons.len(), 1);
    /// ```
    pub fn of(app: &Application, draft: &Draft, township: &Township) -> RefusalLetter {
        let r = &app.review;
        let who = issuer(township);
        RefusalLetter {
            title: "就业帮扶车间认定初审不予通过书面说明",
            to: format!("{}：", or_line(&draft.applicant.name)),
            opening: format!(
                "你单位于{}提交的就业帮扶车间认定申请（受理编号：{}），经{}组织审查组于{}进行实地审查，不符合{}规定的认定标准条件。依据该办法第八条第（五）项，现将原因及整改事项书面说明如下：",
                cn_typed(&app.received_on),
                or_line(&app.number),
                who,
                cn_typed(&r.visit_date),
                REGULATION
            ),
            reasons: r
                .reasons
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| {
                    if l.ends_with(['。', '；', '！', '.', ';']) {
                        l.to_owned()
                    } else {
                        format!("{l}。")
                    }
                })
                .collect(),
            closing: format!("请对照上述事项进行整改。经整改符合条件的，可依照该办法重新向{who}提出认定申请。如有疑问，请与我单位联系。"),
            issuer: who,
            date: cn_typed(&r.review_date),
        }
    }
}

/// One applicant in the public notice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NoticeLine {
    pub applicant: String,
    pub credit_code: String,
    pub legal_rep: String,
    pub address: String,
    pub products: String,
    pub workforce: u32,
    /// 吸纳脱贫人口（含监测对象）人数: registered and employed on the review date.
    pub poverty_employed: u32,
}

/// 关于拟认定就业帮扶车间的公示.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PublicNotice {
    pub title: &'static str,
    pub opening: String,
    pub lines: Vec<NoticeLine>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// 「公示期：2026年9月28日至2026年10月9日（5个工作日）」
    pub period: String,
    /// How to object: 电话 / 来信 / 来访 with the office, address and phone.
    pub objections: Vec<String>,
    pub issuer: String,
    pub date: String,
}

impl NoticeLine {
    /// The line of one applicant, figures from the rules' assessment on the review date.
    pub fn of(draft: &Draft, current: &Assessment) -> NoticeLine {
        NoticeLine {
            applicant: draft.applicant.name.trim().to_owned(),
            credit_code: draft.applicant.credit_code.trim().to_owned(),
            legal_rep: draft.applicant.legal_rep.trim().to_owned(),
            address: site_address(draft),
            products: draft.site.products.trim().to_owned(),
            workforce: current.total_workforce,
            poverty_employed: u32::try_from(
                current
                    .employees
                    .iter()
                    .filter(|e| e.registered && e.employed_on_assessment_date)
                    .count(),
            )
            .unwrap_or(u32::MAX),
        }
    }
}

impl PublicNotice {
    /// The notice of `lines` from `start` to `end` (`None`: the earliest end the regulation
    /// allows).
    ///
    /// # Errors
    /// The reason, in Chinese, when the period is shorter than 5 working days, reversed, or
    /// cannot be verified (a year without a published holiday schedule).
    ///
    /// # Examples
    /// ```
    /// use bangfu_review::{documents::PublicNotice, Township};
    /// use bangfu_rules::calendar::Calendar;
    /// let d = |m, day| chrono::NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let n = PublicNotice::new(vec![], d(9, 28), None, &Township::default(), Calendar::shipped(), d(9, 28)).unwrap();
    /// assert_eq!(n.period, "公示期：2026年9月28日至2026年10月9日（5个工作日）");
    /// assert!(PublicNotice::new(vec![], d(9, 28), Some(d(10, 8)), &Township::default(), Calendar::shipped(), d(9, 28)).is_err());
    /// ```
    pub fn new(
        lines: Vec<NoticeLine>,
        start: NaiveDate,
        end: Option<NaiveDate>,
        township: &Township,
        calendar: &Calendar,
        issued: NaiveDate,
    ) -> Result<PublicNotice, String> {
        let end = end.unwrap_or_else(|| notice_earliest_end(start, calendar).date);
        let days = match NoticePeriod::of(start, end, calendar) {
            NoticePeriod::Enough { days } => days,
            other => return Err(other.message()),
        };
        let who = issuer(township);
        let office = if township.office.trim().is_empty() {
            who.clone()
        } else {
            township.office.trim().to_owned()
        };
        Ok(PublicNotice {
            title: "关于拟认定就业帮扶车间的公示",
            opening: format!(
                "根据{REGULATION}第八条第（二）项规定，经申请单位申请、{}组织审查组实地审查，以下{}个经营主体符合就业帮扶车间认定标准条件，拟报送旗县（市、区）乡村振兴部门认定，现予以公示。",
                if township.name.trim().is_empty() { "本苏木乡镇人民政府" } else { township.name.trim() },
                lines.len()
            ),
            lines,
            start,
            end,
            period: format!("公示期：{}至{}（{days}个工作日）", cn(start), cn(end)),
            objections: vec![
                "公示期间，任何单位和个人如有异议，可通过电话、来信或来访方式向受理单位实名反映，并提供必要的证明材料。".to_owned(),
                format!("受理单位：{office}"),
                format!("地址：{}", or_line(&township.address)),
                format!("联系电话：{}", or_line(&township.phone)),
            ],
            issuer: who,
            date: cn(issued),
        })
    }

    /// The notice as plain text, to paste into the township's website.
    pub fn to_text(&self) -> String {
        let mut out = vec![
            self.title.to_owned(),
            String::new(),
            self.opening.clone(),
            String::new(),
        ];
        for (i, l) in self.lines.iter().enumerate() {
            out.push(format!(
                "{}. {}（统一社会信用代码：{}）；法定代表人（负责人）：{}；车间地址：{}；产品类别：{}；务工总人数 {} 人，吸纳脱贫人口（含监测对象）{} 人。",
                i + 1,
                l.applicant,
                l.credit_code,
                or_line(&l.legal_rep),
                or_line(&l.address),
                or_line(&l.products),
                l.workforce,
                l.poverty_employed
            ));
        }
        out.push(String::new());
        out.push(self.period.clone());
        out.extend(self.objections.iter().cloned());
        out.push(String::new());
        out.push(self.issuer.clone());
        out.push(self.date.clone());
        out.join("\n")
    }
}

/// One application on the 报送旗县清单.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SubmissionLine {
    pub number: String,
    pub applicant: String,
    pub credit_code: String,
    /// 「2026-09-28 至 2026-10-09，无异议」
    pub notice: String,
    /// Short and full 材料指纹 of the version reviewed.
    pub fingerprint: String,
}

/// 报送旗县清单.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SubmissionList {
    pub title: &'static str,
    pub lines: Vec<SubmissionLine>,
    pub issuer: String,
    pub date: String,
}

impl SubmissionList {
    /// The list of `applications` (those to submit, as the caller chose them).
    pub fn of<'a>(
        applications: impl IntoIterator<Item = &'a Application>,
        township: &Township,
        on: NaiveDate,
    ) -> SubmissionList {
        let lines = applications
            .into_iter()
            .map(|a| {
                let v = a.latest();
                let fp = a.latest_fingerprint();
                SubmissionLine {
                    number: a.number.trim().to_owned(),
                    applicant: v.map_or(String::new(), |v| v.applicant_name.clone()),
                    credit_code: v.map_or(String::new(), |v| v.credit_code.clone()),
                    notice: format!(
                        "{} 至 {}，{}",
                        a.notice.start.trim(),
                        a.notice.end.trim(),
                        if a.notice.objections == Objections::None {
                            "无异议"
                        } else {
                            a.notice.objections.label()
                        }
                    ),
                    fingerprint: format!("{}\n{fp}", fingerprint::short(fp)),
                }
            })
            .collect();
        SubmissionList {
            title: "就业帮扶车间认定申请报送清单",
            lines,
            issuer: issuer(township),
            date: cn(on),
        }
    }
}

/// Every character a document prints (to fetch the font slices it needs before laying it out).
pub fn chars_of(document: &impl Serialize) -> std::collections::BTreeSet<char> {
    // JSON keeps every non-ASCII character as it is; the field names add only ASCII.
    serde_json::to_string(document)
        .unwrap_or_default()
        .chars()
        .collect()
}
