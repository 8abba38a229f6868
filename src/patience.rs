//! Patience diff (Bram Cohen's, as in git and bzr): lines that occur exactly
//! once on each side anchor the diff, taken in their longest common order;
//! the gaps between anchors are diffed the same way. Regions without such
//! lines go to Myers.

use crate::deadline::Deadline;
use crate::discard::{self, Counts};

/// Units of work allowed per input line before the remaining regions go to
/// Myers (see histogram).
const WORK_PER_LINE: usize = 48;

pub(crate) fn diff(
    a: &[u32],
    b: &[u32],
    removed: &mut [bool],
    added: &mut [bool],
    counts: &mut Counts,
    deadline: &mut Deadline,
) {
    counts.with_place();
    let mut budget = WORK_PER_LINE * (a.len() + b.len()) + 100_000;
    let mut regions = vec![(0, a.len(), 0, b.len())];
    let mut pairs = Vec::new();
    while let Some((mut x0, mut x1, mut y0, mut y1)) = regions.pop() {
        while x0 < x1 && y0 < y1 && a[x0] == b[y0] {
            x0 += 1;
            y0 += 1;
        }
        while x0 < x1 && y0 < y1 && a[x1 - 1] == b[y1 - 1] {
            x1 -= 1;
            y1 -= 1;
        }
        let size = x1 - x0 + y1 - y0;
        if x0 == x1 || y0 == y1 || deadline.passed(size as u64) {
            removed[x0..x1].fill(true);
            added[y0..y1].fill(true);
            continue;
        }
        if budget < size {
            discard::diff(&a[x0..x1], &b[y0..y1], &mut removed[x0..x1], &mut added[y0..y1], counts, deadline);
            continue;
        }
        budget -= size;

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
            discard::diff(&a[x0..x1], &b[y0..y1], &mut removed[x0..x1], &mut added[y0..y1], counts, deadline);
            continue;
        }

        let anchors = longest_increasing(&pairs);
        // Gaps are pushed last-first so that they are solved in order.
        let mut end = (x1, y1);
        for &(x, y) in anchors.iter().rev() {
            let (x, y) = (x as usize, y as usize);
            regions.push((x + 1, end.0, y + 1, end.1));
            end = (x, y);
        }
        regions.push((x0, end.0, y0, end.1));
    }
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
    use crate::testing::{kept, random_pairs, solve};

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
