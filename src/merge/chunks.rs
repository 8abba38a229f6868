//! The chunks of a merge: the two sides' edits of the base walked together,
//! in base order. An edit that no edit of the other side overlaps or touches
//! is taken from its side; an edit both sides made alike is left to the
//! unchanged text (it is the same on both sides); anything else is a
//! conflict, stretched so that its three parts cover the same base lines.
//! Touching counts as overlapping, as in git: an insertion right next to the
//! other side's change is a conflict, because their order cannot be known.

use core::ops::Range;

use super::align::Edit;
use super::lines::Texts;

/// What the merge does with a chunk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Take {
    Conflict,
    Ours,
    Theirs,
    /// A conflict whose sides turned out to hold the same lines (found when
    /// it is narrowed): they go out once.
    Same,
    /// Lines both sides hold, moved out of a conflict when it was narrowed
    /// or trimmed: they go out once. Unlike [`Take::Same`], they do not
    /// keep the conflicts around them apart.
    Common,
}

/// A stretch of each text. Between two chunks, ours and theirs hold the
/// same lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Chunk {
    pub take: Take,
    pub base: Range<usize>,
    pub ours: Range<usize>,
    pub theirs: Range<usize>,
}

/// Line positions with room for the signed offsets between the texts.
type Pos = isize;

fn range(start: Pos, end: Pos) -> Range<usize> {
    let start = start.max(0) as usize;
    start..(end.max(0) as usize).max(start)
}

struct Builder {
    chunks: Vec<Chunk>,
}

impl Builder {
    /// Adds a chunk, or extends the last one when the new one starts before
    /// the last one ends on either side (or right where it ends): the two
    /// become one, a conflict unless both are taken from the same side.
    fn push(&mut self, take: Take, base: (Pos, Pos), ours: (Pos, Pos), theirs: (Pos, Pos)) {
        if let Some(last) = self.chunks.last_mut()
            && (ours.0 <= last.ours.end as Pos || theirs.0 <= last.theirs.end as Pos)
        {
            if take != last.take {
                last.take = Take::Conflict;
            }
            // The new ends replace the old, as in git, even when smaller: a
            // stretch assumed the side unchanged over base lines where its
            // next edit lies, and that edit's chunk corrects it here.
            last.base = range(last.base.start as Pos, base.1);
            last.ours = range(last.ours.start as Pos, ours.1);
            last.theirs = range(last.theirs.start as Pos, theirs.1);
            return;
        }
        self.chunks.push(Chunk {
            take,
            base: range(base.0, base.1),
            ours: range(ours.0, ours.1),
            theirs: range(theirs.0, theirs.1),
        });
    }

    /// A chunk of one side's edit `e`, facing unchanged lines of the other
    /// side, which sit `offset` lines from the base lines they equal.
    fn one_side(&mut self, take: Take, e: &Edit, offset: Pos) {
        let base = (e.base.start as Pos, e.base.end as Pos);
        let side = (e.side.start as Pos, e.side.end as Pos);
        let other = (base.0 + offset, base.1 + offset);
        match take {
            Take::Ours => self.push(take, base, side, other),
            _ => self.push(take, base, other, side),
        }
    }
}

fn offset(e: &Edit) -> Pos {
    e.side.start as Pos - e.base.start as Pos
}

