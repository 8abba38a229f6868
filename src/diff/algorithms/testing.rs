//! Helpers shared by the algorithms' unit tests.

use super::{Counts, Solve};
use crate::diff::deadline::Deadline;

/// Runs `solve` on `a` and `b` without limits: the removed and added marks.
pub(crate) fn solve(solve: Solve, a: &[u32], b: &[u32]) -> (Vec<bool>, Vec<bool>) {
    let distinct = a.iter().chain(b).max().map_or(0, |&m| m as usize + 1);
    let mut counts = Counts::new(distinct);
    let mut removed = vec![false; a.len()];
    let mut added = vec![false; b.len()];
    solve(a, b, &mut removed, &mut added, &mut counts, &mut Deadline::new(None));
    (removed, added)
}

/// The unmarked elements of `s`, in order. For a valid edit script, those of
/// both sides are the same sequence.
pub(crate) fn kept(s: &[u32], marks: &[bool]) -> Vec<u32> {
    s.iter().zip(marks).filter(|(_, m)| !**m).map(|(v, _)| *v).collect()
}

/// `count` deterministic pairs of sequences shorter than `len` over
/// alphabets of 1 to `alphabet` symbols.
pub(crate) fn random_pairs(mut seed: u64, count: usize, len: u64, alphabet: u64) -> Vec<(Vec<u32>, Vec<u32>)> {
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    (0..count)
        .map(|_| {
            let (n, m, symbols) = (next() % len, next() % len, 1 + next() % alphabet);
            let a = (0..n).map(|_| (next() % symbols) as u32).collect();
            let b = (0..m).map(|_| (next() % symbols) as u32).collect();
            (a, b)
        })
        .collect()
}
