//! What the commands under `src/bin/` share: reading the command line as
//! GNU programs read it, opening inputs (memory-mapped where possible),
//! naming files and times as GNU diff and git do, writing to standard
//! output, and reporting trouble with the command's exit status.
//!
//! Not part of the library's API. It is public only because a program under
//! `src/bin/` can reach nothing else of its crate; it is hidden from the
//! documentation and may change at any time. It uses only the library's
//! public API, and no C function reaches it.

pub mod input;
pub mod options;
pub mod program;
pub mod quote;
pub mod timestamp;
pub mod trouble;

pub use program::{Program, emit};
pub use trouble::Trouble;
