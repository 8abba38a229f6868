//! Reading unified diffs as GNU diff, git and Python's difflib write them,
//! and as people and language models damage them: wrong line counts, bare
//! `@@` lines, empty context lines that lost their space, CRLF, no final LF.
//!
//! Read strictly, header counts are trusted: a body that disagrees with
//! them is malformed, never silently cut short, so a patch is never taken
//! to say less than it does. Read leniently (the default of the appliers),
//! a body that disagrees with its counts is read to its natural end (the
//! next hunk, file header or line that is not a hunk line) and the hunk is
//! marked recounted; bare `@@` headers are accepted.

use super::model::{FileChange, FilePatch, Hunk, HunkHeader, HunkLine, Patch};
use super::names::{self, DEV_NULL};
use crate::LineKind;

/// Why a patch cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Malformed {
    /// Byte offset in the patch of the line where reading stopped (the
    /// patch's length when it ended too early).
    pub offset: usize,
    /// The 1-based line number of that line in the patch.
    pub line: u64,
    /// What was expected there.
    pub expected: &'static str,
    /// The line found there, without its LF, cut at 80 bytes; empty at the
    /// end of the patch.
    pub found: Vec<u8>,
}

pub const EXPECTED_DIFF: &str =
    "a unified diff: a `---`/`+++` file header, a `diff --git` line or an `@@ -l,s +l,s @@` hunk header";
pub const EXPECTED_HEADER: &str = "a hunk header `@@ -start,count +start,count @@` (a bare `@@` needs recounting)";
pub const EXPECTED_PLUS_LINE: &str = "a `+++` line after the `---` line";
pub const EXPECTED_HUNK: &str = "an `@@` hunk after the file header";
pub const EXPECTED_MORE_LINES: &str = "more hunk lines (' ', '-', '+' or '\\'): the hunk header counts more lines than the body has (recounting accepts this)";
pub const EXPECTED_FEWER_LINES: &str =
    "the end of the hunk: its body has more lines than its header counts (recounting accepts this)";
pub const EXPECTED_END: &str = "the end of the hunk (`@@`, a file header or the end): the body goes on past its header's counts (recounting accepts this)";
pub const EXPECTED_A_LINE: &str = "at least one line in the hunk";
pub const EXPECTED_LINE_BEFORE_MARKER: &str = "a hunk line before `\\ No newline at end of file`";
pub const EXPECTED_SIDE_ENDED: &str = "no further line on this side after `\\ No newline at end of file`";

/// Reads every file section of `patch`. An empty patch has none; any other
/// patch without a diff in it is malformed. Text before the first section
/// (a mail, a commit message) and between sections is skipped.
pub fn parse(patch: &[u8], recount: bool) -> Result<Patch<'_>, Malformed> {
    let mut starts = vec![0];
    starts.extend(memchr::memchr_iter(b'\n', patch).map(|i| i + 1));
    if starts.last() != Some(&patch.len()) {
        starts.push(patch.len());
    }
    Parser { patch, starts, recount }.run()
}

struct Parser<'a> {
    patch: &'a [u8],
    /// Line starts, then the patch's length.
    starts: Vec<usize>,
    recount: bool,
}

/// A section being read, and whether it may have no hunks.
struct Section<'a> {
    file: FilePatch<'a>,
    hunkless_ok: bool,
    /// The line after its file header, where a hunk must start.
    body_line: usize,
}

enum BodyLine<'a> {
    Line(HunkLine<'a>, bool),
    Marker,
}

impl<'a> Parser<'a> {
    fn lines(&self) -> usize {
        self.starts.len() - 1
    }

