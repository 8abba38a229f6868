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

use crate::error::{Error, MAX_LINES};
use crate::lines::line_bounds;

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
) -> Result<Interned, Error> {
    let hasher = foldhash::quality::FixedState::with_seed(0x5eed_f00d_cafe);
    let hash = |bytes: &[u8]| hasher.hash_one(bytes);

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
            *h = hash(old_line(i));
            table.prefetch(*h);
        }
        for (i, &h) in (start..end).zip(&hashes) {
            let slot = table.find(h, i as u32, |line| old_line(line as usize) == old_line(i));
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
    while at < new_text.len() {
        if new_ids.len() > MAX_LINES {
            return Err(Error::TooManyLines);
        }
        // Take as many whole old lines as the texts have in common here.
        if predicted < old_lines {
            let common = common_prefix(&new_text[at..], &old[old_bounds[predicted]..old_range.end]);
            let base = old_bounds[predicted];
            let mut taken = 0;
            while predicted < old_lines && old_bounds[predicted + 1] - base <= common {
                let end = at + (old_bounds[predicted + 1] - base);
                // An old line cut short by the end of its text is only equal
                // to a new line cut short by the end of the new text.
                if old[old_bounds[predicted + 1] - 1] != b'\n' && end != new_text.len() {
                    break;
                }
                new_bounds.push(end);
                new_ids.push(old_ids[predicted]);
                predicted += 1;
                taken = end;
            }
            if taken != 0 {
                at = taken;
                continue;
            }
        }
        let end = memchr::memchr(b'\n', &new_text[at..]).map_or(new_text.len(), |nl| at + nl + 1);
        let line = &new_text[at..end];
        let this = (old_lines + new_ids.len()) as u32;
        let slot = table.find(hash(line), this, |first| {
            let first = first as usize;
            let bytes = match first.checked_sub(old_lines) {
                None => old_line(first),
                Some(j) => &new_text[new_bounds[j]..new_bounds[j + 1]],
            };
            bytes == line
        });
        // Resume predicting after the line's first occurrence in the old text.
        predicted = if slot.id < old_ids_end { slot.line as usize + 1 } else { old_lines };
        new_bounds.push(end);
        new_ids.push(slot.id);
        at = end;
    }

    let distinct = table.distinct as usize;
    Ok(Interned {
        old: Lines { bounds: old_bounds, ids: old_ids },
        new: Lines { bounds: new_bounds, ids: new_ids },
        distinct,
    })
}

/// Length of the longest common prefix, compared a block at a time.
pub(crate) fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 256;
    let n = a.len().min(b.len());
    let mut i = 0;
    // Lines often differ early: one word compare first.
    while i + 8 <= n && a[i..i + 8] == b[i..i + 8] {
        i += 8;
        if i + BLOCK <= n && a[i..i + BLOCK] == b[i..i + BLOCK] {
            i += BLOCK;
        }
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

const EMPTY: u32 = u32::MAX;

#[derive(Clone, Copy)]
struct Slot {
    hash: u64,
    /// `EMPTY` for a free slot.
    id: u32,
    /// Where the id's line first occurs: an old line's index, or the number
    /// of old lines plus a new line's index.
    line: u32,
}

/// Open addressing with linear probing, at most half full.
struct Table {
    slots: Vec<Slot>,
    mask: usize,
    distinct: u32,
}

impl Table {
    fn with_capacity(lines: usize) -> Self {
        let size = (lines * 2).next_power_of_two();
        Table { slots: vec![Slot { hash: 0, id: EMPTY, line: 0 }; size], mask: size - 1, distinct: 0 }
    }

    fn home(&self, hash: u64) -> usize {
        // The high bits: foldhash mixes them best.
        (hash >> 32) as usize & self.mask
    }

    fn prefetch(&self, hash: u64) {
        #[cfg(target_arch = "x86_64")]
        {
            let at = self.slots[self.home(hash)..].as_ptr();
            // SAFETY: a prefetch only hints the cache; `at` points into
            // `slots`, and nothing is read or written through it.
            unsafe { core::arch::x86_64::_mm_prefetch::<{ core::arch::x86_64::_MM_HINT_T0 }>(at.cast()) };
        }
    }

    /// The slot of the line numbered `line` with hash `hash`: the slot of an
    /// earlier line for which `same` (given that line's number) holds, or a
    /// new slot with a new id.
    fn find(&mut self, hash: u64, line: u32, same: impl Fn(u32) -> bool) -> Slot {
        let mut at = self.home(hash);
        loop {
            let slot = self.slots[at];
            if slot.id == EMPTY {
                break;
            }
            if slot.hash == hash && same(slot.line) {
                return slot;
            }
            at = (at + 1) & self.mask;
        }
        let slot = Slot { hash, id: self.distinct, line };
        self.slots[at] = slot;
        self.distinct += 1;
        if self.distinct as usize * 2 > self.slots.len() {
            self.grow();
        }
        slot
    }

    fn grow(&mut self) {
        let old = core::mem::take(&mut self.slots);
        self.slots = vec![Slot { hash: 0, id: EMPTY, line: 0 }; old.len() * 2];
        self.mask = self.slots.len() - 1;
        for slot in old.into_iter().filter(|s| s.id != EMPTY) {
            let mut at = self.home(slot.hash);
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
        intern(old, 0..old.len(), new, 0..new.len()).unwrap()
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
        let i = intern(old, 3..7, new, 6..10).unwrap();
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
    fn common_prefix_agrees_with_a_bytewise_count() {
        let a: Vec<u8> = (0..2000u32).map(|i| (i % 251) as u8).collect();
        for cut in [0, 1, 7, 8, 9, 263, 264, 265, 1999] {
            let mut b = a.clone();
            b[cut] ^= 1;
            assert_eq!(common_prefix(&a, &b), cut);
        }
        assert_eq!(common_prefix(&a, &a[..1500]), 1500);
    }
}
