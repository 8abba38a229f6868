//! Applying patches: the documented behaviour of every tolerance and every
//! refusal, on small hand-written cases.

use fast_diff::{ApplyError, ApplyOptions, FailReason, FileChange, HunkOutcome, MatchMode, apply_patch, parse_patch};

fn apply(text: &[u8], patch: &[u8], options: &ApplyOptions) -> Result<Vec<u8>, ApplyError> {
    apply_patch(text, patch, options).map(|a| a.text)
}

fn defaults() -> ApplyOptions {
    ApplyOptions::default()
}

fn numbered(n: usize) -> Vec<u8> {
    (1..=n).flat_map(|i| format!("line {i}\n").into_bytes()).collect()
}

fn failed(result: Result<Vec<u8>, ApplyError>) -> fast_diff::Report {
    match result {
        Err(ApplyError::HunksFailed { report, partial: None }) => *report,
        other => panic!("expected failed hunks without text, got {other:?}"),
    }
}

#[test]
fn applies_at_stated_lines_and_reports_it() {
    let patch = b"--- a/f\n+++ b/f\n@@ -2,3 +2,3 @@\n line 2\n-line 3\n+LINE 3\n line 4\n@@ -8,4 +8,5 @@\n line 8\n line 9\n+inserted\n line 10\n line 11\n";
    let applied = apply_patch(&numbered(12), patch, &defaults()).unwrap();
    let expected = String::from_utf8(numbered(12))
        .unwrap()
        .replace("line 3\n", "LINE 3\n")
        .replace("line 9\n", "line 9\ninserted\n");
    assert_eq!(String::from_utf8(applied.text).unwrap(), expected);
    let hunks = &applied.report.hunks;
    assert_eq!(hunks.len(), 2);
    assert!(
        hunks
            .iter()
            .all(|h| h.outcome == HunkOutcome::Applied && h.offset == 0 && h.fuzz == 0 && h.mode == MatchMode::Exact)
    );
    assert_eq!((hunks[0].line, hunks[0].new_line, hunks[0].stated_line), (2, 2, Some(2)));
    assert_eq!((hunks[1].line, hunks[1].new_line), (8, 8));
    assert_eq!(&patch[hunks[1].span.clone()], b"@@ -8,4 +8,5 @@\n line 8\n line 9\n+inserted\n line 10\n line 11\n");
    let file = applied.report.file.unwrap();
    assert_eq!((file.path.as_deref(), file.change), (Some(&b"f"[..]), FileChange::Modified));
    assert_eq!(applied.report.message, "applied 2 of 2 hunks");
}

#[test]
fn drifted_context_applies_at_an_offset_within_the_limit() {
    // The text gained 5 lines at the top since the patch was made.
    let text = [b"new 1\nnew 2\nnew 3\nnew 4\nnew 5\n".to_vec(), numbered(20)].concat();
    let patch = b"--- a\n+++ b\n@@ -9,3 +9,3 @@\n line 9\n-line 10\n+ten\n line 11\n@@ -15,3 +15,3 @@\n line 15\n-line 16\n+sixteen\n line 17\n";
    let applied = apply_patch(&text, patch, &defaults()).unwrap();
    assert_eq!(applied.report.hunks.iter().map(|h| (h.line, h.offset)).collect::<Vec<_>>(), vec![(14, 5), (20, 5)]);
    assert!(applied.report.message.contains("hunk 1 (@@ -9,3 +9,3 @@) applied at line 14 (offset +5 lines)"));
    let text_out = String::from_utf8(applied.text).unwrap();
    assert!(text_out.contains("line 9\nten\nline 11\n") && text_out.contains("line 15\nsixteen\nline 17\n"));

    // The second hunk is expected where the first one's offset puts it, so
    // a limit of 0 still lets it apply once the first is found...
    let options = ApplyOptions { max_offset: 5, ..defaults() };
    assert!(apply(&text, patch, &options).is_ok());
    // ... but not when the first hunk is further away than allowed.
    let options = ApplyOptions { max_offset: 4, ..defaults() };
    let report = failed(apply(&text, patch, &options));
    let first = &report.hunks[0];
    assert_eq!((first.outcome, first.reason), (HunkOutcome::Failed, Some(FailReason::Mismatch)));
    let candidate = first.candidate.as_ref().unwrap();
    assert_eq!((candidate.line, candidate.matching, candidate.difference.as_ref()), (14, 3, None));
    assert!(first.message.contains("within 4 lines of line 9"), "{}", first.message);
}

