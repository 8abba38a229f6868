//! `fd_word_diff_result`: the inline diffs of `fd_word_diff`, as spans of
//! the caller's own inputs and as text.

use super::diff::line_diff;
use super::guard::guard;
use super::owned::{Owned, array};
use super::pointers::required;
use super::{fd_options, fd_status};
use crate::{Granularity, SpanKind};

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
    /// The length of the span's bytes.
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
    /// The number of spans.
    pub span_count: usize,
    /// The inline diff as text in the style of `git diff --word-diff=plain`
    /// (`[-removed-]{+added+}`), with the headers and hunk headers of the
    /// unified diff; empty (NULL, 0) when there are no hunks.
    pub text: *const u8,
    /// The length of `text` in bytes.
    pub text_len: usize,
    /// 1 when some changes are shown more coarsely than a full search would
    /// show them (the deadline passed, or the marks were too dense to show
    /// one by one); the spans still rebuild both texts. 0 otherwise.
    pub coarsened: u32,
}

/// What `fd_word_diff_result` points into.
struct WordsData {
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
        let out = required(out)?;
        let granularity = match granularity {
            0 => Granularity::Words,
            1 => Granularity::Chars,
            2 => Granularity::Graphemes,
            _ => return Err(fd_status::FD_ERR_INVALID_OPTIONS),
        };
        // SAFETY: as promised by the caller.
        let (diff, options) = unsafe { line_diff(old_text, old_len, new_text, new_len, options) }?;
        let words = diff.word_diff(options.context_lines, granularity, options.deadline);
        let text = diff.word_diff_text(options.context_lines, &words.spans, options.old_label, options.new_label)?;
        let coarsened = u32::from(words.coarsened);
        let spans = words
            .spans
            .into_iter()
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
            .collect();
        let data = WordsData { spans, text };
        let ((spans, span_count), (text, text_len)) = (array(&data.spans), array(&data.text));
        let result = fd_word_diff_result { spans, span_count, text, text_len, coarsened };
        // SAFETY: `out` is writable.
        unsafe { out.write(Owned::into_raw(result, data)) };
        Ok(())
    })
}

/// Releases a result of `fd_word_diff`. NULL is ignored. Call it exactly
/// once per result.
///
/// # Safety
/// `result` must be NULL or a result of `fd_word_diff` not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_word_diff_free(result: *mut fd_word_diff_result) {
    // SAFETY: as promised by the caller.
    guard(|| unsafe { Owned::<fd_word_diff_result, WordsData>::free(result) })
}
