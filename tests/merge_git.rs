//! The merge against `git merge-file -p`, byte for byte, on generated
//! three-way cases, for every style, favour and algorithm, with labels and
//! marker sizes varied.
//!
//! Identity is required wherever our diffs line the lines up as git's do:
//! the diffs of the base against each side, and with style merge the diffs
//! between the two sides of each conflict. Where one of them aligns
//! differently (a diff with several equally small answers, where git's
//! Myers picks another than ours), the case is counted, not failed; the
//! test prints how often that happens and fails if it is not rare.
//!
//! `FAST_DIFF_MERGE_CASES` sets the number of cases (300 by default);
//! histogram and patience run where git's merge-file takes
//! `--diff-algorithm` (git 2.44 on; `FAST_DIFF_GIT` may name one).

mod common;

use common::Rng;
use common::git;
use common::scratch::Scratch;
use common::three_way::{Case, Draw, case};
use fast_diff::Algorithm;
use fast_diff::merge::{Favor, Labels, MergeOptions, RegionKind, Style, merge, side_changes};

const STYLES: [Style; 3] = [Style::Merge, Style::Diff3, Style::Zdiff3];
const FAVORS: [Option<Favor>; 4] = [None, Some(Favor::Ours), Some(Favor::Theirs), Some(Favor::Union)];
const LABELS: [Labels<'static>; 3] = [
    Labels { ours: b"ours", base: b"base", theirs: b"theirs" },
    Labels { ours: b"HEAD", base: b"merged common ancestors", theirs: b"feature/x" },
    Labels { ours: b"a b", base: b"caf\xc3\xa9", theirs: b"<>" },
];
const MARKER_SIZES: [usize; 5] = [0, 7, 3, 1, 12];

/// Whether our diff of `old` against `new` is git's.
fn aligned(dir: &std::path::Path, old: &[u8], new: &[u8], algorithm: Algorithm) -> bool {
    let ours: Vec<_> = side_changes(old, new, algorithm).unwrap().into_iter().map(|c| (c.old, c.new)).collect();
    ours == git::changes(dir, old, new, algorithm)
}

/// Whether every diff the merge makes of `case` with `algorithm` (and
/// `style`, for the diffs of style merge between the sides of conflicts)
/// aligns as git's.
fn diffs_align(dir: &std::path::Path, case: &Case, algorithm: Algorithm, style: Style) -> bool {
    if !aligned(dir, &case.base, &case.ours, algorithm) || !aligned(dir, &case.base, &case.theirs, algorithm) {
        return false;
    }
    if style != Style::Merge {
        return true;
    }
    // The conflicts before narrowing are those diff3 shows.
    let options = MergeOptions { style: Style::Diff3, algorithm, ..MergeOptions::default() };
    let split = |t: &[u8]| t.split_inclusive(|&b| b == b'\n').map(<[u8]>::to_vec).collect::<Vec<_>>();
    let (ours, theirs) = (split(&case.ours), split(&case.theirs));
    merge(&case.base, &case.ours, &case.theirs, &options)
        .unwrap()
        .regions
        .iter()
        .filter(|r| r.kind == RegionKind::Conflict)
        .all(|r| {
            let (a, b) = (ours[r.ours.clone()].concat(), theirs[r.theirs.clone()].concat());
            a.is_empty() || b.is_empty() || aligned(dir, &a, &b, algorithm)
        })
}

#[derive(Default)]
struct Tally {
    runs: usize,
    identical: usize,
    misaligned: usize,
    misaligned_cases: usize,
    failures: Vec<String>,
}

fn show(t: &[u8]) -> String {
    format!("{:?}", String::from_utf8_lossy(t))
}

