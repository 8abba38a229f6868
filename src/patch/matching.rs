//! Comparing a hunk's lines with the text's, in modes of increasing
//! leniency (the rungs of the matching ladder), and finding quickly where a
//! run of lines occurs: every line is hashed once per mode, and a window of
//! lines is compared by a polynomial hash over those (then verified line by
//! line), so each position tried costs O(1) however long the hunk. Each
//! mode's index also knows where every distinct line is, so that a hunk is
//! looked for only where its rarest line is.

use core::hash::{BuildHasher, Hasher};
use std::cell::OnceCell;

use foldhash::fast::FixedState;
use hashbrown::HashMap;

/// How lines are compared: the rungs of the matching ladder. The ladder
/// goes Exact, LineEndings, TrailingWhitespace, (Whitespace when asked),
/// Trimmed, Punctuation; each rung ignores the line end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MatchMode {
    /// Byte for byte, with the line's end (LF, or none at the end of the
    /// text).
    Exact,
    /// Ignoring the line end: LF, CRLF and none are the same.
    LineEndings,
    /// Ignoring line ends, whitespace at the end of a line, and the amount
    /// (not the presence) of whitespace elsewhere, as `diff -b` does.
    Whitespace,
    /// Ignoring line ends and whitespace at the end of a line.
    TrailingWhitespace,
    /// Ignoring line ends and whitespace at both ends of a line
    /// (indentation).
    Trimmed,
    /// As `Trimmed`, with typographic punctuation read as ASCII: the dashes
    /// U+2010 to U+2015 and U+2212 as `-`, curly single quotes as `'`, curly
    /// double quotes as `"`, and NBSP and the other Unicode spaces as a
    /// space.
    Punctuation,
}

impl MatchMode {
    /// The number of modes, for tables indexed by mode.
    pub(crate) const COUNT: usize = 6;
}

/// A line: its bytes without LF, and whether the LF is there.
pub type Line<'a> = (&'a [u8], bool);

/// A text split into lines at LF.
pub struct Text<'t> {
    pub bytes: &'t [u8],
    /// Line starts, then the text's length. The first line starts after a
    /// byte order mark the lines are read without.
    bounds: Vec<usize>,
    crlf: OnceCell<bool>,
}

impl<'t> Text<'t> {
    #[cfg(test)]
    pub fn new(bytes: &'t [u8]) -> Text<'t> {
        Text::new_for(bytes, false)
    }

    /// The text, read without its UTF-8 byte order mark, if it has one,
    /// when `skip_bom`: a patch whose lines do not have it then matches the
    /// first line, and the mark stays where it is.
    pub fn new_for(bytes: &'t [u8], skip_bom: bool) -> Text<'t> {
        let start = if skip_bom && bytes.starts_with(b"\xef\xbb\xbf") { 3 } else { 0 };
        let mut bounds = vec![start];
        bounds.extend(memchr::memchr_iter(b'\n', &bytes[start..]).map(|i| start + i + 1));
        if bounds.last() != Some(&bytes.len()) {
            bounds.push(bytes.len());
        }
        Text { bytes, bounds, crlf: OnceCell::new() }
    }

    /// The bytes before the first line: a byte order mark read apart.
    pub fn prefix(&self) -> &'t [u8] {
        &self.bytes[..self.bounds[0]]
    }

    /// Whether every line that ends has CRLF, and one does.
    pub fn crlf(&self) -> bool {
        *self.crlf.get_or_init(|| {
            let mut ends = memchr::memchr_iter(b'\n', self.bytes).peekable();
            ends.peek().is_some() && ends.all(|i| i > 0 && self.bytes[i - 1] == b'\r')
        })
    }

    /// The number of lines.
    pub fn len(&self) -> usize {
        self.bounds.len() - 1
    }

    /// Line `i` with its LF, as it is in the text.
    pub fn raw(&self, i: usize) -> &'t [u8] {
        &self.bytes[self.bounds[i]..self.bounds[i + 1]]
    }

    pub fn line(&self, i: usize) -> Line<'t> {
        let raw = self.raw(i);
        match raw.strip_suffix(b"\n") {
            Some(body) => (body, true),
            None => (raw, false),
        }
    }

    /// The byte offset where line `i` starts (the text's length for
    /// `i == len()`).
    pub fn start_of(&self, i: usize) -> usize {
        self.bounds[i]
    }

    /// The line the byte at `offset` is on (a byte of the prefix is on the
    /// first line).
    pub fn line_at(&self, offset: usize) -> usize {
        self.bounds.partition_point(|&b| b <= offset).saturating_sub(1).min(self.len().saturating_sub(1))
    }

    /// Lines `range`, as they are in the text.
    pub fn raw_lines(&self, range: core::ops::Range<usize>) -> &'t [u8] {
        &self.bytes[self.bounds[range.start]..self.bounds[range.end]]
    }
}

fn is_blank(b: &u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | 0x0b | 0x0c)
}

