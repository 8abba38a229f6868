"""`fast-diff-mcp`: runs the server over stdio (the default) or streamable HTTP."""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

import anyio

from . import limits, memory
from .http import HTTP_PATH, HttpOptions
from .server import create_server
from .workers import WorkerLimits, cores

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8080


def port_number(text: str, source: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise limits.ConfigError(f"{source} must be a port number, not {text!r}") from None
    if not 0 <= port <= 65535:
        raise limits.ConfigError(f"{source} must be between 0 and 65535, not {port}")
    return port


def default_port() -> int:
    value = os.environ.get("PORT")
    return DEFAULT_PORT if value is None else port_number(value, "PORT")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="fast-diff-mcp",
        description="The fast-diff MCP server: unified diffs of two texts, and applying them, for AI agents.",
    )
    parser.add_argument(
        "--transport",
        choices=["stdio", "http"],
        default="stdio",
        help="stdio (default: for MCP clients that start the server) or streamable HTTP",
    )
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"HTTP address to listen on (default {DEFAULT_HOST})")
    parser.add_argument(
        "--port", default=None, help=f"HTTP port (default $PORT, or {DEFAULT_PORT}); the endpoint is {HTTP_PATH}"
    )
    parser.add_argument(
        "--max-input-bytes",
        default=None,
        metavar="N",
        help=(
            f"largest total size of the texts of one call, in bytes (default ${limits.ENV_MAX_INPUT_BYTES}, "
            f"or {limits.DEFAULT_MAX_INPUT_BYTES} = 64 MiB)"
        ),
    )
    parser.add_argument(
        "--max-output-chars",
        default=None,
        metavar="N",
        help=(
            "longest output of the diff tools, in characters, when a call leaves max_output_chars at 0: longer "
            f"ones are cut with a note of what was left out (default ${limits.ENV_MAX_OUTPUT_CHARS}, or no limit)"
        ),
    )
    parser.add_argument(
        "--root",
        action="append",
        default=[],
        metavar="DIR",
        help=(
            "a directory the diff_files tool may read (repeatable; relative paths are relative to the first). "
            "Without any, diff_files is not offered"
        ),
    )
    parser.add_argument(
        "--allow-write",
        action="store_true",
        help=(
            "offer the edit_files tool, which applies patches to files on disk inside the --root directories "
            "(all or nothing). Without it, no tool writes anything"
        ),
    )
    parser.add_argument(
        "--allow-hard-links",
        action="store_true",
        help=(
            "let diff_files read, and edit_files replace, files that have several names (hard links), whose "
            "other names may be outside the roots"
        ),
    )
    parser.add_argument(
        "--deadline-ms",
        default=None,
        metavar="N",
        help=(
            f"how long a call may look for the smallest diff before it finishes a coarser one, saying so "
            f"(default ${limits.ENV_DEADLINE_MS}, or {limits.DEFAULT_DEADLINE_MS}); at twice this, any call is answered"
        ),
    )
    parser.add_argument(
        "--heavy-workers",
        default=None,
        metavar="N",
        help=f"calls with large texts that run at once (default: one per core, here {cores()})",
    )
    parser.add_argument(
        "--max-wait-ms",
        default=None,
        metavar="N",
        help=f"how long a call may wait for a worker before it is answered busy (default {WorkerLimits.max_wait_ms})",
    )
    sessions = parser.add_mutually_exclusive_group()
    sessions.add_argument(
        "--stateless",
        dest="stateless",
        action="store_true",
        default=True,
        help="HTTP: every request stands alone, no sessions, so replicas may share one address (the default)",
    )
    sessions.add_argument(
        "--stateful", dest="stateless", action="store_false", help="HTTP: keep sessions (bounded in number and idle time)"
    )
    parser.add_argument(
        "--max-sessions",
        default=None,
        metavar="N",
        help=f"with --stateful: sessions open at once; at the limit the one idle longest is closed (default {HttpOptions.max_sessions})",
    )
    parser.add_argument(
        "--session-idle-timeout",
        default=None,
        metavar="SECONDS",
        help=f"with --stateful: a session idle this long is closed (default {HttpOptions.session_idle_timeout_s:g})",
    )
    parser.add_argument(
        "--body-timeout",
        default=None,
        metavar="SECONDS",
        help=(
            f"HTTP: how long each part of a request body may take to arrive, the whole six times this "
            f"(default {HttpOptions.body_timeout_s:g})"
        ),
    )
    return parser.parse_args(argv)


def _given(value: str | None, source: str, unit: str = "bytes") -> int | None:
    return None if value is None else limits.parse_size(value, source, unit)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        max_input = _given(args.max_input_bytes, "--max-input-bytes") or limits.max_input_bytes()
        max_output = _given(args.max_output_chars, "--max-output-chars", "characters") or limits.max_output_chars()
        port = default_port() if args.port is None else port_number(args.port, "--port")
        workers = WorkerLimits(
            **_given_only(
                heavy=_given(args.heavy_workers, "--heavy-workers", "workers"),
                max_wait_ms=_given(args.max_wait_ms, "--max-wait-ms", "milliseconds"),
            )
        )
        http = HttpOptions(
            stateless=args.stateless,
            **_given_only(
                max_sessions=_given(args.max_sessions, "--max-sessions", "sessions"),
                session_idle_timeout_s=_given(args.session_idle_timeout, "--session-idle-timeout", "seconds"),
                body_timeout_s=_given(args.body_timeout, "--body-timeout", "seconds"),
            ),
        )
        server = create_server(
            max_input_bytes=max_input,
            roots=args.root,
            max_output_chars=max_output,
            deadline_ms=_given(args.deadline_ms, "--deadline-ms", "milliseconds"),
            workers=workers,
            allow_hard_links=args.allow_hard_links,
            http=http,
            allow_write=args.allow_write,
        )
    except limits.ConfigError as error:
        print(f"fast-diff-mcp: {error}", file=sys.stderr)
        return 2
    memory.keep_freed_memory(2 * limits.max_request_body_bytes(max_input))
    if args.transport == "http":
        # "auto" guards a loopback-bound server against DNS rebinding (Host and
        # Origin headers are checked); bound elsewhere, the deployment must.
        run: Callable[[], Any] = functools.partial(
            server.run_http_async, transport="http", host=args.host, port=port, path=HTTP_PATH,
            host_origin_protection="auto",
        )
    else:
        run = functools.partial(server.run_stdio_async, show_banner=False)
    anyio.run(run, backend_options={"use_uvloop": _has_uvloop()})
    return 0


def _given_only(**values: int | None) -> dict[str, Any]:
    """The options given (the others keep their defaults)."""
    return {name: value for name, value in values.items() if value is not None}


def _has_uvloop() -> bool:
    try:
        import uvloop  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
