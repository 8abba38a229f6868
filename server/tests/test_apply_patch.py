"""The apply_patch tool, through FastMCP's in-memory Client."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastmcp import Client

import fast_diff
from fast_diff_mcp import create_server

pytestmark = pytest.mark.anyio

NUMBERED = "".join(f"line {i}\n" for i in range(1, 11))
TWO_HUNKS = (
    "--- a/n.txt\n+++ b/n.txt\n@@ -1,3 +1,3 @@\n line 1\n-line 2\n+two\n line 3\n"
    "@@ -7,3 +7,3 @@\n line 7\n-line 8\n+eight\n line 9\n"
)
PATCHED = NUMBERED.replace("line 2\n", "two\n").replace("line 8\n", "eight\n")


async def call(client: Client, **arguments: Any) -> Any:
    return await client.call_tool("apply_patch", arguments, raise_on_error=False)


async def test_the_tool_is_listed_with_its_schemas() -> None:
    async with Client(create_server()) as client:
        tool = {t.name: t for t in await client.list_tools()}["apply_patch"]
        assert tool.annotations is not None and tool.annotations.read_only_hint is True
        assert tool.annotations.destructive_hint is False and tool.annotations.open_world_hint is False
        properties = tool.input_schema["properties"]
        assert tool.input_schema["required"] == ["patch"]
        assert set(properties) == {
            "patch",
            "original_text",
            "originals",
            "files",
            "max_offset",
            "fuzz",
            "recount",
            "strict",
            "reverse",
            "ignore_whitespace",
            "strict_line_endings",
        }
        assert all(properties[name].get("description") for name in properties)
        # Plain types: what may be left out has no default (every text means something) or one that says so.
        assert properties["original_text"] == {"type": "string", "description": properties["original_text"]["description"]}
        assert properties["originals"]["type"] == "object" and "default" not in properties["originals"]
        assert properties["originals"]["additionalProperties"] == {"type": "string"}
        assert (properties["max_offset"]["type"], properties["max_offset"]["default"]) == ("integer", -1)
        assert properties["max_offset"]["minimum"] == -1 and "-1 (default) means anywhere" in properties["max_offset"]["description"]
        assert tool.output_schema is not None
        assert set(tool.output_schema["properties"]) == {"text", "report", "files"}
        assert "Nothing is written to disk" in (tool.description or "")


async def test_applies_to_original_text_with_a_report() -> None:
    async with Client(create_server()) as client:
        result = await call(client, original_text=NUMBERED, patch=TWO_HUNKS)
        assert not result.is_error
        structured = result.structured_content
        assert structured["text"] == PATCHED and structured["files"] is None
        report = structured["report"]
        assert (report["path"], report["old_path"], report["new_path"], report["change"]) == (
            "n.txt",
            "a/n.txt",
            "b/n.txt",
            "modified",
        )
        assert report["message"] == "applied 2 of 2 hunks"
        assert [h["line"] for h in report["hunks"]] == [1, 7]
        assert report["hunks"][0] == {
            "stated_line": 1,
            "line": 1,
            "new_line": 1,
            "offset": 0,
            "fuzz": 0,
            "match_mode": "exact",
            "message": "hunk 1 (@@ -1,3 +1,3 @@) applied at line 1",
        }
        # The text content is the same result as JSON.
        assert [block.type for block in result.content] == ["text"]
        assert json.loads(result.content[0].text) == structured


async def test_drift_crlf_fuzz_and_whitespace_are_reported() -> None:
    async with Client(create_server()) as client:
        shifted = "new 1\nnew 2\n" + NUMBERED
        result = await call(client, original_text=shifted, patch=TWO_HUNKS)
        hunks = result.structured_content["report"]["hunks"]
        assert [(h["line"], h["offset"]) for h in hunks] == [(3, 2), (9, 2)]
        assert "offset +2 lines" in result.structured_content["report"]["message"]
        # Within max_offset only; -1 (the default) and null are anywhere.
        refused = await call(client, original_text=shifted, patch=TWO_HUNKS, max_offset=1)
        assert refused.is_error and "within 1 lines" in refused.content[0].text
        assert "max_offset=-1 (look for hunks anywhere)" in refused.content[0].text
        for anywhere in (-1, None):
            found = await call(client, original_text=shifted, patch=TWO_HUNKS, max_offset=anywhere)
            assert found.structured_content["text"] == "new 1\nnew 2\n" + PATCHED
        assert (await call(client, original_text=shifted, patch=TWO_HUNKS, max_offset=0)).is_error

        crlf = await call(client, original_text=NUMBERED.replace("\n", "\r\n"), patch=TWO_HUNKS)
        assert crlf.structured_content["text"] == PATCHED.replace("\n", "\r\n")
        assert crlf.structured_content["report"]["hunks"][0]["match_mode"] == "line_endings"
        strict = await call(client, original_text=NUMBERED.replace("\n", "\r\n"), patch=TWO_HUNKS, strict_line_endings=True)
        assert strict.is_error

        # Three context lines a side, the outermost one wrong.
        long_text = "".join(f"line {i}\n" for i in range(1, 21))
        long_patched = long_text.replace("line 10\n", "ten\n")
        fuzzy = fast_diff.unified_diff(long_text, long_patched).replace(" line 7\n", " line seven\n")
        assert (await call(client, original_text=long_text, patch=fuzzy)).is_error
        fuzzed = await call(client, original_text=long_text, patch=fuzzy, fuzz=1)
        assert fuzzed.structured_content["text"] == long_patched
        assert fuzzed.structured_content["report"]["hunks"][0]["fuzz"] == 1

        spaced = TWO_HUNKS.replace(" line 7\n", " line   7 \n")
        assert (await call(client, original_text=NUMBERED, patch=spaced)).is_error
        ignored = await call(client, original_text=NUMBERED, patch=spaced, ignore_whitespace=True)
        assert ignored.structured_content["report"]["hunks"][1]["match_mode"] == "whitespace"


async def test_recount_and_reverse() -> None:
    model_written = "@@ -1,9 +1,9 @@\n line 1\n-line 2\n+two\n line 3\n"  # wrong counts
    bare = "@@\n line 7\n-line 8\n+eight\n"
    async with Client(create_server()) as client:
        # Counts that disagree with the body are recounted by default; strict trusts them.
        lenient = await call(client, original_text=NUMBERED, patch=model_written)
        assert lenient.structured_content["text"] == NUMBERED.replace("line 2\n", "two\n")
        malformed = await call(client, original_text=NUMBERED, patch=model_written, strict=True)
        assert malformed.is_error
        text = malformed.content[0].text
        assert text.startswith("The patch cannot be read: malformed patch at line") and "recount=true" in text
        recounted = await call(client, original_text=NUMBERED, patch=model_written + bare, recount=True)
        assert recounted.structured_content["text"] == PATCHED
        assert recounted.structured_content["report"]["hunks"][1]["stated_line"] is None
        undone = await call(client, original_text=PATCHED, patch=TWO_HUNKS, reverse=True)
        assert undone.structured_content["text"] == NUMBERED


async def test_a_failed_hunk_is_an_error_showing_the_hunk_the_reason_and_the_closest_text() -> None:
    text = NUMBERED.replace("line 8\n", "line 8 changed\n")
    async with Client(create_server()) as client:
        result = await call(client, original_text=text, patch=TWO_HUNKS)
        assert result.is_error and result.structured_content is None
        message = result.content[0].text
        assert message.startswith("The patch does not apply, so nothing was applied: 1 of 2 hunks do not apply")
        # The reason, with the closest candidate and its first difference...
        assert "hunk 2 (@@ -7,3 +7,3 @@) does not apply" in message
        assert 'closest: line 7, where 2 of 3 lines match; first difference at line 8: the hunk has "line 8", ' in message
        # ...the hunk itself, and the text's lines there.
        assert "The hunk:\n@@ -7,3 +7,3 @@\n line 7\n-line 8\n+eight\n line 9\n" in message
        assert "The text at lines 7-9, where it comes closest:\nline 7\nline 8 changed\nline 9\n" in message
        assert "fuzz=1" in message and "ignore_whitespace=true" in message
        # Fixed as the message says, it applies.
        fixed = TWO_HUNKS.replace("-line 8\n", "-line 8 changed\n")
        retry = await call(client, original_text=text, patch=fixed)
        assert retry.structured_content["text"] == PATCHED


async def test_a_hunk_matching_nothing_says_so_and_long_hunks_are_clipped() -> None:
    lines = "".join(f" context {i}\n" for i in range(100))
    patch = "--- a\n+++ b\n@@ -1,100 +1,101 @@\n" + lines[:-1] + "\n+added\n"
    async with Client(create_server()) as client:
        result = await call(client, original_text="something else\n", patch=patch)
        message = result.content[0].text
        assert result.is_error and "None of its context or removed lines is anywhere in the text." in message
        # The hunk's 102 lines (header, 100 context lines, one added) are cut at 40.
        assert "\n context 38\n[... 62 more lines]\n" in message


async def test_already_applied_is_its_own_error() -> None:
    async with Client(create_server()) as client:
        result = await call(client, original_text=PATCHED, patch=TWO_HUNKS)
        assert result.is_error
        assert result.content[0].text.startswith("The patch is already applied: the text already has its changes")


async def test_a_multi_file_patch_needs_originals() -> None:
    patch = fast_diff.unified_diff("1\n", "one\n", old_label="a/x.txt", new_label="b/x.txt") + fast_diff.unified_diff(
        "2\n", "two\n", old_label="a/y.txt", new_label="b/y.txt"
    )
    async with Client(create_server()) as client:
        result = await call(client, original_text="1\n", patch=patch)
        assert result.is_error
        assert "The patch changes 2 files ('x.txt', 'y.txt')" in result.content[0].text
        assert "`originals`" in result.content[0].text
        result = await call(client, originals={"x.txt": "1\n", "y.txt": "2\n", "unrelated.txt": "u\n"}, patch=patch)
        assert not result.is_error
        files = result.structured_content["files"]
        assert set(files) == {"x.txt", "y.txt"}
        assert files["x.txt"]["text"] == "one\n" and files["y.txt"]["text"] == "two\n"
        assert files["y.txt"]["report"]["path"] == "y.txt"
        assert result.structured_content["text"] is None and result.structured_content["report"] is None


GIT_PATCH = (
    "From 1234 Mon Sep 17 00:00:00 2001\nSubject: [PATCH] several files\n\n---\n"
    "diff --git a/src/keep.py b/src/keep.py\nindex 1111111..2222222 100644\n--- a/src/keep.py\n+++ b/src/keep.py\n"
    "@@ -1,2 +1,2 @@\n def f():\n-    return 1\n+    return 2\n"
    "diff --git a/new.txt b/new.txt\nnew file mode 100644\nindex 0000000..3333333\n--- /dev/null\n+++ b/new.txt\n"
    "@@ -0,0 +1 @@\n+fresh\n"
    "diff --git a/gone.txt b/gone.txt\ndeleted file mode 100644\nindex 4444444..0000000\n--- a/gone.txt\n+++ /dev/null\n"
    "@@ -1 +0,0 @@\n-old\n"
    "diff --git a/old_name.txt b/new_name.txt\nsimilarity index 80%\nrename from old_name.txt\nrename to new_name.txt\n"
    "--- a/old_name.txt\n+++ b/new_name.txt\n@@ -1,2 +1,2 @@\n same\n-before\n+after\n"
    "-- \n2.40.0\n"
)


async def test_a_git_patch_creates_deletes_renames_and_modifies_in_memory(tmp_path: Any) -> None:
    originals = {"src/keep.py": "def f():\n    return 1\n", "gone.txt": "old\n", "old_name.txt": "same\nbefore\n"}
    async with Client(create_server()) as client:
        result = await call(client, originals=originals, patch=GIT_PATCH)
        assert not result.is_error, result.content[0].text
        files = result.structured_content["files"]
        assert {path: (f["text"], f["report"]["change"]) for path, f in files.items()} == {
            "src/keep.py": ("def f():\n    return 2\n", "modified"),
            "new.txt": ("fresh\n", "created"),
            "gone.txt": ("", "deleted"),
            "new_name.txt": ("same\nafter\n", "renamed"),
        }
        assert files["new_name.txt"]["report"]["old_path"] == "a/old_name.txt"
        # A renamed file's original may also be keyed by its new name.
        renamed = dict(originals, **{"new_name.txt": originals["old_name.txt"]})
        del renamed["old_name.txt"]
        again = await call(client, originals=renamed, patch=GIT_PATCH)
        assert again.structured_content["files"]["new_name.txt"]["text"] == "same\nafter\n"
    assert list(tmp_path.iterdir()) == []  # nothing anywhere was written


async def test_all_or_nothing_across_files() -> None:
    originals = {"src/keep.py": "def f():\n    return 100\n", "gone.txt": "old\n"}
    async with Client(create_server()) as client:
        result = await call(client, originals=originals, patch=GIT_PATCH)
        assert result.is_error and result.structured_content is None
        message = result.content[0].text
        assert message.startswith("The patch was not applied: 2 of its 4 file sections do not apply, so no file was patched.")
        assert "file 1 ('src/keep.py'):\nThe patch does not apply" in message
        assert 'the hunk has "    return 1", the text has "    return 100"' in message
        assert "file 4 ('new_name.txt'): no original text. Add it to `originals` under 'new_name.txt'" in message


async def test_sections_for_the_same_file_apply_in_turn() -> None:
    first = fast_diff.unified_diff("a\nb\nc\n", "a\nB\nc\n", old_label="a/f", new_label="b/f")
    second = fast_diff.unified_diff("a\nB\nc\n", "a\nB\nC\n", old_label="a/f", new_label="b/f")
    async with Client(create_server()) as client:
        result = await call(client, originals={"f": "a\nb\nc\n"}, patch=first + second)
        assert result.structured_content["files"]["f"]["text"] == "a\nB\nC\n"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"patch": "x"}, "Give exactly one of original_text"),
        ({"patch": "x", "original_text": "a", "originals": {}}, "Give exactly one of original_text"),
        ({"patch": "x", "original_text": None, "originals": None}, "Give exactly one of original_text"),  # null: not given
        ({"patch": "x", "original_text": "a", "fuzz": -1}, "fuzz must be an integer from 0 to 4294967295, not -1."),
        ({"patch": "x", "original_text": "a", "max_offset": -2}, "max_offset must be an integer of at least -1, not -2."),
        ({"patch": "x", "original_text": "a", "recount": "yes"}, 'recount must be true or false, not "yes".'),
        ({"patch": "x", "originals": {"a": 1}}, 'originals["a"] must be a string, not 1.'),
        ({"original_text": "a"}, "patch is missing: it is required."),
        ({"patch": "", "originals": {"a": "b"}}, "The patch is empty"),
        ({"patch": "not a patch\n", "original_text": "a"}, "The patch cannot be read"),
        ({"patch": "--- a\n+++ b\n", "originals": {}}, "The patch cannot be read"),
    ],
)
async def test_bad_requests_are_tool_errors(arguments: dict[str, Any], message: str) -> None:
    async with Client(create_server()) as client:
        result = await call(client, **arguments)
        assert result.is_error
        assert message in result.content[0].text
        after = await call(client, original_text="a\n", patch="--- a\n+++ b\n@@ -1 +1 @@\n-a\n+b\n")
        assert after.structured_content["text"] == "b\n"


async def test_the_input_limit_counts_the_patch_and_every_original() -> None:
    async with Client(create_server(max_input_bytes=1000)) as client:
        result = await call(client, original_text="x" * 600, patch="é" * 201)
        assert result.is_error and "1,002 bytes" in result.content[0].text
        result = await call(client, originals={"a": "x" * 500, "b": "y" * 500}, patch="z")
        assert result.is_error and "1,001 bytes" in result.content[0].text