/// Runs `cases` (numbered from `first`) against git in `dir`.
fn run(dir: &std::path::Path, algorithms: &[Algorithm], first: usize, cases: Vec<Case>, tallies: &mut [Tally]) {
    let mut rng = Rng(0x001a_be15 ^ first as u64);
    for (n, case) in cases.iter().enumerate() {
        let n = first + n;
        let labels = *rng.pick(&LABELS);
        let marker_size = *rng.pick(&MARKER_SIZES);
        for (&algorithm, tally) in algorithms.iter().zip(tallies.iter_mut()) {
            let mut alignment: [Option<bool>; 3] = [None; 3];
            let mut any_misaligned = false;
            for (s, &style) in STYLES.iter().enumerate() {
                for favor in FAVORS {
                    let options = MergeOptions { style, favor, labels, marker_size, algorithm };
                    let ours = merge(&case.base, &case.ours, &case.theirs, &options).unwrap();
                    let (text, status) = git::merge_file(dir, &case.base, &case.ours, &case.theirs, &options);
                    tally.runs += 1;
                    if ours.text == text && ours.conflicts.min(127) as i32 == status {
                        tally.identical += 1;
                        continue;
                    }
                    if !*alignment[s].get_or_insert_with(|| diffs_align(dir, case, algorithm, style)) {
                        tally.misaligned += 1;
                        any_misaligned = true;
                        continue;
                    }
                    tally.failures.push(format!(
                        "case {n} {options:?}\n base {}\n ours {}\n theirs {}\n fast-diff ({} conflicts) {}\n git (exit {status}) {}",
                        show(&case.base),
                        show(&case.ours),
                        show(&case.theirs),
                        ours.conflicts,
                        show(&ours.text),
                        show(&text)
                    ));
                }
            }
            tally.misaligned_cases += usize::from(any_misaligned);
        }
    }
}

#[test]
fn merges_are_byte_identical_to_git_merge_file() {
    let scratch = Scratch::new("merge-git");
    let cases: usize = std::env::var("FAST_DIFF_MERGE_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(300);
    let mut algorithms = vec![Algorithm::Myers];
    if git::merge_file_takes_algorithm(&scratch.0) {
        algorithms.extend([Algorithm::Histogram, Algorithm::Patience]);
    } else {
        eprintln!("{} merge-file has no --diff-algorithm: myers only", git::program());
    }
    let mut rng = Rng(0x005e_ed0f_3a7e);
    let all: Vec<Case> = (0..cases).map(|_| case(&mut rng)).collect();
    // git runs once per merge: spread the cases over the cores.
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
    let per_worker = cases.div_ceil(workers).max(1);
    let mut parts: Vec<Vec<Tally>> = Vec::new();
    std::thread::scope(|scope| {
        let handles: Vec<_> = all
            .chunks(per_worker)
            .enumerate()
            .map(|(w, part)| {
                let (dir, algorithms) = (scratch.0.join(w.to_string()), &algorithms);
                let part = part.to_vec();
                scope.spawn(move || {
                    std::fs::create_dir_all(&dir).unwrap();
                    let mut tallies: Vec<Tally> = algorithms.iter().map(|_| Tally::default()).collect();
                    run(&dir, algorithms, w * per_worker, part, &mut tallies);
                    tallies
                })
            })
            .collect();
        parts = handles.into_iter().map(|h| h.join().unwrap()).collect();
    });
    for (a, &algorithm) in algorithms.iter().enumerate() {
        let mut tally = Tally::default();
        for part in &mut parts {
            let t = &mut part[a];
            tally.runs += t.runs;
            tally.identical += t.identical;
            tally.misaligned += t.misaligned;
            tally.misaligned_cases += t.misaligned_cases;
            tally.failures.append(&mut t.failures);
        }
        let name = git::algorithm_name(algorithm);
        eprintln!(
            "{name}: {cases} cases, {} merges: {} identical to git, {} different where a diff aligns differently \
             ({} cases, {:.1}%), {} different otherwise",
            tally.runs,
            tally.identical,
            tally.misaligned,
            tally.misaligned_cases,
            100.0 * tally.misaligned_cases as f64 / cases as f64,
            tally.failures.len()
        );
        for f in tally.failures.iter().take(3) {
            eprintln!("{f}");
        }
        assert!(tally.failures.is_empty(), "{name}: merges differ from git's with the same alignment");
        // The exemption is for the rare ambiguous diff, not a way to pass.
        assert!(tally.misaligned_cases * 10 <= cases, "{name}: too many cases align differently");
    }
}
