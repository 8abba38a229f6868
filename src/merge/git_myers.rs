//! Myers' diff as git's xdiff runs it, for the merge's alignment.
//!
//! Why a second Myers in the crate: a merge is identical to git's only where
//! its diffs line the lines up as git's do, and where a diff has several
//! smallest answers (a blank line or a brace that could pair with either of
//! two), which answer comes out depends on every detail of the search. The
//! engine's Myers follows GNU diff, whose preprocessing and cost limits
//! differ from git's; on real release history a third of the diffs came out
//! aligned differently. This module follows git's steps instead:
//!
//! 1. the lines common to both ends are set aside;
//! 2. lines with no equal on the other side are changed outright, and so
//!    are lines with very many equals (at least about the square root of
//!    the text's length) that sit in a run of such lines (git's
//!    `xdl_cleanup_records`);
//! 3. the rest is split at middle snakes, with git's heuristics: a long
//!    diagonal found once the search cost passes 256, and the furthest
//!    point reached once it passes about the square root of the input.
//!
//! git's search is not bounded by the input's length: on long texts of a
//! few distinct lines it grows with the 1.5th power. Here it has a budget
//! of diagonal visits per input line, large enough that real files never
//! reach it; past it the search gives up, and the caller diffs with the
//! engine instead, whose cost stays linear (the diff is then correct, but
//! may differ from git's).

/// Lines at most this far from a frequent line are looked at to decide
/// whether it sits among unmatched ones.
const SCAN_WINDOW: isize = 100;
/// A frequent line goes when the unmatched and frequent lines around it are
/// more than this many times the frequent ones.
const RUN_RATIO: isize = 4;
/// The most equals a line may have and still count as matched.
const MAX_EQUALS: usize = 1024;
/// A diagonal run this long is a real match.
const SNAKE: isize = 20;
/// Search cost after which long diagonal runs are taken as split points.
const HEURISTIC_MIN_COST: isize = 256;
/// How much further than its cost a run must have advanced.
const HEURISTIC_FACTOR: isize = 4;
/// Floor of the cost after which the furthest point reached is taken.
const MIN_MAX_COST: isize = 256;
/// Diagonal visits per input line, and at least, before the search gives
/// up. On the real merges of the benchmark corpus (1,834 diffs) the most
/// any diff used was 1.7 million visits, and 179 per line.
const VISITS_PER_LINE: u64 = 64;
const MIN_VISITS: u64 = 1 << 22;

/// git's rough square root: a power of two.
fn rough_sqrt(mut n: usize) -> usize {
    let mut i = 1;
    while n > 0 {
        i <<= 1;
        n >>= 2;
    }
    i
}

/// How a line takes part in the search.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// No equal on the other side: changed.
    Unmatched,
    Matched,
    /// Very many equals on the other side.
    Frequent,
}

/// The lines of `ids[range]` that take part in the search, given how often
/// each id occurs in the other text.
fn kept(ids: &[u32], range: core::ops::Range<usize>, other_counts: &[u32]) -> Vec<usize> {
    let limit = rough_sqrt(ids.len()).min(MAX_EQUALS) as u32;
    let class: Vec<Class> = ids[range.clone()]
        .iter()
        .map(|&id| match other_counts[id as usize] {
            0 => Class::Unmatched,
            n if n >= limit => Class::Frequent,
            _ => Class::Matched,
        })
        .collect();
    let last = class.len() as isize - 1;
    (0..class.len())
        .filter(|&i| match class[i] {
            Class::Matched => true,
            Class::Frequent => !among_unmatched(&class, i as isize, last),
            Class::Unmatched => false,
        })
        .map(|i| range.start + i)
        .collect()
}

