//! One pair of files, compared and written as the options ask: a unified
//! diff or a word diff with GNU diff's headers (and, inside a directory
//! comparison, its `diff ...` line) or git's (`--git`), `Binary files ...
//! differ`, `-q`'s and `-s`'s one-line reports. The command on two files
//! and every pair of a directory comparison come here, on as many threads
//! as there are cores; another output (an HTML page) plugs in by
//! implementing [`PairDiff`].

use std::os::unix::ffi::OsStrExt;

use fast_diff::{DiffOptions, Modes, diff_lines};
use fast_diff_cli::Trouble;
use fast_diff_cli::input::Input;
use fast_diff_cli::quote::{self, Style};

use crate::args::{Config, Format};
use crate::binary::looks_binary;
use crate::decorate;
use crate::function::{Functions, Rule};
use crate::word_text::WordText;

/// One side of a pair.
pub struct Side {
    /// The file, opened; an absent one is empty. Its name is the one to
    /// show: the operand, or the path a directory comparison composed.
    pub input: Input,
    /// Whether the file exists: `-N` and `--git` compare an absent file as
    /// an empty one.
    pub present: bool,
    /// Its mode as git writes it (`100644`, `100755`, `120000`); 0 when
    /// absent.
    pub mode: u32,
}

pub struct Pair {
    pub sides: [Side; 2],
    /// Inside a directory comparison: GNU diff writes a `diff ...` line
    /// before the pair's diff.
    pub nested: bool,
}

/// What a pair gives: the bytes for standard output, and whether the files
/// differ.
pub struct Piece {
    pub out: Vec<u8>,
    pub differ: bool,
}

/// Diffs one pair of files into its output. Called from several threads
/// at once; the pieces are written in order.
pub trait PairDiff: Sync {
    fn diff(&self, pair: &Pair) -> Result<Piece, Trouble>;
}

/// The command's own outputs.
pub struct Writer<'c> {
    config: &'c Config,
    color: bool,
    /// Whether the locale is UTF-8 (for `-p`'s letters).
    utf8: bool,
    /// `diff` and the options as they were given, quoted for a shell: how
    /// GNU's line before each pair of a directory comparison begins.
    diff_line: Vec<u8>,
}

impl<'c> Writer<'c> {
    pub fn new(config: &'c Config, color: bool) -> Writer<'c> {
        let utf8 = fast_diff_cli::locale::is_utf8();
        let mut diff_line = b"diff".to_vec();
        for word in &config.option_words {
            diff_line.push(b' ');
            diff_line.extend_from_slice(&quote::shell(word.as_bytes(), utf8));
        }
        Writer { config, color, utf8, diff_line }
    }

    /// The name GNU diff gives side `which` in its messages: the label,
    /// else the file's name.
    fn name<'a>(&'a self, pair: &'a Pair, which: usize) -> &'a [u8] {
        self.config.labels.get(which).unwrap_or(&pair.sides[which].input.name).as_bytes()
    }

    /// git's name of side `which`, with its `a/` or `b/` prefix: an absent
    /// file is named after the other, as `git diff --no-index` names it.
    fn git_name(&self, pair: &Pair, which: usize) -> Vec<u8> {
        let side = if pair.sides[which].present { which } else { 1 - which };
        let name = pair.sides[side].input.name.as_bytes();
        let name = name.strip_prefix(b"/").unwrap_or(name);
        quote::quote(&[if which == 0 { &b"a/"[..] } else { b"b/" }, name].concat(), Style::Git)
    }

    /// The `---` or `+++` line's name.
    fn label(&self, pair: &Pair, which: usize) -> Vec<u8> {
        let side = &pair.sides[which];
        if self.config.git {
            if !side.present {
                return b"/dev/null".to_vec();
            }
            let mut name = self.git_name(pair, which);
            // git ends a name with a space in it with a tab, so that a
            // patch program knows where it ends.
            if name.contains(&b' ') {
                name.push(b'\t');
            }
            return name;
        }
        match self.config.labels.get(which) {
            Some(label) => label.as_bytes().to_vec(),
            None => side.input.header_label(),
        }
    }

    /// What comes before the `---` line: GNU's `diff ...` line inside a
    /// directory comparison, or git's extended headers.
    fn pair_header(&self, out: &mut Vec<u8>, pair: &Pair) {
        let mut line = Vec::new();
        if self.config.git {
            let [old, new] = &pair.sides;
            line.extend_from_slice(b"diff --git ");
            line.extend_from_slice(&self.git_name(pair, 0));
            line.push(b' ');
            line.extend_from_slice(&self.git_name(pair, 1));
            line.push(b'\n');
            decorate::header(out, &line, self.color);
            let modes = match (old.present, new.present) {
                (false, _) => format!("new file mode {:o}\n", new.mode),
                (_, false) => format!("deleted file mode {:o}\n", old.mode),
                _ if old.mode != new.mode => format!("old mode {:o}\nnew mode {:o}\n", old.mode, new.mode),
                _ => String::new(),
            };
            for mode_line in modes.as_bytes().split_inclusive(|&b| b == b'\n') {
                decorate::header(out, mode_line, self.color);
            }
        } else if pair.nested {
            line.extend_from_slice(&self.diff_line);
            for which in 0..2 {
                line.push(b' ');
                line.extend_from_slice(&quote::quote(self.name(pair, which), Style::GnuDiff));
            }
            line.push(b'\n');
            decorate::header(out, &line, self.color);
        }
    }

    /// The files are the same (or equal under the comparison modes).
    fn same(&self, pair: &Pair) -> Piece {
        let mut out = Vec::new();
        if self.config.report_identical {
            out.extend_from_slice(b"Files ");
            out.extend_from_slice(self.name(pair, 0));
            out.extend_from_slice(b" and ");
            out.extend_from_slice(self.name(pair, 1));
            out.extend_from_slice(b" are identical\n");
        }
        Piece { out, differ: false }
    }

    /// `Files A and B differ` (`-q`), `Binary files A and B differ`.
    fn differ_line(out: &mut Vec<u8>, binary: bool, names: [&[u8]; 2]) {
        out.extend_from_slice(if binary { b"Binary files " } else { b"Files " });
        out.extend_from_slice(names[0]);
        out.extend_from_slice(b" and ");
        out.extend_from_slice(names[1]);
        out.extend_from_slice(b" differ\n");
    }

    fn functions<'t>(&self, old: &'t [u8]) -> Option<Functions<'t>> {
        if self.config.git {
            Some(Functions::new(old, Rule::Git))
        } else if self.config.show_function {
            Some(Functions::new(old, Rule::Gnu { utf8: self.utf8 }))
        } else {
            None
        }
    }
}

