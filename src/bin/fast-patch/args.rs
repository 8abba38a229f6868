//! fast-patch's options, its usage text, and what they ask for, read as GNU
//! patch reads them, by `fast_diff_cli::options`.

use std::ffi::OsString;

use fast_diff_cli::Trouble;
use fast_diff_cli::options::{Arg, Given, Parser, Table, Takes, count};

/// What the command was asked to do.
pub enum Command {
    Patch(Config),
    Help,
    Version,
}

pub struct Config {
    /// `-p N`; None: names as written, without git's prefixes.
    pub strip: Option<usize>,
    pub reverse: bool,
    pub dry_run: bool,
    /// `-d DIR`: where the files are.
    pub directory: OsString,
    /// `-i FILE`: the patch; None for standard input.
    pub input: Option<OsString>,
    pub strict: bool,
    pub fuzz: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Opt {
    Strip,
    Reverse,
    DryRun,
    Directory,
    Input,
    Strict,
    Fuzz,
    Help,
    Version,
}

const OPTIONS: Table<Opt> = Table {
    long: &[
        ("directory", Opt::Directory, Takes::Required),
        ("dry-run", Opt::DryRun, Takes::Nothing),
        ("fuzz", Opt::Fuzz, Takes::Required),
        ("help", Opt::Help, Takes::Nothing),
        ("input", Opt::Input, Takes::Required),
        ("reverse", Opt::Reverse, Takes::Nothing),
        ("strict", Opt::Strict, Takes::Nothing),
        ("strip", Opt::Strip, Takes::Required),
        ("version", Opt::Version, Takes::Nothing),
    ],
    short: &[
        ('d', Opt::Directory, Takes::Required),
        ('F', Opt::Fuzz, Takes::Required),
        ('i', Opt::Input, Takes::Required),
        ('p', Opt::Strip, Takes::Required),
        ('R', Opt::Reverse, Takes::Nothing),
    ],
};

/// GNU patch's default fuzz.
const DEFAULT_FUZZ: usize = 2;

pub const USAGE: &str = "\
Usage: fast-patch [OPTION]...
Apply a patch read from standard input to the files under the current
directory, all or nothing: a unified diff of any number of files (GNU or
git), OpenAI Codex's *** Begin Patch envelope, aider's SEARCH/REPLACE
blocks or a JSON list of replacements, found by its format.

  -p NUM, --strip=NUM     remove NUM leading components from file names
                          (default: names as written, without git's a/ b/)
  -R, --reverse           apply the patch backwards: undo it
      --dry-run           write nothing; print what would be done and the
                          unified diff of it
  -d DIR, --directory=DIR the files are under DIR; nothing outside it is
                          read or written
  -i FILE, --input=FILE   read the patch from FILE instead of standard input
  -F NUM, --fuzz=NUM      context lines at a hunk's edges that may differ
                          (default 2)
      --strict            hunk line counts trusted, lines compared exactly
                          or ignoring line ends only, no fuzz unless -F
      --help              display this help and exit
      --version           output version information and exit

Every changed file is written to a temporary file beside it, synced, then
renamed over it, keeping its permissions; nothing is written through a
symbolic link. Exit status is 0 if the patch applied, 1 if some hunk did
not apply (and nothing was written), 2 if trouble.
";

/// Reads the arguments (without the program name).
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, Trouble> {
    let mut config = Config {
        strip: None,
        reverse: false,
        dry_run: false,
        directory: OsString::from("."),
        input: None,
        strict: false,
        fuzz: DEFAULT_FUZZ,
    };
    let mut fuzz = None;
    for arg in Parser::new(args, &OPTIONS) {
        match arg? {
            Arg::Operand(operand) => {
                return Err(Trouble::Usage(format!("extra operand '{}'", operand.to_string_lossy())));
            }
            Arg::Option(Given { opt, value, .. }) => {
                let value = value.unwrap_or_default();
                let number = |what: &str| {
                    count(&value)
                        .ok_or_else(|| Trouble::Usage(format!("{what} '{}' is not a number", value.to_string_lossy())))
                };
                match opt {
                    Opt::Strip => config.strip = Some(number("strip count")?),
                    Opt::Reverse => config.reverse = true,
                    Opt::DryRun => config.dry_run = true,
                    Opt::Directory => config.directory = value,
                    Opt::Input => config.input = Some(value),
                    Opt::Strict => config.strict = true,
                    Opt::Fuzz => fuzz = Some(number("fuzz factor")?),
                    Opt::Help => return Ok(Command::Help),
                    Opt::Version => return Ok(Command::Version),
                }
            }
        }
    }
    config.fuzz = fuzz.unwrap_or(if config.strict { 0 } else { DEFAULT_FUZZ });
    Ok(Command::Patch(config))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(args: &[&str]) -> Config {
        match parse(args.iter().map(OsString::from)) {
            Ok(Command::Patch(c)) => c,
            _ => panic!("{args:?}"),
        }
    }

    fn refusal(args: &[&str]) -> String {
        match parse(args.iter().map(OsString::from)) {
            Err(Trouble::Usage(m) | Trouble::Fatal(m)) => m,
            _ => panic!("{args:?} accepted"),
        }
    }

    #[test]
    fn reads_gnu_patch_spellings() {
        let c = config(&["-p1", "-R", "--dry-run", "-d", "src", "-i", "fix.diff", "-F", "0"]);
        assert_eq!((c.strip, c.reverse, c.dry_run, c.fuzz), (Some(1), true, true, 0));
        assert_eq!((c.directory, c.input), (OsString::from("src"), Some(OsString::from("fix.diff"))));
        let c = config(&["--strip=0", "--directory=x", "--input=-", "--fuzz=3", "--reverse"]);
        assert_eq!((c.strip, c.fuzz, c.reverse), (Some(0), 3, true));
        let c = config(&[]);
        assert_eq!((c.strip, c.fuzz, c.strict, c.directory), (None, 2, false, OsString::from(".")));
        assert_eq!(config(&["--strict"]).fuzz, 0);
        assert_eq!(config(&["--strict", "-F2"]).fuzz, 2);
        assert!(matches!(parse([OsString::from("--help")]), Ok(Command::Help)));
    }

    #[test]
    fn refusals_say_what_is_wrong() {
        assert_eq!(refusal(&["-p", "x"]), "strip count 'x' is not a number");
        assert_eq!(refusal(&["-F", "-1"]), "fuzz factor '-1' is not a number");
        assert_eq!(refusal(&["file.c"]), "extra operand 'file.c'");
        assert_eq!(refusal(&["-z"]), "invalid option -- 'z'");
        assert_eq!(refusal(&["-p"]), "option requires an argument -- 'p'");
    }

    #[test]
    fn the_usage_text_lists_every_option() {
        for (name, ..) in OPTIONS.long {
            assert!(USAGE.contains(&format!("--{name}")), "--{name}");
        }
        for (letter, ..) in OPTIONS.short {
            assert!(USAGE.contains(&format!("-{letter} ")) || USAGE.contains(&format!("-{letter},")), "-{letter}");
        }
    }
}
