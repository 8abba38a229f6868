//! File names in patch headers: `--- name<TAB>timestamp`, git's quoted
//! names (`"a/caf\303\251"`), `/dev/null`, and the `a/` `b/` prefixes.

pub const DEV_NULL: &[u8] = b"/dev/null";

/// The name on a `---` / `+++` line, after the marker: unquoted, without
/// the timestamp GNU diff and difflib put after a TAB, and without a CR.
pub fn header_name(rest: &[u8]) -> Vec<u8> {
    let rest = rest.strip_suffix(b"\r").unwrap_or(rest);
    if rest.first() == Some(&b'"')
        && let Some((name, _)) = unquote(rest)
    {
        return name;
    }
    let name = match memchr::memchr(b'\t', rest) {
        Some(tab) => &rest[..tab],
        None => rest,
    };
    name.to_vec()
}

/// The two names of a `diff --git A B` line, after `diff --git `. Unquoted
/// names containing spaces are split where both halves name the same path
/// under their prefixes, which is how git writes an unrenamed file.
pub fn git_names(rest: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    let rest = rest.strip_suffix(b"\r").unwrap_or(rest);
    let (old, after) = if rest.first() == Some(&b'"') {
        let (name, used) = unquote(rest)?;
        (name, rest.get(used..)?.strip_prefix(b" ")?)
    } else if let Some(split) = same_path_split(rest) {
        (rest[..split].to_vec(), &rest[split + 1..])
    } else {
        let space = memchr::memchr(b' ', rest)?;
        (rest[..space].to_vec(), &rest[space + 1..])
    };
    let new = if after.first() == Some(&b'"') { unquote(after)?.0 } else { after.to_vec() };
    Some((old, new))
}

/// For `a/x y b/x y`: the index of the space between two names that are the
/// same path after their first component.
fn same_path_split(rest: &[u8]) -> Option<usize> {
    if rest.len().is_multiple_of(2) {
        return None;
    }
    let mid = rest.len() / 2;
    let (old, new) = (&rest[..mid], &rest[mid + 1..]);
    (rest[mid] == b' ' && strip_component(old).is_some() && strip_component(old) == strip_component(new)).then_some(mid)
}

/// `name` without its first path component (`a/x/y` -> `x/y`).
pub fn strip_component(name: &[u8]) -> Option<&[u8]> {
    let slash = memchr::memchr(b'/', name)?;
    Some(&name[slash + 1..]).filter(|rest| !rest.is_empty())
}

/// The file's name for a caller: the new name unless it is `/dev/null`,
/// with git's `a/` `b/` prefixes removed when the section is git's or when
/// both names carry them.
pub fn display_path(old: Option<&[u8]>, new: Option<&[u8]>, git: bool) -> Option<Vec<u8>> {
    let prefixed = |name: Option<&[u8]>, prefix: &[u8]| name.is_none_or(|n| n == DEV_NULL || n.starts_with(prefix));
    let strip = git || (prefixed(old, b"a/") && prefixed(new, b"b/"));
    let chosen = [new, old].into_iter().flatten().find(|n| *n != DEV_NULL)?;
    Some(if strip { strip_component(chosen).unwrap_or(chosen).to_vec() } else { chosen.to_vec() })
}

/// A C-style quoted name as git writes it: the bytes and how many input
/// bytes the quoted form used, or None when it is not well formed.
fn unquote(quoted: &[u8]) -> Option<(Vec<u8>, usize)> {
    let mut out = Vec::new();
    let mut i = 1;
    loop {
        match *quoted.get(i)? {
            b'"' => return Some((out, i + 1)),
            b'\\' => {
                let c = *quoted.get(i + 1)?;
                i += 2;
                out.push(match c {
                    b'n' => b'\n',
                    b't' => b'\t',
                    b'r' => b'\r',
                    b'a' => 0x07,
                    b'b' => 0x08,
                    b'f' => 0x0c,
                    b'v' => 0x0b,
                    b'0'..=b'3' => {
                        let digits = quoted.get(i..i + 2)?;
                        if !digits.iter().all(|d| (b'0'..=b'7').contains(d)) {
                            return None;
                        }
                        i += 2;
                        (c - b'0') * 64 + (digits[0] - b'0') * 8 + (digits[1] - b'0')
                    }
                    other => other,
                });
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_names() {
        assert_eq!(header_name(b"a/file.c\t2024-01-01 00:00:00.000000000 +0000"), b"a/file.c");
        assert_eq!(header_name(b"file with space.txt\r"), b"file with space.txt");
        assert_eq!(header_name(b"\"a/caf\\303\\251 \\\"q\\\".txt\"\t"), "a/café \"q\".txt".as_bytes());
        assert_eq!(header_name(b"\"broken"), b"\"broken");
        assert_eq!(header_name(b"/dev/null"), DEV_NULL);
    }

    #[test]
    fn git_line_names() {
        assert_eq!(git_names(b"a/x.c b/x.c"), Some((b"a/x.c".to_vec(), b"b/x.c".to_vec())));
        assert_eq!(git_names(b"a/my file b/my file"), Some((b"a/my file".to_vec(), b"b/my file".to_vec())));
        assert_eq!(git_names(b"\"a/t\\tab\" \"b/t\\tab\""), Some((b"a/t\tab".to_vec(), b"b/t\tab".to_vec())));
        assert_eq!(git_names(b"a/old b/new"), Some((b"a/old".to_vec(), b"b/new".to_vec())));
        assert_eq!(git_names(b"nospace"), None);
    }

    #[test]
    fn display_paths() {
        assert_eq!(display_path(Some(b"a/src/x.c"), Some(b"b/src/x.c"), false), Some(b"src/x.c".to_vec()));
        assert_eq!(display_path(Some(b"/dev/null"), Some(b"b/new.c"), false), Some(b"new.c".to_vec()));
        assert_eq!(display_path(Some(b"a/gone.c"), Some(b"/dev/null"), false), Some(b"gone.c".to_vec()));
        assert_eq!(display_path(Some(b"old.txt"), Some(b"new.txt"), false), Some(b"new.txt".to_vec()));
        assert_eq!(display_path(Some(b"x/one"), Some(b"y/one"), true), Some(b"one".to_vec()));
        assert_eq!(display_path(None, None, false), None);
    }
}
