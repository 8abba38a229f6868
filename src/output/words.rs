//! Inline diffs: within each change (removed lines facing added lines), which
//! words, characters or grapheme clusters changed. Tokens never split a UTF-8
//! sequence: every non-ASCII byte belongs to a word, a character is a whole
//! valid sequence (an invalid byte is a token of its own), and clusters are
//! found only in valid UTF-8.

use core::ops::Range;

use hashbrown::HashMap;
use unicode_segmentation::UnicodeSegmentation;

use super::check_labels;
use super::hunks::local_hunks;
use super::unified::{file_header, hunk_header};
use crate::diff::algorithms::myers;
use crate::diff::deadline::Deadline;
use crate::diff::{Change, LineDiff};
use crate::error::Error;

/// What a token is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Granularity {
    /// Runs of letters, digits, `_` and non-ASCII bytes; runs of white space;
    /// and single punctuation bytes.
    #[default]
    Words,
    /// Unicode scalar values (a whole UTF-8 sequence), or single bytes that
    /// are not valid UTF-8.
    Chars,
    /// Extended grapheme clusters (what a reader sees as one character).
    Graphemes,
}

/// What a span of an inline diff is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpanKind {
    /// In both texts (context lines, and unchanged tokens inside changes).
    Equal,
    /// Only in the old text.
    Removed,
    /// Only in the new text.
    Added,
}

/// A run of bytes of an inline diff: in the old text for `Equal` and
/// `Removed` spans, in the new text for `Added` ones. The `Equal` and
/// `Removed` spans of a hunk, in order, are its old lines; its `Equal` and
/// `Added` spans are its new lines (up to changes the comparison modes
/// ignore).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// Equal, removed or added.
    pub kind: SpanKind,
    /// Which hunk (0-based) the span belongs to.
    pub hunk: usize,
    /// Where its bytes are, in the old or the new text (see above).
    pub bytes: Range<usize>,
}

impl<'a> LineDiff<'a> {
    /// The inline diff of every hunk with `context` lines of context.
    /// `deadline` bounds the token diffs as it bounds line diffs.
    pub fn word_spans(
        &self,
        context: usize,
        granularity: Granularity,
        deadline: Option<std::time::Duration>,
    ) -> Vec<Span> {
        let mut deadline = Deadline::new(deadline);
        let mut spans = Spans(Vec::new());
        for (h, hunk) in local_hunks(self, context.min(self.context)).iter().enumerate() {
            let mut i = hunk.old.start;
            for change in &hunk.changes {
                if i < change.old.start {
                    spans.push(SpanKind::Equal, h, self.old.bounds[i]..self.old.bounds[change.old.start]);
                }
                self.change_spans(change, h, granularity, &mut deadline, &mut spans);
                i = change.old.end;
            }
            if i < hunk.old.end {
                spans.push(SpanKind::Equal, h, self.old.bounds[i]..self.old.bounds[hunk.old.end]);
            }
        }
        spans.0
    }

    /// The bytes of a span.
    pub fn span_bytes(&self, span: &Span) -> &'a [u8] {
        let text = if span.kind == SpanKind::Added { self.new.text } else { self.old.text };
        &text[span.bytes.clone()]
    }

    /// The inline diff `spans` (from [`LineDiff::word_spans`] with the same
    /// `context`) as text in the style of `git diff --word-diff=plain`.
    pub fn word_diff_text(
        &self,
        context: usize,
        spans: &[Span],
        old_label: &[u8],
        new_label: &[u8],
    ) -> Result<Vec<u8>, Error> {
        check_labels(old_label, new_label)?;
        Ok(write_plain(self, context, spans, old_label, new_label))
    }

    fn change_spans(
        &self,
        change: &Change,
        h: usize,
        granularity: Granularity,
        deadline: &mut Deadline,
        spans: &mut Spans,
    ) {
        let old_at = self.old.bounds[change.old.start]..self.old.bounds[change.old.end];
        let new_at = self.new.bounds[change.new.start]..self.new.bounds[change.new.end];
        let old_tokens = tokens(&self.old.text[old_at.clone()], granularity);
        let new_tokens = tokens(&self.new.text[new_at.clone()], granularity);
        let (old_ids, new_ids) =
            intern_tokens(&self.old.text[old_at.clone()], &old_tokens, &self.new.text[new_at.clone()], &new_tokens);
        let mut removed = vec![false; old_ids.len()];
        let mut added = vec![false; new_ids.len()];
        myers::search(&old_ids, &new_ids, &mut removed, &mut added, deadline);

        let shift = |r: &Range<usize>, base: usize| base + r.start..base + r.end;
        let (mut i, mut j) = (0, 0);
        while i < old_tokens.len() || j < new_tokens.len() {
            while i < old_tokens.len() && removed[i] {
                spans.push(SpanKind::Removed, h, shift(&old_tokens[i], old_at.start));
                i += 1;
            }
            while j < new_tokens.len() && added[j] {
                spans.push(SpanKind::Added, h, shift(&new_tokens[j], new_at.start));
                j += 1;
            }
            if i < old_tokens.len() && j < new_tokens.len() {
                spans.push(SpanKind::Equal, h, shift(&old_tokens[i], old_at.start));
                i += 1;
                j += 1;
            }
        }
    }
}

