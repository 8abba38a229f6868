//! `fast-diff [OPTION]... OLD NEW`: the fast-diff engine as a command, a
//! drop-in for the common subset of GNU `diff -u` and `diff -ruN` (same
//! output, same exit status: 0 same, 1 different, 2 trouble), plus
//! `git diff --no-index`'s headers (`--git`) and colours, `--stat`, `--json`,
//! `--word-diff` and `--html`. Its options are written for users in `args::USAGE`,
//! which `--help` prints.

mod args;
mod binary;
mod decorate;
mod function;
mod json;
mod operands;
mod pair;
mod stat;
mod tree;
mod unsupported;
mod word_text;

use std::io::{self, IsTerminal, Write};
use std::os::unix::ffi::OsStrExt;
use std::process::ExitCode;

use fast_diff::{DiffOptions, HtmlOptions, LineDiff, diff_lines, html_diff};
use fast_diff_cli::input::{self, Input};
use fast_diff_cli::{Program, Trouble, emit, locale};

use args::{Command, Config, Format, When};

const PROGRAM: Program = Program { name: "fast-diff", trouble_status: 2 };

fn main() -> ExitCode {
    PROGRAM.run(run)
}

/// The exit status.
fn run() -> Result<u8, Trouble> {
    locale::from_environment();
    let config = match args::parse(std::env::args_os().skip(1))? {
        Command::Diff(config) => config,
        Command::Help => return emit(|out| out.write_all(args::USAGE.as_bytes())).map(|()| 0),
        Command::Version => {
            let version = format!("{} {}\n", PROGRAM.name, env!("CARGO_PKG_VERSION"));
            return emit(|out| out.write_all(version.as_bytes())).map(|()| 0);
        }
    };
    match config.format {
        // An HTML page is of two files (a page of a directory comparison is
        // not written yet).
        Format::Stat | Format::Json | Format::Html(_) => {
            let [old, new] = input::open_all(operands::resolve(&config.operands)?)?;
            structured(&config, &old, &new).map(u8::from)
        }
        _ => {
            let steps = tree::walk(&config, config.operands.clone())?;
            let writer = pair::Writer::new(&config, use_color(config.color));
            tree::run(steps, &writer, PROGRAM.name)
        }
    }
}

/// `--color`'s choice for this run: `auto` colours a terminal, unless
/// `NO_COLOR` is set (to anything but nothing) or the terminal is dumb.
fn use_color(when: When) -> bool {
    let set = |name: &str| std::env::var_os(name).filter(|value| !value.is_empty());
    match when {
        When::Never => false,
        When::Always => true,
        When::Auto => {
            io::stdout().is_terminal() && set("NO_COLOR").is_none() && set("TERM").is_none_or(|t| t != "dumb")
        }
    }
}

/// `--stat`, `--json` and `--html`, of two files; whether they differ.
fn structured(config: &Config, old: &Input, new: &Input) -> Result<bool, Trouble> {
    let options = DiffOptions {
        context_lines: config.context,
        algorithm: config.algorithm,
        deadline: config.deadline,
        modes: config.modes,
        ..DiffOptions::default()
    };
    let diff = diff_lines(old.bytes(), new.bytes(), &options).map_err(|e| Trouble::Fatal(e.to_string()))?;
    let names = [name(config, 0, old), name(config, 1, new)];
    if let Format::Html(layout) = config.format {
        let options = DiffOptions { old_label: &names[0], new_label: &names[1], ..options };
        let html = HtmlOptions { layout, ..HtmlOptions::default() };
        let page = html_diff(old.bytes(), new.bytes(), &options, &html).map_err(|e| Trouble::Fatal(e.to_string()))?;
        emit(|out| out.write_all(&page))?;
        return Ok(!diff.is_identical());
    }
    write_structured(config.format, &diff, config.context, &names)
}

fn write_structured(
    format: Format,
    diff: &LineDiff<'_>,
    context: usize,
    names: &[Vec<u8>; 2],
) -> Result<bool, Trouble> {
    let stats = diff.stats(context);
    emit(|out| match format {
        Format::Json => json::write(out, diff, context, &stats, &names[0], &names[1]),
        _ if stats.identical => Ok(()),
        _ => stat::write(out, &names[0], &names[1], stats.lines_added, stats.lines_removed),
    })?;
    Ok(!stats.identical)
}

/// The input's `--label`, else its name as given.
fn name(config: &Config, which: usize, input: &Input) -> Vec<u8> {
    config.labels.get(which).map_or(&*input.name, |label| label.as_os_str()).as_bytes().to_vec()
}
