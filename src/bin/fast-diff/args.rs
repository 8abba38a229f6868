//! fast-diff's options, its usage text (the one place they are written for
//! users), and what they ask for. The words are read as GNU diff reads them,
//! by `fast_diff_cli::options`.

use std::ffi::OsString;
use std::time::Duration;

use fast_diff::{Algorithm, Granularity, Modes};
use fast_diff_cli::Trouble;
use fast_diff_cli::options::{Arg, Given, Parser, Table, Takes, choice, count};

use crate::PROGRAM;

/// What the command was asked to do.
pub enum Command {
    Diff(Config),
    Help,
    Version,
}

/// How the result is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Unified,
    /// `-q`: only whether the inputs differ.
    Brief,
    Stat,
    Json,
    WordDiff(Granularity),
}

pub struct Config {
    pub format: Format,
    pub context: usize,
    /// `--label` values: the first names OLD, the second NEW.
    pub labels: Vec<OsString>,
    pub modes: Modes,
    pub algorithm: Algorithm,
    pub deadline: Option<Duration>,
    pub operands: [OsString; 2],
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Opt {
    Text,
    Modes(Modes),
    Brief,
    Unified,
    Label,
    Stat,
    Json,
    WordDiff,
    Algorithm,
    DeadlineMs,
    Help,
    Version,
}

const OPTIONS: Table<Opt> = Table {
    long: &[
        ("algorithm", Opt::Algorithm, Takes::Required),
        ("brief", Opt::Brief, Takes::Nothing),
        ("deadline-ms", Opt::DeadlineMs, Takes::Required),
        ("help", Opt::Help, Takes::Nothing),
        ("ignore-all-space", Opt::Modes(Modes::IGNORE_ALL_SPACE), Takes::Nothing),
        ("ignore-blank-lines", Opt::Modes(Modes::IGNORE_BLANK_LINES), Takes::Nothing),
        ("ignore-case", Opt::Modes(Modes::IGNORE_CASE), Takes::Nothing),
        ("ignore-space-change", Opt::Modes(Modes::IGNORE_SPACE_CHANGE), Takes::Nothing),
        ("json", Opt::Json, Takes::Nothing),
        ("label", Opt::Label, Takes::Required),
        ("stat", Opt::Stat, Takes::Nothing),
        ("strip-trailing-cr", Opt::Modes(Modes::STRIP_TRAILING_CR), Takes::Nothing),
        ("text", Opt::Text, Takes::Nothing),
        ("unified", Opt::Unified, Takes::Optional),
        ("version", Opt::Version, Takes::Nothing),
        ("word-diff", Opt::WordDiff, Takes::Optional),
    ],
    short: &[
        ('a', Opt::Text, Takes::Nothing),
        ('b', Opt::Modes(Modes::IGNORE_SPACE_CHANGE), Takes::Nothing),
        ('B', Opt::Modes(Modes::IGNORE_BLANK_LINES), Takes::Nothing),
        ('i', Opt::Modes(Modes::IGNORE_CASE), Takes::Nothing),
        ('q', Opt::Brief, Takes::Nothing),
        ('u', Opt::Unified, Takes::Nothing),
        ('U', Opt::Unified, Takes::Required),
        ('w', Opt::Modes(Modes::IGNORE_ALL_SPACE), Takes::Nothing),
    ],
};

const ALGORITHMS: &[(&str, Algorithm)] =
    &[("myers", Algorithm::Myers), ("histogram", Algorithm::Histogram), ("patience", Algorithm::Patience)];

const GRANULARITIES: &[(&str, Granularity)] =
    &[("words", Granularity::Words), ("chars", Granularity::Chars), ("graphemes", Granularity::Graphemes)];

pub const USAGE: &str = "\
Usage: fast-diff [OPTION]... OLD NEW
Compare two files line by line and write the differences as a unified diff.
OLD or NEW may be '-' for standard input. When one of them is a directory,
the file of the other's name in it is compared. Every input is text.

