//! Running git as a reference: `git merge-file` for merges, `git diff` for
//! the alignment of two texts, isolated from any configuration of the
//! machine. `FAST_DIFF_GIT` names another git to run (a newer one, for
//! `--diff-algorithm`).

use std::ffi::OsStr;
use std::ops::Range;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::Command;

use fast_diff::Algorithm;
use fast_diff::merge::{Favor, MergeOptions, Style};

pub fn program() -> String {
    std::env::var("FAST_DIFF_GIT").unwrap_or_else(|_| "git".into())
}

/// git, run in `dir` with no system, global or repository configuration.
pub fn command(dir: &Path) -> Command {
    let mut c = Command::new(program());
    c.current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("HOME", dir)
        .env("GIT_CEILING_DIRECTORIES", dir.parent().unwrap_or(dir))
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE");
    c
}

pub fn algorithm_name(algorithm: Algorithm) -> &'static str {
    match algorithm {
        Algorithm::Myers => "myers",
        Algorithm::Histogram => "histogram",
        Algorithm::Patience => "patience",
    }
}

/// Whether this git's merge-file takes `--diff-algorithm` (git 2.44 on).
pub fn merge_file_takes_algorithm(dir: &Path) -> bool {
    for name in ["a", "b", "c"] {
        std::fs::write(dir.join(name), "x\n").unwrap();
    }
    command(dir)
        .args(["merge-file", "-p", "--diff-algorithm=histogram", "a", "b", "c"])
        .output()
        .is_ok_and(|o| o.status.code() == Some(0))
}

/// The flags of `git merge-file` for `options`, labels included.
pub fn merge_file_args(options: &MergeOptions<'_>) -> Vec<Vec<u8>> {
    let mut args: Vec<Vec<u8>> = Vec::new();
    match options.style {
        Style::Merge => {}
        Style::Diff3 => args.push(b"--diff3".to_vec()),
        Style::Zdiff3 => args.push(b"--zdiff3".to_vec()),
    }
    match options.favor {
        None => {}
        Some(Favor::Ours) => args.push(b"--ours".to_vec()),
        Some(Favor::Theirs) => args.push(b"--theirs".to_vec()),
        Some(Favor::Union) => args.push(b"--union".to_vec()),
    }
    if options.marker_size != 0 {
        args.push(format!("--marker-size={}", options.marker_size).into_bytes());
    }
    if options.algorithm != Algorithm::Myers {
        args.push(format!("--diff-algorithm={}", algorithm_name(options.algorithm)).into_bytes());
    }
    for label in [options.labels.ours, options.labels.base, options.labels.theirs] {
        args.push(b"-L".to_vec());
        args.push(label.to_vec());
    }
    args
}

/// `git merge-file -p` of the three texts: its output and exit status.
/// git refuses texts with a NUL as binary, so NULs travel as a byte no text
/// holds (git treats both alike: neither is a letter, a digit or a line end).
pub fn merge_file(dir: &Path, base: &[u8], ours: &[u8], theirs: &[u8], options: &MergeOptions<'_>) -> (Vec<u8>, i32) {
    let stand_in = (0x80..=0xffu8).find(|b| ![base, ours, theirs].iter().any(|t| t.contains(b))).unwrap();
    let swap = |t: &[u8], from: u8, to: u8| t.iter().map(|&b| if b == from { to } else { b }).collect::<Vec<u8>>();
    for (name, text) in [("ours", ours), ("base", base), ("theirs", theirs)] {
        std::fs::write(dir.join(name), swap(text, 0, stand_in)).unwrap();
    }
    let args = merge_file_args(options);
    let out = command(dir)
        .args(["merge-file", "-p"])
        .args(args.iter().map(|a| OsStr::from_bytes(a)))
        .args(["ours", "base", "theirs"])
        .output()
        .unwrap();
    assert!(out.stderr.is_empty(), "git merge-file: {}", String::from_utf8_lossy(&out.stderr));
    (swap(&out.stdout, stand_in, 0), out.status.code().unwrap_or(-1))
}

/// git's diff of `old` against `new` as changes: (old lines, new lines),
/// 0-based, without the indent heuristic (merge-file does not use it).
/// With one line of context, not zero: with none, git diff first trims the
/// texts' common end, which changes how it counts lines and so, at times,
/// its answer; merge-file diffs the whole texts.
pub fn changes(dir: &Path, old: &[u8], new: &[u8], algorithm: Algorithm) -> Vec<(Range<usize>, Range<usize>)> {
    std::fs::write(dir.join("old"), old).unwrap();
    std::fs::write(dir.join("new"), new).unwrap();
    let out = command(dir)
        .args([
            "diff",
            "--no-index",
            "--text",
            "--no-color",
            "--no-ext-diff",
            "--no-textconv",
            "--no-indent-heuristic",
            "-U1",
        ])
        .arg(format!("--diff-algorithm={}", algorithm_name(algorithm)))
        .args(["old", "new"])
        .output()
        .unwrap();
    assert!(out.status.code().is_some_and(|c| c <= 1), "git diff: {}", String::from_utf8_lossy(&out.stderr));
    let mut changes: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    let (mut o, mut n) = (0, 0);
    let mut in_hunk = false;
    for line in out.stdout.split(|&b| b == b'\n') {
        if line.starts_with(b"@@ -") {
            let header = String::from_utf8_lossy(line);
            let mut starts = header.split(' ').skip(1).take(2).map(|r| {
                let (start, count) = r[1..].split_once(',').unwrap_or((&r[1..], "1"));
                let (start, count): (usize, usize) = (start.parse().unwrap(), count.parse().unwrap());
                // An empty range names the line before it.
                if count == 0 { start } else { start - 1 }
            });
            (o, n) = (starts.next().unwrap(), starts.next().unwrap());
            in_hunk = true;
            continue;
        }
        if !in_hunk {
            continue;
        }
        let extends = |c: &(Range<usize>, Range<usize>)| c.0.end == o && c.1.end == n;
        match line.first() {
            Some(b' ') => (o, n) = (o + 1, n + 1),
            Some(b'-') | Some(b'+') => {
                if !changes.last().is_some_and(extends) {
                    changes.push((o..o, n..n));
                }
                let last = changes.last_mut().unwrap();
                if line[0] == b'-' {
                    o += 1;
                    last.0.end = o;
                } else {
                    n += 1;
                    last.1.end = n;
                }
            }
            _ => {}
        }
    }
    changes
}
