"""fast_diff.merge: git merge-file's merge, its result types, its regions, and its errors."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import fast_diff
from fast_diff import MergeResult, RegionKind

BASE = "keep\nchange me\nkeep too\n"
OURS = "keep\nours\nkeep too\n"
THEIRS = "keep\ntheirs\nkeep too\n"


def test_a_conflict_is_marked_and_counted() -> None:
    result = fast_diff.merge(BASE, OURS, THEIRS)
    assert isinstance(result, MergeResult)
    assert result.text == "keep\n<<<<<<< ours\nours\n=======\ntheirs\n>>>>>>> theirs\nkeep too\n"
    assert result.conflicts == 1
    kinds = [r.kind for r in result.regions]
    assert kinds == [RegionKind.UNCHANGED, RegionKind.CONFLICT, RegionKind.UNCHANGED]
    conflict = result.regions[1]
    assert (conflict.base_text, conflict.ours_text, conflict.theirs_text) == ("change me\n", "ours\n", "theirs\n")
    assert conflict.result == range(1, 6) and conflict.text == result.text.splitlines(keepends=True)[1] + "ours\n=======\ntheirs\n>>>>>>> theirs\n"
    assert "".join(r.text for r in result.regions) == result.text


def test_styles_favours_labels_and_marker_size() -> None:
    diff3 = fast_diff.merge(BASE, OURS, THEIRS, style="diff3", labels=("HEAD", "", "topic"), marker_size=3)
    assert diff3.text == "keep\n<<< HEAD\nours\n|||\nchange me\n===\ntheirs\n>>> topic\nkeep too\n"
    union = fast_diff.merge(BASE, OURS, THEIRS, favor="union")
    assert (union.text, union.conflicts) == ("keep\nours\ntheirs\nkeep too\n", 0)
    assert [r.kind for r in union.regions][1] == RegionKind.RESOLVED
    assert fast_diff.merge(BASE, OURS, THEIRS, favor=fast_diff.MergeFavor.THEIRS).text == THEIRS
    assert fast_diff.merge(BASE, OURS, THEIRS, style=fast_diff.MergeStyle.ZDIFF3, algorithm="histogram").conflicts == 1


def test_the_result_is_the_type_of_the_inputs() -> None:
    merged = fast_diff.merge(b"a\x00\nb\n", bytearray(b"A\x00\nb\n"), memoryview(b"a\x00\nB\n"))
    # The two changes touch: one conflict, narrowed to nothing less than both lines.
    assert merged.text == b"<<<<<<< ours\nA\x00\nb\n=======\na\x00\nB\n>>>>>>> theirs\n"
    assert merged.conflicts == 1
    assert isinstance(merged.text, bytes) and isinstance(merged.regions[0].ours_text, bytes)
    clean = fast_diff.merge(b"x\n1\n2\n3\ny\n", b"X\n1\n2\n3\ny\n", b"x\n1\n2\n3\nY\n")
    assert (clean.text, clean.conflicts) == (b"X\n1\n2\n3\nY\n", 0)
    # Non-ASCII str: regions slice by characters.
    unicode = fast_diff.merge("é\n1\n2\n3\nü\n", "É\n1\n2\n3\nü\n", "é\n1\n2\n3\nÜ\n")
    assert unicode.text == "É\n1\n2\n3\nÜ\n"
    assert [r.text for r in unicode.regions] == ["É\n", "1\n2\n3\n", "Ü\n"]


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(TypeError):
        fast_diff.merge("a", b"a", "a")  # type: ignore[call-overload]
    with pytest.raises(ValueError):
        fast_diff.merge("a", "b", "c", style="diff4")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        fast_diff.merge("a", "b", "c", favor="mine")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        fast_diff.merge("a", "b", "c", marker_size=0)
    with pytest.raises(ValueError):
        fast_diff.merge("a", "b", "c", labels=("a\nb", "base", "theirs"))
    with pytest.raises(TypeError):
        fast_diff.merge("a", "b", "c", labels=("only one",))


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_identical_to_git_merge_file(tmp_path: Path) -> None:
    base = "".join(f"line {i}\n" for i in range(30))
    ours = base.replace("line 3\n", "three\n").replace("line 20\n", "ours 20\n")
    theirs = base.replace("line 20\n", "theirs 20\n").replace("line 28\n", "")
    for name, text in (("ours", ours), ("base", base), ("theirs", theirs)):
        (tmp_path / name).write_text(text)
    for style, flags in (("merge", []), ("diff3", ["--diff3"]), ("zdiff3", ["--zdiff3"])):
        git = subprocess.run(
            ["git", "merge-file", "-p", *flags, "-L", "ours", "-L", "base", "-L", "theirs", "ours", "base", "theirs"],
            cwd=tmp_path, capture_output=True, check=False, env={"GIT_CONFIG_NOSYSTEM": "1", "HOME": str(tmp_path)},
        )
        merged = fast_diff.merge(base, ours, theirs, style=style)  # type: ignore[arg-type]
        assert merged.text.encode() == git.stdout and merged.conflicts == git.returncode
