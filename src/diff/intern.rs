//! Splitting both texts into lines and giving every distinct line a small
//! integer id, so the diff algorithms compare integers instead of bytes.
//!
//! This is the costliest step on large inputs, and it is built around two
//! facts about them:
//! - most lines of a revised text follow the lines they followed in the
//!   original. So the new text is not split and hashed line by line: it is
//!   compared with the old text a run at a time, predicted to continue after
//!   the last old line matched, and only lines where the prediction fails are
//!   split out, hashed and looked up.
//! - a table of every distinct line of a large text does not fit in cache.
//!   Old lines are hashed a batch at a time and their table slots prefetched
//!   before any is probed, so the cache misses overlap instead of queueing.

use core::hash::BuildHasher;
use core::ops::Range;

use super::common::common_prefix;
use super::lines::line_bounds;
use super::modes::{Modes, key};
use crate::error::{Error, MAX_LINES};

/// One side's compared lines: line `i` is `text[bounds[i]..bounds[i + 1]]`,
/// and `ids[i]` is its id.
pub(crate) struct Lines {
    pub bounds: Vec<usize>,
    pub ids: Vec<u32>,
}

/// Both sides' lines; equal lines, and only equal lines, have equal ids.
pub(crate) struct Interned {
    pub old: Lines,
    pub new: Lines,
    /// Number of distinct ids: every id is below this.
    pub distinct: usize,
    /// Runs of at least `LONG_RUN` lines found equal in both texts, in the
    /// order of the new text (their old positions need not increase).
    pub runs: Vec<Run>,
}

/// `old[old..old + len]` equals `new[new..new + len]`, in line indices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Run {
    pub old: usize,
    pub new: usize,
    pub len: usize,
}

/// Runs at least this long are reported to the engine as anchors.
pub(crate) const LONG_RUN: usize = 16;

/// Appends the old lines `q..q + lines`, found again at byte `at` of the new
/// text, to the new side; returns the byte after them.
#[allow(clippy::too_many_arguments)]
fn take_run(
    new_bounds: &mut Vec<usize>,
    new_ids: &mut Vec<u32>,
    runs: &mut Vec<Run>,
    old_bounds: &[usize],
    old_ids: &[u32],
    q: usize,
    lines: usize,
    at: usize,
) -> usize {
    if lines >= LONG_RUN {
        runs.push(Run { old: q, new: new_ids.len(), len: lines });
    }
    let base = old_bounds[q];
    new_bounds.extend(old_bounds[q + 1..=q + lines].iter().map(|&b| at + (b - base)));
    new_ids.extend_from_slice(&old_ids[q..q + lines]);
    at + (old_bounds[q + lines] - base)
}

/// Lines hashed (and their slots prefetched) ahead of probing.
const BATCH: usize = 16;

