//! OpenAI Codex's `apply_patch` envelope:
//!
//! ```text
//! *** Begin Patch
//! *** Add File: path          then its lines, each after `+`
//! *** Delete File: path
//! *** Update File: path
//! *** Move to: new path       (optional)
//! @@ a line of the file the hunk is in (optional; several narrow further)
//!  context
//! -removed
//! +added
//! *** End of File             (the hunk ends the file)
//! *** End Patch
//! ```
//!
//! Text outside the envelope is ignored, so a shell heredoc around it
//! (`apply_patch <<'EOF'`) or a code fence does no harm, and so is a
//! missing `*** Begin Patch` or `*** End Patch`.
//!
//! Hunks have no line numbers. Each is looked for after the previous one,
//! in the part of the file its scope lines point to: each scope line is
//! found after the one before (the first place it is, down the matching
//! ladder), and the hunk is looked for in the block the last one opens (up
//! to the next line indented no more than it, included), at each place the
//! scope line is, then anywhere after its first place. Where it is looked
//! for, it must match at exactly one place, at the first rung of the ladder
//! where it matches at all. A hunk of added lines only goes right after its
//! scope line, or at the end of the file.

use super::sections::{Op, Section};
use crate::LineKind;
use crate::patch::apply::{Attempt, Placer};
use crate::patch::locate::{Finder, Miss, Placement, Request};
use crate::patch::matching::MatchMode;
use crate::patch::report::{self, FileInfo};
use crate::patch::{ApplyOptions, FileChange, FilePatch, Hunk, HunkLine, Malformed};

pub const EXPECTED_BEGIN: &str =
    "a `*** Begin Patch` line (or `*** Add File:`, `*** Delete File:` or `*** Update File:`)";
pub const EXPECTED_FILE_OP: &str = "a `*** Add File:`, `*** Delete File:`, `*** Update File:` or `*** End Patch` line";
pub const EXPECTED_HUNK_LINE: &str =
    "a line of an `*** Update File` hunk: ' ', '-' or '+' and the line, `@@`, or `*** End of File`";
pub const EXPECTED_ADDED_LINE: &str = "a '+' line of the file `*** Add File` adds";
pub const EXPECTED_CHANGES: &str = "a hunk (or a `*** Move to:` line) after `*** Update File:`";
pub const EXPECTED_PATH: &str = "a path after the colon";
pub const EXPECTED_HUNK_BODY: &str = "the lines of the hunk after `@@`";

/// A hunk's place in its file, as the envelope says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chunk {
    /// The `@@` lines' text: lines of the file the hunk is after (or at).
    pub scopes: Vec<Vec<u8>>,
    /// `*** End of File`: the hunk ends the file.
    pub at_end: bool,
}

struct Lines<'p> {
    patch: &'p [u8],
    starts: Vec<usize>,
}

impl<'p> Lines<'p> {
    fn new(patch: &'p [u8]) -> Lines<'p> {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', patch).map(|i| i + 1));
        if starts.last() != Some(&patch.len()) {
            starts.push(patch.len());
        }
        Lines { patch, starts }
    }

    fn count(&self) -> usize {
        self.starts.len() - 1
    }

    /// Line `i` without its LF.
    fn raw(&self, i: usize) -> &'p [u8] {
        let line = &self.patch[self.starts[i]..self.starts[i + 1]];
        line.strip_suffix(b"\n").unwrap_or(line)
    }

    /// Line `i` without whitespace around it, for recognising markers.
    fn marker(&self, i: usize) -> &'p [u8] {
        self.raw(i).trim_ascii()
    }

    fn malformed(&self, i: usize, expected: &'static str) -> Malformed {
        if i >= self.count() {
            let line = self.count() as u64 + 1;
            return Malformed { offset: self.patch.len(), line, expected, found: Vec::new() };
        }
        let raw = self.raw(i);
        Malformed { offset: self.starts[i], line: i as u64 + 1, expected, found: raw[..raw.len().min(80)].to_vec() }
    }
}