#[test]
fn fuzz_ignores_edge_context_and_keeps_the_texts_lines() {
    let mut text = numbered(10);
    text.splice(0..0, b"".iter().copied());
    let text = String::from_utf8(text).unwrap().replace("line 4\n", "line four\n").into_bytes();
    let patch = b"--- a\n+++ b\n@@ -4,5 +4,5 @@\n line 4\n line 5\n-line 6\n+six\n line 7\n line 8\n";
    let report = failed(apply(&text, patch, &defaults()));
    let hunk = &report.hunks[0];
    let candidate = hunk.candidate.as_ref().unwrap();
    assert_eq!((candidate.line, candidate.matching), (4, 4));
    assert_eq!(candidate.difference, Some((4, b"line 4".to_vec(), Some(b"line four".to_vec()))));
    assert!(
        hunk.message.contains("first difference at line 4: the hunk has \"line 4\", the text has \"line four\""),
        "{}",
        hunk.message
    );

    let applied = apply_patch(&text, patch, &ApplyOptions { fuzz: 1, ..defaults() }).unwrap();
    assert_eq!(applied.report.hunks[0].fuzz, 1);
    let out = String::from_utf8(applied.text).unwrap();
    assert!(out.contains("line four\nline 5\nsix\nline 7\n"), "{out}");

    // Fuzz never ignores every context line: with two lines on each side,
    // fuzz is capped at 1, and a hunk whose only changed line is not there
    // is refused even with fuzz 5.
    let patch = b"--- a\n+++ b\n@@ -4,4 +4,5 @@\n line 4\n line 5\n+new\n line 6\n line 7\n";
    let wrong = String::from_utf8(numbered(10)).unwrap().replace("line 5\n", "x\n").replace("line 6\n", "y\n");
    assert!(matches!(
        apply(wrong.as_bytes(), patch, &ApplyOptions { fuzz: 5, ..defaults() }),
        Err(ApplyError::HunksFailed { .. })
    ));
}

#[test]
fn wrong_counts_are_recounted_unless_strict() {
    let patch = b"--- a\n+++ b\n@@ -2,2 +2,2 @@\n line 2\n-line 3\n+three\n+three and a half\n line 4\n";
    let strict = ApplyOptions { strict: true, ..defaults() };
    match apply(&numbered(5), patch, &strict) {
        Err(ApplyError::Malformed(m)) => {
            assert_eq!((m.line, m.offset), (7, 51));
            assert_eq!(m.found, b"+three and a half");
        }
        other => panic!("{other:?}"),
    }
    for options in [defaults(), ApplyOptions { recount: true, strict: true, ..defaults() }] {
        let applied = apply_patch(&numbered(5), patch, &options).unwrap();
        assert_eq!(applied.text, b"line 1\nline 2\nthree\nthree and a half\nline 4\nline 5\n");
        let hunk = &applied.report.hunks[0];
        assert_eq!((hunk.old_lines, hunk.new_lines, hunk.recounted), (3, 4, true));
        assert!(
            applied.report.message.contains("its body was recounted: 3 old and 4 new lines"),
            "{}",
            applied.report.message
        );
    }
}

#[test]
fn bare_hunks_apply_where_their_lines_are_unique() {
    let text = b"fn a() {\n    one();\n}\n\nfn b() {\n    two();\n}\n";
    let patch = b"```diff\n--- a/x.rs\n+++ b/x.rs\n@@ fn a\n fn a() {\n-    one();\n+    uno();\n }\n@@\n fn b() {\n-    two();\n+    dos();\n```\n";
    assert!(matches!(apply(text, patch, &ApplyOptions { strict: true, ..defaults() }), Err(ApplyError::Malformed(_))));
    let options = defaults();
    let applied = apply_patch(text, patch, &options).unwrap();
    assert_eq!(applied.text, b"fn a() {\n    uno();\n}\n\nfn b() {\n    dos();\n}\n");
    assert_eq!(applied.report.hunks[1].stated_line, None);
    assert_eq!(applied.report.hunks[1].line, 5);

    // The same lines in two places: refused, with both places named.
    let twice = b"x\n}\ny\n}\n";
    let report = failed(apply(twice, b"@@\n }\n+added\n", &options));
    assert_eq!(report.hunks[0].reason, Some(FailReason::Ambiguous));
    assert!(report.hunks[0].message.contains("lines 2 and 4"), "{}", report.hunks[0].message);
}

