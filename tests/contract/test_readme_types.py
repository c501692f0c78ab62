"""The README's Python is ordinary typed user code: every ```python block passes
`mypy --strict` as it stands, with no casts or guards on members the server always sends.
(The examples under examples/ are in mypy's own file list, so `make check` covers them.)"""

from __future__ import annotations

import re
from pathlib import Path

from mypy import api

from tests.conftest import ROOT

BLOCK = re.compile(r"^```python\n(.*?)^```", re.M | re.S)


def readme_blocks() -> list[str]:
    return BLOCK.findall((ROOT / "README.md").read_text(encoding="utf-8"))


def test_the_readme_has_python_to_check() -> None:
    assert len(readme_blocks()) >= 3


def test_every_python_block_of_the_readme_passes_mypy_strict(tmp_path: Path) -> None:
    files = []
    for number, block in enumerate(readme_blocks(), start=1):
        path = tmp_path / f"readme_block_{number}.py"
        path.write_text(block, encoding="utf-8")
        files.append(str(path))
    stdout, stderr, status = api.run(
        [
            "--strict",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--no-incremental",
            "--cache-dir",
            str(tmp_path / "cache"),
            *files,
        ]
    )
    assert status == 0, stdout + stderr
