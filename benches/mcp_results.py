#!/usr/bin/env python3
"""`make bench-mcp`: the MCP server over stdio and HTTP (mcp_transport.py) and under load
(mcp_load.py), without the rest of `make bench`, written into RESULTS_DIR/results.json under
``mcp_transport`` and ``mcp_load`` (the rest of the file is kept), each with what made it: the
command, when, and the commit and whether the tree had uncommitted changes.

Usage: mcp_results.py RESULTS_DIR [--fixtures DIR] [--quick]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

BENCHES = Path(__file__).resolve().parent
ROOT = BENCHES.parent


def tree() -> dict[str, object]:
    def git(*argv: str) -> str:
        return subprocess.run(["git", "-C", str(ROOT), *argv], capture_output=True, text=True).stdout

    changed = [line[3:] for line in git("status", "--porcelain", "--untracked-files=no").splitlines()
               if not line[3:].startswith("benches/results/")]
    return {"commit": git("rev-parse", "--short", "HEAD").strip() or "unknown", "dirty": bool(changed)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("results", type=Path)
    parser.add_argument("--fixtures", type=Path, default=BENCHES / "data")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    made = {"command": "make bench-mcp", **tree()}
    scratch = Path(tempfile.mkdtemp(prefix="fast-diff-bench-mcp-"))
    parts = {}
    for key, script, extra in (("mcp_transport", "mcp_transport.py", ["--rounds", "5" if args.quick else "15"]),
                               ("mcp_load", "mcp_load.py", ["--quick"] if args.quick else [])):
        out = scratch / f"{key}.json"
        subprocess.run([sys.executable, str(BENCHES / script), str(args.fixtures), str(out), *extra], check=True)
        parts[key] = {**json.loads(out.read_text()),
                      "made": {**made, "generated": datetime.now(timezone.utc).isoformat(timespec="seconds")}}
    path = args.results / "results.json"
    results = json.loads(path.read_text())
    results.update(parts)
    path.write_text(json.dumps(results, indent=1) + "\n")
    print(f"wrote {', '.join(parts)} into {path}")


if __name__ == "__main__":
    main()
