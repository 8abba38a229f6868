//! The `fast-patch` command, run as a program: GNU patch's messages and
//! exit statuses, every format, all or nothing on disk, permissions kept,
//! and paths confined to the directory (symbolic links, `..`, absolute
//! names). GNU patch must be installed (`.ci/run` installs it).

mod common;

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;
use std::process::{Command, Stdio};

use common::scratch::Scratch;

const FAST_PATCH: &str = env!("CARGO_BIN_EXE_fast-patch");

struct Outcome {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_in(program: &str, dir: &Path, args: &[&str], stdin: &[u8]) -> Outcome {
    let mut child = Command::new(program)
        .current_dir(dir)
        .args(args)
        .env("LC_ALL", "C")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    let _ = std::io::Write::write_all(child.stdin.as_mut().unwrap(), stdin);
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    Outcome {
        code: out.status.code().expect("exited"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn fast_patch(dir: &Path, args: &[&str], patch: &str) -> Outcome {
    run_in(FAST_PATCH, dir, args, patch.as_bytes())
}

fn write(dir: &Path, name: &str, text: &[u8]) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn read(dir: &Path, name: &str) -> Vec<u8> {
    fs::read(dir.join(name)).unwrap()
}

/// Every entry under `dir`, with its bytes (or "link"/"dir"), sorted.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let name = path.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            let meta = fs::symlink_metadata(&path).unwrap();
            if meta.file_type().is_symlink() {
                all.push((name, b"link".to_vec()));
            } else if meta.is_dir() {
                all.push((name, b"dir".to_vec()));
                todo.push(path);
            } else {
                all.push((name, fs::read(&path).unwrap()));
            }
        }
    }
    all.sort();
    all
}

const TWO_FILES: &str = "\
--- a/x.txt
+++ b/x.txt
@@ -2,3 +2,3 @@
 b
-c
+C
 d
--- a/y.txt
+++ b/y.txt
@@ -1,3 +1,3 @@
 1
-2
+TWO
 3
";

fn two_files(name: &str) -> Scratch {
    let scratch = Scratch::new(name);
    write(&scratch.0, "x.txt", b"a\nb\nc\nd\ne\n");
    write(&scratch.0, "y.txt", b"1\n2\n3\n");
    scratch
}

#[test]
fn applies_as_gnu_patch_does_and_says_so_in_its_words() {
    let ours = two_files("gnu-ours");
    let gnu = two_files("gnu-theirs");
    let mine = fast_patch(&ours.0, &[], TWO_FILES);
    let theirs = run_in("patch", &gnu.0, &["-p1"], TWO_FILES.as_bytes());
    assert_eq!((mine.code, theirs.code), (0, 0), "{}{}", mine.stdout, mine.stderr);
    assert_eq!(mine.stdout, theirs.stdout);
    assert_eq!(snapshot(&ours.0), snapshot(&gnu.0));
    // An offset, in GNU patch's words.
    let ours = Scratch::new("offset");
    write(&ours.0, "x.txt", b"0\n0\n0\na\nb\nc\nd\ne\n");
    let mine = fast_patch(&ours.0, &["-p1"], &TWO_FILES[..TWO_FILES.find("--- a/y").unwrap()]);
    assert_eq!(mine.code, 0);
    assert_eq!(mine.stdout, "patching file x.txt\nHunk #1 succeeded at 5 (offset 3 lines).\n");
    // Undone with -R.
    let back = fast_patch(&ours.0, &["-R", "-p1"], &TWO_FILES[..TWO_FILES.find("--- a/y").unwrap()]);
    assert_eq!(back.code, 0, "{}", back.stdout);
    assert_eq!(read(&ours.0, "x.txt"), b"0\n0\n0\na\nb\nc\nd\ne\n");
}

#[test]
fn a_failing_hunk_writes_nothing_and_exits_1() {
    let scratch = two_files("atomic");
    write(&scratch.0, "y.txt", b"1\nnot two\n3\n");
    let before = snapshot(&scratch.0);
    let out = fast_patch(&scratch.0, &[], TWO_FILES);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("checking file x.txt\n"), "{}", out.stdout);
    assert!(out.stdout.contains("Hunk #1 FAILED at 1.\n"), "{}", out.stdout);
    assert!(out.stdout.contains("1 out of 1 hunk FAILED\n"), "{}", out.stdout);
    assert!(out.stdout.contains("Nothing was written"), "{}", out.stdout);
    assert_eq!(snapshot(&scratch.0), before, "the first file is unchanged, and no temporary file is left");
    // Applying twice: already applied, told apart from a failure.
    let scratch = two_files("twice");
    assert_eq!(fast_patch(&scratch.0, &[], TWO_FILES).code, 0);
    let again = fast_patch(&scratch.0, &[], TWO_FILES);
    assert_eq!(again.code, 1);
    assert!(again.stdout.contains("Reversed (or previously applied) patch detected!"), "{}", again.stdout);
}