/// The bytes a line is compared by in `Whitespace` mode: runs of whitespace
/// become one space, and whitespace at the end goes.
fn squeezed(body: &[u8]) -> impl Iterator<Item = u8> + '_ {
    let end = body.iter().rposition(|b| !is_blank(b)).map_or(0, |i| i + 1);
    let body = &body[..end];
    body.iter()
        .enumerate()
        .filter(move |&(i, b)| !(is_blank(b) && i > 0 && is_blank(&body[i - 1])))
        .map(|(_, &b)| if is_blank(&b) { b' ' } else { b })
}

fn without_cr(body: &[u8]) -> &[u8] {
    body.strip_suffix(b"\r").unwrap_or(body)
}

fn without_trailing(body: &[u8]) -> &[u8] {
    &body[..body.iter().rposition(|b| !is_blank(b)).map_or(0, |i| i + 1)]
}

fn trimmed(body: &[u8]) -> &[u8] {
    let body = without_trailing(body);
    &body[body.iter().position(|b| !is_blank(b)).unwrap_or(body.len())..]
}

/// The ASCII stand-in for a typographic character, if it has one.
fn plain(c: char) -> Option<u8> {
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Some(b'-'),
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' => Some(b'\''),
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' => Some(b'"'),
        '\u{00a0}' | '\u{2002}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => Some(b' '),
        _ => None,
    }
}

/// The bytes a line is compared by in `Punctuation` mode, into `out`.
fn punctuation(body: &[u8], out: &mut Vec<u8>) {
    out.clear();
    for chunk in body.utf8_chunks() {
        let valid = chunk.valid();
        if valid.is_ascii() {
            out.extend_from_slice(valid.as_bytes());
        } else {
            for c in valid.chars() {
                match plain(c) {
                    Some(b) => out.push(b),
                    None => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
                }
            }
        }
        out.extend_from_slice(chunk.invalid());
    }
    let end = out.iter().rposition(|b| !is_blank(b)).map_or(0, |i| i + 1);
    let start = out[..end].iter().position(|b| !is_blank(b)).unwrap_or(end);
    out.truncate(end);
    out.drain(..start);
}

/// Whether two lines are the same in `mode`.
pub fn same(a: Line<'_>, b: Line<'_>, mode: MatchMode) -> bool {
    match mode {
        MatchMode::Exact => a == b,
        MatchMode::LineEndings => without_cr(a.0) == without_cr(b.0),
        MatchMode::Whitespace => squeezed(a.0).eq(squeezed(b.0)),
        MatchMode::TrailingWhitespace => without_trailing(a.0) == without_trailing(b.0),
        MatchMode::Trimmed => trimmed(a.0) == trimmed(b.0),
        MatchMode::Punctuation => {
            let (mut x, mut y) = (Vec::new(), Vec::new());
            punctuation(a.0, &mut x);
            punctuation(b.0, &mut y);
            x == y
        }
    }
}

/// Arithmetic modulo the Mersenne prime 2^61 - 1, where polynomial hashes
/// of line sequences collide only by design, not by accident of the input.
const P: u64 = (1 << 61) - 1;
const BASE: u64 = 0x1d3f_84a5_b7c9_e601 % P;

fn mul(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    let folded = (product & u128::from(P)) + (product >> 61);
    let folded = folded as u64;
    if folded >= P { folded - P } else { folded }
}

fn add(a: u64, b: u64) -> u64 {
    let sum = a + b;
    if sum >= P { sum - P } else { sum }
}

fn power(mut base: u64, mut exp: u64) -> u64 {
    let mut result = 1;
    while exp > 0 {
        if exp & 1 == 1 {
            result = mul(result, base);
        }
        base = mul(base, base);
        exp >>= 1;
    }
    result
}

/// A line's hash in `mode`, below `P`.
pub fn line_hash(line: Line<'_>, mode: MatchMode, scratch: &mut Vec<u8>) -> u64 {
    let mut hasher = FixedState::with_seed(0x6661_7374_2d64_6966).build_hasher();
    match mode {
        MatchMode::Exact => {
            hasher.write(line.0);
            hasher.write_u8(u8::from(line.1));
        }
        MatchMode::LineEndings => hasher.write(without_cr(line.0)),
        MatchMode::Whitespace => {
            scratch.clear();
            scratch.extend(squeezed(line.0));
            hasher.write(scratch);
        }
        MatchMode::TrailingWhitespace => hasher.write(without_trailing(line.0)),
        MatchMode::Trimmed => hasher.write(trimmed(line.0)),
        MatchMode::Punctuation => {
            punctuation(line.0, scratch);
            hasher.write(scratch);
        }
    }
    hasher.finish() % P
}

/// The hash of a sequence of line hashes, as [`Index::window`] gives it.
#[cfg(test)]
pub fn sequence_hash(hashes: impl IntoIterator<Item = u64>) -> u64 {
    hashes.into_iter().fold(0, |acc, h| add(mul(acc, BASE), h))
}

/// Every line's hash in one mode, prefix hashes to hash any window of
/// lines in O(1), and (made when first asked for) where each distinct line
/// is.
pub struct Index {
    pub hashes: Vec<u64>,
    prefix: Vec<u64>,
    places: OnceCell<Places>,
}

