//! One file's diff as rows: a header with its names and counts, each hunk
//! with its line numbers (side by side or line by line), the changed words
//! of each changed line marked with `<del>` and `<ins>`, and the unchanged
//! lines between hunks folded away in a `<details>` that opens without a
//! script.

use core::ops::Range;

use super::escape::text;
use super::{HtmlFile, HtmlLayout, HtmlOptions};
use crate::error::Error;
use crate::options::DiffOptions;
use crate::{DiffHunk, DiffLine, LineDiff, LineKind, SpanKind, diff_lines};

/// Unchanged lines a fold may hold; a longer run is only counted, so that a
/// small change in a huge file gives a small page.
const FOLD_MAX_LINES: usize = 1000;

/// What the page's summary and file list say of a file.
pub(super) struct Summary {
    pub added: usize,
    pub removed: usize,
}

/// Writes the section of file number `id`.
pub(super) fn section(
    out: &mut Vec<u8>,
    id: usize,
    file: &HtmlFile<'_>,
    options: &DiffOptions<'_>,
    html: &HtmlOptions<'_>,
) -> Result<Summary, Error> {
    let diff = diff_lines(file.old, file.new, options)?;
    let hunks = diff.hunks(options.context_lines);
    let words = diff.word_diff(options.context_lines, html.granularity, options.deadline);
    let added = hunks.iter().flat_map(|h| &h.lines).filter(|l| l.kind == LineKind::Added).count();
    let removed = hunks.iter().flat_map(|h| &h.lines).filter(|l| l.kind == LineKind::Removed).count();

    out.extend_from_slice(format!("<section class=\"file\" id=\"file-{id}\">\n<h2>").as_bytes());
    names(out, file);
    out.extend_from_slice(
        format!(" <span class=\"counts\"><span class=\"a\">+{added}</span> <span class=\"r\">\u{2212}{removed}</span></span></h2>\n")
            .as_bytes(),
    );
    if hunks.is_empty() {
        out.extend_from_slice(b"<p class=\"same\">No differences.</p>\n</section>\n");
        return Ok(Summary { added, removed });
    }
    if words.coarsened {
        out.extend_from_slice(
            b"<p class=\"note\">Some changed words are marked coarsely: the deadline passed, or the changes were too dense to mark one by one.</p>\n",
        );
    }
    let (old_lines, _) = diff.total_lines();
    let width = count_digits(old_lines.max(diff.total_lines().1));
    let layout = match html.layout {
        HtmlLayout::SideBySide => "sbs",
        HtmlLayout::LineByLine => "lbl",
    };
    out.extend_from_slice(format!("<div class=\"diff {layout}\" style=\"--w:{}ch\">\n", width + 2).as_bytes());

    let mut writer = Rows { out, diff: &diff, layout: html.layout, old_at: (0, 0) };
    let mut spans = words.spans.iter().peekable();
    let mut prev_end = 0;
    for (h, hunk) in hunks.iter().enumerate() {
        let mut marks = (Vec::new(), Vec::new());
        while let Some(span) = spans.next_if(|s| s.hunk == h) {
            match span.kind {
                SpanKind::Removed => marks.0.push(span.bytes.clone()),
                SpanKind::Added => marks.1.push(span.bytes.clone()),
                SpanKind::Equal => {}
            }
        }
        writer.fold(prev_end..hunk.old.start, hunk.new.start as isize - hunk.old.start as isize);
        writer.hunk(hunk, &marks);
        prev_end = hunk.old.end;
    }
    if let Some(last) = hunks.last() {
        writer.fold(prev_end..old_lines, last.new.end as isize - last.old.end as isize);
    }
    out.extend_from_slice(b"</div>\n</section>\n");
    Ok(Summary { added, removed })
}

/// The file's names: one, or the old and the new when they differ.
pub(super) fn names(out: &mut Vec<u8>, file: &HtmlFile<'_>) {
    out.extend_from_slice(b"<span class=\"name\">");
    text(out, file.old_name);
    if file.new_name != file.old_name {
        out.extend_from_slice(" \u{2192} ".as_bytes());
        text(out, file.new_name);
    }
    out.extend_from_slice(b"</span>");
}

fn count_digits(n: usize) -> usize {
    n.max(1).ilog10() as usize + 1
}

