//! `fast-patch [OPTION]...`: the fast-diff engine's patching as a command,
//! used as GNU patch is: the patch on standard input (or `-i FILE`), in any
//! format the engine reads, applied to the files under the current
//! directory (or `-d DIR`), all or nothing. Exit status 0 applied, 1 some
//! hunk did not apply (nothing written), 2 trouble. Its options are written
//! for users in `args::USAGE`.

mod args;
mod messages;

use std::collections::HashMap;
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::ExitCode;

use fast_diff::patch::edits::{EditError, EditOptions, EditReport, FileOutcome, FileText, apply_edits, parse_edits};
use fast_diff::{ApplyOptions, DiffOptions, FileChange, unified_diff};
use fast_diff_cli::confined::{Change, Dir, Found, Refused};
use fast_diff_cli::input;
use fast_diff_cli::{Program, Trouble, emit};

use args::{Command, Config};
use messages::Refusal;

const PROGRAM: Program = Program { name: "fast-patch", trouble_status: 2 };

fn main() -> ExitCode {
    PROGRAM.run(run)
}

fn run() -> Result<u8, Trouble> {
    let config = match args::parse(std::env::args_os().skip(1))? {
        Command::Patch(config) => config,
        Command::Help => return emit(|out| out.write_all(args::USAGE.as_bytes())).map(|()| 0),
        Command::Version => {
            let version = format!("{} {}\n", PROGRAM.name, env!("CARGO_PKG_VERSION"));
            return emit(|out| out.write_all(version.as_bytes())).map(|()| 0);
        }
    };
    let patch = input::open(config.input.clone().unwrap_or_else(|| "-".into()))?;
    let dir =
        Dir::open(Path::new(&config.directory)).map_err(|e| Trouble::io(config.directory.to_string_lossy(), &e))?;
    patch_files(&config, &dir, patch.bytes())
}

fn options(config: &Config) -> EditOptions {
    EditOptions {
        format: None,
        apply: ApplyOptions {
            strict: config.strict,
            reverse: config.reverse,
            fuzz: config.fuzz,
            ..ApplyOptions::default()
        },
        strip: config.strip,
    }
}

/// What a malformed patch is, in GNU patch's words when it has no diff.
fn malformed(error: &EditError) -> Trouble {
    match error {
        EditError::Malformed { error, .. } if error.offset == 0 && error.line == 1 => {
            Trouble::Fatal("**** Only garbage was found in the patch input.".into())
        }
        other => Trouble::Fatal(format!("**** {other}")),
    }
}

fn patch_files(config: &Config, dir: &Dir, patch: &[u8]) -> Result<u8, Trouble> {
    let options = options(config);
    let listed = parse_edits(patch, &options).map_err(|e| malformed(&e))?;
    // Read every file a section may name; a name that may not be read is
    // refused if the patch turns out to be about it.
    let mut found: Vec<(Vec<u8>, Found)> = Vec::new();
    let mut refusals: Vec<Refusal> = Vec::new();
    for name in names(&listed, config.strip) {
        if Dir::components(&name).is_err() {
            continue;
        }
        match dir.read(&name) {
            Ok(Some(file)) => found.push((name, file)),
            Ok(None) => {}
            Err(why) => refusals.push(Refusal { name, why: why.to_string() }),
        }
    }
    let files: Vec<FileText<'_>> = found.iter().map(|(name, f)| FileText { path: name, text: &f.bytes }).collect();
    let result = apply_edits(&files, patch, &options);
    let report = match &result {
        Ok(report) => report,
        Err(error) => error.report().ok_or_else(|| malformed(error))?,
    };
    // Every name the patch reads or writes must stay inside the directory.
    for file in &report.files {
        for name in [Some(&file.path), file.source.as_ref()].into_iter().flatten() {
            let refused = Dir::components(name).err().map(|why| match why {
                Refused::Absolute | Refused::Parent => {
                    format!("{why}: files outside {} are never touched", shown(&config.directory))
                }
                other => other.to_string(),
            });
            let refused = refused.or_else(|| dir.writable(name).err().map(|why| why.to_string()));
            if let Some(why) = refused
                && !refusals.iter().any(|r| &r.name == name)
            {
                refusals.push(Refusal { name: name.clone(), why });
            }
        }
    }
    let failing_refusals: Vec<Refusal> = refusals
        .into_iter()
        .filter(|r| report.files.iter().any(|f| f.path == r.name || f.source.as_ref() == Some(&r.name)))
        .collect();
    let ok = result.is_ok() && failing_refusals.is_empty();
    let write = ok && !config.dry_run;
    let written = if write { commit(dir, report, &found) } else { Ok(()) };
    if let Err(why) = written {
        return Err(Trouble::Fatal(format!("**** {why}; nothing was written")));
    }
    let mut failing = 0;
    emit(|out| {
        failing = messages::write(out, report, patch, write, &failing_refusals)?;
        if ok && config.dry_run {
            dry_run_diff(out, report, &found)?;
        }
        Ok(())
    })?;
    Ok(if ok && failing == 0 { 0 } else { 1 })
}