impl Index {
    pub fn new(text: &Text<'_>, mode: MatchMode) -> Index {
        let mut scratch = Vec::new();
        Index::of_lines((0..text.len()).map(|i| line_hash(text.line(i), mode, &mut scratch)).collect())
    }

    /// The index of lines whose hashes are `hashes`.
    pub fn of_lines(hashes: Vec<u64>) -> Index {
        let mut prefix = Vec::with_capacity(hashes.len() + 1);
        prefix.push(0);
        for &h in &hashes {
            prefix.push(add(mul(*prefix.last().unwrap(), BASE), h));
        }
        Index { hashes, prefix, places: OnceCell::new() }
    }

    /// Where each distinct line is.
    pub fn places(&self) -> &Places {
        self.places.get_or_init(|| Places::new(&self.hashes))
    }

    /// The hash of lines `start..start + len`, as `sequence_hash` computes
    /// it; `shift` must be `BASE^len` (see [`shift`]).
    pub fn window(&self, start: usize, len: usize, shift: u64) -> u64 {
        let end = self.prefix[start + len];
        let before = mul(self.prefix[start], shift);
        add(end, P - before)
    }
}

/// The lines of a text grouped by hash: for each distinct line, its
/// positions in ascending order, in one array.
pub struct Places {
    ids: HashMap<u64, usize, FixedState>,
    /// Where each id's positions start in `positions`, then the end.
    starts: Vec<usize>,
    positions: Vec<usize>,
}

impl Places {
    fn new(hashes: &[u64]) -> Places {
        let mut ids: HashMap<u64, usize, FixedState> = HashMap::with_hasher(FixedState::with_seed(0x706c_6163_6573));
        let mut counts: Vec<usize> = Vec::new();
        let line_ids: Vec<usize> = hashes
            .iter()
            .map(|&h| {
                let id = *ids.entry(h).or_insert_with(|| {
                    counts.push(0);
                    counts.len() - 1
                });
                counts[id] += 1;
                id
            })
            .collect();
        let mut starts = Vec::with_capacity(counts.len() + 1);
        starts.push(0);
        for count in counts {
            starts.push(starts.last().unwrap() + count);
        }
        let mut next = starts.clone();
        let mut positions = vec![0; hashes.len()];
        for (j, &id) in line_ids.iter().enumerate() {
            positions[next[id]] = j;
            next[id] += 1;
        }
        Places { ids, starts, positions }
    }

    /// The positions of the lines whose hash is `hash`, ascending.
    pub fn of(&self, hash: u64) -> &[usize] {
        match self.ids.get(&hash) {
            Some(&id) => &self.positions[self.starts[id]..self.starts[id + 1]],
            None => &[],
        }
    }
}

/// `BASE^len`, for [`Index::window`].
pub fn shift(len: usize) -> u64 {
    power(BASE, len as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_compare_as_documented() {
        let cases: &[(Line<'_>, Line<'_>, [bool; 3])] = &[
            ((b"a", true), (b"a", true), [true, true, true]),
            ((b"a", true), (b"a", false), [false, true, true]),
            ((b"a\r", true), (b"a", true), [false, true, true]),
            ((b"a  b\t", true), (b"a\tb", true), [false, false, true]),
            ((b" a", true), (b"a", true), [false, false, false]),
            ((b"ab", true), (b"a b", true), [false, false, false]),
            ((b"a\r\r", true), (b"a", true), [false, false, true]),
        ];
        let mut scratch = Vec::new();
        for &(a, b, expected) in cases {
            for (mode, expect) in
                [MatchMode::Exact, MatchMode::LineEndings, MatchMode::Whitespace].into_iter().zip(expected)
            {
                assert_eq!(same(a, b, mode), expect, "{a:?} {b:?} {mode:?}");
                if expect {
                    assert_eq!(line_hash(a, mode, &mut scratch), line_hash(b, mode, &mut scratch));
                }
            }
        }
    }

    #[test]
    fn window_hashes_match_sequence_hashes() {
        let text = Text::new(b"a\nb\r\nc\n\nd");
        assert_eq!(text.len(), 5);
        assert_eq!(text.line(4), (&b"d"[..], false));
        assert_eq!(text.raw_lines(1..3), b"b\r\nc\n");
        let index = Index::new(&text, MatchMode::Exact);
        for start in 0..=5 {
            for len in 0..=5 - start {
                let expected = sequence_hash(index.hashes[start..start + len].iter().copied());
                assert_eq!(index.window(start, len, shift(len)), expected, "{start} {len}");
            }
        }
        assert_eq!(Text::new(b"").len(), 0);
        assert_eq!(Text::new(b"\n").len(), 1);
    }

    #[test]
    fn modular_arithmetic() {
        assert_eq!(mul(P - 1, P - 1), 1);
        assert_eq!(power(BASE, 0), 1);
        assert_eq!(power(BASE, 3), mul(BASE, mul(BASE, BASE)));
        assert_eq!(add(P - 1, 1), 0);
    }
}
