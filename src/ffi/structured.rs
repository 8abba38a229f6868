//! Structured results of a diff, without its text: `fd_diff_stats` and
//! `fd_diff_hunks`, and the inline diffs of `fd_word_diff`. Lines and spans
//! are byte ranges of the caller's own inputs, so nothing is copied and any
//! bytes (invalid UTF-8, NUL) are carried exactly.

use core::mem::size_of;

use super::{fd_buf, fd_options, fd_status, guard, input, options};
use crate::{Error, Granularity, LineDiff, LineKind, SpanKind, diff_lines};

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
    pub lines_added: u64,
    pub lines_removed: u64,
    pub hunks: u64,
    /// `2 * matched lines / (old lines + new lines)`, in [0, 1], as
    /// `difflib.SequenceMatcher.ratio()` gives over lines (1 for two empty
    /// texts), computed from this diff's matching.
    pub similarity: f64,
}

/// The first version of `fd_stats` ends with `similarity`.
const FD_STATS_V1_SIZE: usize = size_of::<fd_stats>();

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
    pub old_count: u64,
    pub new_start: u64,
    pub new_count: u64,
    /// Its lines: `lines[first_line]` to `lines[first_line + line_count - 1]`.
    pub first_line: usize,
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
    pub new_line: u64,
    /// The line's bytes, LF included: in the old text for context and
    /// removed lines, in the new text for added lines.
    pub offset: usize,
    pub len: usize,
}

/// The result of `fd_diff_hunks`. Allocated by the library, released with
/// `fd_hunks_free`.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct fd_hunks {
    /// NULL when there are none.
    pub hunks: *const fd_hunk,
    pub hunk_count: usize,
    /// Every hunk's lines, in order; NULL when there are none.
    pub lines: *const fd_diff_line,
    pub line_count: usize,
}

/// What a span of an inline diff is, for `fd_word_span.kind`.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum fd_span_kind {
    /// In both texts: context lines and unchanged tokens inside changes.
    FD_SPAN_EQUAL = 0,
    /// Only in the old text.
    FD_SPAN_REMOVED = 1,
    /// Only in the new text.
    FD_SPAN_ADDED = 2,
}

/// Tokens of an inline diff, for `fd_word_diff`'s `granularity`.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum fd_granularity {
    /// Runs of letters, digits, `_` and non-ASCII bytes; runs of white
    /// space; single punctuation bytes.
    FD_GRANULARITY_WORDS = 0,
    /// Unicode scalar values (whole UTF-8 sequences); an invalid byte is a
    /// token of its own.
    FD_GRANULARITY_CHARS = 1,
    /// Extended grapheme clusters, in valid UTF-8.
    FD_GRANULARITY_GRAPHEMES = 2,
}

/// A run of bytes of an inline diff.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct fd_word_span {
    /// An `fd_span_kind`.
    pub kind: u32,
    /// The hunk (0-based) the span belongs to.
    pub hunk: u32,
    /// The bytes: in the old text for equal and removed spans, in the new
    /// text for added spans.
    pub offset: usize,
    pub len: usize,
}

/// The result of `fd_word_diff`. Allocated by the library, released with
/// `fd_word_diff_free`.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct fd_word_diff_result {
    /// The spans of every hunk in order; NULL when there are none. A hunk's
    /// equal and removed spans, in order, are its old lines; its equal and
    /// added spans are its new lines (up to what the comparison modes
    /// ignore).
    pub spans: *const fd_word_span,
    pub span_count: usize,
    /// The inline diff as text in the style of `git diff --word-diff=plain`
    /// (`[-removed-]{+added+}`), with the headers and hunk headers of the
    /// unified diff; empty (NULL, 0) when there are no hunks.
    pub text: *const u8,
    pub text_len: usize,
}

/// Reads a diff call's arguments and computes the line diff.
unsafe fn line_diff<'a>(
    old_text: *const u8,
    old_len: usize,
    new_text: *const u8,
    new_len: usize,
    options: *const fd_options,
) -> Result<(LineDiff<'a>, crate::DiffOptions<'a>), fd_status> {
    // SAFETY: the caller's buffers and options follow the conventions.
    let (old, new, options) =
        unsafe { (input(old_text, old_len)?, input(new_text, new_len)?, options::read(options)?) };
    let diff = diff_lines(old, new, &options).map_err(|e| match e {
        Error::InvalidLabel => fd_status::FD_ERR_INVALID_OPTIONS,
        Error::TooManyLines => fd_status::FD_ERR_INPUT_TOO_LARGE,
    })?;
    Ok((diff, options))
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
        if out.is_null() {
            return fd_status::FD_ERR_NULL_ARGUMENT;
        }
        // SAFETY: `out` is an fd_stats with its size set.
        let size = match unsafe { stats_size(out) } {
            Ok(size) => size,
            Err(status) => return status,
        };
        // SAFETY: as promised by the caller.
        let (diff, options) = match unsafe { line_diff(old_text, old_len, new_text, new_len, options) } {
            Ok(d) => d,
            Err(status) => return status,
        };
        // SAFETY: `out` holds `size` bytes.
        unsafe { write_stats(&diff, options.context_lines, out, size) };
        fd_status::FD_OK
    })
}

