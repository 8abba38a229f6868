//! `fd_patch_report`: what `fd_apply_patch` did, or what `fd_parse_patch`
//! read, as plain structs and arrays that the library allocates and
//! `fd_patch_report_free` releases in one call.
//!
//! Structs rather than JSON: C reads them without a parser, bindings map
//! them field by field, and paths stay the bytes they are (JSON strings
//! cannot carry invalid UTF-8). The library allocates every struct, so a
//! program built against an older header reads a prefix of a newer, larger
//! `fd_patch_report`; the element structs `fd_hunk_report` and
//! `fd_patch_file` are frozen (new per-hunk or per-file data will come as
//! new arrays), so indexing them stays valid across versions.

use core::ffi::c_char;
use std::ffi::CString;

use super::guard::guard;
use super::owned::{Owned, array};
use crate::{
    ApplyError, FailReason, FileChange, FileInfo, HunkOutcome, HunkReport, Malformed, MatchMode, Patch, Report,
};

/// What happened to a hunk, for `fd_hunk_report.outcome`.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum fd_hunk_outcome {
    /// Not tried: the report comes from `fd_parse_patch`.
    FD_HUNK_NOT_TRIED = 0,
    /// Applied at `line`.
    FD_HUNK_APPLIED = 1,
    /// Does not apply: see `reason`, `candidate_line` and `message`.
    FD_HUNK_FAILED = 2,
    /// Does not apply, but applies in reverse: its new lines are already at
    /// `line`.
    FD_HUNK_ALREADY_APPLIED = 3,
}

/// Why a hunk failed, for `fd_hunk_report.reason`.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum fd_hunk_reason {
    /// It did not fail.
    FD_HUNK_REASON_NONE = 0,
    /// Its context and removed lines are not in the text where it may
    /// apply (within `max_offset`, after the previous hunk, at the start or
    /// end of the text when its context says so).
    FD_HUNK_REASON_MISMATCH = 1,
    /// It states no line (a bare `@@`, a hunk of the `*** Begin Patch`
    /// envelope, a search/replace block) and its lines are at more than one
    /// place, at the first rung of the ladder where they are anywhere: see
    /// `fd_hunk_detail.places`.
    FD_HUNK_REASON_AMBIGUOUS = 2,
    /// The search budget for the text was spent before the hunk was found
    /// (its lines, and those of the hunks before it, are each at very many
    /// places): docs/patching.md says when.
    FD_HUNK_REASON_LIMIT = 3,
}

/// How lines were compared where a hunk was found, for
/// `fd_hunk_report.match_mode`.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum fd_match_mode {
    /// Byte for byte (also the value for hunks not found).
    FD_MATCH_EXACT = 0,
    /// Ignoring line ends (LF, CRLF, none). Added lines were given the line
    /// end of the matched lines, and a last line without LF kept lacking it.
    FD_MATCH_LINE_ENDINGS = 1,
    /// Ignoring whitespace amounts and trailing whitespace
    /// (`FD_APPLY_IGNORE_WHITESPACE`), with line ends as above.
    FD_MATCH_WHITESPACE = 2,
    /// Ignoring whitespace at the end of lines, and line ends.
    FD_MATCH_TRAILING_WHITESPACE = 3,
    /// Ignoring whitespace at both ends of lines (indentation), and line
    /// ends.
    FD_MATCH_TRIMMED = 4,
    /// As `FD_MATCH_TRIMMED`, with typographic dashes, quotes and Unicode
    /// spaces read as their ASCII forms.
    FD_MATCH_PUNCTUATION = 5,
}

/// `fd_hunk_detail.flags`: the hunk's line counts disagreed with its body,
/// which was recounted (read to its natural end).
pub const FD_HUNK_RECOUNTED: u32 = 1 << 0;
/// `fd_hunk_detail.flags`: the hunk matches at more places than `places`
/// lists.
pub const FD_HUNK_MORE_PLACES: u32 = 1 << 1;

