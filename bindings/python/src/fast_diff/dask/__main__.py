"""``python -m fast_diff.dask OLD NEW [--workers N | --scheduler ADDRESS] [-o OUT]``.

Writes what ``diff -ruN OLD NEW`` writes, byte for byte, with its exit
status (0 the trees are the same, 1 they differ, 2 trouble), the files read
and diffed in chunks on a Dask cluster: a ``LocalCluster`` of N worker
processes (by default one per core), or the cluster whose scheduler is at
ADDRESS. A progress bar is drawn on standard error when it is a terminal.
"""

from __future__ import annotations

import argparse
import importlib
import locale
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import IO, TYPE_CHECKING, Any

from ._progress import Progress
from ._run import PROGRAM, diff_trees

if TYPE_CHECKING:
    from distributed import Client


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m fast_diff.dask",
        description="Diff two directory trees on a Dask cluster, as diff -ruN OLD NEW.",
    )
    parser.add_argument("old", metavar="OLD")
    parser.add_argument("new", metavar="NEW")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, metavar="N", help="start a local cluster of N worker processes "
                       "(default: one per core)")
    where.add_argument("--scheduler", metavar="ADDRESS", help="use the cluster of the scheduler at ADDRESS "
                       "(such as tcp://10.0.0.1:8786)")
    parser.add_argument("-o", "--output", metavar="OUT", help="write the diff to OUT instead of standard output")
    args = parser.parse_args(argv)
    if args.workers is not None and args.workers < 1:
        parser.error("--workers must be at least 1")
    locale.setlocale(locale.LC_COLLATE, "")  # names are sorted as GNU diff sorts them
    errors = sys.stderr.buffer
    try:
        with ExitStack() as stack:
            out: IO[bytes] = stack.enter_context(open(args.output, "wb")) if args.output else sys.stdout.buffer
            client = stack.enter_context(_client(args.workers, args.scheduler))
            progress = Progress(sys.stderr)
            stack.callback(progress.close)
            return diff_trees(args.old, args.new, out, client=client, errors=errors, on_chunk=progress.update)
    except Exception as error:  # a cluster that cannot be reached or a run that cannot finish
        errors.write(PROGRAM + b": " + str(error).encode(errors="replace") + b"\n")
        return 2


@contextmanager
def _client(workers: int | None, scheduler: str | None) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler``, or of a local cluster of ``workers``
    processes that lives as long as it."""
    distributed: Any = importlib.import_module("distributed")  # untyped

    if scheduler is not None:
        with distributed.Client(scheduler, timeout="10s") as client:
            yield client
        return
    with (
        distributed.LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: never a warning that 8787 is taken
            silence_logs=logging.ERROR,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


if __name__ == "__main__":
    sys.exit(main())
