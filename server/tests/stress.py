#!/usr/bin/env python3
"""The load and fault suite: the real server on loopback, under each kind of pressure, each run bounded
in time and in count, and what it did: the load it held, its worst latency, its peak memory, the
errors it answered, and whether anything was lost or wrong.

Scenarios:
- ``mixed``: 32 clients at once, each sending a mix of calls (every output of `diff`, comparison
  modes, `apply_patch`, `diff_difflib`), every answer compared with the same call made alone;
- ``starvation``: heavy word diffs (250 KB a side) filling the heavy workers and their queue, and a
  small `diff` sent again and again meanwhile: its latency;
- ``sessions``: initialize requests never closed, to a stateless server and to one keeping sessions
  (``--stateful --max-sessions``): whether a new client still gets in, and the memory;
- ``bodies``: bodies declared far over the limit, of the wrong type, sent without a length past the
  limit, sent too slowly, and malformed: each answered, none read past what it takes to refuse it;
- ``stdio``: junk lines of every kind, each answered, and the server still serving;
- ``worst``: the quadratic patch (hunks that do not apply) and the word diff of one long line at
  several sizes: the time to an answer, and the answer (a result, a coarser one, or an error at
  the deadline).

Usage: stress.py [--scale small|full] [--out DIR]    (`make stress`: full, into build/stress)
The tests (test_stress.py) run the same scenarios small and assert what they must.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fast_diff  # noqa: E402
from servers import (  # noqa: E402
    LEGACY,
    Connection,
    HttpServer,
    call_body,
    call_headers,
    command,
    http_server,
    post_head,
    raw_request,
    rpc,
)

SCALES = {
    "small": {"clients": 32, "calls": 6, "heavy_calls": 12, "small_calls": 10, "sessions": 300, "slow": 4,
              "junk_rounds": 2, "worst_sizes": (1,)},
    "full": {"clients": 32, "calls": 40, "heavy_calls": 48, "small_calls": 40, "sessions": 10_000, "slow": 32,
             "junk_rounds": 20, "worst_sizes": (1, 2, 4)},
}


@dataclass
class Outcome:
    """What one scenario saw."""

    scenario: str
    load: str
    calls: int = 0
    worst_ms: float = 0.0
    peak_rss_kb: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    lost: int = 0
    wrong: int = 0
    notes: list[str] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


async def timed(outcome: Outcome, call: Awaitable[Any]) -> Any:
    started = time.perf_counter()
    result = await call
    outcome.worst_ms = max(outcome.worst_ms, (time.perf_counter() - started) * 1000)
    outcome.calls += 1
    return result


async def call(connection: Connection, tool: str, arguments: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    status, answer = await connection.post(call_headers(tool), call_body(tool, arguments))
    return status, json.loads(answer) if answer else {}


def answer_text(answer: dict[str, Any]) -> str | None:
    result = answer.get("result")
    return None if result is None else str(result["content"][0]["text"])


# ---- mixed clients --------------------------------------------------------------


def mixed_calls(rng: random.Random, count: int) -> list[tuple[str, dict[str, Any]]]:
    lines = [f"line {i} {rng.choice(['alpha', 'beta', 'gamma'])}\n" for i in range(200)]
    calls: list[tuple[str, dict[str, Any]]] = []
    for k in range(count):
        old = "".join(lines[k % 50 :])
        new_lines = list(lines[k % 50 :])
        for _ in range(3):
            i = rng.randrange(len(new_lines))
            new_lines[i] = new_lines[i].upper() if rng.random() < 0.5 else "  " + new_lines[i]
        new = "".join(new_lines)
        kind = k % 6
        if kind == 0:
            calls.append(("diff", {"original_text": old, "modified_text": new}))
        elif kind == 1:
            calls.append(("diff", {"original_text": old, "modified_text": new, "output": rng.choice(["stats", "hunks", "words"])}))
        elif kind == 2:
            calls.append(("diff", {"original_text": old, "modified_text": new, "ignore_case": True, "ignore_all_space": True}))
        elif kind == 3:
            calls.append(("apply_patch", {"original_text": old, "patch": fast_diff.unified_diff(old, new)}))
        elif kind == 4:
            calls.append(("diff_difflib", {"original_text": old, "modified_text": new}))
        else:
            calls.append(("diff", {"original_text": old, "modified_text": new, "context_lines": 0, "algorithm": "histogram"}))
    return calls


async def mixed(server: HttpServer, scale: dict[str, Any]) -> Outcome:
    rng = random.Random(1)
    outcome = Outcome("mixed", f"{scale['clients']} clients at once, {scale['calls']} mixed calls each")
    plan = mixed_calls(rng, scale["clients"] * scale["calls"])
    # Each call made alone first: what every answer under load must be.
    alone = await Connection.open(server.port)
    expected = []
    for tool, arguments in plan:
        _, answer = await call(alone, tool, arguments)
        expected.append(answer_text(answer))
    await alone.close()
    server.reset_peak()

    async def client(k: int) -> None:
        connection = await Connection.open(server.port)
        try:
            for i in range(scale["calls"]):
                tool, arguments = plan[k * scale["calls"] + i]
                status, answer = await timed(outcome, call(connection, tool, arguments))
                if status != 200 or "result" not in answer:
                    outcome.error(f"HTTP {status}")
                elif answer["result"].get("isError"):
                    outcome.error(str(answer["result"]["content"][0]["text"])[:50])
                elif answer_text(answer) != expected[k * scale["calls"] + i]:
                    outcome.wrong += 1
        finally:
            await connection.close()

    await asyncio.gather(*(client(k) for k in range(scale["clients"])))
    outcome.lost = len(plan) - outcome.calls
    outcome.peak_rss_kb = server.peak_rss_kb()
    return outcome


# ---- starvation ------------------------------------------------------------------


def word_pair(size: int, seed: int) -> tuple[str, str]:
    """One long line of a, b and spaces, each side: the word diff's slowest shape."""
    rng = random.Random(seed)
    return ("".join(rng.choice("ab ") for _ in range(size)), "".join(rng.choice("ab ") for _ in range(size)))


