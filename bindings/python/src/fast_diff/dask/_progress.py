"""A one-line progress bar on standard error, drawn only when it is a terminal."""

from __future__ import annotations

import time
from typing import IO


class Progress:
    """``update(done, total)`` redraws the bar at most ten times a second; ``close`` clears it."""

    def __init__(self, stream: IO[str], width: int = 30) -> None:
        self.stream = stream
        self.width = width
        self.shown = stream.isatty()
        self.last = 0.0

    def update(self, done: int, total: int) -> None:
        if not self.shown:
            return
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        filled = self.width * done // max(total, 1)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{bar}] {done}/{total} chunks")
        self.stream.flush()

    def close(self) -> None:
        if self.shown and self.last:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
