//! 第七条第（五）项: "就业帮扶车间须有固定的生产或经营场所，生产经营稳定；安全生产、劳动纪律、车间
//! 管理等制度健全；未从事违法、污染及对人体身心健康有害的生产经营活动。"
//!
//! - Fixed site: a county of Inner Mongolia from the list (it also decides the wage tier), a
//!   township (from the list, or typed when missing from it), a street address, the area (> 0 m²)
//!   and the tenure. A leased site needs a lease whose term covers the assessment date; a lease
//!   ending within three months is pointed out but still met. Owned and free-use sites need no term.
//! - Stable operation, the three written rules and the three "no illegal / polluting / harmful
//!   activity" statements are the applicant's declarations (the review group checks them on site,
//!   第八条第（二）项). An unticked box is incomplete, not "not met": the app cannot tell "no" from
//!   "not answered yet".

use crate::calendar::add_calendar_months;
use crate::finding::{CriterionId, FieldError, Finding, Status};
use crate::input::person::optional_date;
use crate::input::Typed;
use crate::path;
use bangfu_model::region::Regions;
use bangfu_model::text::{parse_hundredths, ParseError};
use bangfu_model::{Choice, Draft, SiteTenure};
use chrono::NaiveDate;

/// How long before its end a lease is pointed out.
const LEASE_WARNING_MONTHS: i32 = 3;

/// 第七条第（五）项.
pub(crate) fn assess(draft: &Draft, date: NaiveDate, errors: &mut Vec<FieldError>) -> Finding {
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
                tenure_text = format!("租赁（{a} 至 {b}）");
                if b < a {
                    errors.push(FieldError {
                        path: path::site("lease_end"),
                        message: "租赁终止日期早于起始日期".into(),
                        warning: false,
                    });
                    missing.push("租赁期限（终止早于起始）".into());
                } else if a > date {
                    failures.push(format!("租赁自 {a} 起，评估日尚未开始"));
                } else if b < date {
                    failures.push(format!("租赁已于 {b} 到期，评估日没有固定场所的使用依据"));
                } else if b < add_calendar_months(date, LEASE_WARNING_MONTHS) {
                    notes.push(format!("租期将于 {b} 到期，请及时续租"));
                }
            }
        }
    }

    // Rules and declarations.
    let boxes = [
        (draft.rules.stable_operation, "生产经营稳定"),
        (draft.rules.safety, "已建立安全生产制度"),
        (draft.rules.labour_discipline, "已建立劳动纪律制度"),
        (draft.rules.workshop_management, "已建立车间管理制度"),
        (
            draft.declarations.no_illegal_activity,
            "未从事违法生产经营活动",
        ),
        (
            draft.declarations.no_pollution,
            "未从事污染环境的生产经营活动",
        ),
        (
            draft.declarations.no_harmful_activity,
            "未从事对人体身心健康有害的生产经营活动",
        ),
    ];
    for (ticked, what) in boxes {
        if !ticked {
            missing.push(format!("确认：{what}（未勾选）"));
        }
    }

    let status = if !failures.is_empty() {
        Status::NotMet
    } else if missing.is_empty() {
        Status::Met
    } else {
        Status::Incomplete
    };
    let place = regions.describe(s);
    let mut actual = format!(
        "{}{}；{tenure_text}",
        if place.is_empty() {
            "地点未选择".to_owned()
        } else {
            place
        },
        s.address.trim()
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
    let shortfall = match status {
        Status::Met => String::new(),
        Status::NotMet => "须有覆盖评估日的租赁合同（续租或改为自有、无偿使用场所）".into(),
        Status::Incomplete => format!("补全：{}", missing.join("、")),
    };
    Finding {
        criterion: CriterionId::Art7_5,
        status,
        summary,
        actual,
        required: "固定的生产经营场所（租赁的须在租期内），生产经营稳定，安全生产、劳动纪律、车间管理制度健全，未从事违法、污染及对人体身心健康有害的生产经营活动".into(),
        shortfall,
        method: format!(
            "场所须有旗县、苏木乡镇、详细地址、面积和权属；租赁场所的租期须覆盖评估日（{LEASE_WARNING_MONTHS}个月内到期的予以提示）。生产经营稳定、各项制度和无违法污染有害经营以申请主体勾选确认为准，由审查组实地核实；未勾选视为信息不完整"
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
                "租期将于 2026-06-20 到期",
            ),
            (
                SiteTenure::Leased,
                "2024-01-01",
                "2026-06-19",
                Status::NotMet,
                "租赁已于 2026-06-19 到期",
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
                "确认：已建立安全生产制度（未勾选）",
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
