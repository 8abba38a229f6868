//! The merged text and its regions, from the chunks: the lines between
//! chunks come from ours (ours and theirs hold the same lines there), each
//! chunk from the side it takes, and conflicts between marker lines, which
//! follow the line endings around them.

use core::ops::Range;

use super::align::Edit;
use super::chunks::{Chunk, Take};
use super::lines::{Lines, Texts};
use super::{DEFAULT_MARKER_SIZE, Favor, MergeOptions, Merged, Region, RegionKind, Style};

struct Writer<'t, 'a> {
    texts: &'t Texts<'a>,
    ours_edits: &'t [Edit],
    text: Vec<u8>,
    regions: Vec<Region>,
    /// Lines written so far.
    lines: usize,
    /// Where the next region starts in the base and in theirs (ours is
    /// walked by the caller).
    base_at: usize,
    theirs_at: usize,
}

impl Writer<'_, '_> {
    fn region(&mut self, kind: RegionKind, base_end: usize, ours: Range<usize>, theirs_end: usize, lines: usize) {
        // Regions follow one another in every text, whatever the estimate of
        // a narrowed conflict's base lines said.
        let base = self.base_at..base_end.max(self.base_at);
        let theirs = self.theirs_at..theirs_end.max(self.theirs_at);
        (self.base_at, self.theirs_at) = (base.end, theirs.end);
        let result = self.lines..self.lines + lines;
        self.lines = result.end;
        match self.regions.last_mut() {
            Some(last) if last.kind == kind && matches!(kind, RegionKind::Unchanged | RegionKind::Both) => {
                (last.base.end, last.ours.end, last.theirs.end, last.result.end) =
                    (base.end, ours.end, theirs.end, result.end);
            }
            _ => self.regions.push(Region { kind, base, ours, theirs, result }),
        }
    }

    /// A region of lines ours and theirs hold alike, unless it would cover
    /// nothing at all.
    fn common_region(&mut self, kind: RegionKind, base_end: usize, ours: Range<usize>, theirs_end: usize) {
        if !ours.is_empty() || base_end > self.base_at {
            let lines = ours.len();
            self.region(kind, base_end, ours, theirs_end, lines);
        }
    }

    /// Copies our lines `range`, which theirs holds too, up to `base_end` in
    /// the base: unchanged where our edits left the base alone, changed by
    /// both sides alike where they did not.
    fn common(&mut self, range: Range<usize>, base_end: usize) {
        self.text.extend_from_slice(self.texts.ours.span(range.clone()));
        let offset = self.theirs_at as isize - range.start as isize;
        let theirs_end = |at: usize| (at as isize + offset) as usize;
        let clamp = |at: usize| at.clamp(range.start, range.end);
        let mut at = range.start;
        let first = self.ours_edits.partition_point(|e| e.side.end < range.start);
        for e in &self.ours_edits[first..] {
            if e.side.start > range.end {
                break;
            }
            let (start, end) = (clamp(e.side.start), clamp(e.side.end));
            if start > at {
                self.common_region(RegionKind::Unchanged, e.base.start.min(base_end), at..start, theirs_end(start));
            }
            let changed_base_end =
                if end == e.side.end { e.base.end } else { e.base.start + (end - e.side.start).min(e.base.len()) };
            self.common_region(RegionKind::Both, changed_base_end.min(base_end), start..end, theirs_end(end));
            at = at.max(end);
        }
        self.common_region(RegionKind::Unchanged, base_end, at..range.end, theirs_end(range.end));
    }
}

/// Copies `lines` of `from`; with `close_last`, a last line without a
/// newline gets one (CRLF with `crlf`), so that a marker can follow.
fn copy(out: &mut Vec<u8>, from: &Lines<'_>, lines: Range<usize>, close_last: bool, crlf: bool) {
    if lines.is_empty() {
        return;
    }
    out.extend_from_slice(from.span(lines.clone()));
    if close_last && from.line(lines.end - 1).last() != Some(&b'\n') {
        out.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
    }
}

/// Whether line `i` of `lines` ends in CRLF: `None` when that cannot be
/// told (an empty text, or a lone last line without a newline). For a last
/// line without a newline, the line before it tells.
fn ends_in_crlf(lines: &Lines<'_>, i: usize) -> Option<bool> {
    let crlf = |line: &[u8]| line.ends_with(b"\r\n");
    if lines.len() == 0 {
        return None;
    }
    let i = i.min(lines.len() - 1);
    let line = lines.line(i);
    if line.last() == Some(&b'\n') {
        Some(crlf(line))
    } else if i == 0 {
        None
    } else {
        Some(crlf(lines.line(i - 1)))
    }
}

