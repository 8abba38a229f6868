"""The public API: types in and out, validation before C, errors, version."""

from __future__ import annotations

import array
import importlib.metadata
import inspect
import mmap
import sys
from pathlib import Path
from typing import Any

import pytest

import fast_diff
from fast_diff import Algorithm, DiffError, unified_diff
from fast_diff import _errors, _inputs
from fast_diff._call import TEXT, Output, call
from fast_diff._diff_options import diff_options
from fast_diff._native import ffi, lib

SIMPLE = "--- original\n+++ modified\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n"


def test_the_package_under_test_is_the_installed_one() -> None:
    # pytest must not be picking up bindings/python/src through a path hack.
    assert "site-packages" in Path(fast_diff.__file__).parts
    # The library ships beside the extension under its soname, the name the
    # extension records.
    assert (Path(fast_diff.__file__).parent / f"libfast_diff.so.{fast_diff.__version__.split('.')[0]}").is_file()


def test_version_is_the_library_version() -> None:
    assert fast_diff.__version__ == ffi.string(lib.fd_version()).decode()
    assert fast_diff.__version__ == importlib.metadata.version("fast-diff")
    assert all(part.isdigit() for part in fast_diff.__version__.split("."))


def test_str_in_str_out() -> None:
    assert unified_diff("a\nb\n", "a\nc\n") == SIMPLE


def test_str_is_diffed_as_utf8() -> None:
    diff = unified_diff("é\nß\n", "é\n日本\n")
    assert diff == "--- original\n+++ modified\n@@ -1,2 +1,2 @@\n é\n-ß\n+日本\n"


@pytest.mark.parametrize(
    "make",
    [bytes, bytearray, lambda b: memoryview(b), lambda b: memoryview(bytearray(b)), lambda b: array.array("B", b)],
    ids=["bytes", "bytearray", "memoryview", "memoryview-of-bytearray", "array"],
)
def test_bytes_like_in_bytes_out(make) -> None:  # type: ignore[no-untyped-def]
    assert unified_diff(make(b"a\nb\n"), make(b"a\nc\n")) == SIMPLE.encode()


def test_mmap_is_read_in_place(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    old.write_bytes(b"a\nb\n")
    new.write_bytes(b"a\nc\n")
    with old.open("rb") as f, new.open("rb") as g:
        with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m, mmap.mmap(g.fileno(), 0, access=mmap.ACCESS_READ) as n:
            assert unified_diff(m, n) == SIMPLE.encode()


def test_bytes_inputs_are_not_copied() -> None:
    # A bytearray that is being read by C cannot be resized: proof that C
    # sees the caller's memory (from_buffer holds a buffer export).
    data = bytearray(b"a\nb\n")
    view = ffi.from_buffer("uint8_t[]", data)
    with pytest.raises(BufferError):
        data.extend(b"x")
    ffi.release(view)
    data.extend(b"c\n")
    assert unified_diff(data, b"a\nb\n") == b"--- original\n+++ modified\n@@ -1,3 +1,2 @@\n a\n b\n-c\n"


def test_identical_and_empty() -> None:
    assert unified_diff("same\n", "same\n") == ""
    assert unified_diff(b"same\n", b"same\n") == b""
    assert unified_diff("", "") == ""
    assert unified_diff(b"", bytearray()) == b""
    assert unified_diff("", "a\n") == "--- original\n+++ modified\n@@ -0,0 +1 @@\n+a\n"
    assert unified_diff(b"a\nb\n", b"") == b"--- original\n+++ modified\n@@ -1,2 +0,0 @@\n-a\n-b\n"


def test_any_bytes_pass_through_unchanged() -> None:
    assert unified_diff(b"a\0b\nx\n", b"a\0c\nx\n") == b"--- original\n+++ modified\n@@ -1,2 +1,2 @@\n-a\0b\n+a\0c\n x\n"
    assert unified_diff(b"\xff\xfe\n", b"\xc3\x28\n") == b"--- original\n+++ modified\n@@ -1 +1 @@\n-\xff\xfe\n+\xc3\x28\n"
    assert unified_diff("a\r\nb\r\n", "a\r\nc\r\n") == "--- original\n+++ modified\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n"
    assert unified_diff("a\nb", "a\nc") == (
        "--- original\n+++ modified\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"
    )


def test_options() -> None:
    old = "".join(f"{i}\n" for i in range(1, 10))
    new = old.replace("5\n", "five\n")
    assert unified_diff(old, new, context_lines=0) == "--- original\n+++ modified\n@@ -5 +5 @@\n-5\n+five\n"
    assert unified_diff(old, new, context_lines=1, old_label="a/f.txt", new_label="b/f.txt") == (
        "--- a/f.txt\n+++ b/f.txt\n@@ -4,3 +4,3 @@\n 4\n-5\n+five\n 6\n"
    )
    assert unified_diff(b"x\n", b"y\n", old_label=b"\xffold", new_label="") == b"--- \xffold\n+++ \n@@ -1 +1 @@\n-x\n+y\n"
    for algorithm in [*Algorithm, "myers", "histogram", "patience"]:
        assert unified_diff(old, new, algorithm=algorithm, context_lines=0) == "--- original\n+++ modified\n@@ -5 +5 @@\n-5\n+five\n"
    assert unified_diff(old, new, deadline_ms=10_000) == unified_diff(old, new)
    assert unified_diff(old, new, context_lines=2**32 - 1) == unified_diff(old, new, context_lines=100)


def test_algorithms_differ_where_they_should() -> None:
    # Patience anchors on the unique lines; Myers finds a minimal diff instead.
    old = "a\nb\nc\na\nb\nc\nunique\n"
    new = "unique\na\nb\nc\na\nb\nc\n"
    diffs = {a: unified_diff(old, new, algorithm=a) for a in Algorithm}
    assert diffs[Algorithm.MYERS].count("\n") == 11
    assert diffs[Algorithm.PATIENCE].count("\n") == 16
    assert diffs[Algorithm.MYERS] == unified_diff(old, new, algorithm="myers")
    assert diffs[Algorithm.PATIENCE] == unified_diff(old, new, algorithm="patience")


@pytest.mark.parametrize(
    ("old", "new"),
    [("a", b"a"), (b"a", "a"), ("a", bytearray(b"a")), (memoryview(b"a"), "a")],
)
def test_mixing_str_and_bytes_is_a_type_error(old: object, new: object) -> None:
    with pytest.raises(TypeError, match="both be str .* or both be bytes-like"):
        unified_diff(old, new)  # type: ignore[call-overload]


@pytest.mark.parametrize("bad", [None, 1, 1.5, ["a"], object()])
def test_non_text_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="must be str or bytes-like"):
        unified_diff(b"a", bad)  # type: ignore[call-overload]
    with pytest.raises(TypeError):
        unified_diff(bad, "a")  # type: ignore[call-overload]