fn shown(name: &std::ffi::OsStr) -> String {
    messages::quoted(name.as_bytes())
}

/// The names the sections of `listed` may read: the path of each, and the
/// names as written (with `-p N` taken off, if given).
fn names(listed: &EditReport, strip: Option<usize>) -> Vec<Vec<u8>> {
    let mut names: Vec<Vec<u8>> = Vec::new();
    let mut add = |name: &[u8]| {
        if name != b"/dev/null" && !name.is_empty() && !names.iter().any(|n| n == name) {
            names.push(name.to_vec());
        }
    };
    for file in &listed.files {
        add(&file.path);
        if let Some(source) = &file.source {
            add(source);
        }
    }
    for section in &listed.sections {
        for name in [&section.old_path, &section.new_path].into_iter().flatten() {
            match strip {
                Some(n) => {
                    if let Some(stripped) = strip_components(name, n) {
                        add(&stripped);
                    }
                }
                None => add(name),
            }
        }
        if strip.is_none()
            && let Some(path) = &section.path
        {
            add(path);
        }
    }
    names
}

/// `name` without its first `n` components, as `-p N`.
fn strip_components(name: &[u8], n: usize) -> Option<Vec<u8>> {
    let mut rest = name;
    for _ in 0..n {
        let slash = memchr::memchr(b'/', rest)?;
        rest = &rest[slash + 1..];
    }
    (!rest.is_empty()).then(|| rest.to_vec())
}

/// Writes every change of the report, all or nothing.
fn commit(dir: &Dir, report: &EditReport, found: &[(Vec<u8>, Found)]) -> Result<(), String> {
    let by_name: HashMap<&[u8], &Found> = found.iter().map(|(n, f)| (n.as_slice(), f)).collect();
    let mut changes = Vec::new();
    for file in &report.files {
        if file.outcome != FileOutcome::Applied {
            continue;
        }
        match (&file.text, file.change) {
            (_, FileChange::Deleted) => changes.push(Change::Delete { name: &file.path }),
            (Some(text), change) => {
                let like =
                    by_name.get(file.path.as_slice()).or_else(|| file.source.as_deref().and_then(|s| by_name.get(s)));
                let unchanged = like.is_some_and(|f| f.bytes == *text) && change != FileChange::Renamed;
                if !unchanged {
                    changes.push(Change::Write { name: &file.path, bytes: text, like: like.copied() });
                }
                if change == FileChange::Renamed
                    && let Some(source) = file.source.as_deref().filter(|s| *s != file.path.as_slice())
                {
                    changes.push(Change::Delete { name: source });
                }
            }
            (None, _) => {}
        }
    }
    dir.commit(&changes)
}

/// The unified diff of what the patch would do, file by file.
fn dry_run_diff(out: &mut impl Write, report: &EditReport, found: &[(Vec<u8>, Found)]) -> std::io::Result<()> {
    for file in &report.files {
        let source = file.source.as_deref().unwrap_or(&file.path);
        let old = found.iter().find(|(n, _)| n.as_slice() == source).map_or(&[][..], |(_, f)| f.bytes.as_slice());
        let new = file.text.as_deref().unwrap_or_default();
        let label = |prefix: &str, name: &[u8], there: bool| {
            if there { [prefix.as_bytes(), name].concat() } else { b"/dev/null".to_vec() }
        };
        let old_label = label("a/", source, file.change != FileChange::Created);
        let new_label = label("b/", &file.path, file.change != FileChange::Deleted);
        let options = DiffOptions { old_label: &old_label, new_label: &new_label, ..DiffOptions::default() };
        match unified_diff(old, new, &options) {
            Ok(diff) => out.write_all(&diff)?,
            Err(e) => writeln!(out, "(no diff of {}: {e})", messages::quoted(&file.path))?,
        }
    }
    Ok(())
}
