"""unified_diff_many: one call for many pairs, each result unified_diff's, texts lent in place."""

from __future__ import annotations

import array
import inspect
import mmap
import random
import threading
import tracemalloc
from typing import Any

import pytest

import fast_diff
from fast_diff import Algorithm, unified_diff, unified_diff_many


def make_pairs(count: int, seed: int = 5) -> list[tuple[bytes, bytes]]:
    rng = random.Random(seed)
    pairs = []
    for i in range(count):
        old = [b"%d %d\n" % (rng.randrange(40), j) for j in range(rng.randrange(0, 120))]
        new = list(old)
        for _ in range(rng.randrange(0, 8)):
            k = rng.randrange(len(new) + 1)
            new.insert(k, b"inserted\r\n" if rng.random() < 0.3 else b"edited %d\n" % rng.randrange(99))
        if i % 9 == 0 and new:
            new[-1] = new[-1].rstrip(b"\n")  # no final newline
        if i % 13 == 0:
            new.append(b"\x00\xff binary\n")
        pairs.append((b"".join(old), b"".join(new)))
    return pairs


PAIRS = make_pairs(300)


@pytest.mark.parametrize("threads", [None, 0, 1, 2, 3, 16])
def test_each_result_is_unified_diffs_in_order(threads: int | None) -> None:
    assert unified_diff_many(PAIRS, threads=threads) == [unified_diff(old, new) for old, new in PAIRS]


def test_str_results_are_str_and_the_same_diffs() -> None:
    texts = [(old.decode("latin-1"), new.decode("latin-1")) for old, new in PAIRS]
    texts += [("héllo\nwörld\n", "héllo\nwêrld\n"), ("a" * 5000 + "\n", "a" * 5000 + "\nb\n"), ("", "")]
    results = unified_diff_many(texts, threads=2)
    assert results == [unified_diff(old, new) for old, new in texts]
    assert all(type(result) is str for result in results)
    ascii_only = [pair for pair in texts if pair[0].isascii() and pair[1].isascii()]
    assert unified_diff_many(ascii_only) == [unified_diff(old, new) for old, new in ascii_only]


def test_every_kind_of_buffer_and_any_iterable() -> None:
    def views(pair: tuple[bytes, bytes], i: int) -> tuple[Any, Any]:
        old, new = pair
        kinds = [bytearray, memoryview, lambda b: array.array("B", b), bytes]
        return kinds[i % 4](old), kinds[(i + 1) % 4](new)

    mixed = [views(pair, i) for i, pair in enumerate(PAIRS[:40])]
    expected = [unified_diff(old, new) for old, new in PAIRS[:40]]
    assert unified_diff_many(mixed) == expected
    assert unified_diff_many(pair for pair in mixed) == expected
    assert unified_diff_many(tuple(mixed)) == expected
    old, new = b"mapped\nfile\n", b"mapped\nFILE\n"
    with mmap.mmap(-1, len(old)) as mapped:
        mapped[:] = old
        assert unified_diff_many([(mapped, new)]) == [unified_diff(old, new)]

def test_options_apply_to_every_pair() -> None:
    options: dict[str, Any] = {
        "context_lines": 1,
        "algorithm": Algorithm.HISTOGRAM,
        "ignore_space_change": True,
        "old_label": "a/all",
        "new_label": b"b/all",
    }
    assert unified_diff_many(PAIRS, threads=2, **options) == [unified_diff(o, n, **options) for o, n in PAIRS]


def test_labels_name_each_pair() -> None:
    pairs = [(b"a\n", b"b\n"), (b"x\n", b"y\n"), (b"", b"new\n")]
    labels = [("a/one\t2024-01-01 00:00:00", "b/one"), (b"a/\xff", b""), ("/dev/null", "b/three")]
    results = unified_diff_many(pairs, labels=labels, old_label="ignored")
    assert results == [
        unified_diff(old, new, old_label=old_label, new_label=new_label)
        for (old, new), (old_label, new_label) in zip(pairs, labels)
    ]
    assert results[1].startswith(b"--- a/\xff\n+++ \n")
    texts = unified_diff_many([("a\n", "b\n")], labels=[("a/é", "b/é")])
    assert texts == ["--- a/é\n+++ b/é\n@@ -1 +1 @@\n-a\n+b\n"]


def test_empty_and_identical() -> None:
    assert unified_diff_many([]) == []
    assert unified_diff_many(iter([])) == []
    assert unified_diff_many([(b"same\n", b"same\n"), (b"", b"")]) == [b"", b""]
    assert unified_diff_many([("same\n", "same\n")]) == [""]


