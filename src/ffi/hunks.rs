//! `fd_hunks`: the hunks of a diff without its text, from `fd_diff_hunks`.
//! Lines are byte ranges of the caller's own inputs, so nothing is copied
//! and any bytes (invalid UTF-8, NUL) are carried exactly.

use super::diff::line_diff;
use super::guard::guard;
use super::owned::{Owned, array};
use super::pointers::required;
use super::{fd_options, fd_status};
use crate::LineKind;

/// What a line of a hunk is, for `fd_diff_line.kind`.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum fd_line_kind {
    /// Unchanged (or equal under the comparison modes); its bytes are the
    /// old text's.
    FD_LINE_CONTEXT = 0,
    /// Only in the old text.
    FD_LINE_REMOVED = 1,
    /// Only in the new text.
    FD_LINE_ADDED = 2,
}

/// A hunk of `fd_diff_hunks`.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct fd_hunk {
    /// The numbers of the hunk's header `@@ -old_start,old_count
    /// +new_start,new_count @@`: 1-based first lines, except that an empty
    /// range names the line before it (0 at the top of the text).
    pub old_start: u64,
    /// The number of old lines the hunk spans.
    pub old_count: u64,
    /// The new side's first line, as `old_start`.
    pub new_start: u64,
    /// The number of new lines the hunk spans.
    pub new_count: u64,
    /// Its lines: `lines[first_line]` to `lines[first_line + line_count - 1]`.
    pub first_line: usize,
    /// The number of its lines.
    pub line_count: usize,
}

/// A line of a hunk.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct fd_diff_line {
    /// An `fd_line_kind`.
    pub kind: u32,
    /// 1 when the line is the last of its text and has no LF, else 0.
    pub no_newline: u32,
    /// 1-based line numbers in the old and new text; 0 for none (an added
    /// line has no old number, a removed line no new number).
    pub old_line: u64,
    /// The line's 1-based number in the new text; 0 for none.
    pub new_line: u64,
    /// The line's bytes, LF included: in the old text for context and
    /// removed lines, in the new text for added lines.
    pub offset: usize,
    /// The length of the line's bytes.
    pub len: usize,
}

/// The result of `fd_diff_hunks`. Allocated by the library, released with
/// `fd_hunks_free`.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct fd_hunks {
    /// NULL when there are none.
    pub hunks: *const fd_hunk,
    /// The number of hunks.
    pub hunk_count: usize,
    /// Every hunk's lines, in order; NULL when there are none.
    pub lines: *const fd_diff_line,
    /// The number of lines, of all hunks.
    pub line_count: usize,
}

/// What `fd_hunks` points into.
struct HunksData {
    hunks: Vec<fd_hunk>,
    lines: Vec<fd_diff_line>,
}

/// Writes into `*out` the hunks of the diff `fd_unified_diff` would write
/// with the same arguments: each hunk's header numbers and its lines, as
/// byte ranges of the inputs. No hunks (identical texts) is `FD_OK` with
/// empty arrays. On `FD_OK` the caller releases `*out` with
/// `fd_hunks_free`; otherwise `*out` is untouched.
///
/// # Safety
/// Buffers and `options` as for `fd_unified_diff`; `out` must point to a
/// writable pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_diff_hunks(
    old_text: *const u8,
    old_len: usize,
    new_text: *const u8,
    new_len: usize,
    options: *const fd_options,
    out: *mut *mut fd_hunks,
) -> fd_status {
    guard(|| {
        let out = required(out)?;
        // SAFETY: as promised by the caller.
        let (diff, options) = unsafe { line_diff(old_text, old_len, new_text, new_len, options) }?;
        let mut data = HunksData { hunks: Vec::new(), lines: Vec::new() };
        for hunk in diff.hunks(options.context_lines) {
            // GNU's header numbers: an empty range names the line before it.
            let header = |range: &core::ops::Range<usize>| {
                if range.is_empty() { range.start as u64 } else { range.start as u64 + 1 }
            };
            data.hunks.push(fd_hunk {
                old_start: header(&hunk.old),
                old_count: hunk.old.len() as u64,
                new_start: header(&hunk.new),
                new_count: hunk.new.len() as u64,
                first_line: data.lines.len(),
                line_count: hunk.lines.len(),
            });
            for line in &hunk.lines {
                let bytes = diff.line_bytes(line);
                data.lines.push(fd_diff_line {
                    kind: match line.kind {
                        LineKind::Context => fd_line_kind::FD_LINE_CONTEXT,
                        LineKind::Removed => fd_line_kind::FD_LINE_REMOVED,
                        LineKind::Added => fd_line_kind::FD_LINE_ADDED,
                    } as u32,
                    no_newline: u32::from(bytes.last() != Some(&b'\n')),
                    old_line: line.old_line.map_or(0, |n| n as u64 + 1),
                    new_line: line.new_line.map_or(0, |n| n as u64 + 1),
                    offset: line.bytes.start,
                    len: line.bytes.len(),
                });
            }
        }
        // Both arrays are empty together: every hunk has lines.
        let ((hunks, hunk_count), (lines, line_count)) = (array(&data.hunks), array(&data.lines));
        let result = fd_hunks { hunks, hunk_count, lines, line_count };
        // SAFETY: `out` is writable.
        unsafe { out.write(Owned::into_raw(result, data)) };
        Ok(())
    })
}

/// Releases a result of `fd_diff_hunks`. NULL is ignored. Call it exactly
/// once per result.
///
/// # Safety
/// `hunks` must be NULL or a result of `fd_diff_hunks` not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_hunks_free(hunks: *mut fd_hunks) {
    // SAFETY: as promised by the caller.
    guard(|| unsafe { Owned::<fd_hunks, HunksData>::free(hunks) })
}
