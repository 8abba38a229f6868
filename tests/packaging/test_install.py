"""`make install` and `make uninstall`, as a user and a distribution run them,
and C programs built against what they install: with pkg-config (shared and
static) and with CMake's find_package.

Two installs, into temporary directories: one under a PREFIX, as a user
installs into /usr/local; one staged under DESTDIR with LIBDIR moved to
lib64, as a distribution builds a package and as the tree is found after
it is moved.
"""

from __future__ import annotations

import filecmp
import json
import shutil
from pathlib import Path

import pytest
from support import (
    HERE,
    MAJOR,
    MINOR,
    RELEASE,
    ROOT,
    SONAME,
    VERSION,
    dynamic_section,
    environment,
    make,
    needed,
    run,
    sh,
    soname,
    tree,
)

PROGRAM = HERE / "program.c"
EXPECTED_OUTPUT = (
    f"compiled against {VERSION} ({VERSION}), loaded {VERSION}\n"
    "--- original\n+++ modified\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n"
)


def commands() -> list[str]:
    """Every binary the crate builds, as cargo itself lists them."""
    metadata = json.loads(run(["cargo", "metadata", "--no-deps", "--format-version", "1", "--offline"], cwd=ROOT).stdout)
    (package,) = [p for p in metadata["packages"] if p["name"] == "fast-diff"]
    return sorted(t["name"] for t in package["targets"] if "bin" in t["kind"])


def layout(lib: str) -> dict[str, str]:
    """What `make install` puts under the prefix, with lib/ as LIBDIR."""
    return {
        "include/fast_diff.h": "0o644",
        f"{lib}/libfast_diff.so.{VERSION}": "0o755",
        f"{lib}/{SONAME}": f"-> libfast_diff.so.{VERSION}",
        f"{lib}/libfast_diff.so": f"-> {SONAME}",
        f"{lib}/libfast_diff.a": "0o644",
        f"{lib}/pkgconfig/fast-diff.pc": "0o644",
        f"{lib}/cmake/fast-diff/fast-diff-config.cmake": "0o644",
        f"{lib}/cmake/fast-diff/fast-diff-config-version.cmake": "0o644",
        **{f"bin/{name}": "0o755" for name in commands()},
    }


def files_of(entries: dict[str, str]) -> dict[str, str]:
    return {path: kind for path, kind in entries.items() if kind != "dir"}


