"""Comparison modes, diff_stats, diff_hunks and word_diff: the diff as data, tied to the unified text."""

from __future__ import annotations

import difflib
import itertools
import random
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

import fast_diff
from fast_diff import (
    Algorithm,
    DiffLine,
    DiffStats,
    Granularity,
    Hunk,
    InvalidOptionsError,
    LineKind,
    SpanKind,
    WordDiff,
    apply_patch,
    diff_hunks,
    diff_stats,
    unified_diff,
    word_diff,
)

MODES = ("ignore_space_change", "ignore_all_space", "ignore_blank_lines", "ignore_case", "strip_trailing_cr")
PREFIX = {LineKind.CONTEXT: " ", LineKind.REMOVED: "-", LineKind.ADDED: "+"}
NO_NEWLINE = "\n\\ No newline at end of file\n"


def split_lines(text: Any) -> list[Any]:
    """Lines ending at LF only, as the engine splits them (str.splitlines also splits at CR)."""
    newline = "\n" if isinstance(text, str) else b"\n"
    pieces = text.split(newline)
    return [piece + newline for piece in pieces[:-1]] + ([pieces[-1]] if pieces[-1] else [])


def unified_from_hunks(hunks: list[Hunk[Any]], text: bool, old_label: str = "original", new_label: str = "modified") -> Any:
    """The unified diff written from the hunks alone, as GNU diff writes it."""
    if not hunks:
        return "" if text else b""
    out: list[Any] = []

    def put(piece: str | bytes) -> None:
        out.append(piece if isinstance(piece, str) == text else (piece.encode() if isinstance(piece, str) else piece))

    put(f"--- {old_label}\n+++ {new_label}\n")
    for hunk in hunks:
        put(hunk.header + "\n")
        for line in hunk.lines:
            put(PREFIX[line.kind])
            put(line.text)
            if line.no_newline:
                put(NO_NEWLINE)
    return ("" if text else b"").join(out)


def random_text(rng: random.Random, alphabet: list[str], most: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, most)))


# Lines that differ only in ways some mode ignores, non-ASCII, CR, blank lines.
AWKWARD = ["a\n", "A\n", "a \n", " a\n", "a  b\n", "a b\n", "ab\n", "a\r\n", "\n", "  \n", "é\n", "日本\n", "x", "\t\n"]


def random_pairs(count: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    return [(random_text(rng, AWKWARD, 25), random_text(rng, AWKWARD, 25)) for _ in range(count)]


def some_mode_sets() -> list[dict[str, bool]]:
    singles = [{name: True} for name in MODES]
    return [{}, *singles, {"ignore_space_change": True, "ignore_case": True}, dict.fromkeys(MODES, True)]


# ---- Comparison modes -----------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "modes", "expected"),
    [
        ("a  b\nc\n", "a b\nC\n", {"ignore_space_change": True}, "@@ -1,2 +1,2 @@\n a  b\n-c\n+C\n"),
        ("a b \nc\n", "a\tb\nC\n", {"ignore_space_change": True}, "@@ -1,2 +1,2 @@\n a b \n-c\n+C\n"),
        ("a b\nc\n", "ab\nC\n", {"ignore_all_space": True}, "@@ -1,2 +1,2 @@\n a b\n-c\n+C\n"),
        ("Hello\nx\n", "hello\ny\n", {"ignore_case": True}, "@@ -1,2 +1,2 @@\n Hello\n-x\n+y\n"),
        ("a\r\nb\r\n", "a\nc\n", {"strip_trailing_cr": True}, "@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\n"),
    ],
)
def test_each_mode_matches_lines_that_differ_only_in_ignored_ways(
    old: str, new: str, modes: dict[str, bool], expected: str
) -> None:
    header = "--- original\n+++ modified\n"
    assert unified_diff(old, new, **modes) == header + expected
    assert unified_diff(old.encode(), new.encode(), **modes) == (header + expected).encode()
    # Without the mode, the lines differ.
    assert unified_diff(old, new) != header + expected


def test_space_change_is_not_all_space() -> None:
    assert unified_diff("a b\n", "ab\n", ignore_space_change=True) != ""
    assert unified_diff("a b\n", "ab\n", ignore_all_space=True) == ""


