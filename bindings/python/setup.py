"""Builds the fast_diff wheel: the Rust library, and a cffi extension over it.

`cargo build` runs on the crate at the repository root (two levels up); its
`libfast_diff.so` is copied next to the extension under its soname,
`libfast_diff.so.MAJOR` (the name the extension records when it links), and
the extension finds it there through an `$ORIGIN` run path: the wheel needs
nothing outside itself, neither Rust nor a C compiler.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CARGO_TOML = ROOT / "Cargo.toml"
LIBRARY = "libfast_diff.so"

if not CARGO_TOML.is_file():
    sys.exit(f"fast-diff: {CARGO_TOML} not found; build the Python package from a fast-diff checkout")


def crate_version() -> str:
    """The crate's version, so that __version__, fd_version() and the wheel agree."""
    with CARGO_TOML.open("rb") as f:
        return str(tomllib.load(f)["package"]["version"])


def soname() -> str:
    """The name the library gives itself when it links (the crate's build.rs)."""
    return f"{LIBRARY}.{crate_version().split('.')[0]}"


def cargo_build() -> Path:
    """Builds the Rust library and returns the path of its shared object."""
    cargo = shlex.split(os.environ.get("CARGO", "cargo"))
    command = [*cargo, "build", "--release", "--locked", "--lib", "--message-format=json-render-diagnostics"]
    result = subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.PIPE, text=True)
    # Cargo reports where it put the library, whatever CARGO_TARGET_DIR says.
    for line in result.stdout.splitlines():
        message = json.loads(line)
        if message.get("reason") == "compiler-artifact" and message["target"]["name"] == "fast_diff":
            for filename in message["filenames"]:
                if Path(filename).name == LIBRARY:
                    return Path(filename)
    raise RuntimeError(f"cargo build did not report {LIBRARY}")


class build_rust_then_ext(build_ext):
    """Builds libfast_diff.so first, links the extension to it, and ships it beside it."""

    def run(self) -> None:
        library = cargo_build()
        for extension in self.extensions:
            extension.library_dirs.append(str(library.parent))
        super().run()
        destination = Path(self.get_ext_fullpath("fast_diff._native")).parent
        destination.mkdir(parents=True, exist_ok=True)
        shutil.copy2(library, destination / soname())

    def build_extensions(self) -> None:
        # The interpreter's own link flags may carry a run path to where it
        # was built (pyenv's do): the extension looks for its library beside
        # itself only ($ORIGIN, in build_ffi.py), wherever the wheel goes.
        linker = self.compiler.linker_so
        self.compiler.linker_so = [arg for arg in linker if not arg.startswith(("-Wl,-rpath", "-Wl,-R"))]
        super().build_extensions()


class build_py_afresh(build_py):
    """Copies the package into an emptied build directory: pip builds in place, and
    a module renamed or removed in the source must not be installed again from the
    copy an earlier build left in build/."""

    def run(self) -> None:
        shutil.rmtree(Path(self.build_lib) / "fast_diff", ignore_errors=True)
        super().run()


setup(
    version=crate_version(),
    cffi_modules=["build_ffi.py:ffibuilder"],
    cmdclass={"build_py": build_py_afresh, "build_ext": build_rust_then_ext},
)
