//! What a caller can allow when applying a patch.

use super::matching::MatchMode;

/// How forgiving [`apply_patch`](super::apply_patch) is. `Default` applies
/// patches at their stated lines or anywhere else their context is found,
/// as GNU `patch` and `git apply` do, recounting hunks whose line counts are
/// wrong, and going down the matching ladder (line ends, trailing
/// whitespace, indentation, typographic punctuation) where lines do not
/// match exactly; `strict` restores the exact reading of fast-diff 0.1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApplyOptions {
    /// How far from its expected line (its stated line, moved by the offset
    /// the previous hunk needed) a hunk is looked for. `usize::MAX` (the
    /// default) is anywhere; 0 is only at the expected line.
    pub max_offset: usize,
    /// GNU-style fuzz: how many context lines at each edge of a hunk may
    /// differ. Default 0. Capped so that at least one context line of the
    /// longer side is checked.
    pub fuzz: usize,
    /// Recount every hunk body instead of trusting its header's line
    /// counts, and accept bare `@@` headers (the hunk is then looked for
    /// anywhere after the previous one, and must be found at exactly one
    /// place). Without `strict`, a body whose counts disagree is recounted
    /// anyway; `recount` also stops trusting the counts that agree (a hunk
    /// without context on one side is then not bound to that edge of the
    /// file).
    pub recount: bool,
    /// Read and match as fast-diff 0.1 did: header counts are trusted (a
    /// body that disagrees with them is malformed, a bare `@@` refused),
    /// and lines are compared exactly or ignoring line ends only (and
    /// whitespace amounts with `ignore_whitespace`). Default off: counts
    /// that disagree are recounted, and the matching ladder goes on to
    /// ignoring trailing whitespace, then leading and trailing whitespace,
    /// then typographic punctuation.
    pub strict: bool,
    /// Apply the patch backwards: undo it.
    pub reverse: bool,
    /// Compare lines ignoring the amount of whitespace and whitespace at
    /// line ends, as `diff -b` does. Default off.
    pub ignore_whitespace: bool,
    /// Require line ends to match exactly: no CRLF/LF tolerance.
    pub strict_line_endings: bool,
    /// When some hunks fail, still produce the text with the hunks that
    /// applied (the result is still an error).
    pub partial: bool,
}

impl Default for ApplyOptions {
    fn default() -> Self {
        ApplyOptions {
            max_offset: usize::MAX,
            fuzz: 0,
            recount: false,
            strict: false,
            reverse: false,
            ignore_whitespace: false,
            strict_line_endings: false,
            partial: false,
        }
    }
}

impl ApplyOptions {
    /// The ways of comparing lines allowed, strictest first.
    ///
    /// The whitespace rungs ignore line ends too, so strict line endings
    /// leave them out.
    pub(crate) fn match_modes(&self) -> Vec<MatchMode> {
        let ladder = !self.strict && !self.strict_line_endings;
        let mut modes = vec![MatchMode::Exact];
        if !self.strict_line_endings {
            modes.push(MatchMode::LineEndings);
        }
        if ladder {
            modes.push(MatchMode::TrailingWhitespace);
        }
        if self.ignore_whitespace {
            modes.push(MatchMode::Whitespace);
        }
        if ladder {
            modes.extend([MatchMode::Trimmed, MatchMode::Punctuation]);
        }
        modes
    }

    /// Whether hunk bodies that disagree with their counts are recounted
    /// (read to their natural end): unless `strict` without `recount`.
    pub fn lenient(&self) -> bool {
        self.recount || !self.strict
    }
}
