"""The Python binding's wheel (`make wheel`: `pip wheel ./bindings/python`):
tagged for its platform, carrying the library, with complete metadata; and
installed with the server into a fresh virtual environment whose PATH has
no Rust, cbindgen or C compiler, where both work."""

from __future__ import annotations

import email
import email.message
import filecmp
import json
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from support import ROOT, SONAME, VERSION, dynamic_section, environment, needed, run, soname

WHEEL_DIR = ROOT / "build" / "wheel"
BINDING = ROOT / "bindings" / "python"
TOOLCHAIN = ["cargo", "rustc", "cbindgen", "cc", "gcc", "c++", "g++", "clang", "ld"]


@pytest.fixture(scope="module")
def wheel() -> Path:
    wheels = sorted(WHEEL_DIR.glob("*.whl"))
    assert len(wheels) == 1, f"{WHEEL_DIR} should hold the one wheel `make wheel` builds, not {wheels}"
    return wheels[0]


def platform_tag() -> str:
    return sysconfig.get_platform().replace("-", "_").replace(".", "_")


def test_the_wheel_is_for_this_python_and_platform(wheel: Path) -> None:
    python = f"cp{sys.version_info.major}{sys.version_info.minor}"
    assert wheel.name == f"fast_diff-{VERSION}-{python}-{python}-{platform_tag()}.whl"
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(f"fast_diff-{VERSION}.dist-info/WHEEL").decode()
    assert "Root-Is-Purelib: false\n" in metadata
    assert f"Tag: {python}-{python}-{platform_tag()}\n" in metadata
    assert "none-any" not in metadata


def test_the_wheel_carries_the_library_the_extension_loads(wheel: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path)
    (extension,) = [n for n in names if n.startswith("fast_diff/_native.") and n.endswith(".so")]
    assert {f"fast_diff/{SONAME}", "fast_diff/py.typed", "fast_diff/_native.pyi", "fast_diff/__main__.py"} <= names
    # Nothing else native: the one library, under the name the extension asks for.
    assert {n for n in names if ".so" in n} == {extension, f"fast_diff/{SONAME}"}
    assert soname(tmp_path / "fast_diff" / SONAME) == SONAME
    assert SONAME in needed(tmp_path / extension)
    run_paths = [value for tag, value in dynamic_section(tmp_path / extension) if tag in ("RPATH", "RUNPATH")]
    assert run_paths == ["$ORIGIN"]


