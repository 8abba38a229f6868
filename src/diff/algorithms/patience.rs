//! Patience diff (Bram Cohen's, as in git and bzr): lines that occur exactly
//! once on each side anchor the diff, taken in their longest common order;
//! the gaps between anchors are diffed the same way. Regions without such
//! lines go to Myers.

use super::Counts;
use super::regions::{self, Region, Step};
use crate::diff::deadline::Deadline;

/// Patience diff of `a` and `b`, marking changed lines in `removed` /
/// `added` (false on entry).
pub(crate) fn diff(
    a: &[u32],
    b: &[u32],
    removed: &mut [bool],
    added: &mut [bool],
    counts: &mut Counts,
    deadline: &mut Deadline,
) {
    counts.with_place();
    let mut pairs = Vec::new();
    regions::solve(a, b, removed, added, counts, deadline, |r, counts, regions| {
        let Region { x0, x1, y0, y1 } = r;
        let size = x1 - x0 + y1 - y0;
        let (in_a, in_b, where_a) = (&mut counts.old, &mut counts.new, &mut counts.place);
        for x in x0..x1 {
            in_a[a[x] as usize] += 1;
            where_a[a[x] as usize] = x as u32;
        }
        for &id in &b[y0..y1] {
            in_b[id as usize] += 1;
        }
        pairs.clear();
        for (y, &id) in b.iter().enumerate().take(y1).skip(y0) {
            if in_a[id as usize] == 1 && in_b[id as usize] == 1 {
                pairs.push((where_a[id as usize], y as u32));
            }
        }
        for &id in &a[x0..x1] {
            in_a[id as usize] = 0;
        }
        for &id in &b[y0..y1] {
            in_b[id as usize] = 0;
        }
        if pairs.is_empty() {
            return (Step::Myers, size);
        }

        let anchors = longest_increasing(&pairs);
        // Gaps are pushed last-first so that they are solved in order.
        let mut end = (x1, y1);
        for &(x, y) in anchors.iter().rev() {
            let (x, y) = (x as usize, y as usize);
            regions.push(Region { x0: x + 1, x1: end.0, y0: y + 1, y1: end.1 });
            end = (x, y);
        }
        regions.push(Region { x0, x1: end.0, y0, y1: end.1 });
        (Step::Split, size)
    });
}

/// The longest subsequence of `pairs` (ordered by their second element)
/// whose first elements increase, by patience sorting.
fn longest_increasing(pairs: &[(u32, u32)]) -> Vec<(u32, u32)> {
    // tails[k]: index of the smallest last element of an increasing
    // subsequence of length k + 1; back[i]: the element before pairs[i].
    let mut tails: Vec<usize> = Vec::new();
    let mut back = vec![usize::MAX; pairs.len()];
    for (i, &(x, _)) in pairs.iter().enumerate() {
        let k = tails.partition_point(|&t| pairs[t].0 < x);
        if k > 0 {
            back[i] = tails[k - 1];
        }
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut i = tails.last().copied().unwrap_or(usize::MAX);
    while i != usize::MAX {
        out.push(pairs[i]);
        i = back[i];
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::algorithms::testing::{kept, random_pairs, solve};

    #[test]
    fn longest_increasing_subsequence() {
        let pairs: Vec<(u32, u32)> = [3, 1, 4, 1, 5, 9, 2, 6].iter().enumerate().map(|(i, &x)| (x, i as u32)).collect();
        let lis: Vec<u32> = longest_increasing(&pairs).iter().map(|p| p.0).collect();
        assert_eq!(lis.len(), 4);
        assert!(lis.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn unique_lines_anchor_a_moved_block() {
        let a = [1, 2, 3, 7, 7, 4, 5, 6];
        let b = [4, 5, 6, 7, 7, 1, 2, 3];
        let (r, ad) = solve(diff, &a, &b);
        assert_eq!(kept(&a, &r), kept(&b, &ad));
        assert_eq!(kept(&a, &r).len(), 3);
    }

    #[test]
    fn pseudo_random_pairs_give_valid_scripts() {
        for (a, b) in random_pairs(0x2545_f491, 300, 80, 40) {
            let (r, ad) = solve(diff, &a, &b);
            assert_eq!(kept(&a, &r), kept(&b, &ad), "{a:?} {b:?}");
        }
    }
}
