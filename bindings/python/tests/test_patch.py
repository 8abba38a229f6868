"""apply_patch and parse_patch: results, the report, every status, every option, the types."""

from __future__ import annotations

import array
import doctest
import mmap
from pathlib import Path

import pytest

import fast_diff
from fast_diff import (
    Applied,
    FailReason,
    FileChange,
    HunkOutcome,
    MatchMode,
    PatchAlreadyAppliedError,
    PatchError,
    PatchHunkFailedError,
    PatchMalformedError,
    PatchMultipleFilesError,
    apply_patch,
    parse_patch,
    unified_diff,
)
from fast_diff._native import ffi, lib

NUMBERED = "".join(f"line {i}\n" for i in range(1, 11))
FIVE = "--- a/f.txt\n+++ b/f.txt\n@@ -4,3 +4,3 @@\n line 4\n-line 5\n+five\n line 6\n"
WITH_FIVE = NUMBERED.replace("line 5\n", "five\n")
TWO_HUNKS = (
    "--- a\n+++ b\n@@ -1,3 +1,3 @@\n line 1\n-line 2\n+two\n line 3\n"
    "@@ -7,3 +7,3 @@\n line 7\n-line 8\n+eight\n line 9\n"
)
TWO_FILES = (
    "Subject: two files\n\n"
    "diff --git a/x.txt b/x.txt\n--- a/x.txt\n+++ b/x.txt\n@@ -1 +1 @@\n-1\n+one\n"
    "diff --git a/new.txt b/new.txt\nnew file mode 100644\n--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1 @@\n+hi\n"
)


def test_applies_and_reports_each_hunk() -> None:
    applied = apply_patch(NUMBERED, FIVE)
    assert isinstance(applied, Applied)
    assert applied.text == WITH_FIVE
    report = applied.report
    assert report.message == "applied 1 of 1 hunks"
    (hunk,) = report.hunks
    assert hunk.outcome is HunkOutcome.APPLIED and hunk.reason is None and hunk.match_mode is MatchMode.EXACT
    assert (hunk.stated_line, hunk.line, hunk.new_line, hunk.offset, hunk.fuzz) == (4, 4, 4, 0, 0)
    assert (hunk.old_lines, hunk.new_lines) == (3, 3)
    assert (hunk.candidate_line, hunk.candidate_matching, hunk.difference_line) == (None, 0, None)
    assert hunk.hunk == FIVE[hunk.patch_span[0] : hunk.patch_span[1]] == FIVE[FIVE.index("@@") :]
    assert hunk.message == "hunk 1 (@@ -4,3 +4,3 @@) applied at line 4"
    (file,) = report.files
    assert (file.old_path, file.new_path, file.path) == ("a/f.txt", "b/f.txt", "f.txt")
    assert file.change is FileChange.MODIFIED and file.patch == FIVE and file.patch_span == (0, len(FIVE))
    assert (file.first_hunk, file.hunk_count) == (0, 1)
    assert report.failed == () and report.error_offset is None


def test_bytes_in_bytes_out_and_any_buffer(tmp_path: Path) -> None:
    expected = WITH_FIVE.encode()
    for make in (bytes, bytearray, memoryview, lambda b: array.array("B", b)):
        applied = apply_patch(make(NUMBERED.encode()), make(FIVE.encode()))  # type: ignore[operator]
        assert applied.text == expected and type(applied.text) is bytes
        assert applied.report.hunks[0].hunk == FIVE[FIVE.index("@@") :].encode()
        assert applied.report.files[0].path == b"f.txt"
    (tmp_path / "t").write_bytes(NUMBERED.encode())
    (tmp_path / "p").write_bytes(FIVE.encode())
    with (tmp_path / "t").open("rb") as t, (tmp_path / "p").open("rb") as p:
        with mmap.mmap(t.fileno(), 0, access=mmap.ACCESS_READ) as tm, mmap.mmap(p.fileno(), 0, access=mmap.ACCESS_READ) as pm:
            applied = apply_patch(tm, pm)
            assert applied.text == expected and applied.report.files[0].patch == FIVE.encode()


