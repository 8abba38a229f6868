#!/usr/bin/env python3
"""fast-diff-mcp under load: calls per second and latency of the `diff` tool with 32 clients at once,
on small and 1 MB inputs, served by one replica and by two (stateless: each request of a client goes
to the next replica, as a load balancer may send it).

Each client is a kept-alive HTTP connection per replica, sending a pre-encoded 2026-07-28 `tools/call`
(as the MCP SDK's client does) as soon as its previous answer has come, a fixed number of times; every
answer is checked against the engine's diff. All clients run in this process, on the same machine as
the servers (two cores in all on the development machine): the figures are what the machine does as a
whole, the load generator included.

Usage: mcp_load.py FIXTURES_DIR OUT.json [--clients 32] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import fast_diff

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "server" / "tests"))
from servers import Connection, call_body, call_headers, http_server  # noqa: E402  (the tests' helpers)

INPUTS = {"small": "tiny_100b", "1 MB": "log_1m"}


async def load(ports: list[int], body: bytes, expected: str, clients: int, calls: int) -> dict[str, Any]:
    headers = call_headers("diff")
    latencies: list[float] = []
    errors: dict[str, int] = {}
    wrong = 0

    async def client(k: int) -> None:
        nonlocal wrong
        connections = {port: await Connection.open(port) for port in ports}
        try:
            for i in range(calls):
                port = ports[(k + i) % len(ports)]
                start = time.perf_counter()
                status, answer = await connections[port].post(headers, body)
                latencies.append(time.perf_counter() - start)
                if status != 200:
                    errors[f"HTTP {status}"] = errors.get(f"HTTP {status}", 0) + 1
                    continue
                result = json.loads(answer).get("result", {})
                if result.get("isError"):
                    said = result["content"][0]["text"][:60]
                    errors[said] = errors.get(said, 0) + 1
                elif result["content"][0]["text"] != expected and not result["structuredContent"]["deadline_passed"]:
                    wrong += 1
        finally:
            for connection in connections.values():
                await connection.close()

    started = time.perf_counter()
    await asyncio.gather(*(client(k) for k in range(clients)))
    wall = time.perf_counter() - started
    ordered = sorted(latencies)
    return {
        "replicas": len(ports),
        "clients": clients,
        "calls": len(latencies),
        "wall_s": wall,
        "calls_per_s": len(latencies) / wall,
        "p50_ms": 1000 * statistics.median(ordered),
        "p99_ms": 1000 * ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))],
        "max_ms": 1000 * ordered[-1],
        "errors": errors,
        "wrong_answers": wrong,
    }


async def run(fixtures: Path, clients: int, quick: bool) -> dict[str, Any]:
    scratch = Path(tempfile.mkdtemp(prefix="fast-diff-mcp-load-"))
    calls = {"small": 20 if quick else 100, "1 MB": 3 if quick else 10}
    results: list[dict[str, Any]] = []
    with ExitStack() as servers:
        ports = [servers.enter_context(http_server(scratch)).port for _ in range(2)]
        for label, fixture in INPUTS.items():
            old, new = ((fixtures / f"{fixture}.{side}").read_text() for side in ("old", "new"))
            body = call_body("diff", {"original_text": old, "modified_text": new})
            expected = fast_diff.unified_diff(old, new)
            for replicas in (1, 2):
                await load(ports[:replicas], body, expected, 4, 2)  # warm-up
                figures = await load(ports[:replicas], body, expected, clients, calls[label])
                results.append({"input": label, "fixture": fixture, "request_bytes": len(body), **figures})
                print(f"{label}, {replicas} replica(s): {figures['calls_per_s']:.0f} calls/s, p50 {figures['p50_ms']:.1f} ms, "
                      f"p99 {figures['p99_ms']:.1f} ms, errors {figures['errors']}, wrong {figures['wrong_answers']}",
                      flush=True)
    return {"cores": os.cpu_count(), "runs": results,
            "note": "clients, load generator and replicas share the machine's cores"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("fixtures", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    result = asyncio.run(run(args.fixtures, args.clients, args.quick))
    args.out.write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
