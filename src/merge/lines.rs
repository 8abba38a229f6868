//! The three inputs as lines: every line of each text, found once, so that
//! the later stages can copy and compare lines by number.

use core::ops::Range;

/// A text and where each of its lines starts. Lines end after an LF; a last
/// line without one is a line too.
pub(crate) struct Lines<'a> {
    pub text: &'a [u8],
    /// `starts[i]` is where line `i` begins; one more entry, the text's
    /// length, closes the last line.
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a [u8]) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 32 + 2);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text).map(|i| i + 1));
        if text.last().is_some_and(|&b| b != b'\n') {
            starts.push(text.len());
        }
        Lines { text, starts }
    }

    pub(crate) fn len(&self) -> usize {
        self.starts.len() - 1
    }

    pub(crate) fn line(&self, i: usize) -> &'a [u8] {
        &self.text[self.starts[i]..self.starts[i + 1]]
    }

    /// The bytes of the lines in `range`.
    pub(crate) fn span(&self, range: Range<usize>) -> &'a [u8] {
        &self.text[self.starts[range.start]..self.starts[range.end]]
    }

    /// Whether the lines in `a` here and `b` in `other` are the same bytes.
    pub(crate) fn same(&self, a: Range<usize>, other: &Lines<'_>, b: Range<usize>) -> bool {
        a.len() == b.len() && self.span(a) == other.span(b)
    }
}

/// The base and the two sides.
pub(crate) struct Texts<'a> {
    pub base: Lines<'a>,
    pub ours: Lines<'a>,
    pub theirs: Lines<'a>,
}

impl<'a> Texts<'a> {
    pub(crate) fn new(base: &'a [u8], ours: &'a [u8], theirs: &'a [u8]) -> Self {
        Texts { base: Lines::new(base), ours: Lines::new(ours), theirs: Lines::new(theirs) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_after_each_lf_and_at_the_end() {
        let l = Lines::new(b"a\n\nb\r\nc");
        assert_eq!(l.len(), 4);
        assert_eq!([l.line(0), l.line(1), l.line(2), l.line(3)], [&b"a\n"[..], b"\n", b"b\r\n", b"c"]);
        assert_eq!(l.span(1..3), b"\nb\r\n");
        assert_eq!(Lines::new(b"").len(), 0);
        assert_eq!(Lines::new(b"x\n").len(), 1);
        assert_eq!(Lines::new(b"\0\xff").len(), 1);
    }
}
