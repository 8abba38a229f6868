//! Applying what agents write (`apply_edits`): every format, every rung of
//! the matching ladder, every refusal, line ends, byte order marks, bytes
//! that are not UTF-8, and all or nothing across files.

use fast_diff::patch::edits::{
    EditError, EditFormat, EditOptions, EditReport, FileEdit, FileOutcome, FileText, apply_edits, parse_edits,
};
use fast_diff::{ApplyOptions, FailReason, FileChange, HunkOutcome, MatchMode};

fn files<'a>(pairs: &'a [(&'a str, &'a [u8])]) -> Vec<FileText<'a>> {
    pairs.iter().map(|(p, t)| FileText { path: p.as_bytes(), text: t }).collect()
}

fn defaults() -> EditOptions {
    EditOptions::default()
}

fn apply(pairs: &[(&str, &[u8])], patch: &[u8]) -> Result<EditReport, EditError> {
    apply_edits(&files(pairs), patch, &defaults())
}

fn file<'r>(report: &'r EditReport, path: &str) -> &'r FileEdit {
    report.files.iter().find(|f| f.path == path.as_bytes()).unwrap_or_else(|| panic!("no {path} in {report:#?}"))
}

fn text<'r>(report: &'r EditReport, path: &str) -> &'r [u8] {
    file(report, path).text.as_deref().unwrap_or_else(|| panic!("{path} has no text"))
}

fn failed(result: Result<EditReport, EditError>) -> EditReport {
    match result {
        Err(EditError::HunksFailed(report)) => *report,
        other => panic!("expected a failure, got {other:#?}"),
    }
}

const PY: &[u8] = b"class A:\n    def f(self):\n        return 1\n\n    def g(self):\n        return 1\n";

#[test]
fn the_envelope_adds_deletes_updates_and_moves() {
    let patch = b"apply_patch <<'EOF'\n*** Begin Patch\n*** Add File: docs/new.md\n+# New\n*** Delete File: old.txt\n*** Update File: a.py\n*** Move to: b.py\n@@     def g(self):\n-        return 1\n+        return 2\n*** End Patch\nEOF\n";
    let report = apply(&[("a.py", PY), ("old.txt", b"bye\n")], patch).unwrap();
    assert_eq!(report.format, EditFormat::Envelope);
    assert_eq!(text(&report, "docs/new.md"), b"# New\n");
    assert_eq!(file(&report, "docs/new.md").change, FileChange::Created);
    let gone = file(&report, "old.txt");
    assert_eq!((gone.change, gone.text.as_ref()), (FileChange::Deleted, None));
    let moved = file(&report, "b.py");
    assert_eq!((moved.change, moved.source.as_deref()), (FileChange::Renamed, Some(&b"a.py"[..])));
    assert_eq!(
        moved.text.as_deref(),
        Some(&b"class A:\n    def f(self):\n        return 1\n\n    def g(self):\n        return 2\n"[..])
    );
    assert_eq!(moved.hunks[0].line, 6);
}

#[test]
fn an_envelope_hunk_that_is_in_two_places_is_refused_with_both() {
    let patch = b"*** Begin Patch\n*** Update File: a.py\n@@\n-        return 1\n+        return 2\n*** End Patch\n";
    let report = match apply(&[("a.py", PY)], patch) {
        Err(EditError::Ambiguous(report)) => report,
        other => panic!("{other:#?}"),
    };
    let hunk = &report.files[0].hunks[0];
    assert_eq!((hunk.reason, hunk.places.clone()), (Some(FailReason::Ambiguous), vec![3, 6]));
    assert!(report.message.contains("lines 3 and 6"), "{}", report.message);
    // Its scope line tells them apart.
    let patch = b"*** Begin Patch\n*** Update File: a.py\n@@ def f(self):\n-        return 1\n+        return 2\n*** End Patch\n";
    let report = apply(&[("a.py", PY)], patch).unwrap();
    assert_eq!(report.files[0].hunks[0].line, 3);
}

