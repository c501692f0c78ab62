"""Shared fixtures: the spec, loaded once, and the reference data kept under tests/data/."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests._loopback import ensure_loopback_up

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi" / "which50.yaml"
DATA = Path(__file__).resolve().parent / "data"

HTTP_METHODS = ("get", "put", "post", "patch", "delete", "head", "options", "trace")


@cache
def load_spec() -> dict[str, Any]:
    """The spec, parsed once per test run (also for module-level parametrisation)."""
    loaded: dict[str, Any] = yaml.load(
        SPEC_PATH.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader
    )
    return loaded


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    return load_spec()


@pytest.fixture(scope="session")
def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(METHOD, path, operation) for every operation of the spec."""
    return [
        (method.upper(), path, op)
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if method in HTTP_METHODS
    ]


def pytest_configure(config: pytest.Config) -> None:
    config.stash[LOOPBACK_PROBLEM] = ensure_loopback_up()


def pytest_report_header(config: pytest.Config) -> str | None:
    problem = config.stash.get(LOOPBACK_PROBLEM, None)
    return f"WARNING: {problem}; the tests that start a sandbox will fail" if problem else None


LOOPBACK_PROBLEM = pytest.StashKey[str | None]()
#: Where the tests outside tests/recorded/ may connect: the sandboxes they start on loopback.
LOOPBACK = [r"127\.0\.0\.1$", r"::1$", r"localhost$"]
RECORDED = Path(__file__).resolve().parent / "recorded"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """With `--block-network` (on by default, see pyproject.toml), allow loopback where needed.

    The replayed tests under tests/recorded/ get no exception: nothing may leave the process.
    """
    for item in items:
        if RECORDED not in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.block_network(allowed_hosts=LOOPBACK))