    /// Line `i` without its LF.
    fn raw(&self, i: usize) -> &'a [u8] {
        let line = &self.patch[self.starts[i]..self.starts[i + 1]];
        line.strip_suffix(b"\n").unwrap_or(line)
    }

    /// Line `i` without its LF or a CR before it, for recognising headers.
    fn text(&self, i: usize) -> &'a [u8] {
        let raw = self.raw(i);
        raw.strip_suffix(b"\r").unwrap_or(raw)
    }

    fn starts_with(&self, i: usize, prefix: &[u8]) -> bool {
        i < self.lines() && self.text(i).starts_with(prefix)
    }

    fn malformed(&self, i: usize, expected: &'static str) -> Malformed {
        if i >= self.lines() {
            let line = memchr::memchr_iter(b'\n', self.patch).count() as u64 + 1;
            return Malformed { offset: self.patch.len(), line, expected, found: Vec::new() };
        }
        let raw = self.raw(i);
        Malformed { offset: self.starts[i], line: i as u64 + 1, expected, found: raw[..raw.len().min(80)].to_vec() }
    }

    fn run(&self) -> Result<Patch<'a>, Malformed> {
        let mut files = Vec::new();
        let mut current: Option<Section<'a>> = None;
        let mut i = 0;
        while i < self.lines() {
            if self.starts_with(i, b"diff --git ") {
                self.close(current.take(), &mut files)?;
                let (section, next) = self.git_section(i)?;
                current = Some(section);
                i = next;
            } else if let Some(next) = self.file_header_end(i) {
                self.close(current.take(), &mut files)?;
                current = Some(self.plain_section(i, next));
                i = next;
            } else if self.starts_with(i, b"@@") {
                let start = self.starts[i];
                let section = current.get_or_insert_with(|| Section {
                    file: FilePatch {
                        old_path: None,
                        new_path: None,
                        path: None,
                        change: FileChange::Modified,
                        binary_at: None,
                        span: start..start,
                        hunks: Vec::new(),
                    },
                    hunkless_ok: false,
                    body_line: i,
                });
                let (hunk, next) = self.hunk(i)?;
                section.file.span.end = hunk.span.end;
                section.file.hunks.push(hunk);
                i = next;
            } else {
                i += 1;
            }
        }
        self.close(current, &mut files)?;
        if files.is_empty() && !self.patch.is_empty() {
            return Err(self.malformed(0, EXPECTED_DIFF));
        }
        Ok(Patch { files })
    }

    fn close(&self, section: Option<Section<'a>>, files: &mut Vec<FilePatch<'a>>) -> Result<(), Malformed> {
        if let Some(section) = section {
            if section.file.hunks.is_empty() && !section.hunkless_ok {
                return Err(self.malformed(section.body_line, EXPECTED_HUNK));
            }
            files.push(section.file);
        }
        Ok(())
    }

    /// The line after a `---`/`+++` header starting at `i` (a `---` line
    /// directly followed by a hunk counts too), if there is one.
    fn file_header_end(&self, i: usize) -> Option<usize> {
        if !self.starts_with(i, b"--- ") {
            return None;
        }
        if self.starts_with(i + 1, b"+++ ") {
            Some(i + 2)
        } else if self.starts_with(i + 1, b"@@ -") {
            Some(i + 1)
        } else {
            None
        }
    }

    fn plain_section(&self, i: usize, next: usize) -> Section<'a> {
        let old = names::header_name(&self.raw(i)[4..]);
        let new = if next == i + 2 { names::header_name(&self.raw(i + 1)[4..]) } else { old.clone() };
        let change = if old == DEV_NULL {
            FileChange::Created
        } else if new == DEV_NULL {
            FileChange::Deleted
        } else {
            FileChange::Modified
        };
        Section {
            file: FilePatch {
                path: names::display_path(Some(&old), Some(&new), false),
                old_path: Some(old),
                new_path: Some(new),
                change,
                binary_at: None,
                span: self.starts[i]..self.starts[next],
                hunks: Vec::new(),
            },
            hunkless_ok: false,
            body_line: next,
        }
    }

    /// A `diff --git` line and git's extended header lines after it.
    fn git_section(&self, i: usize) -> Result<(Section<'a>, usize), Malformed> {
        let (mut old, mut new) = match names::git_names(&self.raw(i)[b"diff --git ".len()..]) {
            Some((old, new)) => (Some(old), Some(new)),
            None => (None, None),
        };
        let mut change = FileChange::Modified;
        let mut renamed_to = None;
        let mut binary_at = None;
        let mut file_header = false;
        let mut j = i + 1;
        while j < self.lines() {
            let line = self.raw(j);
            let field = |prefix: &[u8]| line.strip_prefix(prefix).map(names::header_name);
            if [&b"old mode "[..], b"new mode ", b"similarity index ", b"dissimilarity index ", b"index "]
                .iter()
                .any(|p| line.starts_with(p))
            {
            } else if line.starts_with(b"new file mode ") {
                change = FileChange::Created;
            } else if line.starts_with(b"deleted file mode ") {
                change = FileChange::Deleted;
            } else if let Some(from) = field(b"rename from ").or_else(|| field(b"copy from ")) {
                change = if line.starts_with(b"rename") { FileChange::Renamed } else { FileChange::Copied };
                old = Some(from);
            } else if let Some(to) = field(b"rename to ").or_else(|| field(b"copy to ")) {
                renamed_to = Some(to.clone());
                new = Some(to);
            } else if line.starts_with(b"Binary files ") || line.starts_with(b"GIT binary patch") {
                binary_at = Some(self.starts[j]);
            } else if line.starts_with(b"--- ") {
                let Some(next) = self.file_header_end(j) else {
                    return Err(self.malformed(j + 1, EXPECTED_PLUS_LINE));
                };
                let header = self.plain_section(j, next);
                old = header.file.old_path;
                new = header.file.new_path;
                if header.file.change != FileChange::Modified {
                    change = header.file.change;
                }
                file_header = true;
                j = next;
                break;
            } else {
                break;
            }
            j += 1;
        }
        let path = renamed_to.or_else(|| names::display_path(old.as_deref(), new.as_deref(), true));
        let file = FilePatch {
            old_path: old,
            new_path: new,
            path,
            change,
            binary_at,
            span: self.starts[i]..self.starts[j],
            hunks: Vec::new(),
        };
        // Without a `---`/`+++` header, git's section changes only names or
        // modes; with one, hunks must follow.
        let hunkless_ok = !file_header;
        Ok((Section { file, hunkless_ok, body_line: j }, j))
    }

    fn hunk(&self, i: usize) -> Result<(Hunk<'a>, usize), Malformed> {
        let header = match hunk_header(self.text(i), self.recount) {
            Some(header) => Some(header),
            None if self.recount => None,
            None => return Err(self.malformed(i, EXPECTED_HEADER)),
        };
        let counted = header.map(|h| self.counted_body(i + 1, h));
        let recounted = matches!(counted, Some(Err(_)));
        let (lines, next) = match counted {
            Some(Ok(body)) => body,
            Some(Err(e)) if !self.recount => return Err(e),
            _ => self.natural_body(i + 1)?,
        };
        if lines.is_empty() {
            return Err(self.malformed(i + 1, EXPECTED_A_LINE));
        }
        Ok((Hunk { header, span: self.starts[i]..self.starts[next], lines, recounted }, next))
    }

    /// The hunk body as long as its header's counts say.
    fn counted_body(&self, start: usize, header: HunkHeader) -> Result<(Vec<HunkLine<'a>>, usize), Malformed> {
        let mut body = Body::default();
        let mut j = start;
        while body.old < header.old_count || body.new < header.new_count {
            match self.body_line(j) {
                Some(BodyLine::Line(line, _)) => body.push(line).map_err(|e| self.malformed(j, e))?,
                Some(BodyLine::Marker) => body.mark().map_err(|e| self.malformed(j, e))?,
                None => return Err(self.malformed(j, EXPECTED_MORE_LINES)),
            }
            if body.old > header.old_count || body.new > header.new_count {
                return Err(self.malformed(j, EXPECTED_FEWER_LINES));
            }
            j += 1;
        }
        if let Some(BodyLine::Marker) = self.body_line(j) {
            body.mark().map_err(|e| self.malformed(j, e))?;
            j += 1;
        }
        if self.continues_hunk(j) {
            return Err(self.malformed(j, EXPECTED_END));
        }
        Ok((body.lines, j))
    }

    /// The hunk body up to the first line that cannot belong to it, for
    /// recounting. Blank lines at its end separate it from what follows.
    fn natural_body(&self, start: usize) -> Result<(Vec<HunkLine<'a>>, usize), Malformed> {
        let mut body = Body::default();
        let mut blank_run = 0;
        let mut j = start;
        while j < self.lines() && !self.ends_body(j) {
            match self.body_line(j) {
                Some(BodyLine::Line(line, blank)) => {
                    body.push(line).map_err(|e| self.malformed(j, e))?;
                    blank_run = if blank { blank_run + 1 } else { 0 };
                }
                Some(BodyLine::Marker) => {
                    body.mark().map_err(|e| self.malformed(j, e))?;
                    blank_run = 0;
                }
                None => break,
            }
            j += 1;
        }
        body.lines.truncate(body.lines.len() - blank_run);
        Ok((body.lines, j - blank_run))
    }

    /// Line `j` as a hunk line, and whether it is a blank line standing for
    /// an empty context line; None when it is not one.
    fn body_line(&self, j: usize) -> Option<BodyLine<'a>> {
        if j >= self.lines() {
            return None;
        }
        let raw = self.raw(j);
        let line = |kind| Some(BodyLine::Line(HunkLine { kind, body: &raw[1..], newline: true }, false));
        match raw.first() {
            Some(b' ') => line(LineKind::Context),
            Some(b'-') => line(LineKind::Removed),
            Some(b'+') => line(LineKind::Added),
            Some(b'\\') => Some(BodyLine::Marker),
            None | Some(b'\r') if raw.len() <= 1 => {
                Some(BodyLine::Line(HunkLine { kind: LineKind::Context, body: raw, newline: true }, true))
            }
            _ => None,
        }
    }

    /// Whether line `j`, after a hunk whose counts are used up, still looks
    /// like part of it: then the counts are wrong.
    fn continues_hunk(&self, j: usize) -> bool {
        if j >= self.lines() {
            return false;
        }
        match self.raw(j).first() {
            Some(b'+' | b' ') => true,
            Some(b'-') => self.file_header_end(j).is_none() && !self.is_signature(j),
            _ => false,
        }
    }

    /// Where a body read without counts stops: the next hunk or file, or a
    /// mail signature (`-- ` followed by something that is not a hunk line).
    fn ends_body(&self, j: usize) -> bool {
        self.starts_with(j, b"@@")
            || self.starts_with(j, b"diff --git ")
            || self.file_header_end(j).is_some()
            || (self.is_signature(j) && !matches!(self.body_line(j + 1), Some(BodyLine::Line(_, false))))
    }

    fn is_signature(&self, j: usize) -> bool {
        self.text(j) == b"-- "
    }
}

