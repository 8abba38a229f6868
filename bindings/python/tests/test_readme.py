"""The package's README (its page on PyPI) runs as written: every ```python block,
each on its own, imports and inputs included."""

from __future__ import annotations

import contextlib
import io
import re
import tomllib
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parents[1]
README = HERE / "README.md"
BLOCKS = re.findall(r"^```python\n(.*?)^```$", README.read_text(), flags=re.MULTILINE | re.DOTALL)


def test_the_readme_is_the_package_description() -> None:
    with (HERE / "pyproject.toml").open("rb") as f:
        assert tomllib.load(f)["project"]["readme"] == "README.md"
    assert len(BLOCKS) >= 6


@pytest.mark.parametrize("block", BLOCKS, ids=[f"block{i + 1}" for i in range(len(BLOCKS))])
def test_every_python_block_runs(block: str) -> None:
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(block, str(README), "exec"), {"__name__": "__readme__"})
    assert output.getvalue(), "each example prints what it shows"
