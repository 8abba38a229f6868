//! `fd_options`: versioned by size, so that fields can be appended without
//! breaking programs compiled against an older header.

use core::mem::{offset_of, size_of};
use std::time::Duration;

use super::fd_status;
use super::guard::guard;
use super::pointers::input;
use super::versioned::{self, Versioned};
use crate::{Algorithm, DiffOptions, MAX_LINES, Modes};

/// The line-matching algorithms, for `fd_options.algorithm`.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum fd_algorithm {
    /// Myers with GNU diff's cost limits: minimal diffs when cheap (default).
    FD_ALGORITHM_MYERS = 0,
    /// git's histogram diff: anchors on rare lines, reads well on code.
    FD_ALGORITHM_HISTOGRAM = 1,
    /// Patience diff: anchors on lines unique to both sides.
    FD_ALGORITHM_PATIENCE = 2,
}

/// The most lines of one text that a diff compares (beyond the common
/// beginning and end of the two texts); more is `FD_ERR_INPUT_TOO_LARGE`.
pub const FD_MAX_LINES: u32 = 1_073_741_823;
const _: () = assert!(FD_MAX_LINES as usize == MAX_LINES);

/// Options of a diff. Always initialise with `fd_options_init`, then set
/// fields: the library reads `min(struct_size, its own size)` bytes and
/// uses defaults for the rest, so a program compiled against an older header
/// keeps working, and fields are only ever appended.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct fd_options {
    /// `sizeof(fd_options)` as the caller was compiled; set by
    /// `fd_options_init`. Smaller than the first version of this struct
    /// (which ends with `deadline_ms`) is invalid.
    pub struct_size: u32,
    /// Unchanged lines shown around each change. Default 3.
    pub context_lines: u32,
    /// Label on the `---` line, `old_label_len` bytes. NULL (the default)
    /// means `original`. Must not contain CR or LF.
    pub old_label: *const u8,
    /// The length of `old_label` in bytes.
    pub old_label_len: usize,
    /// Label on the `+++` line. NULL (the default) means `modified`.
    pub new_label: *const u8,
    /// The length of `new_label` in bytes.
    pub new_label_len: usize,
    /// An `fd_algorithm`. Default `FD_ALGORITHM_MYERS`.
    pub algorithm: u32,
    /// Comparison modes, `FD_FLAG_*` bits; any other bit is
    /// `FD_ERR_INVALID_OPTIONS`. Lines that differ only in ignored ways count
    /// as equal; the diff still shows real lines (context and removed lines
    /// from the old text, added lines from the new), so it applies to the
    /// old text. Default 0: lines are equal only when their bytes are.
    pub flags: u32,
    /// Time limit in milliseconds for finding a small diff; 0 (the default)
    /// means none. When it passes the rest of the input is diffed coarsely
    /// (larger hunks): still a correct diff, never an error, never a hang.
    pub deadline_ms: u64,
}

/// The size of the first version of `fd_options`; a smaller `struct_size`
/// is `FD_ERR_INVALID_OPTIONS`.
pub(crate) const FD_OPTIONS_V1_SIZE: u32 = (offset_of!(fd_options, deadline_ms) + size_of::<u64>()) as u32;

// SAFETY: repr(C), starts with `struct_size`; integers and pointers only.
unsafe impl Versioned for fd_options {
    const V1_SIZE: usize = FD_OPTIONS_V1_SIZE as usize;
}

/// `fd_options.flags`: ignore changes in the amount of white space (`diff -b`).
pub const FD_FLAG_IGNORE_SPACE_CHANGE: u32 = 1;
const _: () = assert!(FD_FLAG_IGNORE_SPACE_CHANGE == Modes::IGNORE_SPACE_CHANGE.bits());
/// `fd_options.flags`: ignore all white space (`diff -w`).
pub const FD_FLAG_IGNORE_ALL_SPACE: u32 = 2;
const _: () = assert!(FD_FLAG_IGNORE_ALL_SPACE == Modes::IGNORE_ALL_SPACE.bits());
/// `fd_options.flags`: do not show changes whose lines are all blank
/// (`diff -B`), unless they fall inside a hunk shown for other changes.
pub const FD_FLAG_IGNORE_BLANK_LINES: u32 = 4;
const _: () = assert!(FD_FLAG_IGNORE_BLANK_LINES == Modes::IGNORE_BLANK_LINES.bits());
/// `fd_options.flags`: ASCII letters compare without regard to case (`diff -i`).
pub const FD_FLAG_IGNORE_CASE: u32 = 8;
const _: () = assert!(FD_FLAG_IGNORE_CASE == Modes::IGNORE_CASE.bits());
/// `fd_options.flags`: ignore a CR just before the end of a line
/// (`diff --strip-trailing-cr`).
pub const FD_FLAG_STRIP_TRAILING_CR: u32 = 16;
const _: () = assert!(FD_FLAG_STRIP_TRAILING_CR == Modes::STRIP_TRAILING_CR.bits());

impl fd_options {
    fn defaults() -> fd_options {
        fd_options {
            struct_size: size_of::<fd_options>() as u32,
            context_lines: 3,
            old_label: core::ptr::null(),
            old_label_len: 0,
            new_label: core::ptr::null(),
            new_label_len: 0,
            algorithm: fd_algorithm::FD_ALGORITHM_MYERS as u32,
            flags: 0,
            deadline_ms: 0,
        }
    }
}

