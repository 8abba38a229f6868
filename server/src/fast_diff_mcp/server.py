"""The FastMCP server `fast-diff` and its tools."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Annotated, Any, AnyStr, Literal

import fast_diff
from fastmcp import FastMCP
from fastmcp.exceptions import ToolError
from fastmcp.tools import ToolResult
from mcp.types import TextContent, ToolAnnotations
from pydantic import BaseModel, Field

from . import limits
from .http import set_request_body_limit
from .patching import ApplyPatchResult, PatchFailed, apply_to_originals, apply_to_text
from .reference import difflib_unified_diff
from .outputs import GranularityName, Output, compute, shown_hunks
from .roots import FileTooLarge, PathRefused, Roots
from .stats import diff_stats
from .truncation import cut

INSTRUCTIONS = """\
fast-diff compares two texts line by line and returns a unified diff (the
format of `diff -u`, `git diff` and `patch`), and applies such diffs. Use
the `diff` tool to see what changed between two versions of a file or
document: as a unified diff, as counts only (output 'stats'), as hunks with
line numbers ('hunks') or with the changed words marked ('words'), ignoring
white space, blank lines or case if asked; set `max_output_chars` to keep a
large answer short. `diff_difflib` is the same through Python's difflib, a
slow reference for comparison. `apply_patch` applies a unified diff to the
texts you give it (it never writes files) and says where each hunk went,
or why a hunk does not fit and what the text has there instead.
"""

FILES_INSTRUCTIONS = """\
`diff_files` diffs two files of this machine by path, read-only, inside
these directories only: {roots}.
"""

Algorithm = Literal["myers", "histogram", "patience"]


class DiffResult(BaseModel):
    """What a diff tool returns besides the diff as text."""

    diff: str = Field(description="The unified diff, exactly as the text content; empty when the texts are identical.")
    identical: bool = Field(description="True when the texts are byte-for-byte identical (the diff is empty).")
    hunks: int = Field(description="Number of hunks (@@ sections).")
    lines_added: int = Field(description="Number of lines that only the modified text has ('+' lines).")
    lines_removed: int = Field(description="Number of lines that only the original text has ('-' lines).")


OUTPUT_SCHEMA = DiffResult.model_json_schema()


class DiffLineResult(BaseModel):
    """A line of a hunk."""

    kind: Literal["context", "removed", "added"] = Field(description="Unchanged, only in the original, or only in the modified text.")
    old_line: int | None = Field(description="Its 1-based line number in the original text; null for an added line.")
    new_line: int | None = Field(description="Its 1-based line number in the modified text; null for a removed line.")
    text: str = Field(
        description="The line, LF included: from the original text for context and removed lines, from the modified "
        "text for added lines."
    )
    no_newline: bool = Field(description="True when it is the last line of its text and has no LF.")


class HunkResult(BaseModel):
    """A hunk: its header and its lines."""

    header: str = Field(description="Its header, e.g. '@@ -1,3 +1,4 @@'.")
    old_start: int = Field(description="First line in the original text (an empty range names the line before it).")
    old_count: int = Field(description="Lines of the original text it spans.")
    new_start: int = Field(description="First line in the modified text.")
    new_count: int = Field(description="Lines of the modified text it spans.")
    lines: list[DiffLineResult] = Field(description="Its lines in order (only those shown, when truncated).")


class DiffToolResult(BaseModel):
    """What `diff` returns besides its text content: the totals always, and the output asked for."""

    output: Output = Field(description="The output asked for: 'unified', 'stats', 'hunks' or 'words'.")
    identical: bool = Field(
        description="True when there is no difference: the texts are identical, or equal under the comparison modes given."
    )
    hunks: int = Field(description="Number of hunks (@@ sections) of the whole diff.")
    lines_added: int = Field(description="Number of lines that only the modified text has ('+' lines), in the whole diff.")
    lines_removed: int = Field(description="Number of lines that only the original text has ('-' lines), in the whole diff.")
    similarity: float = Field(
        description="2 * matched lines / (lines of both texts), in [0, 1]: difflib's SequenceMatcher.ratio() over lines."
    )
    truncated: bool = Field(description="True when the output was cut at max_output_chars (see note).")
    total_chars: int = Field(description="Length of the whole output text, in characters.")
    shown_chars: int = Field(description="Length of the output text shown (the note not counted).")
    diff: str | None = Field(
        default=None,
        description="For output 'unified', the unified diff; for 'words', the word diff ('[-old-]{+new+}'): the text "
        "content without the note. Absent for 'stats' and 'hunks'.",
    )
    hunk_list: list[HunkResult] | None = Field(
        default=None,
        description="For output 'hunks': the hunks with their numbered lines (as far as shown). Absent otherwise.",
    )
    note: str | None = Field(
        default=None, description="When truncated: what was left out, also appended to the text content."
    )


DIFF_OUTPUT_SCHEMA = DiffToolResult.model_json_schema()


class DiffFilesResult(DiffToolResult):
    """What `diff_files` returns besides its text content."""

    original_path: str = Field(description="The original file's real path (symbolic links resolved).")
    modified_path: str = Field(description="The modified file's real path.")
    escaped_bytes: bool = Field(
        description="True when the output holds bytes that are not UTF-8: they are shown as \\xNN escapes, so it "
        "shows the change exactly but a diff does not apply as text to the files."
    )


DIFF_FILES_OUTPUT_SCHEMA = DiffFilesResult.model_json_schema()
APPLY_PATCH_OUTPUT_SCHEMA = ApplyPatchResult.model_json_schema()

READ_ONLY = ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False)

# Tool parameters are validated strictly ("3" is not an int, 1 not a bool)
# by pydantic on the arguments as received. The server's own
# strict_input_validation would do the same by serialising every call's
# arguments to JSON and parsing them again: tens of milliseconds on the
# large texts this server is for.
def Param(**kwargs: Any) -> Any:
    """A tool parameter's pydantic Field, validated strictly."""
    return Field(strict=True, **kwargs)


