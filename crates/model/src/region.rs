//! 盟市 → 旗县（市、区） → 苏木乡镇, loaded from `data/counties.csv` and `data/townships.csv`
//! (the latter packed by `build.rs` into a shorter form of the same rows).
//!
//! The county also carries its minimum-wage tier under each standard: the columns named
//! `wage_tier_<year>` (or `wage_tier_<year>_unverified` when the tier list of that year's notice
//! was not found and the previous membership is assumed). The rules crate matches those years to
//! the effective dates in `data/minimum-wage.csv`.

use std::sync::OnceLock;

const COUNTIES_CSV: &str = include_str!("../../../data/counties.csv");
/// `data/townships.csv` packed by `build.rs` (see there for the form and why).
const TOWNSHIPS_PACKED: &str = include_str!(concat!(env!("OUT_DIR"), "/townships.txt"));

/// A county-level unit (旗县（市、区）).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct County {
    /// GB/T 2260 code, 6 digits.
    pub code: String,
    /// 4-digit prefecture code.
    pub prefecture_code: String,
    pub prefecture: String,
    pub name: String,
    /// Wage tier by the year of the standard's tier list.
    pub wage_tiers: Vec<TierMembership>,
}

/// A county's tier under the standard whose tier list is dated `year`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TierMembership {
    pub year: i32,
    pub tier: u8,
    /// False when the membership is assumed, not read from that year's notice (「未核实」).
    pub verified: bool,
}

/// A township-level unit (街道/镇/乡/苏木/其他乡级单位).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Township {
    /// 9-digit statistical code.
    pub code: String,
    pub county_code: String,
    pub name: String,
    pub kind: String,
}

/// A prefecture-level unit (盟市).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prefecture {
    pub code: String,
    pub name: String,
}

/// All region reference data, parsed once.
#[derive(Debug)]
pub struct Regions {
    pub prefectures: Vec<Prefecture>,
    pub counties: Vec<County>,
    pub townships: Vec<Township>,
}