/// Whether the frequent line `i` sits in a run of unmatched and frequent
/// lines, with unmatched ones on both sides, that is mostly unmatched.
fn among_unmatched(class: &[Class], i: isize, last: isize) -> bool {
    let (start, end) = ((i - SCAN_WINDOW).max(0), (i + SCAN_WINDOW).min(last));
    // Counts of unmatched and (counting line `i`) frequent lines.
    let scan = |steps: &mut dyn Iterator<Item = isize>| {
        let (mut unmatched, mut frequent) = (0, 1);
        for j in steps {
            match class[j as usize] {
                Class::Unmatched => unmatched += 1,
                Class::Frequent => frequent += 1,
                Class::Matched => break,
            }
        }
        (unmatched, frequent)
    };
    let (unmatched_before, frequent_before) = scan(&mut (start..i).rev());
    if unmatched_before == 0 {
        return false;
    }
    let (unmatched_after, frequent_after) = scan(&mut (i + 1..=end));
    if unmatched_after == 0 {
        return false;
    }
    let (unmatched, frequent) = (unmatched_before + unmatched_after, frequent_before + frequent_after);
    frequent * RUN_RATIO < frequent + unmatched
}

/// The changed lines of `a` and `b`, marked; `None` when the search spent
/// its budget.
pub(crate) fn diff(a: &[u32], b: &[u32], distinct: usize) -> Option<(Vec<bool>, Vec<bool>)> {
    let mut removed = vec![false; a.len()];
    let mut added = vec![false; b.len()];
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (a_mid, b_mid) = (prefix..a.len() - suffix, prefix..b.len() - suffix);
    if a_mid.is_empty() || b_mid.is_empty() {
        removed[a_mid].fill(true);
        added[b_mid].fill(true);
        return Some((removed, added));
    }
    // Occurrences in the whole of each text, as git counts them.
    let mut counts_a = vec![0u32; distinct];
    let mut counts_b = vec![0u32; distinct];
    a.iter().for_each(|&id| counts_a[id as usize] += 1);
    b.iter().for_each(|&id| counts_b[id as usize] += 1);
    let at_a = kept(a, a_mid.clone(), &counts_b);
    let at_b = kept(b, b_mid.clone(), &counts_a);
    removed[a_mid].fill(true);
    added[b_mid].fill(true);
    for &i in &at_a {
        removed[i] = false;
    }
    for &i in &at_b {
        added[i] = false;
    }
    let ids_a: Vec<u32> = at_a.iter().map(|&i| a[i]).collect();
    let ids_b: Vec<u32> = at_b.iter().map(|&i| b[i]).collect();
    let mut search = Search::new(&ids_a, &ids_b);
    search.run(|i| removed[at_a[i]] = true, |j| added[at_b[j]] = true)?;
    Some((removed, added))
}

struct Split {
    i1: isize,
    i2: isize,
    minimal_before: bool,
    minimal_after: bool,
}

struct Search<'a> {
    a: &'a [u32],
    b: &'a [u32],
    /// Furthest point on each diagonal, forward and backward, at `d + origin`.
    forward: Vec<isize>,
    backward: Vec<isize>,
    origin: isize,
    max_cost: isize,
    /// Diagonal visits left; when none are, the search gives up.
    visits_left: u64,
}

impl<'a> Search<'a> {
    fn new(a: &'a [u32], b: &'a [u32]) -> Self {
        let diagonals = a.len() + b.len() + 3;
        let lines = (a.len() + b.len()) as u64;
        Search {
            a,
            b,
            forward: vec![0; 2 * diagonals + 2],
            backward: vec![0; 2 * diagonals + 2],
            origin: b.len() as isize + 1,
            max_cost: (rough_sqrt(diagonals) as isize).max(MIN_MAX_COST),
            visits_left: lines.saturating_mul(VISITS_PER_LINE).max(MIN_VISITS),
        }
    }

