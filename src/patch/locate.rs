//! Finding where a hunk applies: the nearest place to its expected line,
//! with the least fuzz and the strictest comparison that work, as GNU
//! `patch` does (fuzz level by fuzz level; forward before backward at equal
//! distance); and, when it applies nowhere, the place most like it.
//!
//! The work is bounded by construction. A hunk is looked for only where its
//! rarest line (in the comparison mode tried) is, so a hunk with a line the
//! text lacks costs the length of the hunk, not of the text. Every place
//! tried is paid for from a budget proportional to the sizes of the text and
//! the patch, shared by all the hunks of a file: only hunks made of lines
//! that are each very common in the text can spend it (a text of few
//! distinct lines, searched far from where the hunks say they are), and a
//! hunk whose search it ends fails with [`Miss::Limit`], saying so. The
//! closest place to a failed hunk is found from its rare lines and its
//! expected line, in time proportional to the hunk.

use core::cell::{Cell, OnceCell};

use hashbrown::HashMap;

use super::matching::{self, Index, Line, MatchMode, Text};
use super::model::Hunk;
use super::report::Candidate;

/// How many places a search may try per line of the text and the patch.
const BUDGET_PER_LINE: usize = 64;
/// And how many in any case.
const BUDGET_BASE: usize = 1 << 16;
/// How many places of an ambiguous hunk are named.
pub const LISTED_PLACES: usize = 10;
/// A line found at most this many times in the text votes for where a
/// failed hunk comes closest; commoner lines would cost more than they tell.
const RARE: usize = 32;
/// How many of the places with the most votes are compared line by line.
const CONTENDERS: usize = 8;

/// Where a hunk was found, and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    /// The number of text lines before the hunk's old lines.
    pub pos: usize,
    pub fuzz: usize,
    pub mode: MatchMode,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Miss {
    Mismatch,
    /// A hunk without a stated line found at several places: the first
    /// [`LISTED_PLACES`] of them, and whether there are more.
    Ambiguous(Vec<usize>, bool),
    /// The search budget of the text was spent before the hunk was found.
    Limit,
    /// A line the hunk is scoped to (the envelope's `@@ def f():`), the
    /// `n`-th, is not in the text where the hunk may be.
    Scope(usize),
}

/// What is asked of one hunk.
pub struct Request<'r, 'h> {
    pub hunk: &'r Hunk<'h>,
    /// The first position allowed: the end of the previous hunk.
    pub lo: usize,
    /// The line the hunk's old lines must end by (the end of a region the
    /// hunk is confined to); `usize::MAX` for the end of the text.
    pub until: usize,
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

/// What one scan found.
enum Found {
    Nothing,
    One(usize),
    Several(Vec<usize>, bool),
}

pub struct Finder<'s, 't> {
    text: &'s Text<'t>,
    indexes: [OnceCell<Index>; MatchMode::COUNT],
    budget: Cell<usize>,
}

impl<'s, 't> Finder<'s, 't> {
    /// A finder over `text` for a patch of `patch_lines` hunk lines.
    pub fn new(text: &'s Text<'t>, patch_lines: usize) -> Finder<'s, 't> {
        let budget = text.len().saturating_add(patch_lines).saturating_mul(BUDGET_PER_LINE).saturating_add(BUDGET_BASE);
        Finder { text, indexes: Default::default(), budget: Cell::new(budget) }
    }

    fn index(&self, mode: MatchMode) -> &Index {
        self.indexes[mode as usize].get_or_init(|| Index::new(self.text, mode))
    }

    /// Takes `cost` from the budget; Limit when it is spent.
    fn spend(&self, cost: usize) -> Result<(), Miss> {
        let left = self.budget.get();
        if left < cost {
            self.budget.set(0);
            return Err(Miss::Limit);
        }
        self.budget.set(left - cost);
        Ok(())
    }