/// What a file section does, for `fd_patch_file.change`.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum fd_file_change {
    /// The file is changed in place.
    FD_FILE_MODIFIED = 0,
    /// Old side `/dev/null` or git's `new file mode`: the text must be
    /// empty.
    FD_FILE_CREATED = 1,
    /// New side `/dev/null` or git's `deleted file mode`: the result is
    /// empty.
    FD_FILE_DELETED = 2,
    /// git's `rename from` / `rename to`.
    FD_FILE_RENAMED = 3,
    /// git's `copy from` / `copy to`.
    FD_FILE_COPIED = 4,
}

/// One hunk. Line numbers are 1-based; 0 means none. Frozen: this struct
/// never changes, so `hunks[i]` is valid in every version.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct fd_hunk_report {
    /// An `fd_hunk_outcome`.
    pub outcome: u32,
    /// An `fd_hunk_reason`.
    pub reason: u32,
    /// An `fd_match_mode`.
    pub match_mode: u32,
    /// Context lines ignored at each edge (GNU fuzz).
    pub fuzz: u32,
    /// The line of the text where the header says the hunk's old lines
    /// start (for a hunk without old lines, the line they go before); 0 for
    /// a bare `@@`. For an already applied hunk, the header's new side.
    pub stated_line: u64,
    /// Applied: where its old lines were in the text. Already applied:
    /// where its new lines are. Otherwise 0.
    pub line: u64,
    /// Applied: where its new lines start in the result. Otherwise 0.
    pub new_line: u64,
    /// `line - stated_line` when both are known, else 0.
    pub offset: i64,
    /// Lines of the hunk body on the old and new side (as applied: swapped
    /// with `FD_APPLY_REVERSE`).
    pub old_lines: u64,
    /// The hunk body's lines on the new side, as applied.
    pub new_lines: u64,
    /// Failed: the line of the text where its old lines come closest (most
    /// lines equal), 0 when no line is equal anywhere; how many are equal
    /// there; and the first line there that differs.
    pub candidate_line: u64,
    /// Failed: how many of its old lines are equal at `candidate_line`.
    pub candidate_matching: u64,
    /// Failed: the line of the first difference at `candidate_line`, or 0.
    pub difference_line: u64,
    /// The hunk's bytes in the patch, from its `@@` line to its last line:
    /// what to show someone fixing it.
    pub patch_offset: usize,
    /// The length of the hunk's bytes in the patch.
    pub patch_len: usize,
    /// One line of English (UTF-8, NUL-terminated): what happened, and for
    /// a failure why, with the closest candidate and its first difference
    /// quoted. Owned by the report.
    pub message: *const c_char,
}

/// More about one hunk: `hunk_details[i]` is about `hunks[i]`. Frozen
/// like `fd_hunk_report`.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct fd_hunk_detail {
    /// `FD_HUNK_RECOUNTED`, `FD_HUNK_MORE_PLACES`.
    pub flags: u32,
    /// For a failed hunk, the loosest rung of the matching ladder tried (an
    /// `fd_match_mode`); otherwise `FD_MATCH_EXACT`.
    pub loosest_match_mode: u32,
    /// For an ambiguous hunk, the lines of the text (1-based) where it
    /// matches, in order, at most 10; NULL otherwise. Owned by the report.
    pub places: *const u64,
    /// The number of `places`.
    pub place_count: usize,
}