  -u, -U NUM, --unified[=NUM]  show NUM (default 3) lines of context
      --label LABEL            use LABEL instead of the file name and time
                               (the first --label names OLD, the second NEW)
  -b, --ignore-space-change    ignore changes in the amount of white space
  -w, --ignore-all-space       ignore all white space
  -B, --ignore-blank-lines     ignore changes whose lines are all blank
  -i, --ignore-case            ignore case differences (ASCII letters)
      --strip-trailing-cr      ignore a carriage return at the end of a line
  -a, --text                   treat all files as text (always the case)
  -q, --brief                  report only whether the files differ
      --stat                   a summary of lines added and removed, as
                               git diff --stat writes it
      --json                   the hunks and statistics as JSON
      --word-diff[=UNIT]       changed words inline, as [-old-]{+new+};
                               UNIT is words (default), chars or graphemes
      --algorithm=NAME         myers (default), histogram or patience
      --deadline-ms=NUM        after NUM milliseconds, stop looking for a
                               smaller diff and finish a coarser one
                               (0, the default: no limit)
      --help                   display this help and exit
      --version                output version information and exit

Lines that differ only in ignored ways count as equal; the diff shows the
real lines and applies to the real OLD file.
Exit status is 0 if the inputs are the same, 1 if different, 2 if trouble.
";

/// Everything gathered from the options before it is checked as a whole.
struct Gathered {
    context: Option<usize>,
    labels: Vec<OsString>,
    modes: Modes,
    algorithm: Algorithm,
    deadline: Option<Duration>,
    brief: bool,
    style: Option<Format>,
    operands: Vec<OsString>,
}

/// Reads the arguments (without the program name).
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, Trouble> {
    let mut g = Gathered {
        context: None,
        labels: Vec::new(),
        modes: Modes::NONE,
        algorithm: Algorithm::Myers,
        deadline: None,
        brief: false,
        style: None,
        operands: Vec::new(),
    };
    for arg in Parser::new(args, &OPTIONS) {
        match arg? {
            Arg::Operand(operand) => g.operands.push(operand),
            Arg::Option(given) => {
                if let Some(done) = g.apply(given)? {
                    return Ok(done);
                }
            }
        }
    }
    g.finish().map(Command::Diff)
}

impl Gathered {
    /// Takes one option in; `Some` when it settles the command (`--help`).
    fn apply(&mut self, given: Given<Opt>) -> Result<Option<Command>, Trouble> {
        let value = given.value.as_deref();
        match given.opt {
            // Every input is text already.
            Opt::Text => {}
            Opt::Modes(modes) => self.modes = self.modes | modes,
            Opt::Brief => self.brief = true,
            Opt::Unified => {
                let n = match value {
                    Some(v) => count(v)
                        .ok_or_else(|| Trouble::Usage(format!("invalid context length '{}'", v.to_string_lossy())))?,
                    None => 3,
                };
                // As GNU diff: the largest context asked for wins.
                self.context = Some(self.context.map_or(n, |c| c.max(n)));
            }
            Opt::Label => {
                if self.labels.len() == 2 {
                    return Err(Trouble::Fatal("too many file label options".into()));
                }
                self.labels.push(value.unwrap_or_default().to_os_string());
            }
            Opt::Stat => self.set_style(Format::Stat)?,
            Opt::Json => self.set_style(Format::Json)?,
            Opt::WordDiff => {
                let granularity = match value {
                    None => Granularity::Words,
                    Some(v) => choice(v, &given.spelled, GRANULARITIES)?,
                };
                self.set_style(Format::WordDiff(granularity))?;
            }
            Opt::Algorithm => self.algorithm = choice(value.unwrap_or_default(), &given.spelled, ALGORITHMS)?,
            Opt::DeadlineMs => {
                let v = value.unwrap_or_default();
                let ms =
                    count(v).ok_or_else(|| Trouble::Usage(format!("invalid deadline '{}'", v.to_string_lossy())))?;
                self.deadline = (ms > 0).then(|| Duration::from_millis(ms as u64));
            }
            Opt::Help => return Ok(Some(Command::Help)),
            Opt::Version => return Ok(Some(Command::Version)),
        }
        Ok(None)
    }

    /// One output style; asking for the same one again (`--word-diff=chars`
    /// after `--word-diff`) replaces it.
    fn set_style(&mut self, format: Format) -> Result<(), Trouble> {
        let same_kind = |a: Format, b: Format| matches!((a, b), (Format::WordDiff(_), Format::WordDiff(_))) || a == b;
        match self.style {
            Some(old) if !same_kind(old, format) => Err(conflict()),
            _ => {
                self.style = Some(format);
                Ok(())
            }
        }
    }

