//! The loop histogram and patience diff share: take a region of both
//! sides, set its common ends aside, and let the algorithm anchor it and
//! split it into smaller regions, until none is left. Regions are kept on
//! an explicit stack, since an adversarial input can split them as deeply
//! as it is long; and the whole diff works within a budget, past which the
//! remaining regions go to Myers, whose cost is bounded.

use super::Counts;
use super::myers;
use crate::diff::deadline::Deadline;

/// Units of work allowed per input line before the remaining regions go to
/// Myers; keeps pathological inputs near-linear.
const WORK_PER_LINE: usize = 48;

/// `a[x0..x1]` facing `b[y0..y1]`.
#[derive(Clone, Copy)]
pub(super) struct Region {
    pub x0: usize,
    pub x1: usize,
    pub y0: usize,
    pub y1: usize,
}

/// What an algorithm made of a region.
pub(super) enum Step {
    /// It pushed the regions between its anchors (last first, so that they
    /// are solved in order).
    Split,
    /// It found nothing to anchor on, but the sides have lines in common.
    Myers,
    /// The sides have no line in common: everything changed.
    Changed,
}

/// Runs `split` on each region of `a` and `b` whose first and last lines
/// differ on both sides, marking changed lines in `removed` / `added`
/// (false on entry). `split` gets the region, the shared counts and the
/// stack of regions to push onto, and returns what it did and the work it
/// took.
pub(super) fn solve(
    a: &[u32],
    b: &[u32],
    removed: &mut [bool],
    added: &mut [bool],
    counts: &mut Counts,
    deadline: &mut Deadline,
    mut split: impl FnMut(Region, &mut Counts, &mut Vec<Region>) -> (Step, usize),
) {
    let mut budget = WORK_PER_LINE * (a.len() + b.len()) + 100_000;
    let mut regions = vec![Region { x0: 0, x1: a.len(), y0: 0, y1: b.len() }];
    while let Some(Region { mut x0, mut x1, mut y0, mut y1 }) = regions.pop() {
        while x0 < x1 && y0 < y1 && a[x0] == b[y0] {
            x0 += 1;
            y0 += 1;
        }
        while x0 < x1 && y0 < y1 && a[x1 - 1] == b[y1 - 1] {
            x1 -= 1;
            y1 -= 1;
        }
        let region = Region { x0, x1, y0, y1 };
        let size = x1 - x0 + y1 - y0;
        let step = if x0 == x1 || y0 == y1 || deadline.passed(size as u64) {
            Step::Changed
        } else if budget < size {
            Step::Myers
        } else {
            let (step, work) = split(region, counts, &mut regions);
            budget = budget.saturating_sub(work);
            step
        };
        match step {
            Step::Split => {}
            Step::Myers => {
                myers::diff(&a[x0..x1], &b[y0..y1], &mut removed[x0..x1], &mut added[y0..y1], counts, deadline)
            }
            Step::Changed => {
                removed[x0..x1].fill(true);
                added[y0..y1].fill(true);
            }
        }
    }
}
