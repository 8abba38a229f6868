"""The MCP transport and load sections follow their numbers."""

from __future__ import annotations

import copy
from typing import Any

import report_mcp


def plain(ours: float, floor: float, read: float = 5.0) -> dict[str, Any]:
    return {
        "outside_median_ms": {"diff": ours + 10, "constant": floor + 10},
        "inside_median_ms": {"diff": ours + read, "constant": floor + read},
        "received_to_answered_median_ms": {"diff": ours, "constant": floor},
        "inside_steps_median_ms": {"diff": {"read": read, "parsed": read + 8}, "constant": {}},
    }


def results(ours: float = 20.0, floor: float = 40.0, sdk: float = 100.0, sdk_floor: float = 120.0) -> dict[str, Any]:
    transport = {
        "plain": plain(ours, floor),
        "sdk": {"median_ms": {"diff": sdk, "diff_difflib": 3 * sdk, "constant": sdk_floor},
                "outputs": {"diff": {"verdict": "identical"}}},
        "client_profile": [{"function": "json/encoder.py:205(iterencode)", "own_ms_per_call": 50.0,
                            "cumulative_ms_per_call": 50.0}],
    }
    return {
        "mcp": {"shipped": {"median_ns": {"diff": 5e6, "diff_difflib": 90e6}}},
        "mcp_transport": {
            "fixture": "prose_10m", "characters": 20_000_345, "request_bytes": 20_040_226, "rounds": 15,
            "protocol": "2026-07-28", "floor": "the floor", "versions": {"fastmcp": "4.2.3"},
            "http": copy.deepcopy(transport), "stdio": copy.deepcopy(transport),
            "made": {"command": "make bench-mcp", "generated": "2026-12-01T22:00:00+00:00", "commit": "abc1234", "dirty": False},
        },
        "mcp_load": {"cores": 2, "note": "shared", "runs": [
            {"input": "small", "fixture": "tiny_100b", "request_bytes": 400, "replicas": 1, "clients": 32, "calls": 3200,
             "calls_per_s": 500.0, "p50_ms": 50.0, "p99_ms": 120.0, "max_ms": 300.0, "errors": {}, "wrong_answers": 0}]},
    }


def met(rows: list[tuple[str, str, bool, str]], words: str) -> list[bool]:
    return [ok for target, _, ok, _ in rows if words in target]


def test_the_targets_are_met_or_not_by_the_numbers() -> None:
    assert met(report_mcp.verdicts(results()), "≤ 25 ms") == [True, True]
    assert met(report_mcp.verdicts(results(ours=30.0, floor=100.0)), "≤ 25 ms") == [False, False]
    assert met(report_mcp.verdicts(results(ours=20.0, floor=25.0)), "0.75×") == [False, False]
    assert met(report_mcp.verdicts(results(ours=20.0, floor=30.0)), "0.75×") == [True, True]
    assert met(report_mcp.verdicts(results(sdk=130.0)), "no slower than the floor") == [False, False]


def test_the_sections_and_the_readme_table_show_the_figures_and_where_they_come_from() -> None:
    text = "\n".join(report_mcp.sections(results()))
    assert "| streamable HTTP | inside the server, request received to answer written | 20 ms | | 40 ms | 0.50× |" in text
    assert "`make bench-mcp` of 2026-12-01 on commit abc1234" in text
    assert "| small (`tiny_100b`, 400-byte request) | 1 | 3,200 | 500 | 50 ms | 120 ms | 300 ms | none | 0 |" in text
    table = report_mcp.readme_table(results())
    assert "| in memory (FastMCP's client and server in one process) | one `call_tool` | 5 ms | 90 ms | |" in table
    assert "| stdio, the MCP SDK's client | one `call_tool`, the whole call | 100 ms | 300 ms | 120 ms |" in table


def test_nothing_is_said_of_what_was_not_measured() -> None:
    assert report_mcp.sections({}) == [] and report_mcp.verdicts({}) == []
    assert "were not measured" in report_mcp.readme_table({})
