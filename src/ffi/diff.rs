//! `fd_unified_diff` and `fd_version`.

use core::ffi::c_char;

use super::{fd_buf, fd_options, fd_status, guard, input, options};
use crate::{Error, unified_diff};

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
        if out.is_null() {
            return fd_status::FD_ERR_NULL_ARGUMENT;
        }
        // SAFETY: the caller's buffers and options follow the conventions.
        let (old, new, options) =
            match unsafe { (input(old_text, old_len), input(new_text, new_len), options::read(options)) } {
                (Ok(old), Ok(new), Ok(options)) => (old, new, options),
                (Err(status), _, _) | (_, Err(status), _) | (_, _, Err(status)) => return status,
            };
        match unified_diff(old, new, &options) {
            Ok(diff) => {
                // SAFETY: `out` is non-NULL and writable.
                unsafe { out.write(fd_buf::from_vec(diff)) };
                fd_status::FD_OK
            }
            Err(Error::InvalidLabel) => fd_status::FD_ERR_INVALID_OPTIONS,
            Err(Error::TooManyLines) => fd_status::FD_ERR_INPUT_TOO_LARGE,
        }
    })
}

/// The library's version, e.g. "0.1.0": static, NUL-terminated, never NULL.
#[unsafe(no_mangle)]
pub extern "C" fn fd_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}
