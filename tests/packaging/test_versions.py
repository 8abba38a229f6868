"""One version number, Cargo.toml's, everywhere it is written or shown: the
crate, the library and its soname, the header's FD_VERSION_* macros, the
Python binding and the server (and the server's pin of the binding), the
Go module's documented release tag, and the changelog's latest release."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from pathlib import Path

from support import MAJOR, MINOR, PATCH, RELEASE, ROOT, SONAME, VERSION, run, soname


def test_the_version_is_three_numbers() -> None:
    # The header's string is built from three numbers, and a pre-release
    # part has no place in a soname.
    assert re.fullmatch(r"\d+\.\d+\.\d+", VERSION), VERSION


def test_the_header_macros_are_the_version() -> None:
    header = (ROOT / "include" / "fast_diff.h").read_text()
    numbers = dict(re.findall(r"^#define FD_VERSION_(MAJOR|MINOR|PATCH) (\d+)$", header, flags=re.MULTILINE))
    assert numbers == {"MAJOR": str(MAJOR), "MINOR": str(MINOR), "PATCH": str(PATCH)}


def test_the_header_string_is_the_version_and_the_library_says_so(tmp_path: Path) -> None:
    # Compiled against the header and linked to the library in target/release:
    # the string the header spells and fd_version() agree.
    directory = tmp_path
    (directory / "v.c").write_text(
        '#include "fast_diff.h"\n#include <stdio.h>\n'
        'int main(void) { printf("%s %s\\n", FD_VERSION_STRING, fd_version()); return 0; }\n'
    )
    include, program = f"-I{ROOT / 'include'}", directory / "v"
    run(["cc", "-std=c99", include, directory / "v.c", "-o", program, f"-L{RELEASE}", "-lfast_diff", f"-Wl,-rpath,{RELEASE}"])
    assert run([directory / "v"]).stdout == f"{VERSION} {VERSION}\n"


def test_the_soname_carries_the_major_version() -> None:
    assert soname(RELEASE / "libfast_diff.so") == SONAME == f"libfast_diff.so.{MAJOR}"


def test_the_python_packages_have_the_version_and_the_server_pins_the_binding() -> None:
    # The binding takes its version from Cargo.toml when it is built (setup.py).
    assert importlib.metadata.version("fast-diff") == VERSION
    with (ROOT / "server" / "pyproject.toml").open("rb") as f:
        server = tomllib.load(f)["project"]
    assert server["version"] == VERSION
    binding = [d for d in server["dependencies"] if re.match(r"fast-diff\b", d)]
    assert binding == [f"fast-diff=={VERSION}"]
    assert importlib.metadata.version("fast-diff-mcp") == VERSION


def test_the_go_module_documents_its_release_tag() -> None:
    readme = (ROOT / "bindings" / "go" / "README.md").read_text()
    assert set(re.findall(r"bindings/go/v(\d+\.\d+\.\d+)", readme)) == {VERSION}


# How the documentation spells a version of its own: the Go tag, the
# server's pin of the binding, the wheel's file name.
VERSION_MENTIONS = [r"bindings/go/v(\d+\.\d+\.\d+)", r"fast-diff==(\d+\.\d+\.\d+)", r"fast_diff-(\d+\.\d+\.\d+)-"]


def test_the_documentation_names_no_other_version() -> None:
    docs = [ROOT / "README.md", *ROOT.glob("docs/*.md"), *ROOT.glob("bindings/*/README.md"), ROOT / "server" / "README.md"]
    mentions = {
        (path.relative_to(ROOT).as_posix(), version)
        for path in docs
        for pattern in VERSION_MENTIONS
        for version in re.findall(pattern, path.read_text())
    }
    assert {"bindings/go/README.md", "server/README.md"} <= {path for path, _ in mentions}
    assert {(path, version) for path, version in mentions if version != VERSION} == set()


def test_the_changelog_has_the_version_as_its_latest_release() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text()
    headings = re.findall(r"^## (.+)$", changelog, flags=re.MULTILINE)
    releases = [h for h in headings if h != "Unreleased"]
    # Only "Unreleased" may stand above the latest release.
    assert headings[: headings.index(releases[0])] in ([], ["Unreleased"])
    assert releases[0].split()[0] == VERSION, releases[0]
