"""Two directory trees compared as GNU ``diff -ruN`` compares them, without reading a file.

:func:`walk` yields, in the order GNU diff 3.8 prints them, what ``diff -ruN
OLD NEW`` reports: a pair of files to diff (:class:`FilePair`, with the
header lines GNU writes for it), a line for standard output (``Only in``,
``File ... is a fifo while ...``) or a message for standard error (a
dangling symbolic link, a directory loop). It only lists directories and
stats entries; reading and diffing the files is left to the caller, which
can spread it over many machines. What it follows, as GNU diff does:

- entries are sorted by name: by the collation of ``LC_COLLATE`` when that
  is not ``C`` or ``POSIX``, ties (and the C locale) by bytes;
- symbolic links are followed; one that leads nowhere is trouble;
- a directory that is its own ancestor on its side is trouble (a loop), and
  two sides that are the same file are not compared;
- with ``-N``, an entry on one side only is compared with an empty file (a
  directory: with an empty directory), dated the epoch; other kinds of
  files (fifos, devices) there get ``Only in``;
- two entries that are not both regular files or both directories get
  ``File OLD is a KIND while file NEW is a KIND``.
"""

from __future__ import annotations

import locale
import os
import stat
import time
from collections.abc import Callable, Iterator
from typing import Any
from dataclasses import dataclass

from ._quote import quote


@dataclass(frozen=True)
class FilePair:
    """Two files to diff, one of which may be absent (an empty file, for ``-N``)."""

    old: bytes | None
    """The old file's path, or None when it is absent."""
    new: bytes | None
    old_name: bytes
    """The names as GNU diff writes them in messages (``Binary files ...``)."""
    new_name: bytes
    header: bytes
    """The ``diff -ruN OLD/x NEW/x`` line, LF included."""
    old_label: bytes
    """What follows ``---``: the quoted name, a tab, the modification time."""
    new_label: bytes
    size: int
    """Both sides' sizes in bytes, to size the work."""


@dataclass(frozen=True)
class Output:
    """A line for standard output, LF included."""

    text: bytes


@dataclass(frozen=True)
class Trouble:
    """A message for standard error, without the program's name or LF."""

    text: bytes


Entry = FilePair | Output | Trouble


def walk(old: bytes, new: bytes) -> Iterator[Entry]:
    """What ``diff -ruN old new`` reports, in its order (see the module's documentation)."""
    sides: list[os.stat_result | None] = []
    troubles: list[Trouble] = []
    for path in (old, new):
        try:
            sides.append(os.stat(path))
        except FileNotFoundError as error:  # under -N, absent: unless both are
            sides.append(None)
            troubles.append(_trouble(path, error))
        except OSError as error:
            yield _trouble(path, error)
            return
    if sides[0] is None and sides[1] is None:
        yield from troubles
        return
    yield from _compare(old, new, sides[0], sides[1], ((), ()), depth=0)


def gnu_time(mtime_ns: int) -> bytes:
    """A modification time as GNU diff writes it: local time, nanoseconds, the offset."""
    seconds, nanoseconds = divmod(mtime_ns, 10**9)
    moment = time.localtime(seconds)
    return f"{time.strftime('%Y-%m-%d %H:%M:%S', moment)}.{nanoseconds:09d} {time.strftime('%z', moment)}".encode()


_EPOCH = None  # the absent side's time, computed when first needed (it depends on the time zone)


def _epoch() -> bytes:
    global _EPOCH
    if _EPOCH is None:
        _EPOCH = gnu_time(0)
    return _EPOCH


Ancestors = tuple[tuple[int, int], ...]


