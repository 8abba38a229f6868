"""The installed server package is clean under mypy --strict."""

from __future__ import annotations

import subprocess
import sys


def test_installed_package_is_mypy_strict_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "-p", "fast_diff_mcp"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