/// The `struct_size` the caller set in `*out`, if it is large enough.
///
/// # Safety
/// `out` must point to an `fd_stats` with its `struct_size` set.
unsafe fn stats_size(out: *const fd_stats) -> Result<usize, fd_status> {
    // SAFETY: `out` starts with its size, set by the caller.
    let size = unsafe { out.cast::<u32>().read_unaligned() } as usize;
    if size < FD_STATS_V1_SIZE { Err(fd_status::FD_ERR_INVALID_OPTIONS) } else { Ok(size) }
}

/// Writes the stats of `diff` into the caller's `size` bytes at `out`.
///
/// # Safety
/// `out` must point to `size` writable bytes.
unsafe fn write_stats(diff: &LineDiff<'_>, context: usize, out: *mut fd_stats, size: usize) {
    let s = diff.stats(context);
    let stats = fd_stats {
        struct_size: size.min(size_of::<fd_stats>()) as u32,
        identical: u32::from(s.identical),
        lines_added: s.lines_added as u64,
        lines_removed: s.lines_removed as u64,
        hunks: s.hunks as u64,
        similarity: s.similarity,
    };
    // SAFETY: the caller's struct has `size` bytes; ours is written up to the
    // smaller of the two sizes.
    unsafe {
        core::ptr::copy_nonoverlapping(
            (&raw const stats).cast::<u8>(),
            out.cast::<u8>(),
            size.min(size_of::<fd_stats>()),
        )
    };
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
        if out.is_null() || stats.is_null() {
            return fd_status::FD_ERR_NULL_ARGUMENT;
        }
        // SAFETY: `stats` is an fd_stats with its size set.
        let size = match unsafe { stats_size(stats) } {
            Ok(size) => size,
            Err(status) => return status,
        };
        // SAFETY: as promised by the caller.
        let (diff, options) = match unsafe { line_diff(old_text, old_len, new_text, new_len, options) } {
            Ok(d) => d,
            Err(status) => return status,
        };
        let Ok(text) = diff.unified(options.context_lines, options.old_label, options.new_label) else {
            return fd_status::FD_ERR_INVALID_OPTIONS;
        };
        // SAFETY: `stats` holds `size` bytes; `out` is non-NULL and writable.
        unsafe {
            write_stats(&diff, options.context_lines, stats, size);
            out.write(fd_buf::from_vec(text));
        }
        fd_status::FD_OK
    })
}

