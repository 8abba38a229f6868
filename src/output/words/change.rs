//! The token diff of one change (removed lines facing added lines), in
//! memory a small multiple of the change's size: the common beginning and
//! end are set aside by a byte compare without being split into tokens,
//! the rest is compared as one small id per token (or, for characters of
//! ASCII text, as the bytes themselves, with no copy at all), and the
//! search keeps only the band of diagonals it visits. Myers' search runs
//! within a budget of work per token, as the line diff's does, so the time
//! stays near-linear in the change's size whatever its shape.

use core::ops::Range;

use hashbrown::HashMap;

use super::Granularity;
use super::tokens::{common_prefix, common_suffix, token_ends};
use crate::diff::algorithms::myers::{self, VISITS_PER_LINE};
use crate::diff::deadline::Deadline;

/// Search work a change may spend exactly whatever its size: enough for a
/// minimal diff of lines of a few hundred tokens.
const MIN_VISITS: i64 = 1 << 18;
/// More tokens than the search's positions can count (`i32`): such a side
/// is shown as changed whole.
const MAX_TOKENS: usize = (i32::MAX as usize) / 2;
/// The search's cost limit once the budget is spent (the line diff's is
/// 64). Each split then costs about its square and advances about twice
/// its size in tokens; a change that spent its budget is one whose tokens
/// match in very many ways, where a minimal script reads no better. On
/// lines of random `a`, `b` and spaces, 16 is about four times faster
/// than 64 (benches/word_growth.py).
const SPENT_MAX_COST: isize = 16;

/// Which tokens of a change changed.
pub(super) struct ChangeMarks {
    /// The hunk it belongs to.
    pub hunk: usize,
    /// The bytes of its old and new lines.
    pub old: Range<usize>,
    pub new: Range<usize>,
    /// Bytes at its start and end that are the same tokens on both sides.
    pub prefix: usize,
    pub suffix: usize,
    /// For each token between them, on each side, whether it is removed /
    /// added.
    pub removed: Vec<bool>,
    pub added: Vec<bool>,
}

impl ChangeMarks {
    pub(super) fn old_middle(&self) -> Range<usize> {
        self.old.start + self.prefix..self.old.end - self.suffix
    }

    pub(super) fn new_middle(&self) -> Range<usize> {
        self.new.start + self.prefix..self.new.end - self.suffix
    }
}

/// The token diff of the change whose lines are `old_text[old]` and
/// `new_text[new]`. Whether the search was cut short by its size (the
/// deadline says for itself).
pub(super) fn mark(
    old_text: &[u8],
    new_text: &[u8],
    (old, new): (Range<usize>, Range<usize>),
    hunk: usize,
    granularity: Granularity,
    deadline: &mut Deadline,
) -> (ChangeMarks, bool) {
    let (o, n) = (&old_text[old.clone()], &new_text[new.clone()]);
    let prefix = common_prefix(o, n, granularity);
    let suffix = common_suffix(&o[prefix..], &n[prefix..], granularity);
    let (o, n) = (&o[prefix..o.len() - suffix], &n[prefix..n.len() - suffix]);
    let (removed, added, too_large) = if granularity == Granularity::Chars && o.is_ascii() && n.is_ascii() {
        search(o, n, deadline)
    } else {
        let (a, b) = ids(o, n, granularity);
        search(&a, &b, deadline)
    };
    (ChangeMarks { hunk, old, new, prefix, suffix, removed, added }, too_large)
}

fn search<T: Copy + Eq>(a: &[T], b: &[T], deadline: &mut Deadline) -> (Vec<bool>, Vec<bool>, bool) {
    if a.len() > MAX_TOKENS || b.len() > MAX_TOKENS {
        return (vec![true; a.len()], vec![true; b.len()], true);
    }
    let mut removed = vec![false; a.len()];
    let mut added = vec![false; b.len()];
    deadline.set_visits(VISITS_PER_LINE.saturating_mul((a.len() + b.len()) as i64).saturating_add(MIN_VISITS));
    myers::search_spent(a, b, &mut removed, &mut added, deadline, SPENT_MAX_COST);
    (removed, added, false)
}

/// One id per token of each side, equal ids for equal tokens.
fn ids(old: &[u8], new: &[u8], granularity: Granularity) -> (Vec<u32>, Vec<u32>) {
    if granularity == Granularity::Chars {
        // A character is its own id; a byte that is not UTF-8 gets one past
        // the last scalar value.
        let ids = |text: &[u8]| -> Vec<u32> {
            let mut out = Vec::with_capacity(text.len());
            for chunk in text.utf8_chunks() {
                out.extend(chunk.valid().chars().map(u32::from));
                out.extend(chunk.invalid().iter().map(|&b| 0x11_0000 + u32::from(b)));
            }
            out
        };
        return (ids(old), ids(new));
    }
    let mut table = HashMap::with_hasher(foldhash::fast::FixedState::default());
    let a = intern(&mut table, old, granularity);
    let b = intern(&mut table, new, granularity);
    (a, b)
}

fn intern<'t>(
    table: &mut HashMap<&'t [u8], u32, foldhash::fast::FixedState>,
    text: &'t [u8],
    granularity: Granularity,
) -> Vec<u32> {
    let mut start = 0;
    token_ends(text, granularity)
        .map(|end| {
            let token = &text[start..end];
            start = end;
            let next = table.len() as u32;
            *table.entry(token).or_insert(next)
        })
        .collect()
}
