//! Checking the pointers C passes in, once for every entry point: a buffer
//! is a pointer and a length, `(NULL, 0)` is empty, and a required pointer
//! (an out-param) is never NULL.

use core::ptr::NonNull;

use super::fd_status;

/// The caller's buffer as a slice: `(NULL, 0)` is empty, `(NULL, n > 0)` is
/// `FD_ERR_NULL_ARGUMENT` whatever `n`, and a non-NULL pointer with a length
/// above `isize::MAX` (`PTRDIFF_MAX`) is `FD_ERR_INPUT_TOO_LARGE`. The NULL
/// check comes first because it is what the caller got wrong: no length
/// makes a NULL pointer readable.
///
/// # Safety
/// Unless NULL, `ptr` must point to `len` readable bytes that stay valid and
/// unmodified for `'a`.
pub(super) unsafe fn input<'a>(ptr: *const u8, len: usize) -> Result<&'a [u8], fd_status> {
    if ptr.is_null() {
        return if len == 0 { Ok(&[]) } else { Err(fd_status::FD_ERR_NULL_ARGUMENT) };
    }
    if len > isize::MAX as usize {
        return Err(fd_status::FD_ERR_INPUT_TOO_LARGE);
    }
    // SAFETY: non-NULL, and the caller promises `len` readable bytes.
    Ok(unsafe { core::slice::from_raw_parts(ptr, len) })
}

/// A pointer the call cannot do without, such as an out-param: NULL is
/// `FD_ERR_NULL_ARGUMENT`.
pub(super) fn required<T>(ptr: *mut T) -> Result<NonNull<T>, fd_status> {
    NonNull::new(ptr).ok_or(fd_status::FD_ERR_NULL_ARGUMENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_conventions() {
        assert_eq!(unsafe { input(core::ptr::null(), 0) }, Ok(&[][..]));
        assert_eq!(unsafe { input(core::ptr::null(), 1) }, Err(fd_status::FD_ERR_NULL_ARGUMENT));
        assert_eq!(unsafe { input(core::ptr::null(), usize::MAX) }, Err(fd_status::FD_ERR_NULL_ARGUMENT));
        assert_eq!(unsafe { input(b"x".as_ptr(), usize::MAX) }, Err(fd_status::FD_ERR_INPUT_TOO_LARGE));
        assert_eq!(unsafe { input(b"xy".as_ptr(), 2) }, Ok(&b"xy"[..]));
    }

    #[test]
    fn required_pointers_are_not_null() {
        assert_eq!(required(core::ptr::null_mut::<u8>()), Err(fd_status::FD_ERR_NULL_ARGUMENT));
        let mut x = 0u8;
        assert!(required(&raw mut x).is_ok());
    }
}
