"""File names on the ``diff`` and ``---``/``+++`` lines, quoted as GNU diff 3.8 quotes them.

A name with a control byte, a space, ``"``, ``\\`` or a byte above 127 is
written between double quotes, with C escapes (``\\t``, ``\\n``, ``\\"``,
``\\\\``) and octal ones for the rest; any other name is written as it is.
(The same rule as the ``fast-diff`` command's, in ``cli/src/quote.rs``.)
"""

from __future__ import annotations

_ESCAPES = {7: b"\\a", 8: b"\\b", 9: b"\\t", 10: b"\\n", 11: b"\\v", 12: b"\\f", 13: b"\\r", 34: b'\\"', 92: b"\\\\"}


def _forces_quoting(byte: int) -> bool:
    return byte <= 32 or byte in (34, 92) or byte >= 128


def quote(name: bytes) -> bytes:
    """``name`` as GNU diff writes it in a header."""
    if not any(map(_forces_quoting, name)):
        return name
    out = bytearray(b'"')
    for byte in name:
        escape = _ESCAPES.get(byte)
        if escape is not None:
            out += escape
        elif 32 <= byte < 127:
            out.append(byte)
        else:
            out += b"\\%03o" % byte
    out += b'"'
    return bytes(out)
