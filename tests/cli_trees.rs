//! `fast-diff` on directories, binary files, and with the options of GNU
//! diff and git that go with them: its output bytes, messages and exit
//! status against GNU diff's (`diff -ruN` and the rest) and `git diff
//! --no-index`'s on the same trees, and its diffs applied by GNU patch and
//! `git apply`, which must recreate the new tree. GNU diff, GNU patch and
//! git must be installed (`.ci/run` installs them).

mod common;

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::Outcome;
use common::scratch::Scratch;
use common::trees::{self, Node};

const FAST_DIFF: &str = env!("CARGO_BIN_EXE_fast-diff");

/// Runs `program` in `dir` with a fixed time zone, the C locale and no git
/// configuration but git's defaults.
fn run(program: &str, dir: &Path, args: &[&OsStr], env: &[(&str, &str)]) -> Outcome {
    let out = Command::new(program)
        .current_dir(dir)
        .args(args)
        .env("TZ", "UTC0")
        .env("LC_ALL", "C")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env_remove("NO_COLOR")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e} (is it installed?)"));
    Outcome { code: out.status.code().expect("exited, not killed"), stdout: out.stdout, stderr: out.stderr }
}

fn os<'a>(args: &[&'a str]) -> Vec<&'a OsStr> {
    args.iter().map(|&a| OsStr::new(a)).collect()
}

fn fast_diff(dir: &Path, args: &[&str]) -> Outcome {
    run(FAST_DIFF, dir, &os(args), &[])
}

/// GNU diff's outcome, its messages spoken as fast-diff's.
fn gnu_diff(dir: &Path, args: &[&str]) -> Outcome {
    let mut out = run("diff", dir, &os(args), &[]);
    out.stderr = String::from_utf8(out.stderr).unwrap().replace("diff: ", "fast-diff: ").into_bytes();
    out
}

/// fast-diff and GNU diff give the same bytes on both outputs and the same
/// exit status.
fn same_as_gnu(dir: &Path, args: &[&str]) -> Outcome {
    let ours = fast_diff(dir, args);
    let gnu = gnu_diff(dir, args);
    assert_eq!(
        (ours.code, ours.text(), String::from_utf8_lossy(&ours.stderr)),
        (gnu.code, gnu.text(), String::from_utf8_lossy(&gnu.stderr)),
        "fast-diff (left) and GNU diff (right) on {args:?}"
    );
    ours
}

/// `git diff --no-index --no-renames ARGS`, without its `index` lines
/// (which fast-diff does not write).
fn git_no_index(dir: &Path, args: &[&str]) -> Outcome {
    let mut all = vec!["diff", "--no-index", "--no-renames"];
    all.extend(args);
    let mut out = run("git", dir, &os(&all), &[]);
    let kept: Vec<&[u8]> =
        out.stdout.split_inclusive(|&b| b == b'\n').filter(|line| !strip_sgr(line).starts_with(b"index ")).collect();
    out.stdout = kept.concat();
    out
}

/// fast-diff with `--git` gives what git gives (without `index` lines).
fn same_as_git(dir: &Path, ours: &[&str], theirs: &[&str]) -> Outcome {
    let mut args = vec!["--git"];
    args.extend(ours);
    let fd = fast_diff(dir, &args);
    let git = git_no_index(dir, theirs);
    assert_eq!((fd.code, fd.text()), (git.code, git.text()), "fast-diff {args:?} (left) and git diff {theirs:?}");
    fd
}

/// The bytes without the terminal's colour sequences.
fn strip_sgr(text: &[u8]) -> Vec<u8> {
    rendered(text).into_iter().map(|(b, _)| b).collect()
}

/// Each byte with the colour and weight it is shown in: what a terminal
/// shows, whatever sequences drew it.
fn rendered(text: &[u8]) -> Vec<(u8, (bool, u8))> {
    let mut out = Vec::new();
    let (mut bold, mut color) = (false, 0u8);
    let mut i = 0;
    while i < text.len() {
        if text[i] == 0x1b && text.get(i + 1) == Some(&b'[') {
            let end = i + 2 + text[i + 2..].iter().position(|&b| b == b'm').expect("an SGR sequence ends with m");
            let codes = std::str::from_utf8(&text[i + 2..end]).unwrap();
            for code in codes.split(';') {
                match code.parse::<u8>().unwrap_or(0) {
                    0 => (bold, color) = (false, 0),
                    1 => bold = true,
                    n @ 30..=37 => color = n,
                    n => panic!("unexpected SGR code {n}"),
                }
            }
            i = end + 1;
        } else {
            out.push((text[i], (bold, color)));
            i += 1;
        }
    }
    out
}

