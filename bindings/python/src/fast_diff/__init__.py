"""fast-diff: line diffs of arbitrary bytes in GNU unified format, and applying them.

The Python binding of the fast-diff engine, through its C ABI::

    >>> import fast_diff
    >>> print(fast_diff.unified_diff("a\\nb\\n", "a\\nc\\n"), end="")
    --- original
    +++ modified
    @@ -1,2 +1,2 @@
     a
    -b
    +c
    >>> applied = fast_diff.apply_patch("a\\nb\\n", fast_diff.unified_diff("a\\nb\\n", "a\\nc\\n"))
    >>> applied.text, applied.report.hunks[0].line
    ('a\\nc\\n', 1)

The same diff as data, under comparison modes, and word by word::

    >>> fast_diff.diff_stats("a\\nb\\n", "A\\nc\\n", ignore_case=True)
    DiffStats(lines_added=1, lines_removed=1, hunks=1, identical=False, similarity=0.5)
    >>> hunk = fast_diff.diff_hunks("a\\nb\\n", "a\\nc\\n")[0]
    >>> hunk.header, [(line.kind.value, line.old_line, line.new_line, line.text) for line in hunk.lines]
    ('@@ -1,2 +1,2 @@', [('context', 1, 1, 'a\\n'), ('removed', 2, None, 'b\\n'), ('added', None, 2, 'c\\n')])
    >>> print(fast_diff.word_diff("the quick fox\\n", "the slow fox\\n").text, end="")
    --- original
    +++ modified
    @@ -1 +1 @@
    the [-quick-]{+slow+} fox
"""

from ._batch import unified_diff_many
from ._diff import diff_hunks, diff_stats, unified_diff, unified_diff_stats, word_diff
from ._diff_options import Algorithm, DiffOptions, Granularity, UnifiedDiffBytesOptions, UnifiedDiffOptions
from ._diff_results import DiffLine, DiffStats, Hunk, LineKind, SpanKind, WordDiff, WordSpan
from ._edit_options import EditOptions
from ._edit_results import EditFailure, EditFormat, EditOutcome, EditReport, EditResult, FileEditReport
from ._edits import apply_edits, parse_edits
from ._errors import (
    DiffError,
    InputTooLargeError,
    InternalError,
    InvalidOptionsError,
    NullArgumentError,
    PatchAlreadyAppliedError,
    PatchAmbiguousError,
    PatchError,
    PatchHunkFailedError,
    PatchMalformedError,
    PatchMultipleFilesError,
)
from ._html import HtmlLayout, html_diff, html_diff_files
from ._merge import MergeFavor, MergeRegion, MergeResult, MergeStyle, RegionKind, merge
from ._native import ffi as _ffi
from ._native import lib as _lib
from ._patch import apply_patch, parse_patch
from ._patch_options import PatchOptions
from ._patch_results import Applied, FailReason, FileChange, HunkOutcome, HunkReport, MatchMode, PatchFile, PatchReport

__version__: str = _ffi.string(_lib.fd_version()).decode("ascii")
"""The version of the bundled library, as ``fd_version()`` reports it."""

__all__ = [
    "Algorithm",
    "Applied",
    "DiffError",
    "DiffLine",
    "DiffOptions",
    "DiffStats",
    "EditFailure",
    "EditFormat",
    "EditOptions",
    "EditOutcome",
    "EditReport",
    "EditResult",
    "FileEditReport",
    "FailReason",
    "FileChange",
    "Granularity",
    "HtmlLayout",
    "Hunk",
    "HunkOutcome",
    "HunkReport",
    "InputTooLargeError",
    "InternalError",
    "InvalidOptionsError",
    "LineKind",
    "MatchMode",
    "MergeFavor",
    "MergeRegion",
    "MergeResult",
    "MergeStyle",
    "NullArgumentError",
    "PatchAlreadyAppliedError",
    "PatchAmbiguousError",
    "PatchError",
    "PatchFile",
    "PatchHunkFailedError",
    "PatchMalformedError",
    "PatchMultipleFilesError",
    "PatchOptions",
    "PatchReport",
    "RegionKind",
    "SpanKind",
    "UnifiedDiffBytesOptions",
    "UnifiedDiffOptions",
    "WordDiff",
    "WordSpan",
    "__version__",
    "apply_edits",
    "apply_patch",
    "diff_hunks",
    "diff_stats",
    "html_diff",
    "html_diff_files",
    "merge",
    "unified_diff_stats",
    "parse_edits",
    "parse_patch",
    "unified_diff",
    "unified_diff_many",
    "word_diff",
]
