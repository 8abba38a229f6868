//! The command line of `fast-merge`, the options of `git merge-file`, read
//! with the parser the commands share.

use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

use fast_diff::Algorithm;
use fast_diff::merge::{Favor, MAX_MARKER_SIZE, Style};
use fast_diff_cli::Trouble;
use fast_diff_cli::options::{Arg, Given, Parser, Table, Takes, choice};

/// What the command line asks for.
pub enum Command {
    Merge(Config),
    Help,
    Version,
}

/// A merge, as asked.
pub struct Config {
    pub to_stdout: bool,
    pub quiet: bool,
    pub style: Style,
    pub favor: Option<Favor>,
    /// 0 for the default.
    pub marker_size: usize,
    pub algorithm: Algorithm,
    /// Up to three `-L` labels: ours, base, theirs; the rest are the file
    /// names.
    pub labels: Vec<OsString>,
    /// CURRENT, BASE, OTHER.
    pub operands: [OsString; 3],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Opt {
    Stdout,
    Quiet,
    Style(Style),
    Favor(Favor),
    MarkerSize,
    Algorithm,
    Label,
    Help,
    Version,
}

const OPTIONS: Table<Opt> = Table {
    long: &[
        ("diff-algorithm", Opt::Algorithm, Takes::Required),
        ("diff3", Opt::Style(Style::Diff3), Takes::Nothing),
        ("help", Opt::Help, Takes::Nothing),
        ("marker-size", Opt::MarkerSize, Takes::Required),
        ("ours", Opt::Favor(Favor::Ours), Takes::Nothing),
        ("quiet", Opt::Quiet, Takes::Nothing),
        ("stdout", Opt::Stdout, Takes::Nothing),
        ("theirs", Opt::Favor(Favor::Theirs), Takes::Nothing),
        ("union", Opt::Favor(Favor::Union), Takes::Nothing),
        ("version", Opt::Version, Takes::Nothing),
        ("zdiff3", Opt::Style(Style::Zdiff3), Takes::Nothing),
    ],
    short: &[('p', Opt::Stdout, Takes::Nothing), ('q', Opt::Quiet, Takes::Nothing), ('L', Opt::Label, Takes::Required)],
};

const ALGORITHMS: &[(&str, Algorithm)] =
    &[("myers", Algorithm::Myers), ("histogram", Algorithm::Histogram), ("patience", Algorithm::Patience)];

pub const USAGE: &str = "\
Usage: fast-merge [OPTION]... [-L NAME1 [-L ORIG [-L NAME2]]] CURRENT BASE OTHER
Merge into CURRENT the changes that lead from BASE to OTHER, as
git merge-file does: changes that overlap are conflicts, marked in the result.
Without -p the result replaces CURRENT (its permissions kept).

