"""The report's MCP transport and load sections and their targets, from results.json's
``mcp_transport`` (benches/mcp_transport.py) and ``mcp_load`` (benches/mcp_load.py).

report.py calls ``verdicts`` among its targets and ``sections`` after its in-memory MCP section;
readme_figures.py's ``mcp-transport`` block is ``readme_table``. Results without these keys give
nothing (they were not measured).
"""

from __future__ import annotations

from typing import Any

SERVER_TARGET_MS = 25.0
FLOOR_RATIO_TARGET = 0.75
TRANSPORTS = (("http", "streamable HTTP"), ("stdio", "stdio"))


def ms(value: float) -> str:
    return f"{value:.3g} ms" if value < 100 else f"{value:.0f} ms"


def _own_time(plain: dict[str, Any], name: str) -> float | None:
    """The server's own time: from the whole request received to its answer written (inside)."""
    received = plain.get("received_to_answered_median_ms", {})
    return received.get(name)


def verdicts(r: dict[str, Any]) -> list[tuple[str, str, bool, str]]:
    t = r.get("mcp_transport")
    if not t:
        return []
    rows = []
    for key, name in TRANSPORTS:
        plain, sdk = t[key]["plain"], t[key]["sdk"]["median_ms"]
        own, floor = _own_time(plain, "diff"), _own_time(plain, "constant")
        outside, outside_floor = plain["outside_median_ms"]["diff"], plain["outside_median_ms"]["constant"]
        if own is not None and floor:
            why = (f"Inside the server, from the whole {t['request_bytes']:,}-byte request received to its answer "
                   f"written: `diff` {ms(own)}, the floor's `constant` {ms(floor)}. Seen from a plain client sending "
                   f"the pre-encoded request again and again (upload and download included): {ms(outside)} against "
                   f"{ms(outside_floor)} ({outside / outside_floor:.2f}×).")
            rows.append((f"{name}: server's own time on the article's case ≤ {SERVER_TARGET_MS:g} ms",
                         ms(own), own <= SERVER_TARGET_MS, why))
            rows.append((f"{name}: server's own time ≤ {FLOOR_RATIO_TARGET}× the constant-tool FastMCP server's",
                         f"{own / floor:.2f}× ({ms(own)} vs {ms(floor)})", own <= FLOOR_RATIO_TARGET * floor, why))
        rows.append((f"{name}: a whole `diff` call with the MCP SDK's client no slower than the floor's",
                     f"{sdk['diff'] / sdk['constant']:.2f}× ({ms(sdk['diff'])} vs {ms(sdk['constant'])})",
                     sdk["diff"] <= sdk["constant"],
                     f"`mcp.Client.call_tool` medians over {t['rounds']} rounds, alternating; `diff_difflib` "
                     f"{ms(sdk['diff_difflib'])}."))
    return rows


def sections(r: dict[str, Any]) -> list[str]:
    return [*_transport(r), *_load(r)]


