//! Minimum wages (第七条第（三）项 "不低于当地当年最低工资标准"), from `data/minimum-wage.csv`, and
//! the workshop county's tier under each standard, from `data/counties.csv` via
//! [`bangfu_model::region`].
//!
//! - The standard applied to a wage month is the one in force on the month's first day.
//! - The county's tier is the membership whose `year` equals the standard's effective year. When
//!   that membership is marked unverified (the 2025 annex was not found; the 2024 membership is
//!   assumed) the label says 「未核实」.
//! - The 2017 standard has four tiers but no county membership was found: months under it are
//!   reported as undecidable, never guessed.
//! - Amounts are read into fen (monthly) and fen per hour (hourly) without floating point.

use bangfu_model::region::{County, Regions};
use bangfu_model::text::{format_fen, parse_money_fen};
use chrono::NaiveDate;
use serde::Serialize;
use std::sync::OnceLock;

const MINIMUM_WAGE_CSV: &str = include_str!("../../../data/minimum-wage.csv");

/// One row of `minimum-wage.csv`: the standard of one tier from one effective date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MinimumWage {
    pub effective_from: NaiveDate,
    pub tier: u8,
    /// 月最低工资标准, fen.
    pub monthly_fen: i64,
    /// 非全日制小时最低工资标准, fen per hour.
    pub hourly_fen: i64,
    /// The notice that set it.
    pub document: String,
    /// What of it is confirmed (from the data file).
    pub status: String,
}

/// The whole table, sorted by effective date then tier.
#[derive(Clone, Debug, Default)]
pub struct WageTable {
    rows: Vec<MinimumWage>,
}

/// The standard applying to one county in one month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AppliedStandard {
    pub effective_from: NaiveDate,
    pub tier: u8,
    pub monthly_fen: i64,
    pub hourly_fen: i64,
    pub document: String,
    /// False when the county's tier under this standard is assumed (「未核实」).
    pub tier_verified: bool,
    /// e.g. "2024年12月1日起 二类地区 月2,200.00元／小时21.70元（内政办发〔2024〕46号）".
    pub name: String,
    /// `name`, and 【旗县档次未核实…】 when the tier is assumed (for the reviewer; the applicant's
    /// wage table prints `name`).
    pub label: String,
}

/// Why no standard can be applied to a month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum NoStandard {
    /// The workshop county is not chosen (or unknown).
    NoCounty,
    /// The month is before the earliest standard in the data.
    BeforeData,
    /// The standard in force has no county membership in the data (2017).
    TierUnknown {
        effective_from: NaiveDate,
        document: String,
    },
}

impl NoStandard {
    /// The Chinese explanation.
    pub fn message(&self) -> String {
        match self {
            NoStandard::NoCounty => "未选择车间所在旗县（市、区），无法确定最低工资档次".into(),
            NoStandard::BeforeData => "该月早于已收录的最低工资标准".into(),
            NoStandard::TierUnknown {
                effective_from,
                document,
            } => format!(
                "该月适用{}起的最低工资标准（{document}），但未找到该标准的旗县档次划分，无法判断（不作推测）",
                crate::calendar::cn(*effective_from)
            ),
        }
    }
}

/// 一类 / 二类 / 三类 / 四类 地区.
pub fn tier_label(tier: u8) -> String {
    let n = match tier {
        1 => "一",
        2 => "二",
        3 => "三",
        4 => "四",
        5 => "五",
        _ => return format!("第{tier}类地区"),
    };
    format!("{n}类地区")
}

