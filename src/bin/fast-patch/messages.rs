//! What fast-patch says, in GNU patch's words where GNU patch has them
//! (`patching file x.c`, `Hunk #2 succeeded at 40 (offset 3 lines).`,
//! `Hunk #1 FAILED at 10.`, `1 out of 2 hunks FAILED`), with a line more
//! where fast-diff knows more: why a hunk failed, and which rung of the
//! matching ladder a hunk needed.

use std::io::{self, Write};

use fast_diff::patch::edits::{EditReport, FileEdit, FileOutcome};
use fast_diff::{FileChange, HunkOutcome, HunkReport, MatchMode};

/// A file name as GNU patch shows it (gnulib's shell quoting, as GNU diff
/// repeats options): as it is, or quoted when a shell would read it
/// otherwise.
pub fn quoted(name: &[u8]) -> String {
    String::from_utf8_lossy(&fast_diff_cli::quote::shell(name, true)).into_owned()
}

fn hunks(n: usize) -> &'static str {
    if n == 1 { "hunk" } else { "hunks" }
}

/// `Hunk #1 succeeded at 5 with fuzz 1 (offset 3 lines).`, and the rung of
/// the ladder when it was not an exact match; None for a hunk that applied
/// just where and as it says.
fn succeeded(number: usize, hunk: &HunkReport) -> Option<String> {
    let stateless = hunk.stated_line.is_none();
    let lenient = !matches!(hunk.mode, MatchMode::Exact);
    if hunk.offset == 0 && hunk.fuzz == 0 && !lenient && !hunk.recounted && !stateless {
        return None;
    }
    let mut line = format!("Hunk #{number} succeeded at {}", hunk.line);
    if hunk.fuzz > 0 {
        line.push_str(&format!(" with fuzz {}", hunk.fuzz));
    }
    if hunk.offset != 0 {
        let lines = if hunk.offset.unsigned_abs() == 1 { "line" } else { "lines" };
        line.push_str(&format!(" (offset {} {lines})", hunk.offset));
    }
    let rung = match hunk.mode {
        MatchMode::Exact => None,
        MatchMode::LineEndings => Some("ignoring line ends"),
        MatchMode::Whitespace => Some("ignoring whitespace amounts"),
        MatchMode::TrailingWhitespace => Some("ignoring trailing whitespace"),
        MatchMode::Trimmed => Some("ignoring indentation"),
        MatchMode::Punctuation => Some("ignoring indentation and typographic punctuation"),
    };
    if let Some(rung) = rung {
        line.push_str(&format!(", {rung}"));
    }
    if hunk.recounted {
        line.push_str(", its line counts recounted");
    }
    line.push('.');
    Some(line)
}

/// Why a path was not read or written, as fast-patch refuses it.
pub struct Refusal {
    pub name: Vec<u8>,
    pub why: String,
}

/// Writes what was (or would be) done to every file, and returns how many
/// files fail.
pub fn write(
    out: &mut impl Write,
    report: &EditReport,
    patch: &[u8],
    applied: bool,
    refusals: &[Refusal],
) -> io::Result<usize> {
    let mut failing = 0;
    for file in &report.files {
        let refused = refusals.iter().find(|r| r.name == file.path || file.source.as_ref() == Some(&r.name));
        failing += usize::from(write_file(out, report, file, patch, applied, refused)?);
    }
    if failing > 0 {
        let total = report.files.len();
        writeln!(out, "Nothing was written: the patch does not apply to {failing} of {total} files.")?;
    }
    Ok(failing)
}

/// Writes one file's lines; whether it fails.
fn write_file(
    out: &mut impl Write,
    report: &EditReport,
    file: &FileEdit,
    patch: &[u8],
    applied: bool,
    refused: Option<&Refusal>,
) -> io::Result<bool> {
    let name = quoted(&file.path);
    let total = file.hunks.len().max(1);
    if let Some(refusal) = refused {
        writeln!(out, "Refusing to patch {}: {}", quoted(&refusal.name), refusal.why)?;
        writeln!(out, "{total} out of {total} {} ignored", hunks(total))?;
        return Ok(true);
    }
    match file.outcome {
        FileOutcome::Missing => {
            let line = input_line(report, file, patch);
            writeln!(out, "can't find file to patch at input line {line}")?;
            writeln!(out, "Perhaps you used the wrong -p or --strip option?")?;
            writeln!(out, "No file to patch.  Skipping patch.")?;
            writeln!(out, "{total} out of {total} {} ignored", hunks(total))?;
            return Ok(true);
        }
        FileOutcome::Exists => {
            writeln!(out, "The next patch would create the file {name},")?;
            writeln!(out, "which already exists!  Skipping patch.")?;
            writeln!(out, "{total} out of {total} {} ignored", hunks(total))?;
            return Ok(true);
        }
        _ => {}
    }
    let verb = if applied { "patching" } else { "checking" };
    let whence = match (file.change, &file.source) {
        (FileChange::Renamed, Some(source)) => format!(" (renamed from {})", quoted(source)),
        (FileChange::Copied, Some(source)) => format!(" (copied from {})", quoted(source)),
        _ => String::new(),
    };
    writeln!(out, "{verb} file {name}{whence}")?;
    if file.outcome == FileOutcome::AlreadyApplied {
        writeln!(out, "Reversed (or previously applied) patch detected!  Skipping patch.")?;
        writeln!(out, "{total} out of {total} {} ignored", hunks(total))?;
        return Ok(true);
    }
    let mut failed = 0;
    for (k, hunk) in file.hunks.iter().enumerate() {
        let number = k + 1;
        match hunk.outcome {
            HunkOutcome::Applied => {
                if let Some(line) = succeeded(number, hunk) {
                    writeln!(out, "{line}")?;
                }
            }
            HunkOutcome::AlreadyApplied => {
                failed += 1;
                writeln!(out, "Hunk #{number} is already applied at {}.", hunk.line)?;
            }
            HunkOutcome::Failed => {
                failed += 1;
                match hunk.stated_line {
                    Some(stated) => writeln!(out, "Hunk #{number} FAILED at {stated}.")?,
                    None => writeln!(out, "Hunk #{number} FAILED.")?,
                }
                writeln!(out, "  {}", hunk.message)?;
            }
            HunkOutcome::NotTried => {}
        }
    }
    if failed > 0 {
        writeln!(out, "{failed} out of {} {} FAILED", file.hunks.len(), hunks(file.hunks.len()))?;
    } else if file.outcome == FileOutcome::HunksFailed {
        // A failure of the file as a whole (a deletion of a file that is
        // not as the patch has it).
        for line in file.message.lines().skip(1).chain(file.message.lines().take(1)) {
            writeln!(out, "  {line}")?;
        }
    }
    Ok(file.outcome != FileOutcome::Applied)
}

/// The line of the patch where the file's first hunk (or section) starts.
fn input_line(report: &EditReport, file: &FileEdit, patch: &[u8]) -> usize {
    let offset = file
        .hunks
        .first()
        .map(|h| h.span.start)
        .or_else(|| file.sections.first().map(|&s| report.sections[s].span.start))
        .unwrap_or(0);
    memchr::memchr_iter(b'\n', &patch[..offset.min(patch.len())]).count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_quoted_as_gnu_patch_quotes_them() {
        assert_eq!(quoted(b"src/x-1.c"), "src/x-1.c");
        assert_eq!(quoted(b"a b.txt"), "'a b.txt'");
        assert_eq!(quoted(b"it's"), "\"it's\"");
    }
}
