//! The 抽查: which registered poverty-alleviated workers the review group phones or talks to.
//!
//! The draw is reproducible: the same roster and the same seed give the same people, so anyone
//! can check that the sample printed on the 审查意见表 was not picked by hand. The seed is chosen
//! when the reviewer asks for a draw and printed with it. Practice elsewhere samples 3 to 5
//! workers; the regulation sets no number.

use crate::record::SampledPerson;
use bangfu_model::Draft;
use bangfu_rules::Assessment;

/// The fewest and most workers offered by default.
pub const DEFAULT_MIN: usize = 3;
pub const DEFAULT_MAX: usize = 5;

/// The default sample size for `candidates` registered workers: one in ten, at least 3 and at
/// most 5, never more than there are.
///
/// # Examples
/// ```
/// use bangfu_review::sample::default_size;
/// assert_eq!([default_size(2), default_size(12), default_size(45), default_size(300)], [2, 3, 5, 5]);
/// ```
pub fn default_size(candidates: usize) -> usize {
    candidates
        .div_ceil(10)
        .clamp(DEFAULT_MIN, DEFAULT_MAX)
        .min(candidates)
}

/// Draws `size` of the people the application counts on (registered 脱贫人口 / 监测对象 employed
/// on the assessment date; all registered people when none is employed), in roster order of
/// the draw.
///
/// # Examples
/// ```
/// use bangfu_review::sample::draw;
/// use bangfu_rules::{assess, sample::qualifying_draft};
/// let date = chrono::NaiveDate::from_ymd_opt(2026, 6, 20).unwrap();
/// let draft = qualifying_draft(30, 6, date);
/// let a = assess(&draft, date);
/// let first = draw(&draft, &a, 3, 20261206);
/// assert_eq!(first.len(), 3);
/// assert_eq!(first, draw(&draft, &a, 3, 20261206));
/// ```
pub fn draw(draft: &Draft, assessment: &Assessment, size: usize, seed: u64) -> Vec<SampledPerson> {
    let employed: Vec<u32> = assessment
        .employees
        .iter()
        .filter(|e| e.registered && e.employed_on_assessment_date)
        .map(|e| e.key)
        .collect();
    let mut pool = if employed.is_empty() {
        assessment
            .employees
            .iter()
            .filter(|e| e.registered)
            .map(|e| e.key)
            .collect()
    } else {
        employed
    };
    // A partial Fisher–Yates shuffle driven by SplitMix64: tiny, fixed for ever (unlike a
    // library's generator, whose stream may change between versions and change old draws).
    let mut state = seed;
    let size = size.min(pool.len());
    for i in 0..size {
        let span = (pool.len() - i) as u64;
        let j = i + (splitmix64(&mut state) % span) as usize;
        pool.swap(i, j);
    }
    pool.truncate(size);
    pool.iter()
        .filter_map(|key| draft.employee(*key))
        .map(|e| SampledPerson {
            id_number: e.id_number.trim().to_owned(),
            name: e.name.trim().to_owned(),
            ..SampledPerson::default()
        })
        .collect()
}

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bangfu_rules::assess;
    use std::collections::HashSet;

    #[test]
    fn draws_only_registered_people_reproducibly_and_spreads_over_seeds() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 6, 20).unwrap();
        let draft = bangfu_rules::sample::qualifying_draft(60, 6, date);
        let a = assess(&draft, date);
        let registered: HashSet<&str> = draft
            .employees
            .iter()
            .filter(|e| a.employees.iter().any(|f| f.key == e.key && f.registered))
            .map(|e| e.id_number.as_str())
            .collect();
        let mut seen = HashSet::new();
        for seed in 0..50 {
            let picks = draw(&draft, &a, 5, seed);
            assert_eq!(picks.len(), 5);
            let ids: HashSet<&str> = picks.iter().map(|p| p.id_number.as_str()).collect();
            assert_eq!(ids.len(), 5, "no one drawn twice");
            assert!(ids.iter().all(|id| registered.contains(id)));
            seen.extend(picks.into_iter().map(|p| p.id_number));
        }
        // 50 draws of 5 reach nearly everyone of the ~20 registered, not the same few.
        assert!(
            seen.len() * 10 >= registered.len() * 9,
            "{} of {}",
            seen.len(),
            registered.len()
        );
        // Asking for more than there are gives everyone once.
        assert_eq!(draw(&draft, &a, 1000, 7).len(), registered.len());
    }
}
