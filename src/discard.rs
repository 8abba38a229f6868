//! The preprocessing GNU diff and git run before Myers: lines that cannot be
//! matched at all are marked changed and left out of the search, and so are
//! lines that match very often but sit among unmatchable ones. The search then
//! runs on far fewer lines, and typical edits (changed lines unique to their
//! side) leave it nothing but identical sequences to walk.

use crate::deadline::Deadline;
use crate::myers;

/// How far around a frequent line to look for unmatchable neighbours.
const WINDOW: usize = 100;
/// Upper bound of the occurrence count above which a line is "frequent".
const MAX_FREQUENT: u32 = 1024;
/// Below this many lines (both sides together) the search is cheap anyway,
/// and frequent lines are kept so that the diff stays minimal.
const MIN_LINES_TO_DROP_FREQUENT: usize = 512;

/// Per-id scratch arrays, allocated once per diff and shared by every call
/// of the algorithms on its regions (there may be thousands of small ones).
/// `old` and `new` are occurrence counts, all zero between uses; `first`
/// is all `NONE` between uses; `place` holds anything.
pub(crate) struct Counts {
    pub(crate) old: Vec<u32>,
    pub(crate) new: Vec<u32>,
    pub(crate) first: Vec<u32>,
    pub(crate) place: Vec<u32>,
}

pub(crate) const NONE: u32 = u32::MAX;

impl Counts {
    pub(crate) fn new(distinct: usize) -> Self {
        Counts { old: vec![0; distinct], new: vec![0; distinct], first: Vec::new(), place: Vec::new() }
    }

    /// Allocates `first` (all `NONE`) unless it is.
    pub(crate) fn with_first(&mut self) {
        if self.first.is_empty() {
            self.first = vec![NONE; self.old.len()];
        }
    }

