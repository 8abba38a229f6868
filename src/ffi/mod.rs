//! The C ABI: `fd_`-prefixed functions and types, described by the generated
//! header `include/fast_diff.h`. This module only translates; the engine
//! knows nothing of C.
//!
//! Conventions, shared by every function (the header repeats them for C
//! programmers):
//! - Fallible functions return an `fd_status`; out-params are written only
//!   when it is `FD_OK`.
//! - Every buffer is a pointer and a length. `(NULL, 0)` is an empty buffer;
//!   `(NULL, n > 0)` is `FD_ERR_NULL_ARGUMENT`.
//! - An `fd_buf` filled by the library belongs to the caller, who releases it
//!   with `fd_free` exactly once (`fd_free` zeroes it, so a second call is
//!   harmless).
//! - No panic unwinds into C: each entry point catches it and returns
//!   `FD_ERR_INTERNAL`.
//! - There is no global mutable state: every function is reentrant and may be
//!   called from any number of threads at once.
//! - Option structs start with `struct_size` and only ever grow at the end.

mod apply_options;
mod buf;
mod diff;
mod options;
mod patch;
mod report;
mod status;
mod structured;

pub use buf::{fd_buf, fd_free};
pub use diff::{fd_unified_diff, fd_version};
pub use options::{
    FD_FLAG_IGNORE_ALL_SPACE, FD_FLAG_IGNORE_BLANK_LINES, FD_FLAG_IGNORE_CASE, FD_FLAG_IGNORE_SPACE_CHANGE,
    FD_FLAG_STRIP_TRAILING_CR, FD_MAX_LINES, fd_algorithm, fd_options, fd_options_init,
};
pub use status::{fd_status, fd_status_message};
pub use structured::{
    fd_diff_hunks, fd_diff_line, fd_diff_stats, fd_granularity, fd_hunk, fd_hunks, fd_hunks_free, fd_line_kind,
    fd_span_kind, fd_stats, fd_word_diff, fd_word_diff_free, fd_word_diff_result, fd_word_span,
};

pub use apply_options::{
    FD_APPLY_ANY_OFFSET, FD_APPLY_IGNORE_WHITESPACE, FD_APPLY_PARTIAL, FD_APPLY_RECOUNT, FD_APPLY_REVERSE,
    FD_APPLY_STRICT_EOL, fd_apply_options, fd_apply_options_init,
};
pub use patch::{fd_apply_patch, fd_parse_patch};
pub use report::{
    fd_file_change, fd_hunk_outcome, fd_hunk_reason, fd_hunk_report, fd_match_mode, fd_patch_file, fd_patch_report,
    fd_patch_report_free,
};

use core::panic::AssertUnwindSafe;

/// Runs an entry point's body, turning a panic into `FD_ERR_INTERNAL`.
fn guard(body: impl FnOnce() -> fd_status) -> fd_status {
    std::panic::catch_unwind(AssertUnwindSafe(body)).unwrap_or(fd_status::FD_ERR_INTERNAL)
}

/// The caller's buffer as a slice: `(NULL, 0)` is empty.
///
/// # Safety
/// Unless NULL, `ptr` must point to `len` readable bytes that stay valid and
/// unmodified for `'a`.
unsafe fn input<'a>(ptr: *const u8, len: usize) -> Result<&'a [u8], fd_status> {
    if len > isize::MAX as usize {
        return Err(fd_status::FD_ERR_INPUT_TOO_LARGE);
    }
    if ptr.is_null() {
        return if len == 0 { Ok(&[]) } else { Err(fd_status::FD_ERR_NULL_ARGUMENT) };
    }
    // SAFETY: non-NULL, and the caller promises `len` readable bytes.
    Ok(unsafe { core::slice::from_raw_parts(ptr, len) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_internal_error() {
        assert_eq!(guard(|| panic!("boom")), fd_status::FD_ERR_INTERNAL);
        assert_eq!(guard(|| fd_status::FD_OK), fd_status::FD_OK);
    }

    #[test]
    fn input_conventions() {
        assert_eq!(unsafe { input(core::ptr::null(), 0) }, Ok(&[][..]));
        assert_eq!(unsafe { input(core::ptr::null(), 1) }, Err(fd_status::FD_ERR_NULL_ARGUMENT));
        assert_eq!(unsafe { input(b"x".as_ptr(), usize::MAX) }, Err(fd_status::FD_ERR_INPUT_TOO_LARGE));
        assert_eq!(unsafe { input(b"xy".as_ptr(), 2) }, Ok(&b"xy"[..]));
    }
}