struct Rows<'o, 'd> {
    out: &'o mut Vec<u8>,
    diff: &'d LineDiff<'d>,
    layout: HtmlLayout,
    /// A known line start in the old text: (0-based line, byte offset).
    old_at: (usize, usize),
}

impl Rows<'_, '_> {
    /// The unchanged old lines `lines` (the new ones are `shift` further
    /// on), folded.
    fn fold(&mut self, lines: Range<usize>, shift: isize) {
        let count = lines.len();
        if count == 0 {
            return;
        }
        let plural = if count == 1 { "" } else { "s" };
        if count > FOLD_MAX_LINES {
            self.out.extend_from_slice(
                format!("<div class=\"fold\">\u{22ef} {count} unchanged line{plural}</div>\n").as_bytes(),
            );
            return;
        }
        let old = self.diff.old.text;
        let mut at = self.seek(lines.start);
        self.out.extend_from_slice(
            format!("<details class=\"fold\"><summary>\u{22ef} {count} unchanged line{plural}</summary>\n").as_bytes(),
        );
        for i in lines.clone() {
            let end = memchr::memchr(b'\n', &old[at..]).map_or(old.len(), |k| at + k + 1);
            let line = DiffLine {
                kind: LineKind::Context,
                old_line: Some(i),
                new_line: Some((i as isize + shift) as usize),
                bytes: at..end,
            };
            self.context(&line);
            at = end;
        }
        self.old_at = (lines.end, at);
        self.out.extend_from_slice(b"</details>\n");
    }

    /// The byte offset of old line `line`, at or after the last one known.
    fn seek(&mut self, line: usize) -> usize {
        let (mut i, mut at) = self.old_at;
        let old = self.diff.old.text;
        while i < line {
            at = memchr::memchr(b'\n', &old[at..]).map_or(old.len(), |k| at + k + 1);
            i += 1;
        }
        self.old_at = (i, at);
        at
    }

    fn hunk(&mut self, hunk: &DiffHunk, marks: &(Vec<Range<usize>>, Vec<Range<usize>>)) {
        let range = |r: &Range<usize>| match r.len() {
            1 => format!("{}", r.start + 1),
            0 => format!("{},0", r.start),
            n => format!("{},{n}", r.start + 1),
        };
        self.out.extend_from_slice(
            format!("<div class=\"hunk\">@@ -{} +{} @@</div>\n", range(&hunk.old), range(&hunk.new)).as_bytes(),
        );
        let (mut old_marks, mut new_marks) = (Marks::new(&marks.0), Marks::new(&marks.1));
        let lines = &hunk.lines;
        let mut i = 0;
        while i < lines.len() {
            if lines[i].kind == LineKind::Context {
                self.context(&lines[i]);
                i += 1;
                continue;
            }
            let removed = lines[i..].iter().take_while(|l| l.kind == LineKind::Removed).count();
            let added = lines[i + removed..].iter().take_while(|l| l.kind == LineKind::Added).count();
            let (old, new) = (&lines[i..i + removed], &lines[i + removed..i + removed + added]);
            match self.layout {
                HtmlLayout::LineByLine => {
                    for line in old {
                        self.row_lbl(line, "del", &mut old_marks);
                    }
                    for line in new {
                        self.row_lbl(line, "ins", &mut new_marks);
                    }
                }
                HtmlLayout::SideBySide => {
                    for k in 0..removed.max(added) {
                        self.out.extend_from_slice(b"<div class=\"row\">");
                        self.cell(old.get(k), "del", &mut old_marks);
                        self.cell(new.get(k), "ins", &mut new_marks);
                        self.out.extend_from_slice(b"</div>\n");
                    }
                }
            }
            i += removed + added;
        }
        if let Some(line) = lines.iter().rev().find(|l| l.old_line.is_some()) {
            self.old_at = (line.old_line.unwrap_or(0) + 1, line.bytes.end);
        }
    }