/// Fills `options` with every default, including `struct_size`. NULL is
/// ignored.
///
/// # Safety
/// `options` must be NULL or point to writable memory for an `fd_options`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_options_init(options: *mut fd_options) {
    guard(|| {
        if !options.is_null() {
            // SAFETY: the caller provides room for an fd_options.
            unsafe { options.write(fd_options::defaults()) };
        }
    })
}

/// Reads the caller's options (NULL means defaults) into engine options.
///
/// # Safety
/// `options` must be NULL or point to `struct_size` readable bytes that
/// start with an `fd_options` prefix; its labels must follow the buffer
/// conventions and outlive `'a`.
pub(crate) unsafe fn read<'a>(options: *const fd_options) -> Result<DiffOptions<'a>, fd_status> {
    // SAFETY: as promised by the caller.
    let o = unsafe { versioned::read(options, fd_options::defaults()) }?;
    let algorithm = algorithm(o.algorithm)?;
    let modes = Modes::from_bits(o.flags).ok_or(fd_status::FD_ERR_INVALID_OPTIONS)?;
    let defaults = DiffOptions::default();
    // SAFETY: the caller's labels follow the buffer conventions.
    let old_label = unsafe { label(o.old_label, o.old_label_len) }?.unwrap_or(defaults.old_label);
    let new_label = unsafe { label(o.new_label, o.new_label_len) }?.unwrap_or(defaults.new_label);
    Ok(DiffOptions {
        context_lines: o.context_lines as usize,
        old_label,
        new_label,
        algorithm,
        deadline: (o.deadline_ms != 0).then(|| Duration::from_millis(o.deadline_ms)),
        modes,
    })
}

/// The algorithm an `fd_algorithm` number names.
pub(super) fn algorithm(value: u32) -> Result<Algorithm, fd_status> {
    match value {
        0 => Ok(Algorithm::Myers),
        1 => Ok(Algorithm::Histogram),
        2 => Ok(Algorithm::Patience),
        _ => Err(fd_status::FD_ERR_INVALID_OPTIONS),
    }
}

/// A label: `(NULL, 0)` means the default (None); `(NULL, n > 0)` is
/// `FD_ERR_NULL_ARGUMENT`, as for every buffer. Too long a length, or a CR
/// or LF in it, is `FD_ERR_INVALID_OPTIONS`.
///
/// # Safety
/// As for [`input`].
pub(super) unsafe fn label<'a>(ptr: *const u8, len: usize) -> Result<Option<&'a [u8]>, fd_status> {
    if ptr.is_null() {
        return if len == 0 { Ok(None) } else { Err(fd_status::FD_ERR_NULL_ARGUMENT) };
    }
    // SAFETY: as promised by the caller; non-NULL, so only the length can
    // be refused.
    let label = unsafe { input(ptr, len) }.map_err(|_| fd_status::FD_ERR_INVALID_OPTIONS)?;
    if label.iter().any(|&b| b == b'\n' || b == b'\r') {
        return Err(fd_status::FD_ERR_INVALID_OPTIONS);
    }
    Ok(Some(label))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn init() -> fd_options {
        let mut o = core::mem::MaybeUninit::<fd_options>::uninit();
        unsafe {
            fd_options_init(o.as_mut_ptr());
            o.assume_init()
        }
    }

    #[test]
    fn null_means_defaults() {
        assert_eq!(unsafe { read(core::ptr::null()) }, Ok(DiffOptions::default()));
        assert_eq!(unsafe { read(&init()) }, Ok(DiffOptions::default()));
    }

    #[test]
    fn a_short_struct_size_reads_only_its_prefix() {
        let mut o = init();
        o.context_lines = 7;
        o.deadline_ms = 5;
        o.struct_size = FD_OPTIONS_V1_SIZE;
        let read_back = unsafe { read(&o) }.unwrap();
        assert_eq!((read_back.context_lines, read_back.deadline), (7, Some(Duration::from_millis(5))));
        o.struct_size = FD_OPTIONS_V1_SIZE - 1;
        assert_eq!(unsafe { read(&o) }, Err(fd_status::FD_ERR_INVALID_OPTIONS));
        o.struct_size = 0;
        assert_eq!(unsafe { read(&o) }, Err(fd_status::FD_ERR_INVALID_OPTIONS));
    }

    #[test]
    fn invalid_fields_are_rejected() {
        let mut o = init();
        o.algorithm = 3;
        assert_eq!(unsafe { read(&o) }, Err(fd_status::FD_ERR_INVALID_OPTIONS));
        let mut o = init();
        o.flags = 1 << 31;
        assert_eq!(unsafe { read(&o) }, Err(fd_status::FD_ERR_INVALID_OPTIONS));
        o.flags = FD_FLAG_IGNORE_CASE | FD_FLAG_IGNORE_BLANK_LINES;
        assert_eq!(unsafe { read(&o) }.unwrap().modes, Modes::IGNORE_CASE | Modes::IGNORE_BLANK_LINES);
        let mut o = init();
        o.new_label = b"a\nb".as_ptr();
        o.new_label_len = 3;
        assert_eq!(unsafe { read(&o) }, Err(fd_status::FD_ERR_INVALID_OPTIONS));
    }

    #[test]
    fn labels_are_read() {
        let mut o = init();
        o.old_label = b"a/file.c".as_ptr();
        o.old_label_len = 8;
        o.new_label = b"".as_ptr();
        o.new_label_len = 0;
        let read_back = unsafe { read(&o) }.unwrap();
        assert_eq!((read_back.old_label, read_back.new_label), (&b"a/file.c"[..], &b""[..]));
    }
}
