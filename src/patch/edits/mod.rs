//! Applying what coding agents write, to many files at once: unified diffs
//! of any number of files, OpenAI Codex's `*** Begin Patch` envelope,
//! aider's SEARCH/REPLACE blocks and lists of `{old_text, new_text}`
//! replacements, each read as models write it (in a shell heredoc or a
//! code fence, without file headers, with bare `@@` lines or wrong line
//! counts) and applied all or nothing.
//!
//! [`apply_edits`] takes the files the patch may touch (a path absent from
//! them is a file that does not exist) and returns, for every file the
//! patch touches, its new text, or that it is deleted or moved, with a
//! report per hunk; or an [`EditError`] listing every failure, and then
//! nothing is applied. Text is located with the matching ladder of
//! [`ApplyOptions`] (exact, then ignoring line ends, trailing whitespace,
//! indentation, typographic punctuation), and a hunk or block that states
//! no line must match at one place only. [`parse_edits`] reads a patch
//! without applying it: which files it touches.
//!
//! ```
//! use fast_diff::patch::edits::{EditOptions, FileText, apply_edits};
//!
//! let files = [FileText { path: b"greet.py", text: b"def greet():\n    print(\"Hi\")\n" }];
//! let patch = b"*** Begin Patch\n*** Update File: greet.py\n@@ def greet():\n-    print(\"Hi\")\n+    print(\"Hello\")\n*** End Patch\n";
//! let edited = apply_edits(&files, patch, &EditOptions::default()).unwrap();
//! assert_eq!(edited.files[0].text.as_deref(), Some(&b"def greet():\n    print(\"Hello\")\n"[..]));
//! ```

mod blocks;
mod detect;
mod envelope;
mod paths;
mod replacements;
mod search_replace;
mod sections;

use core::fmt;

use super::report::{self, FileInfo, HunkReport};
use super::{ApplyOptions, FileChange, Malformed};

pub use detect::detect;

/// The formats [`apply_edits`] reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EditFormat {
    /// Unified diffs of one or many files (GNU diff, git, difflib, or
    /// written by hand or by a model).
    Unified,
    /// OpenAI Codex's `apply_patch` envelope: `*** Begin Patch`, `*** Add
    /// File:`, `*** Delete File:`, `*** Update File:` (with `*** Move to:`),
    /// `@@` hunks without line numbers, `*** End Patch`.
    Envelope,
    /// aider's SEARCH/REPLACE blocks: a path line, then `<<<<<<< SEARCH`,
    /// the text to find, `=======`, its replacement, `>>>>>>> REPLACE`.
    SearchReplace,
    /// A JSON list of `{"path", "old_text", "new_text"}` replacements (also
    /// spelled `oldText`/`newText`, `old_str`/`new_str`,
    /// `old_string`/`new_string`; `replace_all` replaces every occurrence),
    /// or an object `{"path", "edits": [...]}`.
    Replacements,
}

impl EditFormat {
    /// Its name, as the bindings and commands spell it.
    pub fn name(self) -> &'static str {
        match self {
            EditFormat::Unified => "unified",
            EditFormat::Envelope => "envelope",
            EditFormat::SearchReplace => "search_replace",
            EditFormat::Replacements => "replacements",
        }
    }
}

/// How [`apply_edits`] reads and applies a patch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EditOptions {
    /// The patch's format; None (the default) detects it.
    pub format: Option<EditFormat>,
    /// How hunks are located and applied (`partial` is not used: edits are
    /// all or nothing). `strict` reads unified diffs as fast-diff 0.1 did
    /// and narrows the ladder to exact and line-end matches.
    pub apply: ApplyOptions,
    /// GNU patch's `-p N`: the number of leading components removed from
    /// the names in the patch. None (the default): names are used as
    /// written, without git's `a/` `b/` prefixes and a leading `./`, and
    /// also as written when only that form is among the files.
    pub strip: Option<usize>,
}

/// A file as it is before the patch: its path and its bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileText<'a> {
    /// Its path, matched against the names in the patch. When only one
    /// file is given and its path is empty, it is the file of a patch that
    /// names one file, whatever the name (or none).
    pub path: &'a [u8],
    /// Its bytes.
    pub text: &'a [u8],
}

/// What happened to a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileOutcome {
    /// Read, not tried ([`parse_edits`]).
    NotTried,
    /// Every hunk applies.
    Applied,
    /// Some hunk does not apply (or is ambiguous): see the hunks.
    HunksFailed,
    /// Every hunk is already in the file in its applied form.
    AlreadyApplied,
    /// The patch changes, deletes or moves a file that was not given.
    Missing,
    /// The patch creates (or moves a file onto) a path that was given.
    Exists,
}

