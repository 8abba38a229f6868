//! What a caller can ask of a diff.

use std::time::Duration;

use crate::diff::algorithms::Algorithm;
use crate::diff::modes::Modes;

/// Options of a unified diff. `Default` gives GNU `diff -u --label original
/// --label modified`: three lines of context, Myers, no deadline, no
/// comparison modes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffOptions<'a> {
    /// Unchanged lines shown around each change.
    pub context_lines: usize,
    /// The name on the `---` line. Must not contain CR or LF.
    pub old_label: &'a [u8],
    /// The name on the `+++` line. Must not contain CR or LF.
    pub new_label: &'a [u8],
    /// How lines are matched; see [`Algorithm`] for which to choose.
    /// Default [`Algorithm::Myers`].
    pub algorithm: Algorithm,
    /// A time limit for finding a small diff. When it passes, the rest of the
    /// input is diffed coarsely (larger hunks), never incorrectly.
    pub deadline: Option<Duration>,
    /// Ways in which lines may differ and still count as equal.
    pub modes: Modes,
}

impl Default for DiffOptions<'_> {
    fn default() -> Self {
        DiffOptions {
            context_lines: 3,
            old_label: b"original",
            new_label: b"modified",
            algorithm: Algorithm::Myers,
            deadline: None,
            modes: Modes::NONE,
        }
    }
}
