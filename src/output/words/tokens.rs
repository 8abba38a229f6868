//! What a token is, for each granularity: the tokens of a text, read one at
//! a time (a change's tokens are read twice, once to diff them and once to
//! write the spans, rather than kept), and the places where two texts that
//! share bytes must also share their token boundaries.

use unicode_segmentation::UnicodeSegmentation;

use super::Granularity;

#[derive(PartialEq)]
enum Class {
    Word,
    Space,
    Other,
}

fn class(b: u8) -> Class {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | 0x80.. => Class::Word,
        b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c' => Class::Space,
        _ => Class::Other,
    }
}

/// The end offset of each token of `text`, in order; together the tokens
/// cover it exactly.
pub(super) fn token_ends(text: &[u8], granularity: Granularity) -> Box<dyn Iterator<Item = usize> + '_> {
    match granularity {
        Granularity::Words => {
            let mut start = 0;
            Box::new(core::iter::from_fn(move || {
                if start >= text.len() {
                    return None;
                }
                let c = class(text[start]);
                let mut end = start + 1;
                if c != Class::Other {
                    end += text[end..].iter().take_while(|&&b| class(b) == c).count();
                }
                start = end;
                Some(end)
            }))
        }
        Granularity::Chars => Box::new(text.utf8_chunks().flat_map(move |chunk| {
            let base = chunk.valid().as_ptr() as usize - text.as_ptr() as usize;
            let valid = chunk.valid().char_indices().map(move |(i, c)| base + i + c.len_utf8());
            valid.chain(invalid_bytes(base + chunk.valid().len(), chunk.invalid().len()))
        })),
        Granularity::Graphemes => Box::new(text.utf8_chunks().flat_map(move |chunk| {
            let base = chunk.valid().as_ptr() as usize - text.as_ptr() as usize;
            let valid = chunk.valid().grapheme_indices(true).map(move |(i, g)| base + i + g.len());
            valid.chain(invalid_bytes(base + chunk.valid().len(), chunk.invalid().len()))
        })),
    }
}

/// Bytes that are not UTF-8 are tokens of one byte each.
fn invalid_bytes(at: usize, len: usize) -> impl Iterator<Item = usize> {
    (at..at + len).map(|i| i + 1)
}

/// Whether offset `i` of `t` is a token boundary that the bytes on one side
/// of it decide alone, so that two texts sharing those bytes tokenise them
/// alike: a run of word or space bytes ends (words), a UTF-8 sequence
/// starts (chars), or two ASCII characters other than CR LF meet
/// (graphemes: no cluster rule joins those, and none looks past them).
fn fixed_boundary(t: &[u8], i: usize, granularity: Granularity) -> bool {
    if i == 0 || i == t.len() {
        return true;
    }
    match granularity {
        Granularity::Words => class(t[i - 1]) == Class::Other || class(t[i - 1]) != class(t[i]),
        Granularity::Chars => !(0x80..=0xbf).contains(&t[i]),
        Granularity::Graphemes => t[i - 1].is_ascii() && t[i].is_ascii() && (t[i - 1], t[i]) != (b'\r', b'\n'),
    }
}

/// The bytes at the start of `old` and `new` that are the same tokens in
/// both: their common beginning, cut back to a boundary both share.
pub(super) fn common_prefix(old: &[u8], new: &[u8], granularity: Granularity) -> usize {
    let mut i = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    while !(fixed_boundary(old, i, granularity) && fixed_boundary(new, i, granularity)) {
        i -= 1;
    }
    i
}

/// The bytes at the end of `old` and `new` that are the same tokens in
/// both: their common end, cut forward to a boundary both share.
pub(super) fn common_suffix(old: &[u8], new: &[u8], granularity: Granularity) -> usize {
    let mut n = old.iter().rev().zip(new.iter().rev()).take_while(|(a, b)| a == b).count();
    while !(fixed_boundary(old, old.len() - n, granularity) && fixed_boundary(new, new.len() - n, granularity)) {
        n -= 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cover(text: &[u8], granularity: Granularity) -> Vec<&[u8]> {
        let mut start = 0;
        let pieces: Vec<&[u8]> = token_ends(text, granularity)
            .map(|end| {
                let piece = &text[start..end];
                start = end;
                piece
            })
            .collect();
        assert_eq!(start, text.len(), "tokens cover the text");
        pieces
    }

    #[test]
    fn tokens_never_split_utf8() {
        assert_eq!(cover(b"foo_1 +bar\n", Granularity::Words), [&b"foo_1"[..], b" ", b"+", b"bar", b"\n"]);
        assert_eq!(cover("caf\u{e9} x".as_bytes(), Granularity::Words), ["caf\u{e9}".as_bytes(), b" ", b"x"]);
        assert_eq!(cover(b"a\xc3\xa9\xff", Granularity::Chars), [&b"a"[..], b"\xc3\xa9", b"\xff"]);
        assert_eq!(cover(b"\xe2\x82a", Granularity::Chars), [&b"\xe2"[..], b"\x82", b"a"]);
        // e + combining acute accent is one cluster, two chars.
        assert_eq!(cover("e\u{301}x".as_bytes(), Granularity::Graphemes).len(), 2);
        assert_eq!(cover("e\u{301}x".as_bytes(), Granularity::Chars).len(), 3);
    }

    /// Every cut lies on a token boundary of both texts, and the tokens
    /// before (after) it are the same on both sides.
    #[test]
    fn common_ends_are_shared_tokens() {
        let cases: &[(&str, &str)] = &[
            ("abc def", "abc deg"),
            ("ab", "abc"),
            ("x e", "x e\u{301}"),
            ("a\r", "a\r\n"),
            ("\u{1f1eb}\u{1f1f7}x", "\u{1f1eb}\u{1f1f7}\u{1f1e9}\u{1f1ea}x"),
            ("same", "same"),
            ("q\u{e9}", "r\u{e9}"),
        ];
        for &(old, new) in cases {
            for granularity in [Granularity::Words, Granularity::Chars, Granularity::Graphemes] {
                let (old, new) = (old.as_bytes(), new.as_bytes());
                let tokens = |t: &[u8]| cover(t, granularity).into_iter().map(<[u8]>::to_vec).collect::<Vec<_>>();
                let p = common_prefix(old, new, granularity);
                let (a, b) = (tokens(&old[..p]), tokens(&new[..p]));
                assert_eq!(a, b);
                assert_eq!(tokens(old)[..a.len()], a[..], "{old:?} {new:?} {granularity:?}");
                assert_eq!(tokens(new)[..a.len()], a[..], "{old:?} {new:?} {granularity:?}");
                let s = common_suffix(&old[p..], &new[p..], granularity);
                let (a, b) = (tokens(&old[old.len() - s..]), tokens(&new[new.len() - s..]));
                assert_eq!(a, b);
                assert!(tokens(&old[p..]).ends_with(&a), "{old:?} {new:?} {granularity:?}");
                assert!(tokens(&new[p..]).ends_with(&a), "{old:?} {new:?} {granularity:?}");
            }
        }
    }
}
