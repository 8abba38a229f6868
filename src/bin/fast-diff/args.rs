//! fast-diff's options, its usage text (the one place they are written for
//! users), and what they ask for. The words are read as GNU diff reads them,
//! by `fast_diff_cli::options`.

use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;
use std::time::Duration;

use fast_diff::{Algorithm, Granularity, HtmlLayout, Modes};
use fast_diff_cli::Trouble;
use fast_diff_cli::locale::Pattern;
use fast_diff_cli::options::{Arg, Given, Parser, Table, Takes, choice, count};

use crate::PROGRAM;
use crate::unsupported::{self as gnu, Unsupported};

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
    /// `--html`: a self-contained page.
    Html(HtmlLayout),
}

/// When a file that is absent counts as empty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewFile {
    Never,
    /// `-N`: on either side.
    Both,
    /// `--unidirectional-new-file`: on the old side only.
    OldSide,
}

/// `--color`'s choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    Never,
    Always,
    /// When standard output is a terminal and `NO_COLOR` is not set.
    Auto,
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
    /// `-a`: files with a NUL byte are diffed as text all the same.
    pub text: bool,
    /// `-r`: into the subdirectories of two directories.
    pub recursive: bool,
    pub new_file: NewFile,
    /// `-x` patterns and the patterns of `-X` files: names of files and
    /// directories to leave out of a directory comparison.
    pub excludes: Vec<Pattern>,
    /// `-p`: the last line before each hunk that begins with a letter, `_`
    /// or `$`, after its `@@`.
    pub show_function: bool,
    /// `-s`: say so of files that are the same.
    pub report_identical: bool,
    pub color: When,
    /// `--git`: git's headers, names and rules, as `git diff --no-index`.
    pub git: bool,
    /// The options as given, for the `diff ...` line before each file pair
    /// of a directory comparison.
    pub option_words: Vec<OsString>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Opt {
    Text,
    Modes(Modes),
    Brief,
    /// `-u`: three lines of context unless more are asked for.
    UnifiedDefault,
    /// `-U NUM`, `--unified[=NUM]`: an explicit context.
    Unified,
    /// `-NUM`: a context, digit by digit.
    Digit(u8),
    Label,
    Stat,
    Json,
    WordDiff,
    Html,
    Algorithm,
    DeadlineMs,
    Recursive,
    NewFile(NewFile),
    Exclude,
    ExcludeFrom,
    ShowFunction,
    ReportIdentical,
    Color,
    Git,
    /// Accepted and without effect, as in GNU diff on this system.
    Ignored,
    Unsupported(Unsupported),
    Help,
    Version,
}