def test_ignore_blank_lines_hides_changes_of_blank_lines_only() -> None:
    old, new = "a\nb\n", "a\n\nb\n"
    assert unified_diff(old, new, ignore_blank_lines=True) == ""
    assert diff_stats(old, new, ignore_blank_lines=True).identical
    assert diff_hunks(old, new, ignore_blank_lines=True) == []
    assert word_diff(old, new, ignore_blank_lines=True).text == ""
    assert unified_diff(old, new) != ""


def test_modes_must_be_bools() -> None:
    for name in MODES:
        for function in (unified_diff, diff_stats, diff_hunks, word_diff):
            with pytest.raises(TypeError, match=f"{name} must be a bool, not int"):
                function("a\n", "b\n", **{name: 1})
    with pytest.raises(TypeError, match="ignore_whitespace"):
        unified_diff("a\n", "b\n", ignore_whitespace=True)  # type: ignore[call-overload]


def test_a_missing_final_newline_still_counts_under_every_mode() -> None:
    modes = dict.fromkeys(MODES, True)
    assert unified_diff("a\n", "a", **modes) == "--- original\n+++ modified\n@@ -1 +1 @@\n-a\n+a" + NO_NEWLINE


@pytest.mark.parametrize("modes", some_mode_sets(), ids=lambda m: "+".join(m) or "none")
def test_a_diff_under_modes_applies_to_the_real_old_text(modes: dict[str, bool]) -> None:
    # Applying it gives a text equal to the new one under the same modes
    # (lines that differ only in ignored ways keep their old form).
    for old, new in random_pairs(150, seed=len(modes)):
        diff = unified_diff(old, new, old_label="a/f", new_label="b/f", **modes)
        if not diff:
            continue
        patched = apply_patch(old, diff, strict_line_endings=True, max_offset=0).text
        assert unified_diff(patched, new, **modes) == "", (old, new, diff)
        if not modes:
            assert patched == new


# ---- diff_stats ------------------------------------------------------------


def test_stats_of_a_simple_change() -> None:
    old = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n"
    new = "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nL\nm\nn\n"
    stats = diff_stats(old, new)
    assert stats == DiffStats(lines_added=3, lines_removed=2, hunks=2, identical=False, similarity=stats.similarity)
    assert stats.similarity == pytest.approx(22 / 27)
    assert diff_stats(old, new, context_lines=5).hunks == 1
    assert diff_stats(old.encode(), bytearray(new.encode())) == stats


def test_stats_of_identical_and_empty_texts() -> None:
    assert diff_stats("", "") == DiffStats(0, 0, 0, True, 1.0)
    assert diff_stats(b"x\n", b"x\n") == DiffStats(0, 0, 0, True, 1.0)
    assert diff_stats("", "a\nb\n") == DiffStats(2, 0, 1, False, 0.0)
    assert diff_stats("A\n", "a\n", ignore_case=True) == DiffStats(0, 0, 0, True, 1.0)


@pytest.mark.parametrize("algorithm", list(Algorithm))
def test_stats_count_what_the_unified_diff_shows(algorithm: Algorithm) -> None:
    for i, (old, new) in enumerate(random_pairs(200, seed=11)):
        modes = some_mode_sets()[i % len(some_mode_sets())]
        context = i % 4
        diff = unified_diff(old, new, context_lines=context, algorithm=algorithm, **modes)
        body = split_lines(diff)[2:]
        stats = diff_stats(old, new, context_lines=context, algorithm=algorithm, **modes)
        assert (stats.hunks, stats.lines_added, stats.lines_removed, stats.identical) == (
            sum(line.startswith("@@ ") for line in body),
            sum(line.startswith("+") for line in body),
            sum(line.startswith("-") for line in body),
            diff == "",
        )
        assert 0.0 <= stats.similarity <= 1.0


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (["a\n", "b\n", "c\n"], ["a\n", "x\n", "c\n"]),
        (["a\n", "b\n", "c\n"], ["a\n", "b\n", "c\n", "d\n"]),
        (["a\n", "b\n", "c\n", "d\n"], ["b\n", "c\n"]),
        ([f"line {i}\n" for i in range(50)], [f"line {i}\n" for i in range(50) if i % 7] + ["new\n"]),
        (["only\n"], ["other\n"]),
        (["a\n", "b"], ["a\n", "b\n"]),
        ([], ["a\n"]),
    ],
)
def test_similarity_is_difflibs_ratio_on_simple_edits(old: list[str], new: list[str]) -> None:
    expected = difflib.SequenceMatcher(None, old, new).ratio()
    assert diff_stats("".join(old), "".join(new)).similarity == pytest.approx(expected, abs=1e-12)


