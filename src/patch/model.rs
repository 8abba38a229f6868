//! What a parsed patch is: files, hunks and hunk lines, borrowing the
//! patch's bytes.

use core::ops::Range;

use crate::LineKind;

/// One line of a hunk body, without its tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HunkLine<'a> {
    /// Its tag: ` ` context, `-` removed, `+` added.
    pub kind: LineKind,
    /// The line's bytes without the tag and without the LF (a CR before the
    /// LF is part of the body).
    pub body: &'a [u8],
    /// False when a `\ No newline at end of file` marker follows the line.
    pub newline: bool,
}

/// The line ranges an `@@ -start,count +start,count @@` header states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HunkHeader {
    /// The old side's first line (1-based; for an empty range, the line
    /// before it).
    pub old_start: u64,
    /// The old side's number of lines.
    pub old_count: u64,
    /// The new side's first line, as `old_start`.
    pub new_start: u64,
    /// The new side's number of lines.
    pub new_count: u64,
}

/// A hunk of a patch: its header and its body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hunk<'a> {
    /// None for a bare `@@` line, which states no position (only accepted
    /// when recounting).
    pub header: Option<HunkHeader>,
    /// The hunk's bytes in the patch, from its `@@` line to its last line.
    pub span: Range<usize>,
    /// Its body, in order.
    pub lines: Vec<HunkLine<'a>>,
    /// The header's line counts disagree with the body, which was read to
    /// its natural end instead (only when reading leniently).
    pub recounted: bool,
}

impl<'a> Hunk<'a> {
    /// The lines the text must have where the hunk applies.
    pub fn old_lines(&self) -> impl Iterator<Item = &HunkLine<'a>> {
        self.lines.iter().filter(|l| l.kind != LineKind::Added)
    }

    /// The lines that replace them.
    pub fn new_lines(&self) -> impl Iterator<Item = &HunkLine<'a>> {
        self.lines.iter().filter(|l| l.kind != LineKind::Removed)
    }

    /// Context lines before the first change, and after the last.
    pub fn context_around(&self) -> (usize, usize) {
        let leading = self.lines.iter().take_while(|l| l.kind == LineKind::Context).count();
        if leading == self.lines.len() {
            return (leading, leading);
        }
        let trailing = self.lines.iter().rev().take_while(|l| l.kind == LineKind::Context).count();
        (leading, trailing)
    }

    /// The number of old lines before the hunk, as its header states it (an
    /// empty range names the line before it); None for a bare `@@`.
    pub fn stated_position(&self) -> Option<u64> {
        self.header.map(|h| if h.old_count == 0 { h.old_start } else { h.old_start.saturating_sub(1) })
    }

    /// The same change undone: removed and added lines, and the header's
    /// sides, swap.
    pub fn reversed(&self) -> Hunk<'a> {
        let flip = |kind| match kind {
            LineKind::Context => LineKind::Context,
            LineKind::Removed => LineKind::Added,
            LineKind::Added => LineKind::Removed,
        };
        // Within a change, removed lines come before added ones, as diff
        // writes them; keep that order after swapping.
        let mut lines = Vec::with_capacity(self.lines.len());
        let mut i = 0;
        while i < self.lines.len() {
            if self.lines[i].kind == LineKind::Context {
                lines.push(self.lines[i]);
                i += 1;
                continue;
            }
            let end =
                self.lines[i..].iter().position(|l| l.kind == LineKind::Context).map_or(self.lines.len(), |n| i + n);
            let run = &self.lines[i..end];
            for kind in [LineKind::Added, LineKind::Removed] {
                lines.extend(run.iter().filter(|l| l.kind == kind).map(|l| HunkLine { kind: flip(l.kind), ..*l }));
            }
            i = end;
        }
        Hunk {
            header: self.header.map(|h| HunkHeader {
                old_start: h.new_start,
                old_count: h.new_count,
                new_start: h.old_start,
                new_count: h.old_count,
            }),
            span: self.span.clone(),
            lines,
            recounted: self.recounted,
        }
    }
}

/// What a file section does to its file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileChange {
    /// The file is changed in place.
    Modified,
    /// The old side is `/dev/null` or git says `new file mode`: the text
    /// must be empty.
    Created,
    /// The new side is `/dev/null` or git says `deleted file mode`: the
    /// result is empty.
    Deleted,
    /// git's `rename from` / `rename to`.
    Renamed,
    /// git's `copy from` / `copy to`.
    Copied,
}

/// The part of a patch about one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilePatch<'a> {
    /// The names on the `---` and `+++` lines (or git's `diff --git`,
    /// `rename` and `copy` lines), unquoted and without timestamps; None when
    /// the section has no such line (bare hunks).
    pub old_path: Option<Vec<u8>>,
    /// The new side's name, as `old_path`.
    pub new_path: Option<Vec<u8>>,
    /// The file's name for a caller: the new name unless the file is
    /// deleted, without git's `a/` or `b/` prefix.
    pub path: Option<Vec<u8>>,
    /// What the section does to the file.
    pub change: FileChange,
    /// Where a binary patch (`GIT binary patch`, `Binary files ... differ`)
    /// starts, which cannot be applied to text.
    pub binary_at: Option<usize>,
    /// The section's bytes in the patch: a patch of its own.
    pub span: Range<usize>,
    /// Its hunks, in order.
    pub hunks: Vec<Hunk<'a>>,
}

impl<'a> FilePatch<'a> {
    /// The same section undone.
    pub fn reversed(&self) -> FilePatch<'a> {
        let change = match self.change {
            FileChange::Created => FileChange::Deleted,
            FileChange::Deleted => FileChange::Created,
            other => other,
        };
        FilePatch {
            old_path: self.new_path.clone(),
            new_path: self.old_path.clone(),
            path: self.path.clone(),
            change,
            binary_at: self.binary_at,
            span: self.span.clone(),
            hunks: self.hunks.iter().map(Hunk::reversed).collect(),
        }
    }
}

/// A whole patch: one section per file, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Patch<'a> {
    /// The file sections.
    pub files: Vec<FilePatch<'a>>,
}
