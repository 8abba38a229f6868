//! Narrowing conflicts to the lines where the sides really differ, as git's
//! levels do it: style merge diffs our side of each conflict against theirs
//! and keeps only what differs (lines both hold go out as merged), then joins
//! conflicts left so close that one conflict reads better; style zdiff3 only
//! moves out the lines that begin or end both sides alike, because the base
//! it shows must still cover the whole conflict. Style diff3 shows conflicts
//! as found.

use core::ops::Range;

use super::align::{self, Edit};
use super::chunks::{Chunk, Take};
use super::lines::{Lines, Texts};
use crate::Algorithm;
use crate::error::Error;

/// Conflicts at most this many lines apart are joined.
const JOIN_WITHIN: usize = 3;

/// Replaces each conflict by the differences between its two sides, each a
/// conflict of its own, with the lines both sides hold between them as
/// [`Take::Common`]; a conflict whose sides hold the same lines becomes
/// [`Take::Same`]. The conflict's base lines are shared out among the pieces
/// following our lines (see [`align::base_line`]).
pub(crate) fn narrow(
    texts: &Texts<'_>,
    ours_edits: &[Edit],
    chunks: &mut Vec<Chunk>,
    algorithm: Algorithm,
) -> Result<(), Error> {
    let mut out = Vec::with_capacity(chunks.len());
    for chunk in chunks.drain(..) {
        if chunk.take != Take::Conflict || chunk.ours.is_empty() || chunk.theirs.is_empty() {
            out.push(chunk);
            continue;
        }
        let ours = texts.ours.span(chunk.ours.clone());
        let theirs = texts.theirs.span(chunk.theirs.clone());
        let differences = align::edits(ours, theirs, algorithm)?;
        if differences.is_empty() {
            out.push(Chunk { take: Take::Same, ..chunk });
            continue;
        }
        let within_base = |at: usize| align::base_line(ours_edits, at).clamp(chunk.base.start, chunk.base.end);
        let piece = |out: &mut Vec<Chunk>, take, ours: Range<usize>, theirs: Range<usize>, last: bool| {
            let start =
                out.last().filter(|_| ours.start > chunk.ours.start).map_or(chunk.base.start, |c: &Chunk| c.base.end);
            let end = if last { chunk.base.end } else { within_base(ours.end).max(start) };
            if !ours.is_empty() || !theirs.is_empty() || start < end || take == Take::Conflict {
                out.push(Chunk { take, base: start..end, ours, theirs });
            }
        };
        let (mut o, mut t) = (chunk.ours.start, chunk.theirs.start);
        let n = differences.len();
        for (i, d) in differences.into_iter().enumerate() {
            let ours = chunk.ours.start + d.base.start..chunk.ours.start + d.base.end;
            let theirs = chunk.theirs.start + d.side.start..chunk.theirs.start + d.side.end;
            piece(&mut out, Take::Common, o..ours.start, t..theirs.start, false);
            (o, t) = (ours.end, theirs.end);
            let last = i + 1 == n && o == chunk.ours.end && t == chunk.theirs.end;
            piece(&mut out, Take::Conflict, ours, theirs, last);
        }
        if o < chunk.ours.end {
            piece(&mut out, Take::Common, o..chunk.ours.end, t..chunk.theirs.end, true);
        }
    }
    *chunks = out;
    Ok(())
}

/// Joins two conflicts in a row (lines both sides hold may lie between)
/// when at most [`JOIN_WITHIN`] of our lines separate them, or when those
/// lines hold no letter or digit (blank lines, braces): the lines move into
/// the conflict, which takes about as much room as two conflicts would and
/// reads as one.
pub(crate) fn join_close_conflicts(texts: &Texts<'_>, chunks: &mut Vec<Chunk>) {
    let mut out: Vec<Chunk> = Vec::with_capacity(chunks.len());
    // Where in `out` the last conflict is, if only common lines follow it.
    let mut open: Option<usize> = None;
    for chunk in chunks.drain(..) {
        match chunk.take {
            Take::Common => {}
            Take::Conflict => {
                if let Some(i) = open {
                    let between = out[i].ours.end..chunk.ours.start;
                    if between.len() <= JOIN_WITHIN || !has_alphanumeric(&texts.ours, between) {
                        out.truncate(i + 1);
                        let last = &mut out[i];
                        last.base.end = last.base.end.max(chunk.base.end);
                        last.ours.end = chunk.ours.end;
                        last.theirs.end = chunk.theirs.end;
                        continue;
                    }
                }
                open = Some(out.len());
            }
            Take::Ours | Take::Theirs | Take::Same => open = None,
        }
        out.push(chunk);
    }
    *chunks = out;
}

/// Whether any of the lines in `range` holds an ASCII letter or digit.
fn has_alphanumeric(lines: &Lines<'_>, range: Range<usize>) -> bool {
    lines.span(range).iter().any(u8::is_ascii_alphanumeric)
}

