"""`diff_files` on two directories: every file of both, compared as `diff -ruN` and `git diff --no-index` compare
them, as one multi-file diff, and each file's counts.

The walk reads only what the roots allow: it starts from two directories inside the roots, never follows a
symbolic link (a link, a device or a fifo is listed as skipped, not read), and reads each file through
``Roots.read``, which checks the path again. A file on one side only is added or deleted (compared with an empty
one, as ``diff -N`` does); a file that is a directory on the other side is deleted or added, then the directory's
files. Names are in byte order, depth first, as both tools walk them. A file with a NUL byte in its first 8,000
bytes is binary (git's rule): reported, not diffed. The input limit counts every byte read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import fast_diff
from fast_diff import DiffStats

from .options import EngineOptions
from .outputs import Line, unified_lines
from .roots import FileTooLarge, Roots
from .text import as_text

Style = Literal["unified", "git"]
Status = Literal["modified", "added", "deleted"]

BINARY_PROBE = 8000
"""How far git looks for a NUL byte."""


@dataclass(frozen=True)
class FileDiff:
    path: str
    """Relative to the two directories, with '/' between names."""
    status: Status
    binary: bool
    stats: DiffStats
    old_mode: int | None
    new_mode: int | None


@dataclass
class TreeDiff:
    """The multi-file diff as lines, each file's counts, what was skipped, and the totals."""

    lines: list[Line] = field(default_factory=list)
    files: list[FileDiff] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    identical_files: int = 0
    escaped: bool = False
    matched_lines: float = 0.0
    total_lines: int = 0

    def stats(self) -> DiffStats:
        """The totals over every file, as one diff's counts."""
        changed = [f.stats for f in self.files]
        similarity = 1.0 if self.total_lines == 0 else 2 * self.matched_lines / self.total_lines
        return DiffStats(
            lines_added=sum(s.lines_added for s in changed),
            lines_removed=sum(s.lines_removed for s in changed),
            hunks=sum(s.hunks for s in changed),
            identical=not self.files,
            similarity=similarity,
        )


@dataclass(frozen=True)
class _Entry:
    name: str
    kind: Literal["file", "dir", "other"]
    why: str = ""


def _entries(directory: Path | None) -> dict[str, _Entry]:
    """The entries of a directory (none for an absent one), links and special files marked as such."""
    if directory is None:
        return {}
    out = {}
    with os.scandir(directory) as scan:
        for entry in scan:
            if entry.is_symlink():
                out[entry.name] = _Entry(entry.name, "other", "a symbolic link (not followed)")
            elif entry.is_dir(follow_symlinks=False):
                out[entry.name] = _Entry(entry.name, "dir")
            elif entry.is_file(follow_symlinks=False):
                out[entry.name] = _Entry(entry.name, "file")
            else:
                out[entry.name] = _Entry(entry.name, "other", "not a regular file")
    return out


def _walk(old: Path | None, new: Path | None, relative: str) -> Iterator[tuple[str, Path | None, Path | None, str]]:
    """Every file path in order, with its file on each side (None where absent), or a reason to skip it."""
    old_entries, new_entries = _entries(old), _entries(new)
    for name in sorted(old_entries.keys() | new_entries.keys(), key=os.fsencode):
        path = f"{relative}{name}"
        a, b = old_entries.get(name), new_entries.get(name)
        others = [entry.why for entry in (a, b) if entry is not None and entry.kind == "other"]
        if others:
            yield path, None, None, others[0]
        a = a if a is not None and a.kind != "other" else None
        b = b if b is not None and b.kind != "other" else None
        old_file = old / name if a is not None and a.kind == "file" and old is not None else None
        new_file = new / name if b is not None and b.kind == "file" and new is not None else None
        if old_file is not None or new_file is not None:
            yield path, old_file, new_file, ""
        old_dir = old / name if a is not None and a.kind == "dir" and old is not None else None
        new_dir = new / name if b is not None and b.kind == "dir" and new is not None else None
        if old_dir is not None or new_dir is not None:
            yield from _walk(old_dir, new_dir, f"{path}/")


def _git_mode(path: Path) -> int:
    return 0o100755 if os.stat(path).st_mode & stat.S_IXUSR else 0o100644


class _Budget:
    """The bytes a call may still read."""

    def __init__(self, limit: int) -> None:
        self.left = limit

    def read(self, roots: Roots, path: Path | None) -> bytes:
        if path is None:
            return b""
        _, data = roots.read(str(path), self.left)
        self.left -= len(data)
        return data


def _count_lines(data: bytes) -> int:
    return data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)