#[test]
fn search_replace_blocks_and_replacement_lists() {
    let blocks = b"a.py\n```python\n<<<<<<< SEARCH\n    def g(self):\n        return 1\n=======\n    def g(self):\n        return 3\n>>>>>>> REPLACE\n```\n";
    let report = apply(&[("a.py", PY)], blocks).unwrap();
    assert_eq!(report.format, EditFormat::SearchReplace);
    assert!(text(&report, "a.py").ends_with(b"return 3\n"));
    let list = br#"[{"path": "a.py", "old_text": "def f(self):", "new_text": "def h(self):"}]"#;
    let report = apply(&[("a.py", PY)], list).unwrap();
    assert_eq!(report.format, EditFormat::Replacements);
    assert!(text(&report, "a.py").starts_with(b"class A:\n    def h(self):\n"));
    // "return 1" is twice in the file: refused, both lines named, unless all are asked for.
    let twice = br#"[{"path": "a.py", "old_text": "return 1", "new_text": "return 0"}]"#;
    let Err(EditError::Ambiguous(report)) = apply(&[("a.py", PY)], twice) else { panic!() };
    assert_eq!(report.files[0].hunks[0].places, vec![3, 6]);
    let all = br#"[{"path": "a.py", "old_text": "return 1", "new_text": "return 0", "replace_all": true}]"#;
    let report = apply(&[("a.py", PY)], all).unwrap();
    assert_eq!(memchr::memmem::find_iter(text(&report, "a.py"), b"return 0").count(), 2);
}

#[test]
fn unified_diffs_of_several_files_with_git_prefixes() {
    let patch = b"diff --git a/x.txt b/x.txt\n--- a/x.txt\n+++ b/x.txt\n@@ -1,2 +1,2 @@\n one\n-two\n+2\ndiff --git a/y.txt b/y.txt\nnew file mode 100644\n--- /dev/null\n+++ b/y.txt\n@@ -0,0 +1 @@\n+why\n";
    let report = apply(&[("x.txt", b"one\ntwo\n")], patch).unwrap();
    assert_eq!(report.format, EditFormat::Unified);
    assert_eq!(text(&report, "x.txt"), b"one\n2\n");
    assert_eq!(text(&report, "y.txt"), b"why\n");
    // ./ in the given names matches too, and the name is kept as given.
    let report = apply(&[("./x.txt", b"one\ntwo\n")], &patch[..89]).unwrap();
    assert_eq!(report.files[0].path, b"./x.txt");
    // GNU's -p.
    let options = EditOptions { strip: Some(1), ..defaults() };
    let report = apply_edits(&files(&[("x.txt", b"one\ntwo\n")]), &patch[..89], &options).unwrap();
    assert_eq!(report.files[0].path, b"x.txt");
    let options = EditOptions { strip: Some(0), ..defaults() };
    let report = failed(apply_edits(&files(&[("x.txt", b"one\ntwo\n")]), &patch[..89], &options));
    assert_eq!(report.files[0].outcome, FileOutcome::Missing);
}

#[test]
fn models_habits_are_accepted() {
    // No file header, a bare @@, wrong counts, inside a fence.
    let patch = b"```diff\n@@ -1,1 +1,1 @@\n class A:\n     def f(self):\n-        return 1\n+        return 10\n```\n";
    let report = apply(&[("a.py", PY)], patch).unwrap();
    assert!(text(&report, "a.py").starts_with(b"class A:\n    def f(self):\n        return 10\n"));
    assert!(report.files[0].hunks[0].recounted);
    // And the same, strict: refused as malformed.
    let strict = EditOptions { apply: ApplyOptions { strict: true, ..Default::default() }, ..defaults() };
    assert!(matches!(apply_edits(&files(&[("a.py", PY)]), patch, &strict), Err(EditError::Malformed { .. })));
}

