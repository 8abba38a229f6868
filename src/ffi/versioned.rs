//! Structs versioned by size: each begins with `struct_size`, the size the
//! caller was compiled with, and only ever grows at the end. The library
//! reads and writes `min(struct_size, its own size)` bytes, so a program
//! built against an older header keeps working; a size below the first
//! version's is `FD_ERR_INVALID_OPTIONS`.

use core::mem::size_of;

use super::fd_status;

/// A struct versioned by size.
///
/// # Safety
/// The struct is `#[repr(C)]`, begins with its `struct_size` as a `u32`,
/// and every bit pattern is a valid value of each of its fields (integers,
/// floats, raw pointers), so that any prefix of it may be copied in from C.
pub(super) unsafe trait Versioned: Sized {
    /// The size of the first version of the struct.
    const V1_SIZE: usize;
}

/// The number of bytes of the caller's `*ptr` that both sides know: its
/// `struct_size`, at most the library's size of the struct.
///
/// # Safety
/// `ptr` must point to a `T` of at least its `struct_size` bytes, with its
/// `struct_size` set.
pub(super) unsafe fn known_size<T: Versioned>(ptr: *const T) -> Result<usize, fd_status> {
    // SAFETY: every versioned struct starts with its size.
    let size = unsafe { ptr.cast::<u32>().read_unaligned() } as usize;
    if size < T::V1_SIZE {
        return Err(fd_status::FD_ERR_INVALID_OPTIONS);
    }
    Ok(size.min(size_of::<T>()))
}

/// The caller's struct, its fields beyond `struct_size` taken from
/// `defaults`; NULL means `defaults`.
///
/// # Safety
/// `ptr` must be NULL or as for [`known_size`].
pub(super) unsafe fn read<T: Versioned>(ptr: *const T, defaults: T) -> Result<T, fd_status> {
    let mut value = defaults;
    if !ptr.is_null() {
        // SAFETY: as promised by the caller.
        let known = unsafe { known_size(ptr) }?;
        // SAFETY: the caller's struct has at least `known` bytes, and every
        // bit pattern is valid for the fields they hold (`Versioned`).
        unsafe { core::ptr::copy_nonoverlapping(ptr.cast::<u8>(), (&raw mut value).cast::<u8>(), known) };
    }
    Ok(value)
}

/// Writes the first `known` bytes of `value` (from [`known_size`]) to the
/// caller's struct, except its `struct_size`: that is the caller's, and a
/// caller compiled against a newer header must find its own size there.
///
/// # Safety
/// `out` must point to at least `known` writable bytes, `known` at least
/// the size of `struct_size`.
pub(super) unsafe fn write<T: Versioned>(value: &T, out: *mut T, known: usize) {
    const SIZE_FIELD: usize = size_of::<u32>();
    debug_assert!((SIZE_FIELD..=size_of::<T>()).contains(&known));
    // SAFETY: both sides hold at least `known` bytes, and `known` is at least
    // the first version's size, which holds `struct_size`.
    unsafe {
        core::ptr::copy_nonoverlapping(
            (value as *const T).cast::<u8>().add(SIZE_FIELD),
            out.cast::<u8>().add(SIZE_FIELD),
            known - SIZE_FIELD,
        )
    };
}
