"""The keywords of :func:`apply_patch`, declared once, and their ``fd_apply_options``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict

from ._keywords import UINT32_MAX, UINT64_MAX, count, flags, refuse_unknown
from ._native import ffi, lib


class PatchOptions(TypedDict, total=False):
    """How :func:`apply_patch` finds each hunk in the text, and what it does when one fails.

    - ``max_offset``: how many lines from its expected line (its stated line, moved
      by the offset the previous hunk needed) a hunk is looked for; ``None`` (the
      default) is anywhere after the previous hunk, 0 only at the expected line.
    - ``fuzz``: GNU-style fuzz: how many context lines at each edge of a hunk may
      differ (default 0), capped so that at least one context line is checked.
    - ``recount``: recount every hunk body instead of trusting the line counts in
      its header, also those that agree (a body that disagrees is recounted anyway,
      unless ``strict``), and accept bare ``@@`` headers (such a hunk must be found
      at exactly one place after the previous one).
    - ``strict``: read and match as fast-diff 0.1 did: header counts are trusted (a
      body that disagrees is malformed, a bare ``@@`` too), and lines compare
      exactly or ignoring line ends only. By default bodies whose counts are wrong
      are recounted, and the matching ladder goes on to ignore trailing whitespace,
      then indentation, then typographic punctuation.
    - ``reverse``: apply the patch backwards (undo it).
    - ``ignore_whitespace``: compare lines ignoring whitespace amounts and trailing
      whitespace, as ``diff -b``.
    - ``strict_line_endings``: line ends must match exactly; by default CRLF, LF and
      a missing final LF compare equal when nothing matches exactly, and added lines
      take the line ends of the lines they were matched with.
    - ``partial``: when hunks fail, still produce the text with the hunks that
      apply, as :attr:`PatchHunkFailedError.partial_text` (it is still an error).

    The yes/no keywords are ``bool``, default ``False``.
    """

    max_offset: int | None
    fuzz: int
    recount: bool
    strict: bool
    reverse: bool
    ignore_whitespace: bool
    strict_line_endings: bool
    partial: bool


DEFAULTS: Mapping[str, object] = {
    "max_offset": None,
    "fuzz": 0,
    "recount": False,
    "strict": False,
    "reverse": False,
    "ignore_whitespace": False,
    "strict_line_endings": False,
    "partial": False,
}
"""Each keyword's default: the library's own, so that passing it changes nothing."""

_KEYS = frozenset(PatchOptions.__annotations__)

_FLAG_BITS = {
    "recount": lib.FD_APPLY_RECOUNT,
    "strict": lib.FD_APPLY_STRICT,
    "reverse": lib.FD_APPLY_REVERSE,
    "ignore_whitespace": lib.FD_APPLY_IGNORE_WHITESPACE,
    "strict_line_endings": lib.FD_APPLY_STRICT_EOL,
    "partial": lib.FD_APPLY_PARTIAL,
}


def patch_options(function: str, options: Mapping[str, object]) -> Any:
    """The ``fd_apply_options *`` for the keywords ``options`` of ``function``, or NULL
    for the defaults."""
    if not options:
        return ffi.NULL
    refuse_unknown(function, options, _KEYS)
    max_offset = options.get("max_offset")
    offset = lib.FD_APPLY_ANY_OFFSET if max_offset is None else count("max_offset", max_offset, UINT64_MAX)
    fuzz = count("fuzz", options.get("fuzz", 0), UINT32_MAX)
    apply_flags = flags(options, _FLAG_BITS)
    if apply_flags == 0 and fuzz == 0 and offset == lib.FD_APPLY_ANY_OFFSET:
        return ffi.NULL
    c_options = ffi.new("fd_apply_options *")
    lib.fd_apply_options_init(c_options)
    c_options.flags = apply_flags
    c_options.max_offset = offset
    c_options.fuzz = fuzz
    return c_options
