//! Myers' O(ND) difference algorithm in linear space ("An O(ND) Difference
//! Algorithm and Its Variations", 1986), with the cost limits GNU diff and git
//! use so that inputs with very many differences still finish in bounded time:
//!
//! - once a search for the middle snake has cost more than `max_cost`, the
//!   box is split at the furthest point reached instead of the exact middle;
//! - once it has cost more than `GOOD_SNAKE_MIN_COST` and has found a long
//!   diagonal run far enough along, the box is split at that run;
//! - once the whole diff (every region of it) has spent its budget of
//!   diagonal visits (see `Deadline`), `max_cost` drops from about the square
//!   root of the input size to `SPENT_MAX_COST` and no box is solved exactly
//!   any more. This keeps the worst case (long unrelated texts of a few
//!   distinct lines) linear in the input size instead of growing with its
//!   1.5th power.
//!
//! All of these give up minimality for time, never correctness: every split
//! point lies on a valid edit path. Subproblems whose search was cheap are
//! solved exactly.

use super::diagonals::Diagonals;
use super::snakes::{
    SNAKE_MIN, Split, furthest_point, good_backward_snake, good_forward_snake, snake_backward, snake_forward,
};
use crate::diff::deadline::Deadline;

/// The good-snake heuristic applies only to searches that cost more than this.
/// (git uses 256; lower finds the same diffs on every input we measured, with
/// far less searching on files with many moved blocks.)
const GOOD_SNAKE_MIN_COST: isize = 64;
/// Floor of the search cost after which a box is split at its furthest point;
/// moved blocks shorter than this are always found.
const MIN_MAX_COST: isize = 256;
/// The cost limit once the budget of visits is spent. Each furthest-point
/// split then costs about its square in visits and advances about its size
/// in lines, so a lower limit is faster on long unrelated texts of a few
/// distinct lines, for a slightly larger diff: on repeated_unrelated_1m, 64
/// took 0.32 s for a diff 1.0% larger than GNU diff's, where 256 took 0.72 s
/// for 0.3% (the fast-diff command, one run each).
const SPENT_MAX_COST: isize = 64;
/// Diagonal visits a diff may spend per line of input before the cost
/// limits tighten, and a floor for small inputs, whose search is cheap anyway.
pub(crate) const VISITS_PER_LINE: i64 = 16;
pub(crate) const MIN_VISITS: i64 = 1 << 20;

/// Marks in `removed`/`added` the elements of `a`/`b` outside a short common
/// subsequence. Both slices must be false on entry. Lines are compared as
/// ids; the word diff compares token ids, or the bytes themselves.
pub(crate) fn search<T: Copy + Eq>(
    a: &[T],
    b: &[T],
    removed: &mut [bool],
    added: &mut [bool],
    deadline: &mut Deadline,
) {
    search_spent(a, b, removed, added, deadline, SPENT_MAX_COST);
}

/// `search` with the cost limit to fall to once the budget is spent.
pub(crate) fn search_spent<T: Copy + Eq>(
    a: &[T],
    b: &[T],
    removed: &mut [bool],
    added: &mut [bool],
    deadline: &mut Deadline,
    spent_max_cost: isize,
) {
    debug_assert_eq!(a.len(), removed.len());
    debug_assert_eq!(b.len(), added.len());
    Search::new(a, b, spent_max_cost).run(removed, added, deadline);
}

struct Search<'a, T> {
    a: &'a [T],
    b: &'a [T],
    /// Furthest x reached on each diagonal k = x - y, forward and backward.
    forward: Diagonals,
    backward: Diagonals,
    max_cost: isize,
    spent_max_cost: isize,
}

impl<'a, T: Copy + Eq> Search<'a, T> {
    fn new(a: &'a [T], b: &'a [T], spent_max_cost: isize) -> Self {
        let diagonals = a.len() + b.len() + 3;
        let max_cost = ((diagonals as f64).sqrt() as isize).max(MIN_MAX_COST);
        Search { a, b, forward: Diagonals::new(), backward: Diagonals::new(), max_cost, spent_max_cost }
    }

