"""apply_edits and parse_edits: every format, the ladder's rungs, every refusal and its error,
str and bytes, line ends and byte order marks, and all or nothing."""

from __future__ import annotations

import pytest

import fast_diff
from fast_diff import (
    EditFormat,
    EditOutcome,
    FailReason,
    FileChange,
    HunkOutcome,
    MatchMode,
    PatchAlreadyAppliedError,
    PatchAmbiguousError,
    PatchError,
    PatchHunkFailedError,
    PatchMalformedError,
    apply_edits,
    parse_edits,
)

PY = "class A:\n    def f(self):\n        return 1\n\n    def g(self):\n        return 1\n"
ENVELOPE = (
    "apply_patch <<'EOF'\n*** Begin Patch\n*** Add File: new.md\n+# New\n*** Delete File: old.txt\n"
    "*** Update File: a.py\n*** Move to: b.py\n@@     def g(self):\n-        return 1\n+        return 2\n"
    "*** End Patch\nEOF\n"
)


def test_the_envelope_adds_deletes_updates_and_moves() -> None:
    result = apply_edits({"a.py": PY, "old.txt": "bye\n"}, ENVELOPE)
    assert result.format is EditFormat.ENVELOPE
    assert result.files == {
        "new.md": "# New\n",
        "old.txt": None,
        "b.py": PY[: PY.rindex("1")] + "2\n",
        "a.py": None,
    }
    moved = result.reports["b.py"]
    assert (moved.source, moved.change, moved.outcome) == ("a.py", FileChange.RENAMED, EditOutcome.APPLIED)
    assert moved.hunks[0].line == 6 and moved.hunks[0].hunk.startswith("@@     def g(self):")
    assert ENVELOPE[slice(*moved.hunks[0].patch_span)] == moved.hunks[0].hunk


def test_every_format_is_detected_and_can_be_named() -> None:
    files = {"a.py": PY}
    patches = {
        EditFormat.UNIFIED: "--- a/a.py\n+++ b/a.py\n@@ -2,2 +2,2 @@\n     def f(self):\n-        return 1\n+        return 3\n",
        EditFormat.SEARCH_REPLACE: "a.py\n<<<<<<< SEARCH\n    def f(self):\n        return 1\n=======\n    def f(self):\n        return 3\n>>>>>>> REPLACE\n",
        EditFormat.REPLACEMENTS: '[{"path": "a.py", "old_text": "    def f(self):\\n        return 1", "new_text": "    def f(self):\\n        return 3"}]',
        EditFormat.ENVELOPE: "*** Begin Patch\n*** Update File: a.py\n@@ def f(self):\n-        return 1\n+        return 3\n*** End Patch\n",
    }
    for format, patch in patches.items():
        for given in ("auto", format, str(format)):
            result = apply_edits(files, patch, format=given)
            assert result.format is format
            assert result.files["a.py"] == PY.replace("return 1", "return 3", 1), format
    # A list of replacements as Python objects is the replacements format.
    result = apply_edits(files, [{"path": "a.py", "old_text": "def g", "new_text": "def h"}])
    assert result.format is EditFormat.REPLACEMENTS and "def h(self)" in (result.files["a.py"] or "")
    with pytest.raises(ValueError, match="replacements"):
        apply_edits(files, [{"old_text": "a", "new_text": "b"}], format="unified")
    with pytest.raises(ValueError, match="unknown format 'diff'"):
        apply_edits(files, "x", format="diff")


def test_ambiguity_is_refused_with_every_place() -> None:
    with pytest.raises(PatchAmbiguousError) as caught:
        apply_edits({"a.py": PY}, [{"path": "a.py", "old_text": "return 1", "new_text": "return 0"}])
    error = caught.value
    assert isinstance(error, PatchHunkFailedError) and error.status == 9
    (failure,) = error.failures
    assert failure.path == "a.py" and failure.hunk is not None
    assert (failure.hunk.reason, failure.hunk.places) == (FailReason.AMBIGUOUS, (3, 6))
    assert "lines 3 and 6" in str(error)
    every = apply_edits({"a.py": PY}, [{"path": "a.py", "old_text": "return 1", "new_text": "return 0", "replace_all": True}])
    assert (every.files["a.py"] or "").count("return 0") == 2


