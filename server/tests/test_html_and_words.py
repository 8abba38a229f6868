"""The `diff` tool's 'html' output (an embedded text/html resource) and the word
diff's server-side deadline, through FastMCP's in-memory Client."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from fastmcp import Client
from mcp.types import EmbeddedResource, TextContent, TextResourceContents

from fast_diff_mcp import create_server
from fast_diff_mcp.limits import ConfigError, word_deadline_ms

pytestmark = pytest.mark.anyio


async def call(client: Client, **arguments: Any) -> Any:
    return await client.call_tool("diff", arguments, raise_on_error=False)


async def test_html_is_an_embedded_resource() -> None:
    async with Client(create_server()) as client:
        result = await call(
            client,
            original_text="keep\nthe quick fox\n",
            modified_text="keep\nthe slow fox\n<script>alert(1)</script>\n",
            output="html",
            layout="line-by-line",
            original_label="a/notes",
        )
        assert not result.is_error
        text, embedded = result.content
        assert isinstance(text, TextContent) and "embedded text/html resource" in text.text
        assert "1 hunk: 2 lines added, 1 removed" in text.text
        assert isinstance(embedded, EmbeddedResource)
        resource = embedded.resource
        assert isinstance(resource, TextResourceContents) and resource.mime_type == "text/html"
        page = resource.text
        assert page.startswith("<!DOCTYPE html>") and 'class="diff lbl"' in page
        assert "the <del>quick</del> fox" in page and "a/notes" in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>" not in page
        structured = result.structured_content
        assert structured["output"] == "html" and structured["coarsened"] is False
        assert "diff" not in structured and structured["lines_added"] == 2


async def test_diff_files_gives_a_page_too(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_bytes(b"keep\nthe quick fox\n\xff\n")
    (tmp_path / "new.txt").write_bytes(b"keep\nthe slow fox\n\xfe\n")
    async with Client(create_server(roots=[tmp_path])) as client:
        result = await client.call_tool(
            "diff_files", {"original_path": "old.txt", "modified_path": "new.txt", "output": "html"}
        )
        page = result.content[1].resource.text
        assert "the <del>quick</del> fox" in page and "\\xFF" in page and "\\xFE" in page
        assert result.structured_content["escaped_bytes"] is True


async def test_an_html_page_over_the_output_limit_is_left_out() -> None:
    async with Client(create_server()) as client:
        result = await call(client, original_text="a\n", modified_text="b\n", output="html", max_output_chars=100)
        assert len(result.content) == 1
        assert result.structured_content["truncated"] is True
        assert "more than max_output_chars (100)" in result.content[0].text


async def test_the_word_diff_deadline_coarsens_and_says_so() -> None:
    rng = random.Random(7)
    old = "".join(rng.choice("ab ") for _ in range(400_000)) + "\n"
    new = "".join(rng.choice("ab ") for _ in range(400_000)) + "\n"
    async with Client(create_server(word_deadline_ms=1)) as client:
        result = await call(client, original_text=old, modified_text=new, output="words", max_output_chars=2000)
        assert not result.is_error
        assert result.structured_content["coarsened"] is True
    async with Client(create_server()) as client:
        small = await call(client, original_text="the quick fox\n", modified_text="the slow fox\n", output="words")
        assert small.structured_content["coarsened"] is False
        unified = await call(client, original_text="a\n", modified_text="b\n")
        assert "coarsened" not in unified.structured_content


def test_the_deadline_is_configurable() -> None:
    assert word_deadline_ms({}) == 3000
    assert word_deadline_ms({"FAST_DIFF_WORD_DEADLINE_MS": "250"}) == 250
    with pytest.raises(ConfigError):
        word_deadline_ms({"FAST_DIFF_WORD_DEADLINE_MS": "0"})
    with pytest.raises(ConfigError):
        create_server(word_deadline_ms=0)
