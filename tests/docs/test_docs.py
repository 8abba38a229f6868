"""Every code block of the README, the manual in docs/ and the package READMEs
runs as written.

Each Markdown file's blocks run in order, in a scratch directory of their
own that holds a link to every top-level entry of the checkout (so
`include/`, `target/`, `bindings/` ... are where the docs say) and the files
earlier blocks wrote. What each fence's info string means is written in
CONTRIBUTING.md ("The manual runs"); in short:

- `sh`: a script run by bash with `set -euo pipefail` (`exit=N`: the status
  it must end with); `server port=N`: a command that serves MCP over HTTP,
  started, asked to initialise, then stopped; `ci`: commands that CI runs
  itself (each must be `.ci/run` or a make target that `.ci/run` runs).
- `console`: `$ command` lines, each followed by the output it must print.
- `c`, `cpp`, `go`, `python`, `json`, `toml` with `file=NAME`: written to NAME
  for later blocks, which must use it.
- `python`: run with the virtual environment's Python; `pycon`: doctest.
- `go` without `file=`: a whole program, run with `go run` in a module
  that requires the binding through a replace directive.
- `json`: must parse; an `mcpServers` configuration is started and asked to
  initialise (its `/path/to/fast-diff` stands for the checkout).
- `rust`: run by rustdoc as doctests (src/lib.rs includes the file).
- `text output`: the exact output of the block before it.
"""

from __future__ import annotations

import doctest
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = ROOT / ".venv" / "bin"
PLACEHOLDER = "/path/to/fast-diff"

DOCS = sorted(
    {
        *ROOT.glob("*.md"),
        *ROOT.glob("docs/**/*.md"),
        *ROOT.glob("bindings/*/README.md"),
        *ROOT.glob("server/README.md"),
        *ROOT.glob("benches/README.md"),
        *ROOT.glob("tests/vectors/README.md"),
    }
)

FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


@dataclass
class Block:
    path: Path
    line: int
    language: str
    attributes: dict[str, str]
    text: str

    def where(self) -> str:
        name = self.path.relative_to(ROOT) if self.path.is_relative_to(ROOT) else self.path
        return f"{name}:{self.line} ({self.language})"


@dataclass
class Scratch:
    """A doc's working directory and what its blocks have left there."""

    directory: Path
    env: dict[str, str]
    written: dict[str, Block] = field(default_factory=dict)
    last_output: str | None = None


def blocks_of(path: Path) -> list[Block]:
    blocks: list[Block] = []
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    i = 0
    while i < len(lines):
        match = FENCE.match(lines[i].rstrip("\n"))
        if not match:
            i += 1
            continue
        fence, info = match["fence"], match["info"].strip()
        words = info.split()
        language = words[0] if words else ""
        attributes = {}
        for word in words[1:]:
            key, _, value = word.partition("=")
            attributes[key] = value
        body: list[str] = []
        start = i + 1
        i += 1
        while i < len(lines) and not lines[i].strip().startswith(fence[0] * len(fence)):
            body.append(lines[i][len(match["indent"]) :] if lines[i].startswith(match["indent"]) else lines[i])
            i += 1
        blocks.append(Block(path, start, language, attributes, "".join(body)))
        i += 1
    return blocks


def scratch_for(tmp_path: Path) -> Scratch:
    for entry in ROOT.iterdir():
        if entry.name != ".git":
            (tmp_path / entry.name).symlink_to(entry)
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(ROOT / "target" / "release"), str(VENV_BIN), env.get("PATH", "")])
    # Run as a reader would, not as a sub-make of `make test` (which would
    # print "Entering directory" lines and share its jobserver).
    for name in ("VIRTUAL_ENV", "MAKELEVEL", "MAKEFLAGS", "MFLAGS"):
        env.pop(name, None)
    return Scratch(tmp_path, env)


def run(block: Block, scratch: Scratch, argv: list[str], *, timeout: float = 600, cwd: Path | None = None) -> str:
    result = subprocess.run(
        argv,
        cwd=cwd or scratch.directory,
        env=scratch.env,
        capture_output=True,
        text=True,
        timeout=float(block.attributes.get("timeout", timeout)),
    )
    expected = int(block.attributes.get("exit", "0"))
    if result.returncode != expected:
        pytest.fail(
            f"{block.where()} exited {result.returncode}, not {expected}\n"
            f"--- block\n{block.text}--- stdout\n{result.stdout}--- stderr\n{result.stderr}"
        )
    return result.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "docs", "version": "0"}},
}


