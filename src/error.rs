//! Why a diff could not be made.

use core::fmt;

/// The largest number of lines the engine diffs per side, counted over the
/// part of each text that differs (the common beginning and end of the two
/// texts are not counted).
pub const MAX_LINES: usize = (1 << 30) - 1;

/// Why a diff (or a merge) could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// A label contains a CR or LF, which would break the diff's header.
    InvalidLabel,
    /// A text has more than [`MAX_LINES`] lines to compare.
    TooManyLines,
    /// A merge's marker size is above
    /// [`MAX_MARKER_SIZE`](crate::merge::MAX_MARKER_SIZE).
    InvalidMarkerSize,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidLabel => f.write_str("a label contains a line break"),
            Error::TooManyLines => write!(f, "a text has more than {MAX_LINES} lines to compare"),
            Error::InvalidMarkerSize => {
                write!(f, "the conflict marker size is above {}", crate::merge::MAX_MARKER_SIZE)
            }
        }
    }
}

impl std::error::Error for Error {}
