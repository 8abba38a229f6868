"""Keeping the memory of a large request for the next one, and giving it back once the server is idle.

A large request costs the server fresh memory several times over: the
body (20 MB for the article's case), each text parsed out of it, the
answer. glibc's allocator hands a block that large out of fresh pages of
its own (mmap) and returns them on free, so each request faults every page
in again: on this project's development machine about 4,900 page faults
per 20 MB, some 20 ms, more than the rest of the request's work. Asked to
keep up to ``retain_bytes`` of freed memory and to serve blocks up to 32
MiB from it (``mallopt``), the next request reuses those pages instead.
After ``idle_s`` seconds without a large request, what was kept is given
back to the system (``malloc_trim``), so an idle server holds no more than
a fresh one.

This is the server process's choice (the command does it; ``create_server``
does not touch the allocator of a program that embeds it), and only where
the C library is glibc; elsewhere it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
import time

M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
MMAP_THRESHOLD_MAX = 32 * 1024 * 1024
"""glibc's largest M_MMAP_THRESHOLD on 64-bit systems."""

_last_large = 0.0
_kept = False


def note_large_request() -> None:
    """Called when a large request arrives: memory is being kept for the next one."""
    global _last_large, _kept
    _last_large = time.monotonic()
    _kept = True


def keep_freed_memory(retain_bytes: int, idle_s: float = 10.0) -> bool:
    """Keeps up to ``retain_bytes`` of freed memory for reuse; False where the allocator is not glibc's."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt, malloc_trim = libc.mallopt, libc.malloc_trim
    except (OSError, AttributeError):
        return False
    if not (mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_MAX) and mallopt(M_TRIM_THRESHOLD, retain_bytes)):
        return False

    def trim_when_idle() -> None:
        global _kept
        while True:
            time.sleep(idle_s / 2)
            if _kept and time.monotonic() - _last_large >= idle_s:
                _kept = False
                malloc_trim(0)

    threading.Thread(target=trim_when_idle, name="fast-diff-trim", daemon=True).start()
    return True