    /// Splits boxes until each is a run of changes on one side; `None` if
    /// the budget ran out first.
    fn run(&mut self, mut remove: impl FnMut(usize), mut add: impl FnMut(usize)) -> Option<()> {
        let mut boxes = vec![(0, self.a.len() as isize, 0, self.b.len() as isize, false)];
        while let Some((mut off1, mut lim1, mut off2, mut lim2, minimal)) = boxes.pop() {
            let (a, b) = (self.a, self.b);
            while off1 < lim1 && off2 < lim2 && a[off1 as usize] == b[off2 as usize] {
                off1 += 1;
                off2 += 1;
            }
            while off1 < lim1 && off2 < lim2 && a[lim1 as usize - 1] == b[lim2 as usize - 1] {
                lim1 -= 1;
                lim2 -= 1;
            }
            if off1 == lim1 {
                (off2..lim2).for_each(|j| add(j as usize));
            } else if off2 == lim2 {
                (off1..lim1).for_each(|i| remove(i as usize));
            } else {
                let s = self.split(off1, lim1, off2, lim2, minimal)?;
                boxes.push((s.i1, lim1, s.i2, lim2, s.minimal_after));
                boxes.push((off1, s.i1, off2, s.i2, s.minimal_before));
            }
        }
        Some(())
    }

    fn snake_forward(&self, mut i1: isize, mut i2: isize, lim1: isize, lim2: isize) -> (isize, isize) {
        while i1 < lim1 && i2 < lim2 && i2 >= 0 && self.a[i1 as usize] == self.b[i2 as usize] {
            i1 += 1;
            i2 += 1;
        }
        (i1, i2)
    }

    fn snake_backward(&self, mut i1: isize, mut i2: isize, off1: isize, off2: isize) -> (isize, isize) {
        while i1 > off1 && i2 > off2 && self.a[i1 as usize - 1] == self.b[i2 as usize - 1] {
            i1 -= 1;
            i2 -= 1;
        }
        (i1, i2)
    }

    /// Whether `len` lines ending just before (or starting at) `i1`, `i2`
    /// are equal.
    fn run_before(&self, i1: isize, i2: isize, len: isize) -> bool {
        (1..=len).all(|k| self.a[(i1 - k) as usize] == self.b[(i2 - k) as usize])
    }

    fn run_from(&self, i1: isize, i2: isize, len: isize) -> bool {
        (0..len).all(|k| self.a[(i1 + k) as usize] == self.b[(i2 + k) as usize])
    }