#[test]
fn crlf_mismatches_are_tolerated_unless_strict() {
    // A CRLF text, a patch written with LF: added lines take CRLF.
    let text = b"one\r\ntwo\r\nthree\r\n";
    let patch = b"--- a\n+++ b\n@@ -1,3 +1,4 @@\n one\n-two\n+2\n+2.5\n three\n";
    let applied = apply_patch(text, patch, &defaults()).unwrap();
    assert_eq!(applied.text, b"one\r\n2\r\n2.5\r\nthree\r\n");
    assert_eq!(applied.report.hunks[0].mode, MatchMode::LineEndings);
    let strict = ApplyOptions { strict_line_endings: true, ..defaults() };
    assert!(matches!(apply(text, patch, &strict), Err(ApplyError::HunksFailed { .. })));

    // An LF text, a patch saved with CRLF: added lines take LF.
    let patch = b"--- a\r\n+++ b\r\n@@ -1,3 +1,3 @@\r\n one\r\n-two\r\n+2\r\n three\r\n";
    assert_eq!(apply(b"one\ntwo\nthree\n", patch, &defaults()).unwrap(), b"one\n2\nthree\n");

    // A CRLF text, a CRLF patch: exact, nothing to adapt.
    let applied = apply_patch(b"one\r\ntwo\r\nthree\r\n", patch, &defaults()).unwrap();
    assert_eq!(
        (applied.text.as_slice(), applied.report.hunks[0].mode),
        (&b"one\r\n2\r\nthree\r\n"[..], MatchMode::Exact)
    );

    // Mixed line ends in the matched lines: added lines are left as written.
    assert_eq!(
        apply(b"one\r\ntwo\nthree\r\n", b"--- a\n+++ b\n@@ -1,3 +1,3 @@\n one\n-two\n+2\n three\n", &defaults())
            .unwrap(),
        b"one\r\n2\nthree\r\n"
    );
}

#[test]
fn a_missing_final_newline_the_patch_did_not_know_about_stays_missing() {
    let patch = b"--- a\n+++ b\n@@ -1,2 +1,2 @@\n x\n-y\n+z\n";
    assert_eq!(apply(b"x\ny", patch, &defaults()).unwrap(), b"x\nz");
    let patch = b"--- a\n+++ b\n@@ -1,2 +1,3 @@\n-x\n+w\n y\n+after\n";
    assert_eq!(apply(b"x\ny", patch, &defaults()).unwrap(), b"w\ny\nafter");
    // Said explicitly, it is honoured exactly.
    let patch = b"--- a\n+++ b\n@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+y\n";
    assert_eq!(apply(b"x\ny", patch, &defaults()).unwrap(), b"x\ny\n");
    // Nothing is ever joined onto a last line that lacks its LF.
    let patch = b"--- a\n+++ b\n@@ -1,0 +2 @@\n+z\n";
    assert!(matches!(apply(b"x", patch, &defaults()), Err(ApplyError::HunksFailed { .. })));
}

#[test]
fn whitespace_differences_only_when_asked() {
    let text = b"if x:\n\treturn  1\nend\n";
    let patch = b"--- a\n+++ b\n@@ -1,3 +1,3 @@\n if x:\n-    return 1\n+    return 2\n end \n";
    let strict = ApplyOptions { strict: true, ..defaults() };
    let report = failed(apply(text, patch, &strict));
    assert_eq!(report.hunks[0].candidate.as_ref().map(|c| c.matching), Some(1));
    // The ladder ignores the trailing space of "end ", not the amount of
    // space inside "return  1".
    let report = failed(apply(text, patch, &defaults()));
    assert_eq!(report.hunks[0].candidate.as_ref().map(|c| c.matching), Some(2));
    assert_eq!(report.hunks[0].loosest, MatchMode::Punctuation);
    let options = ApplyOptions { ignore_whitespace: true, strict: true, ..defaults() };
    let applied = apply_patch(text, patch, &options).unwrap();
    // Context comes from the text, added lines from the patch.
    assert_eq!(applied.text, b"if x:\n    return 2\nend\n");
    assert_eq!(applied.report.hunks[0].mode, MatchMode::Whitespace);
    // Indentation is not whitespace amount: a missing indent still differs.
    assert!(apply(b"if x:\nreturn  1\nend\n", patch, &options).is_err());
}