/// Spans, merged as they are pushed when they continue the last one.
struct Spans(Vec<Span>);

impl Spans {
    fn push(&mut self, kind: SpanKind, hunk: usize, bytes: Range<usize>) {
        if let Some(last) = self.0.last_mut()
            && last.kind == kind
            && last.hunk == hunk
            && last.bytes.end == bytes.start
        {
            last.bytes.end = bytes.end;
            return;
        }
        self.0.push(Span { kind, hunk, bytes });
    }
}

fn intern_tokens<'t>(
    old: &'t [u8],
    old_tokens: &[Range<usize>],
    new: &'t [u8],
    new_tokens: &[Range<usize>],
) -> (Vec<u32>, Vec<u32>) {
    let mut ids: HashMap<&'t [u8], u32, _> = HashMap::with_hasher(foldhash::fast::FixedState::default());
    let mut id = |token: &'t [u8]| -> u32 {
        let next = ids.len() as u32;
        *ids.entry(token).or_insert(next)
    };
    let old_ids = old_tokens.iter().map(|r| id(&old[r.clone()])).collect();
    let new_ids = new_tokens.iter().map(|r| id(&new[r.clone()])).collect();
    (old_ids, new_ids)
}

/// Splits `text` into tokens that together cover it exactly.
pub(crate) fn tokens(text: &[u8], granularity: Granularity) -> Vec<Range<usize>> {
    match granularity {
        Granularity::Words => words(text),
        Granularity::Chars => chars(text),
        Granularity::Graphemes => graphemes(text),
    }
}

fn words(text: &[u8]) -> Vec<Range<usize>> {
    #[derive(PartialEq)]
    enum Class {
        Word,
        Space,
        Other,
    }
    let class = |b: u8| match b {
        b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | 0x80.. => Class::Word,
        b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c' => Class::Space,
        _ => Class::Other,
    };
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let c = class(text[start]);
        let mut end = start + 1;
        if c != Class::Other {
            while end < text.len() && class(text[end]) == c {
                end += 1;
            }
        }
        out.push(start..end);
        start = end;
    }
    out
}

fn chars(text: &[u8]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for chunk in text.utf8_chunks() {
        let base = chunk.valid().as_ptr() as usize - text.as_ptr() as usize;
        out.extend(chunk.valid().char_indices().map(|(i, c)| base + i..base + i + c.len_utf8()));
        let invalid = base + chunk.valid().len();
        out.extend((invalid..invalid + chunk.invalid().len()).map(|i| i..i + 1));
    }
    out
}

fn graphemes(text: &[u8]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for chunk in text.utf8_chunks() {
        let base = chunk.valid().as_ptr() as usize - text.as_ptr() as usize;
        out.extend(chunk.valid().grapheme_indices(true).map(|(i, g)| base + i..base + i + g.len()));
        let invalid = base + chunk.valid().len();
        out.extend((invalid..invalid + chunk.invalid().len()).map(|i| i..i + 1));
    }
    out
}