/// One file the patch touches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileEdit {
    /// Its path after the patch (the new one of a moved file; the given
    /// path, as it was given, of a changed one).
    pub path: Vec<u8>,
    /// The given file it was read from (differs from `path` for a moved or
    /// copied file); None for a file the patch creates.
    pub source: Option<Vec<u8>>,
    /// What the patch does to it: `Renamed` for a move, whose `source` is
    /// then gone.
    pub change: FileChange,
    /// Applied, or why not.
    pub outcome: FileOutcome,
    /// Its new text when the patch applied, unless it is deleted.
    pub text: Option<Vec<u8>>,
    /// Every hunk, block or replacement for it, in patch order.
    pub hunks: Vec<HunkReport>,
    /// The sections of the patch about it (indices of
    /// [`EditReport::sections`]).
    pub sections: Vec<usize>,
    /// What happened, in one line, then a line per hunk that failed or did
    /// not apply exactly as stated.
    pub message: String,
}

/// What [`apply_edits`] did, or [`parse_edits`] read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditReport {
    /// The patch's format, as given or detected.
    pub format: EditFormat,
    /// The patch's sections as read: names as written, the change, where
    /// each is in the patch.
    pub sections: Vec<FileInfo>,
    /// Every file the patch touches, in the order the patch first names
    /// it.
    pub files: Vec<FileEdit>,
    /// A summary: the outcome in one line, then a line per file or hunk
    /// that failed or did not apply exactly as stated (at most
    /// [`report::LISTED_HUNKS`] of them).
    pub message: String,
}

impl EditReport {
    /// The hunks of every file that failed.
    pub fn failed(&self) -> impl Iterator<Item = (&FileEdit, &HunkReport)> {
        self.files
            .iter()
            .flat_map(|f| f.hunks.iter().filter(|h| h.outcome == super::HunkOutcome::Failed).map(move |h| (f, h)))
    }
}

/// Why a patch was not applied. Nothing was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The patch cannot be read as its format.
    Malformed {
        /// The format it was read as.
        format: EditFormat,
        /// Where and why.
        error: Malformed,
    },
    /// Some hunk does not apply, or a file is missing or in the way: the
    /// report says which, every one of them.
    HunksFailed(Box<EditReport>),
    /// Every failure is a hunk, block or replacement that matches at
    /// several places: the report lists them.
    Ambiguous(Box<EditReport>),
    /// Every hunk of every file is already in its applied form.
    AlreadyApplied(Box<EditReport>),
}

impl EditError {
    /// The report, unless the patch could not be read.
    pub fn report(&self) -> Option<&EditReport> {
        match self {
            EditError::Malformed { .. } => None,
            EditError::HunksFailed(r) | EditError::Ambiguous(r) | EditError::AlreadyApplied(r) => Some(r),
        }
    }
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::Malformed { format, error } => write!(f, "{} ({} format)", error, format.name()),
            EditError::HunksFailed(r) | EditError::Ambiguous(r) | EditError::AlreadyApplied(r) => {
                f.write_str(&r.message)
            }
        }
    }
}

impl std::error::Error for EditError {}

/// Applies `patch` to `files`, all or nothing.
pub fn apply_edits(files: &[FileText<'_>], patch: &[u8], options: &EditOptions) -> Result<EditReport, EditError> {
    let (format, parsed) = read(patch, options)?;
    sections::apply(format, &parsed, files, options)
}

/// Reads `patch` without applying it: its sections, and every file it
/// touches with the path it reads and writes; every hunk not tried.
pub fn parse_edits(patch: &[u8], options: &EditOptions) -> Result<EditReport, EditError> {
    let (format, parsed) = read(patch, options)?;
    Ok(sections::not_tried(format, &parsed, options))
}

fn read<'p>(patch: &'p [u8], options: &EditOptions) -> Result<(EditFormat, Vec<sections::Section<'p>>), EditError> {
    let format = options.format.unwrap_or_else(|| detect(patch));
    let parsed = match format {
        EditFormat::Unified => sections::unified(patch, options.apply.lenient()),
        EditFormat::Envelope => envelope::parse(patch),
        EditFormat::SearchReplace => search_replace::parse(patch),
        EditFormat::Replacements => replacements::parse(patch),
    };
    parsed.map(|parsed| (format, parsed)).map_err(|error| EditError::Malformed { format, error })
}

/// A sentence's list of things: `a`, `a and b`, `a, b and c`.
fn listed(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A path for a message.
fn shown(path: &[u8]) -> String {
    report::quoted(path)
}
