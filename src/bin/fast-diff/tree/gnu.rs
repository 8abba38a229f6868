//! The operands walked as GNU diff 3.8 walks them (its `compare_files` and
//! `diff_dirs`): the same pairs in the same order, the same messages, the
//! same exit status.
//!
//! - Names are sorted by the locale's collation; `-x`/`-X` patterns leave
//!   entries out (never the operands).
//! - A name on one side only is `Only in DIR: NAME` (a directory so too,
//!   in one line), unless `-N` (or `-P` for the old side) makes the absent
//!   file an empty one: then a directory on one side is walked whole.
//! - Symbolic links are followed. A directory that is one of its own
//!   ancestors on both sides (or on the one side that exists) is a
//!   `recursive directory loop`: reported, not entered.
//! - Without `-r`, subdirectories are `Common subdirectories: A and B`.
//! - Files of different kinds are `File A is a directory while file B is
//!   a regular file`; inside directories, only regular files are diffed.

use std::ffi::{OsStr, OsString};
use std::fs::Metadata;
use std::io;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::Path;

use fast_diff_cli::Trouble;
use fast_diff_cli::input::{self, is_stdin};

use super::entries::{self, Order};
use super::{Job, JobSide, Source, Step, same_file};
use crate::args::{Config, NewFile};

pub fn walk(config: &Config, operands: [OsString; 2]) -> Result<Vec<Step>, Trouble> {
    let mut walk = Walk { config, steps: Vec::new(), ancestors: Vec::new(), order: Order::gnu() };
    walk.top(operands)?;
    Ok(walk.steps)
}

struct Walk<'c> {
    config: &'c Config,
    steps: Vec<Step>,
    /// The directories being compared, outermost first: each side's
    /// device and inode (none where the side is absent).
    ancestors: Vec<[Option<(u64, u64)>; 2]>,
    order: Order,
}

/// A side of a comparison: its name, and its metadata unless it is absent
/// or standard input.
struct Entry {
    name: OsString,
    meta: Option<Metadata>,
    stdin: bool,
}

impl Entry {
    fn is_dir(&self, other: &Entry) -> bool {
        // An absent file takes the kind of the other, as in GNU diff.
        !self.stdin && self.meta.as_ref().or(other.meta.as_ref()).is_some_and(Metadata::is_dir)
    }

    fn id(&self) -> Option<(u64, u64)> {
        self.meta.as_ref().map(|m| (m.dev(), m.ino()))
    }
}