def test_similarity_is_close_to_difflibs_ratio_on_edited_texts() -> None:
    # Texts with repeated lines and a few edits. difflib matches greedily
    # (longest blocks first), the engine finds a smallest diff: it matches
    # at least as many lines, almost always the same number.
    rng = random.Random(3)
    differences = []
    for _ in range(500):
        old = [f"line {rng.randrange(30)}\n" for _ in range(rng.randrange(5, 120))]
        new = list(old)
        for _ in range(rng.randrange(1, 10)):
            i, action = rng.randrange(len(new) + 1), rng.random()
            if action < 0.33 and i < len(new):
                del new[i]
            elif action < 0.66:
                new.insert(i, f"line {rng.randrange(30)}\n")
            elif i < len(new):
                new[i] = "changed\n"
        ratio = difflib.SequenceMatcher(None, old, new).ratio()
        differences.append(diff_stats("".join(old), "".join(new)).similarity - ratio)
    assert min(differences) > -1e-12
    assert max(differences) < 0.2
    assert sum(d < 1e-12 for d in differences) >= 0.95 * len(differences)


# ---- diff_hunks -------------------------------------------------------------


def test_hunks_of_a_change() -> None:
    old, new = "one\ntwo\nthree\nfour\nlast", "zero\none\nTWO\nthree\nfour\nlast"
    hunks = diff_hunks(old, new, context_lines=1)
    assert hunks == [
        Hunk(
            old_start=1,
            old_count=3,
            new_start=1,
            new_count=4,
            lines=(
                DiffLine(LineKind.ADDED, None, 1, "zero\n", (0, 5), False),
                DiffLine(LineKind.CONTEXT, 1, 2, "one\n", (0, 4), False),
                DiffLine(LineKind.REMOVED, 2, None, "two\n", (4, 8), False),
                DiffLine(LineKind.ADDED, None, 3, "TWO\n", (9, 13), False),
                DiffLine(LineKind.CONTEXT, 3, 4, "three\n", (8, 14), False),
            ),
        )
    ]
    assert hunks[0].header == "@@ -1,3 +1,4 @@"
    assert diff_hunks(old, old) == []


def test_hunk_headers_name_the_line_before_an_empty_range() -> None:
    [hunk] = diff_hunks("a\nb\n", "a\nx\nb\n", context_lines=0)
    assert (hunk.old_start, hunk.old_count, hunk.new_start, hunk.new_count) == (1, 0, 2, 1)
    assert hunk.header == "@@ -1,0 +2 @@"
    [hunk] = diff_hunks("", "a\n")
    assert hunk.header == "@@ -0,0 +1 @@"


def test_a_last_line_without_newline_is_marked() -> None:
    [hunk] = diff_hunks(b"a\nb", b"a\nb\n")
    assert [(line.kind, line.text, line.no_newline) for line in hunk.lines] == [
        (LineKind.CONTEXT, b"a\n", False),
        (LineKind.REMOVED, b"b", True),
        (LineKind.ADDED, b"b\n", False),
    ]


def test_line_texts_are_slices_of_the_callers_str() -> None:
    old = "é\nß\nx\n" * 3 + "日本\n"
    new = "é\n日本語\nx\n" * 3 + "日本\n"
    for hunk in diff_hunks(old, new):
        for line in hunk.lines:
            source = new if line.kind is LineKind.ADDED else old
            start, end = line.span
            assert type(line.text) is str and source[start:end] == line.text
            number = line.new_line if line.kind is LineKind.ADDED else line.old_line
            assert number is not None and split_lines(source)[number - 1] == line.text