#[test]
fn each_rung_of_the_ladder_is_named() {
    let cases: &[(&[u8], MatchMode)] = &[
        (b"    def f(self):\n", MatchMode::Exact),
        (b"    def f(self):   \n", MatchMode::TrailingWhitespace),
        (b"def f(self):\n", MatchMode::Trimmed),
    ];
    for (context, mode) in cases {
        let mut patch = b"*** Begin Patch\n*** Update File: a.py\n@@ class A:\n ".to_vec();
        patch.extend_from_slice(context);
        patch.extend_from_slice(b"-        return 1\n+        return 5\n*** End Patch\n");
        let report = apply(&[("a.py", PY)], &patch).unwrap();
        assert_eq!(report.files[0].hunks[0].mode, *mode, "{}", String::from_utf8_lossy(&patch));
    }
    let quoted = "x = \u{201c}hi\u{201d} \u{2014} ok\n".as_bytes();
    let report =
        apply(&[("q.py", quoted)], b"q.py\n<<<<<<< SEARCH\nx = \"hi\" - ok\n=======\nx = 'hi'\n>>>>>>> REPLACE\n")
            .unwrap();
    assert_eq!(report.files[0].hunks[0].mode, MatchMode::Punctuation);
    assert_eq!(text(&report, "q.py"), b"x = 'hi'\n");
    // CRLF text, LF patch: line ends.
    let report =
        apply(&[("c.txt", b"a\r\nb\r\n")], b"--- a/c.txt\n+++ b/c.txt\n@@ -1,2 +1,3 @@\n a\n-b\n+c\n+d\n").unwrap();
    assert_eq!(report.files[0].hunks[0].mode, MatchMode::LineEndings);
    assert_eq!(text(&report, "c.txt"), b"a\r\nc\r\nd\r\n");
}

#[test]
fn crlf_files_stay_crlf_in_every_format() {
    let crlf: &[u8] = b"one\r\ntwo\r\nthree\r\n";
    let patches: &[&[u8]] = &[
        b"*** Begin Patch\n*** Update File: f\n@@\n one\n-two\n+2\n+2.5\n*** End Patch\n",
        b"f\n<<<<<<< SEARCH\ntwo\n=======\n2\n2.5\n>>>>>>> REPLACE\n",
        br#"[{"path": "f", "old_text": "two\n", "new_text": "2\n2.5\n"}]"#,
        b"--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n one\n-two\n+2\n+2.5\n",
        b"*** Begin Patch\n*** Update File: f\n@@ three\n+four\n*** End Patch\n",
    ];
    for patch in patches {
        let report = apply(&[("f", crlf)], patch).unwrap_or_else(|e| panic!("{e}\n{}", String::from_utf8_lossy(patch)));
        let out = text(&report, "f");
        assert!(
            memchr::memchr_iter(b'\n', out).all(|i| i > 0 && out[i - 1] == b'\r'),
            "{:?}",
            String::from_utf8_lossy(out)
        );
    }
}

#[test]
fn a_byte_order_mark_and_a_missing_final_newline_are_kept() {
    let text_in: &[u8] = b"\xef\xbb\xbfimport os\nprint(1)";
    let patches: &[&[u8]] = &[
        b"--- a/m.py\n+++ b/m.py\n@@ -1,2 +1,2 @@\n-import os\n+import sys\n print(1)\n",
        b"*** Begin Patch\n*** Update File: m.py\n@@\n-import os\n+import sys\n print(1)\n*** End Patch\n",
        b"m.py\n<<<<<<< SEARCH\nimport os\n=======\nimport sys\n>>>>>>> REPLACE\n",
    ];
    for patch in patches {
        let report =
            apply(&[("m.py", text_in)], patch).unwrap_or_else(|e| panic!("{e}\n{}", String::from_utf8_lossy(patch)));
        assert_eq!(text(&report, "m.py"), b"\xef\xbb\xbfimport sys\nprint(1)", "{}", String::from_utf8_lossy(patch));
    }
}

