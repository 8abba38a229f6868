"""The tools' parameters: each one's type, range and description, as clients see them in the input schema.

Parameters are validated strictly ("3" is not an int, 1 not a bool) by
pydantic on the arguments as received. The server's own
strict_input_validation would do the same by serialising every call's
arguments to JSON and parsing them again: tens of milliseconds on the
large texts this server is for.

A parameter that may be left out is typed ``T | None`` here, so that null
means "not given" as it always has, but clients see a plain ``T`` (see
``signatures.plain_types``): where a value of ``T`` can say "not given" it
is the default (0 for max_output_chars, -1 for max_offset), and where every
value means something (a text, a label) there is no default.

Parameters that several tools take together form a group, a frozen
dataclass the tool receives whole and clients see flat
(``signatures.flatten``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from . import deadline
from .options import (
    Algorithm,
    EngineOptions,
    FavorName,
    GranularityName,
    HtmlLayoutName,
    MergeStyleName,
    Output,
    PatchOptions,
)

UINT32_MAX = 2**32 - 1
NO_LINE_BREAK = r"^[^\r\n]*$"
"""The pattern of a label: one line."""


def Param(**kwargs: Any) -> Any:
    """A tool parameter's pydantic Field, validated strictly."""
    return Field(strict=True, **kwargs)


# ---- texts, paths and labels ---------------------------------------------------

OriginalText = Annotated[str, Param(description="The original (old) text.")]
ModifiedText = Annotated[str, Param(description="The modified (new) text.")]
OriginalLabel = Annotated[
    str, Param(pattern=NO_LINE_BREAK, description="Name on the '---' line, e.g. a/path/file.txt (default 'original').")
]
ModifiedLabel = Annotated[
    str, Param(pattern=NO_LINE_BREAK, description="Name on the '+++' line, e.g. b/path/file.txt (default 'modified').")
]
OriginalPath = Annotated[
    str, Param(description="The original file: a path inside the server's directories (relative to the first one).")
]
ModifiedPath = Annotated[str, Param(description="The modified file, likewise.")]
PathLabel = Annotated[
    str | None,
    Param(pattern=NO_LINE_BREAK, description="Name on the '---' or '+++' line (default: the path as given)."),
]
ContextLines = Annotated[
    int,
    Param(ge=0, le=UINT32_MAX, description="Unchanged lines shown around each change (default 3)."),
]

# ---- the diff's choices ------------------------------------------------------------

DiffStyle = Annotated[
    Literal["unified", "git"],
    Field(
        description=(
            "Headers of the unified diff: 'unified' (default), '---'/'+++' lines as `diff -u` and `diff -ruN` write "
            "them; 'git', as `git diff` writes them ('diff --git a/PATH b/PATH', 'new file mode', 'deleted file "
            "mode', mode changes), which `git apply` reads. For two directories, files are named by their path in "
            "them: after the labels in 'unified' style, after 'a/' and 'b/' in 'git' style."
        )
    ),
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
            "'words', the changed lines with the changed words marked inline, [-removed-]{+added+} (see granularity); "
            "'html', a self-contained HTML page of the diff (side by side or line by line, changed words marked), "
            "returned as an embedded text/html resource for clients that render it."
        )
    ),
]
GranularityChoice = Annotated[
    GranularityName,
    Field(
        description=(
            "For outputs 'words' and 'html': compare 'words' (default), 'chars' (characters) or 'graphemes' (what a "
            "reader sees as one character)."
        )
    ),
]
LayoutChoice = Annotated[
    HtmlLayoutName,
    Field(description="For output 'html': 'side-by-side' (default) or 'line-by-line'."),
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
        ge=0,
        description=(
            "Longest output to return, in characters: a longer one is cut at a line boundary and followed by a note "
            "of what was left out (truncated: true). 0 (default): the server's limit if it was started with one, "
            "else none. Set it when the texts may differ a lot, to keep the answer short."
        ),
    ),
]


@dataclass(frozen=True)
class DiffChoices:
    """What the `diff` and `diff_files` tools take besides their two inputs and labels."""

    context_lines: ContextLines = 3
    algorithm: AlgorithmChoice = "myers"
    output: OutputChoice = "unified"
    granularity: GranularityChoice = "words"
    layout: LayoutChoice = "side-by-side"
    ignore_space_change: IgnoreSpaceChange = False
    ignore_all_space: IgnoreAllSpace = False
    ignore_blank_lines: IgnoreBlankLines = False
    ignore_case: IgnoreCase = False
    strip_trailing_cr: StripTrailingCr = False
    max_output_chars: MaxOutputChars = 0

    def engine(self) -> EngineOptions:
        """The engine's options for these choices, with what is left of the running call's deadline."""
        return EngineOptions(
            context_lines=self.context_lines,
            algorithm=self.algorithm,
            deadline_ms=deadline.engine_ms(),
            ignore_space_change=self.ignore_space_change,
            ignore_all_space=self.ignore_all_space,
            ignore_blank_lines=self.ignore_blank_lines,
            ignore_case=self.ignore_case,
            strip_trailing_cr=self.strip_trailing_cr,
        )

    def output_limit(self, server_limit: int | None) -> int | None:
        """The limit this call asked for, else the server's (None: no limit)."""
        return self.max_output_chars or server_limit


# ---- patches ----------------------------------------------------------------------

