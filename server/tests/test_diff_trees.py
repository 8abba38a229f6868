"""diff_files on two directories: the multi-file diff (as diff -ruN and git diff --no-index write them), each
file's counts, confinement to the roots, and the output limit; checked against GNU patch and git apply, which
must recreate the modified directory from the diff."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from fastmcp import Client

from fast_diff_mcp import create_server

pytestmark = pytest.mark.anyio


def build(root: Path, files: dict[str, bytes | str]) -> None:
    for path, content in files.items():
        at = root / path
        at.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str) and content.startswith("->"):
            at.symlink_to(content[2:])
        else:
            at.write_bytes(content if isinstance(content, bytes) else content.encode())


@pytest.fixture
def trees(tmp_path: Path) -> Path:
    """A root with two directories to compare, and a secret outside it."""
    root = tmp_path / "root"
    build(
        root / "old",
        {
            "same.txt": "same\n",
            "changed.txt": "a\nb\nc\n",
            "gone.txt": "gone\n",
            "sub/deep.txt": "deep\nold\n",
            "only_old/x.txt": "x\n",
            "run.sh": "#!/bin/sh\necho\n",
            "bin.dat": b"\0old\n",
            "latin1.txt": b"caf\xe9\n",
            "link": "->same.txt",
            "escape": "->../../outside/secret.txt",
        },
    )
    build(
        root / "new",
        {
            "same.txt": "same\n",
            "changed.txt": "a\nB\nc\n",
            "new.txt": "brand\nnew\n",
            "sub/deep.txt": "deep\nnew\n",
            "sub/added/more.txt": "more\n",
            "run.sh": "#!/bin/sh\necho\n",
            "bin.dat": b"\0new\n",
            "latin1.txt": b"caf\xe8\n",
            "link": "->changed.txt",
        },
    )
    os.chmod(root / "new" / "run.sh", 0o755)
    build(tmp_path / "outside", {"secret.txt": "secret\n"})
    return root


async def diff_files(client: Client, original: str, modified: str, **options: Any) -> Any:
    arguments = {"original_path": original, "modified_path": modified, **options}
    return await client.call_tool("diff_files", arguments, raise_on_error=False)


async def test_two_directories_as_diff_ruN(trees: Path) -> None:
    async with Client(create_server(roots=[trees])) as client:
        result = await diff_files(client, "old", "new")
        assert not result.is_error, result.content[0].text
        text = result.content[0].text
        assert "--- old/changed.txt\n+++ new/changed.txt\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n" in text
        assert "--- old/gone.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-gone\n" in text
        assert "--- /dev/null\n+++ new/sub/added/more.txt\n" in text
        assert "Binary files old/bin.dat and new/bin.dat differ\n" in text
        assert "same.txt" not in text and "secret" not in text
        # Depth first, names in byte order, as diff -ruN walks them.
        order = [f["path"] for f in result.structured_content["files"]]
        assert order == [
            "bin.dat", "changed.txt", "gone.txt", "latin1.txt", "new.txt", "only_old/x.txt", "sub/added/more.txt",
            "sub/deep.txt",
        ]
        s = result.structured_content
        files = {f["path"]: f for f in s["files"]}
        assert files["changed.txt"] == {
            "path": "changed.txt", "status": "modified", "binary": False, "hunks": 1, "lines_added": 1,
            "lines_removed": 1, "old_mode": "100644", "new_mode": "100644",
        }
        assert files["gone.txt"]["status"] == "deleted" and files["new.txt"]["status"] == "added"
        assert files["only_old/x.txt"]["status"] == "deleted"
        assert files["bin.dat"]["binary"] is True
        assert "run.sh" not in files  # only its mode changed: not a difference of diff -ruN
        assert s["identical_files"] == 2  # same.txt, run.sh
        assert {entry["path"] for entry in s["skipped"]} == {"link", "escape"}
        assert s["escaped_bytes"] is True  # latin1.txt
        assert s["hunks"] == sum(f["hunks"] for f in s["files"]) and s["diff"] == text


async def test_git_style_and_git_apply(trees: Path) -> None:
    async with Client(create_server(roots=[trees])) as client:
        result = await diff_files(client, str(trees / "old"), str(trees / "new"), style="git")
        text = result.content[0].text
        assert "diff --git a/changed.txt b/changed.txt\n--- a/changed.txt\n+++ b/changed.txt\n" in text
        assert "diff --git a/gone.txt b/gone.txt\ndeleted file mode 100644\n--- a/gone.txt\n+++ /dev/null\n" in text
        assert "diff --git a/new.txt b/new.txt\nnew file mode 100644\n--- /dev/null\n+++ b/new.txt\n" in text
        assert "diff --git a/run.sh b/run.sh\nold mode 100644\nnew mode 100755\n" in text
        assert {f["path"]: f["new_mode"] for f in result.structured_content["files"]}["run.sh"] == "100755"
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    # Without the files git apply cannot take (binary, not UTF-8) and the
    # links diff_files does not follow, git apply recreates the new tree.
    without_what_patches_cannot_carry(trees)
    async with Client(create_server(roots=[trees])) as client:
        text = (await diff_files(client, "old", "new", style="git")).content[0].text
    patched = applied(trees, text, ["git", "apply", "../tree.patch"])
    assert tree_of(patched) == tree_of(trees / "new")


def without_what_patches_cannot_carry(trees: Path) -> None:
    """Leaves out the binary file, the one not in UTF-8 and the links diff_files does not follow."""
    for side in ("old", "new"):
        for name in ("bin.dat", "latin1.txt", "link", "escape"):
            (trees / side / name).unlink(missing_ok=True)


async def test_gnu_patch_recreates_the_files(trees: Path) -> None:
    if shutil.which("patch") is None:
        pytest.skip("GNU patch is not installed")
    without_what_patches_cannot_carry(trees)
    async with Client(create_server(roots=[trees])) as client:
        text = (await diff_files(client, "old", "new")).content[0].text
    patched = applied(trees, text, ["patch", "-p1", "--quiet", "--force", "-i", "../tree.patch"])
    assert {p: c for p, (c, _) in tree_of(patched).items()} == {p: c for p, (c, _) in tree_of(trees / "new").items()}


def applied(trees: Path, patch: str, command: list[str]) -> Path:
    """A copy of the old directory with ``patch`` applied by ``command`` (run inside the copy)."""
    patched = trees.parent / "patched"
    shutil.copytree(trees / "old", patched, symlinks=True)
    (patched.parent / "tree.patch").write_text(patch)
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
    subprocess.run(command, cwd=patched, check=True, env=env)
    return patched


def tree_of(root: Path) -> dict[str, tuple[bytes, bool]]:
    """Every file below root (empty directories aside): its bytes and whether its owner may run it."""
    return {
        str(path.relative_to(root)): (path.read_bytes(), bool(path.stat().st_mode & 0o100))
        for path in root.rglob("*")
        if path.is_file()
    }


async def test_stats_per_file(trees: Path) -> None:
    async with Client(create_server(roots=[trees])) as client:
        result = await diff_files(client, "old", "new", output="stats")
        text = result.content[0].text
        assert "modified changed.txt: 1 hunk, +1 -1\n" in text
        assert "deleted gone.txt: 1 hunk, +0 -1\n" in text
        assert "modified bin.dat: binary, differs\n" in text
        assert text.endswith(" removed.\n") and "2 the same, 2 skipped" in text
        assert "diff" not in result.structured_content
        assert len(result.structured_content["files"]) == 8


async def test_the_output_limit_cuts_between_lines(trees: Path) -> None:
    async with Client(create_server(roots=[trees])) as client:
        whole = (await diff_files(client, "old", "new")).structured_content
        cut = await diff_files(client, "old", "new", max_output_chars=120)
        s = cut.structured_content
        assert s["truncated"] is True and s["shown_chars"] <= 120 and s["total_chars"] == whole["total_chars"]
        assert whole["diff"].startswith(s["diff"]) and s["diff"].endswith("\n")
        assert "[Output cut at max_output_chars=120" in cut.content[0].text
        assert s["files"] == whole["files"]  # the counts are never cut


async def test_confinement_and_refusals(trees: Path, tmp_path: Path) -> None:
    (trees / "escape_dir").symlink_to(tmp_path / "outside", target_is_directory=True)
    async with Client(create_server(roots=[trees])) as client:
        for original, modified, reason in [
            ("old", "../outside", "contains '..'"),
            ("old", str(tmp_path / "outside"), "is outside the directories this server may read"),
            ("old", "escape_dir", "leads outside the directories this server may read through a symbolic link"),
            ("old", "new/changed.txt", "'old' is a directory and 'new/changed.txt' is not"),
            ("new/changed.txt", "old", "'old' is a directory and 'new/changed.txt' is not"),
        ]:
            result = await diff_files(client, original, modified)
            assert result.is_error, (original, modified)
            assert reason in result.content[0].text
            assert "secret" not in result.content[0].text
        words = await diff_files(client, "old", "new", output="words")
        assert words.is_error and "output must be 'unified' or 'stats' for two directories" in words.content[0].text


async def test_the_input_limit_counts_every_file(trees: Path) -> None:
    async with Client(create_server(roots=[trees], max_input_bytes=40)) as client:
        result = await diff_files(client, "old", "new")
        assert result.is_error and "FAST_DIFF_MAX_INPUT_BYTES" in result.content[0].text


async def test_git_style_for_two_files(trees: Path) -> None:
    async with Client(create_server(roots=[trees])) as client:
        result = await diff_files(client, "old/changed.txt", "new/changed.txt", style="git")
        assert result.content[0].text.startswith(
            "diff --git a/old/changed.txt b/new/changed.txt\n--- a/old/changed.txt\n+++ b/new/changed.txt\n@@ "
        )
        same = await diff_files(client, "old/same.txt", "new/same.txt", style="git")
        assert same.content[0].text == "" and same.structured_content["identical"] is True
