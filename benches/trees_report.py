"""The report's section on directory trees (trees.py's figures in results.json
under "trees"), and its two targets: `fast-diff -ruN` at most 0.5× the time
of `git diff --no-index`, and at most 0.5× GNU `diff -ruN`'s (the issue's
"far below"). Results written before trees were measured, or by a run that
could not fetch the releases, give a section that says so."""

from __future__ import annotations

from typing import Any

GIT = "git diff --no-index"
GNU = "GNU diff -ruN"
OURS = "fast-diff -ruN"
TARGET = 0.5


def show_ms(ns: float) -> str:
    return f"{ns / 1e6:,.0f} ms"


def _trees(report: Any) -> dict | None:
    trees = report.r.get("trees")
    return trees if trees and "contenders" in trees else None


def targets(report: Any) -> None:
    """Adds the two verdicts, when trees were measured."""
    trees = _trees(report)
    if trees is None:
        return
    per_round = trees["median_ratio_per_round"]
    cpu = trees.get("cpu_ratio_of_medians", {})
    load = trees["load_per_round"]
    why = (f"Whole processes on two releases of {trees['pair']} ({trees['changed_pairs']:,} file pairs differ), "
           f"median of the per-round ratios of {trees['rounds']} alternating rounds, 1-minute load average "
           f"{min(load):.1f} to {max(load):.1f} on {report.r['machine']['cores']} cores")
    for other, target in ((GIT, f"`{OURS}` at most {TARGET}× the time of `{GIT}` on real trees"),
                          (GNU, f"`{OURS}` at most {TARGET}× the time of `{GNU}` on real trees")):
        measured = f"{per_round[other]:.2f}×" + (f" (CPU time {cpu[other]:.2f}×)" if other in cpu else "")
        report.verdict(target, measured, per_round[other] <= TARGET, why + ".")


def section(report: Any) -> None:
    add = report.add
    add("## Directory trees", "")
    trees = report.r.get("trees")
    if not trees:
        add("Not measured in this run.", "")
        return
    if "contenders" not in trees:
        add(f"Skipped in this run: {trees.get('skipped', 'no reason recorded')}.", "")
        return
    old, new = trees["old"], trees["new"]
    load = trees["load_per_round"]
    add(
        f"Two releases of {trees['pair']} from Debian's archive ({old['files']:,} and {new['files']:,} files, "
        f"{old['bytes'] / 2**20:.0f} and {new['bytes'] / 2**20:.0f} MiB; {trees['changed_pairs']:,} file pairs "
        f"differ), each command a whole process writing to /dev/null, {trees['rounds']} rounds taking turns, "
        f"1-minute load average {min(load):.1f} to {max(load):.1f}. Ratios are fast-diff's time over the other's, "
        "the median of each round's ratio; CPU time is user and system together. "
        + (f"Measured {trees['generated']} on commit {trees['commit']}, apart from the rest of this report."
           if trees.get("generated") and trees["generated"] != report.r.get("generated") else ""),
        "",
        "| command | wall time (median) | CPU time (median) | fast-diff -ruN ÷ this | peak memory | output |",
        "|---|---|---|---|---|---|",
    )
    per_round = trees["median_ratio_per_round"]
    for name, c in trees["contenders"].items():
        output = c.get("output")
        judged = "reference" if name in (GNU, "git diff --no-index --no-renames") else "not judged (git finds renames)"
        if output:
            judged = (f"{output['verdict']} ({output['pairs_with_other_hunks']:,} of {output['pairs']:,} pairs with "
                      "other hunks)" if output["verdict"] != "identical" else "identical")
        cpu = show_ms(c["cpu_median_ns"]) if "cpu_median_ns" in c else "n/a"
        ratio = "1" if name == OURS else f"{per_round[name]:.2f}×"
        add(f"| `{c['command']}` | {show_ms(c['median_ns'])} | {cpu} | {ratio} | {c['peak_rss_kb'] / 1024:.1f} MiB "
            f"| {judged} |")
    add("", "Other hunks are other, equally valid diffs of the same files; the tests check that GNU patch and "
        "`git apply` recreate the new tree from fast-diff's.", "")


def figure(results: dict) -> str:
    """The docs' sentence on trees, from results.json."""
    trees = results.get("trees")
    if not trees or "contenders" not in trees:
        return "Directory trees were not measured in the committed run (`benches/trees.py` measures them)"
    per_round, cpu, load = trees["median_ratio_per_round"], trees.get("cpu_ratio_of_medians", {}), trees["load_per_round"]
    ours = trees["contenders"][OURS]
    when = f" on {trees['generated'][:10]}" if trees.get("generated") else ""
    return (
        f"On two releases of {trees['pair']} ({trees['changed_pairs']:,} file pairs differ), `{OURS}` took "
        f"{show_ms(ours['median_ns'])}: {per_round[GIT]:.2f}× the time of `{GIT}` and {per_round[GNU]:.2f}× that of "
        f"GNU `diff -ruN` (CPU time {cpu.get(GIT, float('nan')):.2f}× and {cpu.get(GNU, float('nan')):.2f}×), as whole "
        f"processes taking turns over {trees['rounds']} rounds{when}, on "
        f"{results['machine']['cores']} cores shared with other work (1-minute load average {min(load):.1f} to "
        f"{max(load):.1f})"
    )
