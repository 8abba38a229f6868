//! The three-way merge on arbitrary texts and options: it must never fail
//! or panic on any bytes, its regions must tile the result and the three
//! inputs, a favour must leave no conflict, and a side that changed nothing
//! must give the other side.
#![no_main]

use fast_diff::Algorithm;
use fast_diff::merge::{Favor, Labels, MergeOptions, RegionKind, Style, merge};
use libfuzzer_sys::fuzz_target;

fn lines(text: &[u8]) -> usize {
    text.split_inclusive(|&b| b == b'\n').count()
}

fuzz_target!(|input: (u8, u8, &[u8], &[u8], &[u8])| {
    let (choice, marker_size, base, ours, theirs) = input;
    let style = [Style::Merge, Style::Diff3, Style::Zdiff3][usize::from(choice % 3)];
    let favor = [None, Some(Favor::Ours), Some(Favor::Theirs), Some(Favor::Union)][usize::from(choice / 3 % 4)];
    let algorithm = [Algorithm::Myers, Algorithm::Histogram, Algorithm::Patience][usize::from(choice / 12 % 3)];
    let options = MergeOptions {
        style,
        favor,
        algorithm,
        marker_size: usize::from(marker_size % 16),
        labels: Labels { ours: b"o", base: b"", theirs: b"t t" },
    };
    let m = merge(base, ours, theirs, &options).expect("every input merges");
    let mut at = (0, 0, 0, 0);
    for r in &m.regions {
        assert_eq!((r.base.start, r.ours.start, r.theirs.start, r.result.start), at);
        at = (r.base.end, r.ours.end, r.theirs.end, r.result.end);
        assert!(favor.is_none() || r.kind != RegionKind::Conflict);
    }
    assert_eq!(at, (lines(base), lines(ours), lines(theirs), lines(&m.text)));
    assert_eq!(m.conflicts, m.regions.iter().filter(|r| r.kind == RegionKind::Conflict).count());
    if ours == base {
        assert_eq!((m.text.as_slice(), m.conflicts), (theirs, 0));
    }
    if theirs == base || theirs == ours {
        assert_eq!((m.text.as_slice(), m.conflicts), (ours, 0));
    }
});
