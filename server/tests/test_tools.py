"""Tool behaviour and errors, through FastMCP's in-memory Client."""

from __future__ import annotations

import difflib
import random
import time
from typing import Any

import anyio
import pytest
from fastmcp import Client

import fast_diff
from fast_diff_mcp import create_server
from fast_diff_mcp.limits import DEFAULT_MAX_INPUT_BYTES, max_input_bytes, max_request_body_bytes
from fast_diff_mcp.text import split_lines
from fast_diff_mcp.stats import diff_stats

pytestmark = pytest.mark.anyio

SIMPLE_DIFF = "--- original\n+++ modified\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n"


async def call(client: Client, tool: str, **arguments: Any) -> Any:
    return await client.call_tool(tool, arguments, raise_on_error=False)


async def test_tools_are_listed_with_annotations_schema_and_descriptions() -> None:
    async with Client(create_server()) as client:
        tools = {tool.name: tool for tool in await client.list_tools()}
        # diff_files is offered only with --root (test_diff_files.py).
        assert set(tools) == {"diff", "diff_difflib", "apply_patch", "merge"}
        for tool in (tools["diff"], tools["diff_difflib"]):
            assert tool.annotations is not None
            assert tool.annotations.read_only_hint is True
            assert tool.annotations.idempotent_hint is True
            assert tool.annotations.open_world_hint is False
            assert tool.annotations.destructive_hint is False
            assert tool.output_schema is not None
            properties = tool.input_schema["properties"]
            assert tool.input_schema["required"] == ["original_text", "modified_text"]
            assert properties["context_lines"]["minimum"] == 0
            assert all(properties[name].get("description") for name in properties)
            assert "unified diff" in (tool.description or "")
        difflib_schema = tools["diff_difflib"].output_schema or {}
        assert set(difflib_schema["properties"]) == {"diff", "identical", "hunks", "lines_added", "lines_removed"}
        assert set(difflib_schema["required"]) == set(difflib_schema["properties"])
        # diff: the totals and the output's fields always, the rest as the output asks.
        diff_schema = tools["diff"].output_schema or {}
        assert set(diff_schema["required"]) == {
            "output", "identical", "hunks", "lines_added", "lines_removed", "similarity", "truncated",
            "deadline_passed", "total_chars", "shown_chars",
        }
        assert set(diff_schema["properties"]) - set(diff_schema["required"]) == {"diff", "hunk_list", "note", "coarsened"}
        assert tools["diff"].input_schema["properties"]["algorithm"]["enum"] == ["myers", "histogram", "patience"]
        assert "algorithm" not in tools["diff_difflib"].input_schema["properties"]
        assert "slow reference" in (tools["diff_difflib"].description or "")


async def test_the_server_is_named_and_versioned() -> None:
    async with Client(create_server()) as client:
        info = client.server_info
        assert info is not None
        assert (info.name, info.version) == ("fast-diff", fast_diff.__version__)


async def test_diff_returns_the_raw_diff_and_structured_content() -> None:
    async with Client(create_server()) as client:
        result = await call(client, "diff", original_text="a\nb\n", modified_text="a\nc\n")
        assert not result.is_error
        assert [block.type for block in result.content] == ["text"]
        assert result.content[0].text == SIMPLE_DIFF
        assert result.structured_content == {
            "output": "unified",
            "diff": SIMPLE_DIFF,
            "identical": False,
            "hunks": 1,
            "lines_added": 1,
            "lines_removed": 1,
            "similarity": 0.5,
            "truncated": False,
            "deadline_passed": False,
            "total_chars": len(SIMPLE_DIFF),
            "shown_chars": len(SIMPLE_DIFF),
        }


async def test_options_reach_the_engine() -> None:
    lines = [f"{i}\n" for i in range(1, 30)]
    old = "".join(lines)
    new = "".join(lines[:4] + ["five\n"] + lines[5:24] + lines[25:])
    async with Client(create_server()) as client:
        result = await call(
            client,
            "diff",
            original_text=old,
            modified_text=new,
            context_lines=0,
            original_label="a/n.txt",
            modified_label="b/n.txt",
            algorithm="patience",
        )
        expected = fast_diff.unified_diff(
            old, new, context_lines=0, old_label="a/n.txt", new_label="b/n.txt", algorithm="patience"
        )
        assert result.content[0].text == expected
        assert expected.startswith("--- a/n.txt\n+++ b/n.txt\n@@ -5 +5 @@\n")
        assert result.structured_content["diff"] == expected
        assert {k: result.structured_content[k] for k in ("identical", "hunks", "lines_added", "lines_removed")} == {
            "identical": False,
            "hunks": 2,
            "lines_added": 1,
            "lines_removed": 2,
        }


