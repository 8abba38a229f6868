//! `fd_merge_options`: versioned by size, as `fd_options` is.

use core::mem::size_of;

use super::guard::guard;
use super::options::{algorithm, label};
use super::versioned::{self, Versioned};
use super::{fd_algorithm, fd_status};
use crate::merge::{Favor, Labels, MAX_MARKER_SIZE, MergeOptions, Style};

/// How conflicts are written, for `fd_merge_options.style`.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum fd_merge_style {
    /// Ours and theirs between `<<<<<<<`, `=======` and `>>>>>>>`, narrowed
    /// to the lines that differ (git's default).
    FD_MERGE_STYLE_MERGE = 0,
    /// Also the base after `|||||||`; conflicts are not narrowed.
    FD_MERGE_STYLE_DIFF3 = 1,
    /// diff3, with lines that begin or end both sides alike moved out.
    FD_MERGE_STYLE_ZDIFF3 = 2,
}

/// How conflicts are resolved without markers, for `fd_merge_options.favor`.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum fd_merge_favor {
    /// Conflicts are marked (the default).
    FD_MERGE_FAVOR_NONE = 0,
    /// Our side of each conflict (`git merge-file --ours`).
    FD_MERGE_FAVOR_OURS = 1,
    /// Their side (`--theirs`).
    FD_MERGE_FAVOR_THEIRS = 2,
    /// Our side, then theirs (`--union`).
    FD_MERGE_FAVOR_UNION = 3,
}

/// The longest conflict markers a merge writes; a larger
/// `fd_merge_options.marker_size` is `FD_ERR_INVALID_OPTIONS`.
pub const FD_MERGE_MAX_MARKER_SIZE: u32 = 1024;
const _: () = assert!(FD_MERGE_MAX_MARKER_SIZE as usize == MAX_MARKER_SIZE);

/// Options of a merge. Always initialise with `fd_merge_options_init`, then
/// set fields; versioned by `struct_size` as `fd_options` is.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct fd_merge_options {
    /// `sizeof(fd_merge_options)` as the caller was compiled; set by
    /// `fd_merge_options_init`. Smaller than the first version of this
    /// struct (which ends with `theirs_label_len`) is invalid.
    pub struct_size: u32,
    /// An `fd_merge_style`. Default `FD_MERGE_STYLE_MERGE`.
    pub style: u32,
    /// An `fd_merge_favor`. Default `FD_MERGE_FAVOR_NONE`.
    pub favor: u32,
    /// Length of the conflict markers, at most `FD_MERGE_MAX_MARKER_SIZE`;
    /// 0 means 7, the default.
    pub marker_size: u32,
    /// The `fd_algorithm` of the diffs against the base. Default
    /// `FD_ALGORITHM_MYERS`, which runs as git's does.
    pub algorithm: u32,
    /// The label after `<<<<<<<`, `ours_label_len` bytes. `(NULL, 0)` (the
    /// default) means `ours`; an empty label writes the marker alone. No
    /// label may contain CR or LF.
    pub ours_label: *const u8,
    /// The length of `ours_label` in bytes.
    pub ours_label_len: usize,
    /// The label after `|||||||`. `(NULL, 0)` (the default) means `base`.
    pub base_label: *const u8,
    /// The length of `base_label` in bytes.
    pub base_label_len: usize,
    /// The label after `>>>>>>>`. `(NULL, 0)` (the default) means
    /// `theirs`.
    pub theirs_label: *const u8,
    /// The length of `theirs_label` in bytes.
    pub theirs_label_len: usize,
}

// SAFETY: repr(C), starts with `struct_size`; integers and pointers only.
unsafe impl Versioned for fd_merge_options {
    const V1_SIZE: usize = size_of::<fd_merge_options>();
}

impl fd_merge_options {
    fn defaults() -> fd_merge_options {
        fd_merge_options {
            struct_size: size_of::<fd_merge_options>() as u32,
            style: fd_merge_style::FD_MERGE_STYLE_MERGE as u32,
            favor: fd_merge_favor::FD_MERGE_FAVOR_NONE as u32,
            marker_size: 7,
            algorithm: fd_algorithm::FD_ALGORITHM_MYERS as u32,
            ours_label: core::ptr::null(),
            ours_label_len: 0,
            base_label: core::ptr::null(),
            base_label_len: 0,
            theirs_label: core::ptr::null(),
            theirs_label_len: 0,
        }
    }
}