  -p, --stdout                 write the result to standard output instead
  -q, --quiet                  do not report trouble on standard error
  -L NAME                      label the conflict markers: the first -L names
                               CURRENT, the second BASE, the third OTHER
                               (each defaults to the file's name)
      --diff3                  show the base of each conflict too
      --zdiff3                 diff3, with lines both sides share moved out
      --ours                   resolve conflicts with CURRENT's side
      --theirs                 resolve conflicts with OTHER's side
      --union                  resolve conflicts with both sides, ours first
      --marker-size=N          markers of N characters (default 7)
      --diff-algorithm=NAME    myers (default), histogram or patience
      --help                   display this help and exit
      --version                output version information and exit

Any bytes merge: lines end at LF; CRLF files get CRLF markers.
Exit status is the number of conflicts (at most 127), 0 for a clean merge,
255 if trouble.
";

/// Reads the arguments (without the program name).
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, Trouble> {
    let mut config = Config {
        to_stdout: false,
        quiet: false,
        style: Style::Merge,
        favor: None,
        marker_size: 0,
        algorithm: Algorithm::Myers,
        labels: Vec::new(),
        operands: Default::default(),
    };
    let mut operands = Vec::new();
    for arg in Parser::new(args, &OPTIONS) {
        match arg? {
            Arg::Operand(operand) => operands.push(operand),
            Arg::Option(given) => match given.opt {
                Opt::Help => return Ok(Command::Help),
                Opt::Version => return Ok(Command::Version),
                _ => apply(&mut config, given)?,
            },
        }
    }
    config.operands = operands.try_into().map_err(|operands: Vec<OsString>| {
        Trouble::Usage(format!("expected three files, CURRENT BASE OTHER; got {}", operands.len()))
    })?;
    Ok(Command::Merge(config))
}

/// Takes one option in. The last of `--diff3`/`--zdiff3`, and of
/// `--ours`/`--theirs`/`--union`, wins, as in git.
fn apply(config: &mut Config, given: Given<Opt>) -> Result<(), Trouble> {
    let value = given.value.unwrap_or_default();
    match given.opt {
        Opt::Stdout => config.to_stdout = true,
        Opt::Quiet => config.quiet = true,
        Opt::Style(style) => config.style = style,
        Opt::Favor(favor) => config.favor = Some(favor),
        Opt::MarkerSize => config.marker_size = marker_size(&value, &given.spelled)?,
        Opt::Algorithm => config.algorithm = choice(&value, &given.spelled, ALGORITHMS)?,
        Opt::Label => {
            if config.labels.len() == 3 {
                return Err(Trouble::Usage("too many labels on the command line".into()));
            }
            config.labels.push(value);
        }
        Opt::Help | Opt::Version => unreachable!("handled by parse"),
    }
    Ok(())
}

/// A marker size: an integer, where zero or less means the default, as in
/// git; at most `MAX_MARKER_SIZE`.
fn marker_size(value: &std::ffi::OsStr, spelled: &str) -> Result<usize, Trouble> {
    let text = std::str::from_utf8(value.as_bytes()).ok();
    let Some(n) = text.and_then(|t| t.parse::<i64>().ok()) else {
        return Err(Trouble::Usage(format!("option '{spelled}' expects a numerical value")));
    };
    if n > MAX_MARKER_SIZE as i64 {
        return Err(Trouble::Usage(format!("option '{spelled}' is at most {MAX_MARKER_SIZE}")));
    }
    Ok(n.max(0) as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(args: &[&str]) -> Result<Config, Trouble> {
        match parse(args.iter().map(OsString::from))? {
            Command::Merge(config) => Ok(config),
            _ => panic!("not a merge"),
        }
    }

    #[test]
    fn options_as_git_merge_file_takes_them() {
        let c = config(&["-p", "--diff3", "--zdiff3", "--ours", "--union", "-L", "a", "-Lb", "x", "y", "z"]).unwrap();
        assert!(c.to_stdout && c.style == Style::Zdiff3 && c.favor == Some(Favor::Union));
        assert_eq!(c.labels, ["a", "b"]);
        assert_eq!(c.operands, ["x", "y", "z"]);
        let c =
            config(&["x", "--marker-size=3", "y", "--marker-size", "-1", "--diff-algorithm=patience", "z"]).unwrap();
        assert_eq!((c.marker_size, c.algorithm), (0, Algorithm::Patience));
        // Abbreviations, as git's option parser takes them.
        assert!(config(&["--std", "--quie", "x", "y", "z"]).is_ok_and(|c| c.to_stdout && c.quiet));
    }

    #[test]
    fn bad_command_lines_are_trouble() {
        for bad in [
            &["x", "y"][..],
            &["x", "y", "z", "w"],
            &["--bogus", "x", "y", "z"],
            &["--marker-size=x", "x", "y", "z"],
            &["--marker-size=5000", "x", "y", "z"],
            &["-L", "1", "-L", "2", "-L", "3", "-L", "4", "x", "y", "z"],
            &["--diff-algorithm=minimal", "x", "y", "z"],
        ] {
            assert!(config(bad).is_err(), "{bad:?}");
        }
    }
}
