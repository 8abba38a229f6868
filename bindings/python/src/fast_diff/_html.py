"""Diffs as one self-contained HTML page: :func:`html_diff` for two texts, :func:`html_diff_files` for many pairs of files."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal, Union

from ._call import Output, call
from ._diff_options import (
    DEFAULTS,
    DiffOptions,
    Granularity,
    GranularityName,
    UnifiedDiffBytesOptions,
    diff_options,
    granularity_number,
)
from ._inputs import Lent, lend, require_buffer
from ._keywords import choice, with_keywords
from ._native import ffi, lib

if TYPE_CHECKING:
    from typing import Unpack

    from typing_extensions import Buffer, TypeAlias


class HtmlLayout(enum.StrEnum):
    """How a page lays the lines out."""

    SIDE_BY_SIDE = "side-by-side"
    """The old text on the left, the new on the right (the default)."""
    LINE_BY_LINE = "line-by-line"
    """One column, as a unified diff reads: removed lines, then added lines."""


HtmlLayoutName: TypeAlias = Union[HtmlLayout, Literal["side-by-side", "line-by-line"]]
Name: TypeAlias = "str | Buffer"
"""A file name: ``str`` (written as UTF-8) or bytes-like (any bytes, shown as text)."""

_LAYOUTS: Mapping[str, int] = {
    HtmlLayout.SIDE_BY_SIDE: lib.FD_HTML_SIDE_BY_SIDE,
    HtmlLayout.LINE_BY_LINE: lib.FD_HTML_LINE_BY_LINE,
}
_TEXTS = ("old", "new")
_FILE_FIELDS = ("old_name", "new_name", "old", "new")


@with_keywords(UnifiedDiffBytesOptions, DEFAULTS)
def html_diff(
    old: str | Buffer,
    new: str | Buffer,
    *,
    layout: HtmlLayoutName = HtmlLayout.SIDE_BY_SIDE,
    title: Name | None = None,
    granularity: GranularityName = Granularity.WORDS,
    **options: Unpack[UnifiedDiffBytesOptions],
) -> str:
    """The diff :func:`unified_diff` would compute, as one self-contained HTML page.

    The page (``str``, to write as UTF-8) needs nothing from elsewhere: side by side
    or line by line (``layout``), with line numbers, the changed ``granularity``
    (words, chars or graphemes) of changed lines marked with ``<del>`` and ``<ins>``,
    unchanged lines folded, and colours for light and dark schemes. Every byte of
    the texts is shown as text: markup in them is escaped, bytes that are not UTF-8
    are shown as ``\\xNN``. ``old_label`` and ``new_label`` name the two sides;
    ``title`` (default: the names) heads the page. ``deadline_ms`` bounds the word
    marks too. Inputs and other options are those of :func:`unified_diff`.
    """
    inputs = lend(_TEXTS, (old, new))
    options_c = diff_options("html_diff", options, inputs, labels=True)
    html_c = _html_options(layout, title, granularity, inputs)
    return call(lib.fd_html_diff, inputs, options_c, html_c, out=_PAGE)


@with_keywords(DiffOptions, DEFAULTS)
def html_diff_files(
    files: Iterable[tuple[Name, Name, str | Buffer, str | Buffer]],
    *,
    layout: HtmlLayoutName = HtmlLayout.SIDE_BY_SIDE,
    title: Name | None = None,
    granularity: GranularityName = Granularity.WORDS,
    **options: Unpack[DiffOptions],
) -> str:
    """The diffs of many pairs of files as one HTML page: a list of the files with
    their counts (when there is more than one), then each file's diff, in order.

    ``files`` holds ``(old_name, new_name, old, new)`` tuples: the names as ``str``
    or bytes, each pair of texts both ``str`` or both bytes-like. The other keywords
    are those of :func:`html_diff`, less the labels (each file has its names).
    """
    lent = Lent((), False, ())
    pairs = list(files)
    array = lent.keep(ffi.new("fd_html_file[]", max(len(pairs), 1)))
    for i, pair in enumerate(pairs):
        if not isinstance(pair, tuple) or len(pair) != 4:
            raise TypeError(f"files[{i}] must be a tuple (old_name, new_name, old, new)")
        old_name, new_name, old, new = pair
        texts = lent.keep(lend(_TEXTS, (old, new)))
        item = array[i]
        item.old_name, item.old_name_len = _lend_name(f"files[{i}] old_name", old_name, lent)
        item.new_name, item.new_name_len = _lend_name(f"files[{i}] new_name", new_name, lent)
        old_ptr, item.old_len, new_ptr, item.new_len = texts.c_args
        item.old_text, item.new_text = _pointer(old_ptr, lent), _pointer(new_ptr, lent)
    options_c = diff_options("html_diff_files", options, lent, labels=False)
    html_c = _html_options(layout, title, granularity, lent)
    return call(lib.fd_html_diff_files, lent, array, len(pairs), options_c, html_c, out=_PAGE)


def _html_options(layout: object, title: object, granularity: object, inputs: Lent) -> Any:
    """The ``fd_html_options *``, or NULL for the defaults."""
    layout_c = choice("layout", layout, _LAYOUTS)
    granularity_c = granularity_number(granularity)
    if (layout_c, title, granularity_c) == (lib.FD_HTML_SIDE_BY_SIDE, None, lib.FD_GRANULARITY_WORDS):
        return ffi.NULL
    html = ffi.new("fd_html_options *")
    lib.fd_html_options_init(html)
    html.layout = layout_c
    html.granularity = granularity_c
    if title is not None:
        html.title, html.title_len = _lend_name("title", title, inputs)
    return html


def _pointer(lent_text: Any, inputs: Lent) -> Any:
    """A text lent as a call argument (``bytes`` or a cdata pointer) as a pointer a struct
    field takes."""
    if isinstance(lent_text, bytes):
        return inputs.keep(ffi.from_buffer("uint8_t[]", lent_text))
    return lent_text


def _lend_name(name: str, value: object, inputs: Lent) -> tuple[Any, int]:
    """A name or title as a pointer and length, kept alive with ``inputs``."""
    if isinstance(value, str):
        data = value.encode("utf-8", "surrogateescape")
    else:
        require_buffer(name, value)
        data = bytes(value)  # type: ignore[call-overload]
    return inputs.keep(ffi.from_buffer("uint8_t[]", data or b"\0")), len(data)


class _PageOutput(Output[str]):
    """An ``fd_buf *`` holding a page: always UTF-8 (every byte of the inputs is
    written as text), so always ``str``."""

    __slots__ = ()

    def new(self) -> tuple[Any, ...]:
        return (ffi.new("fd_buf *"),)

    def read(self, outs: tuple[Any, ...], inputs: Lent) -> str:
        return str(ffi.buffer(outs[0].ptr, outs[0].len), "utf-8")

    def free(self, outs: tuple[Any, ...]) -> None:
        lib.fd_free(outs[0])


_PAGE = _PageOutput()
