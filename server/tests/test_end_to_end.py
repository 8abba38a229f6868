"""The server as a real process, called by the MCP Python SDK's own client,
over streamable HTTP and over stdio, with the article's input size: two
texts of 10 million characters (a 20 MB request)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mcp import Client, StdioServerParameters
from servers import http_server

import fast_diff

pytestmark = pytest.mark.anyio

TEN_MILLION = 10_000_000
HTTP_LIMIT = 25_000_000  # above the 20 MB request, below 26 MB


def text_pair(size: int) -> tuple[str, str]:
    """Two texts of about ``size`` characters each, a few lines apart."""
    line = "The quick brown fox jumps over the lazy dog, line {:>8}; pack my box with five dozen jugs.\n"
    lines = [line.format(i) for i in range(size // len(line.format(0)) + 1)]
    new = list(lines)
    for k in range(5):  # five separate one-line changes
        i = 7 + k * (len(new) // 5)
        new[i] = new[i].replace("lazy", "idle")  # same length: both texts end alike
    return "".join(lines)[:size], "".join(new)[:size]


@pytest.fixture(scope="module")
def article_pair() -> tuple[str, str]:
    old, new = text_pair(TEN_MILLION)
    assert len(old) == len(new) == TEN_MILLION
    return old, new


@pytest.fixture(scope="module")
def http_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with http_server(tmp_path_factory.mktemp("http"), env={"FAST_DIFF_MAX_INPUT_BYTES": str(HTTP_LIMIT)}) as server:
        yield server.url


def check_article_result(result: Any, old: str, new: str) -> None:
    assert not result.is_error, result.content[0].text[:1000]
    expected = fast_diff.unified_diff(old, new)
    assert result.content[0].text == expected
    assert result.structured_content["diff"] == expected
    assert result.structured_content["identical"] is False
    assert result.structured_content["hunks"] == result.structured_content["lines_added"] == 5
    assert result.structured_content["lines_removed"] == 5


async def test_http_twenty_megabyte_request(http_url: str, article_pair: tuple[str, str]) -> None:
    old, new = article_pair
    async with Client(http_url) as client:
        tools = await client.list_tools()
        assert {tool.name for tool in tools.tools} == {"diff", "diff_difflib", "apply_patch", "merge"}
        result = await client.call_tool("diff", {"original_text": old, "modified_text": new})
        check_article_result(result, old, new)


async def test_http_over_the_limit_is_a_tool_error_not_a_413(http_url: str) -> None:
    old, new = text_pair(HTTP_LIMIT // 2 + 1000)
    async with Client(http_url) as client:
        result = await client.call_tool("diff", {"original_text": old, "modified_text": new})
        assert result.is_error
        assert f"limit of {HTTP_LIMIT:,} bytes" in result.content[0].text
        assert "FAST_DIFF_MAX_INPUT_BYTES" in result.content[0].text
        # ...and the server keeps serving.
        small = await client.call_tool("diff", {"original_text": "a\n", "modified_text": "b\n"})
        assert small.content[0].text == "--- original\n+++ modified\n@@ -1 +1 @@\n-a\n+b\n"


async def test_http_bad_request_is_a_tool_error(http_url: str) -> None:
    async with Client(http_url) as client:
        result = await client.call_tool("diff", {"original_text": "a", "modified_text": "b", "context_lines": -3})
        assert result.is_error
        assert "context_lines" in result.content[0].text


async def test_stdio_twenty_megabyte_request(article_pair: tuple[str, str]) -> None:
    old, new = article_pair
    server = StdioServerParameters(command=sys.executable, args=["-m", "fast_diff_mcp"])
    async with Client(server) as client:
        result = await client.call_tool("diff", {"original_text": old, "modified_text": new})
        check_article_result(result, old, new)
        identical = await client.call_tool("diff", {"original_text": old, "modified_text": old})
        assert identical.structured_content["identical"] is True
        bad = await client.call_tool("diff", {"original_text": old, "modified_text": new, "algorithm": "quick"})
        assert bad.is_error and "algorithm" in bad.content[0].text


async def test_stdio_diff_files_then_apply_patch_with_the_sdk_client(tmp_path: Path) -> None:
    # The agent's loop: diff two files of the root, apply the diff to the
    # first file's text, and be refused a path that leads out.
    root = tmp_path / "root"
    root.mkdir()
    old, new = "one\r\ntwo\nthree", "one\r\n2\nthree\nfour\n"
    (root / "old.txt").write_text(old, newline="")
    (root / "new.txt").write_text(new, newline="")
    (tmp_path / "secret.txt").write_text("secret\n")
    (root / "link.txt").symlink_to(tmp_path / "secret.txt")
    server = StdioServerParameters(command=sys.executable, args=["-m", "fast_diff_mcp", "--root", str(root)])
    async with Client(server) as client:
        tools = await client.list_tools()
        assert {tool.name for tool in tools.tools} == {"diff", "diff_difflib", "apply_patch", "merge", "diff_files"}
        diffed = await client.call_tool("diff_files", {"original_path": "old.txt", "modified_path": "new.txt"})
        assert not diffed.is_error
        patch = diffed.content[0].text
        assert patch == fast_diff.unified_diff(old, new, old_label="old.txt", new_label="new.txt")
        applied = await client.call_tool("apply_patch", {"original_text": old, "patch": patch})
        assert not applied.is_error and applied.structured_content["text"] == new
        assert applied.structured_content["report"]["path"] == "new.txt"
        again = await client.call_tool("apply_patch", {"original_text": new, "patch": patch})
        assert again.is_error and "already applied" in again.content[0].text
        refused = await client.call_tool("diff_files", {"original_path": "link.txt", "modified_path": "new.txt"})
        assert refused.is_error and "through a symbolic link" in refused.content[0].text
        refused = await client.call_tool("diff_files", {"original_path": "../secret.txt", "modified_path": "new.txt"})
        assert refused.is_error and "contains '..'" in refused.content[0].text


async def test_stdio_every_output_fits_the_schema_the_sdk_client_checks() -> None:
    # The SDK's client validates structured content against the tool's output
    # schema: every output, cut or not, must pass. The server's limit comes
    # from --max-output-chars.
    old = "".join(f"Line {i}\n" for i in range(300))
    new = old.replace("Line 7\n", "line 7\n").replace("Line 150\n", "changed\n")
    server = StdioServerParameters(command=sys.executable, args=["-m", "fast_diff_mcp", "--max-output-chars", "120"])
    async with Client(server) as client:
        await client.list_tools()
        for output in ("unified", "stats", "hunks", "words"):
            for arguments in ({}, {"ignore_case": True, "max_output_chars": 100_000}):
                result = await client.call_tool(
                    "diff", {"original_text": old, "modified_text": new, "output": output, **arguments}
                )
                assert not result.is_error, result.content[0].text
                structured = result.structured_content
                assert structured["output"] == output
                assert structured["hunks"] == 2 - ("ignore_case" in arguments)
                assert structured["truncated"] is (output != "stats" and not arguments)


def test_a_bad_root_stops_the_server_with_a_message(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "fast_diff_mcp", "--root", str(tmp_path / "missing")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith(f"fast-diff-mcp: --root {tmp_path / 'missing'}: No such file or directory")