/// The chunks of merging `ours` and `theirs`, the edits of each side.
pub(crate) fn combine(texts: &Texts<'_>, ours: &[Edit], theirs: &[Edit]) -> Vec<Chunk> {
    let mut out = Builder { chunks: Vec::new() };
    let (mut o, mut t) = (0, 0);
    while let (Some(x), Some(y)) = (ours.get(o), theirs.get(t)) {
        if x.base.end < y.base.start {
            // Before their next edit, theirs sits where it does at its start.
            out.one_side(Take::Ours, x, offset(y));
            o += 1;
            continue;
        }
        if y.base.end < x.base.start {
            out.one_side(Take::Theirs, y, offset(x));
            t += 1;
            continue;
        }
        let alike = x.base == y.base && texts.ours.same(x.side.clone(), &texts.theirs, y.side.clone());
        if !alike {
            // Stretch both edits over the union of their base lines; the
            // lines each edit does not cover are unchanged on its side.
            let (start, end) = (x.base.start.min(y.base.start) as Pos, x.base.end.max(y.base.end) as Pos);
            let stretch = |e: &Edit| {
                (e.side.start as Pos - (e.base.start as Pos - start), e.side.end as Pos + (end - e.base.end as Pos))
            };
            out.push(Take::Conflict, (start, end), stretch(x), stretch(y));
        }
        // Move past whichever edit ends first in the base (both if together);
        // the other may overlap the next edit of this side too.
        let (x_end, y_end) = (x.base.end, y.base.end);
        if x_end >= y_end {
            t += 1;
        }
        if y_end >= x_end {
            o += 1;
        }
    }
    // After the other side's last edit, its offset is that of its end.
    let end_offset = |side: usize| side as Pos - texts.base.len() as Pos;
    for x in &ours[o..] {
        out.one_side(Take::Ours, x, end_offset(texts.theirs.len()));
    }
    for y in &theirs[t..] {
        out.one_side(Take::Theirs, y, end_offset(texts.ours.len()));
    }
    out.chunks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Algorithm;
    use crate::merge::align::edits;

    /// What a chunk takes, and its base, ours and theirs lines.
    type Seen = (Take, Range<usize>, Range<usize>, Range<usize>);

    fn chunks(base: &[u8], ours: &[u8], theirs: &[u8]) -> Vec<Seen> {
        let texts = Texts::new(base, ours, theirs);
        let (a, b) = (edits(base, ours, Algorithm::Myers).unwrap(), edits(base, theirs, Algorithm::Myers).unwrap());
        combine(&texts, &a, &b).into_iter().map(|c| (c.take, c.base, c.ours, c.theirs)).collect()
    }

    #[test]
    fn separate_edits_are_taken_from_their_side() {
        let c = chunks(b"a\nb\nc\nd\ne\n", b"A\nb\nc\nd\ne\n", b"a\nb\nc\nd\nE\nF\n");
        assert_eq!(c, [(Take::Ours, 0..1, 0..1, 0..1), (Take::Theirs, 4..5, 4..5, 4..6)]);
    }

    #[test]
    fn identical_edits_make_no_chunk() {
        assert_eq!(chunks(b"a\nb\nc\n", b"a\nB\nc\n", b"a\nB\nc\n"), []);
    }

    #[test]
    fn a_deletion_against_an_edit_is_a_conflict() {
        let c = chunks(b"a\nb\nc\n", b"a\nc\n", b"a\nB\nc\n");
        assert_eq!(c, [(Take::Conflict, 1..2, 1..1, 1..2)]);
    }

    #[test]
    fn a_later_edit_corrects_an_over_stretched_conflict() {
        // Ours deletes the first and last lines, theirs everything: the
        // first conflict assumes ours kept "E", the second knows better.
        let c = chunks(b"$\n\nE\n", b"\n", b"");
        assert_eq!(c, [(Take::Conflict, 0..3, 0..1, 0..0)]);
    }

    #[test]
    fn touching_edits_conflict_over_the_union_of_their_base_lines() {
        // Ours changes b, theirs changes c: adjacent, so one conflict of b-c.
        let c = chunks(b"a\nb\nc\nd\n", b"a\nB\nc\nd\n", b"a\nb\nC\nd\n");
        assert_eq!(c, [(Take::Conflict, 1..3, 1..3, 1..3)]);
        // One edit of ours overlapping two of theirs: a single conflict.
        let c = chunks(b"1\n2\n3\n4\n5\n", b"1\nX\nX\nX\n5\n", b"1\nA\n3\nB\n5\n");
        assert_eq!(c, [(Take::Conflict, 1..4, 1..4, 1..4)]);
    }
}