def test_all_or_nothing_and_every_failure_listed() -> None:
    patch = (
        "*** Begin Patch\n*** Update File: a.txt\n@@\n-one\n+1\n*** Update File: b.txt\n@@\n-nothing like it\n+x\n"
        "*** Update File: gone.txt\n@@\n-x\n+y\n*** Add File: a.txt\n+again\n*** End Patch\n"
    )
    with pytest.raises(PatchHunkFailedError) as caught:
        apply_edits({"a.txt": "one\n", "b.txt": "two\n"}, patch)
    error = caught.value
    assert error.edits is not None
    outcomes = {f.path: f.outcome for f in error.edits.files}
    assert outcomes == {"a.txt": EditOutcome.EXISTS, "b.txt": EditOutcome.HUNKS_FAILED, "gone.txt": EditOutcome.MISSING}
    kinds = {(f.path, f.outcome) for f in error.failures}
    assert kinds == {("a.txt", EditOutcome.EXISTS), ("b.txt", EditOutcome.HUNKS_FAILED), ("gone.txt", EditOutcome.MISSING)}
    mismatch = next(f.hunk for f in error.failures if f.hunk is not None)
    assert mismatch.reason is FailReason.MISMATCH and mismatch.loosest_match_mode is MatchMode.PUNCTUATION
    for needle in ('"gone.txt": no such file', '"a.txt": the file exists', '"b.txt": 1 of 1 hunks do not apply'):
        assert needle in str(error)


def test_already_applied_is_its_own_error() -> None:
    with pytest.raises(PatchAlreadyAppliedError) as caught:
        apply_edits({"a.txt": "1\n"}, "--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-one\n+1\n")
    assert caught.value.edits is not None
    assert caught.value.edits.files[0].hunks[0].outcome is HunkOutcome.ALREADY_APPLIED


def test_malformed_patches_say_where() -> None:
    patch = "*** Begin Patch\n*** Update File: a.txt\n?oops\n"
    with pytest.raises(PatchMalformedError) as caught:
        apply_edits({"a.txt": "x\n"}, patch)
    edits = caught.value.edits
    assert edits is not None and edits.error_line == 3 and edits.error_offset == patch.index("?oops")
    assert edits.format is EditFormat.ENVELOPE and caught.value.report.error_line == 3


def test_the_ladder_names_each_rung() -> None:
    for context, mode in [
        ("    def f(self):", MatchMode.EXACT),
        ("    def f(self):   ", MatchMode.TRAILING_WHITESPACE),
        ("def f(self):", MatchMode.TRIMMED),
    ]:
        patch = f"*** Begin Patch\n*** Update File: a.py\n@@ class A:\n {context}\n-        return 1\n+        return 5\n*** End Patch\n"
        assert apply_edits({"a.py": PY}, patch).reports["a.py"].hunks[0].match_mode is mode
    typographic = apply_edits({"q.py": "x = \u201chi\u201d \u2014 ok\n"}, [{"path": "q.py", "old_text": 'x = "hi" - ok', "new_text": "x = 1"}])
    assert typographic.files["q.py"] == "x = 1\n"
    assert typographic.reports["q.py"].hunks[0].match_mode is MatchMode.PUNCTUATION
    # Strict: only exact and line ends.
    with pytest.raises(PatchHunkFailedError):
        apply_edits({"q.py": "x = \u201chi\u201d\n"}, [{"path": "q.py", "old_text": 'x = "hi"', "new_text": "y"}], strict=True)