const C_OLD: &[u8] = b"#include <stdio.h>\n\nstatic int helper(int x)\n{\n\tint y = x * 2;\n\treturn y;\n}\n\nint main(void)\n{\n\tint a = 1;\n\tint b = 2;\n\tint c = 3;\n\tint d = 4;\n\tprintf(\"%d\\n\", helper(a));\n\treturn 0;\n}\n";
const C_NEW: &[u8] = b"#include <stdio.h>\n\nstatic int helper(int x)\n{\n\tint y = x * 3;\n\treturn y;\n}\n\nint main(void)\n{\n\tint a = 1;\n\tint b = 2;\n\tint c = 3;\n\tint d = 4;\n\tprintf(\"%d\\n\", helper(b));\n\treturn 0;\n}\n";

/// A pair of trees with most of what a directory comparison meets; `with`
/// adds what not every tool takes (binary files, links, a fifo).
fn rich_trees(root: &Path, links: bool, binary: bool) {
    let mut late_nul = vec![b'x'; 5000];
    late_nul.extend_from_slice(b"\0\nend\n");
    let mut old = vec![
        ("same.txt", Node::File(b"same\n")),
        ("changed.c", Node::File(C_OLD)),
        ("gone.txt", Node::File(b"gone\nfor good\n")),
        ("Zebra", Node::File(b"z\n")),
        ("alpha", Node::File(b"a\nb\nc\n")),
        ("sp ace.txt", Node::File(b"one\n")),
        ("caf\u{e9}.txt", Node::File(b"caf\xc3\xa9\n")),
        ("quote\"d", Node::File(b"q\n")),
        ("dir/keep.txt", Node::File(b"keep\n")),
        ("dir/nested/deep.txt", Node::File(b"deep\nold\n")),
        ("only_old_dir/a.txt", Node::File(b"a\n")),
        ("only_old_dir/sub/b.txt", Node::File(b"b\n")),
        ("empty_old_dir", Node::Dir),
        ("file_then_dir", Node::File(b"a file\n")),
        ("dir_then_file/x.txt", Node::File(b"x\n")),
        ("noeol", Node::File(b"no newline")),
        ("crlf.txt", Node::File(b"one\r\ntwo\r\n")),
        ("exec.sh", Node::File(b"#!/bin/sh\necho old\n")),
        ("mode_only.sh", Node::File(b"#!/bin/sh\n")),
        ("lib.o", Node::File(b"object\n")),
        ("build/out.txt", Node::File(b"built\n")),
    ];
    let mut new = vec![
        ("same.txt", Node::File(b"same\n")),
        ("changed.c", Node::File(C_NEW)),
        ("new.txt", Node::File(b"brand\nnew\n")),
        ("Zebra", Node::File(b"Z\n")),
        ("alpha", Node::File(b"a\nB\nc\n")),
        ("sp ace.txt", Node::File(b"two\n")),
        ("caf\u{e9}.txt", Node::File(b"cafe\n")),
        ("quote\"d", Node::File(b"Q\n")),
        ("dir/keep.txt", Node::File(b"keep\n")),
        ("dir/nested/deep.txt", Node::File(b"deep\nnew\n")),
        ("dir/nested/added.txt", Node::File(b"added\n")),
        ("only_new_dir/c.txt", Node::File(b"c\n")),
        ("empty_new_dir", Node::Dir),
        ("file_then_dir/inside.txt", Node::File(b"inside\n")),
        ("dir_then_file", Node::File(b"now a file\n")),
        ("noeol", Node::File(b"no newline\nadded\n")),
        ("crlf.txt", Node::File(b"one\r\n2\r\n")),
        ("exec.sh", Node::Exec(b"#!/bin/sh\necho new\n")),
        ("mode_only.sh", Node::Exec(b"#!/bin/sh\n")),
        ("lib.o", Node::File(b"object, rebuilt\n")),
        ("build/out.txt", Node::File(b"rebuilt\n")),
    ];
    if binary {
        old.extend([
            ("bin.dat", Node::File(b"\0binary\n")),
            ("bin_same.dat", Node::File(b"\0same\n")),
            ("became_binary", Node::File(b"text\n")),
            ("late_nul.txt", Node::Owned(late_nul.clone())),
        ]);
        late_nul.extend_from_slice(b"more\n");
        new.extend([
            ("bin.dat", Node::File(b"\0binary, changed\n")),
            ("bin_same.dat", Node::File(b"\0same\n")),
            ("became_binary", Node::File(b"te\0xt\n")),
            ("late_nul.txt", Node::Owned(late_nul)),
            ("new_bin.dat", Node::File(b"\0new\n")),
        ]);
    }
    if links {
        old.extend([
            ("link_to_file", Node::Link("same.txt")),
            ("link_dir", Node::Link("dir")),
            ("link_changes", Node::Link("alpha")),
        ]);
        new.extend([
            ("link_to_file", Node::Link("same.txt")),
            ("link_dir", Node::Link("dir")),
            ("link_changes", Node::Link("Zebra")),
        ]);
    }
    trees::build(&root.join("old"), &old);
    trees::build(&root.join("new"), &new);
}

