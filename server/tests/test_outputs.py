"""The `diff` tool's outputs, comparison modes and max_output_chars, through FastMCP's in-memory Client."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from fastmcp import Client

import fast_diff
from fast_diff_mcp import create_server
from fast_diff_mcp.cli import parse_args
from fast_diff_mcp.limits import ConfigError, max_output_chars
from fast_diff_mcp.text import split_lines

pytestmark = pytest.mark.anyio

MODES = ("ignore_space_change", "ignore_all_space", "ignore_blank_lines", "ignore_case", "strip_trailing_cr")
OUTPUTS = ("unified", "stats", "hunks", "words")

OLD = "".join(f"line {i}\n" for i in range(60))
NEW = OLD.replace("line 5\n", "five\n").replace("line 30\n", "line thirty\nmore\n").replace("line 50\n", "")


async def call(client: Client, tool: str = "diff", **arguments: Any) -> Any:
    result = await client.call_tool(tool, arguments, raise_on_error=False)
    if not result.is_error:
        # Every answer fits the schema the tool declares, whatever the output.
        schema = {t.name: t for t in await client.list_tools()}[tool].output_schema
        jsonschema.validate(result.structured_content, schema)
    return result


def totals(stats: fast_diff.DiffStats) -> dict[str, Any]:
    return {
        "identical": stats.identical,
        "hunks": stats.hunks,
        "lines_added": stats.lines_added,
        "lines_removed": stats.lines_removed,
        "similarity": stats.similarity,
    }


def hunk_list(hunks: list[fast_diff.Hunk[str]]) -> list[dict[str, Any]]:
    return [
        {
            "header": h.header,
            "old_start": h.old_start,
            "old_count": h.old_count,
            "new_start": h.new_start,
            "new_count": h.new_count,
            "lines": [
                {"kind": l.kind.value, "old_line": l.old_line, "new_line": l.new_line, "text": l.text, "no_newline": l.no_newline}
                for l in h.lines
            ],
        }
        for h in hunks
    ]


async def test_the_inputs_are_described() -> None:
    async with Client(create_server()) as client:
        properties = {t.name: t for t in await client.list_tools()}["diff"].input_schema["properties"]
        assert properties["output"]["enum"] == [*OUTPUTS, "html"] and properties["output"]["default"] == "unified"
        assert properties["granularity"]["enum"] == ["words", "chars", "graphemes"]
        assert properties["layout"]["enum"] == ["side-by-side", "line-by-line"]
        for name in MODES:
            assert properties[name]["type"] == "boolean" and properties[name]["default"] is False
        limit = properties["max_output_chars"]
        assert (limit["type"], limit["default"], limit["minimum"]) == ("integer", 0, 0) and "anyOf" not in limit
        assert "0 (default): the server's limit" in limit["description"]


async def test_unified_output() -> None:
    async with Client(create_server()) as client:
        result = await call(client, original_text=OLD, modified_text=NEW, context_lines=1)
        expected = fast_diff.unified_diff(OLD, NEW, context_lines=1)
        assert result.content[0].text == expected
        assert result.structured_content == {
            "output": "unified",
            **totals(fast_diff.diff_stats(OLD, NEW, context_lines=1)),
            "truncated": False,
            "deadline_passed": False,
            "total_chars": len(expected),
            "shown_chars": len(expected),
            "diff": expected,
        }


async def test_stats_output() -> None:
    async with Client(create_server()) as client:
        result = await call(client, original_text=OLD, modified_text=NEW, output="stats")
        stats = fast_diff.diff_stats(OLD, NEW)
        assert result.content[0].text == "3 hunks: 3 lines added, 3 removed; similarity 0.9500 (difflib's ratio over lines).\n"
        assert result.structured_content == {
            "output": "stats",
            **totals(stats),
            "truncated": False,
            "deadline_passed": False,
            "total_chars": len(result.content[0].text),
            "shown_chars": len(result.content[0].text),
        }
        same = await call(client, original_text="a\n", modified_text="a\n", output="stats")
        assert same.structured_content["identical"] is True and same.content[0].text.startswith("No differences")


async def test_hunks_output_numbers_every_line() -> None:
    async with Client(create_server()) as client:
        result = await call(client, original_text="one\ntwo\nthree", modified_text="zero\none\nTWO\nthree\n", output="hunks")
        assert result.content[0].text == (
            "--- original\n+++ modified\n@@ -1,3 +1,4 @@\n"
            "  1 +zero\n"
            "1 2  one\n"
            "2   -two\n"
            "3   -three\n"
            "\\ No newline at end of file\n"
            "  3 +TWO\n"
            "  4 +three\n"
        )
        expected = fast_diff.diff_hunks("one\ntwo\nthree", "zero\none\nTWO\nthree\n")
        assert result.structured_content["hunk_list"] == hunk_list(expected)
        assert "diff" not in result.structured_content and "note" not in result.structured_content
        wide = await call(client, original_text=OLD, modified_text=NEW, output="hunks", context_lines=0)
        assert " 6    -line 5\n    6 +five\n" in wide.content[0].text


async def test_words_output() -> None:
    async with Client(create_server()) as client:
        old, new = "the quick brown fox\ncafé\n", "the slow brown fox\ncafe\n"
        for granularity in ("words", "chars", "graphemes"):
            result = await call(client, original_text=old, modified_text=new, output="words", granularity=granularity)
            expected = fast_diff.word_diff(old, new, granularity=granularity).text
            assert result.content[0].text == expected == result.structured_content["diff"]
        assert "caf[-é-]{+e+}" in result.content[0].text  # graphemes: é is one


@pytest.mark.parametrize("output", OUTPUTS)
async def test_identical_texts(output: str) -> None:
    async with Client(create_server()) as client:
        result = await call(client, original_text="same\n", modified_text="same\n", output=output)
        assert result.structured_content["identical"] is True and result.structured_content["hunks"] == 0
        assert result.structured_content["similarity"] == 1.0
        if output != "stats":
            assert result.content[0].text == ""


@pytest.mark.parametrize(
    ("mode", "old", "new"),
    [
        ("ignore_space_change", "a  b\n", "a b \n"),
        ("ignore_all_space", "a b\n", "ab\n"),
        ("ignore_blank_lines", "a\nb\n", "a\n\nb\n"),
        ("ignore_case", "Hello\n", "hello\n"),
        ("strip_trailing_cr", "a\r\n", "a\n"),
    ],
)
@pytest.mark.parametrize("output", OUTPUTS)
async def test_each_mode_reaches_the_engine(mode: str, old: str, new: str, output: str) -> None:
    # With the mode, the change is ignored; the real lines are still shown
    # for the change that is not (in a hunk of its own: -B shows blank lines
    # inside a hunk shown for other changes).
    old, new = f"{old}x\nsame\n", f"{new}y\nsame\n"
    options: dict[str, Any] = {"output": output, "context_lines": 0}
    async with Client(create_server()) as client:
        with_mode = await call(client, original_text=old, modified_text=new, **options, **{mode: True})
        without = await call(client, original_text=old, modified_text=new, **options)
        changed = [r.structured_content["lines_added"] + r.structured_content["lines_removed"] for r in (with_mode, without)]
        assert changed[0] == 2 < changed[1]  # only x -> y is left
        engine: dict[str, Any] = {"context_lines": 0, mode: True}
        if output == "unified":
            assert with_mode.content[0].text == fast_diff.unified_diff(old, new, **engine)
        if output == "hunks":
            assert with_mode.structured_content["hunk_list"] == hunk_list(fast_diff.diff_hunks(old, new, **engine))
        if output == "words":
            assert with_mode.content[0].text == fast_diff.word_diff(old, new, **engine).text


async def test_mode_combinations() -> None:
    old, new = "A b\r\n\nc  d\nx\n", "a  b\nc d\r\n\n\ny\n"
    async with Client(create_server()) as client:
        for values in itertools.product([False, True], repeat=len(MODES)):
            modes = dict(zip(MODES, values))
            result = await call(client, original_text=old, modified_text=new, output="hunks", context_lines=0, **modes)
            assert result.structured_content["hunk_list"] == hunk_list(fast_diff.diff_hunks(old, new, context_lines=0, **modes))
            assert result.structured_content["hunks"] == fast_diff.diff_stats(old, new, context_lines=0, **modes).hunks


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"output": "pdf"}, 'output must be one of "unified", "stats", "hunks", "words", "html", not "pdf".'),
        ({"granularity": "lines"}, 'granularity must be one of "words", "chars", "graphemes", not "lines".'),
        ({"ignore_case": "yes"}, 'ignore_case must be true or false, not "yes".'),
        ({"max_output_chars": -1}, "max_output_chars must be an integer of at least 0, not -1."),
        ({"max_output_chars": "10"}, 'max_output_chars must be an integer of at least 0, not "10".'),
    ],
)
async def test_bad_choices_are_tool_errors(arguments: dict[str, Any], message: str) -> None:
    async with Client(create_server()) as client:
        result = await client.call_tool("diff", {"original_text": "a", "modified_text": "b", **arguments}, raise_on_error=False)
        assert result.is_error and message in result.content[0].text


# ---- max_output_chars ----------------------------------------------------------


@pytest.mark.parametrize("output", ["unified", "hunks", "words"])
async def test_a_long_output_is_cut_at_a_line_boundary_with_a_note(output: str) -> None:
    async with Client(create_server()) as client:
        whole = (await call(client, original_text=OLD, modified_text=NEW, output=output)).content[0].text
        lines = split_lines(whole)
        for limit in (1, 30, 200, 250, len(whole) - 1, len(whole), len(whole) + 1):
            result = await call(client, original_text=OLD, modified_text=NEW, output=output, max_output_chars=limit)
            structured = result.structured_content
            assert structured["total_chars"] == len(whole)
            if limit >= len(whole):
                assert result.content[0].text == whole and structured["truncated"] is False and "note" not in structured
                continue
            # The longest run of whole lines that fits, then the note.
            kept = 0
            while sum(len(line) for line in lines[: kept + 1]) <= limit:
                kept += 1
            shown = "".join(lines[:kept])
            assert structured["truncated"] is True and structured["shown_chars"] == len(shown) <= limit
            assert result.content[0].text == shown + structured["note"]
            note = structured["note"]
            assert note.startswith(f"[Output cut at max_output_chars={limit:,}: showing {len(shown):,} of {len(whole):,} characters")
            assert "In all: 3 hunks, 3 lines added, 3 removed." in note
            # The totals are the whole diff's.
            assert (structured["hunks"], structured["lines_added"], structured["lines_removed"]) == (3, 3, 3)
            if output == "unified":
                assert structured["diff"] == shown
                left = lines[max(kept, 2) :]  # after the header lines
                added = sum(line.startswith("+") for line in left)
                removed = sum(line.startswith("-") for line in left)
                assert f"with {added} added and {removed} removed lines" in note
            if output == "words":
                assert structured["diff"] == shown
            if output == "hunks":
                # The structured hunks hold the lines shown, no more.
                listed = sum(1 + sum(1 + l["no_newline"] for l in h["lines"]) for h in structured["hunk_list"])
                assert listed == max(kept - 2, 0)


async def test_the_note_names_the_hunks_left_out() -> None:
    async with Client(create_server()) as client:
        whole = fast_diff.unified_diff(OLD, NEW)
        first_hunk_end = [m.start() + 1 for m in re.finditer("\n@@ ", whole)][1]
        cut_in_first = await call(client, original_text=OLD, modified_text=NEW, max_output_chars=first_hunk_end - 10)
        assert "Not shown: the rest of hunk 1 and hunks 2 to 3 of 3" in cut_in_first.structured_content["note"]
        cut_after_first = await call(client, original_text=OLD, modified_text=NEW, max_output_chars=first_hunk_end)
        assert "Not shown: hunks 2 to 3 of 3" in cut_after_first.structured_content["note"]
        in_header = await call(client, original_text=OLD, modified_text=NEW, max_output_chars=5)
        assert in_header.content[0].text.startswith("[Output cut")
        assert "Not shown: hunks 1 to 3 of 3" in in_header.structured_content["note"]
        words = await call(client, original_text=OLD, modified_text=NEW, output="words", max_output_chars=200)
        assert re.search(r"Not shown: (the rest of hunk \d and )?hunks? [\d to]+ of 3\.", words.structured_content["note"])


async def test_stats_are_never_cut() -> None:
    async with Client(create_server(max_output_chars=5)) as client:
        result = await call(client, original_text=OLD, modified_text=NEW, output="stats")
        assert result.structured_content["truncated"] is False and result.content[0].text.startswith("3 hunks")


async def test_the_servers_limit_is_the_default_and_a_call_may_change_it() -> None:
    async with Client(create_server(max_output_chars=100)) as client:
        capped = await call(client, original_text=OLD, modified_text=NEW)
        assert capped.structured_content["truncated"] is True and capped.structured_content["shown_chars"] <= 100
        # 0 (the default) and null are the server's limit.
        for default in (0, None):
            again = await call(client, original_text=OLD, modified_text=NEW, max_output_chars=default)
            assert again.structured_content == capped.structured_content
        wider = await call(client, original_text=OLD, modified_text=NEW, max_output_chars=10_000)
        assert wider.structured_content["truncated"] is False
        assert wider.content[0].text == fast_diff.unified_diff(OLD, NEW)
    with pytest.raises(ConfigError, match="max_output_chars must be positive"):
        create_server(max_output_chars=0)


def test_the_limit_is_configured_by_flag_or_environment() -> None:
    assert max_output_chars({}) is None
    assert max_output_chars({"FAST_DIFF_MAX_OUTPUT_CHARS": "20_000"}) == 20_000
    for bad in ("", "many", "0", "-5"):
        with pytest.raises(ConfigError, match="FAST_DIFF_MAX_OUTPUT_CHARS must be a"):
            max_output_chars({"FAST_DIFF_MAX_OUTPUT_CHARS": bad})
    assert parse_args(["--max-output-chars", "500"]).max_output_chars == "500"


# ---- diff_files -------------------------------------------------------------------


async def test_diff_files_takes_the_outputs_and_modes(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_bytes(b"Keep\nthe quick fox\n\xff\n")
    (tmp_path / "new.txt").write_bytes(b"keep\nthe slow fox\n\xfe\n")
    async with Client(create_server(roots=[tmp_path])) as client:
        for output in OUTPUTS:
            result = await call(
                client, "diff_files", original_path="old.txt", modified_path="new.txt", output=output, ignore_case=True
            )
            structured = result.structured_content
            assert structured["output"] == output and structured["lines_removed"] == 2
            assert structured["original_path"] == str((tmp_path / "old.txt").resolve())
            assert structured["escaped_bytes"] is (output != "stats")
        assert "the [-quick-]{+slow+} fox\n[-\\xff-]{+\\xfe+}\n" in result.content[0].text  # the last: words
        hunks = await call(client, "diff_files", original_path="old.txt", modified_path="new.txt", output="hunks")
        texts = [line["text"] for line in hunks.structured_content["hunk_list"][0]["lines"]]
        assert "\\xff\n" in texts and "\\xfe\n" in texts and "Keep\n" in texts
        cut = await call(client, "diff_files", original_path="old.txt", modified_path="new.txt", max_output_chars=40)
        assert cut.structured_content["truncated"] is True
