//! Status codes, and the one place where an engine error becomes one.

use core::ffi::c_char;

use crate::{ApplyError, Error};

/// The result of a fallible call. Numbers are part of the ABI: they are
/// explicit, only ever appended, and never reused.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum fd_status {
    /// Success; out-params have been written.
    FD_OK = 0,
    /// A NULL pointer where a non-empty buffer or an out-param was required.
    FD_ERR_NULL_ARGUMENT = 1,
    /// Bad options: a `struct_size` below the first version's, unknown flag
    /// bits, an unknown algorithm, merge style or favour, a marker size
    /// above `FD_MERGE_MAX_MARKER_SIZE`, or a label containing CR or LF.
    FD_ERR_INVALID_OPTIONS = 2,
    /// A documented limit was exceeded: a length above `PTRDIFF_MAX`, or
    /// more than `FD_MAX_LINES` lines to compare in one text.
    FD_ERR_INPUT_TOO_LARGE = 3,
    /// A bug in fast-diff (a caught panic); never an abort, never an unwind.
    FD_ERR_INTERNAL = 4,
    /// The patch cannot be read; the report gives the byte offset and what
    /// was expected there.
    FD_ERR_PATCH_MALFORMED = 5,
    /// At least one hunk does not apply; the report says which, why, and
    /// where the text comes closest. No text is produced unless
    /// `FD_APPLY_PARTIAL` was set.
    FD_ERR_PATCH_HUNK_FAILED = 6,
    /// The patch does not apply, but its reverse does: the text already
    /// has its changes.
    FD_ERR_PATCH_ALREADY_APPLIED = 7,
    /// The patch has sections for several files; `fd_apply_patch` applies
    /// one (split it with `fd_parse_patch`).
    FD_ERR_PATCH_MULTIPLE_FILES = 8,
    /// `fd_apply_edits`: the patch does not apply because some hunk,
    /// block or replacement matches at several places (and nothing else
    /// is wrong); the result lists the places.
    FD_ERR_PATCH_AMBIGUOUS = 9,
}

/// A status as the library may receive it from C: any 32-bit number, since a
/// C enum can hold values it does not name.
#[repr(transparent)]
#[derive(Clone, Copy)]
pub struct StatusCode(pub u32);

const UNKNOWN: &[u8] = b"unknown fd_status\0";

impl fd_status {
    fn message(code: u32) -> &'static [u8] {
        match code {
            0 => b"ok\0",
            1 => b"a required pointer argument was NULL\0",
            2 => b"invalid options (struct_size, flags, algorithm or label)\0",
            3 => b"input too large (a length above PTRDIFF_MAX or more than FD_MAX_LINES lines)\0",
            4 => b"internal error in fast-diff (a bug; please report it)\0",
            5 => b"malformed patch (the report gives the byte offset and what was expected)\0",
            6 => b"a hunk of the patch does not apply (the report says which and why)\0",
            7 => b"the patch is already applied (it applies in reverse)\0",
            8 => b"the patch changes several files; apply one file's section at a time\0",
            9 => b"a hunk of the patch matches at several places (the result lists them)\0",
            _ => UNKNOWN,
        }
    }
}

impl From<Error> for fd_status {
    fn from(error: Error) -> fd_status {
        match error {
            Error::InvalidLabel => fd_status::FD_ERR_INVALID_OPTIONS,
            Error::TooManyLines => fd_status::FD_ERR_INPUT_TOO_LARGE,
            Error::InvalidMarkerSize => fd_status::FD_ERR_INVALID_OPTIONS,
        }
    }
}

impl From<&ApplyError> for fd_status {
    fn from(error: &ApplyError) -> fd_status {
        match error {
            ApplyError::Malformed(_) => fd_status::FD_ERR_PATCH_MALFORMED,
            ApplyError::MultipleFiles { .. } => fd_status::FD_ERR_PATCH_MULTIPLE_FILES,
            ApplyError::HunksFailed { .. } => fd_status::FD_ERR_PATCH_HUNK_FAILED,
            ApplyError::AlreadyApplied { .. } => fd_status::FD_ERR_PATCH_ALREADY_APPLIED,
        }
    }
}

/// A static, NUL-terminated English description of `status`; never NULL,
/// also for numbers that are not an `fd_status`. Do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn fd_status_message(status: StatusCode) -> *const c_char {
    fd_status::message(status.0).as_ptr().cast()
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::ffi::CStr;

    #[test]
    fn every_status_has_a_message_and_unknown_numbers_too() {
        for code in [0u32, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 99, u32::MAX] {
            let message = unsafe { CStr::from_ptr(fd_status_message(StatusCode(code))) };
            assert!(!message.is_empty());
            assert_eq!(message.to_bytes() == &UNKNOWN[..UNKNOWN.len() - 1], code > 9, "{code}");
        }
    }
}
