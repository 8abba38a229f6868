#!/usr/bin/env python3
"""Real code history, as the package registries serve it: released source
trees of real projects, fetched at bench or test time and cached under
target/corpus/ (never committed). One fetcher for every benchmark and test
that needs real history.

Releases come from Debian's archive of upstream tarballs
(deb.debian.org/debian/pool/main/...), which serves only the versions
current in Debian's releases; each pair is two releases of one project
whose trees differ in thousands of files.

Usage:
    corpus.py trees [NAME] [--cache DIR]   fetch a pair and print its two directories
    corpus.py list                         the pairs known here

Exits 3 with a message when the archive cannot be reached (offline), so
that callers can skip rather than fail.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tarfile
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CACHE = ROOT / "target" / "corpus"
DEBIAN_POOL = "http://deb.debian.org/debian/pool/main"
OFFLINE = 3  # exit status when the archive cannot be reached


class Offline(RuntimeError):
    """The archive could not be reached."""


@dataclass(frozen=True)
class Release:
    source: str  # Debian's source package name
    version: str
    suffix: str = "tar.xz"

    @property
    def file_name(self) -> str:
        return f"{self.source}_{self.version}.orig.{self.suffix}"

    @property
    def url(self) -> str:
        return f"{DEBIAN_POOL}/{self.source[0]}/{self.source}/{self.file_name}"


# Pairs of releases: (older, newer).
PAIRS: dict[str, tuple[Release, Release]] = {
    # git itself: a large C project with po/ translations; the two releases
    # differ in about 2,000 files.
    "git": (Release("git", "2.39.5"), Release("git", "2.47.3")),
}


def archive(release: Release, cache: Path) -> Path:
    """The release's tarball, downloaded once into the cache."""
    downloads = cache / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    path = downloads / release.file_name
    if path.exists():
        return path
    partial = path.with_suffix(path.suffix + ".part")
    try:
        with urllib.request.urlopen(release.url, timeout=60) as response, open(partial, "wb") as out:
            shutil.copyfileobj(response, out)
    except (urllib.error.URLError, OSError) as error:
        partial.unlink(missing_ok=True)
        raise Offline(f"cannot fetch {release.url}: {error}") from None
    partial.rename(path)
    return path


def tree(release: Release, cache: Path) -> Path:
    """The release's source tree, unpacked once into the cache: its top
    directory (as the tarball names it)."""
    trees = cache / "trees"
    done = trees / f"{release.source}-{release.version}.done"
    target = trees / f"{release.source}-{release.version}"
    if done.exists() and target.is_dir():
        return target
    tarball = archive(release, cache)
    trees.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(target, ignore_errors=True)
    with tempfile.TemporaryDirectory(dir=trees) as scratch:
        with tarfile.open(tarball) as tar:
            tar.extractall(scratch, filter="data")
        tops = list(Path(scratch).iterdir())
        # A tarball holds one top directory; its files go to `target`.
        top = tops[0] if len(tops) == 1 and tops[0].is_dir() else Path(scratch)
        top.rename(target)
    done.touch()
    return target


def tree_pair(name: str = "git", cache: Path = DEFAULT_CACHE) -> tuple[Path, Path]:
    """The older and the newer tree of the pair `name`."""
    old, new = PAIRS[name]
    return tree(old, cache), tree(new, cache)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    trees = sub.add_parser("trees", help="fetch a pair of release trees and print their directories")
    trees.add_argument("name", nargs="?", default="git", choices=sorted(PAIRS))
    trees.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    sub.add_parser("list", help="the pairs known here")
    args = parser.parse_args(argv[1:])
    if args.command == "list":
        for name, (old, new) in PAIRS.items():
            print(f"{name}: {old.url} {new.url}")
        return 0
    try:
        old, new = tree_pair(args.name, args.cache.resolve())
    except Offline as error:
        print(f"corpus.py: {error}; skipping (offline?)", file=sys.stderr)
        return OFFLINE
    print(old)
    print(new)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
