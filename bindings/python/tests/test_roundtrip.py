"""The oracle: GNU patch and git apply turn old into new with every diff."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from fast_diff import Algorithm, unified_diff

CASES = {
    "crlf": (b"one\r\ntwo\r\nthree\r\n", b"one\r\n2\r\nthree\r\nfour\r\n"),
    "mixed-endings": (b"a\r\nb\nc\r\n", b"a\nb\r\nc\r\n"),
    "lone-cr": (b"a\rb\nc\n", b"a\rB\nc\n"),
    "no-final-newline-old": (b"a\nb", b"a\nb\n"),
    "no-final-newline-new": (b"a\nb\n", b"a\nb"),
    "no-final-newline-both": (b"x\ny", b"x\nz"),
    "no-final-newline-unchanged-tail": (b"x\nz", b"y\nz"),
    "non-utf8": (b"\xff\xfe\xfd\nkeep\n\x80\n", b"\xff\xfe\xfc\nkeep\n\xc3\x28\n"),
    "latin1": ("caf\xe9\nna\xefve\n".encode("latin-1"), "caf\xe9\nnaive\n".encode("latin-1")),
    "empty-old": (b"", b"a\nb\n"),
    "empty-new": (b"a\nb\n", b""),
    "empty-to-no-newline": (b"", b"x"),
    "only-newlines": (b"\n\n\n", b"\n\n"),
    "many-hunks": (
        b"".join(b"%d\n" % i for i in range(100)),
        b"".join(b"%d\n" % i if i % 17 else b"changed %d\n" % i for i in range(100)),
    ),
    "utf8-text": ("héllo\nwörld\n日本\n".encode(), "héllo\nworld\n日本語\n".encode()),
}

TOOLS = [name for name in ("patch", "git") if shutil.which(name)]


def apply_with(tool: str, directory: Path, diff: bytes) -> bytes:
    (directory / "patch.diff").write_bytes(diff)
    if tool == "patch":
        command = ["patch", "--quiet", "--force", "--posix", "-p1", "-i", "patch.diff"]
    else:
        command = ["git", "apply", "--unidiff-zero", "-p1", "patch.diff"]
    subprocess.run(command, cwd=directory, check=True, capture_output=True)
    return (directory / "file").read_bytes()


def test_the_oracle_tools_are_present() -> None:
    assert TOOLS == ["patch", "git"], "GNU patch and git are needed (.ci/run installs them)"


@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.parametrize("algorithm", list(Algorithm))
@pytest.mark.parametrize("context", [0, 1, 3])
@pytest.mark.parametrize("case", sorted(CASES))
def test_diff_applies_exactly(tmp_path: Path, tool: str, algorithm: Algorithm, context: int, case: str) -> None:
    old, new = CASES[case]
    diff = unified_diff(old, new, old_label="a/file", new_label="b/file", algorithm=algorithm, context_lines=context)
    (tmp_path / "file").write_bytes(old)
    if old == new:
        assert diff == b""
        return
    assert apply_with(tool, tmp_path, diff) == new


@pytest.mark.parametrize("tool", TOOLS)
def test_str_diff_applies_to_the_utf8_file(tmp_path: Path, tool: str) -> None:
    old, new = "α\r\nβ\nγ", "α\r\nβ2\nγ\nδ\n"
    diff = unified_diff(old, new, old_label="a/file", new_label="b/file")
    (tmp_path / "file").write_bytes(old.encode())
    assert apply_with(tool, tmp_path, diff.encode()) == new.encode()
