"""The HTML pages in a real browser: headless Chromium (Debian's, driven over
the DevTools protocol by tools/browser/chromium.py) opens pages made by the
Python binding and by `fast-diff --html`, and the tests read the DOM as the
browser built it: rows, marks, folds, the file list, the colours of both
schemes, and that nothing in the files ran."""

from __future__ import annotations

import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import fast_diff

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools" / "browser"))
from chromium import Chromium, Page  # noqa: E402

HOSTILE = (
    b"</script><script>window.pwned = 'script'</script>\n"
    b"<img src=x onerror=\"window.pwned = 'img'\">\n"
    b"<style>body { display: none }</style>\n"
    b"bytes \xff\xfe and a CRLF\r\n"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    with Chromium() as chromium:
        yield chromium


def show(browser: Chromium, tmp_path: Path, html: str, **kwargs: object) -> Page:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    return browser.open(path.as_uri(), **kwargs)  # type: ignore[arg-type]


def test_rows_and_marks(browser: Chromium, tmp_path: Path) -> None:
    old = "".join(f"line {i}\n" for i in range(40)).replace("line 20\n", "the quick brown fox\n")
    new = old.replace("the quick brown fox", "the slow brown cat")
    for layout, columns in (("side-by-side", 4), ("line-by-line", 3)):
        page = show(browser, tmp_path, fast_diff.html_diff(old, new, layout=layout))
        assert page.evaluate("[...document.querySelectorAll('del')].map(e => e.textContent)") == ["quick", "fox"]
        assert page.evaluate("[...document.querySelectorAll('ins')].map(e => e.textContent)") == ["slow", "cat"]
        # The hunk: three lines of context around the change, each row with its cells.
        rows = page.evaluate(
            "[...document.querySelectorAll('.diff > .row')].map(r => [...r.children].map(c => c.textContent))"
        )
        assert all(len(row) == columns for row in rows)
        assert len(rows) == (7 if layout == "side-by-side" else 8)
        numbers = page.evaluate("[...document.querySelectorAll('.diff > .row .ln')].map(e => e.textContent)")
        assert "21" in numbers and "18" in numbers
        # The unchanged lines before and after the hunk are folded, closed.
        folds = page.evaluate(
            "[...document.querySelectorAll('details.fold')].map(d => [d.open, d.querySelector('summary').textContent,"
            " d.querySelectorAll('.row').length, !d.querySelector('.row').checkVisibility()])"
        )
        assert folds == [[False, "\u22ef 17 unchanged lines", 17, True], [False, "\u22ef 16 unchanged lines", 16, True]]
        # Opened, a fold's rows show.
        assert page.evaluate("(d => { d.open = true; return d.querySelector('.row').checkVisibility() })"
                             "(document.querySelector('details.fold'))")


def test_nothing_in_the_files_runs(browser: Chromium, tmp_path: Path) -> None:
    html = fast_diff.html_diff_files(
        [(b"a/<b>x</b>.html", b"b/<b>x</b>.html", b"plain\n", HOSTILE), ("a/y", "b/y", "1\n", "2\n")],
        title="<script>window.pwned = 'title'</script>",
    )
    page = show(browser, tmp_path, html)
    assert page.evaluate("window.pwned === undefined")
    assert page.evaluate("document.querySelectorAll('script, img, b, main style').length") == 0
    text = page.evaluate("document.body.innerText")
    assert "<img src=x onerror=\"window.pwned = 'img'\">" in text
    assert "</script><script>window.pwned = 'script'</script>" in text
    assert "\\xFF\\xFE" in text and "\u240d" in text
    assert page.evaluate("document.title") == "<script>window.pwned = 'title'</script>"
    assert page.evaluate("getComputedStyle(document.body).display") == "block"


def test_the_file_list(browser: Chromium, tmp_path: Path) -> None:
    files = [
        ("a/one.txt", "b/one.txt", "a\nb\n", "a\nc\nd\n"),
        ("a/two.txt", "b/two.txt", "same\n", "same\n"),
        ("a/old-name", "b/new-name", "x\n", ""),
    ]
    page = show(browser, tmp_path, fast_diff.html_diff_files(files))
    entries = page.evaluate(
        "[...document.querySelectorAll('nav.files li')].map(li => [li.querySelector('a').getAttribute('href'),"
        " li.querySelector('a').textContent, li.querySelector('.a').textContent, li.querySelector('.r').textContent])"
    )
    assert entries == [
        ["#file-1", "a/one.txt \u2192 b/one.txt", "+2", "\u22121"],
        ["#file-2", "a/two.txt \u2192 b/two.txt", "+0", "\u22120"],
        ["#file-3", "a/old-name \u2192 b/new-name", "+0", "\u22121"],
    ]
    assert page.evaluate("[...document.querySelectorAll('section.file')].map(s => s.id)") == [
        "file-1", "file-2", "file-3",
    ]
    assert page.evaluate("document.querySelector('#file-2 .same').textContent") == "No differences."
    assert page.evaluate("document.querySelector('.summary').textContent") == (
        "2 files changed of 3: 2 lines added, 2 lines removed"
    )


def test_both_schemes_are_readable(browser: Chromium, tmp_path: Path) -> None:
    html = fast_diff.html_diff("a\nold\n", "a\nnew\n")
    colours = {}
    for dark in (False, True):
        page = show(browser, tmp_path, html, dark=dark)
        colours[dark] = page.evaluate(
            "[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color,"
            " getComputedStyle(document.querySelector('.code.del')).backgroundColor]"
        )
    assert colours[False][0] == "rgb(255, 255, 255)" and colours[True][0] == "rgb(13, 17, 23)"
    for background, foreground, _ in colours.values():
        assert luminance_contrast(background, foreground) >= 7, (background, foreground)
    assert colours[False][2] != colours[True][2]


def test_the_command_writes_a_page(browser: Chromium, tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_bytes(b"keep\nthe quick fox\n")
    (tmp_path / "new.txt").write_bytes(b"keep\nthe slow fox\n")
    run = subprocess.run(
        [str(ROOT / "target" / "release" / "fast-diff"), "--html=line-by-line", "old.txt", "new.txt"],
        cwd=tmp_path, capture_output=True, check=False,
    )
    assert run.returncode == 1, run.stderr
    page = show(browser, tmp_path, run.stdout.decode("utf-8"))
    assert page.evaluate("document.querySelector('h1').textContent") == "old.txt \u2192 new.txt"
    assert page.evaluate("document.querySelector('del').textContent") == "quick"
    assert page.evaluate("document.querySelectorAll('.diff.lbl .row').length") == 3


def test_a_screenshot(browser: Chromium, tmp_path: Path) -> None:
    page = show(browser, tmp_path, fast_diff.html_diff("a\nthe quick fox\n", "a\nthe slow fox\n"), width=900)
    png = page.screenshot(tmp_path / "shot.png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width == 900 and height > 100


def luminance_contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two ``rgb(r, g, b)`` colours."""

    def luminance(colour: str) -> float:
        channels = [int(c) / 255 for c in colour[colour.index("(") + 1 : colour.index(")")].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
