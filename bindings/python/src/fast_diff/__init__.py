"""fast-diff: line diffs of arbitrary bytes in GNU unified format.

The Python binding of the fast-diff engine, through its C ABI::

    >>> import fast_diff
    >>> print(fast_diff.unified_diff("a\\nb\\n", "a\\nc\\n"), end="")
    --- original
    +++ modified
    @@ -1,2 +1,2 @@
     a
    -b
    +c
"""

from ._diff import unified_diff
from ._errors import (
    DiffError,
    InputTooLargeError,
    InternalError,
    InvalidOptionsError,
    NullArgumentError,
)
from ._native import ffi as _ffi
from ._native import lib as _lib
from ._options import Algorithm

__version__: str = _ffi.string(_lib.fd_version()).decode("ascii")
"""The version of the bundled library, as ``fd_version()`` reports it."""

__all__ = [
    "Algorithm",
    "DiffError",
    "InputTooLargeError",
    "InternalError",
    "InvalidOptionsError",
    "NullArgumentError",
    "__version__",
    "unified_diff",
]