/// One file section of the patch. Paths are bytes (ptr and len, also
/// NUL-terminated), owned by the report; NULL when the section has no such
/// name (hunks without `---`/`+++` lines). Frozen like `fd_hunk_report`.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct fd_patch_file {
    /// The names on the `---` and `+++` lines (or git's headers), unquoted
    /// and without timestamps, e.g. `a/src/x.c`, `/dev/null`.
    pub old_path: *const u8,
    /// The length of `old_path` in bytes.
    pub old_path_len: usize,
    /// The name on the `+++` line, as `old_path`.
    pub new_path: *const u8,
    /// The length of `new_path` in bytes.
    pub new_path_len: usize,
    /// The file's name: the new name unless the file is deleted, without
    /// git's `a/` `b/` prefixes, e.g. `src/x.c`.
    pub path: *const u8,
    /// The length of `path` in bytes.
    pub path_len: usize,
    /// The section's bytes in the patch: a single-file patch of its own,
    /// which can be passed to `fd_apply_patch`.
    pub patch_offset: usize,
    /// The length of the section's bytes in the patch.
    pub patch_len: usize,
    /// Its hunks: `hunks[first_hunk]` to `hunks[first_hunk + hunk_count -
    /// 1]` of the report (for `fd_parse_patch`; `fd_apply_patch` reports
    /// the one file applied).
    pub first_hunk: usize,
    /// The number of its hunks.
    pub hunk_count: usize,
    /// An `fd_file_change`.
    pub change: u32,
}

/// The report of `fd_apply_patch` or `fd_parse_patch`. Allocated by the
/// library, released with `fd_patch_report_free`; every pointer in it stays
/// valid until then.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct fd_patch_report {
    /// One entry per hunk, in patch order; NULL when there are none.
    pub hunks: *const fd_hunk_report,
    /// The number of hunks.
    pub hunk_count: usize,
    /// One entry per file section; NULL when there are none.
    pub files: *const fd_patch_file,
    /// The number of file sections.
    pub file_count: usize,
    /// For `FD_ERR_PATCH_MALFORMED`: the byte offset in the patch where
    /// reading stopped (the patch's length if it ended early), its 1-based
    /// line, and what was expected there (NUL-terminated, owned by the
    /// report). Otherwise 0, 0 and NULL.
    pub error_offset: usize,
    /// For `FD_ERR_PATCH_MALFORMED`: the line of `error_offset`, else 0.
    pub error_line: u64,
    /// For `FD_ERR_PATCH_MALFORMED`: what was expected, else NULL.
    pub error_expected: *const c_char,
    /// A summary in English (UTF-8, NUL-terminated, never NULL): the
    /// outcome, then one line per hunk that failed or did not apply exactly
    /// as stated. Owned by the report.
    pub message: *const c_char,
    /// `hunk_count` entries beside `hunks`, saying more about each; NULL
    /// when there are no hunks.
    pub hunk_details: *const fd_hunk_detail,
}

/// What `fd_patch_report` points into.
pub(crate) struct ReportData {
    pub(crate) hunks: Vec<fd_hunk_report>,
    pub(crate) details: Vec<fd_hunk_detail>,
    pub(crate) files: Vec<fd_patch_file>,
    pub(crate) strings: Vec<CString>,
    pub(crate) paths: Vec<Vec<u8>>,
    places: Vec<Vec<u64>>,
}

pub(crate) fn c_string(text: &str) -> CString {
    CString::new(text.replace('\0', "\\0")).expect("NULs were replaced")
}

pub(crate) fn match_mode(mode: MatchMode) -> fd_match_mode {
    match mode {
        MatchMode::Exact => fd_match_mode::FD_MATCH_EXACT,
        MatchMode::LineEndings => fd_match_mode::FD_MATCH_LINE_ENDINGS,
        MatchMode::Whitespace => fd_match_mode::FD_MATCH_WHITESPACE,
        MatchMode::TrailingWhitespace => fd_match_mode::FD_MATCH_TRAILING_WHITESPACE,
        MatchMode::Trimmed => fd_match_mode::FD_MATCH_TRIMMED,
        MatchMode::Punctuation => fd_match_mode::FD_MATCH_PUNCTUATION,
    }
}

