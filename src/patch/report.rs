//! What applying a patch did, hunk by hunk, in numbers and in words.

use core::fmt::Write;
use core::ops::Range;

use super::matching::MatchMode;
use super::model::{FileChange, FilePatch, Hunk, HunkHeader};

/// What happened to a hunk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HunkOutcome {
    /// Read but not tried (a report of what a patch holds).
    NotTried,
    /// Applied at `line`.
    Applied,
    /// Does not apply; `reason` and `candidate` say why.
    Failed,
    /// Does not apply, but its result is already in the text at `line`: it
    /// applies in reverse.
    AlreadyApplied,
}

/// Why a hunk failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailReason {
    /// Its context and removed lines are not in the text where it may apply.
    Mismatch,
    /// A hunk without a stated line whose lines are at more than one
    /// place (at the first rung of the ladder where they are anywhere).
    Ambiguous,
    /// The search budget of the text was spent before the hunk was found
    /// (see [`crate::patch`]'s notes on bounds).
    Limit,
}

/// The place in the text most like a failed hunk's old lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// 1-based line of the text where the hunk's old lines would start.
    pub line: usize,
    /// How many of the hunk's old lines are the same there.
    pub matching: usize,
    /// The first that is not: its 1-based line in the text, the hunk's line
    /// and the text's line (None past the end of the text).
    pub difference: Option<(usize, Vec<u8>, Option<Vec<u8>>)>,
}

/// What applying did with one hunk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HunkReport {
    /// Applied, failed or already applied.
    pub outcome: HunkOutcome,
    /// Set when `outcome` is `Failed`.
    pub reason: Option<FailReason>,
    /// How lines were compared where the hunk was found: the rung of the
    /// ladder it used.
    pub mode: MatchMode,
    /// For a failed hunk, the loosest rung tried.
    pub loosest: MatchMode,
    /// Its line counts were not those of its header (or it had none): the
    /// body was read to its natural end.
    pub recounted: bool,
    /// For an ambiguous hunk, the 1-based lines where it matches (the
    /// first few).
    pub places: Vec<usize>,
    /// Whether it matches at more places than `places` lists.
    pub more_places: bool,
    /// The hunk's bytes in the patch, from its `@@` line.
    pub span: Range<usize>,
    /// The header as applied (sides swapped when reversing); None for `@@`.
    pub header: Option<HunkHeader>,
    /// 1-based line of the text where the header says the hunk's old lines
    /// start (for a hunk without old lines: the line they go before).
    pub stated_line: Option<u64>,
    /// 1-based line of the text where its old lines are (Applied) or its new
    /// lines are (AlreadyApplied); 0 when it failed.
    pub line: usize,
    /// 1-based line of the result where its new lines start; 0 unless
    /// applied.
    pub new_line: usize,
    /// `line` minus `stated_line`; 0 without a stated line or a place;
    /// saturated at the limits of `i64`.
    pub offset: i64,
    /// Context lines ignored at each edge.
    pub fuzz: usize,
    /// For a failed hunk, the place in the text most like its old lines.
    pub candidate: Option<Candidate>,
    /// Lines of the body on each side, as applied.
    pub old_lines: usize,
    /// The body's lines on the new side, as applied.
    pub new_lines: usize,
    /// One line in English: what happened and, for a failure, why and the
    /// closest candidate. Bytes from the text or patch are escaped.
    pub message: String,
}

/// A file section, without its hunks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileInfo {
    /// As [`FilePatch::old_path`].
    pub old_path: Option<Vec<u8>>,
    /// As [`FilePatch::new_path`].
    pub new_path: Option<Vec<u8>>,
    /// As [`FilePatch::path`].
    pub path: Option<Vec<u8>>,
    /// As [`FilePatch::change`].
    pub change: FileChange,
    /// As [`FilePatch::span`].
    pub span: Range<usize>,
    /// The number of hunks in the section.
    pub hunks: usize,
}

impl From<&FilePatch<'_>> for FileInfo {
    fn from(file: &FilePatch<'_>) -> FileInfo {
        FileInfo {
            old_path: file.old_path.clone(),
            new_path: file.new_path.clone(),
            path: file.path.clone(),
            change: file.change,
            span: file.span.clone(),
            hunks: file.hunks.len(),
        }
    }
}

/// What applying a patch did, hunk by hunk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The file section applied; None for an empty patch.
    pub file: Option<FileInfo>,
    /// One report per hunk, in patch order.
    pub hunks: Vec<HunkReport>,
    /// A summary, then the message of every hunk that failed or did not
    /// apply exactly at its stated line, one per line.
    pub message: String,
}

/// Bytes for a message: valid UTF-8 as it is, control characters and
/// invalid bytes escaped, cut at 200 characters.
pub fn quoted(bytes: &[u8]) -> String {
    let mut out = String::from("\"");
    let mut chars = 0;
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '"' | '\\' => write!(out, "\\{c}").unwrap(),
                c if c.is_control() => out.extend(c.escape_default()),
                c => out.push(c),
            }
            chars += 1;
        }
        for b in chunk.invalid() {
            write!(out, "\\x{b:02x}").unwrap();
            chars += 1;
        }
        if chars > 200 {
            out.push_str("...");
            break;
        }
    }
    out.push('"');
    out
}

