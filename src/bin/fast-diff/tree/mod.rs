//! What the operands name and how they are compared: two files; a file and
//! the file of its name in a directory; two directories, file by file, as
//! GNU diff walks them (`gnu`) or, with `--git`, as `git diff --no-index`
//! does (`git`).
//!
//! A walk writes down what to do, in output order, as steps: messages
//! (`Only in ...`), trouble with one file, and pairs of files to compare.
//! The pairs are then opened (memory-mapped), diffed and written on every
//! core, and the output comes out in order (`ordered`).

mod entries;
mod git;
mod gnu;
mod ordered;

use std::ffi::OsString;
use std::fs::Metadata;
use std::io::{self, Write};
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use fast_diff_cli::Trouble;
use fast_diff_cli::input::{self, Input};
use fast_diff_cli::timestamp::Timestamp;

use crate::pair::{Pair, PairDiff, Side};

/// One thing to do, in output order.
pub enum Step {
    /// Text for standard output as it is (`Only in A: x`); `differ`:
    /// whether it tells of a difference.
    Say {
        text: Vec<u8>,
        differ: bool,
    },
    /// Trouble with one file or directory: told on standard error, and the
    /// comparison goes on (exit status 2).
    Trouble(String),
    Compare(Box<Job>),
}

/// A pair of files to open and compare.
pub struct Job {
    pub sides: [JobSide; 2],
    pub nested: bool,
}

pub struct JobSide {
    /// The name to show, which is also the path to open.
    pub name: OsString,
    pub source: Source,
    /// git's mode (0 when absent).
    pub mode: u32,
}

pub enum Source {
    /// Opened already (an operand, standard input).
    Opened(Input),
    /// A file to open; its metadata from the walk.
    File(Metadata),
    /// A symbolic link, compared as git compares links: by its target.
    Link(Metadata),
    /// Absent: empty.
    Absent,
}

/// The exit status a walk and its pairs add up to.
#[derive(Default)]
struct Status {
    differ: bool,
    trouble: bool,
}

impl Status {
    fn code(&self) -> u8 {
        if self.trouble { 2 } else { u8::from(self.differ) }
    }
}

/// Opens a side of a job.
fn open(side: JobSide) -> Result<Side, Trouble> {
    let shown = |e: &io::Error| Trouble::io(side.name.to_string_lossy(), e);
    let (input, present) = match side.source {
        Source::Opened(input) => (input, true),
        Source::File(ref meta) => {
            (input::open_file(side.name.clone(), Path::new(&side.name), meta).map_err(|e| shown(&e))?, true)
        }
        Source::Link(ref meta) => {
            let target = std::fs::read_link(&side.name).map_err(|e| shown(&e))?;
            (
                Input::from_bytes(
                    side.name,
                    std::os::unix::ffi::OsStringExt::into_vec(target.into_os_string()),
                    Timestamp::modified(meta),
                ),
                true,
            )
        }
        Source::Absent => (Input::absent(side.name), false),
    };
    Ok(Side { input, present, mode: side.mode })
}

/// What one step gives: output, trouble, whether it tells of a difference.
struct Outcome {
    out: Vec<u8>,
    trouble: Option<String>,
    differ: bool,
}

fn run_step(step: Step, writer: &dyn PairDiff) -> Outcome {
    match step {
        Step::Say { text, differ } => Outcome { out: text, trouble: None, differ },
        Step::Trouble(message) => Outcome { out: Vec::new(), trouble: Some(message), differ: false },
        Step::Compare(job) => {
            let Job { sides: [old, new], nested } = *job;
            let pair = open(old).and_then(|old| Ok(Pair { sides: [old, open(new)?], nested }));
            match pair.and_then(|pair| writer.diff(&pair)) {
                Ok(piece) => Outcome { out: piece.out, trouble: None, differ: piece.differ },
                Err(trouble) => Outcome { out: Vec::new(), trouble: Some(trouble.into_message()), differ: false },
            }
        }
    }
}

/// Carries out `steps` on every core, writing their output in order;
/// returns the exit status.
pub fn run(steps: Vec<Step>, writer: &dyn PairDiff, program: &str) -> Result<u8, Trouble> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let mut status = Status::default();
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout());
    let written = ordered::map_in_order(
        steps,
        threads,
        |step| run_step(step, writer),
        |outcome| {
            out.write_all(&outcome.out)?;
            status.differ |= outcome.differ;
            if let Some(message) = outcome.trouble {
                // Standard output first, so that a terminal shows both in order.
                out.flush()?;
                eprintln!("{program}: {message}");
                status.trouble = true;
            }
            Ok(())
        },
    );
    written.and_then(|()| out.flush()).map_err(|e| Trouble::io("standard output", &e))?;
    Ok(status.code())
}

/// The walk of the operands: the steps to take.
pub fn walk(config: &crate::args::Config, operands: [OsString; 2]) -> Result<Vec<Step>, Trouble> {
    if config.git { git::walk(config, operands) } else { gnu::walk(config, operands) }
}

/// Whether two files are one, as GNU diff decides it.
fn same_file(a: &Metadata, b: &Metadata) -> bool {
    a.dev() == b.dev() && a.ino() == b.ino()
}
