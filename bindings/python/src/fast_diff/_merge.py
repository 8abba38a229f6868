"""The three-way merge of ``git merge-file``: :func:`merge` and its :class:`MergeResult`."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, AnyStr, Generic, Literal, overload

from ._call import Output, call
from ._diff_options import _ALGORITHMS, Algorithm
from ._errors import error_for_status
from ._inputs import IndexedText, Lent, lend
from ._keywords import choice, count
from ._native import ffi, lib

if TYPE_CHECKING:
    from typing_extensions import Buffer


class MergeStyle(enum.StrEnum):
    """How conflicts are written, as git's ``merge.conflictStyle``."""

    MERGE = "merge"
    """Ours and theirs between markers, narrowed to the lines that differ (the default)."""
    DIFF3 = "diff3"
    """Also the base, after ``|||||||``; conflicts are not narrowed."""
    ZDIFF3 = "zdiff3"
    """diff3, with the lines that begin or end both sides alike moved out of the conflict."""


class MergeFavor(enum.StrEnum):
    """How conflicts are resolved without markers (``--ours``, ``--theirs``, ``--union``)."""

    OURS = "ours"
    THEIRS = "theirs"
    UNION = "union"
    """Our side, then theirs."""


class RegionKind(enum.StrEnum):
    """What a region of a merged text is."""

    UNCHANGED = "unchanged"
    """Lines neither side changed."""
    OURS = "ours"
    """Lines only ours changed, taken from ours."""
    THEIRS = "theirs"
    """Lines only theirs changed, taken from theirs."""
    BOTH = "both"
    """Lines both sides changed alike, taken once."""
    CONFLICT = "conflict"
    """Lines the sides changed differently, written between markers."""
    RESOLVED = "resolved"
    """A conflict resolved by ``favor``."""


_STYLES: Mapping[str, int] = {MergeStyle.MERGE: lib.FD_MERGE_STYLE_MERGE, MergeStyle.DIFF3: lib.FD_MERGE_STYLE_DIFF3,
           MergeStyle.ZDIFF3: lib.FD_MERGE_STYLE_ZDIFF3}
_FAVORS: Mapping[str, int] = {MergeFavor.OURS: lib.FD_MERGE_FAVOR_OURS, MergeFavor.THEIRS: lib.FD_MERGE_FAVOR_THEIRS,
           MergeFavor.UNION: lib.FD_MERGE_FAVOR_UNION}
_KINDS = {lib.FD_REGION_UNCHANGED: RegionKind.UNCHANGED, lib.FD_REGION_OURS: RegionKind.OURS,
          lib.FD_REGION_THEIRS: RegionKind.THEIRS, lib.FD_REGION_BOTH: RegionKind.BOTH,
          lib.FD_REGION_CONFLICT: RegionKind.CONFLICT, lib.FD_REGION_RESOLVED: RegionKind.RESOLVED}

StyleName = MergeStyle | Literal["merge", "diff3", "zdiff3"]
FavorName = MergeFavor | Literal["ours", "theirs", "union"]


@dataclass(frozen=True, slots=True)
class MergeRegion(Generic[AnyStr]):
    """A stretch of the merged text and the lines of each input it comes from.

    Line ranges are 0-based (``range`` objects, so ``len(region.ours)`` is its
    number of lines in ours); the regions follow one another, tiling the
    result and each input. The texts are the region's lines in each input and
    in the result (a conflict's ``text`` includes its marker lines).
    """

    kind: RegionKind
    base: range
    ours: range
    theirs: range
    result: range
    base_text: AnyStr
    ours_text: AnyStr
    theirs_text: AnyStr
    text: AnyStr


@dataclass(frozen=True, slots=True)
class MergeResult(Generic[AnyStr]):
    """The result of :func:`merge`: the merged text, its number of conflicts, and its regions."""

    text: AnyStr
    """The merged text, byte for byte as ``git merge-file -p`` writes it."""
    conflicts: int
    """How many conflicts the text marks (0 with a ``favor``)."""
    regions: tuple[MergeRegion[AnyStr], ...]
    """The merged text as regions, in order."""


