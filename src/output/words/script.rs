//! A change's token marks read back as an edit script of pieces (removed,
//! added and equal runs of tokens), and the thinning that keeps the number
//! of spans of a whole diff bounded by its size.
//!
//! Two unrelated texts of a few distinct characters share about half their
//! tokens, scattered: their inline diff alternates every token or two, and
//! spans (and what each language makes of them) would take tens of bytes per
//! input byte. Past a density of one span per [`BYTES_PER_SPAN`] changed
//! bytes (and [`MIN_SPANS`] spans in all), the shortest unchanged runs
//! between changed ones are shown as changed, on both sides, until the spans
//! fit: a coarser inline diff that still rebuilds both texts. Real edits are
//! far sparser than that, and are never thinned.

/// Changed bytes (old and new) per span a diff may have before it is thinned.
pub(super) const BYTES_PER_SPAN: usize = 8;
/// Spans any diff may have.
pub(super) const MIN_SPANS: usize = 1 << 16;
/// Equal runs longer than this are counted together: there are few enough
/// of them (one per this many tokens at most) that thinning rarely reaches
/// them, and then takes them all.
const LONGEST_THINNED: usize = 4096;

/// A run of tokens of an edit script: removed (old side), added (new side),
/// or equal (both; `between` when changed runs lie on both sides of it in
/// the same change, so that thinning may take it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Piece {
    Removed(usize),
    Added(usize),
    Equal { tokens: usize, between: bool },
}

/// Calls `f` with the pieces of the script `removed`/`added` (a valid
/// script: as many unmarked tokens on each side), with the equal runs
/// between changes of at most `thin` tokens shown as removed and added.
pub(super) fn walk(removed: &[bool], added: &[bool], thin: usize, mut f: impl FnMut(Piece)) {
    let (n, m) = (removed.len(), added.len());
    let (mut i, mut j) = (0, 0);
    // The changed group being gathered (removed, added tokens), and the
    // equal run after it, held back until it is known whether a change
    // follows.
    let mut group: Option<(usize, usize)> = None;
    let mut held: Option<usize> = None;
    let flush = |group: &mut Option<(usize, usize)>, f: &mut dyn FnMut(Piece)| {
        if let Some((r, a)) = group.take() {
            if r > 0 {
                f(Piece::Removed(r));
            }
            if a > 0 {
                f(Piece::Added(a));
            }
        }
    };
    while i < n || j < m {
        let (si, sj) = (i, j);
        i += removed[i..].iter().take_while(|&&r| r).count();
        j += added[j..].iter().take_while(|&&a| a).count();
        let (r, a) = (i - si, j - sj);
        if r + a > 0 {
            match (held.take(), group) {
                (Some(tokens), Some((gr, ga))) if tokens <= thin => group = Some((gr + tokens + r, ga + tokens + a)),
                (Some(tokens), before) => {
                    flush(&mut group, &mut f);
                    f(Piece::Equal { tokens, between: before.is_some() });
                    group = Some((r, a));
                }
                (None, before) => group = Some(before.map_or((r, a), |(gr, ga)| (gr + r, ga + a))),
            }
        }
        let equal = removed[i..].iter().zip(&added[j..]).take_while(|(r, a)| !**r && !**a).count();
        if equal > 0 {
            i += equal;
            j += equal;
            held = Some(held.unwrap_or(0) + equal);
        } else if i == si && j == sj {
            // Not a valid script (the search never makes one): show the
            // rest as changed rather than loop.
            let (gr, ga) = group.unwrap_or((0, 0));
            group = Some((gr + n - i, ga + m - j));
            (i, j) = (n, m);
        }
    }
    flush(&mut group, &mut f);
    if let Some(tokens) = held {
        f(Piece::Equal { tokens, between: false });
    }
}

/// What thinning needs to know of a diff's scripts: their spans as they
/// are, the spans left however much is thinned, and how many equal runs
/// between changes each length has.
pub(super) struct Density {
    pub spans: usize,
    fixed: usize,
    between: Vec<usize>,
}

impl Density {
    pub(super) fn new() -> Self {
        Density { spans: 0, fixed: 0, between: vec![0; LONGEST_THINNED + 2] }
    }

    /// Counts one change's script (besides its common ends, one span each).
    pub(super) fn add(&mut self, removed: &[bool], added: &[bool]) {
        let mut changed = false;
        walk(removed, added, 0, |piece| {
            self.spans += 1;
            match piece {
                Piece::Equal { tokens, between: true } => self.between[tokens.min(LONGEST_THINNED + 1)] += 1,
                Piece::Equal { .. } => self.fixed += 1,
                Piece::Removed(_) | Piece::Added(_) => changed = true,
            }
        });
        // Thinned as far as it goes, a change is one removed and one added run.
        self.fixed += 2 * usize::from(changed);
    }

    /// Counts spans that thinning never touches (context, common ends).
    pub(super) fn add_fixed(&mut self, spans: usize) {
        self.spans += spans;
        self.fixed += spans;
    }

    /// The longest equal runs between changes to show as changed so that
    /// the spans fit in `budget`: 0 when they fit already. Each equal run
    /// left between changes keeps at most three spans (itself, and the
    /// removed and added runs of the group after it), so the count is an
    /// upper bound and the result errs on the side of fitting.
    pub(super) fn thinning(&self, budget: usize) -> usize {
        if self.spans <= budget {
            return 0;
        }
        let mut left: usize = self.between.iter().sum();
        for (tokens, runs) in self.between.iter().enumerate().take(LONGEST_THINNED + 1) {
            left -= runs;
            if self.fixed + 3 * left <= budget {
                return tokens.max(1);
            }
        }
        usize::MAX
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(removed: &[u8], added: &[u8], thin: usize) -> Vec<Piece> {
        let (r, a): (Vec<bool>, Vec<bool>) =
            (removed.iter().map(|&b| b == 1).collect(), added.iter().map(|&b| b == 1).collect());
        let mut out = Vec::new();
        walk(&r, &a, thin, |p| out.push(p));
        out
    }

    #[test]
    fn scripts_read_as_pieces() {
        use Piece::*;
        // old: k x k y k, new: k k z k: removed x, y; added z.
        assert_eq!(
            pieces(&[0, 1, 0, 1, 0], &[0, 0, 1, 0], 0),
            [
                Equal { tokens: 1, between: false },
                Removed(1),
                Equal { tokens: 1, between: true },
                Removed(1),
                Added(1),
                Equal { tokens: 1, between: false }
            ]
        );
        assert_eq!(
            pieces(&[0, 1, 0, 1, 0], &[0, 0, 1, 0], 1),
            [Equal { tokens: 1, between: false }, Removed(3), Added(2), Equal { tokens: 1, between: false }]
        );
        assert_eq!(pieces(&[1, 1], &[], 5), [Removed(2)]);
        assert_eq!(pieces(&[], &[], 5), []);
    }

    #[test]
    fn thinning_fits_the_budget() {
        // Alternating: k x k x ... against k k k ...
        let removed: Vec<bool> = (0..1000).map(|i| i % 2 == 1).collect();
        let added = vec![false; 500];
        let mut density = Density::new();
        density.add(&removed, &added);
        assert_eq!(density.spans, 1000);
        assert_eq!(density.thinning(1000), 0);
        let thin = density.thinning(100);
        assert!(thin >= 1);
        let mut spans = 0;
        walk(&removed, &added, thin, |_| spans += 1);
        assert!(spans <= 100, "{spans}");
    }
}
