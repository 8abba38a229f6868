"""What several test modules share."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest

Pauses = Callable[[Callable[[], object]], tuple[float, float]]


@pytest.fixture
def pauses_during() -> Pauses:
    """Runs a call on another thread while this one keeps taking steps, and gives the
    longest pause between two steps and the call's duration. Were the GIL held during
    the call, this thread would stand still for most of it (checked by hand with a
    GIL-holding C call: about half of the time even for a 30 ms sort); released, its
    pauses are a few switch intervals."""

    def measure(call: Callable[[], object]) -> tuple[float, float]:
        in_call, done = threading.Event(), threading.Event()

        def worker() -> None:
            in_call.set()
            call()
            done.set()

        thread = threading.Thread(target=worker)
        thread.start()
        in_call.wait()
        start = last = time.perf_counter()
        longest = 0.0
        while not done.is_set():
            now = time.perf_counter()
            longest = max(longest, now - last)
            last = now
        thread.join()
        return longest, time.perf_counter() - start

    return measure
