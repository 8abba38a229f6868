//! The furthest point reached on each diagonal, kept only for the band of
//! diagonals a search has touched. A search's band grows by one diagonal a
//! side per unit of cost, and the cost limits bound the cost, so the memory
//! follows the work done and not the size of the input: a word diff of a
//! line of fifty million characters needs kilobytes here, not the 400 MB
//! that one slot per diagonal of the whole input would take.

/// The x reached on diagonals `base..base + x.len()`.
pub(super) struct Diagonals {
    x: Vec<i32>,
    base: isize,
}

/// Slots allocated for a first search; most searches of real inputs stay
/// within this band.
const FIRST_BAND: usize = 256;

impl Diagonals {
    pub(super) fn new() -> Self {
        Diagonals { x: Vec::new(), base: 0 }
    }

    /// Starts a search centred on diagonal `k`: the window moves there, its
    /// old values become garbage (a search writes every slot before it
    /// reads it).
    pub(super) fn start(&mut self, k: isize) {
        if self.x.is_empty() {
            self.x = vec![0; FIRST_BAND];
        }
        self.base = k - (self.x.len() / 2) as isize;
    }

    /// Makes room for diagonals `lo..=hi`, keeping the values already there.
    #[inline]
    pub(super) fn fit(&mut self, lo: isize, hi: isize) {
        let end = self.base + self.x.len() as isize;
        if lo >= self.base && hi < end {
            return;
        }
        self.grow(lo, hi, end);
    }

    #[cold]
    fn grow(&mut self, lo: isize, hi: isize, end: isize) {
        // Doubling keeps the copying linear in the final size of the band.
        let len = self.x.len() as isize;
        let new_base = lo.min(self.base) - len / 2;
        let new_end = hi.max(end - 1) + 1 + len / 2;
        let mut x = vec![0; (new_end - new_base) as usize];
        let at = (self.base - new_base) as usize;
        x[at..at + self.x.len()].copy_from_slice(&self.x);
        self.x = x;
        self.base = new_base;
    }

    #[inline(always)]
    pub(super) fn get(&self, k: isize) -> isize {
        self.x[(k - self.base) as usize] as isize
    }

    #[inline(always)]
    pub(super) fn set(&mut self, k: isize, x: isize) {
        self.x[(k - self.base) as usize] = x as i32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growing_keeps_the_values() {
        let mut d = Diagonals::new();
        d.start(1_000);
        for k in 990..1_010 {
            d.set(k, k * 2);
        }
        d.fit(-5_000, 7_000);
        d.set(-5_000, 1);
        d.set(7_000, 2);
        assert!((990..1_010).all(|k| d.get(k) == k * 2));
        assert_eq!((d.get(-5_000), d.get(7_000)), (1, 2));
    }
}
