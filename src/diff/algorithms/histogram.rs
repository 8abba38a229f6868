//! Histogram diff, the algorithm git offers as `--histogram`: anchor each
//! region on the run of common lines whose rarest line is least frequent, and
//! recurse on both sides of it. Rare lines are usually the meaningful ones
//! (code, not braces), which gives readable diffs of moved and edited code.
//! Regions whose common lines are all frequent go to Myers.

use super::Counts;
use super::counts::NONE;
use super::regions::{self, Region, Step};
use crate::diff::deadline::Deadline;

/// Lines occurring more often than this in a region never anchor it.
const MAX_OCCURRENCES: u32 = 64;

/// Histogram diff of `a` and `b`, marking changed lines in `removed` /
/// `added` (false on entry).
pub(crate) fn diff(
    a: &[u32],
    b: &[u32],
    removed: &mut [bool],
    added: &mut [bool],
    counts: &mut Counts,
    deadline: &mut Deadline,
) {
    counts.with_first();
    let mut index = Index::new(a.len());
    regions::solve(a, b, removed, added, counts, deadline, |r, counts, regions| {
        let (anchor, work) = index.best_anchor(a, b, (r.x0, r.x1), (r.y0, r.y1), counts);
        let step = match anchor {
            Anchor::Run { x, y, len } => {
                regions.push(Region { x0: x + len, x1: r.x1, y0: y + len, y1: r.y1 });
                regions.push(Region { x0: r.x0, x1: x, y0: r.y0, y1: y });
                Step::Split
            }
            Anchor::OnlyFrequent => Step::Myers,
            Anchor::NothingCommon => Step::Changed,
        };
        (step, work)
    });
}

pub(super) enum Anchor {
    /// `a[x..x + len] == b[y..y + len]`.
    Run {
        x: usize,
        y: usize,
        len: usize,
    },
    /// The sides have lines in common, but all too frequent to anchor on.
    OnlyFrequent,
    NothingCommon,
}

/// Occurrences of each line within the current region of `a`.
///
/// The per-id counts and first occurrences live in the shared `Counts`
/// (`old` and `first`) and are reset after each region; this holds, for each
/// position of `a`, the next occurrence of the same id (`NONE` ends a chain).
pub(super) struct Index {
    next: Vec<u32>,
}

impl Index {
    /// An index for regions of a side of `len` lines.
    pub(super) fn new(len: usize) -> Self {
        Index { next: vec![NONE; len] }
    }

    /// The anchor for the region, and the work it took.
    pub(super) fn best_anchor(
        &mut self,
        a: &[u32],
        b: &[u32],
        (x0, x1): (usize, usize),
        (y0, y1): (usize, usize),
        counts: &mut Counts,
    ) -> (Anchor, usize) {
        let (count, first) = (&mut counts.old, &mut counts.first);
        // Backwards, so that every chain lists positions in ascending order.
        for x in (x0..x1).rev() {
            let id = a[x] as usize;
            count[id] += 1;
            self.next[x] = first[id];
            first[id] = x as u32;
        }
        let mut work = x1 - x0;
        let mut best: Option<(u32, usize, usize, usize)> = None; // (rarity, len, x, y)
        let mut any_common = false;
        let mut y = y0;
        while y < y1 {
            let mut y_next = y + 1;
            let occurrences = count[b[y] as usize];
            any_common |= occurrences > 0;
            let rarest_so_far = best.map_or(MAX_OCCURRENCES, |(r, ..)| r);
            if occurrences > 0 && occurrences <= rarest_so_far {
                let mut x = first[b[y] as usize];
                while x != NONE {
                    let (mut sx, mut sy, mut ex, mut ey) = (x as usize, y, x as usize + 1, y + 1);
                    while sx > x0 && sy > y0 && a[sx - 1] == b[sy - 1] {
                        sx -= 1;
                        sy -= 1;
                    }
                    while ex < x1 && ey < y1 && a[ex] == b[ey] {
                        ex += 1;
                        ey += 1;
                    }
                    work += ex - sx;
                    y_next = y_next.max(ey);
                    let rarity = a[sx..ex].iter().map(|&id| count[id as usize]).min().unwrap_or(u32::MAX);
                    let better = match best {
                        None => rarity <= MAX_OCCURRENCES,
                        Some((r, len, ..)) => rarity < r || (rarity == r && ex - sx > len),
                    };
                    if better {
                        best = Some((rarity, ex - sx, sx, sy));
                    }
                    x = self.next[x as usize];
                }
            }
            work += 1;
            y = y_next;
        }
        for &id in &a[x0..x1] {
            count[id as usize] = 0;
            first[id as usize] = NONE;
        }
        let anchor = match best {
            Some((_, len, x, y)) => Anchor::Run { x, y, len },
            None if any_common => Anchor::OnlyFrequent,
            None => Anchor::NothingCommon,
        };
        (anchor, work)
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::algorithms::testing::{kept, random_pairs, solve};

    #[test]
    fn anchors_on_rare_lines() {
        // Braces (9) are everywhere; the moved function body (1, 2) is rare.
        let a = [1, 2, 9, 3, 4, 9, 5, 9];
        let b = [3, 4, 9, 1, 2, 9, 5, 9];
        let (r, ad) = solve(super::diff, &a, &b);
        assert_eq!(kept(&a, &r), kept(&b, &ad));
        assert_eq!(kept(&a, &r).len(), 5);
    }

    #[test]
    fn pseudo_random_pairs_give_valid_scripts() {
        for (a, b) in random_pairs(0x9e37_79b9, 300, 80, 12) {
            let (r, ad) = solve(super::diff, &a, &b);
            assert_eq!(kept(&a, &r), kept(&b, &ad), "{a:?} {b:?}");
        }
    }
}
