#!/usr/bin/env python3
"""The batch call and the Dask runner, measured: `make bench` runs it through run.py.

    batch_bench.py BATCH_CALL FIXTURES OUT.json [--rounds N] [--quick] [--no-dask]

On two inputs, the 10,000 pairs of about 2 KB (`small_pairs`) and the files
git changed between two releases (benches/corpus.py; skipped, with the
reason recorded, when it cannot be fetched):

- C (batch_call.c): a loop of `fd_unified_diff` against `fd_unified_diff_many`
  with 1, 2 and all cores' threads, round by round in a rotating order;
- Python: a loop of `fast_diff.unified_diff` against `unified_diff_many`
  with `threads=1`, 2 and all cores, the same way, on bytes;
- Dask, on the corpus trees: `diff_trees` on a running LocalCluster of 1
  and of 2 worker processes, alternating, and GNU `diff -ruN` as a process
  beside them; the whole command (`python -m fast_diff.dask`, cluster
  start-up included) once per worker count. Its output is compared with
  GNU's, byte for byte.

Every contender's results are checked equal before anything is timed. The
load average is recorded around each part: on a shared machine the scaling
measured is only as good as the cores that were free.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import fast_diff

BENCHES = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHES))

import corpus  # noqa: E402


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def read_pairs(path: Path) -> list[tuple[bytes, bytes]]:
    data = path.read_bytes()
    pairs, at = [], 0
    while at < len(data):
        (n,) = struct.unpack_from("<I", data, at)
        old = data[at + 4 : at + 4 + n]
        at += 4 + n
        (n,) = struct.unpack_from("<I", data, at)
        new = data[at + 4 : at + 4 + n]
        at += 4 + n
        pairs.append((old, new))
    return pairs


def write_pairs(pairs: list[tuple[bytes, bytes]], path: Path) -> None:
    with open(path, "wb") as f:
        for old, new in pairs:
            f.write(struct.pack("<I", len(old)) + old + struct.pack("<I", len(new)) + new)


def load() -> float:
    return os.getloadavg()[0]


def summary(times: dict[str, list[float]], baseline: str) -> dict[str, object]:
    """Medians, and each contender's ratio to ``baseline`` as the median of per-round ratios."""
    result: dict[str, object] = {}
    for name, values in times.items():
        ratios = [b / v for b, v in zip(times[baseline], values)]
        result[name] = {"median_ns": statistics.median(values), "runs_ns": values,
                        "speedup_vs_" + baseline.replace(" ", "_"): statistics.median(ratios)}
    return result


def c_part(batch_call: str, pairs_file: Path, rounds: int) -> dict[str, object]:
    before = load()
    output = subprocess.run([batch_call, str(pairs_file), str(rounds), str(cores())], check=True,
                            capture_output=True, text=True).stdout
    raw = json.loads(output)
    times = {name: raw[name] for name in ("loop", "many 1", "many 2", "many cores")}
    return {"pairs": raw["pairs"], "diff_bytes": raw["diff_bytes"], "load_before": before, "load_after": load(),
            "contenders": summary(times, "many 1") | {"loop_over_many_1": statistics.median(
                [loop / one for loop, one in zip(times["loop"], times["many 1"])])}}


def python_part(pairs: list[tuple[bytes, bytes]], rounds: int) -> dict[str, object]:
    all_cores = cores()
    contenders = {
        "loop": lambda: [fast_diff.unified_diff(old, new) for old, new in pairs],
        "many 1": lambda: fast_diff.unified_diff_many(pairs, threads=1),
        "many 2": lambda: fast_diff.unified_diff_many(pairs, threads=2),
        "many cores": lambda: fast_diff.unified_diff_many(pairs, threads=all_cores),
    }
    expected = contenders["loop"]()
    for name, run in contenders.items():
        if run() != expected:
            raise SystemExit(f"python {name}: results differ from single calls")
    before = load()
    names = list(contenders)
    times: dict[str, list[float]] = {name: [] for name in names}
    for r in range(rounds):
        for k in range(len(names)):
            name = names[(r + k) % len(names)]
            start = time.perf_counter_ns()
            contenders[name]()
            times[name].append(float(time.perf_counter_ns() - start))
    return {"pairs": len(pairs), "load_before": before, "load_after": load(),
            "contenders": summary(times, "many 1") | {"loop_over_many_1": statistics.median(
                [loop / one for loop, one in zip(times["loop"], times["many 1"])])}}