def test_any_bytes_pass_through_unchanged() -> None:
    pairs = [
        (b"a\0b\nx\n", b"a\0c\nx\n"),
        (b"\xff\xfe\nkeep\n", b"\xc3\x28\nkeep\n"),
        (b"a\r\nb\r\n", b"a\r\nc\r\n"),
        (b"a\rb\nc\n", b"a\rB\nc\n"),
        (b"a\nb", b"a\nb\n"),
        (b"x\ny", b"x\nz"),
        (b"", b"new\n"),
        (b"gone\n", b""),
    ]
    for old, new in pairs:
        patch = unified_diff(old, new)
        assert apply_patch(old, patch).text == new
        assert apply_patch(new, patch, reverse=True).text == old


def test_non_ascii_str_offsets_are_character_indices() -> None:
    text = "é\nß\n日本\n"
    patch = "Betreff: Größe\n\n" + unified_diff(text, "é\nß\n日本語\n", old_label="a/ü.txt", new_label="b/ü.txt")
    applied = apply_patch(text, patch)
    assert applied.text == "é\nß\n日本語\n"
    hunk, file = applied.report.hunks[0], applied.report.files[0]
    assert patch[hunk.patch_span[0] : hunk.patch_span[1]] == hunk.hunk and hunk.hunk.startswith("@@ -1,3 +1,3 @@")
    assert patch[file.patch_span[0] : file.patch_span[1]] == file.patch and file.patch.startswith("--- a/ü.txt")
    assert file.path == "ü.txt"
    # A long non-ASCII patch: many hunks, each found at its own index.
    old = "".join(f"ligne {i} é\n" for i in range(3000))
    new = old.replace("0 é\n", "0 è\n")
    long_patch = unified_diff(old, new, context_lines=1)
    report = apply_patch(old, long_patch).report
    assert len(report.hunks) == 300
    assert all(long_patch[h.patch_span[0] : h.patch_span[1]] == h.hunk for h in report.hunks)
    assert "".join(h.hunk for h in report.hunks) == long_patch[long_patch.index("@@") :]


def test_an_empty_patch_gives_the_text_back() -> None:
    applied = apply_patch("same\n", "")
    assert applied.text == "same\n" and applied.report.hunks == () and applied.report.files == ()
    assert apply_patch(b"", b"").text == b""
    deleted = apply_patch("x\n", "--- a\n+++ b\n@@ -1 +0,0 @@\n-x\n")
    assert deleted.text == ""


def test_a_failed_hunk_applies_nothing_and_says_why() -> None:
    text = NUMBERED.replace("line 8\n", "line 8 changed\n")
    with pytest.raises(PatchHunkFailedError) as caught:
        apply_patch(text, TWO_HUNKS)
    error = caught.value
    assert error.status == lib.FD_ERR_PATCH_HUNK_FAILED and error.partial_text is None
    first, second = error.report.hunks
    assert first.outcome is HunkOutcome.APPLIED
    assert second.outcome is HunkOutcome.FAILED and second.reason is FailReason.MISMATCH and second.line is None
    assert (second.candidate_line, second.candidate_matching, second.difference_line) == (7, 2, 8)
    assert error.failed == (second,)
    assert second.hunk == "@@ -7,3 +7,3 @@\n line 7\n-line 8\n+eight\n line 9\n"
    assert 'the hunk has "line 8", the text has "line 8 changed"' in second.message
    message = str(error)
    assert message.startswith("1 of 2 hunks do not apply") and "(fd_status 6)\n" in message
    assert second.message in message
    assert error.message == ffi.string(lib.fd_status_message(lib.FD_ERR_PATCH_HUNK_FAILED)).decode()


