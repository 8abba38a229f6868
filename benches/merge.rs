//! Three-way merges: fast-diff against the `diffy` crate's merge in-process,
//! and the `fast-merge` command against `git merge-file` as whole
//! processes, on real merges (the corpus of benches/merge_corpus.py: `make
//! merge-corpus`) and on a large file edited on both sides; and the growth
//! of the worst shape known (long texts of a few distinct lines, sides drawn
//! independently) at n, 2n and 4n lines.
//!
//! `make bench-merge` (or `cargo bench --locked --bench merge`). Without the
//! corpus, the real-merge groups are skipped with a message.
//! FAST_DIFF_MERGE_CORPUS names another corpus directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use fast_diff::merge::{MergeOptions, merge};
use fast_diff::{DiffOptions, diff_lines};

struct Case {
    base: Vec<u8>,
    ours: Vec<u8>,
    theirs: Vec<u8>,
}

fn corpus_dir() -> PathBuf {
    std::env::var_os("FAST_DIFF_MERGE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/merge-corpus"))
}

/// The real merges, or None (with a message) when the corpus is missing.
fn corpus() -> Option<Vec<Case>> {
    let dir = corpus_dir();
    let Ok(summary) = std::fs::read(dir.join("cases.json")) else {
        eprintln!("merge bench: no corpus at {}: `make merge-corpus` fetches it; real merges skipped", dir.display());
        return None;
    };
    let summary: serde_json::Value = serde_json::from_slice(&summary).unwrap();
    let mut cases = Vec::new();
    for project in summary["projects"].as_array().unwrap() {
        let name = project["name"].as_str().unwrap();
        for n in 0..project["cases"].as_array().unwrap().len() {
            let read = |suffix: &str| std::fs::read(dir.join(format!("cases/{name}/{n:04}.{suffix}"))).unwrap();
            cases.push(Case { base: read("base"), ours: read("ours"), theirs: read("theirs") });
        }
    }
    Some(cases)
}

/// A large text edited on both sides: 200,000 lines, every 100th line
/// changed by one side or the other, a few by both.
fn large() -> Case {
    let line = |i: usize, tag: &str| format!("{tag} {i}: the value is {}\n", i * 7919 % 10007).into_bytes();
    let text = |pick: &dyn Fn(usize) -> &'static str| (0..200_000).flat_map(|i| line(i, pick(i))).collect::<Vec<u8>>();
    Case {
        base: text(&|_| "line"),
        ours: text(&|i| if i % 200 == 0 || i % 5000 == 7 { "ours" } else { "line" }),
        theirs: text(&|i| if i % 200 == 100 || i % 5000 == 7 { "theirs" } else { "line" }),
    }
}

/// The worst shape: sides drawn independently from a few short lines.
fn unrelated(lines: usize, seed: u64) -> Vec<u8> {
    let pool: [&[u8]; 4] = [b"}\n", b"\n", b"return;\n", b"else\n"];
    let mut state = seed;
    (0..lines)
        .flat_map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            pool[(state % 4) as usize].iter().copied()
        })
        .collect()
}

fn fast_merge_binary() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release/fast-merge")
}

/// Runs `program args... ours base theirs` once per case in `dir`, as a
/// whole process writing to standard output.
fn processes(program: &Path, args: &[&str], dir: &Path, cases: usize) {
    for n in 0..cases {
        let status = Command::new(program)
            .args(args)
            .args([format!("{n}.ours"), format!("{n}.base"), format!("{n}.theirs")])
            .current_dir(dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.code().is_some_and(|c| c < 128), "{program:?} failed");
    }
}

fn bench(c: &mut Criterion) {
    let options = MergeOptions::default();
    let real = corpus();
    if let Some(cases) = &real {
        let mut group = c.benchmark_group("merge/real");
        group.sample_size(10).measurement_time(Duration::from_secs(10));
        let bytes: usize = cases.iter().map(|c| c.base.len() + c.ours.len() + c.theirs.len()).sum();
        eprintln!("merge bench: {} real merges, {bytes} bytes in all", cases.len());
        group.bench_function("fast-diff", |b| {
            b.iter(|| {
                cases.iter().map(|c| merge(&c.base, &c.ours, &c.theirs, &options).unwrap().conflicts).sum::<usize>()
            })
        });
        group.bench_function("diffy", |b| {
            b.iter(|| cases.iter().filter(|c| diffy::merge_bytes(&c.base, &c.ours, &c.theirs).is_err()).count())
        });
        group.bench_function("two diffs (fast-diff Myers)", |b| {
            b.iter(|| {
                cases
                    .iter()
                    .map(|c| {
                        let o = DiffOptions { context_lines: 1, ..DiffOptions::default() };
                        usize::from(diff_lines(&c.base, &c.ours, &o).unwrap().is_identical())
                            + usize::from(diff_lines(&c.base, &c.theirs, &o).unwrap().is_identical())
                    })
                    .sum::<usize>()
            })
        });
        group.finish();

        // Whole processes: fast-merge and git merge-file on the same files.
        let dir = std::env::temp_dir().join(format!("fast-diff-merge-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for (n, case) in cases.iter().enumerate() {
            std::fs::write(dir.join(format!("{n}.base")), &case.base).unwrap();
            std::fs::write(dir.join(format!("{n}.ours")), &case.ours).unwrap();
            std::fs::write(dir.join(format!("{n}.theirs")), &case.theirs).unwrap();
        }
        let mut group = c.benchmark_group("merge/real processes");
        group.sample_size(10).measurement_time(Duration::from_secs(20));
        let binary = fast_merge_binary();
        if binary.exists() {
            group.bench_function("fast-merge", |b| b.iter(|| processes(&binary, &["-p"], &dir, cases.len())));
        } else {
            eprintln!("merge bench: no {}: `make cli` builds it; skipped", binary.display());
        }
        group.bench_function("git merge-file", |b| {
            b.iter(|| processes(Path::new("git"), &["merge-file", "-p"], &dir, cases.len()))
        });
        group.finish();
        let _ = std::fs::remove_dir_all(&dir);
    }

    let big = large();
    let mut group = c.benchmark_group("merge/large");
    group.sample_size(10);
    group.bench_function("fast-diff", |b| {
        b.iter(|| merge(&big.base, &big.ours, &big.theirs, &options).unwrap().conflicts)
    });
    group.bench_function("two diffs (fast-diff Myers)", |b| {
        b.iter(|| {
            let o = DiffOptions { context_lines: 1, ..DiffOptions::default() };
            diff_lines(&big.base, &big.ours, &o).unwrap().is_identical()
                | diff_lines(&big.base, &big.theirs, &o).unwrap().is_identical()
        })
    });
    group.bench_function("diffy", |b| b.iter(|| diffy::merge_bytes(&big.base, &big.ours, &big.theirs).is_err()));
    group.finish();

    let mut group = c.benchmark_group("merge/unrelated sides (worst shape)");
    group.sample_size(10);
    for lines in [25_000, 50_000, 100_000] {
        let (base, ours, theirs) = (unrelated(lines, 1), unrelated(lines, 2), unrelated(lines, 3));
        group.bench_with_input(BenchmarkId::new("fast-diff", lines), &lines, |b, _| {
            b.iter(|| merge(&base, &ours, &theirs, &options).unwrap().conflicts)
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
