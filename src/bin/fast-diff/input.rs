//! The two inputs. Regular files are memory-mapped, so a large file costs no
//! copy and only the pages the diff reads are loaded; anything else (a pipe
//! on standard input, a device such as /dev/null, a /proc file that reports
//! no size) is read into memory.

use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{self, Read, Seek};
use std::os::fd::AsFd;
use std::path::Path;

use memmap2::Mmap;

use crate::timestamp::Timestamp;
use crate::trouble::Trouble;

pub struct Input {
    /// The name as given (or as completed when the other operand is a
    /// directory): for headers and messages.
    pub name: OsString,
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
    pub fn bytes(&self) -> &[u8] {
        match &self.contents {
            Contents::Mapped(map, start) => &map[*start..],
            Contents::Read(bytes) => bytes,
        }
    }
}

fn is_stdin(name: &OsStr) -> bool {
    name == "-"
}

/// The names of the two files to compare. As GNU diff: when one operand is
/// a directory, the file of the other's name inside it.
pub fn resolve(operands: &[OsString; 2]) -> Result<[OsString; 2], Trouble> {
    let is_dir = |name: &OsStr| !is_stdin(name) && Path::new(name).is_dir();
    let [old, new] = operands;
    match (is_dir(old), is_dir(new)) {
        (false, false) => Ok(operands.clone()),
        (true, true) => Err(Trouble::Fatal(format!(
            "{} and {} are both directories: fast-diff compares two files",
            old.to_string_lossy(),
            new.to_string_lossy()
        ))),
        (true, false) => Ok([inside(old, new)?, new.clone()]),
        (false, true) => Ok([old.clone(), inside(new, old)?]),
    }
}

fn inside(dir: &OsStr, file: &OsStr) -> Result<OsString, Trouble> {
    let cannot = || Trouble::Fatal(format!("cannot compare '{}' to a directory", file.to_string_lossy()));
    if is_stdin(file) {
        return Err(cannot());
    }
    let base = Path::new(file).file_name().ok_or_else(cannot)?;
    Ok(Path::new(dir).join(base).into_os_string())
}

/// Opens both inputs. `-` for both is one reading of standard input.
pub fn load(names: [OsString; 2]) -> Result<[Input; 2], Trouble> {
    let [old_name, new_name] = names;
    let old = load_one(old_name)?;
    let new = if is_stdin(&old.name) && is_stdin(&new_name) {
        Input { name: new_name, modified: old.modified, contents: Contents::Read(old.bytes().to_vec()) }
    } else {
        load_one(new_name)?
    };
    Ok([old, new])
}

fn load_one(name: OsString) -> Result<Input, Trouble> {
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
