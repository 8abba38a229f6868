//! `fast-diff [OPTION]... OLD NEW`: the fast-diff engine as a command, a
//! drop-in for the common subset of GNU `diff -u` (same output, same exit
//! status: 0 same, 1 different, 2 trouble), plus git-style `--stat`,
//! `--json` and `--word-diff`. Its options are written for users in
//! `args::USAGE`, which `--help` prints.

mod args;
mod json;
mod operands;
mod stat;

use std::io::{self, Write};
use std::os::unix::ffi::OsStrExt;
use std::process::ExitCode;

use fast_diff::{DiffOptions, LineDiff, Modes, diff_lines};
use fast_diff_cli::input::{self, Input};
use fast_diff_cli::{Program, Trouble, emit};

use args::{Command, Config, Format};

const PROGRAM: Program = Program { name: "fast-diff", trouble_status: 2 };

fn main() -> ExitCode {
    PROGRAM.run(|| run().map(u8::from))
}

/// Whether the inputs differ.
fn run() -> Result<bool, Trouble> {
    let config = match args::parse(std::env::args_os().skip(1))? {
        Command::Diff(config) => config,
        Command::Help => return emit(|out| out.write_all(args::USAGE.as_bytes())).map(|()| false),
        Command::Version => {
            let version = format!("{} {}\n", PROGRAM.name, env!("CARGO_PKG_VERSION"));
            return emit(|out| out.write_all(version.as_bytes())).map(|()| false);
        }
    };
    let [old, new] = input::open_all(operands::resolve(&config.operands)?)?;
    compare(&config, &old, &new)
}

fn compare(config: &Config, old: &Input, new: &Input) -> Result<bool, Trouble> {
    let names = [name(config, 0, old), name(config, 1, new)];
    if config.format == Format::Brief && config.modes == Modes::NONE {
        // Without comparison modes, different bytes are a difference: no
        // need to find where.
        let differ = old.bytes() != new.bytes();
        if differ {
            emit(|out| brief(out, &names))?;
        }
        return Ok(differ);
    }
    let options = DiffOptions {
        context_lines: config.context,
        algorithm: config.algorithm,
        deadline: config.deadline,
        modes: config.modes,
        ..DiffOptions::default()
    };
    let diff = diff_lines(old.bytes(), new.bytes(), &options).map_err(|e| Trouble::Fatal(e.to_string()))?;
    let context = config.context;
    match config.format {
        Format::Unified | Format::WordDiff(_) => {
            let (old_label, new_label) = (header_label(config, 0, old), header_label(config, 1, new));
            let text = match config.format {
                Format::WordDiff(granularity) => {
                    let spans = diff.word_spans(context, granularity, config.deadline);
                    diff.word_diff_text(context, &spans, &old_label, &new_label)
                }
                _ => diff.unified(context, &old_label, &new_label),
            }
            .map_err(|e| Trouble::Fatal(e.to_string()))?;
            // Empty exactly when there is no hunk to show.
            emit(|out| out.write_all(&text))?;
            Ok(!text.is_empty())
        }
        Format::Brief | Format::Stat | Format::Json => structured(config.format, &diff, context, &names),
    }
}

/// The outputs computed from the diff's statistics and hunks.
fn structured(format: Format, diff: &LineDiff<'_>, context: usize, names: &[Vec<u8>; 2]) -> Result<bool, Trouble> {
    let stats = diff.stats(context);
    emit(|out| match format {
        Format::Json => json::write(out, diff, context, &stats, &names[0], &names[1]),
        _ if stats.identical => Ok(()),
        Format::Stat => stat::write(out, &names[0], &names[1], stats.lines_added, stats.lines_removed),
        _ => brief(out, names),
    })?;
    Ok(!stats.identical)
}

fn brief(out: &mut impl Write, names: &[Vec<u8>; 2]) -> io::Result<()> {
    out.write_all(b"Files ")?;
    out.write_all(&names[0])?;
    out.write_all(b" and ")?;
    out.write_all(&names[1])?;
    out.write_all(b" differ\n")
}

/// The input's `--label`, else its name as given.
fn name(config: &Config, which: usize, input: &Input) -> Vec<u8> {
    config.labels.get(which).map_or(&*input.name, |label| label.as_os_str()).as_bytes().to_vec()
}

/// The `---`/`+++` header: the `--label`, else GNU diff's name and time.
fn header_label(config: &Config, which: usize, input: &Input) -> Vec<u8> {
    config.labels.get(which).map_or_else(|| input.header_label(), |label| label.as_bytes().to_vec())
}
