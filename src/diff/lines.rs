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
    // A 64-bit mask of the LFs in each 64-byte block, then one push per set
    // bit: as fast as a byte search on long lines, and much faster than one
    // search per line when lines are short.
    let (blocks, rest) = text.as_chunks::<64>();
    for (b, block) in blocks.iter().enumerate() {
        let mut mask = newline_mask(block);
        let base = b * 64 + 1;
        while mask != 0 {
            bounds.push(base + mask.trailing_zeros() as usize);
            mask &= mask - 1;
        }
    }
    let done = blocks.len() * 64;
    bounds.extend(rest.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| done + i + 1));
    if bounds.last() != Some(&text.len()) {
        bounds.push(text.len());
    }
    bounds
}

/// Bit `i` set where `block[i]` is LF.
#[cfg(target_arch = "x86_64")]
#[inline]
fn newline_mask(block: &[u8; 64]) -> u64 {
    use core::arch::x86_64::{__m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8};
    let mut mask = 0u64;
    for (k, quarter) in block.as_chunks::<16>().0.iter().enumerate() {
        // SAFETY: SSE2 is part of x86_64; the load reads the 16 bytes of
        // `quarter`, with no alignment requirement.
        let bits = unsafe {
            let bytes = _mm_loadu_si128(quarter.as_ptr().cast::<__m128i>());
            _mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(b'\n' as i8))) as u16
        };
        mask |= u64::from(bits) << (16 * k);
    }
    mask
}

#[cfg(not(target_arch = "x86_64"))]
#[inline]
fn newline_mask(block: &[u8; 64]) -> u64 {
    block.iter().enumerate().fold(0, |mask, (i, &byte)| mask | u64::from(byte == b'\n') << i)
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
    fn bounds_agree_with_a_naive_split_across_blocks() {
        let mut seed = 7u64;
        for len in [0, 1, 63, 64, 65, 127, 128, 129, 1000] {
            let text: Vec<u8> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    if (seed >> 60) < 3 { b'\n' } else { (seed >> 33) as u8 | 1 }
                })
                .collect();
            let mut naive = vec![0];
            naive.extend(text.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| i + 1));
            if naive.last() != Some(&text.len()) {
                naive.push(text.len());
            }
            assert_eq!(line_bounds(&text), naive, "len {len}");
        }
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