PatchText = Annotated[
    str,
    Param(
        description=(
            "The patch, in any of these formats (found by its look): a unified diff (diff -u, git diff, "
            "difflib, or by hand with bare '@@' lines; text around it such as a commit message, a shell heredoc "
            "or a code fence is skipped), OpenAI Codex's '*** Begin Patch' envelope, aider's SEARCH/REPLACE "
            "blocks, or a JSON list of {path, old_text, new_text} replacements. Of one file for original_text; "
            "of any number for files or originals."
        )
    ),
]
OriginalForPatch = Annotated[
    str | None,
    Param(description="The text a patch of one file applies to. Give one of original_text, files and originals."),
]
FilesForPatch = Annotated[
    dict[str, str] | None,
    Param(
        description=(
            "For a patch of any format and any number of files: each file's current text, keyed by its path "
            "(as the patch names it, without git's a/ b/ prefixes). A file absent from it does not exist: "
            "the patch may create it. Give one of original_text, files and originals."
        )
    ),
]
OriginalsForPatch = Annotated[
    dict[str, str] | None,
    Param(
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
        ge=-1,
        description=(
            "How many lines from where its header says a hunk may be found; -1 (default) means anywhere "
            "after the previous hunk, 0 only exactly there."
        ),
    ),
]
Fuzz = Annotated[
    int,
    Param(
        ge=0,
        le=UINT32_MAX,
        description="Context lines at each edge of a hunk that may differ from the text, as GNU patch's fuzz (default 0).",
    ),
]
Recount = Annotated[
    bool,
    Param(
        description=(
            "Recount each hunk's lines instead of trusting the counts in its '@@ -l,s +l,s @@' header, and "
            "accept bare '@@' headers (such a hunk must fit at exactly one place). Default false: counts that "
            "disagree with the hunk's lines are recounted anyway, unless strict."
        )
    ),
]
Strict = Annotated[
    bool,
    Param(
        description=(
            "Apply as fast-diff 0.1 did: header line counts are trusted (wrong ones are an error) and lines "
            "compare exactly or ignoring line ends only, without the lenient rungs (trailing whitespace, "
            "indentation, typographic punctuation). Default false."
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


@dataclass(frozen=True)
class PatchChoices:
    """How a patch is located and applied: what `apply_patch` takes besides the patch and the texts."""

    max_offset: MaxOffset = -1
    fuzz: Fuzz = 0
    recount: Recount = False
    strict: Strict = False
    reverse: Reverse = False
    ignore_whitespace: IgnoreWhitespace = False
    strict_line_endings: StrictLineEndings = False

    def engine(self) -> PatchOptions:
        return PatchOptions(
            max_offset=None if self.max_offset is None or self.max_offset < 0 else self.max_offset,
            fuzz=self.fuzz,
            recount=self.recount,
            strict=self.strict,
            reverse=self.reverse,
            ignore_whitespace=self.ignore_whitespace,
            strict_line_endings=self.strict_line_endings,
        )


# ---- files on disk -----------------------------------------------------------------


class Replacement(BaseModel):
    """One replacement `edit_files` makes."""

    path: str = Field(description="The file, as a patch would name it.")
    old_text: str = Field(description="Text that occurs exactly once in the file (empty: create the file).")
    new_text: str = Field(description="What replaces it.")
    replace_all: bool = Field(default=False, description="Replace every occurrence of old_text.")


PatchForFiles = Annotated[
    str | None,
    Param(
        description=(
            "The patch: a unified diff, a '*** Begin Patch' envelope, SEARCH/REPLACE blocks or a JSON list of "
            "replacements. Give this or edits."
        )
    ),
]
EditsForFiles = Annotated[
    list[Replacement] | None, Param(description="Replacements: {path, old_text, new_text}. Give this or patch.")
]
RootChoice = Annotated[
    str | None, Param(description="The directory relative paths are relative to (default: the first one).")
]
DryRun = Annotated[bool, Param(description="Write nothing; return the diff of what would change (default false).")]


# ---- merges ---------------------------------------------------------------------

BaseText = Annotated[str, Param(description="The common ancestor: the text both sides started from.")]
OursText = Annotated[str, Param(description="Our side: the base as one party changed it.")]
TheirsText = Annotated[str, Param(description="Their side: the base as the other party changed it.")]
MergeStyleChoice = Annotated[
    MergeStyleName,
    Field(
        description=(
            "How conflicts are written: 'merge' (default; ours and theirs between <<<<<<< ======= >>>>>>>, "
            "narrowed to the lines that differ), 'diff3' (also the base after |||||||) or 'zdiff3' (diff3 with "
            "lines both sides share moved out), as git's merge.conflictStyle."
        )
    ),
]
FavorChoice = Annotated[
    FavorName,
    Field(
        description=(
            "Resolve every conflict without markers: 'ours', 'theirs' or 'union' (ours then theirs), as "
            "git merge-file --ours/--theirs/--union; 'none' (default) marks conflicts."
        )
    ),
]
MarkerLabel = Annotated[str, Param(pattern=NO_LINE_BREAK, description="Name after a conflict marker (one line).")]
MarkerSize = Annotated[
    int, Param(ge=1, le=1024, description="Length of the conflict markers (default 7, as <<<<<<<).")
]


@dataclass(frozen=True)
class MergeChoices:
    """What the `merge` tool takes besides its three texts."""

    style: MergeStyleChoice = "merge"
    favor: FavorChoice = "none"
    ours_label: MarkerLabel = "ours"
    base_label: MarkerLabel = "base"
    theirs_label: MarkerLabel = "theirs"
    marker_size: MarkerSize = 7
    algorithm: AlgorithmChoice = "myers"
