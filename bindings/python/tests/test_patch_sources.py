"""apply_patch against the diffs it must read: its own (round trips, forwards and
backwards), GNU diff -u's, git diff's and difflib's, on awkward bytes."""

from __future__ import annotations

import difflib
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from fast_diff import Algorithm, apply_patch, parse_patch, unified_diff

CASES = {
    "crlf": (b"one\r\ntwo\r\nthree\r\n", b"one\r\n2\r\nthree\r\nfour\r\n"),
    "mixed-endings": (b"a\r\nb\nc\r\n", b"a\nb\r\nc\r\n"),
    "lone-cr": (b"a\rb\nc\n", b"a\rB\nc\n"),
    "no-final-newline-old": (b"a\nb", b"a\nb\n"),
    "no-final-newline-new": (b"a\nb\n", b"a\nb"),
    "no-final-newline-both": (b"x\ny", b"x\nz"),
    "non-utf8": (b"\xff\xfe\xfd\nkeep\n\x80\n", b"\xff\xfe\xfc\nkeep\n\xc3\x28\n"),
    "nul": (b"a\0b\nkeep\n", b"a\0c\nkeep\n"),
    "empty-old": (b"", b"a\nb\n"),
    "empty-new": (b"a\nb\n", b""),
    "only-newlines": (b"\n\n\n", b"\n\n"),
    "many-hunks": (
        b"".join(b"%d\n" % i for i in range(100)),
        b"".join(b"%d\n" % i if i % 17 else b"changed %d\n" % i for i in range(100)),
    ),
    "repeated-lines": (b"x\n" * 20 + b"y\n" + b"x\n" * 20, b"x\n" * 20 + b"z\n" + b"x\n" * 19),
}


def random_pair(rng: random.Random) -> tuple[bytes, bytes]:
    pieces = [b"a\n", b"b\n", b"c\r\n", b"\n", b"\xff\n", b"a\0\n", b"}\n"]
    old = [rng.choice(pieces) for _ in range(rng.randrange(0, 40))]
    new = list(old)
    for _ in range(rng.randrange(0, 6)):
        i = rng.randrange(len(new) + 1)
        if new and rng.random() < 0.5:
            del new[min(i, len(new) - 1)]
        else:
            new.insert(i, rng.choice(pieces))
    tail = [b"", b"no newline"]
    return b"".join(old) + rng.choice(tail), b"".join(new) + rng.choice(tail)


@pytest.mark.parametrize("algorithm", list(Algorithm))
@pytest.mark.parametrize("context", [0, 1, 3])
def test_every_diff_applies_forwards_and_backwards(algorithm: Algorithm, context: int) -> None:
    rng = random.Random(context * 10 + list(Algorithm).index(algorithm))
    pairs = list(CASES.values()) + [random_pair(rng) for _ in range(150)]
    for old, new in pairs:
        patch = unified_diff(old, new, context_lines=context, algorithm=algorithm)
        assert apply_patch(old, patch).text == new, (old, new, patch)
        assert apply_patch(new, patch, reverse=True).text == old, (old, new, patch)


def test_str_round_trips() -> None:
    rng = random.Random(9)
    words = ["α\n", "β\r\n", "日本\n", "x\n", "\n"]
    for _ in range(200):
        old = "".join(rng.choice(words) for _ in range(rng.randrange(0, 30)))
        new = "".join(rng.choice(words) for _ in range(rng.randrange(0, 30)))
        patch = unified_diff(old, new)
        assert apply_patch(old, patch).text == new
        assert apply_patch(new, patch, reverse=True).text == old


def run(command: list[str], cwd: Path) -> bytes:
    # diff and git diff --no-index exit 1 when the files differ.
    result = subprocess.run(command, cwd=cwd, capture_output=True)
    assert result.returncode in (0, 1), result.stderr
    return result.stdout


def test_the_tools_are_present() -> None:
    assert shutil.which("diff") and shutil.which("git"), "GNU diff and git are needed (.ci/run installs them)"


@pytest.mark.parametrize("tool", ["diff", "git"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_patches_written_by_gnu_diff_and_git(tmp_path: Path, tool: str, case: str) -> None:
    old, new = CASES[case]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "file").write_bytes(old)
    (tmp_path / "b" / "file").write_bytes(new)
    if tool == "diff":
        patch = run(["diff", "-u", "--text", "a/file", "b/file"], tmp_path)
    else:
        patch = run(["git", "-c", "core.autocrlf=false", "diff", "--no-index", "--text", "a/file", "b/file"], tmp_path)
    if old == new:
        assert patch == b""
    assert apply_patch(old, patch).text == new
    assert apply_patch(new, patch, reverse=True).text == old
    if patch:
        (file,) = parse_patch(patch).files
        # git diff --no-index names them a/a/file and b/b/file.
        assert file.path == (b"b/file" if tool == "git" else b"file")


def test_a_git_patch_of_several_files_applies_section_by_section(tmp_path: Path) -> None:
    files = {name: CASES[name] for name in ("crlf", "non-utf8", "many-hunks")}
    for name, (old, new) in files.items():
        for side, text in (("a", old), ("b", new)):
            (tmp_path / side).mkdir(exist_ok=True)
            (tmp_path / side / name).write_bytes(text)
    patch = run(["git", "diff", "--no-index", "--text", "a", "b"], tmp_path)
    sections = parse_patch(patch).files
    assert sorted(f.path for f in sections) == sorted(b"b/" + name.encode() for name in files)
    for section in sections:
        assert section.path is not None
        old, new = files[section.path.decode().removeprefix("b/")]
        assert apply_patch(old, section.patch).text == new


def lf_lines(text: bytes) -> list[bytes]:
    """Lines ending at LF only (bytes.splitlines would also split at CR)."""
    pieces = text.split(b"\n")
    return [piece + b"\n" for piece in pieces[:-1]] + ([pieces[-1]] if pieces[-1] else [])


# difflib writes no "\ No newline" marker: only texts that end in a newline.
ENDING_IN_NEWLINES = sorted(name for name, pair in CASES.items() if all(not t or t.endswith(b"\n") for t in pair))


@pytest.mark.parametrize("case", ENDING_IN_NEWLINES)
def test_patches_written_by_difflib(case: str) -> None:
    old, new = CASES[case]
    patch = b"".join(difflib.diff_bytes(difflib.unified_diff, lf_lines(old), lf_lines(new), b"a/file", b"b/file"))
    assert apply_patch(old, patch).text == new
    assert apply_patch(new, patch, reverse=True).text == old
