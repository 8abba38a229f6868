"""fast-diff-mcp: the fast-diff engine as an MCP server (FastMCP).

Run it with ``fast-diff-mcp`` (stdio) or ``fast-diff-mcp --transport http``;
``create_server`` builds the server for embedding and tests.
"""

from .server import create_server

__all__ = ["create_server"]
