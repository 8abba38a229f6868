"""The package is clean under mypy --strict, and its types say what it does."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

USAGE = Path(__file__).with_name("typing_usage.py")


def mypy(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--show-error-codes", *args],
        capture_output=True,
        text=True,
        cwd=USAGE.parent,
    )


def test_installed_package_is_mypy_strict_clean() -> None:
    result = mypy("-p", "fast_diff")
    assert result.returncode == 0, result.stdout + result.stderr


def test_overloads_accept_and_reject_what_they_should() -> None:
    result = mypy(str(USAGE))
    expected = {i for i, line in enumerate(USAGE.read_text().splitlines(), start=1) if "# E:" in line}
    reported = {int(m.group(1)) for m in re.finditer(rf"{re.escape(USAGE.name)}:(\d+): error", result.stdout)}
    assert reported == expected, result.stdout
