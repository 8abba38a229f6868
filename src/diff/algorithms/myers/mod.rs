//! Myers' algorithm as GNU diff and git run it, the default: first the
//! discard step ([`discard`]) takes the lines that cannot match out of the
//! search, then the linear-space search for the middle snake ([`search`],
//! with its diagonal-following and split-point helpers in [`snakes`]) runs
//! on the lines left, under cost limits that keep it near-linear.

mod diagonals;
mod discard;
mod search;
mod snakes;

pub(crate) use search::{MIN_VISITS, VISITS_PER_LINE, search, search_spent};

use super::Counts;
use crate::diff::deadline::Deadline;

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

    let (keep_a, keep_b) = discard::keep_lines(a, b, counts);
    if keep_a.iter().all(|&k| k) && keep_b.iter().all(|&k| k) {
        search(a, b, removed, added, deadline);
        return;
    }
    let (kept_a, at_a) = discard::kept(a, &keep_a);
    let (kept_b, at_b) = discard::kept(b, &keep_b);
    let mut kept_removed = vec![false; kept_a.len()];
    let mut kept_added = vec![false; kept_b.len()];
    search(&kept_a, &kept_b, &mut kept_removed, &mut kept_added, deadline);
    discard::mark(removed, &keep_a, &at_a, &kept_removed);
    discard::mark(added, &keep_b, &at_b, &kept_added);
}