/// Splits `old[old_range]` and `new[new_range]` into lines and interns them.
/// Both ranges must start at a line start.
/// Fails when either side has more than `MAX_LINES` lines.
pub(crate) fn intern(
    old: &[u8],
    old_range: Range<usize>,
    new: &[u8],
    new_range: Range<usize>,
    modes: Modes,
) -> Result<Interned, Error> {
    let keys = Keys::new(modes);

    let mut old_bounds = line_bounds(&old[old_range.clone()]);
    for b in &mut old_bounds {
        *b += old_range.start;
    }
    let old_lines = old_bounds.len() - 1;
    if old_lines > MAX_LINES {
        return Err(Error::TooManyLines);
    }
    let old_line = |i: usize| &old[old_bounds[i]..old_bounds[i + 1]];
    // Sized for the common case of mostly distinct lines, up to a cap: a
    // text of few distinct lines should not pay for a table of all of them.
    let mut table = Table::with_capacity(old_lines.clamp(16, 1 << 16));
    let mut old_ids = Vec::with_capacity(old_lines);
    let mut hashes = [0u64; BATCH];
    for start in (0..old_lines).step_by(BATCH) {
        let end = (start + BATCH).min(old_lines);
        for (i, h) in (start..end).zip(&mut hashes) {
            *h = keys.hash(old_line(i));
            table.prefetch(*h);
        }
        for (i, &h) in (start..end).zip(&hashes) {
            let slot = table.find(h, i as u32, true, |line| keys.equal(old_line(line as usize), old_line(i)));
            old_ids.push(slot.id);
        }
    }
    let old_ids_end = table.distinct;

    let new_text = &new[..new_range.end];
    let mut new_bounds = Vec::with_capacity(old_bounds.len() + 16);
    let mut new_ids = Vec::with_capacity(old_lines + 16);
    new_bounds.push(new_range.start);
    let mut at = new_range.start;
    let mut predicted = 0usize;
    // Old byte offset minus new byte offset at the end of the last run.
    let mut drift = old_range.start as isize - new_range.start as isize;
    // How many whole old lines, from old line `q`, the new text repeats at
    // byte offset `at`.
    let run_at = |q: usize, at: usize| -> usize {
        let common = common_prefix(&new_text[at..], &old[old_bounds[q]..old_range.end]);
        let base = old_bounds[q];
        let mut lines = 0;
        while q + lines < old_lines && old_bounds[q + lines + 1] - base <= common {
            // An old line cut short by the end of its text is only equal to
            // a new line cut short by the end of the new text.
            let end = old_bounds[q + lines + 1];
            if old[end - 1] != b'\n' && at + (end - base) != new_text.len() {
                break;
            }
            lines += 1;
        }
        lines
    };
    // Whether a run of `lines` lines from old line `q` is long enough not to
    // be chance, or ends a text.
    let believable = |q: usize, lines: usize, at: usize| {
        let ends = q + lines == old_lines || at + old_bounds[q + lines] - old_bounds[q] == new_text.len();
        lines >= MIN_RESYNC_RUN || (lines > 0 && ends)
    };
    let mut occurrences: Option<Occurrences> = None;
    let mut runs = Vec::new();
    let mut lost = 0usize;
    while at < new_text.len() {
        if new_ids.len() > MAX_LINES {
            return Err(Error::TooManyLines);
        }
        let end = memchr::memchr(b'\n', &new_text[at..]).map_or(new_text.len(), |nl| at + nl + 1);
        let line = &new_text[at..end];
        // Take as many whole old lines as the texts have in common from an
        // old line equal to this one: the predicted one, or one a few lines
        // around it (old lines deleted, or new ones inserted, since the last
        // run). Only a run long enough not to be chance, or one that ends a
        // text, is believed.
        let resumed = RESYNC_ORDER.iter().find_map(|&d| {
            let q = predicted.checked_add_signed(d).filter(|&q| q < old_lines)?;
            if !same(old_line(q), line) {
                return None;
            }
            let lines = run_at(q, at);
            believable(q, lines, at).then_some((q, lines))
        });
        if let Some((q, lines)) = resumed {
            at = take_run(&mut new_bounds, &mut new_ids, &mut runs, &old_bounds, &old_ids, q, lines, at);
            predicted = q + lines;
            drift = old_bounds[predicted] as isize - at as isize;
            continue;
        }
        let this = (old_lines + new_ids.len()) as u32;
        let slot = table.find(keys.hash(line), this, false, |first| {
            let first = first as usize;
            let bytes = match first.checked_sub(old_lines) {
                None => old_line(first),
                Some(j) => &new_text[new_bounds[j]..new_bounds[j + 1]],
            };
            keys.equal(bytes, line)
        });
        if slot.id < old_ids_end && slot.in_old <= RARE {
            // The line is in the old text, but not near the prediction: a
            // block was moved or deleted. Look for a run from its next few
            // occurrences; the index of occurrences is only built once this
            // has happened often enough to pay for it. (A common line, such as
            // "}", says nothing about where we are.)
            lost += 1;
            if occurrences.is_none() && lost > LOST_BEFORE_INDEX {
                occurrences = Some(Occurrences::new(&old_ids, old_ids_end as usize));
            }
            let found = occurrences.as_ref().and_then(|o| {
                // Nearest to the prediction first: a block moved away and
                // one moved in both bring the old text back to it.
                let mut candidates: Vec<u32> = o.of(slot.id).to_vec();
                candidates.sort_by_key(|&q| (q as usize).abs_diff(predicted));
                candidates.into_iter().take(CANDIDATES).find_map(|q| {
                    let q = q as usize;
                    let lines = run_at(q, at);
                    believable(q, lines, at).then_some((q, lines))
                })
            });
            if let Some((q, lines)) = found {
                at = take_run(&mut new_bounds, &mut new_ids, &mut runs, &old_bounds, &old_ids, q, lines, at);
                predicted = q + lines;
                drift = old_bounds[predicted] as isize - at as isize;
                continue;
            }
        }
        // Where to look for the next run: after this line's first old
        // occurrence if that lies ahead (old lines were deleted here);
        // otherwise where the old text has got to if insertions and
        // deletions since the last run balance out. (The first occurrence of
        // a common line such as "}" says nothing about where we are.)
        let expected = old_bounds.partition_point(|&b| (b as isize) <= end as isize + drift).saturating_sub(1);
        predicted = if slot.id < old_ids_end && slot.line as usize >= predicted {
            slot.line as usize + 1
        } else {
            expected.max(predicted.saturating_sub(RESYNC))
        };
        new_bounds.push(end);
        new_ids.push(slot.id);
        at = end;
    }

    let distinct = table.distinct as usize;
    Ok(Interned {
        old: Lines { bounds: old_bounds, ids: old_ids },
        new: Lines { bounds: new_bounds, ids: new_ids },
        distinct,
        runs,
    })
}

