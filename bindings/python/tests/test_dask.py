"""The Dask runner against GNU diff -ruN, on a real LocalCluster of two worker processes.

Every tree is compared byte for byte with what GNU ``diff -ruN`` writes for
it (standard output, and standard error but for the program's name) and
with its exit status; one run has a worker killed while it holds chunks.
"""

from __future__ import annotations

import io
import os
import pty
import random
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

dask_bag = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

import fast_diff  # noqa: E402
from fast_diff.dask import diff_bag, diff_trees, plan_chunks, walk  # noqa: E402

GNU_DIFF = shutil.which("diff")
pytestmark = pytest.mark.skipif(GNU_DIFF is None, reason="GNU diff is needed as the reference")


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=40
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def write(root: Path, files: dict[str, bytes | None]) -> None:
    """Files (bytes) and empty directories (None) under ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = root / name
        if content is None:
            path.mkdir(parents=True, exist_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)


def lines(*words: str) -> bytes:
    return "".join(f"{word}\n" for word in words).encode()


def gnu(old: str, new: str, cwd: Path) -> tuple[bytes, bytes, int]:
    result = subprocess.run([GNU_DIFF or "diff", "-ruN", old, new], cwd=cwd, capture_output=True)
    return result.stdout, re.sub(rb"(?m)^\S*diff: ", b"", result.stderr), result.returncode


def ours(client: distributed.Client, old: str, new: str, cwd: Path, **kwargs: object) -> tuple[bytes, bytes, int]:
    out, errors = io.BytesIO(), io.BytesIO()
    here = os.getcwd()
    os.chdir(cwd)
    try:
        status = diff_trees(old, new, out, client=client, errors=errors, **kwargs)  # type: ignore[arg-type]
    finally:
        os.chdir(here)
    return out.getvalue(), errors.getvalue().replace(b"fast_diff.dask: ", b""), status


@pytest.fixture
def trees(tmp_path: Path) -> Path:
    """Two trees with most of what diff -ruN reports: changes, files and directories on one
    side only, binary files, names that need quoting, kinds that differ, no final newline."""
    write(
        tmp_path / "old",
        {
            "README": lines("fast", "diff", "one", "two", "three", "four", "five"),
            "src/main.c": lines("int main(void) {", "  return 0;", "}"),
            "src/util/strings.c": lines(*(f"line {i}" for i in range(60))),
            "src/gone.h": lines("#define GONE 1"),
            "same/file.txt": lines("unchanged"),
            "only-old/deep/er/file": lines("a", "b"),
            "only-old/empty": b"",
            "empty-dir": None,
            "binary.bin": b"\x00\x01\x02 old",
            "same.bin": b"\x00 same",
            "with space.txt": lines("spaced"),
            "caf\u00e9.txt": lines("accent"),
            "no-newline": b"last line",
            "kind": lines("a file here"),
            "crlf.txt": b"one\r\ntwo\r\n",
        },
    )
    write(
        tmp_path / "new",
        {
            "README": lines("fast", "diff", "one", "2", "three", "four", "five", "six"),
            "src/main.c": lines("int main(void) {", "  return 1;", "}"),
            "src/util/strings.c": lines(*(f"line {i}" if i % 17 else f"LINE {i}" for i in range(60))),
            "src/new.h": lines("#define NEW 1"),
            "same/file.txt": lines("unchanged"),
            "only-new/file": lines("created"),
            "binary.bin": b"\x00\x01\x02 new",
            "same.bin": b"\x00 same",
            "with space.txt": lines("spaced", "out"),
            "caf\u00e9.txt": lines("accents"),
            "no-newline": b"last line\n",
            "kind/inside": lines("a directory here"),
            "crlf.txt": b"one\r\nTWO\r\n",
            "empty-new": b"",
        },
    )
    return tmp_path


def test_the_output_is_gnu_diff_ruN_s(client: distributed.Client, trees: Path) -> None:
    expected = gnu("old", "new", trees)
    assert expected[2] == 1 and b"Binary files old/binary.bin and new/binary.bin differ" in expected[0]
    for chunks in (None, 1, 3, 100):
        assert ours(client, "old", "new", trees, chunks=chunks) == expected
    # Paths as given, trailing slashes and all, and the other way round.
    assert ours(client, "new/", "old", trees) == gnu("new/", "old", trees)
    assert ours(client, str(trees / "old"), str(trees / "new"), Path("/")) == gnu(
        str(trees / "old"), str(trees / "new"), Path("/")
    )


def test_gnu_patch_recreates_the_new_tree(client: distributed.Client, trees: Path) -> None:
    for side, name in (("old", "binary.bin"), ("new", "binary.bin"), ("old", "kind"), ("new", "kind")):
        path = trees / side / name
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    diff, _, status = ours(client, "old", "new", trees)
    assert status == 1
    shutil.copytree(trees / "old", trees / "patched")
    subprocess.run(["patch", "-p1", "-s", "-E", "-d", "patched"], input=diff, cwd=trees, check=True)
    # Under -N, empty and absent files and empty directories are the same.
    assert gnu("patched", "new", trees) == (b"", b"", 0)


def test_same_trees_exit_0(client: distributed.Client, trees: Path) -> None:
    assert ours(client, "old", "old", trees) == (b"", b"", 0)
    shutil.copytree(trees / "old", trees / "copy")
    assert ours(client, "old", "copy", trees) == gnu("old", "copy", trees) == (b"", b"", 0)


def test_trouble_exits_2_and_the_rest_is_still_diffed(client: distributed.Client, trees: Path) -> None:
    (trees / "old" / "dangling").symlink_to("nowhere")
    (trees / "new" / "dangling").symlink_to("nowhere")
    (trees / "new" / "src" / "loop").symlink_to("..")
    os.mkfifo(trees / "old" / "fifo")
    (trees / "new" / "fifo").write_bytes(b"now a file\n")
    os.mkfifo(trees / "new" / "fifo-only")
    expected = gnu("old", "new", trees)
    assert expected[2] == 2 and b"recursive directory loop" in expected[1]
    assert ours(client, "old", "new", trees) == expected
    assert ours(client, "old", "missing", trees) == gnu("old", "missing", trees)


def test_a_killed_worker_s_chunks_are_done_again(client: distributed.Client, tmp_path: Path) -> None:
    # Enough work that chunks are still waiting on both workers when the
    # first part arrives; then the worker with the most of them is killed.
    body = [f"{i} {'x' * 60}" for i in range(3000)]
    old = {f"d{i % 7}/f{i:03}": lines(*body[i % 5 :]) for i in range(120)}
    new = {name: text.replace(b"1 x", b"1 y") for name, text in old.items()}
    write(tmp_path / "old", old)
    write(tmp_path / "new", new)
    killed: list[tuple[str, int, int]] = []

    def kill_one(done: int, total: int) -> None:
        if killed:
            return
        processing = client.processing()
        address = max(processing, key=lambda worker: len(processing[worker]))
        pid = client.run(os.getpid, workers=[address])[address]
        killed.append((address, pid, len(processing[address])))
        os.kill(pid, signal.SIGKILL)

    before = set(client.scheduler_info()["workers"])
    result = ours(client, "old", "new", tmp_path, chunks=60, on_chunk=kill_one)
    assert killed and killed[0][2] > 0, killed  # the killed worker held chunks
    assert killed[0][0] not in client.scheduler_info()["workers"] or before != set(
        client.scheduler_info()["workers"]
    )
    assert result == gnu("old", "new", tmp_path)
    client.wait_for_workers(2, timeout=60)  # the nanny starts another


def test_the_command_with_its_own_cluster_and_with_a_scheduler(client: distributed.Client, trees: Path) -> None:
    expected = gnu("old", "new", trees)
    command = [sys.executable, "-m", "fast_diff.dask", "old", "new"]
    run = subprocess.run([*command, "--workers", "2"], cwd=trees, capture_output=True, timeout=120)
    assert (run.stdout, run.stderr, run.returncode) == (expected[0], b"", 1)
    address = client.scheduler.address
    run = subprocess.run([*command, "--scheduler", address, "-o", "out.diff"], cwd=trees, capture_output=True, timeout=120)
    assert (run.stdout, run.stderr, run.returncode) == (b"", b"", 1)
    assert (trees / "out.diff").read_bytes() == expected[0]


def test_the_command_s_trouble_and_usage(client: distributed.Client, trees: Path) -> None:
    command = [sys.executable, "-m", "fast_diff.dask"]
    run = subprocess.run([*command, "old", "new", "--workers", "1", "--scheduler", "x"], cwd=trees, capture_output=True)
    assert run.returncode == 2 and b"not allowed with argument" in run.stderr
    run = subprocess.run([*command, "old", "new", "--scheduler", "tcp://127.0.0.1:9"], cwd=trees, capture_output=True, timeout=120)
    assert run.returncode == 2 and run.stderr.startswith(b"fast_diff.dask: ") and run.stdout == b""


def test_a_progress_bar_only_on_a_terminal(client: distributed.Client, trees: Path) -> None:
    address = client.scheduler.address
    command = [sys.executable, "-m", "fast_diff.dask", "old", "new", "--scheduler", address, "-o", "out.diff"]
    leader, follower = pty.openpty()
    try:
        run = subprocess.run(command, cwd=trees, stderr=follower, stdout=subprocess.DEVNULL, timeout=120)
        os.close(follower)
        follower = -1
        drawn = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            drawn += chunk
    finally:
        os.close(leader)
        if follower >= 0:
            os.close(follower)
    assert run.returncode == 1
    assert b"chunks" in drawn and b"[#" in drawn and drawn.endswith(b"\r\x1b[K")


def test_plan_chunks_keeps_the_order_and_evens_the_sizes(trees: Path) -> None:
    entries = list(walk(os.fsencode(trees / "old"), os.fsencode(trees / "new")))
    for chunks in (1, 2, 5, len(entries), 1000):
        plan = plan_chunks(entries, chunks)
        assert [entry for chunk in plan for entry in chunk] == entries
        assert len(plan) <= chunks and all(plan)
    assert plan_chunks([], 4) == []
    assert len(plan_chunks(entries, 8, min_cost=1 << 30)) == 1


def test_diff_bag_maps_pairs_to_their_diffs(client: distributed.Client) -> None:
    pairs = [(f"{i}\nsame\n", f"{i + 1}\nsame\n") for i in range(50)] + [("x\n", "x\n")]
    bag = dask_bag.from_sequence(pairs, npartitions=4)
    assert diff_bag(bag, context_lines=0).compute() == [fast_diff.unified_diff(o, n, context_lines=0) for o, n in pairs]
    blobs = dask_bag.from_sequence([(b"a\n", b"b\n")] * 3, npartitions=2)
    assert diff_bag(blobs, old_label="x").compute() == [b"--- x\n+++ modified\n@@ -1 +1 @@\n-a\n+b\n"] * 3


FAST_DIFF = Path(__file__).resolve().parents[3] / "target" / "release" / "fast-diff"


def edited(rng: random.Random, text: list[str]) -> list[str]:
    """``text`` with a few lines replaced, removed and inserted, so that hunks may be drawn in more
    than one valid way."""
    out = list(text)
    for _ in range(rng.randrange(1, 6)):
        at = rng.randrange(len(out) + 1)
        kind = rng.randrange(3)
        if kind == 0 and at < len(out):
            out[at] = rng.choice(("}", "", "return;", f"changed {at}"))
        elif kind == 1 and at < len(out):
            del out[at : at + rng.randrange(1, 4)]
        else:
            out[at:at] = rng.choices(("}", "", "{", "x = 1;", "return;"), k=rng.randrange(1, 4))
    return out


@pytest.mark.skipif(not FAST_DIFF.is_file(), reason="the fast-diff command is built by make test-rust")
def test_the_output_is_the_fast_diff_command_s(client: distributed.Client, trees: Path, tmp_path: Path) -> None:
    # On trees whose hunks GNU diff may draw otherwise (repeated short lines),
    # the runner writes what `fast-diff -ruN` writes, byte for byte.
    rng = random.Random(7)
    old, new = {}, {}
    for i in range(40):
        text = rng.choices(("{", "}", "", "x = 1;", "return;", f"call({i});"), k=rng.randrange(0, 80))
        old[f"d{i % 4}/f{i}.c"] = "".join(f"{line}\n" for line in text).encode()
        new[f"d{i % 4}/f{i}.c"] = "".join(f"{line}\n" for line in edited(rng, text)).encode()
    write(tmp_path / "rand" / "old", old)
    write(tmp_path / "rand" / "new", new)
    for root in (trees, tmp_path / "rand"):
        command = subprocess.run([FAST_DIFF, "-ruN", "old", "new"], cwd=root, capture_output=True)
        assert command.returncode == 1
        stdout, _, status = ours(client, "old", "new", root)
        assert (stdout, status) == (command.stdout, command.returncode)
