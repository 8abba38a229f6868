//! What a caller can allow when applying a patch.

use super::matching::MatchMode;

/// How forgiving [`apply_patch`](super::apply_patch) is. `Default` applies
/// well-formed patches at their stated lines or anywhere else their context
/// is found, as GNU `patch` and `git apply` do, tolerating CRLF/LF
/// differences, and nothing more.
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
    /// Recount hunk bodies instead of trusting their headers' line counts,
    /// and accept bare `@@` headers (the hunk is then looked for anywhere
    /// after the previous one, and must be found at exactly one place).
    pub recount: bool,
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
            reverse: false,
            ignore_whitespace: false,
            strict_line_endings: false,
            partial: false,
        }
    }
}

impl ApplyOptions {
    /// The ways of comparing lines allowed, strictest first.
    pub(crate) fn match_modes(&self) -> Vec<MatchMode> {
        let mut modes = vec![MatchMode::Exact];
        if !self.strict_line_endings {
            modes.push(MatchMode::LineEndings);
        }
        if self.ignore_whitespace {
            modes.push(MatchMode::Whitespace);
        }
        modes
    }
}