/// Where each line id occurs in the old text, in order.
struct Occurrences {
    /// `lines[start[id]..start[id + 1]]` are the old lines with that id.
    start: Vec<u32>,
    lines: Vec<u32>,
}

impl Occurrences {
    fn new(ids: &[u32], distinct: usize) -> Self {
        let mut start = vec![0u32; distinct + 1];
        for &id in ids {
            start[id as usize + 1] += 1;
        }
        for i in 1..start.len() {
            start[i] += start[i - 1];
        }
        let mut next = start.clone();
        let mut lines = vec![0u32; ids.len()];
        for (i, &id) in ids.iter().enumerate() {
            lines[next[id as usize] as usize] = i as u32;
            next[id as usize] += 1;
        }
        Occurrences { start, lines }
    }

    /// The old lines with `id`, in order.
    fn of(&self, id: u32) -> &[u32] {
        &self.lines[self.start[id as usize] as usize..self.start[id as usize + 1] as usize]
    }
}

/// Lines found in the old text but away from the prediction before the
/// index of occurrences is built, and occurrences tried per such line.
const LOST_BEFORE_INDEX: usize = 32;
const CANDIDATES: usize = 8;
/// Lines occurring at most this often in the old text can resynchronise.
const RARE: u32 = 16;

/// After a broken run, how far from the predicted old line a new run may
/// start (nearest first), and how many lines it needs to be believed.
const RESYNC: usize = 3;
const RESYNC_ORDER: [isize; 7] = [0, 1, -1, 2, -2, 3, -3];
const MIN_RESYNC_RUN: usize = 4;

/// How lines are hashed and compared: by their bytes, or by their keys
/// under comparison modes. (Runs are still found by comparing bytes: equal
/// bytes are equal keys, and a line that differs only in ignored ways is
/// looked up by its key.)
struct Keys {
    modes: Modes,
    hasher: foldhash::quality::FixedState,
    scratch: core::cell::RefCell<(Vec<u8>, Vec<u8>)>,
}

impl Keys {
    fn new(modes: Modes) -> Self {
        Keys { modes, hasher: foldhash::quality::FixedState::with_seed(0x5eed_f00d_cafe), scratch: Default::default() }
    }

