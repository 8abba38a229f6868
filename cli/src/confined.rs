//! Files under one directory, read and written without leaving it: every
//! path is relative, without `..`, and is walked from the directory one
//! component at a time, each opened without following a symbolic link
//! (`openat` with `O_NOFOLLOW`), so neither a link in the path nor one put
//! there meanwhile leads out. Only regular files are read or replaced.
//!
//! A set of changes is made all or nothing, as far as a file system
//! allows: every new text is first written to a temporary file beside its
//! file and synced; then each file that is replaced or deleted is kept
//! under a backup name (a hard link, or the file itself for a deletion),
//! the temporary files are renamed over their files, the directories are
//! synced, and the backups removed. When a step fails before the last
//! rename, everything done is undone. A rename replaces a name, never
//! writes through it, so a file swapped for a link after it was read is
//! replaced, not followed. Modes are kept, and owners where allowed.

use std::ffi::CString;
use std::fmt;
use std::fs::{File, Permissions};
use std::io::{self, Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

/// Why a path is not read or written.
#[derive(Debug)]
pub enum Refused {
    /// Empty, or only `.` components.
    Empty,
    /// It begins with `/`.
    Absolute,
    /// A `..` component.
    Parent,
    /// A NUL byte.
    Nul,
    /// A component that is a symbolic link (the component's path).
    Link(Vec<u8>),
    /// A component before the last that is not a directory.
    NotDirectory(Vec<u8>),
    /// The file is not a regular file (a directory, a device...).
    NotRegular,
    /// The system said no.
    Io(io::Error),
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = |p: &[u8]| String::from_utf8_lossy(p).into_owned();
        match self {
            Refused::Empty => f.write_str("the name is empty"),
            Refused::Absolute => f.write_str("it is an absolute path"),
            Refused::Parent => f.write_str("it has a '..' component"),
            Refused::Nul => f.write_str("it has a NUL byte"),
            Refused::Link(p) => write!(f, "{} is a symbolic link", shown(p)),
            Refused::NotDirectory(p) => write!(f, "{} is not a directory", shown(p)),
            Refused::NotRegular => f.write_str("it is not a regular file"),
            Refused::Io(e) => write!(f, "{}", crate::trouble::describe(e)),
        }
    }
}

impl From<io::Error> for Refused {
    fn from(e: io::Error) -> Refused {
        Refused::Io(e)
    }
}

/// A regular file's bytes and what is kept of it when it is replaced.
pub struct Found {
    pub bytes: Vec<u8>,
    pub mode: u32,
    pub uid: u32,
    pub gid: u32,
}

