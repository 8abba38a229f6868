"""What a server was started with, checked once, and the checks every tool call makes against it."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from fastmcp.exceptions import ToolError

from . import limits
from .roots import Roots
from .workers import WorkerLimits


@dataclass(frozen=True)
class Settings:
    max_input_bytes: int
    """The largest total size, in UTF-8, of the texts one call may send or read."""
    max_output_chars: int | None
    """The diff tools' output limit when a call names none (None: no limit)."""
    roots: Roots
    """The directories the file tools may read (none: those tools are not offered)."""
    deadline_ms: int = limits.DEFAULT_DEADLINE_MS
    """How long a call may look for the smallest answer (see ``deadline``)."""
    workers: WorkerLimits = field(default_factory=WorkerLimits)
    """How many calls run at once, heavy and light, and how long one may wait (see ``workers``)."""
    word_deadline_ms: int = limits.DEFAULT_WORD_DEADLINE_MS
    """The deadline of the word diff behind the `words` and `html` outputs."""
    allow_write: bool = False
    """Whether `edit_files` is offered (with roots): the only tool that writes."""

    @classmethod
    def of(
        cls,
        max_input_bytes: int | None = None,
        roots: Sequence[str | os.PathLike[str]] = (),
        max_output_chars: int | None = None,
        *,
        deadline_ms: int | None = None,
        workers: WorkerLimits | None = None,
        allow_hard_links: bool = False,
        word_deadline_ms: int | None = None,
        allow_write: bool = False,
    ) -> Settings:
        """Settings from ``create_server``'s arguments: ``max_input_bytes`` defaults to
        ``FAST_DIFF_MAX_INPUT_BYTES`` or 64 MiB, ``deadline_ms`` to ``FAST_DIFF_DEADLINE_MS`` or
        5 seconds; bad values raise ``limits.ConfigError``."""
        limit = limits.max_input_bytes() if max_input_bytes is None else max_input_bytes
        if limit <= 0:
            raise limits.ConfigError(f"max_input_bytes must be positive, not {limit}")
        if max_output_chars is not None and max_output_chars <= 0:
            raise limits.ConfigError(f"max_output_chars must be positive, not {max_output_chars}")
        deadline = limits.deadline_ms() if deadline_ms is None else deadline_ms
        if deadline <= 0:
            raise limits.ConfigError(f"deadline_ms must be positive, not {deadline}")
        word_deadline = limits.word_deadline_ms() if word_deadline_ms is None else word_deadline_ms
        if word_deadline <= 0:
            raise limits.ConfigError(f"word_deadline_ms must be positive, not {word_deadline}")
        return cls(
            limit,
            max_output_chars,
            Roots(roots, allow_hard_links=allow_hard_links),
            deadline,
            workers or WorkerLimits(),
            word_deadline,
            allow_write,
        )

    def check_texts(self, texts: Mapping[str, str]) -> None:
        """A tool error unless the texts (named by their parameters) are valid Unicode and within the input limit."""
        size = 0
        for name, text in texts.items():
            try:
                size += limits.utf8_size(text)
            except UnicodeEncodeError as error:
                # Valid JSON ("\ud800") but not text: name where, rather than let the engine refuse it.
                raise ToolError(
                    f"{name} is not valid Unicode: it holds a lone surrogate at index {error.start} "
                    f"({error.reason}); send text that UTF-8 can encode."
                ) from None
        if size > self.max_input_bytes:
            raise ToolError(limits.over_limit_message(size, self.max_input_bytes))
