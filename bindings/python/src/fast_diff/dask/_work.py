"""What a Dask worker does with one chunk of a tree diff: read its files, diff them, write its part.

A chunk is a run of consecutive entries of the tree walk (:mod:`._walk`);
its part of the output is what ``diff -ruN`` prints for them, so the parts,
concatenated in the order of the chunks, are the whole output. Reading
happens here, on the worker: on a cluster of several machines the trees
must be at the same path on each (a shared file system), and relative
paths are taken from the client's working directory. The work has no side
effects, so a chunk whose worker died is simply done again elsewhere.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field

from .._batch import unified_diff_many
from ._walk import Entry, FilePair, Output, Trouble


@dataclass(frozen=True)
class Part:
    """A chunk's part of the run: its output, its messages, and what they mean for the exit status."""

    stdout: bytes
    stderr: list[bytes] = field(default_factory=list)
    """Messages, without the program's name or LF."""
    differences: bool = False
    trouble: bool = False


def diff_chunk(directory: str, entries: list[Entry]) -> Part:
    """The part of ``diff -ruN`` output for ``entries``, relative paths read from ``directory``."""
    pieces: list[bytes | int] = []  # output, or the index of a diff still to compute
    pairs: list[tuple[bytes, bytes]] = []
    labels: list[tuple[bytes, bytes]] = []
    headers: list[bytes] = []
    stderr: list[bytes] = []
    differences = trouble = False
    for entry in entries:
        if isinstance(entry, Output):
            pieces.append(entry.text)
            differences = True
        elif isinstance(entry, Trouble):
            stderr.append(entry.text)
            trouble = True
        else:
            texts = _read_pair(directory, entry, stderr)
            if texts is None:
                trouble = True
                continue
            old, new, binary = texts
            if old == new:
                continue
            differences = True
            if binary:
                pieces.append(b"Binary files " + entry.old_name + b" and " + entry.new_name + b" differ\n")
                continue
            pieces.append(len(pairs))
            pairs.append((old, new))
            labels.append((entry.old_label, entry.new_label))
            headers.append(entry.header)
    # The worker's tasks run on its own threads: one library thread each.
    diffs = unified_diff_many(pairs, threads=1, labels=labels)
    out = bytearray()
    for piece in pieces:
        if isinstance(piece, int):
            out += headers[piece]
            out += diffs[piece]
        else:
            out += piece
    return Part(bytes(out), stderr, differences, trouble)


def _read_pair(directory: str, pair: FilePair, stderr: list[bytes]) -> tuple[bytes, bytes, bool] | None:
    """Both texts (an absent side is empty) and whether GNU diff would call them binary, or None
    (with the message in ``stderr``) when one cannot be read."""
    texts: list[bytes] = []
    binary = False
    for path, name in ((pair.old, pair.old_name), (pair.new, pair.new_name)):
        if path is None:
            texts.append(b"")
            continue
        try:
            with open(os.path.join(os.fsencode(directory), path), "rb") as f:
                block = math.lcm(8, os.fstat(f.fileno()).st_blksize or 8)
                text = f.read()
        except OSError as error:
            stderr.append(name + b": " + (error.strerror or str(error)).encode())
            return None
        # GNU diff's test: a NUL in the first block it reads.
        binary = binary or b"\0" in text[:block]
        texts.append(text)
    return texts[0], texts[1], binary