@pytest.mark.parametrize("character", ["x", "é", "日", "\U0001f600"])
def test_long_str_inputs_are_sliced_right(character: str) -> None:
    # A long ASCII str is lent to C as it is stored, other text is encoded:
    # both ways, offsets become the right character indices.
    old = "".join(f"{character * (i % 7)} line {i}\n" for i in range(3000))
    new = old.replace(" line 100\n", " line hundred\n").replace(" line 2900\n", " 2900\nmore\n")
    for hunk in diff_hunks(old, new):
        for line in hunk.lines:
            source = new if line.kind is LineKind.ADDED else old
            assert source[line.span[0] : line.span[1]] == line.text
    spans = word_diff(old, new).spans
    assert [s.text for s in spans if s.kind is SpanKind.ADDED] == ["hundred", "\nmore"]
    for span in spans:
        source = new if span.kind is SpanKind.ADDED else old
        assert source[span.span[0] : span.span[1]] == span.text


@pytest.mark.parametrize(
    "make",
    [bytes, bytearray, memoryview, lambda b: memoryview(bytearray(b))],
    ids=["bytes", "bytearray", "memoryview", "memoryview-of-bytearray"],
)
def test_line_texts_of_bytes_like_inputs_are_bytes(make: Any) -> None:
    old, new = b"\xff\x00\nkeep\r\n\x80", b"\xfe\x00\nkeep\r\n\x80"
    hunks = diff_hunks(make(old), make(new))
    texts = [(line.kind, line.text) for line in hunks[0].lines]
    assert texts == [(LineKind.REMOVED, b"\xff\x00\n"), (LineKind.ADDED, b"\xfe\x00\n"), (LineKind.CONTEXT, b"keep\r\n"), (LineKind.CONTEXT, b"\x80")]
    assert all(type(text) is bytes for _, text in texts)


@pytest.mark.parametrize("algorithm", list(Algorithm))
def test_hunks_write_exactly_the_unified_diff(algorithm: Algorithm) -> None:
    # Every hunk, number, kind, slice and marker, for str and bytes, under
    # modes: writing the unified diff from the hunks gives the engine's.
    for i, (old, new) in enumerate(random_pairs(200, seed=23)):
        modes = some_mode_sets()[i % len(some_mode_sets())]
        options: dict[str, Any] = {"context_lines": i % 5, "algorithm": algorithm, **modes}
        assert unified_from_hunks(diff_hunks(old, new, **options), text=True) == unified_diff(old, new, **options)
        old_b, new_b = old.encode(), new.encode()
        assert unified_from_hunks(diff_hunks(old_b, new_b, **options), text=False) == unified_diff(old_b, new_b, **options)


def test_hunks_of_bytes_that_are_not_utf8() -> None:
    rng = random.Random(9)
    alphabet = [b"\xff\n", b"\xc3\n", b"\xc3\xa9\n", b"\x00\n", b"\r\n", b"x\r", b"y", b"\n"]
    for _ in range(200):
        old = b"".join(rng.choice(alphabet) for _ in range(rng.randrange(12)))
        new = b"".join(rng.choice(alphabet) for _ in range(rng.randrange(12)))
        assert unified_from_hunks(diff_hunks(old, new), text=False) == unified_diff(old, new)


def test_line_numbers_count_through_each_hunk() -> None:
    for old, new in random_pairs(100, seed=31):
        for hunk in diff_hunks(old, new, context_lines=2):
            old_line = hunk.old_start if hunk.old_count else hunk.old_start + 1
            new_line = hunk.new_start if hunk.new_count else hunk.new_start + 1
            for line in hunk.lines:
                assert line.old_line == (None if line.kind is LineKind.ADDED else old_line)
                assert line.new_line == (None if line.kind is LineKind.REMOVED else new_line)
                old_line += line.kind is not LineKind.ADDED
                new_line += line.kind is not LineKind.REMOVED
            assert old_line - hunk.old_start == hunk.old_count + (not hunk.old_count)


# ---- word_diff ----------------------------------------------------------------


