"""What the tools return besides their text content: the structured content's models, whose JSON
schemas are the tools' output schemas."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from .options import Output

# ---- diff_difflib -----------------------------------------------------------------


class DiffResult(BaseModel):
    """What a diff tool returns besides the diff as text."""

    diff: str = Field(description="The unified diff, exactly as the text content; empty when the texts are identical.")
    identical: bool = Field(description="True when the texts are byte-for-byte identical (the diff is empty).")
    hunks: int = Field(description="Number of hunks (@@ sections).")
    lines_added: int = Field(description="Number of lines that only the modified text has ('+' lines).")
    lines_removed: int = Field(description="Number of lines that only the original text has ('-' lines).")


# ---- diff and diff_files -------------------------------------------------------------


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

    output: Output = Field(description="The output asked for: 'unified', 'stats', 'hunks', 'words' or 'html'.")
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
    deadline_passed: bool = Field(
        description="True when the server's deadline passed while the diff was computed: the rest was diffed "
        "coarsely, so hunks may be larger than needed (the diff is still correct and applies; see note)."
    )
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
        default=None,
        description="When truncated, what was left out; when the deadline passed, that it did. Also appended to "
        "the text content.",
    )
    coarsened: bool | None = Field(
        default=None,
        description="For outputs 'words' and 'html': true when some changed words are marked more coarsely than a "
        "full search would mark them, because the server's word-diff deadline passed or the marks were too dense to "
        "show one by one (the marks are still correct). Absent for the other outputs.",
    )


class FileStatsResult(BaseModel):
    """One file of a directory comparison that differs."""

    path: str = Field(description="Its path relative to the two directories.")
    status: Literal["modified", "added", "deleted"] = Field(
        description="'added': only in the modified directory; 'deleted': only in the original one."
    )
    binary: bool = Field(description="True when either side has a NUL byte in its first 8,000 bytes: not diffed.")
    hunks: int = Field(description="Number of hunks of its diff.")
    lines_added: int = Field(description="Lines only the modified file has.")
    lines_removed: int = Field(description="Lines only the original file has.")
    old_mode: str | None = Field(description="Its mode as git writes it ('100644', '100755'); null when added.")
    new_mode: str | None = Field(description="Likewise in the modified directory; null when deleted.")


class SkippedResult(BaseModel):
    """An entry of a directory comparison that was not read."""

    path: str = Field(description="Its path relative to the directory it is in.")
    reason: str = Field(description="Why: a symbolic link (never followed) or not a regular file.")


class DiffFilesResult(DiffToolResult):
    """What `diff_files` returns besides its text content."""

    original_path: str = Field(description="The original file's (or directory's) real path (symbolic links resolved).")
    modified_path: str = Field(description="The modified file's (or directory's) real path.")
    escaped_bytes: bool = Field(
        description="True when the output holds bytes that are not UTF-8: they are shown as \\xNN escapes, so it "
        "shows the change exactly but a diff does not apply as text to the files."
    )
    files: list[FileStatsResult] | None = Field(
        default=None,
        description="For two directories: every file that differs, in the order of the diff, with its counts. Absent "
        "for two files.",
    )
    identical_files: int | None = Field(
        default=None, description="For two directories: how many files are the same on both sides."
    )
    skipped: list[SkippedResult] | None = Field(
        default=None, description="For two directories: the entries not read (links, devices, fifos)."
    )


# ---- apply_patch ----------------------------------------------------------------------

MatchModeName = Literal["exact", "line_endings", "whitespace", "trailing_whitespace", "trimmed", "punctuation"]
ChangeName = Literal["modified", "created", "deleted", "renamed", "copied"]


class AppliedHunk(BaseModel):
    """Where and how one hunk applied."""

    stated_line: int | None = Field(description="The line its header names (null for a bare '@@').")
    line: int = Field(description="The line of the original text where its old lines were found (1-based).")
    new_line: int = Field(description="The line of the new text where its new lines start.")
    offset: int = Field(description="line - stated_line: how far the hunk had drifted (0 when unknown).")
    fuzz: int = Field(description="Context lines ignored at each edge to make it fit (0: none).")
    match_mode: MatchModeName = Field(
        description="How lines were compared, the rung of the matching ladder the hunk needed: 'exact', "
        "'line_endings' (CRLF/LF differences ignored; added lines took the text's line ends), "
        "'trailing_whitespace', 'trimmed' (indentation ignored), 'punctuation' (indentation and typographic "
        "quotes and dashes ignored) or 'whitespace' (whitespace amounts ignored, when asked for)."
    )
    message: str = Field(description="What happened, in one line.")


class FileReport(BaseModel):
    """What was done to one file."""

    path: str | None = Field(description="The file's path as the patch names it, without git's a/ b/ prefixes.")
    old_path: str | None = Field(description="The name on the patch's '---' line (e.g. 'a/x.py', '/dev/null').")
    new_path: str | None = Field(description="The name on the patch's '+++' line.")
    change: ChangeName = Field(description="What the patch does to the file.")
    message: str = Field(description="A summary: how many hunks applied, and any that needed an offset or fuzz.")
    hunks: list[AppliedHunk] = Field(description="One entry per hunk, in patch order.")


class PatchedFile(BaseModel):
    """One file's new text and report."""

    text: str = Field(description="The file's new text (empty for a deleted file).")
    report: FileReport


