//! `fd_apply_edits` and `fd_parse_edits`: patches of any format applied to
//! a set of files, all or nothing, with `fd_edit_options` and the
//! `fd_edit_result` they fill.

use core::ffi::c_char;
use core::mem::{offset_of, size_of};

use super::apply_options::{
    FD_APPLY_IGNORE_WHITESPACE, FD_APPLY_PARTIAL, FD_APPLY_RECOUNT, FD_APPLY_REVERSE, FD_APPLY_STRICT,
    FD_APPLY_STRICT_EOL,
};
use super::guard::guard;
use super::owned::{Owned, array};
use super::pointers::{input, required};
use super::report::{ReportData, fd_hunk_detail, fd_hunk_report, fd_patch_file, file_change};
use super::versioned::{self, Versioned};
use super::{FD_APPLY_ANY_OFFSET, fd_status};
use crate::ApplyOptions;
use crate::patch::edits::{
    EditError, EditFormat, EditOptions, EditReport, FileOutcome, FileText, apply_edits, parse_edits,
};

/// A file given to `fd_apply_edits`: its path and its bytes, both buffers
/// of the usual conventions.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct fd_file_text {
    /// Its path, matched against the names in the patch (`a/`, `b/` and
    /// `./` in the patch match a bare path). When it is the only file and
    /// its path is empty, it is the file of a patch that names one file,
    /// whatever the name (or none).
    pub path: *const u8,
    /// The length of `path`.
    pub path_len: usize,
    /// Its bytes.
    pub text: *const u8,
    /// The length of `text`.
    pub text_len: usize,
}

/// The formats `fd_apply_edits` reads, for `fd_edit_options.format` and
/// `fd_edit_result.format`.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum fd_edit_format {
    /// Detect it (options only).
    FD_EDIT_FORMAT_AUTO = 0,
    /// Unified diffs of one or many files.
    FD_EDIT_FORMAT_UNIFIED = 1,
    /// OpenAI Codex's `*** Begin Patch` envelope.
    FD_EDIT_FORMAT_ENVELOPE = 2,
    /// aider's SEARCH/REPLACE blocks.
    FD_EDIT_FORMAT_SEARCH_REPLACE = 3,
    /// A JSON list of `{path, old_text, new_text}` replacements.
    FD_EDIT_FORMAT_REPLACEMENTS = 4,
}

/// What happened to a file, for `fd_edited_file.outcome`.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum fd_edit_outcome {
    /// Read, not tried (`fd_parse_edits`).
    FD_EDIT_NOT_TRIED = 0,
    /// Every hunk applies.
    FD_EDIT_APPLIED = 1,
    /// A hunk, block or replacement does not apply, or is ambiguous: see
    /// its hunks.
    FD_EDIT_HUNKS_FAILED = 2,
    /// Every hunk is already in its applied form.
    FD_EDIT_ALREADY_APPLIED = 3,
    /// The patch changes, deletes or moves a file that was not given.
    FD_EDIT_MISSING = 4,
    /// The patch creates (or moves a file onto) a path that was given.
    FD_EDIT_EXISTS = 5,
}

/// `fd_edit_options.strip` meaning: names as written, without git's `a/`
/// `b/` and a leading `./`, or as written when only that form is given (the
/// default).
pub const FD_EDIT_STRIP_AUTO: u32 = u32::MAX;

/// Options of `fd_apply_edits` and `fd_parse_edits`, versioned by size like
/// `fd_options`: initialise with `fd_edit_options_init`, then set fields.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct fd_edit_options {
    /// `sizeof(fd_edit_options)` as the caller was compiled; set by
    /// `fd_edit_options_init`. Smaller than the first version (which ends
    /// with `strip`) is `FD_ERR_INVALID_OPTIONS`.
    pub struct_size: u32,
    /// An `fd_edit_format`; default `FD_EDIT_FORMAT_AUTO`. Another number
    /// is `FD_ERR_INVALID_OPTIONS`.
    pub format: u32,
    /// `FD_APPLY_STRICT`, `FD_APPLY_RECOUNT`, `FD_APPLY_REVERSE`,
    /// `FD_APPLY_IGNORE_WHITESPACE`, `FD_APPLY_STRICT_EOL`, as for
    /// `fd_apply_patch`; any other bit (`FD_APPLY_PARTIAL` too: edits are
    /// all or nothing) is `FD_ERR_INVALID_OPTIONS`. Default 0.
    pub flags: u32,
    /// GNU-style fuzz for unified diffs' hunks. Default 0.
    pub fuzz: u32,
    /// How far from its expected line a unified diff's hunk is looked for.
    /// Default `FD_APPLY_ANY_OFFSET`.
    pub max_offset: u64,
    /// GNU patch's `-p N`: leading components removed from the patch's
    /// names. Default `FD_EDIT_STRIP_AUTO`.
    pub strip: u32,
}

