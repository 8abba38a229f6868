"""The merge tool, through FastMCP's in-memory Client."""

from __future__ import annotations

from typing import Any

import pytest
from fastmcp import Client

from fast_diff_mcp import create_server

pytestmark = pytest.mark.anyio

BASE = "one\ntwo\nthree\nfour\nfive\nsix\nseven\n"
OURS = "ONE\ntwo\nthree\n4\nfive\nsix\nseven\n"
THEIRS = "one\ntwo\nthree\nvier\nfive\nsix\nSEVEN\n"


async def call(client: Client, **arguments: Any) -> Any:
    return await client.call_tool("merge", arguments, raise_on_error=False)


async def test_the_tool_is_listed_read_only_with_plain_parameters() -> None:
    async with Client(create_server()) as client:
        tool = {t.name: t for t in await client.list_tools()}["merge"]
        assert tool.annotations is not None and tool.annotations.read_only_hint is True
        properties = tool.input_schema["properties"]
        assert tool.input_schema["required"] == ["base_text", "ours_text", "theirs_text"]
        assert set(properties) == {
            "base_text", "ours_text", "theirs_text", "style", "favor", "ours_label", "base_label", "theirs_label",
            "marker_size", "algorithm",
        }
        assert all(properties[name].get("description") and "anyOf" not in properties[name] for name in properties)
        assert properties["favor"]["default"] == "none" and properties["marker_size"]["default"] == 7
        assert tool.output_schema is not None
        assert set(tool.output_schema["properties"]) == {"conflicts", "clean", "conflict_regions"}


async def test_conflicts_are_marked_and_located() -> None:
    async with Client(create_server()) as client:
        result = await call(client, base_text=BASE, ours_text=OURS, theirs_text=THEIRS)
        assert not result.is_error
        text = result.content[0].text
        assert text == "ONE\ntwo\nthree\n<<<<<<< ours\n4\n=======\nvier\n>>>>>>> theirs\nfive\nsix\nSEVEN\n"
        structured = result.structured_content
        assert (structured["conflicts"], structured["clean"]) == (1, False)
        (region,) = structured["conflict_regions"]
        lines = text.splitlines()
        assert lines[region["start_line"] - 1] == "<<<<<<< ours" and lines[region["end_line"] - 1] == ">>>>>>> theirs"
        assert (region["ours"], region["base"], region["theirs"]) == ("4\n", "four\n", "vier\n")
        assert (region["ours_start_line"], region["theirs_start_line"]) == (4, 4)


async def test_styles_favours_and_labels() -> None:
    async with Client(create_server()) as client:
        diff3 = await call(
            client, base_text=BASE, ours_text=OURS, theirs_text=THEIRS, style="diff3", ours_label="HEAD",
            theirs_label="topic", marker_size=3,
        )
        assert "<<< HEAD\n4\n||| base\nfour\n===\nvier\n>>> topic\n" in diff3.content[0].text
        union = await call(client, base_text=BASE, ours_text=OURS, theirs_text=THEIRS, favor="union")
        assert union.content[0].text == "ONE\ntwo\nthree\n4\nvier\nfive\nsix\nSEVEN\n"
        assert union.structured_content == {"conflicts": 0, "clean": True, "conflict_regions": []}


async def test_bad_arguments_are_short_errors() -> None:
    async with Client(create_server()) as client:
        for arguments in (
            {"style": "diff4"},
            {"favor": "mine"},
            {"marker_size": 0},
            {"ours_label": "two\nlines"},
        ):
            result = await call(client, base_text=BASE, ours_text=OURS, theirs_text=THEIRS, **arguments)
            assert result.is_error, arguments
            (name,) = arguments
            assert name in result.content[0].text