/// Every option of GNU diff 3.8 is here, with fast-diff's own: those it
/// does not support are refused as such, and abbreviations are ambiguous
/// exactly where GNU diff's are.
const OPTIONS: Table<Opt> = Table {
    long: &[
        ("algorithm", Opt::Algorithm, Takes::Required),
        ("binary", Opt::Ignored, Takes::Nothing),
        ("brief", Opt::Brief, Takes::Nothing),
        ("changed-group-format", Opt::Unsupported(gnu::FORMAT), Takes::Required),
        ("color", Opt::Color, Takes::Optional),
        ("context", Opt::Unsupported(gnu::FORMAT), Takes::Optional),
        ("deadline-ms", Opt::DeadlineMs, Takes::Required),
        ("ed", Opt::Unsupported(gnu::FORMAT), Takes::Nothing),
        ("exclude", Opt::Exclude, Takes::Required),
        ("exclude-from", Opt::ExcludeFrom, Takes::Required),
        ("expand-tabs", Opt::Unsupported(gnu::LAYOUT), Takes::Nothing),
        ("forward-ed", Opt::Unsupported(gnu::FORMAT), Takes::Nothing),
        ("from-file", Opt::Unsupported(gnu::OPERANDS), Takes::Required),
        ("git", Opt::Git, Takes::Nothing),
        ("help", Opt::Help, Takes::Nothing),
        ("horizon-lines", Opt::Unsupported(gnu::TUNING), Takes::Required),
        ("html", Opt::Html, Takes::Optional),
        ("ifdef", Opt::Unsupported(gnu::FORMAT), Takes::Required),
        ("ignore-all-space", Opt::Modes(Modes::IGNORE_ALL_SPACE), Takes::Nothing),
        ("ignore-blank-lines", Opt::Modes(Modes::IGNORE_BLANK_LINES), Takes::Nothing),
        ("ignore-case", Opt::Modes(Modes::IGNORE_CASE), Takes::Nothing),
        ("ignore-file-name-case", Opt::Unsupported(gnu::NAMES), Takes::Nothing),
        ("ignore-matching-lines", Opt::Unsupported(gnu::MODE), Takes::Required),
        ("ignore-space-change", Opt::Modes(Modes::IGNORE_SPACE_CHANGE), Takes::Nothing),
        ("ignore-tab-expansion", Opt::Unsupported(gnu::MODE), Takes::Nothing),
        ("ignore-trailing-space", Opt::Unsupported(gnu::MODE), Takes::Nothing),
        ("initial-tab", Opt::Unsupported(gnu::LAYOUT), Takes::Nothing),
        ("json", Opt::Json, Takes::Nothing),
        ("label", Opt::Label, Takes::Required),
        ("left-column", Opt::Unsupported(gnu::FORMAT), Takes::Nothing),
        ("line-format", Opt::Unsupported(gnu::FORMAT), Takes::Required),
        ("minimal", Opt::Unsupported(gnu::TUNING), Takes::Nothing),
        ("new-file", Opt::NewFile(NewFile::Both), Takes::Nothing),
        ("new-group-format", Opt::Unsupported(gnu::FORMAT), Takes::Required),
        ("new-line-format", Opt::Unsupported(gnu::FORMAT), Takes::Required),
        ("no-dereference", Opt::Unsupported(gnu::NAMES), Takes::Nothing),
        ("no-ignore-file-name-case", Opt::Ignored, Takes::Nothing),
        ("normal", Opt::Unsupported(gnu::FORMAT), Takes::Nothing),
        ("old-group-format", Opt::Unsupported(gnu::FORMAT), Takes::Required),
        ("old-line-format", Opt::Unsupported(gnu::FORMAT), Takes::Required),
        ("paginate", Opt::Unsupported(gnu::LAYOUT), Takes::Nothing),
        ("palette", Opt::Unsupported(gnu::PALETTE), Takes::Required),
        ("rcs", Opt::Unsupported(gnu::FORMAT), Takes::Nothing),
        ("recursive", Opt::Recursive, Takes::Nothing),
        ("report-identical-files", Opt::ReportIdentical, Takes::Nothing),
        ("sdiff-merge-assist", Opt::Unsupported(gnu::FORMAT), Takes::Nothing),
        ("show-c-function", Opt::ShowFunction, Takes::Nothing),
        ("show-function-line", Opt::Unsupported(gnu::FUNCTION_LINE), Takes::Required),
        ("side-by-side", Opt::Unsupported(gnu::FORMAT), Takes::Nothing),
        ("speed-large-files", Opt::Unsupported(gnu::TUNING), Takes::Nothing),
        ("starting-file", Opt::Unsupported(gnu::OPERANDS), Takes::Required),
        ("stat", Opt::Stat, Takes::Nothing),
        ("strip-trailing-cr", Opt::Modes(Modes::STRIP_TRAILING_CR), Takes::Nothing),
        ("suppress-blank-empty", Opt::Unsupported(gnu::LAYOUT), Takes::Nothing),
        ("suppress-common-lines", Opt::Unsupported(gnu::FORMAT), Takes::Nothing),
        ("tabsize", Opt::Unsupported(gnu::LAYOUT), Takes::Required),
        ("text", Opt::Text, Takes::Nothing),
        ("to-file", Opt::Unsupported(gnu::OPERANDS), Takes::Required),
        ("unchanged-group-format", Opt::Unsupported(gnu::FORMAT), Takes::Required),
        ("unchanged-line-format", Opt::Unsupported(gnu::FORMAT), Takes::Required),
        ("unidirectional-new-file", Opt::NewFile(NewFile::OldSide), Takes::Nothing),
        ("unified", Opt::Unified, Takes::Optional),
        ("version", Opt::Version, Takes::Nothing),
        ("width", Opt::Unsupported(gnu::FORMAT), Takes::Required),
        ("word-diff", Opt::WordDiff, Takes::Optional),
    ],
    short: &[
        ('0', Opt::Digit(0), Takes::Nothing),
        ('1', Opt::Digit(1), Takes::Nothing),
        ('2', Opt::Digit(2), Takes::Nothing),
        ('3', Opt::Digit(3), Takes::Nothing),
        ('4', Opt::Digit(4), Takes::Nothing),
        ('5', Opt::Digit(5), Takes::Nothing),
        ('6', Opt::Digit(6), Takes::Nothing),
        ('7', Opt::Digit(7), Takes::Nothing),
        ('8', Opt::Digit(8), Takes::Nothing),
        ('9', Opt::Digit(9), Takes::Nothing),
        ('a', Opt::Text, Takes::Nothing),
        ('b', Opt::Modes(Modes::IGNORE_SPACE_CHANGE), Takes::Nothing),
        ('B', Opt::Modes(Modes::IGNORE_BLANK_LINES), Takes::Nothing),
        ('c', Opt::Unsupported(gnu::FORMAT), Takes::Nothing),
        ('C', Opt::Unsupported(gnu::FORMAT), Takes::Required),
        ('d', Opt::Unsupported(gnu::TUNING), Takes::Nothing),
        ('D', Opt::Unsupported(gnu::FORMAT), Takes::Required),
        ('e', Opt::Unsupported(gnu::FORMAT), Takes::Nothing),
        ('E', Opt::Unsupported(gnu::MODE), Takes::Nothing),
        ('f', Opt::Unsupported(gnu::FORMAT), Takes::Nothing),
        ('F', Opt::Unsupported(gnu::FUNCTION_LINE), Takes::Required),
        ('h', Opt::Ignored, Takes::Nothing),
        ('H', Opt::Unsupported(gnu::TUNING), Takes::Nothing),
        ('i', Opt::Modes(Modes::IGNORE_CASE), Takes::Nothing),
        ('I', Opt::Unsupported(gnu::MODE), Takes::Required),
        ('l', Opt::Unsupported(gnu::LAYOUT), Takes::Nothing),
        ('L', Opt::Label, Takes::Required),
        ('n', Opt::Unsupported(gnu::FORMAT), Takes::Nothing),
        ('N', Opt::NewFile(NewFile::Both), Takes::Nothing),
        ('p', Opt::ShowFunction, Takes::Nothing),
        ('P', Opt::NewFile(NewFile::OldSide), Takes::Nothing),
        ('q', Opt::Brief, Takes::Nothing),
        ('r', Opt::Recursive, Takes::Nothing),
        ('s', Opt::ReportIdentical, Takes::Nothing),
        ('S', Opt::Unsupported(gnu::OPERANDS), Takes::Required),
        ('t', Opt::Unsupported(gnu::LAYOUT), Takes::Nothing),
        ('T', Opt::Unsupported(gnu::LAYOUT), Takes::Nothing),
        ('u', Opt::UnifiedDefault, Takes::Nothing),
        ('U', Opt::Unified, Takes::Required),
        ('v', Opt::Version, Takes::Nothing),
        ('w', Opt::Modes(Modes::IGNORE_ALL_SPACE), Takes::Nothing),
        ('W', Opt::Unsupported(gnu::FORMAT), Takes::Required),
        ('x', Opt::Exclude, Takes::Required),
        ('X', Opt::ExcludeFrom, Takes::Required),
        ('y', Opt::Unsupported(gnu::FORMAT), Takes::Nothing),
        ('Z', Opt::Unsupported(gnu::MODE), Takes::Nothing),
    ],
};

