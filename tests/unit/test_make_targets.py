"""What the Makefile's targets need: `make demo` (and the other Python-only targets) install the
Python environment only, so a Python user needs no Node, npm or Chromium to see the demo.
Checked with `make -n`, which prints every command a target would run, prerequisites included,
and runs none."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.conftest import ROOT

PYTHON_ONLY = ["demo", "sandbox", "bench", "bench-sandbox", "unasync", "dist"]


def planned(target: str) -> list[str]:
    make = shutil.which("make")
    assert make is not None
    done = subprocess.run(
        [make, "-n", target], cwd=ROOT, capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.splitlines()


@pytest.mark.parametrize("target", PYTHON_ONLY)
def test_python_only_targets_install_no_node_tools(target: str) -> None:
    commands = planned(target)
    installs = [c for c in commands if "scripts/install.sh" in c]
    assert installs == ["bash scripts/install.sh --python"], commands
    assert not [c for c in commands if "npm" in c or "node" in c.split()], commands


def test_install_python_stops_before_the_node_tools() -> None:
    """The script's Python-only mode ends right after the venv, before anything about npm."""
    script = (ROOT / "scripts" / "install.sh").read_text(encoding="utf-8")
    venv_done = script.index('echo "install: .venv is in sync')
    stop = script.index("exit 0", venv_done)
    assert "npm" not in script[venv_done:stop] and stop < script.index("npm ci")


def test_the_full_install_still_builds_the_node_tools() -> None:
    assert "bash scripts/install.sh" in planned("check")
