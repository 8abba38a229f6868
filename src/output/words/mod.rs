//! Inline diffs: within each change (removed lines facing added lines), which
//! words, characters or grapheme clusters changed. Tokens never split a UTF-8
//! sequence: every non-ASCII byte belongs to a word, a character is a whole
//! valid sequence (an invalid byte is a token of its own), and clusters are
//! found only in valid UTF-8.

mod change;
mod script;
mod tokens;

use core::ops::Range;

use super::check_labels;
use super::hunks::local_hunks;
use super::unified::{file_header, hunk_header};
use crate::diff::LineDiff;
use crate::diff::deadline::Deadline;
use crate::error::Error;
use change::ChangeMarks;
use script::{BYTES_PER_SPAN, Density, MIN_SPANS, Piece, walk};
use tokens::token_ends;

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

/// An inline diff: its spans, and whether it is coarser than the search
/// would find without limits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordDiff {
    /// The spans of every hunk, in order (see [`Span`]).
    pub spans: Vec<Span>,
    /// Some changes are shown more coarsely than a full search would show
    /// them: the deadline passed, or the marks were so dense that the
    /// shortest unchanged runs between changed ones are shown as changed
    /// (see `docs/engine.md`, "Word diffs"). The spans still rebuild both
    /// texts.
    pub coarsened: bool,
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
        self.word_diff(context, granularity, deadline).spans
    }

    /// The inline diff of every hunk with `context` lines of context, and
    /// whether it was coarsened. Time and memory stay near-linear in the
    /// size of the changes whatever their shape: `deadline` bounds the
    /// time further.
    pub fn word_diff(
        &self,
        context: usize,
        granularity: Granularity,
        deadline: Option<std::time::Duration>,
    ) -> WordDiff {
        let mut deadline = Deadline::new(deadline);
        let hunks = local_hunks(self, context.min(self.context));
        let (mut marks, mut density, mut too_large, mut changed_bytes) = (Vec::new(), Density::new(), false, 0);
        for (h, hunk) in hunks.iter().enumerate() {
            // Unchanged lines before, between and after the changes.
            density.add_fixed(hunk.changes.len() + 1);
            for change in &hunk.changes {
                let old = self.old.bounds[change.old.start]..self.old.bounds[change.old.end];
                let new = self.new.bounds[change.new.start]..self.new.bounds[change.new.end];
                changed_bytes += old.len() + new.len();
                let (m, large) = change::mark(self.old.text, self.new.text, (old, new), h, granularity, &mut deadline);
                too_large |= large;
                density.add(&m.removed, &m.added);
                density.add_fixed(usize::from(m.prefix > 0) + usize::from(m.suffix > 0));
                marks.push(m);
            }
        }
        let thin = density.thinning(MIN_SPANS.max(changed_bytes / BYTES_PER_SPAN));

        let mut spans = Spans(Vec::new());
        let mut marks = marks.into_iter();
        for (h, hunk) in hunks.iter().enumerate() {
            let mut i = hunk.old.start;
            for change in &hunk.changes {
                if i < change.old.start {
                    spans.push(SpanKind::Equal, h, self.old.bounds[i]..self.old.bounds[change.old.start]);
                }
                if let Some(m) = marks.next() {
                    self.change_spans(&m, granularity, thin, &mut spans);
                }
                i = change.old.end;
            }
            if i < hunk.old.end {
                spans.push(SpanKind::Equal, h, self.old.bounds[i]..self.old.bounds[hunk.old.end]);
            }
        }
        WordDiff { spans: spans.0, coarsened: deadline.has_passed() || too_large || thin > 0 }
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

    /// The spans of one change from its token marks, its tokens read again.
    fn change_spans(&self, m: &ChangeMarks, granularity: Granularity, thin: usize, spans: &mut Spans) {
        let h = m.hunk;
        if m.prefix > 0 {
            spans.push(SpanKind::Equal, h, m.old.start..m.old.start + m.prefix);
        }
        let (om, nm) = (m.old_middle(), m.new_middle());
        let bytes = granularity == Granularity::Chars
            && self.old.text[om.clone()].is_ascii()
            && self.new.text[nm.clone()].is_ascii();
        let mut old = Cursor::new(self.old.text, om, granularity, bytes);
        let mut new = Cursor::new(self.new.text, nm, granularity, bytes);
        walk(&m.removed, &m.added, thin, |piece| match piece {
            Piece::Removed(k) => spans.push(SpanKind::Removed, h, old.take(k)),
            Piece::Added(k) => spans.push(SpanKind::Added, h, new.take(k)),
            Piece::Equal { tokens, .. } => {
                new.take(tokens);
                spans.push(SpanKind::Equal, h, old.take(tokens));
            }
        });
        if m.suffix > 0 {
            spans.push(SpanKind::Equal, h, m.old.end - m.suffix..m.old.end);
        }
    }
}