    fn hash(&self, line: &[u8]) -> u64 {
        if !self.modes.loosens_matching() {
            return self.hash_bytes(line);
        }
        let (a, _) = &mut *self.scratch.borrow_mut();
        a.clear();
        key(line, self.modes, a);
        self.hash_bytes(a)
    }

    /// The bytes alone, without the length prefix `Hash for [u8]` adds:
    /// foldhash mixes the length in already, and the prefix costs one more
    /// multiply per line.
    #[inline]
    fn hash_bytes(&self, bytes: &[u8]) -> u64 {
        use core::hash::Hasher;
        let mut hasher = self.hasher.build_hasher();
        hasher.write(bytes);
        hasher.finish()
    }

    fn equal(&self, x: &[u8], y: &[u8]) -> bool {
        if same(x, y) {
            return true;
        }
        if !self.modes.loosens_matching() {
            return false;
        }
        let (a, b) = &mut *self.scratch.borrow_mut();
        a.clear();
        b.clear();
        key(x, self.modes, a);
        key(y, self.modes, b);
        a == b
    }
}

/// Byte equality, without a library call for the short lines that
/// repetitive texts are made of.
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let n = a.len();
    let word = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().unwrap());
    let half = |s: &[u8], at: usize| u32::from_le_bytes(s[at..at + 4].try_into().unwrap());
    match n {
        0..4 => a == b,
        4..8 => half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4),
        8..=16 => word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8),
        _ => a == b,
    }
}

const EMPTY: u32 = u32::MAX;

#[derive(Clone, Copy)]
struct Slot {
    /// The high half of the line's hash, which also places it in the table.
    key: u32,
    /// `EMPTY` for a free slot.
    id: u32,
    /// Where the id's line first occurs: an old line's index, or the number
    /// of old lines plus a new line's index.
    line: u32,
    /// How many old lines have this id.
    in_old: u32,
}

const FREE: Slot = Slot { key: 0, id: EMPTY, line: 0, in_old: 0 };

/// Open addressing with linear probing, at most half full.
struct Table {
    slots: Vec<Slot>,
    mask: usize,
    distinct: u32,
}

impl Table {
    fn with_capacity(lines: usize) -> Self {
        let size = (lines * 2).next_power_of_two();
        Table { slots: vec![FREE; size], mask: size - 1, distinct: 0 }
    }

    fn key(hash: u64) -> u32 {
        // The high bits: foldhash mixes them best.
        (hash >> 32) as u32
    }

    fn home(&self, key: u32) -> usize {
        key as usize & self.mask
    }

    fn prefetch(&self, hash: u64) {
        #[cfg(target_arch = "x86_64")]
        {
            let at = self.slots[self.home(Self::key(hash))..].as_ptr();
            // SAFETY: a prefetch only hints the cache; `at` points into
            // `slots`, and nothing is read or written through it.
            unsafe { core::arch::x86_64::_mm_prefetch::<{ core::arch::x86_64::_MM_HINT_T0 }>(at.cast()) };
        }
    }

    /// The slot of the line numbered `line` with hash `hash`: the slot of an
    /// earlier line for which `same` (given that line's number) holds, or a
    /// new slot with a new id. `old` says the line is an old one, to count.
    fn find(&mut self, hash: u64, line: u32, old: bool, same: impl Fn(u32) -> bool) -> Slot {
        let key = Self::key(hash);
        let mut at = self.home(key);
        loop {
            let slot = &mut self.slots[at];
            if slot.id == EMPTY {
                break;
            }
            if slot.key == key && same(slot.line) {
                slot.in_old += u32::from(old);
                return *slot;
            }
            at = (at + 1) & self.mask;
        }
        let slot = Slot { key, id: self.distinct, line, in_old: u32::from(old) };
        self.slots[at] = slot;
        self.distinct += 1;
        if self.distinct as usize * 2 > self.slots.len() {
            self.grow();
        }
        slot
    }