def dask_part(old: Path, new: Path, rounds: int) -> dict[str, object]:
    import distributed

    from fast_diff.dask import FilePair, diff_trees, walk

    parent = old.parent
    gnu = subprocess.run(["diff", "-ruN", old.name, new.name], cwd=parent, capture_output=True)
    entries = list(walk(os.fsencode(old), os.fsencode(new)))
    files = sum(isinstance(e, FilePair) for e in entries)
    size = sum(e.size for e in entries if isinstance(e, FilePair))
    result: dict[str, object] = {"tree_old": old.name, "tree_new": new.name, "entries": len(entries),
                                 "file_pairs": files, "bytes": size, "gnu_exit": gnu.returncode}
    clusters = {}
    try:
        for workers in (1, 2):
            cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                               dashboard_address=":0", silence_logs=40)
            clusters[workers] = (cluster, distributed.Client(cluster))
        here = os.getcwd()
        os.chdir(parent)
        try:
            outputs = {}
            for workers, (_, client) in clusters.items():  # warm up, and the output
                out = io.BytesIO()
                status = diff_trees(old.name, new.name, out, client=client)
                outputs[workers] = (out.getvalue(), status)
            result["same_output_1_and_2_workers"] = outputs[1] == outputs[2]
            result["identical_to_gnu"] = outputs[2] == (gnu.stdout, gnu.returncode)
            if not result["identical_to_gnu"]:
                result["differing_file_sections"] = differing_sections(outputs[2][0], gnu.stdout)
            before = load()
            times: dict[str, list[float]] = {"dask 1 worker": [], "dask 2 workers": [], "GNU diff -ruN": []}
            for r in range(rounds):
                for k in range(3):
                    name = list(times)[(r + k) % 3]
                    start = time.perf_counter_ns()
                    if name == "GNU diff -ruN":
                        subprocess.run(["diff", "-ruN", old.name, new.name], stdout=subprocess.DEVNULL)
                    else:
                        diff_trees(old.name, new.name, io.BytesIO(), client=clusters[1 if "1" in name else 2][1])
                    times[name].append(float(time.perf_counter_ns() - start))
            result["load_before"], result["load_after"] = before, load()
            result["contenders"] = {
                name: {"median_ns": statistics.median(values), "runs_ns": values,
                       "files_per_s": files / (statistics.median(values) / 1e9),
                       "mb_per_s": size / 1e6 / (statistics.median(values) / 1e9)}
                for name, values in times.items()
            }
            result["two_over_one_worker"] = statistics.median(
                [one / two for one, two in zip(times["dask 1 worker"], times["dask 2 workers"])])
        finally:
            os.chdir(here)
    finally:
        for cluster, client in clusters.values():
            client.close()
            cluster.close()
    whole = {}
    for workers in (1, 2):
        start = time.perf_counter_ns()
        run = subprocess.run([sys.executable, "-m", "fast_diff.dask", old.name, new.name, "--workers", str(workers)],
                             cwd=parent, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        whole[f"{workers}"] = {"ns": time.perf_counter_ns() - start, "exit": run.returncode}
    result["whole_command_ns"] = whole
    return result


def differing_sections(ours: bytes, gnu: bytes) -> int:
    """How many files' sections (from one `diff -ruN` line to the next) differ."""
    def sections(text: bytes) -> dict[bytes, bytes]:
        parts = text.split(b"\ndiff -ruN ")
        return {part.split(b"\n", 1)[0]: part for part in parts}

    a, b = sections(ours), sections(gnu)
    return sum(a.get(k) != b.get(k) for k in a.keys() | b.keys())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("batch_call")
    parser.add_argument("fixtures", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()
    rounds = 5 if args.quick else args.rounds
    results: dict[str, object] = {"cores": cores(), "rounds": rounds, "inputs": {}}
    inputs: dict[str, list[tuple[bytes, bytes]]] = {"small_pairs": read_pairs(args.fixtures / "small_pairs.bin")}
    trees = None
    try:
        trees = corpus.trees()
        inputs["git history"] = [(old, new) for _, old, new in corpus.changed_pairs()]
        results["corpus"] = f"{corpus.GIT[0].name} → {corpus.GIT[1].name}"
    except corpus.CorpusUnavailable as error:
        results["corpus_unavailable"] = str(error)
    with tempfile.TemporaryDirectory() as scratch:
        for name, pairs in inputs.items():
            pairs_file = Path(scratch, "pairs.bin")
            write_pairs(pairs, pairs_file)
            print(f"batch: {name}: C", flush=True)
            c = c_part(args.batch_call, pairs_file, rounds)
            print(f"batch: {name}: Python", flush=True)
            py = python_part(pairs, rounds)
            results["inputs"][name] = {"bytes": sum(len(o) + len(n) for o, n in pairs), "c": c, "python": py}  # type: ignore[index]
    if trees is not None and not args.no_dask:
        print("batch: Dask", flush=True)
        results["dask"] = dask_part(trees[0], trees[1], 3 if args.quick else 5)
    args.out.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
