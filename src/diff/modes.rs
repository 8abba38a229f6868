//! Comparison modes: ways in which two lines may differ and still count as
//! equal, as GNU diff's `-b`, `-w`, `-i`, `--strip-trailing-cr` and `-B`.
//!
//! Modes change only which lines match. The diff still shows real lines:
//! context and removed lines from the old text, added lines from the new
//! text, so it applies to the real old text. (Applying it gives the new text
//! except where lines differ only in ignored ways: those keep their old form.)

use core::ops::BitOr;

/// A set of comparison modes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Modes(u32);

impl Modes {
    /// No mode: lines are equal only when their bytes are.
    pub const NONE: Modes = Modes(0);
    /// `-b`: a run of white space equals any other run of white space, and
    /// white space at the end of a line is ignored.
    pub const IGNORE_SPACE_CHANGE: Modes = Modes(1);
    /// `-w`: white space is ignored wherever it is.
    pub const IGNORE_ALL_SPACE: Modes = Modes(2);
    /// `-B`: changes whose lines are all blank are not shown, unless they
    /// fall inside a hunk shown for other changes. As in GNU diff, a line is
    /// blank when it is empty under the other modes: only an empty line by
    /// itself, also one of white space with `-b` or `-w`, also a lone CR
    /// with `--strip-trailing-cr`.
    pub const IGNORE_BLANK_LINES: Modes = Modes(4);
    /// `-i`: ASCII letters compare without regard to case.
    pub const IGNORE_CASE: Modes = Modes(8);
    /// `--strip-trailing-cr`: a CR just before the end of a line is ignored.
    pub const STRIP_TRAILING_CR: Modes = Modes(16);
    /// Every mode this version knows.
    pub const ALL: Modes = Modes(31);

    /// The modes given by `bits`, or `None` if a bit is unknown.
    pub const fn from_bits(bits: u32) -> Option<Modes> {
        if bits & !Self::ALL.0 == 0 { Some(Modes(bits)) } else { None }
    }

    /// The modes as bits, the `FD_FLAG_*` numbers of the C API.
    pub const fn bits(self) -> u32 {
        self.0
    }

    /// Whether every mode of `other` is in `self`.
    pub const fn contains(self, other: Modes) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether lines with different bytes can match.
    pub(crate) fn loosens_matching(self) -> bool {
        self.0 & !Self::IGNORE_BLANK_LINES.0 != 0
    }
}

impl BitOr for Modes {
    type Output = Modes;

    fn bitor(self, other: Modes) -> Modes {
        Modes(self.0 | other.0)
    }
}

/// White space as GNU diff sees it in the C locale (LF ends the line).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\x0b' | b'\x0c' | b'\r')
}

/// Whether `line` is blank under `modes`: nothing but its LF is left of it.
pub(crate) fn is_blank(line: &[u8], modes: Modes) -> bool {
    let mut k = Vec::new();
    key(line, modes, &mut k);
    k.is_empty() || k == b"\n"
}

/// The bytes by which `line` is compared under `modes`, appended to `out`.
/// A final LF is kept in every mode, so that a line missing its newline at
/// the end of a text never matches one that has it: the diff must record it.
pub(crate) fn key(line: &[u8], modes: Modes, out: &mut Vec<u8>) {
    let (body, newline) = match line.split_last() {
        Some((b'\n', body)) => (body, true),
        _ => (line, false),
    };
    let body = if modes.contains(Modes::STRIP_TRAILING_CR) { body.strip_suffix(b"\r").unwrap_or(body) } else { body };
    let fold = |b: u8| if modes.contains(Modes::IGNORE_CASE) { b.to_ascii_lowercase() } else { b };
    if modes.contains(Modes::IGNORE_ALL_SPACE) {
        out.extend(body.iter().filter(|&&b| !is_space(b)).map(|&b| fold(b)));
    } else if modes.contains(Modes::IGNORE_SPACE_CHANGE) {
        let mut space = false;
        for &b in body {
            if is_space(b) {
                space = true;
            } else {
                if space {
                    out.push(b' ');
                    space = false;
                }
                out.push(fold(b));
            }
        }
        // Trailing white space is dropped: `space` is never flushed.
    } else {
        out.extend(body.iter().map(|&b| fold(b)));
    }
    if newline {
        out.push(b'\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(line: &str, modes: Modes) -> String {
        let mut out = Vec::new();
        key(line.as_bytes(), modes, &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn keys_per_mode() {
        assert_eq!(k("A  b\t c \n", Modes::NONE), "A  b\t c \n");
        assert_eq!(k("A  b\t c \n", Modes::IGNORE_SPACE_CHANGE), "A b c\n");
        assert_eq!(k("  a b\n", Modes::IGNORE_SPACE_CHANGE), " a b\n");
        assert_eq!(k("A  b\t c \r\n", Modes::IGNORE_ALL_SPACE), "Abc\n");
        assert_eq!(k("MiXeD\n", Modes::IGNORE_CASE), "mixed\n");
        assert_eq!(k("x\r\n", Modes::STRIP_TRAILING_CR), "x\n");
        assert_eq!(k("x\r", Modes::STRIP_TRAILING_CR), "x");
        assert_eq!(k("x\r\r\n", Modes::STRIP_TRAILING_CR), "x\r\n");
        assert_eq!(k("X y\r\n", Modes::IGNORE_CASE | Modes::IGNORE_SPACE_CHANGE), "x y\n");
        // The final newline always counts.
        assert_ne!(k("a", Modes::ALL), k("a\n", Modes::ALL));
    }

    #[test]
    fn bits_round_trip_and_unknown_bits_are_refused() {
        assert_eq!(Modes::from_bits(31), Some(Modes::ALL));
        assert_eq!(Modes::from_bits(32), None);
        assert!(!Modes::IGNORE_BLANK_LINES.loosens_matching());
        assert!(Modes::IGNORE_CASE.loosens_matching());
    }

    #[test]
    fn blank_lines_as_gnu_diff_sees_them() {
        let b = Modes::IGNORE_BLANK_LINES;
        assert!(is_blank(b"\n", b) && is_blank(b"", b));
        assert!(!is_blank(b" \n", b) && !is_blank(b"\r\n", b) && !is_blank(b" x\n", b));
        assert!(is_blank(b" \t\r\n", b | Modes::IGNORE_SPACE_CHANGE));
        assert!(is_blank(b" \t\n", b | Modes::IGNORE_ALL_SPACE));
        assert!(is_blank(b"\r\n", b | Modes::STRIP_TRAILING_CR));
        assert!(!is_blank(b" x\n", b | Modes::IGNORE_ALL_SPACE));
    }
}
