//! The command line, read as GNU's `getopt_long` reads it: short options
//! bundle (`-bU5`); a short option's argument is the rest of its word
//! (`-U5`) or the next word (`-U 5`); long options may be abbreviated to any
//! unambiguous prefix and take their argument as `--opt=value` or, when it is
//! required, as the next word; an optional argument is only ever attached
//! (`--unified=5`; in `--unified 5` the 5 is an operand); options may follow
//! the operands; `--` ends the options, and `-` is an operand.
//!
//! lexopt splits the words into options and values, and leaves the rest to
//! its caller; the rest is here, once for every command: the prefixes, the
//! arguments that are only ever attached, and getopt's messages word for
//! word (the tests compare them with GNU diff's), which a parser that writes
//! its own messages, such as clap, cannot give.

use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::OsStrExt;

use crate::Trouble;

/// Whether an option takes an argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Takes {
    /// A flag.
    Nothing,
    /// Attached, or else the next word.
    Required,
    /// Only attached: `--opt=value`, `-ovalue`.
    Optional,
}

/// A command's options: each long name and each letter, with what it stands
/// for (`O`, the command's own type) and whether it takes an argument.
pub struct Table<O: 'static> {
    /// Long names, without their dashes.
    pub long: &'static [(&'static str, O, Takes)],
    /// Letters of the short options.
    pub short: &'static [(char, O, Takes)],
}

/// A word of the command line, or part of one.
#[derive(Debug, PartialEq, Eq)]
pub enum Arg<O> {
    /// An option and its argument.
    Option(Given<O>),
    /// Anything that is not an option.
    Operand(OsString),
}

/// An option as it was given.
#[derive(Debug, PartialEq, Eq)]
pub struct Given<O> {
    /// What it stands for.
    pub opt: O,
    /// Its argument, if it took one.
    pub value: Option<OsString>,
    /// Its name for messages: `--algorithm` however abbreviated, or `-U`.
    pub spelled: String,
}

/// Reads a command line against a [`Table`].
pub struct Parser<O: 'static> {
    words: lexopt::Parser,
    table: &'static Table<O>,
    /// The word that short options are being read from, and where in it:
    /// lexopt hands a byte that is not UTF-8 out as U+FFFD, and getopt's
    /// message names the byte.
    word: Vec<u8>,
    at: usize,
    /// The words that were options, their arguments given as words of their
    /// own, and `--`, in order: what GNU diff repeats on the `diff ...`
    /// line of each file pair of a directory comparison.
    option_words: Vec<OsString>,
    ended: bool,
}

impl<O: Copy> Parser<O> {
    /// A parser of `args` (without the program's name).
    pub fn new(args: impl IntoIterator<Item = OsString>, table: &'static Table<O>) -> Parser<O> {
        let mut words = lexopt::Parser::from_args(args);
        // getopt reads `-U=5` as `-U` with the argument `=5`, and `-b=` as
        // `-b` and an invalid option `=`.
        words.set_short_equals(false);
        Parser { words, table, word: Vec::new(), at: 0, option_words: Vec::new(), ended: false }
    }

    /// The options as they were given, each word once (`-ruN`, `-U`, `5`,
    /// `--exclude=*.o`, `--`), without the operands, in order: GNU's
    /// `getopt_long` moves them before the operands, and GNU diff writes
    /// them so.
    pub fn option_words(&self) -> &[OsString] {
        &self.option_words
    }

    fn read(&mut self) -> Result<Option<Arg<O>>, Trouble> {
        let mut fresh = None;
        if let Some(rest) = self.words.try_raw_args() {
            // Between words: lexopt reads the next one now.
            fresh = rest.peek().map(OsStr::to_os_string);
            self.word = fresh.as_ref().map_or_else(Vec::new, |word| word.as_bytes().to_vec());
            self.at = 1;
        }
        // lexopt ends the options at `--` without handing it out.
        if !self.ended && fresh.as_deref().is_some_and(|word| word == "--") {
            self.ended = true;
            self.option_words.push("--".into());
            fresh = None;
        }
        // lexopt's one error is an attached value left untaken
        // (`--opt=value`), and every option read here takes its value or
        // refuses it first.
        let arg = self.words.next().map_err(|e| Trouble::Usage(e.to_string()))?;
        if let (Some(word), Some(lexopt::Arg::Short(_) | lexopt::Arg::Long(_))) = (fresh, &arg) {
            self.option_words.push(word);
        }
        let name = match arg {
            None => return Ok(None),
            Some(lexopt::Arg::Value(operand)) => return Ok(Some(Arg::Operand(operand))),
            Some(lexopt::Arg::Short(letter)) => return self.short(letter).map(Some),
            Some(lexopt::Arg::Long(name)) => name.to_owned(),
        };
        self.long(&name).map(Some)
    }