    fn run(&mut self, removed: &mut [bool], added: &mut [bool], deadline: &mut Deadline) {
        // Boxes still to solve; an explicit stack, since the split sequence of
        // a pathological input can be as deep as the input is long.
        let mut boxes = vec![(0, self.a.len(), 0, self.b.len(), false)];
        while let Some((mut x0, mut x1, mut y0, mut y1, minimal)) = boxes.pop() {
            while x0 < x1 && y0 < y1 && self.a[x0] == self.b[y0] {
                x0 += 1;
                y0 += 1;
            }
            while x0 < x1 && y0 < y1 && self.a[x1 - 1] == self.b[y1 - 1] {
                x1 -= 1;
                y1 -= 1;
            }
            let give_up = deadline.passed((x1 - x0 + y1 - y0) as u64);
            if x0 == x1 || y0 == y1 || give_up {
                removed[x0..x1].fill(true);
                added[y0..y1].fill(true);
                continue;
            }
            let split = self.split(x0, x1, y0, y1, minimal, deadline);
            let shrinks = (split.x, split.y) != (x0, y0) && (split.x, split.y) != (x1, y1);
            debug_assert!(shrinks, "a split must divide the box");
            if !shrinks {
                removed[x0..x1].fill(true);
                added[y0..y1].fill(true);
                continue;
            }
            boxes.push((split.x, x1, split.y, y1, split.minimal_after));
            boxes.push((x0, split.x, y0, split.y, split.minimal_before));
        }
    }

