"""The keywords every diff function takes, declared once, and their ``fd_options``."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypedDict, Union

from ._inputs import Lent
from ._keywords import UINT32_MAX, UINT64_MAX, choice, count, flags, refuse_unknown
from ._native import ffi, lib

if TYPE_CHECKING:
    from typing_extensions import Buffer, TypeAlias


class Algorithm(enum.StrEnum):
    """How lines are matched. Every algorithm gives a correct diff; they differ in which one."""

    MYERS = "myers"
    """Myers with GNU diff's cost limits: minimal diffs when that is cheap (the default)."""
    HISTOGRAM = "histogram"
    """git's histogram diff: anchors on rare lines, often reads better on code."""
    PATIENCE = "patience"
    """Patience diff: anchors on lines that occur once in each text."""


class Granularity(enum.StrEnum):
    """The tokens an inline diff compares. None splits a UTF-8 sequence."""

    WORDS = "words"
    """Runs of letters, digits, ``_`` and non-ASCII characters; runs of white space;
    single punctuation characters."""
    CHARS = "chars"
    """Characters (Unicode scalar values); in bytes, an invalid byte is a token of its own."""
    GRAPHEMES = "graphemes"
    """Extended grapheme clusters: what a reader sees as one character (``e`` and a
    combining accent are one)."""


AlgorithmName: TypeAlias = Union[Algorithm, Literal["myers", "histogram", "patience"]]
GranularityName: TypeAlias = Union[Granularity, Literal["words", "chars", "graphemes"]]


class DiffOptions(TypedDict, total=False):
    """The keywords of every diff function: how lines are matched and hunks cut.

    - ``context_lines``: unchanged lines shown around each change (default 3).
    - ``algorithm``: an :class:`Algorithm` or its name (default Myers).
    - ``deadline_ms``: a time limit in milliseconds for finding a small diff; when
      it passes, the rest is diffed coarsely (larger hunks, still correct). ``None``
      (the default) or 0 means none, as in C and on the command line.
    - ``ignore_space_change``: ``diff -b``: a run of white space equals any other,
      and white space at line ends is ignored.
    - ``ignore_all_space``: ``diff -w``: white space is ignored wherever it is.
    - ``ignore_blank_lines``: ``diff -B``: changes whose lines are all blank are not
      shown, unless they fall inside a hunk shown for other changes.
    - ``ignore_case``: ``diff -i``: ASCII letters compare without regard to case.
    - ``strip_trailing_cr``: ``diff --strip-trailing-cr``: a CR just before the end
      of a line is ignored.

    The five comparison modes are ``bool`` (default ``False``). Under them, lines
    that differ only in ignored ways count as equal, and the diff still shows real
    lines (context and removed lines from the old text, added lines from the new),
    so it applies to the old text. A missing final newline always counts.
    """

    context_lines: int
    algorithm: AlgorithmName
    deadline_ms: int | None
    ignore_space_change: bool
    ignore_all_space: bool
    ignore_blank_lines: bool
    ignore_case: bool
    strip_trailing_cr: bool


class UnifiedDiffOptions(DiffOptions, total=False):
    """:class:`DiffOptions` and the labels of a unified diff of ``str`` texts.

    - ``old_label``: the name on the ``---`` line (default ``original``); no CR or LF.
    - ``new_label``: the name on the ``+++`` line (default ``modified``); no CR or LF.
    """

    old_label: str
    new_label: str


class UnifiedDiffBytesOptions(DiffOptions, total=False):
    """:class:`UnifiedDiffOptions` for bytes-like texts: a label may be ``str`` (written
    as UTF-8) or bytes-like (written as it is)."""

    old_label: str | Buffer
    new_label: str | Buffer


DEFAULT_CONTEXT_LINES = 3
DEFAULT_OLD_LABEL = "original"
DEFAULT_NEW_LABEL = "modified"

DEFAULTS: Mapping[str, object] = {
    "context_lines": DEFAULT_CONTEXT_LINES,
    "algorithm": Algorithm.MYERS,
    "deadline_ms": None,
    "ignore_space_change": False,
    "ignore_all_space": False,
    "ignore_blank_lines": False,
    "ignore_case": False,
    "strip_trailing_cr": False,
    "old_label": DEFAULT_OLD_LABEL,
    "new_label": DEFAULT_NEW_LABEL,
}
"""Each keyword's default: the library's own, so that passing it changes nothing."""

_KEYS = frozenset(DiffOptions.__annotations__)
_LABELLED_KEYS = frozenset(UnifiedDiffOptions.__annotations__)

