//! Splitting a large diff at long runs of equal lines. Interning already
//! finds where the new text repeats the old one a run at a time; the heaviest
//! set of such runs that keeps both texts in order is taken as fixed, and
//! the algorithm only solves the gaps between them. For edits scattered over
//! a large file this turns one large search into many tiny ones. A run is
//! kept only when it is long (`LONG_RUN` lines), so a diff changes only
//! where a run was taken over a shorter, differently placed match, which is
//! rare; small inputs are never anchored and stay minimal.

use super::intern::Run;

/// Inputs with fewer lines (both sides) are diffed without anchors.
pub(crate) const MIN_LINES: usize = 1024;

/// The runs of greatest total length whose old positions increase along the
/// new text. `runs` must be in new-text order and not overlap there.
pub(crate) fn chain(runs: &[Run]) -> Vec<Run> {
    // Frontier of the best chains found so far: ending old line, total
    // length, last run; both the ends and the totals strictly increase.
    let mut frontier: Vec<(usize, usize, usize)> = Vec::new();
    let mut before = vec![usize::MAX; runs.len()];
    for (i, run) in runs.iter().enumerate() {
        let p = frontier.partition_point(|&(end, ..)| end <= run.old);
        let (total, prev) = match p.checked_sub(1) {
            Some(k) => (frontier[k].1 + run.len, frontier[k].2),
            None => (run.len, usize::MAX),
        };
        before[i] = prev;
        let end = run.old + run.len;
        let at = frontier.partition_point(|&(e, ..)| e < end);
        if at > 0 && frontier[at - 1].1 >= total {
            continue;
        }
        let mut stop = at;
        while stop < frontier.len() && frontier[stop].1 <= total {
            stop += 1;
        }
        frontier.splice(at..stop, [(end, total, i)]);
    }
    let mut out = Vec::new();
    let mut i = frontier.last().map_or(usize::MAX, |&(.., i)| i);
    while i != usize::MAX {
        out.push(runs[i]);
        i = before[i];
    }
    out.reverse();
    out
}

/// Runs `solve` on each gap between `anchors` (from `chain`), marking lines
/// in `removed` / `added`; the anchored lines stay unchanged.
pub(crate) fn solve_gaps(
    anchors: &[Run],
    old: &[u32],
    new: &[u32],
    removed: &mut [bool],
    added: &mut [bool],
    mut solve: impl FnMut(&[u32], &[u32], &mut [bool], &mut [bool]),
) {
    let (mut x, mut y) = (0, 0);
    for run in anchors.iter().copied().chain([Run { old: old.len(), new: new.len(), len: 0 }]) {
        if x < run.old || y < run.new {
            solve(&old[x..run.old], &new[y..run.new], &mut removed[x..run.old], &mut added[y..run.new]);
        }
        x = run.old + run.len;
        y = run.new + run.len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(old: usize, new: usize, len: usize) -> Run {
        Run { old, new, len }
    }

    #[test]
    fn the_heaviest_ordered_chain_wins() {
        // A block moved: keeping the longer of the two crossing runs.
        let runs = [run(0, 0, 10), run(60, 10, 20), run(10, 30, 50)];
        assert_eq!(chain(&runs), [run(0, 0, 10), run(10, 30, 50)]);
        let runs = [run(0, 0, 10), run(60, 10, 50), run(10, 60, 20)];
        assert_eq!(chain(&runs), [run(0, 0, 10), run(60, 10, 50)]);
        assert_eq!(chain(&[]), []);
        let ordered = [run(0, 0, 5), run(7, 6, 5), run(20, 20, 5)];
        assert_eq!(chain(&ordered), ordered);
    }

    #[test]
    fn gaps_are_solved_and_anchors_left_alone() {
        let old = [1, 2, 3, 4, 5, 6];
        let new = [9, 2, 3, 4, 8, 6];
        let (mut removed, mut added) = (vec![false; 6], vec![false; 6]);
        let mut gaps = Vec::new();
        solve_gaps(&[run(1, 1, 3)], &old, &new, &mut removed, &mut added, |a, b, r, d| {
            gaps.push((a.to_vec(), b.to_vec()));
            r.fill(true);
            d.fill(true);
        });
        assert_eq!(gaps, [(vec![1], vec![9]), (vec![5, 6], vec![8, 6])]);
        assert_eq!(removed, [true, false, false, false, true, true]);
    }
}
