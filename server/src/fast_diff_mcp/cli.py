"""`fast-diff-mcp`: runs the server over stdio (the default) or streamable HTTP."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from . import limits
from .server import create_server

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8080
HTTP_PATH = "/mcp"


def default_port() -> int:
    value = os.environ.get("PORT")
    if value is None:
        return DEFAULT_PORT
    try:
        port = int(value)
    except ValueError:
        raise limits.ConfigError(f"PORT must be a port number, not {value!r}") from None
    if not 0 <= port <= 65535:
        raise limits.ConfigError(f"PORT must be between 0 and 65535, not {port}")
    return port


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
        "--port", type=int, default=None, help=f"HTTP port (default $PORT, or {DEFAULT_PORT}); the endpoint is {HTTP_PATH}"
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
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        max_input = (
            limits.max_input_bytes()
            if args.max_input_bytes is None
            else limits.parse_size(args.max_input_bytes, "--max-input-bytes")
        )
        max_output = (
            limits.max_output_chars()
            if args.max_output_chars is None
            else limits.parse_size(args.max_output_chars, "--max-output-chars", "characters")
        )
        port = default_port() if args.port is None else args.port
        server = create_server(
            max_input_bytes=max_input, roots=args.root, max_output_chars=max_output, allow_write=args.allow_write
        )
    except limits.ConfigError as error:
        print(f"fast-diff-mcp: {error}", file=sys.stderr)
        return 2
    if args.transport == "http":
        # "auto" guards a loopback-bound server against DNS rebinding (Host and
        # Origin headers are checked); bound elsewhere, the deployment must.
        server.run(transport="http", host=args.host, port=port, path=HTTP_PATH, host_origin_protection="auto")
    else:
        server.run(transport="stdio", show_banner=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
