"""The keywords of :func:`apply_edits` and :func:`parse_edits`, declared once, and their ``fd_edit_options``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict

from ._edit_results import EditFormat, format_number
from ._keywords import UINT32_MAX, UINT64_MAX, count, flags, refuse_unknown
from ._native import ffi, lib


class EditOptions(TypedDict, total=False):
    """How :func:`apply_edits` reads a patch and finds its hunks.

    - ``format``: ``"auto"`` (the default: detected), or an :class:`EditFormat` or its name:
      ``"unified"``, ``"envelope"``, ``"search_replace"``, ``"replacements"``.
    - ``strict``: read unified diffs as fast-diff 0.1 did (counts trusted) and match lines
      exactly or ignoring line ends only; by default the whole ladder is tried.
    - ``max_offset``, ``fuzz``, ``recount``, ``reverse``, ``ignore_whitespace``,
      ``strict_line_endings``: as for :func:`apply_patch` (``max_offset`` and ``fuzz`` are
      for unified diffs, whose hunks state lines).
    - ``strip``: GNU patch's ``-p N``: leading components taken off the patch's names;
      ``None`` (the default): names as written, without git's ``a/`` ``b/`` and a leading
      ``./``, or as written when only that form is among the files.
    """

    format: EditFormat | str
    strict: bool
    max_offset: int | None
    fuzz: int
    recount: bool
    reverse: bool
    ignore_whitespace: bool
    strict_line_endings: bool
    strip: int | None


DEFAULTS: Mapping[str, object] = {
    "format": "auto",
    "strict": False,
    "max_offset": None,
    "fuzz": 0,
    "recount": False,
    "reverse": False,
    "ignore_whitespace": False,
    "strict_line_endings": False,
    "strip": None,
}

_KEYS = frozenset(EditOptions.__annotations__)

_FLAG_BITS = {
    "strict": lib.FD_APPLY_STRICT,
    "recount": lib.FD_APPLY_RECOUNT,
    "reverse": lib.FD_APPLY_REVERSE,
    "ignore_whitespace": lib.FD_APPLY_IGNORE_WHITESPACE,
    "strict_line_endings": lib.FD_APPLY_STRICT_EOL,
}


def edit_options(function: str, options: Mapping[str, object], format: int | None = None) -> Any:
    """The ``fd_edit_options *`` for the keywords ``options`` of ``function`` (``format``, when
    given, is the format's number already chosen)."""
    refuse_unknown(function, options, _KEYS)
    c_options = ffi.new("fd_edit_options *")
    lib.fd_edit_options_init(c_options)
    chosen = options.get("format", "auto")
    c_options.format = format_number(chosen) if format is None else format  # type: ignore[arg-type]
    c_options.flags = flags(options, _FLAG_BITS)
    max_offset = options.get("max_offset")
    c_options.max_offset = lib.FD_APPLY_ANY_OFFSET if max_offset is None else count("max_offset", max_offset, UINT64_MAX)
    c_options.fuzz = count("fuzz", options.get("fuzz", 0), UINT32_MAX)
    strip = options.get("strip")
    c_options.strip = lib.FD_EDIT_STRIP_AUTO if strip is None else count("strip", strip, UINT32_MAX - 1)
    return c_options
