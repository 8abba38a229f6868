//! Finding where a hunk applies: the nearest place to its expected line,
//! with the least fuzz and the strictest comparison that work, as GNU
//! `patch` does (fuzz level by fuzz level; forward before backward at equal
//! distance); and, when it applies nowhere, the place most like it.

use std::cell::OnceCell;
use std::collections::HashMap;

use super::matching::{self, Index, Line, MatchMode, Text};
use super::model::Hunk;
use super::report::Candidate;

/// Where a hunk was found, and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    /// The number of text lines before the hunk's old lines.
    pub pos: usize,
    pub fuzz: usize,
    pub mode: MatchMode,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Miss {
    Mismatch,
    /// A hunk without a stated line found at these two places (and maybe
    /// more).
    Ambiguous(usize, usize),
}

/// What is asked of one hunk.
pub struct Request<'r, 'h> {
    pub hunk: &'r Hunk<'h>,
    /// The first position allowed: the end of the previous hunk.
    pub lo: usize,
    /// Where the hunk is expected; None to look everywhere from `lo` and
    /// require a single match.
    pub guess: Option<usize>,
    pub max_offset: usize,
    pub max_fuzz: usize,
    pub modes: &'r [MatchMode],
    /// Whether a hunk without context on one side can be trusted to be at
    /// that edge of the file (as git has it), which is not so for recounted
    /// hunks.
    pub trust_context: bool,
    /// Whether the hunk must match at the start or end of the text
    /// regardless of fuzz (creating or deleting a file).
    pub at_start: bool,
    pub at_end: bool,
}

/// Which of a hunk's old lines are compared, and where it may be: `edge`
/// positions are the only ones allowed (`start`/`end` of the text), except
/// that `soft` ones also allow the stated position.
#[derive(Clone, PartialEq, Eq)]
struct Level {
    window: core::ops::Range<usize>,
    at_start: bool,
    at_end: bool,
    soft: bool,
}

pub struct Finder<'s, 't> {
    text: &'s Text<'t>,
    indexes: [OnceCell<Index>; 3],
}

impl<'s, 't> Finder<'s, 't> {
    pub fn new(text: &'s Text<'t>) -> Finder<'s, 't> {
        Finder { text, indexes: Default::default() }
    }

    fn index(&self, mode: MatchMode) -> &Index {
        self.indexes[mode as usize].get_or_init(|| Index::new(self.text, mode))
    }

    pub fn find(&self, request: &Request<'_, '_>) -> Result<Placement, Miss> {
        let hunk = request.hunk;
        let old: Vec<Line<'_>> = hunk.old_lines().map(|l| (l.body, l.newline)).collect();
        let (leading, trailing) = hunk.context_around();
        let context = leading.max(trailing);
        // A line without LF can only be the text's last.
        let ends_text = old.last().is_some_and(|l| !l.1) || hunk.new_lines().last().is_some_and(|l| !l.newline);
        let mut tried: Vec<Level> = Vec::new();
        for fuzz in 0..=request.max_fuzz.min(context.saturating_sub(1)) {
            let (mut skip_leading, mut skip_trailing, mut at_start, mut at_end) =
                (fuzz.min(leading), fuzz.min(trailing), false, false);
            if request.trust_context {
                // As git: a hunk without context on one side is at that edge
                // of the file. And as GNU: fuzz first ignores the lines a
                // shorter side lacks, so its own lines stay checked.
                at_start = leading == 0 && trailing > 0 && hunk.stated_position() == Some(0);
                at_end = trailing == 0 && leading > 0;
                skip_leading = (fuzz + leading).saturating_sub(context);
                skip_trailing = (fuzz + trailing).saturating_sub(context);
            }
            let skip_trailing = skip_trailing.min(old.len().saturating_sub(skip_leading + 1));
            let hard = (request.at_start, request.at_end || ends_text);
            let level = Level {
                window: skip_leading.min(old.len())..old.len() - skip_trailing,
                at_start: hard.0 || at_start,
                at_end: hard.1 || at_end,
                soft: !hard.0 && !hard.1,
            };
            if tried.contains(&level) {
                continue;
            }
            for &mode in request.modes {
                match self.scan(request, &old, &level, mode) {
                    (Some(pos), None) => return Ok(Placement { pos, fuzz, mode }),
                    (Some(first), Some(second)) => return Err(Miss::Ambiguous(first, second)),
                    _ => {}
                }
            }
            tried.push(level);
        }
        Err(Miss::Mismatch)
    }