/// The path after a `*** Verb File:` marker.
fn field<'p>(marker: &'p [u8], prefix: &[u8]) -> Option<&'p [u8]> {
    marker.strip_prefix(prefix).map(<[u8]>::trim_ascii)
}

const ADD: &[u8] = b"*** Add File:";
const DELETE: &[u8] = b"*** Delete File:";
const UPDATE: &[u8] = b"*** Update File:";
const MOVE: &[u8] = b"*** Move to:";
const END_OF_FILE: &[u8] = b"*** End of File";

fn opens_section(marker: &[u8]) -> bool {
    marker.starts_with(ADD) || marker.starts_with(DELETE) || marker.starts_with(UPDATE)
}

/// Whether `patch` holds an envelope: where its first marker line is.
pub fn first_marker(line: &[u8]) -> bool {
    let marker = line.trim_ascii();
    marker == b"*** Begin Patch" || opens_section(marker)
}

pub fn parse(patch: &[u8]) -> Result<Vec<Section<'_>>, Malformed> {
    let lines = Lines::new(patch);
    let n = lines.count();
    let begin = (0..n).find(|&i| lines.marker(i) == b"*** Begin Patch");
    let mut i = match begin {
        Some(b) => b + 1,
        None => (0..n).find(|&i| opens_section(lines.marker(i))).ok_or_else(|| lines.malformed(0, EXPECTED_BEGIN))?,
    };
    let mut sections = Vec::new();
    while i < n {
        let marker = lines.marker(i);
        if marker.is_empty() {
            i += 1;
            continue;
        }
        if marker == b"*** End Patch" {
            break;
        }
        let start = lines.starts[i];
        let named = |prefix| -> Result<Vec<u8>, Malformed> {
            let path = field(marker, prefix).unwrap_or_default();
            if path.is_empty() { Err(lines.malformed(i, EXPECTED_PATH)) } else { Ok(path.to_vec()) }
        };
        if marker.starts_with(ADD) {
            let path = named(ADD)?;
            let mut content = Vec::new();
            i += 1;
            while i < n && !lines.marker(i).starts_with(b"***") {
                let raw = lines.raw(i);
                match raw.first() {
                    Some(b'+') => content.extend_from_slice(&raw[1..]),
                    // A blank line where `+` was forgotten.
                    _ if raw.trim_ascii().is_empty() => content.extend_from_slice(raw),
                    _ => return Err(lines.malformed(i, EXPECTED_ADDED_LINE)),
                }
                content.push(b'\n');
                i += 1;
            }
            let info = info(None, Some(path), FileChange::Created, start..lines.starts[i], 0);
            sections.push(Section { info, op: Op::Add(content) });
        } else if marker.starts_with(DELETE) {
            let path = named(DELETE)?;
            i += 1;
            let info = info(Some(path), None, FileChange::Deleted, start..lines.starts[i], 0);
            sections.push(Section { info, op: Op::Delete });
        } else if marker.starts_with(UPDATE) {
            let path = named(UPDATE)?;
            i += 1;
            let mut moved = None;
            if i < n && lines.marker(i).starts_with(MOVE) {
                let to = field(lines.marker(i), MOVE).unwrap_or_default();
                if to.is_empty() {
                    return Err(lines.malformed(i, EXPECTED_PATH));
                }
                moved = Some(to.to_vec());
                i += 1;
            }
            let (hunks, chunks, next) = update(&lines, i)?;
            if hunks.is_empty() && moved.is_none() {
                return Err(lines.malformed(i, EXPECTED_CHANGES));
            }
            i = next;
            let change = if moved.is_some() { FileChange::Renamed } else { FileChange::Modified };
            let new = moved.unwrap_or_else(|| path.clone());
            let info = info(Some(path), Some(new), change, start..lines.starts[i], hunks.len());
            let file = FilePatch {
                old_path: info.old_path.clone(),
                new_path: info.new_path.clone(),
                path: info.path.clone(),
                change,
                binary_at: None,
                span: info.span.clone(),
                hunks,
            };
            sections.push(Section { info, op: Op::Chunks(file, chunks) });
        } else if sections.is_empty() && begin.is_some() {
            return Err(lines.malformed(i, EXPECTED_FILE_OP));
        } else {
            // Text after the last section without `*** End Patch` (a
            // heredoc's end, a fence): the envelope is over.
            if !sections.is_empty() && !marker.starts_with(b"***") {
                break;
            }
            return Err(lines.malformed(i, EXPECTED_FILE_OP));
        }
    }
    if sections.is_empty() {
        return Err(lines.malformed(i, EXPECTED_FILE_OP));
    }
    Ok(sections)
}

