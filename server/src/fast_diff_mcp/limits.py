"""The server's limits: the input limit, the HTTP request size that follows from it, the deadline and
the workers, each from its option or environment variable."""

from __future__ import annotations

import os
from collections.abc import Mapping

ENV_MAX_INPUT_BYTES = "FAST_DIFF_MAX_INPUT_BYTES"
ENV_MAX_OUTPUT_CHARS = "FAST_DIFF_MAX_OUTPUT_CHARS"
ENV_DEADLINE_MS = "FAST_DIFF_DEADLINE_MS"
ENV_WORD_DEADLINE_MS = "FAST_DIFF_WORD_DEADLINE_MS"
DEFAULT_WORD_DEADLINE_MS = 3000
"""How long the word diff of the `words` and `html` outputs may search for small marks before it
finishes with coarser ones (it is near-linear anyway; this bounds a call's time further)."""
DEFAULT_MAX_INPUT_BYTES = 64 * 1024 * 1024
DEFAULT_DEADLINE_MS = 5000

# A request body holds the texts as JSON strings, where a line break is two
# bytes (\n) and a quote or a tab two as well; text rarely has one of those
# in eight bytes. A body is allowed that much on top of the input limit, and
# room for the envelope (labels, names, _meta): bodies past that are refused
# before they are read, so that a request costs at most about its input
# limit in memory while it is received. (JSON may spell a control character
# in six bytes: a text made of those is refused by its size at the HTTP
# layer, with a message that says so.)
JSON_ESCAPES_PER_BYTE = 1 / 8
ENVELOPE_BYTES = 64 * 1024


class ConfigError(ValueError):
    """A setting the server cannot start with."""


def parse_size(text: str, source: str, unit: str = "bytes") -> int:
    """A positive number of ``unit``, as written in ``source``."""
    try:
        size = int(text.strip().replace("_", ""))
    except ValueError:
        raise ConfigError(f"{source} must be a whole number of {unit}, not {text!r}") from None
    if size <= 0:
        raise ConfigError(f"{source} must be a positive number of {unit}, not {size}")
    return size


def max_input_bytes(environ: Mapping[str, str] | None = None) -> int:
    """The limit from ``FAST_DIFF_MAX_INPUT_BYTES``, or 64 MiB."""
    value = (os.environ if environ is None else environ).get(ENV_MAX_INPUT_BYTES)
    return DEFAULT_MAX_INPUT_BYTES if value is None else parse_size(value, ENV_MAX_INPUT_BYTES)


def max_output_chars(environ: Mapping[str, str] | None = None) -> int | None:
    """The diff tools' default output limit from ``FAST_DIFF_MAX_OUTPUT_CHARS``, or None (no limit)."""
    value = (os.environ if environ is None else environ).get(ENV_MAX_OUTPUT_CHARS)
    return None if value is None else parse_size(value, ENV_MAX_OUTPUT_CHARS, "characters")


def deadline_ms(environ: Mapping[str, str] | None = None) -> int:
    """The tools' deadline from ``FAST_DIFF_DEADLINE_MS``, or 5 seconds."""
    value = (os.environ if environ is None else environ).get(ENV_DEADLINE_MS)
    return DEFAULT_DEADLINE_MS if value is None else parse_size(value, ENV_DEADLINE_MS, "milliseconds")


def max_request_body_bytes(max_input: int) -> int:
    """The largest HTTP request body to accept for a given input limit: the
    texts' bytes, their JSON escapes, and the envelope."""
    return max_input + int(max_input * JSON_ESCAPES_PER_BYTE) + ENVELOPE_BYTES


def utf8_size(text: str) -> int:
    """The length of ``text`` in UTF-8, without encoding it when it is ASCII.
    Raises UnicodeEncodeError for a lone surrogate, which UTF-8 cannot encode."""
    return len(text) if text.isascii() else len(text.encode("utf-8"))


def human(size: int) -> str:
    """``size`` in bytes, with a binary unit where one fits."""
    for unit, factor in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= factor:
            return f"{size:,} bytes ({size / factor:g} {unit})"
    return f"{size:,} bytes"


def over_limit_message(size: int, limit: int) -> str:
    return (
        f"The two texts are {human(size)} together in UTF-8, over this server's input limit of "
        f"{human(limit)}. Send smaller texts (for example one file or section at a time), or ask "
        f"whoever runs the server to raise the limit: set the environment variable "
        f"{ENV_MAX_INPUT_BYTES} to a number of bytes (or pass --max-input-bytes) and restart it."
    )


def files_over_limit_hint(limit: int) -> str:
    return (
        f"of this server's input limit of {human(limit)} for the two files together. Compare smaller files, "
        f"or ask whoever runs the server to raise the limit: set {ENV_MAX_INPUT_BYTES} to a number of bytes "
        "(or pass --max-input-bytes) and restart it."
    )


def word_deadline_ms(environ: Mapping[str, str] | None = None) -> int:
    """The word diff's deadline from ``FAST_DIFF_WORD_DEADLINE_MS``, or 3 seconds."""
    value = (os.environ if environ is None else environ).get(ENV_WORD_DEADLINE_MS)
    return DEFAULT_WORD_DEADLINE_MS if value is None else parse_size(value, ENV_WORD_DEADLINE_MS, "milliseconds")
