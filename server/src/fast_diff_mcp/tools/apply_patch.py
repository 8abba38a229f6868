"""The `apply_patch` tool: a unified diff applied to texts the call gives, all or nothing; nothing is written."""

from __future__ import annotations

import json

import fast_diff
from fastmcp import FastMCP
from fastmcp.exceptions import ToolError
from fastmcp.tools import ToolResult

from ..models import ApplyPatchResult
from ..params import OriginalForPatch, OriginalsForPatch, PatchChoices, PatchText
from ..patching import PatchFailed, apply_to_originals, apply_to_text
from ..settings import Settings
from .common import add_tool, tool_result

DESCRIPTION = (
    "Apply a unified diff (patch) to text you provide, with the fast-diff engine, and get the new text and a "
    "report of where each hunk went. Nothing is written to disk. A patch of one file applies to "
    "`original_text`; a patch of several files applies to `originals` (path -> text) and returns each file's "
    "new text keyed by path. Hunks whose context drifted are found anywhere (or within `max_offset` lines); "
    "CRLF/LF differences are tolerated; `fuzz`, `recount` (wrong or missing hunk line counts) and "
    "`ignore_whitespace` tolerate more. All or nothing: if any hunk does not apply, nothing is applied and "
    "the tool returns an error showing each failed hunk, why it failed and the lines of the text where it "
    "comes closest, so you can fix the patch and retry. A patch that is already applied is reported as such. "
    "The result, as JSON text and structured content, is `text` and `report` (original_text) or `files` "
    "(originals); each report has the file's `path`, `change`, a `message` and, per hunk, the `line` it "
    "applied at, its `offset`, `fuzz` and `match_mode`."
)

INSTRUCTIONS = (
    "`apply_patch` applies a unified diff to the texts you give it (it never writes files) and says where each "
    "hunk went, or why a hunk does not fit and what the text has there instead."
)


def register(server: FastMCP, settings: Settings) -> str:
    def apply_patch(
        patch: PatchText,
        original_text: OriginalForPatch = None,
        originals: OriginalsForPatch = None,
        choices: PatchChoices = PatchChoices(),
    ) -> ToolResult:
        if (original_text is None) == (originals is None):
            raise ToolError(
                "Give exactly one of original_text (the text a single-file patch applies to) and "
                "originals (a mapping from path to text, for a patch of several files)."
            )
        texts = {"original_text": original_text} if original_text is not None else _named(originals or {})
        settings.check_texts({"patch": patch, **texts})
        options = choices.engine()
        try:
            if original_text is not None:
                result = apply_to_text(original_text, patch, options)
            else:
                result = apply_to_originals(originals or {}, patch, options)
        except PatchFailed as error:
            raise ToolError(str(error)) from None
        except (TypeError, ValueError, fast_diff.DiffError) as error:
            raise ToolError(str(error)) from error
        return tool_result(result.model_dump_json(), result)

    add_tool(server, apply_patch, name="apply_patch", description=DESCRIPTION, result=ApplyPatchResult)
    return INSTRUCTIONS


def _named(originals: dict[str, str]) -> dict[str, str]:
    """Each original under the name an error gives it: ``originals["path"]``."""
    return {f"originals[{json.dumps(path)}]": text for path, text in originals.items()}