impl Walk<'_> {
    /// Whether an absent file on side `which` counts as empty.
    fn new_file(&self, which: usize) -> bool {
        match self.config.new_file {
            NewFile::Never => false,
            NewFile::Both => true,
            NewFile::OldSide => which == 0,
        }
    }

    fn trouble(&mut self, name: &OsStr, error: &io::Error) {
        let message = Trouble::io(name.to_string_lossy(), error).into_message();
        self.steps.push(Step::Trouble(message));
    }

    fn say(&mut self, parts: &[&[u8]], differ: bool) {
        self.steps.push(Step::Say { text: parts.concat(), differ });
    }

    /// The operands.
    fn top(&mut self, operands: [OsString; 2]) -> Result<(), Trouble> {
        let stat = |name: &OsStr| if is_stdin(name) { None } else { Some(std::fs::metadata(name)) };
        let stats = [stat(&operands[0]), stat(&operands[1])];
        let mut sides: Vec<Entry> = Vec::with_capacity(2);
        let mut failed = false;
        for (which, (name, stat)) in operands.iter().zip(&stats).enumerate() {
            let other_exists = !matches!(stats[1 - which], Some(Err(_)));
            match stat {
                None => sides.push(Entry { name: name.clone(), meta: None, stdin: true }),
                Some(Ok(meta)) => sides.push(Entry { name: name.clone(), meta: Some(meta.clone()), stdin: false }),
                // An operand that does not exist is an empty file under -N
                // when the other does.
                Some(Err(e)) if e.kind() == io::ErrorKind::NotFound && self.new_file(which) && other_exists => {
                    sides.push(Entry { name: name.clone(), meta: None, stdin: false })
                }
                Some(Err(e)) => {
                    self.trouble(name, e);
                    failed = true;
                    sides.push(Entry { name: name.clone(), meta: None, stdin: false });
                }
            }
        }
        if failed {
            return Ok(());
        }
        let Ok([mut old, mut new]) = <[Entry; 2]>::try_from(sides) else { unreachable!("two operands") };
        let absent = [stats[0].is_some() && old.meta.is_none(), stats[1].is_some() && new.meta.is_none()];
        // One directory and one file: the file of the same name in the
        // directory.
        if old.is_dir(&new) != new.is_dir(&old) {
            let (dir, file) = if old.is_dir(&new) { (&mut old, &new) } else { (&mut new, &old) };
            if is_stdin(&file.name) {
                return Err(Trouble::Fatal("cannot compare '-' to a directory".into()));
            }
            let base = Path::new(&file.name).file_name().unwrap_or(file.name.as_os_str());
            let inside = join(&dir.name, base);
            match std::fs::metadata(&inside) {
                Ok(meta) => *dir = Entry { name: inside, meta: Some(meta), stdin: false },
                Err(e) => {
                    self.trouble(&inside, &e);
                    return Ok(());
                }
            }
        }
        if self.same(&old, &new) {
            return Ok(());
        }
        if old.is_dir(&new) && new.is_dir(&old) {
            self.dirs([old, new]);
        } else if old.is_dir(&new) || new.is_dir(&old) {
            self.kinds(&old, &new);
        } else {
            let open = |entry: Entry, absent: bool| -> Result<JobSide, Trouble> {
                let source = if absent { Source::Absent } else { Source::Opened(input::open(entry.name.clone())?) };
                Ok(JobSide { name: entry.name, source, mode: 0 })
            };
            let stdin_twice = is_stdin(&old.name) && is_stdin(&new.name);
            let sides = if stdin_twice {
                // One reading of standard input for both.
                let [a, b] = input::open_all([old.name.clone(), new.name.clone()])?;
                let side = |input| JobSide { name: "-".into(), source: Source::Opened(input), mode: 0 };
                [side(a), side(b)]
            } else {
                [open(old, absent[0])?, open(new, absent[1])?]
            };
            self.steps.push(Step::Compare(Box::new(Job { sides, nested: false })));
        }
        Ok(())
    }

    /// Whether the two are one file, the same without reading it; `-s` says
    /// so of files (not of directories).
    fn same(&mut self, old: &Entry, new: &Entry) -> bool {
        let (Some(a), Some(b)) = (&old.meta, &new.meta) else { return false };
        if !same_file(a, b) {
            return false;
        }
        if self.config.report_identical && !a.is_dir() {
            let labels = &self.config.labels;
            let name = |which: usize, entry: &Entry| labels.get(which).unwrap_or(&entry.name).as_bytes().to_vec();
            self.say(&[b"Files ", &name(0, old), b" and ", &name(1, new), b" are identical\n"], false);
        }
        true
    }

    /// `File A is a KIND while file B is a KIND`.
    fn kinds(&mut self, old: &Entry, new: &Entry) {
        let labels = &self.config.labels;
        let name = |which: usize, entry: &Entry| labels.get(which).unwrap_or(&entry.name).as_bytes().to_vec();
        let kind = |entry: &Entry| entry.meta.as_ref().map_or("regular empty file", kind_of).as_bytes();
        let text = [
            b"File ",
            &name(0, old)[..],
            b" is a ",
            kind(old),
            b" while file ",
            &name(1, new),
            b" is a ",
            kind(new),
            b"\n",
        ];
        self.say(&text, true);
    }

    /// Two directories (one of them may be absent), entry by entry.
    fn dirs(&mut self, sides: [Entry; 2]) {
        let ids = [sides[0].id(), sides[1].id()];
        let looped = |which: usize| ids[which].is_none() || self.ancestors.iter().any(|a| a[which] == ids[which]);
        if looped(0) && looped(1) {
            let shown = if ids[0].is_none() { 1 } else { 0 };
            let message = format!("{}: recursive directory loop", sides[shown].name.to_string_lossy());
            self.steps.push(Step::Trouble(message));
            return;
        }
        let mut lists = [Vec::new(), Vec::new()];
        for (which, side) in sides.iter().enumerate() {
            if side.meta.is_some() {
                match entries::read(Path::new(&side.name), &self.config.excludes, self.order) {
                    Ok(names) => lists[which] = names,
                    Err(e) => {
                        self.trouble(&side.name, &e);
                        return;
                    }
                }
            }
        }
        let [old_names, new_names] = lists;
        self.ancestors.push(ids);
        for names in entries::merge(old_names, new_names, self.order) {
            self.entry(&sides, names);
        }
        self.ancestors.pop();
    }

    /// A name in one or both of two directories.
    fn entry(&mut self, parents: &[Entry; 2], names: [Option<OsString>; 2]) {
        let present = [names[0].is_some(), names[1].is_some()];
        let name = names[0].as_ref().or(names[1].as_ref()).expect("a name on a side").clone();
        let one_side = !(present[0] && present[1]);
        if one_side && !self.new_file(usize::from(present[0])) {
            let dir = &parents[usize::from(!present[0])].name;
            self.say(&[b"Only in ", dir.as_bytes(), b": ", name.as_bytes(), b"\n"], true);
            return;
        }
        let mut sides = Vec::with_capacity(2);
        let mut failed = false;
        for (which, parent) in parents.iter().enumerate() {
            let path = join(&parent.name, &name);
            let mut meta = None;
            if present[which] {
                match std::fs::metadata(&path) {
                    // An empty regular file that no one may read stands for
                    // an absent one (what patch leaves), under -N.
                    Ok(m) if self.new_file(which) && m.is_file() && m.mode() & 0o777 == 0 && m.len() == 0 => {}
                    Ok(m) => meta = Some(m),
                    Err(e) => {
                        self.trouble(&path, &e);
                        failed = true;
                    }
                }
            }
            sides.push(Entry { name: path, meta, stdin: false });
        }
        if failed {
            return;
        }
        let Ok([old, new]) = <[Entry; 2]>::try_from(sides) else { unreachable!("two sides") };
        if self.same(&old, &new) {
            return;
        }
        let regular = |entry: &Entry, other: &Entry| {
            entry.meta.as_ref().or(other.meta.as_ref()).is_some_and(|m| m.file_type().is_file())
        };
        if old.is_dir(&new) && new.is_dir(&old) {
            if self.config.recursive {
                self.dirs([old, new]);
            } else {
                self.say(
                    &[b"Common subdirectories: ", old.name.as_bytes(), b" and ", new.name.as_bytes(), b"\n"],
                    false,
                );
            }
        } else if old.is_dir(&new) || new.is_dir(&old) || !regular(&old, &new) || !regular(&new, &old) {
            if old.meta.is_none() || new.meta.is_none() {
                let dir = &parents[usize::from(old.meta.is_none())].name;
                self.say(&[b"Only in ", dir.as_bytes(), b": ", name.as_bytes(), b"\n"], true);
            } else {
                self.kinds(&old, &new);
            }
        } else {
            let side = |entry: Entry| {
                let source = entry.meta.map_or(Source::Absent, Source::File);
                JobSide { name: entry.name, source, mode: 0 }
            };
            self.steps.push(Step::Compare(Box::new(Job { sides: [side(old), side(new)], nested: true })));
        }
    }
}

