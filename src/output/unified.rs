//! The unified format exactly as `diff -u --label L1 --label L2` writes it.

use super::check_labels;
use super::hunks::{LocalHunk, local_hunks};
use crate::diff::{LineDiff, Side, diff_lines};
use crate::error::Error;
use crate::options::DiffOptions;

const NO_NEWLINE: &[u8] = b"\n\\ No newline at end of file\n";

/// The unified diff turning `old` into `new`; empty when they are identical.
pub fn unified_diff(old: &[u8], new: &[u8], options: &DiffOptions<'_>) -> Result<Vec<u8>, Error> {
    check_labels(options.old_label, options.new_label)?;
    let diff = diff_lines(old, new, options)?;
    Ok(write(&diff, options.context_lines, options.old_label, options.new_label))
}

impl LineDiff<'_> {
    /// This diff as unified text with `context` lines of context (at most the
    /// context it was computed with) and the given labels. Labels must not
    /// contain CR or LF.
    pub fn unified(&self, context: usize, old_label: &[u8], new_label: &[u8]) -> Result<Vec<u8>, Error> {
        check_labels(old_label, new_label)?;
        Ok(write(self, context.min(self.context), old_label, new_label))
    }
}

/// Writes `diff` as a unified diff with `context` lines of context, which
/// must not exceed the context `diff` was computed with. Identical texts give
/// an empty output, without headers.
pub(crate) fn write(diff: &LineDiff<'_>, context: usize, old_label: &[u8], new_label: &[u8]) -> Vec<u8> {
    let hunks = local_hunks(diff, context);
    if hunks.is_empty() {
        return Vec::new();
    }
    // Sized first, then written into an exact allocation: a single buffer,
    // never regrown, which is what crosses the C boundary. The size comes
    // from the line offsets, a few operations per hunk.
    let size = size(diff, &hunks, old_label, new_label);
    let mut out = Vec::with_capacity(size);
    emit(&mut out, diff, &hunks, old_label, new_label);
    debug_assert_eq!(out.len(), size);
    out
}

/// The length of what `emit` writes.
fn size(diff: &LineDiff<'_>, hunks: &[LocalHunk], old_label: &[u8], new_label: &[u8]) -> usize {
    // Lines `lines` of a side, each with its mark, and the note after a
    // last line without a line end.
    let lines = |side: &Side<'_>, lines: core::ops::Range<usize>| {
        if lines.is_empty() {
            return 0;
        }
        let end = side.bounds[lines.end];
        let note = if side.text[end - 1] == b'\n' { 0 } else { NO_NEWLINE.len() };
        end - side.bounds[lines.start] + lines.len() + note
    };
    let range = |start: usize, count: usize| match count {
        0 => digits(start) + 2,
        1 => digits(start + 1),
        _ => digits(start + 1) + 1 + digits(count),
    };
    let mut size = "--- \n+++ \n".len() + old_label.len() + new_label.len();
    for hunk in hunks {
        size += "@@ - + @@\n".len()
            + range(diff.old.first_line + hunk.old.start, hunk.old.len())
            + range(diff.new.first_line + hunk.new.start, hunk.new.len());
        let mut i = hunk.old.start;
        for change in &hunk.changes {
            size += lines(&diff.old, i..change.old.start) + lines(&diff.old, change.old.clone());
            size += lines(&diff.new, change.new.clone());
            i = change.old.end;
        }
        size += lines(&diff.old, i..hunk.old.end);
    }
    size
}

fn digits(n: usize) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

pub(crate) trait Sink {
    fn put(&mut self, bytes: &[u8]);
}

impl Sink for Vec<u8> {
    fn put(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }
}

fn emit(out: &mut impl Sink, diff: &LineDiff<'_>, hunks: &[LocalHunk], old_label: &[u8], new_label: &[u8]) {
    file_header(out, old_label, new_label);
    for hunk in hunks {
        hunk_header(out, diff, hunk);
        let mut i = hunk.old.start;
        for change in &hunk.changes {
            while i < change.old.start {
                line(out, b' ', &diff.old, i);
                i += 1;
            }
            for k in change.old.clone() {
                line(out, b'-', &diff.old, k);
            }
            for k in change.new.clone() {
                line(out, b'+', &diff.new, k);
            }
            i = change.old.end;
        }
        while i < hunk.old.end {
            line(out, b' ', &diff.old, i);
            i += 1;
        }
    }
}

/// The `---` and `+++` lines.
pub(crate) fn file_header(out: &mut impl Sink, old_label: &[u8], new_label: &[u8]) {
    for (mark, label) in [(b"--- ", old_label), (b"+++ ", new_label)] {
        out.put(mark);
        out.put(label);
        out.put(b"\n");
    }
}

/// `@@ -a,b +c,d @@` and a line end.
pub(crate) fn hunk_header(out: &mut impl Sink, diff: &LineDiff<'_>, hunk: &LocalHunk) {
    out.put(b"@@ -");
    range(out, diff.old.first_line + hunk.old.start, hunk.old.len());
    out.put(b" +");
    range(out, diff.new.first_line + hunk.new.start, hunk.new.len());
    out.put(b" @@\n");
}

/// A hunk range: `start,count`, GNU-style. One line is just its number; an
/// empty range names the line before it (0 at the top of the file).
fn range(out: &mut impl Sink, start: usize, count: usize) {
    let mut digits = [0u8; 20];
    match count {
        0 => {
            out.put(decimal(start, &mut digits));
            out.put(b",0");
        }
        1 => out.put(decimal(start + 1, &mut digits)),
        _ => {
            out.put(decimal(start + 1, &mut digits));
            out.put(b",");
            out.put(decimal(count, &mut digits));
        }
    }
}

fn decimal(mut n: usize, digits: &mut [u8; 20]) -> &[u8] {
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &digits[at..];
        }
    }
}

fn line(out: &mut impl Sink, mark: u8, side: &Side<'_>, i: usize) {
    let text = side.line(i);
    out.put(&[mark]);
    out.put(text);
    if !text.ends_with(b"\n") {
        out.put(NO_NEWLINE);
    }
}