/// Reads the tokens of a change's middle again, a given number at a time.
struct Cursor<'t> {
    /// The token ends, relative to `base`; None when every token is a byte.
    ends: Option<Box<dyn Iterator<Item = usize> + 't>>,
    base: usize,
    at: usize,
}

impl<'t> Cursor<'t> {
    fn new(text: &'t [u8], middle: Range<usize>, granularity: Granularity, bytes: bool) -> Self {
        let ends = (!bytes).then(|| token_ends(&text[middle.clone()], granularity));
        Cursor { ends, base: middle.start, at: 0 }
    }

    /// The bytes of the next `k` tokens.
    fn take(&mut self, k: usize) -> Range<usize> {
        let start = self.at;
        if k > 0 {
            self.at = match &mut self.ends {
                None => start + k,
                Some(ends) => ends.nth(k - 1).unwrap_or(start),
            };
        }
        self.base + start..self.base + self.at
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

    #[test]
    fn spans_rebuild_both_sides_of_each_hunk() {
        let old = b"keep\nthe quick brown fox\nend\n";
        let new = b"keep\nthe slow brown cat\nend\n";
        let diff = diff_lines(old, new, &DiffOptions::default()).unwrap();
        let spans = diff.word_spans(3, Granularity::Words, None);
        rebuilds(&diff, &spans, old, new);
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

    fn rebuilds(diff: &LineDiff<'_>, spans: &[Span], old: &[u8], new: &[u8]) {
        let side = |keep: SpanKind| -> Vec<u8> {
            spans
                .iter()
                .filter(|s| s.kind == SpanKind::Equal || s.kind == keep)
                .flat_map(|s| diff.span_bytes(s).to_vec())
                .collect()
        };
        assert!(side(SpanKind::Removed) == old, "the old side");
        assert!(side(SpanKind::Added) == new, "the new side");
    }

    /// Unrelated lines of a few characters: the marks would alternate every
    /// token or two; they are thinned to the budget and still rebuild both
    /// sides, and the diff says it was coarsened.
    #[test]
    fn dense_marks_are_thinned() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut line = |n: usize| -> Vec<u8> {
            let mut out: Vec<u8> = (0..n)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    b"ab "[(seed % 3) as usize]
                })
                .collect();
            out.push(b'\n');
            out
        };
        let (old, new) = (line(400_000), line(400_000));
        let diff = diff_lines(&old, &new, &DiffOptions::default()).unwrap();
        for granularity in [Granularity::Words, Granularity::Chars, Granularity::Graphemes] {
            let result = diff.word_diff(3, granularity, None);
            assert!(result.coarsened);
            assert!(result.spans.len() <= script::MIN_SPANS.max((old.len() + new.len()) / script::BYTES_PER_SPAN));
            rebuilds(&diff, &result.spans, &old, &new);
        }
        // A real edit is not.
        let diff = diff_lines(b"the quick brown fox\n", b"the slow brown cat\n", &DiffOptions::default()).unwrap();
        assert!(!diff.word_diff(3, Granularity::Words, None).coarsened);
    }
}
