//! The deadline's effect on the result: once it has passed, the engine stops
//! looking for a small diff and finishes a coarser one, still correct; until
//! it passes, it changes nothing. (How much time it saves is a benchmark's
//! business: `make bench` times Myers with and without one, side by side.)
//!
//! A deadline of zero has passed at the engine's first look at the clock,
//! which comes after a fixed amount of work: the coarse diff below does not
//! depend on the machine's speed.

use std::time::Duration;

use fast_diff::{Algorithm, ApplyOptions, DiffOptions, apply_patch, diff_lines, unified_diff};

const ALGORITHMS: [Algorithm; 3] = [Algorithm::Myers, Algorithm::Histogram, Algorithm::Patience];

/// Lines drawn independently on each side from three short ones: many
/// matches in many ways, the costliest search known, where a small diff is
/// far smaller than a coarse one.
fn costly_pair() -> (Vec<u8>, Vec<u8>) {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut text = || {
        let tokens: [&[u8]; 3] = [b"}\n", b"\n", b"return;\n"];
        (0..30_000)
            .flat_map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                tokens[(state % 3) as usize].iter().copied()
            })
            .collect::<Vec<u8>>()
    };
    (text(), text())
}

fn options(algorithm: Algorithm, deadline: Option<Duration>) -> DiffOptions<'static> {
    DiffOptions { algorithm, deadline, ..DiffOptions::default() }
}

/// Lines removed plus lines added.
fn changed_lines(old: &[u8], new: &[u8], options: &DiffOptions) -> usize {
    diff_lines(old, new, options).unwrap().changes().map(|c| c.old.len() + c.new.len()).sum()
}

/// The text the diff gives, applied at exactly the lines it states.
fn applied(old: &[u8], diff: &[u8]) -> Vec<u8> {
    let exact = ApplyOptions { max_offset: 0, strict_line_endings: true, ..ApplyOptions::default() };
    apply_patch(old, diff, &exact).unwrap().text
}

#[test]
fn a_passed_deadline_gives_a_larger_diff_that_still_applies() {
    let (old, new) = costly_pair();
    for algorithm in ALGORITHMS {
        let (unbounded, bounded) = (options(algorithm, None), options(algorithm, Some(Duration::ZERO)));
        let (full, coarse) =
            (unified_diff(&old, &new, &unbounded).unwrap(), unified_diff(&old, &new, &bounded).unwrap());
        assert_ne!(full, coarse, "{algorithm:?}: the deadline changed nothing");
        let (small, large) = (changed_lines(&old, &new, &unbounded), changed_lines(&old, &new, &bounded));
        // Far more lines marked changed, not a different choice among equals.
        assert!(large > small + small / 4, "{algorithm:?}: {large} changed lines with the deadline, {small} without");
        assert!(coarse.len() > full.len(), "{algorithm:?}");
        assert_eq!(applied(&old, &full), new, "{algorithm:?}");
        assert_eq!(applied(&old, &coarse), new, "{algorithm:?}");
    }
}

#[test]
fn a_deadline_that_does_not_pass_changes_nothing() {
    let (old, new) = costly_pair();
    for algorithm in ALGORITHMS {
        let unbounded = unified_diff(&old, &new, &options(algorithm, None)).unwrap();
        let distant = unified_diff(&old, &new, &options(algorithm, Some(Duration::from_secs(3600)))).unwrap();
        assert_eq!(distant, unbounded, "{algorithm:?}");
    }
}