    /// Allocates `place` unless it is.
    pub(crate) fn with_place(&mut self) {
        if self.place.is_empty() {
            self.place = vec![0; self.old.len()];
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Class {
    /// Occurs nowhere on the other side.
    Unmatched,
    /// Occurs on the other side, but not too often.
    Matched,
    /// Occurs on the other side very often.
    Frequent,
}

/// Myers on `a` and `b` after discarding, marking changed lines in
/// `removed`/`added` (false on entry).
pub(crate) fn diff(
    a: &[u32],
    b: &[u32],
    removed: &mut [bool],
    added: &mut [bool],
    counts: &mut Counts,
    deadline: &mut Deadline,
) {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let (removed, added) = (&mut removed[prefix..], &mut added[prefix..]);
    let suffix = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    let (removed, added) = (&mut removed[..a.len()], &mut added[..b.len()]);
    if a.is_empty() || b.is_empty() {
        removed.fill(true);
        added.fill(true);
        return;
    }

    for &id in a {
        counts.old[id as usize] += 1;
    }
    for &id in b {
        counts.new[id as usize] += 1;
    }
    let drop_frequent = a.len() + b.len() >= MIN_LINES_TO_DROP_FREQUENT;
    let keep_a = keep(a, &counts.new, drop_frequent);
    let keep_b = keep(b, &counts.old, drop_frequent);
    for &id in a {
        counts.old[id as usize] = 0;
    }
    for &id in b {
        counts.new[id as usize] = 0;
    }

    if keep_a.iter().all(|&k| k) && keep_b.iter().all(|&k| k) {
        myers::diff(a, b, removed, added, deadline);
        return;
    }
    let (kept_a, at_a) = kept(a, &keep_a);
    let (kept_b, at_b) = kept(b, &keep_b);
    let mut kept_removed = vec![false; kept_a.len()];
    let mut kept_added = vec![false; kept_b.len()];
    myers::diff(&kept_a, &kept_b, &mut kept_removed, &mut kept_added, deadline);
    mark(removed, &keep_a, &at_a, &kept_removed);
    mark(added, &keep_b, &at_b, &kept_added);
}

/// How often a line must occur on the other side to count as frequent.
fn frequent_limit(side: &[u32]) -> u32 {
    ((side.len() as f64).sqrt() as u32).clamp(1, MAX_FREQUENT)
}

fn class(other_count: u32, frequent: u32) -> Class {
    match other_count {
        0 => Class::Unmatched,
        n if n >= frequent => Class::Frequent,
        _ => Class::Matched,
    }
}

/// Which lines of `side` take part in the search, given each id's count on
/// the other side. Unmatched lines never do. A frequent line is dropped when,
/// within `WINDOW` lines and without crossing a normally matched line, it has
/// unmatched lines on both sides and they outnumber the frequent ones three to
/// one: such a line would only let the search align noise.
fn keep(side: &[u32], other_counts: &[u32], drop_frequent: bool) -> Vec<bool> {
    let frequent = frequent_limit(side);
    let mut keep = Vec::with_capacity(side.len());
    let (mut any_frequent, mut any_unmatched) = (false, false);
    for &id in side {
        let count = other_counts[id as usize];
        keep.push(count > 0);
        any_frequent |= count >= frequent;
        any_unmatched |= count == 0;
    }
    if !drop_frequent || !any_frequent || !any_unmatched {
        return keep;
    }
    let class: Vec<Class> = side.iter().map(|&id| class(other_counts[id as usize], frequent)).collect();
    let n = class.len();
    // Prefix counts of unmatched and frequent lines, and for every line the
    // nearest matched line before and after it.
    let mut unmatched = Vec::with_capacity(n + 1);
    let mut frequent = Vec::with_capacity(n + 1);
    let (mut u, mut f) = (0u32, 0u32);
    unmatched.push(0);
    frequent.push(0);
    for &c in &class {
        u += u32::from(c == Class::Unmatched);
        f += u32::from(c == Class::Frequent);
        unmatched.push(u);
        frequent.push(f);
    }
    let mut matched_before = vec![0usize; n];
    let mut last = 0usize; // one past the last matched line seen
    for i in 0..n {
        matched_before[i] = last;
        if class[i] == Class::Matched {
            last = i + 1;
        }
    }
    let mut next = n; // the next matched line, or n
    for i in (0..n).rev() {
        if class[i] == Class::Frequent {
            let lo = matched_before[i].max(i.saturating_sub(WINDOW));
            let hi = next.min(i + 1 + WINDOW);
            let before = unmatched[i] - unmatched[lo];
            let after = unmatched[hi] - unmatched[i + 1];
            let frequent_here = frequent[hi] - frequent[lo];
            if before > 0 && after > 0 && 3 * frequent_here < before + after {
                keep[i] = false;
            }
        }
        if class[i] == Class::Matched {
            next = i;
        }
    }
    keep
}

fn kept(side: &[u32], keep: &[bool]) -> (Vec<u32>, Vec<u32>) {
    let mut ids = Vec::new();
    let mut at = Vec::new();
    for (i, (&id, &k)) in side.iter().zip(keep).enumerate() {
        if k {
            ids.push(id);
            at.push(i as u32);
        }
    }
    (ids, at)
}

fn mark(changed: &mut [bool], keep: &[bool], at: &[u32], kept_changed: &[bool]) {
    for (c, &k) in changed.iter_mut().zip(keep) {
        *c = !k;
    }
    for (&i, &c) in at.iter().zip(kept_changed) {
        changed[i as usize] = c;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(a: &[u32], b: &[u32]) -> (Vec<bool>, Vec<bool>) {
        let distinct = a.iter().chain(b).max().map_or(0, |&m| m as usize + 1);
        let mut counts = Counts::new(distinct);
        let mut removed = vec![false; a.len()];
        let mut added = vec![false; b.len()];
        diff(a, b, &mut removed, &mut added, &mut counts, &mut Deadline::new(None));
        assert!(counts.old.iter().chain(&counts.new).all(|&c| c == 0), "counts are left zeroed");
        (removed, added)
    }

    #[test]
    fn unmatched_lines_are_changed_and_the_rest_aligned() {
        let a = [1, 2, 3, 4, 5];
        let b = [1, 9, 3, 4, 8, 5];
        let (r, ad) = run(&a, &b);
        assert_eq!(r, [false, true, false, false, false]);
        assert_eq!(ad, [false, true, false, false, true, false]);
    }

    #[test]
    fn frequent_lines_among_unmatched_ones_are_dropped() {
        // `0` occurs 40 times in `b`; in `a` it sits among lines that occur
        // nowhere in `b`, between two runs of normally matched lines.
        let mut a: Vec<u32> = (1..=50).collect();
        a.extend(1000..1025);
        a.push(0);
        a.extend(1025..1050);
        a.extend(51..=100);
        let mut b: Vec<u32> = (1..=50).collect();
        b.extend([0; 40]);
        b.extend(51..=100);
        let mut other = vec![0u32; 1050];
        for &id in &b {
            other[id as usize] += 1;
        }
        let keep_a = keep(&a, &other, true);
        assert!(!keep_a[75], "the frequent line among unmatched ones goes");
        assert!(keep_a[..50].iter().chain(&keep_a[101..]).all(|&k| k));
        assert!(keep(&a, &other, false).iter().enumerate().all(|(i, &k)| k != (50..101).contains(&i) || i == 75));
        // This input is small enough to search in full: the diff stays
        // minimal and matches the `0`.
        let (r, ad) = run(&a, &b);
        assert!(!r[75] && r.iter().filter(|&&c| c).count() == 50);
        assert_eq!(ad.iter().filter(|&&c| c).count(), 39);
    }
}
