#!/usr/bin/env python3
"""Real code history, as the package registries serve it: two released
versions of each of a few real projects, downloaded once and cached under
target/corpus/ (never committed), and the pairs of files that changed
between them. The one home of real history for every benchmark and test
that needs it (line diffs, batch and tree diffs, merges).

Projects (`corpus.py list`):
    git     git 2.39.5 and 2.47.3, Debian's upstream tarballs: a large C
            project with po/ translation files, some of them rewritten
    tokio   tokio 1.38.0 and 1.47.1 from crates.io: a large Rust crate
    django  Django 5.0 and 5.1, the sdists on PyPI: a large Python package
            with its locale files

Every download is checked against the SHA-256 pinned here, so the corpus is
the same on every machine.

Usage:
    corpus.py                            as `corpus.py trees git`
    corpus.py list                       the projects, one a line
    corpus.py fetch [NAME ...]           download and unpack (all by default), and write
                                         each project's pairs file (as pairs-file)
    corpus.py trees NAME                 the two unpacked releases' roots, old then new, a line each
    corpus.py pairs NAME [--out FILE]    the changed files: OLD<TAB>NEW per pair
                                         (absolute paths; --out writes them to FILE)
    corpus.py pairs-file NAME            the path of a file listing them (as pairs --out)

The trees are unpacked as released, symbolic links too (the tree
benchmark and tests diff them whole). A pair is a regular file present at the same path in both releases whose
bytes differ; pairs come sorted by path. Without the registries (offline, or
blocked), every command that needs a download exits with status 3 and says
so on standard error; what is cached already works offline.

From Python (benches/ on sys.path), for the history, batch and tree
benchmarks alike; WHICH is a project's name or its two `Release`s, "git"
(`GIT`, its releases) by default:
    PROJECTS                      the projects by name (`Project`: name, what, old, new)
    fetch(release) -> Path        one release's unpacked root
    trees(WHICH) -> (old, new)    the two releases' roots
    files(root) -> {path: Path}   a tree's regular files by relative path
    changed_pairs(WHICH)          the pairs as (path, old bytes, new bytes)
    pairs(WHICH)                  the pairs as (old Path, new Path)
    pairs_file(name) -> Path      the file `pairs --out` writes, written once
    CorpusUnavailable             raised when a download is impossible
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tarfile
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "target" / "corpus"
OFFLINE = 3  # exit status when a download is impossible


class CorpusUnavailable(RuntimeError):
    """A download the corpus needs could not be made (offline, or the archive moved)."""


@dataclass(frozen=True)
class Release:
    source: str  # the project's name
    version: str
    url: str  # or, for PyPI, the JSON document listing the project's files
    sha256: str
    pypi: bool = False

    @property
    def name(self) -> str:
        """Its directory under the cache, e.g. git-2.39.5."""
        return f"{self.source}-{self.version}"


@dataclass(frozen=True)
class Project:
    name: str
    what: str
    old: Release
    new: Release


def _debian(source: str, version: str, sha256: str) -> Release:
    return Release(source, version, f"http://deb.debian.org/debian/pool/main/{source[0]}/{source}/{source}_{version}.orig.tar.xz",
                   sha256)


def _crate(name: str, version: str, sha256: str) -> Release:
    return Release(name, version, f"https://static.crates.io/crates/{name}/{name}-{version}.crate", sha256)


def _pypi(name: str, version: str, sha256: str) -> Release:
    return Release(name.lower(), version, f"https://pypi.org/pypi/{name}/json", sha256, pypi=True)


PROJECTS = {
    p.name: p
    for p in [
        Project("git", "git, a large C project with po/ translation files (Debian's upstream tarballs)",
                _debian("git", "2.39.5", "c58da92c378df4a986ca33266897a7397e86c22ee266a284d8c2432c39066b59"),
                _debian("git", "2.47.3", "9c2eb1250781b3e5bfef098572d07fdf132d67e6c065e4307332ade9819a1501")),
        Project("tokio", "tokio, a large Rust crate (crates.io)",
                _crate("tokio", "1.38.0", "ba4f4a02a7a80d6f274636f0aa95c7e383b912d41fe721a31f29e29698585a4a"),
                _crate("tokio", "1.47.1", "89e49afdadebb872d3145a5638b59eb0691ea23e46ca484037cfab3b76b95038")),
        Project("django", "Django, a large Python package with its locale files (PyPI sdists)",
                _pypi("Django", "5.0", "7d29e14dfbc19cb6a95a4bd669edbde11f5d4c6a71fdaa42c2d40b6846e807f7"),
                _pypi("Django", "5.1", "848a5980e8efb76eea70872fb0e4bc5e371619c70fffbe48e3e1b50b2c09455d")),
    ]
}
GIT = (PROJECTS["git"].old, PROJECTS["git"].new)
Which = str | tuple[Release, Release]


def _get(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read()
    except (urllib.error.URLError, TimeoutError, OSError) as e:
        raise CorpusUnavailable(f"cannot download {url}: {e}") from e


def _archive_url(release: Release) -> str:
    if not release.pypi:
        return release.url
    listing = json.loads(_get(release.url))
    for file in listing["releases"].get(release.version, []):
        if file["packagetype"] == "sdist" and file["digests"]["sha256"] == release.sha256:
            return urllib.parse.urljoin(release.url, file["url"])
    raise CorpusUnavailable(f"{release.url} lists no sdist with SHA-256 {release.sha256}")


def _download(release: Release, cache: Path) -> Path:
    """The release's archive, downloaded into the cache unless it is there."""
    path = cache / "downloads" / f"{release.sha256}.tar"
    if path.exists():
        return path
    data = _get(_archive_url(release))
    digest = hashlib.sha256(data).hexdigest()
    if digest != release.sha256:
        raise CorpusUnavailable(f"{release.url}: SHA-256 {digest}, expected {release.sha256}")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_bytes(data)
    partial.rename(path)
    return path