impl PairDiff for Writer<'_> {
    fn diff(&self, pair: &Pair) -> Result<Piece, Trouble> {
        let config = self.config;
        let [old, new] = &pair.sides;
        let (a, b) = (old.input.bytes(), new.input.bytes());
        // git tells of a file created or deleted, or a mode changed, even
        // when no line changed.
        let git_change = config.git && (old.present != new.present || old.mode != new.mode);
        let binary = !config.text && (looks_binary(&old.input, config.git) || looks_binary(&new.input, config.git));
        let mut out = Vec::new();

        if binary || (config.format == Format::Brief && config.modes == Modes::NONE) {
            // Different bytes are a difference: no need to find where.
            let same_bytes = a == b;
            if same_bytes && !git_change {
                return Ok(self.same(pair));
            }
            if config.format == Format::Brief {
                Self::differ_line(&mut out, false, [self.name(pair, 0), self.name(pair, 1)]);
            } else if config.git {
                self.pair_header(&mut out, pair);
                if !same_bytes {
                    let label = |which: usize| {
                        if pair.sides[which].present { self.git_name(pair, which) } else { b"/dev/null".to_vec() }
                    };
                    Self::differ_line(&mut out, true, [&label(0), &label(1)]);
                }
            } else {
                Self::differ_line(&mut out, true, [self.name(pair, 0), self.name(pair, 1)]);
            }
            return Ok(Piece { out, differ: true });
        }

        let context = config.context;
        let options = DiffOptions {
            context_lines: context,
            algorithm: config.algorithm,
            deadline: config.deadline,
            modes: config.modes,
            ..DiffOptions::default()
        };
        // Labels are checked when the command line is read, and names are
        // quoted: what can fail is the size of a file.
        let fatal = |e: fast_diff::Error| Trouble::Fatal(format!("{}: {e}", new.input.name.to_string_lossy()));
        let diff = diff_lines(a, b, &options).map_err(fatal)?;
        let labels = [self.label(pair, 0), self.label(pair, 1)];
        let mut body = Vec::new();
        let changed = match config.format {
            Format::Brief => !diff.stats(context).identical,
            Format::WordDiff(granularity) => {
                let spans = diff.word_spans(context, granularity, config.deadline);
                let words = WordText { functions: self.functions(a), color: self.color };
                words.write(&mut body, &diff, context, &spans, [&labels[0], &labels[1]])
            }
            _ => {
                let text = diff.unified(context, &labels[0], &labels[1]).map_err(fatal)?;
                let decorated = self.color || config.git || config.show_function;
                if decorated {
                    decorate::unified(&mut body, &text, self.functions(a), self.color);
                } else {
                    body = text;
                }
                !body.is_empty()
            }
        };
        if !changed && !git_change {
            return Ok(self.same(pair));
        }
        if config.format == Format::Brief {
            Self::differ_line(&mut out, false, [self.name(pair, 0), self.name(pair, 1)]);
            return Ok(Piece { out, differ: true });
        }
        self.pair_header(&mut out, pair);
        if out.is_empty() {
            return Ok(Piece { out: body, differ: true });
        }
        out.extend_from_slice(&body);
        Ok(Piece { out, differ: true })
    }
}
