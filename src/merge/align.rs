//! The diff of the base against one side: which base lines the side
//! replaced, and with which of its lines.

use core::ops::Range;

use foldhash::fast::FixedState;
use hashbrown::HashMap;

use super::git_myers;
use super::lines::Lines;
use crate::diff::compact;
use crate::error::{Error, MAX_LINES};
use crate::{Algorithm, DiffOptions};
use crate::{Modes, diff_lines};

/// A stretch of base lines a side replaced (either range may be empty), as
/// 0-based line ranges. Edits come in order, with at least one unchanged
/// line between two of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Edit {
    pub base: Range<usize>,
    pub side: Range<usize>,
}

/// The edits turning `base` into `side`, with lines compared byte for byte.
/// Myers runs as git runs it (see [`git_myers`]), unless that search gives
/// up; histogram and patience are the engine's, which line up as git's
/// nearly always.
pub(crate) fn edits(base: &[u8], side: &[u8], algorithm: Algorithm) -> Result<Vec<Edit>, Error> {
    if base == side {
        return Ok(Vec::new());
    }
    if algorithm == Algorithm::Myers
        && let Some(edits) = git_edits(base, side)?
    {
        return Ok(edits);
    }
    // One line of context, not zero: the engine diffs only the part of the
    // texts that differs plus the context, and slides each change to its
    // canonical place within that part. With a line of context it widens the
    // part whenever a change would slide against its edge, so every change
    // ends where it would in a diff of the whole texts, as in git.
    let options = DiffOptions { context_lines: 1, algorithm, modes: Modes::NONE, ..DiffOptions::default() };
    let diff = diff_lines(base, side, &options)?;
    Ok(diff.changes().map(|c| Edit { base: c.old, side: c.new }).collect())
}

/// The edits git's Myers finds, or `None` when its search gives up (see
/// [`git_myers`]).
fn git_edits<'a>(base: &'a [u8], side: &'a [u8]) -> Result<Option<Vec<Edit>>, Error> {
    let (base, side) = (Lines::new(base), Lines::new(side));
    if base.len().max(side.len()) > MAX_LINES {
        return Err(Error::TooManyLines);
    }
    let mut ids: HashMap<&'a [u8], u32, FixedState> =
        HashMap::with_capacity_and_hasher(base.len() + 16, FixedState::default());
    let mut intern = |lines: &Lines<'a>| -> Vec<u32> {
        (0..lines.len())
            .map(|i| {
                let next = ids.len() as u32;
                *ids.entry(lines.line(i)).or_insert(next)
            })
            .collect()
    };
    let (a, b) = (intern(&base), intern(&side));
    let Some((mut removed, mut added)) = git_myers::diff(&a, &b, ids.len()) else { return Ok(None) };
    compact(&a, &mut removed, &b, &mut added);
    Ok(Some(from_marks(&removed, &added)))
}

/// The edits of a diff given as marks of the changed lines of each side:
/// unchanged lines pair up in order.
fn from_marks(removed: &[bool], added: &[bool]) -> Vec<Edit> {
    let mut edits = Vec::new();
    let (mut i, mut j) = (0, 0);
    loop {
        while i < removed.len() && j < added.len() && !removed[i] && !added[j] {
            i += 1;
            j += 1;
        }
        let (base_start, side_start) = (i, j);
        while i < removed.len() && removed[i] {
            i += 1;
        }
        while j < added.len() && added[j] {
            j += 1;
        }
        if i == base_start && j == side_start {
            return edits;
        }
        edits.push(Edit { base: base_start..i, side: side_start..j });
    }
}

/// Where our line boundary `at` falls in the base, given our edits: exact
/// outside them, and inside one an even walk through its base lines. Never
/// decreases as `at` grows.
pub(crate) fn base_line(edits: &[Edit], at: usize) -> usize {
    let i = edits.partition_point(|e| e.side.start <= at);
    let Some(e) = i.checked_sub(1).map(|i| &edits[i]) else { return at };
    if at >= e.side.end { e.base.end + (at - e.side.end) } else { e.base.start + (at - e.side.start).min(e.base.len()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_are_whole_text_line_numbers() {
        let e = edits(b"a\nb\nc\nd\n", b"a\nB\nc\nd\ne\n", Algorithm::Myers).unwrap();
        assert_eq!(e, [Edit { base: 1..2, side: 1..2 }, Edit { base: 4..4, side: 4..5 }]);
        assert!(edits(b"same\n", b"same\n", Algorithm::Histogram).unwrap().is_empty());
        // A missing final newline is a change of the last line.
        assert_eq!(edits(b"x\n", b"x", Algorithm::Myers).unwrap(), [Edit { base: 0..1, side: 0..1 }]);
    }

    #[test]
    fn a_change_slides_to_where_a_whole_diff_puts_it() {
        // Inserting one "x" into a long run of them: the insertion goes to
        // the end of the run, whatever part of the texts was compared.
        let base: Vec<u8> =
            b"head\n".iter().copied().chain(b"x\n".repeat(50)).chain(b"tail\n".iter().copied()).collect();
        let mut side = base.clone();
        side.splice(5..5, b"x\n".iter().copied());
        let e = edits(&base, &side, Algorithm::Myers).unwrap();
        assert_eq!(e, [Edit { base: 51..51, side: 51..52 }]);
    }

    #[test]
    fn base_line_maps_our_boundaries_monotonically() {
        let e = [Edit { base: 1..3, side: 1..2 }, Edit { base: 5..5, side: 4..7 }];
        let mapped: Vec<usize> = (0..9).map(|at| base_line(&e, at)).collect();
        assert_eq!(mapped, [0, 1, 3, 4, 5, 5, 5, 5, 6]);
    }
}
