#!/usr/bin/env python3
"""The MCP path as the article measured it: an in-memory FastMCP Client
calling the server's `diff` and `diff_difflib` tools, and a third tool served
the same way around the article's Rust tool (the PyO3 stand-in in
benches/article_standin), on the same pair of texts in the same session.

The client's open (the MCP initialize handshake) is timed apart from the
calls. Calls rotate between the tools round by round, so that load on the
machine weighs on all alike; the figures are medians.

When the server is built with strict_input_validation on, a second session
runs with it off: not the shipped configuration, but it shows what FastMCP's
strict argument path (the arguments are serialised to JSON and validated
again from JSON) costs on large texts.

Usage: mcp_bench.py FIXTURES_DIR FIXTURE OUT.json [--rounds N] [--handshakes N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from importlib.metadata import version
from pathlib import Path

import article_standin
import fast_diff
from fastmcp import Client, FastMCP
from fast_diff_mcp import create_server
from fast_diff_mcp.settings import Settings
from fast_diff_mcp.tools.diff_difflib import add_unified_diff_tool
from outputs import judge

STANDIN_TOOL = "diff_article_standin"
TOOLS = ["diff", "diff_difflib", STANDIN_TOOL]


def add_standin_tool(server: FastMCP) -> None:
    """The article's tool path, with the same arguments, size check and result as `diff_difflib`."""
    add_unified_diff_tool(
        server,
        Settings.of(),
        article_standin.unified_diff,
        name=STANDIN_TOOL,
        description="similar's TextDiff::from_lines(..).unified_diff() through PyO3 (benchmark stand-in).",
    )


async def handshakes(server: FastMCP, count: int) -> dict[str, list[float]]:
    opens, closes = [], []
    for _ in range(count):
        client = Client(server)
        start = time.perf_counter_ns()
        await client.__aenter__()
        opened = time.perf_counter_ns()
        await client.__aexit__(None, None, None)
        opens.append(opened - start)
        closes.append(time.perf_counter_ns() - opened)
    return {"open_ns": opens, "close_ns": closes}


async def calls(server: FastMCP, arguments: dict[str, str], rounds: int, tiny: dict[str, str]) -> dict[str, object]:
    old, new = arguments["original_text"].encode(), arguments["modified_text"].encode()
    times: dict[str, list[float]] = {tool: [] for tool in TOOLS}
    tiny_times: list[float] = []
    outputs: dict[str, str] = {}
    async with Client(server) as client:
        for tool in TOOLS:  # warm-up, and the outputs to compare
            result = await client.call_tool(tool, arguments)
            outputs[tool] = result.content[0].text if result.content else ""
        for round_ in range(rounds):
            order = TOOLS[round_ % len(TOOLS) :] + TOOLS[: round_ % len(TOOLS)]
            for tool in order:
                start = time.perf_counter_ns()
                await client.call_tool(tool, arguments)
                times[tool].append(time.perf_counter_ns() - start)
            # The fixed cost of a call: `diff` on the 100-byte pair.
            start = time.perf_counter_ns()
            await client.call_tool("diff", tiny)
            tiny_times.append(time.perf_counter_ns() - start)
    return {
        "call_ns": times,
        "tiny_diff_call_ns": tiny_times,
        "tiny_diff_median_ns": statistics.median(tiny_times),
        "median_ns": {tool: statistics.median(values) for tool, values in times.items()},
        "diff_bytes": {tool: len(text.encode()) for tool, text in outputs.items()},
        "same_as_diff": {tool: text == outputs["diff"] for tool, text in outputs.items()},
        "outputs": {tool: judge(old, new, fast_diff.unified_diff(old, new), text.encode()) for tool, text in outputs.items()},
    }


async def run(fixtures: Path, fixture: str, rounds: int, handshake_count: int) -> dict[str, object]:
    old = (fixtures / f"{fixture}.old").read_text()
    new = (fixtures / f"{fixture}.new").read_text()
    arguments = {"original_text": old, "modified_text": new}
    tiny = {"original_text": (fixtures / "tiny_100b.old").read_text(), "modified_text": (fixtures / "tiny_100b.new").read_text()}
    server = create_server()
    add_standin_tool(server)
    result: dict[str, object] = {
        "fixture": fixture,
        "characters": len(old) + len(new),
        "versions": {name: version(name) for name in ("fastmcp", "mcp", "pydantic", "pydantic_core")},
        "handshake": await handshakes(server, handshake_count),
        "shipped": await calls(server, arguments, rounds, tiny),
    }
    if server.strict_input_validation:
        server.strict_input_validation = False
        result["lax_validation"] = await calls(server, arguments, max(3, rounds // 2), tiny)
    hs = result["handshake"]
    result["handshake_median_ns"] = {key: statistics.median(values) for key, values in hs.items()}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("fixtures", type=Path)
    parser.add_argument("fixture")
    parser.add_argument("out", type=Path)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--handshakes", type=int, default=15)
    args = parser.parse_args()
    result = asyncio.run(run(args.fixtures, args.fixture, args.rounds, args.handshakes))
    args.out.write_text(json.dumps(result, indent=1) + "\n")
    for config in ("shipped", "lax_validation"):
        if config not in result:
            continue
        medians = result[config]["median_ns"]
        tiny = result[config]["tiny_diff_median_ns"] / 1e6
        print(config, ", ".join(f"{tool} {ns / 1e6:.1f} ms" for tool, ns in medians.items()), f"(tiny diff {tiny:.2f} ms)")
    print("handshake", {key: f"{ns / 1e6:.2f} ms" for key, ns in result["handshake_median_ns"].items()})


if __name__ == "__main__":
    main()