    pub fn find(&self, request: &Request<'_, '_>) -> Result<Placement, Miss> {
        let hunk = request.hunk;
        let old: Vec<Line<'_>> = hunk.old_lines().map(|l| (l.body, l.newline)).collect();
        let (leading, trailing) = hunk.context_around();
        let context = leading.max(trailing);
        // A line without LF can only be the text's last.
        let ends_text = old.last().is_some_and(|l| !l.1) || hunk.new_lines().last().is_some_and(|l| !l.newline);
        // The hunk's own line hashes, per mode, made when first needed.
        let own: [OnceCell<Index>; MatchMode::COUNT] = Default::default();
        let mut previous: Option<Level> = None;
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
            // The windows only shrink as fuzz grows: a level equal to
            // another is equal to the one before it.
            if previous.as_ref() == Some(&level) {
                continue;
            }
            for &mode in request.modes {
                self.spend(1)?;
                let own = own[mode as usize].get_or_init(|| {
                    let mut scratch = Vec::new();
                    Index::of_lines(old.iter().map(|&l| matching::line_hash(l, mode, &mut scratch)).collect())
                });
                match self.scan(request, &old, own, &level, mode)? {
                    Found::One(pos) => return Ok(Placement { pos, fuzz, mode }),
                    Found::Several(places, more) => return Err(Miss::Ambiguous(places, more)),
                    Found::Nothing => {}
                }
            }
            previous = Some(level);
        }
        Err(Miss::Mismatch)
    }