async def starvation(server: HttpServer, scale: dict[str, Any]) -> Outcome:
    outcome = Outcome("starvation", f"{scale['heavy_calls']} word diffs of 250 KB a side at once, and a small diff meanwhile")
    old, new = word_pair(250_000, 2)
    heavy_done = 0
    heavy_answers: dict[str, int] = {}
    server.reset_peak()

    async def heavy() -> None:
        nonlocal heavy_done
        connection = await Connection.open(server.port)
        try:
            status, answer = await call(connection, "diff", {"original_text": old, "modified_text": new, "output": "words"})
        finally:
            await connection.close()
        result = answer.get("result", {})
        kind = (f"HTTP {status}" if status != 200 else "busy, retry" if result.get("isError") and "busy" in
                result["content"][0]["text"] else "error" if result.get("isError") else
                "coarser (deadline)" if result["structuredContent"]["deadline_passed"] else "exact")
        heavy_answers[kind] = heavy_answers.get(kind, 0) + 1
        heavy_done += 1

    small_latencies: list[float] = []
    expected = fast_diff.unified_diff("a\nb\n", "a\nc\n")

    async def small() -> None:
        connection = await Connection.open(server.port)
        try:
            await asyncio.sleep(0.5)  # the heavy calls have arrived and fill the workers
            for _ in range(scale["small_calls"]):
                if heavy_done == scale["heavy_calls"]:
                    break
                started = time.perf_counter()
                status, answer = await call(connection, "diff", {"original_text": "a\nb\n", "modified_text": "a\nc\n"})
                small_latencies.append((time.perf_counter() - started) * 1000)
                outcome.calls += 1
                if answer_text(answer) != expected:
                    outcome.wrong += 1
                await asyncio.sleep(0.1)
        finally:
            await connection.close()

    await asyncio.gather(small(), *(heavy() for _ in range(scale["heavy_calls"])))
    outcome.worst_ms = max(small_latencies, default=0.0)
    outcome.peak_rss_kb = server.peak_rss_kb()
    outcome.errors = {k: v for k, v in heavy_answers.items() if k not in ("exact", "coarser (deadline)")}
    outcome.figures = {"small_calls_while_saturated": len(small_latencies),
                       "small_p50_ms": statistics.median(small_latencies) if small_latencies else None,
                       "small_max_ms": outcome.worst_ms, "heavy_answers": heavy_answers}
    return outcome