def diff_trees(
    roots: Roots,
    old_dir: Path,
    new_dir: Path,
    *,
    options: EngineOptions,
    style: Style,
    labels: tuple[str, str],
    max_bytes: int,
) -> TreeDiff:
    """The diff of the two directories (real paths inside the roots). Raises ``FileTooLarge`` when the files
    together are over ``max_bytes``, and ``PathRefused`` for a file the roots refuse."""
    out = TreeDiff()
    budget = _Budget(max_bytes)
    hunk_base = 0
    for path, old_file, new_file, why in _walk(old_dir, new_dir, ""):
        if why:
            out.skipped.append((path, why))
            continue
        old, new = budget.read(roots, old_file), budget.read(roots, new_file)
        old_mode = _git_mode(old_file) if old_file is not None else None
        new_mode = _git_mode(new_file) if new_file is not None else None
        status: Status = "added" if old_file is None else "deleted" if new_file is None else "modified"
        out.total_lines += _count_lines(old) + _count_lines(new)
        names = _names(style, labels, path, old_file is not None, new_file is not None)
        header = _git_header(names, status, old_mode, new_mode) if style == "git" else []
        binary = b"\0" in old[:BINARY_PROBE] or b"\0" in new[:BINARY_PROBE]
        if binary:
            if old == new and not (style == "git" and (status != "modified" or old_mode != new_mode)):
                out.identical_files += 1
                out.matched_lines += _count_lines(old)
                continue
            stats = DiffStats(lines_added=0, lines_removed=0, hunks=0, identical=old == new, similarity=0.0)
            lines = [Line(text, None, None) for text in header]
            if old != new:
                lines.append(Line(f"Binary files {names[0]} and {names[1]} differ\n", None, None))
            out.lines.extend(lines)
            out.files.append(FileDiff(path, status, True, stats, old_mode, new_mode))
            continue
        diff, stats = fast_diff.unified_diff_stats(old, new, old_label=names[2], new_label=names[3], **options)
        out.matched_lines += stats.similarity * (_count_lines(old) + _count_lines(new)) / 2
        mode_only = style == "git" and (status != "modified" or old_mode != new_mode)
        if stats.identical and not mode_only:
            out.identical_files += 1
            continue
        text, escaped = as_text(diff)
        out.escaped |= escaped
        out.lines.extend(Line(h, None, None) for h in header)
        for line in unified_lines(text):
            out.lines.append(line if line.hunk is None else Line(line.text, line.hunk + hunk_base, line.sign))
        hunk_base += stats.hunks
        out.files.append(FileDiff(path, status, False, stats, old_mode, new_mode))
    return out


def _names(style: Style, labels: tuple[str, str], path: str, old: bool, new: bool) -> tuple[str, str, str, str]:
    """The names of a file pair: for the `diff --git` and `Binary files` lines, then for the `---`/`+++`
    lines (where an absent file is /dev/null)."""
    if style == "git":
        a, b = f"a/{path}", f"b/{path}"
    else:
        a, b = f"{labels[0].rstrip('/')}/{path}", f"{labels[1].rstrip('/')}/{path}"
    return a, b, a if old else "/dev/null", b if new else "/dev/null"


def _git_header(names: tuple[str, str, str, str], status: Status, old: int | None, new: int | None) -> list[str]:
    lines = [f"diff --git {names[0]} {names[1]}\n"]
    if status == "added":
        lines.append(f"new file mode {new:o}\n")
    elif status == "deleted":
        lines.append(f"deleted file mode {old:o}\n")
    elif old != new:
        lines += [f"old mode {old:o}\n", f"new mode {new:o}\n"]
    return lines


def stats_lines(tree: TreeDiff) -> list[Line]:
    """The per-file counts as text, one line a file, then the totals."""
    lines = []
    for f in tree.files:
        what = "binary, differs" if f.binary else (
            f"{f.stats.hunks} hunk{'s' * (f.stats.hunks != 1)}, +{f.stats.lines_added} -{f.stats.lines_removed}"
        )
        mode = f", mode {f.old_mode:o} -> {f.new_mode:o}" if f.old_mode and f.new_mode and f.old_mode != f.new_mode else ""
        lines.append(Line(f"{f.status} {f.path}: {what}{mode}\n", None, None))
    total = tree.stats()
    lines.append(Line(
        f"{len(tree.files)} file{'s' * (len(tree.files) != 1)} differ, {tree.identical_files} the same"
        f"{f', {len(tree.skipped)} skipped' if tree.skipped else ''}: {total.hunks} hunks, "
        f"{total.lines_added} lines added, {total.lines_removed} removed.\n",
        None,
        None,
    ))
    return lines


__all__ = ["FileDiff", "FileTooLarge", "Style", "TreeDiff", "diff_trees", "stats_lines"]