/// A hunk body being read, with the counts and closed sides so far.
#[derive(Default)]
struct Body<'a> {
    lines: Vec<HunkLine<'a>>,
    old: u64,
    new: u64,
    old_closed: bool,
    new_closed: bool,
}

impl<'a> Body<'a> {
    fn push(&mut self, line: HunkLine<'a>) -> Result<(), &'static str> {
        let (old, new) = sides(line.kind);
        if (old && self.old_closed) || (new && self.new_closed) {
            return Err(EXPECTED_SIDE_ENDED);
        }
        self.old += u64::from(old);
        self.new += u64::from(new);
        self.lines.push(line);
        Ok(())
    }

    /// A `\ No newline at end of file` marker: the line before it has none,
    /// and is the last of its side.
    fn mark(&mut self) -> Result<(), &'static str> {
        let last = self.lines.last_mut().ok_or(EXPECTED_LINE_BEFORE_MARKER)?;
        last.newline = false;
        let (old, new) = sides(last.kind);
        self.old_closed |= old;
        self.new_closed |= new;
        Ok(())
    }
}

/// Whether a line of this kind is on the old side, and on the new side.
fn sides(kind: LineKind) -> (bool, bool) {
    (kind != LineKind::Added, kind != LineKind::Removed)
}

/// `@@ -start[,count] +start[,count] @@ anything`. When `lenient`, the
/// closing `@@` may be missing.
fn hunk_header(line: &[u8], lenient: bool) -> Option<HunkHeader> {
    let rest = line.strip_prefix(b"@@ -")?;
    let (old_start, old_count, rest) = range(rest)?;
    let rest = rest.strip_prefix(b" +")?;
    let (new_start, new_count, rest) = range(rest)?;
    if !(rest.starts_with(b" @@") || (lenient && rest.iter().all(u8::is_ascii_whitespace))) {
        return None;
    }
    Some(HunkHeader { old_start, old_count, new_start, new_count })
}