@overload
def merge(
    base: str, ours: str, theirs: str, *, style: StyleName = ..., favor: FavorName | None = ...,
    labels: Sequence[str | bytes] = ..., marker_size: int = ..., algorithm: Algorithm | str = ...,
) -> MergeResult[str]: ...
@overload
def merge(
    base: Buffer, ours: Buffer, theirs: Buffer, *, style: StyleName = ..., favor: FavorName | None = ...,
    labels: Sequence[str | bytes] = ..., marker_size: int = ..., algorithm: Algorithm | str = ...,
) -> MergeResult[bytes]: ...
def merge(
    base: Any,
    ours: Any,
    theirs: Any,
    *,
    style: StyleName = MergeStyle.MERGE,
    favor: FavorName | None = None,
    labels: Sequence[str | bytes] = ("ours", "base", "theirs"),
    marker_size: int = 7,
    algorithm: Algorithm | str = Algorithm.MYERS,
) -> MergeResult[Any]:
    """Merges ``ours`` and ``theirs``, two edits of ``base``, as ``git merge-file`` does.

    Changes only one side made are taken; a change both made alike is taken
    once; changes that overlap or touch are conflicts, marked in the text
    (``<<<<<<< ours``, ``=======``, ``>>>>>>> theirs``, and with ``style="diff3"``
    or ``"zdiff3"`` the base after ``||||||| base``), unless ``favor`` resolves
    them (``"ours"``, ``"theirs"``, ``"union"``). A deletion against an edit is a
    conflict, never a silent choice. Markers follow the text's line endings.

    The texts are all ``str`` (merged as UTF-8; the result is ``str``) or all
    bytes-like (any bytes: NULs, invalid UTF-8; the result is ``bytes``).
    ``labels`` are the names after the ``<<<<<<<``, ``|||||||`` and ``>>>>>>>``
    markers (``str`` or ``bytes``, without line breaks; an empty one writes the
    marker alone); ``marker_size`` is the markers' length (1 to 1024);
    ``algorithm`` the diff against the base (Myers runs as git's does).

    Raises:
        TypeError, ValueError: bad arguments (checked before anything reaches C).
        InputTooLargeError: a text has more lines than the library compares.

    The GIL is released while the library works.
    """
    inputs = lend(("base", "ours", "theirs"), (base, ours, theirs), "merged")
    options = lib_options(inputs, style, favor, labels, marker_size, algorithm)
    return call(lib.fd_merge_regions, inputs, options, out=_RESULT)


def lib_options(inputs: Lent, style: object, favor: object, labels: Sequence[str | bytes], marker_size: int,
                algorithm: object) -> Any:
    """The ``fd_merge_options *`` for :func:`merge`'s keywords; labels are lent along with ``inputs``."""
    options = ffi.new("fd_merge_options *")
    lib.fd_merge_options_init(options)
    options.style = choice("style", style, _STYLES)
    options.favor = lib.FD_MERGE_FAVOR_NONE if favor is None else choice("favor", favor, _FAVORS)
    options.marker_size = count("marker_size", marker_size, lib.FD_MERGE_MAX_MARKER_SIZE, minimum=1)
    options.algorithm = choice("algorithm", algorithm, _ALGORITHMS)
    if isinstance(labels, (str, bytes)) or len(labels) != 3:
        raise TypeError("labels must be a sequence of three labels: ours, base and theirs")
    for field, label in zip(("ours_label", "base_label", "theirs_label"), labels):
        if isinstance(label, str):
            label = label.encode("utf-8")
        if not isinstance(label, bytes):
            raise TypeError(f"each label must be str or bytes, not {type(label).__name__}")
        if b"\n" in label or b"\r" in label:
            raise ValueError(f"labels must not contain a line break: {label!r}")
        # A non-NULL pointer even for an empty label (NULL means the default).
        data = inputs.keep(ffi.from_buffer("uint8_t[]", label + b"\0"))
        setattr(options, field, data)
        setattr(options, field + "_len", len(label))
    return options


class _ResultOutput(Output["MergeResult[Any]"]):
    """``fd_merge_regions``'s ``fd_merge_result **``: copied into a :class:`MergeResult`."""

    __slots__ = ()

    def new(self) -> tuple[Any, ...]:
        return (ffi.new("fd_merge_result **"),)

    def read(self, outs: tuple[Any, ...], inputs: Lent) -> MergeResult[Any]:
        result = outs[0][0]
        if result == ffi.NULL:  # the header promises a result with FD_OK
            raise error_for_status(lib.FD_ERR_INTERNAL)
        utf8 = bytes(ffi.buffer(result.text, result.text_len)) if result.text_len else b""
        text: Any = utf8.decode("utf-8") if inputs.is_str else utf8
        indexed = [inputs.indexed(0), inputs.indexed(1), inputs.indexed(2), IndexedText(text, utf8)]
        regions = []
        for i in range(result.region_count):
            r = result.regions[i]
            pieces = [
                indexed[k].slice(indexed[k].span(offset, length))
                for k, (offset, length) in enumerate(
                    ((r.base_offset, r.base_len), (r.ours_offset, r.ours_len),
                     (r.theirs_offset, r.theirs_len), (r.result_offset, r.result_len))
                )
            ]
            regions.append(
                MergeRegion(
                    kind=_KINDS[r.kind],
                    base=range(r.base_start, r.base_start + r.base_count),
                    ours=range(r.ours_start, r.ours_start + r.ours_count),
                    theirs=range(r.theirs_start, r.theirs_start + r.theirs_count),
                    result=range(r.result_start, r.result_start + r.result_count),
                    base_text=pieces[0],
                    ours_text=pieces[1],
                    theirs_text=pieces[2],
                    text=pieces[3],
                )
            )
        return MergeResult(text=text, conflicts=result.conflicts, regions=tuple(regions))

    def free(self, outs: tuple[Any, ...]) -> None:
        lib.fd_merge_result_free(outs[0][0])


_RESULT = _ResultOutput()
