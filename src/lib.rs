//! fast-diff: line diffs of arbitrary bytes, written in the unified format
//! of GNU `diff -u`, for Rust programs and, through [`ffi`], for anything that
//! can call C.
//!
//! Input is bytes: lines end at LF only, and nothing is ever decoded,
//! normalised or replaced. Every diff applies with GNU `patch` and
//! `git apply` to give back the new text exactly.
//!
//! ```
//! let diff = fast_diff::unified_diff(b"a\nb\n", b"a\nc\n", &Default::default()).unwrap();
//! assert_eq!(diff, b"--- original\n+++ modified\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n");
//! ```

mod anchors;
mod compact;
mod deadline;
mod discard;
mod engine;
mod error;
pub mod ffi;
mod histogram;
mod hunks;
mod intern;
mod lines;
pub mod merge;
mod modes;
mod myers;
mod options;
pub mod patch;
mod patience;
#[cfg(test)]
mod testing;
mod trim;
mod unified;
mod words;

pub use engine::{Change, LineDiff, diff_lines};
pub use error::{Error, MAX_LINES};
pub use hunks::{DiffStats, Hunk, HunkLine, LineKind};
pub use merge::{MergeOptions, Merged, merge};
pub use modes::Modes;
pub use options::{Algorithm, DiffOptions};
pub use patch::{
    Applied, ApplyError, ApplyOptions, Candidate, FailReason, FileChange, FileInfo, FilePatch, HunkHeader, HunkOutcome,
    HunkReport, Malformed, Mode, Patch, Report, apply_patch, parse_patch,
};
pub use words::{Granularity, Span, SpanKind};

impl<'a> LineDiff<'a> {
    /// This diff as unified text with `context` lines of context (at most the
    /// context it was computed with) and the given labels. Labels must not
    /// contain CR or LF.
    pub fn unified(&self, context: usize, old_label: &[u8], new_label: &[u8]) -> Result<Vec<u8>, Error> {
        check_labels(old_label, new_label)?;
        Ok(unified::write(self, context.min(self.context), old_label, new_label))
    }

    /// The inline diff `spans` (from [`LineDiff::word_spans`] with the same
    /// `context`) as text in the style of `git diff --word-diff=plain`.
    pub fn word_diff_text(
        &self,
        context: usize,
        spans: &[Span],
        old_label: &[u8],
        new_label: &[u8],
    ) -> Result<Vec<u8>, Error> {
        check_labels(old_label, new_label)?;
        Ok(words::write_plain(self, context, spans, old_label, new_label))
    }
}

fn check_labels(old_label: &[u8], new_label: &[u8]) -> Result<(), Error> {
    if [old_label, new_label].iter().any(|label| label.iter().any(|&b| b == b'\n' || b == b'\r')) {
        return Err(Error::InvalidLabel);
    }
    Ok(())
}

/// The unified diff turning `old` into `new`; empty when they are identical.
pub fn unified_diff(old: &[u8], new: &[u8], options: &DiffOptions<'_>) -> Result<Vec<u8>, Error> {
    check_labels(options.old_label, options.new_label)?;
    let diff = diff_lines(old, new, options)?;
    Ok(unified::write(&diff, options.context_lines, options.old_label, options.new_label))
}
