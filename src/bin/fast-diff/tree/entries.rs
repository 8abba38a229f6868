//! A directory's entries, as a directory comparison sees them: sorted, the
//! excluded ones left out, and the two sides' lists side by side.

use std::cmp::Ordering;
use std::ffi::{OsStr, OsString};
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use fast_diff_cli::locale::{self, Pattern};

/// How names are ordered.
#[derive(Clone, Copy)]
pub enum Order {
    /// GNU diff: by the locale's collation, ties by bytes.
    Collated,
    /// git (and GNU diff in a locale that collates by bytes): by bytes.
    Bytes,
}

impl Order {
    /// GNU diff's order in this locale.
    pub fn gnu() -> Order {
        if locale::collates_by_bytes() { Order::Bytes } else { Order::Collated }
    }
}

impl Order {
    fn cmp(self, a: &OsStr, b: &OsStr) -> Ordering {
        match self {
            Order::Collated => locale::collate(a, b),
            Order::Bytes => a.as_bytes().cmp(b.as_bytes()),
        }
    }
}

/// The names in `dir`, sorted, without those an exclusion matches.
pub fn read(dir: &Path, excludes: &[Pattern], order: Order) -> io::Result<Vec<OsString>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let name = entry?.file_name();
        if !excludes.iter().any(|pattern| pattern.matches(&name)) {
            names.push(name);
        }
    }
    names.sort_by(|a, b| order.cmp(a, b));
    Ok(names)
}

/// The names of two sorted lists in order, each with the side or sides it
/// is on.
pub fn merge(old: Vec<OsString>, new: Vec<OsString>, order: Order) -> Vec<[Option<OsString>; 2]> {
    let mut out = Vec::with_capacity(old.len().max(new.len()));
    let (mut old, mut new) = (old.into_iter().peekable(), new.into_iter().peekable());
    loop {
        let which = match (old.peek(), new.peek()) {
            (None, None) => return out,
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (Some(a), Some(b)) => order.cmp(a, b),
        };
        out.push(match which {
            Ordering::Less => [old.next(), None],
            Ordering::Greater => [None, new.next()],
            Ordering::Equal => [old.next(), new.next()],
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_in_order() {
        let names = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        let merged = merge(names(&["a", "c", "d"]), names(&["b", "c", "e"]), Order::Bytes);
        let shown: Vec<_> =
            merged.iter().map(|[a, b]| (a.as_ref().map(|n| n.to_string_lossy().into_owned()), b.is_some())).collect();
        assert_eq!(
            shown,
            [
                (Some("a".into()), false),
                (None, true),
                (Some("c".into()), true),
                (Some("d".into()), false),
                (None, true)
            ]
        );
    }
}