#[test]
fn directory_comparisons_match_gnu_diff() {
    let scratch = Scratch::new("trees-gnu");
    let dir = &scratch.0;
    rich_trees(dir, true, true);
    std::fs::write(dir.join("patterns"), b"*.o  \n\nbuild\n").unwrap();
    for options in [
        &["-ruN"][..],
        &["-r", "-u"],
        &["-u"],
        &["-uN"],
        &["-rq"],
        &["-rNq"],
        &["-rus"],
        &["-ruP"],
        &["-rup"],
        &["-ruNa"],
        &["--recursive", "--unified=1", "--new-file"],
        &["-ruN", "-U", "0"],
        &["-ru5"],
        &["-ruN", "-x", "*.o", "-X", "patterns"],
        &["-ruN", "--exclude=dir", "--exclude", "[a-c]*"],
        &["-ruN", "-x", "*"],
        &["-ru", "--label", "L1", "--label", "L 2"],
        &["-r", "-u", "--", "-p"],
    ] {
        for operands in [["old", "new"], ["new", "old"], ["old/", "new//"], ["./old", "new"]] {
            let mut args = options.to_vec();
            if args.last() == Some(&"--") || args.ends_with(&["--", "-p"]) {
                args.truncate(args.len() - 1);
            }
            args.extend(operands);
            same_as_gnu(dir, &args);
        }
    }
    // A directory and a file: the file of its name in the directory.
    same_as_gnu(dir, &["-u", "old", "new/alpha"]);
    same_as_gnu(dir, &["-u", "old/alpha", "new"]);
    same_as_gnu(dir, &["-ruN", "old", "new/dir_then_file"]);
    // A directory against itself: the same, without a word (but -s's).
    same_as_gnu(dir, &["-ru", "old", "old"]);
    same_as_gnu(dir, &["-rus", "old", "old/"]);
    // -N with an operand that does not exist.
    same_as_gnu(dir, &["-ruN", "missing", "new"]);
    same_as_gnu(dir, &["-uN", "old/alpha", "missing"]);
    same_as_gnu(dir, &["-ru", "missing", "new"]);
}

#[test]
fn trouble_in_a_tree_is_told_and_the_rest_compared() {
    let scratch = Scratch::new("trees-trouble");
    let dir = &scratch.0;
    trees::build(
        &dir.join("a"),
        &[
            ("f", Node::File(b"a\n")),
            ("dangling", Node::Link("nowhere")),
            ("both_dangling", Node::Link("/nonexistent/x")),
            ("fifo", Node::Fifo),
            ("fifo_vs_file", Node::Fifo),
            ("z", Node::File(b"z\n")),
        ],
    );
    trees::build(
        &dir.join("b"),
        &[
            ("f", Node::File(b"b\n")),
            ("dangling", Node::File(b"x\n")),
            ("both_dangling", Node::Link("/nonexistent/y")),
            ("fifo", Node::Fifo),
            ("fifo_vs_file", Node::File(b"file\n")),
            ("z", Node::File(b"Z\n")),
        ],
    );
    for options in [&["-ru"][..], &["-ruN"], &["-rq"]] {
        let mut args = options.to_vec();
        args.extend(["a", "b"]);
        let out = same_as_gnu(dir, &args);
        assert_eq!(out.code, 2, "{args:?}");
        assert!(out.text().contains("a/z"), "the files after the trouble are compared: {args:?}");
    }
}