def http_initializes(url: str, deadline: float, server: subprocess.Popen[str] | None = None) -> str:
    """Polls an MCP streamable-HTTP endpoint until it answers initialize."""
    body = json.dumps(INITIALIZE).encode()
    last_error = ""
    while time.monotonic() < deadline:
        if server is not None and server.poll() is not None:
            raise AssertionError(f"the server exited with status {server.returncode} before answering")
        request = urllib.request.Request(
            url,
            data=body,
            headers={"Content-Type": "application/json", "Accept": "application/json, text/event-stream"},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                text = response.read().decode()
                if '"serverInfo"' in text:
                    return text
                last_error = text
        except OSError as error:
            last_error = str(error)
        time.sleep(0.5)
    raise AssertionError(f"{url} never answered initialize: {last_error}")


def stdio_initializes(argv: list[str], env: dict[str, str], cwd: Path) -> str:
    process = subprocess.Popen(
        argv, cwd=cwd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(json.dumps(INITIALIZE) + "\n")
        process.stdin.flush()
        line = process.stdout.readline()
        assert '"serverInfo"' in line, f"{argv} answered initialize with {line!r}"
        return line
    finally:
        process.kill()
        process.wait()


def start_server(block: Block, scratch: Scratch) -> None:
    port = free_port()
    env = dict(scratch.env, PORT=str(port))
    # The documented port (`port=N`) is replaced by a free one, so that a
    # server already running on this machine does not answer for this one.
    script = block.text
    if "port" in block.attributes:
        script = script.replace(block.attributes["port"], str(port))
    process = subprocess.Popen(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=scratch.directory,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        http_initializes(f"http://127.0.0.1:{port}/mcp", time.monotonic() + 120, process)
    except AssertionError as error:
        os.killpg(process.pid, signal.SIGKILL)
        output = process.communicate()[0]
        pytest.fail(f"{block.where()}: {error}\n--- output\n{output}")
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def ci_commands() -> set[str]:
    """The commands CI runs: `.ci/run` itself and the make targets it runs."""
    text = (ROOT / ".ci" / "run").read_text()
    targets = set(re.findall(r"^make ([\w-]+)$", text, re.MULTILINE))
    return {"bash .ci/run", ".ci/run"} | {f"make {target}" for target in targets}


def check_ci(block: Block) -> None:
    allowed = ci_commands()
    for line in block.text.splitlines():
        command = line.split("#", 1)[0].strip()
        if command and command not in allowed:
            pytest.fail(f"{block.where()}: `{command}` is marked `ci` but CI does not run it ({sorted(allowed)})")


def run_console(block: Block, scratch: Scratch) -> None:
    commands: list[tuple[str, list[str]]] = []
    pending = ""
    for line in block.text.splitlines(keepends=True):
        if pending:
            pending += line
            if not line.rstrip("\n").endswith("\\"):
                commands.append((pending, []))
                pending = ""
        elif line.startswith("$ "):
            command = line[2:]
            if command.rstrip("\n").endswith("\\"):
                pending = command
            else:
                commands.append((command, []))
        elif commands:
            commands[-1][1].append(line)
        else:
            pytest.fail(f"{block.where()}: a console block starts with `$ command`")
    for command, expected in commands:
        result = subprocess.run(
            ["bash", "-o", "pipefail", "-c", command],
            cwd=scratch.directory,
            env=scratch.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        printed = result.stdout + result.stderr
        if printed != "".join(expected):
            pytest.fail(
                f"{block.where()}: `{command.strip()}` printed\n{printed}--- where the doc says\n{''.join(expected)}"
            )


def go_module(scratch: Scratch, name: str) -> Path:
    module = scratch.directory / name
    module.mkdir()
    (module / "go.mod").write_text(
        f"module docs/{name}\n\ngo 1.24\n\nrequire fast-diff/fastdiff v0.0.0\n\n"
        f"replace fast-diff/fastdiff => {ROOT / 'bindings' / 'go'}\n"
    )
    return module


def go_output_comment(program: str) -> str | None:
    """The text of a trailing `// Output:` comment, as Go's examples write it."""
    lines = program.rstrip("\n").splitlines()
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].strip() == "// Output:":
            return "".join(line.strip()[3:] + "\n" if line.strip() != "//" else "\n" for line in lines[i + 1 :])
        if not lines[i].lstrip().startswith("//"):
            return None
    return None


def run_block(block: Block, scratch: Scratch, index: int) -> None:
    language, attributes = block.language, block.attributes
    output: str | None = None
    if "file" in attributes:
        target = scratch.directory / attributes["file"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(block.text)
        scratch.written[attributes["file"]] = block
        if language == "json":
            json.loads(block.text)
        elif language == "toml":
            tomllib.loads(block.text)
    elif language in ("sh", "bash", "shell") and "ci" in attributes:
        check_ci(block)
    elif language in ("sh", "bash", "shell") and "server" in attributes:
        start_server(block, scratch)
    elif language in ("sh", "bash", "shell"):
        output = run(block, scratch, ["bash", "-euo", "pipefail", "-c", block.text])
    elif language == "console":
        run_console(block, scratch)
    elif language == "python":
        script = scratch.directory / f"block_{index}.py"
        script.write_text(block.text)
        output = run(block, scratch, [str(VENV_BIN / "python"), script.name])
    elif language == "pycon":
        test = doctest.DocTestParser().get_doctest(block.text, {}, block.where(), str(block.path), block.line)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        previous = os.getcwd()
        os.chdir(scratch.directory)
        try:
            runner.run(test, out=lambda text: sys.stdout.write(text))
        finally:
            os.chdir(previous)
        assert runner.failures == 0, f"{block.where()}: {runner.failures} doctest failures (output above)"
    elif language == "go":
        assert re.search(r"^package main$", block.text, re.MULTILINE), f"{block.where()}: a go block is a whole program"
        module = go_module(scratch, f"block_{index}")
        (module / "main.go").write_text(block.text)
        output = run(block, scratch, ["go", "run", "."], cwd=module)
        expected = go_output_comment(block.text)
        # As `go test` compares examples: white space around the whole is ignored.
        if expected is not None:
            assert output.strip() == expected.strip(), f"{block.where()} printed\n{output}--- where its // Output: says\n{expected}"
    elif language == "json":
        config = json.loads(block.text)
        for name, server in config.get("mcpServers", {}).items():
            if "url" in server:
                continue  # checked by the block that starts that server
            argv = [server["command"].replace(PLACEHOLDER, str(ROOT)), *server.get("args", [])]
            env = dict(scratch.env, **server.get("env", {}))
            stdio_initializes(argv, env, scratch.directory)
    elif language == "toml":
        tomllib.loads(block.text)
    elif language == "rust":
        lib = (ROOT / "src" / "lib.rs").read_text()
        relative = block.path.relative_to(ROOT).as_posix()
        assert f'include_str!("../{relative}")' in lib, f"{block.where()}: src/lib.rs must include {relative} as doctests"
    elif language == "text" and "output" in attributes:
        assert scratch.last_output is not None, f"{block.where()}: `text output` follows a block that prints"
        assert scratch.last_output == block.text, (
            f"{block.where()}: the block before printed\n{scratch.last_output}--- where the doc says\n{block.text}"
        )
    else:
        pytest.fail(f"{block.where()}: no way to run a `{language or 'untagged'}` block (see CONTRIBUTING.md)")
    scratch.last_output = output


@pytest.mark.parametrize("path", DOCS, ids=[str(path.relative_to(ROOT)) for path in DOCS])
def test_every_block_runs(path: Path, tmp_path: Path) -> None:
    scratch = scratch_for(tmp_path)
    blocks = blocks_of(path)
    for index, block in enumerate(blocks):
        run_block(block, scratch, index)
    # A file a block writes is there for a later block to use.
    later = "".join(block.text for block in blocks)
    for name, block in scratch.written.items():
        uses = later.count(name) - block.text.count(name)
        assert uses > 0, f"{block.where()}: {name} is written but no later block uses it"


def test_the_readme_is_a_front_page() -> None:
    assert (ROOT / "README.md").stat().st_size <= 16 * 1024


def test_blocks_are_found() -> None:
    """The fence parser sees the blocks (a parser that found none would pass every doc)."""
    sample = ROOT / "README.md"
    assert any(block.language == "sh" for block in blocks_of(sample))


def test_a_wrong_output_fails(tmp_path: Path) -> None:
    """The checks can fail: a console block whose output is wrong is caught."""
    doc = tmp_path / "doc.md"
    doc.write_text("```console\n$ echo one\ntwo\n```\n")
    block = Block(doc, 2, "console", {}, "$ echo one\ntwo\n")
    with pytest.raises(pytest.fail.Exception):
        run_console(block, Scratch(tmp_path, dict(os.environ)))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, *sys.argv[1:]]))
