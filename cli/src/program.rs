//! A command as a process: its name in messages, its exit statuses, and its
//! standard output.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use crate::Trouble;

/// What differs from one command to the next in how it ends.
pub struct Program {
    /// How its messages begin (`fast-diff: ...`) and how it is named in
    /// the pointer to `--help`.
    pub name: &'static str,
    /// The exit status for trouble: 2 for the GNU tools, 255 for
    /// `git merge-file`.
    pub trouble_status: u8,
}

impl Program {
    /// Runs `body`, which returns the exit status, or the trouble that ends
    /// the program, reported on standard error.
    pub fn run(&self, body: impl FnOnce() -> Result<u8, Trouble>) -> ExitCode {
        // Rust ignores SIGPIPE; GNU tools die of it when their reader goes
        // away (`fast-diff a b | head`), quietly. Do the same.
        // SAFETY: setting a signal's disposition to its default has no
        // precondition; no other thread exists yet.
        unsafe {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
        }
        match body() {
            Ok(status) => ExitCode::from(status),
            Err(trouble) => {
                trouble.report(self.name);
                ExitCode::from(self.trouble_status)
            }
        }
    }
}

/// Writes to standard output through a buffer; a failed write is trouble.
pub fn emit(write: impl FnOnce(&mut BufWriter<io::StdoutLock<'static>>) -> io::Result<()>) -> Result<(), Trouble> {
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    write(&mut out).and_then(|()| out.flush()).map_err(|e| Trouble::io("standard output", &e))
}
