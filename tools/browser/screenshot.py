#!/usr/bin/env python3
"""Renders the example page of the manual and photographs it in headless Chromium:
docs/html-diff.png, the picture docs/html.md shows (`make docs-screenshot`).

The page is the diff of two versions of a small program and its notes, made
here, through the Python binding, as a user would make it.

Usage: screenshot.py OUT.png [--dark] [--layout side-by-side|line-by-line]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import fast_diff

sys.path.insert(0, str(Path(__file__).parent))
from chromium import Chromium  # noqa: E402

OLD_PROGRAM = '''\
import json
import sys


def load(path):
    with open(path) as f:
        return json.load(f)


def total(items):
    return sum(item["price"] for item in items)


def main():
    items = load(sys.argv[1])
    print("total:", total(items))


if __name__ == "__main__":
    main()
'''

NEW_PROGRAM = '''\
import json
import sys


def load(path, encoding="utf-8"):
    with open(path, encoding=encoding) as f:
        return json.load(f)


def total(items, tax=0.0):
    return sum(item["price"] * item.get("count", 1) for item in items) * (1 + tax)


def main():
    items = load(sys.argv[1])
    print(f"total: {total(items, tax=0.2):.2f}")


if __name__ == "__main__":
    main()
'''

OLD_NOTES = "Prices are summed.\nRun: python total.py items.json\n"
NEW_NOTES = "Prices are summed, times their counts, with 20% tax.\nRun: python total.py items.json\n"


def page(layout: str) -> str:
    return fast_diff.html_diff_files(
        [("a/total.py", "b/total.py", OLD_PROGRAM, NEW_PROGRAM), ("a/NOTES", "b/NOTES", OLD_NOTES, NEW_NOTES)],
        layout=layout,
        title="total.py: counts and tax",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--layout", default="side-by-side")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        html = Path(scratch) / "diff.html"
        html.write_text(page(args.layout), encoding="utf-8")
        with Chromium() as browser:
            shot = browser.open(html.as_uri(), width=1100, height=600, dark=args.dark)
            shot.screenshot(args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
