//! The line-matching algorithms. Each one sees only line ids (`&[u32]`, see
//! `intern`) and has the same shape: it marks in `removed` / `added` (all
//! false on entry) the lines of `a` / `b` outside the common subsequence it
//! chose, sharing the per-id scratch arrays of [`Counts`] and the limits of
//! [`Deadline`] with every other call in the same diff. Each keeps its worst
//! case near-linear by construction: past a budget of work, or once the
//! deadline passes, it hands the rest to a cheaper step (Myers under tighter
//! cost limits, or marking a region changed), never to a wrong result.
//!
//! The shapes they share: [`regions`] is the loop over regions that
//! histogram and patience anchor and split, and [`counts`] the per-id
//! scratch arrays.
//!
//! Which to use is a choice of the caller, described on [`Algorithm`].

mod counts;
pub(crate) mod histogram;
pub(crate) mod myers;
pub(crate) mod patience;
mod regions;
#[cfg(test)]
pub(crate) mod testing;

pub(crate) use counts::Counts;

use crate::diff::deadline::Deadline;

/// The line-matching algorithm. All of them produce a correct diff, which
/// GNU `patch` and `git apply` apply to give the new text; they differ in
/// which of the many correct diffs they find, and how fast.
///
/// # Which algorithm should you use?
///
/// Start with **[`Algorithm::Myers`]**, the default: it is what GNU diff
/// and git use by default, so its diffs are the ones reviewers and tools
/// expect, and on small inputs it finds a minimal diff (fewest changed
/// lines).
///
/// - **[`Algorithm::Myers`]** (default): the best all-round choice, and the
///   one to pick when the output should match `diff -u` or `git diff`.
///   Regions with a large edit distance (rewrites, large deletions, moved
///   blocks) are anchored on their rarest common lines, as histogram
///   anchors, and past a budget the cost limits split them: there it gives
///   up minimality for time. Regions of smaller edit distance get a
///   smallest diff.
/// - **[`Algorithm::Histogram`]**: for source code and its history. It
///   anchors on the rarest common lines (code, not braces or blank lines),
///   so moved and edited functions read as such. It does not promise a
///   minimal diff.
/// - **[`Algorithm::Patience`]**: anchors only on lines that occur exactly
///   once on each side; readable on reordered blocks that have such lines,
///   and no better than Myers on texts that lack them (logs, data, repeated
///   lines), where it falls back to Myers.
///
/// Whichever you choose, the time a diff takes stays near-linear in the
/// size of the input: every algorithm works within a budget and falls back
/// to a coarser (larger, still correct) diff past it, and past
/// [`DiffOptions::deadline`](crate::DiffOptions::deadline) when one is set.
/// The measured figures, per input and per algorithm, are in
/// `benches/results/report.md`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Algorithm {
    /// Myers' O(ND) algorithm with GNU diff's and git's cost limits, and
    /// costly regions anchored on rare lines: a minimal diff when that is
    /// cheap, a near-minimal one otherwise.
    #[default]
    Myers,
    /// git's histogram diff: anchors on rare lines; reads well on code.
    Histogram,
    /// Patience diff: anchors on lines unique to both sides.
    Patience,
}

/// An algorithm's entry point: marks the changed lines of `a` and `b`.
pub(crate) type Solve = fn(&[u32], &[u32], &mut [bool], &mut [bool], &mut Counts, &mut Deadline);

impl Algorithm {
    /// The entry point of the algorithm.
    pub(crate) fn solver(self) -> Solve {
        match self {
            Algorithm::Myers => myers::diff,
            Algorithm::Histogram => histogram::diff,
            Algorithm::Patience => patience::diff,
        }
    }
}