const FD_EDIT_OPTIONS_V1_SIZE: usize = offset_of!(fd_edit_options, strip) + size_of::<u32>();

// SAFETY: repr(C), starts with `struct_size`; integers only.
unsafe impl Versioned for fd_edit_options {
    const V1_SIZE: usize = FD_EDIT_OPTIONS_V1_SIZE;
}

const EDIT_FLAGS: u32 =
    FD_APPLY_STRICT | FD_APPLY_RECOUNT | FD_APPLY_REVERSE | FD_APPLY_IGNORE_WHITESPACE | FD_APPLY_STRICT_EOL;

impl fd_edit_options {
    fn defaults() -> fd_edit_options {
        fd_edit_options {
            struct_size: size_of::<fd_edit_options>() as u32,
            format: fd_edit_format::FD_EDIT_FORMAT_AUTO as u32,
            flags: 0,
            fuzz: 0,
            max_offset: FD_APPLY_ANY_OFFSET,
            strip: FD_EDIT_STRIP_AUTO,
        }
    }
}

/// Fills `options` with every default, including `struct_size`. NULL is
/// ignored.
///
/// # Safety
/// `options` must be NULL or point to writable memory for an
/// `fd_edit_options`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_edit_options_init(options: *mut fd_edit_options) {
    guard(|| {
        if !options.is_null() {
            // SAFETY: the caller provides room for an fd_edit_options.
            unsafe { options.write(fd_edit_options::defaults()) };
        }
    })
}

/// The caller's options (NULL means defaults).
///
/// # Safety
/// As `versioned::read`.
unsafe fn read(options: *const fd_edit_options) -> Result<EditOptions, fd_status> {
    // SAFETY: as promised by the caller.
    let o = unsafe { versioned::read(options, fd_edit_options::defaults()) }?;
    if o.flags & !EDIT_FLAGS != 0 || o.flags & FD_APPLY_PARTIAL != 0 {
        return Err(fd_status::FD_ERR_INVALID_OPTIONS);
    }
    let format = match o.format {
        0 => None,
        1 => Some(EditFormat::Unified),
        2 => Some(EditFormat::Envelope),
        3 => Some(EditFormat::SearchReplace),
        4 => Some(EditFormat::Replacements),
        _ => return Err(fd_status::FD_ERR_INVALID_OPTIONS),
    };
    let flag = |bit| o.flags & bit != 0;
    Ok(EditOptions {
        format,
        apply: ApplyOptions {
            max_offset: usize::try_from(o.max_offset).unwrap_or(usize::MAX),
            fuzz: o.fuzz as usize,
            recount: flag(FD_APPLY_RECOUNT),
            strict: flag(FD_APPLY_STRICT),
            reverse: flag(FD_APPLY_REVERSE),
            ignore_whitespace: flag(FD_APPLY_IGNORE_WHITESPACE),
            strict_line_endings: flag(FD_APPLY_STRICT_EOL),
            partial: false,
        },
        strip: (o.strip != FD_EDIT_STRIP_AUTO).then_some(o.strip as usize),
    })
}

/// One file the patch touches. Frozen: this struct never changes, so
/// `files[i]` is valid in every version.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct fd_edited_file {
    /// Its path after the patch: the new one of a moved file, the given
    /// path (as given) of a changed one. Bytes with a length, also
    /// NUL-terminated, owned by the result.
    pub path: *const u8,
    /// The length of `path`.
    pub path_len: usize,
    /// The given file it was read from: differs from `path` for a moved
    /// (`FD_FILE_RENAMED`, whose `source` is then gone) or copied file;
    /// NULL for a file the patch creates.
    pub source: *const u8,
    /// The length of `source`.
    pub source_len: usize,
    /// On `FD_OK`, its new text (for a deleted file, and an empty one,
    /// NULL and 0); otherwise NULL and 0. Owned by the result.
    pub text: *const u8,
    /// The length of `text`.
    pub text_len: usize,
    /// An `fd_file_change`: modified, created, deleted, renamed (moved),
    /// copied.
    pub change: u32,
    /// An `fd_edit_outcome`.
    pub outcome: u32,
    /// Its hunks, blocks or replacements: `hunks[first_hunk]` to
    /// `hunks[first_hunk + hunk_count - 1]` of the result.
    pub first_hunk: usize,
    /// The number of its hunks.
    pub hunk_count: usize,
    /// What happened, in English (UTF-8, NUL-terminated): a line, then a
    /// line per hunk that failed or did not apply exactly as stated.
    pub message: *const c_char,
}

