"""Text as diffs and patches see it: lines ending at LF, the no-newline marker, bytes shown as text."""

from __future__ import annotations

NO_NEWLINE = "\\ No newline at end of file\n"
"""The line GNU diff writes after a last line that has no newline."""


def split_lines(text: str) -> list[str]:
    """Lines ending at LF only, as fast-diff, GNU diff and patch split them.

    (``str.splitlines`` would also split at CR, form feeds and more.)
    """
    pieces = text.split("\n")
    lines = [piece + "\n" for piece in pieces[:-1]]
    if pieces[-1]:
        lines.append(pieces[-1])
    return lines


def as_text(data: str | bytes) -> tuple[str, bool]:
    """``data`` as text, and whether bytes that are not UTF-8 had to be escaped (as ``\\xNN``)."""
    if isinstance(data, str):
        return data, False
    try:
        return data.decode("utf-8"), False
    except UnicodeDecodeError:
        return data.decode("utf-8", "backslashreplace"), True