#[test]
fn dry_run_prints_the_diff_and_writes_nothing() {
    let scratch = two_files("dry");
    let before = snapshot(&scratch.0);
    let out = fast_patch(&scratch.0, &["--dry-run"], TWO_FILES);
    assert_eq!(out.code, 0);
    assert!(out.stdout.starts_with("checking file x.txt\nchecking file y.txt\n"), "{}", out.stdout);
    assert!(out.stdout.contains("--- a/y.txt\n+++ b/y.txt\n@@ -1,3 +1,3 @@\n 1\n-2\n+TWO\n 3\n"), "{}", out.stdout);
    assert_eq!(snapshot(&scratch.0), before);
}

#[test]
fn every_format_and_the_habits_of_models() {
    let formats = [
        // A bare @@, wrong counts, in a code fence.
        "```diff\n--- x.txt\n+++ x.txt\n@@\n b\n-c\n+C\n d\n```\n",
        "*** Begin Patch\n*** Update File: x.txt\n@@\n b\n-c\n+C\n d\n*** End Patch\n",
        "x.txt\n```\n<<<<<<< SEARCH\nc\n=======\nC\n>>>>>>> REPLACE\n```\n",
        "[{\"path\": \"x.txt\", \"old_text\": \"c\\n\", \"new_text\": \"C\\n\"}]",
        "cat <<'EOF' | patch -p1\n--- a/x.txt\n+++ b/x.txt\n@@ -3,1 +3,1 @@\n-c\n+C\nEOF\n",
    ];
    for patch in formats {
        let scratch = Scratch::new("formats");
        write(&scratch.0, "x.txt", b"a\nb\nc\nd\ne\n");
        let out = fast_patch(&scratch.0, &[], patch);
        assert_eq!(out.code, 0, "{patch}\n{}{}", out.stdout, out.stderr);
        assert_eq!(read(&scratch.0, "x.txt"), b"a\nb\nC\nd\ne\n", "{patch}");
    }
    // --strict refuses what the lenient default recounts.
    let scratch = Scratch::new("strict");
    write(&scratch.0, "x.txt", b"a\nb\nc\nd\ne\n");
    let wrong_counts = "--- a/x.txt\n+++ b/x.txt\n@@ -2,9 +2,9 @@\n b\n-c\n+C\n d\n";
    assert_ne!(fast_patch(&scratch.0, &["--strict"], wrong_counts).code, 0);
    assert_eq!(read(&scratch.0, "x.txt"), b"a\nb\nc\nd\ne\n");
    assert_eq!(fast_patch(&scratch.0, &[], wrong_counts).code, 0);
}