/// Whether the markers of `chunk` end in CRLF, decided as git does: by the
/// line before the chunk in ours (its first line at the start of the text),
/// then the same in theirs, unless one of them ends in LF alone; then by the
/// base's first line. Anything undecided is LF.
fn markers_crlf(texts: &Texts<'_>, chunk: &Chunk) -> bool {
    let before = |start: usize| start.saturating_sub(1);
    ends_in_crlf(&texts.ours, before(chunk.ours.start)) != Some(false)
        && ends_in_crlf(&texts.theirs, before(chunk.theirs.start)) != Some(false)
        && ends_in_crlf(&texts.base, 0) == Some(true)
}

fn marker(out: &mut Vec<u8>, sign: u8, size: usize, label: &[u8], crlf: bool) {
    out.resize(out.len() + size, sign);
    if !label.is_empty() {
        out.push(b' ');
        out.extend_from_slice(label);
    }
    out.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
}

/// The merged text and its regions.
pub(crate) fn write(texts: &Texts<'_>, ours_edits: &[Edit], chunks: &[Chunk], options: &MergeOptions<'_>) -> Merged {
    let size = if options.marker_size == 0 { DEFAULT_MARKER_SIZE } else { options.marker_size };
    let labels = options.labels;
    let mut w = Writer {
        texts,
        ours_edits,
        text: Vec::with_capacity(texts.ours.text.len().max(texts.theirs.text.len())),
        regions: Vec::new(),
        lines: 0,
        base_at: 0,
        theirs_at: 0,
    };
    let mut conflicts = 0;
    let mut at = 0; // the next line of ours
    for chunk in chunks {
        w.common(at..chunk.ours.start, chunk.base.start);
        let (ours, theirs) = (chunk.ours.clone(), chunk.theirs.clone());
        at = ours.end;
        if matches!(chunk.take, Take::Same | Take::Common) {
            // Lines both sides hold, where the base had others.
            w.text.extend_from_slice(texts.ours.span(ours.clone()));
            w.common_region(RegionKind::Both, chunk.base.end, ours, theirs.end);
            continue;
        }
        let lines = match (chunk.take, options.favor) {
            (Take::Ours, _) | (Take::Conflict, Some(Favor::Ours)) => {
                copy(&mut w.text, &texts.ours, ours.clone(), false, false);
                ours.len()
            }
            (Take::Theirs, _) | (Take::Conflict, Some(Favor::Theirs)) => {
                copy(&mut w.text, &texts.theirs, theirs.clone(), false, false);
                theirs.len()
            }
            (Take::Conflict, Some(Favor::Union)) => {
                copy(&mut w.text, &texts.ours, ours.clone(), true, markers_crlf(texts, chunk));
                copy(&mut w.text, &texts.theirs, theirs.clone(), false, false);
                ours.len() + theirs.len()
            }
            (Take::Conflict, None) => {
                conflicts += 1;
                let crlf = markers_crlf(texts, chunk);
                marker(&mut w.text, b'<', size, labels.ours, crlf);
                copy(&mut w.text, &texts.ours, ours.clone(), true, crlf);
                let mut lines = ours.len() + 3 + theirs.len();
                if options.style != Style::Merge {
                    marker(&mut w.text, b'|', size, labels.base, crlf);
                    copy(&mut w.text, &texts.base, chunk.base.clone(), true, crlf);
                    lines += 1 + chunk.base.len();
                }
                marker(&mut w.text, b'=', size, b"", crlf);
                copy(&mut w.text, &texts.theirs, theirs.clone(), true, crlf);
                marker(&mut w.text, b'>', size, labels.theirs, crlf);
                lines
            }
            (Take::Same | Take::Common, _) => unreachable!("written above"),
        };
        let kind = match (chunk.take, options.favor) {
            (Take::Ours, _) => RegionKind::Ours,
            (Take::Theirs, _) => RegionKind::Theirs,
            (_, Some(_)) => RegionKind::Resolved,
            _ => RegionKind::Conflict,
        };
        w.region(kind, chunk.base.end, ours, theirs.end, lines);
    }
    w.common(at..texts.ours.len(), texts.base.len());
    Merged { text: w.text, conflicts, regions: w.regions }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_ending_of_a_line_is_told_by_its_newline() {
        let l = Lines::new(b"a\r\nb\nc");
        assert_eq!(
            [ends_in_crlf(&l, 0), ends_in_crlf(&l, 1), ends_in_crlf(&l, 2)],
            [Some(true), Some(false), Some(false)]
        );
        assert_eq!(ends_in_crlf(&Lines::new(b"a\r\nc"), 1), Some(true));
        assert_eq!(ends_in_crlf(&Lines::new(b"lone"), 0), None);
        assert_eq!(ends_in_crlf(&Lines::new(b""), 0), None);
    }
}