    /// The place the hunk matches in `mode` nearest the guess; without a
    /// guess, every place it matches (up to [`LISTED_PLACES`] and one).
    fn scan(
        &self,
        request: &Request<'_, '_>,
        old: &[Line<'_>],
        own: &Index,
        level: &Level,
        mode: MatchMode,
    ) -> Result<Found, Miss> {
        let (n, m) = (self.text.len(), old.len());
        let Some(hi) = n.min(request.until).checked_sub(m) else { return Ok(Found::Nothing) };
        let lo = request.lo;
        if lo > hi {
            return Ok(Found::Nothing);
        }
        // Nothing can be added after a last line that has no LF.
        let open_end = n > 0 && !self.text.line(n - 1).1;
        let adds = request.hunk.new_lines().next().is_some();
        let stated = request.hunk.stated_position().and_then(|s| usize::try_from(s).ok());
        // The edge a hunk's context points to binds it only away from its
        // stated line: there, a diff with less context than usual (as at the
        // end of a file) is taken at its word.
        let allowed = |pos: usize| {
            let at_edge = (!level.at_start || pos == 0) && (!level.at_end || pos == hi);
            (at_edge || (level.soft && Some(pos) == stated)) && !(pos == n && open_end && adds)
        };
        let window = level.window.clone();
        let same_at = |pos: usize| window.clone().all(|i| matching::same(self.text.line(pos + i), old[i], mode));
        let in_reach = |pos: usize| {
            (lo..=hi).contains(&pos) && request.guess.is_none_or(|g| g.abs_diff(pos) <= request.max_offset)
        };
        // Without old lines there is nothing to find: the hunk goes where
        // it says or nowhere (GNU: "empty context always matches").
        if m == 0 {
            return Ok(match request.guess {
                Some(guess) if in_reach(guess) && allowed(guess) => Found::One(guess),
                Some(_) => Found::Nothing,
                None => {
                    let places: Vec<usize> = (lo..=hi).filter(|&p| allowed(p)).take(LISTED_PLACES + 1).collect();
                    found(places)
                }
            });
        }
        // A hunk found where it says costs no hashing of the text.
        if let Some(guess) = request.guess.filter(|&g| in_reach(g) && allowed(g)) {
            self.spend(window.len())?;
            if same_at(guess) {
                return Ok(Found::One(guess));
            }
        }
        let index = self.index(mode);
        let target = own.window(window.start, window.len(), matching::shift(window.len()));
        let shift = matching::shift(window.len());
        let matches = |pos: usize| -> Result<bool, Miss> {
            self.spend(1)?;
            if !allowed(pos) || index.window(pos + window.start, window.len(), shift) != target {
                return Ok(false);
            }
            self.spend(window.len())?;
            Ok(same_at(pos))
        };
        if level.at_start || level.at_end {
            // Only the edge (and, when soft, the stated line) can match.
            let mut edges = vec![if level.at_start { 0 } else { hi }];
            edges.extend(stated.filter(|_| level.soft));
            let mut places = Vec::new();
            match request.guess {
                Some(guess) => edges.sort_by_key(|&p| (p.abs_diff(guess), p < guess)),
                None => edges.sort_unstable(),
            }
            edges.dedup();
            for pos in edges.into_iter().filter(|&p| in_reach(p)) {
                if matches(pos)? {
                    if request.guess.is_some() {
                        return Ok(Found::One(pos));
                    }
                    places.push(pos);
                }
            }
            return Ok(found(places));
        }
        // The hunk's rarest line in this mode: the hunk can only be where
        // that line is.
        self.spend(window.len())?;
        let places = index.places();
        let (anchor, lines) =
            window.clone().map(|i| (i, places.of(own.hashes[i]))).min_by_key(|(_, lines)| lines.len()).unwrap();
        if lines.is_empty() {
            return Ok(Found::Nothing);
        }
        match request.guess {
            Some(guess) => {
                let (first, last) = (
                    lo.max(guess.saturating_sub(request.max_offset)),
                    hi.min(guess.saturating_add(request.max_offset)),
                );
                for line in nearest(lines, guess.saturating_add(anchor), first + anchor, last.saturating_add(anchor)) {
                    if matches(line - anchor)? {
                        return Ok(Found::One(line - anchor));
                    }
                }
                Ok(Found::Nothing)
            }
            None => {
                let start = lines.partition_point(|&j| j < lo + anchor);
                let mut places = Vec::new();
                for &line in &lines[start..] {
                    if line - anchor > hi || places.len() > LISTED_PLACES {
                        break;
                    }
                    if matches(line - anchor)? {
                        places.push(line - anchor);
                    }
                }
                Ok(found(places))
            }
        }
    }

    /// The text searched.
    pub fn text(&self) -> &'s Text<'t> {
        self.text
    }

    /// The first place at or after `from` where `line` is, in the first of
    /// `modes` where it is anywhere at or after `from`, and that mode.
    pub fn first_line(
        &self,
        line: Line<'_>,
        from: usize,
        modes: &[MatchMode],
    ) -> Result<Option<(usize, MatchMode)>, Miss> {
        for &mode in modes {
            if let Some(pos) = self.next_line(line, from, mode)? {
                return Ok(Some((pos, mode)));
            }
        }
        Ok(None)
    }

    /// The first place at or after `from` where `line` is in `mode`.
    pub fn next_line(&self, line: Line<'_>, from: usize, mode: MatchMode) -> Result<Option<usize>, Miss> {
        self.spend(1)?;
        let places = self.index(mode).places().of(matching::line_hash(line, mode, &mut Vec::new()));
        for &j in &places[places.partition_point(|&j| j < from)..] {
            self.spend(1)?;
            if matching::same(self.text.line(j), line, mode) {
                return Ok(Some(j));
            }
        }
        Ok(None)
    }

    /// Where `line` is in `mode`, by hash: the lines to verify.
    pub fn line_places(&self, line: Line<'_>, mode: MatchMode) -> Result<&[usize], Miss> {
        self.spend(1)?;
        Ok(self.index(mode).places().of(matching::line_hash(line, mode, &mut Vec::new())))
    }

    /// Takes `cost` from the budget, for work done outside the finder on
    /// its text.
    pub fn charge(&self, cost: usize) -> Result<(), Miss> {
        self.spend(cost)
    }

    /// The place where most of `old` matches in `mode`, nearest `around` on
    /// ties: among the places its rare lines point to and `around` itself.
    /// Costs time in proportion to the hunk, not the text.
    pub fn candidate(&self, old: &[Line<'_>], around: usize, mode: MatchMode) -> Option<Candidate> {
        let (n, m) = (self.text.len(), old.len());
        if m == 0 || n == 0 {
            return None;
        }
        let last = n.saturating_sub(m);
        let places = self.index(mode).places();
        let mut scratch = Vec::new();
        let mut votes: HashMap<usize, usize, foldhash::fast::FixedState> = HashMap::default();
        for (i, &line) in old.iter().enumerate() {
            let lines = places.of(matching::line_hash(line, mode, &mut scratch));
            if lines.len() <= RARE {
                for pos in lines.iter().filter_map(|&j| j.checked_sub(i)).filter(|&p| p <= last) {
                    *votes.entry(pos).or_default() += 1;
                }
            }
        }
        let mut contenders: Vec<(usize, usize)> = votes.into_iter().collect();
        contenders.sort_unstable_by_key(|&(pos, v)| (core::cmp::Reverse(v), pos.abs_diff(around), pos));
        contenders.truncate(CONTENDERS);
        let same_at = |pos: usize, i: usize| pos + i < n && matching::same(self.text.line(pos + i), old[i], mode);
        let (pos, matching) = contenders
            .into_iter()
            .map(|(pos, _)| pos)
            .chain([around.min(last)])
            .map(|pos| (pos, (0..m).filter(|&i| same_at(pos, i)).count()))
            .max_by_key(|&(pos, matching)| {
                (matching, core::cmp::Reverse(pos.abs_diff(around)), core::cmp::Reverse(pos))
            })?;
        if matching == 0 {
            return None;
        }
        let difference = (0..m).find(|&i| !same_at(pos, i)).map(|i| {
            let found = (pos + i < n).then(|| self.text.line(pos + i).0.to_vec());
            (pos + i + 1, old[i].0.to_vec(), found)
        });
        Some(Candidate { line: pos + 1, matching, difference })
    }
}

/// No place, one, or several.
fn found(mut places: Vec<usize>) -> Found {
    match places.len() {
        0 => Found::Nothing,
        1 => Found::One(places[0]),
        _ => {
            let more = places.len() > LISTED_PLACES;
            places.truncate(LISTED_PLACES);
            Found::Several(places, more)
        }
    }
}

/// The values of the ascending `sorted` in `first..=last`, nearest `center`
/// first, the greater before the smaller at equal distance.
fn nearest(sorted: &[usize], center: usize, first: usize, last: usize) -> impl Iterator<Item = usize> + '_ {
    let split = sorted.partition_point(|&v| v < center);
    let mut forward =
        sorted[split..].iter().copied().skip_while(move |&v| v < first).take_while(move |&v| v <= last).peekable();
    let mut backward = sorted[..split]
        .iter()
        .rev()
        .copied()
        .skip_while(move |&v| v > last)
        .take_while(move |&v| v >= first)
        .peekable();
    core::iter::from_fn(move || match (forward.peek(), backward.peek()) {
        (Some(&f), Some(&b)) if f - center > center - b => backward.next(),
        (Some(_), _) => forward.next(),
        (None, _) => backward.next(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_orders_by_distance_forward_first() {
        let all: Vec<usize> = (0..=10).collect();
        assert_eq!(nearest(&all, 5, 3, 7).collect::<Vec<_>>(), vec![5, 6, 4, 7, 3]);
        assert_eq!(nearest(&all, 5, 4, 10).collect::<Vec<_>>(), vec![5, 6, 4, 7, 8, 9, 10]);
        assert_eq!(nearest(&[1, 4, 9], 5, 0, 10).collect::<Vec<_>>(), vec![4, 9, 1]);
        assert_eq!(nearest(&[1, 4, 9], 20, 0, 10).collect::<Vec<_>>(), vec![9, 4, 1]);
        assert_eq!(nearest(&[1, 4, 9], 0, 3, 10).collect::<Vec<_>>(), vec![4, 9]);
        assert_eq!(nearest(&[0], 0, 0, 0).collect::<Vec<_>>(), vec![0]);
        assert!(nearest(&[], 3, 0, 9).next().is_none());
        assert_eq!(nearest(&[1, 4, 9, 12], 20, 2, 10).collect::<Vec<_>>(), vec![9, 4]);
    }
}
