//! `--html` on two directories: one page for the whole comparison. The
//! walk is the one the unified output takes (GNU's, or git's with
//! `--git`), but a page needs every pair at once, so the pairs are opened
//! in order and handed to the engine's multi-file renderer together.
//!
//! A page shows a file on one side only as added or removed, with its
//! lines (as `-N` does for a patch): that is what a reader looks for. What
//! a page cannot show goes to standard error, as a message would: binary
//! files (unless `-a`), a file facing a directory, trouble.

use std::io::Write;
use std::os::unix::ffi::OsStrExt;

use fast_diff::{DiffOptions, HtmlFile, HtmlLayout, HtmlOptions, html_diff_files};
use fast_diff_cli::{Trouble, emit};

use crate::args::Config;
use crate::binary::looks_binary;
use crate::pair::Pair;
use crate::tree::{self, Step};

/// Writes the page of `steps`; the exit status.
pub fn write(config: &Config, steps: Vec<Step>, layout: HtmlLayout, program: &str) -> Result<u8, Trouble> {
    let (mut differ, mut trouble) = (false, false);
    let mut pairs: Vec<Pair> = Vec::new();
    for step in steps {
        match step {
            Step::Say { text, differ: says_differ } => {
                differ |= says_differ;
                std::io::stderr().write_all(&text).map_err(|e| Trouble::io("standard error", &e))?;
            }
            Step::Trouble(message) => {
                eprintln!("{program}: {message}");
                trouble = true;
            }
            Step::Compare(job) => match tree::open_job(*job) {
                Err(problem) => {
                    eprintln!("{program}: {}", problem.into_message());
                    trouble = true;
                }
                Ok(pair) => {
                    let [old, new] = &pair.sides;
                    if old.input.bytes() == new.input.bytes() && old.present == new.present {
                        continue;
                    }
                    differ = true;
                    if !config.text && (looks_binary(&old.input, config.git) || looks_binary(&new.input, config.git)) {
                        let [a, b] = [&old.input.name, &new.input.name].map(|n| n.to_string_lossy());
                        eprintln!("Binary files {a} and {b} differ (not in the page; -a shows them as text)");
                        continue;
                    }
                    pairs.push(pair);
                }
            },
        }
    }
    let files: Vec<HtmlFile<'_>> = pairs
        .iter()
        .map(|pair| {
            let [old, new] = &pair.sides;
            HtmlFile {
                old_name: old.input.name.as_bytes(),
                new_name: new.input.name.as_bytes(),
                old: old.input.bytes(),
                new: new.input.bytes(),
            }
        })
        .collect();
    let options = DiffOptions {
        context_lines: config.context,
        algorithm: config.algorithm,
        deadline: config.deadline,
        modes: config.modes,
        ..DiffOptions::default()
    };
    let html = HtmlOptions { layout, ..HtmlOptions::default() };
    let page = html_diff_files(&files, &options, &html).map_err(|e| Trouble::Fatal(e.to_string()))?;
    emit(|out| out.write_all(&page))?;
    Ok(if trouble { 2 } else { u8::from(differ) })
}