def test_partial_gives_the_hunks_that_apply_and_still_raises() -> None:
    text = NUMBERED.replace("line 8\n", "line 8 changed\n")
    with pytest.raises(PatchHunkFailedError) as caught:
        apply_patch(text, TWO_HUNKS, partial=True)
    assert caught.value.partial_text == text.replace("line 2\n", "two\n")
    with pytest.raises(PatchHunkFailedError) as bytes_caught:
        apply_patch(text.encode(), TWO_HUNKS.encode(), partial=True)
    assert bytes_caught.value.partial_text == text.replace("line 2\n", "two\n").encode()
    # With every hunk applying, partial changes nothing.
    assert apply_patch(NUMBERED, TWO_HUNKS, partial=True).text == apply_patch(NUMBERED, TWO_HUNKS).text


def test_malformed_says_where_and_what_was_expected() -> None:
    patch = "--- é\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n+d\n"
    with pytest.raises(PatchMalformedError) as caught:
        apply_patch("a\nb\n", patch, strict=True)
    report = caught.value.report
    assert report.error_offset == patch.index("+d") and report.error_line == 7
    assert report.error_expected is not None and "end of the hunk" in report.error_expected
    assert report.hunks == () and str(caught.value).startswith("malformed patch at line 7")
    with pytest.raises(PatchMalformedError) as as_bytes:
        apply_patch(b"a\nb\n", patch.encode(), strict=True)
    assert as_bytes.value.report.error_offset == patch.encode().index(b"+d")
    # Recounted by default, and with recount=True even when strict; garbage and binary
    # patches are never accepted, nor a bare @@ when strict.
    assert apply_patch("a\nb\n", patch).text == "a\nc\nd\n"
    assert apply_patch("a\nb\n", patch, recount=True, strict=True).text == "a\nc\nd\n"
    for bad in ("no diff here\n", "diff --git a/x b/x\nBinary files a/x and b/x differ\n"):
        with pytest.raises(PatchMalformedError):
            apply_patch("a\n", bad)
    with pytest.raises(PatchMalformedError):
        apply_patch("a\n", "@@\n-a\n+b\n", strict=True)


def test_already_applied_is_told_apart_from_a_mismatch() -> None:
    with pytest.raises(PatchAlreadyAppliedError) as caught:
        apply_patch(WITH_FIVE, FIVE)
    (hunk,) = caught.value.report.hunks
    assert hunk.outcome is HunkOutcome.ALREADY_APPLIED and hunk.line == 4
    assert "already applied" in str(caught.value)
    # Reversing undoes it; reversing again where it is undone is "already applied" too.
    assert apply_patch(WITH_FIVE, FIVE, reverse=True).text == NUMBERED
    with pytest.raises(PatchAlreadyAppliedError):
        apply_patch(NUMBERED, FIVE, reverse=True)


def test_multiple_files_are_refused_and_parse_patch_splits_them() -> None:
    with pytest.raises(PatchMultipleFilesError) as caught:
        apply_patch("1\n", TWO_FILES)
    assert [f.path for f in caught.value.files] == ["x.txt", "new.txt"]
    report = parse_patch(TWO_FILES)
    assert report.message == "read 2 file sections with 2 hunks"
    x, new = report.files
    assert (x.path, x.change, new.path, new.change) == ("x.txt", FileChange.MODIFIED, "new.txt", FileChange.CREATED)
    assert new.old_path == "/dev/null" and (new.first_hunk, new.hunk_count) == (1, 1)
    assert all(h.outcome is HunkOutcome.NOT_TRIED for h in report.hunks)
    assert x.patch.startswith("diff --git a/x.txt") and TWO_FILES[x.patch_span[0] : x.patch_span[1]] == x.patch
    # Each section is a patch of its own.
    assert apply_patch("1\n", x.patch).text == "one\n"
    assert apply_patch("", new.patch).text == "hi\n"
    with pytest.raises(PatchHunkFailedError):
        apply_patch("not empty\n", new.patch)
    bytes_report = parse_patch(TWO_FILES.encode())
    assert [f.path for f in bytes_report.files] == [b"x.txt", b"new.txt"]
    with pytest.raises(PatchMalformedError) as bad:
        parse_patch("@@ x\n")  # a bare @@ read as a hunk, without lines
    assert bad.value.report.error_offset == 5 and bad.value.report.error_line == 2
    assert parse_patch("@@\n-a\n+b\n", recount=True).hunks[0].stated_line is None


