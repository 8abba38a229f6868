//! The preprocessing GNU diff and git run before Myers: lines that cannot be
//! matched at all are marked changed and left out of the search, and so are
//! lines that match very often but sit among unmatchable ones. The search then
//! runs on far fewer lines, and typical edits (changed lines unique to their
//! side) leave it nothing but identical sequences to walk.

use crate::diff::algorithms::Counts;

/// How far around a frequent line to look for unmatchable neighbours.
const WINDOW: usize = 100;
/// Upper bound of the occurrence count above which a line is "frequent".
const MAX_FREQUENT: u32 = 1024;
/// Below this many lines (both sides together) the search is cheap anyway,
/// and frequent lines are kept so that the diff stays minimal.
const MIN_LINES_TO_DROP_FREQUENT: usize = 512;

#[derive(Clone, Copy, PartialEq)]
enum Class {
    /// Occurs nowhere on the other side.
    Unmatched,
    /// Occurs on the other side, but not too often.
    Matched,
    /// Occurs on the other side very often.
    Frequent,
}

/// Which lines of `a` and of `b` take part in the search. `counts.old`
/// and `counts.new` are zero on entry, and left so.
pub(super) fn keep_lines(a: &[u32], b: &[u32], counts: &mut Counts) -> (Vec<bool>, Vec<bool>) {
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
    (keep_a, keep_b)
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

/// The kept lines of `side`, and where each is in it.
pub(super) fn kept(side: &[u32], keep: &[bool]) -> (Vec<u32>, Vec<u32>) {
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

/// Marks the lines of a side: the left-out ones changed, the kept ones as
/// the search on the kept lines marked them.
pub(super) fn mark(changed: &mut [bool], keep: &[bool], at: &[u32], kept_changed: &[bool]) {
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
    use crate::diff::algorithms::myers::diff;
    use crate::diff::deadline::Deadline;

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
