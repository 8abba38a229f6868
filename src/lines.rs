//! Line splitting. A line ends at LF and keeps it, exactly as GNU diff, patch
//! and git see lines: a lone CR is an ordinary byte, and a final line without
//! LF is a line of its own ("no newline at end of file").

/// Byte offsets of the line starts of `text`, followed by `text.len()`:
/// line `i` is `text[bounds[i]..bounds[i + 1]]`.
pub(crate) fn line_bounds(text: &[u8]) -> Vec<usize> {
    // A guess that is right for typical text avoids regrowing the vector,
    // which would briefly hold two copies of it.
    let mut bounds = Vec::with_capacity(text.len() / 32 + 2);
    bounds.push(0);
    bounds.extend(memchr::memchr_iter(b'\n', text).map(|i| i + 1));
    if bounds.last() != Some(&text.len()) {
        bounds.push(text.len());
    }
    bounds.shrink_to_fit();
    bounds
}

/// Number of LF bytes in `text`.
pub(crate) fn count_newlines(text: &[u8]) -> usize {
    // A byte-wide count per chunk short enough not to overflow: the shape
    // the compiler turns into vector compares and byte adds.
    text.chunks(255).map(|chunk| chunk.iter().fold(0u8, |n, &b| n + u8::from(b == b'\n')) as usize).sum()
}

/// The start of the line `lines` lines before the line start `pos`, or 0 when
/// the text has fewer lines before `pos`.
pub(crate) fn back_lines(text: &[u8], pos: usize, lines: usize) -> usize {
    let mut start = pos;
    for _ in 0..lines {
        if start == 0 {
            break;
        }
        start = match memchr::memrchr(b'\n', &text[..start - 1]) {
            Some(nl) => nl + 1,
            None => 0,
        };
    }
    start
}

/// The offset just past the `lines` lines that begin at the line start `pos`,
/// or `text.len()` when the text has fewer lines after `pos`.
pub(crate) fn forward_lines(text: &[u8], pos: usize, lines: usize) -> usize {
    let mut end = pos;
    for _ in 0..lines {
        if end == text.len() {
            break;
        }
        end = match memchr::memchr(b'\n', &text[end..]) {
            Some(nl) => end + nl + 1,
            None => text.len(),
        };
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_keep_terminators_and_a_last_partial_line() {
        assert_eq!(line_bounds(b""), vec![0]);
        assert_eq!(line_bounds(b"a\nb\n"), vec![0, 2, 4]);
        assert_eq!(line_bounds(b"a\nb"), vec![0, 2, 3]);
        assert_eq!(line_bounds(b"\n\n"), vec![0, 1, 2]);
        // A lone CR does not end a line; CRLF ends at its LF.
        assert_eq!(line_bounds(b"a\rb\r\nc"), vec![0, 5, 6]);
    }

    #[test]
    fn newline_count_matches_a_naive_count() {
        let mut text = Vec::new();
        for i in 0..20_000u32 {
            text.push(if i % 7 == 0 || i % 11 == 3 { b'\n' } else { (i % 251) as u8 });
        }
        for len in [0, 1, 31, 32, 33, 8159, 8160, 8161, text.len()] {
            let naive = text[..len].iter().filter(|&&b| b == b'\n').count();
            assert_eq!(count_newlines(&text[..len]), naive, "len {len}");
        }
    }

    #[test]
    fn moving_by_lines() {
        let t = b"a\nbb\nccc\nd";
        assert_eq!(back_lines(t, 9, 0), 9);
        assert_eq!(back_lines(t, 9, 1), 5);
        assert_eq!(back_lines(t, 9, 2), 2);
        assert_eq!(back_lines(t, 9, 9), 0);
        assert_eq!(forward_lines(t, 2, 0), 2);
        assert_eq!(forward_lines(t, 2, 1), 5);
        assert_eq!(forward_lines(t, 2, 2), 9);
        assert_eq!(forward_lines(t, 2, 3), 10);
        assert_eq!(forward_lines(t, 2, 9), 10);
    }
}
