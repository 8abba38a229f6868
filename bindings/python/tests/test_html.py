"""html_diff and html_diff_files: the page, its options, and the errors of both."""

from __future__ import annotations

import pytest

import fast_diff


def test_a_page_marks_the_changed_words() -> None:
    page = fast_diff.html_diff("keep\nthe quick fox\n", "keep\nthe slow fox\n")
    assert page.startswith("<!DOCTYPE html>") and 'class="diff sbs"' in page
    assert "the <del>quick</del> fox" in page and "the <ins>slow</ins> fox" in page
    assert "<title>original \u2192 modified</title>" in page


def test_options_reach_the_page() -> None:
    page = fast_diff.html_diff(
        b"a\ncolour\n", b"a\ncolor\n", layout="line-by-line", title=b"<t>", granularity="chars",
        old_label=b"a/x", new_label="b/x", context_lines=0, ignore_case=True,
    )
    assert 'class="diff lbl"' in page and "<title>&lt;t&gt;</title>" in page
    assert "colo<del>u</del>r" in page
    assert "@@ -2 +2 @@" in page


def test_bytes_that_are_not_utf8_are_shown() -> None:
    page = fast_diff.html_diff(b"x\n", b"\xff<script>\n")
    assert "\\xFF" in page and "&lt;script&gt;" in page and "<script>" not in page


def test_many_files() -> None:
    page = fast_diff.html_diff_files(
        [("a/one", "b/one", "1\n", "2\n"), (b"a/two", b"b/two", b"same\n", bytearray(b"same\n"))],
        layout=fast_diff.HtmlLayout.LINE_BY_LINE,
    )
    assert page.count('<section class="file"') == 2 and "No differences." in page
    assert '<a href="#file-1"><span class="name">a/one \u2192 b/one</span></a>' in page
    assert fast_diff.html_diff_files([]).count("<section") == 0


def test_errors() -> None:
    with pytest.raises(ValueError, match="unknown layout"):
        fast_diff.html_diff("a", "b", layout="diagonal")
    with pytest.raises(TypeError, match="files\\[0\\] must be a tuple"):
        fast_diff.html_diff_files([("a", "b", "c")])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        fast_diff.html_diff_files([("a", "b", "text", b"bytes")])
    with pytest.raises(TypeError, match="unexpected keyword argument 'old_label'"):
        fast_diff.html_diff_files([], old_label="x")  # type: ignore[call-arg]


def test_word_diff_says_when_it_was_coarsened() -> None:
    assert fast_diff.word_diff("the quick fox\n", "the slow fox\n").coarsened is False
    import random

    rng = random.Random(3)
    old, new = ("".join(rng.choice("ab ") for _ in range(300_000)) for _ in range(2))
    result = fast_diff.word_diff(old, new, granularity="chars")
    assert result.coarsened is True
    assert "".join(s.text for s in result.spans if s.kind != fast_diff.SpanKind.ADDED) == old
    assert "".join(s.text for s in result.spans if s.kind != fast_diff.SpanKind.REMOVED) == new
