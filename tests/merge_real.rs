//! Real merges against `git merge-file -p`: the cases benches/merge_corpus.py
//! builds from released versions of real projects (base release, main line,
//! maintenance release), in every style.
//!
//! The corpus is downloaded, not committed: `make test-merge-real` builds it
//! under target/merge-corpus and runs this test with FAST_DIFF_MERGE_CORPUS
//! set, which makes a missing corpus a failure. Without it the test says it
//! has nothing to run. As in tests/merge_git.rs, a difference is a failure
//! unless one of the diffs the merge makes aligns differently from git's.

mod common;

use std::path::PathBuf;

use common::git;
use common::scratch::Scratch;
use fast_diff::Algorithm;
use fast_diff::merge::{MergeOptions, RegionKind, Style, merge, side_changes};

fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("FAST_DIFF_MERGE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/merge-corpus"));
    let found = dir.join("cases.json").is_file();
    assert!(found || std::env::var_os("FAST_DIFF_MERGE_CORPUS").is_none(), "no corpus at {}", dir.display());
    found.then_some(dir)
}

/// A real merge: where it comes from, and its three texts.
struct RealCase {
    project: String,
    path: String,
    base: Vec<u8>,
    ours: Vec<u8>,
    theirs: Vec<u8>,
}

fn cases(dir: &std::path::Path) -> Vec<RealCase> {
    let summary: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join("cases.json")).unwrap()).unwrap();
    let mut out = Vec::new();
    for project in summary["projects"].as_array().unwrap() {
        let name = project["name"].as_str().unwrap();
        for (n, case) in project["cases"].as_array().unwrap().iter().enumerate() {
            let read = |suffix: &str| std::fs::read(dir.join(format!("cases/{name}/{n:04}.{suffix}"))).unwrap();
            out.push(RealCase {
                project: name.to_string(),
                path: case["path"].as_str().unwrap().to_string(),
                base: read("base"),
                ours: read("ours"),
                theirs: read("theirs"),
            });
        }
    }
    out
}

fn aligned(dir: &std::path::Path, old: &[u8], new: &[u8]) -> bool {
    let ours: Vec<_> = side_changes(old, new, Algorithm::Myers).unwrap().into_iter().map(|c| (c.old, c.new)).collect();
    ours == git::changes(dir, old, new, Algorithm::Myers)
}

#[test]
fn real_merges_match_git_merge_file() {
    let Some(corpus) = corpus() else {
        eprintln!("no merge corpus under target/merge-corpus: `make test-merge-real` builds it and runs this test");
        return;
    };
    let scratch = Scratch::new("merge-real");
    let dir = &scratch.0;
    let cases = cases(&corpus);
    let mut failures = Vec::new();
    for style in [Style::Merge, Style::Diff3, Style::Zdiff3] {
        let options = MergeOptions { style, ..MergeOptions::default() };
        let (mut identical, mut misaligned, mut conflicted) = (0, 0, 0);
        for RealCase { project, path, base, ours, theirs } in &cases {
            let m = merge(base, ours, theirs, &options).unwrap();
            conflicted += usize::from(m.conflicts > 0);
            let (text, status) = git::merge_file(dir, base, ours, theirs, &options);
            if m.text == text && m.conflicts.min(127) as i32 == status {
                identical += 1;
                continue;
            }
            let mut align = aligned(dir, base, ours) && aligned(dir, base, theirs);
            if align && style == Style::Merge {
                // The diffs between the sides of each conflict, as diff3 shows them.
                let diff3 = merge(base, ours, theirs, &MergeOptions { style: Style::Diff3, ..options }).unwrap();
                let split = |t: &[u8]| t.split_inclusive(|&b| b == b'\n').map(<[u8]>::to_vec).collect::<Vec<_>>();
                let (o, t) = (split(ours), split(theirs));
                align = diff3.regions.iter().filter(|r| r.kind == RegionKind::Conflict).all(|r| {
                    let (a, b) = (o[r.ours.clone()].concat(), t[r.theirs.clone()].concat());
                    a.is_empty() || b.is_empty() || aligned(dir, &a, &b)
                });
            }
            if align {
                failures.push(format!("{style:?} {project} {path}"));
            } else {
                misaligned += 1;
            }
        }
        eprintln!(
            "{style:?}: {} real merges ({conflicted} with conflicts): {identical} identical to git merge-file, \
             {misaligned} different where a diff aligns differently",
            cases.len()
        );
    }
    assert!(failures.is_empty(), "different from git with the same alignment: {failures:#?}");
}
