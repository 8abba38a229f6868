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

/// Marks changed, in `removed` / `added` (false on entry), the lines of `a`
/// and `b` that take no part in the search; returns how many of each side
/// do. `counts.old` and `counts.new` are zero on entry, and left so.
pub(super) fn leave_out(
    a: &[u32],
    b: &[u32],
    removed: &mut [bool],
    added: &mut [bool],
    counts: &mut Counts,
) -> (usize, usize) {
    for &id in a {
        counts.old[id as usize] += 1;
    }
    for &id in b {
        counts.new[id as usize] += 1;
    }
    let drop_frequent = a.len() + b.len() >= MIN_LINES_TO_DROP_FREQUENT;
    let kept_a = leave_out_side(a, &counts.new, drop_frequent, removed);
    let kept_b = leave_out_side(b, &counts.old, drop_frequent, added);
    for &id in a {
        counts.old[id as usize] = 0;
    }
    for &id in b {
        counts.new[id as usize] = 0;
    }
    (kept_a, kept_b)
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

/// Marks in `changed` the lines of `side` that take no part in the search,
/// given each id's count on the other side; returns how many take part. Unmatched
/// lines never do. A frequent line is left out when, within `WINDOW` lines
/// and without crossing a normally matched line, it has unmatched lines on
/// both sides and they outnumber the frequent ones three to one: such a line
/// would only let the search align noise.
fn leave_out_side(side: &[u32], other_counts: &[u32], drop_frequent: bool, changed: &mut [bool]) -> usize {
    let frequent = frequent_limit(side);
    let (mut any_frequent, mut left_out) = (false, 0);
    for (&id, c) in side.iter().zip(changed.iter_mut()) {
        let count = other_counts[id as usize];
        *c = count == 0;
        any_frequent |= count >= frequent;
        left_out += usize::from(count == 0);
    }
    if !drop_frequent || !any_frequent || left_out == 0 {
        return side.len() - left_out;
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
                changed[i] = true;
                left_out += 1;
            }
        }
        if class[i] == Class::Matched {
            next = i;
        }
    }
    side.len() - left_out
}

/// Appends to `ids` the lines of `side` not marked in `changed`, and to `at`
/// where each is.
pub(super) fn kept(side: &[u32], changed: &[bool], ids: &mut Vec<u32>, at: &mut Vec<u32>) {
    for (i, (&id, &c)) in side.iter().zip(changed).enumerate() {
        if !c {
            ids.push(id);
            at.push(i as u32);
        }
    }
}

/// Marks the kept lines of a side as the search on them marked them.
pub(super) fn mark(changed: &mut [bool], at: &[u32], kept_changed: &[bool]) {
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
        let left_out = |drop_frequent| {
            let mut changed = vec![false; a.len()];
            let kept = leave_out_side(&a, &other, drop_frequent, &mut changed);
            assert_eq!(kept, changed.iter().filter(|&&c| !c).count());
            changed
        };
        let changed = left_out(true);
        assert!(changed[75], "the frequent line among unmatched ones goes");
        assert!(changed[..50].iter().chain(&changed[101..]).all(|&c| !c));
        assert!(left_out(false).iter().enumerate().all(|(i, &c)| c == ((50..101).contains(&i) && i != 75)));
        // This input is small enough to search in full: the diff stays
        // minimal and matches the `0`.
        let (r, ad) = run(&a, &b);
        assert!(!r[75] && r.iter().filter(|&&c| c).count() == 50);
        assert_eq!(ad.iter().filter(|&&c| c).count(), 39);
    }
}