    fn short(&mut self, letter: char) -> Result<Arg<O>, Trouble> {
        let at = self.at;
        self.at += letter.len_utf8();
        let Some(&(_, opt, takes)) = self.table.short.iter().find(|(known, ..)| *known == letter) else {
            let byte = self.word.get(at).copied().unwrap_or(letter.to_string().as_bytes()[0]);
            return Err(Trouble::Usage(format!("invalid option -- '{}'", show_byte(byte))));
        };
        let value = self.value(takes, || format!("option requires an argument -- '{letter}'"))?;
        Ok(Arg::Option(Given { opt, value, spelled: format!("-{letter}") }))
    }

    fn long(&mut self, name: &str) -> Result<Arg<O>, Trouble> {
        let (full, opt, takes) = match self.table.long.iter().find(|(full, ..)| *full == name) {
            Some(&exact) => exact,
            None => {
                let begun: Vec<_> =
                    self.table.long.iter().filter(|(full, ..)| !name.is_empty() && full.starts_with(name)).collect();
                match begun[..] {
                    [&only] => only,
                    [] => return Err(self.unrecognized(name)),
                    _ => {
                        let names: Vec<String> = begun.iter().map(|(full, ..)| format!("'--{full}'")).collect();
                        let names = names.join(" ");
                        return Err(Trouble::Usage(format!("option '--{name}' is ambiguous; possibilities: {names}")));
                    }
                }
            }
        };
        if takes == Takes::Nothing && self.words.optional_value().is_some() {
            return Err(Trouble::Usage(format!("option '--{full}' doesn't allow an argument")));
        }
        let value = self.value(takes, || format!("option '--{full}' requires an argument"))?;
        Ok(Arg::Option(Given { opt, value, spelled: format!("--{full}") }))
    }

    /// The word as given, `=value` and all.
    fn unrecognized(&mut self, name: &str) -> Trouble {
        let value = self.words.optional_value().map(|v| format!("={}", v.to_string_lossy()));
        Trouble::Usage(format!("unrecognized option '--{name}{}'", value.unwrap_or_default()))
    }

    /// The argument of the option just read, as `takes` says it is given.
    fn value(&mut self, takes: Takes, missing: impl FnOnce() -> String) -> Result<Option<OsString>, Trouble> {
        match takes {
            Takes::Nothing => Ok(None),
            Takes::Optional => Ok(self.words.optional_value()),
            Takes::Required => {
                // Between words, the argument is the next word.
                let own_word = self.words.try_raw_args().is_some();
                let value = self.words.value().map_err(|_| Trouble::Usage(missing()))?;
                if own_word {
                    self.option_words.push(value.clone());
                }
                Ok(Some(value))
            }
        }
    }
}

/// The options and operands in order, or the trouble with one of them.
impl<O: Copy> Iterator for Parser<O> {
    type Item = Result<Arg<O>, Trouble>;

    fn next(&mut self) -> Option<Self::Item> {
        self.read().transpose()
    }
}

/// A decimal count; one too large for memory is as good as unlimited.
pub fn count(text: &OsStr) -> Option<usize> {
    let digits = text.as_bytes();
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(digits.iter().fold(0usize, |n, &d| n.saturating_mul(10).saturating_add(usize::from(d - b'0'))))
}

/// What `value` names among `choices`, or trouble listing them.
pub fn choice<T: Copy>(value: &OsStr, spelled: &str, choices: &[(&str, T)]) -> Result<T, Trouble> {
    if let Some(&(_, chosen)) = choices.iter().find(|(name, _)| name.as_bytes() == value.as_bytes()) {
        return Ok(chosen);
    }
    let valid: Vec<String> = choices.iter().map(|(name, _)| format!("'{name}'")).collect();
    let value = value.to_string_lossy();
    Err(Trouble::Usage(format!("invalid argument '{value}' for '{spelled}'; valid arguments are {}", valid.join(", "))))
}