# ---- session floods --------------------------------------------------------------


def initialize_body(k: int) -> bytes:
    params = {"protocolVersion": LEGACY, "capabilities": {}, "clientInfo": {"name": f"flood-{k}", "version": "0"}}
    return json.dumps(rpc("initialize", params, k)).encode()


LEGACY_HEADERS = {"content-type": "application/json", "accept": "application/json, text/event-stream"}


async def flood(server: HttpServer, count: int, outcome: Outcome) -> None:
    server.reset_peak()
    connections = [await Connection.open(server.port) for _ in range(8)]

    async def sender(k: int) -> None:
        for i in range(k, count, len(connections)):
            status, _ = await timed(outcome, connections[k].post(LEGACY_HEADERS, initialize_body(i)))
            if status != 200:
                outcome.error(f"HTTP {status}")

    await asyncio.gather(*(sender(k) for k in range(len(connections))))
    for connection in connections:
        await connection.close()
    # And then a new client: it must get in and be served.
    fresh = await Connection.open(server.port)
    status, answer = await fresh.post(LEGACY_HEADERS, initialize_body(count + 1))
    if status != 200:
        outcome.lost += 1
        outcome.notes.append(f"a new client after the flood was answered HTTP {status}")
    outcome.peak_rss_kb = max(outcome.peak_rss_kb, server.peak_rss_kb())
    await fresh.close()


async def sessions(log_dir: Path, scale: dict[str, Any]) -> Outcome:
    outcome = Outcome("sessions", f"{scale['sessions']:,} initialize requests never closed, stateless and with sessions")
    with http_server(log_dir) as stateless:
        await flood(stateless, scale["sessions"], outcome)
    with http_server(log_dir, "--stateful", "--max-sessions", "100") as stateful:
        await flood(stateful, scale["sessions"], outcome)
        stateful_peak = stateful.peak_rss_kb()
    outcome.figures = {"stateful_peak_rss_kb": stateful_peak, "max_sessions": 100}
    return outcome


# ---- bodies ----------------------------------------------------------------------