/// The hunks and everything they point to, in one allocation to free.
#[repr(C)]
struct OwnedHunks {
    // First, so that a pointer to this is a pointer to the result.
    result: fd_hunks,
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
        if out.is_null() {
            return fd_status::FD_ERR_NULL_ARGUMENT;
        }
        // SAFETY: as promised by the caller.
        let (diff, options) = match unsafe { line_diff(old_text, old_len, new_text, new_len, options) } {
            Ok(d) => d,
            Err(status) => return status,
        };
        let mut owned = Box::new(OwnedHunks {
            result: fd_hunks { hunks: core::ptr::null(), hunk_count: 0, lines: core::ptr::null(), line_count: 0 },
            hunks: Vec::new(),
            lines: Vec::new(),
        });
        for hunk in diff.hunks(options.context_lines) {
            // GNU's header numbers: an empty range names the line before it.
            let header = |range: &core::ops::Range<usize>| {
                if range.is_empty() { range.start as u64 } else { range.start as u64 + 1 }
            };
            owned.hunks.push(fd_hunk {
                old_start: header(&hunk.old),
                old_count: hunk.old.len() as u64,
                new_start: header(&hunk.new),
                new_count: hunk.new.len() as u64,
                first_line: owned.lines.len(),
                line_count: hunk.lines.len(),
            });
            for line in &hunk.lines {
                let bytes = diff.line_bytes(line);
                owned.lines.push(fd_diff_line {
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
        if !owned.hunks.is_empty() {
            owned.result.hunks = owned.hunks.as_ptr();
            owned.result.hunk_count = owned.hunks.len();
            owned.result.lines = owned.lines.as_ptr();
            owned.result.line_count = owned.lines.len();
        }
        // SAFETY: `out` is non-NULL and writable.
        unsafe { out.write(Box::into_raw(owned).cast()) };
        fd_status::FD_OK
    })
}

/// Releases a result of `fd_diff_hunks`. NULL is ignored. Call it exactly
/// once per result.
///
/// # Safety
/// `hunks` must be NULL or a result of `fd_diff_hunks` not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_hunks_free(hunks: *mut fd_hunks) {
    let _ = guard(|| {
        if !hunks.is_null() {
            // SAFETY: results are the first field of an `OwnedHunks`.
            drop(unsafe { Box::from_raw(hunks.cast::<OwnedHunks>()) });
        }
        fd_status::FD_OK
    });
}

#[repr(C)]
struct OwnedWords {
    result: fd_word_diff_result,
    spans: Vec<fd_word_span>,
    text: Vec<u8>,
}

/// Writes into `*out` the inline diff of every hunk of the diff
/// `fd_unified_diff` would write with the same arguments: which tokens of
/// each change were removed, added or kept, as spans of the inputs, and the
/// same as `[-...-]{+...+}` text. `granularity` is an `fd_granularity`
/// (another number is `FD_ERR_INVALID_OPTIONS`). The options' deadline
/// bounds the token diffs too. On `FD_OK` the caller releases `*out` with
/// `fd_word_diff_free`; otherwise `*out` is untouched.
///
/// # Safety
/// Buffers and `options` as for `fd_unified_diff`; `out` must point to a
/// writable pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_word_diff(
    old_text: *const u8,
    old_len: usize,
    new_text: *const u8,
    new_len: usize,
    options: *const fd_options,
    granularity: u32,
    out: *mut *mut fd_word_diff_result,
) -> fd_status {
    guard(|| {
        if out.is_null() {
            return fd_status::FD_ERR_NULL_ARGUMENT;
        }
        let granularity = match granularity {
            0 => Granularity::Words,
            1 => Granularity::Chars,
            2 => Granularity::Graphemes,
            _ => return fd_status::FD_ERR_INVALID_OPTIONS,
        };
        // SAFETY: as promised by the caller.
        let (diff, options) = match unsafe { line_diff(old_text, old_len, new_text, new_len, options) } {
            Ok(d) => d,
            Err(status) => return status,
        };
        let spans = diff.word_spans(options.context_lines, granularity, options.deadline);
        let Ok(text) = diff.word_diff_text(options.context_lines, &spans, options.old_label, options.new_label) else {
            return fd_status::FD_ERR_INVALID_OPTIONS;
        };
        let mut owned = Box::new(OwnedWords {
            result: fd_word_diff_result {
                spans: core::ptr::null(),
                span_count: 0,
                text: core::ptr::null(),
                text_len: 0,
            },
            spans: spans
                .iter()
                .map(|s| fd_word_span {
                    kind: match s.kind {
                        SpanKind::Equal => fd_span_kind::FD_SPAN_EQUAL,
                        SpanKind::Removed => fd_span_kind::FD_SPAN_REMOVED,
                        SpanKind::Added => fd_span_kind::FD_SPAN_ADDED,
                    } as u32,
                    hunk: s.hunk as u32,
                    offset: s.bytes.start,
                    len: s.bytes.len(),
                })
                .collect(),
            text,
        });
        if !owned.spans.is_empty() {
            owned.result.spans = owned.spans.as_ptr();
            owned.result.span_count = owned.spans.len();
        }
        if !owned.text.is_empty() {
            owned.result.text = owned.text.as_ptr();
            owned.result.text_len = owned.text.len();
        }
        // SAFETY: `out` is non-NULL and writable.
        unsafe { out.write(Box::into_raw(owned).cast()) };
        fd_status::FD_OK
    })
}

/// Releases a result of `fd_word_diff`. NULL is ignored. Call it exactly
/// once per result.
///
/// # Safety
/// `result` must be NULL or a result of `fd_word_diff` not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_word_diff_free(result: *mut fd_word_diff_result) {
    let _ = guard(|| {
        if !result.is_null() {
            // SAFETY: results are the first field of an `OwnedWords`.
            drop(unsafe { Box::from_raw(result.cast::<OwnedWords>()) });
        }
        fd_status::FD_OK
    });
}
