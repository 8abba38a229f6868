//! Which files the operands of `--stat` and `--json` name. As GNU diff:
//! when one operand is a directory, the file of the other's name inside it.

use std::ffi::{OsStr, OsString};
use std::path::Path;

use fast_diff_cli::Trouble;
use fast_diff_cli::input::is_stdin;

/// The names of the two files to compare.
pub fn resolve(operands: &[OsString; 2]) -> Result<[OsString; 2], Trouble> {
    let is_dir = |name: &OsStr| !is_stdin(name) && Path::new(name).is_dir();
    let [old, new] = operands;
    match (is_dir(old), is_dir(new)) {
        (false, false) => Ok(operands.clone()),
        (true, true) => Err(Trouble::Fatal(format!(
            "{} and {} are both directories: --stat, --json and --html compare two files",
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