/// The inline diff as text in the style of `git diff --word-diff=plain`:
/// headers, hunk headers, then each hunk's text with removed runs as
/// `[-...-]` and added runs as `{+...+}` (closed at each line end, reopened
/// on the next line). Empty when there are no hunks.
pub(crate) fn write_plain(
    diff: &LineDiff<'_>,
    context: usize,
    spans: &[Span],
    old_label: &[u8],
    new_label: &[u8],
) -> Vec<u8> {
    let hunks = local_hunks(diff, context.min(diff.context));
    if hunks.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    file_header(&mut out, old_label, new_label);
    let mut spans = spans.iter().peekable();
    for (h, hunk) in hunks.iter().enumerate() {
        hunk_header(&mut out, diff, hunk);
        while let Some(span) = spans.next_if(|s| s.hunk == h) {
            let bytes = diff.span_bytes(span);
            let (open, close): (&[u8], &[u8]) = match span.kind {
                SpanKind::Equal => (b"", b""),
                SpanKind::Removed => (b"[-", b"-]"),
                SpanKind::Added => (b"{+", b"+}"),
            };
            for piece in bytes.split_inclusive(|&b| b == b'\n') {
                let (body, newline) = match piece.split_last() {
                    Some((b'\n', body)) => (body, true),
                    _ => (piece, false),
                };
                if !body.is_empty() {
                    out.extend_from_slice(open);
                    out.extend_from_slice(body);
                    out.extend_from_slice(close);
                }
                if newline {
                    out.push(b'\n');
                }
            }
        }
        if out.last() != Some(&b'\n') {
            out.push(b'\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DiffOptions, diff_lines};

    fn cover(text: &[u8], granularity: Granularity) -> Vec<&[u8]> {
        let t = tokens(text, granularity);
        assert_eq!(t.iter().map(|r| r.len()).sum::<usize>(), text.len(), "tokens cover the text");
        t.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn tokens_never_split_utf8() {
        assert_eq!(cover(b"foo_1 +bar\n", Granularity::Words), [&b"foo_1"[..], b" ", b"+", b"bar", b"\n"]);
        assert_eq!(cover("caf\u{e9} x".as_bytes(), Granularity::Words), ["caf\u{e9}".as_bytes(), b" ", b"x"]);
        assert_eq!(cover(b"a\xc3\xa9\xff", Granularity::Chars), [&b"a"[..], b"\xc3\xa9", b"\xff"]);
        // e + combining acute accent is one cluster, two chars.
        assert_eq!(cover("e\u{301}x".as_bytes(), Granularity::Graphemes).len(), 2);
        assert_eq!(cover("e\u{301}x".as_bytes(), Granularity::Chars).len(), 3);
    }

    #[test]
    fn spans_rebuild_both_sides_of_each_hunk() {
        let old = b"keep\nthe quick brown fox\nend\n";
        let new = b"keep\nthe slow brown cat\nend\n";
        let diff = diff_lines(old, new, &DiffOptions::default()).unwrap();
        let spans = diff.word_spans(3, Granularity::Words, None);
        let side = |keep: SpanKind| -> Vec<u8> {
            spans
                .iter()
                .filter(|s| s.kind == SpanKind::Equal || s.kind == keep)
                .flat_map(|s| diff.span_bytes(s).to_vec())
                .collect()
        };
        assert_eq!(side(SpanKind::Removed), old);
        assert_eq!(side(SpanKind::Added), new);
        let text = write_plain(&diff, 3, &spans, b"a", b"b");
        assert_eq!(
            String::from_utf8(text).unwrap(),
            "--- a\n+++ b\n@@ -1,3 +1,3 @@\nkeep\nthe [-quick-]{+slow+} brown [-fox-]{+cat+}\nend\n"
        );
    }

    #[test]
    fn markers_close_at_line_ends() {
        let diff = diff_lines(b"x\n", b"one\ntwo\n", &DiffOptions::default()).unwrap();
        let spans = diff.word_spans(3, Granularity::Words, None);
        let text = write_plain(&diff, 3, &spans, b"a", b"b");
        assert_eq!(String::from_utf8(text).unwrap(), "--- a\n+++ b\n@@ -1 +1,2 @@\n[-x-]{+one+}\n{+two+}\n");
    }
}