/// `start[,count]` and what follows it; a missing count is 1.
fn range(text: &[u8]) -> Option<(u64, u64, &[u8])> {
    let (start, rest) = number(text)?;
    match rest.strip_prefix(b",") {
        Some(rest) => {
            let (count, rest) = number(rest)?;
            Some((start, count, rest))
        }
        None => Some((start, 1, rest)),
    }
}

fn number(text: &[u8]) -> Option<(u64, &[u8])> {
    let digits = text.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 {
        return None;
    }
    let mut value: u64 = 0;
    for &d in &text[..digits] {
        value = value.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
    }
    Some((value, &text[digits..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_file(patch: &[u8], recount: bool) -> FilePatch<'_> {
        let mut parsed = parse(patch, recount).unwrap();
        assert_eq!(parsed.files.len(), 1);
        parsed.files.remove(0)
    }

    fn kinds(hunk: &Hunk<'_>) -> String {
        hunk.lines
            .iter()
            .map(|l| match (l.kind, l.newline) {
                (LineKind::Context, true) => ' ',
                (LineKind::Removed, true) => '-',
                (LineKind::Added, true) => '+',
                (_, false) => '\\',
            })
            .collect()
    }

    #[test]
    fn gnu_diff_output() {
        let patch = b"--- a.txt\t2024-01-01 00:00:00.000000000 +0000\n+++ b.txt\t2024-01-02 00:00:00.000000000 +0000\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n@@ -10 +10 @@\n-x\n\\ No newline at end of file\n+y\n";
        let file = one_file(patch, false);
        assert_eq!(file.old_path.as_deref(), Some(&b"a.txt"[..]));
        assert_eq!(file.path.as_deref(), Some(&b"b.txt"[..]));
        assert_eq!(file.hunks.len(), 2);
        assert_eq!(kinds(&file.hunks[0]), " -+ ");
        assert_eq!(kinds(&file.hunks[1]), "\\+");
        assert_eq!(file.hunks[1].header, Some(HunkHeader { old_start: 10, old_count: 1, new_start: 10, new_count: 1 }));
        assert_eq!(file.span, 0..patch.len());
        assert_eq!(&patch[file.hunks[1].span.clone()], b"@@ -10 +10 @@\n-x\n\\ No newline at end of file\n+y\n");
    }

    #[test]
    fn git_output_with_extended_headers() {
        let patch = b"From 1234 Mon Sep 17 00:00:00 2001\nSubject: x\n\n---\n f | 2 +-\n\ndiff --git a/src/f.c b/src/f.c\nindex 83db48f..bf269f4 100644\n--- a/src/f.c\n+++ b/src/f.c\n@@ -1 +1 @@\n-a\n+b\n-- \n2.39.5\n\n";
        let file = one_file(patch, false);
        assert_eq!(file.path.as_deref(), Some(&b"src/f.c"[..]));
        assert_eq!(file.change, FileChange::Modified);
        assert_eq!(&patch[file.span.clone()], &b"diff --git a/src/f.c b/src/f.c\nindex 83db48f..bf269f4 100644\n--- a/src/f.c\n+++ b/src/f.c\n@@ -1 +1 @@\n-a\n+b\n"[..]);
        // The same with recounting: the signature still ends the hunk.
        assert_eq!(one_file(patch, true).hunks, file.hunks);
    }

    #[test]
    fn git_new_deleted_renamed_and_mode_only() {
        let patch = b"diff --git a/n b/n\nnew file mode 100644\nindex 0000000..e69de29\n--- /dev/null\n+++ b/n\n@@ -0,0 +1 @@\n+x\n\
diff --git a/d b/d\ndeleted file mode 100644\n--- a/d\n+++ /dev/null\n@@ -1 +0,0 @@\n-y\n\
diff --git a/old name b/new name\nsimilarity index 100%\nrename from old name\nrename to new name\n\
diff --git a/m b/m\nold mode 100644\nnew mode 100755\n\
diff --git a/bin b/bin\nindex 1..2 100644\nBinary files a/bin and b/bin differ\n";
        let files = parse(patch, false).unwrap().files;
        let summary: Vec<_> = files.iter().map(|f| (f.change, f.path.clone().unwrap(), f.hunks.len())).collect();
        assert_eq!(
            summary,
            vec![
                (FileChange::Created, b"n".to_vec(), 1),
                (FileChange::Deleted, b"d".to_vec(), 1),
                (FileChange::Renamed, b"new name".to_vec(), 0),
                (FileChange::Modified, b"m".to_vec(), 0),
                (FileChange::Modified, b"bin".to_vec(), 0),
            ]
        );
        assert!(files[4].binary_at.is_some());
        assert!(files[..4].iter().all(|f| f.binary_at.is_none()));
    }

    #[test]
    fn difflib_output_without_final_newline() {
        // difflib.unified_diff(..., lineterm='') joined with '\n'.
        let patch = b"--- a\n+++ b\n@@ -1,2 +1,2 @@\n x\n-y\n+z";
        let file = one_file(patch, false);
        assert_eq!(kinds(&file.hunks[0]), " -+");
        assert!(file.hunks[0].lines.iter().all(|l| l.newline));
    }

    #[test]
    fn blank_lines_and_crlf_in_bodies() {
        let patch = b"--- a\r\n+++ b\r\n@@ -1,3 +1,3 @@\r\n a\r\n\r\n-b\r\n+c\r\n";
        let file = one_file(patch, false);
        assert_eq!(file.path.as_deref(), Some(&b"b"[..]));
        let bodies: Vec<&[u8]> = file.hunks[0].lines.iter().map(|l| l.body).collect();
        assert_eq!(bodies, vec![&b"a\r"[..], b"\r", b"b\r", b"c\r"]);
        let patch = b"--- a\n+++ b\n@@ -1,3 +1,3 @@\n a\n\n-b\n+c\n";
        assert_eq!(kinds(&one_file(patch, false).hunks[0]), "  -+");
    }

    #[test]
    fn wrong_counts_are_malformed_unless_recounting() {
        let short = b"--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n+d\n";
        let err = parse(short, false).unwrap_err();
        assert_eq!((err.expected, err.line, &err.found[..]), (EXPECTED_END, 7, &b"+d"[..]));
        let err = parse(b"--- a\n+++ b\n@@ -1,2 +1,1 @@\n a\n+c\n-b\n", false).unwrap_err();
        assert_eq!((err.expected, err.line, &err.found[..]), (EXPECTED_FEWER_LINES, 5, &b"+c"[..]));
        assert_eq!(kinds(&one_file(short, true).hunks[0]), " -++");

        let continues = b"--- a\n+++ b\n@@ -1,1 +1,1 @@\n-b\n+c\n+d\n";
        assert_eq!(parse(continues, false).unwrap_err().expected, EXPECTED_END);
        assert_eq!(kinds(&one_file(continues, true).hunks[0]), "-++");

        let long = b"--- a\n+++ b\n@@ -1,5 +1,5 @@\n a\n-b\n+c\n@@ -9 +9 @@\n-x\n+y\n";
        let err = parse(long, false).unwrap_err();
        assert_eq!((err.expected, err.offset), (EXPECTED_MORE_LINES, 37));
        let file = one_file(long, true);
        assert_eq!(file.hunks.len(), 2);
        assert_eq!(kinds(&file.hunks[0]), " -+");

        let at_end = b"--- a\n+++ b\n@@ -1,3 +1,3 @@\n a\n";
        let err = parse(at_end, false).unwrap_err();
        assert_eq!((err.offset, err.line, err.found.len()), (at_end.len(), 5, 0));
    }

    #[test]
    fn bare_hunk_headers_need_recounting() {
        let patch = b"@@\n ctx\n-old\n+new\n\n@@ def f():\n x\n+y\n\n\nSome explanation.\n";
        let err = parse(patch, false).unwrap_err();
        assert_eq!((err.expected, err.offset), (EXPECTED_HEADER, 0));
        let file = one_file(patch, true);
        assert_eq!(file.hunks.len(), 2);
        assert_eq!(file.hunks[0].header, None);
        assert_eq!(kinds(&file.hunks[0]), " -+");
        assert_eq!(kinds(&file.hunks[1]), " +");
        assert_eq!(file.path, None);
        // A numbered header without its closing `@@` keeps its numbers.
        let file = one_file(b"@@ -3,2 +3,2\n a\n-b\n+c\n", true);
        assert_eq!(file.hunks[0].header.map(|h| h.old_start), Some(3));
    }

    #[test]
    fn malformed_patches() {
        let cases: &[(&[u8], &str, usize)] = &[
            (b"hello\nworld\n", EXPECTED_DIFF, 0),
            (b"--- a\n+++ b\n@@ -x +1 @@\n-a\n", EXPECTED_HEADER, 12),
            (b"--- a\n+++ b\nnot a hunk\n", EXPECTED_HUNK, 12),
            (b"diff --git a/x b/x\n--- a/x\nfoo\n", EXPECTED_PLUS_LINE, 27),
            (b"--- a\n+++ b\n@@ -1,0 +1,0 @@\n", EXPECTED_A_LINE, 28),
            (b"--- a\n+++ b\n@@ -1 +1 @@\n\\ No newline at end of file\n-a\n+b\n", EXPECTED_LINE_BEFORE_MARKER, 24),
            (b"--- a\n+++ b\n@@ -1,2 +1,1 @@\n-a\n\\ No newline at end of file\n-b\n+c\n", EXPECTED_SIDE_ENDED, 59),
            (b"--- a\n+++ b\n@@ -99999999999999999999,1 +1 @@\n-a\n", EXPECTED_HEADER, 12),
        ];
        for (patch, expected, offset) in cases {
            let err = parse(patch, false).unwrap_err();
            assert_eq!((err.expected, err.offset), (*expected, *offset), "{}", String::from_utf8_lossy(patch));
        }
        assert_eq!(parse(b"", false).unwrap().files.len(), 0);
    }

    #[test]
    fn several_files_are_sections_with_spans() {
        let patch =
            b"junk\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\nOnly in a: z\n--- a/y\n+++ b/y\n@@ -1 +1 @@\n-c\n+d\n";
        let files = parse(patch, false).unwrap().files;
        assert_eq!(files.len(), 2);
        assert_eq!(&patch[files[0].span.clone()], b"--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n");
        assert_eq!(&patch[files[1].span.clone()], b"--- a/y\n+++ b/y\n@@ -1 +1 @@\n-c\n+d\n");
        assert_eq!(files[1].path.as_deref(), Some(&b"y"[..]));
    }

    #[test]
    fn reversal_swaps_sides_and_keeps_removals_first() {
        let file = one_file(b"--- /dev/null\n+++ b/n\n@@ -0,0 +1,2 @@\n+x\n+y\n", false);
        assert_eq!(file.change, FileChange::Created);
        let back = file.reversed();
        assert_eq!(back.change, FileChange::Deleted);
        assert_eq!(kinds(&back.hunks[0]), "--");
        let hunk = &one_file(b"--- a\n+++ b\n@@ -1,2 +1,2 @@\n-a\n+b\n c\n", false).hunks[0];
        assert_eq!(kinds(&hunk.reversed()), "-+ ");
        assert_eq!(hunk.reversed().lines[0].body, b"b");
        assert_eq!(hunk.reversed().reversed(), *hunk);
    }
}
