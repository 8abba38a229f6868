//! A command's inputs. Regular files of 256 KiB or more are memory-mapped,
//! so a large file costs no copy and only the pages the diff reads are
//! loaded; anything else (a smaller file, a pipe on standard input, a
//! device such as /dev/null, a /proc file that reports no size) is read
//! into memory.

use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{self, Read, Seek};
use std::os::fd::AsFd;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;

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
    /// The file system's preferred block size for it (`st_blksize`): what
    /// GNU diff reads first, and looks for a NUL byte in.
    pub block_size: usize,
    contents: Contents,
}

enum Contents {
    /// A mapped file and where the input starts in it (standard input may
    /// be a file already partly read).
    Mapped(Mmap, usize),
    Read(Vec<u8>),
}

/// Files this large or larger are mapped; smaller ones are read. Mapping
/// costs a system call to map, one to unmap and a page fault per page
/// touched: on thousands of small files (a directory comparison of a
/// source tree) that is a quarter more CPU time than reading them, while a
/// large file gains by mapping (no copy, and only the pages compared are
/// loaded).
const MAP_AT_LEAST: u64 = 256 * 1024;

/// What GNU diff assumes when the system gives no block size.
const DEFAULT_BLOCK_SIZE: usize = 512;

impl Input {
    /// A file that does not exist, read as empty (`diff -N`): dated at the
    /// epoch, as GNU diff dates it.
    pub fn absent(name: OsString) -> Input {
        Input::from_bytes(name, Vec::new(), Timestamp::EPOCH)
    }

    /// Bytes that stand for a file (a symbolic link's target, as git
    /// compares links).
    pub fn from_bytes(name: OsString, bytes: Vec<u8>, modified: Timestamp) -> Input {
        Input { name, modified, block_size: DEFAULT_BLOCK_SIZE, contents: Contents::Read(bytes) }
    }

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
            Some(first) => Input {
                name,
                modified: first.modified,
                block_size: first.block_size,
                contents: Contents::Read(first.bytes().to_vec()),
            },
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
    let (contents, meta) = read(file, is_stdin(&name), None).map_err(|e| Trouble::io(shown(), &e))?;
    // GNU diff dates standard input at the time it reads it, even when it
    // is a file.
    let modified = if is_stdin(&name) { Timestamp::now() } else { Timestamp::modified(&meta) };
    Ok(Input { name, modified, block_size: block_size(&meta), contents })
}

/// Opens the file at `path`, whose metadata the caller has: the name is
/// `name`, the time `meta`'s. For the files of a directory comparison.
pub fn open_file(name: OsString, path: &std::path::Path, meta: &std::fs::Metadata) -> io::Result<Input> {
    // The walk's metadata (which followed links) is the file's: no need to
    // ask again.
    let (contents, _) = read(File::open(path)?, false, Some(meta.clone()))?;
    Ok(Input { name, modified: Timestamp::modified(meta), block_size: block_size(meta), contents })
}

fn block_size(meta: &std::fs::Metadata) -> usize {
    usize::try_from(meta.blksize()).ok().filter(|&n| n > 0).unwrap_or(DEFAULT_BLOCK_SIZE)
}

fn read(mut file: File, stdin: bool, known: Option<std::fs::Metadata>) -> io::Result<(Contents, std::fs::Metadata)> {
    let meta = match known {
        Some(meta) => meta,
        None => file.metadata()?,
    };
    if meta.is_dir() {
        return Err(io::Error::from_raw_os_error(libc::EISDIR));
    }
    if meta.is_file() && meta.len() >= MAP_AT_LEAST {
        // Standard input redirected from a file starts where its offset is.
        let start = if stdin { file.stream_position()? } else { 0 };
        // SAFETY: the map is private and read-only. Mapping assumes that no
        // one changes the file while it is compared: bytes written meanwhile
        // may or may not be seen, and truncating the file makes reading the
        // lost pages raise SIGBUS. Every tool that maps its input has this
        // limit; the README states it.
        if let Ok(map) = unsafe { Mmap::map(&file) } {
            let start = usize::try_from(start).unwrap_or(usize::MAX).min(map.len());
            return Ok((Contents::Mapped(map, start), meta));
        }
        // Some file systems cannot map: read instead.
    }
    // Sized from the metadata already at hand (a file that grew meanwhile
    // is read to its end all the same).
    let mut bytes = Vec::with_capacity(if meta.is_file() { usize::try_from(meta.len()).unwrap_or(0) } else { 0 });
    io::Read::by_ref(&mut file).take(u64::MAX).read_to_end(&mut bytes)?;
    Ok((Contents::Read(bytes), meta))
}
