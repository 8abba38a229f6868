"""The conformance vectors (tests/vectors/, format in its README.md) through the Python API.

The binding has no ``struct_size``, so ``v1`` cases run like ``full`` ones,
as the README allows. Each case also goes through ``diff_hunks`` (the
unified diff written from its hunks must be the expected one),
``diff_stats`` and, where the texts are UTF-8, the ``str`` API.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import fast_diff
from fast_diff import LineKind, diff_hunks, diff_stats, unified_diff

VECTORS = Path(__file__).resolve().parents[3] / "tests" / "vectors"

KEYS = {"context_lines", "algorithm", "deadline_ms", "flags", "struct_size"}
MODE_BITS = {
    1: "ignore_space_change",
    2: "ignore_all_space",
    4: "ignore_blank_lines",
    8: "ignore_case",
    16: "strip_trailing_cr",
}
STATUSES = {
    "FD_ERR_NULL_ARGUMENT": fast_diff.NullArgumentError,
    "FD_ERR_INVALID_OPTIONS": fast_diff.InvalidOptionsError,
    "FD_ERR_INPUT_TOO_LARGE": fast_diff.InputTooLargeError,
    "FD_ERR_INTERNAL": fast_diff.InternalError,
}


@dataclass
class Vector:
    name: str
    old: bytes
    new: bytes
    options: dict[str, Any] = field(default_factory=dict)
    unknown_flags: int = 0
    expected: bytes | None = None
    error: type[fast_diff.DiffError] | None = None


def read(name: str) -> Vector:
    """A case, read strictly: anything malformed fails the test rather than being skipped."""
    directory = VECTORS / name
    vector = Vector(name, (directory / "old").read_bytes(), (directory / "new").read_bytes())
    text = (directory / "options").read_text("ascii")
    assert text.endswith("\n"), f"{name}: options must end in LF"
    pairs = [line.split("=", 1) for line in text[:-1].split("\n")]
    assert all(len(pair) == 2 for pair in pairs), f"{name}: options lines must be key=value"
    values = dict(pairs)
    assert len(values) == len(pairs) and set(values) == KEYS, f"{name}: keys {sorted(values)}"
    vector.options["context_lines"] = int(values["context_lines"])
    vector.options["algorithm"] = values["algorithm"]
    deadline = int(values["deadline_ms"])
    vector.options["deadline_ms"] = deadline  # 0 is no limit, as in C
    assert values["struct_size"] in ("full", "v1"), f"{name}: struct_size"
    flags = int(values["flags"])
    for bit, mode in MODE_BITS.items():
        if flags & bit:
            vector.options[mode] = True
    vector.unknown_flags = flags & ~sum(MODE_BITS)
    for label in ("old_label", "new_label"):
        if (directory / label).exists():
            vector.options[label] = (directory / label).read_bytes()
    has_expected, has_error = (directory / "expected").exists(), (directory / "error").exists()
    assert has_expected != has_error, f"{name}: needs exactly one of expected and error"
    if has_expected:
        vector.expected = (directory / "expected").read_bytes()
    else:
        status = (directory / "error").read_text("ascii")
        assert status.endswith("\n") and status[:-1] in STATUSES, f"{name}: error file {status!r}"
        vector.error = STATUSES[status[:-1]]
    return vector


NAMES = sorted(path.name for path in VECTORS.iterdir() if path.is_dir())


def test_the_vectors_are_there() -> None:
    assert len(NAMES) >= 40, f"only {len(NAMES)} vectors in {VECTORS}"


def unified_from_hunks(hunks: list[fast_diff.Hunk[bytes]], old_label: bytes, new_label: bytes) -> bytes:
    if not hunks:
        return b""
    prefix = {LineKind.CONTEXT: b" ", LineKind.REMOVED: b"-", LineKind.ADDED: b"+"}
    out = [b"--- ", old_label, b"\n+++ ", new_label, b"\n"]
    for hunk in hunks:
        out.append(hunk.header.encode() + b"\n")
        for line in hunk.lines:
            out += [prefix[line.kind], line.text, b"\n\\ No newline at end of file\n" if line.no_newline else b""]
    return b"".join(out)


def utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


@pytest.mark.parametrize("name", NAMES)
def test_vector(name: str) -> None:
    vector = read(name)
    options = vector.options
    if vector.unknown_flags:
        # A flag the library does not know: the binding has no way to send
        # it (each mode is a keyword argument), so the case checks that the
        # library would refuse it and that an unknown mode is refused here.
        assert vector.error is fast_diff.InvalidOptionsError
        with pytest.raises(TypeError, match="unexpected keyword argument"):
            unified_diff(vector.old, vector.new, ignore_everything=True, **options)  # type: ignore[call-overload]
        return
    if vector.error is not None:
        # Options the library refuses, the binding refuses first (ValueError,
        # as documented), so that they never reach C.
        refused = (vector.error, ValueError) if vector.error is fast_diff.InvalidOptionsError else vector.error
        with pytest.raises(refused):
            unified_diff(vector.old, vector.new, **options)
        return
    assert unified_diff(vector.old, vector.new, **options) == vector.expected

    # The same diff as data: the hunks write it exactly, the stats count it.
    structured = {k: v for k, v in options.items() if k not in ("old_label", "new_label")}
    hunks = diff_hunks(vector.old, vector.new, **structured)
    labels = options.get("old_label", b"original"), options.get("new_label", b"modified")
    assert unified_from_hunks(hunks, *labels) == vector.expected
    stats = diff_stats(vector.old, vector.new, **structured)
    assert stats.hunks == len(hunks) and stats.identical == (vector.expected == b"")
    assert stats.lines_added == sum(line.kind is LineKind.ADDED for hunk in hunks for line in hunk.lines)
    assert stats.lines_removed == sum(line.kind is LineKind.REMOVED for hunk in hunks for line in hunk.lines)

    # Texts and labels that are UTF-8 also go through the str API.
    old, new = utf8(vector.old), utf8(vector.new)
    text_labels = {k: utf8(options[k]) for k in ("old_label", "new_label") if k in options}
    expected = utf8(vector.expected)
    if old is not None and new is not None and None not in text_labels.values() and expected is not None:
        assert unified_diff(old, new, **(options | text_labels)) == expected