impl WageTable {
    /// The shipped table, parsed once.
    pub fn get() -> &'static WageTable {
        static TABLE: OnceLock<WageTable> = OnceLock::new();
        // The shipped file is checked by the tests; a broken edit yields an empty table (every
        // wage check then says no standard applies) rather than a panic in a browser.
        TABLE.get_or_init(|| WageTable::parse(MINIMUM_WAGE_CSV).unwrap_or_default())
    }

    /// Parses `minimum-wage.csv`.
    ///
    /// # Errors
    /// A description of the first malformed row.
    pub fn parse(csv_text: &str) -> Result<WageTable, String> {
        let table = bangfu_model::table::Table::read(csv_text)
            .map_err(|e| format!("minimum-wage.csv {e}"))?;
        let col = |name: &str| {
            table
                .column(name)
                .ok_or_else(|| format!("minimum-wage.csv: no column {name}"))
        };
        let (c_from, c_tier, c_month, c_hour, c_doc, c_status) = (
            col("effective_from")?,
            col("tier")?,
            col("monthly_yuan")?,
            col("hourly_yuan")?,
            col("document")?,
            col("status")?,
        );
        let mut rows: Vec<MinimumWage> = Vec::new();
        for (n, rec) in table.rows.iter().enumerate() {
            let line = n + 2;
            let field = |i: usize| bangfu_model::table::Table::field(rec, i);
            let bad = |what: &str| format!("minimum-wage.csv row {line}: bad {what}");
            let effective_from = bangfu_model::text::parse_iso_date(field(c_from))
                .map_err(|_| bad("effective_from"))?;
            let mut document = field(c_doc).to_owned();
            // "同上" (same as above) refers to the previous row's notice.
            if document == "同上" {
                document = rows.last().map(|r| r.document.clone()).unwrap_or_default();
            }
            rows.push(MinimumWage {
                effective_from,
                tier: field(c_tier).parse().map_err(|_| bad("tier"))?,
                monthly_fen: parse_money_fen(field(c_month)).map_err(|_| bad("monthly_yuan"))?,
                hourly_fen: parse_money_fen(field(c_hour)).map_err(|_| bad("hourly_yuan"))?,
                document,
                status: field(c_status).to_owned(),
            });
        }
        bangfu_model::order::sort_by_key(&mut rows, |r| (r.effective_from, r.tier));
        Ok(WageTable { rows })
    }

    /// Every row, by effective date then tier.
    pub fn rows(&self) -> &[MinimumWage] {
        &self.rows
    }

    /// The effective date of the standard in force on `date`.
    pub fn effective_on(&self, date: NaiveDate) -> Option<NaiveDate> {
        let i = self.rows.partition_point(|r| r.effective_from <= date);
        i.checked_sub(1)
            .and_then(|i| self.rows.get(i))
            .map(|r| r.effective_from)
    }

    /// The row of one standard and tier.
    pub fn row(&self, effective_from: NaiveDate, tier: u8) -> Option<&MinimumWage> {
        self.rows
            .iter()
            .find(|r| r.effective_from == effective_from && r.tier == tier)
    }

    /// The standard for a county (by code) in force on the first day of `month`.
    ///
    /// # Errors
    /// [`NoStandard`] saying why none can be applied.
    pub fn applied(
        &self,
        county_code: &str,
        month: NaiveDate,
    ) -> Result<AppliedStandard, NoStandard> {
        let county = Regions::get()
            .county(county_code.trim())
            .ok_or(NoStandard::NoCounty)?;
        self.applied_for(county, month)
    }

    /// As [`WageTable::applied`], for a county already looked up.
    ///
    /// # Errors
    /// [`NoStandard`] saying why none can be applied.
    pub fn applied_for(
        &self,
        county: &County,
        month: NaiveDate,
    ) -> Result<AppliedStandard, NoStandard> {
        let first = crate::calendar::month_start(month);
        let effective = self.effective_on(first).ok_or(NoStandard::BeforeData)?;
        let document = self
            .rows
            .iter()
            .find(|r| r.effective_from == effective)
            .map(|r| r.document.clone())
            .unwrap_or_default();
        let year = chrono::Datelike::year(&effective);
        let membership = county
            .wage_tiers
            .iter()
            .find(|t| t.year == year)
            .ok_or_else(|| NoStandard::TierUnknown {
                effective_from: effective,
                document: document.clone(),
            })?;
        let row = self
            .row(effective, membership.tier)
            .ok_or(NoStandard::TierUnknown {
                effective_from: effective,
                document,
            })?;
        let name = format!(
            "{}起 {} 月{}元／小时{}元（{}）",
            crate::calendar::cn(row.effective_from),
            tier_label(row.tier),
            format_fen(row.monthly_fen),
            format_fen(row.hourly_fen),
            row.document
        );
        let mut label = name.clone();
        if !membership.verified {
            let previous = county
                .wage_tiers
                .iter()
                .filter(|t| t.year < year && t.verified)
                .map(|t| t.year)
                .max();
            match previous {
                Some(p) => label.push_str(&format!("【旗县档次未核实：沿用{p}年划分】")),
                None => label.push_str("【旗县档次未核实】"),
            }
        }
        Ok(AppliedStandard {
            effective_from: row.effective_from,
            tier: row.tier,
            monthly_fen: row.monthly_fen,
            hourly_fen: row.hourly_fen,
            document: row.document.clone(),
            tier_verified: membership.verified,
            name,
            label,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn shipped_table_parses_with_fen_amounts() {
        let t = WageTable::parse(MINIMUM_WAGE_CSV).unwrap();
        assert_eq!(t.rows().len(), 13);
        let r = t.row(d(2025, 12, 1), 3).unwrap();
        assert_eq!((r.monthly_fen, r.hourly_fen), (225_000, 2_220));
        assert!(r.document.contains("2025"), "同上 resolved: {}", r.document);
        assert_eq!(t.row(d(2017, 8, 1), 4).unwrap().hourly_fen, 1_550);
    }

    #[test]
    fn the_standard_in_force_on_the_first_day_of_the_month() {
        let t = WageTable::get();
        let cases = [
            (d(2025, 11, 1), Some(d(2024, 12, 1))),
            (d(2025, 12, 1), Some(d(2025, 12, 1))),
            (d(2024, 11, 30), Some(d(2021, 12, 1))),
            (d(2021, 11, 1), Some(d(2017, 8, 1))),
            (d(2017, 7, 31), None),
        ];
        for (date, want) in cases {
            assert_eq!(t.effective_on(date), want, "{date}");
        }
    }

    #[test]
    fn county_tier_by_standard_year_with_unverified_label() {
        let t = WageTable::get();
        // 土默特左旗 is tier 2 in 2021 and 2024, assumed tier 2 in 2025.
        let nov = t.applied("150121", d(2025, 11, 1)).unwrap();
        assert_eq!(
            (nov.tier, nov.monthly_fen, nov.tier_verified),
            (2, 220_000, true)
        );
        assert!(!nov.label.contains("未核实"));
        let dec = t.applied("150121", d(2025, 12, 1)).unwrap();
        assert_eq!(
            (dec.tier, dec.monthly_fen, dec.tier_verified),
            (2, 231_000, false)
        );
        assert!(dec.label.contains("未核实"), "{}", dec.label);
        assert!(dec.label.contains("沿用2024年划分"));
        // Mid-month dates are treated as their month.
        assert_eq!(
            t.applied("150121", d(2025, 12, 31)).unwrap().monthly_fen,
            231_000
        );
    }

    #[test]
    fn months_under_the_2017_standard_are_not_guessed() {
        let t = WageTable::get();
        match t.applied("150102", d(2021, 6, 1)) {
            Err(NoStandard::TierUnknown { effective_from, .. }) => {
                assert_eq!(effective_from, d(2017, 8, 1));
            }
            other => panic!("expected TierUnknown, got {other:?}"),
        }
        assert!(t
            .applied("150102", d(2021, 6, 1))
            .unwrap_err()
            .message()
            .contains("不作推测"));
        assert_eq!(t.applied("", d(2026, 1, 1)), Err(NoStandard::NoCounty));
        assert_eq!(
            t.applied("150102", d(2016, 1, 1)),
            Err(NoStandard::BeforeData)
        );
    }

    #[test]
    fn tier_labels() {
        assert_eq!(tier_label(1), "一类地区");
        assert_eq!(tier_label(3), "三类地区");
        assert_eq!(tier_label(9), "第9类地区");
    }
}
