"""The directories the file tools may read (and `edit_files` write), and the paths confined to them.

A path is refused before the file system is asked anything about it when it
contains ``..`` or, being absolute, is outside every root, so that refusals
tell nothing about files outside the roots. Otherwise it is resolved
(symbolic links followed) and must still be inside a root: a link that
leads out is refused. The file is then opened without following a link in
its last component, and on Linux the opened file's own path is checked
again (``/proc/self/fd``), so a link swapped in between the check and the
open does not lead out either.

A path is resolved as far as it exists before anything is said about it: a
path that leads out through a link is refused alike whether or not its end
exists outside, so that a link to a directory outside does not let a client
learn which outside paths exist. A regular file with more than one name (a
hard link) is refused unless the server allows it (``--allow-hard-links``):
its other names may be outside the roots, and nothing on the file tells
where. What cannot be prevented is written in the server's README
("Files").

A file that does not exist yet (one a patch creates) is placed by its
nearest existing directory, resolved and checked likewise; one that exists
and is to be replaced or deleted is held to the same rule of one name.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .limits import ConfigError


class PathRefused(ValueError):
    """A path the tool will not read; the message says why."""


class FileTooLarge(PathRefused):
    """A file larger than the bytes the caller may still read."""


@dataclass(frozen=True)
class Root:
    given: Path
    """The directory as given, made absolute (for the lexical check)."""
    real: Path
    """The directory with every symbolic link resolved."""


def _inside(path: Path, directory: Path) -> bool:
    return path == directory or directory in path.parents


class Roots:
    """The allowed directories, checked when the server starts."""

    def __init__(self, directories: Sequence[str | os.PathLike[str]], *, allow_hard_links: bool = False) -> None:
        self.allow_hard_links = allow_hard_links
        roots = []
        for directory in directories:
            given = Path(os.path.abspath(directory))
            try:
                real = given.resolve(strict=True)
            except (OSError, RuntimeError) as error:
                raise ConfigError(f"--root {directory}: {error.strerror if isinstance(error, OSError) else error}") from None
            if not real.is_dir():
                raise ConfigError(f"--root {directory}: not a directory")
            roots.append(Root(given, real))
        self.roots = tuple(roots)

    def __bool__(self) -> bool:
        return bool(self.roots)

    def describe(self) -> str:
        return ", ".join(str(root.real) for root in self.roots)

    def named(self, directory: str | None) -> Root:
        """The root ``directory`` names (as given or resolved); the first one for None."""
        if directory is None:
            return self.roots[0]
        wanted = Path(os.path.abspath(directory))
        for root in self.roots:
            if wanted in (root.given, root.real):
                return root
        raise PathRefused(f"{directory!r} is not one of the directories this server may use ({self.describe()})")

    def _candidate(self, path: str, base: Root | None) -> Path:
        """The path as asked for, checked without asking the file system; relative to ``base``
        (else the first root)."""
        if not path:
            raise PathRefused("the path is empty")
        if "\0" in path:
            raise PathRefused("the path contains a NUL character")
        if ".." in PurePosixPath(path).parts:
            raise PathRefused(f"{path!r} contains '..'")
        if os.path.isabs(path):
            candidate = Path(os.path.normpath(path))
            if not any(_inside(candidate, r.given) or _inside(candidate, r.real) for r in self.roots):
                raise PathRefused(f"{path!r} is outside the directories this server may read")
        else:
            # Relative paths are relative to the first root (or the one named).
            candidate = (base or self.roots[0]).given / path
        return candidate

    def _confined(self, path: str, base: Root | None) -> Path:
        """The path resolved as far as it exists, and still inside a root."""
        candidate = self._candidate(path, base)
        try:
            # As far as it exists: whether an outside end exists is not told.
            real = candidate.resolve(strict=False)
        except (OSError, RuntimeError) as error:
            raise PathRefused(f"{path!r} cannot be resolved: {getattr(error, 'strerror', None) or error}") from None
        if not any(_inside(real, r.real) for r in self.roots):
            raise PathRefused(f"{path!r} leads outside the directories this server may read through a symbolic link")
        if os.path.islink(real):  # resolving stopped at a link: a loop (newer Pythons do not raise)
            raise PathRefused(f"{path!r} cannot be resolved: a loop of symbolic links")
        return real

    def resolve(self, path: str, base: Root | None = None) -> Path:
        """The real path of a regular file inside a root, or PathRefused saying why not."""
        real = self._confined(path, base)
        if not os.path.lexists(real):
            raise PathRefused(f"{path!r} does not exist")
        return real

    def place(self, path: str, base: Root | None = None) -> tuple[Path, bool]:
        """Where a file ``path`` names is or would be written: its real path and whether it
        exists. An existing one must be a regular file with one name (unless hard links are
        allowed); for a new one, its nearest existing directory must be a directory."""
        real = self._confined(path, base)
        if os.path.lexists(real):
            info = os.stat(real)
            if not stat.S_ISREG(info.st_mode):
                raise PathRefused(f"{path!r} is not a regular file")
            self.check_names(path, info, "writes")
            return real, True
        # What exists of ``real`` is resolved already: its nearest existing ancestor is inside a root.
        ancestor = real.parent
        while not os.path.lexists(ancestor):
            ancestor = ancestor.parent
        if not ancestor.is_dir():
            raise PathRefused(f"{path!r}: {str(ancestor)!r} is not a directory")
        return real, False

    def check_names(self, path: str, info: os.stat_result, does: str) -> None:
        """PathRefused when the file ``info`` describes has several names and the server does not allow that."""
        if info.st_nlink > 1 and not self.allow_hard_links:
            raise PathRefused(
                f"{path!r} has {info.st_nlink} names (hard links), and its others may be outside the "
                f"directories this server may read; this server {does} only files with one name "
                "(it allows more when started with --allow-hard-links)"
            )

    def read(self, path: str, max_bytes: int, base: Root | None = None) -> tuple[Path, bytes]:
        """The real path and the bytes of the regular file ``path`` names, at most ``max_bytes`` of them."""
        real = self.resolve(path, base)
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(real, flags)
        except OSError as error:
            raise PathRefused(f"{path!r} cannot be opened: {error.strerror}") from None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                kind = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file"
                raise PathRefused(f"{path!r} is {kind}; give the path of a file")
            self.check_names(path, info, "reads")
            opened = _opened_path(fd)
            if opened is not None and not any(_inside(opened, r.real) for r in self.roots):
                raise PathRefused(f"{path!r} changed while it was opened and now leads outside the directories")
            if info.st_size > max_bytes:
                raise FileTooLarge(f"{path!r} is {info.st_size:,} bytes, more than the {max_bytes:,} bytes left")
            with os.fdopen(fd, "rb", closefd=False) as file:
                data = file.read(max_bytes + 1)
        finally:
            os.close(fd)
        if len(data) > max_bytes:
            raise FileTooLarge(f"{path!r} grew past the {max_bytes:,} bytes left while it was read")
        return real, data


def _opened_path(fd: int) -> Path | None:
    """Where an open file really is, when the system can tell (Linux's /proc)."""
    try:
        return Path(os.readlink(f"/proc/self/fd/{fd}"))
    except OSError:
        return None