    fn context(&mut self, line: &DiffLine) {
        let bytes = &self.diff.old.text[line.bytes.clone()];
        let (old, new) = (line.old_line.unwrap_or(0) + 1, line.new_line.unwrap_or(0) + 1);
        match self.layout {
            HtmlLayout::LineByLine => {
                self.out.extend_from_slice(
                    format!("<div class=\"row ctx\"><span class=\"ln\">{old}</span><span class=\"ln\">{new}</span><span class=\"code\">").as_bytes(),
                );
                code(self.out, bytes, 0, &mut Marks::new(&[]), "");
                self.out.extend_from_slice(b"</span></div>\n");
            }
            HtmlLayout::SideBySide => {
                self.out.extend_from_slice(
                    format!("<div class=\"row ctx\"><span class=\"ln\">{old}</span><span class=\"code\">").as_bytes(),
                );
                code(self.out, bytes, 0, &mut Marks::new(&[]), "");
                self.out.extend_from_slice(
                    format!("</span><span class=\"ln\">{new}</span><span class=\"code\">").as_bytes(),
                );
                code(self.out, bytes, 0, &mut Marks::new(&[]), "");
                self.out.extend_from_slice(b"</span></div>\n");
            }
        }
    }

    fn row_lbl(&mut self, line: &DiffLine, class: &str, marks: &mut Marks<'_>) {
        let (old, new) = match line.old_line {
            Some(n) => (format!("{}", n + 1), String::new()),
            None => (String::new(), format!("{}", line.new_line.unwrap_or(0) + 1)),
        };
        self.out.extend_from_slice(
            format!("<div class=\"row {class}\"><span class=\"ln\">{old}</span><span class=\"ln\">{new}</span><span class=\"code\">").as_bytes(),
        );
        code(self.out, self.diff.line_bytes(line), line.bytes.start, marks, class);
        self.out.extend_from_slice(b"</span></div>\n");
    }

    /// One side of a side-by-side row: a changed line, or an empty cell.
    fn cell(&mut self, line: Option<&DiffLine>, class: &str, marks: &mut Marks<'_>) {
        let Some(line) = line else {
            self.out.extend_from_slice(b"<span class=\"ln none\"></span><span class=\"code none\"></span>");
            return;
        };
        let number = line.old_line.or(line.new_line).unwrap_or(0) + 1;
        self.out.extend_from_slice(
            format!("<span class=\"ln {class}\">{number}</span><span class=\"code {class}\">").as_bytes(),
        );
        code(self.out, self.diff.line_bytes(line), line.bytes.start, marks, class);
        self.out.extend_from_slice(b"</span>");
    }
}

/// The marked byte ranges of one side of a hunk, in order, read line by line.
struct Marks<'m> {
    ranges: &'m [Range<usize>],
    next: usize,
}

impl<'m> Marks<'m> {
    fn new(ranges: &'m [Range<usize>]) -> Self {
        Marks { ranges, next: 0 }
    }

    /// The marked parts of `at` (byte offsets), clipped to it.
    fn within(&mut self, at: Range<usize>) -> Vec<Range<usize>> {
        while self.next < self.ranges.len() && self.ranges[self.next].end <= at.start {
            self.next += 1;
        }
        let mut out = Vec::new();
        let mut k = self.next;
        while k < self.ranges.len() && self.ranges[k].start < at.end {
            let r = &self.ranges[k];
            // A mark of only the line's LF marks nothing shown.
            if r.start.max(at.start) < r.end.min(at.end) {
                out.push(r.start.max(at.start)..r.end.min(at.end));
            }
            k += 1;
        }
        out
    }
}

/// A line's text (`bytes`, at offset `start` of its text) without its LF,
/// its marked parts in `<del>` or `<ins>` (`tag`), unless the whole line is
/// marked: a line changed whole needs no marks.
fn code(out: &mut Vec<u8>, bytes: &[u8], start: usize, marks: &mut Marks<'_>, tag: &str) {
    let (body, newline) = match bytes.split_last() {
        Some((b'\n', body)) => (body, true),
        _ => (bytes, false),
    };
    let marked = if tag.is_empty() { Vec::new() } else { marks.within(start..start + body.len()) };
    let whole = marked.len() == 1 && marked[0].len() == body.len();
    if marked.is_empty() || whole {
        text(out, body);
    } else {
        let mut at = 0;
        for r in marked {
            let (s, e) = (r.start - start, r.end - start);
            text(out, &body[at..s]);
            out.extend_from_slice(format!("<{tag}>").as_bytes());
            text(out, &body[s..e]);
            out.extend_from_slice(format!("</{tag}>").as_bytes());
            at = e;
        }
        text(out, &body[at..]);
    }
    if !newline {
        out.extend_from_slice(b"<span class=\"nonl\">\\ No newline at end of file</span>");
    }
}
