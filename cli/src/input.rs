//! A command's inputs. Regular files are memory-mapped, so a large file
//! costs no copy and only the pages the diff reads are loaded; anything else
//! (a pipe on standard input, a device such as /dev/null, a /proc file that
//! reports no size) is read into memory.

use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{self, Read, Seek};
use std::os::fd::AsFd;
use std::os::unix::ffi::OsStrExt;

use memmap2::Mmap;

use crate::Trouble;
use crate::quote::{Style, quote};
use crate::timestamp::Timestamp;

/// An input's name, time and bytes.
pub struct Input {
    /// The name as given: for headers and messages.
    pub name: OsString,
    /// Its modification time; for standard input, when it was read.
    pub modified: Timestamp,
    contents: Contents,
}

enum Contents {
    /// A mapped file and where the input starts in it (standard input may
    /// be a file already partly read).
    Mapped(Mmap, usize),
    Read(Vec<u8>),
}

impl Input {
    /// Its contents.
    pub fn bytes(&self) -> &[u8] {
        match &self.contents {
            Contents::Mapped(map, start) => &map[*start..],
            Contents::Read(bytes) => bytes,
        }
    }

    /// Its name and time as GNU diff writes them on a `---` or `+++` line:
    /// the name quoted as GNU diff quotes it, a tab, the time.
    pub fn header_label(&self) -> Vec<u8> {
        let mut label = quote(self.name.as_bytes(), Style::GnuDiff);
        label.push(b'\t');
        label.extend_from_slice(self.modified.gnu_format().as_bytes());
        label
    }
}

/// Whether the operand `name` stands for standard input.
pub fn is_stdin(name: &OsStr) -> bool {
    name == "-"
}

/// Opens every input in order. `-` given more than once is one reading of
/// standard input, as GNU diff reads it.
pub fn open_all<const N: usize>(names: [OsString; N]) -> Result<[Input; N], Trouble> {
    let mut inputs: Vec<Input> = Vec::with_capacity(N);
    for name in names {
        let read = inputs.iter().find(|input| is_stdin(&name) && is_stdin(&input.name));
        let input = match read {
            Some(first) => Input { name, modified: first.modified, contents: Contents::Read(first.bytes().to_vec()) },
            None => open(name)?,
        };
        inputs.push(input);
    }
    let Ok(inputs) = inputs.try_into() else { unreachable!("one input per name") };
    Ok(inputs)
}

/// Opens one input: the file `name`, or standard input for `-`.
pub fn open(name: OsString) -> Result<Input, Trouble> {
    let shown = || name.to_string_lossy().into_owned();
    let file =
        if is_stdin(&name) { io::stdin().as_fd().try_clone_to_owned().map(File::from) } else { File::open(&name) }
            .map_err(|e| Trouble::io(shown(), &e))?;
    let (contents, modified) = read(file, is_stdin(&name)).map_err(|e| Trouble::io(shown(), &e))?;
    Ok(Input { name, modified, contents })
}

fn read(mut file: File, stdin: bool) -> io::Result<(Contents, Timestamp)> {
    let meta = file.metadata()?;
    // GNU diff dates standard input at the time it reads it, even when it
    // is a file.
    let modified = if stdin { Timestamp::now() } else { Timestamp::modified(&meta) };
    if meta.is_dir() {
        return Err(io::Error::from_raw_os_error(libc::EISDIR));
    }
    if meta.is_file() && meta.len() > 0 {
        // Standard input redirected from a file starts where its offset is.
        let start = if stdin { file.stream_position()? } else { 0 };
        // SAFETY: the map is private and read-only. Mapping assumes that no
        // one changes the file while it is compared: bytes written meanwhile
        // may or may not be seen, and truncating the file makes reading the
        // lost pages raise SIGBUS. Every tool that maps its input has this
        // limit; the README states it.
        if let Ok(map) = unsafe { Mmap::map(&file) } {
            let start = usize::try_from(start).unwrap_or(usize::MAX).min(map.len());
            return Ok((Contents::Mapped(map, start), modified));
        }
        // Some file systems cannot map: read instead.
    }
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok((Contents::Read(bytes), modified))
}