#[test]
fn bytes_that_are_not_utf8_are_carried_through() {
    let latin1: &[u8] = b"caf\xe9\nna\xefve\n";
    let report =
        apply(&[("l.txt", latin1)], b"l.txt\n<<<<<<< SEARCH\nna\xefve\n=======\nna\xefve!\n>>>>>>> REPLACE\n").unwrap();
    assert_eq!(text(&report, "l.txt"), b"caf\xe9\nna\xefve!\n");
}

#[test]
fn all_or_nothing_with_every_failure_listed() {
    let patch = b"*** Begin Patch\n*** Update File: a.txt\n@@\n-one\n+1\n*** Update File: b.txt\n@@\n-nothing like it\n+x\n*** Update File: c.txt\n@@\n-three\n+3\n*** Add File: a.txt\n+again\n*** End Patch\n";
    let report = failed(apply(&[("a.txt", b"one\n"), ("b.txt", b"two\n")], patch));
    assert!(report.files.iter().all(|f| f.text.is_none()), "nothing is applied");
    let outcomes: Vec<_> =
        report.files.iter().map(|f| (String::from_utf8_lossy(&f.path).into_owned(), f.outcome)).collect();
    assert_eq!(
        outcomes,
        vec![
            ("a.txt".to_string(), FileOutcome::Exists),
            ("b.txt".to_string(), FileOutcome::HunksFailed),
            ("c.txt".to_string(), FileOutcome::Missing),
        ]
    );
    for needle in ["\"b.txt\": 1 of 1 hunks do not apply", "\"c.txt\": no such file", "\"a.txt\": the file exists"] {
        assert!(report.message.contains(needle), "{needle}: {}", report.message);
    }
}

#[test]
fn already_applied_is_told_apart() {
    let patch = b"--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-one\n+1\n";
    assert!(matches!(apply(&[("a.txt", b"1\n")], patch), Err(EditError::AlreadyApplied(_))));
    let blocks = b"a.txt\n<<<<<<< SEARCH\none\n=======\n1\n>>>>>>> REPLACE\n";
    let Err(EditError::AlreadyApplied(report)) = apply(&[("a.txt", b"1\n")], blocks) else { panic!() };
    assert_eq!(report.files[0].hunks[0].outcome, HunkOutcome::AlreadyApplied);
    let add = b"*** Begin Patch\n*** Add File: n.txt\n+new\n*** End Patch\n";
    assert!(matches!(apply(&[("n.txt", b"new\n")], add), Err(EditError::AlreadyApplied(_))));
}

#[test]
fn one_unnamed_text_takes_a_one_file_patch_of_any_name() {
    let report = apply(&[("", b"x = 1\n")], br#"[{"old_text": "x = 1", "new_text": "x = 2"}]"#).unwrap();
    assert_eq!(report.files[0].text.as_deref(), Some(&b"x = 2\n"[..]));
    let report =
        apply(&[("", b"x = 1\n")], b"--- a/whatever.py\n+++ b/whatever.py\n@@ -1 +1 @@\n-x = 1\n+x = 3\n").unwrap();
    assert_eq!(report.files[0].text.as_deref(), Some(&b"x = 3\n"[..]));
}

#[test]
fn reading_lists_what_a_patch_touches() {
    let patch = b"*** Begin Patch\n*** Add File: n\n+x\n*** Update File: u\n*** Move to: v\n@@\n-a\n+b\n*** Delete File: d\n*** End Patch\n";
    let report = parse_edits(patch, &defaults()).unwrap();
    let listed: Vec<_> = report.files.iter().map(|f| (f.path.clone(), f.source.clone(), f.change)).collect();
    assert_eq!(
        listed,
        vec![
            (b"n".to_vec(), None, FileChange::Created),
            (b"v".to_vec(), Some(b"u".to_vec()), FileChange::Renamed),
            (b"d".to_vec(), Some(b"d".to_vec()), FileChange::Deleted),
        ]
    );
    assert!(report.files.iter().flat_map(|f| &f.hunks).all(|h| h.outcome == HunkOutcome::NotTried));
}
