//! Replacing CURRENT with the merged text: written to a temporary file
//! beside it, given its permissions, and renamed over it, so that CURRENT is
//! either the old text or the whole new one, never a truncated mix. A
//! symbolic link is followed: the file it names is replaced, the link kept.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use fast_diff_cli::Trouble;

pub fn replace(current: &Path, text: &[u8]) -> Result<(), Trouble> {
    let shown = current.display();
    let target = fs::canonicalize(current).map_err(|e| Trouble::io(&shown, &e))?;
    let permissions = fs::metadata(&target).map_err(|e| Trouble::io(&shown, &e))?.permissions();
    let (temporary, mut file) = create_beside(&target).map_err(|e| Trouble::io(&shown, &e))?;
    let written = file
        .write_all(text)
        .and_then(|()| file.sync_all())
        .and_then(|()| fs::set_permissions(&temporary, permissions))
        .and_then(|()| fs::rename(&temporary, &target));
    if let Err(e) = written {
        let _ = fs::remove_file(&temporary);
        return Err(Trouble::io(&shown, &e));
    }
    Ok(())
}

/// A new file in `target`'s directory, named after it, that did not exist.
fn create_beside(target: &Path) -> std::io::Result<(PathBuf, fs::File)> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut attempt = 0u32;
    loop {
        let path = dir.join(format!(".{name}.fast-merge-{}-{attempt}", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).mode(0o600).open(&path) {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}
