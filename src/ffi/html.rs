//! `fd_html_options`, `fd_html_diff` and `fd_html_diff_files`: diffs as a
//! self-contained HTML page.

use core::mem::{offset_of, size_of};

use super::diff::diff_args;
use super::guard::guard;
use super::options;
use super::pointers::{input, required};
use super::versioned::{self, Versioned};
use super::{fd_buf, fd_options, fd_status};
use crate::{Granularity, HtmlFile, HtmlLayout, HtmlOptions, html_diff, html_diff_files};

/// Page layouts, for `fd_html_options.layout`.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum fd_html_layout {
    /// Old on the left, new on the right (default).
    FD_HTML_SIDE_BY_SIDE = 0,
    /// One column: removed lines, then added lines.
    FD_HTML_LINE_BY_LINE = 1,
}

/// Options of an HTML page. Initialise with `fd_html_options_init`, then
/// set fields; versioned by `struct_size` as `fd_options` is.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct fd_html_options {
    /// `sizeof(fd_html_options)` as the caller was compiled; set by
    /// `fd_html_options_init`.
    pub struct_size: u32,
    /// An `fd_html_layout`. Default `FD_HTML_SIDE_BY_SIDE`.
    pub layout: u32,
    /// The page's title, `title_len` bytes (any bytes; shown as text).
    /// NULL (the default) or empty names the files.
    pub title: *const u8,
    /// The length of `title` in bytes.
    pub title_len: usize,
    /// An `fd_granularity`: what the marks inside changed lines mark.
    /// Default `FD_GRANULARITY_WORDS`.
    pub granularity: u32,
}

const FD_HTML_OPTIONS_V1_SIZE: usize = offset_of!(fd_html_options, granularity) + size_of::<u32>();

// SAFETY: repr(C), starts with `struct_size`; integers and pointers only.
unsafe impl Versioned for fd_html_options {
    const V1_SIZE: usize = FD_HTML_OPTIONS_V1_SIZE;
}

impl fd_html_options {
    fn defaults() -> fd_html_options {
        fd_html_options {
            struct_size: size_of::<fd_html_options>() as u32,
            layout: fd_html_layout::FD_HTML_SIDE_BY_SIDE as u32,
            title: core::ptr::null(),
            title_len: 0,
            granularity: 0,
        }
    }
}

/// Fills `options` with every default, including `struct_size`. NULL is
/// ignored.
///
/// # Safety
/// `options` must be NULL or point to writable memory for an
/// `fd_html_options`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_html_options_init(options: *mut fd_html_options) {
    guard(|| {
        if !options.is_null() {
            // SAFETY: the caller provides room for an fd_html_options.
            unsafe { options.write(fd_html_options::defaults()) };
        }
    })
}

/// A pair of files of `fd_html_diff_files`: their names and contents, each
/// a buffer in the usual conventions.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct fd_html_file {
    /// The old file's name (any bytes; shown as text).
    pub old_name: *const u8,
    /// The length of `old_name`.
    pub old_name_len: usize,
    /// The new file's name.
    pub new_name: *const u8,
    /// The length of `new_name`.
    pub new_name_len: usize,
    /// The old file's bytes.
    pub old_text: *const u8,
    /// The length of `old_text`.
    pub old_len: usize,
    /// The new file's bytes.
    pub new_text: *const u8,
    /// The length of `new_text`.
    pub new_len: usize,
}