/// `--color`'s arguments, with GNU's synonyms.
const WHEN: &[(&str, When)] = &[
    ("never", When::Never),
    ("always", When::Always),
    ("auto", When::Auto),
    ("no", When::Never),
    ("none", When::Never),
    ("yes", When::Always),
    ("force", When::Always),
    ("tty", When::Auto),
    ("if-tty", When::Auto),
];

const ALGORITHMS: &[(&str, Algorithm)] =
    &[("myers", Algorithm::Myers), ("histogram", Algorithm::Histogram), ("patience", Algorithm::Patience)];

const LAYOUTS: &[(&str, HtmlLayout)] =
    &[("side-by-side", HtmlLayout::SideBySide), ("line-by-line", HtmlLayout::LineByLine)];

const GRANULARITIES: &[(&str, Granularity)] =
    &[("words", Granularity::Words), ("chars", Granularity::Chars), ("graphemes", Granularity::Graphemes)];

pub const USAGE: &str = "\
Usage: fast-diff [OPTION]... OLD NEW
Compare two files line by line and write the differences as a unified diff;
compare two directories file by file.
OLD or NEW may be '-' for standard input. When one of them is a directory,
the file of the other's name in it is compared.

  -u, -U NUM, --unified[=NUM]  show NUM (default 3) lines of context;
                               -NUM is -U NUM
  -L, --label LABEL            use LABEL instead of the file name and time
                               (the first --label names OLD, the second NEW)
  -p, --show-c-function        show the line before each change that
                               begins with a letter, '_' or '$' (a function)
  -b, --ignore-space-change    ignore changes in the amount of white space
  -w, --ignore-all-space       ignore all white space
  -B, --ignore-blank-lines     ignore changes whose lines are all blank
  -i, --ignore-case            ignore case differences (ASCII letters)
      --strip-trailing-cr      ignore a carriage return at the end of a line
  -a, --text                   treat all files as text (else a file with a
                               NUL byte near its start is binary)
  -q, --brief                  report only whether the files differ
  -s, --report-identical-files report files that are the same too

  -r, --recursive              compare the subdirectories of directories too
  -N, --new-file               treat absent files as empty
  -P, --unidirectional-new-file  treat absent old files as empty
  -x, --exclude=PAT            leave out files and directories whose name
                               matches the shell pattern PAT
  -X, --exclude-from=FILE      leave out those matching a pattern in FILE
      --git                    git's headers, names and modes, as
                               git diff --no-index writes them

      --color[=WHEN]           colour the output as git does; WHEN is
                               auto (the default: when writing to a
                               terminal, and NO_COLOR is not set), always
                               or never
      --stat                   a summary of lines added and removed, as
                               git diff --stat writes it
      --json                   the hunks and statistics as JSON
      --word-diff[=UNIT]       changed words inline, as [-old-]{+new+};
                               UNIT is words (default), chars or graphemes
      --html[=LAYOUT]          a self-contained HTML page of the diff, with
                               changed words marked; LAYOUT is side-by-side
                               (default) or line-by-line
      --algorithm=NAME         myers (default), histogram or patience
      --deadline-ms=NUM        after NUM milliseconds, stop looking for a
                               smaller diff and finish a coarser one
                               (0, the default: no limit)
      --help                   display this help and exit
  -v, --version                output version information and exit

