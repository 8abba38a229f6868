"""`python -m fast_diff --version`: the version of the fast-diff this Python
imports, as its library reports it (`fd_version()`, which for an installed
wheel is the package's own version)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import fast_diff


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fast_diff", description="The fast-diff Python binding.")
    parser.add_argument("--version", action="version", version=f"fast-diff {fast_diff.__version__}")
    parser.parse_args(argv)
    parser.print_usage(sys.stderr)
    print("python -m fast_diff: nothing to do without --version", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
