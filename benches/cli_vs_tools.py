#!/usr/bin/env python3
"""`make bench-cli`: the `fast-diff` command against GNU `diff -u` and
`git diff --no-index` as whole processes on a few fixtures, outside `make
bench`. It measures as `make bench` does (tools.py: one untimed run of each
tool, then rounds rotating the order, through spawn_time, medians) and
judges each tool's diff against fast-diff's (outputs.py), then prints a
table. For reading, not quoting: README.md quotes only results.json.

Usage: cli_vs_tools.py SPAWN_TIME FD_FILE_DIFF FAST_DIFF FIXTURES_DIR [ROUNDS]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from outputs import judge_dir
from report import output_cell, ratio, show_ns
from tools import measure

FIXTURES = ["prose_10m", "log_10m", "source_100k", "tiny_100b"]
OURS = "process fast-diff command"


def main(argv: list[str]) -> int:
    if len(argv) not in (5, 6):
        print(__doc__, file=sys.stderr)
        return 2
    spawn_time, file_diff, cli, data = argv[1], argv[2], argv[3], Path(argv[4])
    rounds = int(argv[5]) if len(argv) == 6 else 9
    header = None
    for fixture in FIXTURES:
        with tempfile.TemporaryDirectory() as outputs:
            figures = measure(spawn_time, file_diff, cli, data, fixture, rounds, 60.0, Path(outputs))
            verdicts = judge_dir(data, fixture, Path(outputs))
        if header is None:
            header = list(figures)
            print("| fixture | " + " | ".join(name.removeprefix("process ") for name in header) + " |")
            print("|---" * (len(header) + 1) + "|")
        ours = figures[OURS]["median_ns"]
        cells = []
        for name in header:
            t = figures[name]["median_ns"]
            verdict = output_cell(verdicts.get(name))
            cells.append(show_ns(t) + ("" if name == OURS else f" ({ratio(t / ours)})")
                         + ("" if verdict == "identical" else f", {verdict}"))
        print(f"| `{fixture}` | {' | '.join(cells)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
