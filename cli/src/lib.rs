//! What the fast-diff commands (`fast-diff`, `fast-patch`, and the ones to
//! come) share: reading the command line as GNU programs read it, opening
//! inputs (memory-mapped where possible), reading and writing files confined
//! to a directory, all or nothing, naming files and times as GNU diff and git
//! do, the terminal's width, writing to standard output, and reporting
//! trouble with the command's exit status.
//!
//! A crate of its own, beside the engine rather than inside it, so that the
//! library (and every program linking `libfast_diff.a`) carries none of it.
//! It knows nothing of the engine: the commands bring the two together.

pub mod confined;
pub mod input;
pub mod locale;
pub mod options;
pub mod program;
pub mod quote;
pub mod terminal;
pub mod timestamp;
pub mod trouble;

pub use program::{Program, emit};
pub use trouble::Trouble;
