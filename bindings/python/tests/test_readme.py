"""The package's README is its description (its page on PyPI). Its code blocks
run in the repository's tests/docs, with every other page of the manual."""

from __future__ import annotations

import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def test_the_readme_is_the_package_description() -> None:
    with (HERE / "pyproject.toml").open("rb") as f:
        assert tomllib.load(f)["project"]["readme"] == "README.md"
    assert (HERE / "README.md").read_text().count("```python") >= 6
