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

/// A command-line word as GNU diff 3.8 repeats an option on its `diff ...`
/// line (gnulib's shell quoting): as it is when the shell would read it so,
/// else in single quotes (a `'` inside written `'\''`), or in double quotes
/// when it holds a `'` and nothing that is special inside them. `utf8`: the
/// locale's characters are UTF-8, so that a valid multibyte character is a
/// printable one.
pub fn shell(word: &[u8], utf8: bool) -> Vec<u8> {
    if word.is_empty() {
        return b"''".to_vec();
    }
    let special = |at: usize, b: u8| match b {
        b'\t' | b'\n' | b'\r' | b' ' | b'!' | b'"' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b';' | b'<' | b'='
        | b'>' | b'?' | b'[' | b'\\' | b'^' | b'`' | b'|' => true,
        b'#' | b'~' => at == 0,
        b'{' | b'}' => word.len() == 1,
        _ => false,
    };
    if !word.iter().enumerate().any(|(at, &b)| special(at, b)) {
        return word.to_vec();
    }
    if word.contains(&b'\'') && double_quotable(word, utf8) {
        return [&b"\""[..], word, b"\""].concat();
    }
    let mut out = vec![b'\''];
    for &b in word {
        if b == b'\'' {
            out.extend_from_slice(b"'\\''");
        } else {
            out.push(b);
        }
    }
    out.push(b'\'');
    out
}

/// Whether every character of `word` means itself between double quotes
/// and is printable.
fn double_quotable(word: &[u8], utf8: bool) -> bool {
    let plain = |at: usize, b: u8| match b {
        b' ' | b'\'' | b'%' | b'+' | b',' | b'-' | b'.' | b'/' | b':' | b'@' | b']' | b'_' => true,
        b'#' | b'~' => at == 0,
        b'{' | b'}' => word.len() == 1,
        _ => b.is_ascii_alphanumeric(),
    };
    let mut rest = word;
    let mut at = 0;
    while let Some(&b) = rest.first() {
        let len = if b.is_ascii() {
            if !plain(at, b) {
                return false;
            }
            1
        } else {
            match printable_utf8(rest) {
                Some(len) if utf8 => len,
                _ => return false,
            }
        };
        rest = &rest[len..];
        at += len;
    }
    true
}

/// The length of the valid UTF-8 character `bytes` begins with, when it is
/// not a control character.
fn printable_utf8(bytes: &[u8]) -> Option<usize> {
    let len = match bytes[0] {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return None,
    };
    let c = std::str::from_utf8(bytes.get(..len)?).ok()?.chars().next()?;
    (!c.is_control()).then_some(len)
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

    #[test]
    fn quotes_words_as_gnu_diff_repeats_its_options() {
        let sh = |word: &str, utf8: bool| String::from_utf8(shell(word.as_bytes(), utf8)).unwrap();
        assert_eq!(sh("-ruN", false), "-ruN");
        assert_eq!(sh("--exclude=*.o", false), "'--exclude=*.o'");
        assert_eq!(sh("", false), "''");
        assert_eq!(sh("a b", false), "'a b'");
        assert_eq!(sh("it's", false), "\"it's\"");
        assert_eq!(sh("a'b\"c", false), "'a'\\''b\"c'");
        assert_eq!(sh("~x", false), "'~x'");
        assert_eq!(sh("x~#{", false), "x~#{");
        assert_eq!(sh("{", false), "'{'");
        assert_eq!(sh("#'a", false), "\"#'a\"");
        assert_eq!(sh("a'\u{e9}", true), "\"a'\u{e9}\"");
        assert_eq!(sh("a'\u{e9}", false), "'a'\\''\u{e9}'");
        assert_eq!(sh("\u{e9}\x01", false), "\u{e9}\x01");
    }
}
