"""The `diff` tool, and the body it shares with `diff_files`: two inputs' diff in the output asked for."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Sequence
from typing import Any, AnyStr

import fast_diff
from fast_diff import DiffStats, Hunk
from fastmcp import FastMCP
from fastmcp.exceptions import ToolError
from fastmcp.tools import ToolResult
from mcp.types import EmbeddedResource, TextResourceContents

from .. import deadline
from ..models import DiffFilesResult, DiffLineResult, DiffToolResult, HunkResult
from ..outputs import Line, compute, shown_hunks
from ..params import DiffChoices, ModifiedLabel, ModifiedText, OriginalLabel, OriginalText
from ..settings import Settings
from ..truncation import Cut, cut
from .common import add_tool, tool_result

DESCRIPTION = (
    "Compare two texts line by line with the fast-diff engine. By default returns a unified diff (the format of "
    "`diff -u` and `git diff`, which `patch` and `git apply` accept); `output` asks instead for only the counts "
    "('stats'), the hunks with the line numbers of every line ('hunks'), or the changed words marked inline "
    "('words'), or a self-contained HTML page of the diff ('html', an embedded text/html resource). The "
    "comparison modes ignore white space changes, all white space, blank lines, case or CRs at line "
    "ends, like diff -b, -w, -B, -i and --strip-trailing-cr; the lines shown are still the real ones, so the diff "
    "applies to the original text. Use it to see or show what changed between two versions of a file, document or "
    "output; it handles texts of many megabytes in well under a second. Set `max_output_chars` to cap a large "
    "answer: it is then cut at a line boundary with a note of what was left out. The text content is the output "
    "itself (lines end at LF only; CRLF and a missing final newline are shown exactly); the structured content "
    "has the totals (`identical`, `hunks`, `lines_added`, `lines_removed`, `similarity`), `truncated`, and `diff` "
    "or `hunk_list`."
)

INSTRUCTIONS = (
    "Use the `diff` tool to see what changed between two versions of a file or document: as a unified diff, as "
    "counts only (output 'stats'), as hunks with line numbers ('hunks') or with the changed words marked "
    "('words'), ignoring white space, blank lines or case if asked; set `max_output_chars` to keep a large answer "
    "short."
)


def register(server: FastMCP, settings: Settings) -> str:
    def diff(
        original_text: OriginalText,
        modified_text: ModifiedText,
        original_label: OriginalLabel = "original",
        modified_label: ModifiedLabel = "modified",
        choices: DiffChoices = DiffChoices(),
    ) -> ToolResult:
        settings.check_texts({"original_text": original_text, "modified_text": modified_text})
        return respond(original_text, modified_text, choices, settings, labels=(original_label, modified_label))

    add_tool(server, diff, name="diff", description=DESCRIPTION, result=DiffToolResult)
    return INSTRUCTIONS


def respond(
    old: AnyStr,
    new: AnyStr,
    choices: DiffChoices,
    settings: Settings,
    *,
    labels: tuple[str, str],
    paths: tuple[str, str] | None = None,
    header: str = "",
) -> ToolResult:
    """The output asked for as the text content (cut at the output limit, with a note of what was
    left out), and the totals and the output as structured content; with ``paths`` (the files'
    real paths), as `diff_files` answers; ``header`` goes before a unified diff that is not empty."""
    output = choices.output
    try:
        computed = compute(
            old,
            new,
            output,
            granularity=choices.granularity,
            old_label=labels[0],
            new_label=labels[1],
            options=choices.engine(),
            # The word diff's own bound, within what is left of the call's.
            word_deadline_ms=min(settings.word_deadline_ms, deadline.engine_ms() or settings.word_deadline_ms),
            layout=choices.layout,
        )
    except (TypeError, ValueError, fast_diff.DiffError) as error:
        raise ToolError(str(error)) from error
    lines: Sequence[Line] = computed.lines
    if header and output == "unified" and lines:
        lines = [Line(header, None, None), *lines]
    stats = computed.stats
    # The counts are short and are what the note would say: never cut; nor is the html output's
    # summary, whose page is cut whole or not at all.
    limit = None if output in ("stats", "html") else choices.output_limit(settings.max_output_chars)
    shown = cut(lines, limit, stats)
    page = computed.page
    page_limit = choices.output_limit(settings.max_output_chars) if output == "html" else None
    page_cut = page is not None and page_limit is not None and len(page) > page_limit
    if page_cut:
        note = (
            f"[The HTML page has {len(page or '')} characters, more than max_output_chars ({page_limit}): it is left "
            "out. Ask with a larger max_output_chars, fewer context_lines, or output 'stats' or 'unified'.]\n"
        )
        shown = dataclasses.replace(shown, note=note)
        page = None
    result = DiffToolResult(
        **totals(output, stats, shown, settings),
        diff=shown.text if output in ("unified", "words") else None,
        hunk_list=_hunk_models(shown_hunks(computed.hunks, shown.shown_lines)) if output == "hunks" else None,
        coarsened=computed.coarsened,
    )
    if paths is not None:
        result = DiffFilesResult(
            **dict(result), original_path=paths[0], modified_path=paths[1], escaped_bytes=computed.escaped
        )
    # Fields that do not apply to this output are left out, not null.
    absent = {name for name in ("diff", "hunk_list", "note", "coarsened") if getattr(result, name) is None}
    answer = tool_result(shown.text + (result.note or ""), result, exclude=absent)
    if page is not None:
        # Clients that render HTML can show the page; others read the text content.
        resource = TextResourceContents(uri=f"fast-diff://diff/{uuid.uuid4().hex}.html", mime_type="text/html", text=page)
        answer.content.append(EmbeddedResource(type="resource", resource=resource))
    return answer


def totals(output: str, stats: DiffStats, shown: Cut, settings: Settings) -> dict[str, Any]:
    """The fields of a diff tool's structured content that every output has: the counts, how much was
    shown, and whether the call's deadline coarsened it."""
    coarse = deadline.passed()
    notes = [note for note in (shown.note, deadline.coarse_note(settings.deadline_ms) if coarse else None) if note]
    return {
        "output": output,
        "identical": stats.identical,
        "hunks": stats.hunks,
        "lines_added": stats.lines_added,
        "lines_removed": stats.lines_removed,
        "similarity": stats.similarity,
        "truncated": shown.truncated,
        "total_chars": shown.total_chars,
        "shown_chars": len(shown.text),
        "deadline_passed": coarse,
        "note": "".join(notes) or None,
    }


def _hunk_models(hunks: list[Hunk[str]]) -> list[HunkResult]:
    return [
        HunkResult(
            header=hunk.header,
            old_start=hunk.old_start,
            old_count=hunk.old_count,
            new_start=hunk.new_start,
            new_count=hunk.new_count,
            lines=[
                DiffLineResult(
                    kind=line.kind.value,
                    old_line=line.old_line,
                    new_line=line.new_line,
                    text=line.text,
                    no_newline=line.no_newline,
                )
                for line in hunk.lines
            ],
        )
        for hunk in hunks
    ]
