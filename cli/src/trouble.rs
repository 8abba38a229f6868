//! What ends a command with its trouble status, and how it is told.

use std::io;

/// Why a command stops before it has done its work.
#[derive(Debug)]
pub enum Trouble {
    /// A bad command line: the message, then a pointer to `--help`, as GNU
    /// tools do.
    Usage(String),
    /// Anything else: a missing file, a failed write.
    Fatal(String),
    /// Trouble the user asked not to be told of (`fast-merge -q`): only the
    /// exit status says it.
    Silent,
}

impl Trouble {
    /// Tells it on standard error, in the words of `program`.
    pub fn report(&self, program: &str) {
        match self {
            Trouble::Usage(message) => {
                eprintln!("{program}: {message}");
                eprintln!("{program}: Try '{program} --help' for more information.");
            }
            Trouble::Fatal(message) => eprintln!("{program}: {message}"),
            Trouble::Silent => {}
        }
    }

    /// What it says, without how it is told.
    pub fn into_message(self) -> String {
        match self {
            Trouble::Usage(message) | Trouble::Fatal(message) => message,
            Trouble::Silent => String::new(),
        }
    }

    /// `what: reason`, with the system's wording of an I/O error.
    pub fn io(what: impl core::fmt::Display, error: &io::Error) -> Trouble {
        Trouble::Fatal(format!("{what}: {}", describe(error)))
    }
}

/// The system's message without Rust's " (os error N)" suffix, so that it
/// reads as GNU diff's `strerror` text does.
pub(crate) fn describe(error: &io::Error) -> String {
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
