//! The correctness oracle with real tools: every diff on a fixture set must
//! be applied by GNU `patch` and by `git apply` to reproduce the new file
//! byte for byte. Both tools must be installed (`.ci/run` installs them).

mod common;

use std::path::Path;
use std::process::Command;

use common::Rng;
use common::scratch::Scratch;
use fast_diff::{Algorithm, DiffOptions, unified_diff};

fn run(cmd: &mut Command) -> Result<(), String> {
    let out = cmd.output().map_err(|e| format!("cannot run {cmd:?}: {e} (is it installed?)"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!("{cmd:?} failed: {}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
    }
}

/// GNU patch, told which file to patch and where to write the result.
fn with_patch(dir: &Path, old: &[u8], diff: &[u8]) -> Result<Vec<u8>, String> {
    std::fs::write(dir.join("f"), old).unwrap();
    std::fs::write(dir.join("d.patch"), diff).unwrap();
    let _ = std::fs::remove_file(dir.join("out"));
    run(Command::new("patch").current_dir(dir).args(["--quiet", "--force", "--fuzz=0", "-o", "out", "f", "d.patch"]))?;
    Ok(std::fs::read(dir.join("out")).unwrap())
}

/// git apply, outside any repository, on a file named by the diff's labels.
fn with_git(dir: &Path, old: &[u8], diff: &[u8], context: usize) -> Result<Vec<u8>, String> {
    std::fs::write(dir.join("f"), old).unwrap();
    std::fs::write(dir.join("d.patch"), diff).unwrap();
    let mut cmd = Command::new("git");
    cmd.current_dir(dir).env("GIT_CONFIG_NOSYSTEM", "1").env("HOME", dir).args(["apply", "--whitespace=nowarn"]);
    if context == 0 {
        cmd.arg("--unidiff-zero");
    }
    run(cmd.arg("d.patch"))?;
    Ok(std::fs::read(dir.join("f")).unwrap())
}

fn cases() -> Vec<(String, Vec<u8>, Vec<u8>)> {
    let fixed: Vec<(&str, &[u8], &[u8])> = vec![
        ("replace", b"a\nb\nc\n", b"a\nx\nc\n"),
        ("empty old", b"", b"a\nb\n"),
        ("empty new", b"a\nb\n", b""),
        ("one line no newline", b"a", b"b"),
        ("newline added at end", b"a\nb", b"a\nb\n"),
        ("newline removed at end", b"a\nb\n", b"a\nb"),
        ("both without final newline", b"x\ny", b"x\nz"),
        ("unchanged last line without newline", b"x\ny", b"w\ny"),
        ("crlf", b"a\r\nb\r\nc\r\n", b"a\r\nB\r\nc\r\n"),
        ("crlf to lf", b"a\r\nb\r\n", b"a\nb\n"),
        ("lone cr", b"a\rb\nc\n", b"a\rB\nc\n"),
        ("nul bytes", b"a\0b\nc\n", b"a\0B\nc\n"),
        ("invalid utf-8", b"\xff\xfe\n\xc3\x28\n", b"\xff\xff\n\xc3\x28\n"),
        ("diff-like lines", b"--- a\n+++ b\n@@ -1 +1 @@\n", b"--- a\n+++ c\n@@ -1 +1 @@\n"),
        ("blank lines", b"\n\n\n", b"\n\nx\n\n"),
        // A change the compaction slides to the edge of the compared window
        // still gets its full context.
        ("slide into the margin", b"c\na\nb\nb\nc\n", b"a\nb\nc\n"),
        ("slide into the leading margin", b"x\nb\nb\na\nc\n", b"x\nb\na\n"),
    ];
    let mut cases: Vec<(String, Vec<u8>, Vec<u8>)> =
        fixed.into_iter().map(|(n, o, w)| (n.to_string(), o.to_vec(), w.to_vec())).collect();
    let long = |c: u8| std::iter::repeat_n(c, 100_000).chain([b'\n']).collect::<Vec<u8>>();
    cases.push((
        "very long line".into(),
        [long(b'a'), b"mid\n".to_vec(), long(b'b')].concat(),
        [long(b'a'), b"MID\n".to_vec(), long(b'b')].concat(),
    ));
    // The inputs of the conformance vectors too.
    let vectors = fast_diff_vectors::read_all(&fast_diff_vectors::committed_dir());
    cases.extend(
        vectors.expect("tests/vectors is readable").into_iter().map(|v| (format!("vector {}", v.name), v.old, v.new)),
    );
    let mut rng = Rng(0x5eed_7001);
    for i in 0..40 {
        let old = common::awkward_text(&mut rng, 20 + i * 10);
        let new = common::edit(&mut rng, &old);
        cases.push((format!("random {i}"), old, new));
    }
    cases
}

#[test]
fn gnu_patch_and_git_apply_reproduce_the_new_text() {
    let scratch = Scratch::new("tools-apply");
    let mut failures = Vec::new();
    for (name, old, new) in cases() {
        for algorithm in [Algorithm::Myers, Algorithm::Histogram, Algorithm::Patience] {
            for context in [0usize, 1, 3] {
                let options = DiffOptions {
                    context_lines: context,
                    algorithm,
                    old_label: b"a/f",
                    new_label: b"b/f",
                    ..DiffOptions::default()
                };
                let diff = unified_diff(&old, &new, &options).unwrap();
                if diff.is_empty() {
                    assert_eq!(old, new, "{name}");
                    continue;
                }
                let what = format!("{name} ({algorithm:?}, context {context})");
                match with_patch(&scratch.0, &old, &diff) {
                    Ok(out) if out == new => {}
                    Ok(_) => failures.push(format!("{what}: patch gave different bytes")),
                    Err(e) => failures.push(format!("{what}: {e}")),
                }
                match with_git(&scratch.0, &old, &diff, context) {
                    Ok(out) if out == new => {}
                    Ok(_) => failures.push(format!("{what}: git apply gave different bytes")),
                    Err(e) => failures.push(format!("{what}: {e}")),
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn output_matches_gnu_diff_on_simple_edits() {
    // Where the minimal diff is unique, our bytes are GNU diff's bytes.
    let scratch = Scratch::new("tools-gnu");
    let cases: &[(&[u8], &[u8])] = &[
        (b"a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n", b"a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nL\nm\n"),
        (b"a\nb\nc\nd\ne\nf\ng\nh\ni\n", b"a\nB\nc\nd\ne\nf\ng\nH\ni\n"),
        (b"", b"x\ny\n"),
        (b"x\ny\n", b""),
        (b"p\nq", b"p\nr"),
        (b"one\ntwo\nthree\n", b"zero\none\ntwo\nthree\nfour\n"),
        (b"a\r\nb\r\n", b"a\r\nc\r\n"),
        (b"c\na\nb\nb\nc\n", b"a\nb\nc\n"),
    ];
    for (i, (old, new)) in cases.iter().enumerate() {
        std::fs::write(scratch.0.join("old"), old).unwrap();
        std::fs::write(scratch.0.join("new"), new).unwrap();
        let gnu = Command::new("diff")
            .current_dir(&scratch.0)
            .args(["-u", "-a", "--label", "original", "--label", "modified", "old", "new"])
            .output()
            .expect("GNU diff is installed");
        let ours = unified_diff(old, new, &DiffOptions::default()).unwrap();
        assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&gnu.stdout), "case {i}");
    }
}

#[test]
fn the_conformance_vectors_expected_diffs_apply_with_gnu_patch_and_git_apply() {
    let scratch = Scratch::new("vectors");
    let mut failures = Vec::new();
    for v in fast_diff_vectors::read_all(&fast_diff_vectors::committed_dir()).expect("tests/vectors is readable") {
        let Ok(diff) = &v.expected else { continue };
        if diff.is_empty() {
            continue;
        }
        // Under comparison modes, lines that differ only in ignored ways
        // keep their old form: the tools must give what the strict applier
        // gives.
        let want = if v.options.flags == 0 { v.new.clone() } else { common::apply(&v.old, diff).unwrap() };
        match with_patch(&scratch.0, &v.old, diff) {
            Ok(out) if out == want => {}
            Ok(_) => failures.push(format!("{}: patch gave different bytes", v.name)),
            Err(e) => failures.push(format!("{}: {e}", v.name)),
        }
        // git apply takes the file name from the labels: name the scratch
        // file there, keeping every hunk as it is.
        let body_at = diff.windows(3).position(|w| w == b"\n@@").expect("a hunk") + 1;
        let diff = [&b"--- a/f\n+++ b/f\n"[..], &diff[body_at..]].concat();
        match with_git(&scratch.0, &v.old, &diff, v.options.context_lines as usize) {
            Ok(out) if out == want => {}
            Ok(_) => failures.push(format!("{}: git apply gave different bytes", v.name)),
            Err(e) => failures.push(format!("{}: {e}", v.name)),
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}
