#!/usr/bin/env python3
"""Real code history for the benchmarks: two releases of a real project, as the
registries serve them, and the files that changed between them.

The default corpus is git itself, 2.39.5 and 2.47.3, from Debian's archive
(upstream tarballs, `pool/main/g/git/git_VERSION.orig.tar.xz`): a large C
project whose changed files (source, docs, po/ translations) number in the
thousands. Fetched at bench time, unpacked and cached under target/corpus/,
never committed. Without a network the fetch fails with `CorpusUnavailable`
and a message saying so; callers skip what needs it.

    python3 benches/corpus.py            # fetch and unpack, print the trees and a summary
    python3 benches/corpus.py --pairs    # also count the changed pairs and their bytes

Other benchmarks import it: `trees()` gives the two unpacked trees,
`changed_pairs()` the (path, old bytes, new bytes) of every file in both
whose contents differ.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tarfile
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "target" / "corpus"
POOL = "http://deb.debian.org/debian/pool/main"


@dataclass(frozen=True)
class Release:
    source: str
    version: str
    compression: str = "xz"

    @property
    def url(self) -> str:
        return f"{POOL}/{self.source[0]}/{self.source}/{self.source}_{self.version}.orig.tar.{self.compression}"

    @property
    def name(self) -> str:
        return f"{self.source}-{self.version}"


GIT = (Release("git", "2.39.5"), Release("git", "2.47.3"))


class CorpusUnavailable(RuntimeError):
    """The corpus is not cached and cannot be fetched (no network, or the archive moved)."""


def fetch(release: Release, cache: Path = CACHE) -> Path:
    """The unpacked tree of ``release`` under ``cache``, downloading it the first time."""
    tree = cache / release.name
    if (tree / ".complete").exists():
        return tree
    cache.mkdir(parents=True, exist_ok=True)
    archive = cache / Path(release.url).name
    if not archive.exists():
        partial = archive.with_suffix(archive.suffix + ".part")
        try:
            with urllib.request.urlopen(release.url, timeout=60) as response, open(partial, "wb") as out:
                shutil.copyfileobj(response, out, 1 << 20)
        except (urllib.error.URLError, OSError) as error:
            partial.unlink(missing_ok=True)
            raise CorpusUnavailable(f"cannot fetch {release.url}: {error}") from None
        partial.rename(archive)
    with tempfile.TemporaryDirectory(dir=cache) as scratch:
        with tarfile.open(archive) as tar:
            tar.extractall(scratch, filter="data")
        (top,) = Path(scratch).iterdir()  # one directory, whatever the tarball calls it
        shutil.rmtree(tree, ignore_errors=True)
        top.rename(tree)
    (tree / ".complete").touch()
    return tree


def trees(releases: tuple[Release, Release] = GIT, cache: Path = CACHE) -> tuple[Path, Path]:
    """The two unpacked trees, old and new."""
    return fetch(releases[0], cache), fetch(releases[1], cache)


def files(tree: Path) -> dict[str, Path]:
    """Every regular file of ``tree`` by its path relative to it (symbolic links are not files here)."""
    found = {}
    for directory, _, names in os.walk(tree):
        for name in names:
            path = Path(directory, name)
            if path.is_file() and not path.is_symlink() and name != ".complete":
                found[str(path.relative_to(tree))] = path
    return found


def changed_pairs(releases: tuple[Release, Release] = GIT, cache: Path = CACHE) -> list[tuple[str, bytes, bytes]]:
    """(path, old bytes, new bytes) of every file in both trees whose bytes differ, by path."""
    old_tree, new_tree = trees(releases, cache)
    old_files, new_files = files(old_tree), files(new_tree)
    pairs = []
    for path in sorted(old_files.keys() & new_files.keys()):
        old, new = old_files[path].read_bytes(), new_files[path].read_bytes()
        if old != new:
            pairs.append((path, old, new))
    return pairs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--pairs", action="store_true", help="count the changed pairs")
    args = parser.parse_args()
    try:
        old, new = trees(cache=args.cache)
    except CorpusUnavailable as error:
        print(f"corpus.py: {error}", file=sys.stderr)
        return 1
    print(old)
    print(new)
    if args.pairs:
        pairs = changed_pairs(cache=args.cache)
        print(f"{len(pairs)} changed files, {sum(len(o) + len(n) for _, o, n in pairs):,} bytes in both versions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
