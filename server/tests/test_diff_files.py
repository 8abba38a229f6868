"""The diff_files tool: offered only with --root, and confined to the roots."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from fastmcp import Client

import fast_diff
from fast_diff_mcp import create_server
from fast_diff_mcp.cli import parse_args
from fast_diff_mcp.limits import ConfigError
from fast_diff_mcp.roots import PathRefused, Roots

pytestmark = pytest.mark.anyio


@pytest.fixture
def tree(tmp_path: Path) -> dict[str, Path]:
    """A root with files and links, a second root, and secrets outside both."""
    root, other, outside = tmp_path / "root", tmp_path / "other", tmp_path / "outside"
    for directory in (root, root / "sub", other, outside):
        directory.mkdir()
    (root / "old.txt").write_bytes(b"a\nb\nc\n")
    (root / "sub" / "new.txt").write_bytes(b"a\nB\nc\n")
    (root / "crlf.txt").write_bytes(b"a\r\nb\r\n")
    (root / "binary.bin").write_bytes(b"\xff\xfe\n\x00x\n")
    (other / "elsewhere.txt").write_bytes(b"a\nb\nc\nd\n")
    (outside / "secret.txt").write_bytes(b"secret\n")
    (root / "inner-link.txt").symlink_to(root / "sub" / "new.txt")
    (root / "relative-inner-link.txt").symlink_to(Path("sub") / "new.txt")
    (root / "escape.txt").symlink_to(outside / "secret.txt")
    (root / "relative-escape.txt").symlink_to(Path("..") / "outside" / "secret.txt")
    (root / "escape-dir").symlink_to(outside, target_is_directory=True)
    (root / "loop").symlink_to(root / "loop")
    os.mkfifo(root / "fifo")
    return {"root": root, "other": other, "outside": outside}


async def diff_files(client: Client, original: str, modified: str, **options: Any) -> Any:
    arguments = {"original_path": original, "modified_path": modified, **options}
    return await client.call_tool("diff_files", arguments, raise_on_error=False)


async def test_not_offered_without_a_root() -> None:
    async with Client(create_server()) as client:
        assert "diff_files" not in {tool.name for tool in await client.list_tools()}
        result = await client.call_tool("diff_files", {"original_path": "a", "modified_path": "b"}, raise_on_error=False)
        assert result.is_error


async def test_offered_with_its_roots_in_the_description(tree: dict[str, Path]) -> None:
    async with Client(create_server(roots=[tree["root"], tree["other"]])) as client:
        tools = {tool.name: tool for tool in await client.list_tools()}
        tool = tools["diff_files"]
        assert str(tree["root"]) in (tool.description or "") and str(tree["other"]) in (tool.description or "")
        assert tool.annotations is not None and tool.annotations.read_only_hint is True
        assert tool.input_schema["required"] == ["original_path", "modified_path"]
        assert tool.output_schema is not None
        assert {"diff", "original_path", "modified_path", "escaped_bytes"} <= set(tool.output_schema["properties"])
        assert "`diff_files`" in (client.instructions or "")
    async with Client(create_server()) as client:
        assert "apply_patch" in (client.instructions or "") and "diff_files" not in (client.instructions or "")


async def test_diffs_two_files_by_relative_and_absolute_path(tree: dict[str, Path]) -> None:
    root = tree["root"]
    async with Client(create_server(roots=[root, tree["other"]])) as client:
        result = await diff_files(client, "old.txt", "sub/new.txt")
        assert not result.is_error, result.content[0].text
        expected = fast_diff.unified_diff("a\nb\nc\n", "a\nB\nc\n", old_label="old.txt", new_label="sub/new.txt")
        assert result.content[0].text == expected
        structured = result.structured_content
        assert structured["diff"] == expected and structured["hunks"] == 1 and structured["escaped_bytes"] is False
        assert structured["original_path"] == str(root.resolve() / "old.txt")
        # Absolute paths in any root; labels and options as for `diff`.
        absolute = await diff_files(
            client,
            str(root / "old.txt"),
            str(tree["other"] / "elsewhere.txt"),
            context_lines=0,
            original_label="a/x",
            modified_label="b/x",
            algorithm="patience",
        )
        assert absolute.content[0].text == "--- a/x\n+++ b/x\n@@ -3,0 +4 @@\n+d\n"
        identical = await diff_files(client, "old.txt", "./old.txt")
        assert identical.structured_content["identical"] is True


async def test_labels_default_to_the_paths_as_given(tree: dict[str, Path]) -> None:
    async with Client(create_server(roots=[tree["root"]])) as client:
        properties = {t.name: t for t in await client.list_tools()}["diff_files"].input_schema["properties"]
        for name in ("original_label", "modified_label"):
            # Every string is a label: no default stands for "the path".
            assert properties[name]["type"] == "string" and "default" not in properties[name]
        for labels in ({}, {"original_label": None, "modified_label": None}):
            result = await diff_files(client, "old.txt", "./sub/new.txt", **labels)
            assert result.content[0].text.startswith("--- old.txt\n+++ ./sub/new.txt\n@@ ")
        empty = await diff_files(client, "old.txt", "sub/new.txt", original_label="", modified_label="b/new")
        assert empty.content[0].text.startswith("--- \n+++ b/new\n@@ ")


async def test_links_that_stay_inside_are_followed(tree: dict[str, Path]) -> None:
    async with Client(create_server(roots=[tree["root"]])) as client:
        for link in ("inner-link.txt", "relative-inner-link.txt"):
            result = await diff_files(client, "old.txt", link)
            assert not result.is_error
            assert result.structured_content["modified_path"] == str(tree["root"].resolve() / "sub" / "new.txt")


async def test_bytes_are_diffed_as_they_are(tree: dict[str, Path]) -> None:
    async with Client(create_server(roots=[tree["root"]])) as client:
        crlf = await diff_files(client, "crlf.txt", "old.txt")
        assert "-a\r\n-b\r\n" in crlf.content[0].text and crlf.structured_content["escaped_bytes"] is False
        binary = await diff_files(client, "old.txt", "binary.bin")
        assert "+\\xff\\xfe\n+\x00x\n" in binary.content[0].text
        assert binary.structured_content["escaped_bytes"] is True


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("../outside/secret.txt", "contains '..'"),
        ("sub/../../outside/secret.txt", "contains '..'"),
        ("sub/../old.txt", "contains '..'"),  # even when it would stay inside
        ("/etc/passwd", "is outside the directories this server may read"),
        ("{outside}/secret.txt", "is outside the directories this server may read"),
        ("escape.txt", "leads outside the directories this server may read through a symbolic link"),
        ("relative-escape.txt", "leads outside the directories this server may read through a symbolic link"),
        ("escape-dir/secret.txt", "leads outside the directories this server may read through a symbolic link"),
        ("{root}/escape-dir/secret.txt", "leads outside the directories this server may read through a symbolic link"),
        ("missing.txt", "does not exist"),
        ("sub", "is a directory"),
        ("fifo", "is not a regular file"),
        ("loop", "cannot be resolved"),
        ("", "the path is empty"),
        ("old.txt\0x", "contains a NUL character"),
    ],
)
async def test_refused_paths_are_tool_errors_that_say_why(tree: dict[str, Path], path: str, reason: str) -> None:
    path = path.format(root=tree["root"], outside=tree["outside"])
    async with Client(create_server(roots=[tree["root"]])) as client:
        for arguments in ((path, "old.txt"), ("old.txt", path)):
            result = await diff_files(client, *arguments)
            assert result.is_error
            message = result.content[0].text
            assert reason in message, message
            assert f"diff_files reads only regular files inside {tree['root'].resolve()}" in message
            assert "secret" not in message.replace(path, "")  # nothing from outside is shown


async def test_files_over_the_limit_are_refused(tree: dict[str, Path]) -> None:
    async with Client(create_server(max_input_bytes=10, roots=[tree["root"]])) as client:
        result = await diff_files(client, "old.txt", "sub/new.txt")  # 6 + 6 bytes
        message = result.content[0].text
        assert result.is_error and "'sub/new.txt' is 6 bytes, more than the 4 bytes left of this server's input limit of 10 bytes" in message
        assert "FAST_DIFF_MAX_INPUT_BYTES" in message
    async with Client(create_server(max_input_bytes=12, roots=[tree["root"]])) as client:
        at_limit = await diff_files(client, "old.txt", "sub/new.txt")
        assert not at_limit.is_error


def test_roots_are_checked_when_the_server_starts(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(ConfigError, match="not a directory"):
        Roots([tmp_path / "file"])
    with pytest.raises(ConfigError, match="No such file or directory"):
        Roots([tmp_path / "missing"])
    assert not Roots([])
    assert parse_args(["--root", "a", "--root", "b"]).root == ["a", "b"]
    assert parse_args([]).root == []


def test_a_root_reached_through_a_link_is_the_same_root(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "f").write_text("x\n")
    (tmp_path / "alias").symlink_to(tmp_path / "real", target_is_directory=True)
    roots = Roots([tmp_path / "alias"])
    for spelling in ("f", str(tmp_path / "alias" / "f"), str(tmp_path / "real" / "f")):
        assert roots.resolve(spelling) == (tmp_path / "real" / "f").resolve()
    with pytest.raises(PathRefused):
        roots.resolve(str(tmp_path / "f"))


async def test_an_outside_path_behind_a_directory_link_is_refused_alike_whether_it_exists_or_not(
    tree: dict[str, Path],
) -> None:
    async with Client(create_server(roots=[tree["root"]])) as client:
        answers = []
        for path in ("escape-dir/secret.txt", "escape-dir/no-such-file.txt", "escape-dir/no/such/dir.txt"):
            result = await diff_files(client, path, "old.txt")
            assert result.is_error
            answers.append(result.content[0].text.replace(path, "PATH"))
        assert len(set(answers)) == 1 and "leads outside" in answers[0]


async def test_a_file_with_several_names_is_refused_unless_allowed(tree: dict[str, Path]) -> None:
    os.link(tree["outside"] / "secret.txt", tree["root"] / "hard-link.txt")
    async with Client(create_server(roots=[tree["root"]])) as client:
        result = await diff_files(client, "hard-link.txt", "old.txt")
        assert result.is_error
        assert "'hard-link.txt' has 2 names (hard links)" in result.content[0].text
        assert "--allow-hard-links" in result.content[0].text
    async with Client(create_server(roots=[tree["root"]], allow_hard_links=True)) as client:
        result = await diff_files(client, "hard-link.txt", "old.txt")
        assert not result.is_error and "-secret\n" in result.content[0].text
    assert parse_args(["--allow-hard-links"]).allow_hard_links and not parse_args([]).allow_hard_links
