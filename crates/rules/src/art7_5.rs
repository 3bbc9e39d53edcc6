//! 第七条第（五）项: "就业帮扶车间须有固定的生产或经营场所，生产经营稳定；安全生产、劳动纪律、车间
//! 管理等制度健全；未从事违法、污染及对人体身心健康有害的生产经营活动。"
//!
//! - Fixed site: a county of Inner Mongolia from the list (it also decides the wage tier), a
//!   township (from the list, or typed when missing from it), a street address, the area (> 0 m²)
//!   and the tenure. A leased site needs a lease whose term covers the assessment date; a lease
//!   ending within three months is pointed out but still met. Owned and free-use sites need no term.
//! - Stable operation, the three written rules and the three "no illegal / polluting / harmful
//!   activity" statements are the applicant's declarations ([`crate::declarations`]; the review
//!   group checks them on site, 第八条第（二）项). An unticked box is incomplete, not "not met".
//! - Child labour: employing anyone under 16 is illegal (《劳动法》第十五条; 《禁止使用童工规定》
//!   第二条 forbids every employer, 个体工商户 included, to recruit anyone under 16), so it is 违法
//!   生产经营活动 and this item is not met, with each person named. The person was employed
//!   under 16 when the days from their start to the day before their 16th birthday overlap the
//!   review window (the 12 calendar months before the assessment month, through the assessment
//!   date). Starting on the 16th birthday itself is lawful. Such a person is not counted anywhere
//!   as lawfully employed (not in the total workforce, not registered).

use crate::art7_3::REVIEW_MONTHS;
use crate::calendar::{add_calendar_months, cn, month_start};
use crate::declarations;
use crate::finding::{CriterionId, FieldError, Finding, Status};
use crate::input::person::{optional_date, Person};
use crate::input::{Context, Typed};
use crate::path;
use crate::validate::id_card::sixteenth_birthday;
use bangfu_model::region::Regions;
use bangfu_model::text::{parse_hundredths, ParseError};
use bangfu_model::{Choice, Draft, SiteTenure};
use chrono::{Duration, NaiveDate};

pub const CITATION: &str = "第七条第（五）项";
pub const TITLE: &str = "固定场所、生产经营稳定、制度健全、无违法污染有害经营";
pub const TEXT: &str = "就业帮扶车间须有固定的生产或经营场所，生产经营稳定；安全生产、劳动纪律、车间管理等制度健全；未从事违法、污染及对人体身心健康有害的生产经营活动。";

/// The laws a person employed under 16 breaks, cited in every message about it.
pub const CHILD_LABOUR_LAW: &str = "《劳动法》第十五条、《禁止使用童工规定》第二条";

/// One person employed while under 16.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ChildLabour {
    /// Without the person's name: 「2026年3月1日入职时未满16周岁（2026年9月5日满16周岁）…」.
    pub reason: String,
}

/// Whether the person was employed under 16 within the review window; a stint that would start
/// before the 16th birthday later, or unlawful employment before the window, is pointed out at
/// its field only.
pub(crate) fn child_labour(
    p: &Person<'_>,
    ctx: &Context,
    errors: &mut Vec<FieldError>,
) -> Option<ChildLabour> {
    let id = p.id.as_ref().ok()?;
    let sixteen = sixteenth_birthday(id.birth_date());
    let window = add_calendar_months(month_start(ctx.date), -REVIEW_MONTHS);
    let mut found = None;
    for s in p.stints.iter().filter(|s| s.start < sixteen) {
        let last_under_age = sixteen - Duration::days(1);
        let illegal_end = s.end.map_or(last_under_age, |e| e.min(last_under_age));
        let where_ = path::stint(p.key, s.index, "start");
        if s.start > ctx.date {
            errors.push(FieldError {
                path: where_,
                message: format!(
                    "入职时将未满16周岁（{}满16周岁），违反{CHILD_LABOUR_LAW}，不得招用",
                    cn(sixteen)
                ),
                warning: false,
            });
        } else if illegal_end < window {
            errors.push(FieldError {
                path: where_,
                message: format!(
                    "入职时（{}）未满16周岁（{}满16周岁），违反{CHILD_LABOUR_LAW}；已在评估期间前满16周岁，请审查组核实",
                    cn(s.start),
                    cn(sixteen)
                ),
                warning: true,
            });
        } else if found.is_none() {
            let reason = format!(
                "{}入职时未满16周岁（{}满16周岁），违反{CHILD_LABOUR_LAW}，属于违法用工",
                cn(s.start),
                cn(sixteen)
            );
            errors.push(FieldError {
                path: where_,
                message: reason.clone(),
                warning: false,
            });
            found = Some(ChildLabour { reason });
        }
    }
    found
}

/// How long before its end a lease is pointed out.
const LEASE_WARNING_MONTHS: i32 = 3;