/// Fills `options` with every default, including `struct_size`. NULL is
/// ignored.
///
/// # Safety
/// `options` must be NULL or point to writable memory for an
/// `fd_merge_options`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_merge_options_init(options: *mut fd_merge_options) {
    guard(|| {
        if !options.is_null() {
            // SAFETY: the caller provides room for an fd_merge_options.
            unsafe { options.write(fd_merge_options::defaults()) };
        }
    })
}

/// Reads the caller's merge options (NULL means defaults).
///
/// # Safety
/// `options` must be NULL or point to `struct_size` readable bytes that
/// start with an `fd_merge_options` prefix; its labels must follow the
/// buffer conventions and outlive `'a`.
pub(crate) unsafe fn read<'a>(options: *const fd_merge_options) -> Result<MergeOptions<'a>, fd_status> {
    // SAFETY: as promised by the caller.
    let o = unsafe { versioned::read(options, fd_merge_options::defaults()) }?;
    let style = match o.style {
        0 => Style::Merge,
        1 => Style::Diff3,
        2 => Style::Zdiff3,
        _ => return Err(fd_status::FD_ERR_INVALID_OPTIONS),
    };
    let favor = match o.favor {
        0 => None,
        1 => Some(Favor::Ours),
        2 => Some(Favor::Theirs),
        3 => Some(Favor::Union),
        _ => return Err(fd_status::FD_ERR_INVALID_OPTIONS),
    };
    if o.marker_size > FD_MERGE_MAX_MARKER_SIZE {
        return Err(fd_status::FD_ERR_INVALID_OPTIONS);
    }
    let defaults = Labels::default();
    // SAFETY: the caller's labels follow the buffer conventions.
    let labels = unsafe {
        Labels {
            ours: label(o.ours_label, o.ours_label_len)?.unwrap_or(defaults.ours),
            base: label(o.base_label, o.base_label_len)?.unwrap_or(defaults.base),
            theirs: label(o.theirs_label, o.theirs_label_len)?.unwrap_or(defaults.theirs),
        }
    };
    Ok(MergeOptions { style, favor, labels, marker_size: o.marker_size as usize, algorithm: algorithm(o.algorithm)? })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Algorithm;

    fn init() -> fd_merge_options {
        let mut o = core::mem::MaybeUninit::<fd_merge_options>::uninit();
        unsafe {
            fd_merge_options_init(o.as_mut_ptr());
            o.assume_init()
        }
    }

    #[test]
    fn null_and_init_mean_the_defaults() {
        let defaults = MergeOptions { marker_size: 7, ..MergeOptions::default() };
        assert_eq!(unsafe { read(core::ptr::null()) }, Ok(defaults));
        assert_eq!(unsafe { read(&init()) }, Ok(defaults));
    }

    #[test]
    fn fields_are_read_and_checked() {
        let mut o = init();
        (o.style, o.favor, o.marker_size, o.algorithm) = (2, 3, 0, 1);
        (o.ours_label, o.ours_label_len) = (b"HEAD".as_ptr(), 4);
        (o.theirs_label, o.theirs_label_len) = (b"".as_ptr(), 0);
        let read_back = unsafe { read(&o) }.unwrap();
        assert_eq!(
            (read_back.style, read_back.favor, read_back.marker_size, read_back.algorithm),
            (Style::Zdiff3, Some(Favor::Union), 0, Algorithm::Histogram)
        );
        assert_eq!(read_back.labels, Labels { ours: b"HEAD", base: b"base", theirs: b"" });
        for bad in [
            fd_merge_options { style: 3, ..init() },
            fd_merge_options { favor: 4, ..init() },
            fd_merge_options { algorithm: 9, ..init() },
            fd_merge_options { marker_size: FD_MERGE_MAX_MARKER_SIZE + 1, ..init() },
            fd_merge_options { base_label: b"a\rb".as_ptr(), base_label_len: 3, ..init() },
            fd_merge_options { struct_size: 8, ..init() },
        ] {
            assert_eq!(unsafe { read(&bad) }, Err(fd_status::FD_ERR_INVALID_OPTIONS));
        }
    }
}