async def test_identical_texts() -> None:
    async with Client(create_server()) as client:
        for tool in ("diff", "diff_difflib"):
            result = await call(client, tool, original_text="same\n", modified_text="same\n")
            assert not result.is_error
            assert result.content[0].text == ""
            assert {k: result.structured_content[k] for k in ("diff", "identical", "hunks", "lines_added", "lines_removed")} == {
                "diff": "",
                "identical": True,
                "hunks": 0,
                "lines_added": 0,
                "lines_removed": 0,
            }


async def test_crlf_and_missing_newlines_are_kept() -> None:
    async with Client(create_server()) as client:
        result = await call(client, "diff", original_text="a\r\nb", modified_text="a\r\nc")
        assert result.content[0].text == (
            "--- original\n+++ modified\n@@ -1,2 +1,2 @@\n a\r\n-b\n\\ No newline at end of file\n+c\n"
            "\\ No newline at end of file\n"
        )


async def test_difflib_tool_is_difflib() -> None:
    old = "".join(f"line {i}\n" for i in range(40))
    new = old.replace("line 7\n", "seven\n").replace("line 30\n", "")
    async with Client(create_server()) as client:
        result = await call(client, "diff_difflib", original_text=old, modified_text=new, context_lines=2)
        expected = "".join(
            difflib.unified_diff(old.splitlines(True), new.splitlines(True), "original", "modified", n=2)
        )
        assert result.content[0].text == expected
        assert result.structured_content["hunks"] == 2
        # Where both are well defined, the two tools agree.
        fast = await call(client, "diff", original_text=old, modified_text=new, context_lines=2)
        assert fast.content[0].text == expected


async def test_difflib_tool_marks_a_missing_final_newline() -> None:
    # Without the marker difflib would run '-b' and '+c' into one line.
    async with Client(create_server()) as client:
        result = await call(client, "diff_difflib", original_text="a\nb", modified_text="a\nc")
        fast = await call(client, "diff", original_text="a\nb", modified_text="a\nc")
        assert result.content[0].text == fast.content[0].text


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"original_text": 5, "modified_text": "a"}, "original_text must be a string, not 5."),
        ({"original_text": "a", "modified_text": None}, "modified_text must be a string, not null."),
        ({"original_text": "a"}, "modified_text is missing: it is required."),
        ({"original_text": "a", "modified_text": "b", "context_lines": -1}, "context_lines must be an integer from 0 to 4294967295, not -1."),
        ({"original_text": "a", "modified_text": "b", "context_lines": "3"}, 'context_lines must be an integer from 0 to 4294967295, not "3".'),
        ({"original_text": "a", "modified_text": "b", "context_lines": 2**32}, "context_lines must be an integer from 0 to 4294967295, not 4294967296."),
        ({"original_text": "a", "modified_text": "b", "algorithm": "fastest"}, 'algorithm must be one of "myers", "histogram", "patience", not "fastest".'),
        ({"original_text": "a", "modified_text": "b", "original_label": "x\ny"}, 'original_label must be a string of one line (no CR or LF), not "x\\ny".'),
        ({"original_text": "a", "modified_text": "b", "unknown": 1}, "unknown is not a parameter of diff; it takes original_text, modified_text, original_label, "),
        # A lone surrogate (valid JSON, not valid Unicode) is refused, naming where it is.
        ({"original_text": "a\ud800", "modified_text": "b"}, "original_text is not valid Unicode: it holds a lone surrogate at index 1 (surrogates not allowed)"),
    ],
)
async def test_bad_requests_are_tool_errors_and_the_server_keeps_serving(arguments: dict[str, Any], message: str) -> None:
    async with Client(create_server()) as client:
        result = await call(client, "diff", **arguments)
        assert result.is_error
        assert message in result.content[0].text
        after = await call(client, "diff", original_text="a\nb\n", modified_text="a\nc\n")
        assert not after.is_error and after.content[0].text == SIMPLE_DIFF


async def test_invalid_arguments_are_told_one_line_each_without_pydantics_text() -> None:
    async with Client(create_server()) as client:
        result = await call(
            client, "diff", original_text="a", modified_text="b" * 100, context_lines=-1, ignore_case=1, output=None
        )
        assert result.is_error
        assert result.content[0].text.split("\n") == [
            "context_lines must be an integer from 0 to 4294967295, not -1.",
            'output must be one of "unified", "stats", "hunks", "words", "html", not null.',
            "ignore_case must be true or false, not 1.",
        ]
        # A long value is described, not quoted back.
        long_label = await call(client, "diff", original_text="a", modified_text="b", original_label="x\n" * 1000)
        assert long_label.content[0].text == (
            "original_label must be a string of one line (no CR or LF), not a string of 2,000 characters."
        )
        for tool, arguments in (("diff_difflib", {"original_text": []}), ("apply_patch", {"patch": "x", "originals": ["a"]})):
            text = (await call(client, tool, modified_text="b", **arguments)).content[0].text
            assert "pydantic" not in text and "validation error" not in text and "type=" not in text, text