def test_non_contiguous_buffer_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="non-contiguous"):
        unified_diff(memoryview(b"abcdef")[::2], b"x")


def test_unencodable_str_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="cannot be encoded as UTF-8"):
        unified_diff("a\ud800\n", "b\n")


@pytest.mark.parametrize(
    ("options", "error", "match"),
    [
        ({"context_lines": -1}, ValueError, "context_lines must be between 0 and"),
        ({"context_lines": 2**32}, ValueError, "context_lines must be between 0 and"),
        ({"context_lines": True}, TypeError, "context_lines must be an int, not bool"),
        ({"context_lines": 3.0}, TypeError, "context_lines must be an int, not float"),
        ({"context_lines": "3"}, TypeError, "context_lines must be an int, not str"),
        ({"deadline_ms": -5}, ValueError, "deadline_ms must be between 0 and"),
        ({"deadline_ms": 2**64}, ValueError, "deadline_ms must be between 0 and"),
        ({"deadline_ms": 1.5}, TypeError, "deadline_ms must be an int"),
        ({"algorithm": "fast"}, ValueError, "unknown algorithm 'fast'; expected one of 'myers', 'histogram', 'patience'"),
        ({"algorithm": "MYERS"}, ValueError, "unknown algorithm"),
        ({"algorithm": 0}, TypeError, "algorithm must be an Algorithm or one of"),
        ({"old_label": "a\nb"}, ValueError, "old_label must not contain a line break"),
        ({"new_label": "a\rb"}, ValueError, "new_label must not contain a line break"),
        ({"old_label": b"a"}, TypeError, "old_label must be str when diffing str"),
        ({"new_label": None}, TypeError, "new_label must be str when diffing str"),
        ({"old_label": "\udc80"}, ValueError, "old_label cannot be encoded as UTF-8"),
    ],
)
def test_bad_options_are_refused_before_c(options: dict[str, object], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        unified_diff("a\n", "b\n", **options)  # type: ignore[call-overload]


def test_bytes_labels_may_be_str_or_bytes_like_but_nothing_else() -> None:
    assert unified_diff(b"a\n", b"b\n", old_label=memoryview(b"L"), new_label="R").startswith(b"--- L\n+++ R\n")
    with pytest.raises(TypeError, match="old_label must be str or bytes-like, not int"):
        unified_diff(b"a\n", b"b\n", old_label=5)  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="new_label must not contain a line break"):
        unified_diff(b"a\n", b"b\n", new_label=b"x\n")