def _compare(
    old: bytes, new: bytes, old_stat: os.stat_result | None, new_stat: os.stat_result | None,
    ancestors: tuple[Ancestors, Ancestors], depth: int,
) -> Iterator[Entry]:
    """Compares two existing entries (or one, the other absent under ``-N``), ``depth``
    directories below the operands."""
    old_dir = old_stat is not None and stat.S_ISDIR(old_stat.st_mode)
    new_dir = new_stat is not None and stat.S_ISDIR(new_stat.st_mode)
    if old_stat is not None and new_stat is not None and _same_file(old_stat, new_stat):
        return
    if (old_dir or old_stat is None) and (new_dir or new_stat is None):
        yield from _compare_directories(old, new, old_stat, new_stat, ancestors, depth)
        return
    old_regular = old_stat is None or stat.S_ISREG(old_stat.st_mode)
    new_regular = new_stat is None or stat.S_ISREG(new_stat.st_mode)
    if old_stat is None or new_stat is None:
        if not (old_regular and new_regular):  # a fifo or device on one side only
            present, present_stat = (old, old_stat) if old_stat is not None else (new, new_stat)
            directory, _, name = present.rpartition(b"/")
            yield Output(b"Only in " + directory + b": " + name + b"\n")
            return
    elif not (old_regular and new_regular) and (depth or old_dir or new_dir):
        yield Output(
            b"File " + old + b" is a " + _kind(old_stat) + b" while file " + new + b" is a " + _kind(new_stat) + b"\n"
        )
        return
    yield FilePair(
        old=old if old_stat is not None else None,
        new=new if new_stat is not None else None,
        old_name=old,
        new_name=new,
        # Only files found in directories get GNU's line naming them.
        header=b"diff -ruN " + quote(old) + b" " + quote(new) + b"\n" if depth else b"",
        old_label=quote(old) + b"\t" + (gnu_time(old_stat.st_mtime_ns) if old_stat is not None else _epoch()),
        new_label=quote(new) + b"\t" + (gnu_time(new_stat.st_mtime_ns) if new_stat is not None else _epoch()),
        size=(old_stat.st_size if old_stat is not None else 0) + (new_stat.st_size if new_stat is not None else 0),
    )


def _compare_directories(
    old: bytes, new: bytes, old_stat: os.stat_result | None, new_stat: os.stat_result | None,
    ancestors: tuple[Ancestors, Ancestors], depth: int,
) -> Iterator[Entry]:
    listed: list[set[bytes]] = []
    below: list[Ancestors] = []
    for path, st, side in ((old, old_stat, ancestors[0]), (new, new_stat, ancestors[1])):
        if st is None:
            listed.append(set())
            below.append(side)
            continue
        identity = (st.st_dev, st.st_ino)
        if identity in side:
            yield Trouble(path + b": recursive directory loop")
            return
        try:
            listed.append(set(os.listdir(path)))
        except OSError as error:
            yield _trouble(path, error)
            return
        below.append((*side, identity))
    old_names, new_names = listed
    for name in sorted(old_names | new_names, key=_collation()):
        old_path, new_path = _join(old, name), _join(new, name)
        stats: list[os.stat_result | None] = []
        failed = False
        for path, names in ((old_path, old_names), (new_path, new_names)):
            if name not in names:
                stats.append(None)
                continue
            try:
                stats.append(os.stat(path))
            except OSError as error:
                yield _trouble(path, error)
                failed = True
        if not failed:
            yield from _compare(old_path, new_path, stats[0], stats[1], (below[0], below[1]), depth + 1)


def _join(directory: bytes, name: bytes) -> bytes:
    """``directory/name``, as GNU diff joins them: one slash, however many ``directory`` ends with."""
    return directory.rstrip(b"/") + b"/" + name if directory.strip(b"/") else directory + name


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _kind(st: os.stat_result) -> bytes:
    """The kind of file, in GNU diff's words."""
    mode = st.st_mode
    if stat.S_ISREG(mode):
        return b"regular empty file" if st.st_size == 0 else b"regular file"
    for test, name in (
        (stat.S_ISDIR, b"directory"),
        (stat.S_ISLNK, b"symbolic link"),
        (stat.S_ISFIFO, b"fifo"),
        (stat.S_ISSOCK, b"socket"),
        (stat.S_ISCHR, b"character special file"),
        (stat.S_ISBLK, b"block special file"),
    ):
        if test(mode):
            return name
    return b"weird file"


def _trouble(path: bytes, error: OSError) -> Trouble:
    return Trouble(path + b": " + (error.strerror or str(error)).encode())


def _collation() -> Callable[[bytes], Any]:
    """How GNU diff orders names: bytes in the C locale, else the locale's collation, ties by bytes."""
    name = locale.setlocale(locale.LC_COLLATE)
    if name in ("C", "POSIX"):
        return _by_bytes

    def collated(entry: bytes) -> Any:
        try:
            return (locale.strxfrm(os.fsdecode(entry)), entry)
        except (ValueError, OSError):
            return ("", entry)

    return collated


def _by_bytes(entry: bytes) -> Any:
    return entry