/// `dir/name` as GNU's `file_name_concat` makes it: the slashes that end
/// `dir` are replaced by one (a root stays as it is).
pub fn join(dir: &OsStr, name: &OsStr) -> OsString {
    let dir = dir.as_bytes();
    let kept = dir.iter().rposition(|&b| b != b'/').map_or(dir.len(), |at| at + 1);
    let mut out = dir[..kept].to_vec();
    if !out.is_empty() && !out.ends_with(b"/") {
        out.push(b'/');
    }
    out.extend_from_slice(name.as_bytes());
    OsString::from_vec(out)
}

/// The kind of file GNU diff names in `File A is a ... while ...`.
fn kind_of(meta: &Metadata) -> &'static str {
    let kind = meta.file_type();
    if kind.is_file() {
        if meta.len() == 0 { "regular empty file" } else { "regular file" }
    } else if kind.is_dir() {
        "directory"
    } else if kind.is_block_device() {
        "block special file"
    } else if kind.is_char_device() {
        "character special file"
    } else if kind.is_fifo() {
        "fifo"
    } else if kind.is_symlink() {
        "symbolic link"
    } else if kind.is_socket() {
        "socket"
    } else {
        "weird file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_as_gnu_diff() {
        let j = |dir: &str, name: &str| join(OsStr::new(dir), OsStr::new(name)).to_string_lossy().into_owned();
        assert_eq!(j("A", "x"), "A/x");
        assert_eq!(j("A/", "x"), "A/x");
        assert_eq!(j("B//", "x"), "B/x");
        assert_eq!(j("/", "x"), "/x");
        assert_eq!(j("//", "x"), "//x");
        assert_eq!(j(".", "x"), "./x");
    }
}