/// How many hunks a summary message names, one line each; the report
/// itself has every hunk.
pub const LISTED_HUNKS: usize = 50;

/// Appends to a summary `message` a line per hunk that failed or did not
/// apply just as stated, at most [`LISTED_HUNKS`] of them, then how many
/// were left out: a failing patch of many hunks gets a message of bounded
/// size.
pub(crate) fn list_hunks(message: &mut String, hunks: &[HunkReport]) {
    let notable = hunks.iter().filter(|h| !h.is_plain());
    let mut left_out = 0;
    for (k, hunk) in notable.enumerate() {
        if k < LISTED_HUNKS {
            message.push('\n');
            message.push_str(&hunk.message);
        } else {
            left_out += 1;
        }
    }
    if left_out > 0 {
        write!(message, "\n({left_out} more hunks are left out of this message; the report has every hunk)").unwrap();
    }
}

/// A list of 1-based line numbers for a message: `lines 3, 7 and 12`, and
/// `and more` when there are more than those listed.
pub fn places(lines: &[usize], more: bool) -> String {
    let shown: Vec<String> = lines.iter().map(usize::to_string).collect();
    match (shown.as_slice(), more) {
        ([], _) => "no line".to_string(),
        ([one], false) => format!("line {one}"),
        (all, true) => format!("lines {} and more", all.join(", ")),
        ([init @ .., last], false) => format!("lines {} and {last}", init.join(", ")),
    }
}

/// The name of a rung of the ladder, for messages.
pub fn rung(mode: MatchMode) -> &'static str {
    match mode {
        MatchMode::Exact => "exactly",
        MatchMode::LineEndings => "ignoring line ends",
        MatchMode::Whitespace => "ignoring whitespace differences",
        MatchMode::TrailingWhitespace => "ignoring trailing whitespace",
        MatchMode::Trimmed => "ignoring leading and trailing whitespace",
        MatchMode::Punctuation => "ignoring whitespace at the ends and typographic punctuation",
    }
}

/// How a hunk is named in messages: its number and header.
pub fn hunk_name(number: usize, header: Option<HunkHeader>) -> String {
    match header {
        Some(h) => format!("hunk {number} (@@ -{},{} +{},{} @@)", h.old_start, h.old_count, h.new_start, h.new_count),
        None => format!("hunk {number} (@@)"),
    }
}

impl HunkReport {
    /// A report of `hunk` with its numbers from the patch, nothing found yet.
    pub(crate) fn new(hunk: &Hunk<'_>, outcome: HunkOutcome) -> HunkReport {
        HunkReport {
            outcome,
            reason: None,
            mode: MatchMode::Exact,
            loosest: MatchMode::Exact,
            recounted: hunk.recounted,
            places: Vec::new(),
            more_places: false,
            span: hunk.span.clone(),
            header: hunk.header,
            stated_line: hunk.stated_position().map(|s| s.saturating_add(1)),
            line: 0,
            new_line: 0,
            offset: 0,
            fuzz: 0,
            candidate: None,
            old_lines: hunk.old_lines().count(),
            new_lines: hunk.new_lines().count(),
            message: String::new(),
        }
    }

    /// The report of hunk `number` as read, not tried.
    pub(crate) fn not_tried(number: usize, hunk: &Hunk<'_>) -> HunkReport {
        let mut r = HunkReport::new(hunk, HunkOutcome::NotTried);
        r.message = hunk_name(number, hunk.header);
        r
    }

    /// The message of a hunk that was placed (applied or already applied).
    pub(crate) fn placed_message(&self, name: String) -> String {
        let mut m = name;
        match self.outcome {
            HunkOutcome::AlreadyApplied => {
                write!(m, " is already applied: its new lines are at line {}", self.line).unwrap();
                return m;
            }
            _ => write!(m, " applied at line {}", self.line).unwrap(),
        }
        // Exact, from the lines: `offset` saturates.
        let offset = self.stated_line.map_or(0, |s| self.line as i128 - i128::from(s));
        if offset != 0 {
            write!(m, " (offset {offset:+} lines)").unwrap();
        }
        if self.fuzz != 0 {
            write!(m, " with fuzz {}", self.fuzz).unwrap();
        }
        match self.mode {
            MatchMode::Exact => {}
            MatchMode::LineEndings => m.push_str(", ignoring line ends (added lines take the text's)"),
            mode => write!(m, ", {} (added lines as written, with the text's line ends)", rung(mode)).unwrap(),
        }
        if self.recounted {
            write!(m, "; its body was recounted: {} old and {} new lines", self.old_lines, self.new_lines).unwrap();
        }
        m
    }

    /// Whether the hunk applied just as its header says.
    pub(crate) fn is_plain(&self) -> bool {
        self.outcome == HunkOutcome::Applied
            && self.offset == 0
            && self.fuzz == 0
            && self.mode == MatchMode::Exact
            && !self.recounted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_keeps_text_readable_and_bytes_visible() {
        assert_eq!(quoted(b"caf\xc3\xa9 \"x\"\r\t\0\xff"), "\"café \\\"x\\\"\\r\\t\\u{0}\\xff\"");
        assert!(quoted(&[b'a'; 500]).ends_with("...\""));
    }
}
