//! Hunks: changes grouped with their context, as every output shows them
//! (unified text, structured hunks, statistics, word diffs).

use core::ops::Range;

use crate::diff::modes::{Modes, is_blank};
use crate::diff::{Change, LineDiff};

/// A hunk as the writers see it: the changes it shows and the compared
/// lines it spans, in indices of the compared lines (see `LineDiff`).
pub(crate) struct LocalHunk {
    pub changes: Vec<Change>,
    pub old: Range<usize>,
    pub new: Range<usize>,
}

/// Groups the changes of `diff` into hunks with `context` lines of context:
/// changes separated by at most `2 * context` unchanged lines share a hunk,
/// as in GNU diff. Under `IGNORE_BLANK_LINES`, hunks whose changes are all
/// blank lines are left out.
pub(crate) fn local_hunks(diff: &LineDiff<'_>, context: usize) -> Vec<LocalHunk> {
    let (old_len, new_len) = (diff.old.len(), diff.new.len());
    let mut hunks: Vec<LocalHunk> = Vec::new();
    for change in diff.local_changes() {
        if let Some(last) = hunks.last_mut() {
            let gap = change.old.start - last.changes.last().map_or(0, |c| c.old.end);
            if gap <= context.saturating_mul(2) {
                last.old.end = change.old.end.saturating_add(context).min(old_len);
                last.new.end = change.new.end.saturating_add(context).min(new_len);
                last.changes.push(change);
                continue;
            }
        }
        // Lines before a change and after it are unchanged on both sides, so
        // the same number of them is available on each.
        let before = context.min(change.old.start).min(change.new.start);
        hunks.push(LocalHunk {
            old: change.old.start - before..change.old.end.saturating_add(context).min(old_len),
            new: change.new.start - before..change.new.end.saturating_add(context).min(new_len),
            changes: vec![change],
        });
    }
    if diff.modes.contains(Modes::IGNORE_BLANK_LINES) {
        hunks.retain(|h| h.changes.iter().any(|c| !all_blank(diff, c)));
    }
    hunks
}

fn all_blank(diff: &LineDiff<'_>, change: &Change) -> bool {
    change.old.clone().all(|i| is_blank(diff.old.line(i), diff.modes))
        && change.new.clone().all(|i| is_blank(diff.new.line(i), diff.modes))
}

/// What a line of a hunk is: which side or sides of the diff it belongs to.
/// The same for the hunks of a diff ([`DiffLine`]) and of a parsed patch
/// ([`patch::HunkLine`](crate::patch::HunkLine)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LineKind {
    /// On both sides: unchanged (or equal under the comparison modes). In a
    /// diff's hunk its bytes are the old text's; a patch's context line must
    /// be in the text, and stays.
    Context,
    /// On the old side only: in the old text, and goes.
    Removed,
    /// On the new side only: in the new text, and is written.
    Added,
}

/// A line of a hunk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffLine {
    /// Context, removed or added.
    pub kind: LineKind,
    /// 0-based line number in the old text (context and removed lines).
    pub old_line: Option<usize>,
    /// 0-based line number in the new text (context and added lines).
    pub new_line: Option<usize>,
    /// Where the line's bytes are, LF included: in the old text for context
    /// and removed lines, in the new text for added lines.
    pub bytes: Range<usize>,
}

/// A hunk of a diff, in 0-based line numbers of the whole texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffHunk {
    /// The old lines the hunk spans (context and removed).
    pub old: Range<usize>,
    /// The new lines the hunk spans (context and added).
    pub new: Range<usize>,
    /// Its lines, in the order a unified diff shows them.
    pub lines: Vec<DiffLine>,
}

/// Counts of a diff as its hunks show it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DiffStats {
    /// Lines shown as added (`+`).
    pub lines_added: usize,
    /// Lines shown as removed (`-`).
    pub lines_removed: usize,
    /// The number of hunks.
    pub hunks: usize,
    /// No hunk to show: the texts are identical, or equal under the modes.
    pub identical: bool,
    /// `2 * matched lines / (old lines + new lines)`, in [0, 1]: the ratio
    /// `difflib.SequenceMatcher.ratio()` gives over lines (1 for two empty
    /// texts), computed from this diff's matching.
    pub similarity: f64,
}

impl<'a> LineDiff<'a> {
    /// The hunks with `context` lines of context (at most the context the
    /// diff was computed with).
    pub fn hunks(&self, context: usize) -> Vec<DiffHunk> {
        let context = context.min(self.context);
        local_hunks(self, context)
            .into_iter()
            .map(|h| {
                let mut lines = Vec::with_capacity(h.old.len() + h.new.len());
                let context_line = |i: usize, j: usize| DiffLine {
                    kind: LineKind::Context,
                    old_line: Some(self.old.first_line + i),
                    new_line: Some(self.new.first_line + j),
                    bytes: self.old.bounds[i]..self.old.bounds[i + 1],
                };
                let (mut i, mut j) = (h.old.start, h.new.start);
                for change in &h.changes {
                    while i < change.old.start {
                        lines.push(context_line(i, j));
                        i += 1;
                        j += 1;
                    }
                    lines.extend(change.old.clone().map(|k| DiffLine {
                        kind: LineKind::Removed,
                        old_line: Some(self.old.first_line + k),
                        new_line: None,
                        bytes: self.old.bounds[k]..self.old.bounds[k + 1],
                    }));
                    lines.extend(change.new.clone().map(|k| DiffLine {
                        kind: LineKind::Added,
                        old_line: None,
                        new_line: Some(self.new.first_line + k),
                        bytes: self.new.bounds[k]..self.new.bounds[k + 1],
                    }));
                    (i, j) = (change.old.end, change.new.end);
                }
                while i < h.old.end {
                    lines.push(context_line(i, j));
                    i += 1;
                    j += 1;
                }
                DiffHunk {
                    old: self.old.first_line + h.old.start..self.old.first_line + h.old.end,
                    new: self.new.first_line + h.new.start..self.new.first_line + h.new.end,
                    lines,
                }
            })
            .collect()
    }

    /// The bytes of a line of one of this diff's hunks.
    pub fn line_bytes(&self, line: &DiffLine) -> &'a [u8] {
        let text = if line.kind == LineKind::Added { self.new.text } else { self.old.text };
        &text[line.bytes.clone()]
    }

    /// Counts of the diff with `context` lines of context, without writing it.
    pub fn stats(&self, context: usize) -> DiffStats {
        let hunks = local_hunks(self, context.min(self.context));
        let (mut lines_added, mut lines_removed) = (0, 0);
        for change in hunks.iter().flat_map(|h| &h.changes) {
            lines_removed += change.old.len();
            lines_added += change.new.len();
        }
        // Similarity counts every line of both texts, and every change.
        let (old_lines, new_lines) = self.total_lines();
        let removed_all: usize = self.local_changes().map(|c| c.old.len()).sum();
        let matched = old_lines - removed_all;
        let similarity =
            if old_lines + new_lines == 0 { 1.0 } else { 2.0 * matched as f64 / (old_lines + new_lines) as f64 };
        DiffStats { lines_added, lines_removed, hunks: hunks.len(), identical: hunks.is_empty(), similarity }
    }
}