fn info(
    old: Option<Vec<u8>>,
    new: Option<Vec<u8>>,
    change: FileChange,
    span: core::ops::Range<usize>,
    hunks: usize,
) -> FileInfo {
    let path = new.clone().or_else(|| old.clone());
    FileInfo { old_path: old, new_path: new, path, change, span, hunks }
}

/// The hunks of an `*** Update File` section, as they are read.
#[derive(Default)]
struct Update<'p> {
    hunks: Vec<Hunk<'p>>,
    chunks: Vec<Chunk>,
    body: Vec<HunkLine<'p>>,
    scopes: Vec<Vec<u8>>,
    /// Where the hunk being read starts in the patch.
    start: Option<usize>,
}

impl<'p> Update<'p> {
    /// Ends the hunk being read at byte `end` of the patch.
    fn close(&mut self, end: usize, at_end: bool) {
        // Blank lines at a hunk's end separate it from what follows.
        while self.body.last().is_some_and(|l| l.kind == LineKind::Context && l.body.trim_ascii().is_empty()) {
            self.body.pop();
        }
        if let (Some(start), false) = (self.start, self.body.is_empty()) {
            let lines = core::mem::take(&mut self.body);
            self.hunks.push(Hunk { header: None, span: start..end, lines, recounted: false });
            self.chunks.push(Chunk { scopes: core::mem::take(&mut self.scopes), at_end });
            self.start = None;
        }
    }
}

/// The hunks of an `*** Update File` section from line `i`: the hunks,
/// their places, and the line after them.
fn update<'p>(lines: &Lines<'p>, mut i: usize) -> Result<(Vec<Hunk<'p>>, Vec<Chunk>, usize), Malformed> {
    let n = lines.count();
    let mut update = Update::default();
    while i < n {
        let raw = lines.raw(i);
        let marker = lines.marker(i);
        if marker.starts_with(b"***") && marker != END_OF_FILE {
            break;
        }
        let at = lines.starts[i];
        if let Some(rest) = raw.strip_prefix(b"@@") {
            // A new hunk, unless none has begun: consecutive `@@` lines
            // narrow the same hunk.
            if !update.body.is_empty() {
                update.close(at, false);
            }
            update.start.get_or_insert(at);
            update.scopes.extend(scope(rest).map(<[u8]>::to_vec));
        } else if marker == END_OF_FILE {
            update.start.get_or_insert(at);
            update.close(lines.starts[i + 1], true);
        } else {
            let blank = raw.is_empty() || raw == b"\r";
            let kind = match raw.first() {
                Some(b' ') => LineKind::Context,
                Some(b'-') => LineKind::Removed,
                Some(b'+') => LineKind::Added,
                // An empty context line that lost its space.
                _ if blank => LineKind::Context,
                _ => return Err(lines.malformed(i, EXPECTED_HUNK_LINE)),
            };
            update.start.get_or_insert(at);
            update.body.push(HunkLine { kind, body: if blank { raw } else { &raw[1..] }, newline: true });
        }
        i += 1;
    }
    update.close(lines.starts[i], false);
    if !update.scopes.is_empty() {
        return Err(lines.malformed(i, EXPECTED_HUNK_BODY));
    }
    Ok((update.hunks, update.chunks, i))
}

