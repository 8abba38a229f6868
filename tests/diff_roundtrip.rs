//! Property tests: for random pairs of awkward texts, every diff the engine
//! writes applies (strictly) to the old text and gives the new text exactly,
//! with every algorithm and context size; under every comparison mode it
//! applies and gives the new text up to what the modes ignore (checked
//! against a normalisation written here, not the engine's); the C ABI gives
//! the same bytes as the Rust API; and `similar`, an independent
//! implementation, never finds a diff with fewer changed lines on small
//! inputs, where ours is meant to be minimal. Larger pairs with moved
//! blocks and long rewrites drive Myers past its anchoring cost, so that
//! its switch to anchoring on rare lines is exercised too.

mod common;

use common::{AWKWARD, apply, lines};
use fast_diff::{Algorithm, DiffOptions, Granularity, LineKind, Modes, SpanKind, diff_lines, unified_diff};
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

/// Every comparison mode, each alone, and a few together.
fn modes() -> impl Strategy<Value = Modes> {
    (0u32..=Modes::ALL.bits()).prop_map(|bits| Modes::from_bits(bits).unwrap())
}

fn algorithm() -> impl Strategy<Value = Algorithm> {
    (0..ALGORITHMS.len()).prop_map(|i| ALGORITHMS[i])
}

/// White space as GNU diff sees it (the C locale; LF ends the line).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\x0b' | b'\x0c' | b'\r')
}

/// What is left of `line` to compare under `modes`, as GNU diff's options
/// describe them; an independent reading, not the engine's code.
fn normalise(line: &[u8], modes: Modes) -> Vec<u8> {
    let (mut body, newline) = match line.strip_suffix(b"\n") {
        Some(body) => (body.to_vec(), true),
        None => (line.to_vec(), false),
    };
    if modes.contains(Modes::STRIP_TRAILING_CR) && body.last() == Some(&b'\r') {
        body.pop();
    }
    if modes.contains(Modes::IGNORE_CASE) {
        body.make_ascii_lowercase();
    }
    if modes.contains(Modes::IGNORE_ALL_SPACE) {
        body.retain(|&b| !is_space(b));
    } else if modes.contains(Modes::IGNORE_SPACE_CHANGE) {
        // Runs of white space compare as one, and white space at the end
        // of the line as none (so a line of white space is empty).
        let words: Vec<&[u8]> = body.split(|&b| is_space(b)).filter(|w| !w.is_empty()).collect();
        let leading = body.first().is_some_and(|&b| is_space(b)) && !words.is_empty();
        let mut out: Vec<u8> = if leading { b" ".to_vec() } else { Vec::new() };
        out.extend(words.join(&b' '));
        body = out;
    }
    if newline {
        body.push(b'\n');
    }
    body
}

/// The lines of `text` as the modes compare them; without the blank ones
/// under `IGNORE_BLANK_LINES`, whose changes the diff need not show.
fn compared(text: &[u8], modes: Modes) -> Vec<Vec<u8>> {
    let blank = |l: &Vec<u8>| l.is_empty() || l == b"\n";
    lines(text)
        .into_iter()
        .map(|l| normalise(l, modes))
        .filter(|l| !(modes.contains(Modes::IGNORE_BLANK_LINES) && blank(l)))
        .collect()
}

/// The unified diff through the C ABI, with the same options.
fn through_c(old: &[u8], new: &[u8], options: &DiffOptions<'_>) -> Vec<u8> {
    use fast_diff::ffi::{fd_buf, fd_free, fd_options, fd_options_init, fd_status, fd_unified_diff};
    let mut c = core::mem::MaybeUninit::<fd_options>::uninit();
    // SAFETY: fd_options_init writes a whole fd_options.
    let mut c = unsafe {
        fd_options_init(c.as_mut_ptr());
        c.assume_init()
    };
    c.context_lines = options.context_lines as u32;
    c.algorithm = match options.algorithm {
        Algorithm::Myers => 0,
        Algorithm::Histogram => 1,
        Algorithm::Patience => 2,
    };
    c.flags = options.modes.bits();
    let mut out = fd_buf { ptr: core::ptr::null_mut(), len: 0 };
    // SAFETY: both texts are live slices, `c` is initialised, `out` writable.
    let status = unsafe { fd_unified_diff(old.as_ptr(), old.len(), new.as_ptr(), new.len(), &c, &mut out) };
    assert_eq!(status, fd_status::FD_OK);
    let bytes =
        if out.len == 0 { Vec::new() } else { unsafe { core::slice::from_raw_parts(out.ptr, out.len) }.to_vec() };
    // SAFETY: `out` came from the library and is freed once.
    unsafe { fd_free(&mut out) };
    bytes
}

