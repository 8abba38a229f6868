//! The caller's time limit. When it passes, the algorithms stop searching for
//! a small diff and finish with a coarser one that is still correct.

use std::time::{Duration, Instant};

/// Reading the clock costs tens of nanoseconds; the algorithms report units
/// of work instead, and the clock is read once per this many.
const WORK_PER_CLOCK_READ: u64 = 1 << 14;

pub(crate) struct Deadline {
    at: Option<Instant>,
    work: u64,
    passed: bool,
}

impl Deadline {
    pub(crate) fn new(limit: Option<Duration>) -> Self {
        // A limit too far away to represent is the same as no limit.
        let at = limit.and_then(|d| Instant::now().checked_add(d));
        Deadline { at, work: 0, passed: false }
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