OriginalText = Annotated[str, Param(description="The original (old) text.")]
ModifiedText = Annotated[str, Param(description="The modified (new) text.")]
ContextLines = Annotated[
    int,
    Param(ge=0, le=2**32 - 1, description="Unchanged lines shown around each change (default 3)."),
]
NO_LINE_BREAK = r"^[^\r\n]*$"
OriginalLabel = Annotated[
    str, Param(pattern=NO_LINE_BREAK, description="Name on the '---' line, e.g. a/path/file.txt (default 'original').")
]
ModifiedLabel = Annotated[
    str, Param(pattern=NO_LINE_BREAK, description="Name on the '+++' line, e.g. b/path/file.txt (default 'modified').")
]
AlgorithmChoice = Annotated[
    Algorithm,
    Field(
        description=(
            "Line-matching algorithm: 'myers' (default; minimal diffs), 'histogram' (git's; often "
            "reads better on code) or 'patience'. All give correct diffs."
        )
    ),
]

OutputChoice = Annotated[
    Output,
    Field(
        description=(
            "What to return: 'unified' (default), the unified diff; 'stats', only the counts (hunks, lines added and "
            "removed, similarity), cheap and short; 'hunks', each hunk with the old and new line number of every line; "
            "'words', the changed lines with the changed words marked inline, [-removed-]{+added+} (see granularity)."
        )
    ),
]
GranularityChoice = Annotated[
    GranularityName,
    Field(
        description=(
            "For output 'words': compare 'words' (default), 'chars' (characters) or 'graphemes' (what a reader sees "
            "as one character)."
        )
    ),
]
IgnoreSpaceChange = Annotated[
    bool, Param(description="Like diff -b: lines that differ only in the amount of white space count as equal.")
]
IgnoreAllSpace = Annotated[bool, Param(description="Like diff -w: white space is ignored wherever it is.")]
IgnoreBlankLines = Annotated[
    bool, Param(description="Like diff -B: changes that only add or remove blank lines are not shown.")
]
IgnoreCase = Annotated[bool, Param(description="Like diff -i: ASCII letters compare without regard to case.")]
StripTrailingCr = Annotated[
    bool, Param(description="Like diff --strip-trailing-cr: a CR at the end of a line (CRLF) is ignored.")
]
MaxOutputChars = Annotated[
    int | None,
    Param(
        ge=1,
        description=(
            "Longest output to return, in characters: a longer one is cut at a line boundary and followed by a note "
            "of what was left out (truncated: true). Null (default): the server's limit if it was started with one, "
            "else none. Set it when the texts may differ a lot, to keep the answer short."
        ),
    ),
]