/// What `fd_apply_edits` did or `fd_parse_edits` read. Allocated by the
/// library, released with `fd_edit_result_free`; every pointer in it stays
/// valid until then.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct fd_edit_result {
    /// The patch's format (an `fd_edit_format`), as given or detected.
    pub format: u32,
    /// Every file the patch touches, in the order it first names them;
    /// NULL when there are none.
    pub files: *const fd_edited_file,
    /// The number of files.
    pub file_count: usize,
    /// The patch's sections as read: names as written, the change, where
    /// each is in the patch (`first_hunk` is 0: hunks are listed by file).
    pub sections: *const fd_patch_file,
    /// The number of sections.
    pub section_count: usize,
    /// Every hunk, block or replacement, file by file.
    pub hunks: *const fd_hunk_report,
    /// The number of hunks.
    pub hunk_count: usize,
    /// `hunk_count` entries beside `hunks`.
    pub hunk_details: *const fd_hunk_detail,
    /// For `FD_ERR_PATCH_MALFORMED`: where reading stopped, its line, and
    /// what was expected there; otherwise 0, 0 and NULL.
    pub error_offset: usize,
    /// The line of `error_offset`.
    pub error_line: u64,
    /// What was expected at `error_offset`.
    pub error_expected: *const c_char,
    /// A summary in English (UTF-8, NUL-terminated, never NULL): the
    /// outcome, then a line per file or hunk that failed or did not apply
    /// exactly as stated.
    pub message: *const c_char,
}

/// What `fd_edit_result` points into.
struct EditData {
    report: ReportData,
    files: Vec<fd_edited_file>,
    texts: Vec<Vec<u8>>,
}

fn format_number(format: EditFormat) -> u32 {
    (match format {
        EditFormat::Unified => fd_edit_format::FD_EDIT_FORMAT_UNIFIED,
        EditFormat::Envelope => fd_edit_format::FD_EDIT_FORMAT_ENVELOPE,
        EditFormat::SearchReplace => fd_edit_format::FD_EDIT_FORMAT_SEARCH_REPLACE,
        EditFormat::Replacements => fd_edit_format::FD_EDIT_FORMAT_REPLACEMENTS,
    }) as u32
}

fn outcome_number(outcome: FileOutcome) -> u32 {
    (match outcome {
        FileOutcome::NotTried => fd_edit_outcome::FD_EDIT_NOT_TRIED,
        FileOutcome::Applied => fd_edit_outcome::FD_EDIT_APPLIED,
        FileOutcome::HunksFailed => fd_edit_outcome::FD_EDIT_HUNKS_FAILED,
        FileOutcome::AlreadyApplied => fd_edit_outcome::FD_EDIT_ALREADY_APPLIED,
        FileOutcome::Missing => fd_edit_outcome::FD_EDIT_MISSING,
        FileOutcome::Exists => fd_edit_outcome::FD_EDIT_EXISTS,
    }) as u32
}

fn empty_result(message: *const c_char) -> fd_edit_result {
    fd_edit_result {
        format: fd_edit_format::FD_EDIT_FORMAT_AUTO as u32,
        files: core::ptr::null(),
        file_count: 0,
        sections: core::ptr::null(),
        section_count: 0,
        hunks: core::ptr::null(),
        hunk_count: 0,
        hunk_details: core::ptr::null(),
        error_offset: 0,
        error_line: 0,
        error_expected: core::ptr::null(),
        message,
    }
}

