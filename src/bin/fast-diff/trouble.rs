//! What makes the command exit with status 2, and how it is told.

use std::io;

pub enum Trouble {
    /// A bad command line: the message, then a pointer to `--help`, as GNU
    /// diff does.
    Usage(String),
    /// Anything else: a missing file, a failed write.
    Fatal(String),
}

impl Trouble {
    pub fn report(&self) {
        match self {
            Trouble::Usage(message) => {
                eprintln!("fast-diff: {message}");
                eprintln!("fast-diff: Try 'fast-diff --help' for more information.");
            }
            Trouble::Fatal(message) => eprintln!("fast-diff: {message}"),
        }
    }

    /// `what: reason`, with the system's wording of an I/O error.
    pub fn io(what: impl core::fmt::Display, error: &io::Error) -> Trouble {
        Trouble::Fatal(format!("{what}: {}", describe(error)))
    }
}

/// The system's message without Rust's " (os error N)" suffix, so that it
/// reads as GNU diff's `strerror` text does.
fn describe(error: &io::Error) -> String {
    match error.raw_os_error() {
        Some(code) => {
            let text = io::Error::from_raw_os_error(code).to_string();
            match text.rfind(" (os error ") {
                Some(at) => text[..at].to_string(),
                None => text,
            }
        }
        None => error.to_string(),
    }
}
