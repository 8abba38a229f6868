//! `fd_apply_options`: how forgiving `fd_apply_patch` is. Versioned by
//! size like `fd_options`.

use core::mem::{offset_of, size_of};

use super::fd_status;
use super::guard::guard;
use super::versioned::{self, Versioned};
use crate::ApplyOptions;

/// Recount hunk bodies instead of trusting the line counts in their
/// headers, and accept bare `@@` headers (such a hunk is looked for
/// anywhere after the previous one and must be found at exactly one place).
pub const FD_APPLY_RECOUNT: u32 = 1 << 0;
/// Apply the patch backwards: undo it.
pub const FD_APPLY_REVERSE: u32 = 1 << 1;
/// Compare lines ignoring the amount of whitespace and whitespace at line
/// ends, as `diff -b` does.
pub const FD_APPLY_IGNORE_WHITESPACE: u32 = 1 << 2;
/// Line ends must match exactly: no CRLF/LF tolerance.
pub const FD_APPLY_STRICT_EOL: u32 = 1 << 3;
/// When hunks fail, still write the text with the hunks that apply to
/// `out` (the status is still `FD_ERR_PATCH_HUNK_FAILED`).
pub const FD_APPLY_PARTIAL: u32 = 1 << 4;
/// Read and match as fast-diff 0.1 did: hunk line counts are trusted (a
/// body that disagrees with them is `FD_ERR_PATCH_MALFORMED`, a bare `@@`
/// too) and lines compare exactly or ignoring line ends only. Without it
/// (the default since fast-diff 0.2), such bodies are recounted and the
/// matching ladder goes on to ignore trailing whitespace, then indentation,
/// then typographic punctuation.
pub const FD_APPLY_STRICT: u32 = 1 << 5;
/// `max_offset` meaning "anywhere" (the default).
pub const FD_APPLY_ANY_OFFSET: u64 = u64::MAX;

pub(crate) const KNOWN_FLAGS: u32 = FD_APPLY_RECOUNT
    | FD_APPLY_REVERSE
    | FD_APPLY_IGNORE_WHITESPACE
    | FD_APPLY_STRICT_EOL
    | FD_APPLY_PARTIAL
    | FD_APPLY_STRICT;

/// Options of `fd_apply_patch`. Always initialise with
/// `fd_apply_options_init`, then set fields: the library reads
/// `min(struct_size, its own size)` bytes and uses defaults for the rest,
/// and fields are only ever appended.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct fd_apply_options {
    /// `sizeof(fd_apply_options)` as the caller was compiled; set by
    /// `fd_apply_options_init`. Smaller than the first version (which ends
    /// with `fuzz`) is `FD_ERR_INVALID_OPTIONS`.
    pub struct_size: u32,
    /// `FD_APPLY_*` bits; any other bit is `FD_ERR_INVALID_OPTIONS`.
    /// Default 0.
    pub flags: u32,
    /// How many lines from its expected line (its stated line, moved by the
    /// offset the previous hunk needed, as in GNU patch) a hunk is looked
    /// for. Default `FD_APPLY_ANY_OFFSET`: anywhere after the previous hunk;
    /// 0 means only at the expected line.
    pub max_offset: u64,
    /// GNU-style fuzz: how many context lines at each edge of a hunk may
    /// differ, tried from 0 up. Default 0. Capped so that at least one
    /// context line of the hunk's longer side is checked.
    pub fuzz: u32,
}

/// The size of the first version of `fd_apply_options`.
pub(crate) const FD_APPLY_OPTIONS_V1_SIZE: u32 = (offset_of!(fd_apply_options, fuzz) + size_of::<u32>()) as u32;

// SAFETY: repr(C), starts with `struct_size`; integers only.
unsafe impl Versioned for fd_apply_options {
    const V1_SIZE: usize = FD_APPLY_OPTIONS_V1_SIZE as usize;
}

impl fd_apply_options {
    fn defaults() -> fd_apply_options {
        fd_apply_options {
            struct_size: size_of::<fd_apply_options>() as u32,
            flags: 0,
            max_offset: FD_APPLY_ANY_OFFSET,
            fuzz: 0,
        }
    }
}

/// Fills `options` with every default, including `struct_size`. NULL is
/// ignored.
///
/// # Safety
/// `options` must be NULL or point to writable memory for an
/// `fd_apply_options`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_apply_options_init(options: *mut fd_apply_options) {
    guard(|| {
        if !options.is_null() {
            // SAFETY: the caller provides room for an fd_apply_options.
            unsafe { options.write(fd_apply_options::defaults()) };
        }
    })
}

/// Reads the caller's options (NULL means defaults).
///
/// # Safety
/// `options` must be NULL or point to `struct_size` readable bytes that
/// start with an `fd_apply_options` prefix.
pub(crate) unsafe fn read(options: *const fd_apply_options) -> Result<ApplyOptions, fd_status> {
    // SAFETY: as promised by the caller.
    let o = unsafe { versioned::read(options, fd_apply_options::defaults()) }?;
    if o.flags & !KNOWN_FLAGS != 0 {
        return Err(fd_status::FD_ERR_INVALID_OPTIONS);
    }
    let flag = |bit| o.flags & bit != 0;
    Ok(ApplyOptions {
        max_offset: usize::try_from(o.max_offset).unwrap_or(usize::MAX),
        fuzz: o.fuzz as usize,
        recount: flag(FD_APPLY_RECOUNT),
        strict: flag(FD_APPLY_STRICT),
        reverse: flag(FD_APPLY_REVERSE),
        ignore_whitespace: flag(FD_APPLY_IGNORE_WHITESPACE),
        strict_line_endings: flag(FD_APPLY_STRICT_EOL),
        partial: flag(FD_APPLY_PARTIAL),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn init() -> fd_apply_options {
        let mut o = core::mem::MaybeUninit::<fd_apply_options>::uninit();
        unsafe {
            fd_apply_options_init(o.as_mut_ptr());
            o.assume_init()
        }
    }

    #[test]
    fn null_and_init_mean_defaults() {
        assert_eq!(unsafe { read(core::ptr::null()) }, Ok(ApplyOptions::default()));
        assert_eq!(unsafe { read(&init()) }, Ok(ApplyOptions::default()));
    }

    #[test]
    fn every_flag_and_field_is_read() {
        let mut o = init();
        o.flags = KNOWN_FLAGS;
        o.max_offset = 7;
        o.fuzz = 2;
        let read_back = unsafe { read(&o) }.unwrap();
        assert_eq!(
            read_back,
            ApplyOptions {
                max_offset: 7,
                fuzz: 2,
                recount: true,
                strict: true,
                reverse: true,
                ignore_whitespace: true,
                strict_line_endings: true,
                partial: true
            }
        );
    }

    #[test]
    fn bad_sizes_and_flags_are_invalid() {
        let mut o = init();
        o.flags = 1 << 6;
        assert_eq!(unsafe { read(&o) }, Err(fd_status::FD_ERR_INVALID_OPTIONS));
        let mut o = init();
        o.struct_size = FD_APPLY_OPTIONS_V1_SIZE - 1;
        assert_eq!(unsafe { read(&o) }, Err(fd_status::FD_ERR_INVALID_OPTIONS));
        o.struct_size = FD_APPLY_OPTIONS_V1_SIZE;
        o.fuzz = 1;
        assert_eq!(unsafe { read(&o) }.map(|r| r.fuzz), Ok(1));
    }
}
