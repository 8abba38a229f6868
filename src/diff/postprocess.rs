//! Sliding groups of changed lines to canonical places. An insertion of "b\n"
//! into "a\nb\nc\n" after the "b" could equally be shown before it; every
//! algorithm picks one, sometimes splitting what belongs together. Here each
//! group of changes is merged with its neighbours where sliding allows, then
//! lined up with a change on the other side if it can be, and otherwise placed
//! as low as it goes, as GNU diff and git do.
//!
//! A side's lines alternate between groups of changed lines (possibly empty)
//! and single unchanged lines; the unchanged lines pair up in order with the
//! other side's, so group `i` of one side faces group `i` of the other.

/// Compacts the changes of both sides; `old` and `new` are the line ids.
pub(crate) fn compact(old: &[u32], removed: &mut [bool], new: &[u32], added: &mut [bool]) {
    compact_side(old, removed, added);
    compact_side(new, added, removed);
}

#[derive(Clone, Copy)]
struct Group {
    start: usize,
    end: usize,
}

impl Group {
    fn is_empty(self) -> bool {
        self.start == self.end
    }

    fn first(changed: &[bool]) -> Group {
        let end = changed.iter().position(|&c| !c).unwrap_or(changed.len());
        Group { start: 0, end }
    }

    /// Moves to the next group, past one unchanged line.
    fn next(&mut self, changed: &[bool]) -> bool {
        if self.end == changed.len() {
            return false;
        }
        self.start = self.end + 1;
        self.end = self.start;
        while self.end < changed.len() && changed[self.end] {
            self.end += 1;
        }
        true
    }

    /// Moves to the previous group, before one unchanged line.
    fn previous(&mut self, changed: &[bool]) -> bool {
        if self.start == 0 {
            return false;
        }
        self.end = self.start - 1;
        self.start = self.end;
        while self.start > 0 && changed[self.start - 1] {
            self.start -= 1;
        }
        true
    }

    /// Moves `k` groups on: past `k` unchanged lines and the changes
    /// between them.
    fn advance(&mut self, changed: &[bool], mut k: usize) {
        while k > 0 {
            if self.end >= changed.len() {
                debug_assert!(false, "groups out of step");
                return;
            }
            // The unchanged lines from `end` up to the next change.
            let next = next_changed(changed, self.end + 1).unwrap_or(changed.len());
            let unchanged = next - self.end;
            if k < unchanged {
                self.start = self.end + k;
                self.end = self.start;
                return;
            }
            k -= unchanged;
            self.start = next;
            self.end = run_end(changed, next);
        }
    }

    /// Shifts the group one line down when the line after it equals its
    /// first line, absorbing any group it then touches.
    fn slide_down(&mut self, lines: &[u32], changed: &mut [bool]) -> bool {
        if self.end == lines.len() || lines[self.start] != lines[self.end] {
            return false;
        }
        changed[self.start] = false;
        changed[self.end] = true;
        self.start += 1;
        self.end += 1;
        while self.end < changed.len() && changed[self.end] {
            self.end += 1;
        }
        true
    }

    /// Shifts the group one line up when the line before it equals its last
    /// line, absorbing any group it then touches.
    fn slide_up(&mut self, lines: &[u32], changed: &mut [bool]) -> bool {
        if self.start == 0 || lines[self.start - 1] != lines[self.end - 1] {
            return false;
        }
        changed[self.start - 1] = true;
        changed[self.end - 1] = false;
        self.start -= 1;
        self.end -= 1;
        while self.start > 0 && changed[self.start - 1] {
            self.start -= 1;
        }
        true
    }
}

fn compact_side(lines: &[u32], changed: &mut [bool], other: &[bool]) {
    let mut group = Group::first(changed);
    let mut facing = Group::first(other);
    loop {
        if !group.is_empty() {
            let mut earliest_end;
            let mut aligned_end;
            loop {
                let size = group.end - group.start;
                // Every shift moves one unchanged line across the group, so
                // the facing group moves by one as well.
                while group.slide_up(lines, changed) {
                    let moved = facing.previous(other);
                    debug_assert!(moved, "groups out of step");
                }
                earliest_end = group.end;
                aligned_end = (!facing.is_empty()).then_some(group.end);
                while group.slide_down(lines, changed) {
                    let moved = facing.next(other);
                    debug_assert!(moved, "groups out of step");
                    if !facing.is_empty() {
                        aligned_end = Some(group.end);
                    }
                }
                // Sliding merged groups: slide the larger one again.
                if group.end - group.start == size {
                    break;
                }
            }
            if group.end != earliest_end && aligned_end.is_some() {
                while facing.is_empty() {
                    group.slide_up(lines, changed);
                    facing.previous(other);
                }
            }
        }
        // Past the unchanged lines to the next change on this side, moving
        // the facing group over as many unchanged lines.
        let Some(next) = next_changed(changed, group.end) else { break };
        let skipped = next - group.end;
        group = Group { start: next, end: run_end(changed, next) };
        facing.advance(other, skipped);
    }
}

/// The first changed line at or after `from`.
fn next_changed(changed: &[bool], from: usize) -> Option<usize> {
    // SAFETY: a bool is one byte holding 0 or 1, so the flags are bytes.
    let bytes = unsafe { core::slice::from_raw_parts(changed.as_ptr().cast::<u8>(), changed.len()) };
    memchr::memchr(1, &bytes[from..]).map(|i| from + i)
}

/// The end of the run of changed lines starting at `start`.
fn run_end(changed: &[bool], start: usize) -> usize {
    // SAFETY: as in `next_changed`.
    let bytes = unsafe { core::slice::from_raw_parts(changed.as_ptr().cast::<u8>(), changed.len()) };
    memchr::memchr(0, &bytes[start..]).map_or(changed.len(), |i| start + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(old: &[u32], removed: &[u8], new: &[u32], added: &[u8]) -> (Vec<u8>, Vec<u8>) {
        let mut r: Vec<bool> = removed.iter().map(|&c| c == 1).collect();
        let mut a: Vec<bool> = added.iter().map(|&c| c == 1).collect();
        compact(old, &mut r, new, &mut a);
        (r.iter().map(|&c| c as u8).collect(), a.iter().map(|&c| c as u8).collect())
    }

    #[test]
    fn a_lone_insertion_goes_as_low_as_it_can() {
        // "a b c" -> "a b b c", with the inserted "b" first found early.
        let (r, a) = run(&[1, 2, 3], &[0, 0, 0], &[1, 2, 2, 3], &[0, 1, 0, 0]);
        assert_eq!((r, a), (vec![0, 0, 0], vec![0, 0, 1, 0]));
    }

    #[test]
    fn split_groups_are_merged() {
        // Two of three equal lines removed, found apart: they slide together.
        let (r, a) = run(&[9, 9, 9], &[1, 0, 1], &[9], &[0]);
        assert_eq!((r, a), (vec![0, 1, 1], vec![0]));
    }

    #[test]
    fn a_group_lines_up_with_a_change_on_the_other_side() {
        // old: a b b c, new: a X b c. The removed b would slide down past the
        // other b, away from the added X; it stays facing it instead.
        let (r, a) = run(&[1, 2, 2, 3], &[0, 1, 0, 0], &[1, 7, 2, 3], &[0, 1, 0, 0]);
        assert_eq!((r, a), (vec![0, 1, 0, 0], vec![0, 1, 0, 0]));
    }
}
