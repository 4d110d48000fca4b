//! Stable sorting through one compiled sort.
//!
//! The standard library's `sort_by` is compiled anew for every element type
//! and comparison: 3 to 5 KB of wasm each, about 140 KB over the thirty-odd
//! sorts of the web app. These functions sort a list of positions instead,
//! with the comparison behind a `dyn` reference, so that one compiled sort
//! serves them all, and then move the items into that order. The result is
//! `sort_by`'s: stable and deterministic. The cost is an indirect call per
//! comparison, which none of these sorts notices (the matcher's hot sorts
//! keep the standard ones).
//!
//! Collecting into a `BTreeMap` or `BTreeSet` sorts too (per key type), so
//! [`map_of`] and [`set_of`] build them by inserting instead.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `v` by `cmp`, keeping equal items in their order (like
/// `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_positions(&mut order, &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts `v` by a key, keeping equal items in their order (like
/// `slice::sort_by_key`; the key is computed for each comparison).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order, keeping equal items in their order.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The map of `items`, the last value kept for a repeated key (as `collect`
/// does), built by inserting.
pub fn map_of<K: Ord, V>(items: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (k, v) in items {
        map.insert(k, v);
    }
    map
}

/// The set of `items`, built by inserting.
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    for item in items {
        set.insert(item);
    }
    set
}

/// The one compiled sort.
#[inline(never)]
#[allow(clippy::disallowed_methods)] // the one place the standard sort is used
fn sort_positions(order: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

/// Rearranges `v` so that position `i` holds what was at `order[i]`
/// (`order` is a permutation of the positions), by following each cycle.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != start {
            let from = order[at];
            v.swap(at, from);
            order[at] = at;
            at = from;
        }
        order[at] = at;
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // compared against the standard sort
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_exactly_like_the_standard_stable_sort(
            v in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)
        ) {
            // Sorting by the first field only: the second shows stability.
            let mut ours = v.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut std = v.clone();
            std.sort_by_key(|x| x.0);
            prop_assert_eq!(&ours, &std);

            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| b.cmp(a));
            let mut std = v.clone();
            std.sort_by(|a, b| b.cmp(a));
            prop_assert_eq!(&ours, &std);

            let mut ours = v;
            let mut std = ours.clone();
            sort(&mut ours);
            std.sort();
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn maps_and_sets_are_those_collect_builds() {
        let pairs = [(3, "c"), (1, "a"), (3, "C"), (2, "b")];
        assert_eq!(map_of(pairs), pairs.into_iter().collect::<BTreeMap<_, _>>());
        assert_eq!(map_of(pairs)[&3], "C");
        assert_eq!(set_of([3, 1, 3, 2]), BTreeSet::from([1, 2, 3]));
    }

    #[test]
    fn moves_owned_items_without_cloning() {
        let mut v: Vec<String> = ["d", "a", "c", "b", "a"].map(String::from).to_vec();
        sort(&mut v);
        assert_eq!(v, ["a", "a", "b", "c", "d"]);
        let mut empty: Vec<String> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }
}