    /// The first place the hunk matches in `mode`, nearest the guess; and a
    /// second one when there is no guess.
    fn scan(
        &self,
        request: &Request<'_, '_>,
        old: &[Line<'_>],
        level: &Level,
        mode: MatchMode,
    ) -> (Option<usize>, Option<usize>) {
        let (n, m) = (self.text.len(), old.len());
        let Some(hi) = n.checked_sub(m) else { return (None, None) };
        let lo = request.lo;
        if lo > hi {
            return (None, None);
        }
        // The window hash of the hunk, and the text's index, are only made
        // when a position other than the expected one must be tried: a hunk
        // found where it says costs no hashing of the text.
        let hashed = OnceCell::new();
        let hashes = || {
            hashed.get_or_init(|| {
                let mut scratch = Vec::new();
                let lines = old[level.window.clone()].iter().map(|&l| matching::line_hash(l, mode, &mut scratch));
                (matching::sequence_hash(lines), matching::shift(level.window.len()), self.index(mode))
            })
        };
        // Nothing can be added after a last line that has no LF.
        let open_end = n > 0 && !self.text.line(n - 1).1;
        let adds = request.hunk.new_lines().next().is_some();
        let stated = request.hunk.stated_position().and_then(|s| usize::try_from(s).ok());
        // The edge a hunk's context points to binds it only away from its
        // stated line: there, a diff with less context than usual (as at the
        // end of a file) is taken at its word.
        let allowed = |pos: usize| {
            let at_edge = (!level.at_start || pos == 0) && (!level.at_end || pos == hi);
            at_edge || (level.soft && Some(pos) == stated)
        };
        let same_at = |pos: usize| level.window.clone().all(|i| matching::same(self.text.line(pos + i), old[i], mode));
        let matches = |pos: usize| {
            if !allowed(pos) || (pos == n && open_end && adds) {
                return false;
            }
            if Some(pos) == request.guess {
                return same_at(pos);
            }
            let (target, shift, index) = hashes();
            index.window(pos + level.window.start, level.window.len(), *shift) == *target && same_at(pos)
        };
        let mut edges: Vec<usize> = Vec::new();
        if level.at_start || level.at_end {
            edges.push(if level.at_start { 0 } else { hi });
            edges.extend(stated.filter(|_| level.soft));
        }
        let in_reach = |pos: &usize| {
            (lo..=hi).contains(pos) && request.guess.is_none_or(|g| g.abs_diff(*pos) <= request.max_offset)
        };
        match request.guess {
            // Without old lines there is nothing to find: the hunk goes where
            // it says or nowhere (GNU: "empty context always matches").
            Some(guess) if m == 0 => (((lo..=hi).contains(&guess) && matches(guess)).then_some(guess), None),
            Some(guess) if !edges.is_empty() => {
                edges.sort_by_key(|&p| (p.abs_diff(guess), p < guess));
                (edges.into_iter().filter(in_reach).find(|&p| matches(p)), None)
            }
            Some(guess) => (nearest(guess, lo, hi, request.max_offset).find(|&p| matches(p)), None),
            None if !edges.is_empty() => {
                edges.dedup();
                let mut found = edges.into_iter().filter(in_reach).filter(|&p| matches(p));
                (found.next(), found.next())
            }
            None => {
                let mut found = (lo..=hi).filter(|&p| matches(p));
                (found.next(), found.next())
            }
        }
    }

    /// The place where most of `old` matches in `mode`, nearest `around` on
    /// ties. Lines are matched by hash, with a bound on the work for texts
    /// of many repeated lines.
    pub fn candidate(&self, old: &[Line<'_>], around: usize, mode: MatchMode) -> Option<Candidate> {
        let (n, m) = (self.text.len(), old.len());
        if m == 0 || n == 0 {
            return None;
        }
        let last = n.saturating_sub(m);
        let mut scratch = Vec::new();
        let mut by_hash: HashMap<u64, Vec<usize>> = HashMap::new();
        for (i, &line) in old.iter().enumerate() {
            by_hash.entry(matching::line_hash(line, mode, &mut scratch)).or_default().push(i);
        }
        let mut votes: HashMap<usize, usize> = HashMap::new();
        let mut budget: usize = 1 << 22;
        'text: for (j, h) in self.index(mode).hashes.iter().enumerate() {
            for &i in by_hash.get(h).map_or(&[][..], Vec::as_slice) {
                if let Some(pos) = j.checked_sub(i).filter(|&p| p <= last) {
                    *votes.entry(pos).or_default() += 1;
                    budget -= 1;
                    if budget == 0 {
                        break 'text;
                    }
                }
            }
        }
        let (&pos, _) = votes.iter().max_by_key(|&(&p, &v)| (v, core::cmp::Reverse(p.abs_diff(around)), p))?;
        let same_at = |i: usize| pos + i < n && matching::same(self.text.line(pos + i), old[i], mode);
        let matching = (0..m).filter(|&i| same_at(i)).count();
        let difference = (0..m).find(|&i| !same_at(i)).map(|i| {
            let found = (pos + i < n).then(|| self.text.line(pos + i).0.to_vec());
            (pos + i + 1, old[i].0.to_vec(), found)
        });
        Some(Candidate { line: pos + 1, matching, difference })
    }
}

/// Positions in `lo..=hi` at most `max_offset` from `guess`, nearest first,
/// forward before backward at equal distance.
fn nearest(guess: usize, lo: usize, hi: usize, max_offset: usize) -> impl Iterator<Item = usize> {
    let forward_end = hi.min(guess.saturating_add(max_offset));
    let mut forward = (guess.max(lo)..=forward_end).peekable();
    let backward_end = lo.max(guess.saturating_sub(max_offset));
    let backward_start = guess.checked_sub(1).map(|g| g.min(hi));
    let mut backward = backward_start.into_iter().flat_map(move |s| (backward_end..=s).rev()).peekable();
    core::iter::from_fn(move || match (forward.peek(), backward.peek()) {
        (Some(&f), Some(&b)) if f - guess > guess - b => backward.next(),
        (Some(_), _) => forward.next(),
        (None, _) => backward.next(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_orders_by_distance_forward_first() {
        assert_eq!(nearest(5, 0, 10, 2).collect::<Vec<_>>(), vec![5, 6, 4, 7, 3]);
        assert_eq!(nearest(5, 4, 10, usize::MAX).collect::<Vec<_>>(), vec![5, 6, 4, 7, 8, 9, 10]);
        assert_eq!(nearest(20, 0, 10, 12).collect::<Vec<_>>(), vec![10, 9, 8]);
        assert_eq!(nearest(0, 3, 10, 4).collect::<Vec<_>>(), vec![3, 4]);
        assert_eq!(nearest(0, 0, 0, 0).collect::<Vec<_>>(), vec![0]);
        assert_eq!(nearest(usize::MAX, 0, 3, usize::MAX).collect::<Vec<_>>(), vec![3, 2, 1, 0]);
    }
}