    /// Where to split the box `[off1, lim1) x [off2, lim2)`, in the order of
    /// git's `xdl_split`; `None` once the budget is spent.
    fn split(&mut self, off1: isize, lim1: isize, off2: isize, lim2: isize, minimal: bool) -> Option<Split> {
        let o = self.origin;
        let at = |d: isize| (d + o) as usize;
        let (dmin, dmax) = (off1 - lim2, lim1 - off2);
        let (fmid, bmid) = (off1 - off2, lim1 - lim2);
        let odd = (fmid - bmid) & 1 != 0;
        let (mut fmin, mut fmax, mut bmin, mut bmax) = (fmid, fmid, bmid, bmid);
        self.forward[at(fmid)] = off1;
        self.backward[at(bmid)] = lim1;
        let mut cost = 1;
        loop {
            let mut got_snake = false;
            if fmin > dmin {
                fmin -= 1;
                self.forward[at(fmin - 1)] = -1;
            } else {
                fmin += 1;
            }
            if fmax < dmax {
                fmax += 1;
                self.forward[at(fmax + 1)] = -1;
            } else {
                fmax -= 1;
            }
            let mut d = fmax;
            while d >= fmin {
                let (left, right) = (self.forward[at(d - 1)], self.forward[at(d + 1)]);
                let start = if left >= right { left + 1 } else { right };
                let (i1, i2) = self.snake_forward(start, start - d, lim1, lim2);
                got_snake |= i1 - start > SNAKE;
                self.forward[at(d)] = i1;
                if odd && bmin <= d && d <= bmax && self.backward[at(d)] <= i1 {
                    return Some(Split { i1, i2, minimal_before: true, minimal_after: true });
                }
                d -= 2;
            }

            if bmin > dmin {
                bmin -= 1;
                self.backward[at(bmin - 1)] = isize::MAX;
            } else {
                bmin += 1;
            }
            if bmax < dmax {
                bmax += 1;
                self.backward[at(bmax + 1)] = isize::MAX;
            } else {
                bmax -= 1;
            }
            let mut d = bmax;
            while d >= bmin {
                let (left, right) = (self.backward[at(d - 1)], self.backward[at(d + 1)]);
                let start = if left < right { left } else { right - 1 };
                let (i1, i2) = self.snake_backward(start, start - d, off1, off2);
                got_snake |= start - i1 > SNAKE;
                self.backward[at(d)] = i1;
                if !odd && fmin <= d && d <= fmax && i1 <= self.forward[at(d)] {
                    return Some(Split { i1, i2, minimal_before: true, minimal_after: true });
                }
                d -= 2;
            }

            let visits = ((fmax - fmin + bmax - bmin) / 2 + 2) as u64;
            self.visits_left = self.visits_left.checked_sub(visits)?;
            if minimal {
                cost += 1;
                continue;
            }
            if got_snake && cost > HEURISTIC_MIN_COST {
                let bounds = (off1, lim1, off2, lim2);
                let good = self.good_forward_snake(fmin, fmax, fmid, bounds, cost);
                if let Some(split) = good.or_else(|| self.good_backward_snake(bmin, bmax, bmid, bounds, cost)) {
                    return Some(split);
                }
            }
            if cost >= self.max_cost {
                return Some(self.furthest_point((fmin, fmax, bmin, bmax), (off1, lim1, off2, lim2)));
            }
            cost += 1;
        }
    }

    /// The forward diagonal furthest along, penalised by its distance from
    /// the middle, that ends in a long run of equal lines.
    fn good_forward_snake(
        &self,
        fmin: isize,
        fmax: isize,
        fmid: isize,
        bounds: (isize, isize, isize, isize),
        cost: isize,
    ) -> Option<Split> {
        let (off1, lim1, off2, lim2) = bounds;
        let mut best = 0;
        let mut found = None;
        let mut d = fmax;
        while d >= fmin {
            let i1 = self.forward[(d + self.origin) as usize];
            let i2 = i1 - d;
            let v = (i1 - off1) + (i2 - off2) - (d - fmid).abs();
            if v > HEURISTIC_FACTOR * cost
                && v > best
                && off1 + SNAKE <= i1
                && i1 < lim1
                && off2 + SNAKE <= i2
                && i2 < lim2
                && self.run_before(i1, i2, SNAKE)
            {
                best = v;
                found = Some(Split { i1, i2, minimal_before: true, minimal_after: false });
            }
            d -= 2;
        }
        found
    }

    fn good_backward_snake(
        &self,
        bmin: isize,
        bmax: isize,
        bmid: isize,
        bounds: (isize, isize, isize, isize),
        cost: isize,
    ) -> Option<Split> {
        let (off1, lim1, off2, lim2) = bounds;
        let mut best = 0;
        let mut found = None;
        let mut d = bmax;
        while d >= bmin {
            let i1 = self.backward[(d + self.origin) as usize];
            let i2 = i1 - d;
            let v = (lim1 - i1) + (lim2 - i2) - (d - bmid).abs();
            if v > HEURISTIC_FACTOR * cost
                && v > best
                && off1 < i1
                && i1 <= lim1 - SNAKE
                && off2 < i2
                && i2 <= lim2 - SNAKE
                && self.run_from(i1, i2, SNAKE)
            {
                best = v;
                found = Some(Split { i1, i2, minimal_before: false, minimal_after: true });
            }
            d -= 2;
        }
        found
    }