def _transport(r: dict[str, Any]) -> list[str]:
    t = r.get("mcp_transport")
    if not t:
        return []
    lines = [
        "## MCP over its transports: the article's case",
        "",
        f"fast-diff-mcp as a process (`{t['fixture']}`, {t['characters']:,} characters, a {t['request_bytes']:,}-byte "
        f"`tools/call` request, protocol {t['protocol']}), beside the transport floor ({t['floor']}), "
        f"{t['rounds']} rounds with the contenders alternating ({_provenance(t)}). Versions: "
        + ", ".join(f"{k} {v}" for k, v in t["versions"].items()) + ".",
        "",
        "| transport | measured as | fast-diff `diff` | `diff_difflib` | floor `constant` | `diff` ÷ floor |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for key, name in TRANSPORTS:
        plain, sdk = t[key]["plain"], t[key]["sdk"]["median_ms"]
        own, floor = _own_time(plain, "diff"), _own_time(plain, "constant")
        if own is not None and floor:
            lines.append(f"| {name} | inside the server, request received to answer written | {ms(own)} | | {ms(floor)} "
                         f"| {own / floor:.2f}× |")
        lines.append(f"| {name} | plain client, pre-encoded request, whole exchange | {ms(plain['outside_median_ms']['diff'])} "
                     f"| | {ms(plain['outside_median_ms']['constant'])} "
                     f"| {plain['outside_median_ms']['diff'] / plain['outside_median_ms']['constant']:.2f}× |")
        lines.append(f"| {name} | the MCP SDK's client, one `call_tool` | {ms(sdk['diff'])} | {ms(sdk['diff_difflib'])} "
                     f"| {ms(sdk['constant'])} | {sdk['diff'] / sdk['constant']:.2f}× |")
    lines += ["", "Where fast-diff-mcp's own time goes (medians of the steps' ends, ms from the request's arrival; "
              "over HTTP `read` is the body received):", ""]
    for key, name in TRANSPORTS:
        steps = t[key]["plain"]["inside_steps_median_ms"].get("diff", {})
        if steps:
            lines.append(f"- {name}: " + ", ".join(f"{step} {value:.1f}" for step, value in steps.items())
                         + f"; answered {t[key]['plain']['inside_median_ms']['diff']:.1f}.")
    for key, name in TRANSPORTS:
        profile = t[key].get("client_profile")
        if profile:
            lines += ["", f"The SDK client's side of a `diff` call over {name} (cProfile, the functions with the most "
                      "time of their own, ms per call):", "", "| function | own | cumulative |", "|---|---:|---:|"]
            for row in profile[:8]:
                lines.append(f"| `{row['function']}` | {row['own_ms_per_call']:.1f} | {row['cumulative_ms_per_call']:.1f} |")
    verdict = t["http"]["sdk"].get("outputs", {})
    if verdict:
        lines += ["", "Answers: " + "; ".join(f"`{tool}` {v['verdict']}" for tool, v in verdict.items())
                  + " (against the engine's diff); the floor answered its constant."]
    return lines + [""]


def _load(r: dict[str, Any]) -> list[str]:
    load = r.get("mcp_load")
    if not load:
        return []
    lines = [
        "## MCP under load: 32 clients at once",
        "",
        f"`diff` calls over HTTP from {load['runs'][0]['clients']} clients at once, each on kept-alive connections, "
        f"sending its next call when its answer has come; with two replicas each client sends its calls to them "
        f"in turn ({_provenance(load)}; {load['note']}, {load['cores']} in all).",
        "",
        "| input | replicas | calls | calls/s | p50 | p99 | worst | errors | wrong answers |",
        "|---|---:|---:|---:|---:|---:|---:|---|---:|",
    ]
    for run in load["runs"]:
        errors = ", ".join(f"{k}: {v}" for k, v in run["errors"].items()) or "none"
        lines.append(f"| {run['input']} (`{run['fixture']}`, {run['request_bytes']:,}-byte request) | {run['replicas']} "
                     f"| {run['calls']:,} | {run['calls_per_s']:.0f} | {ms(run['p50_ms'])} | {ms(run['p99_ms'])} "
                     f"| {ms(run['max_ms'])} | {errors} | {run['wrong_answers']} |")
    return lines + [""]


def _provenance(part: dict[str, Any]) -> str:
    made = part.get("made")
    if not made:
        return "in this run"
    return f"`{made['command']}` of {made['generated'][:10]} on commit {made['commit']}" + (
        " with uncommitted changes" if made.get("dirty") else "")


def readme_table(r: dict[str, Any]) -> str:
    """The README's table of the MCP figures: in memory, over stdio and over HTTP, from results.json."""
    t, memory = r.get("mcp_transport"), r.get("mcp", {}).get("shipped", {}).get("median_ns")
    if not t:
        return "The MCP transports were not measured in the committed run."
    rows = ["| how the call travels | measured as | `diff` | `diff_difflib` | floor: a tool returning a constant |",
            "|---|---|---:|---:|---:|"]
    if memory:
        rows.append(f"| in memory (FastMCP's client and server in one process) | one `call_tool` | "
                    f"{ms(memory['diff'] / 1e6)} | {ms(memory['diff_difflib'] / 1e6)} | |")
    for key, name in TRANSPORTS:
        plain, sdk = t[key]["plain"], t[key]["sdk"]["median_ms"]
        rows.append(f"| {name}, the MCP SDK's client | one `call_tool`, the whole call | {ms(sdk['diff'])} | "
                    f"{ms(sdk['diff_difflib'])} | {ms(sdk['constant'])} |")
        own, floor = _own_time(plain, "diff"), _own_time(plain, "constant")
        if own is not None and floor:
            rows.append(f"| {name}, the server alone | inside it: request received to answer written | {ms(own)} | | "
                        f"{ms(floor)} |")
    return "\n".join([
        f"The article's case (`{t['fixture']}`, a {t['request_bytes']:,}-byte request), fast-diff-mcp against a FastMCP "
        f"server whose only tool returns a constant (the transport floor), alternating in one run "
        f"({_provenance(t)}; the in-memory row from the main run); medians. What a client can do about its own "
        "share is in [server/README.md](server/README.md#what-a-call-costs).",
        "",
        *rows,
    ])
