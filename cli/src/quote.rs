//! File names in C-style quotes, as GNU diff writes them in unified headers
//! and git in `--stat` lines: a name with a byte that would be ambiguous or
//! invisible there is written between double quotes, with `\t`-style and
//! octal escapes. The two tools differ only in which bytes force quoting.

/// Which bytes force quoting.
#[derive(Clone, Copy)]
pub enum Style {
    /// GNU diff 3.8: control bytes, space, `"`, `\` and non-ASCII.
    GnuDiff,
    /// git with `core.quotePath` (its default): control bytes, DEL, `"`,
    /// `\` and non-ASCII; not space.
    Git,
}

fn forces_quoting(b: u8, style: Style) -> bool {
    match style {
        Style::GnuDiff => b <= b' ' || b == b'"' || b == b'\\' || b >= 0x80,
        Style::Git => b < b' ' || b == 0x7f || b == b'"' || b == b'\\' || b >= 0x80,
    }
}

/// `name` as it is, or quoted when one of its bytes forces quoting.
pub fn quote(name: &[u8], style: Style) -> Vec<u8> {
    if !name.iter().any(|&b| forces_quoting(b, style)) {
        return name.to_vec();
    }
    let mut out = Vec::with_capacity(name.len() + 8);
    out.push(b'"');
    for &b in name {
        let escape = match b {
            b'\x07' => Some(b'a'),
            b'\x08' => Some(b'b'),
            b'\t' => Some(b't'),
            b'\n' => Some(b'n'),
            b'\x0b' => Some(b'v'),
            b'\x0c' => Some(b'f'),
            b'\r' => Some(b'r'),
            b'"' | b'\\' => Some(b),
            _ => None,
        };
        match escape {
            Some(e) => out.extend_from_slice(&[b'\\', e]),
            None if !(b' '..0x7f).contains(&b) => {
                out.extend_from_slice(&[b'\\', b'0' + (b >> 6), b'0' + ((b >> 3) & 7), b'0' + (b & 7)])
            }
            None => out.push(b),
        }
    }
    out.push(b'"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(name: &[u8], style: Style) -> String {
        String::from_utf8(quote(name, style)).unwrap()
    }

    #[test]
    fn quotes_as_gnu_diff_and_git_do() {
        assert_eq!(q(b"plain/name-1.txt", Style::GnuDiff), "plain/name-1.txt");
        assert_eq!(q(b"it's $x #1", Style::Git), "it's $x #1");
        assert_eq!(q(b"sp ace", Style::GnuDiff), "\"sp ace\"");
        assert_eq!(q(b"nl\nta\tb\\q\"", Style::GnuDiff), r#""nl\nta\tb\\q\"""#);
        assert_eq!(q("caf\u{e9}".as_bytes(), Style::GnuDiff), r#""caf\303\251""#);
        assert_eq!(q(b"bad\xff\x01", Style::Git), r#""bad\377\001""#);
        assert_eq!(q(b"d\x7fl", Style::GnuDiff), "d\x7fl");
        assert_eq!(q(b"d\x7fl", Style::Git), r#""d\177l""#);
    }
}