async def test_every_parameter_has_one_plain_type() -> None:
    # The MCP Inspector's CLI types its arguments by a property's top-level
    # `type`: no anyOf, and no null default contradicting the type.
    async with Client(create_server(roots=["."])) as client:
        tools = await client.list_tools()
        assert {tool.name for tool in tools} == {"diff", "diff_difflib", "apply_patch", "merge", "diff_files"}
        for tool in tools:
            for name, schema in tool.input_schema["properties"].items():
                assert schema["type"] in ("string", "integer", "boolean", "object"), (tool.name, name, schema)
                assert "anyOf" not in schema and schema.get("default", "") is not None, (tool.name, name, schema)


async def test_over_the_limit_is_a_tool_error_that_says_how_to_raise_it() -> None:
    async with Client(create_server(max_input_bytes=1000)) as client:
        for tool in ("diff", "diff_difflib"):
            result = await call(client, tool, original_text="x" * 600, modified_text="é" * 201)
            assert result.is_error
            text = result.content[0].text
            assert "1,002 bytes" in text and "limit of 1,000 bytes" in text
            assert "FAST_DIFF_MAX_INPUT_BYTES" in text and "--max-input-bytes" in text
        at_limit = await call(client, "diff", original_text="x" * 500, modified_text="y" * 500)
        assert not at_limit.is_error


def test_limits_configuration() -> None:
    assert max_input_bytes({}) == DEFAULT_MAX_INPUT_BYTES == 64 * 1024 * 1024
    assert max_input_bytes({"FAST_DIFF_MAX_INPUT_BYTES": "1_000"}) == 1000
    for bad in ("", "ten", "-1", "0", "1.5"):
        with pytest.raises(ValueError, match="FAST_DIFF_MAX_INPUT_BYTES must be"):
            max_input_bytes({"FAST_DIFF_MAX_INPUT_BYTES": bad})
    # A request whose texts are within the limit, with a JSON escape in eight bytes, fits in a request
    # body; the body limit is not many times the input limit.
    body = max_request_body_bytes(DEFAULT_MAX_INPUT_BYTES)
    assert DEFAULT_MAX_INPUT_BYTES * 9 // 8 < body < DEFAULT_MAX_INPUT_BYTES * 5 // 4


def test_stats_count_exactly() -> None:
    rng = random.Random(3)
    alphabet = ["a\n", "+b\n", "-c\n", "@@ d\n", "--- e\n", "+++ f\n", "\\ g\n", "h", "\r\n", "\n"]
    for _ in range(300):
        old = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30)))
        new = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30)))
        diff = fast_diff.unified_diff(old, new, context_lines=rng.randrange(0, 4), old_label="--- x", new_label="+++ y")
        body = split_lines(diff)[2:]
        expected = (
            sum(line.startswith("@@ ") for line in body),
            sum(line.startswith("+") for line in body),
            sum(line.startswith("-") for line in body),
        )
        assert tuple(diff_stats(diff)) == (expected if diff else (0, 0, 0))


async def test_a_large_diff_does_not_stall_other_requests() -> None:
    # The large diff runs in a worker thread and the engine releases the GIL,
    # so small requests are answered while it runs.
    rng = random.Random(5)
    big_old = "".join(f"{rng.randrange(10**6)}\n" for _ in range(300_000))
    big_new = "".join(f"{rng.randrange(10**6)}\n" for _ in range(300_000))
    async with Client(create_server()) as client:
        finished: list[str] = []

        async def big() -> None:
            result = await call(client, "diff", original_text=big_old, modified_text=big_new)
            assert not result.is_error
            finished.append("big")

        async def small() -> None:
            await anyio.sleep(0.2)  # let the large request start
            for _ in range(5):
                result = await call(client, "diff", original_text="a\nb\n", modified_text="a\nc\n")
                assert result.content[0].text == SIMPLE_DIFF
            finished.append("small")

        started = time.perf_counter()
        async with anyio.create_task_group() as tasks:
            tasks.start_soon(big)
            tasks.start_soon(small)
        assert finished == ["small", "big"], f"after {time.perf_counter() - started:.2f}s"
