"""Every example under examples/ runs to completion against a sandbox, as a user would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from which50_sandbox.testing import SandboxServer

from tests.conftest import ROOT

EXAMPLES = sorted((ROOT / "examples").glob("*.py"))


def test_every_readme_section_has_an_example() -> None:
    names = {path.stem for path in EXAMPLES}
    assert {
        "quickstart",
        "configuration",
        "errors",
        "retries_and_timeouts",
        "bulk_import",
        "files",
        "logging_setup",
        "raw_client",
        "webhooks",
    } <= names
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f"examples/{path.name}" in readme for path in EXAMPLES)


@pytest.mark.parametrize("example", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_example_runs(example: Path, shared_server: SandboxServer) -> None:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("WHICH50_")},
        "WHICH50_BASE_URL": shared_server.base_url,
        "WHICH50_TOKEN": shared_server.token,
        "DEMO_CONTACTS": "3000",
    }
    done = subprocess.run(
        [sys.executable, str(example)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert shared_server.token not in done.stdout + done.stderr
