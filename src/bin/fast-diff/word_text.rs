//! `--word-diff` as text, in the style of `git diff --word-diff=plain`:
//! the file headers, each hunk's header, then its text with removed runs as
//! `[-...-]` and added runs as `{+...+}`, closed at each line end and
//! reopened on the next line; with the function line after each `@@` and
//! git's colours (removed runs red, added green) when asked for.

use fast_diff::{LineDiff, SpanKind};

use crate::decorate::{self, GREEN, RED, RESET};
use crate::function::Functions;

pub struct WordText<'f> {
    pub functions: Option<Functions<'f>>,
    pub color: bool,
}

impl WordText<'_> {
    /// Appends the word diff of `diff`'s hunks with `context` lines of
    /// context to `out`, after the `---`/`+++` lines; nothing when there
    /// is no hunk. Returns whether there was one.
    pub fn write(
        mut self,
        out: &mut Vec<u8>,
        diff: &LineDiff<'_>,
        context: usize,
        spans: &[fast_diff::Span],
        labels: [&[u8]; 2],
    ) -> bool {
        let hunks = diff.hunks(context);
        if hunks.is_empty() {
            return false;
        }
        for (mark, label) in [(&b"--- "[..], labels[0]), (b"+++ ", labels[1])] {
            decorate::header(out, &[mark, label, b"\n"].concat(), self.color);
        }
        let mut spans = spans.iter().peekable();
        for (h, hunk) in hunks.iter().enumerate() {
            let at_at = format!("@@ -{} +{} @@", range(&hunk.old), range(&hunk.new));
            let function = self.functions.as_mut().and_then(|f| f.before(hunk.old.start));
            decorate::hunk_header(out, at_at.as_bytes(), function, self.color);
            while let Some(span) = spans.next_if(|s| s.hunk == h) {
                let (open, close, color): (&[u8], &[u8], &[u8]) = match span.kind {
                    SpanKind::Equal => (b"", b"", b""),
                    SpanKind::Removed => (b"[-", b"-]", RED),
                    SpanKind::Added => (b"{+", b"+}", GREEN),
                };
                for piece in diff.span_bytes(span).split_inclusive(|&b| b == b'\n') {
                    let (body, newline) = match piece.split_last() {
                        Some((b'\n', body)) => (body, true),
                        _ => (piece, false),
                    };
                    if !body.is_empty() {
                        let colored = self.color && !color.is_empty();
                        if colored {
                            out.extend_from_slice(color);
                        }
                        out.extend_from_slice(open);
                        out.extend_from_slice(body);
                        out.extend_from_slice(close);
                        if colored {
                            out.extend_from_slice(RESET);
                        }
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
        true
    }
}

/// A hunk's range as its header writes it: `start,count`, one line as its
/// number alone, an empty range as the line before it and `,0`.
fn range(lines: &core::ops::Range<usize>) -> String {
    match lines.len() {
        0 => format!("{},0", lines.start),
        1 => format!("{}", lines.start + 1),
        n => format!("{},{n}", lines.start + 1),
    }
}