/// What to do to one file.
pub enum Change<'a> {
    /// Write `bytes` to `name`, with `like`'s mode and owner when it
    /// replaces that file (else a new file's default mode).
    Write { name: &'a [u8], bytes: &'a [u8], like: Option<&'a Found> },
    /// Remove `name`.
    Delete { name: &'a [u8] },
}

/// The directory everything happens in.
pub struct Dir {
    fd: OwnedFd,
}

fn c_name(component: &[u8]) -> Result<CString, Refused> {
    CString::new(component).map_err(|_| Refused::Nul)
}

fn last_error() -> io::Error {
    io::Error::last_os_error()
}

/// `openat(dir, name, flags)`.
fn open_at(dir: &OwnedFd, name: &CString, flags: libc::c_int, mode: libc::mode_t) -> io::Result<OwnedFd> {
    // SAFETY: a valid directory descriptor and NUL-terminated name; the
    // descriptor returned is owned here.
    let fd = unsafe { libc::openat(dir.as_raw_fd(), name.as_ptr(), flags | libc::O_CLOEXEC, libc::c_uint::from(mode)) };
    if fd < 0 { Err(last_error()) } else { Ok(unsafe { OwnedFd::from_raw_fd(fd) }) }
}

/// Whether `name` in `dir` is a symbolic link (without following it).
fn is_link(dir: &OwnedFd, name: &CString) -> bool {
    // SAFETY: `stat` is plain data that fstatat fills in.
    let mut st: libc::stat = unsafe { core::mem::zeroed() };
    let done = unsafe { libc::fstatat(dir.as_raw_fd(), name.as_ptr(), &mut st, libc::AT_SYMLINK_NOFOLLOW) };
    done == 0 && (st.st_mode & libc::S_IFMT) == libc::S_IFLNK
}

fn check(result: libc::c_int) -> io::Result<()> {
    if result < 0 { Err(last_error()) } else { Ok(()) }
}

/// A file's place: its directory, opened, and its last component.
struct Place {
    dir: OwnedFd,
    name: CString,
}

/// What a commit has done so far, to undo it.
#[derive(Default)]
struct Done {
    /// Temporary files written: their directory and name.
    temporary: Vec<(usize, CString)>,
    /// Backups made: directory, backup name, file name.
    backups: Vec<(usize, CString, CString)>,
    /// Files renamed into place that did not exist before.
    created: Vec<(usize, CString)>,
    /// Directories made, innermost last: the parent and the name.
    directories: Vec<(OwnedFd, CString)>,
}

impl Dir {
    /// The directory `path`.
    pub fn open(path: &Path) -> io::Result<Dir> {
        let file = File::open(path)?;
        if !file.metadata()?.is_dir() {
            return Err(io::Error::from_raw_os_error(libc::ENOTDIR));
        }
        Ok(Dir { fd: OwnedFd::from(file) })
    }

    /// The components of `name`, or why it is refused.
    pub fn components(name: &[u8]) -> Result<Vec<&[u8]>, Refused> {
        if name.starts_with(b"/") {
            return Err(Refused::Absolute);
        }
        if name.contains(&0) {
            return Err(Refused::Nul);
        }
        let parts: Vec<&[u8]> = name.split(|&b| b == b'/').filter(|c| !c.is_empty() && *c != b".").collect();
        if parts.iter().any(|c| *c == b"..") {
            return Err(Refused::Parent);
        }
        if parts.is_empty() {
            return Err(Refused::Empty);
        }
        Ok(parts)
    }

    /// The directory of `name` and its last component; None when a
    /// directory on the way does not exist (and `made` is None), else
    /// made, and recorded in `made`.
    fn place(&self, name: &[u8], mut made: Option<&mut Vec<(OwnedFd, CString)>>) -> Result<Option<Place>, Refused> {
        let parts = Dir::components(name)?;
        let (last, dirs) = parts.split_last().expect("at least one component");
        let mut dir = self.fd.try_clone()?;
        let mut walked = Vec::new();
        for part in dirs {
            if !walked.is_empty() {
                walked.push(b'/');
            }
            walked.extend_from_slice(part);
            let c = c_name(part)?;
            let flags = libc::O_RDONLY | libc::O_DIRECTORY | libc::O_NOFOLLOW;
            let next = match open_at(&dir, &c, flags, 0) {
                Ok(next) => next,
                Err(e) if e.raw_os_error() == Some(libc::ENOENT) => match made.as_deref_mut() {
                    None => return Ok(None),
                    Some(made) => {
                        // SAFETY: a valid directory descriptor and name.
                        check(unsafe { libc::mkdirat(dir.as_raw_fd(), c.as_ptr(), 0o777) })?;
                        made.push((dir.try_clone()?, c.clone()));
                        open_at(&dir, &c, flags, 0)?
                    }
                },
                Err(e) if matches!(e.raw_os_error(), Some(libc::ELOOP | libc::ENOTDIR)) => {
                    return Err(if is_link(&dir, &c) { Refused::Link(walked) } else { Refused::NotDirectory(walked) });
                }
                Err(e) => return Err(e.into()),
            };
            dir = next;
        }
        Ok(Some(Place { dir, name: c_name(last)? }))
    }

    /// The regular file `name`: its bytes, mode and owner; None when it
    /// does not exist.
    pub fn read(&self, name: &[u8]) -> Result<Option<Found>, Refused> {
        let Some(place) = self.place(name, None)? else { return Ok(None) };
        let fd = match open_at(&place.dir, &place.name, libc::O_RDONLY | libc::O_NOFOLLOW | libc::O_NONBLOCK, 0) {
            Ok(fd) => fd,
            Err(e) if e.raw_os_error() == Some(libc::ENOENT) => return Ok(None),
            Err(e) if e.raw_os_error() == Some(libc::ELOOP) => return Err(Refused::Link(name.to_vec())),
            Err(e) => return Err(e.into()),
        };
        let mut file = File::from(fd);
        let meta = file.metadata()?;
        if !meta.is_file() {
            return Err(Refused::NotRegular);
        }
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        file.read_to_end(&mut bytes)?;
        Ok(Some(Found { bytes, mode: meta.mode() & 0o7777, uid: meta.uid(), gid: meta.gid() }))
    }

    /// Whether `name` could be written: its path is allowed and no link or
    /// non-directory is on the way, and it is not a link or a non-regular
    /// file itself.
    pub fn writable(&self, name: &[u8]) -> Result<(), Refused> {
        let Some(place) = self.place(name, None)? else { return Ok(()) };
        // SAFETY: `stat` is plain data that fstatat fills in.
        let mut st: libc::stat = unsafe { core::mem::zeroed() };
        let found =
            unsafe { libc::fstatat(place.dir.as_raw_fd(), place.name.as_ptr(), &mut st, libc::AT_SYMLINK_NOFOLLOW) };
        if found != 0 {
            return Ok(());
        }
        match st.st_mode & libc::S_IFMT {
            libc::S_IFREG => Ok(()),
            libc::S_IFLNK => Err(Refused::Link(name.to_vec())),
            _ => Err(Refused::NotRegular),
        }
    }

    /// Makes every change, or none (see the module's notes).
    pub fn commit(&self, changes: &[Change<'_>]) -> Result<(), String> {
        let mut done = Done::default();
        let mut places: Vec<Place> = Vec::new();
        let result = self.commit_steps(changes, &mut places, &mut done);
        match result {
            Ok(()) => {
                for (dir, backup, _) in &done.backups {
                    // SAFETY: valid descriptor and name.
                    unsafe { libc::unlinkat(places[*dir].dir.as_raw_fd(), backup.as_ptr(), 0) };
                }
                Ok(())
            }
            Err(error) => {
                undo(&places, done);
                Err(error)
            }
        }
    }

    fn commit_steps(&self, changes: &[Change<'_>], places: &mut Vec<Place>, done: &mut Done) -> Result<(), String> {
        let shown = |name: &[u8]| String::from_utf8_lossy(name).into_owned();
        let pid = std::process::id();
        // Every new text in a temporary file beside its file, synced.
        let mut renames = Vec::new();
        for (k, change) in changes.iter().enumerate() {
            let name = match change {
                Change::Write { name, .. } | Change::Delete { name } => *name,
            };
            let place = self
                .place(name, Some(&mut done.directories))
                .map_err(|e| format!("{}: {e}", shown(name)))?
                .expect("directories are made");
            places.push(place);
            let at = places.len() - 1;
            if let Change::Write { bytes, like, .. } = change {
                let temporary = temporary_name(&places[at].name, pid, k);
                let flags = libc::O_WRONLY | libc::O_CREAT | libc::O_EXCL | libc::O_NOFOLLOW;
                let fd =
                    open_at(&places[at].dir, &temporary, flags, 0o666).map_err(|e| format!("{}: {e}", shown(name)))?;
                done.temporary.push((at, temporary.clone()));
                let mut file = File::from(fd);
                let written = (|| -> io::Result<()> {
                    file.write_all(bytes)?;
                    if let Some(like) = like {
                        // The owner only where allowed (a user may not give
                        // files away); then the mode, which a change of
                        // owner may have cut.
                        let _ = std::os::unix::fs::fchown(&file, Some(like.uid), Some(like.gid));
                        file.set_permissions(Permissions::from_mode(like.mode))?;
                    }
                    file.sync_all()
                })();
                written.map_err(|e| format!("{}: {}", shown(name), crate::trouble::describe(&e)))?;
                renames.push((at, temporary));
            }
        }
        // Keep what is replaced or deleted under a backup name.
        for (k, change) in changes.iter().enumerate() {
            let place = &places[k];
            let backup = temporary_name(&place.name, pid, changes.len() + k);
            let (dir, name) = (place.dir.as_raw_fd(), place.name.as_ptr());
            match change {
                Change::Delete { name: shown_name } => {
                    // SAFETY: valid descriptors and names.
                    check(unsafe { libc::renameat(dir, name, dir, backup.as_ptr()) })
                        .map_err(|e| format!("{}: {}", shown(shown_name), crate::trouble::describe(&e)))?;
                    done.backups.push((k, backup, place.name.clone()));
                }
                Change::Write { like: Some(_), .. } => {
                    // SAFETY: valid descriptors and names. Without hard links
                    // (some file systems) there is no backup to restore.
                    if unsafe { libc::linkat(dir, name, dir, backup.as_ptr(), 0) } == 0 {
                        done.backups.push((k, backup, place.name.clone()));
                    }
                }
                Change::Write { like: None, .. } => {}
            }
        }
        // Everything in place.
        for (at, temporary) in renames {
            let place = &places[at];
            let (dir, name) = (place.dir.as_raw_fd(), place.name.as_ptr());
            // SAFETY: valid descriptors and names.
            check(unsafe { libc::renameat(dir, temporary.as_ptr(), dir, name) })
                .map_err(|e| format!("{}: {}", place.name.to_string_lossy(), crate::trouble::describe(&e)))?;
            done.temporary.retain(|(d, t)| !(*d == at && *t == temporary));
            if !done.backups.iter().any(|(d, ..)| *d == at) {
                done.created.push((at, place.name.clone()));
            }
        }
        // Each directory once, however many of its files changed.
        let mut synced = std::collections::HashSet::new();
        for (change, place) in changes.iter().zip(places.iter()) {
            let name = match change {
                Change::Write { name, .. } | Change::Delete { name } => *name,
            };
            let parent = Dir::components(name).map(|parts| parts[..parts.len() - 1].to_vec()).unwrap_or_default();
            if synced.insert(parent) {
                // SAFETY: a valid descriptor.
                unsafe { libc::fsync(place.dir.as_raw_fd()) };
            }
        }
        Ok(())
    }
}

/// Puts back what a failed commit changed.
fn undo(places: &[Place], done: Done) {
    for (at, name) in done.temporary.iter().chain(&done.created) {
        // SAFETY: valid descriptors and names.
        unsafe { libc::unlinkat(places[*at].dir.as_raw_fd(), name.as_ptr(), 0) };
    }
    for (at, backup, name) in &done.backups {
        let dir = places[*at].dir.as_raw_fd();
        // SAFETY: valid descriptors and names.
        unsafe { libc::renameat(dir, backup.as_ptr(), dir, name.as_ptr()) };
    }
    for (parent, name) in done.directories.iter().rev() {
        // SAFETY: valid descriptors and names; only empty directories go.
        unsafe { libc::unlinkat(parent.as_raw_fd(), name.as_ptr(), libc::AT_REMOVEDIR) };
    }
}

/// A name beside `name` for a temporary file or backup.
fn temporary_name(name: &CString, pid: u32, k: usize) -> CString {
    let base = name.as_bytes();
    let suffix = format!(".fast-patch.{pid}.{k}");
    let mut temporary = b".".to_vec();
    // Within NAME_MAX (255).
    temporary.extend_from_slice(&base[..base.len().min(200)]);
    temporary.extend_from_slice(suffix.as_bytes());
    CString::new(temporary).expect("no NUL in a component")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_refuse_what_leaves_the_directory() {
        assert_eq!(Dir::components(b"./a//b/./c").unwrap(), vec![&b"a"[..], b"b", b"c"]);
        assert!(matches!(Dir::components(b"/etc/passwd"), Err(Refused::Absolute)));
        assert!(matches!(Dir::components(b"a/../../x"), Err(Refused::Parent)));
        assert!(matches!(Dir::components(b"./"), Err(Refused::Empty)));
        assert!(matches!(Dir::components(b"a\0b"), Err(Refused::Nul)));
    }
}