Lines that differ only in ignored ways count as equal; the diff shows the
real lines and applies to the real OLD file. GNU diff's other options (the
other output formats, -E, -Z, -I, -F, -S, ...) are refused as unsupported.
Exit status is 0 if the inputs are the same, 1 if different, 2 if trouble.
";

/// Everything gathered from the options before it is checked as a whole.
struct Gathered {
    /// The largest of the contexts given by `-u`, `-U` and `--unified`.
    context: Option<usize>,
    /// Whether `-U` or `--unified` gave one.
    explicit_context: bool,
    /// The context of `-NUM`, and whether the last option was one of its
    /// digits (the next digit then extends it, as in GNU diff).
    digits: Option<usize>,
    last_was_digit: bool,
    labels: Vec<OsString>,
    modes: Modes,
    algorithm: Algorithm,
    deadline: Option<Duration>,
    brief: bool,
    style: Option<Format>,
    text: bool,
    recursive: bool,
    new_file: NewFile,
    excludes: Vec<Pattern>,
    show_function: bool,
    report_identical: bool,
    color: When,
    git: bool,
    operands: Vec<OsString>,
}

/// Reads the arguments (without the program name).
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, Trouble> {
    let mut g = Gathered {
        context: None,
        explicit_context: false,
        digits: None,
        last_was_digit: false,
        labels: Vec::new(),
        modes: Modes::NONE,
        algorithm: Algorithm::Myers,
        deadline: None,
        brief: false,
        style: None,
        text: false,
        recursive: false,
        new_file: NewFile::Never,
        excludes: Vec::new(),
        show_function: false,
        report_identical: false,
        color: When::Never,
        git: false,
        operands: Vec::new(),
    };
    let mut parser = Parser::new(args, &OPTIONS);
    for arg in parser.by_ref() {
        match arg? {
            Arg::Operand(operand) => g.operands.push(operand),
            Arg::Option(given) => {
                let digit = matches!(given.opt, Opt::Digit(_));
                if let Some(done) = g.apply(given)? {
                    return Ok(done);
                }
                g.last_was_digit = digit;
            }
        }
    }
    let option_words = parser.option_words().to_vec();
    g.finish(option_words).map(Command::Diff)
}

