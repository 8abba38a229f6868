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
"""

from ._diff import unified_diff
from ._errors import (
    DiffError,
    InputTooLargeError,
    InternalError,
    InvalidOptionsError,
    NullArgumentError,
    PatchAlreadyAppliedError,
    PatchError,
    PatchHunkFailedError,
    PatchMalformedError,
    PatchMultipleFilesError,
)
from ._native import ffi as _ffi
from ._native import lib as _lib
from ._options import Algorithm
from ._patch import apply_patch, parse_patch
from ._report import Applied, FailReason, FileChange, HunkOutcome, HunkReport, MatchMode, PatchFile, PatchReport

__version__: str = _ffi.string(_lib.fd_version()).decode("ascii")
"""The version of the bundled library, as ``fd_version()`` reports it."""

__all__ = [
    "Algorithm",
    "Applied",
    "DiffError",
    "FailReason",
    "FileChange",
    "HunkOutcome",
    "HunkReport",
    "InputTooLargeError",
    "InternalError",
    "InvalidOptionsError",
    "MatchMode",
    "NullArgumentError",
    "PatchAlreadyAppliedError",
    "PatchError",
    "PatchFile",
    "PatchHunkFailedError",
    "PatchMalformedError",
    "PatchMultipleFilesError",
    "PatchReport",
    "__version__",
    "apply_patch",
    "parse_patch",
    "unified_diff",
]