def test_offsets_anywhere_by_default_and_within_max_offset() -> None:
    shifted = "x\ny\nz\n" + NUMBERED
    applied = apply_patch(shifted, FIVE)
    assert applied.text == "x\ny\nz\n" + WITH_FIVE
    hunk = applied.report.hunks[0]
    assert (hunk.stated_line, hunk.line, hunk.offset) == (4, 7, 3)
    assert "offset +3 lines" in applied.report.message
    assert apply_patch(shifted, FIVE, max_offset=3).text == applied.text
    with pytest.raises(PatchHunkFailedError):
        apply_patch(shifted, FIVE, max_offset=2)
    # Upwards too.
    assert apply_patch(NUMBERED[len("line 1\nline 2\n") :], FIVE).report.hunks[0].offset == -2


def test_fuzz_ignores_differing_edge_context() -> None:
    fuzzy = "--- a\n+++ b\n@@ -3,5 +3,5 @@\n line three\n line 4\n-line 5\n+five\n line 6\n line 7\n"
    with pytest.raises(PatchHunkFailedError):
        apply_patch(NUMBERED, fuzzy)
    applied = apply_patch(NUMBERED, fuzzy, fuzz=1)
    assert applied.text == WITH_FIVE and applied.report.hunks[0].fuzz == 1
    assert "with fuzz 1" in applied.report.hunks[0].message


def test_wrong_counts_and_bare_headers_are_recounted_unless_strict() -> None:
    wrong_counts = "--- a\n+++ b\n@@ -4,7 +4,2 @@\n line 4\n-line 5\n+five\n line 6\n"
    with pytest.raises(PatchMalformedError):
        apply_patch(NUMBERED, wrong_counts, strict=True)
    applied = apply_patch(NUMBERED, wrong_counts)
    assert applied.text == WITH_FIVE and applied.report.hunks[0].recounted
    assert "recounted" in applied.report.message
    assert apply_patch(NUMBERED, wrong_counts, recount=True).text == WITH_FIVE
    bare = "@@\n line 4\n-line 5\n+five\n"
    applied = apply_patch(NUMBERED, bare, recount=True)
    assert applied.text == WITH_FIVE and applied.report.hunks[0].stated_line is None
    with pytest.raises(PatchHunkFailedError) as caught:
        apply_patch("}\nx\n}\n", "@@\n }\n+y\n", recount=True)
    assert caught.value.failed[0].reason is FailReason.AMBIGUOUS


def test_crlf_is_tolerated_and_kept_unless_strict() -> None:
    crlf = "a\r\nb\r\nc\r\n"
    lf_patch = "--- a\n+++ b\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"
    applied = apply_patch(crlf, lf_patch)
    assert applied.text == "a\r\nB\r\nc\r\n" and applied.report.hunks[0].match_mode is MatchMode.LINE_ENDINGS
    with pytest.raises(PatchHunkFailedError):
        apply_patch(crlf, lf_patch, strict_line_endings=True)
    # A CRLF patch on an LF text, and a text without its final newline.
    assert apply_patch("a\nb\nc\n", lf_patch.replace("\n", "\r\n")).text == "a\nB\nc\n"
    assert apply_patch("a\nb\nc", lf_patch).text == "a\nB\nc"


def test_whitespace_differences_only_when_asked() -> None:
    text = "if x:\n\treturn  1\nend\n"
    patch = "--- a\n+++ b\n@@ -1,3 +1,3 @@\n if x:\n-    return 1\n+    return 2\n end\n"
    with pytest.raises(PatchHunkFailedError):
        apply_patch(text, patch)
    applied = apply_patch(text, patch, ignore_whitespace=True)
    assert applied.text == "if x:\n    return 2\nend\n" and applied.report.hunks[0].match_mode is MatchMode.WHITESPACE