/// Moves the lines that begin, then those that end, both sides of each
/// conflict alike out of it, as [`Take::Common`] chunks with no base lines:
/// the conflict keeps its base lines whole.
pub(crate) fn trim_common_ends(texts: &Texts<'_>, chunks: &mut Vec<Chunk>) {
    let (ours, theirs) = (&texts.ours, &texts.theirs);
    let mut out = Vec::with_capacity(chunks.len());
    for mut c in chunks.drain(..) {
        if c.take != Take::Conflict {
            out.push(c);
            continue;
        }
        let (o, t) = (c.ours.start, c.theirs.start);
        while !c.ours.is_empty() && !c.theirs.is_empty() && ours.line(c.ours.start) == theirs.line(c.theirs.start) {
            c.ours.start += 1;
            c.theirs.start += 1;
        }
        let (o_end, t_end) = (c.ours.end, c.theirs.end);
        while !c.ours.is_empty() && !c.theirs.is_empty() && ours.line(c.ours.end - 1) == theirs.line(c.theirs.end - 1) {
            c.ours.end -= 1;
            c.theirs.end -= 1;
        }
        let (head, tail) = (c.base.start..c.base.start, c.base.end..c.base.end);
        if c.ours.start > o {
            out.push(Chunk { take: Take::Common, base: head, ours: o..c.ours.start, theirs: t..c.theirs.start });
        }
        let common_tail = (c.ours.end < o_end).then_some(Chunk {
            take: Take::Common,
            base: tail,
            ours: c.ours.end..o_end,
            theirs: c.theirs.end..t_end,
        });
        out.push(c);
        out.extend(common_tail);
    }
    *chunks = out;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merge::chunks::combine;

    fn refined(
        base: &[u8],
        ours: &[u8],
        theirs: &[u8],
        zdiff3: bool,
    ) -> Vec<(Take, core::ops::Range<usize>, core::ops::Range<usize>)> {
        let texts = Texts::new(base, ours, theirs);
        let a = align::edits(base, ours, Algorithm::Myers).unwrap();
        let b = align::edits(base, theirs, Algorithm::Myers).unwrap();
        let mut chunks = combine(&texts, &a, &b);
        if zdiff3 {
            trim_common_ends(&texts, &mut chunks);
        } else {
            narrow(&texts, &a, &mut chunks, Algorithm::Myers).unwrap();
            join_close_conflicts(&texts, &mut chunks);
        }
        chunks.into_iter().filter(|c| c.take != Take::Common).map(|c| (c.take, c.ours, c.theirs)).collect()
    }

    #[test]
    fn narrowing_keeps_only_the_lines_that_differ() {
        // Both rewrote b-f; they agree on all but d.
        let base = b"a\nb\nc\nd\ne\nf\ng\n";
        let ours = b"a\nB\nC\nD1\nE\nF\ng\n";
        let theirs = b"a\nB\nC\nD2\nE\nF\ng\n";
        assert_eq!(refined(base, ours, theirs, false), [(Take::Conflict, 3..4, 3..4)]);
        assert_eq!(refined(base, ours, theirs, true), [(Take::Conflict, 3..4, 3..4)]);
    }

    #[test]
    fn conflicts_close_together_are_joined() {
        // Two differences two lines apart: one conflict.
        let base = b"a\nb\nc\nd\ne\nf\n";
        let ours = b"a\nB1\nC\nD\nE1\nf\n";
        let theirs = b"a\nB2\nC\nD\nE2\nf\n";
        assert_eq!(refined(base, ours, theirs, false), [(Take::Conflict, 1..5, 1..5)]);
        // Four lines apart, with letters between: two conflicts.
        let base = b"a\nb\nc\nd\ne\nf\ng\nh\n";
        let ours = b"a\nB1\nC\nD\nE\nF\nG1\nh\n";
        let theirs = b"a\nB2\nC\nD\nE\nF\nG2\nh\n";
        assert_eq!(refined(base, ours, theirs, false), [(Take::Conflict, 1..2, 1..2), (Take::Conflict, 6..7, 6..7)]);
        // Four lines apart, with only braces and blank lines between: joined.
        let base = b"a\nb\n}\n\n}\n\ng\nh\n";
        let ours = b"a\nB1\n}\n\n}\n\nG1\nh\n";
        let theirs = b"a\nB2\n}\n\n}\n\nG2\nh\n";
        assert_eq!(refined(base, ours, theirs, false), [(Take::Conflict, 1..7, 1..7)]);
    }

    #[test]
    fn sides_alike_after_all_are_no_conflict() {
        // Ours changed b and c, theirs changed c and then b the same way:
        // found as overlapping edits with different base ranges, but the
        // sides end up equal.
        let texts = Texts::new(b"a\nb\nc\nd\n", b"a\nX\nd\n", b"a\nX\nd\n");
        let ours_edits = [Edit { base: 1..3, side: 1..2 }];
        let theirs_edits = [Edit { base: 1..2, side: 1..1 }, Edit { base: 2..3, side: 1..2 }];
        let mut chunks = combine(&texts, &ours_edits, &theirs_edits);
        assert_eq!(chunks.iter().map(|c| c.take).collect::<Vec<_>>(), [Take::Conflict]);
        narrow(&texts, &ours_edits, &mut chunks, Algorithm::Myers).unwrap();
        assert_eq!(chunks.iter().map(|c| c.take).collect::<Vec<_>>(), [Take::Same]);
    }
}