def test_every_status_maps_to_its_exception() -> None:
    expected = {
        lib.FD_ERR_NULL_ARGUMENT: fast_diff.NullArgumentError,
        lib.FD_ERR_INVALID_OPTIONS: fast_diff.InvalidOptionsError,
        lib.FD_ERR_INPUT_TOO_LARGE: fast_diff.InputTooLargeError,
        lib.FD_ERR_INTERNAL: fast_diff.InternalError,
        9999: DiffError,
    }
    messages = set()
    for status, cls in expected.items():
        error = _errors.error_for_status(status)
        assert type(error) is cls and isinstance(error, DiffError)
        assert error.status == status
        assert error.message == ffi.string(lib.fd_status_message(status)).decode()
        assert str(error) == f"{error.message} (fd_status {status})"
        messages.add(error.message)
    assert len(messages) == len(expected)


def status_function(status: int) -> Any:
    """A stand-in for an fd_ function that returns ``status`` and writes nothing."""
    return lambda *args: status


def test_the_call_helper_raises_the_exception_of_each_status() -> None:
    inputs = _inputs.lend(("old", "new"), (b"a\n", b"b\n"))
    assert call(status_function(lib.FD_OK), inputs, out=TEXT) == b""
    with pytest.raises(fast_diff.InputTooLargeError):
        call(status_function(lib.FD_ERR_INPUT_TOO_LARGE), inputs, out=TEXT)
    with pytest.raises(DiffError) as caught:
        call(status_function(9999), inputs, out=TEXT)
    assert type(caught.value) is DiffError and caught.value.status == 9999


class Recording(Output[Any]):
    """TEXT, keeping the out-parameters it made, to look at them after the call."""

    __slots__ = ("made",)

    def __init__(self) -> None:
        self.made: list[tuple[Any, ...]] = []

    def new(self) -> tuple[Any, ...]:
        outs = TEXT.new()
        self.made.append(outs)
        return outs

    def read(self, outs: tuple[Any, ...], inputs: _inputs.Lent) -> Any:
        return TEXT.read(outs, inputs)

    def free(self, outs: tuple[Any, ...]) -> None:
        TEXT.free(outs)


def test_a_c_error_is_raised_and_the_buffer_freed() -> None:
    # Options that bypass the Python checks reach C and come back as an exception.
    options = ffi.new("fd_options *")
    lib.fd_options_init(options)
    options.flags = 1 << 31
    recording = Recording()
    inputs = _inputs.lend(("old", "new"), ("", ""))
    with pytest.raises(fast_diff.InvalidOptionsError, match=r"invalid options .* \(fd_status 2\)"):
        call(lib.fd_unified_diff, inputs, options, out=recording)
    (out,) = recording.made[0]
    assert out.ptr == ffi.NULL and out.len == 0


def test_a_result_is_copied_and_its_buffer_freed() -> None:
    recording = Recording()
    inputs = _inputs.lend(("old", "new"), ("a\nb\n", "a\nc\n"))
    assert call(lib.fd_unified_diff, inputs, ffi.NULL, out=recording) == SIMPLE
    (out,) = recording.made[0]
    assert out.ptr == ffi.NULL and out.len == 0


def test_a_deadline_of_zero_means_no_limit_as_in_c() -> None:
    old = "".join(f"{i}\n" for i in range(1, 200))
    new = old.replace("50\n", "fifty\n")
    for function in (fast_diff.unified_diff, fast_diff.diff_stats, fast_diff.diff_hunks, fast_diff.word_diff):
        assert function(old, new, deadline_ms=0) == function(old, new, deadline_ms=None) == function(old, new)
    # 0 is the library's own default: the options are left to it (NULL).
    inputs = _inputs.lend(("old", "new"), (old, new))
    assert diff_options("unified_diff", {"deadline_ms": 0}, inputs, labels=True) == ffi.NULL
    assert diff_options("unified_diff", {"deadline_ms": 5}, inputs, labels=True).deadline_ms == 5
    # The largest deadline C takes is accepted too.
    assert unified_diff(old, new, deadline_ms=2**64 - 1) == unified_diff(old, new)


def test_large_inputs_round_trip_through_the_boundary() -> None:
    old = "".join(f"line {i}\n" for i in range(200_000))
    new = old.replace("line 100000\n", "changed\n")
    diff = unified_diff(old, new)
    assert "-line 100000\n+changed\n" in diff
    assert unified_diff(old.encode(), new.encode()) == diff.encode()


