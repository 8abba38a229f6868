//! `fast-merge [OPTION]... CURRENT BASE OTHER`: the fast-diff merge as a
//! command, a drop-in for `git merge-file`: the same result byte for byte,
//! the same options, and its exit status (the number of conflicts, at most
//! 127; 255 on trouble). Its options are written for users in
//! `args::USAGE`, which `--help` prints.
//!
//! Two choices differ from git on purpose: any bytes merge (git refuses
//! files with a NUL as binary), and without `-p` the result replaces
//! CURRENT through a temporary file renamed over it, so that a failure
//! half-way never leaves a truncated file.

mod args;
mod replace;

use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::process::ExitCode;

use fast_diff::merge::{Labels, MergeOptions, merge};
use fast_diff_cli::input::{self, is_stdin};
use fast_diff_cli::{Program, Trouble, emit};

use args::{Command, Config};

const PROGRAM: Program = Program { name: "fast-merge", trouble_status: 255 };

/// The most conflicts the exit status counts, as in git.
const MAX_STATUS: usize = 127;

fn main() -> ExitCode {
    PROGRAM.run(|| match args::parse(std::env::args_os().skip(1))? {
        // With -q, trouble after the command line is read ends the program
        // without a word, as git's -q silences standard error.
        Command::Merge(config) => run(&config).map_err(|trouble| if config.quiet { Trouble::Silent } else { trouble }),
        Command::Help => emit(|out| out.write_all(args::USAGE.as_bytes())).map(|()| 0),
        Command::Version => {
            let version = format!("{} {}\n", PROGRAM.name, env!("CARGO_PKG_VERSION"));
            emit(|out| out.write_all(version.as_bytes())).map(|()| 0)
        }
    })
}

/// The number of conflicts, for the exit status.
fn run(config: &Config) -> Result<u8, Trouble> {
    let current = &config.operands[0];
    if !config.to_stdout && is_stdin(current) {
        return Err(Trouble::Fatal("cannot write the result over standard input; use -p".into()));
    }
    let inputs = input::open_all(config.operands.clone())?;
    let name = |i: usize| config.labels.get(i).unwrap_or(&config.operands[i]).as_bytes();
    let options = MergeOptions {
        style: config.style,
        favor: config.favor,
        labels: Labels { ours: name(0), base: name(1), theirs: name(2) },
        marker_size: config.marker_size,
        algorithm: config.algorithm,
    };
    let [ours_text, base_text, theirs_text] = [&inputs[0], &inputs[1], &inputs[2]].map(|i| i.bytes());
    let merged = merge(base_text, ours_text, theirs_text, &options).map_err(|e| Trouble::Fatal(e.to_string()))?;
    if config.to_stdout {
        emit(|out| out.write_all(&merged.text))?;
    } else {
        replace::replace(current.as_ref(), &merged.text)?;
    }
    Ok(merged.conflicts.min(MAX_STATUS) as u8)
}
