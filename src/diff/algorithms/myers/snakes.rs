//! Following diagonals and choosing split points for the search: the
//! snakes (runs of equal lines) compared a block at a time, and the split
//! points the cost limits fall back on, a good snake or the furthest point
//! reached, when the middle snake costs too much to find.

use super::diagonals::Diagonals;

/// A diagonal run at least this long counts as a real match, not chance.
pub(super) const SNAKE_MIN: isize = 20;
/// A good snake must have advanced this many times further than the cost.
const GOOD_SNAKE_ADVANCE: isize = 4;

/// Where to split a box.
pub(super) struct Split {
    pub x: usize,
    pub y: usize,
    /// Whether the part before / after the split point should be solved
    /// without heuristics (its search was cheap, so exactness is affordable).
    pub minimal_before: bool,
    pub minimal_after: bool,
}

/// Lanes compared at once when following a diagonal. Most diagonals of
/// unrelated text end within a line or two; comparing a block at a time turns
/// the one unpredictable branch per line into one per block.
const LANES: usize = 8;

/// Length of the run of equal lines starting at `a[x]`, `b[y]`, within the
/// ends `x1`, `y1`.
#[inline]
pub(super) fn snake_forward<T: Copy + Eq>(a: &[T], b: &[T], x: usize, y: usize, x1: usize, y1: usize) -> usize {
    // Outer diagonals can step past the edge of the box.
    if x >= x1 || y >= y1 {
        return 0;
    }
    let (a, b) = (&a[x..x1], &b[y..y1]);
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + LANES <= n {
        let differ = lane_mask(&a[i..i + LANES], &b[i..i + LANES]);
        if differ != 0 {
            return i + differ.trailing_zeros() as usize;
        }
        i += LANES;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// Length of the run of equal lines ending just before `a[x]`, `b[y]`,
/// within the starts `x0`, `y0`.
#[inline]
pub(super) fn snake_backward<T: Copy + Eq>(a: &[T], b: &[T], x: usize, y: usize, x0: usize, y0: usize) -> usize {
    if x <= x0 || y <= y0 {
        return 0;
    }
    let (a, b) = (&a[x0..x], &b[y0..y]);
    let n = a.len().min(b.len());
    let (a, b) = (&a[a.len() - n..], &b[b.len() - n..]);
    let mut i = 0;
    while i + LANES <= n {
        let differ = lane_mask(&a[n - i - LANES..n - i], &b[n - i - LANES..n - i]);
        if differ != 0 {
            return i + (differ << (32 - LANES)).leading_zeros() as usize;
        }
        i += LANES;
    }
    while i < n && a[n - i - 1] == b[n - i - 1] {
        i += 1;
    }
    i
}

/// Bit `i` set where `a[i] != b[i]`, for `LANES` lanes.
#[inline(always)]
fn lane_mask<T: Copy + Eq>(a: &[T], b: &[T]) -> u32 {
    let (a, b): (&[T; LANES], &[T; LANES]) = (a.try_into().unwrap(), b.try_into().unwrap());
    let mut mask = 0u32;
    for i in 0..LANES {
        mask |= u32::from(a[i] != b[i]) << i;
    }
    mask
}

pub(super) type Band = (isize, isize, isize);
pub(super) type Bounds = (isize, isize, isize, isize);

/// A forward diagonal that ends in a long snake and has advanced well beyond
/// its cost: the part before it is settled, split there.
pub(super) fn good_forward_snake<T: Copy + Eq>(
    a: &[T],
    b: &[T],
    fwd: &Diagonals,
    (lo, hi, mid): Band,
    (x0, x1, y0, y1): Bounds,
    cost: isize,
) -> Option<Split> {
    let mut best = 0;
    let mut found = None;
    let mut k = hi;
    while k >= lo {
        let x = fwd.get(k);
        let y = x - k;
        let advance = (x - x0) + (y - y0) - (k - mid).abs();
        if advance > GOOD_SNAKE_ADVANCE * cost
            && advance > best
            && x0 + SNAKE_MIN <= x
            && x < x1
            && y0 + SNAKE_MIN <= y
            && y < y1
            && (1..=SNAKE_MIN).all(|d| a[(x - d) as usize] == b[(y - d) as usize])
        {
            best = advance;
            found = Some(Split { x: x as usize, y: y as usize, minimal_before: true, minimal_after: false });
        }
        k -= 2;
    }
    found
}

/// The backward counterpart of `good_forward_snake`.
pub(super) fn good_backward_snake<T: Copy + Eq>(
    a: &[T],
    b: &[T],
    bwd: &Diagonals,
    (lo, hi, mid): Band,
    (x0, x1, y0, y1): Bounds,
    cost: isize,
) -> Option<Split> {
    let mut best = 0;
    let mut found = None;
    let mut k = hi;
    while k >= lo {
        let x = bwd.get(k);
        let y = x - k;
        let advance = (x1 - x) + (y1 - y) - (k - mid).abs();
        if advance > GOOD_SNAKE_ADVANCE * cost
            && advance > best
            && x0 < x
            && x <= x1 - SNAKE_MIN
            && y0 < y
            && y <= y1 - SNAKE_MIN
            && (0..SNAKE_MIN).all(|d| a[(x + d) as usize] == b[(y + d) as usize])
        {
            best = advance;
            found = Some(Split { x: x as usize, y: y as usize, minimal_before: false, minimal_after: true });
        }
        k -= 2;
    }
    found
}

/// The search has cost too much: split at whichever of the forward and
/// backward frontiers has got further from its corner.
pub(super) fn furthest_point(
    fwd: &Diagonals,
    bwd: &Diagonals,
    (flo, fhi, blo, bhi): Bounds,
    (x0, x1, y0, y1): Bounds,
) -> Split {
    let (mut fsum, mut fx) = (-1, x0);
    let mut k = fhi;
    while k >= flo {
        // Frontier points may lie past the box edge on outer diagonals;
        // clip them back onto it along their diagonal.
        let mut x = fwd.get(k).min(x1);
        let mut y = x - k;
        if y > y1 {
            x = y1 + k;
            y = y1;
        }
        if x + y > fsum {
            fsum = x + y;
            fx = x;
        }
        k -= 2;
    }
    let (mut bsum, mut bx) = (isize::MAX, x1);
    let mut k = bhi;
    while k >= blo {
        let mut x = bwd.get(k).max(x0);
        let mut y = x - k;
        if y < y0 {
            x = y0 + k;
            y = y0;
        }
        if x + y < bsum {
            bsum = x + y;
            bx = x;
        }
        k -= 2;
    }
    if (x1 + y1) - bsum < fsum - (x0 + y0) {
        Split { x: fx as usize, y: (fsum - fx) as usize, minimal_before: true, minimal_after: false }
    } else {
        Split { x: bx as usize, y: (bsum - bx) as usize, minimal_before: false, minimal_after: true }
    }
}
