//! The limits of one diff: the caller's time limit, and a budget of search
//! work that keeps the worst case linear in the input size. When the time
//! passes, the algorithms stop searching for a small diff and finish with a
//! coarser one that is still correct; when the work budget is spent, they
//! keep going with tighter cost limits.

use std::time::{Duration, Instant};

/// Reading the clock costs tens of nanoseconds; the algorithms report units
/// of work instead, and the clock is read once per this many.
const WORK_PER_CLOCK_READ: u64 = 1 << 14;

pub(crate) struct Deadline {
    at: Option<Instant>,
    work: u64,
    passed: bool,
    /// Search steps (Myers' diagonal visits) left for the whole diff, over
    /// all the regions it is split into.
    visits: i64,
}

impl Deadline {
    pub(crate) fn new(limit: Option<Duration>) -> Self {
        // A limit too far away to represent is the same as no limit.
        let at = limit.and_then(|d| Instant::now().checked_add(d));
        Deadline { at, work: 0, passed: false, visits: i64::MAX }
    }

    /// Sets the search budget of the whole diff.
    pub(crate) fn set_visits(&mut self, visits: i64) {
        self.visits = visits;
    }

    /// Spends `n` search steps; whether any budget is left.
    pub(crate) fn spend_visits(&mut self, n: i64) -> bool {
        self.visits = self.visits.saturating_sub(n);
        self.visits >= 0
    }

    /// Whether the deadline was found passed (it is looked at only as work
    /// is recorded).
    pub(crate) fn has_passed(&self) -> bool {
        self.passed
    }

    /// Records `work` units done and tells whether the deadline has passed.
    /// Once it has, it stays passed.
    pub(crate) fn passed(&mut self, work: u64) -> bool {
        let Some(at) = self.at else { return false };
        if !self.passed {
            self.work += work;
            if self.work >= WORK_PER_CLOCK_READ {
                self.work = 0;
                self.passed = Instant::now() >= at;
            }
        }
        self.passed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_limit_never_passes() {
        let mut d = Deadline::new(None);
        assert!(!d.passed(u64::MAX / 2));
        let mut far = Deadline::new(Some(Duration::MAX));
        assert!(!far.passed(u64::MAX / 2));
    }

    #[test]
    fn a_zero_limit_passes_at_the_first_clock_read() {
        let mut d = Deadline::new(Some(Duration::ZERO));
        assert!(!d.passed(1));
        assert!(d.passed(WORK_PER_CLOCK_READ));
        assert!(d.passed(0), "stays passed");
    }
}
