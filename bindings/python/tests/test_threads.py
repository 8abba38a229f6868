"""Many threads diffing at once get exactly the single-threaded results, in parallel."""

from __future__ import annotations

import random
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from fast_diff import Algorithm, PatchHunkFailedError, apply_patch, unified_diff


def make_pairs(count: int) -> list[tuple[bytes, bytes]]:
    rng = random.Random(1234)
    pairs = []
    for _ in range(count):
        old = [b"%d %d\n" % (rng.randrange(50), i) for i in range(rng.randrange(50, 400))]
        new = list(old)
        for _ in range(rng.randrange(1, 20)):
            i = rng.randrange(len(new))
            if rng.random() < 0.5:
                new[i] = b"edited %d\n" % rng.randrange(1000)
            else:
                new.insert(i, b"inserted\r\n")
        pairs.append((b"".join(old), b"".join(new)))
    return pairs


def test_threads_match_the_single_threaded_results() -> None:
    pairs = make_pairs(64)
    algorithms = list(Algorithm)
    jobs = [(old, new, algorithms[i % 3], i % 4) for i, (old, new) in enumerate(pairs)] * 8

    def run(job: tuple[bytes, bytes, Algorithm, int]) -> tuple[bytes, str]:
        old, new, algorithm, context = job
        return (
            unified_diff(old, new, algorithm=algorithm, context_lines=context),
            unified_diff(old.decode(), new.decode(), algorithm=algorithm, context_lines=context),
        )

    expected = [run(job) for job in jobs]
    with ThreadPoolExecutor(max_workers=16) as pool:
        assert list(pool.map(run, jobs)) == expected


def test_the_gil_is_released_during_the_call(
    pauses_during: Callable[[Callable[[], object]], tuple[float, float]],
) -> None:
    # While one thread is inside a long C call, another Python thread keeps
    # taking steps (see the fixture).
    rng = random.Random(7)
    old = b"".join(b"%d\n" % rng.randrange(10**6) for _ in range(150_000))
    new = b"".join(b"%d\n" % rng.randrange(10**6) for _ in range(150_000))
    longest_pause, call = pauses_during(lambda: unified_diff(old, new))
    assert longest_pause < 0.25 * call, (longest_pause, call)


def test_threads_apply_patches_with_the_single_threaded_results() -> None:
    pairs = make_pairs(32)
    jobs = [(old, new, unified_diff(old, new, context_lines=i % 4), i % 3) for i, (old, new) in enumerate(pairs)] * 6

    def run(job: tuple[bytes, bytes, bytes, int]) -> tuple[bytes, object]:
        old, new, patch, kind = job
        if kind == 0:
            return apply_patch(old, patch).text, None
        if kind == 1:
            return apply_patch(new, patch, reverse=True).text, None
        try:  # a text the patch does not fit: the error and its report
            apply_patch(b"unrelated\n" * 50, patch)
        except PatchHunkFailedError as error:
            return b"", error.report
        return b"", None

    expected = [run(job) for job in jobs]
    assert all(job[1] == got[0] for job, got in zip(jobs, expected) if job[3] == 0)
    assert all(job[0] == got[0] for job, got in zip(jobs, expected) if job[3] == 1)
    with ThreadPoolExecutor(max_workers=16) as pool:
        assert list(pool.map(run, jobs)) == expected
