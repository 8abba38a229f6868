//! Myers' algorithm as GNU diff and git run it, the default: first the
//! discard step ([`discard`]) takes the lines that cannot match out of the
//! search, then the linear-space search for the middle snake ([`search`],
//! with its diagonal-following and split-point helpers in [`snakes`]) runs
//! on the lines left, under cost limits that keep it near-linear.

mod diagonals;
mod discard;
mod search;
mod snakes;

use search::search_anchored;
pub(crate) use search::{MIN_VISITS, VISITS_PER_LINE, search_spent};

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

    let (kept_a, kept_b) = discard::leave_out(a, b, removed, added, counts);
    if kept_a == a.len() && kept_b == b.len() {
        search_anchored(a, b, removed, added, counts, deadline);
        return;
    }
    // The kept lines of both sides, where they are, and their marks: one
    // allocation each, which counts on the many small regions of real files.
    let mut ids = Vec::with_capacity(kept_a + kept_b);
    let mut at = Vec::with_capacity(kept_a + kept_b);
    discard::kept(a, removed, &mut ids, &mut at);
    discard::kept(b, added, &mut ids, &mut at);
    let mut marks = vec![false; kept_a + kept_b];
    let (ids_a, ids_b) = ids.split_at(kept_a);
    let (kept_removed, kept_added) = marks.split_at_mut(kept_a);
    search_anchored(ids_a, ids_b, kept_removed, kept_added, counts, deadline);
    discard::mark(removed, &at[..kept_a], kept_removed);
    discard::mark(added, &at[kept_a..], kept_added);
}
