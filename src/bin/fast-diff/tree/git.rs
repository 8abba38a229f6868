//! The operands walked as `git diff --no-index` walks them: always into
//! subdirectories, names in byte order, a file on one side only created or
//! deleted, symbolic links not followed but compared by their targets
//! (mode `120000`), the executable bit as mode `100755`. Where a file is
//! a directory on the other side, the file is deleted or created first,
//! then the directory's files. A file whose kind changes (a link becomes a
//! file) is deleted, then created, as git writes it. git's rename
//! detection is not done: a renamed file is a deletion and a creation.

use std::ffi::{OsStr, OsString};
use std::fs::Metadata;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use fast_diff_cli::Trouble;
use fast_diff_cli::input::{self, is_stdin};

use super::entries::{self, Order};
use super::{Job, JobSide, Source, Step};
use crate::args::Config;

pub fn walk(config: &Config, operands: [OsString; 2]) -> Result<Vec<Step>, Trouble> {
    let mut walk = Walk { config, steps: Vec::new() };
    let [old, new] = operands;
    let stat = |name: &OsStr| if is_stdin(name) { None } else { Some(std::fs::symlink_metadata(name)) };
    let metas = [stat(&old), stat(&new)];
    let mut failed = false;
    for (name, meta) in [(&old, &metas[0]), (&new, &metas[1])] {
        if let Some(Err(e)) = meta {
            let message = Trouble::io(name.to_string_lossy(), e).into_message();
            walk.steps.push(Step::Trouble(message));
            failed = true;
        }
    }
    if failed {
        return Ok(walk.steps);
    }
    let is_dir = |meta: &Option<std::io::Result<Metadata>>| matches!(meta, Some(Ok(m)) if m.is_dir());
    match (is_dir(&metas[0]), is_dir(&metas[1])) {
        (true, true) => walk.pair([Some(old), Some(new)]),
        (false, false) => {
            // Two files (or standard input): the operands themselves.
            let side = |name: OsString, meta: &Option<std::io::Result<Metadata>>| -> Result<JobSide, Trouble> {
                match meta {
                    Some(Ok(m)) if m.file_type().is_symlink() => {
                        Ok(JobSide { name, source: Source::Link(m.clone()), mode: 0o120000 })
                    }
                    Some(Ok(m)) => {
                        Ok(JobSide { mode: git_mode(m), source: Source::Opened(input::open(name.clone())?), name })
                    }
                    _ => Ok(JobSide { mode: 0o100644, source: Source::Opened(input::open(name.clone())?), name }),
                }
            };
            let sides = if is_stdin(&old) && is_stdin(&new) {
                let [a, b] = input::open_all([old, new])?;
                let side = |input| JobSide { name: "-".into(), source: Source::Opened(input), mode: 0o100644 };
                [side(a), side(b)]
            } else {
                [side(old, &metas[0])?, side(new, &metas[1])?]
            };
            walk.steps.push(Step::Compare(Box::new(Job { sides, nested: true })));
        }
        // A file and a directory: the file of the same name in it, as for
        // GNU diff.
        (dir_first, _) => {
            let (dir, file) = if dir_first { (&old, &new) } else { (&new, &old) };
            if is_stdin(file) {
                return Err(Trouble::Fatal("cannot compare '-' to a directory".into()));
            }
            let base = Path::new(file).file_name().unwrap_or(file.as_os_str());
            let inside = join(dir, base);
            let names = if dir_first { [Some(inside), Some(new)] } else { [Some(old), Some(inside)] };
            walk.pair(names);
        }
    }
    Ok(walk.steps)
}

struct Walk<'c> {
    config: &'c Config,
    steps: Vec<Step>,
}

/// git's mode of a file that is not a directory: a link, or a file
/// executable by its owner or not.
fn git_mode(meta: &Metadata) -> u32 {
    if meta.file_type().is_symlink() {
        0o120000
    } else if meta.permissions().mode() & 0o100 != 0 {
        0o100755
    } else {
        0o100644
    }
}