def _unpack(archive: Path, into: Path) -> None:
    """Unpacks the archive (tar's "data" filter: nothing outside it), without its top directory."""
    with tempfile.TemporaryDirectory(dir=into.parent) as scratch:
        with tarfile.open(archive) as tar:
            tar.extractall(scratch, filter="data")
        (top,) = Path(scratch).iterdir()  # one directory, whatever the archive calls it
        top.rename(into)


def fetch(release: Release, cache: Path = CACHE) -> Path:
    """The root of the release's unpacked tree, downloaded and unpacked the first time."""
    root = cache / release.name
    if not root.exists():
        cache.mkdir(parents=True, exist_ok=True)
        _unpack(_download(release, cache), root)
    return root


def _releases(which: Which) -> tuple[Release, Release]:
    return (PROJECTS[which].old, PROJECTS[which].new) if isinstance(which, str) else which


def trees(which: Which = GIT, cache: Path = CACHE) -> tuple[Path, Path]:
    """The roots of the two unpacked releases, old and new."""
    old, new = _releases(which)
    return fetch(old, cache), fetch(new, cache)


def files(root: Path) -> dict[str, Path]:
    """Every regular file of the tree by its path relative to ``root``."""
    return {str(p.relative_to(root)): p for p in root.rglob("*") if p.is_file() and not p.is_symlink()}


def changed_pairs(which: Which = GIT, cache: Path = CACHE) -> list[tuple[str, bytes, bytes]]:
    """(path, old bytes, new bytes) of every file in both releases whose bytes differ, sorted by path."""
    old_root, new_root = trees(which, cache)
    old, new = files(old_root), files(new_root)
    found = []
    for path in sorted(old.keys() & new.keys()):
        old_bytes, new_bytes = old[path].read_bytes(), new[path].read_bytes()
        if old_bytes != new_bytes:
            found.append((path, old_bytes, new_bytes))
    return found


def pairs(which: Which = GIT, cache: Path = CACHE) -> list[tuple[Path, Path]]:
    """The changed files as (old path, new path), sorted by path."""
    old_root, new_root = trees(which, cache)
    return [(old_root / path, new_root / path) for path, _, _ in changed_pairs(which, cache)]


def pairs_file(name: str, cache: Path = CACHE) -> Path:
    """A file listing the project's pairs, OLD<TAB>NEW a line, written once."""
    path = cache / f"{name}.pairs"
    if not path.exists():
        text = "".join(f"{old}\t{new}\n" for old, new in pairs(name, cache))
        partial = path.with_suffix(".partial")
        partial.write_text(text)
        partial.rename(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("list")
    fetch_parser = commands.add_parser("fetch")
    fetch_parser.add_argument("names", nargs="*", choices=[*PROJECTS, []])
    for command in ("trees", "pairs", "pairs-file"):
        sub = commands.add_parser(command)
        sub.add_argument("name", choices=list(PROJECTS))
        if command == "pairs":
            sub.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.command is None:
        args.command, args.name = "trees", "git"
    try:
        if args.command == "list":
            for p in PROJECTS.values():
                print(f"{p.name}\t{p.old.version}\t{p.new.version}\t{p.what}")
        elif args.command == "fetch":
            for name in args.names or PROJECTS:
                old, new = trees(name)
                # history.rs reads the pairs files and cannot write them.
                print(f"{name}: {old}, {new}, {pairs_file(name)}")
        elif args.command == "trees":
            print("\n".join(map(str, trees(args.name))))
        elif args.command == "pairs":
            text = "".join(f"{old}\t{new}\n" for old, new in pairs(args.name))
            if args.out:
                args.out.write_text(text)
            else:
                sys.stdout.write(text)
        elif args.command == "pairs-file":
            print(pairs_file(args.name))
    except CorpusUnavailable as e:
        print(f"corpus.py: real history unavailable: {e}\n"
              f"(the registries are needed once; downloads are cached under {CACHE})", file=sys.stderr)
        raise SystemExit(OFFLINE)


if __name__ == "__main__":
    main()