impl Regions {
    /// The shipped data, parsed on first use.
    pub fn get() -> &'static Regions {
        static REGIONS: OnceLock<Regions> = OnceLock::new();
        REGIONS.get_or_init(|| {
            // The shipped files are checked by the tests below; a broken edit panics in tests,
            // not in a user's browser, because these strings are compiled in.
            Regions::parse(COUNTIES_CSV, TOWNSHIPS_PACKED).unwrap_or_else(|_| Regions {
                prefectures: vec![],
                counties: vec![],
                townships: vec![],
            })
        })
    }

    /// Parses `counties.csv` and the townships as `build.rs` packs `townships.csv`.
    ///
    /// # Errors
    /// A description of the first malformed row.
    ///
    /// # Examples
    /// ```
    /// let counties = "code,prefecture_code,prefecture,county,wage_tier_2024\n150102,1501,呼和浩特市,新城区,1\n";
    /// let townships = "街道,镇\n#150102\n0010海拉尔东路街道\n1001保合少镇\n";
    /// let r = bangfu_model::region::Regions::parse(counties, townships).unwrap();
    /// let t = r.township("150102100").unwrap();
    /// assert_eq!((t.name.as_str(), t.kind.as_str(), t.county_code.as_str()), ("保合少镇", "镇", "150102"));
    /// ```
    pub fn parse(counties_csv: &str, townships_packed: &str) -> Result<Regions, String> {
        let table =
            crate::table::Table::read(counties_csv).map_err(|e| format!("counties.csv {e}"))?;
        let headers = &table.headers;
        let col = |name: &str| {
            table
                .column(name)
                .ok_or_else(|| format!("counties.csv: no column {name}"))
        };
        let (c_code, c_pref_code, c_pref, c_name) = (
            col("code")?,
            col("prefecture_code")?,
            col("prefecture")?,
            col("county")?,
        );
        let tier_cols: Vec<(usize, i32, bool)> = headers
            .iter()
            .enumerate()
            .filter_map(|(i, h)| {
                let rest = h.strip_prefix("wage_tier_")?;
                let (year, verified) = match rest.strip_suffix("_unverified") {
                    Some(y) => (y, false),
                    None => (rest, true),
                };
                Some((i, year.parse().ok()?, verified))
            })
            .collect();
        let mut counties = Vec::new();
        let mut prefectures: Vec<Prefecture> = Vec::new();
        for (n, rec) in table.rows.iter().enumerate() {
            let field = |i: usize| crate::table::Table::field(rec, i).to_owned();
            let mut wage_tiers = Vec::new();
            for &(i, year, verified) in &tier_cols {
                let tier = field(i)
                    .parse()
                    .map_err(|_| format!("counties.csv row {}: bad tier", n + 2))?;
                wage_tiers.push(TierMembership {
                    year,
                    tier,
                    verified,
                });
            }
            let county = County {
                code: field(c_code),
                prefecture_code: field(c_pref_code),
                prefecture: field(c_pref),
                name: field(c_name),
                wage_tiers,
            };
            if !prefectures.iter().any(|p| p.code == county.prefecture_code) {
                prefectures.push(Prefecture {
                    code: county.prefecture_code.clone(),
                    name: county.prefecture.clone(),
                });
            }
            counties.push(county);
        }
        Ok(Regions {
            prefectures,
            counties,
            townships: unpack_townships(townships_packed)?,
        })
    }

    /// Counties of a prefecture, in file order.
    pub fn counties_of<'a>(&'a self, prefecture_code: &'a str) -> impl Iterator<Item = &'a County> {
        self.counties
            .iter()
            .filter(move |c| c.prefecture_code == prefecture_code)
    }

    /// Townships of a county, in file order.
    pub fn townships_of<'a>(&'a self, county_code: &'a str) -> impl Iterator<Item = &'a Township> {
        self.townships
            .iter()
            .filter(move |t| t.county_code == county_code)
    }

    pub fn county(&self, code: &str) -> Option<&County> {
        self.counties.iter().find(|c| c.code == code)
    }

    pub fn prefecture(&self, code: &str) -> Option<&Prefecture> {
        self.prefectures.iter().find(|p| p.code == code)
    }

    pub fn township(&self, code: &str) -> Option<&Township> {
        self.townships.iter().find(|t| t.code == code)
    }

    /// "盟市 旗县 苏木乡镇" for display, from whatever of the site is filled in.
    pub fn describe(&self, site: &crate::draft::Site) -> String {
        self.region_parts(site).join("")
    }

    /// The names of the site's 盟市, 旗县 and 苏木乡镇 that are known, in that order.
    fn region_parts(&self, site: &crate::draft::Site) -> Vec<String> {
        let mut parts = Vec::new();
        if let Some(p) = self.prefecture(&site.prefecture_code) {
            parts.push(p.name.clone());
        }
        if let Some(c) = self.county(&site.county_code) {
            parts.push(c.name.clone());
        }
        if let Some(t) = self.township(&site.township_code) {
            parts.push(t.name.clone());
        } else if !site.township_other.trim().is_empty() {
            parts.push(site.township_other.trim().to_owned());
        }
        parts
    }

    /// The full address of the site: region, 嘎查村, 详细地址, each place name once. Clerks often
    /// start the detail with the township or village already chosen above it
    /// (「卓资山镇工业园区8号」); that repeated name is not printed a second time.
    ///
    /// ```
    /// use bangfu_model::{region::Regions, Site};
    /// let site = Site {
    ///     township_other: "卓资山镇".into(),
    ///     village: "南河村".into(),
    ///     address: "卓资山镇南河村工业园区8号".into(),
    ///     ..Site::default()
    /// };
    /// assert_eq!(Regions::get().site_address(&site), "卓资山镇南河村工业园区8号");
    /// ```
    pub fn site_address(&self, site: &crate::draft::Site) -> String {
        let mut names = self.region_parts(site);
        let village = crate::text::normalize(&site.village);
        if !village.is_empty() {
            names.push(village);
        }
        let mut detail = crate::text::normalize(&site.address);
        // Drop every known name the detail starts with, however many it repeats.
        loop {
            let before = detail.len();
            for n in &names {
                if !n.is_empty() {
                    if let Some(rest) = detail.strip_prefix(n.as_str()) {
                        detail = rest.to_owned();
                    }
                }
            }
            if detail.len() == before {
                break;
            }
        }
        names.push(detail);
        names.concat()
    }
}