async def bodies(server: HttpServer, scale: dict[str, Any], input_limit: int) -> Outcome:
    outcome = Outcome("bodies", f"oversized, mistyped, unbounded, slow ({scale['slow']} at once) and malformed bodies")
    server.reset_peak()
    port, host = server.port, server.host
    good = call_headers("diff")
    refusals = [
        ("300 MB declared", post_head(port, good, 300_000_000), [], 413),
        ("300 MB of text/plain", post_head(port, {**good, "content-type": "text/plain"}, 300_000_000), [], 415),
        ("no length, past the limit", post_head(port, good, None),
         [b"%x\r\n%s\r\n" % (1 << 16, b"x" * (1 << 16))] * (2 * input_limit // (1 << 16) + 4) + [b"0\r\n\r\n"], 413),
        ("not JSON", post_head(port, good, 10), [b"{not json}"], 400),
        ("nested 100,000 deep", post_head(port, good, 200_000), [b"[" * 100_000 + b"]" * 100_000], 400),
    ]
    for name, head, body, status in refusals:
        started = time.perf_counter()
        got, _, _ = await asyncio.to_thread(raw_request, host, port, head, body)
        outcome.worst_ms = max(outcome.worst_ms, (time.perf_counter() - started) * 1000)
        outcome.calls += 1
        outcome.error(f"{name}: HTTP {got}")
        if got != status:
            outcome.wrong += 1
    # Slow bodies, several at once: each answered 408 when it stalls; a small call meanwhile.
    stalled = [asyncio.to_thread(raw_request, host, port, post_head(port, good, 1000), [b'{"jsonrpc"'], 60)
               for _ in range(scale["slow"])]
    connection = await Connection.open(port)
    small = timed(outcome, call(connection, "diff", {"original_text": "a\n", "modified_text": "b\n"}))
    results = await asyncio.gather(small, *stalled)
    await connection.close()
    status, answer = results[0]
    if answer_text(answer) != fast_diff.unified_diff("a\n", "b\n"):
        outcome.wrong += 1
    for got, _, _ in results[1:]:
        outcome.calls += 1
        outcome.error(f"stalled body: HTTP {got}")
        if got != 408:
            outcome.wrong += 1
    outcome.peak_rss_kb = server.peak_rss_kb()
    return outcome


# ---- stdio junk ------------------------------------------------------------------

JUNK = [
    b'{"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {',
    b'{"jsonrpc": "2.0", "id": 2, "method": "ping", "params": {"x": "\\ud800"}}',
    b"[" * 5_000 + b"]" * 5_000,
    b'{"jsonrpc": "2.0", "id": 3, "method": "\xff\xfe"}',
    b'{"jsonrpc": "2.0", "id": 4}',
    b'[{"jsonrpc": "2.0", "id": 5, "method": "ping"}]',
    b"x" * 200_000,
]


async def stdio_junk(scale: dict[str, Any]) -> Outcome:
    outcome = Outcome("stdio", f"{len(JUNK)} kinds of junk line, {scale['junk_rounds']} rounds, then a call")
    process = await asyncio.create_subprocess_exec(
        *command("--max-input-bytes", "10000"), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, limit=1 << 20,
    )
    assert process.stdin is not None and process.stdout is not None and process.stderr is not None
    try:
        for _ in range(scale["junk_rounds"]):
            for line in JUNK:
                started = time.perf_counter()
                process.stdin.write(line + b"\n")
                await process.stdin.drain()
                answer = json.loads(await asyncio.wait_for(process.stdout.readline(), 60))
                outcome.worst_ms = max(outcome.worst_ms, (time.perf_counter() - started) * 1000)
                outcome.calls += 1
                if "error" not in answer:
                    outcome.wrong += 1
                else:
                    outcome.error(f"JSON-RPC {answer['error']['code']}")
        process.stdin.write(json.dumps(rpc("tools/call", {"name": "diff", "arguments": {
            "original_text": "a\n", "modified_text": "b\n"}, "_meta": {
            "io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {}}},
            99)).encode() + b"\n")
        await process.stdin.drain()
        answer = json.loads(await asyncio.wait_for(process.stdout.readline(), 60))
        if answer.get("result", {}).get("structuredContent", {}).get("lines_added") != 1:
            outcome.lost += 1
            outcome.notes.append(f"the call after the junk got {str(answer)[:200]}")
        outcome.peak_rss_kb = peak_rss_kb(process.pid)
        process.stdin.close()
        stderr = (await asyncio.wait_for(process.stderr.read(), 60)).decode()
        said = sum("stdin line" in line for line in stderr.splitlines())
        outcome.figures = {"stderr_lines": said}
        if said != outcome.calls:
            outcome.notes.append(f"{said} lines on stderr for {outcome.calls} bad lines")
            outcome.wrong += abs(said - outcome.calls)
    finally:
        if process.returncode is None:
            process.kill()
        await process.wait()
    return outcome


def peak_rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


# ---- the worst inputs ---------------------------------------------------------------


def failing_patch(lines: int, hunks: int) -> tuple[str, str]:
    text = "x\n" * lines
    patch = "--- a\n+++ b\n" + "".join(f"@@ -{i * 10 + 1},3 +{i * 10 + 1},3 @@\n x\n-q{i}\n+r\n x\n" for i in range(hunks))
    return text, patch


async def worst(server: HttpServer, scale: dict[str, Any]) -> Outcome:
    outcome = Outcome("worst", "the quadratic patch and the long-line word diff at n, 2n, 4n")
    rows = []
    connection = await Connection.open(server.port)
    try:
        for factor in scale["worst_sizes"]:
            for name, tool, arguments in (
                (f"patch, {25_000 * factor:,} lines, {1_000 * factor:,} failing hunks", "apply_patch",
                 dict(zip(("original_text", "patch"), failing_patch(25_000 * factor, 1_000 * factor)))),
                (f"words, one line of {250_000 * factor:,} characters a side", "diff",
                 {**dict(zip(("original_text", "modified_text"), word_pair(250_000 * factor, 3))), "output": "words"}),
            ):
                server.reset_peak()
                retries = 0
                while True:  # as a client told "busy, retry" does, while an earlier computation holds a worker
                    started = time.perf_counter()
                    status, answer = await timed(outcome, call(connection, tool, arguments))
                    took = (time.perf_counter() - started) * 1000
                    result = answer.get("result", {})
                    text = str(result.get("content", [{}])[0].get("text", ""))
                    if not (result.get("isError") and text.startswith("The server is busy")) or retries == 150:
                        break
                    retries += 1
                    await asyncio.sleep(2)
                kind = (f"HTTP {status}" if status != 200 else
                        "error at the deadline" if result.get("isError") and "deadline" in text else
                        "error: " + text[:60] if result.get("isError") else
                        "coarser (deadline)" if result.get("structuredContent", {}).get("deadline_passed") else "result")
                if kind.startswith("HTTP") or (kind.startswith("error") and tool == "diff"):
                    outcome.wrong += 1
                outcome.error(kind)
                rows.append({"input": name, "answered_ms": took, "answer": kind, "answer_chars": len(text),
                             "busy_retries": retries, "peak_rss_kb": server.peak_rss_kb()})
    finally:
        await connection.close()
    outcome.peak_rss_kb = max((row["peak_rss_kb"] for row in rows), default=0)
    outcome.figures = {"rows": rows}
    return outcome


# ---- the run ---------------------------------------------------------------------


async def run(scale_name: str, log_dir: Path, only: set[str] | None = None) -> list[Outcome]:
    scale = SCALES[scale_name]
    outcomes: list[Outcome] = []
    limit = 4_000_000
    scenarios: list[tuple[str, Callable[[], Awaitable[Outcome]]]] = []
    with http_server(log_dir, "--max-input-bytes", str(limit), "--body-timeout", "2") as server:
        scenarios = [
            ("mixed", lambda: mixed(server, scale)),
            ("starvation", lambda: starvation(server, scale)),
            ("bodies", lambda: bodies(server, scale, limit)),
            ("worst", lambda: worst(server, scale)),
        ]
        for name, scenario in scenarios:
            if only is None or name in only:
                outcomes.append(await scenario())
                print(summary_line(outcomes[-1]), flush=True)
    for name, standalone in (("sessions", lambda: sessions(log_dir, scale)), ("stdio", lambda: stdio_junk(scale))):
        if only is None or name in only:
            outcomes.append(await standalone())
            print(summary_line(outcomes[-1]), flush=True)
    return outcomes


def summary_line(outcome: Outcome) -> str:
    return (f"{outcome.scenario}: {outcome.load}; {outcome.calls:,} answered, worst {outcome.worst_ms:,.0f} ms, "
            f"peak {outcome.peak_rss_kb / 1024:,.0f} MiB, errors {outcome.errors or 'none'}, lost {outcome.lost}, "
            f"wrong {outcome.wrong}")


def report(outcomes: list[Outcome], scale: str) -> str:
    lines = [f"# The load and fault suite ({scale})", "",
             "| scenario | load held | answered | worst latency | peak memory | errors answered | lost | wrong |",
             "|---|---|---:|---:|---:|---|---:|---:|"]
    for o in outcomes:
        errors = "; ".join(f"{k}: {v}" for k, v in o.errors.items()) or "none"
        lines.append(f"| {o.scenario} | {o.load} | {o.calls:,} | {o.worst_ms:,.0f} ms | {o.peak_rss_kb / 1024:,.0f} MiB "
                     f"| {errors} | {o.lost} | {o.wrong} |")
    for o in outcomes:
        if o.figures or o.notes:
            lines += ["", f"## {o.scenario}", "", "```json", json.dumps({**o.figures, "notes": o.notes}, indent=1), "```"]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", choices=list(SCALES), default="full")
    parser.add_argument("--out", type=Path, default=Path("build/stress"))
    parser.add_argument("--only", action="append", help="run only this scenario (repeatable)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    outcomes = asyncio.run(run(args.scale, Path(tempfile.mkdtemp(prefix="fast-diff-stress-")),
                               set(args.only) if args.only else None))
    (args.out / "stress.json").write_text(json.dumps([asdict(o) for o in outcomes], indent=1) + "\n")
    (args.out / "report.md").write_text(report(outcomes, args.scale))
    print(f"wrote {args.out / 'report.md'}")
    if any(o.lost or o.wrong for o in outcomes):
        raise SystemExit("something was lost or wrong: see the report")


if __name__ == "__main__":
    main()
