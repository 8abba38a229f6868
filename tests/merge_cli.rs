//! The `fast-merge` command against `git merge-file` on the same files:
//! the same output and exit status for every style, favour, label and
//! marker size; the file replaced in place as git replaces it (permissions
//! kept, a link followed); and trouble reported with status 255.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

use common::Rng;
use common::git;
use common::scratch::Scratch;
use common::three_way::case;

fn fast_merge(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fast-merge")).current_dir(dir).args(args).output().unwrap()
}

fn git_merge_file(dir: &Path, args: &[&str]) -> Output {
    git::command(dir).arg("merge-file").args(args).output().unwrap()
}

const FLAG_SETS: &[&[&str]] = &[
    &[],
    &["--diff3"],
    &["--zdiff3", "--marker-size=3"],
    &["--ours"],
    &["--theirs", "--diff3"],
    &["--union"],
    &["-L", "mine", "-L", "old", "-L", "yours"],
    &["--marker-size", "10", "-Lx"],
    &["--zdiff3", "--diff3"],
];

#[test]
fn output_and_status_are_git_merge_files() {
    let scratch = Scratch::new("merge-cli");
    let dir = &scratch.0;
    let mut rng = Rng(0xc10e);
    let mut compared = 0;
    for n in 0..300 {
        let c = case(&mut rng);
        // git refuses texts with a NUL; those are compared in merge_git.rs.
        if [&c.base, &c.ours, &c.theirs].iter().any(|t| t.contains(&0)) {
            continue;
        }
        std::fs::write(dir.join("current.txt"), &c.ours).unwrap();
        std::fs::write(dir.join("base.txt"), &c.base).unwrap();
        std::fs::write(dir.join("other.txt"), &c.theirs).unwrap();
        let flags = FLAG_SETS[n % FLAG_SETS.len()];
        let args: Vec<&str> =
            ["-p"].iter().chain(flags).chain(&["current.txt", "base.txt", "other.txt"]).copied().collect();
        let (ours, theirs) = (fast_merge(dir, &args), git_merge_file(dir, &args));
        assert_eq!(ours.stdout, theirs.stdout, "case {n} {args:?}");
        assert_eq!(ours.status.code(), theirs.status.code(), "case {n} {args:?}");
        assert!(ours.stderr.is_empty());
        compared += 1;
    }
    assert!(compared > 100, "{compared}");
}

#[test]
fn without_p_the_result_replaces_current_as_git_writes_it() {
    let scratch = Scratch::new("merge-cli-replace");
    let dir = &scratch.0;
    for (name, text) in [("base", "a\nb\nc\n"), ("other", "a\nb\nC\n")] {
        std::fs::write(dir.join(name), text).unwrap();
    }
    for program in ["fast-merge", "git"] {
        std::fs::write(dir.join("current"), "A\nb\nc\n").unwrap();
        std::fs::set_permissions(dir.join("current"), std::fs::Permissions::from_mode(0o640)).unwrap();
        let _ = std::fs::remove_file(dir.join("link"));
        std::os::unix::fs::symlink("current", dir.join("link")).unwrap();
        let out = match program {
            "git" => git_merge_file(dir, &["link", "base", "other"]),
            _ => fast_merge(dir, &["link", "base", "other"]),
        };
        assert_eq!((out.status.code(), out.stdout.as_slice()), (Some(0), &b""[..]), "{program}");
        assert_eq!(std::fs::read(dir.join("current")).unwrap(), b"A\nb\nC\n", "{program}");
        let mode = std::fs::metadata(dir.join("current")).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640, "{program}");
        assert!(std::fs::symlink_metadata(dir.join("link")).unwrap().file_type().is_symlink(), "{program}");
    }
    // No temporary file is left behind.
    let names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
    assert_eq!(names.len(), 4, "{names:?}");
}

#[test]
fn the_exit_status_counts_conflicts_up_to_127() {
    let scratch = Scratch::new("merge-cli-many");
    let dir = &scratch.0;
    // 150 changed lines, each four unchanged lines from the next: too far
    // apart to be joined, so 150 conflicts.
    let lines = |tag: &str| (0..150).map(|i| format!("{tag} {i}\nkeep\nthese\nfour\nlines\n")).collect::<String>();
    std::fs::write(dir.join("base"), lines("base")).unwrap();
    std::fs::write(dir.join("ours"), lines("ours")).unwrap();
    std::fs::write(dir.join("theirs"), lines("theirs")).unwrap();
    let args = ["-p", "ours", "base", "theirs"];
    let (ours, theirs) = (fast_merge(dir, &args), git_merge_file(dir, &args));
    assert_eq!(ours.status.code(), Some(127));
    assert_eq!((ours.stdout, ours.status.code()), (theirs.stdout, theirs.status.code()));
}

#[test]
fn trouble_is_status_255_with_a_message() {
    let scratch = Scratch::new("merge-cli-trouble");
    let dir = &scratch.0;
    std::fs::write(dir.join("f"), "x\n").unwrap();
    for args in [
        &["-p", "f", "missing", "f"][..],
        &["--bogus", "f", "f", "f"],
        &["-p", "f", "f"],
        &["-L", "a", "-L", "b", "-L", "c", "-L", "d", "-p", "f", "f", "f"],
        &["--marker-size=x", "-p", "f", "f", "f"],
        &["--diff-algorithm=fastest", "-p", "f", "f", "f"],
        &["-L", "two\nlines", "-p", "f", "f", "f"],
    ] {
        let out = fast_merge(dir, args);
        assert_eq!(out.status.code(), Some(255), "{args:?}");
        assert!(out.stderr.starts_with(b"fast-merge: "), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    // -q silences trouble after the command line, as git's does.
    let out = fast_merge(dir, &["-q", "-p", "f", "missing", "f"]);
    assert_eq!((out.status.code(), out.stderr.as_slice()), (Some(255), &b""[..]));
}

#[test]
fn files_git_calls_binary_merge_too() {
    let scratch = Scratch::new("merge-cli-binary");
    let dir = &scratch.0;
    std::fs::write(dir.join("base"), b"\0a\nmid\nz\n").unwrap();
    std::fs::write(dir.join("ours"), b"\0A\nmid\nz\n").unwrap();
    std::fs::write(dir.join("theirs"), b"\0a\nmid\nZ\n").unwrap();
    let out = fast_merge(dir, &["-p", "ours", "base", "theirs"]);
    assert_eq!((out.status.code(), out.stdout.as_slice()), (Some(0), &b"\0A\nmid\nZ\n"[..]));
    assert_eq!(git_merge_file(dir, &["-p", "ours", "base", "theirs"]).status.code(), Some(255));
}
