"""What the packaging tests share: the checkout, its one version, and running
make, compilers and programs with errors that show what they printed."""

from __future__ import annotations

import os
import re
import subprocess
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
RELEASE = ROOT / "target" / "release"

with (ROOT / "Cargo.toml").open("rb") as _cargo:
    VERSION: str = tomllib.load(_cargo)["package"]["version"]
MAJOR, MINOR, PATCH = (int(part) for part in VERSION.split("."))
SONAME = f"libfast_diff.so.{MAJOR}"


def environment(**changes: str | None) -> dict[str, str]:
    """This process's environment, as a user's shell would have it (not a
    sub-make's: no MAKEFLAGS, whose jobserver is not ours), with changes;
    None removes a variable."""
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def run(
    argv: Sequence[str | Path],
    *,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    expect: int = 0,
    timeout: float = 600,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(a) for a in argv],
        env=dict(env) if env is not None else environment(),
        cwd=cwd,
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != expect:
        pytest.fail(
            f"{' '.join(map(str, argv))} exited {result.returncode}, not {expect}\n"
            f"--- stdout\n{result.stdout}--- stderr\n{result.stderr}"
        )
    return result


def sh(script: str, *, env: Mapping[str, str] | None = None, cwd: Path | None = None) -> str:
    """A command line as a user types it (for `$(pkg-config ...)`), its output."""
    return run(["bash", "-euo", "pipefail", "-c", script], env=env, cwd=cwd).stdout


def make(*arguments: str, env: Mapping[str, str] | None = None) -> str:
    return run(["make", "--no-print-directory", "-C", ROOT, *arguments], env=env).stdout


def dynamic_section(path: Path) -> list[tuple[str, str]]:
    """The (tag, value) pairs of an ELF file's dynamic section, as readelf shows them."""
    output = run(["readelf", "-d", "-W", path]).stdout
    return re.findall(r"^\s*0x[0-9a-f]+ \((\w+)\)\s+.*?\[(.*)\]$", output, flags=re.MULTILINE)


def needed(path: Path) -> list[str]:
    return [value for tag, value in dynamic_section(path) if tag == "NEEDED"]


def soname(path: Path) -> str | None:
    names = [value for tag, value in dynamic_section(path) if tag == "SONAME"]
    return names[0] if names else None


def tree(directory: Path) -> dict[str, str]:
    """Every path below a directory: a file's mode, 'dir', or a link's target."""
    entries: dict[str, str] = {}
    for path in sorted(directory.rglob("*")):
        relative = path.relative_to(directory).as_posix()
        if path.is_symlink():
            entries[relative] = f"-> {os.readlink(path)}"
        elif path.is_dir():
            entries[relative] = "dir"
        else:
            entries[relative] = oct(path.stat().st_mode & 0o777)
    return entries
