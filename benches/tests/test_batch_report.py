"""The batch section's verdicts follow its figures."""

from __future__ import annotations

import copy

from batch_report import section


def part(loop: float, one: float, two: float, load: float = 0.5) -> dict:
    contenders = {
        "loop": {"median_ns": loop},
        "many 1": {"median_ns": one, "speedup_vs_many_1": 1.0},
        "many 2": {"median_ns": two, "speedup_vs_many_1": one / two},
        "many cores": {"median_ns": two, "speedup_vs_many_1": one / two},
        "loop_over_many_1": loop / one,
    }
    return {"pairs": 10_000, "load_before": load, "load_after": load, "contenders": contenders}


BATCH = {
    "cores": 2,
    "rounds": 15,
    "inputs": {"small_pairs": {"bytes": 1, "c": part(100e6, 99e6, 55e6), "python": part(120e6, 100e6, 56e6)}},
}


def verdicts(batch: dict) -> dict[str, bool]:
    return {target: met for target, _, met, _ in section(copy.deepcopy(batch))[1]}


def test_targets_met_when_the_figures_meet_them():
    assert all(verdicts(BATCH).values())


def test_scaling_below_1_7_is_not_met():
    slow = copy.deepcopy(BATCH)
    slow["inputs"]["small_pairs"]["python"] = part(120e6, 100e6, 70e6)
    met = verdicts(slow)
    assert not met["Batch: 2 threads at least 1.7× faster than 1 (2-core machine)"]
    assert met["Batch: 1 thread no slower than a loop of single calls (in Python, faster)"]


def test_a_python_batch_no_faster_than_the_loop_is_not_met():
    even = copy.deepcopy(BATCH)
    even["inputs"]["small_pairs"]["python"] = part(100e6, 100e6, 55e6)
    assert not verdicts(even)["Batch: 1 thread no slower than a loop of single calls (in Python, faster)"]
    even["inputs"]["small_pairs"]["python"] = part(101e6, 100e6, 55e6)
    even["inputs"]["small_pairs"]["c"] = part(100e6, 100e6, 55e6)  # C: as fast is enough
    assert verdicts(even)["Batch: 1 thread no slower than a loop of single calls (in Python, faster)"]


def test_a_busy_machine_is_said():
    busy = copy.deepcopy(BATCH)
    busy["inputs"]["small_pairs"]["c"]["load_before"] = 9.0
    (why,) = [why for target, _, _, why in section(busy)[1] if "1.7" in target]
    assert "Load average up to 9.0 on 2 cores" in why and "little" in why
