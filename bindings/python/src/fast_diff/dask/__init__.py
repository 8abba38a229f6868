"""fast-diff on a Dask cluster: diff two directory trees, or a Dask bag of text pairs.

- ``python -m fast_diff.dask OLD NEW [--workers N | --scheduler ADDRESS] [-o OUT]``
  writes what ``diff -ruN OLD NEW`` writes, with its exit status, the files
  diffed in chunks on the cluster (see :func:`diff_trees`).
- :func:`diff_bag` maps a ``dask.bag.Bag`` of ``(old, new)`` pairs to their
  unified diffs, one :func:`fast_diff.unified_diff_many` call per partition.

Needs the ``dask`` extra: ``pip install './bindings/python[dask]'``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .._batch import unified_diff_many
from ._run import diff_trees, plan_chunks
from ._walk import FilePair, Output, Trouble, walk

if TYPE_CHECKING:
    import dask.bag


def diff_partition(pairs: Iterable[Any], **options: Any) -> list[Any]:
    """The unified diffs of one partition's ``(old, new)`` pairs, in order: one
    :func:`fast_diff.unified_diff_many` call on one thread (a Dask worker runs
    as many partitions at once as it has threads). ``options`` are
    :func:`fast_diff.unified_diff_many`'s keywords."""
    return unified_diff_many(pairs, threads=1, **options)


def diff_bag(pairs: dask.bag.Bag, **options: Any) -> dask.bag.Bag:
    """A bag of the unified diffs of a bag of ``(old, new)`` pairs (all ``str`` or all
    bytes-like), each what :func:`fast_diff.unified_diff` gives for its pair, in the
    bag's order. ``options`` are :func:`fast_diff.unified_diff`'s keywords, for every
    pair."""
    bag: Any = pairs  # dask's API is untyped
    result: dask.bag.Bag = bag.map_partitions(diff_partition, **options)
    return result


__all__ = ["FilePair", "Output", "Trouble", "diff_bag", "diff_partition", "diff_trees", "plan_chunks", "walk"]
