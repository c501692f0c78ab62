"""Replays fail loudly: a test whose cassette is missing, or whose request changed, fails.

Each case runs one recorded test in a child pytest against a copy of the cassettes
(`WHICH50_CASSETTE_ROOT`), with the default options: `--record-mode=none --block-network`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.recorded import _harness as h

TEST = "tests/recorded/test_errors.py::test_read_only_credential_reads_but_gets_403_on_a_write"
CASSETTE = Path("test_errors") / "test_read_only_credential_reads_but_gets_403_on_a_write[sync]"


def replay(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WHICH50_CASSETTE_ROOT": str(root)}
    env.pop("WHICH50_RECORD", None)
    return subprocess.run(
        [sys.executable, "-m", "pytest", f"{TEST}[sync]", "-p", "no:cacheprovider", "--no-cov"],
        cwd=h.ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def cassettes(tmp_path: Path) -> Path:
    root = tmp_path / "cassettes"
    shutil.copytree(h.SANDBOX_CASSETTES / "test_errors", root / "test_errors")
    return root


def test_the_copy_replays(cassettes: Path) -> None:
    result = replay(cassettes)
    assert result.returncode == 0, result.stdout[-3000:]


def test_a_missing_cassette_fails(cassettes: Path) -> None:
    (cassettes / CASSETTE).with_suffix(".yaml").unlink()
    result = replay(cassettes)
    assert result.returncode == 1
    assert "CannotOverwriteExistingCassetteException" in result.stdout


def test_a_changed_request_body_fails(cassettes: Path) -> None:
    path = (cassettes / CASSETTE).with_suffix(".yaml")
    text = path.read_text()
    assert '"Email":"readonly@example.ie"' in text  # the upsert's body
    path.write_text(text.replace('"Email":"readonly@example.ie"', '"Email":"other@example.ie"'))
    result = replay(cassettes)
    assert result.returncode == 1
    assert "CannotOverwriteExistingCassetteException" in result.stdout
