//! Property tests: for random pairs of awkward texts, every diff the engine
//! writes applies (strictly) to the old text and gives the new text exactly,
//! with every algorithm and context size; and `similar`, an independent
//! implementation, never finds a diff with fewer changed lines on small
//! inputs, where ours is meant to be minimal.

mod common;

use common::{AWKWARD, apply, lines};
use fast_diff::{Algorithm, DiffOptions, Granularity, LineKind, SpanKind, diff_lines, unified_diff};
use proptest::prelude::*;

const ALGORITHMS: [Algorithm; 3] = [Algorithm::Myers, Algorithm::Histogram, Algorithm::Patience];

fn line() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        8 => (0..AWKWARD.len()).prop_map(|i| AWKWARD[i].to_vec()),
        1 => prop::collection::vec(any::<u8>(), 0..12).prop_map(|mut v| { v.retain(|&b| b != b'\n'); v.push(b'\n'); v }),
    ]
}

fn text() -> impl Strategy<Value = Vec<u8>> {
    (prop::collection::vec(line(), 0..30), any::<bool>()).prop_map(|(ls, cut)| {
        let mut t = ls.concat();
        if cut {
            t.pop();
        }
        t
    })
}

/// Old text, and a new text that is either an edit of it or unrelated.
fn pair() -> impl Strategy<Value = (Vec<u8>, Vec<u8>)> {
    prop_oneof![
        (text(), text()),
        (text(), prop::collection::vec((0usize..40, 0u8..3, line()), 0..8)).prop_map(|(old, edits)| {
            let mut ls: Vec<Vec<u8>> = lines(&old).into_iter().map(<[u8]>::to_vec).collect();
            for (at, op, l) in edits {
                let at = at.min(ls.len());
                match op {
                    0 if at < ls.len() => {
                        ls.remove(at);
                    }
                    1 if at < ls.len() => ls[at] = l,
                    _ => ls.insert(at, l),
                }
            }
            let n = ls.len();
            for (k, l) in ls.iter_mut().enumerate() {
                if k + 1 < n && l.last() != Some(&b'\n') {
                    l.push(b'\n');
                }
            }
            (old, ls.concat())
        }),
    ]
}

/// Number of changed lines in a minimal line diff, by `similar`'s Myers over
/// LF-split lines (its own line splitting also breaks at CR).
fn similar_changes(old: &[u8], new: &[u8]) -> usize {
    let (a, b) = (lines(old), lines(new));
    similar::capture_diff_slices(similar::Algorithm::Myers, &a, &b)
        .iter()
        .map(|op| match op.tag() {
            similar::DiffTag::Equal => 0,
            _ => op.old_range().len() + op.new_range().len(),
        })
        .sum()
}