#[test]
fn already_applied_patches_are_recognised_both_ways() {
    let old = numbered(8);
    let patch = b"--- a\n+++ b\n@@ -3,3 +3,3 @@\n line 3\n-line 4\n+four\n line 5\n";
    let new = apply(&old, patch, &defaults()).unwrap();
    match apply(&new, patch, &defaults()) {
        Err(ApplyError::AlreadyApplied { report }) => {
            assert_eq!(report.hunks[0].outcome, HunkOutcome::AlreadyApplied);
            assert_eq!(report.hunks[0].line, 3);
            assert!(report.message.contains("already applied"));
        }
        other => panic!("{other:?}"),
    }
    let reverse = ApplyOptions { reverse: true, ..defaults() };
    assert_eq!(apply(&new, patch, &reverse).unwrap(), old);
    assert!(matches!(apply(&old, patch, &reverse), Err(ApplyError::AlreadyApplied { .. })));

    // Half applied: the applied hunk is told apart from the failing one.
    let two = b"--- a\n+++ b\n@@ -1,2 +1,2 @@\n-line 1\n+one\n line 2\n@@ -7,2 +7,2 @@\n line 7\n-line 8\n+eight\n";
    let half = String::from_utf8(old.clone()).unwrap().replace("line 1\n", "one\n").replace("line 8\n", "ocho\n");
    let report = failed(apply(half.as_bytes(), two, &defaults()));
    assert_eq!(
        report.hunks.iter().map(|h| h.outcome).collect::<Vec<_>>(),
        vec![HunkOutcome::AlreadyApplied, HunkOutcome::Failed]
    );
}

