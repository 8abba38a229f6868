#!/usr/bin/env python3
"""Whole-process time of `fast-diff -u` against GNU `diff -u` and
`git diff --no-index`, side by side in one hyperfine run per fixture.

Every command writes its diff to /dev/null and exits 1 (the files differ),
so hyperfine runs them with --ignore-failure. Figures are medians of the
runs; ratios are each tool's median over fast-diff's.
Usage: cli_vs_tools.py FAST_DIFF_BINARY FIXTURES_DIR [RUNS]
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

FIXTURES = ["prose_10m", "log_10m", "source_100k", "tiny_100b"]


def main(argv: list[str]) -> int:
    if len(argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    binary, data = argv[1], Path(argv[2])
    runs = argv[3] if len(argv) == 4 else "20"
    if shutil.which("hyperfine") is None:
        print("cli_vs_tools.py needs hyperfine (apt-get install hyperfine)", file=sys.stderr)
        return 2
    tools = {
        "fast-diff -u": [binary, "-u"],
        "GNU diff -u": ["diff", "-u"],
        "git diff --no-index": ["git", "diff", "--no-index", "--no-color"],
    }
    print(f"| fixture | {' | '.join(tools)} |")
    print("|---" * (len(tools) + 1) + "|")
    for name in FIXTURES:
        old, new = data / f"{name}.old", data / f"{name}.new"
        commands = [" ".join([*argv_, str(old), str(new)]) for argv_ in tools.values()]
        with tempfile.NamedTemporaryFile(suffix=".json") as report:
            subprocess.run(
                ["hyperfine", "-N", "--ignore-failure", "--warmup", "3", "--runs", runs,
                 "--style", "none", "--export-json", report.name, *commands],
                check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            results = json.loads(Path(report.name).read_text())["results"]
        medians = [r["median"] for r in results]
        cells = [f"{m * 1e3:.2f} ms" + ("" if i == 0 else f" ({m / medians[0]:.1f}x)") for i, m in enumerate(medians)]
        print(f"| `{name}` | {' | '.join(cells)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