pub(crate) fn file_change(change: FileChange) -> fd_file_change {
    match change {
        FileChange::Modified => fd_file_change::FD_FILE_MODIFIED,
        FileChange::Created => fd_file_change::FD_FILE_CREATED,
        FileChange::Deleted => fd_file_change::FD_FILE_DELETED,
        FileChange::Renamed => fd_file_change::FD_FILE_RENAMED,
        FileChange::Copied => fd_file_change::FD_FILE_COPIED,
    }
}

impl ReportData {
    pub(crate) fn new() -> ReportData {
        ReportData {
            hunks: Vec::new(),
            details: Vec::new(),
            files: Vec::new(),
            strings: Vec::new(),
            paths: Vec::new(),
            places: Vec::new(),
        }
    }

    /// `text` as a C string the data owns.
    pub(crate) fn string(&mut self, text: &str) -> *const c_char {
        let s = c_string(text);
        let ptr = s.as_ptr();
        self.strings.push(s);
        ptr
    }

    /// `bytes` as bytes with a length (also NUL-terminated) the data owns;
    /// (NULL, 0) for None.
    pub(crate) fn path(&mut self, path: Option<&[u8]>) -> (*const u8, usize) {
        let Some(path) = path else { return (core::ptr::null(), 0) };
        let mut bytes = Vec::with_capacity(path.len() + 1);
        bytes.extend_from_slice(path);
        bytes.push(0);
        let ptr = bytes.as_ptr();
        self.paths.push(bytes);
        (ptr, path.len())
    }

    pub(crate) fn file(&mut self, file: &FileInfo, first_hunk: usize) {
        let (old_path, old_path_len) = self.path(file.old_path.as_deref());
        let (new_path, new_path_len) = self.path(file.new_path.as_deref());
        let (path, path_len) = self.path(file.path.as_deref());
        self.files.push(fd_patch_file {
            old_path,
            old_path_len,
            new_path,
            new_path_len,
            path,
            path_len,
            patch_offset: file.span.start,
            patch_len: file.span.len(),
            first_hunk,
            hunk_count: file.hunks,
            change: file_change(file.change) as u32,
        });
    }

    pub(crate) fn hunk(&mut self, hunk: &HunkReport) {
        let outcome = match hunk.outcome {
            HunkOutcome::NotTried => fd_hunk_outcome::FD_HUNK_NOT_TRIED,
            HunkOutcome::Applied => fd_hunk_outcome::FD_HUNK_APPLIED,
            HunkOutcome::Failed => fd_hunk_outcome::FD_HUNK_FAILED,
            HunkOutcome::AlreadyApplied => fd_hunk_outcome::FD_HUNK_ALREADY_APPLIED,
        };
        let reason = match hunk.reason {
            None => fd_hunk_reason::FD_HUNK_REASON_NONE,
            Some(FailReason::Mismatch) => fd_hunk_reason::FD_HUNK_REASON_MISMATCH,
            Some(FailReason::Ambiguous) => fd_hunk_reason::FD_HUNK_REASON_AMBIGUOUS,
            Some(FailReason::Limit) => fd_hunk_reason::FD_HUNK_REASON_LIMIT,
        };
        let candidate = hunk.candidate.as_ref();
        let message = self.string(&hunk.message);
        self.hunks.push(fd_hunk_report {
            outcome: outcome as u32,
            reason: reason as u32,
            match_mode: match_mode(hunk.mode) as u32,
            fuzz: u32::try_from(hunk.fuzz).unwrap_or(u32::MAX),
            stated_line: hunk.stated_line.unwrap_or(0),
            line: hunk.line as u64,
            new_line: hunk.new_line as u64,
            offset: hunk.offset,
            old_lines: hunk.old_lines as u64,
            new_lines: hunk.new_lines as u64,
            candidate_line: candidate.map_or(0, |c| c.line as u64),
            candidate_matching: candidate.map_or(0, |c| c.matching as u64),
            difference_line: candidate.and_then(|c| c.difference.as_ref()).map_or(0, |d| d.0 as u64),
            patch_offset: hunk.span.start,
            patch_len: hunk.span.len(),
            message,
        });
        let places: Vec<u64> = hunk.places.iter().map(|&p| p as u64).collect();
        let (places_ptr, place_count) = array(&places);
        self.places.push(places);
        let flags =
            if hunk.recounted { FD_HUNK_RECOUNTED } else { 0 } | if hunk.more_places { FD_HUNK_MORE_PLACES } else { 0 };
        self.details.push(fd_hunk_detail {
            flags,
            loosest_match_mode: match_mode(hunk.loosest) as u32,
            places: places_ptr,
            place_count,
        });
    }