/// 第七条第（五）项; `child_labour` names each person employed under 16 with why.
pub(crate) fn assess(
    draft: &Draft,
    date: NaiveDate,
    child_labour: &[(String, String)],
    errors: &mut Vec<FieldError>,
) -> Finding {
    let s = &draft.site;
    let regions = Regions::get();
    let mut missing: Vec<String> = Vec::new();
    let mut failures: Vec<String> = Vec::new();
    let mut notes: Vec<String> = Vec::new();

    // Where.
    let county = regions.county(s.county_code.trim());
    match (county, s.county_code.trim()) {
        (None, "") => missing.push("车间所在旗县（市、区）（未选择）".into()),
        (None, code) => {
            errors.push(FieldError {
                path: path::site("county_code"),
                message: format!("旗县代码“{code}”不在内蒙古自治区旗县（市、区）名单中"),
                warning: false,
            });
            missing.push("车间所在旗县（市、区）（代码无效）".into());
        }
        (Some(c), _) => {
            let pref = s.prefecture_code.trim();
            if !pref.is_empty() && pref != c.prefecture_code {
                errors.push(FieldError {
                    path: path::site("county_code"),
                    message: format!("{}不属于所选盟市，请重新选择", c.name),
                    warning: false,
                });
            }
        }
    }
    let township = regions.township(s.township_code.trim());
    match (township, s.township_code.trim(), s.township_other.trim()) {
        (Some(t), _, _) => {
            if county.is_some_and(|c| c.code != t.county_code) {
                errors.push(FieldError {
                    path: path::site("township_code"),
                    message: format!("{}不属于所选旗县，请重新选择", t.name),
                    warning: false,
                });
            }
        }
        (None, "", "") => missing.push("苏木乡镇（未选择，名单中没有的可手动填写）".into()),
        (None, "", _) => {}
        (None, code, _) => errors.push(FieldError {
            path: path::site("township_code"),
            message: format!("苏木乡镇代码“{code}”不在名单中，可手动填写名称"),
            warning: false,
        }),
    }
    if s.address.trim().is_empty() {
        missing.push("车间详细地址（未填写）".into());
    }

    // Area.
    let area = match parse_hundredths(&s.area_m2) {
        Ok(0) => {
            errors.push(FieldError {
                path: path::site("area_m2"),
                message: "场所面积须大于0".into(),
                warning: false,
            });
            missing.push("场所面积（为0）".into());
            None
        }
        Ok(a) => Some(a),
        Err(ParseError::Empty) => {
            missing.push("场所面积（未填写）".into());
            None
        }
        Err(e) => {
            errors.push(FieldError {
                path: path::site("area_m2"),
                message: e.to_string(),
                warning: false,
            });
            missing.push("场所面积（无法识别）".into());
            None
        }
    };

    // Tenure.
    let mut tenure_text = s.tenure.label().to_owned();
    match s.tenure {
        SiteTenure::Unspecified => {
            missing.push("场所权属（未选择）".into());
            tenure_text = "场所权属未选择".into();
        }
        SiteTenure::Owned | SiteTenure::FreeUse => {}
        SiteTenure::Leased => {
            let start = optional_date(&s.lease_start, || path::site("lease_start"), errors);
            let end = optional_date(&s.lease_end, || path::site("lease_end"), errors);
            for (v, name) in [(start, "租赁起始日期"), (end, "租赁终止日期")] {
                match v {
                    Typed::Empty => missing.push(format!("{name}（未填写）")),
                    Typed::Bad => missing.push(format!("{name}（无法识别）")),
                    Typed::Value(_) => {}
                }
            }
            if let (Typed::Value(a), Typed::Value(b)) = (start, end) {
                tenure_text = format!("租赁（{}至{}）", cn(a), cn(b));
                if b < a {
                    errors.push(FieldError {
                        path: path::site("lease_end"),
                        message: "租赁终止日期早于起始日期".into(),
                        warning: false,
                    });
                    missing.push("租赁期限（终止早于起始）".into());
                } else if a > date {
                    failures.push(format!("租赁自{}起，评估日尚未开始", cn(a)));
                } else if b < date {
                    failures.push(format!(
                        "租赁已于{}到期，评估日没有固定场所的使用依据",
                        cn(b)
                    ));
                } else if b < add_calendar_months(date, LEASE_WARNING_MONTHS) {
                    notes.push(format!("租期将于{}到期，请及时续租", cn(b)));
                }
            }
        }
    }

    // Rules and declarations.
    let boxes: Vec<(bool, &str)> = declarations::of(CriterionId::Art7_5)
        .map(|d| ((d.get)(draft), d.label))
        .collect();
    for (ticked, what) in &boxes {
        if !ticked {
            missing.push(format!("确认：{what}（未勾选，在第六步“制度与声明”中）"));
        }
    }
    let lease_failed = !failures.is_empty();
    for (name, why) in child_labour {
        failures.push(format!("使用未满16周岁人员：{name}，{why}"));
    }

    let status = if !failures.is_empty() {
        Status::NotMet
    } else if missing.is_empty() {
        Status::Met
    } else {
        Status::Incomplete
    };
    let place = regions.site_address(s);
    let mut actual = format!(
        "{}；{tenure_text}",
        if regions.describe(s).is_empty() {
            format!("地点未选择{place}")
        } else {
            place
        },
    );
    if let Some(a) = area {
        actual.push_str(&format!(
            "；面积 {} 平方米",
            bangfu_model::text::format_fen(a).replace(".00", "")
        ));
    }
    let ticked = boxes.iter().filter(|(t, _)| *t).count();
    actual.push_str(&format!("；制度与声明已确认 {ticked}/{} 项", boxes.len()));
    let mut summary = match status {
        Status::Met => {
            "有固定场所，生产经营稳定，制度健全，已声明无违法、污染、有害经营".to_owned()
        }
        Status::NotMet => failures.join("；"),
        Status::Incomplete => "场所、制度或声明信息不完整".to_owned(),
    };
    if !notes.is_empty() {
        summary.push_str(&format!("（{}）", notes.join("；")));
    }
    let mut fixes = Vec::new();
    if lease_failed {
        fixes.push("须有覆盖评估日的租赁合同（续租或改为自有、无偿使用场所）".to_owned());
    }
    if !child_labour.is_empty() {
        let names: Vec<&str> = child_labour.iter().map(|(n, _)| n.as_str()).collect();
        fixes.push(format!(
            "立即停止使用未满16周岁人员（{}），依法妥善处理后再申请；如身份证号码录入有误，请更正",
            names.join("、")
        ));
    }
    let shortfall = match status {
        Status::Met => String::new(),
        Status::NotMet => fixes.join("；"),
        Status::Incomplete => format!("补全：{}", missing.join("、")),
    };
    Finding {
        criterion: CriterionId::Art7_5,
        status,
        summary,
        actual,
        required: "固定的生产经营场所（租赁的须在租期内），生产经营稳定，安全生产、劳动纪律、车间管理制度健全，未从事违法、污染及对人体身心健康有害的生产经营活动（包括不得使用未满16周岁的童工）".into(),
        shortfall,
        explanation: "车间要有固定的场所（租的要在租期内），经营稳定，有书面的安全生产、劳动纪律、车间管理制度，不搞违法、污染、危害身体健康的经营，也不能用未满16周岁的人。".into(),
        method: format!(
            "场所须有旗县、苏木乡镇、详细地址、面积和权属；租赁场所的租期须覆盖评估日（{LEASE_WARNING_MONTHS}个月内到期的予以提示）。生产经营稳定、各项制度和无违法污染有害经营以申请主体勾选确认为准，由审查组实地核实；未勾选视为信息不完整。招用未满16周岁人员违反{CHILD_LABOUR_LAW}，属违法经营，本项不符合：评估日所在月前12个月内（至评估日）有未满16周岁时在职的天数即是；入职当日满16周岁的合法"
        ),
        missing,
        people: vec![],
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::*;
    use crate::{CriterionId, Status};
    use bangfu_model::SiteTenure;

    /// Child labour: 16 on the start day is lawful; a day short is not, whoever the person is.
    /// The person is named under 第（五）项 with both laws, and counted nowhere.
    #[test]
    fn art7_5_exactly_sixteen_on_the_start_day_is_lawful_a_day_younger_is_not() {
        use crate::calendar::add_calendar_months;
        use bangfu_model::PovertyStatus;
        let date = d(2026, 6, 20);
        let start = d(2025, 12, 1);
        let sixteen_on_start = add_calendar_months(start, -16 * 12);
        let cases = [
            (sixteen_on_start, PovertyStatus::Alleviated, Status::Met),
            (
                sixteen_on_start + chrono::Duration::days(1),
                PovertyStatus::Alleviated,
                Status::NotMet,
            ),
            (
                add_calendar_months(start, -15 * 12),
                PovertyStatus::NotApplicable,
                Status::NotMet,
            ),
        ];
        for (birth, status, want) in cases {
            let mut e = person(10, start, date);
            e.poverty_status = status;
            e.id_number = crate::sample::id_number("150121", birth, 10);
            let a = crate::assess(&four_plus(e, date), date);
            let f = a.finding(CriterionId::Art7_5).unwrap();
            let emp = a.employees.iter().find(|e| e.key == 10).unwrap();
            if want == Status::Met {
                assert!(emp.problems.is_empty(), "{:?}", emp.problems);
                assert_eq!(a.total_workforce, 5);
                continue;
            }
            assert_eq!(f.status, Status::NotMet, "{birth}: {}", f.summary);
            assert!(
                f.summary.contains("测试10")
                    && f.summary.contains("《劳动法》第十五条")
                    && f.summary.contains("《禁止使用童工规定》第二条"),
                "{}",
                f.summary
            );
            assert!(
                f.shortfall.contains("立即停止使用未满16周岁人员（测试10）"),
                "{}",
                f.shortfall
            );
            assert_eq!(a.overall, Status::NotMet);
            // Counted nowhere as lawfully employed.
            assert!(!emp.qualifies && !emp.registered && !emp.employed_on_assessment_date);
            assert!(!emp.standing.in_workforce);
            assert_eq!((a.total_workforce, a.registered), (4, 4));
            assert!(
                emp.standing.text.starts_with("不计入任何人数"),
                "{}",
                emp.standing.text
            );
            assert!(a
                .errors_at("employee.10.stint.0.start")
                .any(|e| !e.warning && e.message.contains("未满16周岁")));
        }
    }

    #[test]
    fn art7_5_site_tenure_and_lease_term() {
        let cases = [
            (
                SiteTenure::Leased,
                "2024-01-01",
                "2029-12-31",
                Status::Met,
                "",
            ),
            (
                SiteTenure::Leased,
                "2024-01-01",
                "2026-06-20",
                Status::Met,
                "租期将于2026年6月20日到期",
            ),
            (
                SiteTenure::Leased,
                "2024-01-01",
                "2026-06-19",
                Status::NotMet,
                "租赁已于2026年6月19日到期",
            ),
            (
                SiteTenure::Leased,
                "2026-07-01",
                "2029-12-31",
                Status::NotMet,
                "尚未开始",
            ),
            (
                SiteTenure::Leased,
                "2024-01-01",
                "",
                Status::Incomplete,
                "租赁终止日期（未填写）",
            ),
            (
                SiteTenure::Leased,
                "2024-01-01",
                "2029-02-30",
                Status::Incomplete,
                "无法识别",
            ),
            (SiteTenure::Owned, "", "", Status::Met, ""),
            (SiteTenure::FreeUse, "", "", Status::Met, ""),
            (
                SiteTenure::Unspecified,
                "",
                "",
                Status::Incomplete,
                "场所权属",
            ),
        ];
        for (tenure, start, end, want, text) in cases {
            let mut draft = workshop(5, 5);
            draft.site.tenure = tenure;
            draft.site.lease_start = start.into();
            draft.site.lease_end = end.into();
            let f = finding(&draft, CriterionId::Art7_5);
            assert_eq!(f.status, want, "{tenure:?} {start}–{end}: {}", f.summary);
            let all = format!("{} {} {:?}", f.summary, f.shortfall, f.missing);
            assert!(all.contains(text), "{all}");
        }
    }

    #[test]
    fn art7_5_address_area_rules_and_declarations() {
        type Edit = fn(&mut bangfu_model::Draft);
        let cases: [(Edit, &str, Option<&str>); 7] = [
            (|d| d.site.county_code.clear(), "车间所在旗县", None),
            (
                |d| d.site.county_code = "110101".into(),
                "代码无效",
                Some("site.county_code"),
            ),
            (
                |d| d.site.area_m2 = "0".into(),
                "场所面积（为0）",
                Some("site.area_m2"),
            ),
            (
                |d| d.site.area_m2 = "很大".into(),
                "场所面积（无法识别）",
                Some("site.area_m2"),
            ),
            (|d| d.site.address.clear(), "车间详细地址", None),
            (
                |d| d.rules.safety = false,
                "确认：已建立安全生产制度（未勾选",
                None,
            ),
            (
                |d| d.declarations.no_pollution = false,
                "未从事污染环境",
                None,
            ),
        ];
        for (edit, text, path) in cases {
            let mut draft = workshop(5, 5);
            edit(&mut draft);
            let a = run(&draft);
            let f = a.finding(CriterionId::Art7_5).unwrap();
            assert_eq!(f.status, Status::Incomplete, "{text}");
            assert!(
                f.missing.iter().any(|m| m.contains(text)),
                "{text}: {:?}",
                f.missing
            );
            if let Some(p) = path {
                assert_eq!(a.errors_at(p).count(), 1, "{p}");
            }
        }
    }

    #[test]
    fn art7_5_township_typed_by_hand_is_accepted() {
        let mut draft = workshop(5, 5);
        draft.site.township_code.clear();
        draft.site.township_other = "某新设镇".into();
        assert_eq!(finding(&draft, CriterionId::Art7_5).status, Status::Met);
        draft.site.township_other.clear();
        assert_eq!(
            finding(&draft, CriterionId::Art7_5).status,
            Status::Incomplete
        );
    }
}
