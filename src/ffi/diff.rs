//! `fd_unified_diff` and `fd_version`, and the reading of a diff call's
//! arguments that every diff entry point shares.

use core::ffi::c_char;

use super::guard::guard;
use super::pointers::{input, required};
use super::{fd_buf, fd_options, fd_status, options};
use crate::{DiffOptions, LineDiff, diff_lines, unified_diff};

/// A diff call's inputs and options, read and checked in the order every
/// diff entry point reports their errors: old text, new text, options.
///
/// # Safety
/// Buffers and `options` as for `fd_unified_diff`.
pub(super) unsafe fn diff_args<'a>(
    old_text: *const u8,
    old_len: usize,
    new_text: *const u8,
    new_len: usize,
    options: *const fd_options,
) -> Result<(&'a [u8], &'a [u8], DiffOptions<'a>), fd_status> {
    // SAFETY: the caller's buffers and options follow the conventions.
    unsafe { Ok((input(old_text, old_len)?, input(new_text, new_len)?, options::read(options)?)) }
}

/// Reads a diff call's arguments and computes the line diff.
///
/// # Safety
/// Buffers and `options` as for `fd_unified_diff`.
pub(super) unsafe fn line_diff<'a>(
    old_text: *const u8,
    old_len: usize,
    new_text: *const u8,
    new_len: usize,
    options: *const fd_options,
) -> Result<(LineDiff<'a>, DiffOptions<'a>), fd_status> {
    // SAFETY: as promised by the caller.
    let (old, new, options) = unsafe { diff_args(old_text, old_len, new_text, new_len, options) }?;
    Ok((diff_lines(old, new, &options)?, options))
}

/// Writes into `out` the unified diff that turns the `old_len` bytes at
/// `old_text` into the `new_len` bytes at `new_text`, exactly as
/// `diff -u --label original --label modified` would (no timestamps).
/// Identical texts give `{NULL, 0}`. `options` NULL means the defaults.
///
/// Any bytes are valid input: NUL, invalid UTF-8, CR, CRLF and a missing final
/// newline are carried through unchanged. On `FD_OK` the caller owns `*out`
/// and releases it with `fd_free`; on any other status `*out` is untouched.
///
/// # Safety
/// Each buffer must follow the conventions: NULL with length 0, or pointing
/// to that many readable bytes for the duration of the call. `options` must
/// be NULL or an `fd_options` set up by `fd_options_init`. `out` must point
/// to a writable `fd_buf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_unified_diff(
    old_text: *const u8,
    old_len: usize,
    new_text: *const u8,
    new_len: usize,
    options: *const fd_options,
    out: *mut fd_buf,
) -> fd_status {
    guard(|| {
        let out = required(out)?;
        // SAFETY: as promised by the caller.
        let (old, new, options) = unsafe { diff_args(old_text, old_len, new_text, new_len, options) }?;
        let diff = unified_diff(old, new, &options)?;
        // SAFETY: `out` is writable.
        unsafe { out.write(fd_buf::from_vec(diff)) };
        Ok(())
    })
}

/// The version of the library loaded, e.g. "0.1.0": static, NUL-terminated,
/// never NULL. A program compares it with the header's `FD_VERSION_STRING`
/// (or `FD_VERSION_MAJOR`, `_MINOR`, `_PATCH`), the version it was compiled
/// against.
#[unsafe(no_mangle)]
pub extern "C" fn fd_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}
