"""The edit_files tool (offered only with --root and --allow-write), and apply_patch's other formats and files."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from fastmcp import Client

from fast_diff_mcp import create_server
from fast_diff_mcp.cli import parse_args

pytestmark = pytest.mark.anyio


@pytest.fixture
def tree(tmp_path: Path) -> dict[str, Path]:
    root, other, outside = tmp_path / "root", tmp_path / "other", tmp_path / "outside"
    for directory in (root, root / "sub", other, outside):
        directory.mkdir()
    (root / "a.txt").write_bytes(b"one\ntwo\nthree\n")
    (root / "sub" / "b.txt").write_bytes(b"1\n2\n3\n")
    (root / "dos.txt").write_bytes(b"x\r\ny\r\n")
    (root / "bytes.bin").write_bytes(b"\xff\xfe\nkeep\n")
    os.chmod(root / "a.txt", 0o640)
    (other / "c.txt").write_bytes(b"c\n")
    (outside / "secret.txt").write_bytes(b"secret\n")
    (root / "escape.txt").symlink_to(outside / "secret.txt")
    (root / "escape-dir").symlink_to(outside, target_is_directory=True)
    os.mkfifo(root / "fifo")
    return {"root": root, "other": other, "outside": outside}


def snapshot(*dirs: Path) -> dict[str, bytes]:
    found = {}
    for directory in dirs:
        for path in sorted(directory.rglob("*")):
            if path.is_symlink() or not path.is_file():
                found[str(path)] = b"<not a file>"
            else:
                found[str(path)] = path.read_bytes()
    return found


def server(tree: dict[str, Path]) -> Any:
    return create_server(roots=[tree["root"], tree["other"]], allow_write=True)


async def edit(client: Client, **arguments: Any) -> Any:
    return await client.call_tool("edit_files", arguments, raise_on_error=False)


TWO_FILES = (
    "--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n three\n"
    "--- a/sub/b.txt\n+++ b/sub/b.txt\n@@\n 1\n-2\n+II\n 3\n"
)


async def test_offered_only_with_roots_and_allow_write(tree: dict[str, Path]) -> None:
    for made in (create_server(), create_server(roots=[tree["root"]]), create_server(allow_write=True)):
        async with Client(made) as client:
            assert "edit_files" not in {t.name for t in await client.list_tools()}
            assert (await edit(client, patch=TWO_FILES)).is_error
    assert snapshot(tree["root"])[str(tree["root"] / "a.txt")] == b"one\ntwo\nthree\n"
    async with Client(server(tree)) as client:
        tool = {t.name: t for t in await client.list_tools()}["edit_files"]
        assert tool.annotations is not None
        assert tool.annotations.destructive_hint is True and tool.annotations.idempotent_hint is False
        assert tool.annotations.read_only_hint is False
    assert parse_args(["--root", "x", "--allow-write"]).allow_write is True
    assert parse_args([]).allow_write is False


async def test_applies_across_files_keeping_modes_and_shows_the_diff(tree: dict[str, Path]) -> None:
    root = tree["root"]
    async with Client(server(tree)) as client:
        before = snapshot(root)
        dry = await edit(client, patch=TWO_FILES, dry_run=True)
        assert not dry.is_error, dry.content
        assert snapshot(root) == before
        assert dry.structured_content["written"] is False
        assert "-two\n+TWO\n" in dry.structured_content["diff"] and "-2\n+II\n" in dry.structured_content["diff"]
        done = await edit(client, patch=TWO_FILES)
        assert not done.is_error, done.content
        assert done.structured_content["written"] is True
        assert [f["path"] for f in done.structured_content["files"]] == ["a.txt", "sub/b.txt"]
    assert (root / "a.txt").read_bytes() == b"one\nTWO\nthree\n"
    assert (root / "sub" / "b.txt").read_bytes() == b"1\nII\n3\n"
    assert os.stat(root / "a.txt").st_mode & 0o7777 == 0o640
    assert not [p for p in root.rglob(".*fast-diff-*")], "no temporary file is left"


async def test_every_format_crlf_and_bytes(tree: dict[str, Path]) -> None:
    root = tree["root"]
    async with Client(server(tree)) as client:
        envelope = "*** Begin Patch\n*** Update File: dos.txt\n@@\n x\n-y\n+why\n*** Add File: new/made.txt\n+made\n*** End Patch\n"
        assert not (await edit(client, patch=envelope)).is_error
        blocks = "bytes.bin\n<<<<<<< SEARCH\nkeep\n=======\nkept\n>>>>>>> REPLACE\n"
        assert not (await edit(client, patch=blocks)).is_error
        replaced = await edit(client, edits=[{"path": "c.txt", "old_text": "c\n", "new_text": "C\n"}], root=str(tree["other"]))
        assert not replaced.is_error, replaced.content
    assert (root / "dos.txt").read_bytes() == b"x\r\nwhy\r\n"
    assert (root / "new" / "made.txt").read_bytes() == b"made\n"
    assert (root / "bytes.bin").read_bytes() == b"\xff\xfe\nkept\n"
    assert (tree["other"] / "c.txt").read_bytes() == b"C\n"


async def test_a_failure_anywhere_writes_nothing_and_names_it(tree: dict[str, Path]) -> None:
    root = tree["root"]
    failing = TWO_FILES.replace("-2\n", "-not there\n")
    async with Client(server(tree)) as client:
        before = snapshot(root, tree["outside"])
        result = await edit(client, patch=failing)
        assert result.is_error
        assert "sub/b.txt" in result.content[0].text
        assert snapshot(root, tree["outside"]) == before
        ambiguous = await edit(client, edits=[{"path": "a.txt", "old_text": "e", "new_text": "E"}])
        assert ambiguous.is_error and "several places (lines 1, 3" in ambiguous.content[0].text
        assert snapshot(root, tree["outside"]) == before


@pytest.mark.parametrize(
    "name",
    ["escape.txt", "escape-dir/secret.txt", "escape-dir/missing.txt", "../outside/secret.txt", "sub/../../outside/secret.txt", "fifo", "ABSOLUTE"],
)
async def test_nothing_outside_the_roots(tree: dict[str, Path], name: str) -> None:
    if name == "ABSOLUTE":
        name = str(tree["outside"] / "secret.txt")
    patch = TWO_FILES + f"--- {name}\n+++ {name}\n@@ -1 +1 @@\n-secret\n+changed\n"
    async with Client(server(tree)) as client:
        before = snapshot(tree["root"], tree["outside"])
        result = await edit(client, patch=patch)
        assert result.is_error
        assert "refused" in result.content[0].text and repr(name) in result.content[0].text, result.content[0].text
        assert snapshot(tree["root"], tree["outside"]) == before
        assert (tree["outside"] / "secret.txt").read_bytes() == b"secret\n"
        unknown = await edit(client, patch=TWO_FILES, root=str(tree["outside"]))
        assert unknown.is_error and snapshot(tree["root"], tree["outside"]) == before


async def test_apply_patch_takes_every_format_and_files() -> None:
    async with Client(create_server()) as client:
        blocks = "x.txt\n<<<<<<< SEARCH\nb\n=======\nB\n>>>>>>> REPLACE\n"
        one = await client.call_tool("apply_patch", {"patch": blocks, "original_text": "a\nb\n"}, raise_on_error=False)
        assert not one.is_error, one.content
        assert one.structured_content["text"] == "a\nB\n"
        envelope = "*** Begin Patch\n*** Update File: x.txt\n@@\n-b\n+B\n*** Delete File: y.txt\n*** End Patch\n"
        many = await client.call_tool(
            "apply_patch", {"patch": envelope, "files": {"x.txt": "a\nb\n", "y.txt": "gone\n"}}, raise_on_error=False
        )
        assert not many.is_error, many.content
        files = json.loads(many.content[0].text)["files"]
        assert files["x.txt"]["text"] == "a\nB\n" and files["y.txt"]["report"]["change"] == "deleted"
        missing = await client.call_tool("apply_patch", {"patch": envelope, "files": {"x.txt": "a\nb\n"}}, raise_on_error=False)
        assert missing.is_error and "y.txt" in missing.content[0].text
        # Lenient by default, strict on request.
        wrong = "--- a/x\n+++ b/x\n@@ -1,7 +1,7 @@\n a\n-b\n+B\n"
        lenient = await client.call_tool("apply_patch", {"patch": wrong, "original_text": "a\nb\n"}, raise_on_error=False)
        assert not lenient.is_error, lenient.content
        strict = await client.call_tool(
            "apply_patch", {"patch": wrong, "original_text": "a\nb\n", "strict": True}, raise_on_error=False
        )
        assert strict.is_error


async def test_a_file_with_several_names_is_refused_unless_allowed(tree: dict[str, Path]) -> None:
    root, outside = tree["root"], tree["outside"]
    os.link(root / "a.txt", outside / "a-too.txt")
    patch = "--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n three\n"
    async with Client(server(tree)) as client:
        before = snapshot(root, outside)
        for dry_run in (True, False):
            result = await edit(client, patch=patch, dry_run=dry_run)
            assert result.is_error
            assert "'a.txt' has 2 names (hard links)" in result.content[0].text, result.content[0].text
            assert "--allow-hard-links" in result.content[0].text
            assert snapshot(root, outside) == before
    allowed = create_server(roots=[root], allow_write=True, allow_hard_links=True)
    async with Client(allowed) as client:
        result = await edit(client, patch=patch)
        assert not result.is_error, result.content
    # Replaced by a rename: the other name keeps the old bytes.
    assert (root / "a.txt").read_bytes() == b"one\nTWO\nthree\n"
    assert (outside / "a-too.txt").read_bytes() == b"one\ntwo\nthree\n"
    assert parse_args(["--allow-hard-links"]).allow_hard_links is True


async def test_a_name_gained_after_reading_stops_the_write(tree: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    import fast_diff

    root, outside = tree["root"], tree["outside"]
    apply_edits = fast_diff.apply_edits

    def linking(*args: Any, **kwargs: Any) -> Any:
        os.link(root / "sub" / "b.txt", outside / "b-too.txt")
        return apply_edits(*args, **kwargs)

    monkeypatch.setattr(fast_diff, "apply_edits", linking)
    async with Client(server(tree)) as client:
        result = await edit(client, patch=TWO_FILES)
    assert result.is_error and "has 2 names (hard links)" in result.content[0].text, result.content[0].text
    assert "Nothing was written" in result.content[0].text
    assert (root / "a.txt").read_bytes() == b"one\ntwo\nthree\n"
    assert (root / "sub" / "b.txt").read_bytes() == b"1\n2\n3\n"


async def test_past_the_deadline_nothing_is_written(tree: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    import fast_diff

    root = tree["root"]
    apply_edits = fast_diff.apply_edits

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.05)  # past the deadline of 10 ms, whatever the machine's speed
        return apply_edits(*args, **kwargs)

    monkeypatch.setattr(fast_diff, "apply_edits", slow)
    before = snapshot(root)
    async with Client(create_server(roots=[root], allow_write=True, deadline_ms=10)) as client:
        result = await edit(client, patch=TWO_FILES)
        assert result.is_error
        assert "deadline of 10 ms" in result.content[0].text and "Nothing was written" in result.content[0].text
        assert snapshot(root) == before
        dry = await edit(client, patch=TWO_FILES, dry_run=True)  # writes nothing anyway: answered in full
        assert not dry.is_error, dry.content
    assert snapshot(root) == before
    assert not [p for p in root.rglob(".*fast-diff-*")]
