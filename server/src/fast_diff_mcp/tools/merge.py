"""The `merge` tool: three texts merged as `git merge-file` merges them, conflicts marked and listed."""

from __future__ import annotations

import fast_diff
from fastmcp import FastMCP
from fastmcp.exceptions import ToolError
from fastmcp.tools import ToolResult

from ..models import ConflictRegion, MergeToolResult
from ..params import BaseText, MergeChoices, OursText, TheirsText
from ..settings import Settings
from .common import add_tool, tool_result

DESCRIPTION = (
    "Three-way merge with the fast-diff engine, byte for byte as `git merge-file` does it: `base_text` is the "
    "common ancestor, `ours_text` and `theirs_text` two edits of it. Changes only one side made are taken, a change "
    "both made alike is taken once, and changes that overlap or touch are conflicts, marked in the text between "
    "<<<<<<< ours, ======= and >>>>>>> theirs (style 'diff3' or 'zdiff3' also shows the base after ||||||| base), "
    "unless `favor` resolves them ('ours', 'theirs', 'union'). A deletion against an edit is always a conflict. "
    "Markers follow the texts' line endings (CRLF texts get CRLF markers). The text content is the merged text; the "
    "structured content has `conflicts`, `clean`, and `conflict_regions`: for each conflict its 1-based "
    "`start_line`..`end_line` in the merged text and the `ours`, `base` and `theirs` lines, so you can resolve "
    "each one (replace those lines) and check the result, or merge again with other choices."
)

INSTRUCTIONS = (
    "`merge` combines two edits of a common base as git merge-file does and lists the conflicts with their line "
    "numbers and each side's text, so you can resolve them yourself."
)


def register(server: FastMCP, settings: Settings) -> str:
    def merge(
        base_text: BaseText, ours_text: OursText, theirs_text: TheirsText, choices: MergeChoices = MergeChoices()
    ) -> ToolResult:
        settings.check_texts({"base_text": base_text, "ours_text": ours_text, "theirs_text": theirs_text})
        try:
            merged = fast_diff.merge(
                base_text,
                ours_text,
                theirs_text,
                style=choices.style,
                favor=None if choices.favor == "none" else choices.favor,
                labels=(choices.ours_label, choices.base_label, choices.theirs_label),
                marker_size=choices.marker_size,
                algorithm=choices.algorithm,
            )
        except (TypeError, ValueError, fast_diff.DiffError) as error:
            raise ToolError(str(error)) from error
        regions = [
            ConflictRegion(
                start_line=r.result.start + 1,
                end_line=r.result.stop,
                ours=r.ours_text,
                base=r.base_text,
                theirs=r.theirs_text,
                ours_start_line=r.ours.start + 1,
                theirs_start_line=r.theirs.start + 1,
            )
            for r in merged.regions
            if r.kind == fast_diff.RegionKind.CONFLICT
        ]
        result = MergeToolResult(conflicts=merged.conflicts, clean=merged.conflicts == 0, conflict_regions=regions)
        return tool_result(merged.text, result)

    add_tool(server, merge, name="merge", description=DESCRIPTION, result=MergeToolResult)
    return INSTRUCTIONS