@pytest.fixture(scope="module")
def prefix(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An install under PREFIX."""
    prefix = tmp_path_factory.mktemp("install") / "usr"
    make("install", f"PREFIX={prefix}")
    return prefix


@pytest.fixture(scope="module")
def staged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An install staged under DESTDIR, for PREFIX=/usr/local with LIBDIR=/usr/local/lib64."""
    destdir = tmp_path_factory.mktemp("staged")
    make("install", f"DESTDIR={destdir}", "PREFIX=/usr/local", "LIBDIR=/usr/local/lib64")
    return destdir


def pkg_config_env(pkgconfig: Path, **changes: str | None) -> dict[str, str]:
    """Only this .pc directory, so that an installed fast-diff elsewhere cannot answer."""
    return environment(PKG_CONFIG_LIBDIR=str(pkgconfig), PKG_CONFIG_PATH=None, **changes)


def test_installs_the_library_header_pkg_config_cmake_files_and_every_command(prefix: Path) -> None:
    assert files_of(tree(prefix)) == layout("lib")
    assert {path for path, kind in tree(prefix).items() if kind == "dir"} == {
        "bin", "include", "lib", "lib/pkgconfig", "lib/cmake", "lib/cmake/fast-diff"
    }
    # What was built, byte for byte.
    assert filecmp.cmp(prefix / "include" / "fast_diff.h", ROOT / "include" / "fast_diff.h", shallow=False)
    assert filecmp.cmp(prefix / "lib" / f"libfast_diff.so.{VERSION}", RELEASE / "libfast_diff.so", shallow=False)
    assert filecmp.cmp(prefix / "lib" / "libfast_diff.a", RELEASE / "libfast_diff.a", shallow=False)
    for name in commands():
        assert filecmp.cmp(prefix / "bin" / name, RELEASE / name, shallow=False)


def test_the_library_names_itself_by_its_major_version(prefix: Path) -> None:
    assert SONAME == f"libfast_diff.so.{MAJOR}"
    assert soname(prefix / "lib" / f"libfast_diff.so.{VERSION}") == SONAME
    # The soname is set when cargo links, so the library in target/release
    # has it too, and the link make puts beside it resolves it.
    assert soname(RELEASE / "libfast_diff.so") == SONAME
    assert (RELEASE / SONAME).resolve() == (RELEASE / "libfast_diff.so").resolve()


def test_the_installed_command_runs(prefix: Path) -> None:
    output = run([prefix / "bin" / "fast-diff", "--version"]).stdout
    assert output.splitlines()[0] == f"fast-diff {VERSION}"


def test_pkg_config_describes_the_install(prefix: Path) -> None:
    env = pkg_config_env(prefix / "lib" / "pkgconfig")
    assert sh("pkg-config --modversion fast-diff", env=env) == f"{VERSION}\n"
    assert sh("pkg-config --cflags fast-diff", env=env).split() == [f"-I{prefix}/include"]
    assert sh("pkg-config --libs fast-diff", env=env).split() == [f"-L{prefix}/lib", "-lfast_diff"]
    static = sh("pkg-config --static --libs fast-diff", env=env).split()
    assert static[:2] == [f"-L{prefix}/lib", "-lfast_diff"] and {"-lpthread", "-ldl", "-lm"} <= set(static[2:])
    assert sh("pkg-config --atleast-version 0.0.1 fast-diff && ! pkg-config --atleast-version 999 fast-diff", env=env) == ""


def test_a_c_program_builds_with_pkg_config_and_runs(prefix: Path, tmp_path: Path) -> None:
    env = pkg_config_env(prefix / "lib" / "pkgconfig")
    sh(f"cc -Wall -Wextra -Werror -pedantic {PROGRAM} $(pkg-config --cflags --libs fast-diff) -o program", env=env, cwd=tmp_path)
    program = tmp_path / "program"
    assert needed(program)[0] == SONAME
    # Found at run time as the system's loader finds libraries: here
    # LD_LIBRARY_PATH, for /usr/local/lib ldconfig's cache.
    env = environment(LD_LIBRARY_PATH=str(prefix / "lib"))
    assert run([program], env=env).stdout == EXPECTED_OUTPUT
    assert f"{SONAME} => {prefix}/lib/{SONAME} " in run(["ldd", program], env=env).stdout
    # Nothing in the program points into the checkout or the prefix.
    assert not [tag for tag, _ in dynamic_section(program) if tag in ("RPATH", "RUNPATH")]


def test_a_c_program_links_statically_with_pkg_config_static(prefix: Path, tmp_path: Path) -> None:
    env = pkg_config_env(prefix / "lib" / "pkgconfig")
    sh(f"cc -static {PROGRAM} $(pkg-config --static --cflags --libs fast-diff) -o program", env=env, cwd=tmp_path)
    program = tmp_path / "program"
    assert needed(program) == []
    assert run([program], env=environment(LD_LIBRARY_PATH=None)).stdout == EXPECTED_OUTPUT


def test_a_staged_install_is_laid_out_under_destdir_with_its_libdir(staged: Path) -> None:
    assert set(files_of(tree(staged))) == {f"usr/local/{path}" for path in layout("lib64")}
    pc = (staged / "usr/local/lib64/pkgconfig/fast-diff.pc").read_text()
    # The .pc names where the files will be, not where they were staged.
    assert "prefix=/usr/local\n" in pc and "libdir=${prefix}/lib64\n" in pc and str(staged) not in pc
    assert str(staged) not in (staged / "usr/local/lib64/cmake/fast-diff/fast-diff-config.cmake").read_text()


def test_a_staged_install_builds_with_pkg_config_in_its_sysroot(staged: Path, tmp_path: Path) -> None:
    env = pkg_config_env(staged / "usr/local/lib64/pkgconfig", PKG_CONFIG_SYSROOT_DIR=str(staged))
    assert sh("pkg-config --libs fast-diff", env=env).split() == [f"-L{staged}/usr/local/lib64", "-lfast_diff"]
    sh(f"cc {PROGRAM} $(pkg-config --cflags --libs fast-diff) -o program", env=env, cwd=tmp_path)
    env = environment(LD_LIBRARY_PATH=str(staged / "usr/local/lib64"))
    assert run([tmp_path / "program"], env=env).stdout == EXPECTED_OUTPUT


CMAKE_PROJECT = """\
cmake_minimum_required(VERSION 3.16)
project(installed C)
find_package(fast-diff {version} REQUIRED)
message(STATUS "found fast-diff ${{fast-diff_VERSION}}")
add_executable(shared "{program}")
target_link_libraries(shared PRIVATE fast-diff::fast-diff)
add_executable(static "{program}")
target_link_libraries(static PRIVATE fast-diff::fast-diff-static)
"""


def test_cmake_finds_a_moved_install_and_builds_against_both_libraries(prefix: Path, tmp_path: Path) -> None:
    # Moved after it was installed: the CMake files find the library
    # relative to themselves.
    moved = tmp_path / "moved"
    shutil.copytree(prefix, moved, symlinks=True)
    source, build = tmp_path / "source", tmp_path / "build"
    source.mkdir()
    (source / "CMakeLists.txt").write_text(CMAKE_PROJECT.format(version=f"{MAJOR}.{MINOR}", program=PROGRAM))
    configured = run(["cmake", "-S", source, "-B", build, f"-DCMAKE_PREFIX_PATH={moved}"]).stdout
    assert f"found fast-diff {VERSION}" in configured
    run(["cmake", "--build", build])
    assert SONAME in needed(build / "shared")
    assert not any(name.startswith("libfast_diff") for name in needed(build / "static"))
    # CMake gives the shared program a run path to the library it linked.
    assert run([build / "shared"]).stdout == EXPECTED_OUTPUT
    assert run([build / "static"]).stdout == EXPECTED_OUTPUT


@pytest.mark.parametrize("version", [f"{MAJOR + 1}.0", f"{MAJOR}.{MINOR + 1}"])
def test_cmake_refuses_a_version_the_install_does_not_provide(prefix: Path, tmp_path: Path, version: str) -> None:
    (tmp_path / "CMakeLists.txt").write_text(
        f"cmake_minimum_required(VERSION 3.16)\nproject(future NONE)\nfind_package(fast-diff {version} REQUIRED)\n"
    )
    result = run(["cmake", "-S", tmp_path, "-B", tmp_path / "build", f"-DCMAKE_PREFIX_PATH={prefix}"], expect=1)
    assert f"{VERSION}" in result.stderr and version in result.stderr


def test_uninstall_removes_exactly_what_install_installed(tmp_path: Path) -> None:
    prefix = tmp_path / "usr"
    # A prefix already in use, as /usr/local is: other files, and the
    # shared directories, stay as they are.
    for path in ["bin/other", "include/other.h", "lib/libother.so", "lib/pkgconfig/other.pc", "lib/cmake/other/other-config.cmake"]:
        (prefix / path).parent.mkdir(parents=True, exist_ok=True)
        (prefix / path).write_text("someone else's\n")
    before = tree(prefix)
    make("install", f"PREFIX={prefix}")
    assert set(files_of(tree(prefix))) == set(files_of(before)) | set(layout("lib"))
    make("uninstall", f"PREFIX={prefix}")
    assert tree(prefix) == before
    assert (prefix / "bin/other").read_text() == "someone else's\n"
    make("uninstall", f"PREFIX={prefix}")  # nothing left to remove is not an error
    assert tree(prefix) == before


def test_uninstall_from_a_staged_install_leaves_no_file(tmp_path: Path) -> None:
    make("install", f"DESTDIR={tmp_path}", "PREFIX=/opt/fast-diff", "LIBDIR=/opt/fast-diff/lib64")
    assert files_of(tree(tmp_path))
    make("uninstall", f"DESTDIR={tmp_path}", "PREFIX=/opt/fast-diff", "LIBDIR=/opt/fast-diff/lib64")
    assert files_of(tree(tmp_path)) == {}
    assert not (tmp_path / "opt/fast-diff/lib64/cmake/fast-diff").exists()


def test_install_refuses_a_relative_prefix(tmp_path: Path) -> None:
    result = run(
        ["make", "--no-print-directory", "-C", ROOT, "install", "PREFIX=relative/usr"], env=environment(), expect=2
    )
    assert "must be absolute" in result.stderr
    assert not (ROOT / "relative").exists()