def test_interpreter_survives_odd_calls() -> None:
    # None of these may crash the interpreter; each raises a Python exception.
    for call in (
        lambda: unified_diff(),  # type: ignore[call-overload]
        lambda: unified_diff("a"),  # type: ignore[call-overload]
        lambda: unified_diff("a", "b", "c"),  # type: ignore[call-overload]
        lambda: unified_diff("a", "b", context_lines=sys.maxsize * 4),
        lambda: unified_diff("a", "b", bogus=1),  # type: ignore[call-overload]
    ):
        with pytest.raises((TypeError, ValueError)):
            call()


class Text(str):
    """A str subclass: still text, and may not be lent by address by mistake."""


def test_ascii_str_is_lent_without_copy_and_agrees_with_encoding() -> None:
    # On CPython, ASCII text reaches C from the str's own storage.
    assert _inputs._LEND_ASCII_STR == (sys.implementation.name == "cpython")
    long = "x" * _inputs.LEND_MIN_LENGTH + "\n"
    pairs = [
        ("a\nb\n", "a\nc\n"),  # short: encoded
        (long + "a\nb\n", long + "a\nc\n"),  # both ASCII and long: both lent
        (long + "a\nb\n", long + "a\nç\n"),  # one lent, one encoded
        ("é" + long, "é" + long + "c\n"),  # both encoded
        ("", long),
        (long + "a\0b\r\nc", long + "a\0b\r\nd"),
        (Text(long + "p\nq\n"), Text(long + "p\nr\n")),
        ("x" * 100_000 + "\n" + "y\n" * 1000, "x" * 100_000 + "\n" + "z\n" * 1000),
    ]
    for old, new in pairs:
        expected = unified_diff(old.encode(), new.encode()).decode()
        assert unified_diff(old, new) == expected
        assert unified_diff(old, new, context_lines=1) == unified_diff(old.encode(), new.encode(), context_lines=1).decode()


def test_a_long_ascii_str_is_lent_from_its_own_storage() -> None:
    if not _inputs._LEND_ASCII_STR:
        pytest.skip("only CPython lends str storage")
    text = "line\n" * 2000
    pointer, length = _inputs.lend_str("old", text)
    assert isinstance(pointer, ffi.CData) and length == len(text)
    assert ffi.buffer(pointer, length)[:] == text.encode()
    # Short or non-ASCII text is encoded instead.
    assert _inputs.lend_str("old", "short\n") == (b"short\n", 6)
    assert _inputs.lend_str("old", "é" * 5000) == (("é" * 5000).encode(), 10000)


MODE_NAMES = ["ignore_space_change", "ignore_all_space", "ignore_blank_lines", "ignore_case", "strip_trailing_cr"]
DIFF_KEYWORDS = ["context_lines", "algorithm", "deadline_ms", *MODE_NAMES]


@pytest.mark.parametrize(
    ("function", "keywords"),
    [
        (fast_diff.unified_diff, [*DIFF_KEYWORDS, "old_label", "new_label"]),
        (fast_diff.unified_diff_stats, [*DIFF_KEYWORDS, "old_label", "new_label"]),
        (fast_diff.diff_stats, DIFF_KEYWORDS),
        (fast_diff.diff_hunks, DIFF_KEYWORDS),
        (fast_diff.word_diff, ["granularity", *DIFF_KEYWORDS, "old_label", "new_label"]),
        (
            fast_diff.apply_patch,
            ["max_offset", "fuzz", "recount", "strict", "reverse", "ignore_whitespace", "strict_line_endings", "partial"],
        ),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_signatures_show_every_keyword_with_the_librarys_default(function: Any, keywords: list[str]) -> None:
    signature = inspect.signature(function)
    parameters = list(signature.parameters.values())
    assert [p.kind for p in parameters[:2]] == [inspect.Parameter.POSITIONAL_OR_KEYWORD] * 2
    assert [p.name for p in parameters[2:]] == keywords
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters[2:])
    defaults = {p.name: p.default for p in parameters[2:]}
    assert {defaults[name] for name in MODE_NAMES if name in defaults} <= {False}
    # Passing every default explicitly is the same as passing none.
    old, new = "a\nb\nc\nd\ne\nf\ng\nh\n", "a\nB\nc\nd\ne\nf\ng\nH\n"
    if function is fast_diff.apply_patch:
        old, new = old, unified_diff(old, new)
    assert function(old, new, **defaults) == function(old, new)
    assert function(old.encode(), new.encode(), **defaults) == function(old.encode(), new.encode())