    /// The point furthest from the start (forward) or the end (backward),
    /// whichever went further.
    fn furthest_point(&self, band: (isize, isize, isize, isize), bounds: (isize, isize, isize, isize)) -> Split {
        let ((fmin, fmax, bmin, bmax), (off1, lim1, off2, lim2)) = (band, bounds);
        let (mut fbest, mut fbest1) = (-1, -1);
        let mut d = fmax;
        while d >= fmin {
            let mut i1 = self.forward[(d + self.origin) as usize].min(lim1);
            let mut i2 = i1 - d;
            if lim2 < i2 {
                (i1, i2) = (lim2 + d, lim2);
            }
            if fbest < i1 + i2 {
                (fbest, fbest1) = (i1 + i2, i1);
            }
            d -= 2;
        }
        let (mut bbest, mut bbest1) = (isize::MAX, isize::MAX);
        let mut d = bmax;
        while d >= bmin {
            let mut i1 = self.backward[(d + self.origin) as usize].max(off1);
            let mut i2 = i1 - d;
            if i2 < off2 {
                (i1, i2) = (off2 + d, off2);
            }
            if i1 + i2 < bbest {
                (bbest, bbest1) = (i1 + i2, i1);
            }
            d -= 2;
        }
        if (lim1 + lim2) - bbest < fbest - (off1 + off2) {
            Split { i1: fbest1, i2: fbest - fbest1, minimal_before: true, minimal_after: false }
        } else {
            Split { i1: bbest1, i2: bbest - bbest1, minimal_before: false, minimal_after: true }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changed(a: &[u32], b: &[u32]) -> (Vec<u8>, Vec<u8>) {
        let distinct = a.iter().chain(b).max().map_or(0, |&m| m as usize + 1);
        let (r, d) = diff(a, b, distinct).unwrap();
        (r.iter().map(|&c| c as u8).collect(), d.iter().map(|&c| c as u8).collect())
    }

    #[test]
    fn rough_sqrt_is_a_power_of_two_above_the_root() {
        assert_eq!([0, 1, 3, 4, 15, 16, 1000].map(rough_sqrt), [1, 2, 2, 4, 4, 8, 32]);
    }

    #[test]
    fn finds_a_shortest_edit_on_small_inputs() {
        assert_eq!(changed(&[1, 2, 3], &[1, 4, 3]), (vec![0, 1, 0], vec![0, 1, 0]));
        assert_eq!(changed(&[1, 2, 3, 4], &[2, 3, 4, 5]), (vec![1, 0, 0, 0], vec![0, 0, 0, 1]));
        assert_eq!(changed(&[], &[7]), (vec![], vec![1]));
        // Every unmarked line pairs up in order.
        let (a, b) = ([1, 2, 1, 2, 1, 3, 1], [2, 1, 2, 3, 3, 1, 2]);
        let (r, d) = changed(&a, &b);
        let kept = |s: &[u32], m: &[u8]| s.iter().zip(m).filter(|(_, m)| **m == 0).map(|(v, _)| *v).collect::<Vec<_>>();
        assert_eq!(kept(&a, &r), kept(&b, &d));
        assert_eq!(r.iter().chain(&d).filter(|&&c| c == 1).count(), 4);
    }

    #[test]
    fn frequent_lines_among_unmatched_ones_are_changed_outright() {
        // Line 0 is frequent in b; in a it sits among lines b lacks, which
        // outnumber it (counted twice, as git does) more than three to one.
        let mut b = vec![0; 20];
        b.push(1);
        let mut counts_b = vec![0u32; 20];
        b.iter().for_each(|&id| counts_b[id as usize] += 1);
        let a = [10, 11, 12, 13, 0, 14, 15, 16, 17, 1];
        assert_eq!(kept(&a, 0..a.len(), &counts_b), [9]);
        // With fewer unmatched lines around it, it stays.
        let a = [10, 11, 12, 0, 14, 15, 16, 1, 1, 1];
        assert_eq!(kept(&a, 0..a.len(), &counts_b), [3, 7, 8, 9]);
    }
}