fn our_changes(old: &[u8], new: &[u8], algorithm: Algorithm) -> usize {
    let diff = diff_lines(old, new, &DiffOptions { context_lines: 0, algorithm, ..DiffOptions::default() }).unwrap();
    diff.changes().map(|c| c.old.len() + c.new.len()).sum()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn diffs_apply_and_reproduce_the_new_text((old, new) in pair(), context in 0usize..6) {
        for algorithm in ALGORITHMS {
            let options = DiffOptions { context_lines: context, algorithm, ..DiffOptions::default() };
            let diff = unified_diff(&old, &new, &options).unwrap();
            prop_assert_eq!(diff.is_empty(), old == new);
            let applied = apply(&old, &diff).map_err(|e| TestCaseError::fail(format!("{algorithm:?}: {e}\n{}", String::from_utf8_lossy(&diff))))?;
            prop_assert_eq!(applied, new.clone());
        }
    }

    #[test]
    fn hunks_and_stats_agree_with_the_unified_text((old, new) in pair(), context in 0usize..5) {
        let options = DiffOptions { context_lines: context, ..DiffOptions::default() };
        let diff = diff_lines(&old, &new, &options).unwrap();
        let mut text = Vec::new();
        let hunks = diff.hunks(context);
        if !hunks.is_empty() {
            text.extend_from_slice(b"--- original\n+++ modified\n");
        }
        let range = |r: &std::ops::Range<usize>| match r.len() {
            0 => format!("{},0", r.start),
            1 => format!("{}", r.start + 1),
            n => format!("{},{n}", r.start + 1),
        };
        for h in &hunks {
            text.extend(format!("@@ -{} +{} @@\n", range(&h.old), range(&h.new)).bytes());
            for line in &h.lines {
                text.push(match line.kind { LineKind::Context => b' ', LineKind::Removed => b'-', LineKind::Added => b'+' });
                let bytes = diff.line_bytes(line);
                text.extend_from_slice(bytes);
                if bytes.last() != Some(&b'\n') {
                    text.extend_from_slice(b"\n\\ No newline at end of file\n");
                }
            }
        }
        prop_assert_eq!(&text, &unified_diff(&old, &new, &options).unwrap());
        let stats = diff.stats(context);
        prop_assert_eq!(stats.hunks, hunks.len());
        prop_assert_eq!(stats.identical, old == new);
        let count = |k: LineKind| hunks.iter().flat_map(|h| &h.lines).filter(|l| l.kind == k).count();
        prop_assert_eq!((stats.lines_added, stats.lines_removed), (count(LineKind::Added), count(LineKind::Removed)));
        prop_assert!((0.0..=1.0).contains(&stats.similarity));
    }

    #[test]
    fn word_spans_rebuild_both_sides_of_every_hunk((old, new) in pair(), which in 0usize..3) {
        let granularity = [Granularity::Words, Granularity::Chars, Granularity::Graphemes][which];
        let diff = diff_lines(&old, &new, &DiffOptions::default()).unwrap();
        let spans = diff.word_spans(3, granularity, None);
        for (h, hunk) in diff.hunks(3).iter().enumerate() {
            let side = |keep: SpanKind| -> Vec<u8> {
                spans.iter().filter(|s| s.hunk == h && (s.kind == SpanKind::Equal || s.kind == keep))
                    .flat_map(|s| diff.span_bytes(s).to_vec()).collect()
            };
            let lines = |keep: LineKind| -> Vec<u8> {
                hunk.lines.iter().filter(|l| l.kind == LineKind::Context || l.kind == keep)
                    .flat_map(|l| diff.line_bytes(l).to_vec()).collect()
            };
            prop_assert_eq!(side(SpanKind::Removed), lines(LineKind::Removed));
            prop_assert_eq!(side(SpanKind::Added), lines(LineKind::Added));
        }
    }

    #[test]
    fn myers_is_as_small_as_an_independent_minimal_diff((old, new) in pair()) {
        let ours = our_changes(&old, &new, Algorithm::Myers);
        let theirs = similar_changes(&old, &new);
        prop_assert!(ours <= theirs, "ours {} > similar's {}", ours, theirs);
    }
}

#[test]
fn larger_random_pairs_apply() {
    let mut rng = common::Rng(0xfeed_beef);
    for round in 0..60 {
        let old = common::awkward_text(&mut rng, 50 + round * 20);
        let new = common::edit(&mut rng, &old);
        for algorithm in ALGORITHMS {
            for context in [0, 3, 8] {
                let options = DiffOptions { context_lines: context, algorithm, ..DiffOptions::default() };
                let diff = unified_diff(&old, &new, &options).unwrap();
                assert_eq!(apply(&old, &diff).unwrap(), new, "round {round} {algorithm:?} context {context}");
            }
        }
    }
}

#[test]
fn a_deadline_gives_a_coarser_diff_that_still_applies() {
    // Unrelated texts of three short lines: the costliest shape known.
    let mut rng = common::Rng(7);
    let tokens: [&[u8]; 3] = [b"}\n", b"\n", b"return;\n"];
    let mut text = || (0..60_000).flat_map(|_| tokens[rng.below(3) as usize].iter().copied()).collect::<Vec<u8>>();
    let (old, new) = (text(), text());
    for algorithm in ALGORITHMS {
        let options =
            DiffOptions { deadline: Some(std::time::Duration::from_millis(1)), algorithm, ..DiffOptions::default() };
        let start = std::time::Instant::now();
        let diff = unified_diff(&old, &new, &options).unwrap();
        assert_eq!(apply(&old, &diff).unwrap(), new, "{algorithm:?}");
        // Not a speed test: only that the deadline was not ignored outright
        // (an unbounded search of this input takes far longer).
        assert!(start.elapsed() < std::time::Duration::from_secs(20));
    }
}
