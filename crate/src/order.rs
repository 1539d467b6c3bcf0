//! Stable sorting of the short lists the rules and the app put in order (a service's missing facts,
//! the days off of a year, the verdicts on the results page, the channels with the chosen one first).
//!
//! The standard library's stable sort (driftsort) is fast on long slices, but each type it sorts adds
//! about 4 KB to the app's WebAssembly; these lists hold a few dozen items at most, for which an
//! insertion sort is as quick and a few hundred bytes. The order is the same as `slice::sort_by_key`'s:
//! by key, and items with equal keys keep their order.

/// Sorts `v` by `key`, keeping the order of items whose keys are equal (as `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a) > key(b));
}

/// Sorts `v` in ascending order, keeping the order of equal items (as `slice::sort`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, |a, b| a > b);
}

/// Insertion sort: `after(a, b)` says that `a` belongs after `b`; an item moves back only past
/// items it belongs before, so equal items keep their order.
fn sort_by<T>(v: &mut [T], mut after: impl FnMut(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && after(&v[j - 1], &v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_order_as_the_standard_stable_sort() {
        // Pairs sorted by their first number only: equal keys must keep their order (the second).
        let mut seed = 7u32;
        for len in 0..40 {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) as u8 % 5, i)
                })
                .collect();
            let (mut ours, mut std) = (items.clone(), items.clone());
            sort_by_key(&mut ours, |x| x.0);
            std.sort_by_key(|x| x.0);
            assert_eq!(ours, std, "{items:?}");
        }
    }

    #[test]
    fn sorts_in_ascending_order() {
        let mut words = vec!["09:00–18:00", "08:00–20:00", "09:00–18:00", "00:00–24:00"];
        sort(&mut words);
        assert_eq!(words, ["00:00–24:00", "08:00–20:00", "09:00–18:00", "09:00–18:00"]);
        let mut flags = vec![true, false, true, false];
        sort_by_key(&mut flags, |f| !f);
        assert_eq!(flags, [true, true, false, false]);
    }
}
