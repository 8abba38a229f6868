//! Patches written by other tools apply: GNU `diff -u`, `git diff
//! --no-index` (with `diff --git`, `index` lines and `a/` `b/` prefixes)
//! and Python's difflib, on a fixture set with awkward bytes, with and
//! without final newlines (so with and without `\ No newline at end of
//! file`). Needs GNU diff, git and python3 (`.ci/run` installs them).

mod common;

use std::path::Path;
use std::process::Command;

use common::scratch::Scratch;
use common::{Rng, awkward_text, edit};
use fast_diff::{ApplyOptions, apply_patch};

/// Runs a diff tool, which exits 1 when the files differ.
fn diff_output(cmd: &mut Command) -> Vec<u8> {
    let out = cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e} (is it installed?)"));
    assert!(matches!(out.status.code(), Some(0 | 1)), "{cmd:?}: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

fn gnu_diff(dir: &Path, context: usize) -> Vec<u8> {
    diff_output(Command::new("diff").current_dir(dir).args(["-a", &format!("-U{context}"), "old", "new"]))
}

fn git_diff(dir: &Path, context: usize) -> Vec<u8> {
    diff_output(Command::new("git").current_dir(dir).env("GIT_CONFIG_NOSYSTEM", "1").env("HOME", dir).args([
        "diff",
        "--no-index",
        "--no-color",
        "--no-ext-diff",
        "--text",
        &format!("-U{context}"),
        "old",
        "new",
    ]))
}

/// difflib over bytes lines split at LF, as a Python program would write it.
const DIFFLIB: &str = r#"
import difflib, re, sys
def lines(path):
    return re.findall(rb'[^\n]*\n|[^\n]+$', open(path, 'rb').read())
n = int(sys.argv[1])
out = difflib.diff_bytes(difflib.unified_diff, lines('old'), lines('new'), b'a/f', b'b/f', n=n)
sys.stdout.buffer.write(b''.join(out))
"#;

/// The other common way: text lines without ends, joined with LF.
const DIFFLIB_JOINED: &str = r#"
import difflib, sys
old = open('old', 'rb').read().decode('utf-8', 'surrogateescape').split('\n')[:-1]
new = open('new', 'rb').read().decode('utf-8', 'surrogateescape').split('\n')[:-1]
out = '\n'.join(difflib.unified_diff(old, new, 'a/f', 'b/f', lineterm='', n=int(sys.argv[1])))
sys.stdout.buffer.write(out.encode('utf-8', 'surrogateescape'))
"#;

fn difflib(dir: &Path, program: &str, context: usize) -> Vec<u8> {
    let out = Command::new("python3")
        .current_dir(dir)
        .args(["-c", program, &context.to_string()])
        .output()
        .expect("python3 is installed");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

fn cases() -> Vec<(String, Vec<u8>, Vec<u8>)> {
    let fixed: Vec<(&str, &[u8], &[u8])> = vec![
        ("replace", b"a\nb\nc\n", b"a\nx\nc\n"),
        ("empty old", b"", b"a\nb\n"),
        ("empty new", b"a\nb\n", b""),
        ("no newline either side", b"x\ny", b"x\nz"),
        ("newline added", b"a\nb", b"a\nb\n"),
        ("newline removed", b"a\nb\n", b"a\nb"),
        ("crlf", b"a\r\nb\r\nc\r\n", b"a\r\nB\r\nc\r\n"),
        ("nul and invalid utf-8", b"a\0b\n\xff\n", b"a\0c\n\xff\n"),
        ("diff-like lines", b"--- a\n+++ b\n@@ -1 +1 @@\n", b"--- a\n+++ c\n@@ -1 +1 @@\n"),
    ];
    let mut cases: Vec<_> = fixed.into_iter().map(|(n, o, w)| (n.to_string(), o.to_vec(), w.to_vec())).collect();
    let mut rng = Rng(0x7001_5eed);
    for i in 0..20 {
        let old = awkward_text(&mut rng, 15 + i * 8);
        let new = edit(&mut rng, &old);
        cases.push((format!("random {i}"), old, new));
    }
    cases
}

#[test]
fn patches_from_gnu_diff_git_and_difflib_apply() {
    let scratch = Scratch::new("patch-tools-apply");
    let mut failures = Vec::new();
    let mut applied = 0;
    for (name, old, new) in cases() {
        std::fs::write(scratch.0.join("old"), &old).unwrap();
        std::fs::write(scratch.0.join("new"), &new).unwrap();
        for context in [0usize, 1, 3] {
            let mut patches =
                vec![("GNU diff", gnu_diff(&scratch.0, context)), ("git diff", git_diff(&scratch.0, context))];
            let ends_with_newline = |t: &[u8]| t.is_empty() || t.ends_with(b"\n");
            // difflib has no `\ No newline` marker of its own, and the joined
            // form cannot tell a missing final newline.
            if context == 3 && ends_with_newline(&old) && ends_with_newline(&new) {
                patches.push(("difflib", difflib(&scratch.0, DIFFLIB, context)));
                if std::str::from_utf8(&old).is_ok() && std::str::from_utf8(&new).is_ok() {
                    patches.push(("difflib joined", difflib(&scratch.0, DIFFLIB_JOINED, context)));
                }
            }
            for (tool, patch) in patches {
                let what = format!("{name}, {tool}, context {context}");
                match apply_patch(&old, &patch, &ApplyOptions::default()) {
                    Ok(a) if a.text == new => applied += 1,
                    Ok(_) => failures.push(format!("{what}: different bytes\n{}", String::from_utf8_lossy(&patch))),
                    Err(e) => failures.push(format!("{what}: {e}\n{}", String::from_utf8_lossy(&patch))),
                }
                // And backwards, which gives the old text back.
                let reverse = ApplyOptions { reverse: true, ..ApplyOptions::default() };
                match apply_patch(&new, &patch, &reverse) {
                    Ok(a) if a.text == old => {}
                    Ok(_) => failures.push(format!("{what} reversed: different bytes")),
                    Err(e) => failures.push(format!("{what} reversed: {e}")),
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    assert!(applied > 150, "only {applied} patches were applied");
}

#[test]
fn a_git_multi_file_patch_splits_into_sections_that_apply() {
    let scratch = Scratch::new("patch-tools-multi");
    let (a, b) = (scratch.0.join("a"), scratch.0.join("b"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    std::fs::write(a.join("one.txt"), b"1\n2\n3\n").unwrap();
    std::fs::write(b.join("one.txt"), b"1\ntwo\n3\n").unwrap();
    std::fs::write(a.join("gone.txt"), b"bye\n").unwrap();
    std::fs::write(b.join("new file.txt"), b"hello\n").unwrap();
    let patch = diff_output(
        Command::new("git").current_dir(&scratch.0).env("GIT_CONFIG_NOSYSTEM", "1").env("HOME", &scratch.0).args([
            "diff",
            "--no-index",
            "--no-color",
            "a",
            "b",
        ]),
    );
    let files = fast_diff::parse_patch(&patch, false).unwrap().files;
    let by_path: Vec<(String, fast_diff::FileChange)> =
        files.iter().map(|f| (String::from_utf8(f.path.clone().unwrap()).unwrap(), f.change)).collect();
    assert_eq!(
        by_path,
        vec![
            // git names them by their paths from where it ran.
            ("a/gone.txt".to_string(), fast_diff::FileChange::Deleted),
            ("b/new file.txt".to_string(), fast_diff::FileChange::Created),
            ("b/one.txt".to_string(), fast_diff::FileChange::Modified),
        ]
    );
    let texts: [(&[u8], &[u8]); 3] = [(b"bye\n", b""), (b"", b"hello\n"), (b"1\n2\n3\n", b"1\ntwo\n3\n")];
    for (file, (old, new)) in files.iter().zip(texts) {
        let section = &patch[file.span.clone()];
        assert_eq!(apply_patch(old, section, &ApplyOptions::default()).unwrap().text, new);
    }
}