/// A larger old text of distinct lines, and a new one with blocks moved,
/// rewritten and deleted: edit distances large enough for Myers to anchor.
fn rewritten_pair() -> impl Strategy<Value = (Vec<u8>, Vec<u8>)> {
    (200usize..700, prop::collection::vec((0u8..4, 0usize..700, 1usize..60), 1..12), 0u8..4).prop_map(
        |(n, edits, common)| {
            // Some lines repeat, as braces and blank lines do in code.
            let line = |i: usize| match (i % 7, common) {
                (0, c) if c > 0 => b"}\n".to_vec(),
                (3, c) if c > 1 => b"\n".to_vec(),
                _ => format!("line {i}\n").into_bytes(),
            };
            let old: Vec<Vec<u8>> = (0..n).map(line).collect();
            let mut new = old.clone();
            for (k, (op, at, len)) in edits.into_iter().enumerate() {
                let at = at % new.len().max(1);
                let end = (at + len).min(new.len());
                match op {
                    0 => {
                        let block: Vec<Vec<u8>> = new.drain(at..end).collect();
                        let to = (at * 7 + 13) % (new.len() + 1);
                        new.splice(to..to, block);
                    }
                    1 => new[at..end]
                        .iter_mut()
                        .enumerate()
                        .for_each(|(j, l)| *l = format!("new {k} {j}\n").into_bytes()),
                    2 => drop(new.drain(at..end)),
                    _ => new[at..end].reverse(),
                }
                if new.is_empty() {
                    new.push(b"last\n".to_vec());
                }
            }
            (old.concat(), new.concat())
        },
    )
}

/// Number of changed lines in a minimal line diff: `similar`'s Myers
/// without its heuristics.
fn minimal_changes(old: &[u8], new: &[u8]) -> usize {
    let (a, b) = (lines(old), lines(new));
    similar::capture_diff_slices(similar::Algorithm::RawMyers, &a, &b)
        .iter()
        .filter(|op| op.tag() != similar::DiffTag::Equal)
        .map(|op| op.old_range().len() + op.new_range().len())
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
    fn under_every_mode_diffs_apply_and_give_the_new_text_up_to_what_is_ignored(
        (old, new) in pair(), modes in modes(), algorithm in algorithm(), context in 0usize..5,
    ) {
        let options = DiffOptions { context_lines: context, algorithm, modes, ..DiffOptions::default() };
        let diff = unified_diff(&old, &new, &options).unwrap();
        let applied = apply(&old, &diff).map_err(|e| TestCaseError::fail(format!("{algorithm:?} {modes:?}: {e}")))?;
        prop_assert_eq!(compared(&applied, modes), compared(&new, modes), "{:?} {:?}", algorithm, modes);
        // Only the ignored differences are left out: the diff of the result
        // against the new text, under the same modes, shows nothing.
        prop_assert!(diff_lines(&applied, &new, &options).unwrap().hunks(context).is_empty());
        prop_assert_eq!(diff.is_empty(), compared(&old, modes) == compared(&new, modes));
    }

    #[test]
    fn the_c_abi_writes_what_the_rust_api_writes(
        (old, new) in pair(), modes in modes(), algorithm in algorithm(), context in 0usize..5,
    ) {
        let options = DiffOptions { context_lines: context, algorithm, modes, ..DiffOptions::default() };
        prop_assert_eq!(through_c(&old, &new, &options), unified_diff(&old, &new, &options).unwrap());
    }

    #[test]
    fn myers_is_as_small_as_an_independent_minimal_diff((old, new) in pair()) {
        let ours = our_changes(&old, &new, Algorithm::Myers);
        let theirs = similar_changes(&old, &new);
        prop_assert!(ours <= theirs, "ours {} > similar's {}", ours, theirs);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn long_rewrites_and_moves_apply_with_every_algorithm_and_through_c((old, new) in rewritten_pair(), context in 0usize..4) {
        for algorithm in ALGORITHMS {
            let options = DiffOptions { context_lines: context, algorithm, ..DiffOptions::default() };
            let diff = unified_diff(&old, &new, &options).unwrap();
            let applied = apply(&old, &diff).map_err(|e| TestCaseError::fail(format!("{algorithm:?}: {e}")))?;
            prop_assert_eq!(&applied, &new);
            prop_assert_eq!(through_c(&old, &new, &options), diff);
        }
        // Between an independent minimal diff (`similar`'s raw Myers) and
        // marking everything changed; the anchoring gives up minimality only
        // on boxes with a large edit distance.
        let ours = our_changes(&old, &new, Algorithm::Myers);
        prop_assert!(ours >= minimal_changes(&old, &new));
        prop_assert!(ours <= lines(&old).len() + lines(&new).len());
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