PatchText = Annotated[
    str,
    Param(
        description=(
            "A unified diff (from diff -u, git diff or difflib; text around it such as a commit message is "
            "skipped). One file section for original_text; any number for originals."
        )
    ),
]
OriginalForPatch = Annotated[
    str | None,
    Param(description="The text a patch of one file applies to. Give this or originals, not both."),
]
OriginalsForPatch = Annotated[
    dict[str, str] | None,
    Field(
        description=(
            "For a patch of several files: each file's current text, keyed by its path as the patch names "
            "it without git's a/ b/ prefixes (e.g. 'src/x.py'; a renamed file under its old or new name). "
            "A file the patch creates needs no entry. Give this or original_text, not both."
        )
    ),
]
MaxOffset = Annotated[
    int | None,
    Param(
        ge=0,
        description=(
            "How many lines from where its header says a hunk may be found; null (default) means anywhere "
            "after the previous hunk, 0 only exactly there."
        ),
    ),
]
Fuzz = Annotated[
    int,
    Param(
        ge=0,
        le=2**32 - 1,
        description="Context lines at each edge of a hunk that may differ from the text, as GNU patch's fuzz (default 0).",
    ),
]
Recount = Annotated[
    bool,
    Param(
        description=(
            "Recount each hunk's lines instead of trusting the counts in its '@@ -l,s +l,s @@' header, and "
            "accept bare '@@' headers (such a hunk must fit at exactly one place). Default false."
        )
    ),
]
Reverse = Annotated[bool, Param(description="Apply the patch backwards: undo it (default false).")]
IgnoreWhitespace = Annotated[
    bool, Param(description="Match lines ignoring whitespace amounts and trailing whitespace (default false).")
]
StrictLineEndings = Annotated[
    bool,
    Param(
        description=(
            "Require line ends to match exactly. By default CRLF, LF and a missing final newline compare "
            "equal when nothing matches exactly, and added lines take the text's line ends."
        )
    ),
]
OriginalPath = Annotated[
    str, Param(description="The original file: a path inside the server's directories (relative to the first one).")
]
ModifiedPath = Annotated[str, Param(description="The modified file, likewise.")]
OptionalLabel = Annotated[
    str | None,
    Param(pattern=NO_LINE_BREAK, description="Name on the '---' or '+++' line (default: the path as given)."),
]

FILES_HINT = (
    "diff_files reads only regular files inside {roots} (relative paths are relative to the first), "
    "by paths without '..'."
)

RETURNS = (
    " Returns the unified diff itself as text (lines starting with '-' are only in the original, "
    "'+' only in the modified text; empty when the texts are identical), and as structured content "
    "`diff`, `identical`, `hunks`, `lines_added`, `lines_removed`. Lines end at LF only; CRLF and "
    "a missing final newline are kept and shown exactly."
)

