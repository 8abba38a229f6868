//! Applying unified diffs: the other half of diffing.
//!
//! [`apply_patch`] applies a single-file unified diff to a text and says,
//! hunk by hunk, exactly what it did: where each hunk went, with which
//! offset and fuzz, and how lines were compared; or why a hunk does not
//! apply and where the text comes closest. It applies all hunks or none
//! (unless partial results are asked for), refuses what it cannot apply
//! safely, and tells a patch that is already applied from one that does not
//! fit. [`parse_patch`] reads a patch of any number of files into sections.
//!
//! Patches from GNU diff, git (`diff --git`, `index`, modes, renames,
//! `/dev/null`, `a/` `b/` prefixes) and Python's difflib are read, with or
//! without `\ No newline at end of file`; so are the usual damages, when
//! asked: wrong line counts, bare `@@` lines, CRLF/LF mix-ups, drifted
//! context, changed whitespace. Lines end at LF; all other bytes are data.
//!
//! ```
//! use fast_diff::{apply_patch, ApplyOptions};
//! let patch = b"--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n";
//! let applied = apply_patch(b"a\nb\n", patch, &ApplyOptions::default()).unwrap();
//! assert_eq!(applied.text, b"a\nc\n");
//! assert_eq!(applied.report.hunks[0].line, 1);
//! ```

mod apply;
pub mod edits;
mod locate;
mod matching;
mod model;
mod names;
mod options;
mod parse;
mod report;

use core::fmt;

pub use matching::MatchMode;
pub use model::{FileChange, FilePatch, Hunk, HunkHeader, HunkLine, Patch};
pub use options::ApplyOptions;
pub use parse::Malformed;
pub use report::{Candidate, FailReason, FileInfo, HunkOutcome, HunkReport, Report};

/// Offered instead of a hunk when a section holds a binary patch.
pub const EXPECTED_TEXT_HUNK: &str = "a text hunk: binary patches cannot be applied to text";

/// The text a patch produced, and what was done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    /// The patched text.
    pub text: Vec<u8>,
    /// Where each hunk went.
    pub report: Report,
}

/// Why a patch was not applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApplyError {
    /// The patch cannot be read.
    Malformed(Malformed),
    /// The patch has sections for several files; apply them one by one
    /// (each section's `span` is a patch of its own).
    MultipleFiles {
        /// The patch's file sections.
        files: Vec<FileInfo>,
    },
    /// At least one hunk does not apply. `partial` is the text with the
    /// hunks that do, when [`ApplyOptions::partial`] asked for it.
    HunksFailed {
        /// Every hunk: which failed and why, and which would apply.
        report: Box<Report>,
        /// The text with the hunks that apply, when asked for.
        partial: Option<Vec<u8>>,
    },
    /// No hunk applies forwards but all apply backwards: the text already
    /// has the patch's changes (or, when reversing, already lacks them).
    AlreadyApplied {
        /// Every hunk, with where its new lines already are.
        report: Box<Report>,
    },
}

impl ApplyError {
    /// The per-hunk report, when hunks were tried.
    pub fn report(&self) -> Option<&Report> {
        match self {
            ApplyError::HunksFailed { report, .. } | ApplyError::AlreadyApplied { report } => Some(report),
            _ => None,
        }
    }
}

impl fmt::Display for Malformed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "malformed patch at line {} (byte {}): expected {}", self.line, self.offset, self.expected)?;
        if self.found.is_empty() {
            f.write_str(", found the end of the patch")
        } else {
            write!(f, ", found {}", report::quoted(&self.found))
        }
    }
}

impl fmt::Display for ApplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApplyError::Malformed(m) => m.fmt(f),
            ApplyError::MultipleFiles { files } => {
                write!(f, "the patch changes {} files; apply one file's section at a time", files.len())
            }
            ApplyError::HunksFailed { report, .. } | ApplyError::AlreadyApplied { report } => {
                f.write_str(&report.message)
            }
        }
    }
}

impl std::error::Error for ApplyError {}

/// Reads every file section of `patch`. With `recount` (what
/// [`ApplyOptions::lenient`] says), a hunk body that disagrees with its
/// header's line counts is read to its natural end and marked recounted,
/// and bare `@@` headers are accepted; without it, both are malformed.
pub fn parse_patch(patch: &[u8], recount: bool) -> Result<Patch<'_>, Malformed> {
    parse::parse(patch, recount)
}

/// Applies the single-file unified diff `patch` to `text`.
///
/// An empty patch (the diff of identical texts) gives the text back. A
/// patch with several file sections is [`ApplyError::MultipleFiles`]: split
/// it with [`parse_patch`] and apply each section to its own text.
pub fn apply_patch(text: &[u8], patch: &[u8], options: &ApplyOptions) -> Result<Applied, ApplyError> {
    let parsed = parse::parse(patch, options.lenient()).map_err(ApplyError::Malformed)?;
    match parsed.files.as_slice() {
        [] => Ok(Applied {
            text: text.to_vec(),
            report: Report {
                file: None,
                hunks: Vec::new(),
                message: "the patch is empty: the text is unchanged".into(),
            },
        }),
        [file] => {
            if let Some(offset) = file.binary_at {
                let line = memchr::memchr_iter(b'\n', &patch[..offset]).count() as u64 + 1;
                let end = memchr::memchr(b'\n', &patch[offset..]).map_or(patch.len(), |n| offset + n);
                let found = patch[offset..end.min(offset + 80)].to_vec();
                return Err(ApplyError::Malformed(Malformed { offset, line, expected: EXPECTED_TEXT_HUNK, found }));
            }
            apply::apply_file(text, file, options)
        }
        files => Err(ApplyError::MultipleFiles { files: files.iter().map(FileInfo::from).collect() }),
    }
}