def test_word_diff_of_a_changed_line() -> None:
    old, new = "keep\nthe quick brown fox\nend\n", "keep\nthe slow brown cat\nend\n"
    result = word_diff(old, new)
    assert result.text == "--- original\n+++ modified\n@@ -1,3 +1,3 @@\nkeep\nthe [-quick-]{+slow+} brown [-fox-]{+cat+}\nend\n"
    assert [(s.kind, s.text) for s in result.spans] == [
        (SpanKind.EQUAL, "keep\nthe "),
        (SpanKind.REMOVED, "quick"),
        (SpanKind.ADDED, "slow"),
        (SpanKind.EQUAL, " brown "),
        (SpanKind.REMOVED, "fox"),
        (SpanKind.ADDED, "cat"),
        (SpanKind.EQUAL, "\nend\n"),
    ]
    assert {s.hunk for s in result.spans} == {0}
    labelled = word_diff(old.encode(), new.encode(), old_label=b"a/x", new_label="b/x", context_lines=0)
    assert labelled.text == b"--- a/x\n+++ b/x\n@@ -2 +2 @@\nthe [-quick-]{+slow+} brown [-fox-]{+cat+}\n"
    assert word_diff(old, old) == WordDiff(spans=(), text="")


@pytest.mark.parametrize(
    ("old", "new", "granularity", "line"),
    [
        ("café\n", "cafe\n", "chars", "caf[-é-]{+e+}"),
        ("café\n", "cafe\n", Granularity.WORDS, "[-café-]{+cafe+}"),
        ("e\u0301x\n", "ex\n", "graphemes", "[-e\u0301-]{+e+}x"),
        ("e\u0301x\n", "ex\n", "chars", "e[-\u0301-]x"),
        ("日本語\n", "日本\n", "chars", "日本[-語-]"),
    ],
)
def test_granularities_never_split_a_character(old: str, new: str, granularity: Any, line: str) -> None:
    result = word_diff(old, new, granularity=granularity)
    assert result.text == f"--- original\n+++ modified\n@@ -1 +1 @@\n{line}\n"
    for span in result.spans:
        source = new if span.kind is SpanKind.ADDED else old
        assert source[span.span[0] : span.span[1]] == span.text


def test_granularity_in_bytes_keeps_utf8_sequences_whole() -> None:
    result = word_diff(b"caf\xc3\xa9\n", b"cafe\n", granularity="chars")
    assert result.text == b"--- original\n+++ modified\n@@ -1 +1 @@\ncaf[-\xc3\xa9-]{+e+}\n"
    assert [s.text for s in result.spans if s.kind is SpanKind.REMOVED] == [b"\xc3\xa9"]


def test_bad_granularity() -> None:
    with pytest.raises(ValueError, match="unknown granularity 'letters'; expected one of 'words', 'chars', 'graphemes'"):
        word_diff("a", "b", granularity="letters")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="granularity must be"):
        word_diff("a", "b", granularity=1)  # type: ignore[call-overload]


@pytest.mark.parametrize("granularity", list(Granularity))
def test_spans_rebuild_each_hunks_old_and_new_lines(granularity: Granularity) -> None:
    rng = random.Random(17)
    words = ["the ", "quick ", "brown ", "fox", "é", "日本", " ", "\n", "x\n", "y\n", ",", "e\u0301"]
    for _ in range(150):
        old = random_text(rng, words, 30)
        new = random_text(rng, words, 30)
        hunks = diff_hunks(old, new)
        result = word_diff(old, new, granularity=granularity)
        for h, hunk in enumerate(hunks):
            spans = [s for s in result.spans if s.hunk == h]
            old_side = "".join(s.text for s in spans if s.kind is not SpanKind.ADDED)
            new_side = "".join(s.text for s in spans if s.kind is not SpanKind.REMOVED)
            assert old_side == "".join(line.text for line in hunk.lines if line.kind is not LineKind.ADDED)
            assert new_side == "".join(line.text for line in hunk.lines if line.kind is not LineKind.REMOVED)
            for span in spans:
                source = new if span.kind is SpanKind.ADDED else old
                assert source[span.span[0] : span.span[1]] == span.text
        assert {s.hunk for s in result.spans} == set(range(len(hunks)))
        # The same in bytes: the same spans, as bytes.
        in_bytes = word_diff(old.encode(), new.encode(), granularity=granularity)
        assert in_bytes.text == result.text.encode()
        assert [s.text for s in in_bytes.spans] == [s.text.encode() for s in result.spans]


def test_word_diff_takes_the_modes_and_a_deadline() -> None:
    result = word_diff("A b\nx\n", "a  b\ny\n", ignore_case=True, ignore_space_change=True, deadline_ms=10_000)
    assert result.text == "--- original\n+++ modified\n@@ -1,2 +1,2 @@\nA b\n[-x-]{+y+}\n"