    fn finish(self) -> Result<Config, Trouble> {
        let format = match (self.brief, self.style) {
            (true, Some(_)) => return Err(conflict()),
            (true, None) => Format::Brief,
            (false, style) => style.unwrap_or(Format::Unified),
        };
        let mut operands = self.operands.into_iter();
        let (old, new) = match (operands.next(), operands.next(), operands.next()) {
            (Some(old), Some(new), None) => (old, new),
            (Some(_), Some(_), Some(extra)) => {
                return Err(Trouble::Usage(format!("extra operand '{}'", extra.to_string_lossy())));
            }
            (Some(old), None, _) => {
                return Err(Trouble::Usage(format!("missing operand after '{}'", old.to_string_lossy())));
            }
            (None, ..) => return Err(Trouble::Usage(format!("missing operand after '{}'", PROGRAM.name))),
        };
        Ok(Config {
            format,
            context: self.context.unwrap_or(3),
            labels: self.labels,
            modes: self.modes,
            algorithm: self.algorithm,
            deadline: self.deadline,
            operands: [old, new],
        })
    }
}

fn conflict() -> Trouble {
    Trouble::Usage("conflicting output style options (-q, --stat, --json, --word-diff: at most one)".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(args: &[&str]) -> Result<Command, String> {
        parse(args.iter().map(OsString::from)).map_err(|t| match t {
            Trouble::Usage(m) | Trouble::Fatal(m) => m,
            Trouble::Silent => String::new(),
        })
    }

    fn config(args: &[&str]) -> Config {
        match parse_strs(args) {
            Ok(Command::Diff(c)) => c,
            Ok(_) => panic!("{args:?}: not a diff"),
            Err(e) => panic!("{args:?}: {e}"),
        }
    }

    #[test]
    fn bundles_prefixes_and_late_options() {
        let c = config(&["-bU5", "a", "--ignore-c", "b", "--lab=x", "--label", "y"]);
        assert_eq!(c.context, 5);
        assert_eq!(c.modes, Modes::IGNORE_SPACE_CHANGE | Modes::IGNORE_CASE);
        assert_eq!(c.labels, ["x", "y"]);
        assert_eq!(c.operands, ["a", "b"]);
        assert_eq!(config(&["-U", "0", "a", "b"]).context, 0);
        assert_eq!(config(&["--", "-u", "-"]).operands, ["-u", "-"]);
    }

    #[test]
    fn the_largest_context_wins_as_in_gnu_diff() {
        assert_eq!(config(&["-U1", "-U5", "a", "b"]).context, 5);
        assert_eq!(config(&["-U0", "-u", "a", "b"]).context, 3);
        assert_eq!(config(&["-U7", "--unified=2", "a", "b"]).context, 7);
        assert_eq!(config(&["-U", "99999999999999999999999999", "a", "b"]).context, usize::MAX);
        assert_eq!(config(&["a", "b"]).context, 3);
    }

    #[test]
    fn formats_and_choices() {
        assert_eq!(config(&["-q", "-u", "a", "b"]).format, Format::Brief);
        assert_eq!(
            config(&["--word-diff", "--word-diff=chars", "a", "b"]).format,
            Format::WordDiff(Granularity::Chars)
        );
        assert_eq!(config(&["--algorithm", "patience", "a", "b"]).algorithm, Algorithm::Patience);
        assert_eq!(config(&["--deadline-ms=0", "a", "b"]).deadline, None);
        assert_eq!(config(&["--deadline-ms=250", "a", "b"]).deadline, Some(Duration::from_millis(250)));
        assert!(parse_strs(&["--foo", "--help"]).is_err());
        assert!(matches!(parse_strs(&["--help", "--foo"]), Ok(Command::Help)));
        assert!(matches!(parse_strs(&["--vers"]), Ok(Command::Version)));
    }

    #[test]
    fn the_usage_text_lists_every_option() {
        let listed = |spelled: String| {
            USAGE.lines().map(str::trim_start).filter(|line| line.starts_with('-')).any(|line| {
                let names = line.split("  ").next().unwrap_or_default();
                names.split([',', ' ', '[', '=']).any(|name| name == spelled)
            })
        };
        for (name, ..) in OPTIONS.long {
            assert!(listed(format!("--{name}")), "--{name} is missing from the usage text");
        }
        for (letter, ..) in OPTIONS.short {
            assert!(listed(format!("-{letter}")), "-{letter} is missing from the usage text");
        }
    }

    #[test]
    fn refusals_say_what_is_wrong() {
        let err = |args: &[&str]| parse_strs(args).err().unwrap_or_else(|| panic!("{args:?} accepted"));
        assert_eq!(err(&["-z", "a", "b"]), "invalid option -- 'z'");
        assert_eq!(err(&["--foo=1", "a", "b"]), "unrecognized option '--foo=1'");
        assert!(
            err(&["--ignore", "a", "b"])
                .starts_with("option '--ignore' is ambiguous; possibilities: '--ignore-all-space'")
        );
        assert_eq!(err(&["--brief=3", "a", "b"]), "option '--brief' doesn't allow an argument");
        assert_eq!(err(&["a", "b", "--label"]), "option '--label' requires an argument");
        assert_eq!(err(&["a", "b", "-U"]), "option requires an argument -- 'U'");
        assert_eq!(err(&["-U", "x", "a", "b"]), "invalid context length 'x'");
        assert_eq!(err(&["-U", "-1", "a", "b"]), "invalid context length '-1'");
        assert_eq!(err(&["a"]), "missing operand after 'a'");
        assert_eq!(err(&[]), "missing operand after 'fast-diff'");
        assert_eq!(err(&["a", "b", "c"]), "extra operand 'c'");
        assert_eq!(err(&["--label=1", "--label=2", "--label=3", "a", "b"]), "too many file label options");
        assert!(err(&["--stat", "--json", "a", "b"]).starts_with("conflicting output style options"));
        assert!(err(&["-q", "--word-diff", "a", "b"]).starts_with("conflicting output style options"));
        assert!(err(&["--algorithm=fast", "a", "b"]).starts_with("invalid argument 'fast' for '--algorithm'"));
        assert!(err(&["--word-diff=lines", "a", "b"]).starts_with("invalid argument 'lines' for '--word-diff'"));
        assert_eq!(err(&["--deadline-ms", "soon", "a", "b"]), "invalid deadline 'soon'");
    }
}
