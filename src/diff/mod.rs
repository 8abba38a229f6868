//! The line diff, stage by stage: which lines of each text are removed or
//! added.
//!
//! 1. [`trim`] sets aside the common beginning and end of the two texts,
//!    byte by byte, before anything is split;
//! 2. [`intern`] splits what is left into [`lines`] and gives every distinct
//!    line (under the comparison [`modes`]) a small integer id;
//! 3. [`anchors`] fixes long runs of lines found equal in both texts, so that
//!    only the gaps between them are searched;
//! 4. one of the [`algorithms`] marks the changed lines of each gap, within
//!    the limits of the [`deadline`];
//! 5. [`postprocess`] slides each group of changes to its canonical place.
//!
//! The result is a [`LineDiff`], which the output stage (`crate::output`)
//! writes as hunks, unified text or word diffs.

pub(crate) mod algorithms;
mod anchors;
pub(crate) mod deadline;
mod intern;
mod line_diff;
pub(crate) mod lines;
pub(crate) mod modes;
mod postprocess;
mod trim;

pub(crate) use line_diff::Side;
pub use line_diff::{Change, LineDiff};

use crate::error::Error;
use crate::options::DiffOptions;
use algorithms::Counts;
use algorithms::myers::{MIN_VISITS, VISITS_PER_LINE};
use deadline::Deadline;
use intern::intern;
use lines::count_newlines;
pub(crate) use postprocess::compact;
use trim::{Window, window};

/// Compares `old` and `new` line by line with `options` (algorithm,
/// comparison modes, deadline), keeping `options.context_lines` unchanged
/// lines around the changes available to show. Labels are not used.
pub fn diff_lines<'a>(old: &'a [u8], new: &'a [u8], options: &DiffOptions<'_>) -> Result<LineDiff<'a>, Error> {
    let (context, modes) = (options.context_lines, options.modes);
    let mut deadline = Deadline::new(options.deadline);
    // The compaction may slide a change into the margin of common lines kept
    // around the difference, leaving it too few lines of context inside the
    // window; then the window grows and the diff is redone. Sliding that far
    // needs runs of equal lines, so this is rare.
    let mut margin = context;
    loop {
        let Some(w) = window(old, new, margin) else {
            let empty = |text| Side { text, first_line: 0, bounds: vec![0], changed: Vec::new() };
            return Ok(LineDiff { old: empty(old), new: empty(new), modes, context });
        };
        let diff = diff_window(old, new, &w, options, &mut deadline)?;
        let whole = w.start == 0 && w.old_end == old.len() && w.new_end == new.len();
        if whole || diff.has_context_within_window(&w, context) {
            return Ok(LineDiff { context, ..diff });
        }
        margin = margin.saturating_mul(2).saturating_add(16);
    }
}

fn diff_window<'a>(
    old: &'a [u8],
    new: &'a [u8],
    w: &Window,
    options: &DiffOptions<'_>,
    deadline: &mut Deadline,
) -> Result<LineDiff<'a>, Error> {
    let first_line = count_newlines(&old[..w.start]);
    let lines = intern(old, w.start..w.old_end, new, w.start..w.new_end, options.modes)?;
    let (old_ids, new_ids) = (&lines.old.ids, &lines.new.ids);
    // One search budget for every region of the diff: linear in its size.
    let lines_in_window = (old_ids.len() + new_ids.len()) as i64;
    deadline.set_visits(VISITS_PER_LINE.saturating_mul(lines_in_window).max(MIN_VISITS));
    let mut removed = vec![false; old_ids.len()];
    let mut added = vec![false; new_ids.len()];
    let mut counts = Counts::new(lines.distinct);
    let algorithm = options.algorithm.solver();
    let mut solve = |a: &[u32], b: &[u32], r: &mut [bool], d: &mut [bool]| algorithm(a, b, r, d, &mut counts, deadline);
    if old_ids.len() + new_ids.len() >= anchors::MIN_LINES && !lines.runs.is_empty() {
        anchors::solve_gaps(&anchors::chain(&lines.runs), old_ids, new_ids, &mut removed, &mut added, solve);
    } else {
        solve(old_ids, new_ids, &mut removed, &mut added);
    }
    compact(old_ids, &mut removed, new_ids, &mut added);
    Ok(LineDiff {
        old: Side { text: old, first_line, bounds: lines.old.bounds, changed: removed },
        new: Side { text: new, first_line, bounds: lines.new.bounds, changed: added },
        modes: options.modes,
        context: options.context_lines,
    })
}

impl LineDiff<'_> {
    /// Whether every change has `context` unchanged lines before and after
    /// it inside the window, or the window reaches the end of the text there.
    fn has_context_within_window(&self, w: &Window, context: usize) -> bool {
        let mut changes = self.local_changes();
        let Some(first) = changes.next() else { return true };
        let last = changes.last().unwrap_or_else(|| first.clone());
        let before_ok = w.start == 0 || first.old.start >= context;
        let after_ok = (w.old_end == self.old.text.len() && w.new_end == self.new.text.len())
            || self.old.len() - last.old.end >= context;
        before_ok && after_ok
    }
}