fn show_byte(c: u8) -> String {
    if c.is_ascii_graphic() { (c as char).to_string() } else { format!("\\{c:03o}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum Opt {
        Recursive,
        Unified,
        NewFile,
        Digit,
        Color,
        Label,
    }

    const TABLE: Table<Opt> = Table {
        long: &[
            ("color", Opt::Color, Takes::Optional),
            ("label", Opt::Label, Takes::Required),
            ("new-file", Opt::NewFile, Takes::Nothing),
            ("recursive", Opt::Recursive, Takes::Nothing),
            ("unified", Opt::Unified, Takes::Optional),
        ],
        short: &[
            ('r', Opt::Recursive, Takes::Nothing),
            ('u', Opt::Unified, Takes::Nothing),
            ('U', Opt::Unified, Takes::Required),
            ('N', Opt::NewFile, Takes::Nothing),
            ('1', Opt::Digit, Takes::Nothing),
            ('2', Opt::Digit, Takes::Nothing),
        ],
    };

    fn words(args: &[&[u8]]) -> Result<Vec<(String, Option<String>)>, String> {
        let parser = Parser::new(args.iter().map(|a| OsStr::from_bytes(a).to_os_string()), &TABLE);
        let lossy = |word: OsString| word.to_string_lossy().into_owned();
        parser
            .map(|arg| match arg {
                Ok(Arg::Operand(operand)) => Ok((lossy(operand), None)),
                Ok(Arg::Option(given)) => Ok((given.spelled, given.value.map(lossy))),
                Err(Trouble::Usage(m) | Trouble::Fatal(m)) => Err(m),
                Err(Trouble::Silent) => Err(String::new()),
            })
            .collect()
    }

    fn seen(expected: &[(&str, Option<&str>)]) -> Result<Vec<(String, Option<String>)>, String> {
        Ok(expected.iter().map(|(w, v)| (w.to_string(), v.map(str::to_string))).collect())
    }

    /// Spellings of GNU diff that the commands read, or will: bundles of
    /// flags, digits as options (`-12` for `-U 12`), optional arguments.
    #[test]
    fn reads_gnu_spellings() {
        assert_eq!(
            words(&[b"-ruN", b"a", b"--colo", b"--color=never", b"--color", b"x", b"-12", b"-U=3", b"--lab", b"-"]),
            seen(&[
                ("-r", None),
                ("-u", None),
                ("-N", None),
                ("a", None),
                ("--color", None),
                ("--color", Some("never")),
                ("--color", None),
                ("x", None),
                ("-1", None),
                ("-2", None),
                ("-U", Some("=3")),
                ("--label", Some("-")),
            ])
        );
        assert_eq!(words(&[b"--", b"-u", b"--label", b"-"]), seen(&[("-u", None), ("--label", None), ("-", None)]));
        assert_eq!(
            words(&[b"--unified", b"5", b"-U", b"--"]),
            seen(&[("--unified", None), ("5", None), ("-U", Some("--"))])
        );
    }

    /// The option words as GNU diff repeats them: each word once, arguments
    /// given as words of their own, `--`, no operand.
    #[test]
    fn keeps_the_option_words() {
        let kept = |args: &[&str]| {
            let mut parser = Parser::new(args.iter().map(OsString::from), &TABLE);
            for arg in parser.by_ref() {
                arg.unwrap();
            }
            parser.option_words().iter().map(|w| w.to_string_lossy().into_owned()).collect::<Vec<_>>()
        };
        assert_eq!(
            kept(&["a", "-ruN", "b", "-U", "5", "--lab=x", "--label", "y"]),
            ["-ruN", "-U", "5", "--lab=x", "--label", "y"]
        );
        assert_eq!(kept(&["-U5", "--unified", "a", "--", "-N", "--"]), ["-U5", "--unified", "--"]);
        assert_eq!(kept(&["--label", "--", "a", "b"]), ["--label", "--"]);
        assert_eq!(kept(&["-12", "a", "b", "--"]), ["-12", "--"]);
        assert!(kept(&["a", "b"]).is_empty());
    }

    #[test]
    fn refuses_in_getopts_words() {
        assert_eq!(words(&[b"-r="]), Err("invalid option -- '='".into()));
        assert_eq!(words(&[b"-r\xff"]), Err("invalid option -- '\\377'".into()));
        assert_eq!(words(&["-\u{e9}".as_bytes()]), Err("invalid option -- '\\303'".into()));
        assert_eq!(words(&[b"--new"]), seen(&[("--new-file", None)]));
        assert_eq!(words(&[b"--n=1"]), Err("option '--new-file' doesn't allow an argument".into()));
        assert_eq!(words(&[b"--x\xff=\xfe"]), Err("unrecognized option '--x\u{fffd}=\u{fffd}'".into()));
        assert_eq!(words(&[b"--="]), Err("unrecognized option '--='".into()));
        assert_eq!(words(&[b"--re"]), seen(&[("--recursive", None)]));
        assert_eq!(words(&[b"--"]), seen(&[]));
        assert_eq!(words(&[b"-U"]), Err("option requires an argument -- 'U'".into()));
    }

    #[test]
    fn choices_and_counts() {
        const WHEN: &[(&str, u8)] = &[("never", 0), ("always", 1), ("auto", 2)];
        assert_eq!(choice(OsStr::new("always"), "--color", WHEN).ok(), Some(1));
        assert_eq!(
            choice(OsStr::new("al"), "--color", WHEN).err().map(|t| format!("{t:?}")),
            Some(
                "Usage(\"invalid argument 'al' for '--color'; valid arguments are 'never', 'always', 'auto'\")".into()
            )
        );
        assert_eq!(count(OsStr::new("012")), Some(12));
        assert_eq!(count(OsStr::new("")), None);
        assert_eq!(count(OsStr::new("+1")), None);
    }
}
