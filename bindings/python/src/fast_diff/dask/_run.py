"""A tree diff on a Dask cluster: the walk on the client, chunks of files on the workers, the
parts written in order as they arrive."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Sequence
from typing import IO, TYPE_CHECKING, Any

from ._walk import Entry, FilePair, walk
from ._work import Part, diff_chunk

if TYPE_CHECKING:
    from distributed import Client

PROGRAM = b"fast_diff.dask"

# What an entry costs to plan with, beyond its bytes: opening, reading and
# stating two files, and its share of a task's overhead.
ENTRY_COST = 16 * 1024
# Chunks smaller than this spend more on being a task than on diffing.
MIN_CHUNK_COST = 2 * 1024 * 1024
# Chunks per thread of the cluster: enough to even out uneven files and to
# lose little when a worker dies, few enough to keep tasks cheap.
CHUNKS_PER_THREAD = 4


def diff_trees(
    old: str | os.PathLike[str],
    new: str | os.PathLike[str],
    out: IO[bytes],
    *,
    client: Client,
    errors: IO[bytes] | None = None,
    chunks: int | None = None,
    on_chunk: Callable[[int, int], None] | None = None,
) -> int:
    """Writes to ``out`` what ``diff -ruN old new`` writes (byte for byte, in the same order),
    diffing the files on ``client``'s cluster, and returns its exit status: 0 the trees are
    the same, 1 they differ, 2 trouble (messages on ``errors``, by default nowhere).

    The files are split into ``chunks`` runs of consecutive files (by default about four per
    thread of the cluster, by size), each a Dask task that reads and diffs its files on a
    worker: the trees must be at the same path on every worker's machine (relative paths
    are taken from this process's working directory). ``on_chunk(done, total)`` is called
    as each chunk's part arrives. A worker that dies has its chunks done again by Dask.
    """
    entries = list(walk(os.fsencode(old), os.fsencode(new)))
    cluster: Any = client  # distributed's API is untyped
    if chunks is None:
        threads = sum(cluster.nthreads().values()) or 1
        plan = plan_chunks(entries, CHUNKS_PER_THREAD * threads, MIN_CHUNK_COST)
    else:
        plan = plan_chunks(entries, chunks)
    directory = os.getcwd()
    futures = cluster.map(diff_chunk, [directory] * len(plan), plan, pure=False)
    order = {future.key: i for i, future in enumerate(futures)}
    arrived: dict[int, Part] = {}
    written = 0
    status = 0
    as_completed = importlib.import_module("distributed").as_completed

    try:
        for done, future in enumerate(as_completed(futures), start=1):
            arrived[order[future.key]] = future.result()
            if on_chunk is not None:
                on_chunk(done, len(plan))
            while written in arrived:
                part = arrived.pop(written)
                out.write(part.stdout)
                if errors is not None:
                    for message in part.stderr:
                        errors.write(PROGRAM + b": " + message + b"\n")
                status = max(status, 2 if part.trouble else 1 if part.differences else 0)
                written += 1
    finally:
        cluster.cancel(futures)
    out.flush()
    return status


def plan_chunks(entries: Sequence[Entry], chunks: int, min_cost: int = 0) -> list[list[Entry]]:
    """``entries`` cut into at most ``chunks`` runs of consecutive entries of about the same
    cost (bytes to read and a fixed cost per entry), each costing at least ``min_cost``
    unless there is less in all."""
    if not entries:
        return []
    costs = [ENTRY_COST + (entry.size if isinstance(entry, FilePair) else 0) for entry in entries]
    target = max(sum(costs) / max(chunks, 1), min_cost)
    plan: list[list[Entry]] = [[]]
    filled = 0.0
    for entry, cost in zip(entries, costs):
        if plan[-1] and filled + cost / 2 > target and len(plan) < chunks:
            plan.append([])
            filled = 0.0
        plan[-1].append(entry)
        filled += cost
    return plan