/// The result of a patch read (and applied, or not).
fn built(report: &EditReport) -> *mut fd_edit_result {
    let mut data = EditData { report: ReportData::new(), files: Vec::new(), texts: Vec::new() };
    let message = data.report.string(&report.message);
    for section in &report.sections {
        data.report.file(section, 0);
    }
    for file in &report.files {
        let first_hunk = data.report.hunks.len();
        for hunk in &file.hunks {
            data.report.hunk(hunk);
        }
        let (path, path_len) = data.report.path(Some(&file.path));
        let (source, source_len) = data.report.path(file.source.as_deref());
        let (text, text_len) = match &file.text {
            Some(t) if !t.is_empty() => {
                data.texts.push(t.clone());
                let t = data.texts.last().unwrap();
                (t.as_ptr(), t.len())
            }
            _ => (core::ptr::null(), 0),
        };
        let message = data.report.string(&file.message);
        data.files.push(fd_edited_file {
            path,
            path_len,
            source,
            source_len,
            text,
            text_len,
            change: file_change(file.change) as u32,
            outcome: outcome_number(file.outcome),
            first_hunk,
            hunk_count: file.hunks.len(),
            message,
        });
    }
    let mut result = empty_result(message);
    result.format = format_number(report.format);
    (result.files, result.file_count) = array(&data.files);
    (result.sections, result.section_count) = array(&data.report.files);
    (result.hunks, result.hunk_count) = array(&data.report.hunks);
    result.hunk_details = array(&data.report.details).0;
    Owned::into_raw(result, data)
}

/// The result of an error: its report, or where the patch is malformed.
fn of_error(error: &EditError) -> *mut fd_edit_result {
    match error {
        EditError::Malformed { format, error: m } => {
            let mut data = EditData { report: ReportData::new(), files: Vec::new(), texts: Vec::new() };
            let mut result = empty_result(data.report.string(&error.to_string()));
            result.format = format_number(*format);
            result.error_offset = m.offset;
            result.error_line = m.line;
            result.error_expected = data.report.string(m.expected);
            Owned::into_raw(result, data)
        }
        EditError::HunksFailed(r) | EditError::Ambiguous(r) | EditError::AlreadyApplied(r) => built(r),
    }
}

impl From<&EditError> for fd_status {
    fn from(error: &EditError) -> fd_status {
        match error {
            EditError::Malformed { .. } => fd_status::FD_ERR_PATCH_MALFORMED,
            EditError::HunksFailed(_) => fd_status::FD_ERR_PATCH_HUNK_FAILED,
            EditError::AlreadyApplied(_) => fd_status::FD_ERR_PATCH_ALREADY_APPLIED,
            EditError::Ambiguous(_) => fd_status::FD_ERR_PATCH_AMBIGUOUS,
        }
    }
}

/// Applies `patch` (a unified diff of any number of files, a `*** Begin
/// Patch` envelope, SEARCH/REPLACE blocks or a JSON list of replacements)
/// to the `n` files `files`, all or nothing. A path the patch names that is
/// not among `files` is a file that does not exist. `options` NULL means
/// the defaults (see `fd_edit_options`).
///
/// `*out` receives a result for `FD_OK` and each `FD_ERR_PATCH_*` status
/// (never for the others), which the caller releases with
/// `fd_edit_result_free`:
/// - `FD_OK`: every file the patch touches, with its new text (or deleted,
///   or moved), and every hunk `FD_HUNK_APPLIED`.
/// - `FD_ERR_PATCH_MALFORMED`: `error_offset`, `error_line`,
///   `error_expected`, and `format`.
/// - `FD_ERR_PATCH_HUNK_FAILED`: every file with its outcome (missing, in
///   the way, hunks failed) and every hunk; no texts.
/// - `FD_ERR_PATCH_AMBIGUOUS`: likewise, when every failure is a hunk that
///   matches at several places (`fd_hunk_detail.places`).
/// - `FD_ERR_PATCH_ALREADY_APPLIED`: every hunk of every file is already
///   in its applied form.
///
/// # Safety
/// `files` must be NULL with `n` 0, or point to `n` `fd_file_text` whose
/// buffers follow the conventions; `patch` must follow them; `options`
/// must be NULL or set up by `fd_edit_options_init`; `out` must point to a
/// writable pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_apply_edits(
    files: *const fd_file_text,
    n: usize,
    patch: *const u8,
    patch_len: usize,
    options: *const fd_edit_options,
    out: *mut *mut fd_edit_result,
) -> fd_status {
    guard(|| {
        let out = required(out)?;
        if files.is_null() && n > 0 {
            return Err(fd_status::FD_ERR_NULL_ARGUMENT);
        }
        if n > isize::MAX as usize / size_of::<fd_file_text>() {
            return Err(fd_status::FD_ERR_INPUT_TOO_LARGE);
        }
        // SAFETY: the caller's buffers and options follow the conventions.
        let (patch, options) = unsafe { (input(patch, patch_len)?, read(options)?) };
        let given = if n == 0 { &[][..] } else { unsafe { core::slice::from_raw_parts(files, n) } };
        let mut texts = Vec::with_capacity(n);
        for file in given {
            // SAFETY: each file's buffers follow the conventions.
            let (path, text) = unsafe { (input(file.path, file.path_len)?, input(file.text, file.text_len)?) };
            texts.push(FileText { path, text });
        }
        let (status, result) = match apply_edits(&texts, patch, &options) {
            Ok(report) => (fd_status::FD_OK, built(&report)),
            Err(error) => (fd_status::from(&error), of_error(&error)),
        };
        // SAFETY: `out` is writable.
        unsafe { out.write(result) };
        status.into_result()
    })
}

