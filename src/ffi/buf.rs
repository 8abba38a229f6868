//! Output buffers owned by the caller.

use super::guard::guard;

/// Bytes returned by the library. After a successful call the caller owns
/// them and must release them with `fd_free` exactly once. An empty result
/// is `{NULL, 0}`.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct fd_buf {
    /// The first byte; NULL when `len` is 0.
    pub ptr: *mut u8,
    /// The number of bytes.
    pub len: usize,
}

impl fd_buf {
    /// Hands `bytes` over to C.
    pub(crate) fn from_vec(bytes: Vec<u8>) -> fd_buf {
        if bytes.is_empty() {
            return fd_buf { ptr: core::ptr::null_mut(), len: 0 };
        }
        let boxed = bytes.into_boxed_slice();
        let len = boxed.len();
        fd_buf { ptr: Box::into_raw(boxed).cast(), len }
    }
}

/// Releases the bytes of `buf` and zeroes it, so that freeing it again, or
/// freeing a zeroed `fd_buf`, does nothing. `buf` may be NULL.
///
/// # Safety
/// `buf` must be NULL or point to an `fd_buf` that is zeroed or was filled by
/// this library and not modified since.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_free(buf: *mut fd_buf) {
    guard(|| {
        // SAFETY: the caller passes NULL or a valid fd_buf.
        if let Some(buf) = unsafe { buf.as_mut() } {
            if !buf.ptr.is_null() && buf.len != 0 {
                // SAFETY: ptr and len came from `from_vec`'s boxed slice.
                drop(unsafe { Box::from_raw(core::ptr::slice_from_raw_parts_mut(buf.ptr, buf.len)) });
            }
            buf.ptr = core::ptr::null_mut();
            buf.len = 0;
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_is_null_safe_and_idempotent() {
        unsafe { fd_free(core::ptr::null_mut()) };
        let mut buf = fd_buf::from_vec(b"hello".to_vec());
        assert_eq!(buf.len, 5);
        unsafe { fd_free(&mut buf) };
        assert!(buf.ptr.is_null() && buf.len == 0);
        unsafe { fd_free(&mut buf) };
        let empty = fd_buf::from_vec(Vec::new());
        assert!(empty.ptr.is_null() && empty.len == 0);
    }
}