    /// Every section and hunk of a parsed patch, none tried.
    pub(crate) fn parsed(&mut self, patch: &Patch<'_>) {
        for file in &patch.files {
            self.file(&FileInfo::from(file), self.hunks.len());
            for (k, hunk) in file.hunks.iter().enumerate() {
                self.hunk(&HunkReport::not_tried(k + 1, hunk));
            }
        }
    }
}

/// A report under construction.
pub(crate) struct Builder {
    report: fd_patch_report,
    data: ReportData,
}

impl Builder {
    pub(crate) fn new(message: &str) -> Builder {
        let mut data = ReportData::new();
        let report = fd_patch_report {
            hunks: core::ptr::null(),
            hunk_count: 0,
            files: core::ptr::null(),
            file_count: 0,
            error_offset: 0,
            error_line: 0,
            error_expected: core::ptr::null(),
            message: data.string(message),
            hunk_details: core::ptr::null(),
        };
        Builder { report, data }
    }

    pub(crate) fn malformed(error: &Malformed) -> Builder {
        let mut builder = Builder::new(&error.to_string());
        builder.report.error_offset = error.offset;
        builder.report.error_line = error.line;
        builder.report.error_expected = builder.data.string(error.expected);
        builder
    }

    /// The report of a patch that was applied, or whose hunks were tried.
    pub(crate) fn applied(report: &Report) -> Builder {
        let mut b = Builder::new(&report.message);
        if let Some(file) = &report.file {
            b.data.file(file, 0);
        }
        for hunk in &report.hunks {
            b.data.hunk(hunk);
        }
        b
    }

    /// The report of a patch that was not applied.
    pub(crate) fn error(error: &ApplyError) -> Builder {
        match error {
            ApplyError::Malformed(m) => Builder::malformed(m),
            ApplyError::MultipleFiles { files } => {
                let mut b = Builder::new(&error.to_string());
                for file in files {
                    b.data.file(file, 0);
                }
                b
            }
            ApplyError::HunksFailed { report, .. } | ApplyError::AlreadyApplied { report } => Builder::applied(report),
        }
    }

    /// Every section and hunk of a parsed patch, none tried.
    pub(crate) fn parsed(patch: &Patch<'_>) -> Builder {
        let hunks: usize = patch.files.iter().map(|f| f.hunks.len()).sum();
        let mut builder = Builder::new(&format!("read {} file sections with {hunks} hunks", patch.files.len()));
        builder.data.parsed(patch);
        builder
    }

    /// Hands the report over to C.
    pub(crate) fn finish(self) -> *mut fd_patch_report {
        let mut report = self.report;
        (report.hunks, report.hunk_count) = array(&self.data.hunks);
        (report.files, report.file_count) = array(&self.data.files);
        report.hunk_details = array(&self.data.details).0;
        Owned::into_raw(report, self.data)
    }
}

/// Releases a report and everything it points to. NULL is ignored. Call it
/// exactly once per report.
///
/// # Safety
/// `report` must be NULL or a report returned by this library and not yet
/// freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_patch_report_free(report: *mut fd_patch_report) {
    // SAFETY: as promised by the caller.
    guard(|| unsafe { Owned::<fd_patch_report, ReportData>::free(report) })
}
