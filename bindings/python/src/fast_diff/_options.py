"""Diff and patch options: checked in Python, so that bad values never reach C."""

from __future__ import annotations

import enum
import operator
from typing import TYPE_CHECKING, Any, Literal, SupportsIndex, Union

from ._native import ffi, lib

if TYPE_CHECKING:
    from typing_extensions import TypeAlias

UINT32_MAX = 2**32 - 1
UINT64_MAX = 2**64 - 1
DEFAULT_CONTEXT_LINES = 3
DEFAULT_OLD_LABEL = "original"
DEFAULT_NEW_LABEL = "modified"


class Algorithm(enum.StrEnum):
    """How lines are matched. Every algorithm gives a correct diff; they differ in which one."""

    MYERS = "myers"
    """Myers with GNU diff's cost limits: minimal diffs when that is cheap (the default)."""
    HISTOGRAM = "histogram"
    """git's histogram diff: anchors on rare lines, often reads better on code."""
    PATIENCE = "patience"
    """Patience diff: anchors on lines that occur once in each text."""


AlgorithmName: TypeAlias = Union[Algorithm, Literal["myers", "histogram", "patience"]]

_C_ALGORITHM = {
    Algorithm.MYERS: lib.FD_ALGORITHM_MYERS,
    Algorithm.HISTOGRAM: lib.FD_ALGORITHM_HISTOGRAM,
    Algorithm.PATIENCE: lib.FD_ALGORITHM_PATIENCE,
}

# A non-NULL pointer for an empty label (NULL would mean the default label).
_EMPTY = b"\0"


def count(name: str, value: object, maximum: int, minimum: int = 0) -> int:
    """An integer option in [minimum, maximum]; bool is refused, as it is not a count."""
    if isinstance(value, bool):
        raise TypeError(f"{name} must be an int, not bool")
    if type(value) is not int and not isinstance(value, SupportsIndex):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    number = operator.index(value)
    if not minimum <= number <= maximum:
        raise ValueError(f"{name} must be between {minimum} and {maximum}, not {number}")
    return number


def algorithm_number(value: object) -> int:
    """The C number of an ``Algorithm`` or of its name."""
    if not isinstance(value, str):
        raise TypeError(f"algorithm must be an Algorithm or one of {_names()}, not {type(value).__name__}")
    try:
        return _C_ALGORITHM[Algorithm(value)]
    except ValueError:
        raise ValueError(f"unknown algorithm {value!r}; expected one of {_names()}") from None


def _names() -> str:
    return ", ".join(repr(a.value) for a in Algorithm)


def label_bytes(name: str, value: object, *, text: bool) -> bytes:
    """A label as bytes: ``str`` always (UTF-8), bytes-like only when diffing bytes."""
    if isinstance(value, str):
        try:
            label = value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(f"{name} cannot be encoded as UTF-8") from None
    elif text:
        raise TypeError(f"{name} must be str when diffing str, not {type(value).__name__}")
    else:
        try:
            label = bytes(memoryview(value))  # type: ignore[arg-type]
        except TypeError:
            raise TypeError(f"{name} must be str or bytes-like, not {type(value).__name__}") from None
    if b"\n" in label or b"\r" in label:
        raise ValueError(f"{name} must not contain a line break (CR or LF): {value!r}")
    return label


# The comparison modes: each keyword argument, named after GNU diff's long
# option, and its fd_options.flags bit.
MODES = (
    ("ignore_space_change", lib.FD_FLAG_IGNORE_SPACE_CHANGE),
    ("ignore_all_space", lib.FD_FLAG_IGNORE_ALL_SPACE),
    ("ignore_blank_lines", lib.FD_FLAG_IGNORE_BLANK_LINES),
    ("ignore_case", lib.FD_FLAG_IGNORE_CASE),
    ("strip_trailing_cr", lib.FD_FLAG_STRIP_TRAILING_CR),
)


def flag(name: str, value: object) -> bool:
    """A yes/no option: only a bool, since a count or a string there is a mistake, not a wish."""
    if type(value) is not bool:
        raise TypeError(f"{name} must be a bool, not {type(value).__name__}")
    return value


def mode_flags(*values: object) -> int:
    """The ``fd_options.flags`` of the comparison modes, given in the order of ``MODES``."""
    flags = 0
    for (name, bit), value in zip(MODES, values, strict=True):
        if flag(name, value):
            flags |= bit
    return flags


def c_options(
    *,
    context_lines: object,
    algorithm: object,
    deadline_ms: object,
    text: bool,
    old_label: object = DEFAULT_OLD_LABEL,
    new_label: object = DEFAULT_NEW_LABEL,
    flags: int = 0,
) -> tuple[Any, tuple[Any, ...]]:
    """An ``fd_options *`` for these values (NULL for all defaults) and the objects it points into.
    ``flags`` are the comparison modes, from :func:`mode_flags`."""
    context = count("context_lines", context_lines, UINT32_MAX)
    algorithm_c = algorithm_number(algorithm)
    deadline = 0 if deadline_ms is None else count("deadline_ms", deadline_ms, UINT64_MAX, minimum=1)
    old = label_bytes("old_label", old_label, text=text)
    new = label_bytes("new_label", new_label, text=text)
    if (
        context == DEFAULT_CONTEXT_LINES
        and algorithm_c == lib.FD_ALGORITHM_MYERS
        and deadline == 0
        and flags == 0
        and old == b"original"
        and new == b"modified"
    ):
        return ffi.NULL, ()
    options = ffi.new("fd_options *")
    lib.fd_options_init(options)
    options.context_lines = context
    options.algorithm = algorithm_c
    options.deadline_ms = deadline
    options.flags = flags
    old_c = ffi.from_buffer("uint8_t[]", old or _EMPTY)
    new_c = ffi.from_buffer("uint8_t[]", new or _EMPTY)
    options.old_label, options.old_label_len = old_c, len(old)
    options.new_label, options.new_label_len = new_c, len(new)
    return options, (old_c, new_c)




def c_apply_options(
    *,
    max_offset: object,
    fuzz: object,
    recount: object,
    reverse: object,
    ignore_whitespace: object,
    strict_line_endings: object,
    partial: object,
) -> Any:
    """An ``fd_apply_options *`` for these values, or NULL when they are all the defaults."""
    offset = lib.FD_APPLY_ANY_OFFSET if max_offset is None else count("max_offset", max_offset, UINT64_MAX)
    fuzz_c = count("fuzz", fuzz, UINT32_MAX)
    flags = 0
    for name, value, bit in (
        ("recount", recount, lib.FD_APPLY_RECOUNT),
        ("reverse", reverse, lib.FD_APPLY_REVERSE),
        ("ignore_whitespace", ignore_whitespace, lib.FD_APPLY_IGNORE_WHITESPACE),
        ("strict_line_endings", strict_line_endings, lib.FD_APPLY_STRICT_EOL),
        ("partial", partial, lib.FD_APPLY_PARTIAL),
    ):
        if flag(name, value):
            flags |= bit
    if flags == 0 and fuzz_c == 0 and offset == lib.FD_APPLY_ANY_OFFSET:
        return ffi.NULL
    options = ffi.new("fd_apply_options *")
    lib.fd_apply_options_init(options)
    options.flags = flags
    options.max_offset = offset
    options.fuzz = fuzz_c
    return options