@pytest.mark.parametrize(
    ("pairs", "message"),
    [
        ([("a", "b"), (b"a", b"b")], r"pairs\[1\] holds bytes-like texts but pairs\[0\] str"),
        ([(b"a", b"b"), ("a", "b")], r"pairs\[1\] holds str texts but pairs\[0\] bytes-like"),
        ([("a", b"b")], r"pairs\[0\]\[0\] and pairs\[0\]\[1\] must both be str"),
        ([(b"a", b"b"), (b"a", "b")], r"pairs\[1\]\[0\] and pairs\[1\]\[1\] must both be str"),
        ([(b"a", b"b"), (b"a", 3)], r"pairs\[1\]\[1\] must be str or bytes-like, not int"),
        ([(b"a", b"b"), (b"a", b"b", b"c")], r"pairs\[1\] must be an \(old, new\) pair, not tuple"),
        ([(b"a", b"b"), 7], r"pairs\[1\] must be an \(old, new\) pair, not int"),
        ([b"ab"], r"pairs\[0\] must be an \(old, new\) pair, not bytes"),
        (["ab"], r"pairs\[0\] must be an \(old, new\) pair, not str"),
        ([["a", "b"], ("a", "b", "c")], r"pairs\[1\] must be an \(old, new\) pair, not tuple"),
    ],
)
def test_mixed_or_malformed_pairs_are_a_type_error(pairs: list[Any], message: str) -> None:
    with pytest.raises(TypeError, match=message):
        unified_diff_many(pairs)


def test_bad_arguments_are_refused_before_the_library() -> None:
    with pytest.raises(ValueError, match="threads must be between 0 and 4294967295, not -1"):
        unified_diff_many(PAIRS, threads=-1)
    with pytest.raises(TypeError, match="threads must be an int, not str"):
        unified_diff_many(PAIRS, threads="2")  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="one .old_label, new_label. pair per pair: 1 for 2 pairs"):
        unified_diff_many([(b"a", b"b")] * 2, labels=[("x", "y")])
    with pytest.raises(ValueError, match=r"labels\[0\] old_label must not contain a line break"):
        unified_diff_many([(b"a", b"b")], labels=[("x\ny", "y")])
    with pytest.raises(TypeError, match=r"labels\[0\] new_label must be str when diffing str, not bytes"):
        unified_diff_many([("a", "b")], labels=[("x", b"y")])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="got an unexpected keyword argument 'context'"):
        unified_diff_many(PAIRS, context=1)  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="cannot be encoded as UTF-8"):
        unified_diff_many([("a", "b"), ("\ud800", "b")])


def test_the_signature_lists_every_keyword() -> None:
    parameters = inspect.signature(unified_diff_many).parameters
    assert list(parameters)[:3] == ["pairs", "threads", "labels"]
    assert {"context_lines", "algorithm", "old_label", "ignore_case"} <= set(parameters)
    assert "unified_diff_many" in fast_diff.__all__


def test_inputs_are_lent_not_copied() -> None:
    # 40 pairs of 1 MB texts: copying them would allocate 80 MB in Python.
    big = b"line of text\n" * 80_000
    blobs = [(big, big + b"x\n") for _ in range(20)] + [(bytearray(big), memoryview(big)) for _ in range(20)]
    texts = [(big.decode(), big.decode() + "x\n") for _ in range(20)]
    unified_diff_many(blobs[:1])  # warm up
    for pairs in (blobs, texts):
        tracemalloc.start()
        try:
            results = unified_diff_many(pairs)  # type: ignore[call-overload]
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert len(results) == len(pairs)
        assert peak < 4 * len(big), peak


def test_the_gil_is_released_for_the_batch(pauses_during: Any) -> None:
    # As in test_threads: another Python thread keeps taking steps while
    # one thread is inside the batch.
    rng = random.Random(3)
    pairs = [
        (
            b"".join(b"%d\n" % rng.randrange(10**6) for _ in range(30_000)),
            b"".join(b"%d\n" % rng.randrange(10**6) for _ in range(30_000)),
        )
        for _ in range(6)
    ]
    longest_pause, call = pauses_during(lambda: unified_diff_many(pairs, threads=1))
    assert longest_pause < 0.25 * call, (longest_pause, call)


def test_threads_may_batch_at_once() -> None:
    expected = [unified_diff(old, new) for old, new in PAIRS]
    results: list[list[bytes]] = []

    def run() -> None:
        results.append(unified_diff_many(PAIRS, threads=2))

    workers = [threading.Thread(target=run) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert results == [expected] * 4

