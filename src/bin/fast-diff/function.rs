//! The function a hunk is in: the last line before the hunk that begins
//! with a letter, `_` or `$` (GNU diff's `-p`, whose regular expression is
//! `^[[:alpha:]$_]`, and git's default rule for hunk headers). Both look
//! back from the hunk's first line to the first line of the hunk before it,
//! and when nothing matches there, repeat what they found last.

/// Whose rule: how much of the line is shown, and what counts as a letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// GNU diff: at most 40 bytes; in a UTF-8 locale, any alphabetic
    /// character is a letter.
    Gnu { utf8: bool },
    /// git: at most 80 bytes; ASCII letters only.
    Git,
}

pub struct Functions<'a> {
    text: &'a [u8],
    /// Where each line of `text` starts, and where it ends.
    starts: Vec<usize>,
    rule: Rule,
    /// The first line of the previous hunk: where the next search stops.
    searched_to: usize,
    found: Option<usize>,
}

impl<'a> Functions<'a> {
    pub fn new(text: &'a [u8], rule: Rule) -> Functions<'a> {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text).map(|at| at + 1));
        if starts.last() != Some(&text.len()) {
            starts.push(text.len());
        }
        Functions { text, starts, rule, searched_to: 0, found: None }
    }

    /// The function line to show for the hunk whose first old line is
    /// `first` (0-based), trimmed as the rule trims it; hunks are asked for
    /// in order.
    pub fn before(&mut self, first: usize) -> Option<&'a [u8]> {
        let lines = self.starts.len() - 1;
        let first = first.min(lines);
        let from = self.searched_to;
        self.searched_to = first;
        if let Some(line) = (from..first).rev().find(|&i| self.matches(self.line(i))) {
            self.found = Some(line);
        }
        self.found.map(|i| self.shown(self.line(i)))
    }

    fn line(&self, i: usize) -> &'a [u8] {
        &self.text[self.starts[i]..self.starts[i + 1]]
    }

    fn matches(&self, line: &[u8]) -> bool {
        match line.first() {
            Some(b) if b.is_ascii_alphabetic() || *b == b'_' || *b == b'$' => true,
            Some(0x80..) if self.rule == (Rule::Gnu { utf8: true }) => line
                .utf8_chunks()
                .next()
                .and_then(|chunk| chunk.valid().chars().next())
                .is_some_and(char::is_alphabetic),
            _ => false,
        }
    }

    fn shown(&self, line: &'a [u8]) -> &'a [u8] {
        let (width, space): (usize, fn(&u8) -> bool) = match self.rule {
            Rule::Gnu { .. } => (40, |b| matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')),
            Rule::Git => (80, |b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')),
        };
        let line = &line[..line.len().min(width)];
        let line = line.iter().position(|&b| b == b'\n').map_or(line, |at| &line[..at]);
        let end = line.iter().rposition(|b| !space(b)).map_or(0, |at| at + 1);
        &line[..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_last_function_line_before_each_hunk() {
        let text = b"int a()\n{\n  x;\n}\n_b:\n  y;\n  z;\n";
        let mut f = Functions::new(text, Rule::Git);
        assert_eq!(f.before(0), None);
        assert_eq!(f.before(3), Some(&b"int a()"[..]));
        // Nothing new between the two hunks: the last one found again.
        assert_eq!(f.before(4), Some(&b"int a()"[..]));
        assert_eq!(f.before(6), Some(&b"_b:"[..]));
    }

    #[test]
    fn trims_as_each_tool_does() {
        let text = format!("int {}  \t  z\nbody\n", "x".repeat(33));
        let gnu = Functions::new(text.as_bytes(), Rule::Gnu { utf8: false }).before(1).unwrap().to_vec();
        assert_eq!(gnu, format!("int {}", "x".repeat(33)).as_bytes());
        let git = Functions::new(text.as_bytes(), Rule::Git).before(1).unwrap().to_vec();
        assert_eq!(git, format!("int {}  \t  z", "x".repeat(33)).as_bytes());
        let letter = "\u{e9}lan()\nbody\n".as_bytes();
        assert_eq!(Functions::new(letter, Rule::Gnu { utf8: true }).before(1), Some("\u{e9}lan()".as_bytes()));
        assert_eq!(Functions::new(letter, Rule::Gnu { utf8: false }).before(1), None);
        assert_eq!(Functions::new(letter, Rule::Git).before(1), None);
    }
}
