//! Results the library allocates and C releases with one call: the struct
//! C reads, followed in the same allocation by the data its pointers point
//! into.

/// A result `R` handed to C with the data `D` its pointers point into.
#[repr(C)]
pub(super) struct Owned<R, D> {
    // First, so that a pointer to this is a pointer to the result.
    result: R,
    data: D,
}

impl<R, D> Owned<R, D> {
    /// Hands `result` over to C together with `data`, whose heap buffers
    /// `result` may point into (moving `data` does not move them).
    pub(super) fn into_raw(result: R, data: D) -> *mut R {
        Box::into_raw(Box::new(Owned { result, data })).cast()
    }

    /// Releases a result made by [`Owned::into_raw`] with the same `R` and
    /// `D`. NULL is ignored.
    ///
    /// # Safety
    /// `result` must be NULL or such a result, not yet released.
    pub(super) unsafe fn free(result: *mut R) {
        if !result.is_null() {
            // SAFETY: the result is the first field of an `Owned<R, D>`
            // made by `into_raw`, and the caller releases it once.
            drop(unsafe { Box::from_raw(result.cast::<Owned<R, D>>()) });
        }
    }
}

/// A slice as C reads it: a pointer to its first element, NULL when it is
/// empty, and its length.
pub(super) fn array<T>(items: &[T]) -> (*const T, usize) {
    if items.is_empty() { (core::ptr::null(), 0) } else { (items.as_ptr(), items.len()) }
}