DIFF_DESCRIPTION = (
    "Compare two texts line by line with the fast-diff engine. By default returns a unified diff (the format of "
    "`diff -u` and `git diff`, which `patch` and `git apply` accept); `output` asks instead for only the counts "
    "('stats'), the hunks with the line numbers of every line ('hunks'), or the changed words marked inline "
    "('words'). The comparison modes ignore white space changes, all white space, blank lines, case or CRs at line "
    "ends, like diff -b, -w, -B, -i and --strip-trailing-cr; the lines shown are still the real ones, so the diff "
    "applies to the original text. Use it to see or show what changed between two versions of a file, document or "
    "output; it handles texts of many megabytes in well under a second. Set `max_output_chars` to cap a large "
    "answer: it is then cut at a line boundary with a note of what was left out. The text content is the output "
    "itself (lines end at LF only; CRLF and a missing final newline are shown exactly); the structured content "
    "has the totals (`identical`, `hunks`, `lines_added`, `lines_removed`, `similarity`), `truncated`, and `diff` "
    "or `hunk_list`."
)

DIFFLIB_DESCRIPTION = (
    "The slow reference: the same comparison through Python's difflib.unified_diff, for comparing "
    "its output and speed with the `diff` tool. Prefer `diff`: difflib is much slower on large "
    "texts (minutes for megabytes) and may choose different, larger hunks." + RETURNS
)