def test_bytes_crlf_and_byte_order_marks_are_kept() -> None:
    result = apply_edits({b"c.txt": b"one\r\ntwo\r\n"}, b"c.txt\n<<<<<<< SEARCH\ntwo\n=======\n2\n2.5\n>>>>>>> REPLACE\n")
    assert result.files == {b"c.txt": b"one\r\n2\r\n2.5\r\n"}
    bom = apply_edits({"m.py": "\ufeffimport os\nprint(1)"}, "--- a/m.py\n+++ b/m.py\n@@ -1 +1 @@\n-import os\n+import sys\n")
    assert bom.files["m.py"] == "\ufeffimport sys\nprint(1)"
    latin1 = apply_edits({"l.txt": b"caf\xe9\n"}, b"--- a/l.txt\n+++ b/l.txt\n@@ -1 +1 @@\n-caf\xe9\n+caf\xe9!\n")
    assert latin1.files == {"l.txt": b"caf\xe9!\n"}


def test_one_unnamed_text_and_prefixes() -> None:
    assert apply_edits({"": "x = 1\n"}, [{"old_text": "x = 1", "new_text": "x = 2"}]).files == {"": "x = 2\n"}
    result = apply_edits({"src/x.c": "a\n"}, "--- ./src/x.c\n+++ ./src/x.c\n@@ -1 +1 @@\n-a\n+b\n")
    assert result.files == {"src/x.c": "b\n"}
    result = apply_edits({"x.c": "a\n"}, "--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-a\n+b\n", strip=1)
    assert result.files == {"x.c": "b\n"}
    reversed_ = apply_edits({"x.c": "b\n"}, "--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-a\n+b\n", reverse=True)
    assert reversed_.files == {"x.c": "a\n"}


def test_parse_edits_lists_the_files_without_applying() -> None:
    report = parse_edits(ENVELOPE)
    assert report.format is EditFormat.ENVELOPE
    assert [(f.path, f.source, f.change) for f in report.files] == [
        ("new.md", None, FileChange.CREATED),
        ("old.txt", "old.txt", FileChange.DELETED),
        ("b.py", "a.py", FileChange.RENAMED),
    ]
    assert all(h.outcome is HunkOutcome.NOT_TRIED for f in report.files for h in f.hunks)
    assert [f.path for f in parse_edits(ENVELOPE.encode()).files][0] == b"new.md"


def test_bad_arguments_are_refused_before_c() -> None:
    with pytest.raises(TypeError, match="all be str or all be bytes-like"):
        apply_edits({"a": "x", "b": b"y"}, "p")
    with pytest.raises(TypeError, match="the patch must be str"):
        apply_edits({"a": "x"}, b"p")
    with pytest.raises(TypeError, match="must be bytes-like too"):
        apply_edits({"a": b"x"}, "p")
    with pytest.raises(TypeError, match="mapping"):
        apply_edits([("a", "x")], "p")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="unexpected keyword argument 'partial'"):
        apply_edits({"a": "x"}, "p", partial=True)  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="strip must be between"):
        apply_edits({"a": "x"}, "p", strip=-1)


def test_apply_patch_recounts_by_default_and_strict_restores_the_old_reading() -> None:
    patch = "--- a\n+++ b\n@@ -1,1 +1,1 @@\n a\n-b\n+c\n"
    applied = fast_diff.apply_patch("a\nb\n", patch)
    assert applied.text == "a\nc\n" and applied.report.hunks[0].recounted
    with pytest.raises(PatchMalformedError):
        fast_diff.apply_patch("a\nb\n", patch, strict=True)
    assert isinstance(PatchAmbiguousError(9, "x"), PatchError)


def test_the_quadratic_case_of_failing_hunks_is_bounded() -> None:
    # 2,000 hunks that do not apply to 50,000 lines: every one is reported, and the
    # message is capped with a note of what was left out.
    text = "x\n" * 50000
    patch = "--- a\n+++ b\n" + "".join(
        f"@@ -{i * 10 + 1},3 +{i * 10 + 1},3 @@\n x\n-q{i}\n+r\n x\n" for i in range(2000)
    )
    with pytest.raises(PatchHunkFailedError) as caught:
        fast_diff.apply_patch(text, patch, max_offset=0)
    assert len(caught.value.report.hunks) == 2000
    assert "1950 more hunks are left out of this message" in str(caught.value)
    assert len(str(caught.value)) < 20000