#[test]
fn creates_deletes_renames_and_keeps_modes_crlf_and_bytes() {
    let scratch = Scratch::new("files");
    write(&scratch.0, "keep.sh", b"#!/bin/sh\necho one\n");
    fs::set_permissions(scratch.0.join("keep.sh"), fs::Permissions::from_mode(0o751)).unwrap();
    write(&scratch.0, "gone.txt", b"bye\n");
    write(&scratch.0, "old.txt", b"moving\n");
    write(&scratch.0, "dos.txt", b"one\r\ntwo\r\n\xff\xfe\r\n");
    let patch = "\
diff --git a/keep.sh b/keep.sh
--- a/keep.sh
+++ b/keep.sh
@@ -1,2 +1,2 @@
 #!/bin/sh
-echo one
+echo two
diff --git a/new/dir/made.txt b/new/dir/made.txt
new file mode 100644
--- /dev/null
+++ b/new/dir/made.txt
@@ -0,0 +1 @@
+hello
diff --git a/gone.txt b/gone.txt
deleted file mode 100644
--- a/gone.txt
+++ /dev/null
@@ -1 +0,0 @@
-bye
diff --git a/old.txt b/new.txt
similarity index 100%
rename from old.txt
rename to new.txt
diff --git a/dos.txt b/dos.txt
--- a/dos.txt
+++ b/dos.txt
@@ -1,2 +1,3 @@
 one
+one and a half
 two
";
    let out = fast_patch(&scratch.0, &[], patch);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert_eq!(read(&scratch.0, "keep.sh"), b"#!/bin/sh\necho two\n");
    let mode = fs::metadata(scratch.0.join("keep.sh")).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o751);
    assert_eq!(read(&scratch.0, "new/dir/made.txt"), b"hello\n");
    assert!(!scratch.0.join("gone.txt").exists());
    assert!(!scratch.0.join("old.txt").exists());
    assert_eq!(read(&scratch.0, "new.txt"), b"moving\n");
    assert_eq!(read(&scratch.0, "dos.txt"), b"one\r\none and a half\r\ntwo\r\n\xff\xfe\r\n");
    // Creating over an existing file is refused, and nothing written.
    let before = snapshot(&scratch.0);
    let again = "--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1 @@\n+other\n";
    let out = fast_patch(&scratch.0, &[], again);
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("which already exists!"), "{}", out.stdout);
    assert_eq!(snapshot(&scratch.0), before);
}

#[test]
fn nothing_outside_the_directory_is_read_or_written() {
    let outside = Scratch::new("outside");
    write(&outside.0, "secret.txt", b"root\n");
    let scratch = Scratch::new("confined");
    write(&scratch.0, "in/x.txt", b"root\n");
    symlink(outside.0.join("secret.txt"), scratch.0.join("link.txt")).unwrap();
    symlink(&outside.0, scratch.0.join("linkdir")).unwrap();
    let secret = outside.0.join("secret.txt").to_string_lossy().into_owned();
    let change = |name: &str| format!("--- {name}\n+++ {name}\n@@ -1 +1 @@\n-root\n+changed\n");
    let cases = [
        (change("link.txt"), "symbolic link"),
        (change("linkdir/secret.txt"), "symbolic link"),
        (change("../fast-diff-outside/secret.txt"), "'..'"),
        (change("in/../../x"), "'..'"),
        (change(&secret), "absolute"),
    ];
    let before = (snapshot(&scratch.0), snapshot(&outside.0));
    for (patch, why) in &cases {
        // With a file that does apply beside it: still nothing written.
        let patch = format!("{}{patch}", change("in/x.txt"));
        let out = fast_patch(&scratch.0, &[], &patch);
        assert_eq!(out.code, 1, "{patch}\n{}{}", out.stdout, out.stderr);
        assert!(out.stdout.contains("Refusing to patch") && out.stdout.contains(why), "{patch}\n{}", out.stdout);
        assert_eq!((snapshot(&scratch.0), snapshot(&outside.0)), before, "{patch}");
    }
    // -d DIR: the files are under DIR, and DIR confines them.
    let out = fast_patch(&outside.0, &["-d", scratch.0.to_str().unwrap()], &change("in/x.txt"));
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert_eq!(read(&scratch.0, "in/x.txt"), b"changed\n");
}

#[test]
fn trouble_exits_2_with_gnu_patch_words() {
    let scratch = Scratch::new("trouble");
    let out = fast_patch(&scratch.0, &[], "nothing like a patch\n");
    assert_eq!(out.code, 2);
    assert_eq!(out.stderr, "fast-patch: **** Only garbage was found in the patch input.\n");
    let out = fast_patch(&scratch.0, &["-z"], "");
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("invalid option"), "{}", out.stderr);
    let out = fast_patch(&scratch.0, &["-i", "no-such.diff"], "");
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("no-such.diff"), "{}", out.stderr);
    let out = fast_patch(&scratch.0, &[], "--- a/missing.txt\n+++ b/missing.txt\n@@ -1 +1 @@\n-a\n+b\n");
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("can't find file to patch at input line 3"), "{}", out.stdout);
    let help = fast_patch(&scratch.0, &["--help"], "");
    assert_eq!(help.code, 0);
    assert!(help.stdout.starts_with("Usage: fast-patch"));
}