impl Gathered {
    /// Takes one option in; `Some` when it settles the command (`--help`).
    fn apply(&mut self, given: Given<Opt>) -> Result<Option<Command>, Trouble> {
        let value = given.value.as_deref();
        match given.opt {
            Opt::Text => self.text = true,
            Opt::Modes(modes) => self.modes = self.modes | modes,
            Opt::Brief => self.brief = true,
            Opt::UnifiedDefault => self.context = Some(self.context.map_or(3, |c| c.max(3))),
            Opt::Unified => {
                let n = match value {
                    Some(v) => count(v)
                        .ok_or_else(|| Trouble::Usage(format!("invalid context length '{}'", v.to_string_lossy())))?,
                    None => 3,
                };
                // As GNU diff: the largest context asked for wins.
                self.context = Some(self.context.map_or(n, |c| c.max(n)));
                self.explicit_context = true;
            }
            Opt::Digit(d) => {
                let d = usize::from(d);
                self.digits = Some(match self.digits {
                    Some(n) if self.last_was_digit => n.saturating_mul(10).saturating_add(d),
                    _ => d,
                });
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
            Opt::Html => {
                let layout = match value {
                    None => HtmlLayout::SideBySide,
                    Some(v) => choice(v, &given.spelled, LAYOUTS)?,
                };
                self.set_style(Format::Html(layout))?;
            }
            Opt::Algorithm => self.algorithm = choice(value.unwrap_or_default(), &given.spelled, ALGORITHMS)?,
            Opt::DeadlineMs => {
                let v = value.unwrap_or_default();
                let ms =
                    count(v).ok_or_else(|| Trouble::Usage(format!("invalid deadline '{}'", v.to_string_lossy())))?;
                self.deadline = (ms > 0).then(|| Duration::from_millis(ms as u64));
            }
            Opt::Recursive => self.recursive = true,
            Opt::NewFile(which) => {
                // -N covers what --unidirectional-new-file does.
                if self.new_file != NewFile::Both {
                    self.new_file = which;
                }
            }
            Opt::Exclude => self.excludes.extend(Pattern::new(value.unwrap_or_default().as_bytes())),
            Opt::ExcludeFrom => {
                let file = value.unwrap_or_default();
                let patterns = std::fs::read(file).map_err(|e| Trouble::io(file.to_string_lossy(), &e))?;
                self.excludes.extend(pattern_lines(&patterns).filter_map(Pattern::new));
            }
            Opt::ShowFunction => self.show_function = true,
            Opt::ReportIdentical => self.report_identical = true,
            Opt::Color => {
                self.color = match value {
                    None => When::Auto,
                    Some(v) => choice(v, &given.spelled, WHEN)?,
                }
            }
            Opt::Git => self.git = true,
            Opt::Ignored => {}
            Opt::Unsupported(why) => return Err(Trouble::Usage(why.message(&given.spelled))),
            Opt::Help => return Ok(Some(Command::Help)),
            Opt::Version => return Ok(Some(Command::Version)),
        }
        Ok(None)
    }

    /// One output style; asking for the same one again (`--word-diff=chars`
    /// after `--word-diff`) replaces it.
    fn set_style(&mut self, format: Format) -> Result<(), Trouble> {
        let same_kind = |a: Format, b: Format| {
            matches!((a, b), (Format::WordDiff(_), Format::WordDiff(_)) | (Format::Html(_), Format::Html(_))) || a == b
        };
        match self.style {
            Some(old) if !same_kind(old, format) => Err(conflict()),
            _ => {
                self.style = Some(format);
                Ok(())
            }
        }
    }

    /// The context: the largest asked for, or `-NUM`'s where it is larger,
    /// or where it is smaller and `-U` did not ask for another (GNU's
    /// rule).
    fn context(&self) -> usize {
        match (self.context, self.digits) {
            (Some(c), Some(d)) if d > c || !self.explicit_context => d,
            (Some(c), _) => c,
            (None, Some(d)) => d,
            (None, None) => 3,
        }
    }

    fn finish(self, option_words: Vec<OsString>) -> Result<Config, Trouble> {
        let format = match (self.brief, self.style) {
            (true, Some(_)) => return Err(conflict()),
            (true, None) => Format::Brief,
            (false, style) => style.unwrap_or(Format::Unified),
        };
        if self.labels.iter().any(|label| label.as_bytes().iter().any(|&b| b == b'\n' || b == b'\r')) {
            return Err(Trouble::Fatal(fast_diff::Error::InvalidLabel.to_string()));
        }
        if self.git && !self.labels.is_empty() {
            return Err(Trouble::Usage(
                "--label and --git do not go together: --git names files a/OLD and b/NEW".into(),
            ));
        }
        let context = self.context();
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
            context,
            labels: self.labels,
            modes: self.modes,
            algorithm: self.algorithm,
            deadline: self.deadline,
            operands: [old, new],
            text: self.text,
            recursive: self.recursive,
            new_file: self.new_file,
            excludes: self.excludes,
            show_function: self.show_function,
            report_identical: self.report_identical,
            color: self.color,
            git: self.git,
            option_words,
        })
    }
}