/// `dir/name`, as git joins them (no slash added after one).
fn join(dir: &OsStr, name: &OsStr) -> OsString {
    let mut out = dir.to_os_string();
    if !dir.as_bytes().ends_with(b"/") {
        out.push("/");
    }
    out.push(name);
    out
}

impl Walk<'_> {
    fn trouble(&mut self, name: &OsStr, error: &std::io::Error) {
        let message = Trouble::io(name.to_string_lossy(), error).into_message();
        self.steps.push(Step::Trouble(message));
    }

    /// A path on one side or both.
    fn pair(&mut self, names: [Option<OsString>; 2]) {
        let mut metas = [None, None];
        for (which, name) in names.iter().enumerate() {
            if let Some(name) = name {
                match std::fs::symlink_metadata(name) {
                    Ok(meta) => metas[which] = Some(meta),
                    Err(e) => {
                        self.trouble(name, &e);
                        return;
                    }
                }
            }
        }
        let is_dir = |which: usize| metas[which].as_ref().is_some_and(Metadata::is_dir);
        let is_link = |which: usize| metas[which].as_ref().is_some_and(|m| m.file_type().is_symlink());
        let only = |which: usize| {
            let mut one = [None, None];
            one[which] = names[which].clone();
            one
        };
        if metas[0].is_some() && metas[1].is_some() {
            if is_dir(0) != is_dir(1) {
                // The file goes or comes first, then the directory's files.
                let (file, dir) = if is_dir(0) { (1, 0) } else { (0, 1) };
                let mut file_metas = [None, None];
                file_metas[file] = metas[file].as_ref();
                self.file(only(file), file_metas);
                return self.dirs(only(dir));
            }
            if !is_dir(0) && is_link(0) != is_link(1) {
                // A link that becomes a file, or the other way: deleted,
                // then created.
                self.file(only(0), [metas[0].as_ref(), None]);
                return self.file(only(1), [None, metas[1].as_ref()]);
            }
        }
        if is_dir(0) || is_dir(1) {
            self.dirs(names);
        } else {
            self.file(names, [metas[0].as_ref(), metas[1].as_ref()]);
        }
    }

    fn dirs(&mut self, names: [Option<OsString>; 2]) {
        let mut lists = [Vec::new(), Vec::new()];
        for (which, name) in names.iter().enumerate() {
            if let Some(name) = name {
                match entries::read(Path::new(name), &self.config.excludes, Order::Bytes) {
                    Ok(list) => lists[which] = list,
                    Err(e) => {
                        self.trouble(name, &e);
                        return;
                    }
                }
            }
        }
        let [old_list, new_list] = lists;
        for [a, b] in entries::merge(old_list, new_list, Order::Bytes) {
            let path = |dir: &Option<OsString>, entry: Option<OsString>| Some(join(dir.as_ref()?, &entry?));
            self.pair([path(&names[0], a), path(&names[1], b)]);
        }
    }

    /// Files that are not directories, on one side or both.
    fn file(&mut self, names: [Option<OsString>; 2], metas: [Option<&Metadata>; 2]) {
        let mut sides = Vec::with_capacity(2);
        for (name, meta) in names.iter().zip(metas) {
            let side = match (name, meta) {
                (Some(name), Some(meta)) if meta.file_type().is_symlink() => {
                    JobSide { name: name.clone(), source: Source::Link(meta.clone()), mode: 0o120000 }
                }
                (Some(name), Some(meta)) if meta.is_file() => {
                    JobSide { name: name.clone(), source: Source::File(meta.clone()), mode: git_mode(meta) }
                }
                (Some(name), Some(_)) => {
                    self.steps.push(Step::Trouble(format!(
                        "{}: not a regular file, a directory or a symbolic link",
                        name.to_string_lossy()
                    )));
                    return;
                }
                _ => JobSide { name: OsString::new(), source: Source::Absent, mode: 0 },
            };
            sides.push(side);
        }
        let Ok(sides) = <[JobSide; 2]>::try_from(sides) else { unreachable!("two sides") };
        self.steps.push(Step::Compare(Box::new(Job { sides, nested: true })));
    }
}
