"""The load and fault suite (stress.py), small: the real server on loopback under each kind of pressure,
and what must hold: nothing lost, nothing wrong, every fault answered as it should be. `make stress`
runs it full size and reports the figures."""

from __future__ import annotations

import asyncio

import pytest
import stress


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, stress.Outcome]:
    done = asyncio.run(stress.run("small", tmp_path_factory.mktemp("stress")))
    return {outcome.scenario: outcome for outcome in done}


@pytest.mark.parametrize("scenario", ["mixed", "starvation", "bodies", "worst", "sessions", "stdio"])
def test_nothing_is_lost_or_wrong(outcomes: dict[str, stress.Outcome], scenario: str) -> None:
    outcome = outcomes[scenario]
    assert outcome.calls > 0
    assert (outcome.lost, outcome.wrong, outcome.notes) == (0, 0, [])


def test_mixed_clients_get_what_each_call_gets_alone(outcomes: dict[str, stress.Outcome]) -> None:
    mixed = outcomes["mixed"]
    assert mixed.calls == stress.SCALES["small"]["clients"] * stress.SCALES["small"]["calls"]
    assert mixed.errors == {}


def test_small_calls_are_answered_while_the_heavy_workers_are_full(outcomes: dict[str, stress.Outcome]) -> None:
    figures = outcomes["starvation"].figures
    assert figures["small_calls_while_saturated"] > 0
    # Every heavy call was answered: with its diff (exact or coarser), or told the server is busy.
    assert sum(figures["heavy_answers"].values()) == stress.SCALES["small"]["heavy_calls"]
    assert set(figures["heavy_answers"]) <= {"exact", "coarser (deadline)", "busy, retry"}


def test_every_bad_body_is_refused_as_it_should_be(outcomes: dict[str, stress.Outcome]) -> None:
    errors = outcomes["bodies"].errors
    assert errors["stalled body: HTTP 408"] == stress.SCALES["small"]["slow"]
    assert {kind.split(": HTTP ")[1] for kind in errors} == {"413", "415", "400", "408"}


def test_the_worst_inputs_are_answered(outcomes: dict[str, stress.Outcome]) -> None:
    rows = outcomes["worst"].figures["rows"]
    assert len(rows) == 2 * len(stress.SCALES["small"]["worst_sizes"])
    assert all(not row["answer"].startswith("HTTP") for row in rows)