/// The townships from the form `build.rs` packs them in: the kinds on the first line, then
/// `#<county code>` lines each followed by that county's townships as `<last 3 digits of the
/// code><kind number><name>`.
fn unpack_townships(packed: &str) -> Result<Vec<Township>, String> {
    let mut lines = packed.lines();
    let kinds: Vec<&str> = lines.next().unwrap_or_default().split(',').collect();
    let mut county = None;
    let mut out = Vec::new();
    for line in lines {
        if let Some(code) = line.strip_prefix('#') {
            county = Some(code);
            continue;
        }
        let bad = || format!("townships: cannot read {line:?}");
        let county_code = county.ok_or_else(bad)?;
        let (number, rest) = line.split_at_checked(3).ok_or_else(bad)?;
        let (kind, name) = rest.split_at_checked(1).ok_or_else(bad)?;
        let kind = kind
            .parse::<usize>()
            .ok()
            .and_then(|k| kinds.get(k))
            .ok_or_else(bad)?;
        out.push(Township {
            code: format!("{county_code}{number}"),
            county_code: county_code.to_owned(),
            name: name.to_owned(),
            kind: (*kind).to_owned(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_data_parses_completely() {
        let r = Regions::parse(COUNTIES_CSV, TOWNSHIPS_PACKED).unwrap();
        assert_eq!(r.counties.len(), 103);
        assert_eq!(r.prefectures.len(), 12);
        assert_eq!(r.townships.len(), 1206);
        assert!(r
            .townships
            .iter()
            .all(|t| r.county(&t.county_code).is_some()));
    }

    #[test]
    fn tiers_carry_year_and_verification() {
        let r = Regions::get();
        let tmt = r.county("150121").unwrap();
        assert_eq!(tmt.name, "土默特左旗");
        assert_eq!(
            tmt.wage_tiers,
            vec![
                TierMembership {
                    year: 2021,
                    tier: 2,
                    verified: true
                },
                TierMembership {
                    year: 2024,
                    tier: 2,
                    verified: true
                },
                TierMembership {
                    year: 2025,
                    tier: 2,
                    verified: false
                },
            ]
        );
    }

    #[test]
    fn cascade_lookups() {
        let r = Regions::get();
        let hohhot: Vec<_> = r.counties_of("1501").map(|c| c.name.as_str()).collect();
        assert_eq!(hohhot.len(), 9);
        assert!(hohhot.contains(&"武川县"));
        assert!(r.townships_of("150102").any(|t| t.name == "保合少镇"));
        let site = crate::draft::Site {
            prefecture_code: "1501".into(),
            county_code: "150102".into(),
            township_other: "某新设街道".into(),
            ..Default::default()
        };
        assert_eq!(r.describe(&site), "呼和浩特市新城区某新设街道");
    }

    #[test]
    fn malformed_tier_is_reported() {
        let bad = "code,prefecture_code,prefecture,county,wage_tier_2021\n150102,1501,呼和浩特市,新城区,x\n";
        assert!(Regions::parse(bad, "街道\n").is_err());
    }

    /// The packed townships the app carries say exactly what `data/townships.csv` says, row for
    /// row and in order.
    #[test]
    fn packed_townships_hold_every_row_of_the_csv() {
        let csv = crate::table::Table::read(include_str!("../../../data/townships.csv")).unwrap();
        assert_eq!(csv.headers, ["code", "county_code", "name", "kind"]);
        let rows: Vec<[&str; 4]> = csv
            .rows
            .iter()
            .map(|r| [0, 1, 2, 3].map(|i| crate::table::Table::field(r, i)))
            .collect();
        let packed: Vec<[&str; 4]> = Regions::get()
            .townships
            .iter()
            .map(|t| [&t.code, &t.county_code, &t.name, &t.kind].map(String::as_str))
            .collect();
        assert_eq!(packed, rows);
    }

    #[test]
    fn a_township_line_without_its_county_or_kind_is_an_error() {
        assert!(unpack_townships("街道\n0010某街道\n").is_err());
        assert!(unpack_townships("街道\n#150102\n0019某街道\n").is_err());
        assert!(unpack_townships("街道\n#150102\n00\n").is_err());
        assert_eq!(unpack_townships("街道\n").unwrap(), vec![]);
    }
}
