//! Three-way merge of line-based texts, as `git merge-file` does it.
//!
//! Two sides (ours and theirs) changed a common base. Each side is diffed
//! against the base; changes that only one side made are taken, a change both
//! sides made the same way is taken once, and changes that overlap or touch
//! are conflicts, written between markers:
//!
//! ```
//! use fast_diff::merge::{MergeOptions, merge};
//!
//! let base = b"one\ntwo\nthree\n";
//! let ours = b"one\n2\nthree\n";
//! let theirs = b"one\nzwei\nthree\n";
//! let merged = merge(base, ours, theirs, &MergeOptions::default()).unwrap();
//! assert_eq!(merged.conflicts, 1);
//! assert_eq!(
//!     merged.text,
//!     b"one\n<<<<<<< ours\n2\n=======\nzwei\n>>>>>>> theirs\nthree\n"
//! );
//! ```
//!
//! The stages: [`align`] diffs the base against each side; [`chunks`] walks
//! the two lists of changes together into the chunks of the merge (one
//! side's change, or a conflict); [`refine`] narrows conflicts down to the
//! lines where the sides really differ, as the style asks; [`write`] writes
//! the merged text with its markers and lists its regions.
//!
//! Lines are bytes split after each LF, as in git: any input merges (NULs,
//! invalid UTF-8, CRLF, no final newline on any side). The result is
//! byte-identical to `git merge-file -p` wherever our diffs of the base
//! against the two sides line up the lines the way git's do, which is the
//! normal case; where a diff has several equally small answers, the two
//! programs can pick different ones. Two rules hold whatever the alignment:
//! a change both sides made identically is taken once, and a side deleting
//! lines the other changed is a conflict, never a silent choice.

mod align;
mod chunks;
mod git_myers;
mod lines;
mod refine;
mod write;

use core::ops::Range;

use crate::Algorithm;
use crate::diff::Change;
use crate::error::Error;

/// The marker length git uses unless told otherwise: `<<<<<<<`.
pub const DEFAULT_MARKER_SIZE: usize = 7;
/// The longest markers a merge writes: a bound on how much a merge can
/// write for each conflict, far above any use (git's attribute
/// `conflict-marker-size` is set to a few dozen at most).
pub const MAX_MARKER_SIZE: usize = 1024;

/// How conflicts are written, as git's `merge.conflictStyle`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Style {
    /// Ours and theirs between `<<<<<<<`, `=======` and `>>>>>>>`, narrowed
    /// to the lines that differ between them (git's default).
    #[default]
    Merge,
    /// Also the base, after `|||||||`; conflicts are not narrowed, so the
    /// three texts of a conflict cover the same stretch of the base.
    Diff3,
    /// `Diff3` with the lines that begin or end both sides alike moved out of
    /// the conflict.
    Zdiff3,
}

/// A way to resolve conflicts without markers (`--ours`, `--theirs`,
/// `--union`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Favor {
    /// Take our side of every conflict.
    Ours,
    /// Take their side of every conflict.
    Theirs,
    /// Take our side, then theirs.
    Union,
}

/// The names written after the conflict markers: `<<<<<<< ours`,
/// `||||||| base`, `>>>>>>> theirs`. An empty label writes the marker alone.
/// Labels must not contain CR or LF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Labels<'a> {
    /// After `<<<<<<<`; `git merge-file` uses the first `-L`, or the file.
    pub ours: &'a [u8],
    /// After `|||||||` (styles diff3 and zdiff3).
    pub base: &'a [u8],
    /// After `>>>>>>>`.
    pub theirs: &'a [u8],
}

impl Default for Labels<'_> {
    fn default() -> Self {
        Labels { ours: b"ours", base: b"base", theirs: b"theirs" }
    }
}