/// Reads the caller's page options (NULL means defaults).
///
/// # Safety
/// `html` must be NULL or an `fd_html_options` set up by
/// `fd_html_options_init`, its title following the buffer conventions.
unsafe fn read_html<'a>(html: *const fd_html_options) -> Result<HtmlOptions<'a>, fd_status> {
    // SAFETY: as promised by the caller.
    let o = unsafe { versioned::read(html, fd_html_options::defaults()) }?;
    let layout = match o.layout {
        0 => HtmlLayout::SideBySide,
        1 => HtmlLayout::LineByLine,
        _ => return Err(fd_status::FD_ERR_INVALID_OPTIONS),
    };
    let granularity = match o.granularity {
        0 => Granularity::Words,
        1 => Granularity::Chars,
        2 => Granularity::Graphemes,
        _ => return Err(fd_status::FD_ERR_INVALID_OPTIONS),
    };
    // As a label: (NULL, n > 0) is a NULL argument, too long a length
    // invalid options.
    if o.title.is_null() && o.title_len > 0 {
        return Err(fd_status::FD_ERR_NULL_ARGUMENT);
    }
    // SAFETY: the title follows the buffer conventions.
    let title = unsafe { input(o.title, o.title_len) }.map_err(|_| fd_status::FD_ERR_INVALID_OPTIONS)?;
    Ok(HtmlOptions { layout, title, granularity })
}

/// Writes into `out` the diff `fd_unified_diff` would compute with the same
/// arguments as one self-contained HTML page (UTF-8): the options' labels
/// name the two sides, their deadline bounds the word marks too. `html`
/// NULL means the default page. On `FD_OK` the caller releases `*out` with
/// `fd_free`; otherwise `*out` is untouched.
///
/// # Safety
/// Buffers and `options` as for `fd_unified_diff`; `html` NULL or set up by
/// `fd_html_options_init`; `out` must point to a writable `fd_buf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_html_diff(
    old_text: *const u8,
    old_len: usize,
    new_text: *const u8,
    new_len: usize,
    options: *const fd_options,
    html: *const fd_html_options,
    out: *mut fd_buf,
) -> fd_status {
    guard(|| {
        let out = required(out)?;
        // SAFETY: as promised by the caller.
        let (old, new, options) = unsafe { diff_args(old_text, old_len, new_text, new_len, options) }?;
        // SAFETY: as promised by the caller.
        let html = unsafe { read_html(html) }?;
        let page = html_diff(old, new, &options, &html)?;
        // SAFETY: `out` is writable.
        unsafe { out.write(fd_buf::from_vec(page)) };
        Ok(())
    })
}

/// Writes into `out` the diffs of the `count` pairs of `files` as one HTML
/// page: a list of the files with their counts (when there is more than
/// one), then each file's diff in the order given. `options` as for
/// `fd_unified_diff`, except that its labels are not used (each file has
/// its names). `files` may be NULL when `count` is 0. On `FD_OK` the caller
/// releases `*out` with `fd_free`; otherwise `*out` is untouched.
///
/// # Safety
/// `files` must point to `count` readable `fd_html_file`s whose buffers
/// follow the conventions; `options`, `html` and `out` as for
/// `fd_html_diff`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_html_diff_files(
    files: *const fd_html_file,
    count: usize,
    options: *const fd_options,
    html: *const fd_html_options,
    out: *mut fd_buf,
) -> fd_status {
    guard(|| {
        let out = required(out)?;
        if files.is_null() && count > 0 {
            return Err(fd_status::FD_ERR_NULL_ARGUMENT);
        }
        if count > isize::MAX as usize / size_of::<fd_html_file>() {
            return Err(fd_status::FD_ERR_INPUT_TOO_LARGE);
        }
        // SAFETY: non-NULL (or empty), `count` elements, as promised.
        let raw = if count == 0 { &[] } else { unsafe { core::slice::from_raw_parts(files, count) } };
        let mut pairs = Vec::with_capacity(count);
        for f in raw {
            // SAFETY: each buffer follows the conventions.
            unsafe {
                pairs.push(HtmlFile {
                    old_name: input(f.old_name, f.old_name_len)?,
                    new_name: input(f.new_name, f.new_name_len)?,
                    old: input(f.old_text, f.old_len)?,
                    new: input(f.new_text, f.new_len)?,
                });
            }
        }
        // SAFETY: as promised by the caller.
        let options = unsafe { options::read(options) }?;
        let html = unsafe { read_html(html) }?;
        let page = html_diff_files(&pairs, &options, &html)?;
        // SAFETY: `out` is writable.
        unsafe { out.write(fd_buf::from_vec(page)) };
        Ok(())
    })
}
