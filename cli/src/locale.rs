//! What GNU diff takes from the locale: the order of file names in a
//! directory (`LC_COLLATE`), the characters of a name pattern and of a
//! quoted word (`LC_CTYPE`). The C library does both, as it does for GNU
//! diff, so that the commands order and match names exactly as GNU diff
//! does in the same environment.

use std::cmp::Ordering;
use std::ffi::{CStr, CString, OsStr};
use std::os::unix::ffi::OsStrExt;

/// Takes the locale from the environment (`LC_ALL`, `LC_COLLATE`, `LANG`,
/// ...), as GNU programs do when they start. Call it once, before any other
/// thread exists.
pub fn from_environment() {
    // SAFETY: called before other threads start; the argument is a valid
    // C string.
    unsafe {
        libc::setlocale(libc::LC_ALL, c"".as_ptr());
    }
}

/// Whether the locale's characters are UTF-8.
pub fn is_utf8() -> bool {
    // SAFETY: nl_langinfo returns a pointer to a static string, which is
    // read at once.
    let codeset = unsafe { CStr::from_ptr(libc::nl_langinfo(libc::CODESET)) };
    codeset.to_bytes().eq_ignore_ascii_case(b"UTF-8")
}

/// Whether the locale collates by bytes: the C locale (POSIX), and glibc's
/// C.UTF-8, whose order of code points is the order of their UTF-8 bytes.
pub fn collates_by_bytes() -> bool {
    // SAFETY: a null locale asks for the current setting, returned as a
    // static string that is read at once.
    let name = unsafe { libc::setlocale(libc::LC_COLLATE, std::ptr::null()) };
    if name.is_null() {
        return true;
    }
    // SAFETY: setlocale returned a valid C string.
    let name = unsafe { CStr::from_ptr(name) }.to_bytes();
    matches!(name, b"C" | b"POSIX") || name.eq_ignore_ascii_case(b"C.UTF-8") || name.eq_ignore_ascii_case(b"C.utf8")
}

/// The order of two file names as GNU diff sorts a directory: by the
/// locale's collation, and names it finds equal by their bytes.
pub fn collate(a: &OsStr, b: &OsStr) -> Ordering {
    // A file name holds no NUL byte; were one to, bytes alone decide.
    let (Ok(ca), Ok(cb)) = (CString::new(a.as_bytes()), CString::new(b.as_bytes())) else {
        return a.as_bytes().cmp(b.as_bytes());
    };
    // SAFETY: both are valid C strings; strcoll only reads them.
    let order = unsafe { libc::strcoll(ca.as_ptr(), cb.as_ptr()) };
    order.cmp(&0).then_with(|| a.as_bytes().cmp(b.as_bytes()))
}

/// A shell wildcard pattern (`*.o`, `[!a]*`, `a\*`) matched against whole
/// file names with `fnmatch` and no flags, as GNU diff's `--exclude`
/// matches: `*` matches a leading `.` too.
pub struct Pattern(CString);

impl Pattern {
    /// `None` for a pattern with a NUL byte, which no name can match.
    pub fn new(pattern: &[u8]) -> Option<Pattern> {
        CString::new(pattern).ok().map(Pattern)
    }

    pub fn matches(&self, name: &OsStr) -> bool {
        let Ok(name) = CString::new(name.as_bytes()) else { return false };
        // SAFETY: both are valid C strings; fnmatch only reads them.
        unsafe { libc::fnmatch(self.0.as_ptr(), name.as_ptr(), 0) == 0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_as_fnmatch() {
        let matches = |pattern: &str, name: &str| Pattern::new(pattern.as_bytes()).unwrap().matches(OsStr::new(name));
        assert!(matches("*", ".hidden"));
        assert!(matches("*.o", "main.o") && !matches("*.o", "main.c"));
        assert!(matches("[!a]*", "ba") && !matches("[!a]*", "ab"));
        assert!(matches("a\\*", "a*") && !matches("a\\*", "ab"));
        assert!(!matches("sub/s", "s"));
        assert!(Pattern::new(b"a\0b").is_none());
    }

    #[test]
    fn names_collate_then_compare_as_bytes() {
        // In the C locale of the tests, collation is byte order.
        assert_eq!(collate(OsStr::new("Z"), OsStr::new("a")), Ordering::Less);
        assert_eq!(collate(OsStr::new("a"), OsStr::new("a.c")), Ordering::Less);
        assert_eq!(collate(OsStr::new("b"), OsStr::new("b")), Ordering::Equal);
    }
}