    fn grow(&mut self) {
        let old = core::mem::take(&mut self.slots);
        self.slots = vec![FREE; old.len() * 2];
        self.mask = self.slots.len() - 1;
        for slot in old.into_iter().filter(|s| s.id != EMPTY) {
            let mut at = self.home(slot.key);
            while self.slots[at].id != EMPTY {
                at = (at + 1) & self.mask;
            }
            self.slots[at] = slot;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(old: &[u8], new: &[u8]) -> Interned {
        intern(old, 0..old.len(), new, 0..new.len(), Modes::NONE).unwrap()
    }

    #[test]
    fn equal_lines_share_ids_across_sides() {
        let i = run(b"a\nb\na\nc", b"c\na\nb\nc\n");
        assert_eq!(i.old.ids, vec![0, 1, 0, 2]);
        // "c" without a newline is not the line "c\n".
        assert_eq!(i.new.ids, vec![3, 0, 1, 3]);
        assert_eq!(i.old.bounds, vec![0, 2, 4, 6, 7]);
        assert_eq!(i.new.bounds, vec![0, 2, 4, 6, 8]);
        assert_eq!(i.distinct, 4);
    }

    #[test]
    fn runs_taken_from_the_old_text_respect_its_last_line() {
        let i = run(b"a\nb", b"a\nbc\n");
        assert_eq!((i.old.ids.clone(), i.new.ids.clone()), (vec![0, 1], vec![0, 2]));
        let i = run(b"a\nb", b"a\nb");
        assert_eq!(i.new.ids, vec![0, 1]);
        assert_eq!(i.new.bounds, vec![0, 2, 3]);
        let i = run(b"a\nb\n", b"a\nb");
        assert_eq!(i.new.ids, vec![0, 2]);
    }

    #[test]
    fn ranges_are_honoured() {
        let old = b"zz\na\nb\nzz\n";
        let new = b"yy\nyy\na\nc\nyy\n";
        let i = intern(old, 3..7, new, 6..10, Modes::NONE).unwrap();
        assert_eq!(i.old.bounds, vec![3, 5, 7]);
        assert_eq!(i.new.bounds, vec![6, 8, 10]);
        assert_eq!((i.old.ids.clone(), i.new.ids.clone()), (vec![0, 1], vec![0, 2]));
    }

    #[test]
    fn the_table_grows_past_its_first_size() {
        let old: Vec<u8> = (0..40u32).flat_map(|i| format!("{i}\n").into_bytes()).collect();
        let new: Vec<u8> = (0..400u32).rev().flat_map(|i| format!("{i}\n").into_bytes()).collect();
        let i = run(&old, &new);
        assert_eq!(i.distinct, 400);
        assert_eq!(i.old.ids, (0..40).collect::<Vec<u32>>());
        assert_eq!(&i.new.ids[360..], &(0..40).rev().collect::<Vec<u32>>()[..]);
    }

    #[test]
    fn modes_make_lines_equal_by_their_keys() {
        let old = b"a  b\nX\nkeep\nc\r\n";
        let new = b"a b\nx\nkeep\nc\n";
        let i = intern(old, 0..old.len(), new, 0..new.len(), Modes::NONE).unwrap();
        assert_eq!(i.distinct, 7);
        let all = Modes::IGNORE_SPACE_CHANGE | Modes::IGNORE_CASE | Modes::STRIP_TRAILING_CR;
        let i = intern(old, 0..old.len(), new, 0..new.len(), all).unwrap();
        assert_eq!(i.old.ids, i.new.ids);
        assert_eq!(i.distinct, 4);
    }

    #[test]
    fn short_compares_agree_with_slice_equality() {
        let texts: Vec<Vec<u8>> = (0..40usize).map(|n| (0..n as u8).collect()).collect();
        for a in &texts {
            for b in &texts {
                assert_eq!(same(a, b), a == b);
                for flip in 0..b.len() {
                    let mut c = b.clone();
                    c[flip] ^= 0x40;
                    assert_eq!(same(a, &c), *a == c, "{a:?} {c:?}");
                }
            }
        }
    }
}
