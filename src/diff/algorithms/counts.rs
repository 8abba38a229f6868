//! Per-id scratch arrays, allocated once per diff and shared by every call
//! of the algorithms on its regions (there may be thousands of small ones).

/// `old` and `new` are occurrence counts, all zero between uses; `first`
/// is all `NONE` between uses; `place` holds anything.
pub(crate) struct Counts {
    pub(crate) old: Vec<u32>,
    pub(crate) new: Vec<u32>,
    pub(crate) first: Vec<u32>,
    pub(crate) place: Vec<u32>,
}

/// No position: the end of a chain, or an id not seen.
pub(crate) const NONE: u32 = u32::MAX;

impl Counts {
    pub(crate) fn new(distinct: usize) -> Self {
        Counts { old: vec![0; distinct], new: vec![0; distinct], first: Vec::new(), place: Vec::new() }
    }

    /// Allocates `first` (all `NONE`) unless it is.
    pub(crate) fn with_first(&mut self) {
        if self.first.is_empty() {
            self.first = vec![NONE; self.old.len()];
        }
    }

    /// Allocates `place` unless it is.
    pub(crate) fn with_place(&mut self) {
        if self.place.is_empty() {
            self.place = vec![0; self.old.len()];
        }
    }
}
