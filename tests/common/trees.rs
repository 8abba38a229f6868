//! Directory trees for tests: built from a list of entries, and read back
//! as a sorted list of what each path is, to compare two trees.

use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// An entry of a tree to build.
pub enum Node {
    File(&'static [u8]),
    /// A file its owner may run.
    Exec(&'static [u8]),
    Owned(Vec<u8>),
    Link(&'static str),
    Dir,
    Fifo,
}

/// Builds `entries` (paths relative to `root`, parents created as needed).
pub fn build(root: &Path, entries: &[(&str, Node)]) {
    std::fs::create_dir_all(root).unwrap();
    for (path, node) in entries {
        let at = root.join(path);
        if let Some(parent) = at.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        match node {
            Node::File(bytes) => std::fs::write(&at, bytes).unwrap(),
            Node::Owned(bytes) => std::fs::write(&at, bytes).unwrap(),
            Node::Exec(bytes) => {
                std::fs::write(&at, bytes).unwrap();
                std::fs::set_permissions(&at, std::fs::Permissions::from_mode(0o755)).unwrap();
            }
            Node::Link(target) => std::os::unix::fs::symlink(target, &at).unwrap(),
            Node::Dir => std::fs::create_dir_all(&at).unwrap(),
            Node::Fifo => {
                let made = std::process::Command::new("mkfifo").arg(&at).status().unwrap();
                assert!(made.success(), "mkfifo {at:?}");
            }
        }
    }
}

/// What a path of a tree is, as read back.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Found {
    File { bytes: Vec<u8>, exec: bool },
    Link(Vec<u8>),
    Dir,
}

/// Every path below `root` (symbolic links not followed), sorted; with
/// `files_only`, the files (and links) alone, without their modes.
pub fn read(root: &Path, files_only: bool) -> Vec<(Vec<u8>, Found)> {
    let mut out = Vec::new();
    walk(root, root, files_only, &mut out);
    out.sort();
    out
}

fn walk(root: &Path, dir: &Path, files_only: bool, out: &mut Vec<(Vec<u8>, Found)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let relative = path.strip_prefix(root).unwrap().as_os_str().as_bytes().to_vec();
        let meta = std::fs::symlink_metadata(&path).unwrap();
        if meta.file_type().is_symlink() {
            out.push((relative, Found::Link(std::fs::read_link(&path).unwrap().as_os_str().as_bytes().to_vec())));
        } else if meta.is_dir() {
            if !files_only {
                out.push((relative, Found::Dir));
            }
            walk(root, &path, files_only, out);
        } else {
            let exec = !files_only && meta.permissions().mode() & 0o100 != 0;
            out.push((relative, Found::File { bytes: std::fs::read(&path).unwrap(), exec }));
        }
    }
}

/// Copies a tree (links as links, modes kept) with `cp -a`.
pub fn copy(from: &Path, to: &Path) {
    let done = std::process::Command::new("cp").arg("-a").arg(from).arg(to).status().unwrap();
    assert!(done.success(), "cp -a {from:?} {to:?}");
}
