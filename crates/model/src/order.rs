//! Stable sorting with one compiled sorting routine for the whole app.
//!
//! The standard library's `sort_by_key` is compiled again for every element type and every key
//! closure — about 3 KB of WebAssembly each (driftsort with its quicksort, small-sort and merge
//! parts). The page sorted in eleven places (each person's stints, insurance periods and wage
//! months, the minimum-wage table, the 7(1) notes, the draft history …), ≈ 35 KB of code for
//! lists that mostly hold a dozen items. Here the sorting is one merge sort of positions behind a
//! `dyn` comparison; each caller adds only a few hundred bytes (comparing, and moving the items
//! into their places). Same result as `slice::sort_by`: stable, O(n log n).

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping the order of equal items (like `slice::sort_by`).
///
/// # Errors
/// None: every input is sorted. A `compare` that is not a total order gives some permutation of
/// the items (never loses or repeats one), as the standard library's sort does.
///
/// # Examples
/// ```
/// let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c')];
/// bangfu_model::order::sort_by(&mut v, |x, y| x.0.cmp(&y.0));
/// assert_eq!(v, [(1, 'b'), (2, 'a'), (2, 'c')]);
/// ```
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let compare_at = |a: usize, b: usize| compare(&items[a], &items[b]);
    // Lists typed in order (wage months, stints) are the common case: no allocation for them.
    if in_order(items.len(), &compare_at) {
        return;
    }
    let order = stable_order(items.len(), &compare_at);
    permute(items, order);
}

/// Sorts `items` by the key `key` gives each, keeping the order of equal keys (like
/// `slice::sort_by_key`).
///
/// # Errors
/// None: every input is sorted.
///
/// # Examples
/// ```
/// let mut v = vec!["ccc", "a", "bb", "d"];
/// bangfu_model::order::sort_by_key(&mut v, |s| s.len());
/// assert_eq!(v, ["a", "d", "bb", "ccc"]);
/// ```
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, stable (like `slice::sort`).
///
/// # Errors
/// None: every input is sorted.
///
/// # Examples
/// ```
/// let mut v = vec![3, 1, 2];
/// bangfu_model::order::sort(&mut v);
/// assert_eq!(v, [1, 2, 3]);
/// ```
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Whether no item compares greater than the one after it.
fn in_order(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> bool {
    (1..n).all(|i| compare(i - 1, i) != Ordering::Greater)
}

/// The positions `0..n` in sorted order: `order[i]` is the position of the item that belongs at
/// `i`. Bottom-up merge sort; ties keep the earlier position first.
fn stable_order(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to: Vec<usize> = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut l, mut r) = (start, mid);
            for slot in &mut to[start..end] {
                // Take from the right run only when it is strictly smaller: that keeps ties stable.
                let take_right =
                    r < end && (l >= mid || compare(from[r], from[l]) == Ordering::Less);
                if take_right {
                    *slot = from[r];
                    r += 1;
                } else {
                    *slot = from[l];
                    l += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Moves each item to its place: afterwards `items[i]` is what was at `order[i]`. Follows each
/// cycle of the permutation once, swapping along it.
fn permute<T>(items: &mut [T], order: Vec<usize>) {
    let mut done = vec![false; order.len()];
    for i in 0..order.len() {
        if done[i] {
            continue;
        }
        let mut j = i;
        loop {
            done[j] = true;
            let k = order[j];
            if k == i {
                break;
            }
            items.swap(j, k);
            j = k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator: the tests need varied inputs, not a random crate.
    fn numbers(seed: u64, n: usize, range: u64) -> Vec<u64> {
        let mut x = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % range
            })
            .collect()
    }

    #[test]
    fn agrees_with_the_standard_stable_sort_on_many_lengths_and_many_ties() {
        for n in [0, 1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 31, 64, 100, 1_000, 4_001] {
            for (seed, range) in [(1, 3), (2, 10), (3, 1_000_000)] {
                // Pairs (key, original position): equal keys must keep their positions' order.
                let mut ours: Vec<(u64, usize)> = numbers(seed + n as u64, n, range)
                    .into_iter()
                    .enumerate()
                    .map(|(i, k)| (k, i))
                    .collect();
                let mut std = ours.clone();
                sort_by_key(&mut ours, |p| p.0);
                std.sort_by_key(|p| p.0);
                assert_eq!(ours, std, "n = {n}, keys below {range}");
            }
        }
    }

    #[test]
    fn sorted_and_reversed_inputs_and_a_descending_comparison() {
        let mut up: Vec<u32> = (0..50).collect();
        sort(&mut up);
        assert_eq!(up, (0..50).collect::<Vec<_>>());
        let mut down: Vec<u32> = (0..50).rev().collect();
        sort(&mut down);
        assert_eq!(down, (0..50).collect::<Vec<_>>());
        let mut newest_first = vec!["2026-01-02", "2026-03-01", "2025-12-31"];
        sort_by(&mut newest_first, |a, b| b.cmp(a));
        assert_eq!(newest_first, ["2026-03-01", "2026-01-02", "2025-12-31"]);
    }

    #[test]
    fn an_inconsistent_comparison_still_keeps_every_item_once() {
        let mut v: Vec<u32> = (0..40).collect();
        sort_by(&mut v, |a, b| {
            if (a + b) % 3 == 0 {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        });
        let mut back = v.clone();
        back.sort_unstable();
        assert_eq!(back, (0..40).collect::<Vec<_>>());
    }
}
