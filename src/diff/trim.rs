//! Setting aside the common beginning and end of two texts before anything
//! is split into lines: for a small edit in a large file, this byte compare
//! is nearly all the work there is.

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

/// Equal blocks are first compared this many bytes at a time, so that on
/// large texts the compare runs at `memcmp`'s speed: on prose_10m, a diff
/// took about 30% less time than with 1 KiB blocks alone (benches/c_call.c,
/// the two libraries alternating)...
const BIG_BLOCK: usize = 64 * 1024;
/// ...then this many, to narrow down the first difference.
const BLOCK: usize = 1024;

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

/// Length of the longest common prefix.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let equal_block = |i: usize, size: usize| i + size <= n && a[i..i + size] == b[i..i + size];
    let mut i = 0;
    while equal_block(i, BIG_BLOCK) {
        i += BIG_BLOCK;
    }
    while equal_block(i, BLOCK) {
        i += BLOCK;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// Length of the longest common suffix.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let (a, b) = (&a[a.len() - n..], &b[b.len() - n..]);
    let equal_block = |i: usize, size: usize| i + size <= n && a[n - i - size..n - i] == b[n - i - size..n - i];
    let mut i = 0;
    while equal_block(i, BIG_BLOCK) {
        i += BIG_BLOCK;
    }
    while equal_block(i, BLOCK) {
        i += BLOCK;
    }
    while i < n && a[n - i - 1] == b[n - i - 1] {
        i += 1;
    }
    i
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

    #[test]
    fn block_compares_agree_with_bytewise_ones() {
        for size in [5000, 3 * BIG_BLOCK + 5000] {
            let mut a = vec![b'x'; size];
            let mut b = a.clone();
            for at in [0, 1999, BIG_BLOCK - 1, BIG_BLOCK + 1, size - 1].into_iter().filter(|&at| at < size) {
                b[at] = b'y';
                assert_eq!(common_prefix(&a, &b), at);
                assert_eq!(common_suffix(&a, &b), size - at - 1);
                b[at] = b'x';
            }
            b[size - 1999] = b'y';
            assert_eq!(common_suffix(&a, &b), 1998);
            a.truncate(2000);
            assert_eq!(common_prefix(&a, &b), 2000);
            assert_eq!(common_suffix(&a, &b), 1998);
        }
    }
}