class ApplyPatchResult(BaseModel):
    """The result of `apply_patch`: ``text`` and ``report`` for ``original_text``, ``files`` for ``originals``."""

    text: str | None = Field(description="The new text, when the patch was applied to original_text; else null.")
    report: FileReport | None = Field(description="What was done, when the patch was applied to original_text.")
    files: dict[str, PatchedFile] | None = Field(
        description="When the patch was applied to originals or files: each patched file's new text and report, "
        "keyed by path (a deleted file's text is empty and its change 'deleted')."
    )


class EditedFile(BaseModel):
    """One file `edit_files` changed (or would change)."""

    path: str = Field(description="The file's path as the patch names it.")
    real_path: str = Field(description="Where it is on disk.")
    change: ChangeName = Field(description="What the patch does to the file.")
    diff: str = Field(description="The unified diff of the change (bytes that are not UTF-8 as \\xNN escapes).")
    report: FileReport


class EditFilesResult(BaseModel):
    """The result of `edit_files`."""

    written: bool = Field(description="Whether the files were written (false for dry_run).")
    format: str = Field(description="The patch's format, as detected: unified, envelope, search_replace or replacements.")
    diff: str = Field(description="The unified diff of every change, file after file.")
    files: list[EditedFile] = Field(description="Each file the patch touches, in patch order.")


# ---- merge --------------------------------------------------------------------------


class ConflictRegion(BaseModel):
    """A conflict of the merged text: where it is, and what each side has there."""

    start_line: int = Field(description="1-based line of its <<<<<<< marker in the merged text.")
    end_line: int = Field(description="1-based line of its >>>>>>> marker; replace lines start_line..end_line to resolve it.")
    ours: str = Field(description="Our side's lines of the conflict.")
    base: str = Field(description="The base's lines it replaces (shared out when one overlap split into several conflicts).")
    theirs: str = Field(description="Their side's lines of the conflict.")
    ours_start_line: int = Field(description="1-based line in ours_text where our side of it begins.")
    theirs_start_line: int = Field(description="1-based line in theirs_text where their side of it begins.")


class MergeToolResult(BaseModel):
    """What `merge` returns besides the merged text."""

    conflicts: int = Field(description="Number of conflicts marked in the merged text (0: a clean merge).")
    clean: bool = Field(description="True when the merge has no conflict: the text is the merge.")
    conflict_regions: list[ConflictRegion] = Field(description="Each conflict, in order.")