def metadata_of(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as archive:
        return email.message_from_bytes(archive.read(f"fast_diff-{VERSION}.dist-info/METADATA"))


def test_the_metadata_is_complete(wheel: Path) -> None:
    metadata = metadata_of(wheel)
    assert metadata["Name"] == "fast-diff" and metadata["Version"] == VERSION
    assert metadata["Summary"] and "unified" in metadata["Summary"]
    assert metadata["Requires-Python"] == ">=3.11"
    assert metadata["License-Expression"] == "MIT OR Apache-2.0"
    assert metadata["Description-Content-Type"] == "text/markdown"
    assert metadata.get_payload().strip() == (BINDING / "README.md").read_text().strip()
    classifiers = metadata.get_all("Classifier")
    assert "Programming Language :: Python :: 3.11" in classifiers and "Operating System :: POSIX :: Linux" in classifiers
    # The only runtime dependency is cffi; Dask comes only with the `dask` extra.
    requirements = metadata.get_all("Requires-Dist")
    assert [r for r in requirements if "extra ==" not in r] == ["cffi>=2.0"]
    assert sorted(r for r in requirements if "extra ==" in r) == [
        'dask==2026.8.0; extra == "dask"',
        'distributed==2026.8.0; extra == "dask"',
    ]
    assert metadata.get_all("Provides-Extra") == ["dask"]


def test_the_licence_files_are_in_the_wheel(wheel: Path, tmp_path: Path) -> None:
    metadata = metadata_of(wheel)
    assert sorted(metadata.get_all("License-File")) == ["LICENSE-APACHE", "LICENSE-MIT"]
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(tmp_path)
    for name in ("LICENSE-APACHE", "LICENSE-MIT"):
        assert filecmp.cmp(tmp_path / f"fast_diff-{VERSION}.dist-info" / "licenses" / name, ROOT / name, shallow=False)


def test_the_project_urls_are_the_documentation_beside_the_package(wheel: Path) -> None:
    # There is no public home: the links are paths from bindings/python to
    # documents of the source tree, and each must exist.
    urls = dict(url.split(", ", 1) for url in metadata_of(wheel).get_all("Project-URL"))
    assert {"Homepage", "Documentation", "Changelog"} <= set(urls)
    for name, target in urls.items():
        assert (BINDING / target).is_file(), f"Project-URL {name}: {target} is not a file beside bindings/python"


SMOKE = """
import json, os, shutil, sys
import fast_diff

# No toolchain here.
found = {tool: shutil.which(tool) for tool in TOOLCHAIN}
diff = fast_diff.unified_diff("a\\nb\\n", "a\\nc\\n")
applied = fast_diff.apply_patch("a\\nb\\n", diff).text
# The library this process loaded, as the kernel maps it.
with open("/proc/self/maps") as maps:
    libraries = sorted({line.split()[-1] for line in maps if "libfast_diff" in line})
print(json.dumps({"found": found, "diff": diff, "applied": applied, "version": fast_diff.__version__,
                  "package": os.path.dirname(fast_diff.__file__), "libraries": libraries}))
"""


@pytest.fixture(scope="module")
def fresh(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A new virtual environment with the wheel and the server installed by
    pip, run with a PATH of only the environment's bin directory: no cargo,
    no cbindgen, no C compiler; and no variable naming one."""
    venv = tmp_path_factory.mktemp("fresh") / "venv"
    run([sys.executable, "-m", "venv", venv])
    env = environment(
        PATH=str(venv / "bin"), VIRTUAL_ENV=str(venv), CC=None, CXX=None, CARGO=None, RUSTC=None,
        CARGO_HOME=None, RUSTUP_HOME=None, LD_LIBRARY_PATH=None, PYTHONPATH=None,
    )
    # As the server's README says: the binding's wheel and the server in one
    # command, which satisfies the server's pin of the binding. Only
    # binary packages from the index, so nothing is compiled.
    run(
        [venv / "bin" / "python", "-m", "pip", "install", "--quiet", "--no-compile", "--disable-pip-version-check", "--only-binary", ":all:",
         "--constraint", ROOT / "server" / "requirements.txt", wheel, ROOT / "server"],
        env=env, cwd=venv.parent,
    )
    return venv, env


def test_the_wheel_works_where_there_is_no_toolchain(fresh: tuple[Path, dict[str, str]]) -> None:
    venv, env = fresh
    script = f"TOOLCHAIN = {TOOLCHAIN!r}\n" + SMOKE
    report = json.loads(run([venv / "bin" / "python", "-c", script], env=env, cwd=venv.parent).stdout)
    assert report["found"] == {tool: None for tool in TOOLCHAIN}
    assert report["diff"] == "--- original\n+++ modified\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n"
    assert report["applied"] == "a\nc\n" and report["version"] == VERSION
    package = Path(report["package"])
    assert package.is_relative_to(venv) and "site-packages" in package.parts
    assert report["libraries"] == [str(package / SONAME)]


def test_python_m_fast_diff_prints_the_version(fresh: tuple[Path, dict[str, str]]) -> None:
    venv, env = fresh
    assert run([venv / "bin" / "python", "-m", "fast_diff", "--version"], env=env).stdout == f"fast-diff {VERSION}\n"
    assert "--version" in run([venv / "bin" / "python", "-m", "fast_diff"], env=env, expect=2).stderr


def test_the_server_installed_beside_the_wheel_runs(fresh: tuple[Path, dict[str, str]]) -> None:
    venv, env = fresh
    run([venv / "bin" / "python", "-m", "pip", "check", "--disable-pip-version-check"], env=env)
    versions = run(
        [venv / "bin" / "python", "-c",
         "import importlib.metadata as m; print(m.version('fast-diff'), m.version('fast-diff-mcp'))"],
        env=env,
    ).stdout
    assert versions == f"{VERSION} {VERSION}\n"
    # The MCP handshake over stdio, as a client that starts the server does.
    initialize = {
        "jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "wheel", "version": "0"}},
    }
    result = run([venv / "bin" / "fast-diff-mcp"], env=env, timeout=120, stdin=json.dumps(initialize) + "\n")
    answer = json.loads(result.stdout.splitlines()[0])
    assert answer["result"]["serverInfo"]["name"] == "fast-diff"
    assert answer["result"]["serverInfo"]["version"] == VERSION