def test_every_option_together() -> None:
    lf_patch = "--- a\n+++ b\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"
    applied = apply_patch(
        "a\nB\nc\n",
        lf_patch,
        max_offset=0,
        fuzz=2,
        recount=True,
        reverse=True,
        ignore_whitespace=True,
        strict_line_endings=True,
        partial=True,
    )
    assert applied.text == "a\nb\nc\n"


@pytest.mark.parametrize(
    ("options", "error", "match"),
    [
        ({"max_offset": -1}, ValueError, "max_offset must be between 0 and"),
        ({"max_offset": 2**64}, ValueError, "max_offset must be between 0 and"),
        ({"max_offset": 1.5}, TypeError, "max_offset must be an int, not float"),
        ({"max_offset": True}, TypeError, "max_offset must be an int, not bool"),
        ({"fuzz": -1}, ValueError, "fuzz must be between 0 and 4294967295"),
        ({"fuzz": 2**32}, ValueError, "fuzz must be between 0 and 4294967295"),
        ({"fuzz": None}, TypeError, "fuzz must be an int, not NoneType"),
        ({"recount": 1}, TypeError, "recount must be a bool, not int"),
        ({"reverse": "yes"}, TypeError, "reverse must be a bool, not str"),
        ({"ignore_whitespace": None}, TypeError, "ignore_whitespace must be a bool"),
        ({"strict_line_endings": 0}, TypeError, "strict_line_endings must be a bool"),
        ({"partial": []}, TypeError, "partial must be a bool"),
    ],
)
def test_bad_options_are_refused_before_c(options: dict[str, object], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        apply_patch(NUMBERED, FIVE, **options)  # type: ignore[call-overload]


def test_bad_inputs_are_refused() -> None:
    with pytest.raises(TypeError, match="text and patch must both be str .* or both be bytes-like"):
        apply_patch("a\n", b"")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="patch must be str or bytes-like, not NoneType"):
        apply_patch(b"a\n", None)  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="patch must be str or bytes-like, not int"):
        parse_patch(5)  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="non-contiguous"):
        apply_patch(memoryview(b"a\nb\n")[::2], b"")
    with pytest.raises(ValueError, match="text cannot be encoded as UTF-8"):
        apply_patch("a\ud800\n", "")


def test_the_largest_offsets_reach_c() -> None:
    # max_offset up to UINT64_MAX and fuzz up to UINT32_MAX are valid.
    assert apply_patch(NUMBERED, FIVE, max_offset=2**64 - 1, fuzz=2**32 - 1).text == WITH_FIVE


def test_every_patch_status_maps_to_its_exception() -> None:
    expected = {
        lib.FD_ERR_PATCH_MALFORMED: PatchMalformedError,
        lib.FD_ERR_PATCH_HUNK_FAILED: PatchHunkFailedError,
        lib.FD_ERR_PATCH_ALREADY_APPLIED: PatchAlreadyAppliedError,
        lib.FD_ERR_PATCH_MULTIPLE_FILES: PatchMultipleFilesError,
    }
    assert sorted(expected) == [5, 6, 7, 8]
    for status, cls in expected.items():
        error = fast_diff._errors.error_for_status(status)
        assert type(error) is cls and isinstance(error, PatchError) and isinstance(error, fast_diff.DiffError)
        # Without a report (not raised by apply_patch), the report is empty, never None.
        assert error.report.message == error.message and error.report.hunks == ()


def test_a_large_text_round_trips() -> None:
    old = "".join(f"line {i}\n" for i in range(200_000))
    new = old.replace("line 100000\n", "changed\n").replace("line 5\n", "")
    patch = unified_diff(old, new)
    assert apply_patch(old, patch).text == new
    assert apply_patch(new.encode(), patch.encode(), reverse=True).text == old.encode()


def test_the_package_docstring_examples_run() -> None:
    results = doctest.testmod(fast_diff)
    assert results.attempted >= 4 and results.failed == 0
