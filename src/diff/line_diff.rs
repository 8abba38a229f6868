//! What a line diff is: for each side, the compared lines and which of
//! them changed, and the changes read from those marks.

use core::ops::Range;

use super::lines::count_newlines;
use super::modes::Modes;

/// The result of comparing two texts line by line.
///
/// Only the part of the texts that differs, plus the context around it, is
/// split into lines; [`LineDiff::changes`] reports line numbers in the whole
/// texts.
pub struct LineDiff<'a> {
    pub(crate) old: Side<'a>,
    pub(crate) new: Side<'a>,
    /// The comparison modes the lines were matched under.
    pub(crate) modes: Modes,
    /// The context kept around changes: the most any output may show.
    pub(crate) context: usize,
}

/// A run of removed lines facing a run of added lines (either may be empty),
/// as 0-based line ranges in the old and new text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The removed lines, in the old text.
    pub old: Range<usize>,
    /// The added lines, in the new text.
    pub new: Range<usize>,
}

pub(crate) struct Side<'a> {
    pub text: &'a [u8],
    /// Line number, in the whole text, of the first compared line.
    pub first_line: usize,
    /// Offsets of the compared lines: line `i` is `text[bounds[i]..bounds[i + 1]]`.
    pub bounds: Vec<usize>,
    /// Whether each compared line is removed (old side) or added (new side).
    pub changed: Vec<bool>,
}

impl Side<'_> {
    pub(crate) fn len(&self) -> usize {
        self.changed.len()
    }

    pub(crate) fn line(&self, i: usize) -> &[u8] {
        &self.text[self.bounds[i]..self.bounds[i + 1]]
    }

    /// The text after the compared lines.
    fn tail(&self) -> &[u8] {
        &self.text[self.bounds.last().copied().unwrap_or(0)..]
    }
}

/// Lines in `text`, the last one counted whether or not it ends in a newline.
fn lines_in(text: &[u8]) -> usize {
    count_newlines(text) + usize::from(text.last().is_some_and(|&b| b != b'\n'))
}

impl<'a> LineDiff<'a> {
    /// Whether no line changed: the texts are byte for byte the same, or
    /// equal under the comparison modes.
    pub fn is_identical(&self) -> bool {
        !self.old.changed.contains(&true) && !self.new.changed.contains(&true)
    }

    /// Lines in the whole of the old and the new text. What follows the
    /// compared lines is the texts' common end, the same bytes on both sides,
    /// so it is counted once: on a small edit in a large file, counting is
    /// most of the work there is.
    pub(crate) fn total_lines(&self) -> (usize, usize) {
        let (old_tail, new_tail) = (self.old.tail(), self.new.tail());
        debug_assert_eq!(old_tail, new_tail);
        let after = lines_in(old_tail);
        let lines = |side: &Side<'_>| side.first_line + side.len() + after;
        (lines(&self.old), lines(&self.new))
    }

    /// The changes, in order.
    pub fn changes(&self) -> impl Iterator<Item = Change> + '_ {
        self.local_changes().map(|c| Change {
            old: c.old.start + self.old.first_line..c.old.end + self.old.first_line,
            new: c.new.start + self.new.first_line..c.new.end + self.new.first_line,
        })
    }

    /// The changes in indices of the compared lines.
    pub(crate) fn local_changes(&self) -> impl Iterator<Item = Change> + '_ {
        let (removed, added) = (&self.old.changed, &self.new.changed);
        let (mut i, mut j) = (0, 0);
        core::iter::from_fn(move || {
            // Unchanged lines pair up in order, so they are skipped in step.
            while i < removed.len() && j < added.len() && !removed[i] && !added[j] {
                i += 1;
                j += 1;
            }
            let (old_start, new_start) = (i, j);
            while i < removed.len() && removed[i] {
                i += 1;
            }
            while j < added.len() && added[j] {
                j += 1;
            }
            (i > old_start || j > new_start).then_some(Change { old: old_start..i, new: new_start..j })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DiffOptions;
    use crate::diff::algorithms::testing::random_pairs;
    use crate::diff::diff_lines;

    fn text(ids: &[u32], final_newline: bool) -> Vec<u8> {
        let mut text: Vec<u8> = ids.iter().flat_map(|&id| format!("line {id}\n").into_bytes()).collect();
        if !final_newline && !text.is_empty() {
            text.pop();
        }
        text
    }

    #[test]
    fn total_lines_counts_every_line_of_both_texts() {
        for (i, (a, b)) in random_pairs(7, 400, 60, 6).into_iter().enumerate() {
            let (old, new) = (text(&a, i % 3 != 0), text(&b, i % 5 != 0));
            for (context, modes) in [(0, Modes::NONE), (3, Modes::NONE), (1, Modes::IGNORE_ALL_SPACE)] {
                let options = DiffOptions { context_lines: context, modes, ..DiffOptions::default() };
                let diff = diff_lines(&old, &new, &options).unwrap();
                assert_eq!(diff.total_lines(), (lines_in(&old), lines_in(&new)), "{old:?} {new:?} context {context}");
            }
        }
        let same = text(&[1, 2, 3], false);
        assert_eq!(diff_lines(&same, &same, &DiffOptions::default()).unwrap().total_lines(), (3, 3));
        assert_eq!(lines_in(b"a\nb"), 2);
        assert_eq!(lines_in(b"a\nb\n"), 2);
        assert_eq!(lines_in(b""), 0);
    }
}
