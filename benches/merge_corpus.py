#!/usr/bin/env python3
"""Builds three-way merge cases from real release history.

For each project, three released versions: a base release A, a later
release B of the main line, and a maintenance release C made from A (fixes
backported to an older line). Every file that B and C both changed from A,
differently, is a real merge: base A, ours B, theirs C, as a maintainer
merging the maintenance line back would face it.

The releases come from the registries through their own clients (cargo for
crates, pip for source distributions), at bench or test time, cached under
target/merge-corpus; nothing here is ever committed. Usage:

    merge_corpus.py [OUT_DIR]     (default target/merge-corpus)

Writes OUT_DIR/cases/PROJECT/NNNN.{base,ours,theirs} and OUT_DIR/cases.json,
which lists each case's file path and sizes, and per project how many files
changed on one side only, on both alike, or were skipped as binary.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

# (project, registry, base, main line, maintenance release from the base)
PROJECTS = [
    ("tokio", "crates", "1.38.0", "1.40.0", "1.38.2"),
    ("rustls", "crates", "0.21.0", "0.22.0", "0.21.12"),
    ("hyper", "crates", "0.14.27", "1.0.0", "0.14.28"),
    ("django", "pypi", "4.2", "5.0", "4.2.10"),
    ("sqlalchemy", "pypi", "1.4.0", "2.0.0", "1.4.52"),
    ("urllib3", "pypi", "1.26.15", "2.0.2", "1.26.18"),
]


def crate_archive(cache: Path, name: str, version: str) -> Path:
    """The .crate file of NAME VERSION, fetched by cargo into a CARGO_HOME
    of our own."""
    home = cache / "cargo-home"
    found = list(home.glob(f"registry/cache/*/{name}-{version}.crate"))
    if found:
        return found[0]
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        (project / "src").mkdir()
        (project / "src" / "lib.rs").write_text("")
        (project / "Cargo.toml").write_text(
            "[package]\nname = \"merge-corpus-fetch\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n"
            f"[dependencies]\n{name} = {{ version = \"={version}\", default-features = false }}\n"
        )
        env = dict(os.environ, CARGO_HOME=str(home))
        subprocess.run(["cargo", "fetch"], cwd=project, env=env, check=True)
    found = list(home.glob(f"registry/cache/*/{name}-{version}.crate"))
    if not found:
        raise SystemExit(f"cargo fetched no {name}-{version}.crate")
    return found[0]


def sdist_archive(cache: Path, name: str, version: str) -> Path:
    """The source distribution of NAME VERSION, fetched by pip."""
    where = cache / "sdists" / f"{name}-{version}"
    found = [p for p in where.glob("*") if p.name.endswith((".tar.gz", ".zip"))] if where.exists() else []
    if found:
        return found[0]
    where.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps",
         "--no-binary", ":all:", "--dest", str(where), f"{name}=={version}"],
        check=True,
    )
    found = [p for p in where.glob("*") if p.name.endswith(".tar.gz")]
    if not found:
        raise SystemExit(f"pip fetched no source distribution of {name} {version}")
    return found[0]


def files(archive: Path) -> dict[str, bytes]:
    """The regular files of a .tar.gz, by path below its top directory."""
    out: dict[str, bytes] = {}
    with tarfile.open(archive, "r:gz") as tar:
        for member in tar.getmembers():
            if not member.isfile():
                continue
            path = member.name.split("/", 1)[1] if "/" in member.name else member.name
            data = tar.extractfile(member)
            if data is not None:
                out[path] = data.read()
    return out


def binary(text: bytes) -> bool:
    """git merge-file's test: a NUL in the first 8000 bytes."""
    return b"\0" in text[:8000]


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else "target/merge-corpus").resolve()
    cache = out / "downloads"
    cache.mkdir(parents=True, exist_ok=True)
    summary = {"projects": []}
    for project, registry, base, main_line, maintenance in PROJECTS:
        fetch = crate_archive if registry == "crates" else sdist_archive
        a, b, c = (files(fetch(cache, project, v)) for v in (base, main_line, maintenance))
        cases_dir = out / "cases" / project
        cases_dir.mkdir(parents=True, exist_ok=True)
        for old in cases_dir.iterdir():
            old.unlink()
        counts = {"one_side": 0, "both_alike": 0, "binary": 0, "merges": 0}
        cases = []
        for path in sorted(a.keys() & b.keys() & c.keys()):
            texts = (a[path], b[path], c[path])
            if texts[1] == texts[0] and texts[2] == texts[0]:
                continue
            if any(binary(t) for t in texts):
                counts["binary"] += 1
            elif texts[1] == texts[0] or texts[2] == texts[0]:
                counts["one_side"] += 1
            elif texts[1] == texts[2]:
                counts["both_alike"] += 1
            else:
                n = len(cases)
                for suffix, text in zip(("base", "ours", "theirs"), texts):
                    (cases_dir / f"{n:04}.{suffix}").write_bytes(text)
                cases.append({"path": path, "bytes": [len(t) for t in texts]})
        counts["merges"] = len(cases)
        summary["projects"].append({
            "name": project, "registry": registry,
            "versions": {"base": base, "ours": main_line, "theirs": maintenance},
            "counts": counts, "cases": cases,
        })
        print(f"{project}: {len(cases)} merges (base {base}, ours {main_line}, theirs {maintenance}); "
              f"{counts['one_side']} files changed on one side, {counts['both_alike']} alike on both, "
              f"{counts['binary']} binary", file=sys.stderr)
    (out / "cases.json").write_text(json.dumps(summary, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