    /// Finds where to split the box `[x0, x1) x [y0, y1)`, whose first and last
    /// elements differ on both sides: the middle snake of a shortest edit
    /// path, or, past the cost limits, a point on some good path.
    fn split(&mut self, x0: usize, x1: usize, y0: usize, y1: usize, minimal: bool, deadline: &mut Deadline) -> Split {
        let (a, b) = (self.a, self.b);
        let (x0, x1, y0, y1) = (x0 as isize, x1 as isize, y0 as isize, y1 as isize);
        let (fwd, bwd) = (&mut self.forward, &mut self.backward);

        let (kmin, kmax) = (x0 - y1, x1 - y0);
        let (fmid, bmid) = (x0 - y0, x1 - y1);
        let odd = (fmid - bmid) & 1 != 0;
        let (mut flo, mut fhi, mut blo, mut bhi) = (fmid, fmid, bmid, bmid);
        fwd.start(fmid);
        bwd.start(bmid);
        fwd.set(fmid, x0);
        bwd.set(bmid, x1);

        let mut cost: isize = 1;
        loop {
            let mut long_snake = false;

            // Forward: widen the band of diagonals by one each side, or narrow
            // it where it has reached the edge of the box. The sentinels make
            // the first step on a new outer diagonal come from inside.
            let (widen_lo, widen_hi) = (flo > kmin, fhi < kmax);
            flo += if widen_lo { -1 } else { 1 };
            fhi += if widen_hi { 1 } else { -1 };
            fwd.fit(flo - 1, fhi + 1);
            if widen_lo {
                fwd.set(flo - 1, -1);
            }
            if widen_hi {
                fwd.set(fhi + 1, -1);
            }
            let mut k = fhi;
            while k >= flo {
                let mut x = if fwd.get(k - 1) >= fwd.get(k + 1) { fwd.get(k - 1) + 1 } else { fwd.get(k + 1) };
                let run = snake_forward(a, b, x as usize, (x - k).max(0) as usize, x1 as usize, y1 as usize) as isize;
                long_snake |= run > SNAKE_MIN;
                x += run;
                let y = x - k;
                fwd.set(k, x);
                if odd && blo <= k && k <= bhi && bwd.get(k) <= x {
                    return Split { x: x as usize, y: y as usize, minimal_before: true, minimal_after: true };
                }
                k -= 2;
            }

            // Backward, the mirror image, from the bottom-right corner.
            let (widen_lo, widen_hi) = (blo > kmin, bhi < kmax);
            blo += if widen_lo { -1 } else { 1 };
            bhi += if widen_hi { 1 } else { -1 };
            bwd.fit(blo - 1, bhi + 1);
            if widen_lo {
                bwd.set(blo - 1, i32::MAX as isize);
            }
            if widen_hi {
                bwd.set(bhi + 1, i32::MAX as isize);
            }
            let mut k = bhi;
            while k >= blo {
                let mut x = if bwd.get(k - 1) < bwd.get(k + 1) { bwd.get(k - 1) } else { bwd.get(k + 1) - 1 };
                let run =
                    snake_backward(a, b, x.max(0) as usize, (x - k).max(0) as usize, x0 as usize, y0 as usize) as isize;
                long_snake |= run > SNAKE_MIN;
                x -= run;
                let y = x - k;
                bwd.set(k, x);
                if !odd && flo <= k && k <= fhi && x <= fwd.get(k) {
                    return Split { x: x as usize, y: y as usize, minimal_before: true, minimal_after: true };
                }
                k -= 2;
            }

            let visits = (fhi - flo + bhi - blo) / 2 + 2;
            let out_of_time = deadline.passed(visits as u64);
            let within_budget = deadline.spend_visits(visits as i64);
            if !within_budget {
                self.max_cost = self.spent_max_cost;
            }
            if minimal && !out_of_time && within_budget {
                cost += 1;
                continue;
            }

            if long_snake && cost > GOOD_SNAKE_MIN_COST && !out_of_time {
                if let Some(split) = good_forward_snake(a, b, fwd, (flo, fhi, fmid), (x0, x1, y0, y1), cost) {
                    return split;
                }
                if let Some(split) = good_backward_snake(a, b, bwd, (blo, bhi, bmid), (x0, x1, y0, y1), cost) {
                    return split;
                }
            }

            if cost >= self.max_cost || out_of_time {
                return furthest_point(fwd, bwd, (flo, fhi, blo, bhi), (x0, x1, y0, y1));
            }
            cost += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::algorithms::testing::{kept, random_pairs};

    fn run(a: &[u32], b: &[u32]) -> (Vec<bool>, Vec<bool>) {
        let mut removed = vec![false; a.len()];
        let mut added = vec![false; b.len()];
        search(a, b, &mut removed, &mut added, &mut Deadline::new(None));
        (removed, added)
    }

    fn lcs_len(a: &[u32], b: &[u32]) -> usize {
        let mut row = vec![0usize; b.len() + 1];
        for &x in a {
            let mut diag = 0;
            for (j, &y) in b.iter().enumerate() {
                let up = row[j + 1];
                row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
                diag = up;
            }
        }
        row[b.len()]
    }

    #[test]
    fn small_diffs_are_minimal_and_consistent() {
        let cases: &[(&[u32], &[u32])] = &[
            (&[1, 2, 3], &[1, 3]),
            (&[1, 2, 3, 1, 2, 2, 1], &[3, 2, 1, 2, 1, 3]),
            (&[], &[1, 2]),
            (&[5, 5, 5], &[]),
            (&[1, 2, 3, 4, 5, 6], &[6, 5, 4, 3, 2, 1]),
        ];
        for &(a, b) in cases {
            let (r, ad) = run(a, b);
            assert_eq!(kept(a, &r), kept(b, &ad));
            assert_eq!(kept(a, &r).len(), lcs_len(a, b), "{a:?} {b:?}");
        }
    }

    #[test]
    fn pseudo_random_pairs_are_minimal() {
        for (a, b) in random_pairs(0x1234_5678, 300, 60, 6) {
            let (r, ad) = run(&a, &b);
            assert_eq!(kept(&a, &r), kept(&b, &ad));
            assert_eq!(kept(&a, &r).len(), lcs_len(&a, &b), "{a:?} {b:?}");
        }
    }

    #[test]
    fn expensive_inputs_still_give_a_valid_script() {
        // Long, unrelated and highly repetitive: forces the cost limits.
        let a: Vec<u32> = (0..40_000u32).map(|i| (i * 7 + i / 3) % 3).collect();
        let b: Vec<u32> = (0..40_000u32).map(|i| (i * 5 + i / 7) % 3).collect();
        let (r, ad) = run(&a, &b);
        assert_eq!(kept(&a, &r), kept(&b, &ad));
    }

    #[test]
    fn a_passed_deadline_still_gives_a_valid_script() {
        let a: Vec<u32> = (0..20_000u32).map(|i| (i * 7 + i / 3) % 3).collect();
        let b: Vec<u32> = (0..20_000u32).map(|i| (i * 5 + i / 7) % 3).collect();
        let mut removed = vec![false; a.len()];
        let mut added = vec![false; b.len()];
        let mut deadline = Deadline::new(Some(std::time::Duration::ZERO));
        search(&a, &b, &mut removed, &mut added, &mut deadline);
        assert_eq!(kept(&a, &removed), kept(&b, &added));
    }
}
