"""The real-history benchmark's Python side: run.py's step (fetch the corpus
with corpus.py, run benches/history.rs) and report.py's section and targets,
all computed from what results.json records under `history`.

The figures per project and contender are benches/history.rs's: the total
time over every pair (median of the rounds, and the thread's CPU time), the
median pair, the median small pair, and the diffs' changed lines and bytes.
"""

from __future__ import annotations

import json
import os
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import corpus

DEFAULT = "fast-diff default"
THROUGH_C = "fast-diff via C ABI"
PEERS = ["similar myers", "similar histogram", "imara-diff myers", "imara-diff histogram"]
IMARA = ["imara-diff myers", "imara-diff histogram"]
TARGET_RATIO = 0.8


def run_history(executable: str, quick: bool, scratch: Path) -> dict[str, object]:
    """Fetches the corpus (cached) and runs the benchmark; says why when it cannot."""
    try:
        for name in corpus.PROJECTS:
            corpus.pairs_file(name)
    except corpus.CorpusUnavailable as e:
        print(f"real code history skipped: {e}", flush=True)
        return {"skipped": f"real history unavailable ({e}); `python3 benches/corpus.py fetch` needs the registries once"}
    out = scratch / "history.json"
    env = {**os.environ, "FAST_DIFF_CORPUS": str(corpus.CACHE), "FAST_DIFF_HISTORY_JSON": str(out),
           "FAST_DIFF_HISTORY_PROJECTS": ",".join(corpus.PROJECTS)}
    if quick:
        env["FAST_DIFF_BENCH_QUICK"] = "1"
    load_before = os.getloadavg()[0]
    subprocess.run([executable], env=env, check=True, stdout=subprocess.DEVNULL)
    commit = subprocess.run(["git", "-C", str(corpus.ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    return {
        # Its own provenance, so that the section says what it is even
        # beside figures of another run.
        "generated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "commit": commit or "unknown",
        "loadavg": [load_before, os.getloadavg()[0]],
        "projects": json.loads(out.read_text()),
        "corpus": {p.name: {"what": p.what, "old": p.old.version, "new": p.new.version} for p in corpus.PROJECTS.values()},
    }


def _contenders(project: dict) -> dict[str, dict]:
    return {c["id"]: c for c in project["contenders"]}


def _all(history: dict) -> dict[str, dict]:
    """Every contender's figures summed over the projects."""
    total: dict[str, dict] = {}
    for project in history["projects"].values():
        for name, c in _contenders(project).items():
            t = total.setdefault(name, {"total_ns": 0, "cpu_ns": 0, "changed_lines": 0, "changed_bytes": 0})
            for key in t:
                t[key] += c[key]
    return total


def _fastest(figures: dict[str, dict], names: list[str], key: str = "total_ns") -> str | None:
    timed = [(figures[n][key], n) for n in names if n in figures]
    return min(timed)[1] if timed else None


def history_targets(history: dict | None) -> list[tuple[str, str, bool, str]]:
    """The real-history targets: (target, measured, met, why)."""
    from report import ratio, show_ns

    if not history or "projects" not in history:
        return []
    scopes = [(name, _contenders(p)) for name, p in history["projects"].items()] + [("all projects", _all(history))]
    if any(DEFAULT not in figures for _, figures in scopes):
        return []
    out = []
    worst, parts, sizes, size_parts = 0.0, [], True, []
    for scope, figures in scopes:
        peer = _fastest(figures, PEERS)
        if peer is None:
            return []
        ours, theirs = figures[DEFAULT], figures[peer]
        r = ours["total_ns"] / theirs["total_ns"]
        cpu = ours["cpu_ns"] / theirs["cpu_ns"] if theirs["cpu_ns"] else float("nan")
        worst = max(worst, r)
        parts.append(f"{scope}: {show_ns(ours['total_ns'])} against {peer}'s {show_ns(theirs['total_ns'])}, "
                     f"{ratio(r)} (CPU time {ratio(cpu)})")
        sizes &= ours["changed_bytes"] <= theirs["changed_bytes"]
        size_parts.append(f"{scope}: {ours['changed_bytes']:,} bytes of changed lines against {peer}'s "
                          f"{theirs['changed_bytes']:,}")
    out.append((f"Default diff on real history ≤ {TARGET_RATIO}× the fastest of similar and imara-diff, on every "
                f"project and in all",
                f"worst {ratio(worst)}", worst <= TARGET_RATIO,
                "Total time over every changed file, median of the rounds, the contenders taking turns "
                "(benches/history.rs): " + "; ".join(parts) + "."))
    out.append(("Default diff on real history never larger than the fastest peer's",
                "smaller or equal everywhere" if sizes else "larger somewhere", sizes,
                "The bytes of the removed and added lines each diff shows, counted alike for every tool: "
                + "; ".join(size_parts) + "."))
    small, small_parts = 0.0, []
    for name, project in history["projects"].items():
        figures = _contenders(project)
        peer = _fastest(figures, IMARA, "small_pair_median_ns")
        if THROUGH_C not in figures or peer is None:
            continue
        ours, theirs = figures[THROUGH_C]["small_pair_median_ns"], figures[peer]["small_pair_median_ns"]
        small = max(small, ours / theirs)
        small_parts.append(f"{name} ({project['small_pairs']:,} pairs): {show_ns(ours)} against {peer}'s "
                           f"{show_ns(theirs)}, {ratio(ours / theirs)}")
    if small_parts:
        limit = next(iter(history["projects"].values()))["small_bytes"]
        out.append((f"One `fd_unified_diff` call on a small real pair ≤ {TARGET_RATIO}× imara-diff's",
                    f"worst {ratio(small)}", small <= TARGET_RATIO,
                    f"Median over the pairs whose sides are both at most {limit // 1024} KiB of each pair's median "
                    f"time: " + "; ".join(small_parts) + "."))
    return out


def history_section(history: dict | None) -> list[str]:
    """The report's section on real code history."""
    from report import ratio, show_ns

    lines = ["## Real code history", ""]
    if not history:
        return lines + ["Not measured in this run (results.json has no `history`).", ""]
    if "skipped" in history:
        return lines + [f"Skipped in this run: {history['skipped']}.", ""]
    releases = "; ".join(f"{v['what']}, {v['old']} to {v['new']}" for v in history["corpus"].values())
    lines += [f"Every file present in two releases of real projects whose bytes differ (benches/corpus.py: {releases}), "
              f"diffed in memory by each contender writing a unified diff with 3 lines of context (benches/history.rs). "
              f"The contenders take turns round by round; total: the median of the rounds' totals over every pair, and "
              f"the thread's CPU time in the same rounds (which leaves out waiting for a core); median pair: of each "
              f"pair's median time; changed: the removed and added lines each diff shows, and their bytes. "
              f"`{DEFAULT}` is `DiffOptions::default()`, timed beside each algorithm by name; `{THROUGH_C}` is "
              f"`fd_unified_diff` with the default options."
              + (f" Measured on {history['generated'][:10]}, commit {history['commit']}, 1-minute load average "
                 f"{history['loadavg'][0]:.1f} before and {history['loadavg'][1]:.1f} after." if "generated" in history
                 else ""), ""]
    for name, project in list(history["projects"].items()) + [("all projects", None)]:
        figures = _contenders(project) if project else _all(history)
        base = figures.get(DEFAULT)
        if project:
            lines += [f"### {name}", "",
                      f"{project['pairs']:,} pairs ({project['small_pairs']:,} with both sides at most "
                      f"{project['small_bytes'] // 1024} KiB), {project['input_bytes'] / 1e6:.1f} MB in all, "
                      f"{project['rounds']} rounds; left out for every contender, since imara-diff's printer takes "
                      f"`str`: {project['not_utf8']:,} not UTF-8.", "",
                      "| contender | total | CPU | × default | median pair | median small pair | changed lines | "
                      "changed bytes |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
            for c in project["contenders"]:
                times = f"{ratio(c['total_ns'] / base['total_ns'])}" if base else ""
                lines.append(f"| {c['id']} | {show_ns(c['total_ns'])} | {show_ns(c['cpu_ns'])} | {times} | "
                             f"{show_ns(c['pair_median_ns'])} | {show_ns(c['small_pair_median_ns'])} | "
                             f"{c['changed_lines']:,} | {c['changed_bytes']:,} |")
        else:
            lines += ["### All projects", "", "| contender | total | CPU | × default | changed lines | changed bytes |",
                      "|---|---:|---:|---:|---:|---:|"]
            for cid, c in figures.items():
                times = f"{ratio(c['total_ns'] / base['total_ns'])}" if base else ""
                lines.append(f"| {cid} | {show_ns(c['total_ns'])} | {show_ns(c['cpu_ns'])} | {times} | "
                             f"{c['changed_lines']:,} | {c['changed_bytes']:,} |")
        lines.append("")
    return lines