APPLY_PATCH_DESCRIPTION = (
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

DIFF_FILES_DESCRIPTION = (
    "Compare two files of this machine by path and get their unified diff, as the `diff` tool does for "
    "texts. Read-only, and confined to these directories: {roots} (relative paths are relative to the "
    "first; '..' and symbolic links leading out are refused). Files may hold any bytes. Takes the options of "
    "`diff` (output, comparison modes, max_output_chars) and returns what it returns, with the files' real paths "
    "and `escaped_bytes`: true when the output holds bytes that are not UTF-8, shown as \\xNN escapes."
)


def create_server(
    max_input_bytes: int | None = None,
    roots: Sequence[str | os.PathLike[str]] = (),
    max_output_chars: int | None = None,
) -> FastMCP:
    """The `fast-diff` server. ``max_input_bytes`` defaults to ``FAST_DIFF_MAX_INPUT_BYTES`` or 64 MiB.
    ``roots`` are the directories `diff_files` may read; without any, the tool is not offered.
    ``max_output_chars`` is the diff tools' output limit when a call names none (None: no limit)."""
    limit = limits.max_input_bytes() if max_input_bytes is None else max_input_bytes
    if limit <= 0:
        raise limits.ConfigError(f"max_input_bytes must be positive, not {limit}")
    if max_output_chars is not None and max_output_chars <= 0:
        raise limits.ConfigError(f"max_output_chars must be positive, not {max_output_chars}")
    allowed = Roots(roots)
    max_output_chars_default = max_output_chars
    instructions = INSTRUCTIONS + (FILES_INSTRUCTIONS.format(roots=allowed.describe()) if allowed else "")
    server = _FastDiffMCP(
        name="fast-diff",
        instructions=instructions,
        version=fast_diff.__version__,
        strict_input_validation=False,
        max_request_body_bytes=limits.max_request_body_bytes(limit),
    )

    def check_size(*texts: str) -> None:
        size = sum(limits.utf8_size(text) for text in texts)
        if size > limit:
            raise ToolError(limits.over_limit_message(size, limit))

    # Synchronous tools run in a worker thread, off the event loop; the
    # engine releases the GIL, so a large diff does not hold up other requests.
    @server.tool(description=DIFF_DESCRIPTION, annotations=READ_ONLY, output_schema=DIFF_OUTPUT_SCHEMA)
    def diff(
        original_text: OriginalText,
        modified_text: ModifiedText,
        context_lines: ContextLines = 3,
        original_label: OriginalLabel = "original",
        modified_label: ModifiedLabel = "modified",
        algorithm: AlgorithmChoice = "myers",
        output: OutputChoice = "unified",
        granularity: GranularityChoice = "words",
        ignore_space_change: IgnoreSpaceChange = False,
        ignore_all_space: IgnoreAllSpace = False,
        ignore_blank_lines: IgnoreBlankLines = False,
        ignore_case: IgnoreCase = False,
        strip_trailing_cr: StripTrailingCr = False,
        max_output_chars: MaxOutputChars = None,
    ) -> ToolResult:
        check_size(original_text, modified_text)
        return _diff_result(
            original_text,
            modified_text,
            output=output,
            granularity=granularity,
            old_label=original_label,
            new_label=modified_label,
            options=_engine_options(
                context_lines,
                algorithm,
                ignore_space_change,
                ignore_all_space,
                ignore_blank_lines,
                ignore_case,
                strip_trailing_cr,
            ),
            limit=max_output_chars if max_output_chars is not None else max_output_chars_default,
        )

    @server.tool(name="diff_difflib", description=DIFFLIB_DESCRIPTION, annotations=READ_ONLY, output_schema=OUTPUT_SCHEMA)
    def diff_difflib(
        original_text: OriginalText,
        modified_text: ModifiedText,
        context_lines: ContextLines = 3,
        original_label: OriginalLabel = "original",
        modified_label: ModifiedLabel = "modified",
    ) -> ToolResult:
        check_size(original_text, modified_text)
        return _result(
            difflib_unified_diff(
                original_text,
                modified_text,
                context_lines=context_lines,
                old_label=original_label,
                new_label=modified_label,
            )
        )

    @server.tool(
        name="apply_patch",
        description=APPLY_PATCH_DESCRIPTION,
        annotations=READ_ONLY,
        output_schema=APPLY_PATCH_OUTPUT_SCHEMA,
    )
    def apply_patch(
        patch: PatchText,
        original_text: OriginalForPatch = None,
        originals: OriginalsForPatch = None,
        max_offset: MaxOffset = None,
        fuzz: Fuzz = 0,
        recount: Recount = False,
        reverse: Reverse = False,
        ignore_whitespace: IgnoreWhitespace = False,
        strict_line_endings: StrictLineEndings = False,
    ) -> ToolResult:
        if (original_text is None) == (originals is None):
            raise ToolError(
                "Give exactly one of original_text (the text a single-file patch applies to) and "
                "originals (a mapping from path to text, for a patch of several files)."
            )
        check_size(patch, *([original_text] if original_text is not None else (originals or {}).values()))
        options = {
            "max_offset": max_offset,
            "fuzz": fuzz,
            "recount": recount,
            "reverse": reverse,
            "ignore_whitespace": ignore_whitespace,
            "strict_line_endings": strict_line_endings,
        }
        try:
            if original_text is not None:
                result = apply_to_text(original_text, patch, options)
            else:
                result = apply_to_originals(originals or {}, patch, options)
        except PatchFailed as error:
            raise ToolError(str(error)) from None
        except (TypeError, ValueError, fast_diff.DiffError) as error:
            raise ToolError(str(error)) from error
        structured = result.model_dump()
        return ToolResult(content=[TextContent(type="text", text=result.model_dump_json())], structured_content=structured)

    if allowed:

        @server.tool(
            name="diff_files",
            description=DIFF_FILES_DESCRIPTION.format(roots=allowed.describe()),
            annotations=READ_ONLY,
            output_schema=DIFF_FILES_OUTPUT_SCHEMA,
        )
        def diff_files(
            original_path: OriginalPath,
            modified_path: ModifiedPath,
            context_lines: ContextLines = 3,
            algorithm: AlgorithmChoice = "myers",
            original_label: OptionalLabel = None,
            modified_label: OptionalLabel = None,
            output: OutputChoice = "unified",
            granularity: GranularityChoice = "words",
            ignore_space_change: IgnoreSpaceChange = False,
            ignore_all_space: IgnoreAllSpace = False,
            ignore_blank_lines: IgnoreBlankLines = False,
            ignore_case: IgnoreCase = False,
            strip_trailing_cr: StripTrailingCr = False,
            max_output_chars: MaxOutputChars = None,
        ) -> ToolResult:
            try:
                old_real, old = allowed.read(original_path, limit)
                new_real, new = allowed.read(modified_path, limit - len(old))
            except FileTooLarge as error:
                raise ToolError(f"{error} {limits.files_over_limit_hint(limit)}") from None
            except PathRefused as error:
                raise ToolError(f"{error}. {FILES_HINT.format(roots=allowed.describe())}") from None
            # Files may hold any bytes; JSON carries only text. Bytes that are
            # not UTF-8 are shown as \xNN escapes, and the result says so.
            return _diff_result(
                old,
                new,
                output=output,
                granularity=granularity,
                old_label=original_path if original_label is None else original_label,
                new_label=modified_path if modified_label is None else modified_label,
                options=_engine_options(
                    context_lines,
                    algorithm,
                    ignore_space_change,
                    ignore_all_space,
                    ignore_blank_lines,
                    ignore_case,
                    strip_trailing_cr,
                ),
                limit=max_output_chars if max_output_chars is not None else max_output_chars_default,
                files={"original_path": str(old_real), "modified_path": str(new_real)},
            )

    return server


def _result(text: str) -> ToolResult:
    """A unified diff as the text content (raw, for an agent to read), and its structured summary."""
    stats = diff_stats(text)
    structured = DiffResult(
        diff=text,
        identical=not text,
        hunks=stats.hunks,
        lines_added=stats.lines_added,
        lines_removed=stats.lines_removed,
    )
    return ToolResult(content=[TextContent(type="text", text=text)], structured_content=structured.model_dump())


MODE_NAMES = ("ignore_space_change", "ignore_all_space", "ignore_blank_lines", "ignore_case", "strip_trailing_cr")


def _engine_options(context_lines: int, algorithm: str, *modes: bool) -> dict[str, Any]:
    """The engine's options: context, algorithm, and the comparison modes in the order of ``MODE_NAMES``."""
    return {"context_lines": context_lines, "algorithm": algorithm, **dict(zip(MODE_NAMES, modes, strict=True))}


def _diff_result(
    old: AnyStr,
    new: AnyStr,
    *,
    output: Output,
    granularity: GranularityName,
    old_label: str,
    new_label: str,
    options: dict[str, Any],
    limit: int | None,
    files: dict[str, Any] | None = None,
) -> ToolResult:
    """The output asked for as the text content (cut at ``limit`` characters, with a note
    of what was left out), and the totals and the output as structured content."""
    try:
        computed = compute(
            old, new, output, granularity=granularity, old_label=old_label, new_label=new_label, options=options
        )
    except (TypeError, ValueError, fast_diff.DiffError) as error:
        raise ToolError(str(error)) from error
    # The counts are short and are what the note would say: never cut.
    shown = cut(computed.lines, None if output == "stats" else limit, computed.stats)
    stats = computed.stats
    fields: dict[str, Any] = {
        "output": output,
        "identical": stats.identical,
        "hunks": stats.hunks,
        "lines_added": stats.lines_added,
        "lines_removed": stats.lines_removed,
        "similarity": stats.similarity,
        "truncated": shown.truncated,
        "total_chars": shown.total_chars,
        "shown_chars": len(shown.text),
        "note": shown.note,
    }
    if output in ("unified", "words"):
        fields["diff"] = shown.text
    elif output == "hunks":
        fields["hunk_list"] = [
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
            for hunk in shown_hunks(computed.hunks, shown.shown_lines)
        ]
    if files is not None:
        model: DiffToolResult = DiffFilesResult(**fields, **files, escaped_bytes=computed.escaped)
    else:
        model = DiffToolResult(**fields)
    # Fields that do not apply to this output are left out, not null.
    structured = model.model_dump(exclude={name for name in ("diff", "hunk_list", "note") if fields.get(name) is None})
    text = shown.text + (shown.note or "")
    return ToolResult(content=[TextContent(type="text", text=text)], structured_content=structured)


class _FastDiffMCP(FastMCP):
    """FastMCP whose HTTP app accepts request bodies as large as the input limit allows."""

    def __init__(self, *, max_request_body_bytes: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.max_request_body_bytes = max_request_body_bytes

    def http_app(self, *args: Any, **kwargs: Any) -> Any:
        return set_request_body_limit(super().http_app(*args, **kwargs), self.max_request_body_bytes)
