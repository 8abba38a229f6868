//! fast-diff: line diffs of arbitrary bytes, written in the unified format
//! of GNU `diff -u`, and patches applied back, for Rust programs and,
//! through [`ffi`], for anything that can call C.
//!
//! Input is bytes: lines end at LF only, and nothing is ever decoded,
//! normalised or replaced (a CRLF file stays CRLF, invalid UTF-8 and NUL are
//! carried through). Every diff applies with GNU `patch` and `git apply` to
//! give back the new text exactly.
//!
//! # A unified diff
//!
//! [`unified_diff`] is the whole of `diff -u` in one call; the
//! [`DiffOptions`] default to GNU's (three lines of context, Myers, no
//! comparison modes) with the labels `original` and `modified`:
//!
//! ```
//! let diff = fast_diff::unified_diff(b"a\nb\n", b"a\nc\n", &Default::default()).unwrap();
//! assert_eq!(diff, b"--- original\n+++ modified\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n");
//! ```
//!
//! The options choose the context, the labels, the [`Algorithm`] (see its
//! documentation for which to use), a deadline, and comparison [`Modes`]
//! under which lines that differ only in ignored ways count as equal, as
//! GNU diff's `-b`, `-w`, `-i`, `-B` and `--strip-trailing-cr`:
//!
//! ```
//! use fast_diff::{Algorithm, DiffOptions, Modes, unified_diff};
//!
//! let options = DiffOptions {
//!     context_lines: 0,
//!     old_label: b"a/notes.txt",
//!     new_label: b"b/notes.txt",
//!     algorithm: Algorithm::Histogram,
//!     modes: Modes::IGNORE_CASE | Modes::IGNORE_SPACE_CHANGE,
//!     ..DiffOptions::default()
//! };
//! let diff = unified_diff(b"Keep  this\nold\n", b"keep this\nnew\n", &options).unwrap();
//! assert_eq!(diff, b"--- a/notes.txt\n+++ b/notes.txt\n@@ -2 +2 @@\n-old\n+new\n");
//! ```
//!
//! # One diff, many outputs
//!
//! [`diff_lines`] computes the diff once as a [`LineDiff`], which then
//! gives its [`changes`](LineDiff::changes), its [`hunks`](LineDiff::hunks)
//! with every line's number and bytes, its [`stats`](LineDiff::stats), its
//! [`unified`](LineDiff::unified) text, and an inline diff of each change
//! by words, characters or grapheme clusters
//! ([`word_spans`](LineDiff::word_spans),
//! [`word_diff_text`](LineDiff::word_diff_text)):
//!
//! ```
//! use fast_diff::{DiffOptions, Granularity, LineKind, diff_lines};
//!
//! let (old, new) = (&b"one\nthe quick fox\nthree\n"[..], &b"one\nthe slow fox\nthree\n"[..]);
//! let diff = diff_lines(old, new, &DiffOptions::default()).unwrap();
//!
//! let changes: Vec<_> = diff.changes().collect();
//! assert_eq!((changes[0].old.clone(), changes[0].new.clone()), (1..2, 1..2));
//!
//! let hunks = diff.hunks(3);
//! let removed = hunks[0].lines.iter().find(|line| line.kind == LineKind::Removed).unwrap();
//! assert_eq!(diff.line_bytes(removed), b"the quick fox\n");
//!
//! let stats = diff.stats(3);
//! assert_eq!((stats.lines_added, stats.lines_removed, stats.hunks), (1, 1, 1));
//!
//! let spans = diff.word_spans(3, Granularity::Words, None);
//! let words = diff.word_diff_text(3, &spans, b"a", b"b").unwrap();
//! assert_eq!(words, b"--- a\n+++ b\n@@ -1,3 +1,3 @@\none\nthe [-quick-]{+slow+} fox\nthree\n");
//! ```
//!
//! # An HTML page
//!
//! [`html_diff`] renders the same diff as one self-contained HTML page
//! (side by side or line by line, changed words marked, every byte shown
//! as text), and [`html_diff_files`] the diffs of many pairs of files as one
//! page with a file list; `docs/html.md` shows one.
//!
//! ```
//! use fast_diff::{DiffOptions, HtmlOptions, html_diff};
//!
//! let page = html_diff(b"the quick fox\n", b"the slow fox\n", &DiffOptions::default(), &HtmlOptions::default()).unwrap();
//! assert!(String::from_utf8(page).unwrap().contains("the <del>quick</del> fox"));
//! ```
//!
//! # Many diffs at once
//!
//! [`unified_diff_many`] diffs a list of pairs on a pool of threads that
//! lives only as long as the call, each result exactly what
//! [`unified_diff`] gives for its pair, in order.
//!
//! # Applying a patch
//!
//! [`apply_patch`] applies a single-file unified diff (from GNU diff, git,
//! difflib, or a person) to a text, all hunks or none, and reports hunk by
//! hunk where each went or why it does not fit; [`parse_patch`] reads a
//! patch of many files into sections. The [`patch`] module tells more.
//!
//! ```
//! use fast_diff::{ApplyOptions, HunkOutcome, apply_patch};
//!
//! let patch = b"--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n";
//! let applied = apply_patch(b"a\nb\n", patch, &ApplyOptions::default()).unwrap();
//! assert_eq!(applied.text, b"a\nc\n");
//! assert_eq!(applied.report.hunks[0].outcome, HunkOutcome::Applied);
//! ```
//!
//! # Errors
//!
//! A diff fails only on a label with a line break in it or on more than
//! [`MAX_LINES`] lines to compare ([`Error`]); a patch fails with an
//! [`ApplyError`] that says why, and for failed hunks, where the text comes
//! closest.
//!
//! # From C
//!
//! The [`ffi`] module is the C ABI (`fd_unified_diff`, `fd_apply_patch`,
//! ...) described by the generated header `include/fast_diff.h`; the
//! library builds as a `cdylib` and a `staticlib` for it. The conventions
//! every function follows are written once, in `docs/c-api.md`.

#![deny(missing_docs)]

mod batch;
mod diff;
mod error;
pub mod ffi;
pub mod merge;
mod options;
mod output;
pub mod patch;

pub use batch::unified_diff_many;
pub use diff::algorithms::Algorithm;
pub use diff::modes::Modes;
pub use diff::{Change, LineDiff, diff_lines};
pub use error::{Error, MAX_LINES};
pub use merge::{MergeOptions, Merged, merge};
pub use options::DiffOptions;
pub use output::html::{HtmlFile, HtmlLayout, HtmlOptions, html_diff, html_diff_files};
pub use output::hunks::{DiffHunk, DiffLine, DiffStats, LineKind};
pub use output::unified::unified_diff;
pub use output::words::{Granularity, Span, SpanKind, WordDiff};
pub use patch::{
    Applied, ApplyError, ApplyOptions, Candidate, FailReason, FileChange, FileInfo, FilePatch, HunkHeader, HunkOutcome,
    HunkReport, Malformed, MatchMode, Patch, Report, apply_patch, parse_patch,
};

/// The Rust examples of the README run as doctests (the other languages'
/// blocks run in `tests/docs`).
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExamples;

/// The Rust examples of the manual's page on HTML.
#[cfg(doctest)]
#[doc = include_str!("../docs/html.md")]
struct HtmlExamples;

/// The Rust examples of the merge's manual page, likewise.
#[cfg(doctest)]
#[doc = include_str!("../docs/merge.md")]
struct MergeExamples;
