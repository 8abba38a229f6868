//! `fd_apply_patch` and `fd_parse_patch`.

use super::guard::guard;
use super::pointers::{input, required};
use super::report::{Builder, fd_patch_report};
use super::{apply_options, fd_apply_options, fd_buf, fd_status};
use crate::{ApplyError, apply_patch, parse_patch};

/// Applies the single-file unified diff `patch` to `text`.
///
/// Reads GNU diff, git and difflib output, with or without `\ No newline at
/// end of file`, skipping text around the diff (a mail, a commit message).
/// An empty patch, the diff of identical texts, gives the text back.
/// `options` NULL means the defaults (see `fd_apply_options`).
///
/// All or nothing: `*out` receives the new text only on `FD_OK`, or on
/// `FD_ERR_PATCH_HUNK_FAILED` when `FD_APPLY_PARTIAL` asked for the text
/// with the hunks that apply; on every other status it is left untouched.
/// The caller owns `*out` and releases it with `fd_free`.
///
/// Unless `report` is NULL, `*report` receives a report for `FD_OK` and
/// each `FD_ERR_PATCH_*` status (never for the others), which the caller
/// releases with `fd_patch_report_free`:
/// - `FD_OK`: one `FD_HUNK_APPLIED` entry per hunk, and the file.
/// - `FD_ERR_PATCH_MALFORMED`: `error_offset`, `error_line`,
///   `error_expected`; no hunks.
/// - `FD_ERR_PATCH_HUNK_FAILED`: every hunk, `FD_HUNK_FAILED` with its
///   reason and closest candidate, `FD_HUNK_ALREADY_APPLIED`, or
///   `FD_HUNK_APPLIED` (would apply).
/// - `FD_ERR_PATCH_ALREADY_APPLIED`: every hunk `FD_HUNK_ALREADY_APPLIED`.
/// - `FD_ERR_PATCH_MULTIPLE_FILES`: every file section, no hunks; pass each
///   section's bytes to `fd_apply_patch` on its own.
///
/// # Safety
/// `text` and `patch` must follow the buffer conventions; `options` must be
/// NULL or set up by `fd_apply_options_init`; `out` must point to a
/// writable `fd_buf`; `report` must be NULL or point to a writable pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_apply_patch(
    text: *const u8,
    text_len: usize,
    patch: *const u8,
    patch_len: usize,
    options: *const fd_apply_options,
    out: *mut fd_buf,
    report: *mut *mut fd_patch_report,
) -> fd_status {
    guard(|| {
        let out = required(out)?;
        // SAFETY: the caller's buffers and options follow the conventions.
        let (text, patch, options) =
            unsafe { (input(text, text_len)?, input(patch, patch_len)?, apply_options::read(options)?) };
        let (status, new_text, built) = match apply_patch(text, patch, &options) {
            Ok(applied) => (fd_status::FD_OK, Some(applied.text), Builder::applied(&applied.report)),
            Err(error) => {
                let built = Builder::error(&error);
                let status = fd_status::from(&error);
                let partial = match error {
                    ApplyError::HunksFailed { partial, .. } => partial,
                    _ => None,
                };
                (status, partial, built)
            }
        };
        if let Some(new_text) = new_text {
            // SAFETY: `out` is writable.
            unsafe { out.write(fd_buf::from_vec(new_text)) };
        }
        if !report.is_null() {
            // SAFETY: `report` is non-NULL and writable.
            unsafe { report.write(built.finish()) };
        }
        status.into_result()
    })
}

/// Reads `patch` into its file sections and hunks without applying it, for
/// patches of several files: each `fd_patch_file` gives a section's bytes,
/// which `fd_apply_patch` applies to that file's text. Only
/// `FD_APPLY_STRICT` and `FD_APPLY_RECOUNT` in `options` matter here (NULL
/// means neither): hunks whose counts disagree with their bodies, and bare
/// `@@` headers, are read unless `FD_APPLY_STRICT` (without
/// `FD_APPLY_RECOUNT`) is set, as `fd_apply_patch` reads them.
///
/// On `FD_OK` and `FD_ERR_PATCH_MALFORMED`, `*report` receives a report
/// (hunks `FD_HUNK_NOT_TRIED`; for a malformed patch, the error fields),
/// released with `fd_patch_report_free`; otherwise it is untouched.
///
/// # Safety
/// `patch` must follow the buffer conventions; `options` must be NULL or
/// set up by `fd_apply_options_init`; `report` must point to a writable
/// pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_parse_patch(
    patch: *const u8,
    patch_len: usize,
    options: *const fd_apply_options,
    report: *mut *mut fd_patch_report,
) -> fd_status {
    guard(|| {
        let report = required(report)?;
        // SAFETY: the caller's buffer and options follow the conventions.
        let (patch, options) = unsafe { (input(patch, patch_len)?, apply_options::read(options)?) };
        let (status, built) = match parse_patch(patch, options.lenient()) {
            Ok(parsed) => (fd_status::FD_OK, Builder::parsed(&parsed)),
            Err(malformed) => (fd_status::FD_ERR_PATCH_MALFORMED, Builder::malformed(&malformed)),
        };
        // SAFETY: `report` is writable.
        unsafe { report.write(built.finish()) };
        status.into_result()
    })
}