# Each comparison mode, named after GNU diff's long option, and its bit.
_MODE_BITS = {
    "ignore_space_change": lib.FD_FLAG_IGNORE_SPACE_CHANGE,
    "ignore_all_space": lib.FD_FLAG_IGNORE_ALL_SPACE,
    "ignore_blank_lines": lib.FD_FLAG_IGNORE_BLANK_LINES,
    "ignore_case": lib.FD_FLAG_IGNORE_CASE,
    "strip_trailing_cr": lib.FD_FLAG_STRIP_TRAILING_CR,
}
_ALGORITHMS: Mapping[str, int] = {
    Algorithm.MYERS: lib.FD_ALGORITHM_MYERS,
    Algorithm.HISTOGRAM: lib.FD_ALGORITHM_HISTOGRAM,
    Algorithm.PATIENCE: lib.FD_ALGORITHM_PATIENCE,
}
_GRANULARITIES: Mapping[str, int] = {
    Granularity.WORDS: lib.FD_GRANULARITY_WORDS,
    Granularity.CHARS: lib.FD_GRANULARITY_CHARS,
    Granularity.GRAPHEMES: lib.FD_GRANULARITY_GRAPHEMES,
}

# What diff_options reads from the keywords when the library's defaults are
# asked for (no labels given), in which case the options are NULL.
_LIBRARY_DEFAULTS = (DEFAULT_CONTEXT_LINES, lib.FD_ALGORITHM_MYERS, 0, 0, None, None)

# A non-NULL pointer for an empty label (NULL would mean the default label).
_EMPTY = b"\0"


def diff_options(function: str, options: Mapping[str, object], inputs: Lent, *, labels: bool) -> Any:
    """The ``fd_options *`` for the keywords ``options`` of ``function`` (which takes the labels
    when ``labels``), or NULL for the defaults. The labels are lent along with ``inputs``."""
    if not options:
        return ffi.NULL
    refuse_unknown(function, options, _LABELLED_KEYS if labels else _KEYS)
    get = options.get
    context = count("context_lines", get("context_lines", DEFAULT_CONTEXT_LINES), UINT32_MAX)
    algorithm = choice("algorithm", get("algorithm", Algorithm.MYERS), _ALGORITHMS)
    deadline_ms = get("deadline_ms")
    deadline = 0 if deadline_ms is None else count("deadline_ms", deadline_ms, UINT64_MAX)
    mode_flags = flags(options, _MODE_BITS)
    old = _label(options, "old_label", inputs)
    new = _label(options, "new_label", inputs)
    if (context, algorithm, deadline, mode_flags, old, new) == _LIBRARY_DEFAULTS:
        return ffi.NULL
    c_options = ffi.new("fd_options *")
    lib.fd_options_init(c_options)
    c_options.context_lines = context
    c_options.algorithm = algorithm
    c_options.deadline_ms = deadline
    c_options.flags = mode_flags
    # A label left NULL is the library's default one.
    if old is not None:
        c_options.old_label = inputs.keep(ffi.from_buffer("uint8_t[]", old or _EMPTY))
        c_options.old_label_len = len(old)
    if new is not None:
        c_options.new_label = inputs.keep(ffi.from_buffer("uint8_t[]", new or _EMPTY))
        c_options.new_label_len = len(new)
    return c_options


def granularity_number(value: object) -> int:
    """The ``fd_granularity`` of a :class:`Granularity` or of its name."""
    return choice("granularity", value, _GRANULARITIES)


def _label(options: Mapping[str, object], name: str, inputs: Lent) -> bytes | None:
    """The label ``name`` as bytes, or None when it is not given."""
    if name not in options:
        return None
    return label_bytes(name, options[name], inputs.is_str)


def label_bytes(name: str, value: object, is_str: bool) -> bytes:
    """A label as bytes: ``str`` always (as UTF-8), bytes-like only when diffing bytes (not
    ``is_str``); never with a line break. ``name`` names it in errors."""
    if isinstance(value, str):
        try:
            label = value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(f"{name} cannot be encoded as UTF-8") from None
    elif is_str:
        raise TypeError(f"{name} must be str when diffing str, not {type(value).__name__}")
    else:
        try:
            label = bytes(memoryview(value))  # type: ignore[arg-type]
        except TypeError:
            raise TypeError(f"{name} must be str or bytes-like, not {type(value).__name__}") from None
    if b"\n" in label or b"\r" in label:
        raise ValueError(f"{name} must not contain a line break (CR or LF): {value!r}")
    return label