/// Reads `patch` as `fd_apply_edits` does, without applying it: its format,
/// its sections, and every file it touches (`path`, and `source`, the file
/// it reads, NULL for one it creates), hunks `FD_HUNK_NOT_TRIED`. For a
/// caller that must fetch the files first.
///
/// On `FD_OK` and `FD_ERR_PATCH_MALFORMED`, `*out` receives a result,
/// released with `fd_edit_result_free`; otherwise it is untouched.
///
/// # Safety
/// `patch` must follow the buffer conventions; `options` must be NULL or
/// set up by `fd_edit_options_init`; `out` must point to a writable
/// pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_parse_edits(
    patch: *const u8,
    patch_len: usize,
    options: *const fd_edit_options,
    out: *mut *mut fd_edit_result,
) -> fd_status {
    guard(|| {
        let out = required(out)?;
        // SAFETY: the caller's buffer and options follow the conventions.
        let (patch, options) = unsafe { (input(patch, patch_len)?, read(options)?) };
        let (status, result) = match parse_edits(patch, &options) {
            Ok(report) => (fd_status::FD_OK, built(&report)),
            Err(error) => (fd_status::from(&error), of_error(&error)),
        };
        // SAFETY: `out` is writable.
        unsafe { out.write(result) };
        status.into_result()
    })
}

/// Releases a result and everything it points to. NULL is ignored. Call it
/// exactly once per result.
///
/// # Safety
/// `result` must be NULL or a result returned by this library and not yet
/// freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_edit_result_free(result: *mut fd_edit_result) {
    // SAFETY: as promised by the caller.
    guard(|| unsafe { Owned::<fd_edit_result, EditData>::free(result) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn init() -> fd_edit_options {
        let mut o = core::mem::MaybeUninit::<fd_edit_options>::uninit();
        unsafe {
            fd_edit_options_init(o.as_mut_ptr());
            o.assume_init()
        }
    }

    #[test]
    fn options_are_read_and_checked() {
        assert_eq!(unsafe { read(core::ptr::null()) }, Ok(EditOptions::default()));
        assert_eq!(unsafe { read(&init()) }, Ok(EditOptions::default()));
        let mut o = init();
        (o.format, o.flags, o.strip, o.fuzz, o.max_offset) = (2, FD_APPLY_STRICT | FD_APPLY_REVERSE, 1, 2, 9);
        let read_back = unsafe { read(&o) }.unwrap();
        assert_eq!(read_back.format, Some(EditFormat::Envelope));
        assert_eq!((read_back.strip, read_back.apply.fuzz, read_back.apply.max_offset), (Some(1), 2, 9));
        assert!(read_back.apply.strict && read_back.apply.reverse);
        for bad in [
            fd_edit_options { format: 5, ..init() },
            fd_edit_options { flags: FD_APPLY_PARTIAL, ..init() },
            fd_edit_options { flags: 1 << 9, ..init() },
            fd_edit_options { struct_size: FD_EDIT_OPTIONS_V1_SIZE as u32 - 1, ..init() },
        ] {
            assert_eq!(unsafe { read(&bad) }, Err(fd_status::FD_ERR_INVALID_OPTIONS));
        }
    }
}