/// Options of a merge. `Default` gives `git merge-file -L ours -L base -L
/// theirs`: style merge, no favour, markers of 7, Myers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeOptions<'a> {
    /// How conflicts are written.
    pub style: Style,
    /// Resolve every conflict this way instead of marking it.
    pub favor: Option<Favor>,
    /// The names after the markers.
    pub labels: Labels<'a>,
    /// Length of the marker runs, at most [`MAX_MARKER_SIZE`]; 0 means
    /// [`DEFAULT_MARKER_SIZE`].
    pub marker_size: usize,
    /// The algorithm of the diffs against the base (and of the narrowing of
    /// conflicts).
    pub algorithm: Algorithm,
}

/// What a stretch of the merged text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RegionKind {
    /// Lines neither side changed.
    Unchanged,
    /// Lines only our side changed, taken from ours.
    Ours,
    /// Lines only their side changed, taken from theirs.
    Theirs,
    /// Lines both sides changed in the same way, taken once.
    Both,
    /// Lines the sides changed differently: written between markers.
    Conflict,
    /// A conflict resolved by [`MergeOptions::favor`]: ours, theirs, or both
    /// one after the other.
    Resolved,
}

/// A stretch of the merged text and the lines of each input it comes from,
/// as 0-based line ranges. The regions of a merge follow one another: their
/// ranges tile the result and each of the three inputs.
///
/// Where a conflict was narrowed ([`Style::Merge`]), its base lines are
/// shared out among the pieces it split into, following our side's lines;
/// lines moved out of a conflict by [`Style::Zdiff3`] have no base lines,
/// since the conflict shows them all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    /// What the region is.
    pub kind: RegionKind,
    /// Its lines in the base.
    pub base: Range<usize>,
    /// Its lines in ours.
    pub ours: Range<usize>,
    /// Its lines in theirs.
    pub theirs: Range<usize>,
    /// Its lines in the merged text; for a conflict, from its `<<<<<<<` line
    /// to its `>>>>>>>` line.
    pub result: Range<usize>,
}

/// The result of a merge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    /// The merged text, with conflict markers unless they were resolved.
    pub text: Vec<u8>,
    /// How many conflicts the text marks (0 with a favour).
    pub conflicts: usize,
    /// The merged text as a list of regions, in order.
    pub regions: Vec<Region>,
}

/// Merges `ours` and `theirs`, two edits of `base`, with `options`.
///
/// Fails only on a label holding a line break ([`Error::InvalidLabel`]), a
/// marker size above [`MAX_MARKER_SIZE`] ([`Error::InvalidMarkerSize`]), or
/// a text with more lines than the engine diffs ([`Error::TooManyLines`]).
pub fn merge(base: &[u8], ours: &[u8], theirs: &[u8], options: &MergeOptions<'_>) -> Result<Merged, Error> {
    if options.marker_size > MAX_MARKER_SIZE {
        return Err(Error::InvalidMarkerSize);
    }
    let labels = options.labels;
    if [labels.ours, labels.base, labels.theirs].iter().any(|l| l.iter().any(|&b| b == b'\n' || b == b'\r')) {
        return Err(Error::InvalidLabel);
    }
    let texts = lines::Texts::new(base, ours, theirs);
    let ours_edits = align::edits(base, ours, options.algorithm)?;
    let theirs_edits = align::edits(base, theirs, options.algorithm)?;
    let mut chunks = chunks::combine(&texts, &ours_edits, &theirs_edits);
    match options.style {
        Style::Merge => {
            refine::narrow(&texts, &ours_edits, &mut chunks, options.algorithm)?;
            refine::join_close_conflicts(&texts, &mut chunks);
        }
        Style::Diff3 => {}
        Style::Zdiff3 => refine::trim_common_ends(&texts, &mut chunks),
    }
    Ok(write::write(&texts, &ours_edits, &chunks, options))
}

/// The changes the merge sees a side make to the base (`old` the base lines,
/// `new` the side's), with `algorithm`. Style merge diffs the two sides of a
/// conflict against each other the same way.
pub fn side_changes(base: &[u8], side: &[u8], algorithm: Algorithm) -> Result<Vec<Change>, Error> {
    Ok(align::edits(base, side, algorithm)?.into_iter().map(|e| Change { old: e.base, new: e.side }).collect())
}