/// The scope line of an `@@` marker: its text, unless it has none or is
/// a unified diff's line numbers (`-3,7 +3,8 @@`).
fn scope(rest: &[u8]) -> Option<&[u8]> {
    let text = rest.trim_ascii();
    let text = text.strip_suffix(b"@@").map_or(text, <[u8]>::trim_ascii);
    let numbers = text.starts_with(b"-") && text.iter().all(|b| b.is_ascii_digit() || b" ,+-".contains(b));
    (!text.is_empty() && !numbers).then_some(text)
}

/// The envelope's hunks: after the previous one, where their scope lines
/// point, at one place.
pub struct Scoped<'c> {
    pub chunks: &'c [Chunk],
}

impl Placer for Scoped<'_> {
    fn place(&self, finder: &Finder<'_, '_>, file: &FilePatch<'_>, options: &ApplyOptions) -> Vec<Attempt> {
        let modes = options.match_modes();
        let mut lo = 0;
        let mut attempts = Vec::with_capacity(file.hunks.len());
        for (hunk, chunk) in file.hunks.iter().zip(self.chunks) {
            let result = place(finder, hunk, chunk, lo, &modes);
            let from = lo;
            if let Ok(placed) = &result {
                lo = placed.pos + hunk.old_lines().count();
            }
            attempts.push(Attempt { result, guess: None, lo: from });
        }
        attempts
    }

    fn name(&self, number: usize, _hunk: &Hunk<'_>) -> String {
        match self.chunks.get(number - 1).and_then(|c| c.scopes.last()) {
            Some(scope) => format!("hunk {number} (@@ {})", String::from_utf8_lossy(&scope[..scope.len().min(60)])),
            None => format!("hunk {number}"),
        }
    }

    fn scope_missed(&self, number: usize, scope: usize) -> String {
        let line = self.chunks.get(number - 1).and_then(|c| c.scopes.get(scope)).map_or(&[][..], Vec::as_slice);
        format!("its scope line {} is not in the text after the previous hunk", report::quoted(line))
    }
}

fn place(
    finder: &Finder<'_, '_>,
    hunk: &Hunk<'_>,
    chunk: &Chunk,
    lo: usize,
    modes: &[MatchMode],
) -> Result<Placement, Miss> {
    let mut last: Option<(usize, MatchMode, &[u8])> = None;
    for (k, scope) in chunk.scopes.iter().enumerate() {
        let from = last.map_or(lo, |(pos, ..)| pos + 1);
        match finder.first_line((scope, true), from, modes)? {
            Some((pos, mode)) => last = Some((pos, mode, scope)),
            None => return Err(Miss::Scope(k)),
        }
    }
    let old = hunk.old_lines().count();
    if old == 0 {
        let at = match last {
            Some((pos, ..)) if !chunk.at_end => pos + 1,
            _ => finder.text().len(),
        };
        return Ok(Placement { pos: at, fuzz: 0, mode: MatchMode::Exact });
    }
    let request = |lo: usize, until: usize| Request {
        hunk,
        lo,
        until,
        guess: None,
        max_offset: usize::MAX,
        max_fuzz: 0,
        modes,
        trust_context: false,
        at_start: false,
        at_end: chunk.at_end,
    };
    let Some((first, mode, scope)) = last else { return finder.find(&request(lo, usize::MAX)) };
    // First in the block the scope line opens (up to the next line indented
    // no more than it), at each place the scope line is; then anywhere after
    // its first place.
    let mut at = Some(first);
    while let Some(pos) = at {
        let end = block_end(finder, pos)?;
        match finder.find(&request(pos, end)) {
            Err(Miss::Mismatch) => at = finder.next_line((scope, true), pos + 1, mode)?,
            other => return other,
        }
    }
    finder.find(&request(first, usize::MAX))
}

