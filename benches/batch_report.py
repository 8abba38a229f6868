#!/usr/bin/env python3
"""The report's section on the batch call and the Dask runner, from batch_bench.py's figures.

report.py calls `section(results["batch"])`; run alone (`batch_report.py
BATCH.json`, as `make bench-batch` does) it prints the section. As in the
rest of the report, every verdict is computed from the figures, and the
load average beside them says how many cores the run had to itself.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

Verdict = tuple[str, str, bool, str]


def ms(ns: float) -> str:
    return f"{ns / 1e6:.1f} ms" if ns < 1e10 else f"{ns / 1e9:.1f} s"


def section(batch: dict) -> tuple[list[str], list[Verdict]]:
    """The section's markdown lines and its verdicts on the targets."""
    cores = batch["cores"]
    lines = [
        "## Many diffs in one call, and on a Dask cluster",
        "",
        f"`fd_unified_diff_many` (C) and `fast_diff.unified_diff_many` (Python) against a loop of single calls, "
        f"with 1, 2 and all {cores} cores' threads, in {batch['rounds']} rounds that rotate the order "
        "(`benches/batch_bench.py`, `benches/batch_call.c`); medians, and speed-ups as the median of each "
        "round's ratio. The load average (1 min) before and after each part says how much of the machine "
        "the run had: scaling cannot exceed the cores that were free.",
        "",
        "| input | language | loop of single calls | many, 1 thread | many, 2 threads | "
        f"many, all {cores} cores | 2 threads ÷ 1 | loop ÷ 1 thread | load |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    verdicts: list[Verdict] = []
    scaling: list[str] = []
    loops: list[str] = []
    scaling_met = loops_met = True
    for name, entry in batch["inputs"].items():
        for language in ("c", "python"):
            part = entry[language]
            c = part["contenders"]
            two = c["many 2"]["speedup_vs_many_1"]
            loop = part["contenders"]["loop_over_many_1"]
            lines.append(
                f"| {name} ({part['pairs']:,} pairs) | {'C' if language == 'c' else 'Python'} | "
                f"{ms(c['loop']['median_ns'])} | {ms(c['many 1']['median_ns'])} | {ms(c['many 2']['median_ns'])} | "
                f"{ms(c['many cores']['median_ns'])} | {two:.2f}× | {loop:.2f}× | "
                f"{part['load_before']:.1f} → {part['load_after']:.1f} |"
            )
            scaling.append(f"{name}, {language}: {two:.2f}×")
            scaling_met &= two >= 1.7
            loops.append(f"{name}, {language}: {loop:.2f}×")
            # C: no slower than the loop; Python: faster (the per-call cost is paid once).
            loops_met &= loop >= 1.0 if language == "c" else loop > 1.0
    if "corpus_unavailable" in batch:
        lines += ["", f"The real-history input was not measured: {batch['corpus_unavailable']}."]
    loads = [part["load_before"] for entry in batch["inputs"].values() for part in (entry["c"], entry["python"])]
    busy = max(loads) if loads else 0.0
    why = (f"Load average up to {busy:.1f} on {cores} cores during the run: the second thread had "
           f"{'little' if busy >= cores else 'some'} of a core to itself."
           if busy >= cores - 0.5 else f"Load average at most {busy:.1f} on {cores} cores.")
    verdicts.append(("Batch: 2 threads at least 1.7× faster than 1 (2-core machine)", "; ".join(scaling),
                     scaling_met, why))
    verdicts.append(("Batch: 1 thread no slower than a loop of single calls (in Python, faster)", "; ".join(loops),
                     loops_met, "Ratios of the loop's time to the one-thread batch's, same rounds."))
    dask = batch.get("dask")
    if dask:
        lines += [
            "",
            f"The Dask runner on the trees of {dask['tree_old']} and {dask['tree_new']} "
            f"({dask['file_pairs']:,} pairs of files, {dask['bytes'] / 1e6:.0f} MB): `diff_trees` on a running "
            "LocalCluster of 1 and of 2 worker processes (one thread each), beside GNU `diff -ruN` as a process, "
            "alternating; the whole command (`python -m fast_diff.dask`, its cluster's start included) once each. "
            f"Its output is {'byte for byte GNU diff -ruN' if dask['identical_to_gnu'] else 'not byte for byte GNU diff -ruN: the sections of ' + str(dask.get('differing_file_sections')) + ' files differ'}; "
            f"1 and 2 workers wrote {'the same' if dask['same_output_1_and_2_workers'] else '**different**'} output.",
            "",
            "| run | median | files/s | MB/s |",
            "|---|---:|---:|---:|",
        ]
        for name, figures in dask["contenders"].items():
            lines.append(f"| {name} | {ms(figures['median_ns'])} | {figures['files_per_s']:,.0f} | "
                         f"{figures['mb_per_s']:.0f} |")
        whole = dask["whole_command_ns"]
        lines += [
            "",
            f"2 workers ÷ 1: {dask['two_over_one_worker']:.2f}× (median of per-round ratios; load average "
            f"{dask['load_before']:.1f} → {dask['load_after']:.1f}). The whole command took "
            f"{ms(whole['1']['ns'])} with 1 worker and {ms(whole['2']['ns'])} with 2, most of it starting the cluster.",
        ]
    lines.append("")
    return lines, verdicts


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    lines, verdicts = section(json.loads(Path(sys.argv[1]).read_text()))
    print("\n".join(lines))
    for target, measured, met, why in verdicts:
        print(f"- {'met' if met else 'NOT met'}: {target}: {measured}. {why}")


if __name__ == "__main__":
    main()
