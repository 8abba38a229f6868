//! Setting aside the common beginning and end of two texts before anything
//! is split into lines: for a small edit in a large file, this byte compare
//! is nearly all the work there is.

use super::common::{common_prefix, common_suffix};
use super::lines::{back_lines, forward_lines};

/// The part of both texts that needs line-by-line comparison: `start` (the
/// same offset in both, a line start) up to `old_end` / `new_end`. It keeps
/// `context` common lines on each side of the difference, so that changes can
/// be shown with their context and slid by the compaction.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Window {
    pub start: usize,
    pub old_end: usize,
    pub new_end: usize,
}

/// `None` when the texts are identical.
pub(crate) fn window(old: &[u8], new: &[u8], context: usize) -> Option<Window> {
    let prefix = common_prefix(old, new);
    if prefix == old.len() && prefix == new.len() {
        return None;
    }
    // Back to the start of the line the first difference is in.
    let start = memchr::memrchr(b'\n', &old[..prefix]).map_or(0, |nl| nl + 1);

    let (old_rest, new_rest) = (&old[start..], &new[start..]);
    let suffix = common_suffix(old_rest, new_rest);
    let (old_tail, new_tail) = (old.len() - suffix, new.len() - suffix);
    // The common end counts from a line start that is one in both texts:
    // the tail itself if both have a line break (or the window start) just
    // before it, otherwise the first line break inside it.
    let at_line_start = |text: &[u8], at: usize| at == start || text[at - 1] == b'\n';
    let skip = if at_line_start(old, old_tail) && at_line_start(new, new_tail) {
        0
    } else {
        memchr::memchr(b'\n', &old[old_tail..]).map_or(suffix, |nl| nl + 1)
    };

    let start = back_lines(old, start, context);
    Some(Window {
        start,
        old_end: forward_lines(old, old_tail + skip, context),
        new_end: forward_lines(new, new_tail + skip, context),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(old: &str, new: &str, context: usize) -> (String, String) {
        let w = window(old.as_bytes(), new.as_bytes(), context).unwrap();
        (old[w.start..w.old_end].to_string(), new[w.start..w.new_end].to_string())
    }

    #[test]
    fn windows_are_whole_differing_lines() {
        assert_eq!(w("a\nb\nc\n", "a\nx\nc\n", 0), ("b\n".into(), "x\n".into()));
        assert_eq!(w("a\nb\nc\n", "a\nx\nc\n", 1), ("a\nb\nc\n".into(), "a\nx\nc\n".into()));
        assert_eq!(w("abc\n", "abd\n", 0), ("abc\n".into(), "abd\n".into()));
        // A changed line whose end matches the next line's start.
        assert_eq!(w("a\nxb\nc\n", "a\nb\nc\n", 0), ("xb\n".into(), "b\n".into()));
        assert_eq!(w("x\nb\n", "b\n", 0), ("x\n".into(), "".into()));
        assert_eq!(w("b\n", "x\nb\n", 0), ("".into(), "x\n".into()));
    }

    #[test]
    fn missing_final_newlines_stay_inside() {
        assert_eq!(w("a\nb", "a\nb\n", 0), ("b".into(), "b\n".into()));
        assert_eq!(w("a\nb\n", "a\nb", 5), ("a\nb\n".into(), "a\nb".into()));
        assert_eq!(w("a", "ab", 0), ("a".into(), "ab".into()));
    }

    #[test]
    fn identical_texts_give_no_window() {
        assert_eq!(window(b"a\nb\n", b"a\nb\n", 3), None);
        assert_eq!(window(b"", b"", 3), None);
        assert_eq!(window(b"a", b"a", 0), None);
    }
}