#[test]
fn all_or_nothing_unless_partial() {
    let patch = b"--- a\n+++ b\n@@ -1,2 +1,2 @@\n-line 1\n+one\n line 2\n@@ -7,2 +7,2 @@\n line 7\n-line 8\n+eight\n";
    let text = String::from_utf8(numbered(8)).unwrap().replace("line 8\n", "changed\n");
    let report = failed(apply(text.as_bytes(), patch, &defaults()));
    assert_eq!(
        report.hunks.iter().map(|h| h.outcome).collect::<Vec<_>>(),
        vec![HunkOutcome::Applied, HunkOutcome::Failed]
    );
    assert!(report.message.starts_with("1 of 2 hunks do not apply; 1 would apply"), "{}", report.message);
    match apply(text.as_bytes(), patch, &ApplyOptions { partial: true, ..defaults() }) {
        Err(ApplyError::HunksFailed { partial: Some(partial), .. }) => {
            assert_eq!(partial, text.replace("line 1\n", "one\n").into_bytes());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_patch_that_changes_nothing_still_has_to_match() {
    let context_only = b"--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n b\n";
    assert_eq!(apply(b"a\nb\n", context_only, &defaults()).unwrap(), b"a\nb\n");
    assert!(matches!(apply(b"x\ny\n", context_only, &defaults()), Err(ApplyError::HunksFailed { .. })));
    // An empty patch is the diff of identical texts.
    assert_eq!(apply(b"x\n", b"", &defaults()).unwrap(), b"x\n");
    // Anything else without a diff in it is malformed, never a no-op.
    assert!(matches!(apply(b"x\n", b"\n", &defaults()), Err(ApplyError::Malformed(_))));
    assert!(matches!(apply(b"x\n", b"I could not make a patch.\n", &defaults()), Err(ApplyError::Malformed(_))));
}

#[test]
fn hunks_at_the_edges_of_the_file_stay_there() {
    // Less trailing than leading context: the hunk ends the file (GNU).
    let patch = b"--- a\n+++ b\n@@ -3,2 +3,3 @@\n c\n d\n+e\n";
    assert_eq!(apply(b"a\nb\nc\nd\n", patch, &defaults()).unwrap(), b"a\nb\nc\nd\ne\n");
    assert!(apply(b"c\nd\nz\n", patch, &defaults()).is_err());
    // Recounted hunks carry no such promise.
    assert_eq!(apply(b"c\nd\nz\n", patch, &ApplyOptions { recount: true, ..defaults() }).unwrap(), b"c\nd\ne\nz\n");
    // Less leading context at line 1: the hunk starts the file.
    let patch = b"--- a\n+++ b\n@@ -1,2 +1,3 @@\n+first\n a\n b\n";
    assert_eq!(apply(b"a\nb\nc\n", patch, &defaults()).unwrap(), b"first\na\nb\nc\n");
    assert!(apply(b"z\na\nb\n", patch, &defaults()).is_err());
}

#[test]
fn created_and_deleted_files() {
    let create =
        b"diff --git a/n.txt b/n.txt\nnew file mode 100644\n--- /dev/null\n+++ b/n.txt\n@@ -0,0 +1,2 @@\n+x\n+y\n";
    let applied = apply_patch(b"", create, &defaults()).unwrap();
    assert_eq!((applied.text.as_slice(), applied.report.file.unwrap().change), (&b"x\ny\n"[..], FileChange::Created));
    let report = failed(apply(b"other\n", create, &defaults()));
    assert!(report.hunks[0].message.contains("creates the file, but the text is not empty"), "{}", report.message);
    assert!(matches!(apply(b"x\ny\n", create, &defaults()), Err(ApplyError::AlreadyApplied { .. })));

    let delete = b"--- a/old\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-x\n-y\n";
    assert_eq!(apply(b"x\ny\n", delete, &defaults()).unwrap(), b"");
    assert!(matches!(apply(b"x\ny\nmore\n", delete, &defaults()), Err(ApplyError::HunksFailed { .. })));
    assert!(matches!(apply(b"", delete, &defaults()), Err(ApplyError::AlreadyApplied { .. })));

    // git's empty new file: no hunks, so the text must be empty.
    let empty = b"diff --git a/e b/e\nnew file mode 100644\nindex 0000000..e69de29\n";
    assert_eq!(apply(b"", empty, &defaults()).unwrap(), b"");
    assert!(matches!(apply(b"x\n", empty, &defaults()), Err(ApplyError::HunksFailed { .. })));
    // A mode change leaves the text alone.
    assert_eq!(apply(b"x\n", b"diff --git a/m b/m\nold mode 100644\nnew mode 100755\n", &defaults()).unwrap(), b"x\n");
}

#[test]
fn several_files_are_refused_whole_and_applied_by_section() {
    let patch = b"--- a/x\n+++ b/x\n@@ -1 +1 @@\n-1\n+one\n--- a/y\n+++ b/y\n@@ -1 +1 @@\n-2\n+two\n";
    let files = match apply(b"1\n", patch, &defaults()) {
        Err(ApplyError::MultipleFiles { files }) => files,
        other => panic!("{other:?}"),
    };
    assert_eq!(files.iter().map(|f| f.path.clone().unwrap()).collect::<Vec<_>>(), vec![b"x".to_vec(), b"y".to_vec()]);
    assert_eq!(apply(b"1\n", &patch[files[0].span.clone()], &defaults()).unwrap(), b"one\n");
    assert_eq!(apply(b"2\n", &patch[files[1].span.clone()], &defaults()).unwrap(), b"two\n");
    assert_eq!(parse_patch(patch, false).unwrap().files.len(), 2);
}

#[test]
fn binary_patches_are_refused() {
    let patch = b"diff --git a/b.png b/b.png\nindex 1..2 100644\nBinary files a/b.png and b/b.png differ\n";
    match apply(b"", patch, &defaults()) {
        Err(ApplyError::Malformed(m)) => assert!(m.line == 3 && m.expected.contains("binary"), "{m:?}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn bytes_are_bytes() {
    let text = b"a\0b\n\xff\xfe\nlone\rcr\n";
    let patch = b"--- a\n+++ b\n@@ -1,3 +1,3 @@\n a\0b\n-\xff\xfe\n+\xc3\x28\n lone\rcr\n";
    assert_eq!(apply(text, patch, &defaults()).unwrap(), b"a\0b\n\xc3\x28\nlone\rcr\n");
    let report = failed(apply(b"a\0c\n\xff\xfe\nlone\rcr\n", patch, &ApplyOptions { max_offset: 0, ..defaults() }));
    assert!(report.hunks[0].message.contains("\"a\\u{0}b\""), "{}", report.hunks[0].message);
}

#[test]
fn a_huge_start_line_reports_a_saturated_offset_never_a_wrapped_one() {
    let patch = b"--- a\n+++ b\n@@ -18446744073709551615,1 +18446744073709551615,1 @@\n-a\n+b\n";
    let applied = apply_patch(b"a\n", patch, &defaults()).unwrap();
    assert_eq!(applied.text, b"b\n");
    let hunk = &applied.report.hunks[0];
    assert_eq!((hunk.line, hunk.offset), (1, i64::MIN));
    assert!(applied.report.message.contains("(offset -18446744073709551614 lines)"), "{}", applied.report.message);
    // Strict, where a hunk must be near its line: it fails, and says where it would be.
    let far = failed(apply(b"a\n", patch, &ApplyOptions { max_offset: 0, ..defaults() }));
    assert!(far.hunks[0].offset <= 0, "{:?}", far.hunks[0]);
}