# ---- Shared behaviour ---------------------------------------------------------


@pytest.mark.parametrize("function", [diff_stats, diff_hunks, word_diff])
def test_bad_arguments_are_refused_before_c(function: Any) -> None:
    with pytest.raises(TypeError, match="both be str"):
        function("a", b"b")
    with pytest.raises(ValueError, match="context_lines must be between 0"):
        function("a", "b", context_lines=-1)
    with pytest.raises(ValueError, match="unknown algorithm"):
        function("a", "b", algorithm="fastest")
    with pytest.raises(ValueError, match="cannot be encoded as UTF-8"):
        function("a\ud800", "b")


def test_labels_are_checked_by_word_diff() -> None:
    with pytest.raises(ValueError, match="line break"):
        word_diff("a", "b", old_label="x\ny")


def test_threads_get_the_single_threaded_results() -> None:
    pairs = random_pairs(40, seed=41)

    def run(pair: tuple[str, str]) -> tuple[Any, ...]:
        old, new = pair
        return diff_stats(old, new), diff_hunks(old, new), word_diff(old, new, granularity="chars")

    expected = [run(pair) for pair in pairs]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(run, pairs * 4)) == expected * 4


def test_every_mode_combination_reaches_the_engine() -> None:
    # Five changes, far apart, each hidden by some modes: the hunks left
    # are those of the changes no mode given hides.
    keep = "".join(f"same {i}\n" for i in range(3))
    changes = [  # (old line, new line, the modes that hide the change)
        ("Case\n", "case\n", {"ignore_case"}),
        ("x y\n", "x  y\n", {"ignore_space_change", "ignore_all_space"}),
        ("p q\n", "pq\n", {"ignore_all_space"}),
        ("r\r\n", "r\n", {"strip_trailing_cr", "ignore_space_change", "ignore_all_space"}),
        ("", "\n", {"ignore_blank_lines"}),
    ]
    old = keep + keep.join(line for line, _, _ in changes) + keep
    new = keep + keep.join(line for _, line, _ in changes) + keep
    for values in itertools.product([False, True], repeat=len(MODES)):
        modes = dict(zip(MODES, values))
        given = {name for name, value in modes.items() if value}
        shown = [change for change in changes if not change[2] & given]
        diff = unified_diff(old, new, context_lines=0, **modes)
        hunks = diff_hunks(old, new, context_lines=0, **modes)
        assert unified_from_hunks(hunks, text=True) == diff
        assert [[line.text for line in hunk.lines] for hunk in hunks] == [
            [line for line in (old_line, new_line) if line] for old_line, new_line, _ in shown
        ], given
        assert diff_stats(old, new, context_lines=0, **modes).hunks == len(shown)


@pytest.mark.parametrize(
    ("old", "new", "options"),
    [
        ("a\nb\nc\n", "a\nB\nc\nd\n", {}),
        ("same\n", "same\n", {}),
        (b"x\xff\n\0\n", b"y\xff\n\0\n", {"context_lines": 0, "old_label": b"a/\xfe", "new_label": "b/x"}),
        ("A  b\n\nc\n", "a b\nc\nd\n", {"ignore_case": True, "ignore_space_change": True, "ignore_blank_lines": True}),
        ("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "0\n2\n3\n4\n5\n6\n7\n8\n0\n", {"algorithm": "histogram"}),
    ],
)
def test_unified_diff_stats_is_both_calls_in_one(old: Any, new: Any, options: dict[str, Any]) -> None:
    text, stats = fast_diff.unified_diff_stats(old, new, **options)
    assert text == fast_diff.unified_diff(old, new, **options)
    assert type(text) is type(old)
    counting = {k: v for k, v in options.items() if not k.endswith("_label")}
    assert stats == fast_diff.diff_stats(old, new, **counting)


def test_unified_diff_stats_refuses_what_unified_diff_refuses() -> None:
    with pytest.raises(TypeError):
        fast_diff.unified_diff_stats("a", b"b")  # type: ignore[call-overload]
    with pytest.raises(ValueError):
        fast_diff.unified_diff_stats("a", "b", old_label="x\ny")