/// The patterns of an `-X` file: one a line, without the white space that
/// ends it; blank lines are none (as GNU diff reads them).
fn pattern_lines(text: &[u8]) -> impl Iterator<Item = &[u8]> {
    let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r');
    text.split(|&b| b == b'\n')
        .map(move |line| {
            let end = line.iter().rposition(|b| !space(b)).map_or(0, |at| at + 1);
            &line[..end]
        })
        .filter(|line| !line.is_empty())
}

fn conflict() -> Trouble {
    Trouble::Usage("conflicting output style options (-q, --stat, --json, --word-diff, --html: at most one)".into())
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
        // GNU's options that are refused or do nothing need no line, and
        // -NUM has its own words.
        let own = |opt: &Opt| !matches!(opt, Opt::Unsupported(_) | Opt::Ignored | Opt::Digit(_));
        for (name, ..) in OPTIONS.long.iter().filter(|(_, opt, _)| own(opt)) {
            assert!(listed(format!("--{name}")), "--{name} is missing from the usage text");
        }
        for (letter, ..) in OPTIONS.short.iter().filter(|(_, opt, _)| own(opt)) {
            assert!(listed(format!("-{letter}")), "-{letter} is missing from the usage text");
        }
        assert!(USAGE.contains("-NUM is -U NUM"));
    }

    #[test]
    fn digits_are_a_context_as_in_gnu_diff() {
        assert_eq!(config(&["-5", "a", "b"]).context, 5);
        assert_eq!(config(&["-12", "a", "b"]).context, 12);
        // A digit after another option starts a new number; one right after
        // a digit, even in the next word, extends it.
        assert_eq!(config(&["-1", "-2", "a", "b"]).context, 12);
        assert_eq!(config(&["-1u2", "a", "b"]).context, 2);
        // -u gives way to a smaller -NUM; -U does not.
        assert_eq!(config(&["-u", "-1", "a", "b"]).context, 1);
        assert_eq!(config(&["-U3", "-1", "a", "b"]).context, 3);
        assert_eq!(config(&["-U1", "-7", "a", "b"]).context, 7);
        assert_eq!(config(&["--unified", "-1", "a", "b"]).context, 3);
    }

    #[test]
    fn tree_options() {
        let c = config(&["-ruNp", "-x", "*.o", "--exclude=tmp", "-s", "a", "b"]);
        assert!(c.recursive && c.show_function && c.report_identical);
        assert_eq!(c.new_file, NewFile::Both);
        assert_eq!(c.excludes.len(), 2);
        assert_eq!(c.option_words, ["-ruNp", "-x", "*.o", "--exclude=tmp", "-s"]);
        assert_eq!(config(&["-P", "a", "b"]).new_file, NewFile::OldSide);
        assert_eq!(config(&["-N", "-P", "a", "b"]).new_file, NewFile::Both);
        assert!(config(&["--git", "a", "b"]).git);
        assert_eq!(config(&["--color", "a", "b"]).color, When::Auto);
        assert_eq!(config(&["--color=always", "a", "b"]).color, When::Always);
        assert_eq!(config(&["--colo=never", "--color=yes", "a", "b"]).color, When::Always);
        assert_eq!(config(&["a", "b"]).color, When::Never);
        let patterns: Vec<&[u8]> = pattern_lines(b"*.o  \n\n  \n\tx\t\r\nlast").collect();
        assert_eq!(patterns, [&b"*.o"[..], b"\tx", b"last"]);
    }

    #[test]
    fn gnu_options_fast_diff_lacks_are_refused_as_unsupported() {
        let err = |args: &[&str]| parse_strs(args).err().unwrap_or_else(|| panic!("{args:?} accepted"));
        assert_eq!(
            err(&["-c", "a", "b"]),
            "option '-c' of GNU diff is not supported: fast-diff writes unified diffs only (or --stat, --json, --word-diff)"
        );
        assert!(err(&["--side", "a", "b"]).starts_with("option '--side-by-side' of GNU diff is not supported"));
        assert!(
            err(&["-I", "re", "a", "b"]).starts_with("option '-I' of GNU diff is not supported: the comparison modes")
        );
        assert!(err(&["-Fre", "a", "b"]).starts_with("option '-F' of GNU diff is not supported"));
        assert!(err(&["--color=sometimes", "a", "b"]).starts_with("invalid argument 'sometimes' for '--color'"));
        assert_eq!(
            err(&["--git", "--label=x", "a", "b"]),
            "--label and --git do not go together: --git names files a/OLD and b/NEW"
        );
        assert_eq!(err(&["--label", "a\nb", "a", "b"]), "a label contains a line break");
        // Accepted as GNU diff accepts them here, doing nothing.
        assert!(parse_strs(&["--binary", "-h", "--no-ignore-file-name-case", "a", "b"]).is_ok());
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