/// The line after the block that the line at `pos` opens: after the first
/// line below it, not blank, indented no more than it (which it includes:
/// a closing brace).
fn block_end(finder: &Finder<'_, '_>, pos: usize) -> Result<usize, Miss> {
    let text = finder.text();
    let indent = |line: &[u8]| line.iter().take_while(|b| matches!(b, b' ' | b'\t')).count();
    let own = indent(text.line(pos).0);
    for j in pos + 1..text.len() {
        finder.charge(1)?;
        let line = text.line(j).0;
        if !line.trim_ascii().is_empty() && indent(line) <= own {
            return Ok(j + 1);
        }
    }
    Ok(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(hunk: &Hunk<'_>) -> String {
        hunk.lines
            .iter()
            .map(|l| match l.kind {
                LineKind::Context => ' ',
                LineKind::Removed => '-',
                LineKind::Added => '+',
            })
            .collect()
    }

    #[test]
    fn reads_every_section_kind_inside_a_heredoc() {
        let patch = b"apply_patch <<'EOF'\n*** Begin Patch\n*** Add File: new.txt\n+one\n+\n*** Delete File: old.txt\n*** Update File: src/a.py\n*** Move to: src/b.py\n@@ class A:\n@@     def f(self):\n-        return 1\n+        return 2\n@@\n x\n\n+y\n*** End of File\n*** End Patch\nEOF\n";
        let sections = parse(patch).unwrap();
        assert_eq!(sections.len(), 3);
        match &sections[0].op {
            Op::Add(content) => assert_eq!(content, b"one\n\n"),
            _ => panic!("not an add"),
        }
        assert_eq!(
            (sections[0].info.change, sections[0].info.path.as_deref()),
            (FileChange::Created, Some(&b"new.txt"[..]))
        );
        assert!(matches!(sections[1].op, Op::Delete));
        assert_eq!(sections[1].info.change, FileChange::Deleted);
        let Op::Chunks(file, chunks) = &sections[2].op else { panic!("not an update") };
        assert_eq!((file.change, file.path.as_deref()), (FileChange::Renamed, Some(&b"src/b.py"[..])));
        assert_eq!(file.hunks.len(), 2);
        assert_eq!(chunks[0].scopes, vec![b"class A:".to_vec(), b"def f(self):".to_vec()]);
        assert_eq!(kinds(&file.hunks[0]), "-+");
        assert_eq!(kinds(&file.hunks[1]), "  +");
        assert!(chunks[1].at_end && chunks[1].scopes.is_empty());
        assert!(patch[file.hunks[1].span.clone()].starts_with(b"@@\n x\n"));
    }

    #[test]
    fn refuses_what_is_not_an_envelope_with_where_and_why() {
        let cases: &[(&[u8], &str, u64)] = &[
            (b"hello\n", EXPECTED_BEGIN, 1),
            (b"*** Begin Patch\nnonsense\n*** End Patch\n", EXPECTED_FILE_OP, 2),
            (b"*** Begin Patch\n*** Update File: a\n-x\n?y\n", EXPECTED_HUNK_LINE, 4),
            (b"*** Begin Patch\n*** Update File: a\n*** End Patch\n", EXPECTED_CHANGES, 3),
            (b"*** Begin Patch\n*** Add File: a\nplain\n", EXPECTED_ADDED_LINE, 3),
            (b"*** Begin Patch\n*** Add File:\n+x\n", EXPECTED_PATH, 2),
        ];
        for (patch, expected, line) in cases {
            let err = parse(patch).unwrap_err();
            assert_eq!((err.expected, err.line), (*expected, *line), "{}", String::from_utf8_lossy(patch));
        }
    }

    #[test]
    fn scopes_skip_line_numbers() {
        assert_eq!(scope(b" def f():"), Some(&b"def f():"[..]));
        assert_eq!(scope(b" -3,7 +3,8 @@"), None);
        assert_eq!(scope(b""), None);
        assert_eq!(scope(b" x @@"), Some(&b"x"[..]));
    }
}
