"""The `apply_patch` tool: a patch of any format applied to texts the call gives, all or nothing; nothing is written."""

from __future__ import annotations

import json

import fast_diff
from fastmcp import FastMCP
from fastmcp.exceptions import ToolError
from fastmcp.tools import ToolResult

from ..models import ApplyPatchResult
from ..params import FilesForPatch, OriginalForPatch, OriginalsForPatch, PatchChoices, PatchText
from ..patching import PatchFailed, apply_edits_to_text, apply_to_files, apply_to_originals, apply_to_text, is_unified
from ..settings import Settings
from .common import add_tool, tool_result

DESCRIPTION = (
    "Apply a patch to text you provide, with the fast-diff engine, and get the new text and a report of where "
    "each hunk went. Nothing is written to disk. The patch may be a unified diff (one or many files; bare '@@' "
    "lines, wrong line counts, heredocs and code fences around it are fine), a '*** Begin Patch' envelope, "
    "SEARCH/REPLACE blocks or a JSON list of {path, old_text, new_text} replacements. A patch of one file "
    "applies to `original_text`; a patch of several files applies to `files` (path -> text; a file absent "
    "from it does not exist) and returns each file's new text keyed by path (`originals` is the older, "
    "unified-only form of `files`). Hunks whose context drifted are found anywhere (or within `max_offset` "
    "lines), down a ladder of matchers (exact, line ends, trailing whitespace, indentation, typographic "
    "punctuation) whose rung each hunk's `match_mode` names; a hunk without a line number must fit at exactly "
    "one place. `strict` restores exact counts and matching; `fuzz` and `ignore_whitespace` tolerate more. "
    "All or nothing: if any hunk does not apply, nothing is applied and the tool returns an error showing "
    "each failure, why, and where the text comes closest, so you can fix the patch and retry. A patch that "
    "is already applied is reported as such. The result, as JSON text and structured content, is `text` and "
    "`report` (original_text) or `files`; each report has the file's `path`, `change`, a `message` and, per "
    "hunk, the `line` it applied at, its `offset`, `fuzz` and `match_mode`."
)

INSTRUCTIONS = (
    "`apply_patch` applies a patch of any common format to the texts you give it (it never writes files) and "
    "says where each hunk went, or why a hunk does not fit and what the text has there instead."
)


def register(server: FastMCP, settings: Settings) -> str:
    def apply_patch(
        patch: PatchText,
        original_text: OriginalForPatch = None,
        originals: OriginalsForPatch = None,
        files: FilesForPatch = None,
        choices: PatchChoices = PatchChoices(),
    ) -> ToolResult:
        given = [name for name, value in (("original_text", original_text), ("files", files), ("originals", originals)) if value is not None]
        if len(given) != 1:
            raise ToolError(
                "Give exactly one of original_text (the text a single-file patch applies to) and files "
                f"(a mapping from path to text, for a patch of several files){'; not ' + ' and '.join(given) if given else ''}."
            )
        if original_text is not None:
            texts = {"original_text": original_text}
        else:
            texts = _named(given[0], files if files is not None else originals or {})
        settings.check_texts({"patch": patch, **texts})
        options = choices.engine()
        try:
            if files is not None:
                result = apply_to_files(files, patch, options)
            elif original_text is not None:
                unified = is_unified(patch)
                result = apply_to_text(original_text, patch, options) if unified else apply_edits_to_text(original_text, patch, options)
            else:
                result = apply_to_originals(originals or {}, patch, options)
        except PatchFailed as error:
            raise ToolError(str(error)) from None
        except (TypeError, ValueError, fast_diff.DiffError) as error:
            raise ToolError(str(error)) from error
        return tool_result(result.model_dump_json(), result)

    add_tool(server, apply_patch, name="apply_patch", description=DESCRIPTION, result=ApplyPatchResult)
    return INSTRUCTIONS


def _named(parameter: str, texts: dict[str, str]) -> dict[str, str]:
    """Each text under the name an error gives it: ``files["path"]``."""
    return {f"{parameter}[{json.dumps(path)}]": text for path, text in texts.items()}