#[test]
fn symbolic_link_loops_are_reported_never_followed_forever() {
    let scratch = Scratch::new("trees-loops");
    let dir = &scratch.0;
    // A loop on both sides, a loop on one side only (the other side's
    // directory ends the walk), and a loop under -N where the other side
    // is absent.
    trees::build(
        &dir.join("a"),
        &[
            ("sub/up", Node::Link("..")),
            ("sub/f", Node::File(b"a\n")),
            ("one/up", Node::Link("..")),
            ("solo/up", Node::Link("../..")),
        ],
    );
    trees::build(
        &dir.join("b"),
        &[("sub/up", Node::Link("..")), ("sub/f", Node::File(b"b\n")), ("one/up/x", Node::File(b"x\n"))],
    );
    for options in [&["-ru"][..], &["-ruN"], &["-r", "-q"]] {
        let mut args = options.to_vec();
        args.extend(["a", "b"]);
        let started = Instant::now();
        let out = same_as_gnu(dir, &args);
        assert_eq!(out.code, 2, "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("recursive directory loop"), "{args:?}");
        assert!(started.elapsed() < Duration::from_secs(60), "{args:?} took {:?}", started.elapsed());
    }
}

/// Trees of random text files (no binary, no link, no empty file: what
/// `diff -ruN` output can carry through GNU patch).
fn random_trees(root: &Path, seed: u64) {
    let mut rng = common::Rng(seed);
    let text = |rng: &mut common::Rng, n: usize| -> Vec<u8> {
        let mut t: Vec<u8> = (0..n).flat_map(|_| format!("line {}\n", rng.below(12)).into_bytes()).collect();
        if rng.below(4) == 0 {
            t.extend_from_slice(b"no newline at the end");
        }
        t
    };
    let (mut old, mut new) = (Vec::new(), Vec::new());
    for k in 0..40 {
        let depth = rng.below(3);
        let path: String = (0..depth).map(|d| format!("d{}/", (k + d) % 4)).collect::<String>() + &format!("f{k}.txt");
        let n = 1 + rng.below(30) as usize;
        let base = text(&mut rng, n);
        match rng.below(5) {
            0 => old.push((path, base)),
            1 => new.push((path, base)),
            2 => {
                old.push((path.clone(), base.clone()));
                new.push((path, base));
            }
            _ => {
                old.push((path.clone(), base));
                let n = 1 + rng.below(30) as usize;
                new.push((path, text(&mut rng, n)));
            }
        }
    }
    let owned = |list: &[(String, Vec<u8>)]| -> Vec<(String, Node)> {
        list.iter().map(|(p, t)| (p.clone(), Node::Owned(t.clone()))).collect()
    };
    let build = |at: &Path, list: &[(String, Node)]| {
        let entries: Vec<(&str, Node)> = list
            .iter()
            .map(|(p, n)| (p.as_str(), if let Node::Owned(t) = n { Node::Owned(t.clone()) } else { Node::Dir }))
            .collect();
        trees::build(at, &entries);
    };
    build(&root.join("old"), &owned(&old));
    build(&root.join("new"), &owned(&new));
}

#[test]
fn gnu_patch_recreates_the_new_tree() {
    let scratch = Scratch::new("trees-patch");
    let dir = &scratch.0;
    for seed in 1..=6u64 {
        for sub in ["old", "new", "patched"] {
            let _ = std::fs::remove_dir_all(dir.join(sub));
        }
        random_trees(dir, seed * 0x9e37_79b9);
        let out = fast_diff(dir, &["-ruN", "old", "new"]);
        assert!(out.code <= 1, "seed {seed}: {}", String::from_utf8_lossy(&out.stderr));
        trees::copy(&dir.join("old"), &dir.join("patched"));
        std::fs::write(dir.join("tree.patch"), &out.stdout).unwrap();
        let patched = Command::new("patch")
            .current_dir(dir.join("patched"))
            .args(["-p1", "--quiet", "--force", "--fuzz=0", "--no-backup-if-mismatch", "-i", "../tree.patch"])
            .output()
            .unwrap();
        assert!(patched.status.success(), "seed {seed}: patch refused:\n{}", String::from_utf8_lossy(&patched.stdout));
        assert_eq!(trees::read(&dir.join("patched"), true), trees::read(&dir.join("new"), true), "seed {seed}");
    }
}

#[test]
fn git_apply_recreates_the_new_tree() {
    let scratch = Scratch::new("trees-git-apply");
    let dir = &scratch.0;
    rich_trees(dir, true, false);
    // A new empty file, a link that becomes a file and a file a link.
    trees::build(
        &dir.join("new"),
        &[
            ("empty_new", Node::File(b"")),
            ("link_then_file", Node::File(b"file\n")),
            ("file_then_link", Node::Link("alpha")),
        ],
    );
    trees::build(
        &dir.join("old"),
        &[("link_then_file", Node::Link("alpha")), ("file_then_link", Node::File(b"file\n"))],
    );
    for options in [&[][..], &["-U0"], &["-U1", "--histogram"], &["--algorithm=patience"]] {
        let options: Vec<&str> =
            options.iter().map(|o| if *o == "--histogram" { "--algorithm=histogram" } else { o }).collect();
        let mut args = vec!["--git"];
        args.extend(&options);
        args.extend(["old", "new"]);
        let out = fast_diff(dir, &args);
        assert_eq!(out.code, 1, "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        let _ = std::fs::remove_dir_all(dir.join("patched"));
        trees::copy(&dir.join("old"), &dir.join("patched"));
        std::fs::write(dir.join("tree.patch"), &out.stdout).unwrap();
        let applied = run("git", &dir.join("patched"), &os(&["apply", "-p2", "--unidiff-zero", "../tree.patch"]), &[]);
        assert_eq!(applied.code, 0, "{args:?}: git apply refused:\n{}", String::from_utf8_lossy(&applied.stderr));
        let (patched, new) = (trees::read(&dir.join("patched"), false), trees::read(&dir.join("new"), false));
        // git does not carry empty directories.
        let dirs_with_files = |list: Vec<(Vec<u8>, trees::Found)>| -> Vec<(Vec<u8>, trees::Found)> {
            let files: Vec<Vec<u8>> =
                list.iter().filter(|(_, f)| *f != trees::Found::Dir).map(|(p, _)| p.clone()).collect();
            list.into_iter()
                .filter(|(p, f)| {
                    *f != trees::Found::Dir || files.iter().any(|file| file.starts_with(&[&p[..], b"/"].concat()))
                })
                .collect()
        };
        assert_eq!(dirs_with_files(patched), dirs_with_files(new), "{args:?}");
    }
}

#[test]
fn git_style_matches_git_diff_no_index() {
    let scratch = Scratch::new("trees-git");
    let dir = &scratch.0;
    rich_trees(dir, true, true);
    for (ours, theirs) in [
        (&[][..], &[][..]),
        (&["-U1"], &["-U1"]),
        (&["-U0"], &["-U0"]),
        (&["--algorithm=histogram"], &["--histogram"]),
        (&["-a"], &["--text"]),
    ] {
        for operands in [["old", "new"], ["new", "old"], ["old/", "new"], ["old/changed.c", "new/changed.c"]] {
            let mut ours = ours.to_vec();
            ours.extend(operands);
            let mut theirs = theirs.to_vec();
            theirs.extend(operands);
            same_as_git(dir, &ours, &theirs);
        }
    }
    // Exclusions leave out the excluded files' diffs, and nothing else.
    let all = fast_diff(dir, &["--git", "old", "new"]);
    let excluded = fast_diff(dir, &["--git", "-x", "*.o", "--exclude=build", "old", "new"]);
    let sections = |out: &Outcome| -> Vec<String> {
        out.text().split("diff --git ").filter(|s| !s.is_empty()).map(str::to_string).collect()
    };
    let kept: Vec<String> = sections(&all)
        .into_iter()
        .filter(|s| !s.starts_with("a/old/lib.o") && !s.starts_with("a/old/build/"))
        .collect();
    assert_eq!(sections(&excluded), kept);
    assert!(sections(&all).len() > kept.len());
}

#[test]
fn binary_files_as_gnu_diff_and_git_tell_them() {
    let scratch = Scratch::new("trees-binary");
    let dir = &scratch.0;
    let block = std::fs::metadata(dir).map(|m| std::os::unix::fs::MetadataExt::blksize(&m) as usize).unwrap();
    let at = |n: usize, tail: &[u8]| [vec![b'x'; n], b"\0\n".to_vec(), tail.to_vec()].concat();
    for (name, old, new) in [
        ("early", at(10, b"a\n"), at(10, b"b\n")),
        ("just inside the first block", at(block - 1, b"a\n"), at(block - 1, b"b\n")),
        ("just past it", at(block, b"a\n"), at(block, b"b\n")),
        ("past git's 8000 bytes", at(8000, b"a\n"), at(8000, b"b\n")),
        ("same", at(3, b"a\n"), at(3, b"a\n")),
        ("text becomes binary", b"text\n".to_vec(), b"te\0xt\n".to_vec()),
        ("empty and binary", Vec::new(), b"\0".to_vec()),
    ] {
        std::fs::write(dir.join("old"), &old).unwrap();
        std::fs::write(dir.join("new"), &new).unwrap();
        for options in [&["-u"][..], &["-q"], &["-ua"], &["-us"]] {
            let mut args = options.to_vec();
            args.extend(["old", "new"]);
            let out = same_as_gnu(dir, &args);
            assert_eq!(out.code, i32::from(old != new), "{name}: {args:?}");
        }
        same_as_git(dir, &["old", "new"], &["old", "new"]);
        same_as_git(dir, &["-a", "old", "new"], &["--text", "old", "new"]);
    }
}

#[test]
fn function_lines_as_gnu_diff_p_and_git() {
    let scratch = Scratch::new("trees-functions");
    let dir = &scratch.0;
    // Long function lines (GNU shows 40 bytes, git 80), trailing white
    // space, hunks with no function line since the one before.
    let long = format!("int {}(int with_a_long, char **argument_list)  \t\n", "a_function_with_a_long_name".repeat(2));
    let mut old = format!("{long}{{\n");
    for k in 0..40 {
        old.push_str(&format!("\tline {k};\n"));
        if k % 13 == 0 {
            old.push_str(&format!("_label{k}:\n$dollar{k}\n"));
        }
    }
    let new =
        old.replace("\tline 3;", "\tline three;").replace("\tline 20;", "\tline twenty;").replace("\tline 38;", "");
    std::fs::write(dir.join("old.c"), &old).unwrap();
    std::fs::write(dir.join("new.c"), &new).unwrap();
    for context in ["-U0", "-U1", "-U3", "-U8"] {
        same_as_gnu(dir, &["-p", context, "old.c", "new.c"]);
        same_as_gnu(dir, &["--show-c-function", context, "old.c", "new.c"]);
        same_as_git(dir, &[context, "old.c", "new.c"], &[context, "old.c", "new.c"]);
    }
}

#[test]
fn colours_are_gits() {
    let scratch = Scratch::new("trees-colour");
    let dir = &scratch.0;
    rich_trees(dir, false, false);
    // git marks white space at the end of an added line (a CR too) with a
    // red background, which fast-diff does not: no such line here.
    for side in ["old", "new"] {
        std::fs::remove_file(dir.join(side).join("crlf.txt")).unwrap();
    }
    let color = |out: &Outcome| rendered(&out.stdout);
    // Words that git's rule (runs of non-space) and fast-diff's cut alike.
    std::fs::write(dir.join("old/words.txt"), b"the quick brown fox\njumps\n").unwrap();
    std::fs::write(dir.join("new/words.txt"), b"the slow brown cat\njumps\n").unwrap();
    for (ours, theirs, operands) in [
        (&[][..], &[][..], ["old", "new"]),
        (&["-U1"], &["-U1"], ["old", "new"]),
        (&["--word-diff"], &["--word-diff=plain"], ["old/words.txt", "new/words.txt"]),
    ] {
        let mut args = vec!["--git", "--color=always"];
        args.extend(ours);
        args.extend(operands);
        let fd = fast_diff(dir, &args);
        let mut git_args = vec!["--color=always"];
        git_args.extend(theirs);
        git_args.extend(operands);
        let git = git_no_index(dir, &git_args);
        assert_eq!(fd.code, git.code);
        let (ours, theirs) = (color(&fd), color(&git));
        if let Some(at) = (0..ours.len().max(theirs.len())).find(|&i| ours.get(i) != theirs.get(i)) {
            let shown = |r: &[(u8, (bool, u8))]| {
                String::from_utf8_lossy(
                    &r[at.saturating_sub(80)..(at + 40).min(r.len())].iter().map(|c| c.0).collect::<Vec<_>>(),
                )
                .into_owned()
            };
            panic!(
                "{args:?}: shown otherwise than git at {at}: {:?} against {:?}\n{}\n---\n{}",
                ours.get(at),
                theirs.get(at),
                shown(&ours),
                shown(&theirs)
            );
        }
    }
    // GNU style: the same text, coloured the same way (GNU diff repeats
    // --color on its `diff` lines too).
    let plain = same_as_gnu(dir, &["-ruN", "--color=never", "old", "new"]);
    let colored = fast_diff(dir, &["-ruN", "--color=always", "old", "new"]);
    let uncolored = String::from_utf8(strip_sgr(&colored.stdout)).unwrap();
    assert_eq!(uncolored.replace("'--color=always'", "'--color=never'"), plain.text());
    for line in colored.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let expected = match strip_sgr(line).first() {
            Some(b'd') => (true, 0),
            Some(b'-') if strip_sgr(line).starts_with(b"--- ") => (true, 0),
            Some(b'+') if strip_sgr(line).starts_with(b"+++ ") => (true, 0),
            Some(b'@') => (false, 36),
            Some(b'-') => (false, 31),
            Some(b'+') => (false, 32),
            _ => (false, 0),
        };
        assert_eq!(rendered(line)[0].1, expected, "{}", String::from_utf8_lossy(line));
    }
    // auto: only on a terminal, and not with NO_COLOR.
    let auto = fast_diff(dir, &["-ruN", "--color", "old", "new"]);
    assert_eq!(auto.text().replace("--color ", "'--color=never' "), plain.text());
    let on_a_terminal = |env: &[(&str, &str)]| {
        let command = format!("{FAST_DIFF} --color old/alpha new/alpha");
        run("script", dir, &os(&["-qec", &command, "/dev/null"]), env).stdout
    };
    assert!(on_a_terminal(&[("TERM", "xterm")]).starts_with(b"\x1b[1m--- old/alpha"));
    assert!(on_a_terminal(&[("TERM", "xterm"), ("NO_COLOR", "1")]).starts_with(b"--- old/alpha"));
}

#[test]
fn gnu_spellings_and_refusals() {
    let scratch = Scratch::new("trees-spellings");
    let dir = &scratch.0;
    let lines: String = (0..30).map(|n| format!("{n}\n")).collect();
    std::fs::write(dir.join("old"), &lines).unwrap();
    std::fs::write(dir.join("new"), lines.replace("\n15\n", "\nfifteen\n")).unwrap();
    for args in [
        &["-u1", "old", "new"][..],
        &["-7", "-u", "old", "new"],
        &["-u", "-1", "old", "new"],
        &["-U2", "-5", "old", "new"],
        &["-U5", "-2", "old", "new"],
        &["-s", "-u", "old", "old"],
        &["--report-identical-files", "-u", "old", "new"],
        &["-u", "-L", "a", "-L", "b", "old", "new"],
    ] {
        same_as_gnu(dir, args);
    }
    // GNU's other options are refused as such, with the pointer to --help.
    for (option, spelled) in
        [("-c", "-c"), ("--side-by-side", "--side-by-side"), ("--ed", "--ed"), ("-y", "-y"), ("-I", "-I")]
    {
        let args: Vec<&str> =
            if option == "-I" { vec![option, "re", "old", "new"] } else { vec![option, "old", "new"] };
        let out = fast_diff(dir, &args);
        assert_eq!(out.code, 2, "{option}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.starts_with(&format!("fast-diff: option '{spelled}' of GNU diff is not supported: ")),
            "{stderr}"
        );
        assert!(stderr.ends_with("fast-diff: Try 'fast-diff --help' for more information.\n"), "{stderr}");
    }
}

/// Two releases of a real project (benches/corpus.py fetches them once
/// into target/corpus), when they can be had.
fn real_release_trees() -> Option<(std::path::PathBuf, std::path::PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("python3").arg(root.join("benches/corpus.py")).output().ok()?;
    if !out.status.success() {
        eprintln!("skipped: no release trees ({})", String::from_utf8_lossy(&out.stderr).trim());
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?;
    let mut lines = text.lines();
    Some((lines.next()?.into(), lines.next()?.into()))
}

#[test]
fn real_release_history_is_recreated_by_patch_and_git_apply() {
    let Some((old, new)) = real_release_trees() else { return };
    let scratch = Scratch::new("trees-real");
    let dir = &scratch.0;
    trees::copy(&old, &dir.join("old"));
    trees::copy(&new, &dir.join("new"));
    // GNU patch does not patch through symbolic links, which -ruN follows:
    // they are left out (and -x shows that exclusions do it).
    let links: Vec<String> = trees::read(&dir.join("new"), false)
        .into_iter()
        .chain(trees::read(&dir.join("old"), false))
        .filter(|(_, found)| matches!(found, trees::Found::Link(_)))
        .map(|(path, _)| String::from_utf8_lossy(path.rsplit(|&b| b == b'/').next().unwrap()).into_owned())
        .collect();
    let mut args = vec!["-ruN".to_string()];
    for link in &links {
        args.extend(["-x".to_string(), link.clone()]);
    }
    args.extend(["old".into(), "new".into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let gnu_style = fast_diff(dir, &args);
    assert_eq!(gnu_style.code, 1, "{}", String::from_utf8_lossy(&gnu_style.stderr));
    let git_style = fast_diff(dir, &["--git", "old", "new"]);
    assert_eq!(git_style.code, 1, "{}", String::from_utf8_lossy(&git_style.stderr));
    std::fs::write(dir.join("gnu.patch"), &gnu_style.stdout).unwrap();
    std::fs::write(dir.join("git.patch"), &git_style.stdout).unwrap();

    trees::copy(&dir.join("old"), &dir.join("patched"));
    let patched = Command::new("patch")
        .current_dir(dir.join("patched"))
        .args(["-p1", "--quiet", "--force", "--fuzz=0", "--no-backup-if-mismatch", "-i", "../gnu.patch"])
        .output()
        .unwrap();
    assert!(patched.status.success(), "patch refused: {}", String::from_utf8_lossy(&patched.stdout));
    // -x leaves out every file or directory of an excluded name.
    let excluded = |path: &[u8]| path.split(|&b| b == b'/').any(|part| links.iter().any(|l| l.as_bytes() == part));
    let without_links =
        |root: &Path| trees::read(root, true).into_iter().filter(|(p, _)| !excluded(p)).collect::<Vec<_>>();
    assert!(without_links(&dir.join("patched")) == without_links(&dir.join("new")), "GNU patch of -ruN's diff");

    std::fs::remove_dir_all(dir.join("patched")).unwrap();
    trees::copy(&dir.join("old"), &dir.join("patched"));
    let applied = run("git", &dir.join("patched"), &os(&["apply", "-p2", "../git.patch"]), &[]);
    assert_eq!(applied.code, 0, "git apply refused: {}", String::from_utf8_lossy(&applied.stderr));
    assert!(
        trees::read(&dir.join("patched"), false) == trees::read(&dir.join("new"), false),
        "git apply of --git's diff"
    );
}

#[test]
fn a_large_tree_in_order_on_every_core() {
    // Enough pairs that several threads share them, with sizes that make
    // later pairs finish first: the output is still in GNU's order.
    let scratch = Scratch::new("trees-large");
    let dir = &scratch.0;
    let mut old = Vec::new();
    let mut new = Vec::new();
    for k in 0..600usize {
        let lines = if k % 50 == 0 { 20_000 } else { 5 + k % 7 };
        let text: Vec<u8> = (0..lines).flat_map(|n| format!("{k} line {n}\n").into_bytes()).collect();
        // One line changed, so that the smallest diff is unique.
        let changed =
            String::from_utf8(text.clone()).unwrap().replace(&format!("{k} line 3\n"), "changed\n").into_bytes();
        let path = format!("d{}/f{k:03}", k % 9);
        old.push((path.clone(), text));
        new.push((path, changed));
    }
    let entries = |list: &[(String, Vec<u8>)]| list.iter().map(|(p, t)| (p.clone(), t.clone())).collect::<Vec<_>>();
    for (side, list) in [("old", entries(&old)), ("new", entries(&new))] {
        let nodes: Vec<(&str, Node)> = list.iter().map(|(p, t)| (p.as_str(), Node::Owned(t.clone()))).collect();
        trees::build(&dir.join(side), &nodes);
    }
    let out = same_as_gnu(dir, &["-ruN", "old", "new"]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.text().matches("\ndiff -ruN ").count() + 1,
        old.iter().zip(&new).filter(|(a, b)| a.1 != b.1).count()
    );
    let _ = OsStr::as_bytes;
}
