from __future__ import annotations

import sys
from pathlib import Path

import pytest

# servers.py, the helpers that run the server as a process, beside the tests.
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
