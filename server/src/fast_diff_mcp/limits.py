"""The server's input limit, and the HTTP request size that follows from it."""

from __future__ import annotations

import os
from collections.abc import Mapping

ENV_MAX_INPUT_BYTES = "FAST_DIFF_MAX_INPUT_BYTES"
ENV_MAX_OUTPUT_CHARS = "FAST_DIFF_MAX_OUTPUT_CHARS"
DEFAULT_MAX_INPUT_BYTES = 64 * 1024 * 1024

# JSON may spell one byte of text in up to six (a control character is
# \u00XX), and the envelope and labels need some room: a request whose
# texts are within the input limit must reach the tool, which then answers
# precisely, rather than be cut off by the HTTP layer with a bare 413.
JSON_EXPANSION = 6
ENVELOPE_BYTES = 1024 * 1024


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


def max_request_body_bytes(max_input: int) -> int:
    """The largest HTTP request body to accept for a given input limit."""
    return JSON_EXPANSION * max_input + ENVELOPE_BYTES


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
