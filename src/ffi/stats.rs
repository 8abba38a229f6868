//! `fd_stats`: the counts of a diff without its text, from `fd_diff_stats`
//! and `fd_unified_diff_stats`. Versioned by size like `fd_options`, but
//! written by the library: it writes at most the caller's `struct_size`.

use core::mem::size_of;

use super::diff::line_diff;
use super::guard::guard;
use super::pointers::required;
use super::versioned::{self, Versioned};
use super::{fd_buf, fd_options, fd_status};
use crate::LineDiff;

/// Counts of a diff, as its hunks show it.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct fd_stats {
    /// Set by the caller to `sizeof(fd_stats)` before the call: the library
    /// writes at most that many bytes (fields are only ever appended).
    pub struct_size: u32,
    /// 1 when no hunk is shown: the texts are identical, or equal under the
    /// comparison modes; else 0.
    pub identical: u32,
    /// Lines shown as added (`+`).
    pub lines_added: u64,
    /// Lines shown as removed (`-`).
    pub lines_removed: u64,
    /// The number of hunks.
    pub hunks: u64,
    /// `2 * matched lines / (old lines + new lines)`, in [0, 1], as
    /// `difflib.SequenceMatcher.ratio()` gives over lines (1 for two empty
    /// texts), computed from this diff's matching.
    pub similarity: f64,
}

// SAFETY: repr(C), starts with `struct_size`; integers and a float only.
unsafe impl Versioned for fd_stats {
    /// The first version of `fd_stats` ends with `similarity`.
    const V1_SIZE: usize = size_of::<fd_stats>();
}

/// Writes into `*out` the counts of the diff `fd_unified_diff` would write
/// with the same arguments, without writing it. The caller sets
/// `out->struct_size` to `sizeof(fd_stats)` first; the library writes at
/// most that many bytes (a size below the first version's is
/// `FD_ERR_INVALID_OPTIONS`). On any other status than `FD_OK`, `*out` is
/// untouched.
///
/// # Safety
/// Buffers and `options` as for `fd_unified_diff`; `out` must point to an
/// `fd_stats` with its `struct_size` set.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_diff_stats(
    old_text: *const u8,
    old_len: usize,
    new_text: *const u8,
    new_len: usize,
    options: *const fd_options,
    out: *mut fd_stats,
) -> fd_status {
    guard(|| {
        let out = required(out)?;
        // SAFETY: `out` is an fd_stats with its size set.
        let known = unsafe { versioned::known_size(out.as_ptr()) }?;
        // SAFETY: as promised by the caller.
        let (diff, options) = unsafe { line_diff(old_text, old_len, new_text, new_len, options) }?;
        // SAFETY: `out` holds at least `known` bytes.
        unsafe { write_stats(&diff, options.context_lines, out.as_ptr(), known) };
        Ok(())
    })
}

/// Writes the stats of `diff` into the first `known` bytes of the caller's
/// `fd_stats`, leaving its `struct_size` as the caller set it.
///
/// # Safety
/// `out` must point to `known` writable bytes.
unsafe fn write_stats(diff: &LineDiff<'_>, context: usize, out: *mut fd_stats, known: usize) {
    let s = diff.stats(context);
    let stats = fd_stats {
        struct_size: 0, // not written: the caller's own
        identical: u32::from(s.identical),
        lines_added: s.lines_added as u64,
        lines_removed: s.lines_removed as u64,
        hunks: s.hunks as u64,
        similarity: s.similarity,
    };
    // SAFETY: as promised by the caller.
    unsafe { versioned::write(&stats, out, known) };
}

/// `fd_unified_diff` and `fd_diff_stats` in one call, for one diff's work:
/// writes the unified diff into `*out` and its counts into `*stats` (whose
/// `struct_size` the caller sets first). On any status but `FD_OK`, both
/// are untouched.
///
/// # Safety
/// As for `fd_unified_diff`, and `stats` as for `fd_diff_stats`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_unified_diff_stats(
    old_text: *const u8,
    old_len: usize,
    new_text: *const u8,
    new_len: usize,
    options: *const fd_options,
    out: *mut fd_buf,
    stats: *mut fd_stats,
) -> fd_status {
    guard(|| {
        let (out, stats) = (required(out)?, required(stats)?);
        // SAFETY: `stats` is an fd_stats with its size set.
        let known = unsafe { versioned::known_size(stats.as_ptr()) }?;
        // SAFETY: as promised by the caller.
        let (diff, options) = unsafe { line_diff(old_text, old_len, new_text, new_len, options) }?;
        let text = diff.unified(options.context_lines, options.old_label, options.new_label)?;
        // SAFETY: `stats` holds at least `known` bytes; `out` is writable.
        unsafe {
            write_stats(&diff, options.context_lines, stats.as_ptr(), known);
            out.write(fd_buf::from_vec(text));
        }
        Ok(())
    })
}
