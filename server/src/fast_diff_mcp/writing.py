"""Writing a set of files all or nothing, as `fast-patch` does: the work of `edit_files`.

Every new text is first written to a temporary file beside its file and
synced. Then each file that is replaced is kept under a backup name (a hard
link) and each one deleted is renamed to one; the temporary files are
renamed over their files, the directories synced, and the backups removed.
When a step fails before the last rename, everything done is undone. A
rename replaces a name, never writes through it. Modes are kept, and owners
where allowed. The paths come from ``roots.Roots.place``, already confined.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Change:
    path: Path
    """Where, as ``Roots.place`` resolved it."""
    data: bytes | None
    """The new bytes; None deletes the file."""
    exists: bool


class WriteFailed(Exception):
    """Nothing was written; the message says what failed."""


def _temporary(path: Path, k: int, what: str) -> Path:
    return path.with_name(f".{path.name[:200]}.fast-diff-{what}.{os.getpid()}.{k}")


def _sync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def commit(changes: Sequence[Change]) -> None:
    """Makes every change, or none (see the module's notes)."""
    temporaries: list[tuple[Path, Path]] = []  # (temporary, file)
    backups: list[tuple[Path, Path]] = []  # (backup, file)
    created: list[Path] = []
    made: list[Path] = []
    try:
        for k, change in enumerate(changes):
            if change.data is None:
                continue
            missing = [p for p in reversed(change.path.parents) if not os.path.lexists(p)]
            for directory in missing:
                os.mkdir(directory)
                made.append(directory)
            temporary = _temporary(change.path, k, "new")
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
            fd = os.open(temporary, flags, 0o666)
            temporaries.append((temporary, change.path))
            with os.fdopen(fd, "wb") as file:
                file.write(change.data)
                if change.exists:
                    info = os.stat(change.path, follow_symlinks=False)
                    try:
                        os.fchown(file.fileno(), info.st_uid, info.st_gid)
                    except OSError:
                        pass  # a user may not give files away
                    os.fchmod(file.fileno(), info.st_mode & 0o7777)
                file.flush()
                os.fsync(file.fileno())
        for k, change in enumerate(changes):
            if not change.exists:
                continue
            backup = _temporary(change.path, k, "old")
            if change.data is None:
                os.rename(change.path, backup)
                backups.append((backup, change.path))
            else:
                try:
                    os.link(change.path, backup, follow_symlinks=False)
                    backups.append((backup, change.path))
                except OSError:
                    pass  # without hard links there is no backup to restore
        for temporary, path in list(temporaries):
            os.rename(temporary, path)
            temporaries.remove((temporary, path))
            if not any(p == path for _, p in backups):
                created.append(path)
    except OSError as error:
        for temporary, _ in temporaries:
            _remove(temporary)
        for path in created:
            _remove(path)
        for backup, path in backups:
            try:
                os.rename(backup, path)
            except OSError:
                pass
        for directory in reversed(made):
            try:
                os.rmdir(directory)
            except OSError:
                pass
        where = f"{error.filename}: " if error.filename else ""
        raise WriteFailed(f"{where}{error.strerror or error}; nothing was written") from None
    for directory in {c.path.parent for c in changes}:
        _sync_dir(directory)
    for backup, _ in backups:
        _remove(backup)


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
